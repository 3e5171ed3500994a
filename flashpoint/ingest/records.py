"""Metadata of one record (front matter, JSON object, CSV row, HTML meta) → a Document."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import pycountry

from flashpoint.errors import InputError
from flashpoint.ingest.identity import canonical_url, content_hash, derived_doc_id, text_hash
from flashpoint.models import KINDS, Document

FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "doc_id": ("doc_id", "id", "document_id", "docid"),
    "text": ("text", "body", "content", "article", "full_text", "story"),
    "title": ("title", "headline", "heading"),
    "published": (
        "published",
        "date",
        "publication_date",
        "published_at",
        "pubdate",
        "publish_date",
        "datetime",
    ),
    "publisher": ("publisher", "source", "outlet", "site_name", "sitename", "author_org"),
    "url": ("url", "link", "canonical_url", "href"),
    "kind": ("kind", "doc_kind", "document_kind"),
    "issuer": ("issuer", "issuing_state", "government"),
}
"""Names accepted for each document field in records, front matter and CSV headers."""

_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%Y%m%d",
)


@dataclass(frozen=True, slots=True)
class Defaults:
    """Metadata given to documents whose source does not carry it (from flags or settings)."""

    kind: str = "news"
    publisher: str | None = None
    issuer: str | None = None


def pick(record: Mapping[str, Any], field: str) -> Any:
    """Return the record's value for `field` under any accepted name (case-insensitive), or None."""
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    for name in FIELD_ALIASES[field]:
        value = lowered.get(name)
        if value is not None and not (isinstance(value, str) and not value.strip()):
            return value
    return None


def text_column(columns: list[str]) -> str | None:
    """Return the column that holds the text among a table's columns, or None."""
    lowered = {c.strip().lower(): c for c in columns}
    return next((lowered[a] for a in FIELD_ALIASES["text"] if a in lowered), None)


def parse_published(value: Any) -> date:
    """Read a publication date: ISO date or datetime (local date kept), RFC 2822, '25 Nov 2025'."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    raise ValueError(f"published {text!r} is not a date (use YYYY-MM-DD)")


def check_kind(value: Any) -> str:
    """Return the kind lower-cased, or raise ValueError naming the accepted kinds."""
    kind = str(value).strip().lower()
    if kind not in KINDS:
        raise ValueError(f"kind {value!r} is not one of {', '.join(KINDS)}")
    return kind


def check_issuer(value: Any) -> str:
    """Return an ISO-3166 alpha-3 code or IGO:<name>, or raise ValueError with a suggestion."""
    text = str(value).strip()
    if text.upper().startswith("IGO:") and len(text) > 4:
        return "IGO:" + text[4:].strip()
    code = text.upper()
    if len(code) == 3 and (code in _EXTRA_CODES or pycountry.countries.get(alpha_3=code)):
        return code
    hint = ""
    found = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if found is None and len(code) > 3:
        try:
            found = pycountry.countries.lookup(text)
        except LookupError:
            found = None
    if found is not None:
        hint = f" (did you mean {found.alpha_3}?)"
    raise ValueError(f"issuer {text!r} is not an ISO-3166 alpha-3 code{hint}")


_EXTRA_CODES = frozenset({"XKX"})  # Kosovo: user-assigned, used by the field's datasets


def build_document(record: Mapping[str, Any], origin: str, defaults: Defaults) -> Document:
    """Validate one record's fields and return its Document; InputError names origin and field.

    The text is stored exactly as the record gives it; readers of whole files (txt, md, html)
    tidy their text before building the record.
    """
    raw_text = pick(record, "text")
    if raw_text is None:
        raise InputError(
            f"{origin}: no text (expected a field named {', '.join(FIELD_ALIASES['text'][:3])})"
        )
    if not isinstance(raw_text, str):
        raise InputError(f"{origin}: text must be a string, got {type(raw_text).__name__}")
    title = _clean(pick(record, "title"))
    text = raw_text  # kept verbatim: evidence offsets of annotations index this exact text
    if not text.strip():
        raise InputError(f"{origin}: empty text")
    try:
        published_raw = pick(record, "published")
        published = parse_published(published_raw) if published_raw is not None else None
        kind_raw = pick(record, "kind")
        kind = check_kind(kind_raw if kind_raw is not None else defaults.kind)
        issuer_raw = pick(record, "issuer") or defaults.issuer
        issuer = check_issuer(issuer_raw) if issuer_raw else None
    except ValueError as err:
        raise InputError(f"{origin}: {err}") from None
    url_raw = _clean(pick(record, "url"))
    url = canonical_url(url_raw) if url_raw else None
    digest = content_hash(text, url)
    given_id = _clean(pick(record, "doc_id"))
    return Document(
        doc_id=given_id or derived_doc_id(digest),
        content_hash=digest,
        text_hash=text_hash(text),
        text=text,
        title=title,
        published=published,
        publisher=_clean(pick(record, "publisher")) or defaults.publisher,
        url=url or url_raw,
        kind=kind,
        issuer=issuer,
        origin=origin,
    )


def _clean(value: Any) -> str | None:
    """Strip a metadata value to a one-line string; None when empty."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
