"""The command line: each command parses, calls the library and prints; errors are one line."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner

from flashpoint.cli import app
from tests.conftest import Writer


def good_and_bad(write: Writer) -> Path:
    """A folder with two good documents and one broken JSONL line."""
    write("cli/a.txt", "Ottawa welcomed the new trade talks with Seoul.")
    write(
        "cli/b.jsonl",
        json.dumps({"doc_id": "b-1", "text": "Seoul thanked Ottawa."}) + "\n{broken\n",
    )
    return write("cli/c.md", "# Note\n\nA third, clean document.").parent


def test_ingest_reports_counts_and_failures_and_exits_1(
    runner: CliRunner, write: Writer, db: Path
) -> None:
    folder = good_and_bad(write)
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {folder / 'b.jsonl'}:2: not valid JSON at column 2 "
        "(Expecting property name enclosed in double quotes)",
        "3 stored, 0 duplicates, 1 failed",
    ]
    again = runner.invoke(app, ["ingest", str(folder / "a.txt"), "--db", str(db)])
    assert (again.exit_code, again.stderr.strip()) == (0, "0 stored, 1 duplicate, 0 failed")


def test_ingest_uses_the_db_from_the_environment(
    runner: CliRunner, write: Writer, tmp_path: Path
) -> None:
    path = write("one.txt", "Canberra thanked Jakarta.")
    result = runner.invoke(
        app, ["ingest", str(path)], env={"FLASHPOINT_DB": str(tmp_path / "env.duckdb")}
    )
    assert result.exit_code == 0
    assert (tmp_path / "env.duckdb").exists()


def test_ingest_metadata_flags_and_a_bad_issuer(runner: CliRunner, write: Writer, db: Path) -> None:
    path = write("readout.txt", "The two ministers spoke by phone.")
    bad = runner.invoke(app, ["ingest", str(path), "--db", str(db), "--issuer", "XX"])
    assert bad.exit_code == 1
    assert f"{path}: issuer 'XX' is not an ISO-3166 alpha-3 code" in bad.stderr
    ok = runner.invoke(
        app,
        [
            "ingest",
            str(path),
            "--db",
            str(db),
            "--kind",
            "readout",
            "--issuer",
            "NZL",
            "--publisher",
            "MFAT",
        ],
    )
    assert ok.exit_code == 0
    out = runner.invoke(app, ["export", "--db", str(db), "-f", "jsonl"])
    row = json.loads(out.stdout)
    assert (row["kind"], row["issuer"], row["publisher"]) == ("readout", "NZL", "MFAT")


def test_export_to_stdout_and_to_a_file(
    runner: CliRunner, write: Writer, db: Path, tmp_path: Path
) -> None:
    runner.invoke(app, ["ingest", str(good_and_bad(write)), "--db", str(db)])
    csv_out = runner.invoke(app, ["export", "--db", str(db), "--format", "csv"])
    assert csv_out.exit_code == 0
    assert csv_out.stdout.splitlines()[0].startswith("doc_id,content_hash,text_hash,title")
    target = tmp_path / "docs.parquet"
    to_file = runner.invoke(app, ["export", "--db", str(db), "-f", "parquet", "-o", str(target)])
    assert to_file.exit_code == 0 and to_file.stderr.strip() == f"3 rows written to {target}"
    assert pq.read_table(target).num_rows == 3
    events = runner.invoke(app, ["export", "--db", str(db), "--table", "events", "-f", "tsv"])
    assert events.stdout.splitlines() == [
        "\t".join(__import__("flashpoint").schema.TABLES["events"].column_names)
    ]


def test_export_errors(runner: CliRunner, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["export", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1
    assert missing.stderr.strip() == (
        f"error: {tmp_path / 'none.duckdb'}: no such store; run 'flashpoint ingest' first"
    )
    (tmp_path / "s.duckdb").touch()
    runner.invoke(app, ["ingest", "--db", str(tmp_path / "t.duckdb"), str(tmp_path)])
    bad = runner.invoke(app, ["export", "--db", str(tmp_path / "t.duckdb"), "-f", "xml"])
    assert bad.exit_code == 2
    assert "unknown export format 'xml'" in bad.stderr


def test_summary_counts_documents(runner: CliRunner, write: Writer, db: Path) -> None:
    runner.invoke(app, ["ingest", str(good_and_bad(write)), "--db", str(db)])
    result = runner.invoke(app, ["summary", "--db", str(db), "--json"])
    figures = json.loads(result.stdout)
    assert figures["tables"]["documents"] == 3
    assert figures["by_kind"] == [{"kind": "news", "documents": 3}]
    table = runner.invoke(app, ["summary", "--db", str(db)])
    assert "3 documents" in table.stdout and "by publisher" in table.stdout


def test_score_prints_the_report_or_json(runner: CliRunner, write: Writer) -> None:
    event = {
        "source": "CAN",
        "target": "KOR",
        "type": "CONSULT",
        "date": "2025-01-02",
        "evidence": "Ottawa and Seoul held talks",
    }
    gold = write("gold.jsonl", json.dumps({"doc_id": "g", "events": [event]}) + "\n")
    pred = write("pred.jsonl", json.dumps({"doc_id": "g", "events": [event, event]}) + "\n")
    text = runner.invoke(app, ["score", str(gold), str(pred)])
    assert text.exit_code == 0
    assert "P 0.500  R 1.000  F1 0.667" in text.stdout
    as_json = runner.invoke(app, ["score", str(gold), str(pred), "--json"])
    assert json.loads(as_json.stdout)["events_strict"]["f1"] == 0.6667
    strict = runner.invoke(app, ["score", str(gold), str(pred), "--min-f1", "0.9"])
    assert strict.exit_code == 1


def test_score_with_a_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["score", str(tmp_path / "g.jsonl"), str(tmp_path / "p.jsonl")])
    assert (result.exit_code, result.stderr.strip()) == (
        1,
        f"error: {tmp_path / 'g.jsonl'}: no such file",
    )


def test_schema_describes_tables(runner: CliRunner) -> None:
    one = runner.invoke(app, ["schema", "events", "--json"])
    columns = json.loads(one.stdout)["events"]["columns"]
    assert columns[0] == {
        "name": "event_id",
        "type": "VARCHAR",
        "nullable": False,
        "description": "Hash of document, evidence span and coded fields.",
    }
    unknown = runner.invoke(app, ["schema", "people"])
    assert unknown.exit_code == 2 and "no table 'people'" in unknown.stderr


def test_version_and_help(runner: CliRunner) -> None:
    assert runner.invoke(app, ["--version"]).stdout.startswith("flashpoint 0.")
    assert "ingest" in runner.invoke(app, ["--help"]).stdout


def test_a_bad_config_file_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "flashpoint.toml").write_text("batch_size = -3\n")
    result = runner.invoke(app, ["summary"])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"error: {tmp_path / 'flashpoint.toml'}: batch_size must be at least 1, got -3"
    )
