"""Story merging (capability 3), the step after event coding: event mentions from different
documents that report one real-world event become one story with its mentions, counts of
documents and publishers, first and last report, and the best-supported value of each field.

Pipeline place: ingest stores `documents`, the coder stores `events` (one row per event coded in
one document); this module takes both frames and returns the `stories` and `mentions` tables
(`flashpoint.schema.STORIES` / `MENTIONS`), which the caller writes. Pure functions: nothing
here touches the store.

A mention joins a story only when every rule holds:

- same (source, target, type) and the same status (occurred with occurred, planned with planned,
  hypothetical with hypothetical; denied reports stay apart from the rest);
- dates compatible: two day dates at most 1 day apart (2 when the mention's date is its own
  publication date, the coder's fallback), and the story's stated days then span at most 2 days;
  a day and a month agree when the day lies in the month; an undated mention joins only when
  everything else matches and exactly one story lies within its publication date ± 3 days (an
  undated story is placed by its reports' publication dates the same way);
- places compatible: both named → same name or same country; one missing → fine;
- no other mention of the same document is in the story (the coder already merged one document's
  reports of one event into one mention).

Among the compatible stories the mention joins the best: date closeness + place agreement +
evidence overlap (the share of the mention's content words the story's evidence already has);
ties go to the earliest story. When a day-dated mention fits several stories of its block that
can be one event together (day dates spanning at most 2 days, no shared document, compatible
places), it bridges them: the later stories are merged into the earliest and their mentions say
so. The reason column says which rules matched and the scores.

Merging is greedy in report order (publication date, doc_id, event_id). With `previous`, only
mentions not yet in it are merged, into the stories as they stand (the mentions of the stories
of the same block within REPLAY_DAYS are replayed from `events`; a mention whose event row is
missing is stood in for by its story's values; nothing else is recomputed). The
result equals merging everything at once whenever the new documents are published after the
ones already merged; rerunning on the same events changes nothing. Story ids are stable:
"st-" + 16 hex digits of the SHA-256 of the story's first mention's event_id.

Best values: the most frequent mode, cameo (with its quad class and Goldstein score), status and
place among the mentions, ties to the earliest report; the date likewise among day dates (month
dates only when no mention gives a day); `dates` keeps every distinct date; `evidence` is that of
the earliest report with a day date (else of the earliest report).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd

from flashpoint.schema import MENTIONS, STORIES

__all__ = ["StoryState", "empty_state", "explain_story", "merge_stories"]

DAY_GAP = 1
"""Most days two day dates may lie apart and still report one event."""
FALLBACK_GAP = 2
"""Most days apart when the mention's date is its own publication date (the coder's fallback)."""
MAX_SPAN = 2
"""Most days the explicit day dates of one story may span."""
NULL_WINDOW = 3
"""An undated mention looks for stories this many days either side of its publication date."""

DATE_WEIGHT = 0.5
"""What an exact date match adds to a candidate's score (less the further apart)."""
PLACE_WEIGHT = 0.3
"""What the same place name adds to a candidate's score (a shared country adds a third)."""

REPLAY_DAYS = 45
"""Earlier stories this many days or less from the new mentions (same block) are replayed."""

_EPOCH = date(1970, 1, 1)
_KEY_OFFSET = 1_000_000
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    """a an the and or of to in on at by for from with as is are was were be been has have had
    it its this that these those their his her he she they them said says say after before over
    into near about than then also but not no yes would will could may might did do does which
    who whom what when where while amid during against between two one new""".split()
)

_EVENT_FIELDS = [
    "event_id",
    "doc_id",
    "source",
    "target",
    "type",
    "mode",
    "cameo",
    "quad_class",
    "goldstein",
    "date",
    "date_precision",
    "status",
    "location_name",
    "location_country",
    "lat",
    "lon",
    "evidence",
]


@dataclass(frozen=True)
class StoryState:
    """The merged stories (STORIES columns) and each mention's story (MENTIONS columns)."""

    stories: pd.DataFrame
    mentions: pd.DataFrame


def empty_state() -> StoryState:
    """A state with no stories and no mentions (the columns of STORIES and MENTIONS)."""
    return StoryState(
        stories=pd.DataFrame({c: pd.Series(dtype="object") for c in STORIES.column_names}),
        mentions=pd.DataFrame({c: pd.Series(dtype="object") for c in MENTIONS.column_names}),
    )


def story_id_of(event_id: str) -> str:
    """The stable id of a story whose first mention is `event_id`."""
    return "st-" + hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:16]


class _Story:
    """A story while merging: what the compatibility rules and the score look at."""

    __slots__ = (
        "alive",
        "block",
        "countries",
        "days",
        "docs",
        "fallback_days",
        "first_out",
        "idx",
        "months",
        "names",
        "pub_hi",
        "pub_lo",
        "sid",
        "tokens",
    )

    def __init__(self, idx: int, sid: str, block: int) -> None:
        self.idx = idx
        self.sid = sid
        self.alive = True
        self.first_out = -1
        self.block = block
        self.days: dict[int, str] = {}
        self.fallback_days: dict[int, str] = {}
        self.months: dict[int, str] = {}
        self.names: dict[str, str] = {}
        self.countries: set[str] = set()
        self.docs: set[str] = set()
        self.tokens: set[str] = set()
        self.pub_lo = 1 << 40
        self.pub_hi = -(1 << 40)


def _month_days(month: int) -> tuple[int, int]:
    """First and last day ordinal (days since 1970-01-01) of month index year*12+month-1."""
    year, m0 = divmod(month, 12)
    first = date(year, m0 + 1, 1)
    nxt = date(year + (m0 + 1) // 12, (m0 + 1) % 12 + 1, 1)
    return (first - _EPOCH).days, (nxt - _EPOCH).days - 1


def _iso(day: int) -> str:
    """The ISO date of a day ordinal."""
    return (_EPOCH + timedelta(days=day)).isoformat()


def _tokens(text: str) -> set[str]:
    """Content words of an evidence span, lower-cased."""
    return {w for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in _STOP}


def _prepare(rows: pd.DataFrame) -> dict[str, list[Any]]:
    """Vectorised per-mention inputs of the merge loop, as Python lists."""
    n = len(rows)
    prec = rows["date_precision"].astype("object")
    text = rows["date"].astype("object")
    day_dt = pd.to_datetime(text.where(prec.eq("day")), format="%Y-%m-%d", errors="coerce")
    month_dt = pd.to_datetime(
        (text + "-01").where(prec.eq("month")), format="%Y-%m-%d", errors="coerce"
    )
    is_day = day_dt.notna().to_numpy()
    is_month = month_dt.notna().to_numpy() & ~is_day
    kind = np.full(n, 2, dtype=np.int64)
    kind[is_month] = 1
    kind[is_day] = 0
    day_ord = np.full(n, -(1 << 40), dtype=np.int64)
    day_ord[is_day] = day_dt[is_day].to_numpy().astype("datetime64[D]").astype(np.int64)
    month_src = day_dt.where(is_day, month_dt)
    ok = month_src.notna().to_numpy()
    month_idx = np.full(n, -1, dtype=np.int64)
    month_idx[ok] = (month_src[ok].dt.year * 12 + month_src[ok].dt.month - 1).to_numpy()
    month_text = month_src.dt.strftime("%Y-%m").astype("object")
    pub_dt = pd.to_datetime(rows["published"], errors="coerce")
    has_pub = pub_dt.notna().to_numpy()
    pub_ord = np.full(n, -(1 << 40), dtype=np.int64)
    pub_ord[has_pub] = pub_dt[has_pub].to_numpy().astype("datetime64[D]").astype(np.int64)
    fallback = is_day & has_pub & (day_ord == pub_ord)
    name = rows["location_name"].astype("object")
    return {
        "kind": kind.tolist(),
        "day": day_ord.tolist(),
        "month": month_idx.tolist(),
        "month_text": month_text.where(month_text.notna(), None).tolist(),
        "pub": pub_ord.tolist(),
        "has_pub": has_pub.tolist(),
        "fallback": fallback.tolist(),
        "date": text.where(text.notna(), None).tolist(),
        "name": name.where(name.notna(), None).tolist(),
        "country": rows["location_country"]
        .astype("object")
        .where(rows["location_country"].notna(), None)
        .tolist(),
        "doc": rows["doc_id"].astype("object").tolist(),
        "eid": rows["event_id"].astype("object").tolist(),
        "evidence": rows["evidence"].astype("object").fillna("").tolist(),
        "block": rows["_block"].tolist(),
        "label": rows["_label"].tolist(),
        "story": rows["_story"].tolist(),
    }


def _date_fit(
    s: _Story, kind: int, d: int, m: int, fb: bool, dtext: str, mtext: str
) -> tuple[float, str] | None:
    """How well a dated mention's date fits story `s`: (score, reason) or None if it does not."""
    if kind == 0:
        if s.days or s.fallback_days:
            explicit = bool(s.days)
            span = s.days if explicit else s.fallback_days
            lo, hi = min(span), max(span)
            dist = 0 if lo <= d <= hi else min(abs(d - lo), abs(d - hi))
            if dist > (FALLBACK_GAP if fb or not explicit else DAY_GAP):
                return None
            if explicit and not fb and max(hi, d) - min(lo, d) > MAX_SPAN:
                return None
            near = min(list(s.days) + list(s.fallback_days), key=lambda x: (abs(x - d), x))
            delta = abs(near - d)
            if delta == 0:
                return DATE_WEIGHT, f"same date {dtext}"
            note = " (its publication date)" if fb else ""
            unit = "day" if delta == 1 else "days"
            first, last = (near, d) if near < d else (d, near)
            return (
                DATE_WEIGHT * (1 - delta / 3),
                f"dates {_iso(first)}/{_iso(last)} within {delta} {unit}{note}",
            )
        if s.months:
            if m in s.months:
                return 0.1 * DATE_WEIGHT, f"date {dtext} in reported month {s.months[m]}"
            return None
        if s.pub_lo - NULL_WINDOW <= d <= s.pub_hi + NULL_WINDOW:
            return 0.0, f"undated story reported within {NULL_WINDOW} days of {dtext}"
        return None
    # month precision
    if s.months:
        if m not in s.months:
            return None
        if s.days or s.fallback_days:
            return 0.1 * DATE_WEIGHT, f"month {mtext} contains the story's dates"
        return 0.6 * DATE_WEIGHT, f"same month {mtext}"
    first_day, last_day = _month_days(m)
    if first_day <= s.pub_hi + NULL_WINDOW and last_day >= s.pub_lo - NULL_WINDOW:
        return 0.0, f"undated story reported within {NULL_WINDOW} days of month {mtext}"
    return None


def _near_pub(s: _Story, p: int) -> bool:
    """Whether story `s` lies within NULL_WINDOW days of publication day `p`."""
    lo, hi = p - NULL_WINDOW, p + NULL_WINDOW
    every = list(s.days) + list(s.fallback_days)
    if every:
        return min(every) <= hi and max(every) >= lo
    if s.months:
        return any(a <= hi and b >= lo for a, b in (_month_days(month) for month in s.months))
    return s.pub_lo <= hi and s.pub_hi >= lo


def _bridgeable(a: _Story, b: _Story) -> bool:
    """Whether two day-dated stories of one block can be one event (a mention fits both)."""
    days_a = a.days or a.fallback_days
    days_b = b.days or b.fallback_days
    if not days_a or not days_b or a.docs & b.docs:
        return False
    if max(max(days_a), max(days_b)) - min(min(days_a), min(days_b)) > MAX_SPAN:
        return False
    if a.names and b.names and not a.names.keys() & b.names.keys():
        return bool(a.countries & b.countries)
    return True


def _absorb(keep: _Story, gone: _Story) -> None:
    """Move everything story `gone` holds into `keep`."""
    keep.days.update(gone.days)
    keep.fallback_days.update(gone.fallback_days)
    for month, text in gone.months.items():
        keep.months.setdefault(month, text)
    for key, name in gone.names.items():
        keep.names.setdefault(key, name)
    keep.countries |= gone.countries
    keep.docs |= gone.docs
    keep.tokens |= gone.tokens
    keep.pub_lo = min(keep.pub_lo, gone.pub_lo)
    keep.pub_hi = max(keep.pub_hi, gone.pub_hi)
    gone.alive = False


def _assign(cols: dict[str, list[Any]]) -> tuple[list[str], list[str | None]]:
    """The greedy merge loop over mentions in report order: story id and reason of each."""
    index: dict[int, list[int]] = {}
    stories: list[_Story] = []
    by_sid: dict[str, _Story] = {}
    kind_l, day_l, month_l, mtext_l = cols["kind"], cols["day"], cols["month"], cols["month_text"]
    pub_l, haspub_l, fb_l, date_l = cols["pub"], cols["has_pub"], cols["fallback"], cols["date"]
    name_l, country_l, doc_l, eid_l = cols["name"], cols["country"], cols["doc"], cols["eid"]
    ev_l, block_l, label_l, story_l = cols["evidence"], cols["block"], cols["label"], cols["story"]
    out_sid: list[str] = []
    out_reason: list[str | None] = []
    alias: dict[str, str] = {}

    def register(s: _Story, key_days: list[int]) -> None:
        base = s.block * 2 * _KEY_OFFSET + _KEY_OFFSET
        for k in key_days:
            lst = index.setdefault(base + k, [])
            if not lst or lst[-1] != s.idx:
                lst.append(s.idx)

    def add(s: _Story, i: int, toks: set[str]) -> None:
        kind = kind_l[i]
        if kind == 0:
            d = day_l[i]
            target = s.fallback_days if fb_l[i] else s.days
            if d not in target:
                target[d] = date_l[i]
                s.months.setdefault(month_l[i], mtext_l[i])
                register(s, [d])
        elif kind == 1:
            m = month_l[i]
            if m not in s.months:
                s.months[m] = mtext_l[i]
                a, b = _month_days(m)
                register(s, list(range(a, b + 1)))
        elif haspub_l[i]:
            register(s, [pub_l[i]])
        if haspub_l[i]:
            p = pub_l[i]
            s.pub_lo = min(s.pub_lo, p)
            s.pub_hi = max(s.pub_hi, p)
        name = name_l[i]
        if name is not None:
            s.names.setdefault(name.casefold(), name)
        if country_l[i] is not None:
            s.countries.add(country_l[i])
        s.docs.add(doc_l[i])
        s.tokens |= toks

    def new_story(i: int, sid: str) -> _Story:
        s = _Story(len(stories), sid, block_l[i])
        s.first_out = i
        stories.append(s)
        by_sid[sid] = s
        return s

    def bridge(s: _Story, fitting: list[int], i: int, reason: str) -> tuple[_Story, str]:
        """Merge into `s` the other stories mention i fits that can be one event with it."""
        for idx in fitting:
            other = stories[idx]
            if other is s or not other.alive or not _bridgeable(s, other):
                continue
            keep, gone = (s, other) if s.idx < other.idx else (other, s)
            _absorb(keep, gone)
            register(keep, [*gone.days, *gone.fallback_days])
            alias[gone.sid] = keep.sid
            every = [*keep.days, *keep.fallback_days]
            out_reason[gone.first_out] = (
                f"same {label_l[i]}, story {gone.sid} merged in: {eid_l[i]} fits both, "
                f"dates {_iso(min(every))}..{_iso(max(every))} within {MAX_SPAN} days"
            )
            reason = f"{reason}, bridging {gone.sid}"
            s = keep
        return s, reason

    for i in range(len(kind_l)):
        toks = _tokens(ev_l[i])
        known = story_l[i]
        if known is not None:  # a mention already merged: replay it into its story
            s = by_sid.get(known) or new_story(i, known)
            add(s, i, toks)
            out_sid.append(known)
            out_reason.append(None)
            continue
        kind, block = kind_l[i], block_l[i]
        if kind == 0:
            lo_key, hi_key = day_l[i] - NULL_WINDOW, day_l[i] + NULL_WINDOW
        elif kind == 1:
            a, b = _month_days(month_l[i])
            lo_key, hi_key = a - NULL_WINDOW, b + NULL_WINDOW
        elif haspub_l[i]:
            lo_key, hi_key = pub_l[i] - NULL_WINDOW, pub_l[i] + NULL_WINDOW
        else:
            lo_key, hi_key = 0, -1
        base = block * 2 * _KEY_OFFSET + _KEY_OFFSET
        seen: set[int] = set()
        for k in range(lo_key, hi_key + 1):
            lst = index.get(base + k)
            if lst:
                seen.update(lst)
        doc, name, country = doc_l[i], name_l[i], country_l[i]
        best: tuple[float, int, str] | None = None
        n_ok = 0
        fitting: list[int] = []
        for idx in sorted(seen):
            s = stories[idx]
            if not s.alive or doc in s.docs:
                continue
            if kind == 2:
                if not _near_pub(s, pub_l[i]):
                    continue
                fit: tuple[float, str] | None = (
                    0.0,
                    f"undated; the only story within {NULL_WINDOW} days of its publication "
                    f"{_iso(pub_l[i])}",
                )
            else:
                fit = _date_fit(s, kind, day_l[i], month_l[i], fb_l[i], date_l[i], mtext_l[i])
            if fit is None:
                continue
            if name is None or not s.names:
                place_score, place = 0.0, "place not given by both"
            elif name.casefold() in s.names:
                place_score, place = PLACE_WEIGHT, f"same place {name}"
            elif country is not None and country in s.countries:
                place_score, place = PLACE_WEIGHT / 3, f"same country {country} ({name})"
            else:
                continue
            n_ok += 1
            fitting.append(idx)
            overlap = len(toks & s.tokens) / len(toks) if toks else 0.0
            score = fit[0] + place_score + overlap
            if best is None or score > best[0]:
                reason = f"same {label_l[i]}, {fit[1]}, {place}, evidence overlap {overlap:.2f}"
                best = (score, idx, reason)
        if best is None or (kind == 2 and n_ok != 1):
            s = new_story(i, story_id_of(eid_l[i]))
            reason = "first mention"
        else:
            s = stories[best[1]]
            reason = best[2] if n_ok == 1 else f"{best[2]} (best of {n_ok} stories)"
            if kind == 0 and n_ok > 1:
                s, reason = bridge(s, fitting, i, reason)
        add(s, i, toks)
        out_sid.append(s.sid)
        out_reason.append(reason)

    def final(sid: str) -> str:
        while sid in alias:
            sid = alias[sid]
        return sid

    return [final(sid) for sid in out_sid], out_reason


def _blocks(rows: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Block number (source, target, type, status) and its label 'CHN→PHL ASSAULT' per row."""
    src = rows["source"].astype("object").fillna("?")
    tgt = rows["target"].astype("object").fillna("-")
    status = rows["status"].astype("object").fillna("occurred")
    codes, _ = pd.factorize(_block_text(rows))
    label = src + "→" + tgt + " " + rows["type"].astype("object")
    label = label.where(status == "occurred", label + " (" + status + ")")
    return pd.Series(codes, index=rows.index), label


def _block_text(rows: pd.DataFrame) -> pd.Series:
    """The block key of each row: source, target, type and status joined."""
    return (
        rows["source"].astype("object").fillna("?")
        + "\x1f"
        + rows["target"].astype("object").fillna("-")
        + "\x1f"
        + rows["type"].astype("object")
        + "\x1f"
        + rows["status"].astype("object").fillna("occurred")
    )


def _with_documents(rows: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Add each mention's document publication date and publisher."""
    docs = documents[["doc_id", "published", "publisher"]].drop_duplicates("doc_id")
    out = rows.merge(docs, on="doc_id", how="left")
    out["published"] = pd.to_datetime(out["published"], errors="coerce")
    return out


def _sorted(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows in report order: publication date, doc_id, event_id."""
    return rows.sort_values(
        ["published", "doc_id", "event_id"], na_position="last", kind="stable"
    ).reset_index(drop=True)


def _pick(rows: pd.DataFrame, key: pd.Series, prefer: pd.Series | None = None) -> pd.Series:
    """Per story, the position (in `rows`) of the first mention with the most frequent key."""
    ok = key.notna()
    frame = pd.DataFrame(
        {"story_id": rows["story_id"][ok], "key": key[ok], "pos": np.arange(len(rows))[ok]}
    )
    if frame.empty:
        return pd.Series(dtype="int64")
    g = frame.groupby(["story_id", "key"], sort=False)["pos"].agg(["size", "min"]).reset_index()
    sort_cols, ascending = ["story_id", "size", "min"], [True, False, True]
    if prefer is not None:
        g["prefer"] = prefer.to_numpy()[g["min"].to_numpy()]
        sort_cols.insert(1, "prefer")
        ascending.insert(1, False)
    g = g.sort_values(sort_cols, ascending=ascending, kind="stable").drop_duplicates("story_id")
    return pd.Series(g["min"].to_numpy(), index=g["story_id"].to_numpy())


def _summarise(rows: pd.DataFrame) -> pd.DataFrame:
    """One STORIES row per story of `rows` (mention rows with story_id, event and doc fields)."""
    rows = rows.sort_values(
        ["story_id", "published", "doc_id", "event_id"], na_position="last", kind="stable"
    ).reset_index(drop=True)
    first_pos = rows.groupby("story_id", sort=False).cumcount() == 0
    out = pd.DataFrame(index=pd.Index(rows.loc[first_pos, "story_id"].to_numpy(), name=None))

    def take(positions: pd.Series, column: str) -> pd.Series:
        values = rows[column].to_numpy(dtype="object")[positions.to_numpy()]
        return pd.Series(values, index=positions.index).reindex(out.index)

    first = pd.Series(np.flatnonzero(first_pos.to_numpy()), index=out.index)
    for column in ("source", "target", "type"):
        out[column] = take(first, column)
    mode_pos = _pick(rows, rows["mode"])
    out["mode"] = take(mode_pos, "mode")
    cameo_pos = _pick(rows, rows["cameo"])
    for column in ("cameo", "quad_class", "goldstein"):
        out[column] = take(cameo_pos, column)
    is_day = rows["date_precision"].eq("day") & rows["date"].notna()
    date_pos = _pick(rows, rows["date"], prefer=is_day)
    out["date"] = take(date_pos, "date")
    out["date_precision"] = take(date_pos, "date_precision")
    dated = rows.loc[rows["date"].notna(), ["story_id", "date"]].drop_duplicates()
    dates = dated.sort_values(["story_id", "date"]).groupby("story_id", sort=False)["date"]
    out["dates"] = dates.agg(list).reindex(out.index)
    out["dates"] = [v if isinstance(v, list) else [] for v in out["dates"]]
    out["status"] = take(_pick(rows, rows["status"]), "status")
    place = rows["location_name"].astype("object")
    place_key = place.fillna("") + "\x1f" + rows["location_country"].astype("object").fillna("")
    place_key = place_key.where(place.notna() | rows["location_country"].notna())
    place_pos = _pick(rows, place_key)
    for column in ("location_name", "location_country", "lat", "lon"):
        out[column] = take(place_pos, column)
    grouped = rows.groupby("story_id", sort=False)
    out["n_mentions"] = grouped.size().reindex(out.index).astype("int64")
    out["n_documents"] = grouped["doc_id"].nunique().reindex(out.index).astype("int64")
    out["n_sources"] = grouped["publisher"].nunique().reindex(out.index).astype("int64")
    out["first_report"] = grouped["published"].min().reindex(out.index)
    out["last_report"] = grouped["published"].max().reindex(out.index)
    day_mask = is_day.to_numpy()
    ev_pos = (
        pd.Series(np.flatnonzero(day_mask)).groupby(rows["story_id"].to_numpy()[day_mask]).min()
    )
    ev_positions = ev_pos.reindex(out.index).fillna(first).astype("int64")
    out["evidence"] = take(ev_positions, "evidence")
    out["story_id"] = out.index
    return out.reset_index(drop=True)


def _finish_stories(stories: pd.DataFrame) -> pd.DataFrame:
    """Stories in STORIES column order, dated columns as dates, ordered by first report."""
    stories = stories.copy()
    for column in ("first_report", "last_report"):
        stamps = pd.to_datetime(stories[column], errors="coerce")
        stories[column] = pd.Series(
            [d.date() if pd.notna(d) else None for d in stamps], index=stories.index, dtype="object"
        )
    for column in ("n_mentions", "n_documents", "n_sources"):
        stories[column] = stories[column].astype("int64")
    order = pd.to_datetime(stories["first_report"], errors="coerce")
    stories = stories.assign(_order=order).sort_values(
        ["_order", "story_id"], na_position="last", kind="stable"
    )
    return stories[STORIES.column_names].reset_index(drop=True)


def _stand_ins(missing: pd.DataFrame, stories: pd.DataFrame) -> pd.DataFrame:
    """Event rows for earlier mentions whose events are not given: their story's values."""
    fields = [c for c in _EVENT_FIELDS if c not in ("event_id", "doc_id")]
    rows = missing[["event_id", "story_id", "doc_id"]].merge(
        stories[["story_id", *fields]], on="story_id", how="left"
    )
    return rows[[*_EVENT_FIELDS, "story_id"]]


def _anchor_days(dates: pd.Series, fallback: pd.Series) -> pd.Series:
    """Day ordinal of a date (a month's first day), else of `fallback` (publication)."""
    text = dates.astype("object")
    day = pd.to_datetime(text.str.slice(0, 7) + "-01", format="%Y-%m-%d", errors="coerce")
    exact = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    stamp = exact.fillna(day).fillna(pd.to_datetime(fallback, errors="coerce"))
    return (stamp - pd.Timestamp(_EPOCH)).dt.days


def _replayed(prev: StoryState, new_rows: pd.DataFrame) -> pd.Series:
    """Ids of earlier stories new mentions might join: same block, within REPLAY_DAYS."""
    if prev.stories.empty:
        return pd.Series(dtype="object")
    near = pd.DataFrame(
        {
            "block": _block_text(new_rows),
            "day": _anchor_days(new_rows["date"], new_rows["published"]),
        }
    )
    near = near.groupby("block")["day"].agg(["min", "max"])
    old = pd.DataFrame(
        {
            "story_id": prev.stories["story_id"],
            "block": _block_text(prev.stories),
            "day": _anchor_days(prev.stories["date"], prev.stories["first_report"]),
        }
    ).merge(near, left_on="block", right_index=True, how="inner")
    span = old["day"].fillna(old["min"])
    keep = (span >= old["min"] - REPLAY_DAYS) & (span <= old["max"] + REPLAY_DAYS)
    return old.loc[keep, "story_id"]


def merge_stories(
    events: pd.DataFrame, documents: pd.DataFrame, *, previous: StoryState | None = None
) -> StoryState:
    """Merge event mentions into stories, adding only unassigned mentions to `previous`."""
    prev = previous if previous is not None else empty_state()
    events = events.drop_duplicates("event_id")
    events = events[[c for c in _EVENT_FIELDS if c in events.columns]].copy()
    for column in _EVENT_FIELDS:
        if column not in events.columns:
            events[column] = None
    new = events[~events["event_id"].isin(prev.mentions["event_id"])].copy()
    if new.empty:
        return prev
    new["story_id"] = None
    new_rows = _with_documents(new, documents)

    # Earlier stories the new mentions might join are rebuilt by replaying their mentions.
    replay_ids = _replayed(prev, new_rows)
    old_mentions = prev.mentions[prev.mentions["story_id"].isin(replay_ids)]
    given = old_mentions[["event_id", "story_id"]].merge(events, on="event_id", how="inner")
    missing = old_mentions[~old_mentions["event_id"].isin(given["event_id"])]
    parts = [given[[*_EVENT_FIELDS, "story_id"]], new_rows[[*_EVENT_FIELDS, "story_id"]]]
    if len(missing):
        parts.append(_stand_ins(missing, prev.stories))
    work = pd.concat([p for p in parts if len(p)], ignore_index=True)
    work = _sorted(_with_documents(work, documents))
    work["_block"], work["_label"] = _blocks(work)
    work["_story"] = work["story_id"].astype("object").where(work["story_id"].notna(), None)
    sids, reasons = _assign(_prepare(work))
    was = work["_story"]
    work["story_id"] = sids
    changed = was.notna() & (was != work["story_id"])
    reasons_s = pd.Series(reasons, index=work.index, dtype="object")
    prior = work["event_id"].map(old_mentions.set_index("event_id")["reason"])
    work["reason"] = reasons_s.where(reasons_s.notna(), prior)
    affected = set(work.loc[was.isna() | changed, "story_id"])
    gone = set(was[changed]) - set(work["story_id"])

    redone = work[was.isna() | changed | work["reason"].ne(prior).fillna(False)]
    mentions = pd.concat(
        [
            prev.mentions[~prev.mentions["event_id"].isin(redone["event_id"])],
            redone[MENTIONS.column_names],
        ],
        ignore_index=True,
    )
    summary = _summarise(work[work["story_id"].isin(affected)])
    if len(prev.stories):
        before = prev.stories.set_index("story_id")
        again = summary["story_id"].isin(before.index)
        if again.any():
            ids = summary.loc[again, "story_id"]
            for column, how in (("first_report", "min"), ("last_report", "max")):
                old = pd.to_datetime(before.loc[ids, column], errors="coerce").to_numpy()
                cur = pd.to_datetime(summary.loc[again, column], errors="coerce").to_numpy()
                both = pd.DataFrame({"a": old, "b": cur})
                summary.loc[again, column] = getattr(both, how)(axis=1).to_numpy()
            summary.loc[again, "n_sources"] = np.maximum(
                summary.loc[again, "n_sources"].to_numpy(),
                before.loc[ids, "n_sources"].to_numpy().astype("int64"),
            )
        kept = prev.stories[~prev.stories["story_id"].isin(affected | gone)]
        stories = pd.concat([kept, _finish_stories(summary)], ignore_index=True)
    else:
        stories = summary
    stories = _finish_stories(stories)
    return StoryState(stories=stories, mentions=_order_mentions(mentions, stories))


def _order_mentions(mentions: pd.DataFrame, stories: pd.DataFrame) -> pd.DataFrame:
    """Mentions grouped by story in story order, first mention first within each."""
    rank = pd.Series(np.arange(len(stories)), index=stories["story_id"].to_numpy())
    first = mentions["reason"].eq("first mention")
    keyed = mentions.assign(_rank=mentions["story_id"].map(rank), _first=~first)
    keyed = keyed.sort_values(["_rank", "_first", "event_id"], kind="stable")
    return keyed[MENTIONS.column_names].reset_index(drop=True)


def explain_story(
    state: StoryState, story_id: str, events: pd.DataFrame, documents: pd.DataFrame
) -> pd.DataFrame:
    """The mentions of one story in report order, with publisher, dates, evidence and reason."""
    mine = state.mentions[state.mentions["story_id"] == story_id]
    rows = mine.merge(
        events[["event_id", "date", "evidence"]].drop_duplicates("event_id"),
        on="event_id",
        how="left",
    )
    rows = rows.merge(
        documents[["doc_id", "published", "publisher"]].drop_duplicates("doc_id"),
        on="doc_id",
        how="left",
    )
    rows = rows.sort_values(["published", "doc_id", "event_id"], na_position="last")
    columns = ["event_id", "doc_id", "publisher", "published", "date", "evidence", "reason"]
    return rows[columns].reset_index(drop=True)
