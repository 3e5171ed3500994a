"""Paths → files to read → (origin, record) pairs, with each file's problems named."""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from flashpoint.errors import InputError
from flashpoint.ingest.markup import declared_charset, read_html_record
from flashpoint.ingest.tabular import (
    Record,
    csv_records,
    json_records,
    jsonl_records,
    parquet_records,
)
from flashpoint.ingest.text import read_text_record

FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".parquet": "parquet",
}
"""File extensions read by ingest, and the format each is read as."""

_SNIFF_BYTES = 8192


@dataclass(slots=True)
class FileList:
    """What a set of paths expands to: files to read, missing paths, files passed over."""

    files: list[Path] = field(default_factory=list)
    missing: list[InputError] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)


def find_files(paths: Iterable[str | Path]) -> FileList:
    """Expand files and folders (recursively, hidden entries left out) in a stable order."""
    found = FileList()
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if any(part.startswith(".") for part in relative) or not child.is_file():
                    continue
                if child.suffix.lower() in FORMATS:
                    _add(found, seen, child)
                else:
                    found.skipped.append(child)
        elif path.is_file():
            _add(found, seen, path)
        elif path.exists():
            found.missing.append(InputError(f"{path}: not a regular file or folder"))
        else:
            found.missing.append(InputError(f"{path}: no such file or directory"))
    return found


def _add(found: FileList, seen: set[Path], path: Path) -> None:
    key = path.resolve()
    if key not in seen:
        seen.add(key)
        found.files.append(path)


def decode(data: bytes, path: Path, *, fallback: str | None = None) -> str:
    """Bytes → text: UTF-8 (a BOM of UTF-8/16 honoured), else `fallback`; InputError if neither."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise InputError(f"{path}: not valid UTF-16 text ({err.reason})") from None
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InputError(f"{path}: binary file, not a text document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        if fallback:
            try:
                return data.decode(fallback)
            except (UnicodeDecodeError, LookupError):
                pass
        line = data[: err.start].count(b"\n") + 1
        raise InputError(
            f"{path}:{line}: not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "save the file as UTF-8"
        ) from None


def read_records(path: Path) -> Iterator[Record]:
    """Yield the (origin, record or error) pairs of one file; a whole-file problem raises."""
    fmt = FORMATS.get(path.suffix.lower(), "text")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    if not data.strip():
        raise InputError(f"{path}: empty file")
    if fmt == "parquet":
        yield from parquet_records(path)
        return
    text = decode(data, path, fallback=declared_charset(data) if fmt == "html" else None)
    origin = str(path)
    if fmt in ("text", "markdown"):
        yield origin, read_text_record(text, origin, markdown=fmt == "markdown")
    elif fmt == "html":
        yield origin, read_html_record(text, origin)
    elif fmt == "json":
        yield from json_records(text, path)
    elif fmt == "jsonl":
        yield from jsonl_records(text, path)
    else:
        yield from csv_records(text, path, delimiter="\t" if fmt == "tsv" else ",")
