"""Date resolution (CODING.md §F, §K `due`, §M): one case per rule, values computed by hand.

Calendar used below: 2025-11-24 is a Monday; 2025-10-01 a Wednesday; 2025-10-30 a Thursday;
2026-01-31 a Saturday. Run `python tests/test_dates.py` for a throughput figure (not a test).
"""

from __future__ import annotations

import itertools
import sys
import time
from datetime import date

import pytest

from flashpoint.nlp.dates import DateMention, Tense, event_date, find_dates, resolve

MON = date(2025, 11, 24)  # Monday
TUE = date(2025, 11, 25)  # Tuesday
SAT = date(2025, 11, 29)  # Saturday
TUE_DEC = date(2025, 12, 2)  # Tuesday; the previous week is Nov 24-30
WED_OCT1 = date(2025, 10, 1)  # Wednesday; its week is Sep 29 - Oct 5
THU_OCT30 = date(2025, 10, 30)  # Thursday; its week is Oct 27 - Nov 2
MON_NOV3 = date(2025, 11, 3)  # Monday; the previous week is Oct 27 - Nov 2
MON_JAN = date(2026, 1, 5)  # Monday
MON_FEB2 = date(2026, 2, 2)  # Monday; the weekend before is Jan 31 - Feb 1
TUE_JAN27 = date(2026, 1, 27)  # Tuesday; its weekend is Jan 31 - Feb 1
FEB = date(2025, 2, 10)
APR = date(2026, 4, 10)

# (id, sentence, published, tense, expected mention text, value, precision)
Case = tuple[str, str, date | None, Tense, str, str | None, str | None]

# fmt: off
CASES: list[Case] = [
    # --- explicit dates, year inferred by tense -------------------------------------------------
    ("month-day-past", "The envoys met on November 20.", MON, "past",
     "on November 20", "2025-11-20", "day"),
    ("month-day-future", "The envoys meet on November 20.", MON, "future",
     "on November 20", "2026-11-20", "day"),
    ("month-day-unknown-nearest", "Envoys, November 20.", MON, "unknown",
     "November 20", "2025-11-20", "day"),
    ("month-day-publication-day-future", "They sign on November 24.", MON, "future",
     "on November 24", "2025-11-24", "day"),
    ("day-month", "Troops moved on 21 November.", MON, "past",
     "on 21 November", "2025-11-21", "day"),
    ("abbrev-dot", "The delegation left Nov. 21.", MON, "past", "Nov. 21", "2025-11-21", "day"),
    ("abbrev-sept", "A note dated Sept. 9 was released.", MON, "past",
     "Sept. 9", "2025-09-09", "day"),
    ("day-abbrev-year", "Signed 24 Nov 2025 in Rome.", MON, "past",
     "24 Nov 2025", "2025-11-24", "day"),
    ("month-day-year", "Signed on November 24, 2025.", MON, "future",
     "on November 24, 2025", "2025-11-24", "day"),
    ("iso", "Effective 2025-11-24, tariffs fall.", MON, "past", "2025-11-24", "2025-11-24", "day"),
    ("ordinal-suffix", "Talks opened November 3rd in Oslo.", MON, "past",
     "November 3rd", "2025-11-03", "day"),
    ("the-nth-of-month", "It began on the 3rd of November.", MON, "past",
     "on the 3rd of November", "2025-11-03", "day"),
    ("day-range", "Drills ran November 20-21 near the strait.", MON, "past",
     "November 20-21", "2025-11-20", "day"),
    ("past-across-new-year", "The ships sailed on December 30.", MON_JAN, "past",
     "on December 30", "2025-12-30", "day"),
    ("future-across-new-year", "The summit opens on January 15.", MON, "future",
     "on January 15", "2026-01-15", "day"),
    ("unknown-nearest-across-year", "Summit: January 15.", MON, "unknown",
     "January 15", "2026-01-15", "day"),
    ("leap-day-past", "A deal was signed on February 29.", MON, "past",
     "on February 29", "2024-02-29", "day"),
    ("weekday-lead", "They met on Monday, November 24.", MON, "past",
     "on Monday, November 24", "2025-11-24", "day"),
    ("weekday-paren", "They met Friday (Nov. 21) in Lima.", MON, "past",
     "Friday (Nov. 21)", "2025-11-21", "day"),
    ("evening-of", "Shots rang out on the evening of November 24 in Manila.", MON, "past",
     "on the evening of November 24", "2025-11-24", "day"),
    ("from-date", "Fees apply from November 10.", MON, "past",
     "from November 10", "2025-11-10", "day"),
    ("month-day-last-year", "They met November 2 last year.", MON, "past",
     "November 2 last year", "2024-11-02", "day"),
    ("on-the-nth", "The vote was held on the 21st, officials said.", MON, "past",
     "on the 21st", "2025-11-21", "day"),
    # --- relative days --------------------------------------------------------------------------
    ("today", "The minister arrives today.", MON, "future", "today", "2025-11-24", "day"),
    ("tonight", "A statement is due tonight.", MON, "future", "tonight", "2025-11-24", "day"),
    ("this-morning", "Seoul protested this morning.", MON, "past",
     "this morning", "2025-11-24", "day"),
    ("this-evening", "Leaders spoke this evening.", MON, "past",
     "this evening", "2025-11-24", "day"),
    ("yesterday", "Hanoi lodged a protest yesterday.", MON, "past",
     "yesterday", "2025-11-23", "day"),
    ("last-night", "Missiles were fired last night.", MON, "past",
     "last night", "2025-11-23", "day"),
    ("tomorrow", "The talks resume tomorrow.", MON, "future", "tomorrow", "2025-11-25", "day"),
    ("day-before-yesterday", "Quito said so the day before yesterday.", MON, "past",
     "the day before yesterday", "2025-11-22", "day"),
    ("two-days-ago", "The border closed two days ago.", MON, "past",
     "two days ago", "2025-11-22", "day"),
    ("in-three-days", "The envoy lands in three days.", MON, "future",
     "in three days", "2025-11-27", "day"),
    # --- weekdays (§F) --------------------------------------------------------------------------
    ("weekday-past-is-publication-day", "Tokyo protested on Monday.", MON, "past",
     "on Monday", "2025-11-24", "day"),
    ("weekday-future-is-publication-day", "Tokyo will reply on Monday.", MON, "future",
     "on Monday", "2025-11-24", "day"),
    ("weekday-past", "The envoy left on Friday.", MON, "past", "on Friday", "2025-11-21", "day"),
    ("weekday-future", "The envoy leaves on Friday.", MON, "future",
     "on Friday", "2025-11-28", "day"),
    ("weekday-unknown-nearest-back", "Envoy, Friday.", MON, "unknown",
     "Friday", "2025-11-21", "day"),
    ("weekday-unknown-nearest-ahead", "Envoy, Wednesday.", MON, "unknown",
     "Wednesday", "2025-11-26", "day"),
    ("bare-weekday-tuesday-published-tuesday", "Cairo replied Tuesday.", TUE, "past",
     "Tuesday", "2025-11-25", "day"),
    ("last-tuesday-published-tuesday", "Cairo replied last Tuesday.", TUE, "past",
     "last Tuesday", "2025-11-18", "day"),
    ("last-tuesday-published-monday", "Cairo replied last Tuesday.", MON, "past",
     "last Tuesday", "2025-11-18", "day"),
    ("next-friday", "Delegates meet next Friday.", MON, "future",
     "next Friday", "2025-11-28", "day"),
    ("next-monday-published-monday", "Delegates meet next Monday.", MON, "future",
     "next Monday", "2025-12-01", "day"),
    ("this-thursday", "Delegates meet this Thursday.", MON, "future",
     "this Thursday", "2025-11-27", "day"),
    ("weekday-evening", "They spoke on Monday evening.", TUE, "past",
     "on Monday evening", "2025-11-24", "day"),
    ("weekday-of-last-week", "They spoke Tuesday last week.", MON, "past",
     "Tuesday last week", "2025-11-18", "day"),
    ("weekday-past-across-month", "Talks ended on Friday.", TUE_DEC, "past",
     "on Friday", "2025-11-28", "day"),
    ("since-weekday-forces-past", "No ships have sailed since Thursday.", MON, "unknown",
     "since Thursday", "2025-11-20", "day"),
    # --- nights before the reference day --------------------------------------------------------
    ("overnight", "Drones struck the port overnight.", MON, "past",
     "overnight", "2025-11-23", "day"),
    ("the-preceding-night", "It happened the preceding night.", MON, "past",
     "the preceding night", "2025-11-23", "day"),
    ("the-night-before", "Rockets fell the night before.", MON, "past",
     "the night before", "2025-11-23", "day"),
    # --- months ---------------------------------------------------------------------------------
    ("last-month", "Exports fell last month.", MON, "past", "last month", "2025-10", "month"),
    ("last-month-in-january", "Exports fell last month.", MON_JAN, "past",
     "last month", "2025-12", "month"),
    ("this-month", "Exports fell this month.", MON, "past", "this month", "2025-11", "month"),
    ("next-month", "Talks resume next month.", MON, "future", "next month", "2025-12", "month"),
    ("next-month-in-december", "Talks resume next month.", date(2025, 12, 10), "future",
     "next month", "2026-01", "month"),
    ("earlier-this-month", "It was agreed earlier this month.", MON, "past",
     "earlier this month", "2025-11", "month"),
    ("later-this-month", "It will be signed later this month.", MON, "future",
     "later this month", "2025-11", "month"),
    ("in-april-written-november-past", "Ottawa eased curbs in April.", MON, "past",
     "in April", "2025-04", "month"),
    ("in-april-written-november-future", "The king will visit Nairobi in April.", MON, "future",
     "in April", "2026-04", "month"),
    ("in-april-written-november-unknown", "Visit in April.", MON, "unknown",
     "in April", "2025-04", "month"),
    ("in-december-written-november-unknown", "Visit in December.", MON, "unknown",
     "in December", "2025-12", "month"),
    ("in-june-written-february-unknown", "Visit in June.", FEB, "unknown",
     "in June", "2025-06", "month"),
    ("in-october-written-february-unknown", "Visit in October.", FEB, "unknown",
     "in October", "2024-10", "month"),
    ("current-month-past", "Sales rose in November.", MON, "past",
     "in November", "2025-11", "month"),
    ("current-month-future", "Sales will rise in November.", MON, "future",
     "in November", "2025-11", "month"),
    ("bare-month", "The April talks collapsed.", MON, "past", "April", "2025-04", "month"),
    ("early-month", "Fighting began early April.", MON, "past", "early April", "2025-04", "month"),
    ("mid-month", "Fighting began mid-April.", MON, "past", "mid-April", "2025-04", "month"),
    ("late-month", "He visits in late April.", MON, "future", "in late April", "2026-04", "month"),
    ("the-end-of-month", "Fighting ended at the end of April.", MON, "past",
     "the end of April", "2025-04", "month"),
    ("by-the-end-of-month", "Tariffs go by the end of April.", MON, "future",
     "by the end of April", "2026-04", "month"),
    ("since-month-forces-past", "Imports have been halted since April.", MON, "future",
     "since April", "2025-04", "month"),
    ("month-year", "A visit in April 2026 is planned.", MON, "past",
     "in April 2026", "2026-04", "month"),
    ("month-next-year", "A visit is set for April next year.", MON, "future",
     "for April next year", "2026-04", "month"),
    ("last-april", "They last met last April.", APR, "past", "last April", "2025-04", "month"),
    ("next-april", "They meet again next April.", MON, "future", "next April", "2026-04", "month"),
    ("a-month-ago", "The ban began a month ago.", MON, "past", "a month ago", "2025-10", "month"),
    # --- May / March as words and as months -----------------------------------------------------
    ("may-month-in", "Talks stalled in May.", MON, "past", "in May", "2025-05", "month"),
    ("may-with-day", "Talks stalled May 5.", MON, "past", "May 5", "2025-05-05", "day"),
    ("may-with-year", "Talks stalled in May 2024.", MON, "past", "in May 2024", "2024-05", "month"),
    ("may-late", "The treaty lapses late May.", MON, "future", "late May", "2026-05", "month"),
    ("march-since", "Prices have doubled since March.", MON, "past",
     "since March", "2025-03", "month"),
    # --- weeks and weekends (§F, §M) ------------------------------------------------------------
    ("this-week", "Envoys meet this week.", MON, "future", "this week", "2025-11", "month"),
    ("last-week", "Envoys met last week.", MON, "past", "last week", "2025-11", "month"),
    ("next-week", "Envoys meet next week.", MON, "future", "next week", "2025-12", "month"),
    ("this-week-spans-two-months", "Envoys meet this week.", THU_OCT30, "future",
     "this week", None, None),
    ("last-week-inside-october", "Envoys met last week.", THU_OCT30, "past",
     "last week", "2025-10", "month"),
    ("next-week-inside-november", "Envoys meet next week.", THU_OCT30, "future",
     "next week", "2025-11", "month"),
    ("last-week-spans-two-months", "Envoys met last week.", MON_NOV3, "past",
     "last week", None, None),
    ("last-week-in-december", "Envoys met last week.", TUE_DEC, "past",
     "last week", "2025-11", "month"),
    ("next-week-spans-two-months", "Envoys meet next week.", date(2025, 10, 22), "future",
     "next week", None, None),
    ("earlier-this-week-before-month-start", "Envoys met earlier this week.", WED_OCT1, "past",
     "earlier this week", "2025-09", "month"),
    ("later-this-week-after-publication", "Envoys meet later this week.", WED_OCT1, "future",
     "later this week", "2025-10", "month"),
    ("last-weekend", "Protests grew last weekend.", MON, "past",
     "last weekend", "2025-11", "month"),
    ("this-weekend", "Protests are planned this weekend.", MON, "future",
     "this weekend", "2025-11", "month"),
    ("last-weekend-spans-two-months", "Protests grew last weekend.", MON_FEB2, "past",
     "last weekend", None, None),
    ("this-weekend-spans-two-months", "Protests are planned this weekend.", TUE_JAN27, "future",
     "this weekend", None, None),
    ("over-the-weekend", "Protests grew over the weekend.", MON, "past",
     "over the weekend", "2025-11", "month"),
    ("over-the-weekend-published-saturday", "Protests grew over the weekend.", SAT, "past",
     "over the weekend", "2025-11", "month"),
    ("three-weeks-ago", "The blockade began three weeks ago.", MON, "past",
     "three weeks ago", "2025-11", "month"),
    ("two-weeks-ago-spans-two-months", "The blockade began two weeks ago.",
     date(2025, 11, 13), "past", "two weeks ago", None, None),
    # --- years ----------------------------------------------------------------------------------
    ("this-year", "Trade grew this year.", MON, "past", "this year", "2025", "year"),
    ("later-this-year", "A visit is due later this year.", MON, "future",
     "later this year", "2025", "year"),
    ("earlier-this-year", "Trade grew earlier this year.", MON, "past",
     "earlier this year", "2025", "year"),
    ("next-year", "A visit is due next year.", MON, "future", "next year", "2026", "year"),
    ("early-next-year", "A visit is due early next year.", MON, "future",
     "early next year", "2026", "year"),
    ("last-year", "Trade grew last year.", MON, "past", "last year", "2024", "year"),
    ("in-year", "Trade grew in 2024.", MON, "past", "in 2024", "2024", "year"),
    ("late-year", "Ties thawed in late 2023.", MON, "past", "in late 2023", "2023", "year"),
    ("later-in-the-year-alone", "A visit follows later in the year.", MON, "future",
     "later in the year", "2025", "year"),
]
# fmt: on


def _case(case: Case) -> object:
    return pytest.param(*case[1:], id=case[0])


@pytest.mark.parametrize(
    ("sentence", "published", "tense", "text", "value", "precision"), [_case(c) for c in CASES]
)
def test_single_expression(
    sentence: str,
    published: date | None,
    tense: Tense,
    text: str,
    value: str | None,
    precision: str | None,
) -> None:
    mentions = find_dates(sentence, published, tense)
    assert [(m.text, m.value, m.precision) for m in mentions] == [(text, value, precision)]
    assert sentence[mentions[0].start : mentions[0].end] == text


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Seoul may respond with countermeasures.", id="may-modal-lowercase"),
        pytest.param("May Ottawa reconsider, the paper asked.", id="may-modal-sentence-start"),
        pytest.param("Theresa May spoke to reporters.", id="may-surname"),
        pytest.param("Veterans will March through the capital.", id="march-verb"),
        pytest.param("Officials expect a reply within a week.", id="within-a-week"),
        pytest.param("A decision is expected soon.", id="soon"),
        pytest.param("Relations have recently improved.", id="recently"),
        pytest.param("They will decide later.", id="later"),
        pytest.param("The meeting starts at 10:30 local time.", id="time-of-day"),
        pytest.param("At least 24 soldiers were wounded.", id="bare-number"),
        pytest.param("Some 2025 troops were moved.", id="bare-four-digit-number"),
        pytest.param("Delegates to the 24th Party Congress arrived.", id="ordinal-not-date"),
        pytest.param("In the coming weeks both sides will talk.", id="coming-weeks"),
        pytest.param("Over the last week, shelling intensified.", id="the-last-week-is-a-span"),
    ],
)
def test_not_dates(sentence: str) -> None:
    assert find_dates(sentence, MON, "past") == []


@pytest.mark.parametrize(
    ("sentence", "tense", "expected"),
    [
        pytest.param(
            "On Thursday, officials said drones had struck the preceding night.",
            "past",
            [("On Thursday", "2025-11-20"), ("the preceding night", "2025-11-19")],
            id="preceding-night-after-weekday",
        ),
        pytest.param(
            "The king visits Nairobi in April; a return visit follows later in the year.",
            "future",
            [("in April", "2026-04"), ("later in the year", "2026")],
            id="later-in-the-year-follows-april-2026",
        ),
        pytest.param(
            "Ministers met on November 12 and signed the text the next day.",
            "past",
            [("on November 12", "2025-11-12"), ("the next day", "2025-11-13")],
            id="the-next-day-after-date",
        ),
        pytest.param(
            "Talks opened in October; a second round on the 28th, however, failed.",
            "past",
            [("in October", "2025-10"), ("on the 28th", "2025-10-28")],
            id="ordinal-takes-month-from-context",
        ),
        pytest.param(
            "Talks on Nov. 20 and 21 Nov 2025 were tense.",
            "past",
            [("on Nov. 20", "2025-11-20"), ("21 Nov 2025", "2025-11-21")],
            id="two-dates-not-a-range",
        ),
    ],
)
def test_context(sentence: str, tense: Tense, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.value) for m in find_dates(sentence, MON, tense)] == expected


@pytest.mark.parametrize(
    ("sentence", "value", "precision", "relative"),
    [
        pytest.param("Hanoi protested yesterday.", None, None, True, id="yesterday"),
        pytest.param("Hanoi protested on Monday.", None, None, True, id="weekday"),
        pytest.param("Hanoi protested in April.", None, None, True, id="month"),
        pytest.param("Hanoi protested on April 3.", None, None, True, id="month-day-no-year"),
        pytest.param("Hanoi protests this week.", None, None, True, id="week"),
        pytest.param("Hanoi protested last year.", None, None, True, id="last-year"),
        pytest.param(
            "Hanoi protested on April 3, 2025.", "2025-04-03", "day", False, id="full-date"
        ),
        pytest.param("Hanoi protested in April 2025.", "2025-04", "month", False, id="month-year"),
        pytest.param("Hanoi protested in 2024.", "2024", "year", False, id="year"),
        pytest.param("Hanoi protested on 2025-04-03.", "2025-04-03", "day", False, id="iso"),
    ],
)
def test_no_publication_date(
    sentence: str, value: str | None, precision: str | None, relative: bool
) -> None:
    (mention,) = find_dates(sentence, None, "past")
    assert (mention.value, mention.precision, mention.relative) == (value, precision, relative)


def test_relative_flag() -> None:
    absolute, inferred, weekday = find_dates(
        "Signed November 24, 2025, ratified November 20 and debated on Friday.", MON, "past"
    )
    assert not absolute.relative
    assert inferred.relative and inferred.value == "2025-11-20"
    assert weekday.relative and weekday.value == "2025-11-21"


PARAGRAPH = (
    "On Monday, November 24, the two foreign ministers spoke by phone for the second time this "
    "month. The call followed a tense week: last Thursday coast guard vessels shadowed each other "
    "near the reef, and overnight a drone was reported over the islands. Officials said a "
    "working group would meet in mid-December, and that the leaders might meet early next year. "
    "Seoul may respond later. Exports have fallen 12 percent since March, and a 2024 agreement "
    "signed on 3 May 2024 lapses on 2026-05-03, with a review due by the end of April and "
    "tariff talks next week. The minister returns tomorrow evening."
)


def test_offsets_on_paragraph() -> None:
    mentions = find_dates(PARAGRAPH, MON, "unknown")
    for mention in mentions:
        assert PARAGRAPH[mention.start : mention.end] == mention.text
    starts = [m.start for m in mentions]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))
    assert [(m.text, m.value) for m in mentions] == [
        ("On Monday, November 24", "2025-11-24"),
        ("this month", "2025-11"),
        ("last Thursday", "2025-11-20"),
        ("overnight", "2025-11-19"),
        ("in mid-December", "2025-12"),
        ("early next year", "2026"),
        ("since March", "2025-03"),
        ("on 3 May 2024", "2024-05-03"),
        ("on 2026-05-03", "2026-05-03"),
        ("by the end of April", "2025-04"),
        ("next week", "2025-12"),
        ("tomorrow evening", "2025-11-25"),
    ]


@pytest.mark.parametrize(
    ("expression", "tense", "value"),
    [
        pytest.param("next week", "future", "2025-12", id="next-week"),
        pytest.param("  on Friday. ", "past", "2025-11-21", id="surrounding-space-and-stop"),
        pytest.param("in April", "future", "2026-04", id="in-april"),
        pytest.param("later in the year", "future", "2025", id="later-in-the-year"),
    ],
)
def test_resolve(expression: str, tense: Tense, value: str) -> None:
    mention = resolve(expression, MON, tense)
    assert mention is not None and mention.value == value
    assert expression[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    "expression",
    [
        pytest.param("the ministers met", id="no-date"),
        pytest.param("on Monday and Tuesday", id="two-dates"),
        pytest.param("talks on Monday", id="not-the-whole-string"),
        pytest.param("soon", id="vague"),
    ],
)
def test_resolve_rejects(expression: str) -> None:
    assert resolve(expression, MON, "past") is None


def _m(value: str | None, precision: str | None, start: int = 0) -> DateMention:
    return DateMention(start, start + 1, "x", value, precision, True)


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        pytest.param([], (None, None), id="none"),
        pytest.param([_m("2025", "year")], (None, None), id="year-only-dropped"),
        pytest.param([_m(None, None)], (None, None), id="unresolved-week"),
        pytest.param(
            [_m("2025-11", "month"), _m("2025-11-20", "day", 5)],
            ("2025-11-20", "day"),
            id="day-beats-month",
        ),
        pytest.param(
            [_m("2025-11-20", "day"), _m("2025-11-21", "day", 5)],
            ("2025-11-20", "day"),
            id="tie-first-wins",
        ),
        pytest.param(
            [_m("2026", "year"), _m(None, None, 3), _m("2026-04", "month", 6)],
            ("2026-04", "month"),
            id="month-beats-year-and-none",
        ),
    ],
)
def test_event_date(mentions: list[DateMention], expected: tuple[str | None, str | None]) -> None:
    assert event_date(mentions) == expected


def test_event_date_from_clause() -> None:
    mentions = find_dates("Later this year, on Friday, talks resumed.", MON, "past")
    assert event_date(mentions) == ("2025-11-21", "day")


def _throughput(rounds: int = 200) -> float:
    """Sentences per second over the sentences of this file's cases (a figure, not a test)."""
    sentences = [c[1] for c in CASES] + [PARAGRAPH]
    started = time.perf_counter()
    for _ in range(rounds):
        for sentence in sentences:
            find_dates(sentence, MON, "past")
    return rounds * len(sentences) / (time.perf_counter() - started)


if __name__ == "__main__":
    sys.stdout.write(f"find_dates: {_throughput():,.0f} sentences/s\n")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Talks failed on July 24. A day earlier, the envoy had left.", "2025-07-23"),
        ("Talks failed on July 24. Two days later, the border closed.", "2025-07-26"),
        ("Shelling began on July 24 and the reply came the same morning.", "2025-07-24"),
    ],
    ids=["a-day-earlier", "two-days-later", "the-same-morning"],
)
def test_days_counted_from_the_last_day_given(text: str, expected: str) -> None:
    mentions = find_dates(text, date(2025, 7, 29), "past")
    assert mentions[-1].value == expected
