"""The bundled sample corpus ingests cleanly and `flashpoint demo` is idempotent."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import flashpoint
from flashpoint.cli import app
from flashpoint.ingest.sources import FORMATS
from flashpoint.workspace import Workspace


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    """Every sample document as stored, read once for the module."""
    db = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    with flashpoint.open(db) as ws:
        report = ws.ingest(flashpoint.sample_corpus())
        assert report.failures == []
        assert report.duplicates == []
        rows: list[dict[str, object]] = ws.arrow("documents").to_pylist()
    return rows


def test_at_least_thirty_documents_in_several_formats(sample: list[dict[str, object]]) -> None:
    assert len(sample) >= 30
    formats = Counter(FORMATS[Path(str(d["origin"]).split(":")[0]).suffix] for d in sample)
    assert {"text", "markdown", "html", "json", "jsonl", "csv"} <= set(formats)


def test_every_document_is_marked_as_a_constructed_example(
    sample: list[dict[str, object]],
) -> None:
    for doc in sample:
        assert str(doc["publisher"]).endswith("(constructed)"), doc["doc_id"]
        assert str(doc["doc_id"]).startswith("sample-")
        assert doc["url"] is None or ".example/" in str(doc["url"]), doc["doc_id"]


def test_documents_are_dated_2024_to_2026_with_every_kind(
    sample: list[dict[str, object]],
) -> None:
    published = [d["published"] for d in sample]
    assert all(isinstance(p, date) and 2024 <= p.year <= 2026 for p in published)
    assert {d["kind"] for d in sample} == {"news", "readout", "statement", "opinion"}
    for doc in sample:
        assert (doc["issuer"] is not None) == (doc["kind"] in ("readout", "statement"))


def test_readouts_come_in_pairs_from_two_governments(sample: list[dict[str, object]]) -> None:
    readouts = [d for d in sample if d["kind"] == "readout"]
    pairs = {
        tuple(sorted((str(a["doc_id"]), str(b["doc_id"]))))
        for a in readouts
        for b in readouts
        if a["issuer"] != b["issuer"] and abs((a["published"] - b["published"]).days) <= 1  # type: ignore[operator]
    }
    assert len(pairs) >= 3


def test_demo_twice_stores_nothing_twice(runner: CliRunner, db: Path) -> None:
    first = runner.invoke(app, ["demo", "--db", str(db)])
    assert first.exit_code == 0, first.stderr
    count = len(list(flashpoint.read_documents([flashpoint.sample_corpus()])))
    assert f"{count} stored, 0 duplicates, 0 failed; " in first.stderr
    assert f"{count} documents, published 2024-" in first.stdout
    assert "events by PLOVER type" in first.stdout and "a sample of events" in first.stdout
    second = runner.invoke(app, ["demo", "--db", str(db)])
    assert f"0 stored, {count} duplicates, 0 failed" in second.stderr
    with flashpoint.open(db, read_only=True) as ws:
        assert isinstance(ws, Workspace) and ws.store.count("documents") == count
        events = ws.events()
    assert len(events) > count  # the sample corpus reports several events per document
