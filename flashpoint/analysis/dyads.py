"""Dyad measures: cooperation and conflict series per pair of states, and an escalation index.

Place in the pipeline: an analysis over the store's `stories` table (pure functions, DataFrame
in → DataFrame out; the CLI, the REST API and notebooks call them). Stories are merged
real-world events, so one event reported forty times counts once; its `n_mentions` can be used
as a weight instead. `flashpoint.analysis.alerts` flags the windows this module's index marks.

Rules of the series (`dyad_series`, and `dyad_sql` which computes the same in DuckDB):

- **Which stories.** Only `status == "occurred"` (planned, hypothetical and denied events do not
  count). Directed: `source == a and target == b`; undirected: both directions.
- **Which period.** A story's date is its `date` (`YYYY-MM-DD`); a month-precision date
  (`YYYY-MM`) counts in its month, and for daily and weekly series it is put on the month's
  first day (so on that day, or in the week holding it). A story with no usable date falls
  back to its `first_report` (the day it was first published); with neither it is left out.
  Periods start on the day (`D`), on Monday (`W`) or on the month's first day (`M`).
- **Which periods.** Every period from the first (or `since`'s) to the last (or `until`'s),
  those with no events included as zeros. `since`/`until` select whole periods: the periods
  holding those days and everything between.
- **Columns.** `events`; one count per quad class (`verbal_coop` 1, `material_coop` 2,
  `verbal_conflict` 3, `material_conflict` 4); `type_<PLOVER>` per type present in the dyad;
  `goldstein_sum` and `goldstein_mean` (over events with a Goldstein score; NaN when none);
  `conflict_share` (quad 3 + 4 over events; NaN when none); `escalation` (below). With
  `weight="n_mentions"` every count and sum is weighted by that column (the mean is then the
  mention-weighted mean) and counts are floats.

The escalation index (`escalation_index`), for period t with `baseline` = B:

    x_t   = -goldstein_sum_t    (a column named goldstein* is negated; any other column, such
                                 as the conflict count or the conflict share, is taken as is,
                                 so positive always means more conflictual)
    m_t   = median(x_{t-B}, ..., x_{t-1})          the trailing baseline, current window excluded
    MAD_t = median(|x_{t-i} - m_t|, i = 1..B)
    s_t   = max(1.4826 * MAD_t, floor, noise_t)
    z_t   = (x_t - m_t) / s_t

    floor   = 3.0 for goldstein*, 0.1 for a share, 1.0 otherwise (one event)
    noise_t = 5.0 * sqrt(mean(events_{t-B}, ..., events_{t-1}))   for goldstein*
              sqrt(mean(column over the baseline))                for a count column
              0                                                    for a share

z_t is NaN for the first B periods (no full baseline), when x_t is missing, or when fewer than
3 baseline values are known (empty weeks of `conflict_share`). 1.4826 makes the MAD a
consistent estimate of the standard deviation for normal data. The floor keeps quiet dyads,
whose baseline is all zeros (MAD 0), from turning one event into an infinite score. The noise
term is the Poisson noise of the window: a sum of N ~ Poisson(λ) event scores of root mean
square 5 (about that of CAMEO-coded news) has standard deviation 5·√λ. With only 12 baseline
values the MAD alone is so noisy that a stable Gaussian series crosses z = 3 once a year;
with the noise term a stable Poisson dyad crosses it about once in five years
(`benchmarks/dyads.py`).

Worked example (B = 4; goldstein_sum of the last four weeks 10, 2, 6, -4 from 2, 1, 1, 1 events;
this week -20): x = -10, -2, -6, 4 → m = median(-10, -6, -2, 4) = -4; deviations 6, 2, 2, 8 →
MAD = 4; noise = 5 · √1.25 = 5.590; s = max(1.4826 · 4, 3.0, 5.590) = 5.9304; x_t = 20 →
z = (20 - (-4)) / 5.9304 = 4.047 (an alert at the default threshold 3). A quiet dyad (baseline
all 0, no events) with one week at -9: m = 0, MAD = 0, noise = 0, s = floor = 3.0,
z = 9 / 3 = 3.0. A busy stable dyad (16 events a week, goldstein_sum 20, 22, 21, 19; this week
5): x = -20, -22, -21, -19 → m = -20.5, MAD = 1, s = max(1.4826, 3, 5 · 4 = 20) = 20,
z = (-5 + 20.5) / 20 = 0.775 — a drop of 15.5 is within the noise of 16 events.
"""

from __future__ import annotations

import re
import warnings
from datetime import date
from typing import Any, Literal

import numpy as np
import pandas as pd

from flashpoint.codes.cameo import PLOVER_TYPES

Freq = Literal["D", "W", "M"]

QUAD_COLUMNS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
"""Count columns of quad classes 1-4, in order."""

MAD_SCALE = 1.4826
"""Factor making the median absolute deviation estimate a normal standard deviation."""

RMS_GOLDSTEIN = 5.0
"""Root-mean-square Goldstein score of an event, for the Poisson noise floor of Goldstein sums."""

MIN_BASELINE_VALUES = 3
"""Known values a baseline window needs for the index to be computed."""

_RANGE_FREQ = {"D": "D", "W": "W-MON", "M": "MS"}
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$")


def default_floor(column: str) -> float:
    """The floor on the scaled MAD for an index on `column` (see the module docstring)."""
    if column.startswith("goldstein"):
        return 3.0
    if column.endswith("share"):
        return 0.1
    return 1.0


def escalation_sign(column: str) -> float:
    """-1 for Goldstein columns (lower is more conflictual), +1 for any other column."""
    return -1.0 if column.startswith("goldstein") else 1.0


def baseline_stats(
    series: pd.DataFrame,
    *,
    baseline: int = 12,
    column: str = "goldstein_sum",
    floor: float | None = None,
) -> pd.DataFrame:
    """Trailing baseline of `column` per period: median (in the column's units), scale and z."""
    if baseline < 1:
        raise ValueError(f"baseline must be at least 1, not {baseline}")
    if column not in series.columns:
        raise KeyError(f"no column {column!r} in the series")
    sign = escalation_sign(column)
    floor_value = default_floor(column) if floor is None else floor
    x = sign * series[column].to_numpy(dtype="float64")
    n = len(x)
    med = np.full(n, np.nan)
    scale = np.full(n, np.nan)
    if n > baseline:
        windows = np.lib.stride_tricks.sliding_window_view(x, baseline)[: n - baseline]
        known = np.sum(~np.isnan(windows), axis=1)
        ok = known >= min(MIN_BASELINE_VALUES, baseline)
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            m = np.nanmedian(windows, axis=1)
            mad = np.nanmedian(np.abs(windows - m[:, None]), axis=1)
        med[baseline:] = np.where(ok, m, np.nan)
        noise = _poisson_noise(series, column, baseline)
        spread = np.maximum(np.maximum(MAD_SCALE * mad, floor_value), noise)
        scale[baseline:] = np.where(ok, spread, np.nan)
    z = (x - med) / scale + 0.0  # + 0.0 turns -0.0 into 0.0
    return pd.DataFrame(
        {"baseline_median": sign * med, "baseline_scale": scale, "escalation": z},
        index=series.index,
    )


def _poisson_noise(series: pd.DataFrame, column: str, baseline: int) -> np.ndarray:
    """Poisson noise of `column` per period from the mean events of its trailing baseline."""
    n = len(series)
    if column.endswith("share") or "events" not in series.columns or n <= baseline:
        return np.zeros(max(n - baseline, 0))
    source = "events" if column.startswith("goldstein") else column
    counts = np.clip(series[source].to_numpy(dtype="float64"), 0, None)
    windows = np.lib.stride_tricks.sliding_window_view(counts, baseline)[: n - baseline]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        mean = np.nanmean(windows, axis=1)
    factor = RMS_GOLDSTEIN if column.startswith("goldstein") else 1.0
    noise: np.ndarray = np.nan_to_num(factor * np.sqrt(mean))
    return noise


def escalation_index(
    series: pd.DataFrame, *, baseline: int = 12, column: str = "goldstein_sum"
) -> pd.Series:
    """Robust z-score of each period against its trailing `baseline` periods (module docstring)."""
    stats = baseline_stats(series, baseline=baseline, column=column)
    return stats["escalation"].rename("escalation")


def dyad_series(
    stories: pd.DataFrame,
    a: str,
    b: str,
    *,
    freq: str = "W",
    directed: bool = False,
    weight: str | None = None,
    since: date | None = None,
    until: date | None = None,
    baseline: int = 12,
) -> pd.DataFrame:
    """Counts by quad class and type, Goldstein and escalation per period for the dyad a-b."""
    f = _check_freq(freq)
    frame = prepare_stories(stories, f, weight=weight)
    if directed:
        mask = (frame["source"] == a) & (frame["target"] == b)
    else:
        mask = ((frame["source"] == a) & (frame["target"] == b)) | (
            (frame["source"] == b) & (frame["target"] == a)
        )
    frame = frame[mask]
    until_p = period_start(until, f) if until is not None else None
    if until_p is not None:
        frame = frame[frame["period"] <= until_p]
    return finish_series(
        group_stories(frame),
        f,
        since=period_start(since, f) if since is not None else None,
        until=until_p,
        weighted=weight is not None,
        baseline=baseline,
    )


def dyad_sql(
    con: Any,
    a: str,
    b: str,
    *,
    table: str = "stories",
    freq: str = "W",
    directed: bool = False,
    weight: str | None = None,
    since: date | None = None,
    until: date | None = None,
    baseline: int = 12,
) -> pd.DataFrame:
    """`dyad_series` computed by a group-by in DuckDB on `table` of connection `con`."""
    f = _check_freq(freq)
    if not _IDENT.match(table):
        raise ValueError(f"not a table name: {table!r}")
    columns = {d[0] for d in con.execute(f"SELECT * FROM {table} LIMIT 0").description}
    if weight is not None and (weight not in columns or not _IDENT.match(weight)):
        raise KeyError(f"no weight column {weight!r} in {table}")
    w = f"CAST({weight} AS DOUBLE)" if weight is not None else "1"
    fallback = "CAST(first_report AS TIMESTAMP)" if "first_report" in columns else "NULL::TIMESTAMP"
    unit = {"D": "day", "W": "week", "M": "month"}[f]
    if directed:
        where = "(source = $a AND target = $b)"
    else:
        where = "((source = $a AND target = $b) OR (source = $b AND target = $a))"
    params: dict[str, object] = {"a": a, "b": b}
    until_p = period_start(until, f) if until is not None else None
    cut = ""
    if until_p is not None:
        cut = "AND period <= $until"
        params["until"] = until_p.to_pydatetime()
    sql = f"""
        WITH s AS (
            SELECT
                COALESCE(CAST(quad_class AS INTEGER), 0) AS quad_class,
                COALESCE(type, '') AS type,
                CAST(goldstein AS DOUBLE) AS goldstein,
                {w} AS w,
                date_trunc('{unit}', COALESCE(
                    CASE length(date)
                        WHEN 10 THEN try_strptime(date, '%Y-%m-%d')
                        WHEN 7 THEN try_strptime(date || '-01', '%Y-%m-%d')
                    END,
                    {fallback})) AS period
            FROM {table}
            WHERE status = 'occurred' AND {where}
        )
        SELECT
            CAST(period AS TIMESTAMP) AS period, quad_class, type,
            SUM(w) AS n,
            SUM(CASE WHEN goldstein IS NOT NULL THEN w * goldstein ELSE 0 END) AS gsum,
            SUM(CASE WHEN goldstein IS NOT NULL THEN w ELSE 0 END) AS gn
        FROM s
        WHERE period IS NOT NULL {cut}
        GROUP BY ALL
    """
    groups = con.execute(sql, params).df()
    groups["period"] = pd.to_datetime(groups["period"]).astype("datetime64[ns]")
    groups["quad_class"] = groups["quad_class"].astype("int64")
    return finish_series(
        groups[["period", "quad_class", "type", "n", "gsum", "gn"]],
        f,
        since=period_start(since, f) if since is not None else None,
        until=until_p,
        weighted=weight is not None,
        baseline=baseline,
    )


def prepare_stories(stories: pd.DataFrame, freq: str, *, weight: str | None = None) -> pd.DataFrame:
    """Occurred stories with their `period` and weight `w` (the module's date rules)."""
    f = _check_freq(freq)
    frame = stories[stories["status"] == "occurred"]
    raw = frame["date"].astype("string")
    day = pd.to_datetime(raw.where(raw.str.len() == 10), format="%Y-%m-%d", errors="coerce")
    month = pd.to_datetime(
        (raw + "-01").where(raw.str.len() == 7), format="%Y-%m-%d", errors="coerce"
    )
    when = day.fillna(month)
    if "first_report" in frame.columns:
        when = when.fillna(pd.to_datetime(frame["first_report"], errors="coerce"))
    when = pd.to_datetime(when).astype("datetime64[ns]")
    out = pd.DataFrame(
        {
            "source": frame["source"],
            "target": frame["target"],
            "quad_class": pd.to_numeric(frame["quad_class"], errors="coerce")
            .fillna(0)
            .astype("int64"),
            "type": frame["type"].fillna("").astype("object"),
            "goldstein": pd.to_numeric(frame["goldstein"], errors="coerce").astype("float64"),
            "w": (
                pd.to_numeric(frame[weight], errors="coerce").fillna(0).astype("float64")
                if weight is not None
                else 1.0
            ),
            "period": _floor_periods(when, f),
        },
        index=frame.index,
    )
    for extra in ("story_id", "evidence", "n_mentions"):
        if extra in frame.columns:
            out[extra] = frame[extra]
    return out[out["period"].notna()]


def group_stories(frame: pd.DataFrame) -> pd.DataFrame:
    """Sum prepared stories by (period, quad_class, type): n, gsum and gn (weights with a score)."""
    scored = frame["goldstein"].notna()
    return (
        pd.DataFrame(
            {
                "period": frame["period"],
                "quad_class": frame["quad_class"],
                "type": frame["type"],
                "n": frame["w"],
                "gsum": (frame["w"] * frame["goldstein"]).where(scored, 0.0),
                "gn": frame["w"].where(scored, 0.0),
            }
        )
        .groupby(["period", "quad_class", "type"], as_index=False, sort=True)
        .sum()
    )


def finish_series(
    groups: pd.DataFrame,
    freq: str,
    *,
    since: pd.Timestamp | None = None,
    until: pd.Timestamp | None = None,
    weighted: bool = False,
    baseline: int = 12,
) -> pd.DataFrame:
    """Pivot grouped sums into the zero-filled series with its escalation index."""
    f = _check_freq(freq)
    periods = groups["period"]
    first = periods.min() if len(groups) else None
    last = periods.max() if len(groups) else None
    bounds = [x for x in (first, since) if x is not None]
    start = min(bounds) if bounds else None
    end = until if until is not None else (last if last is not None else since)
    index = pd.DatetimeIndex([], dtype="datetime64[ns]", name="period")
    if start is not None and end is not None and start <= end:
        index = pd.DatetimeIndex(
            pd.date_range(start, end, freq=_RANGE_FREQ[f], name="period"), dtype="datetime64[ns]"
        )

    size = len(index)
    pos = index.get_indexer(pd.DatetimeIndex(groups["period"]).astype("datetime64[ns]"))
    keep = pos >= 0
    pos = pos[keep]
    n = groups["n"].to_numpy(dtype="float64")[keep]

    def total(values: np.ndarray) -> np.ndarray:
        return np.bincount(pos, weights=values, minlength=size).astype("float64")

    quad = groups["quad_class"].to_numpy()[keep]
    kind = groups["type"].to_numpy(dtype=object)[keep]
    columns: dict[str, np.ndarray] = {"events": total(n)}
    for q, name in enumerate(QUAD_COLUMNS, start=1):
        columns[name] = total(np.where(quad == q, n, 0.0))
    order = {t: i for i, t in enumerate(PLOVER_TYPES)}
    present = sorted({str(t) for t in kind if t}, key=lambda t: (order.get(t, len(order)), t))
    for t in present:
        columns[f"type_{t}"] = total(np.where(kind == t, n, 0.0))
    if not weighted:
        columns = {k: np.rint(v).astype("int64") for k, v in columns.items()}
    gsum = total(groups["gsum"].to_numpy(dtype="float64")[keep])
    gn = total(groups["gn"].to_numpy(dtype="float64")[keep])
    events = columns["events"].astype("float64")
    conflict = (columns["verbal_conflict"] + columns["material_conflict"]).astype("float64")
    with np.errstate(all="ignore"):
        mean = np.where(gn > 0, gsum / np.where(gn > 0, gn, 1.0), np.nan)
        share = np.where(events > 0, conflict / np.where(events > 0, events, 1.0), np.nan)
    out = pd.DataFrame(
        {
            "period": index,
            **columns,
            "goldstein_sum": gsum,
            "goldstein_mean": mean,
            "conflict_share": share,
        }
    )
    out["escalation"] = escalation_index(out, baseline=baseline).to_numpy()
    if since is not None:
        out = out[out["period"] >= since].reset_index(drop=True)
    out.attrs["escalation"] = {"baseline": baseline, "column": "goldstein_sum"}
    return out


def period_start(day: date | pd.Timestamp, freq: str) -> pd.Timestamp:
    """The start of the period (D, W from Monday, M) holding `day`."""
    f = _check_freq(freq)
    ts = pd.Timestamp(day).normalize()
    if f == "W":
        return ts - pd.Timedelta(days=ts.weekday())
    if f == "M":
        return ts.replace(day=1)
    return ts


def _floor_periods(when: pd.Series, freq: Freq) -> pd.Series:
    """Vectorised `period_start` over a datetime64 series (NaT stays NaT)."""
    day: pd.Series = when.dt.normalize()
    if freq == "W":
        day = day - pd.to_timedelta(day.dt.day_of_week, unit="D")
    elif freq == "M":
        day = day - pd.to_timedelta(day.dt.day - 1, unit="D")
    return day


def _check_freq(freq: str) -> Freq:
    """Validate a frequency code: D, W or M."""
    if freq == "D":
        return "D"
    if freq == "W":
        return "W"
    if freq == "M":
        return "M"
    raise ValueError(f"freq must be D, W or M, not {freq!r}")
