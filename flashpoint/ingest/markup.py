"""HTML pages → one record: main text via trafilatura, metadata from meta tags."""

from __future__ import annotations

import re
from typing import Any

import trafilatura
from lxml import html as lxml_html

from flashpoint.errors import InputError
from flashpoint.ingest.text import tidy

_META_FIELDS: dict[str, tuple[str, ...]] = {
    "doc_id": ("flashpoint:doc_id",),
    "kind": ("flashpoint:kind",),
    "issuer": ("flashpoint:issuer",),
    "publisher": ("flashpoint:publisher", "og:site_name", "publisher", "application-name"),
    "published": (
        "flashpoint:published",
        "article:published_time",
        "date",
        "dc.date",
        "dcterms.date",
        "pubdate",
        "publish-date",
        "og:published_time",
    ),
    "title": ("flashpoint:title", "og:title"),
    "url": ("og:url",),
}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB, or None."""
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def _meta(tree: Any) -> dict[str, str]:
    """All <meta name|property=... content=...> pairs, names lower-cased, first one kept."""
    found: dict[str, str] = {}
    for node in tree.iter("meta"):
        name = (node.get("name") or node.get("property") or "").strip().lower()
        content = (node.get("content") or "").strip()
        if name and content and name not in found:
            found[name] = content
    return found


def read_html_record(markup: str, origin: str) -> dict[str, Any]:
    """Return the record of an HTML page: main text, title and metadata; InputError if no text."""
    try:
        tree = lxml_html.document_fromstring(markup)
    except Exception as err:  # lxml raises several unrelated types for unparsable input
        raise InputError(f"{origin}: not parsable HTML ({err})") from None
    meta = _meta(tree)
    record: dict[str, Any] = {}
    for field, names in _META_FIELDS.items():
        value = next((meta[n] for n in names if n in meta), None)
        if value is not None:
            record[field] = value
    canonical = tree.xpath("//link[@rel='canonical']/@href")
    if canonical:
        record["url"] = str(canonical[0]).strip()
    extracted = trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    found: dict[str, Any] = {}
    if extracted is not None:
        found = extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = found.get("text")
    if not text or not str(text).strip():
        raise InputError(f"{origin}: no main text found in the HTML page")
    record["text"] = text
    for field, key in (
        ("title", "title"),
        ("publisher", "sitename"),
        ("published", "date"),
        ("url", "url"),
    ):
        if field not in record and found.get(key):
            record[field] = found[key]
    if "title" not in record:
        titles = tree.xpath("//title/text()")
        if titles:
            record["title"] = str(titles[0]).strip()
    record["text"] = tidy(str(record["text"]), record.get("title"))
    return record
