"""The records that move through the pipeline: frozen, slotted dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

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


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event took place: the name as written, its state and coordinates."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One event coded in one document, with the fields of the exchange format and extras."""

    event_id: str
    doc_id: str
    source: str
    target: str | None
    type: str
    status: str
    evidence: str
    source_name: str | None = None
    target_name: str | None = None
    mode: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    date: str | None = None
    date_precision: str | None = None
    claimed_by: str | None = None
    location: Location | None = None
    topics: tuple[str, ...] = ()
    evidence_start: int | None = None
    evidence_end: int | None = None
    source_start: int | None = None
    source_end: int | None = None
    target_start: int | None = None
    target_end: int | None = None
    confidence: float | None = None
    coder_version: str = ""

    def to_exchange(self) -> dict[str, object]:
        """Return the event as an exchange-format object, extras included."""
        loc = self.location
        return {
            "event_id": self.event_id,
            "source": self.source,
            "source_name": self.source_name,
            "target": self.target,
            "target_name": self.target_name,
            "type": self.type,
            "mode": self.mode,
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "date": self.date,
            "date_precision": self.date_precision,
            "status": self.status,
            "claimed_by": self.claimed_by,
            "location": None
            if loc is None
            else {
                "name": loc.name,
                "country": loc.country,
                "lat": loc.lat,
                "lon": loc.lon,
                "precision": loc.precision,
            },
            "topics": list(self.topics),
            "evidence": self.evidence,
            "evidence_start": self.evidence_start,
            "evidence_end": self.evidence_end,
            "source_start": self.source_start,
            "source_end": self.source_end,
            "target_start": self.target_start,
            "target_end": self.target_end,
            "confidence": self.confidence,
            "coder_version": self.coder_version,
        }

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Event:
        """Rebuild an event from a row of the `events` table."""
        skip = ("location", "topics", "coder_version")
        fields: dict[str, Any] = {k: row.get(k) for k in cls.__dataclass_fields__ if k not in skip}
        location = None
        if row.get("location_name"):
            location = Location(
                row["location_name"],
                row.get("location_country"),
                row.get("lat"),
                row.get("lon"),
                row.get("location_precision"),
            )
        return cls(
            **fields,
            location=location,
            topics=tuple(row.get("topics") or ()),
            coder_version=row.get("coder_version") or "",
        )

    def to_row(self) -> dict[str, object]:
        """Return the event as a row of the `events` table."""
        loc = self.location
        row = {k: v for k, v in self.to_exchange().items() if k != "location"}
        row["doc_id"] = self.doc_id
        row["location_name"] = loc.name if loc else None
        row["location_country"] = loc.country if loc else None
        row["lat"] = loc.lat if loc else None
        row["lon"] = loc.lon if loc else None
        row["location_precision"] = loc.precision if loc else None
        return row


@dataclass(frozen=True, slots=True)
class Commitment:
    """A pledge, scheduled visit or meeting, agreed step or undertaking stated in a document."""

    commitment_id: str
    doc_id: str
    actor: str
    what: str
    evidence: str
    counterpart: str | None = None
    due: str | None = None
    due_precision: str | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None
    event_id: str | None = None
    coder_version: str = ""

    def to_exchange(self) -> dict[str, object]:
        """Return the commitment as an exchange-format object, extras included."""
        return {
            "commitment_id": self.commitment_id,
            "actor": self.actor,
            "counterpart": self.counterpart,
            "what": self.what,
            "due": self.due,
            "due_precision": self.due_precision,
            "evidence": self.evidence,
            "evidence_start": self.evidence_start,
            "evidence_end": self.evidence_end,
            "event_id": self.event_id,
            "coder_version": self.coder_version,
        }

    def to_row(self) -> dict[str, object]:
        """Return the commitment as a row of the `commitments` table."""
        return {**self.to_exchange(), "doc_id": self.doc_id}


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim of an account of an exchange, shared with its pair or made only here."""

    comparison_id: str
    doc_id: str
    pair_doc: str
    relation: str
    """'shared' or 'only_here'."""
    claim: str
    claim_start: int | None = None
    claim_end: int | None = None
    counterpart_claim: str | None = None
    """For a shared claim: the other account's wording of it."""
    coder_version: str = ""

    def to_row(self) -> dict[str, object]:
        """Return the claim as a row of the `comparisons` table."""
        return {
            "comparison_id": self.comparison_id,
            "doc_id": self.doc_id,
            "pair_doc": self.pair_doc,
            "relation": self.relation,
            "claim": self.claim,
            "claim_start": self.claim_start,
            "claim_end": self.claim_end,
            "counterpart_claim": self.counterpart_claim,
            "coder_version": self.coder_version,
        }
