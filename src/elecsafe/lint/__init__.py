"""Linting: the finding runner, the guidance rules and the reporters."""
