"""Coding from the command line and the store: code, evaluate, ingest with events, exports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import flashpoint
from flashpoint.cli import app
from flashpoint.events import load_coder
from flashpoint.ingest.records import Defaults, build_document
from tests.conftest import Writer

NEWS = [
    {"doc_id": "n-1", "published": "2025-11-18", "kind": "news",
     "text": "Tokyo summoned the Chinese ambassador on Monday. Seoul thanked Washington for "
             "the delivery of the radar."},
    {"doc_id": "n-2", "published": "2025-11-20", "kind": "news",
     "text": "The Tigers beat the Giants 5-3 in the final game of the series."},
]  # fmt: skip


def feed(write: Writer) -> Path:
    """A JSONL file of two news items written for these tests."""
    return write("news.jsonl", "".join(json.dumps(d) + "\n" for d in NEWS))


def test_code_writes_the_exchange_format_with_events(
    runner: CliRunner, write: Writer, tmp_path: Path
) -> None:
    out = tmp_path / "coded.jsonl"
    result = runner.invoke(app, ["code", str(feed(write)), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    docs = [json.loads(line) for line in out.read_text().splitlines()]
    assert [d["doc_id"] for d in docs] == ["n-1", "n-2"]
    first = {(e["source"], e["target"], e["type"], e["date"]) for e in docs[0]["events"]}
    assert ("JPN", "CHN", "ACCUSE", "2025-11-17") in first
    assert ("KOR", "USA", "SUPPORT", "2025-11-17") in first
    assert docs[1]["events"] == []
    assert result.stderr.strip() == f"2 documents coded, {len(docs[0]['events'])} events"


def test_evaluate_scores_the_coder_against_a_gold_file(runner: CliRunner, write: Writer) -> None:
    gold = dict(NEWS[0], events=[
        {"source": "JPN", "target": "CHN", "type": "ACCUSE", "date": "2025-11-17",
         "status": "occurred", "evidence": "Tokyo summoned the Chinese ambassador on Monday."},
        {"source": "KOR", "target": "USA", "type": "SUPPORT", "date": "2025-11-17",
         "status": "occurred", "evidence": "Seoul thanked Washington"},
    ])  # fmt: skip
    path = write("gold.jsonl", json.dumps(gold) + "\n")
    result = runner.invoke(app, ["evaluate", str(path), "--json"])
    assert result.exit_code == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["events_strict"]["tp"] == 2 and figures["events_strict"]["gold"] == 2
    assert figures["attributes_on_matched"]["status"] == 1.0


def test_ingest_codes_and_stores_events_that_export(
    runner: CliRunner, write: Writer, db: Path
) -> None:
    result = runner.invoke(app, ["ingest", str(feed(write)), "--db", str(db), "--code"])
    assert result.exit_code == 0, result.stderr
    assert "; 2 events coded" in result.stderr
    rows = list(
        csv.DictReader(
            io.StringIO(
                runner.invoke(
                    app, ["export", "--db", str(db), "--table", "events", "-f", "csv"]
                ).stdout
            )
        )
    )
    assert {(r["doc_id"], r["type"]) for r in rows} == {("n-1", "ACCUSE"), ("n-1", "SUPPORT")}
    assert all(r["coder_version"].startswith("flashpoint-coder") for r in rows)
    exchange = runner.invoke(app, ["export", "--db", str(db), "-f", "exchange"]).stdout
    by_id = {d["doc_id"]: d for d in map(json.loads, exchange.splitlines())}
    assert len(by_id["n-1"]["events"]) == 2 and by_id["n-2"]["events"] == []


def test_recoding_replaces_a_documents_events(write: Writer, db: Path) -> None:
    with flashpoint.open(db) as ws:
        report = ws.ingest(feed(write), code=True)
        assert report.events == 2
        assert ws.code() == 2
        assert len(ws.events()) == 2


def test_a_user_actor_file_adds_a_leader(write: Writer, monkeypatch: pytest.MonkeyPatch) -> None:
    table = write("actors/people.csv", "name,aliases,code,role,valid_from,valid_to,source\n"
                  "Arlo Venn,Venn,NZL,head_of_government,2025-01-01,,test row\n")  # fmt: skip
    text = "Prime Minister Arlo Venn thanked Canberra for its help."
    assert flashpoint.code_text(text, published="2025-06-01") == []
    monkeypatch.setenv("FLASHPOINT_ACTORS", str(table))
    settings = flashpoint.load_settings()
    coder = load_coder(settings.actor_files(), settings.place_files())
    doc = build_document({"text": text, "published": "2025-06-01"}, "t", Defaults())
    assert [(e.source, e.target, e.type) for e in coder.code(doc)] == [("NZL", "AUS", "SUPPORT")]


def test_every_coded_event_of_the_sample_corpus_is_stored_under_its_own_id(db: Path) -> None:
    with flashpoint.open(db) as ws:
        report = ws.ingest(flashpoint.sample_corpus(), code=True)
        events = ws.events()
    assert report.events > 100
    assert len(events) == report.events
    assert events["event_id"].is_unique
    texts = {d.doc_id: d.text for d in flashpoint.read_documents([flashpoint.sample_corpus()])}
    for row in events.itertuples():
        assert texts[row.doc_id][row.evidence_start : row.evidence_end] == row.evidence
