"""The embedded default store: one DuckDB file, written in bulk through Arrow."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

import duckdb
import pandas as pd
import pyarrow as pa

from flashpoint.errors import StoreError
from flashpoint.models import Claim, Commitment, Document, Event
from flashpoint.schema import DOCUMENTS, TABLES, table
from flashpoint.store.base import WriteResult

SCHEMA_VERSION = "1"


class DuckDBStore:
    """A flashpoint store in one DuckDB file; only one process may write it at a time."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        """Open (creating it and its tables unless read-only) the store at `path`."""
        self.location = str(path)
        target = Path(path)
        if str(path) != ":memory:":
            if read_only and not target.exists():
                raise StoreError(f"{path}: no such store; run 'flashpoint ingest' first")
            if not target.parent.exists():
                raise StoreError(f"{path}: folder {target.parent} does not exist")
        try:
            self._con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as err:
            message = str(err)
            if "lock" in message.lower():
                raise StoreError(
                    f"{path}: the store is open in another process (DuckDB allows one writer); "
                    "close it and retry"
                ) from None
            raise StoreError(f"{path}: cannot open the store ({message.splitlines()[0]})") from None
        except duckdb.Error as err:
            raise StoreError(
                f"{path}: not a flashpoint DuckDB store ({str(err).splitlines()[0]})"
            ) from None
        if not read_only:
            self._create()
        self._check_version()

    def _create(self) -> None:
        """Create missing tables and record the schema version."""
        _run(self._con, "BEGIN")
        for spec in TABLES.values():
            _run(self._con, spec.ddl())
        _run(
            self._con,
            "CREATE TABLE IF NOT EXISTS flashpoint_meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        )
        _run(
            self._con,
            "INSERT INTO flashpoint_meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
            [SCHEMA_VERSION],
        )
        _run(self._con, "COMMIT")

    def _check_version(self) -> None:
        try:
            rows = self._con.execute(
                "SELECT value FROM flashpoint_meta WHERE key = 'schema_version'"
            ).fetchall()
        except duckdb.CatalogException:
            raise StoreError(
                f"{self.location}: not a flashpoint store (no flashpoint_meta table)"
            ) from None
        if not rows or rows[0][0] != SCHEMA_VERSION:
            found = rows[0][0] if rows else "none"
            raise StoreError(
                f"{self.location}: store schema version {found}, this flashpoint needs "
                f"{SCHEMA_VERSION}; re-ingest into a new store"
            )

    def write_documents(self, documents: Sequence[Document]) -> WriteResult:
        """Store new documents in one transaction; repeats and doc_id conflicts are reported."""
        result = WriteResult()
        batch: list[Document] = []
        by_content: dict[str, str] = {}
        by_id: dict[str, str] = {}
        for doc in documents:  # repeats inside the batch itself
            same = by_content.get(doc.content_hash) or by_content.get(doc.text_hash)
            if same is not None:
                result.duplicates.append((doc, same))
            elif doc.doc_id in by_id:
                result.conflicts.append((doc, doc.doc_id))
            else:
                by_content[doc.content_hash] = by_content[doc.text_hash] = doc.doc_id
                by_id[doc.doc_id] = doc.content_hash
                batch.append(doc)
        if not batch:
            return result
        now = datetime.now(UTC).replace(tzinfo=None)
        rows = pa.Table.from_pylist(
            [_document_row(doc, now) for doc in batch], schema=DOCUMENTS.arrow_schema()
        )
        con = self._con
        try:
            _run(con, "BEGIN")
            con.register("incoming", rows)
            seen = con.execute(
                """
                SELECT i.doc_id, d.doc_id, d.content_hash = i.content_hash
                       OR d.text_hash = i.text_hash AS same
                FROM incoming i JOIN documents d
                  ON d.content_hash = i.content_hash OR d.text_hash = i.text_hash
                     OR d.doc_id = i.doc_id
                ORDER BY same DESC
                """
            ).fetchall()
            rejected: dict[str, tuple[str, bool]] = {}
            for new_id, old_id, is_same in seen:
                rejected.setdefault(new_id, (old_id, bool(is_same)))
            keep = [doc for doc in batch if doc.doc_id not in rejected]
            if keep:
                con.register("keep_ids", pa.table({"doc_id": [d.doc_id for d in keep]}))
                _run(
                    con,
                    "INSERT INTO documents SELECT i.* FROM incoming i "
                    "SEMI JOIN keep_ids k ON k.doc_id = i.doc_id",
                )
                con.unregister("keep_ids")
            con.unregister("incoming")
            _run(con, "COMMIT")
        except BaseException:
            _rollback(con)
            raise
        for doc in batch:
            if doc.doc_id in rejected:
                old_id, repeats = rejected[doc.doc_id]
                (result.duplicates if repeats else result.conflicts).append((doc, old_id))
            else:
                result.stored.append(doc.doc_id)
        return result

    def write_events(self, doc_ids: Sequence[str], events: Sequence[Event]) -> int:
        """Replace the events of the given documents with `events`, in one transaction."""
        return self.replace_rows("events", doc_ids, [e.to_row() for e in events])

    def write_commitments(self, doc_ids: Sequence[str], commitments: Sequence[Commitment]) -> int:
        """Replace the commitments of the given documents, in one transaction."""
        return self.replace_rows("commitments", doc_ids, [c.to_row() for c in commitments])

    def write_claims(self, doc_ids: Sequence[str], claims: Sequence[Claim]) -> int:
        """Replace the comparison claims of the given documents, in one transaction."""
        return self.replace_rows("comparisons", doc_ids, [c.to_row() for c in claims])

    def replace_rows(
        self, name: str, doc_ids: Sequence[str], rows: Sequence[dict[str, object]]
    ) -> int:
        """Delete a table's rows of the given documents and insert `rows`, in one transaction;
        a row whose key is already stored is skipped. Returns the rows given."""
        spec = table(name)
        data = pa.Table.from_pylist(list(rows), schema=spec.arrow_schema())
        key = ", ".join(spec.primary_key)
        con = self._con
        try:
            _run(con, "BEGIN")
            con.register(
                "replaced_docs", pa.table({"doc_id": pa.array(list(doc_ids), pa.string())})
            )
            _run(con, f"DELETE FROM {spec.name} WHERE doc_id IN (SELECT doc_id FROM replaced_docs)")
            con.unregister("replaced_docs")
            if data.num_rows:
                con.register("incoming_rows", data)
                _run(con, f"INSERT INTO {spec.name} SELECT * FROM incoming_rows "
                          f"ON CONFLICT ({key}) DO NOTHING")  # fmt: skip
                con.unregister("incoming_rows")
            _run(con, "COMMIT")
        except BaseException:
            _rollback(con)
            raise
        return int(data.num_rows)

    def replace_table(self, name: str, frame: pd.DataFrame) -> int:
        """Replace every row of a derived table (stories, mentions) in one transaction."""
        spec = table(name)
        data = pa.Table.from_pandas(
            frame[spec.column_names], schema=spec.arrow_schema(), preserve_index=False
        )
        con = self._con
        try:
            _run(con, "BEGIN")
            _run(con, f"DELETE FROM {spec.name}")
            if data.num_rows:
                con.register("replacement", data)
                _run(con, f"INSERT INTO {spec.name} SELECT * FROM replacement")
                con.unregister("replacement")
            _run(con, "COMMIT")
        except BaseException:
            _rollback(con)
            raise
        return int(data.num_rows)

    def documents(self, ids: Sequence[str] | None = None) -> list[Document]:
        """Return stored documents (all, or those with the given ids) as Document records."""
        data = self.read_table("documents")
        wanted = set(ids) if ids is not None else None
        return [
            Document(
                doc_id=r["doc_id"], content_hash=r["content_hash"], text_hash=r["text_hash"],
                text=r["text"], title=r["title"], published=r["published"],
                publisher=r["publisher"], url=r["url"], kind=r["kind"], issuer=r["issuer"],
                origin=r["origin"],
            )
            for r in data.to_pylist()
            if wanted is None or r["doc_id"] in wanted
        ]  # fmt: skip

    def read_table(self, name: str, columns: Sequence[str] | None = None) -> pa.Table:
        """Return a table (or some columns) as Arrow, ordered by its primary key."""
        spec = table(name)
        wanted = list(columns) if columns else spec.column_names
        unknown = [c for c in wanted if c not in spec.column_names]
        if unknown:
            raise KeyError(f"{name} has no column(s) {', '.join(unknown)}")
        order = ", ".join(spec.primary_key)
        sql = f"SELECT {', '.join(_quote(c) for c in wanted)} FROM {spec.name} ORDER BY {order}"
        return (
            self._con.sql(sql)
            .to_arrow_table()
            .cast(pa.schema([spec.arrow_schema().field(c) for c in wanted]))
        )

    def count(self, name: str) -> int:
        """Return the number of rows in a table."""
        rows = self._con.execute(f"SELECT count(*) FROM {table(name).name}").fetchall()
        return int(rows[0][0])

    def close(self) -> None:
        """Close the connection, releasing the file lock."""
        self._con.close()

    def __enter__(self) -> DuckDBStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"DuckDBStore({self.location!r})"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _run(con: duckdb.DuckDBPyConnection, sql: str, params: list[object] | None = None) -> None:
    """Execute a statement and drain its result (DuckDB 2 keeps an unread result open)."""
    con.execute(sql, params).fetchall()


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    with contextlib.suppress(duckdb.Error):  # no transaction open: nothing to undo
        _run(con, "ROLLBACK")


def _document_row(doc: Document, now: datetime) -> dict[str, object]:
    return {
        "doc_id": doc.doc_id,
        "content_hash": doc.content_hash,
        "text_hash": doc.text_hash,
        "title": doc.title,
        "text": doc.text,
        "published": doc.published,
        "publisher": doc.publisher,
        "url": doc.url,
        "kind": doc.kind,
        "issuer": doc.issuer,
        "origin": doc.origin,
        "ingested_at": now,
    }
