"""The errors flashpoint raises, each naming the file, line or URL and the problem.

    FlashpointError
     ├── ConfigError        a setting or flashpoint.toml is wrong
     ├── InputError         a document source cannot be read (file, line, URL)
     ├── StoreError         the store cannot be opened, read or written
     │    └── ConflictError a write contradicts what is stored (a doc_id reused)
     └── UsageError         a function or command was called wrongly (bad option value)

The CLI turns any of them into one line on stderr and exit code 1 (2 for UsageError).
"""

from __future__ import annotations


class FlashpointError(Exception):
    """Base class of every error flashpoint raises on purpose."""


class ConfigError(FlashpointError):
    """A setting, environment variable or flashpoint.toml entry is invalid."""


class InputError(FlashpointError):
    """A file, record or URL cannot be read as a document."""


class StoreError(FlashpointError):
    """The store cannot be opened, read or written."""


class ConflictError(StoreError):
    """A write contradicts what is already stored."""


class UsageError(FlashpointError):
    """A command or function was called with invalid arguments."""


def json_problem(err: ValueError) -> str:
    """Describe a json.JSONDecodeError for one line of a message: column and what is wrong."""
    msg = getattr(err, "msg", str(err))
    if msg.endswith(" at"):
        msg = msg[:-3] + " here"
    column = getattr(err, "colno", None)
    return f"not valid JSON at column {column} ({msg})" if column else f"not valid JSON ({msg})"
