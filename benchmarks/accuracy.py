"""Accuracy of the event coder on the dev corpus and the field's public gold sets.

    python benchmarks/accuracy.py [--shared ../shared] [--limit N]

Reads the gold files from the shared folder at run time (they are never copied into the
project) and prints one table:

- dev.jsonl: the exchange-format scorer (strict and date-free event F1, status and claimed_by
  agreement on matched events, commitments, and the comparison of paired readouts);
- petr2-gsr: case-level matches on (source country, target country, CAMEO root) and on
  (source country, target country, PLOVER type), and false events on its no-event cases;
- case2021-task2 and conflibert-cameo-irr: type only (PLOVER type or CAMEO root present among
  the predicted events) and false events on no-event cases.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from flashpoint.engine.local import annotate, code_documents
from flashpoint.evaluate import load_exchange, score
from flashpoint.events import load_coder
from flashpoint.ingest import read_documents
from flashpoint.ingest.records import Defaults, build_document
from flashpoint.models import Event

ROOT = Path(__file__).resolve().parents[1]


def prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (1.0 when there is nothing to find or claim)."""
    p = tp / pred if pred else 1.0
    r = tp / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def dev_rows(shared: Path) -> list[tuple[str, str, str]]:
    """Rows of the table for the dev corpus, scored by the exchange-format scorer."""
    gold_path = shared / "corpus" / "dev.jsonl"
    gold = load_exchange(gold_path)
    docs = list(read_documents([gold_path]))
    pred = {str(record["doc_id"]): record for record in annotate(docs, load_coder())}
    figures = score(gold, pred)
    strict, loose = figures["events_strict"], figures["events_ignoring_date"]
    attrs = figures["attributes_on_matched"]
    rows = [
        ("dev.jsonl", "events strict P/R/F1",
         f"{strict['precision']:.3f} / {strict['recall']:.3f} / {strict['f1']:.3f}"),
        ("dev.jsonl", "events ignoring date P/R/F1",
         f"{loose['precision']:.3f} / {loose['recall']:.3f} / {loose['f1']:.3f}"),
        ("dev.jsonl", "status / claimed_by / location agreement",
         " / ".join(f"{attrs.get(k) or 0:.3f}" for k in ("status", "claimed_by", "location"))),
        ("dev.jsonl", "false events in event-less docs",
         str(figures["false_events_in_eventless_docs"])),
    ]  # fmt: skip
    for key, label in (
        ("commitments", "commitments"),
        ("comparison_only_here", "comparison only_here"),
        ("comparison_shared", "comparison shared"),
    ):
        m = figures[key]
        rows.append(("dev.jsonl", f"{label} P/R/F1",
                     f"{m['precision']:.3f} / {m['recall']:.3f} / {m['f1']:.3f}"))  # fmt: skip
    for kind, m in figures["per_type"].items():
        rows.append(("dev.jsonl", f"  {kind} P/R/F1 (tp/pred/gold)",
                     f"{m['precision']:.2f} / {m['recall']:.2f} / {m['f1']:.2f} "
                     f"({m['tp']}/{m['pred']}/{m['gold']})"))  # fmt: skip
    return rows


def cases(path: Path, limit: int | None) -> list[dict[str, Any]]:
    """The cases of a benchmark set that are meant to be evaluated."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    rows = [r for r in rows if r.get("evaluate", True)]
    return rows[:limit] if limit else rows


def coded(rows: Iterable[dict[str, Any]]) -> list[tuple[dict[str, Any], list[Event]]]:
    """Code each case's text as a news document published on the case's date."""
    docs = []
    for row in rows:
        published = date.fromisoformat(row["date"]) if row.get("date") else None
        record = {"doc_id": row["id"], "text": row["text"], "published": published}
        docs.append(build_document(record, row["id"], Defaults()))
    by_id = {row["id"]: row for row in rows}
    return [(by_id[doc.doc_id], events) for doc, events in code_documents(docs, load_coder())]


def petr2_rows(shared: Path, limit: int | None) -> list[tuple[str, str, str]]:
    """Case-level dyad + CAMEO root and dyad + PLOVER matches on petr2-gsr."""
    results = coded(cases(shared / "benchmarks" / "petr2-gsr" / "cases.jsonl", limit))
    counts = {"root": [0, 0, 0], "plover": [0, 0, 0]}
    false_events = no_event_cases = 0
    for case, events in results:
        gold = case["expected"]
        if not gold:
            no_event_cases += 1
            false_events += len(events)
        for key, field in (("root", "cameo"), ("plover", "plover")):
            want = {
                (
                    g["source_country"],
                    g["target_country"],
                    (g[field] or "")[:2] if key == "root" else g[field],
                )
                for g in gold
            }
            got = {(e.source, e.target, (e.cameo or "")[:2] if key == "root" else e.type)
                   for e in events}  # fmt: skip
            counts[key][0] += len(want & got)
            counts[key][1] += len(got)
            counts[key][2] += len(want)
    rows = []
    for key, label in (("root", "dyad + CAMEO root"), ("plover", "dyad + PLOVER type")):
        p, r, f = prf(*counts[key])
        rows.append(("petr2-gsr", f"{label} P/R/F1", f"{p:.3f} / {r:.3f} / {f:.3f}"))
    rows.append(("petr2-gsr", "false events on no-event cases",
                 f"{false_events} on {no_event_cases} cases"))  # fmt: skip
    return rows


def type_rows(shared: Path, name: str, limit: int | None) -> list[tuple[str, str, str]]:
    """Type-only recall and precision at the case level, and false events on no-event cases."""
    results = coded(cases(shared / "benchmarks" / name / "cases.jsonl", limit))
    tp = pred = gold_n = false_events = no_event = 0
    for case, events in results:
        if name == "conflibert-cameo-irr":
            want = {(g.get("cameo") or "")[:2] for g in case["expected"]} - {""}
            got = {(e.cameo or "")[:2] for e in events}
        else:
            want = {g["plover"] for g in case["expected"] if g.get("plover")}
            got = {e.type for e in events}
        if not case["expected"]:
            no_event += 1
            false_events += len(events)
            continue
        tp += len(want & got)
        pred += len(got)
        gold_n += len(want)
    p, r, f = prf(tp, pred, gold_n)
    label = "CAMEO root" if name == "conflibert-cameo-irr" else "PLOVER type"
    return [
        (name, f"{label} P/R/F1 (cases with events)", f"{p:.3f} / {r:.3f} / {f:.3f}"),
        (name, "false events on no-event cases", f"{false_events} on {no_event} cases"),
    ]


def main() -> None:
    """Run every benchmark that is present and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--limit", type=int, default=None, help="cases per benchmark set")
    args = parser.parse_args()
    start = time.perf_counter()
    rows = dev_rows(args.shared)
    rows += petr2_rows(args.shared, args.limit)
    rows += type_rows(args.shared, "case2021-task2", args.limit)
    rows += type_rows(args.shared, "conflibert-cameo-irr", args.limit)
    width = max(len(r[1]) for r in rows)
    print(f"{'set':<22} {'measure':<{width}}  value")
    for name, measure, value in rows:
        print(f"{name:<22} {measure:<{width}}  {value}")
    print(f"({time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main()
