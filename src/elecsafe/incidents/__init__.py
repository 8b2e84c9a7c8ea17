"""The incident and threat log: counts and patterns (summary), edits (log)."""
