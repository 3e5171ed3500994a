"""The Store protocol every backend implements, and what a write reports back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import pandas as pd
import pyarrow as pa

from flashpoint.models import Claim, Commitment, Document, Event


@dataclass(slots=True)
class WriteResult:
    """Outcome of writing a batch of documents: stored ids, duplicates and conflicts."""

    stored: list[str] = field(default_factory=list)
    duplicates: list[tuple[Document, str]] = field(default_factory=list)
    """Each document not stored and the doc_id of the stored document it repeats."""
    conflicts: list[tuple[Document, str]] = field(default_factory=list)
    """Each document not stored because its doc_id names a different stored document."""


class Store(Protocol):
    """Where documents and coded data live; DuckDB is the embedded default."""

    location: str

    def write_documents(self, documents: Sequence[Document]) -> WriteResult:
        """Store new documents in one transaction, skipping those already stored."""
        ...

    def write_events(self, doc_ids: Sequence[str], events: Sequence[Event]) -> int:
        """Replace the events of the given documents, in one transaction."""
        ...

    def write_commitments(self, doc_ids: Sequence[str], commitments: Sequence[Commitment]) -> int:
        """Replace the commitments of the given documents, in one transaction."""
        ...

    def write_claims(self, doc_ids: Sequence[str], claims: Sequence[Claim]) -> int:
        """Replace the comparison claims of the given documents, in one transaction."""
        ...

    def replace_table(self, name: str, frame: pd.DataFrame) -> int:
        """Replace every row of a derived table (stories, mentions) in one transaction."""
        ...

    def documents(self, ids: Sequence[str] | None = None) -> list[Document]:
        """Return stored documents, all or those with the given ids."""
        ...

    def read_table(self, name: str, columns: Sequence[str] | None = None) -> pa.Table:
        """Return a whole table (or some of its columns) as Arrow, in a stable order."""
        ...

    def count(self, name: str) -> int:
        """Return the number of rows in a table."""
        ...

    def close(self) -> None:
        """Release the store (its file lock, its connection)."""
        ...
