"""Documents and their coded events → commitments (CODING.md K).

Place in the pipeline: runs after the event coder (`flashpoint.events.coder`), one document at a
time, on the document and the events coded from it. Its `Commitment` records are the rows of the
store's `commitments` table; `flashpoint.analysis.commitments` follows them across documents
(pending, fulfilled, overdue, withdrawn).

A commitment is a step some state has promised another: a pledge, a scheduled visit or meeting,
an agreed step not yet carried out, or an undertaking under an agreement that is being carried
out and remains in force (a pause on export controls, tariffs kept lowered, a ceasefire). The
rules, read off the dependency parse of each sentence that names a step:

- **Steps** (word lists in `data/events/commitments.toml`): visits (*visit*, *travel to*, *lead a
  delegation to*, *invited X to the summit*, *will host X*), meetings (*meet*, *hold talks*, *the
  next round will be held*), easing (*cut tariffs*, *suspend export controls*, *keep the measures
  on hold*, *a pause on controls*), purchases, investment, withdrawals, releases, transfers to a
  state (*grant the United States rights*), ceasefires, and any step "under the terms" of an
  agreement (*Under the deal, X is to ...*).
- **Promised** when the step is future and promised: *will*/*shall*, reported *would* ("said it
  would"), *is to*, the complement of *agree*, *pledge*, *plan*, *invite*, *is due to*, *its
  commitment to*; a visit or meeting noun with a planned modifier (*planned*, *reciprocal*,
  *upcoming*), a future date (*a visit to Beijing in April*) or an announcing verb (*confirmed
  a visit*). **In force** when the sentence says an agreement is being carried out
  (*implementing*, *carrying out*, *under the deal*) or the step is continued (*continued pause*,
  *is keeping ... on hold*); a ceasefire agreed, announced or holding between two named states
  gives one commitment per party.
- **Not commitments**: negated steps (*no plans to*, *did not agree*, *no such talks*),
  conditional and hypothetical ones (*if*, *once*, *could*, *were X to*, unreported *would*),
  forecasts by others (*analysts expect X to*), demands on others (*urged X to*), willingness
  and offers (*willing to*, *ready to*), cancelled ones (*called off*, *postponed*), promises
  dated more than a month before publication (*had agreed in January to*), past one-off
  actions, a meeting with no partner (*ministers will meet in Brussels*), a ceasefire that
  collapsed or a "truce" in a trade war, and steps whose actor and counterpart are the same
  state.
- **Actor**: the subject (the visitor for a visit; the invitee of *invite*; the guest of *host*),
  a possessor (*China's continued pause*), a *by* agent; pronouns go to the speaker of the
  reporting verb or the last matching actor; *the two leaders* and *they* give the parties of
  the document, the first named acting, except that for a meeting in one party's country the
  visiting party acts (CODING B15; a planned event coded from the same words decides first).
  **Counterpart**: the host, partner, recipient or the state named in the step, else the
  other party.
- **Due**: the date in the step's own clause, resolved as a future date against the
  publication date (*in April* → `2026-04` in November 2025; *later in the year* → a year);
  dates of past background clauses (*controls it announced on October 9*) are not dues.
- **Events**: a planned `CONSULT`, `CONCEDE`, `COOPERATE`, `RETREAT` or `AID` event, or an
  `AGREE` ceasefire, in a sentence where none of the rules above saw a step of its kind, gives a
  commitment too (source → actor, target → counterpart); a denied event vetoes the same step.
- **One per commitment per document**: mentions of the same step by the same actor to the same
  counterpart with compatible dues are one commitment, the one with the most specific due kept
  (then the actor's own statement over a joint one, then the first).

Evidence is the step's clause (an exact substring of the text, with offsets), ending before a
comma that opens an adjunct ("…, after four days of fighting") or another coordinated step;
`what` is a short verb phrase built from it; `commitment_id` hashes the document, evidence span,
actor and due. Pass the pipeline's `coder` so that its actor tables (user files included) and
its parser are the ones used; without one, `load_coder()` is used.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from flashpoint.events import syntax
from flashpoint.events.context import learn_names
from flashpoint.models import Commitment, Document, Event
from flashpoint.nlp.dates import DateMention, find_dates
from flashpoint.nlp.sentences import split_sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from flashpoint.actors.table import ActorMention
    from flashpoint.events.coder import Coder

__all__ = [
    "WORDS",
    "Words",
    "commitment_id",
    "commitment_kind",
    "extract_commitments",
    "extract_many",
    "load_words",
    "step_group",
]

WORDS = Path(__file__).resolve().parent.parent / "data" / "events" / "commitments.toml"
"""The word lists of the extractor."""

_PRONOUNS = frozenset(
    {
        "he",
        "she",
        "him",
        "her",
        "his",
        "hers",
        "it",
        "its",
        "they",
        "them",
        "their",
        "we",
        "us",
        "our",
        "i",
        "my",
    }
)
_PERSONAL = frozenset({"he", "she", "him", "her", "his", "hers", "i", "my"})
_RELATIVE = frozenset({"that", "which", "who", "whom", "what"})
_CONDITIONAL_OPENERS = frozenset({"were", "should", "had", "suppose", "supposing", "if", "unless"})
_PAST_TAGS = frozenset({"VBD", "VBN"})
_ADJUNCT_OPENERS = frozenset(
    {
        "after",
        "before",
        "following",
        "amid",
        "despite",
        "as",
        "since",
        "until",
        "which",
        "who",
        "where",
        "when",
        "while",
        "ending",
        "according",
        "citing",
        "saying",
        "although",
        "though",
    }
)
_INVITATIONS = frozenset({"invitation", "invite", "request", "call", "demand", "proposal", "offer"})
_SUBORDINATORS = frozenset(
    {
        "while",
        "whereas",
        "although",
        "though",
        "because",
        "since",
        "as",
        "after",
        "before",
        "when",
        "unless",
        "if",
        "until",
    }
)
_PRECISION_RANK = {"day": 3, "month": 2, "year": 1}
_HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN"})
_GROUPS = {
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
_EVENT_GROUPS = {
    "CONSULT": "consult",
    "CONCEDE": "easing",
    "COOPERATE": "cooperate",
    "AID": "cooperate",
    "RETREAT": "retreat",
}
_EVENT_KINDS = {
    "CONSULT": "meeting",
    "CONCEDE": "restriction",
    "COOPERATE": "step",
    "AID": "transfer",
    "RETREAT": "withdrawal",
}
_EVENT_VERBS = {
    "visit": "visit {t}",
    "meeting": "meet {t}",
    "talks": "hold talks with {t}",
    "tariff": "lower tariffs on {t}",
    "export-control": "ease export controls on {t}",
    "sanctions": "ease sanctions on {t}",
    "lift-ban": "lift the ban on {t}",
    "lift-import-ban": "resume imports from {t}",
    "restriction": "ease restrictions on {t}",
    "waiver": "grant a waiver to {t}",
    "purchase": "make purchases from {t}",
    "investment": "invest in {t}",
    "arms-sale": "sell arms to {t}",
    "rights": "grant rights to {t}",
    "withdrawal": "withdraw from {t}",
    "release": "release prisoners to {t}",
    "military-aid": "provide military aid to {t}",
    "equipment": "provide equipment to {t}",
    "humanitarian": "provide humanitarian aid to {t}",
    "loan": "provide a loan to {t}",
}
_NOT_COMMITMENTS = frozenset({"drill", "phone"})
"""Modes of planned events that are no commitment (a joint drill, a phone call)."""


def step_group(kind: str) -> str:
    """The family a commitment's kind belongs to: consult, easing, cooperate, retreat, ceasefire."""
    return _GROUPS.get(kind, "cooperate")


_KIND_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        (
            "ceasefire",
            r"\b(?:cease-?fires?|truces?|armistice|stop\b.*\bfir(?:e|ing)|hostilities)\b",
        ),
        ("visit", r"\b(?:visit\w*|travel\w*|trips?|tour|delegation|mission|fly|attend|host)\b"),
        (
            "meeting",
            r"\b(?:meet\w*|talks?|summit|round|negotiat\w*|consultations?|session|conven\w*)\b",
        ),
        ("tariff", r"\b(?:tariffs?|dut(?:y|ies)|levy|levies|surcharges?|tax(?:es)?)\b"),
        ("export-control", r"\bexport"),
        (
            "restriction",
            r"\b(?:sanctions?|bans?|restrictions?|embargo|curbs?|controls?|blacklist\w*|quotas?)\b",
        ),
        ("purchase", r"\b(?:buy\w*|purchas\w*|imports?|procure\w*|order)\b"),
        ("investment", r"\binvest\w*"),
        ("withdrawal", r"\b(?:withdraw\w*|pull\w*|evacuat\w*|redeploy\w*)\b"),
        ("release", r"\b(?:releas\w*|free|repatriat\w*|prisoners?|detainees?|hostages?)\b"),
        (
            "transfer",
            r"\b(?:grant|provide|supply|deliver|give|transfer|donate|lend|loans?|sell|ship)\b",
        ),
    )
)


def commitment_kind(what: str, evidence: str = "") -> str:
    """The kind of step a commitment promises (visit, meeting, tariff, ..., step), from its what."""
    for text in (what, evidence):
        for kind, pattern in _KIND_WORDS:
            if text and pattern.search(text):
                return kind
    return "step"


# --- word lists --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Words:
    """The extractor's word lists, by section and key of `commitments.toml`."""

    lists: dict[str, frozenset[str]]

    def __call__(self, section: str, key: str) -> frozenset[str]:
        """The list `key` of `section` (empty when the file has none)."""
        return self.lists.get(f"{section}.{key}", frozenset())


@cache
def load_words(path: Path = WORDS) -> Words:
    """Read the extractor's word lists (once per process and path)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    lists: dict[str, frozenset[str]] = {}
    for section, table in data.items():
        if isinstance(table, dict):
            for key, values in table.items():
                lists[f"{section}.{key}"] = frozenset(str(v).lower() for v in values)
    return Words(lists)


def commitment_id(doc_id: str, start: int, end: int, actor: str, due: str | None) -> str:
    """The id of a commitment: "cm-" + 16 hex of sha256 of doc, evidence span, actor and due."""
    key = f"{doc_id}\x1f{start}\x1f{end}\x1f{actor}\x1f{due or ''}"
    return "cm-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


# --- candidates --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Candidate:
    """One mention of a commitment found in a sentence, before merging."""

    actor: str
    counterpart: str | None
    kind: str
    what: str
    start: int
    end: int
    due: str | None = None
    due_precision: str | None = None
    joint: bool = False
    event_id: str | None = None


@dataclass(slots=True)
class _Step:
    """A step named in a sentence: its kind, the token naming it, the verb whose clause states
    it (None for a noun standing alone), and where its host or recipients are."""

    kind: str
    anchor: Token
    predicate: Token | None
    places: list[Token] = field(default_factory=list)
    """Hosts (visit), partners (meeting) or recipients (transfer), as head tokens."""
    actor_tokens: list[Token] = field(default_factory=list)
    """Tokens naming the actor when the step fixes it (invitee, guest, possessor)."""
    inviter: Token | None = None
    in_force: bool = False
    generic: bool = False
    promised: bool = False
    """The verb itself promises the step ("pledged $500 million to")."""


@dataclass(slots=True)
class _Sentence:
    """A parsed sentence, where it starts in the document, and what is known about it."""

    sent: Doc
    offset: int
    future_dates: list[DateMention]
    carrying_out: bool
    conditional: bool
    groups_seen: set[str] = field(default_factory=set)
    past_dates: list[DateMention] | None = None
    step_starts: set[int] = field(default_factory=set)
    """Where the noun phrases of the sentence's steps start (token indices)."""

    def char(self, token: Token) -> int:
        """Document offset of a token's first character."""
        return self.offset + token.idx

    def char_end(self, token: Token) -> int:
        """Document offset just past a token."""
        return self.offset + token.idx + len(token.text)


# --- the reader --------------------------------------------------------------------------------


class _Reader:
    """Reads one document: actor mentions, parties and the sentences' steps."""

    def __init__(
        self, doc: Document, coder: Coder, words: Words, events: Sequence[Event] = ()
    ) -> None:
        self.doc = doc
        self.events = events
        self.coder = coder
        self.w = words
        self.mentions: list[ActorMention] = coder.actors.find(doc.text, doc.published)
        self.learned = learn_names(doc.text, self.mentions)
        parties: list[str] = []
        if doc.issuer:
            parties.append(doc.issuer)
        for m in self.mentions:
            if m.code not in parties and not m.code.startswith("IGO:"):
                parties.append(m.code)
        self.parties = parties
        self._trigger_words = self._surface_words()

    # -- which sentences to parse -------------------------------------------------------------

    def _surface_words(self) -> re.Pattern[str]:
        stems: set[str] = set()
        for key, values in self.w.lists.items():
            section, name = key.split(".", 1)
            if section == "modality" or name in ("not_objects", "ended", "qualifiers"):
                continue
            if name.endswith("verbs") or name.endswith("nouns"):
                stems.update(v[:5] for v in values if len(v) >= 3)
        stems.update(
            {
                "ceasef",
                "cease-",
                "bought",
                "flew",
                "went",
                "came",
                "held",
                "sent",
                "led",
                "gave",
                "given",
                "met",
                "lain",
                "cut",
            }
        )
        pattern = "|".join(sorted((re.escape(s) for s in stems), key=len, reverse=True))
        return re.compile(rf"\b(?:{pattern})", re.IGNORECASE)

    def worth_parsing(self, text: str) -> bool:
        """Cheap first pass: parse only sentences naming a step word."""
        return self._trigger_words.search(text) is not None

    # -- sentences -----------------------------------------------------------------------------

    def sentence(self, sent: Doc, offset: int) -> tuple[list[_Candidate], set[str]]:
        """The commitments one parsed sentence states, and the step families it names."""
        published = self.doc.published
        first = next((t for t in sent if not t.is_punct), None)
        info = _Sentence(
            sent=sent,
            offset=offset,
            future_dates=find_dates(sent.text, published, "future"),
            carrying_out=self._carrying_out(sent),
            conditional=first is not None and first.lower_ in _CONDITIONAL_OPENERS,
        )
        steps = [step for token in sent for step in self._steps(token, info)]
        for step in steps:
            if step.predicate is None:
                left = syntax.phrase(step.anchor)[0]
                while left > 0 and (
                    sent[left - 1].tag_ == "POS"
                    or self._codes_at(info.char(sent[left - 1]), info.char_end(sent[left - 1]))
                ):
                    left -= 1  # "China ’s continued pause": the possessor read apart
                info.step_starts.add(left)
        predicates = {s.predicate.i for s in steps if s.predicate is not None}
        found: list[_Candidate] = []
        for step in steps:
            info.groups_seen.add(step_group(step.kind))
            if step.predicate is None and step.kind in ("visit", "meeting"):
                verb = next(
                    (g for g in self._governors(step.anchor) if g.pos_ in ("VERB", "AUX")), None
                )
                if verb is not None and verb.i in predicates:
                    continue  # "will host X for a state visit": the verb's step
            found += self._evaluate(step, info)
        return found, info.groups_seen

    def _carrying_out(self, sent: Doc) -> bool:
        """True when the sentence reports an agreement being carried out or a step under it."""
        carrying = self.w("modality", "carrying_out")
        agreements = self.w("modality", "agreement_nouns")
        for token in sent:
            lemma = token.lemma_.lower()
            if lemma in carrying and (
                lemma != "carry" or any(c.lower_ == "out" for c in token.children)
            ):
                return True
            if token.lower_ == "under" and any(
                t.lemma_.lower() in agreements for t in token.subtree if t.i != token.i
            ):
                return True
        return False

    # -- finding steps -------------------------------------------------------------------------

    def _steps(self, token: Token, info: _Sentence) -> list[_Step]:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX"):
            return self._verb_steps(token, lemma, info)
        if token.pos_ in ("NOUN", "PROPN"):
            return self._noun_steps(token, lemma)
        if token.pos_ == "ADJ" and lemma == "committed":
            return self._ceasefire_keeping(token)
        return []

    def _verb_steps(self, verb: Token, lemma: str, info: _Sentence) -> list[_Step]:
        w = self.w
        steps: list[_Step] = []
        objects = _objects(verb)
        if lemma in w("visit", "verbs"):
            hosts = syntax.prepositional_objects(verb, "to")
            if lemma == "visit":
                hosts = syntax.children(verb, "dobj") + hosts
            if hosts or lemma not in w("visit", "need_destination"):
                steps.append(_Step("visit", verb, verb, places=hosts))
        if lemma in w("meeting", "verbs"):
            partners = syntax.children(verb, "dobj") + syntax.prepositional_objects(verb, "with")
            steps.append(_Step("meeting", verb, verb, places=partners))
        if lemma in w("meeting", "subject_verbs") and (
            lemma != "take" or any(o.lower_ == "place" for o in syntax.children(verb, "dobj"))
        ):
            for subj in syntax.children(verb, "nsubj"):
                if subj.lemma_.lower() in w("meeting", "nouns") and not _is_round_of_other(subj):
                    steps.append(_Step("meeting", subj, verb))
        if lemma in w("meeting", "light_verbs"):
            for obj in objects:
                if obj.lemma_.lower() in w("meeting", "nouns") and not _is_round_of_other(obj):
                    partners = syntax.prepositional_objects(obj, "with") + (
                        syntax.prepositional_objects(verb, "with")
                    )
                    steps.append(_Step("meeting", obj, verb, places=partners))
        if lemma in w("visit", "delegation_verbs"):
            for obj in objects:
                if obj.lemma_.lower() in w("visit", "delegation_nouns"):
                    hosts = syntax.prepositional_objects(verb, "to") + (
                        syntax.prepositional_objects(obj, "to")
                    )
                    if hosts:
                        steps.append(_Step("visit", obj, verb, places=hosts))
        if lemma in w("visit", "attend_verbs"):
            for obj in objects:
                if obj.lemma_.lower() in w("visit", "event_nouns"):
                    venues = syntax.prepositional_objects(obj, "in") + (
                        syntax.prepositional_objects(verb, "in")
                    )
                    steps.append(_Step("visit", obj, verb, places=venues))
        if lemma in w("visit", "host_verbs"):
            guests = [
                o
                for o in syntax.children(verb, "dobj")
                if self._names_actor(o, info)
                and o.lemma_.lower() not in w("visit", "event_nouns") | w("meeting", "nouns")
            ]
            if guests:
                host = syntax.subject(verb)
                steps.append(
                    _Step(
                        "visit",
                        verb,
                        verb,
                        places=[host] if host is not None else [],
                        actor_tokens=guests,
                    )
                )
        if lemma == "invite":
            steps += self._invitation(verb, info)
        steps += self._easing_steps(verb, lemma, objects)
        if (
            lemma in w("purchase", "verbs")
            and not any(o.lemma_.lower() in w("purchase", "not_objects") for o in objects)
            and (lemma != "order" or objects)
        ):
            steps.append(_Step("purchase", verb, verb))
        if lemma in w("investment", "verbs"):
            steps.append(_Step("investment", verb, verb))
        if lemma in w("withdrawal", "verbs") and not any(s.kind != "visit" for s in steps):
            particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep", "advmod")}
            if lemma != "pull" or particles & {"back", "out"}:
                steps.append(_Step("withdrawal", verb, verb))
        if lemma in w("release", "verbs") and any(
            o.lemma_.lower() in w("release", "objects") for o in objects
        ):
            steps.append(_Step("release", verb, verb))
        if lemma in w("transfer", "pledge_verbs") and any(
            t.lemma_.lower() in w("transfer", "pledge_objects") or t.text == "$"
            for o in objects
            for t in o.subtree
        ):
            recipients = syntax.prepositional_objects(verb, "to") + (
                syntax.prepositional_objects(verb, "for")
            )
            recipients = [r for r in recipients if self._names_actor(r, info)]
            if recipients:
                steps.append(_Step("transfer", verb, verb, places=recipients, promised=True))
        if lemma in w("transfer", "verbs"):
            recipients = (
                syntax.children(verb, "dative")
                + syntax.prepositional_objects(verb, "to")
                + syntax.prepositional_objects(verb, "for")
            )
            if lemma in ("provide", "supply", "offer") and objects:
                recipients = [o for o in objects if self._names_actor(o, info)] + recipients
            recipients = [r for r in recipients if self._names_actor(r, info)]
            if recipients:
                steps.append(_Step("transfer", verb, verb, places=recipients))
        if lemma in w("ceasefire", "stop_verbs") and any(
            t.lemma_.lower() in w("ceasefire", "stop_objects")
            or t.lower_ in w("ceasefire", "stop_objects")
            for o in objects + syntax.children(verb, "xcomp")
            for t in o.subtree
            if t.i == o.i or t.head.i == o.i
        ):
            steps.append(_Step("ceasefire", verb, verb))
        if lemma in w("ceasefire", "keep_verbs"):
            steps += self._ceasefire_keeping(verb)
        if not steps and self._generic_under_terms(verb, info):
            steps.append(_Step("step", verb, verb, generic=True))
        return steps

    def _invitation(self, verb: Token, info: _Sentence) -> list[_Step]:
        """ "X invited Y to the summit / to Beijing": Y's visit (invitations to a step verb are
        read from that verb, with `invite` as its governor)."""
        if syntax.children(verb, "xcomp"):
            return []
        guests = [o for o in syntax.children(verb, "dobj") if self._names_actor(o, info)]
        if not guests:
            return []
        w = self.w
        places = syntax.prepositional_objects(verb, "to")
        if not places:
            return []
        target = places[0]
        if target.lemma_.lower() in w("visit", "event_nouns") or self._names_actor(target, info):
            return [
                _Step(
                    "visit",
                    verb,
                    verb,
                    places=[target],
                    actor_tokens=guests,
                    inviter=syntax.subject(verb),
                )
            ]
        return []

    def _easing_steps(self, verb: Token, lemma: str, objects: list[Token]) -> list[_Step]:
        w = self.w
        steps: list[_Step] = []
        if lemma in w("easing", "verbs"):
            if lemma == "roll" and not any(c.lower_ == "back" for c in verb.children):
                return []
            for obj in objects:
                kind = self._measure_kind(obj)
                if kind is not None:
                    steps.append(_Step(kind, verb, verb))
                    break
        if lemma in w("easing", "extend_verbs"):
            for obj in objects:
                if obj.lemma_.lower() not in w("easing", "nouns"):
                    continue
                for prep in ("on", "of", "in", "to"):
                    for measure in syntax.prepositional_objects(obj, prep):
                        kind = self._measure_kind(measure)
                        if kind is not None:
                            return [*steps, _Step(kind, obj, verb)]
        if lemma in w("easing", "keep_verbs"):
            held = w("easing", "held_words")
            for obj in objects:
                kind = self._measure_kind(obj)
                if kind is None:
                    continue
                complements = [t.lower_ for t in verb.subtree if t.i > obj.i]
                if any(c in held for c in complements):
                    steps.append(_Step(kind, verb, verb, in_force=True))
                    break
        return steps

    def _measure_kind(self, noun: Token) -> str | None:
        """tariff / export-control / restriction for a noun naming a trade measure."""
        w = self.w
        lemma = noun.lemma_.lower()
        phrase = {t.lemma_.lower() for t in noun.subtree} | {t.lower_ for t in noun.subtree}
        if lemma in w("easing", "tariff_objects") and (lemma != "rate" or "tariff" in phrase):
            return "tariff"
        if lemma in w("easing", "control_objects") or (
            lemma in w("easing", "weak_objects") and phrase & w("easing", "qualifiers")
        ):
            if lemma in ("ban", "sanction") and not phrase & w("easing", "qualifiers") | {
                "import",
                "export",
                "sanction",
            }:
                return "restriction"
            return "export-control" if "export" in phrase else "restriction"
        return None

    def _noun_steps(self, noun: Token, lemma: str) -> list[_Step]:
        w = self.w
        head = noun.head
        head_lemma = head.lemma_.lower()
        if lemma in w("visit", "nouns"):
            hosts = syntax.prepositional_objects(noun, "to")
            if noun.dep_ in ("dobj", "nsubjpass") and head_lemma in w("visit", "light_verbs"):
                hosts += syntax.prepositional_objects(head, "to")
                return [_Step("visit", noun, head, places=hosts)]
            return [_Step("visit", noun, None, places=hosts)]
        if lemma in w("meeting", "nouns"):
            if noun.dep_ in ("dobj", "nsubjpass") and head_lemma in w("meeting", "light_verbs"):
                return []  # read from the verb
            if _is_round_of_other(noun) or noun.dep_ == "npadvmod":
                return []
            partners = syntax.prepositional_objects(noun, "with") + (
                syntax.prepositional_objects(noun, "between")
            )
            return [_Step("meeting", noun, None, places=partners)]
        if lemma in w("easing", "nouns"):
            measures = [
                o
                for prep in ("on", "of", "in", "to")
                for o in syntax.prepositional_objects(noun, prep)
            ] + syntax.children(noun, "compound")
            for measure in measures:
                kind = self._measure_kind(measure)
                if kind is not None:
                    return [_Step(kind, noun, None)]
        if lemma in w("investment", "nouns") and _has_modifier(
            noun, self.w("modality", "planned_modifiers")
        ):
            return [_Step("investment", noun, None)]
        if lemma in w("withdrawal", "nouns"):
            return [_Step("withdrawal", noun, None)]
        if lemma in w("ceasefire", "nouns") and (
            lemma != "fire" or any(c.lower_ == "cease" for c in noun.children)
        ):
            return [_Step("ceasefire", noun, None)]
        return []

    def _ceasefire_keeping(self, token: Token) -> list[_Step]:
        """ "remained committed to the ceasefire", "will observe the truce": the subject's own
        undertaking under a ceasefire."""
        nouns = self.w("ceasefire", "nouns")
        targets = syntax.children(token, "dobj") + syntax.prepositional_objects(token, "to")
        if any(t.lemma_.lower() in nouns and t.lemma_.lower() != "fire" for t in targets):
            predicate = token.head if token.dep_ == "acomp" else token
            return [_Step("ceasefire", token, predicate, in_force=True)]
        return []

    def _generic_under_terms(self, verb: Token, info: _Sentence) -> bool:
        """ "Under the deal, X is to / will V": any step the terms of an agreement set."""
        sent = info.sent
        agreements = self.w("modality", "agreement_nouns")
        opener = next((t for t in sent if not t.is_punct), None)
        if opener is None or opener.lower_ not in ("under", "as"):
            return False
        if not any(t.lemma_.lower() in agreements for t in opener.subtree):
            return False
        head = verb.head
        if verb.dep_ == "xcomp" and head.lemma_.lower() == "be":
            return any(c.lower_ == "to" for c in verb.children)
        return verb.dep_ in ("ROOT", "conj") and bool(
            set(syntax.auxiliaries(verb)) & self.w("modality", "future_aux")
        )

    def _names_actor(self, token: Token, info: _Sentence) -> bool:
        return bool(self._codes_in(token, info))

    # -- evaluating a step ---------------------------------------------------------------------

    def _evaluate(self, step: _Step, info: _Sentence) -> list[_Candidate]:
        if step.kind == "ceasefire":
            return self._ceasefire(step, info)
        if step.predicate is not None:
            mode, chain = self._verbal_modality(step, info)
        else:
            mode, chain = self._nominal_modality(step, info)
        if mode is None:
            return []
        actors, joint = self._actor(step, chain, info)
        if not actors:
            return []
        if step.kind == "meeting" and not (joint and len(actors) > 1) and not step.places:
            return []  # "ministers will meet in Brussels": no partner, nothing owed to anyone
        if step.kind == "meeting" and joint and len(actors) > 1:
            actors = self._visitor_first(step, actors, info)
        actor = actors[0]
        counterpart = self._counterpart(step, actor, actors, info)
        if counterpart == actor:
            return []
        if step.kind == "visit" and counterpart is None:
            return []
        start, end, tokens = self._evidence(step, chain, info)
        due, precision = self._due(step, chain, tokens, info, in_force=mode == "in-force")
        return [
            _Candidate(
                actor=actor,
                counterpart=counterpart,
                kind=step.kind,
                what=self._what(step, info),
                start=start,
                end=end,
                due=due,
                due_precision=precision,
                joint=joint,
            )
        ]

    def _visitor_first(self, step: _Step, actors: list[str], info: _Sentence) -> list[str]:
        """A joint meeting in one party's country: the visiting party acts (CODING B15); the
        planned event the coder read from the same words decides first (it knows initiators)."""
        start = info.char(step.predicate or step.anchor)
        for event in self.events:
            if event.type != "CONSULT" or event.status != "planned":
                continue
            if event.evidence_start is None or event.evidence_end is None:
                continue
            if event.evidence_start <= start < event.evidence_end and (
                {event.source, event.target} == set(actors[:2])
            ):
                return [event.source, *[a for a in actors if a != event.source]]
        venues: list[Token] = []
        for token in (step.predicate, step.anchor):
            if token is not None:
                venues += syntax.prepositional_objects(token, "in")
                venues += syntax.prepositional_objects(token, "at")
        hosts = self._place_codes(_Step(step.kind, step.anchor, None, places=venues), info)
        host = next((h for h in hosts if h in actors[:2]), None)
        if host is None:
            return actors
        return [a for a in actors if a != host] + [host]

    def _governors(self, token: Token) -> list[Token]:
        """The verbs, adjectives and nouns above a token, nearest first, up to the sentence root
        or the noun a relative clause modifies."""
        return [head for head, _ in self._path(token)]

    @staticmethod
    def _path(token: Token) -> list[tuple[Token, Token]]:
        """Each content word above a token, with the word below it on the path (whose label
        says how the two are linked); stops at a relative clause."""
        found: list[tuple[Token, Token]] = []
        node = token
        below = token
        while node.head.i != node.i:
            if node.dep_ == "relcl":
                break
            if node.pos_ in ("VERB", "AUX", "ADJ", "NOUN", "PROPN") or node.i == token.i:
                below = node
            node = node.head
            if node.pos_ in ("VERB", "AUX", "ADJ", "NOUN", "PROPN"):
                found.append((node, below))
        return found

    @staticmethod
    def _loose(below: Token) -> bool:
        """True when a governor only coordinates with or frames the clause below it ("X will
        visit, and Y ...", "while X would ..."): its words do not bear on the step."""
        return below.dep_ in ("conj", "advcl", "parataxis", "cc", "npadvmod")

    def _blocked(self, token: Token, below: Token) -> bool:
        """True when a governor makes its complement no commitment: negation, condition,
        demand, unwillingness, denial or cancellation."""
        w = self.w
        lemma = token.lemma_.lower()
        if syntax.negated(token) or any(
            c.dep_ == "det" and c.lower_ in ("no", "neither") for c in token.children
        ):
            return True
        if lemma in w("modality", "unwilling") or lemma in syntax.DENIAL_LEMMAS:
            return True
        if lemma in w("modality", "demands"):
            if lemma == "call":
                particles = {c.lower_ for c in token.children if c.dep_ in ("prep", "prt")}
                return bool(particles & {"on", "for", "upon"})
            if lemma in ("tell", "warn", "order", "need"):
                return below.dep_ == "xcomp"
            return True
        if self._cancels(token) and below.dep_ in ("dobj", "xcomp", "nsubjpass", "pobj", "prep"):
            return True
        if lemma in w("modality", "speculating") and syntax.children(token, "nsubj"):
            return True  # "analysts expect X to visit": a forecast, not a promise
        aux = syntax.auxiliaries(token)
        return any(a in w("modality", "hypothetical_aux") for a in aux)

    def _cancels(self, token: Token) -> bool:
        """ "called off", "postponed", "scrapped", "put on hold": a cancelling verb."""
        lemma = token.lemma_.lower()
        if token.pos_ not in ("VERB", "AUX") or lemma not in self.w("modality", "cancelled"):
            return False
        particles = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "advmod")}
        if lemma in ("call", "put"):
            return bool(particles & {"off"}) or (lemma == "put" and "on" in particles)
        return True

    def _verbal_modality(self, step: _Step, info: _Sentence) -> tuple[str | None, list[Token]]:
        """'future' or 'in-force' for a step stated by a verb, or None; with the governors whose
        clause states it (complement links only, nearest first)."""
        w = self.w
        verb = step.predicate
        assert verb is not None
        if info.conditional and step.kind != "ceasefire":
            return None, []
        if syntax.negated(verb) or syntax.under_condition(verb) or self._conditioned(verb):
            return None, []
        if any(c.dep_ == "det" and c.lower_ == "no" for c in step.anchor.children):
            return None, []
        if step.anchor.i != verb.i and self._no_such(step.anchor, info):
            return None, []
        aux = set(syntax.auxiliaries(verb))
        if aux & w("modality", "hypothetical_aux"):
            return None, []
        chain: list[Token] = []
        mode: str | None = None
        if aux & w("modality", "future_aux"):
            mode = "future"
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "be" and "to" in aux:
            mode = "future"
        if step.in_force:
            mode = "in-force"
        if step.inviter is not None or step.promised:
            mode = "future"
        would = "would" in aux
        reported = False
        loose = False
        for governor, below in self._path(verb):
            lemma = governor.lemma_.lower()
            if lemma in syntax.REPORTING_LEMMAS or lemma in w("modality", "announcing"):
                reported = True
            loose = loose or self._loose(below)
            if loose:
                continue
            if self._blocked(governor, below):
                return None, []
            if syntax.under_condition(governor) and governor.dep_ != "ROOT":
                return None, []
            chain.append(governor)
            if self._stale(governor, info):
                return None, []  # "agreed last year to ...": an old promise, not news
            if mode is None and (
                lemma in w("modality", "governors")
                or (governor.pos_ == "NOUN" and lemma in w("modality", "governor_nouns"))
            ):
                mode = "future"
                if lemma in ("continue", "resume", "begin", "start", "move") and not (
                    set(syntax.auxiliaries(governor)) & w("modality", "future_aux")
                ):
                    mode = None if not info.carrying_out else "in-force"
            if lemma in syntax.REPORTING_LEMMAS:
                loose = True  # what frames the report does not bear on the step
        if would and mode == "future" and not reported and step.inviter is None:
            mode = None
        if would and mode is None and reported:
            mode = "future"
        continuing = verb.tag_ == "VBG" and bool({"is", "are", "be"} & aux)
        if (
            mode is None
            and (
                info.carrying_out
                or _has_modifier(step.anchor, w("modality", "in_force_modifiers"))
                or (continuing and verb.lemma_.lower() in w("easing", "keep_verbs"))
            )
            and (step.kind in ("tariff", "export-control", "restriction") or step.in_force)
        ):
            mode = "in-force"
        if step.generic and mode is None:
            mode = "future"
        return mode, chain

    def _stale(self, governor: Token, info: _Sentence) -> bool:
        """True when a promising verb is dated more than a month before publication ("had
        agreed in January to", "last year pledged to")."""
        published = self.doc.published
        if published is None or governor.lemma_.lower() not in self.w("modality", "governors"):
            return False
        if info.past_dates is None:
            info.past_dates = find_dates(info.sent.text, published, "past")
        for mention in info.past_dates:
            if mention.value is None:
                continue
            token = _token_at(info.sent, mention.start)
            node = token
            while node is not None and node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
                node = node.head
            if node is None or node.i != governor.i:
                continue
            if _period_end(mention.value) < published - timedelta(days=31):
                return True
        return False

    def _conditioned(self, verb: Token) -> bool:
        """True when a verb governs a condition ("would cut tariffs once a deal is signed",
        "will visit provided that ...")."""
        conditions = self.w("modality", "conditions")
        for child in verb.children:
            if child.dep_ in ("advcl", "prep", "ccomp") and any(
                m.dep_ in ("mark", "advmod", "prep") and m.lower_ in conditions
                for m in [child, *child.children]
            ):
                return True
        return False

    def _no_such(self, noun: Token, info: _Sentence) -> bool:
        """True when the sentence denies a step of this noun ("no such talks were agreed")."""
        text = info.sent.text.lower()
        return re.search(rf"\bno such {re.escape(noun.lower_)}", text) is not None or (
            re.search(rf"\bno such {re.escape(noun.lemma_.lower())}", text) is not None
        )

    def _nominal_modality(self, step: _Step, info: _Sentence) -> tuple[str | None, list[Token]]:
        """'future' or 'in-force' for a step named by a noun alone, or None."""
        w = self.w
        noun = step.anchor
        if any(
            c.dep_ in ("det", "neg") and c.lower_ in ("no", "not", "never") for c in noun.children
        ) or self._no_such(noun, info):
            return None, []
        path = self._path(noun)
        chain = [governor for governor, _ in path]
        announced = False
        object_path = True
        node = noun
        while node.head.i != node.i and object_path:
            object_path = _object_link(node)
            node = node.head
            lemma = node.lemma_.lower()
            if node.pos_ not in ("VERB", "AUX"):
                continue
            if self._cancels(node) or lemma in syntax.DENIAL_LEMMAS or syntax.negated(node):
                return None, []
            if (
                object_path
                and lemma in w("modality", "announcing")
                and (lemma not in syntax.REPORTING_LEMMAS)
            ):
                announced = True
        if _has_modifier(noun, w("modality", "in_force_modifiers")):
            return "in-force", chain
        planned = _has_modifier(noun, w("modality", "planned_modifiers"))
        dated = self._future_date_in(noun, chain, info)
        if dated is False:
            return None, []
        if planned or dated or announced:
            return "future", chain
        if info.carrying_out and step.kind in ("tariff", "export-control", "restriction"):
            return "in-force", chain
        return None, []

    def _future_date_in(self, noun: Token, chain: list[Token], info: _Sentence) -> bool | None:
        """True when the noun's phrase gives a future date and its clause is not a past account;
        False when it gives a past one; None when it gives none."""
        left, right = syntax.phrase(noun)
        start = info.sent[left].idx
        end = info.sent[right].idx + len(info.sent[right].text)
        inside = [m for m in info.future_dates if start <= m.start and m.end <= end and m.value]
        if not inside:
            return None
        planned = self.w("modality", "planned_modifiers")
        for mention in inside:
            node = _token_at(info.sent, mention.start)
            while node is not None and node.i != noun.i and node.head.i != node.i:
                if (
                    node.pos_ in ("VERB", "AUX")
                    and node.tag_ in _PAST_TAGS
                    and (node.lower_ not in planned)
                ):
                    return False  # "talks held on 19 August"
                node = node.head
        verb = next((g for g in chain if g.pos_ in ("VERB", "AUX")), None)
        if (
            verb is not None
            and verb.tag_ in _PAST_TAGS
            and (verb.lemma_.lower() not in self.w("modality", "announcing"))
        ):
            return False
        published = self.doc.published
        return published is None or any(
            m.value is not None and _period_end(m.value) >= published for m in inside
        )

    # -- actors --------------------------------------------------------------------------------

    def _actor(self, step: _Step, chain: list[Token], info: _Sentence) -> tuple[list[str], bool]:
        """The acting state(s) of a step, and whether the text names them jointly."""
        if step.actor_tokens:
            codes = self._resolve_all(step.actor_tokens, info)
            return codes[:1], False
        inviter = next((g for g in chain if g.lemma_.lower() == "invite"), None)
        if inviter is not None:
            guests = syntax.children(inviter, "dobj")
            if guests:
                codes = self._resolve_all(guests, info)
                if codes:
                    step.inviter = syntax.subject(inviter)
                    return codes[:1], False
        holders = self._holders(step.anchor, info)
        if holders:
            return holders[:1], False
        if step.predicate is not None:
            subject = _possessor_before_to(step.predicate)
            if subject is None or not self._codes_in(subject, info):
                subject = syntax.subject(step.predicate) or _raised_subject(step.predicate)
            if subject is not None and subject.lower_ not in _RELATIVE:
                found = self._subject_codes(subject, chain, info)
                if found is not None:
                    return found
            for governor in chain:
                if governor.pos_ == "NOUN":
                    if governor.lemma_.lower() in _INVITATIONS:
                        continue  # "accepted X's invitation to visit": X invites, not visits
                    owners = self._holders(governor, info)
                    if owners:
                        return owners[:1], False
                    continue
                if governor.lemma_.lower() in syntax.REPORTING_LEMMAS:
                    break
                subject = syntax.subject(governor) or _raised_subject(governor)
                if subject is not None:
                    found = self._subject_codes(subject, [], info)
                    if found is not None:
                        return found
            reporter = self._reporter(chain)
            if reporter is not None:
                codes = self._codes_in(reporter, info)
                if codes and subject is not None and not self._codes_in(subject, info):
                    return codes[:1], False
            if subject is None:
                before = self._subject_before(step.predicate, info)
                if before is not None:
                    return [before], False
            return [], False
        # a noun alone: the subject of the verb announcing it, else the other party of the text
        for governor in chain:
            if governor.pos_ in ("VERB", "AUX"):
                subject = syntax.subject(governor)
                if subject is not None:
                    found = self._subject_codes(subject, [], info)
                    if found is not None:
                        hosts = self._place_codes(step, info)
                        codes = [c for c in found[0] if c not in hosts]
                        if codes:
                            return codes[:1], found[1]
                break
        hosts = self._place_codes(step, info)
        others = [c for c in self._sentence_codes(info) if c not in hosts]
        if step.kind == "visit" and hosts:
            others = others or [p for p in self.parties if p not in hosts]
            return others[:1], False
        return [], False

    def _subject_before(self, verb: Token, info: _Sentence) -> str | None:
        """When the parse gives a step no subject ("Trump plans to visit", misread): the last
        actor named before the verb in its sentence outside an object or prepositional phrase."""
        at = info.char(verb)
        for mention in reversed(self.mentions):
            if not info.offset <= mention.start < at:
                continue
            token = _token_at(info.sent, mention.start - info.offset)
            if token is None or _in_object(token) or token.dep_ in ("poss", "compound", "amod"):
                continue
            return mention.code
        return None

    def _subject_codes(
        self, subject: Token, chain: list[Token], info: _Sentence
    ) -> tuple[list[str], bool] | None:
        """The codes a subject stands for, with whether it names several parties jointly."""
        lower = subject.lower_
        if _is_pronoun(subject):
            return self._pronoun(subject, chain, info)
        members = syntax.coordinated(subject)
        codes: list[str] = []
        for member in members:
            for code in self._codes_in(member, info):
                if code not in codes:
                    codes.append(code)
        if codes:
            group = len(members) > 1 or (subject.tag_ in ("NNS", "NNPS") and len(codes) > 1)
            if len(members) == 1 and subject.tag_ not in ("NNS", "NNPS"):
                codes = codes[:1]
            return codes, group and len(codes) > 1
        grouped = subject.lemma_.lower() in syntax.GROUP_HEADS and (
            subject.tag_ in ("NNS", "NNPS")
            or any(c.lower_ in ("two", "both") for c in subject.children)
        )
        if (grouped or lower in ("both", "two")) and len(self.parties) > 1:
            return self.parties[:2], True
        return None

    def _pronoun(
        self, pronoun: Token, chain: list[Token], info: _Sentence
    ) -> tuple[list[str], bool] | None:
        """A pronoun: the speaker of the reporting verb above it ("X said it would"), else the
        subject of its clause, else the last actor named before it in the sentence that is not
        an object (a person for he/she), else for they/we the parties of the text, else the
        last matching actor named before it."""
        lower = pronoun.lower_
        personal = lower in _PERSONAL
        reporter = self._reporter(chain)
        if reporter is not None and not _is_pronoun(reporter):
            codes = self._codes_in(reporter, info)
            if codes:
                return codes[:1], False
        if pronoun.dep_ == "poss":
            for governor in chain:
                if governor.pos_ not in ("VERB", "AUX"):
                    continue
                subject = syntax.subject(governor)
                if subject is not None and not _is_pronoun(subject):
                    codes = self._codes_in(subject, info)
                    if codes:
                        return codes[:1], False
                break
        at = info.char(pronoun)
        for mention in reversed(self.mentions):
            if not info.offset <= mention.start < at:
                continue
            if personal and mention.kind not in ("person", "title"):
                continue
            token = _token_at(info.sent, mention.start - info.offset)
            if token is not None and _in_object(token):
                continue
            return [mention.code], False
        if lower in ("they", "them", "their", "we", "us", "our") and len(self.parties) > 1:
            return self.parties[:2], True
        for mention in reversed(self.mentions):
            if mention.end > at or (personal and mention.kind not in ("person", "title")):
                continue
            return [mention.code], False
        return None

    def _reporter(self, chain: list[Token]) -> Token | None:
        """The subject of the nearest reporting or announcing verb above a step."""
        for governor in chain:
            lemma = governor.lemma_.lower()
            if lemma in syntax.REPORTING_LEMMAS or lemma in ("confirm", "announce"):
                return syntax.subject(governor)
        return None

    def _holders(self, noun: Token, info: _Sentence) -> list[str]:
        """Who a step noun belongs to: "China's pause", "his visit", "a visit by X", "US
        actions", a possessor written just before it."""
        for child in noun.children:
            if child.dep_ == "poss":
                if _is_pronoun(child):
                    found = self._pronoun(child, self._governors(noun), info)
                    if found is not None and found[0]:
                        return found[0][:1]
                    continue
                codes = self._codes_in(child, info)
                if codes:
                    return codes[:1]
        for agent in syntax.prepositional_objects(noun, "by"):
            codes = self._codes_in(agent, info)
            if codes:
                return codes[:1]
        for child in noun.children:
            if child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i:
                codes = self._codes_at(info.char(child), info.char_end(child))
                if codes:
                    return codes[:1]
        left = noun.left_edge.i
        sent = info.sent
        while (
            left > 0 and sent[left - 1].dep_ in ("amod", "compound") and sent[left - 1].i < noun.i
        ):
            left -= 1
        if left >= 2 and sent[left - 1].lower_ in ("’s", "'s"):
            codes = self._codes_at(info.char(sent[left - 2]), info.char_end(sent[left - 2]))
            if codes:
                return codes[:1]
        return []

    def _codes_in(self, token: Token, info: _Sentence) -> list[str]:
        """Actor codes named in a token's noun phrase (without relative clauses)."""
        left, right = syntax.phrase(token)
        start = info.char(info.sent[left])
        end = info.char_end(info.sent[right])
        codes = self._codes_at(start, end)
        if codes:
            return codes
        text = self.doc.text[start:end]
        for name, code in self.learned.items():
            if name in text:
                return [code]
        return []

    def _codes_at(self, start: int, end: int) -> list[str]:
        codes: list[str] = []
        for mention in self.mentions:
            if start <= mention.start < end and mention.code not in codes:
                codes.append(mention.code)
        return codes

    def _resolve_all(self, tokens: Iterable[Token], info: _Sentence) -> list[str]:
        codes: list[str] = []
        for token in tokens:
            found: list[str] = []
            if _is_pronoun(token):
                resolved = self._pronoun(token, self._governors(token), info)
                found = resolved[0] if resolved else []
            else:
                for member in syntax.coordinated(token):
                    found += self._codes_in(member, info)
            codes += [c for c in found if c not in codes]
        return codes

    def _sentence_codes(self, info: _Sentence) -> list[str]:
        start, end = info.offset, info.offset + len(info.sent.text)
        return [c for c in self._codes_at(start, end) if not c.startswith("IGO:")]

    def _place_codes(self, step: _Step, info: _Sentence) -> list[str]:
        """States of a step's hosts, partners or recipients (a city via the gazetteer; for a
        summit, the state that hosts it: "the summit that India will host")."""
        codes: list[str] = []
        for token in step.places:
            found = self._resolve_all([token], info)
            if token.lemma_.lower() in self.w("visit", "event_nouns"):
                for clause in token.children:
                    if clause.dep_ in ("relcl", "acl") and clause.lemma_.lower() in self.w(
                        "visit", "host_verbs"
                    ):
                        hosts = syntax.children(clause, "nsubj")
                        found = self._resolve_all(hosts, info) + found
            if not found:
                left, right = syntax.phrase(token)
                name = info.sent[left : right + 1].text
                place = self.coder.places.lookup(name)
                if place is not None and place.country:
                    found = [place.country]
            codes += [c for c in found if c not in codes]
        return codes

    def _counterpart(
        self, step: _Step, actor: str, actors: list[str], info: _Sentence
    ) -> str | None:
        """The state a step is owed to or meets: host, partner or recipient, else another state
        named in the step's clause or sentence, else the other party of the text."""
        if step.inviter is not None and step.kind == "visit":
            hosts = [c for c in self._place_codes(step, info) if c != actor]
            inviter = [c for c in self._resolve_all([step.inviter], info) if c != actor]
            if inviter or hosts:
                return (_states_first(hosts) or inviter)[0]
        if step.kind != "meeting" or step.places:
            named = _states_first([c for c in self._place_codes(step, info) if c != actor])
            if named:
                return named[0]
            if step.kind == "visit" and step.places and not step.actor_tokens:
                return actor if self._place_codes(step, info) else None
        others = [c for c in actors if c != actor]
        if others:
            return others[0]
        anchor = step.predicate or step.anchor
        left = min(t.i for t in anchor.subtree)
        right = max(t.i for t in anchor.subtree)
        inside = self._codes_at(info.char(info.sent[left]), info.char_end(info.sent[right]))
        named = [c for c in inside if c != actor and not c.startswith("IGO:")]
        if named:
            return named[0]
        named = [c for c in self._sentence_codes(info) if c != actor]
        if named:
            return named[0]
        rest = [p for p in self.parties if p != actor]
        return rest[0] if rest else None

    # -- ceasefires ----------------------------------------------------------------------------

    def _ceasefire(self, step: _Step, info: _Sentence) -> list[_Candidate]:
        """A ceasefire in force between two named states gives one commitment per party; a
        party's own undertaking to keep it gives that party's."""
        anchor = step.anchor
        if step.predicate is not None and step.in_force:
            mode, chain = self._verbal_modality(step, info)
            if mode is None:
                return []
            subject = syntax.subject(step.predicate)
            if subject is None:
                return []
            found = self._subject_codes(subject, chain, info)
            if found is None or not found[0]:
                return []
            parties = found[0]
            joint = found[1]
        elif step.predicate is not None:  # "agreed to stop all firing"
            mode, chain = self._verbal_modality(step, info)
            if mode is None:
                return []
            found = None
            for governor in [step.predicate, *chain]:
                subject = syntax.subject(governor)
                if subject is not None:
                    found = self._subject_codes(subject, [], info)
                    if found is not None:
                        break
            if found is None or len(found[0]) < 2:
                return []
            parties, joint = found[0], True
        else:
            if self._no_such(anchor, info) or any(
                c.dep_ == "det" and c.lower_ == "no" for c in anchor.children
            ):
                return []
            chain = self._governors(anchor)
            parties = self._ceasefire_parties(anchor, info)
            if len(parties) < 2 or not self._ceasefire_holds(anchor, parties):
                return []
            joint = True
        states = [p for p in parties if not p.startswith("IGO:")]
        if not states:
            return []
        start, end, _ = self._evidence(step, chain if step.predicate else [], info)
        out: list[_Candidate] = []
        for party in states if joint else states[:1]:
            other = next((p for p in states if p != party), None)
            if other is None:
                rest = [p for p in self.parties if p != party]
                other = rest[0] if rest else None
            out.append(
                _Candidate(
                    actor=party,
                    counterpart=other,
                    kind="ceasefire",
                    what="observe the ceasefire",
                    start=start,
                    end=end,
                    joint=joint,
                )
            )
        return out

    def _ceasefire_parties(self, noun: Token, info: _Sentence) -> list[str]:
        """The states a ceasefire noun names: "between X and Y", "that X and Y agreed", "X and
        Y agreed to a ceasefire", "X-Y ceasefire"."""
        for between in syntax.prepositional_objects(noun, "between"):
            codes = self._resolve_all([between], info)
            if len(codes) >= 2:
                return codes
        for child in noun.children:
            if child.dep_ in ("relcl", "acl"):
                subject = syntax.subject(child)
                if subject is not None:
                    found = self._subject_codes(subject, [], info)
                    if found is not None and len(found[0]) >= 2:
                        return found[0]
        head = noun.head
        if noun.dep_ == "pobj":
            head = head.head
        if noun.dep_ in ("dobj", "pobj") and head.pos_ in ("VERB", "AUX"):
            subject = syntax.subject(head)
            if subject is not None:
                found = self._subject_codes(subject, [], info)
                if found is not None and len(found[0]) >= 2:
                    return found[0]
        left, _ = syntax.phrase(noun)
        return self._codes_at(info.char(info.sent[left]), info.char(noun))

    def _ceasefire_holds(self, noun: Token, parties: list[str]) -> bool:
        """True when a ceasefire noun is agreed, announced or in force, has not ended, and (for a
        "truce") ends fighting between its parties rather than a trade war."""
        w = self.w
        lemma = noun.lemma_.lower()
        if lemma not in w("ceasefire", "always"):
            words = {t.lemma_.lower() for t in noun.subtree}
            if words & w("ceasefire", "not_military"):
                return False
            if not self._hostile(parties):
                return False
        head = noun.head
        if noun.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        head_lemma = head.lemma_.lower()
        if head.pos_ in ("VERB", "AUX") and head.i != noun.i:
            if head_lemma in w("ceasefire", "ended") or self._cancels(head):
                return False
            if syntax.negated(head) or syntax.under_condition(head):
                return False
            if set(syntax.auxiliaries(head)) & w("modality", "hypothetical_aux"):
                return False
            for governor, below in self._path(head):
                if self._loose(below):
                    break
                if self._blocked(governor, below):
                    return False
        agreeing = w("ceasefire", "agreeing")
        if noun.dep_ in ("nsubj", "nsubjpass") and head_lemma in w("ceasefire", "holding"):
            return True
        if noun.dep_ in ("dobj", "pobj", "nsubjpass") and head_lemma in agreeing:
            return True
        for child in noun.children:
            if child.dep_ in ("relcl", "acl") and child.lemma_.lower() in agreeing:
                return True
        return _has_modifier(noun, w("modality", "in_force_modifiers"))

    def _hostile(self, parties: list[str]) -> bool:
        """True when the text reports fighting, or force or threats between the parties."""
        pair = set(parties[:2])
        return (
            any({e.source, e.target} == pair for e in self.events if e.type in _HOSTILE_TYPES)
            or re.search(
                r"\b(fighting|war|clashes|hostilities|shelling|killed|strikes)\b",
                self.doc.text,
                re.I,
            )
            is not None
        )

    # -- evidence, due, what -------------------------------------------------------------------

    def _evidence(
        self, step: _Step, chain: list[Token], info: _Sentence
    ) -> tuple[int, int, list[Token]]:
        """Document offsets of the step's clause, and its tokens."""
        sent = info.sent
        tokens: list[Token] = []
        if step.predicate is None:
            if step.kind == "ceasefire" and step.anchor.dep_ in ("nsubj", "nsubjpass"):
                tokens = _clause_tokens(step.anchor.head)
            else:
                left, right = syntax.phrase(step.anchor)
                tokens = list(sent[left : right + 1])
                if step.kind == "ceasefire":
                    tokens += [
                        t
                        for c in step.anchor.children
                        if c.dep_ in ("relcl", "acl")
                        for t in c.subtree
                    ]
                    head = step.anchor.head
                    if step.anchor.dep_ == "pobj" and head.dep_ == "prep":
                        head = head.head
                    if head.pos_ in ("VERB", "AUX") and step.anchor.dep_ in ("dobj", "pobj"):
                        tokens += _clause_tokens(head)
        else:
            tokens = _clause_tokens(step.predicate)
            promising = self.w("modality", "governors") | self.w("modality", "governor_nouns")
            for governor in chain:
                lemma = governor.lemma_.lower()
                if lemma not in promising and lemma != "be":
                    break
                tokens.append(governor)
                if governor.i < step.predicate.i:
                    for child in governor.children:
                        if child.dep_ in ("nsubj", "nsubjpass", "poss", "compound"):
                            tokens += list(child.subtree)
            owner = _possessor_before_to(step.predicate)
            if owner is not None:  # "US actions to lower tariffs"
                tokens += list(sent[owner.head.left_edge.i : step.predicate.i])
        tokens = [t for t in tokens if not (t.is_punct and t.lower_ not in ("%", "$"))] or tokens
        left_i = min(t.i for t in tokens)
        right_i = max(t.i for t in tokens)
        right_i = self._cut(step, info, right_i)
        while left_i < right_i and (
            sent[left_i].is_punct
            or sent[left_i].dep_ in ("cc", "mark")
            or sent[left_i].lower_ in ("and", "but", "while", "that", "whereas")
        ):
            left_i += 1
        while right_i > left_i and (sent[right_i].is_punct or sent[right_i].dep_ == "cc"):
            right_i -= 1
        # keep closing quotes and brackets that open inside the span
        span_text = sent[left_i : right_i + 1].text
        start = info.char(sent[left_i])
        end = start + len(span_text)
        nxt = right_i + 1
        if (
            nxt < len(sent)
            and sent[nxt].text in ("”", "’", ")", '"', "'")
            and (sent[nxt].idx == sent[right_i].idx + len(sent[right_i].text))
        ):
            end = info.char_end(sent[nxt])
        return start, end, list(sent[left_i : right_i + 1])

    def _cut(self, step: _Step, info: _Sentence, right_i: int) -> int:
        """Where a step's evidence ends: before a comma that opens an adjunct or a description
        after the step ("…, after four days of fighting", "…, a militia founded by …") and
        before another step coordinated with it ("… and China's continued pause …")."""
        sent = info.sent
        core = max(step.anchor.i, step.predicate.i if step.predicate is not None else 0)
        for k in range(core + 1, right_i):
            token = sent[k]
            after = sent[k + 1]
            if token.text == "," and (
                after.dep_ in ("advcl", "acl", "relcl", "npadvmod", "appos", "parataxis")
                or after.tag_ == "VBG"
                or (after.lower_ == "to" and after.dep_ == "aux")
                or after.lower_ in _ADJUNCT_OPENERS
            ):
                return k - 1
            if token.lower_ in ("and", ",") and k + 1 in info.step_starts:
                return k - 1
        return right_i

    def _due(
        self,
        step: _Step,
        chain: list[Token],
        tokens: list[Token],
        info: _Sentence,
        *,
        in_force: bool,
    ) -> tuple[str | None, str | None]:
        """The most specific future date stated in the step's own clause."""
        if not tokens:
            return None, None
        sent = info.sent
        start = tokens[0].idx
        end = tokens[-1].idx + len(tokens[-1].text)
        published = self.doc.published
        own = {step.anchor.i} | ({step.predicate.i} if step.predicate is not None else set())
        own |= {g.i for g in chain}
        best: DateMention | None = None
        for mention in info.future_dates:
            if mention.value is None or mention.precision not in _PRECISION_RANK:
                continue
            if not (start <= mention.start and mention.end <= end):
                continue
            token = next((t for t in sent if t.idx <= mention.start < t.idx + len(t.text)), None)
            if token is None or not self._due_clause(token, own, step):
                continue
            if published is not None and _period_end(mention.value) < published:
                continue
            if in_force and mention.precision == "day" and published is not None:
                continue
            if best is None or (
                _PRECISION_RANK[mention.precision] > _PRECISION_RANK[best.precision or "year"]
            ):
                best = mention
        return (best.value, best.precision) if best is not None else (None, None)

    def _due_clause(self, token: Token, own: set[int], step: _Step) -> bool:
        """True when a date word belongs to the step itself, not to a background clause or to
        the verb that reports or agrees it ("agreed on Saturday", "announced on October 9")."""
        node = token
        for _ in range(12):
            if node.i in own:
                if node.i == step.anchor.i or (
                    step.predicate is not None and node.i == step.predicate.i
                ):
                    return True
                return node.tag_ not in _PAST_TAGS and node.lemma_.lower() not in (
                    syntax.REPORTING_LEMMAS
                )
            if node.pos_ in ("VERB", "AUX") and node.dep_ in ("relcl", "acl", "advcl", "ccomp"):
                aux = set(syntax.auxiliaries(node))
                return node.tag_ not in _PAST_TAGS and not aux & {"had", "has", "have"}
            if node.head.i == node.i:
                return False
            node = node.head
        return False

    def _what(self, step: _Step, info: _Sentence) -> str:
        """A short verb phrase for the step ("travel to China in April", "visit Beijing")."""
        anchor = step.anchor
        predicate = step.predicate
        if step.kind == "visit" and (predicate is None or predicate.lemma_.lower() == "invite"):
            hosts = step.places
            if hosts:
                left, right = syntax.phrase(hosts[0])
                host = info.sent[left : right + 1].text
                verb = (
                    "attend"
                    if hosts[0].lemma_.lower() in self.w("visit", "event_nouns")
                    else ("visit")
                )
                return f"{verb} {host}"
        if predicate is None:
            left, right = syntax.phrase(anchor)
            words = [
                t
                for t in info.sent[left : right + 1]
                if t.dep_ not in ("det", "poss")
                and t.tag_ != "POS"
                and not (t.i < anchor.i and self._codes_at(info.char(t), info.char_end(t)))
            ]
            return _phrase_text(words[:14])
        if (
            step.kind == "meeting"
            and anchor.i != predicate.i
            and anchor.dep_
            in (
                "nsubj",
                "nsubjpass",
            )
        ):  # "the next round will be held in China" → "hold the next round in China"
            left, right = syntax.phrase(anchor)
            rest = [t for t in _clause_tokens(predicate) if t.i > predicate.i]
            rest = [t for t in rest if not (t.lower_ == "place" and t.head.i == predicate.i)]
            return _phrase_text(
                ["hold", *(t.text for t in info.sent[left : right + 1])][:10]
                + [t.text for t in rest][:10]
            )
        last = self._cut(step, info, len(info.sent) - 1)
        keep = [
            t
            for t in _clause_tokens(predicate)
            if predicate.i <= t.i <= last and not (t.is_punct and t.i == predicate.i)
        ]
        words = [
            t
            for t in keep
            if not (t.dep_ in ("aux", "auxpass", "neg", "mark") and t.head.i == predicate.i)
        ]
        if predicate.i != anchor.i and not words:
            words = [predicate, anchor]
        text = _phrase_text(words[:16])
        first = predicate.lemma_.lower() if predicate.pos_ in ("VERB", "AUX") else None
        if first and words and words[0].i == predicate.i:
            text = first + text[len(predicate.text) :]
        return text


# --- helpers on the parse ----------------------------------------------------------------------


def _objects(verb: Token) -> list[Token]:
    """A verb's objects: dobj (and its conjuncts), passive subject, the noun a relative clause
    modifies."""
    found: list[Token] = []
    obj = syntax.direct_object(verb)
    if obj is not None:
        found += syntax.coordinated(obj)
    for child in syntax.children(verb, "dobj", "nsubjpass"):
        if child not in found:
            found += syntax.coordinated(child)
    return found


def _is_round_of_other(noun: Token) -> bool:
    """ "a round of tariffs", "a round of strikes": a round that is no meeting."""
    if noun.lemma_.lower() != "round":
        return False
    objects = syntax.prepositional_objects(noun, "of")
    return bool(objects) and objects[0].lemma_.lower() not in ("talk", "negotiation", "meeting")


def _has_modifier(noun: Token, words: frozenset[str]) -> bool:
    """True when the noun has a modifier from `words` ("planned visit", "continued pause")."""
    return any(
        child.dep_ in ("amod", "acl", "compound", "advmod", "nmod", "npadvmod")
        and (child.lower_ in words or child.lemma_.lower() in words)
        for child in noun.children
    )


def _raised_subject(verb: Token) -> Token | None:
    """ "X is scheduled / expected / set to V": the passive subject of the governing verb."""
    if verb.dep_ != "xcomp":
        return None
    found = syntax.children(verb.head, "nsubjpass")
    return found[0] if found else None


def _states_first(codes: list[str]) -> list[str]:
    """The codes with states before international organisations."""
    return [c for c in codes if not c.startswith("IGO:")] + [
        c for c in codes if c.startswith("IGO:")
    ]


def _is_pronoun(token: Token) -> bool:
    """True for a personal pronoun ("they", "its"), not a name written like one ("US")."""
    return token.lower_ in _PRONOUNS and (token.pos_ == "PRON" or token.text.islower())


def _token_at(sent: Doc, offset: int) -> Token | None:
    """The token of a parsed sentence covering a character offset of its text."""
    for token in sent:
        if token.idx <= offset < token.idx + len(token.text):
            return token
    return None


def _in_object(token: Token) -> bool:
    """True when a token sits in an object or prepositional phrase ("talks with Xi")."""
    node = token
    for _ in range(4):
        if node.dep_ in ("pobj", "dobj", "dative", "attr"):
            return True
        if node.dep_ in ("nsubj", "nsubjpass", "ROOT") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _object_link(node: Token) -> bool:
    """True when a word is an object (or inside the object) of its head, not an adjunct."""
    if node.dep_ in ("dobj", "nsubjpass", "conj", "appos", "attr", "oprd", "pobj", "dative"):
        return True
    return node.dep_ == "prep" and node.lower_ in ("including", "of", "to", "on", "for", "such")


def _possessor_before_to(verb: Token) -> Token | None:
    """ "US actions to lower tariffs", "Japan's decision to invest": the noun before "to"."""
    sent = verb.doc
    to = verb.i - 1
    if to < 1 or sent[to].lower_ != "to":
        return None
    noun = sent[to - 1]
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in _INVITATIONS:
        return None
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod") and child.i < noun.i:
            return child
    return None


def _clause_tokens(verb: Token) -> list[Token]:
    """A verb's clause: its subtree without coordinated clauses and parataxis."""
    found: list[Token] = []
    stack = [verb]
    while stack:
        node = stack.pop()
        found.append(node)
        top = node.i == verb.i
        stack += [
            c
            for c in node.children
            if not (c.dep_ in ("conj", "parataxis") and c.pos_ in ("VERB", "AUX"))
            and not (c.dep_ == "cc" and c.i > verb.i)
            and not (top and c.dep_ == "conj")
            and not (top and c.i < verb.i and c.dep_ in ("ccomp", "advcl", "parataxis", "prep"))
            and not (
                c.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ in _SUBORDINATORS for m in c.children)
            )
        ]
    return sorted(found, key=lambda t: t.i)


def _phrase_text(tokens: Sequence[Token] | Sequence[str]) -> str:
    """Tokens joined as written (their own spacing), or words joined by spaces; first letter
    lower-cased."""
    if not tokens:
        return ""
    if all(isinstance(t, str) for t in tokens):
        text = " ".join(str(t) for t in tokens).strip().rstrip(",;:. ")
        return text[:1].lower() + text[1:]
    ordered = sorted((t for t in tokens if not isinstance(t, str)), key=lambda t: t.i)
    text = "".join(t.text_with_ws for t in ordered).strip().rstrip(",;:. ")
    return text[:1].lower() + text[1:] if text[:1].isupper() and not text[1:2].isupper() else text


def _period_end(value: str) -> date:
    """The last day of a YYYY, YYYY-MM or YYYY-MM-DD period."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        year, month = parts
        following = date(year + (month == 12), month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return date(parts[0], parts[1], parts[2])


# --- events ------------------------------------------------------------------------------------


def _sentence_of(spans: Sequence[tuple[int, int]], offset: int) -> int:
    for n, (start, end) in enumerate(spans):
        if start <= offset < end:
            return n
    return -1


def _from_events(
    reader: _Reader,
    events: Sequence[Event],
    spans: Sequence[tuple[int, int]],
    seen: dict[int, set[str]],
    candidates: list[_Candidate],
) -> list[_Candidate]:
    """Commitments from planned events (and ceasefire agreements) in sentences where the text
    rules saw no step of their kind."""
    doc = reader.doc
    names = reader.coder.actors.states()
    out: list[_Candidate] = []
    for event in events:
        if event.evidence_start is None or event.evidence_end is None or not event.target:
            continue
        if event.source == event.target or (
            event.target.startswith("IGO:") and event.type != "CONSULT"
        ):
            continue
        n = _sentence_of(spans, event.evidence_start)
        ceasefire = event.type == "AGREE" and (
            event.mode == "ceasefire"
            or re.search(r"\b(cease-?fire|truce|armistice)\b", event.evidence, re.I) is not None
        )
        if ceasefire and event.status in ("occurred", "planned"):
            if "ceasefire" in seen.get(n, set()) or any(
                c.kind == "ceasefire" and c.actor in (event.source, event.target)
                for c in candidates
            ):
                continue
            for actor, other in ((event.source, event.target), (event.target, event.source)):
                out.append(
                    _Candidate(
                        actor,
                        other,
                        "ceasefire",
                        "observe the ceasefire",
                        event.evidence_start,
                        event.evidence_end,
                        joint=True,
                        event_id=event.event_id,
                    )
                )
            continue
        group = _EVENT_GROUPS.get(event.type)
        if group is None or event.status != "planned" or group in seen.get(n, set()):
            continue
        if event.mode in _NOT_COMMITMENTS:
            continue
        sentence = doc.text[spans[n][0] : spans[n][1]] if n >= 0 else event.evidence
        if re.search(r"\bno such\b|\bnot been agreed\b|\bdenied\b", sentence, re.I):
            continue
        due, precision = event.date, event.date_precision
        if due is None:
            years = [
                m
                for m in find_dates(event.evidence, doc.published, "future")
                if m.precision == "year" and m.value
            ]
            if years:
                due, precision = years[0].value, "year"
        target = names.get(event.target, event.target)
        pattern = _EVENT_VERBS.get(event.mode or "", event.type.lower() + " step toward {t}")
        what = pattern.format(t=target)
        out.append(
            _Candidate(
                actor=event.source,
                counterpart=event.target,
                kind=_EVENT_KINDS[event.type] if event.mode != "visit" else "visit",
                what=what,
                start=event.evidence_start,
                end=event.evidence_end,
                due=due,
                due_precision=precision,
                event_id=event.event_id,
            )
        )
    return out


def _vetoed(
    candidate: _Candidate,
    denied: Sequence[tuple[int, str, str, str | None]],
    spans: Sequence[tuple[int, int]],
) -> bool:
    n = _sentence_of(spans, candidate.start)
    return any(
        n == dn and step_group(candidate.kind) == group and candidate.actor in (source, target)
        for dn, group, source, target in denied
    )


def _link_events(candidate: _Candidate, events: Sequence[Event]) -> str | None:
    """The planned event stating the same step (same actor, overlapping evidence)."""
    for event in events:
        if event.evidence_start is None or event.evidence_end is None:
            continue
        if event.source != candidate.actor or _EVENT_GROUPS.get(event.type) != step_group(
            candidate.kind
        ):
            continue
        if event.evidence_start < candidate.end and candidate.start < event.evidence_end:
            return event.event_id
    return None


# --- merging -----------------------------------------------------------------------------------


def _dues_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    return a.startswith(b) or b.startswith(a)


def _merge(candidates: list[_Candidate]) -> list[_Candidate]:
    """One candidate per real-world commitment: same actor, same step family (and kind for
    trade steps), compatible counterparts and dues."""

    def same(a: _Candidate, b: _Candidate) -> bool:
        """True when two candidates state the same commitment."""
        if a.actor != b.actor or step_group(a.kind) != step_group(b.kind):
            return False
        if step_group(a.kind) in ("easing", "cooperate", "retreat") and a.kind != b.kind:
            return False
        if a.counterpart and b.counterpart and a.counterpart != b.counterpart:
            return False
        return _dues_compatible(a.due, b.due)

    def rank(c: _Candidate) -> tuple[int, int, int, int]:
        """Most specific due first, then the actor's own statement, a visit, the first."""
        specific = 0 if c.kind == "visit" else 1
        return (-_PRECISION_RANK.get(c.due_precision or "", 0), int(c.joint), specific, c.start)

    kept: list[_Candidate] = []
    for candidate in sorted(candidates, key=rank):
        if any(same(candidate, k) for k in kept):
            continue
        kept.append(candidate)
    return sorted(kept, key=lambda c: (c.start, c.actor))


# --- public ------------------------------------------------------------------------------------


def extract_commitments(
    doc: Document,
    events: Sequence[Event],
    *,
    coder_version: str = "",
    coder: Coder | None = None,
) -> list[Commitment]:
    """Return the commitments a document states, read from its text and its coded events."""
    if coder is None:
        from flashpoint.events import load_coder

        coder = load_coder()
    reader = _Reader(doc, coder, load_words(), events)
    spans = split_sentences(doc.text)
    chosen = [n for n, (s, e) in enumerate(spans) if reader.worth_parsing(doc.text[s:e])]
    candidates: list[_Candidate] = []
    seen: dict[int, set[str]] = {}
    parsed = coder.nlp.pipe([doc.text[spans[n][0] : spans[n][1]] for n in chosen])
    for n, sent in zip(chosen, parsed, strict=True):
        found, groups = reader.sentence(sent, spans[n][0])
        candidates += found
        seen[n] = groups
    candidates += _from_events(reader, events, spans, seen, candidates)
    denied = [
        (_sentence_of(spans, e.evidence_start), _EVENT_GROUPS[e.type], e.source, e.target)
        for e in events
        if e.status == "denied" and e.type in _EVENT_GROUPS and e.evidence_start is not None
    ]
    candidates = [c for c in candidates if not _vetoed(c, denied, spans)]
    out: list[Commitment] = []
    for c in _merge(candidates):
        evidence = doc.text[c.start : c.end]
        out.append(
            Commitment(
                commitment_id=commitment_id(doc.doc_id, c.start, c.end, c.actor, c.due),
                doc_id=doc.doc_id,
                actor=c.actor,
                what=c.what or c.kind,
                evidence=evidence,
                counterpart=c.counterpart,
                due=c.due,
                due_precision=c.due_precision,
                evidence_start=c.start,
                evidence_end=c.end,
                event_id=c.event_id or _link_events(c, events),
                coder_version=coder_version,
            )
        )
    return out


def extract_many(
    pairs: Iterable[tuple[Document, Sequence[Event]]],
    *,
    coder_version: str = "",
    coder: Coder | None = None,
) -> list[Commitment]:
    """Return the commitments of many (document, events) pairs, in order."""
    out: list[Commitment] = []
    for doc, events in pairs:
        out += extract_commitments(doc, events, coder_version=coder_version, coder=coder)
    return out
