"""Stores: the Store protocol and the backends behind it, opened by `open_store()`."""

from __future__ import annotations

from pathlib import Path

from flashpoint.errors import UsageError
from flashpoint.store.base import Store, WriteResult
from flashpoint.store.duckdb_store import DuckDBStore

__all__ = ["DuckDBStore", "Store", "WriteResult", "open_store"]


def open_store(target: str | Path, *, read_only: bool = False) -> DuckDBStore:
    """Open the store named by a DuckDB file path (PostgreSQL URLs are refused for now)."""
    text = str(target)
    if text.startswith(("postgresql://", "postgres://")):
        raise UsageError(
            f"{text}: PostgreSQL stores are not supported by this version; use a DuckDB file"
        )
    return DuckDBStore(target, read_only=read_only)
