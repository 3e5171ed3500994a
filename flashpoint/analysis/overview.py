"""What a store holds: documents by kind, publisher, issuer and month."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True, slots=True)
class Overview:
    """Counts of stored documents, each breakdown a DataFrame with a `documents` column."""

    documents: int
    first_published: pd.Timestamp | None
    last_published: pd.Timestamp | None
    by_kind: pd.DataFrame
    by_publisher: pd.DataFrame
    by_issuer: pd.DataFrame
    by_month: pd.DataFrame


def overview(documents: pd.DataFrame) -> Overview:
    """Summarise a documents frame (columns kind, publisher, issuer, published)."""
    published = pd.to_datetime(documents["published"])
    known = published.dropna()
    return Overview(
        documents=len(documents),
        first_published=known.min() if len(known) else None,
        last_published=known.max() if len(known) else None,
        by_kind=_count(documents["kind"], "kind"),
        by_publisher=_count(documents["publisher"].fillna("(unknown)"), "publisher"),
        by_issuer=_count(documents["issuer"].dropna(), "issuer"),
        by_month=_count(published.dt.strftime("%Y-%m").fillna("(undated)"), "month", by_value=True),
    )


def _count(
    values: pd.Series, name: str, *, by_value: bool = False, unit: str = "documents"
) -> pd.DataFrame:
    """Count values into a frame [name, unit], largest first (or in value order)."""
    counts = values.astype("object").value_counts(sort=not by_value)
    frame = counts.rename_axis(name).reset_index(name=unit)
    if by_value:
        frame = frame.sort_values(name, kind="stable").reset_index(drop=True)
    else:
        frame = frame.sort_values([unit, name], ascending=[False, True], kind="stable").reset_index(
            drop=True
        )
    frame[unit] = frame[unit].astype("int64")
    return frame


@dataclass(frozen=True, slots=True)
class EventOverview:
    """Counts of coded events: by PLOVER type, by directed dyad, and a sample to read."""

    events: int
    by_type: pd.DataFrame
    by_dyad: pd.DataFrame
    sample: pd.DataFrame


def event_overview(events: pd.DataFrame, *, sample: int = 12) -> EventOverview:
    """Summarise an events frame (columns type, source, target, date, status, evidence)."""
    dyads = events["source"].fillna("?") + " → " + events["target"].fillna("-")
    shown = events.assign(dyad=dyads).sort_values(
        ["date", "source"], na_position="last", kind="stable"
    )
    sample_frame = shown[["date", "dyad", "type", "status", "evidence"]].head(sample).copy()
    return EventOverview(
        events=len(events),
        by_type=_count(events["type"], "type", unit="events"),
        by_dyad=_count(dyads, "dyad", unit="events").head(10),
        sample=sample_frame.reset_index(drop=True),
    )
