"""The Python face: an opened store with DataFrame-returning methods (`flashpoint.open()`)."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

import pandas as pd
import pyarrow as pa

from flashpoint.analysis.overview import Overview, overview
from flashpoint.config import Settings, load_settings
from flashpoint.errors import UsageError
from flashpoint.events.coder import Coder
from flashpoint.ingest import Defaults, IngestReport, ingest_paths
from flashpoint.models import Document, Event
from flashpoint.schema import TABLES
from flashpoint.store import open_store
from flashpoint.store.duckdb_store import DuckDBStore
from flashpoint.store.export import export, to_frame


class Workspace:
    """A flashpoint store opened for reading and writing; close it (or use `with`) when done."""

    def __init__(self, store: DuckDBStore, settings: Settings) -> None:
        """Wrap an open store; use `flashpoint.open()` rather than calling this."""
        self.store = store
        self.settings = settings

    def ingest(
        self,
        *paths: str | Path,
        kind: str | None = None,
        publisher: str | None = None,
        issuer: str | None = None,
        on_file: Callable[[Path], None] | None = None,
        code: bool | None = None,
        on_document: Callable[[Document], None] | None = None,
    ) -> IngestReport:
        """Ingest files and folders and code the new documents' events (settings.code when
        `code` is None)."""
        defaults = Defaults(
            kind=kind or self.settings.default_kind, publisher=publisher, issuer=issuer
        )
        report = ingest_paths(
            paths,
            self.store,
            defaults=defaults,
            batch_size=self.settings.batch_size,
            on_file=on_file,
        )
        if (self.settings.code if code is None else code) and report.stored:
            report.events = self.code(report.stored, on_document=on_document)
        return report

    def code(
        self,
        doc_ids: Sequence[str] | None = None,
        *,
        on_document: Callable[[Document], None] | None = None,
    ) -> int:
        """(Re)code stored documents, all or the given ones: their events and commitments are
        replaced, the readouts of the store are paired and compared again, and the new event
        mentions are merged into stories."""
        from flashpoint.engine.local import code_documents
        from flashpoint.events import load_coder

        coder = load_coder(self.settings.actor_files(), self.settings.place_files())
        written = 0
        batch: list[tuple[Document, list[Event]]] = []
        for pair in code_documents(self.store.documents(doc_ids), coder, on_document=on_document):
            batch.append(pair)
            if len(batch) >= self.settings.batch_size:
                written += self._store_coded(batch, coder)
                batch = []
        if batch:
            written += self._store_coded(batch, coder)
        self.compare_accounts(coder_version=coder.version)
        self.merge_stories()
        return written

    def _store_coded(self, batch: list[tuple[Document, list[Event]]], coder: Coder) -> int:
        from flashpoint.events.commitments import extract_commitments

        doc_ids = [doc.doc_id for doc, _ in batch]
        commitments = [
            c for doc, events in batch
            for c in extract_commitments(doc, events, coder_version=coder.version, coder=coder)
        ]  # fmt: skip
        self.store.write_commitments(doc_ids, commitments)
        return self.store.write_events(doc_ids, [e for _, events in batch for e in events])

    def stored_events(self, doc_ids: Sequence[str] | None = None) -> dict[str, list[Event]]:
        """The stored events of the given documents (all when None), as Event records."""
        wanted = set(doc_ids) if doc_ids is not None else None
        found: dict[str, list[Event]] = {}
        for row in self.store.read_table("events").to_pylist():
            if wanted is None or row["doc_id"] in wanted:
                found.setdefault(row["doc_id"], []).append(Event.from_row(row))
        return found

    def compare_accounts(
        self, pairs: Sequence[tuple[str, str]] | None = None, *, coder_version: str = ""
    ) -> list[tuple[str, str]]:
        """Compare accounts of one exchange: the given pairs of doc_ids, or every pair of
        readouts and statements found in the store; store the claims and return the pairs."""
        from flashpoint.analysis.readouts import compare_accounts, pair_accounts

        docs = {d.doc_id: d for d in self.store.documents()}
        events = self.stored_events()
        if pairs is None:
            official = [d for d in docs.values() if d.kind in ("readout", "statement")]
            pairs = pair_accounts(official, events)
        for a, b in pairs:
            for doc_id in (a, b):
                if doc_id not in docs:
                    raise UsageError(f"no stored document {doc_id!r}")
            claims = compare_accounts(docs[a], events.get(a, []), docs[b], events.get(b, []),
                                      coder_version=coder_version)  # fmt: skip
            self.store.write_claims([a, b], claims)
        return list(pairs)

    def comparisons(self) -> pd.DataFrame:
        """Return the stored comparison claims: one row per claim of each account."""
        return self.table("comparisons")

    def commitments(self, *, as_of: date | str | None = None,
                    actor: str | None = None) -> pd.DataFrame:  # fmt: skip
        """Return each distinct commitment with its mentions and its status as of a date."""
        from flashpoint.analysis.commitments import track_commitments

        when = date.fromisoformat(as_of) if isinstance(as_of, str) else as_of
        tracked = track_commitments(self.table("commitments"), self.table("events"),
                                    self.table("documents"), as_of=when)  # fmt: skip
        if actor is not None:
            tracked = tracked[tracked["actor"] == actor.upper()].reset_index(drop=True)
        return tracked

    def events(
        self,
        source: str | None = None,
        target: str | None = None,
        *,
        since: date | str | None = None,
        until: date | str | None = None,
        type: str | None = None,
        as_: str = "pandas",
    ) -> Any:
        """Return coded events (one row per mention), filtered by dyad, type and date."""
        return _as(_filtered(self.table("events"), source, target, since, until, type), as_)

    def stories(
        self,
        source: str | None = None,
        target: str | None = None,
        *,
        since: date | str | None = None,
        until: date | str | None = None,
        type: str | None = None,
        as_: str = "pandas",
    ) -> Any:
        """Return stories (one row per real-world event), filtered by dyad, type and date."""
        return _as(_filtered(self.table("stories"), source, target, since, until, type), as_)

    def merge_stories(self) -> int:
        """Merge event mentions into stories incrementally (new mentions join or start stories;
        mentions of recoded documents are merged again); return the number of stories."""
        from flashpoint.analysis.stories import StoryState, merge_stories

        events = self.table("events")
        mentions = self.table("mentions")
        stories = self.table("stories")
        stale = ~mentions["event_id"].isin(events["event_id"])
        if stale.any():  # a recoded document: its stories are merged again from scratch
            touched = set(mentions.loc[stale, "story_id"])
            mentions = mentions[~mentions["story_id"].isin(touched)]
            stories = stories[~stories["story_id"].isin(touched)]
        previous = StoryState(stories=stories.reset_index(drop=True),
                              mentions=mentions.reset_index(drop=True))  # fmt: skip
        state = merge_stories(events, self.table("documents"), previous=previous)
        self.store.replace_table("stories", state.stories)
        self.store.replace_table("mentions", state.mentions)
        return len(state.stories)

    def story(self, story_id: str) -> pd.DataFrame:
        """Return the mentions of one story with why each was merged."""
        from flashpoint.analysis.stories import StoryState, explain_story

        stories = self.table("stories")
        if story_id not in set(stories["story_id"]):
            raise UsageError(f"no story {story_id!r}; list them with 'flashpoint stories'")
        state = StoryState(stories=stories, mentions=self.table("mentions"))
        return explain_story(state, story_id, self.table("events"), self.table("documents"))

    def dyad(
        self,
        a: str,
        b: str,
        *,
        freq: str = "W",
        directed: bool = False,
        weight: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
    ) -> pd.DataFrame:
        """Return the dyad's series (counts by quad class and type, Goldstein, escalation)."""
        from flashpoint.analysis.dyads import dyad_series

        return dyad_series(self.table("stories"), a.upper(), b.upper(), freq=freq,
                           directed=directed, weight=weight, since=_day(since),
                           until=_day(until))  # fmt: skip

    def alerts(
        self, *, freq: str = "W", threshold: float = 3.0, since: date | str | None = None
    ) -> pd.DataFrame:
        """Return the periods where a dyad departs from its own baseline, with their drivers."""
        from flashpoint.analysis.alerts import alerts

        return alerts(self.table("stories"), freq=freq, threshold=threshold, since=_day(since))

    def arrow(self, table: str = "documents", columns: Sequence[str] | None = None) -> pa.Table:
        """Return a stored table as an Arrow table."""
        return self.store.read_table(table, columns)

    def table(self, table: str = "documents", columns: Sequence[str] | None = None) -> pd.DataFrame:
        """Return a stored table as a pandas DataFrame (dates as datetime64)."""
        return to_frame(self.store.read_table(table, columns))

    def documents(self) -> pd.DataFrame:
        """Return the stored documents as a DataFrame, one row per document."""
        return self.table("documents")

    def overview(self) -> Overview:
        """Return counts of the stored documents by kind, publisher, issuer and month."""
        return overview(
            self.table("documents", ["doc_id", "kind", "publisher", "issuer", "published"])
        )

    def export(self, fmt: str, out: str | Path | BinaryIO, *, table: str = "documents") -> int:
        """Write a table (or the exchange format) to a path or binary file; return rows written."""
        if isinstance(out, (str, Path)):
            with open(out, "wb") as fh:
                return export(self.store, fmt, fh, table=table)
        return export(self.store, fmt, out, table=table)

    def counts(self) -> dict[str, int]:
        """Return the number of rows in every table."""
        return {name: self.store.count(name) for name in TABLES}

    def close(self) -> None:
        """Close the store, releasing its file lock."""
        self.store.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {t}" for t, n in self.counts().items())
        return f"<flashpoint.Workspace {self.store.location}: {counts}>"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(t)}</td><td>{n}</td></tr>" for t, n in self.counts().items()
        )
        return (
            f"<b>flashpoint</b> {html.escape(self.store.location)}"
            f"<table><tr><th>table</th><th>rows</th></tr>{rows}</table>"
        )


FRAME_KINDS = ("pandas", "arrow", "polars")
"""What the listing methods return on request: a pandas DataFrame (the default), an Arrow
table, or a polars DataFrame (polars is not a dependency: install it to ask for one)."""


def _as(frame: pd.DataFrame, kind: str) -> Any:
    """The frame as pandas, Arrow or polars."""
    if kind == "pandas":
        return frame
    if kind == "arrow":
        return pa.Table.from_pandas(frame, preserve_index=False)
    if kind == "polars":
        try:
            import polars
        except ImportError:
            raise UsageError("polars is not installed; pip install polars, or ask for "
                             "as_='arrow'") from None  # fmt: skip
        return polars.from_pandas(frame)
    raise UsageError(f"as_={kind!r}: use one of {', '.join(FRAME_KINDS)}")


def _day(value: date | str | None) -> date | None:
    """A date from a date or an ISO string; UsageError naming the value otherwise."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{value!r} is not a date (use YYYY-MM-DD)") from None


def _filtered(
    frame: pd.DataFrame,
    source: str | None,
    target: str | None,
    since: date | str | None,
    until: date | str | None,
    kind: str | None,
) -> pd.DataFrame:
    """Rows of an events or stories frame matching a dyad, a type and a date range."""
    keep = pd.Series(True, index=frame.index)
    if source:
        keep &= frame["source"] == source.upper()
    if target:
        keep &= frame["target"] == target.upper()
    if kind:
        keep &= frame["type"] == kind.upper()
    first, last = _day(since), _day(until)
    if first is not None or last is not None:
        day = frame["date"].fillna("").astype(str).str.slice(0, 10)
        monthly = day.str.len() == 7
        latest = day.where(~monthly, day + "-31")  # a month-only date overlaps the range
        earliest = day.where(~monthly, day + "-01")  # if any of its days does
        keep &= day != ""
        if first is not None:
            keep &= latest >= first.isoformat()
        if last is not None:
            keep &= earliest <= last.isoformat()
    return frame[keep].reset_index(drop=True)


def open_workspace(
    db: str | Path | None = None, *, read_only: bool = False, settings: Settings | None = None
) -> Workspace:
    """Open (creating it unless read-only) the store `db`, default from the settings."""
    settings = settings or load_settings({"db": str(db) if db is not None else None})
    return Workspace(open_store(settings.db if db is None else db, read_only=read_only), settings)


def ingest(
    *paths: str | Path,
    db: str | Path | None = None,
    kind: str | None = None,
    publisher: str | None = None,
    issuer: str | None = None,
    code: bool | None = None,
) -> IngestReport:
    """Ingest files and folders into the store `db` (default flashpoint.duckdb) and report."""
    with open_workspace(db) as ws:
        return ws.ingest(*paths, kind=kind, publisher=publisher, issuer=issuer, code=code)


def code_text(
    text: str,
    *,
    published: date | str | None = None,
    doc_id: str = "text",
    kind: str = "news",
    issuer: str | None = None,
) -> list[Event]:
    """Code one text into events (the model loads on the first call, once per process)."""
    from flashpoint.events import load_coder
    from flashpoint.ingest.records import build_document

    record = {
        "doc_id": doc_id,
        "text": text,
        "published": published,
        "kind": kind,
        "issuer": issuer,
    }
    return load_coder().code(build_document(record, doc_id, Defaults()))


def sample_corpus() -> Path:
    """Return the folder of the bundled sample corpus (constructed example documents)."""
    return Path(__file__).parent / "data" / "sample"
