"""Exports write one documented dialect and come back in unchanged."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import flashpoint
from flashpoint.evaluate import load_exchange
from flashpoint.workspace import Workspace
from tests.conftest import Writer

DOCS = [
    {
        "doc_id": "e-1",
        "title": "Envoy summoned",
        "published": "2025-11-18",
        "publisher": "Harbour Post",
        "url": "https://harbour-post.example/e1",
        "kind": "news",
        "text": "Tokyo summoned the envoy.\nIt called the remarks \u201cunacceptable\u201d,"
        "\t said aides.",
    },
    {
        "doc_id": "e-2",
        "title": "Readout of the call",
        "published": "2025-11-24",
        "publisher": "Ministry",
        "kind": "readout",
        "issuer": "CHN",
        "text": 'The two presidents spoke by phone, the ministry said, with commas, "quotes".',
    },
    {"doc_id": "e-3", "text": "An undated note without a title."},
]

KEYS = ["doc_id", "title", "published", "publisher", "url", "kind", "issuer", "text"]


@pytest.fixture
def filled(ws: Workspace, write: Writer) -> Workspace:
    """A workspace holding three documents with varied metadata and awkward characters."""
    assert ws.ingest(write("docs.json", json.dumps(DOCS))).ok
    return ws


def comparable(ws: Workspace) -> list[dict[str, object]]:
    """The stored documents' user-facing fields, for round-trip comparisons."""
    return ws.arrow("documents", KEYS).to_pylist()


@pytest.mark.parametrize(
    "fmt,suffix",
    [
        ("jsonl", ".jsonl"),
        ("csv", ".csv"),
        ("tsv", ".tsv"),
        ("parquet", ".parquet"),
        ("exchange", ".jsonl"),
    ],
)
def test_every_format_round_trips_through_ingest(
    filled: Workspace, tmp_path: Path, fmt: str, suffix: str
) -> None:
    out = tmp_path / f"export{suffix}"
    assert filled.export(fmt, out) == 3
    with flashpoint.open(tmp_path / "again.duckdb") as other:
        report = other.ingest(out)
        assert report.summary() == "3 stored, 0 duplicates, 0 failed"
        assert comparable(other) == comparable(filled)


def test_csv_dialect_header_iso_dates_empty_nulls(filled: Workspace) -> None:
    buffer = io.BytesIO()
    filled.export("csv", buffer)
    raw = buffer.getvalue().decode("utf-8")
    assert not raw.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(raw)))
    assert list(rows[0]) == filled.store.read_table("documents").column_names
    assert rows[1]["published"] == "2025-11-24"
    assert rows[2]["published"] == "" and rows[2]["title"] == ""
    assert rows[0]["text"] == DOCS[0]["text"]
    assert rows[0]["ingested_at"][:4].isdigit() and "T" in rows[0]["ingested_at"]


def test_jsonl_uses_null_and_iso_dates(filled: Workspace) -> None:
    buffer = io.BytesIO()
    filled.export("jsonl", buffer)
    rows = [json.loads(line) for line in buffer.getvalue().decode().splitlines()]
    assert rows[0]["published"] == "2025-11-18"
    assert rows[2]["published"] is None and rows[2]["issuer"] is None


def test_parquet_keeps_types_and_descriptions(filled: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "docs.parquet"
    filled.export("parquet", out)
    table = pq.read_table(out)
    assert table.column("published").to_pylist()[0] == date(2025, 11, 18)
    assert table.schema.field("kind").metadata[b"description"].startswith(b"news, readout")


def test_exchange_format_has_the_fields_the_scorer_reads(filled: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "pred.jsonl"
    filled.export("exchange", out)
    docs = load_exchange(out)
    assert sorted(docs) == ["e-1", "e-2", "e-3"]
    assert docs["e-2"]["issuer"] == "CHN"
    assert (docs["e-2"]["events"], docs["e-2"]["commitments"], docs["e-2"]["comparisons"]) == (
        [],
        [],
        [],
    )
    assert flashpoint.score(docs, docs)["documents"] == 3


def test_tables_come_back_as_dataframes(filled: Workspace) -> None:
    frame = filled.documents()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame["doc_id"]) == ["e-1", "e-2", "e-3"]
    assert str(frame["published"].dtype).startswith("datetime64")
    assert frame["published"].isna().tolist() == [False, False, True]
    assert filled.table("events").empty and "goldstein" in filled.table("events").columns


def test_unknown_format_or_table_is_a_usage_error(filled: Workspace) -> None:
    with pytest.raises(flashpoint.UsageError, match="unknown export format 'xml'"):
        filled.export("xml", io.BytesIO())
    with pytest.raises(flashpoint.UsageError, match="unknown table 'people'"):
        filled.export("csv", io.BytesIO(), table="people")
