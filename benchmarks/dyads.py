"""Dyad series and alerts: detection of injected escalations, false alerts, and query speed.

    python benchmarks/dyads.py [--rows 5000000] [--dyads 200] [--years 3] [--db PATH]

(1) Synthetic weekly series: `--dyads` stable Poisson dyads over `--years` years (each dyad its
own weekly rate, log-uniform from 2 to 40 events; quad classes 40/20/25/15 %; realistic
Goldstein scores per quad class; 2 % of dates month-precision). Half the dyads get 3 injected
escalations: one week whose conflict events jump by `jump` × the dyad's mean weekly events (at
least 5 events). Alerts use the defaults (threshold 3, baseline 12 weeks, at least 3 events).
Reported: share of injected weeks flagged in that week or the next ("within one window"), and
flagged weeks per dyad-year on the dyads without injections (false alerts).

(2) A DuckDB file with `--rows` stories (generated in bulk with numpy and pyarrow, 200 dyads over
10 years), then the time of one dyad's weekly series by the SQL path (`dyad_sql`, median of 5
after one warm-up), and of the SQL and pandas paths (`dyad_series`) side by side on a 10 %
subset held in memory.

Prints one table.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from datetime import date

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from flashpoint.analysis.alerts import alerts
from flashpoint.analysis.dyads import dyad_series, dyad_sql

CODES = (
    "CHN", "JPN", "USA", "KOR", "PRK", "RUS", "UKR", "IND", "PAK", "TWN", "PHL", "VNM", "AUS",
    "IDN", "DEU", "FRA", "GBR", "IRN", "ISR", "TUR", "SAU", "EGY", "BRA", "MEX", "CAN",
)  # fmt: skip
QUAD_P = np.array([0.40, 0.20, 0.25, 0.15])
GOLDSTEIN = {
    1: np.array([1.0, 1.9, 3.0, 3.4, 4.0, 5.2]),
    2: np.array([5.2, 6.0, 7.0, 7.4, 8.3]),
    3: np.array([-2.0, -2.2, -4.0, -4.4, -5.0, -6.4]),
    4: np.array([-5.0, -6.5, -7.0, -8.0, -9.0, -10.0]),
}
TYPES = {
    1: np.array(["CONSULT", "AGREE", "SUPPORT", "REQUEST"]),
    2: np.array(["COOPERATE", "AID", "CONCEDE", "RETREAT"]),
    3: np.array(["ACCUSE", "REJECT", "THREATEN", "PROTEST"]),
    4: np.array(["SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]),
}
START = date(2022, 1, 3)  # a Monday


def pairs(n: int) -> list[tuple[str, str]]:
    """The first n unordered pairs of CODES, each in alphabetical order."""
    out = [(a, b) for a in CODES for b in CODES if a < b]
    return out[:n]


def draw_events(rng: np.random.Generator, quads: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Goldstein scores and PLOVER types for events of the given quad classes."""
    gold = np.empty(len(quads))
    types = np.empty(len(quads), dtype=object)
    for q in (1, 2, 3, 4):
        m = quads == q
        gold[m] = rng.choice(GOLDSTEIN[q], m.sum())
        types[m] = rng.choice(TYPES[q], m.sum())
    return gold, types


def synthetic(
    rng: np.random.Generator, n_dyads: int, weeks: int, jump: float
) -> tuple[pd.DataFrame, dict[str, list[int]]]:
    """Stories of stable dyads, half with 3 injected escalation weeks; and those weeks."""
    frames: list[pd.DataFrame] = []
    injected: dict[str, list[int]] = {}
    for i, (a, b) in enumerate(pairs(n_dyads)):
        rate = float(np.exp(rng.uniform(np.log(2), np.log(40))))
        counts = rng.poisson(rate, weeks)
        week = np.repeat(np.arange(weeks), counts)
        quads = rng.choice([1, 2, 3, 4], len(week), p=QUAD_P)
        if i % 2 == 0:
            spots = sorted(rng.choice(np.arange(20, weeks - 2, 10), 3, replace=False).tolist())
            injected[f"{a}-{b}"] = spots
            extra = max(5, round(jump * rate))
            week = np.concatenate([week, np.repeat(spots, extra)])
            quads = np.concatenate([quads, rng.choice([3, 4], extra * len(spots), p=[0.6, 0.4])])
        gold, types = draw_events(rng, quads)
        day = np.datetime64(START) + (week * 7 + rng.integers(0, 7, len(week))).astype(
            "timedelta64[D]"
        )
        text = day.astype(str).astype(object)
        monthly = rng.random(len(week)) < 0.02
        text[monthly] = [t[:7] for t in text[monthly]]
        flip = rng.random(len(week)) < 0.5
        frames.append(
            pd.DataFrame(
                {
                    "story_id": [f"{a}{b}{k}" for k in range(len(week))],
                    "source": np.where(flip, b, a),
                    "target": np.where(flip, a, b),
                    "type": types,
                    "quad_class": quads,
                    "goldstein": gold,
                    "date": text,
                    "status": "occurred",
                    "n_mentions": rng.integers(1, 20, len(week)),
                    "evidence": "synthetic",
                }
            )
        )
    return pd.concat(frames, ignore_index=True), injected


def detection(n_dyads: int, years: int, jump: float, seed: int = 7) -> tuple[float, float, int]:
    """Detection rate within one window, false alerts per stable dyad-year, injected weeks."""
    rng = np.random.default_rng(seed)
    weeks = 52 * years
    stories, injected = synthetic(rng, n_dyads, weeks, jump)
    flagged = alerts(stories, freq="W")
    weeks_of = ((flagged["period"] - pd.Timestamp(START)).dt.days // 7).astype(int)
    by_dyad: dict[str, set[int]] = {}
    for d, w in zip(flagged["dyad"], weeks_of, strict=True):
        by_dyad.setdefault(d, set()).add(int(w))
    hits = total = 0
    for d, spots in injected.items():
        for s in spots:
            total += 1
            hits += bool(by_dyad.get(d, set()) & {s, s + 1})
    stable = [f"{a}-{b}" for a, b in pairs(n_dyads) if f"{a}-{b}" not in injected]
    false = sum(len(by_dyad.get(d, set())) for d in stable)
    return hits / total, false / (len(stable) * years), total


def build_store(path: str, rows: int, n_dyads: int, seed: int = 11) -> None:
    """Write `rows` synthetic stories over `n_dyads` dyads to a DuckDB file at `path`."""
    rng = np.random.default_rng(seed)
    dyads = pairs(n_dyads)
    src = np.array([a for a, _ in dyads])
    tgt = np.array([b for _, b in dyads])
    which = rng.integers(0, n_dyads, rows)
    flip = rng.random(rows) < 0.5
    quads = rng.choice(np.array([1, 2, 3, 4], dtype=np.int32), rows, p=QUAD_P)
    gold = np.empty(rows)
    types = np.empty(rows, dtype=np.int64)
    plover = np.concatenate([TYPES[q] for q in (1, 2, 3, 4)])
    for q in (1, 2, 3, 4):
        m = quads == q
        gold[m] = rng.choice(GOLDSTEIN[q], m.sum())
        types[m] = rng.integers(0, 4, m.sum()) + 4 * (q - 1)
    days = pa.array(rng.integers(0, 3650, rows).astype(np.int32) + 18993, pa.int32())
    dates = pc.cast(days.cast(pa.date32()), pa.string())
    monthly = pa.array(rng.random(rows) < 0.02)
    dates = pc.if_else(monthly, pc.utf8_slice_codeunits(dates, 0, 7), dates)
    status = np.array(["occurred", "planned", "hypothetical", "denied"])
    table = pa.table(
        {
            "story_id": pc.cast(pa.array(np.arange(rows)), pa.string()),
            "source": pa.array(np.where(flip, tgt[which], src[which])),
            "target": pa.array(np.where(flip, src[which], tgt[which])),
            "type": pa.array(plover[types]),
            "quad_class": pa.array(quads),
            "goldstein": pa.array(gold),
            "date": dates,
            "status": pa.array(status[rng.choice(4, rows, p=[0.85, 0.08, 0.05, 0.02])]),
            "n_mentions": pa.array(rng.integers(1, 40, rows).astype(np.int32)),
            "first_report": days.cast(pa.date32()),
            "evidence": pa.array(np.full(rows, "synthetic evidence")),
        }
    )
    con = duckdb.connect(path)
    con.register("arrow_stories", table)
    con.execute("CREATE OR REPLACE TABLE stories AS SELECT * FROM arrow_stories")
    con.close()


def timed(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median seconds of `repeat` calls after one warm-up call."""
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return float(np.median(times))


def main() -> None:
    """Run both parts and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--dyads", type=int, default=200)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--db", default=None, help="DuckDB file (default: a temporary one)")
    args = parser.parse_args()
    lines: list[tuple[str, str]] = []

    falses: list[float] = []
    for jump in (0.5, 1.0, 2.0, 3.0):
        rate, false, total = detection(args.dyads, args.years, jump)
        falses.append(false)
        lines.append(
            (f"detected within 1 week, jump +{jump:g}x weekly events", f"{rate:.1%} of {total}")
        )
    lines.append(
        (
            f"false alerts per stable dyad-year ({args.dyads // 2} dyads x {args.years} y, 4 runs)",
            f"{np.mean(falses):.2f} (max {max(falses):.2f})",
        )
    )

    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or os.path.join(tmp, "stories.duckdb")
        t = time.perf_counter()
        build_store(path, args.rows, args.dyads)
        lines.append(
            (f"build DuckDB store, {args.rows:,} stories", f"{time.perf_counter() - t:.1f} s")
        )
        con = duckdb.connect(path, read_only=True)
        a, b = pairs(args.dyads)[37]
        sql_full = timed(lambda: dyad_sql(con, a, b, freq="W"))
        n_weeks = len(dyad_sql(con, a, b, freq="W"))
        lines.append(
            (
                f"SQL dyad-week series, {a}-{b}, {args.rows:,} rows",
                f"{sql_full * 1000:.0f} ms ({n_weeks} weeks)",
            )
        )
        sub = con.execute(
            f"SELECT * FROM stories USING SAMPLE {max(1, args.rows // 10)} ROWS (reservoir, 1)"
        ).df()
        mem = duckdb.connect()
        mem.register("sub_view", sub)
        mem.execute("CREATE TABLE stories AS SELECT * FROM sub_view")
        sql_sub = timed(lambda: dyad_sql(mem, a, b, freq="W"))
        pd_sub = timed(lambda: dyad_series(sub, a, b, freq="W"))
        same = np.allclose(
            dyad_sql(mem, a, b)["goldstein_sum"], dyad_series(sub, a, b)["goldstein_sum"]
        )
        lines.append((f"SQL path, {len(sub):,}-row subset", f"{sql_sub * 1000:.0f} ms"))
        lines.append(
            (
                "pandas path, same subset",
                f"{pd_sub * 1000:.0f} ms ({pd_sub / sql_sub:.0f}x SQL, equal: {same})",
            )
        )
        con.close()

    width = max(len(k) for k, _ in lines)
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  -----")
    for k, v in lines:
        print(f"{k:<{width}}  {v}")


if __name__ == "__main__":
    main()
