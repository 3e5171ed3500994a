"""Store tables → files: JSONL, CSV, TSV, Parquet and the exchange format, in one dialect.

The dialect: UTF-8 without a BOM; CSV/TSV with a header row, RFC 4180 quoting (a field holding
the delimiter, a quote or a line break is quoted), empty field for null; JSON null for null in
JSONL; dates as YYYY-MM-DD and timestamps as YYYY-MM-DDTHH:MM:SS[.ffffff] (UTC, no offset);
lists (topics) as JSON arrays in CSV/TSV cells.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any, BinaryIO

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from flashpoint.errors import UsageError
from flashpoint.models import Commitment, Event
from flashpoint.schema import TABLES
from flashpoint.store.base import Store

EXPORT_FORMATS = ("jsonl", "csv", "tsv", "parquet", "exchange")
"""Formats `export()` writes; `exchange` is the documents with their annotations nested."""


def export(store: Store, fmt: str, out: BinaryIO, *, table: str = "documents") -> int:
    """Write one table (or the exchange format) of `store` to `out`; return the rows written."""
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    if fmt == "exchange":
        return _write_lines(
            out, (json.dumps(doc, ensure_ascii=False) for doc in exchange_documents(store))
        )
    if table not in TABLES:
        raise UsageError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")
    return write_arrow(store.read_table(table), fmt, out)


FRAME_FORMATS = ("csv", "tsv", "jsonl", "json", "parquet")
"""Formats `write_frame()` and `write_arrow()` write (the CLI adds `table` for people)."""


def write_frame(frame: pd.DataFrame, fmt: str, out: BinaryIO) -> int:
    """Write a DataFrame in the export dialect (csv, tsv, jsonl, json, parquet); return rows."""
    return write_arrow(pa.Table.from_pandas(frame, preserve_index=False), fmt, out)


def write_arrow(data: pa.Table, fmt: str, out: BinaryIO) -> int:
    """Write an Arrow table in the export dialect (csv, tsv, jsonl, json, parquet); return rows."""
    if fmt not in FRAME_FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FRAME_FORMATS)}")
    if fmt == "parquet":
        pq.write_table(data, out)
        return int(data.num_rows)
    rows = ({k: _json_value(v) for k, v in row.items()} for row in _rows(data))
    if fmt == "json":
        listed = list(rows)
        out.write(json.dumps(listed, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
        return len(listed)
    if fmt == "jsonl":
        return _write_lines(out, (json.dumps(row, ensure_ascii=False) for row in rows))
    return _write_delimited(out, data, delimiter="," if fmt == "csv" else "\t")


def to_frame(data: pa.Table) -> pd.DataFrame:
    """Arrow → pandas with the documented dtypes: strings as str, dates and times as datetime64."""
    frame: pd.DataFrame = data.to_pandas(date_as_object=False)
    return frame


def _rows(data: pa.Table) -> Iterator[dict[str, Any]]:
    for batch in data.to_batches(max_chunksize=2048):
        yield from batch.to_pylist()


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _write_lines(out: BinaryIO, lines: Iterator[str]) -> int:
    count = 0
    for line in lines:
        out.write(line.encode("utf-8") + b"\n")
        count += 1
    return count


def _write_delimited(out: BinaryIO, data: pa.Table, *, delimiter: str) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.writer(text, delimiter=delimiter, lineterminator="\n")
        writer.writerow(data.column_names)
        count = 0
        for row in _rows(data):
            writer.writerow([_cell(v) for v in row.values()])
            count += 1
        text.flush()
    finally:
        text.detach()  # leave `out` open for the caller
    return count


def exchange_documents(store: Store) -> Iterator[dict[str, Any]]:
    """Yield each stored document as an exchange-format object with its events, commitments
    and comparisons nested (extra fields such as cameo and offsets kept)."""
    events = _grouped(store, "events")
    commitments = _grouped(store, "commitments")
    comparisons = _grouped(store, "comparisons")
    for doc in store.documents():
        record: dict[str, Any] = {**doc.to_exchange(), "url": doc.url}
        record["events"] = [Event.from_row(e).to_exchange() for e in events.get(doc.doc_id, [])]
        record["commitments"] = [
            Commitment(**c).to_exchange() for c in commitments.get(doc.doc_id, [])
        ]
        record["comparisons"] = _exchange_comparisons(comparisons.get(doc.doc_id, []))
        yield record


def _grouped(store: Store, name: str) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in _rows(store.read_table(name)):
        groups[row["doc_id"]].append(row)
    return groups


def _exchange_comparisons(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_pair: dict[str, dict[str, Any]] = {}
    for row in sorted(rows, key=lambda r: (r["pair_doc"], r["claim_start"] or 0)):
        entry = by_pair.setdefault(
            row["pair_doc"], {"pair_doc": row["pair_doc"], "only_here": [], "shared": []}
        )
        entry[row["relation"]].append(row["claim"])
    return list(by_pair.values())
