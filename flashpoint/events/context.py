"""What the coder knows about a document while reading it: the actors it names, the people it
introduces by title, the parties of its exchange, its dates and the sources read so far."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from flashpoint.models import Document

if TYPE_CHECKING:
    from flashpoint.actors.table import ActorMention


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A resolved actor in a sentence: its code and where it is written."""

    code: str
    name: str
    start: int
    end: int


@dataclass(slots=True)
class DocContext:
    """What the coder knows about the document while reading it sentence by sentence."""

    doc: Document
    mentions: list[ActorMention]
    parties: list[str] = field(default_factory=list)
    last_date: tuple[str | None, str | None] = (None, None)
    window_start: int = 0
    """Where the text read for relative dates starts: six sentences before the current one."""
    learned: dict[str, str] = field(default_factory=dict)
    """Names of people the text itself ties to a state ("India's foreign secretary Vikram
    Misri"), full name and surname, for later mentions of them."""
    initiator: str | None = None
    """The party the text says initiated the exchange ("at the request of the US side")."""
    subjects: list[tuple[int, str, bool]] = field(default_factory=list)
    accusations: list[tuple[str, ActorRef]] = field(default_factory=list)
    """(accused code, accuser) of each accusation or demand coded so far."""

    def accuser_of(self, code: str) -> list[ActorRef]:
        """The last accuser of `code`: whom a rejection or denial answers."""
        found = [accuser for accused, accuser in self.accusations if accused == code]
        return found[-1:]

    """(offset, code, is a person) of each event source read so far, for pronouns."""

    def person_subject_before(self, offset: int, avoid: frozenset[str] = frozenset()) -> str | None:
        """The last event source that was a person, named before `offset` (not of `avoid`)."""
        found = [code for start, code, person in self.subjects
                 if person and start < offset and code not in avoid]  # fmt: skip
        return found[-1] if found else None

    def person_before(
        self, offset: int, avoid: frozenset[str] = frozenset()
    ) -> ActorMention | None:
        """The last person (or titled person) named before `offset` (not of `avoid`)."""
        best = None
        for m in self.mentions:
            if m.end <= offset and m.kind in ("person", "title") and m.code not in avoid:
                best = m
        return best

    def state_before(self, offset: int, avoid: frozenset[str] = frozenset()) -> ActorMention | None:
        """The last actor of any kind named before `offset` (not of `avoid`)."""
        best = None
        for m in self.mentions:
            if m.end <= offset and m.code not in avoid:
                best = m
        return best

    def pair_around(self, start: int, end: int) -> list[str]:
        """The two parties of an exchange near a sentence: the first two distinct codes in the
        sentence, else in the document, ordered by first mention in the document."""
        in_sentence: list[str] = []
        for m in self.mentions:
            if start <= m.start < end and m.code not in in_sentence and m.code in self.parties:
                in_sentence.append(m.code)
        codes = in_sentence if len(in_sentence) >= 2 else []
        if not codes:
            codes = list(self.parties[:2])
            if self.doc.issuer and self.doc.issuer not in codes and len(codes) == 2:
                codes = [self.doc.issuer, next(c for c in codes if c != self.doc.issuer)]
        order = {code: i for i, code in enumerate(self.parties)}
        return sorted(codes[:2], key=lambda c: order.get(c, 99))


TITLE_WORDS = frozenset(
    "minister president secretary spokesman spokeswoman spokesperson ambassador envoy premier "
    "chancellor general commander adviser advisor official diplomat negotiator representative "
    "leader prime foreign defence defense deputy vice chief head director counterpart "
    "consul senior top army navy military trade commerce finance interior acting interim "
    "caretaker".split()
)
_WORD = re.compile(r"[\w’'.-]+|,")
_FILLER = frozenset({"a", "an", "the", "its", "his", "her", "their", "'s", "’s", ","})


def learn_names(text: str, mentions: Sequence[ActorMention]) -> dict[str, str]:
    """People the text ties to a state by a title: "India's foreign secretary Vikram Misri",
    "Pakistani Foreign Minister Ishaq Dar", "a senior Japanese diplomat, Masaaki Kanai"."""
    learned: dict[str, str] = {}
    for mention in mentions:
        if mention.kind not in ("state", "demonym", "metonym") or mention.code.startswith("IGO:"):
            continue
        words = _WORD.findall(text[mention.end : mention.end + 120])
        titled = False
        name: list[str] = []
        for word in words:
            lower = word.lower().strip(".")
            if not name and (lower in TITLE_WORDS or lower in _FILLER):
                titled = titled or lower in TITLE_WORDS
                continue
            if word[:1].isupper() and lower not in TITLE_WORDS and word != ",":
                name.append(word.rstrip("."))
                continue
            break
        if titled and 2 <= len(name) <= 4:
            learned.setdefault(" ".join(name), mention.code)
            learned.setdefault(name[-1], mention.code)
    return learned
