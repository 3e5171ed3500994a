"""The command-line face: `flashpoint COMMAND ...`; each command parses, calls, prints."""

from flashpoint.cli.app import app, main

__all__ = ["app", "main"]
