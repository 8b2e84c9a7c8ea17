"""Output formats for findings. Each reporter is ``render(result) -> str``."""
