"""Date resolution: finds date expressions in a clause and resolves them against `published`."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

__all__ = ["DateMention", "Tense", "event_date", "find_dates", "resolve"]

Tense = Literal["past", "future", "unknown"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression in a text, with its resolved value (CODING.md §F)."""

    start: int
    """Offset of the first character of the expression in the text given."""
    end: int
    """Offset just past the expression: ``text[start:end] == self.text``."""
    text: str
    """The expression as written ("on Monday", "in April", "the preceding night")."""
    value: str | None
    """"YYYY-MM-DD", "YYYY-MM" or "YYYY"; None when it does not resolve to at least a year."""
    precision: str | None
    """"day", "month", "year", or None with a None value."""
    relative: bool
    """True when the value was resolved against the publication date or an earlier mention."""


# --- vocabulary -------------------------------------------------------------------------------

_MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_NUMBERS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
# Month names that are also ordinary words ("Seoul may respond", "they march"): months only
# with a day, a year, or one of these words (or a modifier such as "early") in front.
_AMBIGUOUS_MONTHS = frozenset({"may", "march"})
_AMBIGUOUS_MONTH_PREPS = frozenset({"in", "since", "by", "until", "till", "during", "through"})

# --- regex building blocks --------------------------------------------------------------------

_FULL_MONTH = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_ABBR_MONTH = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_MONTH = rf"(?P<month>(?:{_FULL_MONTH})\b|(?:{_ABBR_MONTH})(?:\.|\b))"
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?![:.,]\d)"
_YEAR = r"(?P<year>(?:19|20)\d\d)\b(?![:.,]\d)"
_RANGE = r"(?:\s*[-–—]\s*|\s+(?:to|and|through)\s+)[0-3]?\d(?:st|nd|rd|th)?\b(?![:.,]\d)"
# After "November 20": a second day, unless it starts the next date ("and 24 Nov").
_RANGE_MD = rf"{_RANGE}(?!\s*(?:{_FULL_MONTH}|{_ABBR_MONTH})\b)"
_PREP = (
    r"(?:(?P<prep>on|in|since|from|by|until|till|through|throughout|during|before|after|for|"
    r"as\s+of|starting|as\s+early\s+as|no\s+later\s+than)\s+)?"
)
_TIME_OF = r"(?:(?:on\s+|in\s+)?the\s+(?:morning|afternoon|evening|night)\s+of\s+)?"
_TOD = r"(?:\s+(?:morning|afternoon|evening|night))?"
_WD_LEAD = rf"(?:{_WEEKDAY}{_TOD}(?:\s*,\s*|\s*(?P<paren>\()\s*|\s+))?"
_YREL = r"(?:,?\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year\b)"
_MMOD = (
    r"(?P<mmod>(?:early|late|mid)(?:\s*-\s*|\s+)|(?:the\s+)?(?:end|beginning|start|middle|"
    r"first\s+half|second\s+half|(?:first|second|third|last|final)\s+(?:week|days)|"
    r"rest|remainder)\s+of\s+|end-)?"
)
_RMOD = (
    r"(?P<mod>(?:earlier|later|early|late|mid)(?:\s*-\s*|\s+)|(?:the\s+)?(?:end|beginning|start|"
    r"middle|rest|remainder|first\s+half|second\s+half)\s+of\s+)?"
)
_NUM = r"(?P<num>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})"
_AFTER_ORDINAL = (
    r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:and|or|at|when|as|after|before|in|to|with|for|but|while|"
    r"where|during|amid|that)\b)"
)

_Value = tuple[str | None, str | None, bool]
_Handler = Callable[[re.Match[str], date | None, Tense, list[DateMention]], _Value | None]

_NONE_REL: _Value = (None, None, True)


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# --- small date helpers -----------------------------------------------------------------------


def _d(day: date, relative: bool = True) -> _Value:
    return day.isoformat(), "day", relative


def _m(year: int, month: int, relative: bool = True) -> _Value:
    return f"{year:04d}-{month:02d}", "month", relative


def _y(year: int, relative: bool = True) -> _Value:
    return f"{year:04d}", "year", relative


def _span(first: date, last: date) -> _Value:
    if (first.year, first.month) == (last.year, last.month):
        return _m(first.year, first.month)
    return _NONE_REL


def _shift(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _week(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _pick(candidates: Sequence[date], ref: date, tense: Tense) -> date | None:
    past = [c for c in candidates if c <= ref]
    future = [c for c in candidates if c >= ref]
    last = max(past) if past else None
    following = min(future) if future else None
    if tense == "past" or following is None:
        return last
    if tense == "future" or last is None:
        return following
    return last if ref - last <= following - ref else following


def _pick_month(month: int, ref: date, tense: Tense) -> tuple[int, int]:
    """The last (past), next (future) or, for unknown tense, the likelier such month."""
    last = ref.year if month <= ref.month else ref.year - 1
    following = ref.year if month >= ref.month else ref.year + 1
    if tense == "past":
        return last, month
    if tense == "future":
        return following, month
    if month <= ref.month:
        return ref.year, month
    ahead = month - ref.month
    return (following, month) if ahead < 12 - ahead else (last, month)


def _tense(match: re.Match[str], tense: Tense) -> Tense:
    prep = match.groupdict().get("prep")
    return "past" if prep is not None and prep.lower() == "since" else tense


def _capitalised(word: str | None) -> bool:
    return word is None or word[:1].isupper()


def _month_num(name: str) -> int:
    return _MONTHS[name.rstrip(".").lower()]


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def _ctx_day(prev: Sequence[DateMention]) -> date | None:
    for mention in reversed(prev):
        if mention.precision == "day" and mention.value is not None:
            return date.fromisoformat(mention.value)
    return None


def _ctx_month(prev: Sequence[DateMention]) -> tuple[int, int] | None:
    for mention in reversed(prev):
        if mention.value is not None and mention.precision in ("day", "month"):
            return int(mention.value[:4]), int(mention.value[5:7])
    return None


def _ctx_year(prev: Sequence[DateMention]) -> int | None:
    for mention in reversed(prev):
        if mention.value is not None:
            return int(mention.value[:4])
    return None


# --- handlers: one per rule; None rejects the match (not a date) ------------------------------


def _h_full_date(
    match: re.Match[str], pub: date | None, tense: Tense, prev: list[DateMention]
) -> _Value | None:
    name, weekday = match["month"], match["wd"]
    if not _capitalised(name) or not _capitalised(weekday):
        return None
    month, day = _month_num(name), int(match["day"])
    if match["year"] is not None:
        explicit = _safe_date(int(match["year"]), month, day)
        return None if explicit is None else _d(explicit, relative=False)
    if _safe_date(2024, month, day) is None:  # 2024 is a leap year: every valid month-day
        return None
    if pub is None:
        return _NONE_REL
    if match["yrel"] is not None:
        year = pub.year + {"last": -1, "this": 0, "next": 1}[match["yrel"].lower()]
        found = _safe_date(year, month, day)
        return _NONE_REL if found is None else _d(found)
    candidates = [
        c for y in range(pub.year - 4, pub.year + 5) if (c := _safe_date(y, month, day)) is not None
    ]
    if weekday is not None:
        wd = _WEEKDAYS[weekday.lower()]
        near = [c for c in candidates if c.weekday() == wd and abs((c - pub).days) < 370]
        candidates = near or candidates
    found = _pick(candidates, pub, _tense(match, tense))
    return _NONE_REL if found is None else _d(found)


def _h_iso(
    match: re.Match[str], pub: date | None, tense: Tense, prev: list[DateMention]
) -> _Value | None:
    found = _safe_date(int(match["year"]), int(match["mon"]), int(match["day"]))
    return None if found is None else _d(found, relative=False)


def _h_month_year(
    match: re.Match[str], pub: date | None, tense: Tense, prev: list[DateMention]
) -> _Value | None:
    if not _capitalised(match["month"]):
        return None
    month = _month_num(match["month"])
    if match["year"] is not None:
        return _m(int(match["year"]), month, relative=False)
    if pub is None:
        return _NONE_REL
    return _m(pub.year + {"last": -1, "this": 0, "next": 1}[match["yrel"].lower()], month)


def _h_month(
    match: re.Match[str], pub: date | None, tense: Tense, prev: list[DateMention]
) -> _Value | None:
    name = match["month"]
    if not _capitalised(name):
        return None
    prep, rel = match["prep"], match["rel"]
    if name.lower() in _AMBIGUOUS_MONTHS and not (
        match["mmod"] or rel or (prep is not None and prep.lower() in _AMBIGUOUS_MONTH_PREPS)
    ):
        return None
    if pub is None:
        return _NONE_REL
    month = _month_num(name)
    if rel is None:
        return _m(*_pick_month(month, pub, _tense(match, tense)))
    rel = rel.lower()
    if rel == "this":
        return _m(pub.year, month)
    if rel == "last":
        return _m(pub.year if month < pub.month else pub.year - 1, month)
    return _m(pub.year if month > pub.month else pub.year + 1, month)  # next


def _h_weekday(
    match: re.Match[str], pub: date | None, tense: Tense, prev: list[DateMention]
) -> _Value | None:
    if not _capitalised(match["wd"]):
        return None
    if pub is None:
        return _NONE_REL
    wd = _WEEKDAYS[match["wd"].lower()]
    if match["wk"] is not None:
        shift = {"last": -7, "this": 0, "next": 7}[match["wk"].lower()]
        monday = _week(pub)[0] + timedelta(days=shift)
        return _d(monday + timedelta(days=wd))
    rel = " ".join((match["rel"] or "").lower().split())
    if rel in ("last", "past", "this past"):
        return _d(pub - timedelta(days=(pub.weekday() - wd) % 7 or 7))
    if rel in ("next", "coming", "this coming"):
        return _d(pub + timedelta(days=(wd - pub.weekday()) % 7 or 7))
    candidates = [pub + timedelta(days=k) for k in range(-7, 8)]
    found = _pick([c for c in candidates if c.weekday() == wd], pub, _tense(match, tense))
    return _NONE_REL if found is None else _d(found)


_RELATIVE_DAYS: dict[str, int] = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
    "later today": 0,
    "yesterday": -1,
    "last night": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}


def _h_relative_day(
    match: re.Match[str], pub: date | None, tense: Tense, prev: list[DateMention]
) -> _Value | None:
    if pub is None:
        return _NONE_REL
    words = " ".join(match["rd"].lower().split())
    for suffix in (" morning", " afternoon", " evening", " night"):
        if words.startswith(("yesterday ", "tomorrow ")) and words.endswith(suffix):
            words = words[: -len(suffix)]
    return _d(pub + timedelta(days=_RELATIVE_DAYS[words]))


def _h_anchored(
    match: re.Match[str], pub: date | None, tense: Tense, prev: list[DateMention]
) -> _Value | None:
    words = match["an"].lower()
    if "preceding" in words or "previous" in words or "before" in words or words == "overnight":
        offset = -1
    elif "next" in words or "following" in words:
        offset = 1
    else:
        offset = 0
    ref = _ctx_day(prev)
    if ref is None and "that" in words.split():
        return _NONE_REL  # "later that day" needs a day earlier in the text
    ref = ref or pub
    return _NONE_REL if ref is None else _d(ref + timedelta(days=offset))


_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _h_days_apart(
    match: re.Match[str], pub: date | None, tense: Tense, prev: list[DateMention]
) -> _Value | None:
    raw = match["n"].lower()
    count = _COUNTS[raw] if raw in _COUNTS else int(raw)
    sign = -1 if match["dir"].lower() in ("earlier", "before") else 1
    ref = _ctx_day(prev) or pub
    return _NONE_REL if ref is None else _d(ref + timedelta(days=sign * count))


def _h_week(
    match: re.Match[str], pub: date | None, tense: Tense, prev: list[DateMention]
) -> _Value | None:
    if pub is None:
        return _NONE_REL
    rel = " ".join(match["rel"].lower().split())
    mod = (match["mod"] or "").lower().strip()
    shift = {"last": -7, "this past": -7, "next": 7}.get(rel, 0)
    monday, sunday = _week(pub + timedelta(days=shift))
    if match["unit"].lower() == "weekend":
        return _span(monday + timedelta(days=5), sunday)
    if rel == "this" and mod == "earlier":
        return _span(monday, max(monday, pub - timedelta(days=1)))
    if rel == "this" and mod == "later":
        return _span(min(pub + timedelta(days=1), sunday), sunday)
    return _span(monday, sunday)


def _h_the_weekend(
    match: re.Match[str], pub: date | None, tense: Tense, prev: list[DateMention]
) -> _Value | None:
    if pub is None:
        return _NONE_REL
    wd, when = pub.weekday(), _tense(match, tense)
    if wd >= 5:
        saturday = pub - timedelta(days=wd - 5)
    elif when == "past" or (when == "unknown" and wd <= 2):
        saturday = pub - timedelta(days=wd + 2)
    else:
        saturday = pub + timedelta(days=5 - wd)
    return _span(saturday, saturday + timedelta(days=1))


def _h_week_context(
    match: re.Match[str], pub: date | None, tense: Tense, prev: list[DateMention]
) -> _Value | None:
    ref = _ctx_day(prev) or pub
    if ref is None:
        return _NONE_REL
    monday, sunday = _week(ref)
    if match["mod"] is not None and match["mod"].lower() == "later":
        return _span(min(ref + timedelta(days=1), sunday), sunday)
    if match["mod"] is not None and match["mod"].lower() == "earlier":
        return _span(monday, max(monday, ref - timedelta(days=1)))
    return _span(monday, sunday)


def _h_month_rel(
    match: re.Match[str], pub: date | None, tense: Tense, prev: list[DateMention]
) -> _Value | None:
    rel = " ".join(match["rel"].lower().split())
    if rel in ("the previous", "the following"):
        ctx = _ctx_month(prev) or ((pub.year, pub.month) if pub else None)
        if ctx is None:
            return _NONE_REL
        return _m(*_shift(*ctx, -1 if rel == "the previous" else 1))
    if pub is None:
        return _NONE_REL
    return _m(*_shift(pub.year, pub.month, {"last": -1, "this": 0, "next": 1}[rel]))


def _h_month_context(
    match: re.Match[str], pub: date | None, tense: Tense, prev: list[DateMention]
) -> _Value | None:
    ctx = _ctx_month(prev)
    if ctx is None and "that" in match[0].lower().split():
        return _NONE_REL
    ctx = ctx or ((pub.year, pub.month) if pub else None)
    return _NONE_REL if ctx is None else _m(*ctx)


def _h_year_rel(
    match: re.Match[str], pub: date | None, tense: Tense, prev: list[DateMention]
) -> _Value | None:
    rel = " ".join(match["rel"].lower().split())
    if rel in ("the previous", "the following"):
        ctx = _ctx_year(prev) or (pub.year if pub else None)
        return _NONE_REL if ctx is None else _y(ctx + (-1 if rel == "the previous" else 1))
    if pub is None:
        return _NONE_REL
    return _y(pub.year + {"last": -1, "this": 0, "next": 1}[rel])


def _h_year_context(
    match: re.Match[str], pub: date | None, tense: Tense, prev: list[DateMention]
) -> _Value | None:
    ctx = _ctx_year(prev)
    if ctx is None and "that" in match[0].lower().split():
        return _NONE_REL
    if ctx is None:
        ctx = pub.year if pub else None
    return _NONE_REL if ctx is None else _y(ctx)


def _h_year(
    match: re.Match[str], pub: date | None, tense: Tense, prev: list[DateMention]
) -> _Value | None:
    if match["prep"] is None and match["ymod"] is None:
        return None  # a bare four-digit number is not a date
    return _y(int(match["year"]), relative=False)


def _h_ago(
    match: re.Match[str], pub: date | None, tense: Tense, prev: list[DateMention]
) -> _Value | None:
    if pub is None:
        return _NONE_REL
    count, unit = _number(match["num"]), match["unit"].lower()
    if unit == "day":
        return _d(pub - timedelta(days=count))
    if unit == "week":
        return _span(*_week(pub - timedelta(weeks=count)))
    if unit == "month":
        return _m(*_shift(pub.year, pub.month, -count))
    return _y(pub.year - count)


def _h_in_days(
    match: re.Match[str], pub: date | None, tense: Tense, prev: list[DateMention]
) -> _Value | None:
    return _NONE_REL if pub is None else _d(pub + timedelta(days=_number(match["num"])))


def _h_ordinal(
    match: re.Match[str], pub: date | None, tense: Tense, prev: list[DateMention]
) -> _Value | None:
    day = int(match["day"])
    if not 1 <= day <= 31:
        return None
    if match["rel"] is not None:
        if pub is None:
            return _NONE_REL
        by = {"last": -1, "this": 0, "next": 1}[match["rel"].lower()]
        found = _safe_date(*_shift(pub.year, pub.month, by), day)
        return _NONE_REL if found is None else _d(found)
    ctx = _ctx_month(prev)
    if ctx is not None:
        found = _safe_date(*ctx, day)
        return _NONE_REL if found is None else _d(found)
    if pub is None:
        return _NONE_REL
    months = [_shift(pub.year, pub.month, k) for k in range(-2, 3)]
    candidates = [c for y, m in months if (c := _safe_date(y, m, day)) is not None]
    found = _pick(candidates, pub, _tense(match, tense))
    return _NONE_REL if found is None else _d(found)


# --- rules, in priority order for equal spans ----------------------------------------------------

_RULES: tuple[tuple[re.Pattern[str], _Handler], ...] = (
    # Monday, November 24, 2025 / Nov. 24-25 / November 24 last year
    (
        _c(
            rf"\b{_PREP}{_TIME_OF}{_WD_LEAD}{_MONTH}\s*{_DAY}(?:{_RANGE_MD})?"
            rf"(?:,?\s+{_YEAR}|{_YREL})?(?(paren)\s*\))"
        ),
        _h_full_date,
    ),
    # Monday 24 November 2025 / the 24th of November / 24-25 Nov
    (
        _c(
            rf"\b{_PREP}{_TIME_OF}{_WD_LEAD}(?:the\s+)?{_DAY}(?:{_RANGE})?(?:\s+of)?\s+{_MONTH}"
            rf"(?:,?\s+{_YEAR}|{_YREL})?(?(paren)\s*\))"
        ),
        _h_full_date,
    ),
    # 2025-11-24, 2025/11/24
    (
        _c(
            rf"\b{_PREP}(?P<year>(?:19|20)\d\d)(?P<sep>[-/])(?P<mon>[01]\d)(?P=sep)(?P<day>[0-3]\d)"
            r"\b(?![-/:]\d)"
        ),
        _h_iso,
    ),
    # April 2026 / mid-November 2025 / April next year
    (
        _c(rf"\b{_PREP}{_MMOD}{_MONTH}(?:,?\s+(?:of\s+)?{_YEAR}|{_YREL})"),
        _h_month_year,
    ),
    # (on) (last|next|this) Monday (evening) (of last week)
    (
        _c(
            rf"\b{_PREP}(?:(?P<rel>this\s+past|this\s+coming|last|next|this|coming|past)\s+)?"
            rf"{_WEEKDAY}{_TOD}(?:\s+(?:of\s+)?(?P<wk>last|this|next)\s+week\b)?"
        ),
        _h_weekday,
    ),
    # today, tonight, this morning, yesterday (evening), last night, tomorrow
    (
        _c(
            rf"\b{_PREP}(?P<rd>today|tonight|this\s+(?:morning|afternoon|evening)|"
            r"(?:earlier|later)\s+today|the\s+day\s+before\s+yesterday|"
            r"the\s+day\s+after\s+tomorrow|yesterday(?:\s+(?:morning|afternoon|evening))?|"
            r"(?<!the\s)last\s+night|tomorrow(?:\s+(?:morning|afternoon|evening|night))?)\b"
        ),
        _h_relative_day,
    ),
    # the preceding night, overnight, the night before, the next day, later that day
    (
        _c(
            rf"\b{_PREP}(?P<an>the\s+(?:preceding|previous)\s+(?:night|day|evening)|overnight|"
            r"the\s+(?:night|day|evening)\s+before(?=\s*(?:[,.;:!?)]|$))|"
            r"the\s+(?:next|following)\s+(?:day|morning)|"
            r"(?:that\s+|the\s+)same\s+(?:day|morning|afternoon|evening|night)|"
            r"(?:later|earlier)\s+that\s+day)\b"
        ),
        _h_anchored,
    ),
    # a day earlier, two days later: counted from the day the text last gave
    (
        _c(
            r"\b(?P<n>a|one|two|three|four|five|six|seven|\d{1,2})\s+days?\s+"
            r"(?P<dir>earlier|later|before|after)(?=\s*(?:[,.;:!?)]|$|on\b|when\b|,))"
        ),
        _h_days_apart,
    ),
    # this week, last week, next weekend, earlier this week, late last week
    (
        _c(
            rf"\b{_PREP}{_RMOD}(?P<rel>(?<!the\s)last|(?<!the\s)next|this\s+past|this)\s+"
            r"(?P<unit>week|weekend)\b"
        ),
        _h_week,
    ),
    # over the weekend
    (
        _c(r"\b(?P<prep>over|at|during|on|since|until|by|before|after)\s+the\s+weekend\b"),
        _h_the_weekend,
    ),
    # later in the week, the end of the week
    (
        _c(
            rf"\b{_PREP}(?:(?P<mod>later|earlier)\s+in\s+the\s+week|"
            r"(?:the\s+)?(?:end|rest)\s+of\s+the\s+week)\b"
        ),
        _h_week_context,
    ),
    # last month, this month, next month, earlier this month, the end of next month
    (
        _c(
            rf"\b{_PREP}{_RMOD}(?P<rel>(?<!the\s)last|(?<!the\s)next|this|the\s+previous|"
            r"the\s+following)\s+month\b"
        ),
        _h_month_rel,
    ),
    # later in the month, the end of the month, later that month
    (
        _c(
            rf"\b{_PREP}(?:(?:later|earlier)\s+in\s+the\s+month|"
            r"(?:the\s+)?(?:end|rest|remainder|middle)\s+of\s+the\s+month|mid-month|"
            r"(?:later|earlier)\s+that\s+month|that\s+same\s+month)\b"
        ),
        _h_month_context,
    ),
    # this year, last year, next year, later this year, early next year
    (
        _c(
            rf"\b{_PREP}{_RMOD}(?P<rel>(?<!the\s)last|(?<!the\s)next|this|the\s+previous|"
            r"the\s+following)\s+year\b"
        ),
        _h_year_rel,
    ),
    # later in the year, the end of the year, year-end, later that year
    (
        _c(
            rf"\b{_PREP}(?:(?:later|earlier)\s+in\s+the\s+year|"
            r"(?:the\s+)?(?:end|rest|remainder|second\s+half|first\s+half|beginning|start)\s+of"
            r"\s+the\s+year|year-end|(?:later|earlier)\s+that\s+year|that\s+same\s+year)\b"
        ),
        _h_year_context,
    ),
    # in 2024, since 2019, early 2026, the end of 2025
    (
        _c(
            r"\b(?:(?P<prep>in|since|by|until|till|during|from|through|throughout|before|after|"
            r"as\s+of)\s+)?(?P<ymod>(?:early|late|mid)(?:\s*-\s*|\s+)|(?:the\s+)?(?:end|beginning|"
            r"start|middle|first\s+half|second\s+half|spring|summer|autumn|fall|winter|rest|"
            rf"remainder)\s+of\s+)?{_YEAR}"
        ),
        _h_year,
    ),
    # two days ago, three weeks ago, a month ago
    (_c(rf"\b{_NUM}\s+(?P<unit>day|week|month|year)s?\s+ago\b"), _h_ago),
    # in two days, three days from now
    (_c(rf"\bin\s+{_NUM}\s+days?(?:'\s+time\b)?"), _h_in_days),
    (_c(rf"\b{_NUM}\s+days?\s+from\s+now\b"), _h_in_days),
    # on the 24th (of this month)
    (
        _c(
            r"\b(?P<prep>on|since|from|by|until|before|after)\s+the\s+(?P<day>[1-3]?\d)"
            r"(?:st|nd|rd|th)\b(?:\s+of\s+(?:(?P<rel>this|last|next)|the)\s+month\b|"
            rf"{_AFTER_ORDINAL})"
        ),
        _h_ordinal,
    ),
    # in April, early April, mid-April, the end of April, last April, since April
    (
        _c(rf"\b{_PREP}{_MMOD}(?:(?P<rel>last|next|this)\s+)?(?P<month>{_FULL_MONTH})\b"),
        _h_month,
    ),
)


# Every rule needs one of these; a text with none of them has no date and skips the rules.
_TRIGGER = _c(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)"
    r"|today|tonight|morning|afternoon|evening|yesterday|tomorrow|night|day|week|month|year"
)

# --- public API ---------------------------------------------------------------------------------


def find_dates(text: str, published: date | None, tense: Tense = "unknown") -> list[DateMention]:
    """Find every date expression in `text`, left to right, resolved against `published`."""
    candidates: list[tuple[int, int, int, re.Match[str]]] = []
    if _TRIGGER.search(text) is None:
        return []
    for order, (pattern, _handler) in enumerate(_RULES):
        pos = 0  # every start, not finditer: a rejected or overlapping match must not hide one
        while (match := pattern.search(text, pos)) is not None:
            if match.end() > match.start():
                candidates.append((match.start(), -match.end(), order, match))
            pos = match.start() + 1
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    mentions: list[DateMention] = []
    taken_until = 0
    for start, neg_end, order, match in candidates:
        if start < taken_until:
            continue
        resolved = _RULES[order][1](match, published, tense, mentions)
        if resolved is None:
            continue
        value, precision, relative = resolved
        mentions.append(DateMention(start, -neg_end, match[0], value, precision, relative))
        taken_until = -neg_end
    return mentions


def resolve(
    expression: str, published: date | None, tense: Tense = "unknown"
) -> DateMention | None:
    """Resolve one whole date expression, or return None when it is not one."""
    lead = len(expression) - len(expression.lstrip())
    stripped = expression.strip().rstrip(".,;:")
    mentions = find_dates(stripped, published, tense)
    if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(stripped):
        return replace(mentions[0], start=lead, end=lead + len(stripped))
    return None


_RANK = {"day": 2, "month": 1}


def event_date(mentions: Sequence[DateMention]) -> tuple[str | None, str | None]:
    """The date an event gets from its clause's mentions: the most specific day or month."""
    best: DateMention | None = None
    for mention in mentions:
        if mention.value is None or mention.precision not in _RANK:
            continue
        if best is None or _RANK[mention.precision] > _RANK[best.precision or ""]:
            best = mention
    return (best.value, best.precision) if best is not None else (None, None)
