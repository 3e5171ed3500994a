"""Plain-text and Markdown files, with optional front matter, → one record each."""

from __future__ import annotations

import re
from typing import Any

from flashpoint.errors import InputError

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_CODE = re.compile(r"`([^`]+)`")
_LIST = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d+[.)])[ \t]+", re.M)
_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.M)
_RULE = re.compile(r"^[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$", re.M)


_SPACES = re.compile(r"\s+")


def strip_title_line(text: str, title: str | None) -> str:
    """Drop a first line that repeats the title, so one article reads the same in every format."""
    if not title:
        return text
    first, sep, rest = text.lstrip().partition("\n")
    if sep and _SPACES.sub(" ", first).strip() == _SPACES.sub(" ", title).strip():
        return rest.lstrip("\n")
    return text


def tidy(text: str, title: str | None) -> str:
    """Line ends as \\n, outer blank space removed, a repeated title line dropped."""
    return strip_title_line(text.replace("\r\n", "\n").replace("\r", "\n").strip(), title)


def split_front_matter(text: str, origin: str) -> tuple[dict[str, Any], str, int]:
    """Split '---' front matter (key: value lines) from the body; return fields, body, body line."""
    match = _FRONT.match(text)
    if not match:
        return {}, text, 1
    fields: dict[str, Any] = {}
    for offset, line in enumerate(match.group(1).split("\n"), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        kv = _KEY_VALUE.match(line)
        if not kv:
            raise InputError(f"{origin}:{offset}: front matter line is not 'key: value': {line!r}")
        fields[kv.group(1).lower()] = _unquote(kv.group(2).strip())
    body_line = text[: match.end()].count("\n") + 1
    return fields, text[match.end() :], body_line


def _unquote(value: str) -> str | None:
    """Strip matching quotes from a front-matter value; empty or '~'/'null' is None."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return None if value in ("", "~", "null", "None") else value


def markdown_to_text(body: str) -> tuple[str | None, str]:
    """Turn Markdown into plain prose; return the first heading (as a title) and the text."""
    heading = _HEADING.search(body)
    title = heading.group(1).strip() if heading and not body[: heading.start()].strip() else None
    if title is not None and heading is not None:
        body = body[heading.end() :]
    body = _RULE.sub("", body)
    body = _HEADING.sub(lambda m: m.group(1), body)
    body = _LINK.sub(lambda m: m.group(1), body)
    body = _CODE.sub(lambda m: m.group(1), body)
    body = _EMPHASIS.sub(lambda m: m.group(2), body)
    body = _QUOTE.sub("", body)
    body = _LIST.sub("", body)
    return title, body.strip()


def guess_title(body: str) -> str | None:
    """A short first line standing alone above the text reads as a title; else None."""
    first, sep, rest = body.strip().partition("\n\n")
    line = first.strip()
    if sep and rest.strip() and "\n" not in line and len(line) <= 160 and line[-1] not in ".!?:;,":
        return line
    return None


def read_text_record(text: str, origin: str, *, markdown: bool) -> dict[str, Any]:
    """Return the record of a .txt or .md file: front-matter fields plus title and text."""
    fields, body, _ = split_front_matter(text, origin)
    heading: str | None = None
    if markdown:
        heading, body = markdown_to_text(body)
    record: dict[str, Any] = dict(fields)
    given_title = next((fields[k] for k in ("title", "headline") if fields.get(k)), None)
    title = given_title or heading or guess_title(body)
    record["title"] = title
    if heading and given_title and heading != given_title:
        body = heading + "\n\n" + body  # the heading is part of the text, not the title
    for key in ("body", "content", "article", "full_text", "story"):
        record.pop(key, None)  # the file's body is the text, whatever the front matter says
    record["text"] = tidy(body, title)
    return record
