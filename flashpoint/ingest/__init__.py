"""Anything in → Documents out → the store; each bad file or record is reported, never fatal."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from flashpoint.errors import InputError
from flashpoint.ingest.records import Defaults, build_document
from flashpoint.ingest.sources import FORMATS, find_files, read_records
from flashpoint.models import Document
from flashpoint.store.base import Store, WriteResult

__all__ = ["FORMATS", "Defaults", "IngestReport", "ingest_paths", "read_documents"]


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did: ids stored, duplicates, failures with their messages."""

    stored: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    """Origins of documents already in the store (or earlier in the run)."""
    failures: list[str] = field(default_factory=list)
    """One line per failure, naming the file (and line) and the problem."""
    skipped: list[str] = field(default_factory=list)
    """Files in folders passed over because their extension is not a document format."""
    files: int = 0
    events: int = 0
    """Events coded from the stored documents (0 when ingest did not code)."""

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.failures

    def summary(self) -> str:
        """One line: '118 stored, 2 duplicates, 3 failed' (and files skipped, if any)."""
        line = (
            f"{len(self.stored)} stored, {len(self.duplicates)} "
            f"duplicate{'' if len(self.duplicates) == 1 else 's'}, "
            f"{len(self.failures)} failed"
        )
        if self.skipped:
            line += f", {len(self.skipped)} file{'' if len(self.skipped) == 1 else 's'} skipped"
        if self.events:
            line += f"; {self.events} event{'' if self.events == 1 else 's'} coded"
        return line

    def add(self, result: WriteResult) -> None:
        """Fold one batch's write result into the report."""
        self.stored += result.stored
        for doc, old_id in result.duplicates:
            self.duplicates.append(f"{doc.origin}: same document as {old_id}")
        for doc, old_id in result.conflicts:
            self.failures.append(
                f"{doc.origin}: doc_id {doc.doc_id!r} already names a different stored document "
                f"(stored as {old_id}); give this one another doc_id"
            )


def read_documents(
    paths: Iterable[str | Path],
    *,
    defaults: Defaults | None = None,
    on_file: Callable[[Path], None] | None = None,
    report: IngestReport | None = None,
) -> Iterator[Document]:
    """Read every document under `paths`, adding failures and skipped files to `report`."""
    report = IngestReport() if report is None else report
    defaults = defaults or Defaults()
    found = find_files(paths)
    report.failures += [str(err) for err in found.missing]
    report.skipped += [str(p) for p in found.skipped]
    for path in found.files:
        report.files += 1
        try:
            for origin, record in read_records(path):
                if isinstance(record, InputError):
                    report.failures.append(str(record))
                    continue
                try:
                    yield build_document(record, origin, defaults)
                except InputError as err:
                    report.failures.append(str(err))
        except InputError as err:
            report.failures.append(str(err))
        if on_file is not None:
            on_file(path)


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    *,
    defaults: Defaults | None = None,
    batch_size: int = 500,
    on_file: Callable[[Path], None] | None = None,
) -> IngestReport:
    """Read documents under `paths` and write them to `store` in batches of `batch_size`."""
    report = IngestReport()
    batch: list[Document] = []
    for doc in read_documents(paths, defaults=defaults, on_file=on_file, report=report):
        batch.append(doc)
        if len(batch) >= batch_size:
            report.add(store.write_documents(batch))
            batch = []
    if batch:
        report.add(store.write_documents(batch))
    return report
