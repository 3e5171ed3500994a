"""Account comparison (capability 4), the step after event coding: pair the official accounts
(readouts, statements) of one call or meeting, cut each into claims, and mark every claim
`shared` (the other account makes it too, in any words) or `only_here`.

Pipeline place: ingest gives `Document`s, `flashpoint.events` codes their `Event`s; this module
takes both and returns `Claim` records (rows of the `comparisons` table, written by the caller)
and the exchange-format `comparisons` lists. Pure functions: nothing here touches the store.

Claims are matched on weighted content features (stems, actor codes, paraphrase groups from
`data/events/paraphrases.toml`, numbers), on the coded events they share, and on names both
accounts give beyond the two parties; alignment is greedy and one-to-one by best score.
"""

from __future__ import annotations

import hashlib
import math
import re
import tomllib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from flashpoint.models import Claim, Document, Event
from flashpoint.nlp.sentences import split_sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from flashpoint.actors.table import ActorMention, ActorTable

__all__ = ["claims_of", "compare_accounts", "comparison_exchange", "pair_accounts"]

ACCOUNT_KINDS = ("readout", "statement")
"""Document kinds that give an official account of an exchange."""
MAX_DAYS_APART = 2
"""Two accounts report one exchange only when their dates lie this many days apart or less."""
PARAPHRASES = Path(__file__).resolve().parents[1] / "data" / "events" / "paraphrases.toml"
"""Paraphrase groups: one meaning written in several ways."""

SHARED_THRESHOLD = 0.4
"""Lowest alignment score at which two claims are taken to say the same thing."""
SECOND_THRESHOLD = 0.75
"""Lowest score at which a claim left over by the one-to-one alignment still counts as shared."""
EVENT_WEIGHT = 0.25
"""What a matching coded event adds to the word similarity of two claims."""
ENTITY_WEIGHT = 0.15
"""What a shared name or number (a third state, an organisation, a figure) adds to a score."""
MIN_NAME_WEIGHT = 1.0
"""A shared name counts only when it is this rare among the claims (a weight, as for words)."""
MIN_WEIGHT = 2.0
"""Floor on the weight a claim's overlap is measured against: a claim made of words every
claim has (the two states, the leaders) matches nothing on those words alone."""
COVERED = 0.34
"""A part of a shared claim stays shared when the counterpart has this share of its features."""

_LEADER_ROLES = frozenset({"head_of_state", "head_of_government"})
_JOINT_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
_PERSON_KINDS = frozenset({"person", "title"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"})
_GENERIC = frozenset(
    "president prime minister leader side two both head say state mr ms mrs honorable "
    "honourable also further include today tonight evening morning afternoon day call hold "
    "spoke speak secretary chairman premier counterpart excellency foreign external affair "
    "ministry government official".split()
)
"""Words every readout uses, whatever it reports: they say nothing about one claim."""
_BOILERPLATE = re.compile(
    r"^(?:readout of\b|for immediate release|media contacts?\b|press release\b|source:|"
    r"#+\s*$|\(?end\)?\s*$)|\bas follows[.:]?\s*$",
    re.IGNORECASE,
)
"""Lines that frame an account rather than report it: headings, "The overview is as follows."."""
_HONORIFIC_END = re.compile(r"\b(?:H\.E|H\.M|H\.R\.H|H\.H|Rt|Hon|Messrs)\.$")
_LINE_BREAK = re.compile(r"(?<=[.!?:;\"”’)])[ \t]*\n\s*|[ \t]*\n\s*(?=[^\w\s\"“‘(])")
"""A line break that ends a sentence: after closing punctuation, or before a line of symbols."""
_BULLET = re.compile(r"^(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|[-•*▪●–])\s+")
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{2,}(?:,\s*[A-Z][\w.' -]{0,30})?(?:,\s*[\w. ]{3,20}\d{1,4})?"
    r"(?:\s*\([\w .]+\))?\s*(?:—|–|--|-)\s+"
)
_PHRASE_END = r"(?=[,;]|\.(?:\s+[A-Z\u201c\u2018\"]|\s*$)|$)"
"""Where a trailing phrase ends: a comma, a semicolon, a full stop ending the sentence."""
_INITIATOR = re.compile(
    r"at the (?:request|invitation|initiative|suggestion) of (?:the )?[^,;]+?"
    + _PHRASE_END
    + r"|at (?:the )?[\w.’' -]+?[’']s? (?:request|initiative|invitation|suggestion)"
    + r"|(?:initiated|requested|proposed) by (?:the )?[^,;]+?"
    + _PHRASE_END,
    re.IGNORECASE,
)
_NUMBER_WORD = (
    r"(?:\d+|half an|an?|one|two|three|four|five|six|ten|fifteen|twenty|thirty|forty|fifty)"
)
_DURATION = re.compile(
    r"(?:for|lasting|lasted|of)\s+(?:about|approximately|around|nearly|some|more than|over|"
    r"almost|roughly|close to|just over|under)?\s*" + _NUMBER_WORD + r"(?:[- ]and[- ]a[- ]half)?"
    r"[- ](?:minutes?|hours?)(?:[- ]long)?",
    re.IGNORECASE,
)
_DETAILS = (("initiator", _INITIATOR), ("duration", _DURATION))
_NUMBERS = {
    "a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0,
    "six": 6.0, "ten": 10.0, "fifteen": 15.0, "twenty": 20.0, "thirty": 30.0, "forty": 40.0,
    "fifty": 50.0,
}  # fmt: skip
_SUFFIXES = (
    "ations", "ation", "itions", "ition", "ities", "ity", "ments", "ment", "ness", "ship",
    "ful", "ing", "ion", "ive", "ate", "ise", "ize", "al", "ly", "e", "s",
)  # fmt: skip
_MAX_GAP = 2


# --- pairing ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Exchange:
    """What one account says about the exchange it reports."""

    index: int
    doc: Document
    states: frozenset[str]
    day: date | None
    levels: Mapping[str, frozenset[str]]


def pair_accounts(
    docs: Sequence[Document], events: Mapping[str, Sequence[Event]]
) -> list[tuple[str, str]]:
    """Pair readouts/statements of different issuers that report the same call or meeting."""
    exchanges = [
        ex
        for i, doc in enumerate(docs)
        if (ex := _exchange_of(i, doc, events.get(doc.doc_id, ()))) is not None
    ]
    candidates: list[tuple[tuple[int, int, int, int], _Exchange, _Exchange]] = []
    for n, a in enumerate(exchanges):
        for b in exchanges[n + 1 :]:
            if a.doc.issuer == b.doc.issuer or a.states != b.states:
                continue
            if a.states != frozenset({a.doc.issuer, b.doc.issuer}):
                continue
            gap = _days_apart(a.day, b.day)
            if gap > MAX_DAYS_APART:
                continue
            agreeing = _participants_agree(a.levels, b.levels)
            if agreeing < 0:
                continue
            candidates.append(((-agreeing, gap, a.index, b.index), a, b))
    taken: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, a, b in sorted(candidates, key=lambda c: c[0]):
        if a.index in taken or b.index in taken:
            continue
        taken.update((a.index, b.index))
        pairs.append((a.index, b.index))
    return [(docs[i].doc_id, docs[j].doc_id) for i, j in sorted(pairs)]


def _exchange_of(index: int, doc: Document, events: Sequence[Event]) -> _Exchange | None:
    """The states, date and participants of the exchange an account reports, if it is one."""
    issuer = doc.issuer
    if doc.kind not in ACCOUNT_KINDS or not issuer:
        return None
    main = _main_consult(doc, issuer, events)
    day: date | None = doc.published
    if main is not None:
        other = main.target if main.source == issuer else main.source
        event_day = _day(main.date)
        if event_day is not None:
            day = event_day
    else:
        other = _main_other_state(doc, issuer)
    if not other or other == issuer or other.startswith("IGO:"):
        return None
    where = _first_sentence(doc) + ("\n" + main.evidence if main is not None else "")
    levels = _participant_levels(where, doc.published)
    return _Exchange(index, doc, frozenset({issuer, other}), day, levels)


def _main_consult(doc: Document, issuer: str, events: Sequence[Event]) -> Event | None:
    """The issuer's call or meeting this account reports: the first one dated near publication."""
    consults = [
        e
        for e in events
        if e.type == "CONSULT"
        and e.status == "occurred"
        and e.target
        and issuer in (e.source, e.target)
        and e.source != e.target
    ]
    consults.sort(key=lambda e: e.evidence_start if e.evidence_start is not None else 1 << 30)
    for event in consults:
        if event.date is None:
            return event
        event_day = _day(event.date)
        if event_day is not None and _days_apart(event_day, doc.published) <= MAX_DAYS_APART:
            return event
    return None


def _main_other_state(doc: Document, issuer: str) -> str | None:
    """The state other than the issuer that the title and text name most (first on ties)."""
    text = f"{doc.title or ''}\n{doc.text}"
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for mention in _actors().find(text, doc.published):
        code = mention.code
        if code == issuer or code.startswith("IGO:"):
            continue
        counts[code] += 1
        first.setdefault(code, mention.start)
    if not counts:
        return None
    return min(counts, key=lambda code: (-counts[code], first[code]))


def _first_sentence(doc: Document) -> str:
    """The title and first sentence, where an account names who took part."""
    spans = _sentences(doc.text)
    head = doc.text[spans[0][0] : spans[0][1]] if spans else ""
    return f"{doc.title or ''}\n{head}"


def _participant_levels(text: str, on: date | None) -> dict[str, frozenset[str]]:
    """Per state, the levels of the people named as taking part (leader, foreign minister...)."""
    levels: dict[str, set[str]] = {}
    for mention in _actors().find(text, on):
        if mention.kind in _PERSON_KINDS and mention.role:
            level = "leader" if mention.role in _LEADER_ROLES else mention.role
            levels.setdefault(mention.code, set()).add(level)
    return {code: frozenset(found) for code, found in levels.items()}


def _participants_agree(a: Mapping[str, frozenset[str]], b: Mapping[str, frozenset[str]]) -> int:
    """How many states both accounts name at the same level; -1 when they name different ones."""
    agreeing = 0
    for code in a.keys() & b.keys():
        if not a[code] & b[code]:
            return -1
        agreeing += 1
    return agreeing


def _day(value: str | None) -> date | None:
    """The day of a YYYY-MM-DD value; None for a month, a year or nothing."""
    if not value or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _days_apart(a: date | None, b: date | None) -> int:
    """Days between two dates; 0 when either is unknown."""
    if a is None or b is None:
        return 0
    return abs((a - b).days)


@cache
def _actors() -> ActorTable:
    """The actor table, loaded once per process."""
    from flashpoint.actors.table import ActorTable

    return ActorTable.load()


# --- claim units ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Unit:
    """One claim unit of an account: a span, where it came from and what it says."""

    start: int
    end: int
    sentence: int
    dependent: bool = False
    """It leans on the unit before it (no subject of its own) and may be joined to it."""
    elaboration: bool = False
    """It only elaborates the unit before it (", including ..."): if the other account makes
    it, the unit it elaborates is made there too."""
    detail: str = ""
    """For a detail phrase lifted out of a sentence, its kind: 'initiator' (who asked for the
    call) or 'duration' (how long it lasted); "" for a clause."""
    features: set[str] = field(default_factory=set)
    events: list[Event] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Tok:
    """A token of a unit as the matcher sees it."""

    start: int
    end: int
    lower: str
    lemma: str
    stem: str
    pos: str
    stop: bool


def claims_of(doc: Document, events: Sequence[Event]) -> list[tuple[int, int]]:
    """Character spans of an account's claim units (boilerplate left out), in text order."""
    return [(g.start, g.end) for g in _groups(_units(doc, events))]


@dataclass(slots=True)
class _Group:
    """A claim unit: a main part with the dependent parts that elaborate it, or a detail."""

    parts: list[_Unit]

    @property
    def start(self) -> int:
        """Where the claim starts in the document text."""
        return self.parts[0].start

    @property
    def end(self) -> int:
        """Where the claim ends in the document text."""
        return self.parts[-1].end

    @property
    def features(self) -> set[str]:
        """The features of all its parts."""
        return set().union(*(p.features for p in self.parts))

    @property
    def events(self) -> list[Event]:
        """The events of all its parts."""
        return [e for p in self.parts for e in p.events]


def _groups(units: Sequence[_Unit]) -> list[_Group]:
    """Join each dependent part to the main part before it in the same sentence."""
    groups: list[_Group] = []
    last_main: dict[int, _Group] = {}
    for unit in units:
        host = last_main.get(unit.sentence)
        if unit.dependent and not unit.detail and host is not None:
            host.parts.append(unit)
            continue
        group = _Group([unit])
        groups.append(group)
        if not unit.detail:
            last_main[unit.sentence] = group
    return sorted(groups, key=lambda g: (g.start, g.end))


def _units(doc: Document, events: Sequence[Event]) -> list[_Unit]:
    """Cut an account into claim units with their features and events."""
    from flashpoint.nlp.pipeline import load_pipeline

    text = doc.text
    spans = [span for s, e in _sentences(text) if (span := _claim_span(text, s, e))]
    parsed = list(load_pipeline().pipe(text[s:e] for s, e in spans))
    units: list[_Unit] = []
    for n, ((start, end), sent) in enumerate(zip(spans, parsed, strict=True)):
        if not _says_something(sent):
            continue
        tokens = [_tok(t, start) for t in sent]
        mentions = [
            (m, start + m.start, start + m.end) for m in _actors().find(sent.text, doc.published)
        ]
        found = _split_sentence(text, start, end, sent, n)
        for unit in found:
            if unit.detail:
                unit.features = {_detail_feature(unit.detail, text[unit.start : unit.end], doc)}
                continue
            inside = [t for t in tokens if t.start >= unit.start and t.end <= unit.end]
            unit.features = _features(inside, mentions)
            for kind, pattern in _DETAILS:
                for match in pattern.finditer(text, unit.start, unit.end):
                    unit.features.add(_detail_feature(kind, match.group(), doc))
        _attach_events(found, events, start, end)
        units.extend(found)
    return units


def _detail_feature(kind: str, phrase: str, doc: Document) -> str:
    """The one feature of a detail: who initiated ('%initiator:JPN'), or the length in minutes."""
    if kind == "initiator":
        named = [m.code for m in _actors().find(phrase, doc.published)]
        return f"%initiator:{named[0] if named else '?'}"
    words = phrase.lower().replace("-", " ").split()
    amount = next((_NUMBERS.get(w) or (float(w) if w.isdigit() else None) for w in words
                   if w.isdigit() or w in _NUMBERS), None)  # fmt: skip
    if amount is None:
        amount = 1.0
    if "half" in words and "an" in words and amount == 1.0:
        amount = 0.5
    elif "half" in words:
        amount += 0.5
    minutes = amount * 60 if any(w.startswith("hour") for w in words) else amount
    return f"%duration:{minutes:g}"


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, rejoined where the splitter cut after an honorific ("H.E. Mr. Cho")."""
    spans: list[tuple[int, int]] = []
    for start, end in _lines(text, split_sentences(text)):
        if spans and _HONORIFIC_END.search(text, spans[-1][0], spans[-1][1]):
            gap = text[spans[-1][1] : start]
            if "\n" not in gap:
                spans[-1] = (spans[-1][0], end)
                continue
        spans.append((start, end))
    return spans


def _lines(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut sentence spans at line breaks that end a sentence or start a non-word line ("###")."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        for match in _LINE_BREAK.finditer(text, start, end):
            if match.start() > start:
                out.append((start, match.start()))
            start = match.end()
        if end > start:
            out.append((start, end))
    return out


def _claim_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A sentence span less bullets and datelines; None for boilerplate."""
    piece = text[start:end]
    for pattern in (_BULLET, _DATELINE):
        match = pattern.match(piece)
        if match:
            start += match.end()
            piece = text[start:end]
    if sum(c.isalpha() for c in piece) < 8 or len(piece.split()) < 3:
        return None
    if _BOILERPLATE.search(piece.strip()) or _is_heading(text, start, end):
        return None
    return start, end


def _is_heading(text: str, start: int, end: int) -> bool:
    """True for a line of its own in title case with no closing punctuation: a heading."""
    line_start = start == 0 or text[:start].rstrip(" \t").endswith("\n")
    line_end = end == len(text) or text[end:].lstrip(" \t").startswith("\n")
    piece = text[start:end].rstrip()
    if not (line_start and line_end) or not piece or piece[-1] in '.!?:;"”’)':
        return False
    words = [w for w in piece.split() if len(w) > 3 and w[0].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _says_something(sent: Doc) -> bool:
    """True when a sentence has a verb: headings and datelines have none."""
    return any(t.pos_ in ("VERB", "AUX") for t in sent)


def _tok(token: Token, offset: int) -> _Tok:
    """The matcher's view of a spaCy token, with offsets into the document text."""
    lemma = token.lemma_.lower()
    return _Tok(
        start=offset + token.idx,
        end=offset + token.idx + len(token.text),
        lower=token.lower_,
        lemma=lemma,
        stem=_stem(lemma),
        pos=token.pos_,
        stop=token.is_stop,
    )


def _split_sentence(text: str, start: int, end: int, sent: Doc, index: int) -> list[_Unit]:
    """Split a sentence at clause boundaries and lift out detail phrases (initiator, length)."""
    details: list[_Unit] = []
    main_start, main_end = start, end
    root = next((t for t in sent if t.dep_ == "ROOT"), sent[0])
    subject_at = _subject_start(root)
    for kind, pattern in _DETAILS:
        for match in pattern.finditer(text, start, end):
            d_start, d_end = match.start(), match.end()
            before = text[start:d_start].rstrip()
            after = text[d_end:end].lstrip()
            trailing = before.endswith(",") and (not after or after[0] in ".;")
            leading_comma = text.find(",", d_end, end)
            leading = (
                subject_at is not None
                and d_end <= start + subject_at
                and leading_comma != -1
                and leading_comma < start + subject_at
            )
            if not (trailing or leading):
                continue
            details.append(_Unit(d_start, d_end, index, detail=kind))
            if trailing:
                main_end = min(main_end, start + len(before) - 1)
            else:
                main_start = max(main_start, leading_comma + 1)
    main_start, main_end = _strip(text, main_start, main_end)
    parts = _clause_parts(text, start, sent, main_start, main_end, index)
    return sorted(parts + details, key=lambda u: (u.start, u.end))


def _subject_start(root: Token) -> int | None:
    """Character offset (in the sentence) where the main clause's subject begins."""
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass", "expl"):
            return min(t.idx for t in child.subtree)
    return None


def _clause_parts(
    text: str, offset: int, sent: Doc, start: int, end: int, index: int
) -> list[_Unit]:
    """Cut a span at ', and (that)' + clause, a bare 'and' + past-tense verb, and ', including'."""
    cuts: list[tuple[int, int, bool, bool]] = []  # left end, right start, right depends, elab.
    for tok in sent:
        cut = _cut_at(tok)
        if cut is None:
            continue
        left_end, right_start, depends, elaborates = cut
        if start < offset + left_end and offset + right_start < end:
            cuts.append((offset + left_end, offset + right_start, depends, elaborates))
    parts: list[_Unit] = []
    cursor, link = start, (False, False)
    for left_end, right_start, depends, elaborates in sorted(cuts):
        if left_end <= cursor:
            continue
        s, e = _strip(text, cursor, left_end)
        if e > s:
            parts.append(_Unit(s, e, index, dependent=link[0], elaboration=link[1]))
        cursor, link = right_start, (depends, elaborates)
    s, e = _strip(text, cursor, end)
    if e > s:
        parts.append(_Unit(s, e, index, dependent=link[0], elaboration=link[1]))
    return parts


def _cut_at(tok: Token) -> tuple[int, int, bool, bool] | None:
    """Where a clause boundary at this token cuts: left end, right start, whether the right
    part depends on the left one, and whether it only elaborates it."""
    sent = tok.doc
    if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and _clause_level(_finite(tok)):
        conj_cc = [c for c in tok.head.children if c.dep_ == "cc" and tok.head.i < c.i < tok.i]
        if not conj_cc:
            return None
        cc = conj_cc[-1]
        if cc.lower_ not in ("and", "but", "while"):
            return None
        comma = cc.i > 0 and sent[cc.i - 1].text == ","
        if not comma and not (tok.tag_ == "VBD" and _finite(tok).dep_ == "ROOT"):
            return None
        right = cc.i + 1
        while right < len(sent) and sent[right].dep_ == "mark" and sent[right].lower_ == "that":
            right += 1
        if right >= len(sent):
            return None
        left_end = sent[cc.i - 1].idx if comma else cc.idx
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        depends = not subjects or all(s.pos_ == "PRON" for s in subjects)
        return left_end, sent[right].idx, depends, False
    if tok.lower_ == "including" and tok.i > 0 and sent[tok.i - 1].text == ",":
        return sent[tok.i - 1].idx, tok.idx, True, True
    return None


def _finite(conj: Token) -> Token:
    """The verb a conjunct is coordinated with; a past tense joined to an infinitive ("agreed to
    set up X and exchanged Y") is coordinated with the finite verb above the infinitive."""
    head = conj.head
    if conj.tag_ == "VBD" and head.tag_ == "VB" and head.dep_ == "xcomp":
        return head.head
    return head


def _clause_level(tok: Token) -> bool:
    """True for the main verb or a verb reached from it through complements and conjuncts."""
    while tok.dep_ in ("ccomp", "conj"):
        tok = tok.head
    return tok.dep_ == "ROOT"


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past spaces, commas and colons at its edges (a final full stop stays)."""
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _attach_events(units: list[_Unit], events: Sequence[Event], start: int, end: int) -> None:
    """Give each event of a sentence to the unit holding its source (or its evidence start)."""
    parts = [u for u in units if not u.detail]
    if not parts:
        return
    for event in events:
        ev_start, ev_end = event.evidence_start, event.evidence_end
        if ev_start is None or ev_end is None or ev_end <= start or ev_start >= end:
            continue
        anchor = event.source_start if event.source_start is not None else max(ev_start, start)
        holder = next((u for u in parts if u.start <= anchor < u.end), None)
        if holder is None:
            holder = next((u for u in parts if u.start >= anchor), parts[-1])
        holder.events.append(event)


# --- features ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Phrase:
    """One phrase of a paraphrase group, as words to match in order."""

    group: str
    words: tuple[str, ...]
    pos: tuple[str | None, ...]
    """Per word, the part of speech it must have ("call/noun"), or None."""


@cache
def _phrases(path: Path = PARAPHRASES) -> dict[str, tuple[_Phrase, ...]]:
    """Paraphrase phrases keyed by their first word (as written and as a stem), longest first."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    index: dict[str, list[_Phrase]] = {}
    for group in data.get("group", []):
        name = str(group["name"])
        for phrase in group["phrases"]:
            pieces = str(phrase).lower().replace("-", " ").split()
            if not pieces:
                continue
            words = tuple(p.partition("/")[0] for p in pieces)
            pos = tuple(p.partition("/")[2].upper() or None for p in pieces)
            entry = _Phrase(name, words, pos)
            for key in {words[0], _stem(words[0])}:
                index.setdefault(key, []).append(entry)
    return {
        key: tuple(sorted(entries, key=lambda p: -len(p.words))) for key, entries in index.items()
    }


def _stem(word: str) -> str:
    """A crude stem: common suffixes off (twice at most), a final double consonant single."""
    for _ in range(2):
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        else:
            break
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


def _word_matches(word: str, pos: str | None, tok: _Tok) -> bool:
    """True when a phrase word is this token as written, as its lemma or as its stem."""
    if pos is not None and tok.pos != pos:
        return False
    return word in (tok.lower, tok.lemma) or _stem(word) == tok.stem


def _match_phrase(phrase: _Phrase, tokens: Sequence[_Tok], i: int) -> list[int] | None:
    """Token indices a phrase covers starting at token i (small gaps allowed), or None."""
    if not _word_matches(phrase.words[0], phrase.pos[0], tokens[i]):
        return None
    covered, j = [i], i + 1
    for word, pos in zip(phrase.words[1:], phrase.pos[1:], strict=True):
        for k in range(j, min(j + _MAX_GAP + 1, len(tokens))):
            if _word_matches(word, pos, tokens[k]):
                covered.append(k)
                j = k + 1
                break
        else:
            return None
    return covered


def _features(
    tokens: Sequence[_Tok], mentions: Sequence[tuple[ActorMention, int, int]]
) -> set[str]:
    """The meaning-bearing features of a unit: actor codes, paraphrase groups, content stems."""
    features: set[str] = set()
    used = [False] * len(tokens)
    for mention, m_start, m_end in mentions:
        inside = [i for i, t in enumerate(tokens) if t.start >= m_start and t.end <= m_end]
        if not inside:
            continue
        features.add("@" + mention.code)
        for i in inside:
            used[i] = True
    index = _phrases()
    for i, tok in enumerate(tokens):
        if used[i]:
            continue
        candidates = index.get(tok.lower, ()) + index.get(tok.lemma, ()) + index.get(tok.stem, ())
        for phrase in sorted(candidates, key=lambda p: -len(p.words)):
            covered = _match_phrase(phrase, tokens, i)
            if covered is not None and not any(used[k] for k in covered):
                features.add("~" + phrase.group)
                for k in covered:
                    used[k] = True
                break
    for i, tok in enumerate(tokens):
        if used[i] or tok.pos not in _CONTENT_POS or tok.lemma in _GENERIC:
            continue
        if tok.pos == "NUM":
            features.add("#" + tok.lower)
        elif not tok.stop and tok.stem not in _GENERIC and tok.lemma.isalpha():
            features.add(tok.stem)
    return features


# --- comparing --------------------------------------------------------------------------------


def compare_accounts(
    doc_a: Document,
    events_a: Sequence[Event],
    doc_b: Document,
    events_b: Sequence[Event],
    *,
    coder_version: str = "",
) -> list[Claim]:
    """Claims of both accounts, each `shared` (with the other's wording) or `only_here`."""
    groups_a = _groups(_units(doc_a, events_a))
    groups_b = _groups(_units(doc_b, events_b))
    weights = _weights([g.features for g in groups_a + groups_b])
    parties = frozenset("@" + code for code in (doc_a.issuer, doc_b.issuer) if code)
    matches_a, matches_b = _align(groups_a, groups_b, weights, parties)
    claims_a = _claims(doc_a, doc_b, groups_a, groups_b, matches_a, weights, coder_version)
    claims_b = _claims(doc_b, doc_a, groups_b, groups_a, matches_b, weights, coder_version)
    return claims_a + claims_b


def _weights(feature_sets: Sequence[set[str]]) -> dict[str, float]:
    """Inverse unit frequency of each feature over both accounts: common features weigh little."""
    frequency: Counter[str] = Counter()
    for features in feature_sets:
        frequency.update(features)
    total = len(feature_sets)
    return {f: math.log((total + 1) / n) for f, n in frequency.items()}


def _weight(features: set[str], weights: Mapping[str, float]) -> float:
    """The summed weight of some features, exactly rounded so that set order cannot matter."""
    return math.fsum(weights.get(f, 0.0) for f in features)


def _similarity(
    a: _Group, b: _Group, weights: Mapping[str, float], parties: frozenset[str] = frozenset()
) -> float:
    """How far two claims say the same thing, whole or by their main parts, with bonuses for
    matching events and for a name or number both give beyond the two parties."""
    events = EVENT_WEIGHT * _event_agreement(a.events, b.events)
    named = {f for f in a.features & b.features if f[0] in "@#" and f not in parties}
    names = ENTITY_WEIGHT if any(weights.get(f, 0.0) >= MIN_NAME_WEIGHT for f in named) else 0.0
    return (
        events
        + names
        + max(
            _word_similarity(x, y, weights)
            for x in (a.features, a.parts[0].features)
            for y in (b.features, b.parts[0].features)
        )
    )


def _word_similarity(a: set[str], b: set[str], weights: Mapping[str, float]) -> float:
    """Weighted feature overlap of two claims: the mean of overlap and Dice coefficients."""
    weight_a, weight_b = _weight(a, weights), _weight(b, weights)
    if weight_a <= 0 or weight_b <= 0:
        return 0.0
    common = _weight(a & b, weights)
    overlap = common / max(min(weight_a, weight_b), MIN_WEIGHT)
    dice = 2 * common / (weight_a + weight_b)
    return (overlap + dice) / 2


def _coverage(part: _Unit, other: _Group, weights: Mapping[str, float]) -> float:
    """The share of a part's weighted features that the other claim has too."""
    total = _weight(part.features, weights)
    if total <= 0:
        return 1.0
    return _weight(part.features & other.features, weights) / max(total, MIN_WEIGHT)


def _event_agreement(a: Sequence[Event], b: Sequence[Event]) -> float:
    """1.0 when both claims code the same event, 0.5 for the same type between the same states."""
    best = 0.0
    for x in a:
        for y in b:
            if x.type != y.type:
                continue
            if x.type in _JOINT_TYPES:
                same = {x.source, x.target} == {y.source, y.target}
            else:
                same = (x.source, x.target) == (y.source, y.target)
            if not same:
                continue
            modes = x.mode is None or y.mode is None or x.mode == y.mode
            best = max(best, 1.0 if modes and _dates_fit(x.date, y.date) else 0.5)
    return best


def _dates_fit(a: str | None, b: str | None) -> bool:
    """True when two event dates can name the same day or month (either may be missing)."""
    if not a or not b:
        return True
    day_a, day_b = _day(a), _day(b)
    if day_a is not None and day_b is not None:
        return abs(day_a - day_b) <= timedelta(days=1)
    return a[:7] == b[:7]


def _align(
    groups_a: Sequence[_Group],
    groups_b: Sequence[_Group],
    weights: Mapping[str, float],
    parties: frozenset[str],
) -> tuple[dict[int, int], dict[int, int]]:
    """Greedy one-to-one alignment by best score, then strong leftovers to their best partner."""
    scores = [[_similarity(a, b, weights, parties) for b in groups_b] for a in groups_a]
    ranked = sorted(
        (
            (score, i, j)
            for i, row in enumerate(scores)
            for j, score in enumerate(row)
            if score >= SHARED_THRESHOLD
        ),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    to_b: dict[int, int] = {}
    to_a: dict[int, int] = {}
    for _, i, j in ranked:
        if i in to_b or j in to_a:
            continue
        to_b[i], to_a[j] = j, i
    paired_a, paired_b = set(to_b), set(to_a)
    for i, row in enumerate(scores):
        if i not in paired_a and row:
            j = max(range(len(row)), key=lambda k: (row[k], -k))
            if row[j] >= SECOND_THRESHOLD:
                to_b[i] = j
    for j in range(len(groups_b)):
        if j not in paired_b and scores:
            i = max(range(len(scores)), key=lambda k: (scores[k][j], -k))
            if scores[i][j] >= SECOND_THRESHOLD:
                to_a[j] = i
    return to_b, to_a


def _claims(
    doc: Document,
    other: Document,
    groups: Sequence[_Group],
    other_groups: Sequence[_Group],
    matches: Mapping[int, int],
    weights: Mapping[str, float],
    coder_version: str,
) -> list[Claim]:
    """Claims of one account; a part the counterpart does not cover is split off as only_here."""
    claims: list[Claim] = []
    for n, group in enumerate(groups):
        partner = other_groups[matches[n]] if n in matches else None
        if partner is None or len(group.parts) == 1:
            runs = [(group.start, group.end, partner is not None)]
        else:
            covered = [_coverage(p, partner, weights) >= COVERED for p in group.parts]
            for k in range(len(covered) - 1, 0, -1):
                if covered[k] and group.parts[k].elaboration:
                    covered[k - 1] = True
            if not any(covered):
                covered = [True] * len(covered)
            runs = []
            for part, shared in zip(group.parts, covered, strict=True):
                if runs and runs[-1][2] == shared:
                    runs[-1] = (runs[-1][0], part.end, shared)
                else:
                    runs.append((part.start, part.end, shared))
        for start, end, shared in runs:
            claims.append(
                Claim(
                    comparison_id=_comparison_id(doc.doc_id, other.doc_id, start, end),
                    doc_id=doc.doc_id,
                    pair_doc=other.doc_id,
                    relation="shared" if shared else "only_here",
                    claim=doc.text[start:end],
                    claim_start=start,
                    claim_end=end,
                    counterpart_claim=(
                        other.text[partner.start : partner.end] if shared and partner else None
                    ),
                    coder_version=coder_version,
                )
            )
    return claims


def _comparison_id(doc_id: str, pair_doc: str, start: int, end: int) -> str:
    """A stable id for one claim of one comparison."""
    key = f"{doc_id}\x1f{pair_doc}\x1f{start}:{end}".encode()
    return "cmp-" + hashlib.sha256(key).hexdigest()[:16]


def comparison_exchange(claims: Sequence[Claim], doc_id: str) -> list[dict[str, object]]:
    """The exchange-format `comparisons` list of one document, one entry per paired account."""
    entries: dict[str, dict[str, list[str]]] = {}
    for claim in claims:
        if claim.doc_id != doc_id:
            continue
        entry = entries.setdefault(claim.pair_doc, {"only_here": [], "shared": []})
        entry["shared" if claim.relation == "shared" else "only_here"].append(claim.claim)
    return [
        {"pair_doc": pair_doc, "only_here": lists["only_here"], "shared": lists["shared"]}
        for pair_doc, lists in entries.items()
    ]
