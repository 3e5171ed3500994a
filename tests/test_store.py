"""The DuckDB store: tables from the schema, bulk writes, clear errors on bad files."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

import flashpoint
from flashpoint.errors import StoreError, UsageError
from flashpoint.ingest.records import Defaults, build_document
from flashpoint.schema import TABLES
from flashpoint.store import DuckDBStore, open_store


def test_every_schema_table_is_created_with_its_columns(db: Path) -> None:
    with DuckDBStore(db):
        pass
    con = duckdb.connect(str(db), read_only=True)
    for name, spec in TABLES.items():
        columns = [row[0] for row in con.execute(f"DESCRIBE {name}").fetchall()]
        assert columns == spec.column_names, name
    con.close()


def test_events_table_carries_the_exchange_fields_and_extras() -> None:
    names = set(TABLES["events"].column_names)
    assert {
        "source",
        "source_name",
        "target",
        "target_name",
        "type",
        "mode",
        "date",
        "status",
        "claimed_by",
        "topics",
        "evidence",
    } <= names
    assert {
        "event_id",
        "date_precision",
        "cameo",
        "quad_class",
        "goldstein",
        "evidence_start",
        "evidence_end",
        "coder_version",
        "lat",
        "lon",
        "confidence",
    } <= names


def test_every_column_is_described() -> None:
    for spec in TABLES.values():
        assert spec.description
        for column in spec.columns:
            assert len(column.description) > 10, f"{spec.name}.{column.name}"


def test_a_batch_is_written_and_read_back_in_id_order(db: Path) -> None:
    docs = [
        build_document({"doc_id": f"s-{i}", "text": f"Text number {i}."}, f"mem:{i}", Defaults())
        for i in (3, 1, 2)
    ]
    with DuckDBStore(db) as store:
        result = store.write_documents(docs)
        assert sorted(result.stored) == ["s-1", "s-2", "s-3"]
        assert store.read_table("documents", ["doc_id"]).column(0).to_pylist() == [
            "s-1",
            "s-2",
            "s-3",
        ]
        assert store.count("documents") == 3


def test_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("just some notes, not a database")
    with pytest.raises(StoreError, match=r"notes\.duckdb: "):
        DuckDBStore(path)


def test_a_duckdb_file_from_elsewhere_opened_read_only(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(StoreError, match="not a flashpoint store"):
        DuckDBStore(path, read_only=True)


def test_a_store_of_another_schema_version(db: Path) -> None:
    with DuckDBStore(db):
        pass
    con = duckdb.connect(str(db))
    con.execute("UPDATE flashpoint_meta SET value = '0' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="schema version 0, this flashpoint needs 1"):
        DuckDBStore(db)


def test_missing_store_opened_read_only(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store; run 'flashpoint ingest' first"):
        DuckDBStore(tmp_path / "absent.duckdb", read_only=True)


def test_store_in_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        DuckDBStore(tmp_path / "nowhere" / "x.duckdb")


def test_a_store_held_by_another_process_is_named(db: Path) -> None:
    import subprocess
    import sys

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
            "print('ready', flush=True); time.sleep(30)",
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="open in another process"):
            DuckDBStore(db)
    finally:
        holder.kill()
        holder.wait()


def test_postgres_urls_are_refused_clearly() -> None:
    with pytest.raises(UsageError, match="PostgreSQL stores are not supported"):
        open_store("postgresql://localhost/flashpoint")


def test_workspace_shows_its_tables(db: Path) -> None:
    with flashpoint.open(db) as ws:
        assert repr(ws).endswith(
            "0 documents, 0 events, 0 stories, 0 mentions, 0 commitments, 0 comparisons>"
        )
        assert "<table>" in ws._repr_html_()
