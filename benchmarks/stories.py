"""Story merging against a generated corpus with known truth: pair precision/recall and speed.

    python benchmarks/stories.py [--mentions 1000000] [--seed 7]

Generates real events (random dyads of 20 states, 16 PLOVER types, days over a year, places on
land or at sea), each reported by 1-20 mentions (one document each) whose dates are jittered
±1 day (a few month-only, undated or publication-date fallbacks), whose places are sometimes
left out and whose evidence is reworded (actor names, verbs, filler, details dropped); plus
look-alike events: the same dyad, type and place a week later, or the same day with another
type. The events/documents frames are built directly (no NLP). Measures, in one run: pairwise
precision and recall of same-story mention pairs against the truth, the time to merge the whole
corpus at once, and the time to merge 100,000 mentions and then 10,000 later ones incrementally
(checked equal to merging the 110,000 at once). Prints one table.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flashpoint.analysis.stories import StoryState, merge_stories

STATES = [
    "CHN", "USA", "JPN", "KOR", "PRK", "TWN", "PHL", "VNM", "RUS", "UKR",
    "IND", "PAK", "AUS", "IDN", "GBR", "FRA", "DEU", "IRN", "ISR", "TUR",
]  # fmt: skip
TYPES = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip
VERBS = {
    t: [f"{t.lower()}d", f"{t.lower()}s", f"moved to {t.lower()}", f"{t.lower()}ing"] for t in TYPES
}
SEAS = ["South China Sea", "East China Sea", "Yellow Sea", "Black Sea", "Sea of Japan",
        "Taiwan Strait", "Philippine Sea", "Arabian Sea"]  # fmt: skip
FILLER = ("officials said on state television according to a statement late on sources "
          "reported the ministry confirmed witnesses described local media footage showed "
          "analysts noted in a brief report a spokesperson told reporters").split()  # fmt: skip
DETAILS = [f"{a}-{n}" for a in ("Haixun", "Liberty", "Dragon", "Falcon", "Ocean", "Iron")
           for n in range(1, 41)]  # fmt: skip
PUBLISHERS = [f"outlet{i:02d}" for i in range(80)]
START = np.datetime64("2025-01-01")


def corpus(n_mentions: int, seed: int) -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray]:
    """Events and documents frames of about `n_mentions` mentions, and each one's true event."""
    rng = np.random.default_rng(seed)
    n_real = max(1, n_mentions // 5 + 50)
    src = rng.integers(0, len(STATES), n_real)
    tgt = (src + rng.integers(1, len(STATES), n_real)) % len(STATES)
    typ = rng.integers(0, len(TYPES), n_real)
    day = rng.integers(0, 365, n_real)
    at_sea = rng.random(n_real) < 0.3
    place_k = rng.integers(0, 6, n_real)
    sea = rng.integers(0, len(SEAS), n_real)
    in_target = rng.random(n_real) < 0.5
    detail = rng.integers(0, len(DETAILS), n_real)
    planned = rng.random(n_real) < 0.1
    # Look-alikes: a quarter of the events get one, half a week later, half same day other type.
    look = rng.random(n_real) < 0.25
    later = rng.random(n_real) < 0.5
    base = np.flatnonzero(look)
    la_day = day[base] + np.where(later[base], 7, 0)
    la_typ = np.where(later[base], typ[base], (typ[base] + rng.integers(1, 16, len(base))) % 16)
    ev_src = np.concatenate([src, src[base]])
    ev_tgt = np.concatenate([tgt, tgt[base]])
    ev_typ = np.concatenate([typ, la_typ])
    ev_day = np.concatenate([day, la_day])
    ev_sea = np.concatenate([at_sea, at_sea[base]])
    ev_place = np.concatenate([place_k, place_k[base]])
    ev_seaname = np.concatenate([sea, sea[base]])
    ev_intgt = np.concatenate([in_target, in_target[base]])
    ev_detail = np.concatenate([detail, rng.integers(0, len(DETAILS), len(base))])
    ev_planned = np.concatenate([planned, planned[base]])
    n_ev = len(ev_src)
    per = np.minimum(rng.geometric(0.14, n_ev), 20)
    truth = np.repeat(np.arange(n_ev), per)[:n_mentions]
    n = len(truth)

    jitter = rng.choice([-1, 0, 1], n, p=[0.15, 0.7, 0.15])
    true_day = ev_day[truth]
    lag = np.where(ev_planned[truth], -rng.integers(1, 10, n), rng.integers(0, 3, n))
    published = START + (true_day + lag).astype("timedelta64[D]")
    stated = START + (true_day + jitter).astype("timedelta64[D]")
    roll = rng.random(n)
    fallback = (roll < 0.05) & ~ev_planned[truth]
    stated = np.where(fallback, published, stated)
    date_text = pd.Series(np.datetime_as_string(stated, unit="D"), dtype="object")
    precision = pd.Series("day", index=range(n), dtype="object")
    month = (roll >= 0.05) & (roll < 0.08)
    undated = (roll >= 0.08) & (roll < 0.10)
    date_text[month] = date_text[month].str[:7]
    precision[month] = "month"
    date_text[undated] = None
    precision[undated] = None

    country_idx = np.where(ev_intgt, ev_tgt, ev_src)[truth]
    sea_m = ev_sea[truth]
    place_name = np.where(
        sea_m,
        np.array(SEAS, dtype=object)[ev_seaname[truth]],
        np.char.add(
            np.char.add(np.array(STATES)[country_idx], " harbour "), ev_place[truth].astype(str)
        ).astype(object),
    )
    named = rng.random(n) < 0.65
    location_name = np.where(named, place_name, None)
    location_country = np.where(named & ~sea_m, np.array(STATES, dtype=object)[country_idx], None)

    s_names = np.array(STATES, dtype=object)[ev_src[truth]]
    t_names = np.array(STATES, dtype=object)[ev_tgt[truth]]
    types = np.array(TYPES, dtype=object)[ev_typ[truth]]
    forms = rng.integers(0, 3, (n, 2))
    verbs = rng.integers(0, 4, n)
    with_detail = rng.random(n) < 0.6
    details = np.array(DETAILS, dtype=object)[ev_detail[truth]]
    fill = rng.integers(0, len(FILLER), (n, 3))

    def actor(code: str, form: int) -> str:
        return (code, f"{code.lower()}ian officials", f"the capital of {code}")[form]

    evidence = [
        " ".join(
            [
                actor(s_names[i], forms[i, 0]),
                VERBS[types[i]][verbs[i]],
                actor(t_names[i], forms[i, 1]),
                f"near {location_name[i]}" if location_name[i] is not None else "",
                f"involving the {details[i]}" if with_detail[i] else "",
                FILLER[fill[i, 0]],
                FILLER[fill[i, 1]],
                FILLER[fill[i, 2]],
            ]
        )
        for i in range(n)
    ]
    doc_ids = [f"doc{i:07d}" for i in range(n)]
    events = pd.DataFrame(
        {
            "event_id": [f"ev{i:07d}" for i in range(n)],
            "doc_id": doc_ids,
            "source": s_names,
            "target": t_names,
            "type": types,
            "mode": None,
            "cameo": None,
            "quad_class": None,
            "goldstein": None,
            "date": date_text,
            "date_precision": precision,
            "status": np.where(ev_planned[truth], "planned", "occurred"),
            "location_name": location_name,
            "location_country": location_country,
            "lat": None,
            "lon": None,
            "evidence": evidence,
        }
    )
    documents = pd.DataFrame(
        {
            "doc_id": doc_ids,
            "published": pd.to_datetime(published).date,
            "publisher": np.array(PUBLISHERS, dtype=object)[rng.integers(0, 80, n)],
        }
    )
    return events, documents, truth


def pair_scores(state: StoryState, events: pd.DataFrame, truth: np.ndarray) -> tuple[float, float]:
    """Pairwise precision and recall of same-story mention pairs against the true events."""
    story = events["event_id"].map(state.mentions.set_index("event_id")["story_id"])
    frame = pd.DataFrame({"t": truth, "s": story.to_numpy()})

    def pairs(sizes: pd.Series) -> float:
        v = sizes.to_numpy(dtype=np.float64)
        return float((v * (v - 1) / 2).sum())

    both = pairs(frame.groupby(["t", "s"]).size())
    predicted = pairs(frame.groupby("s").size())
    actual = pairs(frame.groupby("t").size())
    return both / predicted if predicted else 1.0, both / actual if actual else 1.0


def main() -> None:
    """Run the measurements and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rows: list[tuple[str, int, int, int, str, str, float]] = []

    events, docs, truth = corpus(args.mentions, args.seed)
    t0 = time.perf_counter()
    state = merge_stories(events, docs)
    took = time.perf_counter() - t0
    p, r = pair_scores(state, events, truth)
    n_true = len(np.unique(truth))
    rows.append(
        ("all at once", len(events), len(state.stories), n_true, f"{p:.3f}", f"{r:.3f}", took)
    )

    events, docs, truth = corpus(110_000, args.seed + 1)
    published = pd.to_datetime(docs["published"])
    cut = published.sort_values().iloc[100_000]
    early = events["doc_id"].isin(docs.loc[published < cut, "doc_id"])
    t0 = time.perf_counter()
    first = merge_stories(events[early], docs)
    took_first = time.perf_counter() - t0
    t0 = time.perf_counter()
    step = merge_stories(events, docs, previous=first)
    took_step = time.perf_counter() - t0
    at_once = merge_stories(events, docs)
    same = step.stories.equals(at_once.stories) and step.mentions.equals(at_once.mentions)
    t0 = time.perf_counter()
    again = merge_stories(events, docs, previous=step)
    took_again = time.perf_counter() - t0
    idempotent = again.stories.equals(step.stories) and again.mentions.equals(step.mentions)
    p, r = pair_scores(step, events, truth)
    n_true = len(np.unique(truth))
    n_stories = len(step.stories)
    n_first = int(early.sum())
    rows.append(("first batch", n_first, len(first.stories), -1, "", "", took_first))
    rows.append(
        (
            "+ later batch",
            len(events) - n_first,
            n_stories,
            n_true,
            f"{p:.3f}",
            f"{r:.3f}",
            took_step,
        )
    )
    rows.append(("rerun (no new)", 0, len(again.stories), -1, "", "", took_again))

    head = ("mentions", "stories", "true", "pair P", "pair R", "time s")
    print(f"{'run':<16}" + "".join(f"{h:>10}" for h in head))
    for name, n, s, t, pp, rr, sec in rows:
        true = "" if t < 0 else str(t)
        print(f"{name:<16}{n:>10}{s:>10}{true:>10}{pp:>10}{rr:>10}{sec:>10.2f}")
    print(f"incremental == all at once: {same}; rerun idempotent: {idempotent}")


if __name__ == "__main__":
    main()
