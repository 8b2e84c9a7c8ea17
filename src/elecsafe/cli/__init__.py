"""The Typer layer: parse options, call the core, print, map errors to exit codes.

Each command lives in its own module with a ``register(app)`` function; modules import only
typer and the standard library at the top, so ``elecsafe --help`` stays fast.
"""
