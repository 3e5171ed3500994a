"""Text → actor mentions: states, capitals, bodies, IGOs and office holders on a date."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from flashpoint.errors import InputError

_DATA = Path(__file__).resolve().parent.parent / "data" / "actors"

ROLES = (
    "head_of_state", "head_of_government", "party_leader", "vice_president",
    "deputy_head_of_government", "foreign_minister", "defence_minister", "finance_minister",
    "trade_minister", "national_security_adviser", "chief_cabinet_secretary", "minister",
    "spokesperson", "ambassador", "official", "igo_leader",
)  # fmt: skip
"""Roles of people.csv, most senior first: a mention of someone with two offices gets the first."""

BODY_KINDS = frozenset(
    {
        "ministry",
        "military",
        "coast-guard",
        "state-media",
        "agency",
        "legislature",
        "embassy-generic",
    }
)
"""Values of the `kind` column of bodies.csv."""

_COLUMNS: dict[str, tuple[str, ...]] = {
    "states": ("code", "name", "aliases", "demonyms", "metonyms", "source"),
    "igos": ("code", "name", "aliases", "metonyms", "source"),
    "bodies": ("code", "name", "aliases", "kind", "source"),
    "people": ("name", "aliases", "code", "role", "valid_from", "valid_to", "source"),
    "not_actors": ("phrase", "note", "source"),
}
_ANY_ROLE = frozenset(ROLES)
_MINISTERS = frozenset(
    {"foreign_minister", "defence_minister", "finance_minister", "trade_minister", "minister"}
)

# Title words that may stand before a name, with the roles they fit. Titles a person alone bears
# ("Crown Prince", "Supreme Leader") come from the `titles` column of people.csv.
_TITLE_GROUPS: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"head_of_state", "igo_leader"}), "president"),
    (frozenset({"vice_president"}), "vice president; vice-president"),
    (frozenset({"head_of_government"}), "prime minister; pm; premier; chancellor"),
    (
        frozenset({"deputy_head_of_government"}),
        "deputy prime minister; vice premier; vice-premier; deputy premier",
    ),
    (
        frozenset({"foreign_minister"}),
        "foreign minister; foreign secretary; secretary of state; foreign affairs minister;"
        " minister of foreign affairs; minister for foreign affairs; external affairs minister;"
        " minister of external affairs; minister for external affairs",
    ),
    (frozenset({"foreign_minister", "official", "igo_leader"}), "top diplomat"),
    (
        frozenset({"defence_minister"}),
        "defence minister; defense minister; defence secretary; defense secretary;"
        " secretary of defense; secretary of war; war secretary; minister of defence;"
        " minister of defense; minister of national defense; national defense minister;"
        " armed forces minister; minister for the armed forces",
    ),
    (
        frozenset({"trade_minister"}),
        "trade minister; commerce minister; commerce secretary; secretary of commerce;"
        " trade representative; trade commissioner; minister of commerce; economy minister",
    ),
    (
        frozenset({"finance_minister"}),
        "finance minister; treasury secretary; secretary of the treasury",
    ),
    (
        frozenset({"national_security_adviser"}),
        "national security adviser; national security advisor",
    ),
    (frozenset({"chief_cabinet_secretary"}), "chief cabinet secretary"),
    (_MINISTERS, "minister; secretary"),
    (
        frozenset({"ambassador"}),
        "ambassador; envoy; permanent representative; ambassador-designate",
    ),
    (
        frozenset({"spokesperson"}),
        "spokesperson; spokesman; spokeswoman; press secretary; foreign ministry spokesperson;"
        " foreign ministry spokesman; foreign ministry spokeswoman; ministry spokesperson;"
        " ministry spokesman; ministry spokeswoman",
    ),
    (frozenset({"head_of_state"}), "king; queen; emperor; emir; sultan; supreme leader"),
    (frozenset({"head_of_state", "head_of_government", "party_leader"}), "leader"),
    (frozenset({"party_leader"}), "general secretary"),
    (
        frozenset({"igo_leader"}),
        "secretary-general; secretary general; director-general; director general;"
        " managing director; high representative; chairperson; chairman; chair",
    ),
    (_ANY_ROLE, "mr; ms; mrs; dr; sir; madam"),
)
_TITLES: dict[str, frozenset[str]] = {
    phrase.strip(): roles for roles, phrases in _TITLE_GROUPS for phrase in phrases.split(";")
}

_KIND_RANK = {"state": 0, "demonym": 1, "metonym": 2, "igo": 3, "body": 4}
_FORMER = frozenset({"former", "ex", "late", "then", "erstwhile"})
_NEGATING_PREFIX = frozenset({"pro", "anti", "non"})
# Capitalised words that may touch a careful name ("Jordan", "Trump") without making it part
# of a longer unknown name ("Michael Jordan", "Trump Tower").
_FREE_WORDS = frozenset(
    """The A An In On At For From By To Of And But Or Nor As If When While After Before Since
    Until With Without Under Over During Meanwhile However Then So Yet Also Still Although Though
    Because Both That This These Those Neither Either Later Earlier Today Yesterday Tomorrow Why
    How What Where Who Whom Whose Which Will Would Can Could Should Shall May Might Must Did Does
    Do Is Was Were Are Be Been Has Have Had Not No Yes Only Even Just Now Here There Thus Instead
    Despite Amid Against Between Among Across Through Via Per Like Unlike Including Within Along
    Toward Towards Beyond About Around Into Onto Upon Near Every Each All Some Many Most Several
    Administration Government Cabinet Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April June July August September October November December""".split()
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:to|at|in|into|with|against|on|over|near|off|for|toward|towards|between|about|around"
    r"|across|inside|outside|within|versus|vs\.?)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"\w+|[^\w\s]")
_FOLD = str.maketrans(
    {
        "’": "'", "‘": "'", "ʼ": "'", "`": "'", "‐": "-", "‑": "-", "‒": "-", "–": "-",
        "Đ": "D", "đ": "d", "ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O",
        "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in a text: character offsets, the words as written, and its code."""

    start: int
    end: int
    text: str
    code: str
    kind: str  # state | demonym | metonym | body | igo | person | title
    role: str | None


@dataclass(frozen=True, slots=True)
class _Term:
    """One person in one office from valid_from up to (not including) valid_to."""

    name: str
    code: str
    role: str
    valid_from: date
    valid_to: date | None
    titles: frozenset[str]

    def holds(self, on: date | None) -> bool:
        """Whether the term covers `on`; any term counts when `on` is None."""
        if on is None:
            return True
        return self.valid_from <= on and (self.valid_to is None or on < self.valid_to)


@dataclass(frozen=True, slots=True)
class _Target:
    """What a name stands for: a fixed code, office holders, or nothing (a place, a paper)."""

    code: str | None
    kind: str  # state | demonym | metonym | igo | body | none (blocker) | person
    careful: bool
    terms: tuple[_Term, ...]


@dataclass(frozen=True, slots=True)
class _Row:
    """One CSV row with where it came from."""

    path: Path
    line: int
    values: dict[str, str]

    def fail(self, problem: str) -> InputError:
        """An InputError naming the file, the line and the problem."""
        return InputError(f"{self.path}, line {self.line}: {problem}")


_Index = dict[str, list[tuple[tuple[str, ...], _Target]]]


def _fold(token: str) -> str:
    """Comparable form of a token: straight apostrophes and hyphens, accents dropped."""
    if token.isascii():
        return token
    folded = unicodedata.normalize("NFKD", token.translate(_FOLD))
    return "".join(c for c in folded if not unicodedata.combining(c))


def _tokens(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Split text into word and punctuation tokens: folded keys and character spans."""
    keys: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text):
        tok = m.group()
        keys.append(tok if tok.isascii() else _fold(tok))
        spans.append(m.span())
    return keys, spans


def _surface(name: str) -> tuple[str, ...]:
    """Token keys of a name as listed, without a leading 'the'."""
    name = name.strip()
    if name[:4].lower() == "the ":
        name = name[4:]
    keys, _ = _tokens(name)
    return tuple(keys)


def _split(value: str) -> list[str]:
    """The `;`-separated values of a cell."""
    return [v.strip() for v in value.split(";") if v.strip()]


def _date(row: _Row, column: str) -> date | None:
    """Parse a YYYY-MM-DD cell (None when empty), or raise naming the file and line."""
    text = row.values.get(column, "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise row.fail(f"{column} {text!r} is not a date (use YYYY-MM-DD)") from None


def _kind_of(path: Path, header: Sequence[str]) -> str:
    """Which actor table a CSV holds, from its file name or else its columns."""
    if path.stem in _COLUMNS:
        return path.stem
    cols = set(header)
    for kind, marker in (
        ("people", "role"),
        ("bodies", "kind"),
        ("states", "demonyms"),
        ("not_actors", "phrase"),
        ("igos", "metonyms"),
    ):
        if marker in cols:
            return kind
    expected = "; ".join(f"{k}.csv: {', '.join(v)}" for k, v in _COLUMNS.items())
    raise InputError(
        f"{path}, line 1: columns {', '.join(header)} match no actor table ({expected})"
    )


def _read(path: Path) -> tuple[str, list[_Row]]:
    """Read one actor CSV: its table kind and rows, checking the header."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = list(reader.fieldnames or [])
            kind = _kind_of(path, header)
            missing = [c for c in _COLUMNS[kind] if c not in header]
            if missing:
                raise InputError(
                    f"{path}, line 1: missing column {missing[0]!r} "
                    f"({kind}.csv needs {', '.join(_COLUMNS[kind])})"
                )
            rows = []
            for values in reader:
                if None in values:
                    raise InputError(f"{path}, line {reader.line_num}: more cells than columns")
                clean = {k: (v or "").strip() for k, v in values.items() if k is not None}
                if any(clean.values()):
                    rows.append(_Row(path, reader.line_num, clean))
    except OSError as err:
        raise InputError(f"{path}: cannot read the file ({err.strerror})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except csv.Error as err:
        raise InputError(f"{path}: not valid CSV ({err})") from None
    return kind, rows


def _files(extra: Iterable[Path] | Path | str) -> Iterator[Path]:
    """The CSV files named, folders expanded to the CSV files inside them."""
    for item in [extra] if isinstance(extra, (str, Path)) else extra:
        path = Path(item)
        if path.is_dir():
            yield from sorted(path.glob("*.csv"))
        elif path.exists():
            yield path
        else:
            raise InputError(f"{path}: no such file or folder of actor tables")


def _row_key(kind: str, values: dict[str, str]) -> tuple[str, str]:
    """The identity of a row: a user row with the same key replaces the package's rows."""
    if kind == "not_actors":
        return (values["phrase"], "")
    return (values["name"], values["code"])


_Surface = tuple[str, ...]


def _fixed_names(
    tables: dict[str, list[_Row]], codes: set[str]
) -> dict[_Surface, tuple[str, str, bool]]:
    """Names of states, IGOs and bodies → (code, kind, careful); later rows win a clash."""
    fixed: dict[_Surface, tuple[str, str, bool]] = {}

    def add(names: Iterable[str], code: str, kind: str, careful: bool) -> None:
        for name in names:
            surface = _surface(name)
            old = fixed.get(surface)
            if surface and (old is None or old[0] != code or _KIND_RANK[kind] < _KIND_RANK[old[1]]):
                fixed[surface] = (code, kind, careful and len(surface) == 1)

    for row in tables["states"]:
        v = row.values
        ambiguous = v.get("ambiguous", "") or "0"
        if ambiguous not in ("0", "1"):
            raise row.fail(f"ambiguous {ambiguous!r} must be 0 or 1")
        careful = ambiguous == "1"
        add([v["name"], *_split(v["aliases"])], v["code"], "state", careful)
        add(_split(v["demonyms"]), v["code"], "demonym", careful)
        add(_split(v["metonyms"]), v["code"], "metonym", careful)
    for row in tables["igos"]:
        v = row.values
        add([v["name"], *_split(v["aliases"])], v["code"], "igo", False)
        add(_split(v["metonyms"]), v["code"], "metonym", False)
    for row in tables["bodies"]:
        v = row.values
        if v["code"] not in codes:
            raise row.fail(f"unknown code {v['code']!r} (add it to states.csv or igos.csv first)")
        if v["kind"] not in BODY_KINDS:
            raise row.fail(f"kind {v['kind']!r} is not one of {', '.join(sorted(BODY_KINDS))}")
        add([v["name"], *_split(v["aliases"])], v["code"], "body", False)
    return fixed


def _term(row: _Row, codes: set[str]) -> tuple[_Term, list[str], str]:
    """Check a people.csv row: its term, the names it is written as, the surname."""
    v = row.values
    if not v["name"]:
        raise row.fail("name is empty")
    if v["code"] not in codes:
        raise row.fail(f"unknown code {v['code']!r} (add it to states.csv or igos.csv first)")
    if v["role"] not in ROLES:
        raise row.fail(f"role {v['role']!r} is not one of {', '.join(ROLES)}")
    valid_from = _date(row, "valid_from")
    valid_to = _date(row, "valid_to")
    if valid_from is None:
        raise row.fail("valid_from is empty (use YYYY-MM-DD)")
    if valid_to is not None and valid_to <= valid_from:
        raise row.fail(f"valid_to {valid_to} is not after valid_from {valid_from}")
    titles = frozenset(t.lower() for t in _split(v.get("titles", "")))
    term = _Term(v["name"], v["code"], v["role"], valid_from, valid_to, titles)
    surname = v.get("surname", "") or v["name"].split()[-1]
    return term, [v["name"], *_split(v["aliases"])], surname


def _people_names(
    tables: dict[str, list[_Row]], codes: set[str]
) -> tuple[dict[_Surface, list[_Term]], dict[_Surface, list[_Term]]]:
    """Names of office holders → terms: as written alone, and as written after a title."""
    alone: dict[_Surface, list[_Term]] = {}
    after_title: dict[_Surface, list[_Term]] = {}
    for row in tables["people"]:
        term, names, surname = _term(row, codes)
        for surface in {_surface(name) for name in names} - {()}:
            alone.setdefault(surface, []).append(term)
            after_title.setdefault(surface, []).append(term)
        surface = _surface(surname)
        if surface and term not in after_title.get(surface, ()):
            after_title.setdefault(surface, []).append(term)
    return alone, after_title


def _compile(targets: dict[_Surface, _Target]) -> _Index:
    """Index names by their first token, longest first."""
    index: _Index = {}
    for surface, target in targets.items():
        index.setdefault(surface[0], []).append((surface, target))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


class ActorTable:
    """States, IGOs, bodies and office holders, compiled into a token index for `find()`."""

    __slots__ = ("_exact", "_index", "_names", "_state_names", "_title_first", "_titles")

    def __init__(self, tables: dict[str, list[_Row]]) -> None:
        """Compile checked rows; use `ActorTable.load()`."""
        self._state_names: dict[str, str] = {}
        codes: set[str] = set()
        for table in ("states", "igos"):
            for row in tables[table]:
                if not row.values["code"]:
                    raise row.fail("code is empty")
                codes.add(row.values["code"])
                if table == "states":
                    self._state_names.setdefault(row.values["code"], row.values["name"])
        fixed = _fixed_names(tables, codes)
        alone, after_title = _people_names(tables, codes)
        blocked = {_surface(row.values["phrase"]) for row in tables["not_actors"]} - {()}

        targets: dict[_Surface, _Target] = {}
        for surface in fixed.keys() | alone.keys() | blocked:
            code, kind, careful = fixed.get(surface) or (None, "none", False)
            people = tuple(alone.get(surface, ()))
            if surface in blocked and not people:
                code, kind = None, "none"
            elif people and code is None:
                kind = "person"
            careful = careful or (bool(people) and len(surface) == 1)
            targets[surface] = _Target(code, kind, careful, people)
        self._exact = targets
        self._index = _compile(targets)
        self._names = _compile(
            {s: _Target(None, "person", False, tuple(t)) for s, t in after_title.items()}
        )
        titles: dict[str, frozenset[str]] = dict(_TITLES)
        for row in tables["people"]:
            for title in _split(row.values.get("titles", "")):
                titles.setdefault(title.lower(), frozenset())
        self._titles: dict[str, list[tuple[_Surface, str]]] = {}
        self._title_first: set[str] = set()
        for title in titles:
            surface = tuple(k.lower() for k in _surface(title))
            self._titles.setdefault(surface[0], []).append((surface, title))
            self._title_first.update({surface[0], surface[0].capitalize(), surface[0].upper()})
        for entries in self._titles.values():
            entries.sort(key=lambda e: -len(e[0]))

    @classmethod
    def load(cls, extra: Iterable[Path] | Path | str = ()) -> ActorTable:
        """Read the package's actor tables plus user CSV files or folders (same columns)."""
        tables: dict[str, dict[tuple[str, str], list[_Row]]] = {k: {} for k in _COLUMNS}
        for kind in _COLUMNS:
            path = _DATA / f"{kind}.csv"
            found, rows = _read(path)
            for row in rows:
                tables[found].setdefault(_row_key(found, row.values), []).append(row)
        user: dict[str, dict[tuple[str, str], list[_Row]]] = {k: {} for k in _COLUMNS}
        for path in _files(extra):
            found, rows = _read(path)
            for row in rows:
                user[found].setdefault(_row_key(found, row.values), []).append(row)
        for kind, keyed in user.items():
            tables[kind].update(keyed)
        return cls({k: [r for rows in v.values() for r in rows] for k, v in tables.items()})

    def states(self) -> dict[str, str]:
        """Code → name of every state in the table."""
        return dict(self._state_names)

    def code_of(self, name: str) -> str | None:
        """The code of a name exactly as listed (any office holder, any date); None if unknown."""
        if name in self._state_names:
            return name
        target = self._exact.get(_surface(name))
        if target is None:
            return None
        if target.code is not None:
            return target.code
        best = self._best(target.terms, None)
        return best.code if best else None

    def find(self, text: str, on: date | None = None) -> list[ActorMention]:
        """Non-overlapping longest actor mentions in text, left to right, for the date `on`."""
        keys, spans = _tokens(text)
        out: list[tuple[ActorMention, int, int]] = []  # mention, first token, end token
        n = len(keys)
        i = 0
        while i < n:
            key = keys[i]
            if key in self._title_first:
                hit = self._title_at(text, keys, spans, i, on, out)
                if hit is not None:
                    i = hit
                    continue
            if key in self._index:
                end = self._name_at(text, keys, spans, i, on, out)
                if end is not None:
                    i = end
                    continue
            i += 1
        return [m for m, _, _ in out]

    def resolve(self, phrase: str, on: date | None = None) -> str | None:
        """The one actor a noun phrase stands for, or None when it names none."""
        mentions = [
            m for m in self.find(phrase, on) if not _PREPOSITION_BEFORE.search(phrase[: m.start])
        ]
        for kinds in (("person", "title"), ("body", "igo"), ("state", "demonym", "metonym")):
            for m in mentions:
                if m.kind in kinds:
                    return m.code
        return None

    # -- matching -----------------------------------------------------------------------------

    @staticmethod
    def _longest(index: _Index, keys: list[str], i: int) -> tuple[int, _Target] | None:
        """The longest indexed name starting at token i: its end token and target."""
        for surface, target in index.get(keys[i], ()):
            end = i + len(surface)
            if end <= len(keys) and tuple(keys[i:end]) == surface:
                return end, target
        return None

    @staticmethod
    def _best(terms: Iterable[_Term], on: date | None) -> _Term | None:
        """The term meant on `on` (the latest office when None), most senior role first."""
        terms = list(terms)
        if on is None and terms:
            on = max(t.valid_from for t in terms)
        valid = [t for t in terms if t.holds(on)]
        if not valid:
            return None
        return min(valid, key=lambda t: (ROLES.index(t.role), -t.valid_from.toordinal()))

    def _stranger(self, word: str) -> bool:
        """Whether a word is capitalised and neither a function word nor part of a title."""
        return (
            word[:1].isupper()
            and word.isalpha()
            and word not in _FREE_WORDS
            and word not in self._title_first
        )

    def _loose(
        self, keys: list[str], i: int, end: int, out: list[tuple[ActorMention, int, int]]
    ) -> bool:
        """Whether a one-word name touches a capitalised unknown word ("Michael Jordan")."""
        b = i - 2 if i > 1 and keys[i - 1] == "-" else i - 1
        if b >= 0 and self._stranger(keys[b]) and not (out and out[-1][2] == b + 1):
            return True
        a = end + 1 if end + 1 < len(keys) and keys[end] == "-" else end
        return (
            a < len(keys)
            and self._stranger(keys[a])
            and self._longest(self._index, keys, a) is None
        )

    def _possessive(self, keys: list[str], spans: list[tuple[int, int]], end: int) -> int:
        """The end token after an attached 's (straight or curly apostrophe), if any."""
        if (
            end + 1 < len(keys)
            and keys[end] == "'"
            and keys[end + 1] == "s"
            and spans[end][0] == spans[end - 1][1]
            and spans[end + 1][0] == spans[end][1]
        ):
            return end + 2
        return end

    def _name_at(
        self,
        text: str,
        keys: list[str],
        spans: list[tuple[int, int]],
        i: int,
        on: date | None,
        out: list[tuple[ActorMention, int, int]],
    ) -> int | None:
        """Match a name at token i; append its mention; return the token after it."""
        found = self._longest(self._index, keys, i)
        if found is None:
            return None
        end, target = found
        if target.careful and self._loose(keys, i, end, out):
            return None
        if (
            i >= 2
            and keys[i - 1] == "-"
            and keys[i - 2].lower() in _NEGATING_PREFIX
            and target.kind != "person"
        ):
            return end  # "pro-Russian", "anti-American": an attitude, not the state
        term = self._best(target.terms, on)
        if term is not None:
            code, kind, role = term.code, "person", term.role
        elif target.code is not None:
            code, kind, role = target.code, target.kind, None
        else:
            return end  # a place or publication, or a person not in office on `on`
        end = self._possessive(keys, spans, end)
        start, stop = spans[i][0], spans[end - 1][1]
        out.append((ActorMention(start, stop, text[start:stop], code, kind, role), i, end))
        return end

    def _title_at(
        self,
        text: str,
        keys: list[str],
        spans: list[tuple[int, int]],
        i: int,
        on: date | None,
        out: list[tuple[ActorMention, int, int]],
    ) -> int | None:
        """Match title (+ 'of/to X') + name of an office holder at token i, with a state before."""
        if i > 0 and (
            keys[i - 1].lower() in _FORMER
            or (keys[i - 1] == "-" and i > 1 and keys[i - 2].lower() in _FORMER)
        ):
            return None
        title = None
        j = i
        for surface, name in self._titles.get(keys[i].lower(), ()):
            end = i + len(surface)
            if end <= len(keys) and tuple(k.lower() for k in keys[i:end]) == surface:
                title, j = name, end
                break
        if title is None:
            return None
        if j < len(keys) and keys[j] == "." and spans[j][0] == spans[j - 1][1]:
            j += 1  # "Mr." / "Dr."
        roles = _TITLES.get(title, frozenset())
        if j + 1 < len(keys) and keys[j].lower() in ("of", "to"):
            k = j + 2 if keys[j + 1].lower() == "the" else j + 1
            found = self._longest(self._index, keys, k) if k < len(keys) else None
            if found is not None and found[1].code is not None:
                j = found[0]  # "ambassador to the UN": the host, never the actor
                if j < len(keys) and keys[j] == ",":
                    j += 1
        if j >= len(keys):
            return None
        named = self._longest(self._names, keys, j)
        if named is None:
            return None
        end, target = named
        if end < len(keys) and (
            (self._stranger(keys[end]) and self._longest(self._index, keys, end) is None)
            or (keys[end] == "-" and spans[end][0] == spans[end - 1][1])
        ):
            return None  # "President Lee Jong-..." : a longer name the table does not know
        fits = [t for t in target.terms if t.holds(on) and (t.role in roles or title in t.titles)]
        # States written just before the title ("Chinese Foreign Minister ...") pick among
        # namesakes and join the mention.
        prefix: list[tuple[ActorMention, int, int]] = []  # nearest first
        boundary = i
        for mention, first, last in reversed(out):
            if last != boundary or mention.kind in ("person", "title"):
                break
            prefix.append((mention, first, last))
            boundary = first
        codes = {t.code for t in fits}
        if len(codes) > 1:
            near = {m.code for m, _, _ in prefix}
            fits = [t for t in fits if t.code in near]
            codes = {t.code for t in fits}
        best = self._best(fits, on) if len(codes) == 1 else None
        if best is None:
            return None
        first = i
        joined = 0
        for mention, start_token, _ in prefix:
            if mention.code != best.code:
                break
            first = start_token
            joined += 1
        if joined:
            del out[-joined:]
        end = self._possessive(keys, spans, end)
        start, stop = spans[first][0], spans[end - 1][1]
        mention = ActorMention(start, stop, text[start:stop], best.code, "title", best.role)
        out.append((mention, first, end))
        return end
