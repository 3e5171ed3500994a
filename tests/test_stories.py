"""Story merging: mentions of one event across documents become one story, distinct events don't."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pandas.testing as pdt

from flashpoint.analysis.stories import explain_story, merge_stories, story_id_of
from flashpoint.schema import MENTIONS, STORIES

SHOAL = "Second Thomas Shoal"


def mention(
    event_id: str,
    doc_id: str,
    *,
    date: str | None = "2026-06-09",
    source: str = "CHN",
    target: str | None = "PHL",
    type: str = "ASSAULT",
    mode: str | None = "water cannon",
    status: str = "occurred",
    place: str | None = SHOAL,
    country: str | None = None,
    evidence: str = "Chinese coast guard fired water cannon at a Philippine supply boat",
) -> dict[str, Any]:
    """One events row with the columns merging reads."""
    precision = None if date is None else ("day" if len(date) == 10 else "month")
    return {
        "event_id": event_id,
        "doc_id": doc_id,
        "source": source,
        "target": target,
        "type": type,
        "mode": mode,
        "cameo": "183" if type == "ASSAULT" else "040",
        "quad_class": 4 if type == "ASSAULT" else 1,
        "goldstein": -9.0 if type == "ASSAULT" else 1.0,
        "date": date,
        "date_precision": precision,
        "status": status,
        "claimed_by": None,
        "location_name": place,
        "location_country": country,
        "lat": 9.7 if place == SHOAL else None,
        "lon": 115.9 if place == SHOAL else None,
        "evidence": evidence,
    }


def frames(
    events: list[dict[str, Any]], docs: list[tuple[str, str, str]]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Events frame and documents frame from (doc_id, published, publisher) triples."""
    documents = pd.DataFrame(
        [{"doc_id": d, "published": date.fromisoformat(p), "publisher": who} for d, p, who in docs]
    )
    return pd.DataFrame(events), documents


def one_event() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Four reports of one water-cannon attack from three publishers, dates 9th and 10th."""
    return frames(
        [
            mention(
                "e1", "d1", evidence="China's coast guard fired water cannon at a resupply boat"
            ),
            mention("e2", "d2", evidence="water cannon was fired at the Philippine boat"),
            mention("e3", "d3", date="2026-06-10", evidence="Beijing's ships hosed a supply boat"),
            mention("e4", "d4", place=None, evidence="coast guard used water cannon on a boat"),
        ],
        [
            ("d1", "2026-06-09", "Reuters"),
            ("d2", "2026-06-10", "Inquirer"),
            ("d3", "2026-06-11", "Reuters"),
            ("d4", "2026-06-12", "AP"),
        ],
    )


def test_several_reports_of_one_event_are_one_story() -> None:
    events, docs = one_event()
    state = merge_stories(events, docs)
    assert list(state.stories.columns) == STORIES.column_names
    assert list(state.mentions.columns) == MENTIONS.column_names
    assert len(state.stories) == 1
    story = state.stories.iloc[0]
    assert story["story_id"] == story_id_of("e1")
    assert story["story_id"].startswith("st-") and len(story["story_id"]) == 19
    assert (story["n_mentions"], story["n_documents"], story["n_sources"]) == (4, 4, 3)
    assert story["first_report"] == date(2026, 6, 9)
    assert story["last_report"] == date(2026, 6, 12)
    assert story["date"] == "2026-06-09"
    assert story["dates"] == ["2026-06-09", "2026-06-10"]
    assert story["location_name"] == SHOAL
    assert story["evidence"].startswith("China's coast guard")
    reasons = state.mentions.set_index("event_id")["reason"]
    assert reasons["e1"] == "first mention"
    assert reasons["e3"].startswith("same CHN→PHL ASSAULT, dates 2026-06-09/2026-06-10 within 1")
    assert "same place Second Thomas Shoal" in reasons["e2"]
    assert "evidence overlap" in reasons["e2"]


def test_two_calls_on_two_days_stay_two() -> None:
    call = {"type": "CONSULT", "target": "USA", "mode": "phone", "place": None}
    events, docs = frames(
        [
            mention("c1", "d1", date="2026-03-02", evidence="Xi and Trump spoke by phone", **call),
            mention("c2", "d2", date="2026-03-04", evidence="Xi and Trump spoke again", **call),
        ],
        [("d1", "2026-03-03", "Xinhua"), ("d2", "2026-03-05", "Reuters")],
    )
    assert len(merge_stories(events, docs).stories) == 2


def test_one_document_with_calls_on_consecutive_days_anchors_two_stories() -> None:
    call = {"type": "CONSULT", "target": "USA", "mode": "phone", "place": None}
    events, docs = frames(
        [
            mention("c1", "d1", date="2026-03-02", evidence="the leaders spoke on Monday", **call),
            mention("c2", "d1", date="2026-03-03", evidence="and again on Tuesday", **call),
            mention("c3", "d2", date="2026-03-03", evidence="a second call on Tuesday", **call),
        ],
        [("d1", "2026-03-04", "Xinhua"), ("d2", "2026-03-05", "Reuters")],
    )
    state = merge_stories(events, docs)
    assert len(state.stories) == 2
    story_of = state.mentions.set_index("event_id")["story_id"]
    assert story_of["c1"] != story_of["c2"]
    assert story_of["c3"] == story_of["c2"]


def test_drill_and_missile_launch_on_one_day_stay_two() -> None:
    events, docs = frames(
        [
            mention("m1", "d1", type="MOBILIZE", target="TWN", mode="drill", place=None),
            mention("m2", "d2", type="THREATEN", target="TWN", mode="missile", place=None),
        ],
        [("d1", "2026-06-09", "Reuters"), ("d2", "2026-06-09", "CNA")],
    )
    assert len(merge_stories(events, docs).stories) == 2


def test_look_alike_a_week_later_stays_apart() -> None:
    events, docs = frames(
        [
            mention("w1", "d1", date="2026-06-09"),
            mention("w2", "d2", date="2026-06-10"),
            mention("w3", "d3", date="2026-06-16"),
            mention("w4", "d4", date="2026-06-16"),
        ],
        [
            ("d1", "2026-06-09", "Reuters"),
            ("d2", "2026-06-10", "AP"),
            ("d3", "2026-06-16", "Reuters"),
            ("d4", "2026-06-17", "AP"),
        ],
    )
    state = merge_stories(events, docs)
    assert sorted(state.stories["n_mentions"]) == [2, 2]
    assert sorted(state.stories["date"]) == ["2026-06-09", "2026-06-16"]


def test_different_target_status_or_place_stay_apart() -> None:
    events, docs = frames(
        [
            mention("t1", "d1"),
            mention("t2", "d2", target="VNM"),
            mention("t3", "d3", status="denied"),
            mention("t4", "d4", place="Scarborough Shoal"),
        ],
        [(f"d{i}", "2026-06-09", "Reuters") for i in range(1, 5)],
    )
    assert len(merge_stories(events, docs).stories) == 4


def test_undated_mention_joins_only_a_single_nearby_story() -> None:
    events, docs = frames(
        [mention("u1", "d1"), mention("u2", "d2", date=None), mention("u3", "d3", date=None)],
        [("d1", "2026-06-09", "A"), ("d2", "2026-06-11", "B"), ("d3", "2026-06-20", "C")],
    )
    state = merge_stories(events, docs)
    story_of = state.mentions.set_index("event_id")["story_id"]
    assert story_of["u2"] == story_of["u1"]
    assert story_of["u3"] != story_of["u1"]
    reason = state.mentions.set_index("event_id")["reason"]["u2"]
    assert "the only story within 3 days" in reason


def test_publication_date_fallback_allows_two_days() -> None:
    events, docs = frames(
        [mention("f1", "d1", date="2026-06-09"), mention("f2", "d2", date="2026-06-11")],
        [("d1", "2026-06-09", "A"), ("d2", "2026-06-11", "B")],
    )
    state = merge_stories(events, docs)
    assert len(state.stories) == 1
    assert "(its publication date)" in state.mentions["reason"].iloc[1]


def test_a_later_document_updates_the_counts() -> None:
    events, docs = one_event()
    first = merge_stories(events.iloc[:3], docs.iloc[:3])
    assert first.stories.iloc[0]["n_mentions"] == 3
    later = merge_stories(events, docs, previous=first)
    story = later.stories.iloc[0]
    assert story["story_id"] == first.stories.iloc[0]["story_id"]
    assert (story["n_mentions"], story["n_documents"], story["last_report"]) == (
        4,
        4,
        date(2026, 6, 12),
    )


def mixed() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Two weeks of reports: the attack, its look-alike, a call and a drill."""
    call = {"type": "CONSULT", "target": "USA", "mode": "phone", "place": None}
    events, docs = one_event()
    more_events, more_docs = frames(
        [
            mention("w3", "d5", date="2026-06-16"),
            mention("w4", "d6", date="2026-06-16", place=None),
            mention("c1", "d5", date="2026-06-15", **call),
            mention("c2", "d7", date="2026-06-16", **call),
            mention("m1", "d7", type="MOBILIZE", target="TWN", date="2026-06", place=None),
        ],
        [("d5", "2026-06-16", "Reuters"), ("d6", "2026-06-17", "AP"), ("d7", "2026-06-18", "CNA")],
    )
    return pd.concat([events, more_events]), pd.concat([docs, more_docs])


def test_incremental_equals_all_at_once_and_rerun_is_idempotent() -> None:
    events, docs = mixed()
    at_once = merge_stories(events, docs)
    early = docs[docs["published"] <= date(2026, 6, 11)]["doc_id"]
    step = merge_stories(events[events["doc_id"].isin(early)], docs)
    step = merge_stories(events, docs, previous=step)
    pdt.assert_frame_equal(step.stories, at_once.stories)
    pdt.assert_frame_equal(step.mentions, at_once.mentions)
    again = merge_stories(events, docs, previous=at_once)
    pdt.assert_frame_equal(again.stories, at_once.stories)
    pdt.assert_frame_equal(again.mentions, at_once.mentions)


def test_incremental_without_earlier_events_uses_the_story() -> None:
    events, docs = one_event()
    first = merge_stories(events.iloc[:3], docs)
    later = merge_stories(events.iloc[3:], docs, previous=first)
    story = later.stories.iloc[0]
    assert (story["n_mentions"], story["n_documents"]) == (4, 4)
    assert story["first_report"] == date(2026, 6, 9)


def test_explanation_lists_each_mention_with_its_reason() -> None:
    events, docs = one_event()
    state = merge_stories(events, docs)
    story_id = state.stories.iloc[0]["story_id"]
    table = explain_story(state, story_id, events, docs)
    assert list(table.columns) == [
        "event_id",
        "doc_id",
        "publisher",
        "published",
        "date",
        "evidence",
        "reason",
    ]
    assert list(table["doc_id"]) == ["d1", "d2", "d3", "d4"]
    assert table["reason"].iloc[0] == "first mention"
    assert table["reason"].iloc[1:].str.startswith("same CHN→PHL ASSAULT").all()


def test_a_mention_between_two_stories_bridges_them_also_incrementally() -> None:
    events, docs = frames(
        [
            mention("b1", "d1", date="2026-06-09"),
            mention("b2", "d2", date="2026-06-11"),
            mention("b3", "d3", date="2026-06-10"),
        ],
        [("d1", "2026-06-12", "A"), ("d2", "2026-06-13", "B"), ("d3", "2026-06-14", "C")],
    )
    first = merge_stories(events.iloc[:2], docs)
    assert len(first.stories) == 2
    at_once = merge_stories(events, docs)
    assert len(at_once.stories) == 1
    assert at_once.stories.iloc[0]["story_id"] == story_id_of("b1")
    assert at_once.stories.iloc[0]["dates"] == ["2026-06-09", "2026-06-10", "2026-06-11"]
    reasons = at_once.mentions.set_index("event_id")["reason"]
    assert "merged in: b3 fits both" in reasons["b2"]
    step = merge_stories(events, docs, previous=first)
    pdt.assert_frame_equal(step.stories, at_once.stories)
    pdt.assert_frame_equal(step.mentions, at_once.mentions)
