"""Document identity: a content hash of the canonical URL, else of the normalised text."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|smid|ref|ref_src)$", re.I)
_SPACE = re.compile(r"\s+")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str | None:
    """Return the URL canonical (lower-case host, no www, fragment or tracking); None if no URL."""
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    scheme = "https"  # the same page over http and https is one document
    host = parts.hostname.lower().removeprefix("www.")
    port = parts.port
    netloc = host if port in (None, _DEFAULT_PORTS.get(parts.scheme.lower())) else f"{host}:{port}"
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    if len(path) > 1:
        path = path.rstrip("/")
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    )
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def normalise_text(text: str) -> str:
    """Fold a text for identity: NFKC, case-folded, whitespace collapsed, quotes unified."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = folded.translate(_QUOTES)
    return _SPACE.sub(" ", folded).strip()


_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)


def content_hash(text: str, url: str | None = None) -> str:
    """SHA-256 hex of the canonical URL when there is one, else of the normalised text."""
    canon = canonical_url(url) if url else None
    key = f"url:{canon}" if canon else f"text:{normalise_text(text)}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def text_hash(text: str) -> str:
    """SHA-256 hex of the normalised text alone."""
    return hashlib.sha256(f"text:{normalise_text(text)}".encode()).hexdigest()


def derived_doc_id(digest: str) -> str:
    """The doc_id given to a document whose input names none: 'doc-' + 16 hex digits of its hash."""
    return f"doc-{digest[:16]}"
