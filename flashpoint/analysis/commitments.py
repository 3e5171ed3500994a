"""Commitments across documents: one row per distinct commitment, with its status as of a date.

Place in the pipeline: an analysis over the store's tables (pure functions, DataFrame in →
DataFrame out). `flashpoint.events.commitments` extracts commitment mentions document by
document (the `commitments` table); this module merges the mentions of one real-world
commitment and follows it through the later `events` and `documents` (`Workspace.commitments()`
and the `commitments` CLI command read it).

Rules:

- **One commitment, many mentions.** Mentions are merged when they have the same actor, the same
  kind of step (a visit and a meeting count as one kind, "consult"; the kind is read from
  `what` by `commitment_kind`), compatible counterparts (equal, or one unknown) and compatible
  dues (one a prefix of the other, or one unknown). The row keeps the most specific due, the
  `what` and evidence of the mention that gives it, and every mention's document.
- **Fulfilled**: a document published on or after the first report (and not after `as_of`)
  codes the matching event as occurred: for a visit a `CONSULT` (not a phone call) from the
  actor to the counterpart, for a meeting a `CONSULT` between the two in either direction, for
  easing a `CONCEDE`, for purchases, investment and transfers a `COOPERATE` or `AID`, for
  withdrawals and releases a `RETREAT`, each by the actor (to the counterpart when known). The
  event must happen no earlier than the first report and within the due period: a day ± 7
  days, a month from 15 days before to 31 days after, a year up to 31 days after. Events whose
  evidence says the step was called off or postponed do not count, nor events stated by the
  evidence of a mention of the commitment itself. A ceasefire is never fulfilled: it holds
  until broken.
- **Withdrawn** (withdrawn, broken or reversed): a later document codes a `SANCTION` that
  cancels it (a cancelled visit or meeting, halted talks, suspended exchanges) between the two
  states, a denied event of its kind, or a `SANCTION` reimposing what an easing step lifted
  (tariffs, export controls, sanctions) from the actor to the counterpart; or a sentence of a
  later document says it was called off, cancelled, scrapped, postponed, suspended, reversed,
  reimposed or restored (for a ceasefire: collapsed, broke down, ended), names a word of its
  kind ("visit", "tariff", "ceasefire") and the actor or the counterpart, in a document naming
  both.
- **Overdue**: neither, and the due period (the day, the month or the year) ended before
  `as_of`.
- **Pending**: neither, and not overdue (no due, or a due still to come).
- When a commitment is both fulfilled and withdrawn, the earlier report decides (a visit that
  took place and a later cancellation of another is still fulfilled).

Only documents published on or before `as_of` are read; `as_of` defaults to the latest
publication date among the documents.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

import pandas as pd

from flashpoint.events.commitments import commitment_kind
from flashpoint.nlp.sentences import split_sentences

if TYPE_CHECKING:
    from flashpoint.actors.table import ActorTable

__all__ = [
    "STATUSES",
    "TRACKED_COLUMNS",
    "commitment_family",
    "commitment_mentions",
    "track_commitments",
]

STATUSES = ("pending", "fulfilled", "overdue", "withdrawn")
"""The statuses a tracked commitment can have."""

TRACKED_COLUMNS = [
    "commitment_key",
    "actor",
    "counterpart",
    "kind",
    "what",
    "due",
    "due_precision",
    "first_reported",
    "last_reported",
    "mentions",
    "doc_ids",
    "commitment_ids",
    "evidence",
    "status",
    "status_date",
    "fulfilled_by_event",
    "fulfilled_by_doc",
    "status_doc",
    "status_evidence",
]
"""The columns of `track_commitments()`, in order."""

MENTION_COLUMNS = [
    "commitment_id",
    "commitment_key",
    "doc_id",
    "published",
    "actor",
    "counterpart",
    "kind",
    "what",
    "due",
    "due_precision",
    "evidence",
    "evidence_start",
    "evidence_end",
    "event_id",
]
"""The columns of `commitment_mentions()`, in order."""

_FAMILIES = {
    "visit": "consult",
    "meeting": "consult",
    "tariff": "easing",
    "export-control": "easing",
    "restriction": "easing",
    "purchase": "cooperate",
    "investment": "cooperate",
    "transfer": "cooperate",
    "step": "cooperate",
    "withdrawal": "retreat",
    "release": "retreat",
    "ceasefire": "ceasefire",
}
_FULFILLING_TYPES = {
    "consult": frozenset({"CONSULT"}),
    "easing": frozenset({"CONCEDE"}),
    "cooperate": frozenset({"COOPERATE", "AID"}),
    "retreat": frozenset({"RETREAT"}),
    "ceasefire": frozenset(),
}
_CANCELLING_MODES = {
    "consult": frozenset({"cancel-visit", "halt-talks", "cancel-exchanges", "break-relations"}),
    "cooperate": frozenset({"cancel-exchanges", "aid-cut", "break-relations"}),
    "retreat": frozenset({"cancel-exchanges"}),
    "ceasefire": frozenset(),
    "easing": frozenset(),
}
_REVERSING_MODES = {
    "tariff": frozenset({"tariff"}),
    "export-control": frozenset({"export-control", "restriction", "sanctions", "blacklist"}),
    "restriction": frozenset(
        {
            "export-control",
            "restriction",
            "sanctions",
            "import-ban",
            "blacklist",
            "visa-restriction",
        }
    ),
}
_CANCELLED = re.compile(
    r"\b(?:call(?:ed|s|ing)? off|cancel(?:l?ed|s|l?ing)?|scrap(?:ped|s|ping)?|"
    r"postpon(?:e|ed|es|ing)|shelv(?:e|ed|es|ing)|suspend(?:ed|s|ing)?|put off|"
    r"put on hold|abandon(?:ed|s|ing)?|revers(?:e|ed|es|ing)|rescind(?:ed|s)?|"
    r"revok(?:e|ed|es|ing)|withdr(?:ew|awn) from|pulled out of|reneg(?:ed|es)|"
    r"backtrack(?:ed|s)?|will not take place|no longer)\b",
    re.IGNORECASE,
)
_REVERSED = re.compile(
    r"\b(?:reimpos(?:e|ed|es|ing)|restor(?:e|ed|es|ing)|reinstat(?:e|ed|es|ing)|"
    r"snap(?:ped)? back|resum(?:e|ed|es|ing)|revers(?:e|ed|es|ing)|end(?:ed|s|ing)? the pause|"
    r"lift(?:ed|s)? the pause|rais(?:e|ed|es|ing)|hik(?:e|ed|es)|tighten(?:ed|s)?|"
    r"backtrack(?:ed|s)?|reneg(?:ed|es))\b",
    re.IGNORECASE,
)
_BROKEN = re.compile(
    r"\b(?:collaps(?:e|ed|es|ing)|broke down|broken down|break(?:s)? down|end(?:ed|s)|"
    r"is over|was over|abandon(?:ed|s)?|unravell?(?:ed|s)|withdr(?:ew|awn) from|"
    r"pulled out of|expired|lapsed)\b",
    re.IGNORECASE,
)
_KIND_WORDS = {
    "visit": r"visit|trip|travel|tour|delegation|mission",
    "meeting": r"meeting|meet|talks|summit|round|negotiations?|consultations?",
    "tariff": r"tariffs?|dut(?:y|ies)|levy|levies|surcharges?",
    "export-control": r"export",
    "restriction": r"sanctions?|bans?|restrictions?|embargo|curbs?|controls?|blacklist",
    "purchase": r"purchases?|buy(?:ing)?|imports?|deal",
    "investment": r"invest\w*|deal",
    "transfer": r"deliver\w*|transfer\w*|supply|supplies|shipments?|deal|rights",
    "step": r"deal|agreement|accord|pact|plan",
    "withdrawal": r"withdraw\w*|pull\w*|troops|forces",
    "release": r"releas\w*|prisoners?|exchange|swap",
    "ceasefire": r"cease-?fires?|truces?|armistice",
}


# --- frames ------------------------------------------------------------------------------------


def _as_date(value: object) -> date | None:
    """A date from a date, datetime, Timestamp or ISO string; None for missing values."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    if value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if hasattr(value, "date") and callable(value.date):
        result = value.date()
        return result if isinstance(result, date) else None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _text(value: object) -> str | None:
    """A string cell; None for missing values."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return None
    text = str(value)
    return text or None


def _int(value: object) -> int | None:
    """An integer cell; None for missing values."""
    if _text(value) is None:
        return None
    try:
        return int(str(value).split(".")[0])
    except ValueError:
        return None


def _records(frame: pd.DataFrame | None) -> list[dict[str, Any]]:
    if frame is None or len(frame) == 0:
        return []
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]


def _publication_dates(documents: pd.DataFrame) -> dict[str, date | None]:
    return {str(r["doc_id"]): _as_date(r.get("published")) for r in _records(documents)}


def commitment_family(kind: str) -> str:
    """The family a kind of step belongs to: consult, easing, cooperate, retreat, ceasefire."""
    return _FAMILIES.get(kind, "cooperate")


# --- partial dates -----------------------------------------------------------------------------


def _period(value: object) -> tuple[date, date, str] | None:
    """First day, last day and precision of a YYYY, YYYY-MM or YYYY-MM-DD value."""
    text = _text(value)
    if text is None:
        return None
    try:
        parts = [int(p) for p in text[:10].split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31), "year"
        if len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            following = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return first, following - timedelta(days=1), "month"
        if len(parts) == 3:
            day = date(parts[0], parts[1], parts[2])
            return day, day, "day"
    except ValueError:
        return None
    return None


def _dues_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    return a.startswith(b) or b.startswith(a)


def _more_specific(a: str | None, b: str | None) -> bool:
    """True when due `a` is more specific than due `b`."""
    return len(a or "") > len(b or "")


def _due_window(due: str | None) -> tuple[date, date] | None:
    """The dates within which an event fulfils a commitment due then ("± a little")."""
    period = _period(due)
    if period is None:
        return None
    first, last, precision = period
    if precision == "day":
        return first - timedelta(days=7), last + timedelta(days=7)
    if precision == "month":
        return first - timedelta(days=15), last + timedelta(days=31)
    return first, last + timedelta(days=31)


# --- mentions and merging ----------------------------------------------------------------------


@dataclass(slots=True)
class _Mention:
    commitment_id: str
    doc_id: str
    published: date | None
    actor: str
    counterpart: str | None
    kind: str
    what: str
    due: str | None
    due_precision: str | None
    evidence: str
    evidence_start: int | None
    evidence_end: int | None
    event_id: str | None


@dataclass(slots=True)
class _Commitment:
    mentions: list[_Mention] = field(default_factory=list)

    @property
    def first(self) -> _Mention:
        """The earliest mention."""
        return self.mentions[0]

    @property
    def actor(self) -> str:
        """The state that must act."""
        return self.first.actor

    @property
    def family(self) -> str:
        """The family of the commitment's kind of step."""
        return commitment_family(self.first.kind)

    @property
    def counterpart(self) -> str | None:
        """The first counterpart any mention names."""
        return next((m.counterpart for m in self.mentions if m.counterpart), None)

    @property
    def best(self) -> _Mention:
        """The mention with the most specific due (the first of equals)."""
        best = self.first
        for mention in self.mentions[1:]:
            if _more_specific(mention.due, best.due):
                best = mention
        return best

    @property
    def due(self) -> str | None:
        """The most specific due of the mentions."""
        return self.best.due

    @property
    def first_reported(self) -> date | None:
        """The earliest publication date of a mention."""
        dates = [m.published for m in self.mentions if m.published is not None]
        return min(dates) if dates else None

    @property
    def last_reported(self) -> date | None:
        """The latest publication date of a mention."""
        dates = [m.published for m in self.mentions if m.published is not None]
        return max(dates) if dates else None

    @property
    def key(self) -> str:
        """A stable key: actor, counterpart, family and the first mention's id, hashed."""
        first = self.first
        raw = "\x1f".join([first.actor, self.counterpart or "", self.family, first.commitment_id])
        return "ck-" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]

    def accepts(self, mention: _Mention) -> bool:
        """True when a mention states this same commitment."""
        if mention.actor != self.actor or commitment_family(mention.kind) != self.family:
            return False
        if self.family in ("easing", "cooperate", "retreat") and mention.kind != self.first.kind:
            return False
        counterpart = self.counterpart
        if counterpart and mention.counterpart and counterpart != mention.counterpart:
            return False
        return all(_dues_compatible(m.due, mention.due) for m in self.mentions)


def _mentions(commitments: pd.DataFrame, documents: pd.DataFrame) -> list[_Mention]:
    published = _publication_dates(documents)
    found: list[_Mention] = []
    for row in _records(commitments):
        actor = _text(row.get("actor"))
        if actor is None:
            continue
        what = _text(row.get("what")) or ""
        evidence = _text(row.get("evidence")) or ""
        start = row.get("evidence_start")
        end = row.get("evidence_end")
        found.append(
            _Mention(
                commitment_id=str(row.get("commitment_id")),
                doc_id=str(row.get("doc_id")),
                published=published.get(str(row.get("doc_id"))),
                actor=actor,
                counterpart=_text(row.get("counterpart")),
                kind=commitment_kind(what, evidence),
                what=what,
                due=_text(row.get("due")),
                due_precision=_text(row.get("due_precision")),
                evidence=evidence,
                evidence_start=_int(start),
                evidence_end=_int(end),
                event_id=_text(row.get("event_id")),
            )
        )
    found.sort(key=lambda m: (m.published or date.max, m.doc_id, m.evidence_start or 0, m.actor))
    return found


def _merge(mentions: Iterable[_Mention]) -> list[_Commitment]:
    """Group mentions into commitments, in order of first report."""
    merged: list[_Commitment] = []
    by_actor: dict[tuple[str, str], list[_Commitment]] = {}
    for mention in mentions:
        bucket = by_actor.setdefault((mention.actor, commitment_family(mention.kind)), [])
        home = next((c for c in bucket if c.accepts(mention)), None)
        if home is None:
            home = _Commitment([mention])
            merged.append(home)
            bucket.append(home)
        else:
            home.mentions.append(mention)
    return merged


def commitment_mentions(commitments: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Return one row per commitment mention with its date, kind and distinct commitment_key."""
    rows: list[dict[str, object]] = []
    for merged in _merge(_mentions(commitments, documents)):
        key = merged.key
        for m in merged.mentions:
            rows.append(
                {
                    "commitment_id": m.commitment_id,
                    "commitment_key": key,
                    "doc_id": m.doc_id,
                    "published": m.published,
                    "actor": m.actor,
                    "counterpart": m.counterpart,
                    "kind": m.kind,
                    "what": m.what,
                    "due": m.due,
                    "due_precision": m.due_precision,
                    "evidence": m.evidence,
                    "evidence_start": m.evidence_start,
                    "evidence_end": m.evidence_end,
                    "event_id": m.event_id,
                }
            )
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


# --- what later documents report ---------------------------------------------------------------


@dataclass(slots=True)
class _Event:
    event_id: str
    doc_id: str
    published: date | None
    source: str | None
    target: str | None
    type: str
    mode: str | None
    status: str
    when: date | None
    evidence: str
    evidence_start: int | None
    evidence_end: int | None


@dataclass(slots=True)
class _Finding:
    """A report that settles a commitment: when, in which document, with what evidence."""

    when: date
    doc_id: str
    evidence: str
    event_id: str | None = None


def _events(events: pd.DataFrame | None, published: Mapping[str, date | None]) -> list[_Event]:
    found: list[_Event] = []
    for row in _records(events):
        doc_id = str(row.get("doc_id"))
        period = _period(row.get("date"))
        start = row.get("evidence_start")
        end = row.get("evidence_end")
        found.append(
            _Event(
                event_id=str(row.get("event_id")),
                doc_id=doc_id,
                published=published.get(doc_id),
                source=_text(row.get("source")),
                target=_text(row.get("target")),
                type=str(row.get("type") or ""),
                mode=_text(row.get("mode")),
                status=str(row.get("status") or "occurred"),
                when=period[0] if period else published.get(doc_id),
                evidence=_text(row.get("evidence")) or "",
                evidence_start=_int(start),
                evidence_end=_int(end),
            )
        )
    return found


def _stated_by_mention(event: _Event, merged: _Commitment) -> bool:
    """True when the event is read from the evidence of one of the commitment's mentions."""
    for m in merged.mentions:
        if m.doc_id != event.doc_id:
            continue
        if None in (m.evidence_start, m.evidence_end, event.evidence_start, event.evidence_end):
            if m.evidence and m.evidence in event.evidence:
                return True
            continue
        assert m.evidence_start is not None and m.evidence_end is not None
        assert event.evidence_start is not None and event.evidence_end is not None
        if event.evidence_start < m.evidence_end and m.evidence_start < event.evidence_end:
            return True
    return False


def _between(event: _Event, actor: str, counterpart: str | None, *, either: bool) -> bool:
    if counterpart is None:
        return event.source == actor or (either and event.target == actor)
    if event.source == actor and event.target == counterpart:
        return True
    return either and event.source == counterpart and event.target == actor


def _fulfilment(merged: _Commitment, events: Sequence[_Event], as_of: date) -> _Finding | None:
    """The earliest later report of the commitment's step as occurred."""
    family = merged.family
    types = _FULFILLING_TYPES[family]
    first = merged.first_reported
    window = _due_window(merged.due)
    kind = merged.first.kind
    best: _Finding | None = None
    for event in events:
        if event.type not in types or event.status != "occurred":
            continue
        if event.published is None or event.published > as_of:
            continue
        if first is not None and event.published < first:
            continue
        if family == "consult" and event.mode == "phone":
            continue
        if not _between(event, merged.actor, merged.counterpart, either=kind == "meeting"):
            continue
        when = event.when or event.published
        if first is not None and when < first - timedelta(days=1):
            continue
        if window is not None and not window[0] <= when <= window[1]:
            continue
        if _CANCELLED.search(event.evidence) or _stated_by_mention(event, merged):
            continue
        finding = _Finding(when, event.doc_id, event.evidence, event.event_id)
        if best is None or (finding.when, finding.doc_id) < (best.when, best.doc_id):
            best = finding
    return best


def _withdrawal_by_event(
    merged: _Commitment, events: Sequence[_Event], as_of: date
) -> _Finding | None:
    """The earliest later event that cancels, denies or reverses the commitment."""
    family = merged.family
    kind = merged.first.kind
    first = merged.first_reported
    actor, counterpart = merged.actor, merged.counterpart
    best: _Finding | None = None
    for event in events:
        if event.published is None or event.published > as_of:
            continue
        if first is not None and event.published < first:
            continue
        if _stated_by_mention(event, merged):
            continue
        cancels = (
            event.type == "SANCTION"
            and event.mode in _CANCELLING_MODES[family]
            and _between(event, actor, counterpart, either=True)
            and re.search(_KIND_WORDS[kind], event.evidence, re.IGNORECASE) is not None
        )
        denies = (
            event.status == "denied"
            and event.type in _FULFILLING_TYPES[family]
            and _between(event, actor, counterpart, either=kind == "meeting")
        )
        reverses = (
            kind in _REVERSING_MODES
            and event.type == "SANCTION"
            and event.status == "occurred"
            and event.mode in _REVERSING_MODES[kind]
            and _between(event, actor, counterpart, either=False)
            and (event.when is None or first is None or event.when >= first)
        )
        if not (cancels or denies or reverses):
            continue
        when = max(event.published, event.when or event.published)
        finding = _Finding(when, event.doc_id, event.evidence, event.event_id)
        if best is None or (finding.when, finding.doc_id) < (best.when, best.doc_id):
            best = finding
    return best


@cache
def _actor_table() -> ActorTable:
    from flashpoint.actors.table import ActorTable

    return ActorTable.load()


@dataclass(slots=True)
class _Sentence:
    doc_id: str
    published: date
    start: int
    end: int
    text: str
    codes: frozenset[str]
    doc_codes: frozenset[str]


def _cancelling_sentences(
    documents: pd.DataFrame, as_of: date, since: date | None
) -> list[_Sentence]:
    """Sentences of documents published by `as_of` that say something was cancelled, reversed
    or broken, with the actors they and their documents name."""
    found: list[_Sentence] = []
    table: ActorTable | None = None
    for row in _records(documents):
        published = _as_date(row.get("published"))
        text = _text(row.get("text"))
        if published is None or text is None or published > as_of:
            continue
        if since is not None and published < since:
            continue
        if not (_CANCELLED.search(text) or _REVERSED.search(text) or _BROKEN.search(text)):
            continue
        table = table or _actor_table()
        doc_codes = frozenset(m.code for m in table.find(text, published))
        for start, end in split_sentences(text):
            sentence = text[start:end]
            if (
                _CANCELLED.search(sentence)
                or _REVERSED.search(sentence)
                or (_BROKEN.search(sentence))
            ):
                codes = frozenset(m.code for m in table.find(sentence, published))
                found.append(
                    _Sentence(
                        str(row.get("doc_id")), published, start, end, sentence, codes, doc_codes
                    )
                )
    return found


def _withdrawal_in_text(merged: _Commitment, sentences: Sequence[_Sentence]) -> _Finding | None:
    """The earliest later sentence that says the commitment was cancelled, reversed or broken."""
    kind = merged.first.kind
    family = merged.family
    first = merged.first_reported
    actor, counterpart = merged.actor, merged.counterpart
    kind_words = re.compile(rf"\b(?:{_KIND_WORDS[kind]})\b", re.IGNORECASE)
    pattern = {"ceasefire": _BROKEN, "easing": _REVERSED}.get(family, _CANCELLED)
    for sentence in sentences:
        if first is not None and sentence.published < first:
            continue
        if any(
            m.doc_id == sentence.doc_id
            and m.evidence_start is not None
            and m.evidence_end is not None
            and m.evidence_start < sentence.end
            and sentence.start < m.evidence_end
            for m in merged.mentions
        ):
            continue  # the mention itself
        if not pattern.search(sentence.text) or not kind_words.search(sentence.text):
            continue
        if actor not in sentence.codes and (
            counterpart is None or counterpart not in sentence.codes
        ):
            continue
        if counterpart is not None and not {actor, counterpart} <= sentence.doc_codes:
            continue
        return _Finding(sentence.published, sentence.doc_id, sentence.text.strip())
    return None


# --- tracking ----------------------------------------------------------------------------------


def _latest(documents: pd.DataFrame) -> date | None:
    dates = [d for d in _publication_dates(documents).values() if d is not None]
    return max(dates) if dates else None


def track_commitments(
    commitments: pd.DataFrame,
    events: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    as_of: date | None = None,
) -> pd.DataFrame:
    """Return one row per distinct commitment with its mentions and status as of `as_of`."""
    when = as_of or _latest(documents) or date.today()
    published = _publication_dates(documents)
    mentions = [
        m for m in _mentions(commitments, documents) if m.published is None or m.published <= when
    ]
    merged = _merge(mentions)
    if not merged:
        return pd.DataFrame(columns=TRACKED_COLUMNS)
    by_state: dict[str, list[_Event]] = {}
    for event in _events(events, published):
        for code in {event.source, event.target}:
            if code is not None:
                by_state.setdefault(code, []).append(event)
    earliest = min((c.first_reported for c in merged if c.first_reported), default=None)
    sentences = _cancelling_sentences(documents, when, earliest)
    rows: list[dict[str, object]] = []
    for commitment in merged:
        coded = by_state.get(commitment.actor, [])
        fulfilled = _fulfilment(commitment, coded, when)
        withdrawn = _withdrawal_by_event(commitment, coded, when)
        in_text = _withdrawal_in_text(commitment, sentences)
        if in_text is not None and (withdrawn is None or in_text.when < withdrawn.when):
            withdrawn = in_text
        status, finding = "pending", None
        if fulfilled is not None and (withdrawn is None or fulfilled.when <= withdrawn.when):
            status, finding = "fulfilled", fulfilled
        elif withdrawn is not None:
            status, finding = "withdrawn", withdrawn
        else:
            period = _period(commitment.due)
            if period is not None and period[1] < when:
                status = "overdue"
        best = commitment.best
        doc_ids: list[str] = []
        for m in commitment.mentions:
            if m.doc_id not in doc_ids:
                doc_ids.append(m.doc_id)
        rows.append(
            {
                "commitment_key": commitment.key,
                "actor": commitment.actor,
                "counterpart": commitment.counterpart,
                "kind": commitment.first.kind,
                "what": best.what,
                "due": best.due,
                "due_precision": best.due_precision,
                "first_reported": commitment.first_reported,
                "last_reported": commitment.last_reported,
                "mentions": len(commitment.mentions),
                "doc_ids": doc_ids,
                "commitment_ids": [m.commitment_id for m in commitment.mentions],
                "evidence": best.evidence,
                "status": status,
                "status_date": finding.when if finding is not None else None,
                "fulfilled_by_event": finding.event_id
                if status == "fulfilled" and finding
                else None,
                "fulfilled_by_doc": finding.doc_id if status == "fulfilled" and finding else None,
                "status_doc": finding.doc_id if finding is not None else None,
                "status_evidence": finding.evidence if finding is not None else None,
            }
        )
    return pd.DataFrame(rows, columns=TRACKED_COLUMNS)
