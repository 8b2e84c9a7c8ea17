"""A plan's life over the years: what changed between two versions (:mod:`.diff`)."""
