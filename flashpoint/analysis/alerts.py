"""Change detection and alerts: the windows where a dyad departs from its own baseline.

Place in the pipeline: an analysis over the store's `stories` table, on top of
`flashpoint.analysis.dyads` (pure functions, DataFrame in → DataFrame out; `Workspace.alerts()`,
the `alerts` CLI command and the REST API call them).

- `detect_changes` flags the periods of one dyad series whose escalation index (a robust z-score
  of −Goldstein sum against the trailing baseline, defined in `flashpoint.analysis.dyads`) is at
  least `threshold` and that hold at least `min_events` events (so one stray event in a quiet
  dyad never alerts).
- `alerts` builds the undirected series of every dyad (the ordered pair of codes, "CHN-JPN")
  with at least `min_dyad_events` occurred stories, or of the dyads asked for, over its whole
  history (so the baseline of the first period after `since` is the real one), flags its
  periods and lists, for each flagged period, the stories that drove it: the most conflictual
  of that dyad and period (lowest Goldstein first, then material before verbal, then most
  mentioned), up to 5, with their evidence shortened to 160 characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import pandas as pd

from flashpoint.analysis.dyads import (
    baseline_stats,
    finish_series,
    group_stories,
    period_start,
    prepare_stories,
)

ALERT_COLUMNS = (
    "dyad",
    "period",
    "escalation",
    "events",
    "conflict_events",
    "goldstein_sum",
    "baseline_median",
    "drivers",
    "driver_evidence",
)
"""Columns of the frame `alerts` returns, in order."""

CHANGE_COLUMNS = (
    "period",
    "escalation",
    "events",
    "conflict_events",
    "goldstein_sum",
    "baseline_median",
)
"""Columns of the frame `detect_changes` returns, in order."""

MAX_DRIVERS = 5
"""Stories listed as the drivers of one alert."""

EVIDENCE_CHARS = 160
"""Length evidence is shortened to in `driver_evidence`."""


def detect_changes(
    series: pd.DataFrame,
    *,
    threshold: float = 3.0,
    min_events: int = 3,
    baseline: int | None = None,
    column: str | None = None,
) -> pd.DataFrame:
    """Periods of a dyad series whose escalation ≥ threshold with ≥ min_events events."""
    settings = series.attrs.get("escalation", {})
    b = baseline if baseline is not None else int(settings.get("baseline", 12))
    c = column if column is not None else str(settings.get("column", "goldstein_sum"))
    stats = baseline_stats(series, baseline=b, column=c)
    z = series["escalation"] if "escalation" in series.columns else stats["escalation"]
    median = (
        series["baseline_median"]
        if "baseline_median" in series.columns
        else stats["baseline_median"]
    )
    flagged = (z >= threshold) & (series["events"] >= min_events)
    out = pd.DataFrame(
        {
            "period": series["period"],
            "escalation": z.astype("float64"),
            "events": series["events"],
            "conflict_events": series["verbal_conflict"] + series["material_conflict"],
            "goldstein_sum": series["goldstein_sum"],
            "baseline_median": median.astype("float64"),
        }
    )
    return out[flagged.fillna(False).to_numpy(dtype=bool)].reset_index(drop=True)


def alerts(
    stories: pd.DataFrame,
    *,
    freq: str = "W",
    threshold: float = 3.0,
    dyads: Sequence[tuple[str, str]] | None = None,
    since: date | None = None,
    min_events: int = 3,
    min_dyad_events: int = 10,
    baseline: int = 12,
) -> pd.DataFrame:
    """Flagged periods of every (or the given) undirected dyad, with the stories driving them."""
    frame = prepare_stories(stories, freq)
    frame = frame[
        frame["source"].notna() & frame["target"].notna() & (frame["source"] != frame["target"])
    ]
    src = frame["source"].astype(str)
    tgt = frame["target"].astype(str)
    first = src.where(src <= tgt, tgt)
    second = tgt.where(src <= tgt, src)
    frame = frame.assign(dyad=first + "-" + second)
    if dyads is not None:
        wanted = sorted({"-".join(sorted((x, y))) for x, y in dyads})
    else:
        sizes = frame.groupby("dyad").size()
        wanted = sorted(sizes.index[sizes >= min_dyad_events])
    frame = frame[frame["dyad"].isin(wanted)]
    since_p = period_start(since, freq) if since is not None else None
    rows: list[pd.DataFrame] = []
    by_dyad = dict(iter(frame.groupby("dyad", sort=True)))
    for name in wanted:
        part = by_dyad.get(name)
        if part is None or part.empty:
            continue
        series = finish_series(group_stories(part), freq, baseline=baseline)
        flagged = detect_changes(series, threshold=threshold, min_events=min_events)
        if since_p is not None:
            flagged = flagged[flagged["period"] >= since_p]
        if flagged.empty:
            continue
        drivers, evidence = _drivers(part, flagged["period"])
        flagged = flagged.assign(
            dyad=name,
            drivers=pd.Series(drivers, index=flagged.index, dtype="object"),
            driver_evidence=pd.Series(evidence, index=flagged.index, dtype="object"),
        )
        rows.append(flagged)
    if not rows:
        return _empty()
    out = pd.concat(rows, ignore_index=True)[list(ALERT_COLUMNS)]
    return out.sort_values(["period", "dyad"], kind="stable").reset_index(drop=True)


def shorten(text: object, limit: int = EVIDENCE_CHARS) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis if cut."""
    s = " ".join(str(text).split()) if isinstance(text, str) else ""
    if len(s) <= limit:
        return s
    cut = s[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def _drivers(part: pd.DataFrame, periods: pd.Series) -> tuple[list[list[str]], list[list[str]]]:
    """Story ids and shortened evidence of the most conflictual stories of each period."""
    part = part[part["period"].isin(periods)]
    ordered = part.assign(
        _g=part["goldstein"].fillna(np.inf),
        _q=-part["quad_class"],
        _m=-pd.to_numeric(part.get("n_mentions", pd.Series(0, index=part.index))).fillna(0),
        _id=part["story_id"].astype(str) if "story_id" in part.columns else "",
    ).sort_values(["period", "_g", "_q", "_m", "_id"], kind="stable")
    ids: list[list[str]] = []
    texts: list[list[str]] = []
    grouped = dict(iter(ordered.groupby("period")))
    for period in periods:
        top = grouped.get(period, ordered.iloc[:0]).head(MAX_DRIVERS)
        ids.append([str(x) for x in top["_id"]])
        if "evidence" in top.columns:
            texts.append([shorten(x) for x in top["evidence"]])
        else:
            texts.append(["" for _ in range(len(top))])
    return ids, texts


def _empty() -> pd.DataFrame:
    """An alerts frame with no rows and the right columns and dtypes."""
    return pd.DataFrame(
        {
            "dyad": pd.Series([], dtype="object"),
            "period": pd.Series([], dtype="datetime64[ns]"),
            "escalation": pd.Series([], dtype="float64"),
            "events": pd.Series([], dtype="int64"),
            "conflict_events": pd.Series([], dtype="int64"),
            "goldstein_sum": pd.Series([], dtype="float64"),
            "baseline_median": pd.Series([], dtype="float64"),
            "drivers": pd.Series([], dtype="object"),
            "driver_evidence": pd.Series([], dtype="object"),
        }
    )
