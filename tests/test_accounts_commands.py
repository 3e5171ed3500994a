"""Comparisons and commitments from the command line, on texts written for these tests."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from flashpoint.cli import app
from tests.conftest import Writer

READOUTS = [
    {"doc_id": "kor-call", "published": "2025-12-02", "kind": "readout", "issuer": "KOR",
     "publisher": "Ministry of Foreign Affairs of Korea", "title": "Foreign ministers' call",
     "text": "Foreign Minister Cho Hyun held a telephone call with Japanese Foreign Minister "
             "Toshimitsu Motegi on December 2 at the request of the Japanese side. The two "
             "ministers agreed to hold a trilateral summit with China early next year. "
             "Minister Cho stressed the importance of historical reconciliation."},
    {"doc_id": "jpn-call", "published": "2025-12-02", "kind": "readout", "issuer": "JPN",
     "publisher": "Ministry of Foreign Affairs of Japan", "title": "Japan-ROK call",
     "text": "On December 2, Foreign Minister Toshimitsu Motegi held a telephone talk with "
             "Foreign Minister Cho Hyun of the Republic of Korea. The two ministers agreed to "
             "hold a Japan-China-ROK summit early next year. Minister Motegi asked for the "
             "early lifting of import restrictions on Japanese food products."},
]  # fmt: skip

STORY = [
    {"doc_id": "promise", "published": "2025-11-20", "kind": "news",
     "text": "Australian Prime Minister Anthony Albanese will visit Jakarta in February, "
             "Indonesian officials said on Thursday."},
    {"doc_id": "visit", "published": "2026-02-12", "kind": "news",
     "text": "Australian Prime Minister Anthony Albanese visited Jakarta on Wednesday and "
             "met Indonesian President Prabowo Subianto."},
]  # fmt: skip


def jsonl(write: Writer, name: str, docs: list[dict[str, str]]) -> Path:
    """Write documents as a JSONL file."""
    return write(name, "".join(json.dumps(d) + "\n" for d in docs))


def test_compare_prints_both_accounts_with_shared_and_one_sided_claims(
    runner: CliRunner, write: Writer, db: Path
) -> None:
    runner.invoke(app, ["ingest", str(jsonl(write, "r.jsonl", READOUTS)), "--db", str(db)])
    result = runner.invoke(app, ["compare", "kor-call", "jpn-call", "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert "kor-call  ⇄  jpn-call" in result.stdout
    assert "= " in result.stdout and "+ " in result.stdout
    rows = list(
        csv.DictReader(
            io.StringIO(
                runner.invoke(
                    app, ["export", "--db", str(db), "--table", "comparisons", "-f", "csv"]
                ).stdout
            )
        )
    )
    assert {r["doc_id"] for r in rows} == {"kor-call", "jpn-call"}
    assert {r["relation"] for r in rows} == {"shared", "only_here"}


def test_compare_names_an_unknown_document(runner: CliRunner, write: Writer, db: Path) -> None:
    runner.invoke(app, ["ingest", str(jsonl(write, "r.jsonl", READOUTS)), "--db", str(db)])
    result = runner.invoke(app, ["compare", "kor-call", "nope", "--db", str(db)])
    assert result.exit_code == 2 and "no stored document 'nope'" in result.stderr


def test_code_pairs_the_readouts_it_reads(runner: CliRunner, write: Writer) -> None:
    result = runner.invoke(app, ["code", str(jsonl(write, "r.jsonl", READOUTS))])
    assert result.exit_code == 0, result.stderr
    docs = {d["doc_id"]: d for d in map(json.loads, result.stdout.splitlines())}
    (comparison,) = docs["kor-call"]["comparisons"]
    assert comparison["pair_doc"] == "jpn-call"
    assert comparison["shared"] and comparison["only_here"]
    assert docs["jpn-call"]["comparisons"][0]["pair_doc"] == "kor-call"


def test_commitments_are_tracked_to_their_fulfilment(
    runner: CliRunner, write: Writer, db: Path
) -> None:
    result = runner.invoke(app, ["ingest", str(jsonl(write, "s.jsonl", STORY)), "--db",
                                 str(db), "--code"])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    before = runner.invoke(app, ["commitments", "--db", str(db), "--as-of", "2025-12-01",
                                 "-f", "json"])  # fmt: skip
    (pending,) = json.loads(before.stdout)
    assert (pending["actor"], pending["counterpart"], pending["due"]) == ("AUS", "IDN", "2026-02")
    assert pending["status"] == "pending"
    after = runner.invoke(app, ["commitments", "--db", str(db), "-f", "json"])
    (done,) = json.loads(after.stdout)
    assert (done["status"], done["fulfilled_by_doc"]) == ("fulfilled", "visit")
    shown = runner.invoke(app, ["commitments", "--db", str(db), "--actor", "aus"])
    assert "1 commitments" in shown.stdout and "fulfilled" in shown.stdout


def test_a_bad_as_of_date_is_a_usage_error(runner: CliRunner, db: Path) -> None:
    runner.invoke(app, ["ingest", "--db", str(db), str(db.parent)])
    result = runner.invoke(app, ["commitments", "--db", str(db), "--as-of", "soon"])
    assert result.exit_code == 2 and "--as-of 'soon' is not a date" in result.stderr
