"""Text → sentence spans by rule, cheap enough to run before deciding what to parse.

A semicolon also ends a unit: the clauses it joins are parsed, and cited, one by one."""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "gen",
        "lt",
        "col",
        "sen",
        "rep",
        "gov",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "vs",
        "inc",
        "ltd",
        "co",
        "corp",
        "jr",
        "sr",
        "prof",
        "adm",
        "capt",
        "maj",
        "sgt",
        "cmdr",
        "amb",
        "pres",
        "dept",
        "govt",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "h.e",
        "h.m",
        "h.r.h",
        "etc",
        "approx",
        "est",
        "fig",
        "vol",
        "p",
        "pp",
    ]
)
_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|;(?=\s+\S)")
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*[A-Z\"“‘(])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of each sentence, whitespace trimmed, in order."""
    spans: list[tuple[int, int]] = []
    for para_start, para_end in _paragraphs(text):
        start = para_start
        for match in _END.finditer(text, para_start, para_end):
            if _is_abbreviation(text, match.start()):
                continue
            spans.append((start, match.end()))
            start = match.end()
        spans.append((start, para_end))
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e))]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Line-break separated blocks (a line break before a capital starts a new block)."""
    spans, start = [], 0
    for match in _PARAGRAPH.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at `dot` ends an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False  # '!', '?' and ';' always end a unit
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    if len(word) == 1 and text[word_start].isupper():
        return True  # an initial: "Donald J. Trump"
    return word in _ABBREVIATIONS


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Shrink a span to exclude surrounding whitespace; None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
