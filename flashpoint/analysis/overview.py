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


def _count(values: pd.Series, name: str, *, by_value: bool = False) -> pd.DataFrame:
    """Count values into a frame [name, documents], largest first (or in value order)."""
    counts = values.astype("object").value_counts(sort=not by_value)
    frame = counts.rename_axis(name).reset_index(name="documents")
    if by_value:
        frame = frame.sort_values(name, kind="stable").reset_index(drop=True)
    else:
        frame = frame.sort_values(
            ["documents", name], ascending=[False, True], kind="stable"
        ).reset_index(drop=True)
    frame["documents"] = frame["documents"].astype("int64")
    return frame
