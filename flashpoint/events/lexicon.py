"""The predicate lexicon (data/events/predicates.toml): trigger lemma → PLOVER type and CAMEO."""

from __future__ import annotations

import tomllib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flashpoint.codes.cameo import PLOVER_TYPES, TOPICS, CameoTable
from flashpoint.errors import InputError

LEXICON = Path(__file__).resolve().parent.parent / "data" / "events" / "predicates.toml"
_TARGET_SLOTS = ("dobj", "poss", "dative", "xcomp-subj", "complement")
_PREPOSITIONS = (
    "with",
    "to",
    "on",
    "against",
    "at",
    "toward",
    "towards",
    "over",
    "for",
    "from",
    "into",
    "near",
    "around",
    "in",
    "off",
    "upon",
    "onto",
    "through",
    "by",
    "about",
)
_KEYS = {
    "id",
    "lemmas",
    "pos",
    "type",
    "mode",
    "cameo",
    "target",
    "object_lemmas",
    "particle",
    "light_verbs",
    "joint",
    "swap",
    "status",
    "negated_type",
    "topics",
    "note",
}
_STATUSES = ("", "occurred", "planned", "hypothetical", "denied")


@dataclass(frozen=True, slots=True)
class Sense:
    """One sense of a trigger word: what event it codes and where its target is."""

    id: str
    lemmas: tuple[str, ...]
    pos: str
    type: str
    mode: str | None
    cameo: str
    target: tuple[str, ...]
    object_lemmas: frozenset[str]
    particle: str
    light_verbs: frozenset[str]
    joint: bool
    swap: bool
    status: str
    negated_type: str
    topics: tuple[str, ...]


class Lexicon:
    """All senses, indexed by part of speech and lemma, in file order."""

    def __init__(self, senses: Iterable[Sense], digest: str = "") -> None:
        """Index the senses; use `Lexicon.load()` to read the shipped file."""
        self.senses = list(senses)
        self.digest = digest
        self._index: dict[tuple[str, str], list[Sense]] = defaultdict(list)
        for sense in self.senses:
            for lemma in sense.lemmas:
                self._index[(sense.pos, lemma)].append(sense)

    @classmethod
    def load(cls, path: Path = LEXICON, cameo: CameoTable | None = None) -> Lexicon:
        """Read and validate a predicate file; InputError names the entry and the problem."""
        import hashlib

        raw = path.read_bytes()
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
            raise InputError(f"{path}: not valid TOML ({err})") from None
        table = cameo or CameoTable.load()
        entries = data.get("predicate", [])
        senses = [_sense(entry, f"{path}: predicate {n}", table)
                  for n, entry in enumerate(entries, 1)]  # fmt: skip
        ids = [s.id for s in senses]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise InputError(f"{path}: duplicate predicate id(s) {', '.join(dupes)}")
        return cls(senses, hashlib.sha256(raw).hexdigest()[:8])

    def senses_for(self, pos: str, lemma: str) -> list[Sense]:
        """Senses of a lemma used as VERB or NOUN, most specific first."""
        return self._index.get((pos, lemma), [])

    def trigger_words(self) -> frozenset[str]:
        """Every lemma and light verb named by the lexicon (for a cheap first pass)."""
        words = {lemma for s in self.senses for lemma in s.lemmas}
        return frozenset(words | {v for s in self.senses for v in s.light_verbs})


def _sense(entry: dict[str, Any], where: str, cameo: CameoTable) -> Sense:
    """Check one TOML entry and build its Sense."""
    unknown = set(entry) - _KEYS
    if unknown:
        raise InputError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for key in ("id", "lemmas", "pos", "type", "cameo"):
        if key not in entry:
            raise InputError(f"{where}: missing {key!r}")
    where = f"{where} ({entry['id']})"
    if entry["pos"] not in ("VERB", "NOUN"):
        raise InputError(f"{where}: pos must be VERB or NOUN, not {entry['pos']!r}")
    if entry["type"] not in PLOVER_TYPES:
        raise InputError(f"{where}: {entry['type']!r} is not a PLOVER type")
    if str(entry["cameo"]) not in cameo:
        raise InputError(f"{where}: {entry['cameo']!r} is not a CAMEO code")
    targets = tuple(entry.get("target", ["dobj"]))
    for slot in targets:
        if slot not in _TARGET_SLOTS and not (
            slot.startswith("prep:") and slot[5:] in _PREPOSITIONS
        ):
            raise InputError(f"{where}: unknown target slot {slot!r}")
    status = entry.get("status", "")
    if status not in _STATUSES:
        raise InputError(f"{where}: status {status!r} is not one of {', '.join(_STATUSES[1:])}")
    topics = tuple(entry.get("topics", []))
    bad_topics = [t for t in topics if t not in TOPICS]
    if bad_topics:
        raise InputError(f"{where}: unknown topic(s) {', '.join(bad_topics)}")
    negated = entry.get("negated_type", "")
    if negated and negated not in PLOVER_TYPES:
        raise InputError(f"{where}: negated_type {negated!r} is not a PLOVER type")
    return Sense(
        id=entry["id"],
        lemmas=tuple(str(x).lower() for x in entry["lemmas"]),
        pos=entry["pos"],
        type=entry["type"],
        mode=entry.get("mode") or None,
        cameo=str(entry["cameo"]),
        target=targets,
        object_lemmas=frozenset(str(x).lower() for x in entry.get("object_lemmas", [])),
        particle=entry.get("particle", ""),
        light_verbs=frozenset(str(x).lower() for x in entry.get("light_verbs", [])),
        joint=bool(entry.get("joint", False)),
        swap=bool(entry.get("swap", False)),
        status=status,
        negated_type=negated,
        topics=topics,
    )
