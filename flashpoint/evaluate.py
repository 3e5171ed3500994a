"""Scoring coded documents against gold annotations in the exchange format."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from flashpoint.errors import InputError, json_problem

__all__ = [
    "Tally",
    "dates_compatible",
    "events_match",
    "load_exchange",
    "match_claims",
    "match_commitments",
    "match_events",
    "normalise_code",
    "pair_greedy",
    "parse_partial_date",
    "precision_recall",
    "render_report",
    "score",
    "score_files",
    "word_overlap",
    "words",
]

Precision = Literal["year", "month", "day"]
Pairs = list[tuple[int, int]]

_WORD = re.compile(r"[a-z0-9]+")
# Two texts (place names, commitment evidence, comparison claims) count as the same when they
# share half the words of the shorter one, which lets a coder quote a little more or less.
_OVERLAP_NEEDED = 0.5
_DEFAULT_STATUS = "occurred"
_ROW_TITLES = (
    ("events (strict)", "events_strict"),
    ("events (ignoring date)", "events_ignoring_date"),
    ("commitments", "commitments"),
    ("comparison: only here", "comparison_only_here"),
    ("comparison: shared", "comparison_shared"),
)


# --- reading ---------------------------------------------------------------------------------


def load_exchange(path: str | Path) -> dict[str, dict[str, Any]]:
    """Read an exchange-format JSONL file into documents keyed by their doc_id."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from None
    docs: dict[str, dict[str, Any]] = {}
    for n, line in enumerate(raw.splitlines(), 1):
        try:
            text = line.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError:
            raise InputError(f"{path}:{n}: not UTF-8 text; save the file as UTF-8") from None
        if not text.strip():
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as err:
            raise InputError(f"{path}:{n}: {json_problem(err)}") from None
        if not isinstance(obj, dict) or "doc_id" not in obj:
            raise InputError(f"{path}:{n}: no doc_id")
        docs[str(obj["doc_id"])] = obj
    return docs


# --- normalising ------------------------------------------------------------------------------


def normalise_code(value: object) -> str | None:
    """Return a state or type code stripped and upper-cased; None for None, "" and "null"."""
    if value is None or (isinstance(value, str) and value in ("", "null")):
        return None
    return str(value).strip().upper()


def parse_partial_date(value: object) -> tuple[Precision, date] | None:
    """Return (precision, first day) of a YYYY, YYYY-MM or YYYY-MM-DD value; None if unreadable."""
    if not value:
        return None
    pieces = str(value)[:10].split("-")
    try:
        numbers = [int(piece) for piece in pieces]
        if len(numbers) == 1:
            return "year", date(numbers[0], 1, 1)
        if len(numbers) == 2:
            return "month", date(numbers[0], numbers[1], 1)
        if len(numbers) == 3:
            return "day", date(numbers[0], numbers[1], numbers[2])
    except ValueError:
        return None
    return None


def dates_compatible(gold: object, pred: object) -> bool:
    """Tell whether a predicted date can stand for a gold date at the coarser precision."""
    gold_date = parse_partial_date(gold)
    if gold_date is None:
        return True  # the gold leaves the date open
    pred_date = parse_partial_date(pred)
    if pred_date is None:
        return False
    precisions = {gold_date[0], pred_date[0]}
    first, second = gold_date[1], pred_date[1]
    if "year" in precisions:
        return first.year == second.year
    if "month" in precisions:
        return (first.year, first.month) == (second.year, second.month)
    return abs((first - second).days) <= 1


def words(text: object) -> set[str]:
    """Return the set of lowercase [a-z0-9]+ words in a text (empty for a missing text)."""
    return set(_WORD.findall(str(text or "").lower()))


def word_overlap(a: object, b: object) -> float:
    """Return the share of the smaller word set found in the other (0.0 when either is empty)."""
    words_a, words_b = words(a), words(b)
    if not words_a or not words_b:
        return 0.0
    return len(words_a & words_b) / min(len(words_a), len(words_b))


# --- pairing ----------------------------------------------------------------------------------


def pair_greedy(
    gold: Sequence[Any],
    pred: Sequence[Any],
    same: Callable[[Any, Any], bool],
    closeness: Callable[[Any, Any], float],
) -> Pairs:
    """Pair gold with predictions one to one, in gold order, taking the closest free candidate."""
    taken: set[int] = set()
    pairs: Pairs = []
    for gold_index, gold_item in enumerate(gold):
        candidates = [
            pred_index
            for pred_index, pred_item in enumerate(pred)
            if pred_index not in taken and same(gold_item, pred_item)
        ]
        if not candidates:
            continue
        # max() keeps the first of equals, so ties go to the earliest prediction.
        chosen = max(candidates, key=lambda index: closeness(gold_item, pred[index]))
        taken.add(chosen)
        pairs.append((gold_index, chosen))
    return pairs


def _evidence_overlap(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> float:
    """Return the word overlap of two records' evidence texts."""
    return word_overlap(gold.get("evidence"), pred.get("evidence"))


def events_match(gold: Mapping[str, Any], pred: Mapping[str, Any], *, with_date: bool) -> bool:
    """Tell whether two events share source, target and type (and, if asked, a compatible date)."""
    same_codes = all(
        normalise_code(gold.get(field)) == normalise_code(pred.get(field))
        for field in ("source", "target", "type")
    )
    if not same_codes:
        return False
    return not with_date or dates_compatible(gold.get("date"), pred.get("date"))


def match_events(
    gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]], *, with_date: bool = True
) -> Pairs:
    """Pair gold events with predicted ones, preferring the prediction with the closest evidence."""

    def same(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
        return events_match(g, p, with_date=with_date)

    return pair_greedy(gold, pred, same, _evidence_overlap)


def _commitments_match(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Tell whether two commitments share actor, a compatible due date and their evidence."""
    return (
        normalise_code(gold.get("actor")) == normalise_code(pred.get("actor"))
        and dates_compatible(gold.get("due"), pred.get("due"))
        and _evidence_overlap(gold, pred) >= _OVERLAP_NEEDED
    )


def match_commitments(
    gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]
) -> Pairs:
    """Pair gold commitments with predicted ones on actor, due date and evidence overlap."""
    return pair_greedy(gold, pred, _commitments_match, _evidence_overlap)


def match_claims(gold: Sequence[object], pred: Sequence[object]) -> Pairs:
    """Pair gold comparison claims with predicted ones whose words overlap by half or more."""

    def same(g: object, p: object) -> bool:
        return word_overlap(g, p) >= _OVERLAP_NEEDED

    return pair_greedy(gold, pred, same, word_overlap)


# --- counting ---------------------------------------------------------------------------------


@dataclass(slots=True)
class Tally:
    """Running counts of true positives, predictions and gold items for one measure."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, tp: int, pred: int, gold: int) -> None:
        """Add one document's counts."""
        self.tp += tp
        self.pred += pred
        self.gold += gold

    def summary(self) -> dict[str, Any]:
        """Return the counts with precision, recall and F1."""
        return precision_recall(self.tp, self.pred, self.gold)


def precision_recall(tp: int, pred: int, gold: int) -> dict[str, Any]:
    """Return tp, pred, gold, precision, recall and F1 (4 decimals); nothing asked, nothing owed."""
    precision = tp / pred if pred else (0.0 if gold else 1.0)
    recall = tp / gold if gold else (0.0 if pred else 1.0)
    both = precision + recall
    f1 = 2 * precision * recall / both if both else 0.0
    return {
        "tp": tp,
        "pred": pred,
        "gold": gold,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


@dataclass(slots=True)
class _Agreement:
    """How often one attribute of matched events agrees: agreeing and counted pairs."""

    ok: int = 0
    n: int = 0

    def add(self, agrees: bool) -> None:
        """Count one matched pair."""
        self.n += 1
        self.ok += agrees

    def rate(self) -> float | None:
        """Return the share that agreed (4 decimals), None when nothing was counted."""
        return round(self.ok / self.n, 4) if self.n else None


def _location_name(location: object) -> object:
    """Return the name of a location record, None for anything else."""
    return location.get("name") if isinstance(location, Mapping) else None


def _list(record: Mapping[str, Any], field: str) -> list[Any]:
    """Return a record's list field, empty when missing or null."""
    return list(record.get(field) or [])


@dataclass(slots=True)
class _Scorer:
    """Counts gathered over documents; one instance per call to score()."""

    strict: Tally
    loose: Tally
    commitments: Tally
    only_here: Tally
    shared: Tally
    per_type: dict[str | None, Tally]
    attributes: dict[str, _Agreement]
    false_events: int = 0

    def add_document(self, gold: Mapping[str, Any], pred: Mapping[str, Any]) -> None:
        """Score one gold document against its prediction (empty when predicted none)."""
        self._add_events(_list(gold, "events"), _list(pred, "events"))
        gold_commitments, pred_commitments = _list(gold, "commitments"), _list(pred, "commitments")
        self.commitments.add(
            len(match_commitments(gold_commitments, pred_commitments)),
            len(pred_commitments),
            len(gold_commitments),
        )
        self._add_comparisons(_list(gold, "comparisons"), _list(pred, "comparisons"))

    def _type_tally(self, event: Mapping[str, Any]) -> Tally:
        """Return the per-type counts for an event's type, starting them when new."""
        return self.per_type.setdefault(normalise_code(event.get("type")), Tally())

    def _agreement(self, name: str) -> _Agreement:
        """Return the agreement counts for an attribute, starting them when new."""
        return self.attributes.setdefault(name, _Agreement())

    def _add_events(self, gold: list[Any], pred: list[Any]) -> None:
        """Count event matches, per-type figures and attribute agreement for one document."""
        pairs = match_events(gold, pred, with_date=True)
        self.strict.add(len(pairs), len(pred), len(gold))
        self.loose.add(len(match_events(gold, pred, with_date=False)), len(pred), len(gold))
        if not gold:
            self.false_events += len(pred)
        for event in gold:
            self._type_tally(event).gold += 1
        for event in pred:
            self._type_tally(event).pred += 1
        for gold_index, pred_index in pairs:
            gold_event, pred_event = gold[gold_index], pred[pred_index]
            self._type_tally(gold_event).tp += 1
            self._add_attributes(gold_event, pred_event)

    def _add_attributes(self, gold: Mapping[str, Any], pred: Mapping[str, Any]) -> None:
        """Count whether status, claimed_by and (where the gold has one) location agree."""
        self._agreement("status").add(
            (gold.get("status") or _DEFAULT_STATUS) == (pred.get("status") or _DEFAULT_STATUS)
        )
        self._agreement("claimed_by").add(
            normalise_code(gold.get("claimed_by")) == normalise_code(pred.get("claimed_by"))
        )
        if gold.get("location"):
            overlap = word_overlap(
                _location_name(gold["location"]), _location_name(pred.get("location"))
            )
            self._agreement("location").add(overlap >= _OVERLAP_NEEDED)

    def _add_comparisons(self, gold: list[Any], pred: list[Any]) -> None:
        """Count claim matches of each gold comparison against the prediction for its pair_doc."""
        for gold_comparison in gold:
            pair_doc = gold_comparison.get("pair_doc")
            counterpart: Mapping[str, Any] = next(
                (c for c in pred if c.get("pair_doc") == pair_doc), {}
            )
            for field, tally in (("only_here", self.only_here), ("shared", self.shared)):
                gold_claims, pred_claims = _list(gold_comparison, field), _list(counterpart, field)
                tally.add(
                    len(match_claims(gold_claims, pred_claims)), len(pred_claims), len(gold_claims)
                )


def score(
    gold: Mapping[str, Mapping[str, Any]], pred: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any]:
    """Score predicted documents against gold ones, both keyed by doc_id, into a JSON summary."""
    scorer = _Scorer(Tally(), Tally(), Tally(), Tally(), Tally(), per_type={}, attributes={})
    for doc_id, gold_doc in gold.items():
        scorer.add_document(gold_doc, pred.get(doc_id, {}))
    per_type = sorted(scorer.per_type.items(), key=lambda item: str(item[0]))
    return {
        "documents": len(gold),
        "documents_missing_from_predictions": [doc_id for doc_id in gold if doc_id not in pred],
        "events_strict": scorer.strict.summary(),
        "events_ignoring_date": scorer.loose.summary(),
        "per_type": {code: tally.summary() for code, tally in per_type},
        "attributes_on_matched": {
            name: agreement.rate() for name, agreement in scorer.attributes.items()
        },
        "false_events_in_eventless_docs": scorer.false_events,
        "commitments": scorer.commitments.summary(),
        "comparison_only_here": scorer.only_here.summary(),
        "comparison_shared": scorer.shared.summary(),
    }


def score_files(gold_path: str | Path, pred_path: str | Path) -> dict[str, Any]:
    """Load a gold and a prediction file in the exchange format and score them."""
    return score(load_exchange(gold_path), load_exchange(pred_path))


# --- reporting --------------------------------------------------------------------------------


def _report_row(title: str, figures: Mapping[str, Any]) -> str:
    """Return one aligned line of precision, recall, F1 and counts."""
    return (
        f"{title:<26} P {figures['precision']:.3f}  R {figures['recall']:.3f}"
        f"  F1 {figures['f1']:.3f}"
        f"   (tp {figures['tp']}, pred {figures['pred']}, gold {figures['gold']})"
    )


def render_report(summary: Mapping[str, Any]) -> str:
    """Render a score() summary as the readable multi-line report."""
    missing = len(summary["documents_missing_from_predictions"])
    lines = [f"documents: {summary['documents']}  missing from predictions: {missing}"]
    lines += [_report_row(title, summary[key]) for title, key in _ROW_TITLES]
    lines.append(
        f"false events in event-less documents: {summary['false_events_in_eventless_docs']}"
    )
    attributes = summary["attributes_on_matched"].items()
    lines.append(
        "attribute accuracy on matched events: "
        + ", ".join(f"{name} {rate}" for name, rate in attributes)
    )
    lines.append("per type:")
    lines += [
        "  " + _report_row(str(code), figures) for code, figures in summary["per_type"].items()
    ]
    lines.append(f"event F1 (strict): {summary['events_strict']['f1']:.3f}")
    return "\n".join(lines)
