"""The records that move through the pipeline: frozen, slotted dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

KINDS = ("news", "readout", "statement", "opinion")
"""The document kinds of the exchange format."""


@dataclass(frozen=True, slots=True)
class Document:
    """One ingested text with its metadata; `doc_id` is kept from the input or hashed."""

    doc_id: str
    content_hash: str
    text_hash: str
    text: str
    title: str | None = None
    published: date | None = None
    publisher: str | None = None
    url: str | None = None
    kind: str = "news"
    issuer: str | None = None
    origin: str | None = None
    """Where it was read from: a path, with ':LINE' for records of a JSONL or CSV file."""

    def to_exchange(self) -> dict[str, object]:
        """Return the document's fields as an exchange-format object (without annotations)."""
        return {
            "doc_id": self.doc_id,
            "published": self.published.isoformat() if self.published else None,
            "publisher": self.publisher,
            "kind": self.kind,
            "issuer": self.issuer,
            "title": self.title,
            "text": self.text,
        }
