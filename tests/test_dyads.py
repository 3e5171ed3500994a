"""Dyad series, the escalation index, change detection and alerts, on small hand-built stories."""

from __future__ import annotations

import math
from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd
import pytest

from flashpoint.analysis.alerts import ALERT_COLUMNS, alerts, detect_changes, shorten
from flashpoint.analysis.dyads import dyad_series, dyad_sql, escalation_index

MONDAY = date(2025, 1, 6)


def story(
    story_id: str,
    source: str,
    target: str | None,
    type: str,
    quad: int,
    goldstein: float,
    day: str | None,
    *,
    status: str = "occurred",
    mentions: int = 1,
    first_report: str | None = None,
    evidence: str = "",
) -> dict[str, object]:
    """One stories row with the columns the dyad analyses read."""
    return {
        "story_id": story_id,
        "source": source,
        "target": target,
        "type": type,
        "quad_class": quad,
        "goldstein": goldstein,
        "date": day,
        "date_precision": None if day is None else ("month" if len(day) == 7 else "day"),
        "status": status,
        "n_mentions": mentions,
        "first_report": pd.Timestamp(first_report or day or "2025-01-01"),
        "evidence": evidence or f"evidence of {story_id}",
    }


@pytest.fixture
def stories() -> pd.DataFrame:
    """Stories between CHN and JPN (and others) in January-February 2025."""
    rows = [
        story("s1", "CHN", "JPN", "ACCUSE", 3, -2.0, "2025-01-06", mentions=3),
        story("s2", "JPN", "CHN", "CONSULT", 1, 1.0, "2025-01-08"),
        story("s3", "CHN", "JPN", "ACCUSE", 3, -2.0, "2025-01-08", mentions=2),
        # week of 13 January: nothing; week of 20 January:
        story("s4", "CHN", "JPN", "ASSAULT", 4, -10.0, "2025-01-22", mentions=10),
        story("s5", "JPN", "CHN", "AID", 2, 7.0, "2025-01-24"),
        # month precision: counted on 1 February (a Saturday, week of 27 January)
        story("s6", "CHN", "JPN", "SANCTION", 4, -8.0, "2025-02", mentions=4),
        # excluded: not occurred
        story("p1", "CHN", "JPN", "THREATEN", 3, -7.0, "2025-01-07", status="planned"),
        story("p2", "CHN", "JPN", "ASSAULT", 4, -10.0, "2025-01-07", status="hypothetical"),
        story("p3", "JPN", "CHN", "ASSAULT", 4, -10.0, "2025-01-21", status="denied"),
        # other dyads
        story("o1", "CHN", "USA", "ACCUSE", 3, -2.0, "2025-01-08"),
        story("o2", "USA", "JPN", "CONSULT", 1, 1.0, "2025-01-09"),
        # no date: counted on its first report
        story("u1", "KOR", "JPN", "CONSULT", 1, 1.0, None, first_report="2025-01-15"),
    ]
    return pd.DataFrame(rows)


def test_weekly_counts_by_quad_and_type(stories: pd.DataFrame) -> None:
    s = dyad_series(stories, "CHN", "JPN", freq="W")
    assert list(s["period"]) == list(pd.date_range("2025-01-06", "2025-01-27", freq="W-MON"))
    assert s["period"].dtype == "datetime64[ns]"
    assert list(s["events"]) == [3, 0, 2, 1]
    assert list(s["verbal_coop"]) == [1, 0, 0, 0]
    assert list(s["material_coop"]) == [0, 0, 1, 0]
    assert list(s["verbal_conflict"]) == [2, 0, 0, 0]
    assert list(s["material_conflict"]) == [0, 0, 1, 1]
    assert [c for c in s.columns if c.startswith("type_")] == [
        "type_CONSULT", "type_AID", "type_ACCUSE", "type_SANCTION", "type_ASSAULT",
    ]  # fmt: skip
    assert list(s["type_ACCUSE"]) == [2, 0, 0, 0]
    assert list(s["type_SANCTION"]) == [0, 0, 0, 1]
    assert list(s["goldstein_sum"]) == [-3.0, 0.0, -3.0, -8.0]
    assert s["goldstein_mean"].iloc[0] == pytest.approx(-1.0)
    assert math.isnan(s["goldstein_mean"].iloc[1])
    assert s["conflict_share"].iloc[0] == pytest.approx(2 / 3)
    assert math.isnan(s["conflict_share"].iloc[1])
    assert s["conflict_share"].iloc[2] == pytest.approx(0.5)
    assert s["escalation"].isna().all()  # shorter than the baseline
    assert s["events"].dtype == "int64"


def test_daily_and_monthly(stories: pd.DataFrame) -> None:
    d = dyad_series(stories, "CHN", "JPN", freq="D")
    assert d["period"].iloc[0] == pd.Timestamp("2025-01-06")
    assert d["period"].iloc[-1] == pd.Timestamp("2025-02-01")  # the month-precision story
    assert len(d) == 27
    by_day = dict(zip(d["period"].dt.strftime("%m-%d"), d["events"], strict=True))
    assert by_day["01-06"] == 1 and by_day["01-07"] == 0 and by_day["01-08"] == 2
    assert by_day["02-01"] == 1 and sum(by_day.values()) == 6
    m = dyad_series(stories, "CHN", "JPN", freq="M")
    assert list(m["period"]) == [pd.Timestamp("2025-01-01"), pd.Timestamp("2025-02-01")]
    assert list(m["events"]) == [5, 1]
    assert list(m["material_conflict"]) == [1, 1]
    assert list(m["goldstein_sum"]) == [-6.0, -8.0]


def test_directed_and_undirected(stories: pd.DataFrame) -> None:
    both = dyad_series(stories, "JPN", "CHN", freq="W")
    assert list(both["events"]) == [3, 0, 2, 1]  # order of a and b does not matter
    chn_jpn = dyad_series(stories, "CHN", "JPN", freq="W", directed=True)
    assert list(chn_jpn["events"]) == [2, 0, 1, 1]
    assert "type_CONSULT" not in chn_jpn.columns
    jpn_chn = dyad_series(stories, "JPN", "CHN", freq="W", directed=True)
    assert list(jpn_chn["period"]) == [pd.Timestamp("2025-01-06"), pd.Timestamp("2025-01-13"),
                                       pd.Timestamp("2025-01-20")]  # fmt: skip
    assert list(jpn_chn["events"]) == [1, 0, 1]
    assert list(jpn_chn["goldstein_sum"]) == [1.0, 0.0, 7.0]


def test_zero_filled_gaps_and_bounds(stories: pd.DataFrame) -> None:
    s = dyad_series(
        stories, "CHN", "JPN", freq="W", since=date(2024, 12, 25), until=date(2025, 2, 12)
    )
    assert s["period"].iloc[0] == pd.Timestamp("2024-12-23")
    assert s["period"].iloc[-1] == pd.Timestamp("2025-02-10")
    assert list(s["events"]) == [0, 0, 3, 0, 2, 1, 0, 0]
    assert (s.drop(columns=["period", "goldstein_mean", "conflict_share", "escalation"])
            .iloc[[0, 1, 3, 6, 7]] == 0).all().all()  # fmt: skip
    cut = dyad_series(stories, "CHN", "JPN", freq="W", until=date(2025, 1, 19))
    assert list(cut["events"]) == [3, 0]
    none = dyad_series(stories, "CHN", "FRA", freq="W")
    assert none.empty and "escalation" in none.columns


def test_mention_weights(stories: pd.DataFrame) -> None:
    s = dyad_series(stories, "CHN", "JPN", freq="W", weight="n_mentions")
    assert list(s["events"]) == [6.0, 0.0, 11.0, 4.0]
    assert list(s["verbal_conflict"]) == [5.0, 0.0, 0.0, 0.0]
    assert list(s["goldstein_sum"]) == [-9.0, 0.0, -93.0, -32.0]
    assert s["goldstein_mean"].iloc[2] == pytest.approx(-93.0 / 11.0)
    assert s["conflict_share"].iloc[0] == pytest.approx(5 / 6)
    assert s["events"].dtype == "float64"


def test_non_occurred_and_undated(stories: pd.DataFrame) -> None:
    s = dyad_series(stories, "CHN", "JPN", freq="D")
    assert s.loc[s["period"] == pd.Timestamp("2025-01-07"), "events"].item() == 0
    assert s["events"].sum() == 6
    kor = dyad_series(stories, "KOR", "JPN", freq="W")
    assert list(kor["period"]) == [pd.Timestamp("2025-01-13")]  # first report 2025-01-15


def frame(goldstein: list[float], events: list[int]) -> pd.DataFrame:
    """A bare series with the columns the index reads."""
    periods = pd.date_range("2025-01-06", periods=len(goldstein), freq="W-MON")
    return pd.DataFrame({"period": periods, "events": events, "goldstein_sum": goldstein})


def test_index_formula_by_hand() -> None:
    # the module docstring's worked example, baseline 4
    s = frame([10, 2, 6, -4, -20], [2, 1, 1, 1, 6])
    z = escalation_index(s, baseline=4)
    assert z.iloc[:4].isna().all()
    # x = -10, -2, -6, 4; median -4; |x - m| = 6, 2, 2, 8 → MAD 4; 1.4826·4 = 5.9304
    # noise 5·√(5/4) = 5.5902 < 5.9304; x_t = 20 → (20 + 4) / 5.9304
    assert z.iloc[4] == pytest.approx(24 / 5.9304)
    # quiet dyad: all-zero baseline, MAD 0 and no events → the floor 3
    quiet = escalation_index(frame([0, 0, 0, 0, -9], [0, 0, 0, 0, 1]), baseline=4)
    assert quiet.iloc[4] == pytest.approx(3.0)
    # busy stable dyad: 16 events a week → noise 5·√16 = 20 beats 1.4826·MAD = 1.4826
    busy = escalation_index(frame([20, 22, 21, 19, 5], [16] * 5), baseline=4)
    assert busy.iloc[4] == pytest.approx((-5 + 20.5) / 20)
    # cooperation above the baseline is negative
    calm = escalation_index(frame([10, 2, 6, -4, 30], [2, 1, 1, 1, 5]), baseline=4)
    assert calm.iloc[4] == pytest.approx((-30 + 4) / 5.9304)
    # a count column is taken as is: conflict counts 1, 3, 2, 2 → m 2, MAD 0.5 → 0.7413;
    # floor 1; noise √2 = 1.4142 → s = 1.4142; this week 6 → (6 - 2) / 1.4142
    counts = frame([0] * 5, [0] * 5).assign(material_conflict=[1, 3, 2, 2, 6])
    zc = escalation_index(counts, baseline=4, column="material_conflict")
    assert zc.iloc[4] == pytest.approx(4 / math.sqrt(2))
    # rolling: each window has its own trailing baseline (weeks 5 and 6 below)
    roll = escalation_index(frame([0, 0, 0, 0, -9, 0], [0, 0, 0, 0, 1, 0]), baseline=4)
    # week 6: baseline 0, 0, 0, 9 → m 0, MAD 0, noise 5·√(1/4) = 2.5 < floor 3 → 0 / 3
    assert roll.iloc[5] == pytest.approx(0.0)


def weekly_stories(
    counts: list[int], *, conflict_from: int | None = None, extra: int = 0
) -> pd.DataFrame:
    """CHN-JPN stories: counts[i] CONSULTs (+1.0) in week i, `extra` ASSAULTs in one week."""
    rows = []
    for week, n in enumerate(counts):
        day = MONDAY + timedelta(weeks=week)
        for k in range(n):
            rows.append(story(f"c{week}-{k}", "CHN", "JPN", "CONSULT", 1, 1.0, day.isoformat()))
    if conflict_from is not None:
        day = MONDAY + timedelta(weeks=conflict_from, days=2)
        for k in range(extra):
            rows.append(
                story(f"x{k}", "JPN", "CHN", "ASSAULT", 4, -10.0 + k, day.isoformat(),
                      mentions=k + 1, evidence=f"Troops fired shots number {k} " + "x" * 200)
            )  # fmt: skip
    return pd.DataFrame(rows)


def test_change_detection_on_injected_jump() -> None:
    rng = np.random.default_rng(3)
    counts = list(rng.poisson(4, 30))
    st = weekly_stories(counts, conflict_from=20, extra=6)
    s = dyad_series(st, "CHN", "JPN", freq="W")
    flagged = detect_changes(s)
    assert list(flagged.columns) == [
        "period", "escalation", "events", "conflict_events", "goldstein_sum", "baseline_median",
    ]  # fmt: skip
    assert list(flagged["period"]) == [pd.Timestamp(MONDAY + timedelta(weeks=20))]
    row = flagged.iloc[0]
    assert row["conflict_events"] == 6 and row["escalation"] >= 3
    assert row["baseline_median"] == pytest.approx(np.median(counts[8:20]))
    assert detect_changes(s, threshold=100).empty
    assert detect_changes(s, min_events=100).empty


def test_no_alert_on_flat_or_stable_series() -> None:
    flat = dyad_series(weekly_stories([5] * 40), "CHN", "JPN")
    assert (flat["escalation"].dropna() == 0).all()
    assert detect_changes(flat).empty
    rng = np.random.default_rng(5)
    stable = dyad_series(weekly_stories(list(rng.poisson(6, 52))), "CHN", "JPN")
    assert len(detect_changes(stable)) <= 1


def test_alert_drivers() -> None:
    counts = [4, 5, 3, 4, 4, 5, 4, 3, 4, 5, 4, 4, 5, 4, 3, 4, 4, 5]
    st = weekly_stories(counts, conflict_from=15, extra=7)
    st = pd.concat([st, pd.DataFrame([story("q", "USA", "KOR", "CONSULT", 1, 1.0, "2025-01-06")])])
    out = alerts(st, freq="W")
    assert list(out.columns) == list(ALERT_COLUMNS)
    assert len(out) == 1
    row = out.iloc[0]
    assert row["dyad"] == "CHN-JPN"
    assert row["period"] == pd.Timestamp(MONDAY + timedelta(weeks=15))
    assert row["events"] == 4 + 7 and row["conflict_events"] == 7
    assert row["goldstein_sum"] == pytest.approx(4 + sum(-10.0 + k for k in range(7)))
    assert row["baseline_median"] == pytest.approx(4.0)
    assert row["drivers"] == ["x0", "x1", "x2", "x3", "x4"]  # lowest Goldstein first, up to 5
    assert len(row["driver_evidence"]) == 5
    assert row["driver_evidence"][0].startswith("Troops fired shots number 0")
    assert len(row["driver_evidence"][0]) <= 160 and row["driver_evidence"][0].endswith("…")
    # the given dyads, in either order; `since` after the alert; a threshold too high
    assert len(alerts(st, dyads=[("JPN", "CHN")])) == 1
    assert alerts(st, dyads=[("USA", "KOR")]).empty
    assert alerts(st, since=MONDAY + timedelta(weeks=16)).empty
    empty = alerts(st, threshold=1000)
    assert empty.empty and list(empty.columns) == list(ALERT_COLUMNS)


def test_shorten() -> None:
    assert shorten("short  text\n") == "short text"
    long = shorten("word " * 100, 40)
    assert len(long) <= 40 and long.endswith("word…")
    assert shorten(None) == ""


@pytest.mark.parametrize(
    ("freq", "directed", "weight"),
    [("W", False, None), ("W", True, None), ("D", False, "n_mentions"), ("M", False, None),
     ("W", False, "n_mentions")],
)  # fmt: skip
def test_sql_path_equals_pandas_path(
    stories: pd.DataFrame, freq: str, directed: bool, weight: str | None
) -> None:
    rng = np.random.default_rng(1)
    noise = weekly_stories(list(rng.poisson(3, 30)), conflict_from=25, extra=4)
    both = pd.concat([stories, noise], ignore_index=True)
    con = duckdb.connect()
    con.register("frame", both.assign(first_report=both["first_report"].dt.date))
    con.execute("CREATE TABLE stories AS SELECT * FROM frame")
    for since, until in [(None, None), (date(2025, 2, 3), date(2025, 6, 30))]:
        expected = dyad_series(both, "CHN", "JPN", freq=freq, directed=directed, weight=weight,
                               since=since, until=until)  # fmt: skip
        got = dyad_sql(con, "CHN", "JPN", freq=freq, directed=directed, weight=weight,
                       since=since, until=until)  # fmt: skip
        pd.testing.assert_frame_equal(got, expected)
        assert got["escalation"].notna().any() or freq == "M"
    with pytest.raises(ValueError):
        dyad_sql(con, "CHN", "JPN", table="stories; DROP TABLE stories")
    with pytest.raises(ValueError):
        dyad_series(stories, "CHN", "JPN", freq="Q")
