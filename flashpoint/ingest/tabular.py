"""Files of many records — JSON, JSONL, CSV/TSV, Parquet — → (origin, record) pairs."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flashpoint.errors import InputError, json_problem
from flashpoint.ingest.records import text_column

Record = tuple[str, dict[str, Any] | InputError]
"""An origin ('file:LINE') and either the record read there or the error that stopped it."""

_LIST_KEYS = ("documents", "items", "articles", "records", "data")


def jsonl_records(text: str, path: Path) -> Iterator[Record]:
    """One record per non-blank line; a broken line yields its error and the rest go on."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as err:
            yield origin, InputError(f"{origin}: {json_problem(err)}")
            continue
        if not isinstance(value, dict):
            yield (
                origin,
                InputError(f"{origin}: expected a JSON object, got {type(value).__name__}"),
            )
            continue
        yield origin, value


def json_records(text: str, path: Path) -> Iterator[Record]:
    """A JSON file holding one document object, a list of them, or {"documents": [...]}."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"{path}:{err.lineno}: {json_problem(err)}") from None
    if isinstance(value, dict):
        listed = next((value[k] for k in _LIST_KEYS if isinstance(value.get(k), list)), None)
        items = listed if listed is not None else [value]
    elif isinstance(value, list):
        items = value
    else:
        raise InputError(f"{path}: expected a JSON object or list, got {type(value).__name__}")
    if not items:
        raise InputError(f"{path}: the JSON list holds no documents")
    for index, item in enumerate(items, start=1):
        origin = f"{path}: item {index}" if len(items) > 1 else str(path)
        if isinstance(item, dict):
            yield origin, item
        else:
            yield origin, InputError(f"{origin}: expected a JSON object, got {type(item).__name__}")


def csv_records(text: str, path: Path, *, delimiter: str) -> Iterator[Record]:
    """One record per row under a header row naming the columns; the text column is required."""
    csv.field_size_limit(sys.maxsize)
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(f"{path}: empty file") from None
    except csv.Error as err:
        raise InputError(f"{path}:1: not valid CSV ({err})") from None
    header = [h.strip().lstrip("\ufeff") for h in header]
    if text_column(header) is None:
        shown = ", ".join(header) if any(header) else "none"
        raise InputError(
            f"{path}: no text column (columns: {shown}); name one 'text', 'body' or 'content'"
        )
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield f"{path}:{line}", InputError(f"{path}:{line}: not valid CSV ({err})")
            return
        origin = f"{path}:{line}"
        line = reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield (
                origin,
                InputError(f"{origin}: {len(row)} fields where the header has {len(header)}"),
            )
            continue
        yield origin, dict(zip(header, row, strict=True))


def parquet_records(path: Path) -> Iterator[Record]:
    """One record per row of a Parquet file (for example a flashpoint export)."""
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except Exception as err:  # pyarrow raises ArrowInvalid, OSError and others
        raise InputError(f"{path}: not a readable Parquet file ({err})") from None
    if text_column(table.column_names) is None:
        raise InputError(
            f"{path}: no text column (columns: {', '.join(table.column_names)}); "
            "name one 'text', 'body' or 'content'"
        )
    for index, row in enumerate(table.to_pylist(), start=1):
        yield f"{path}: row {index}", row
