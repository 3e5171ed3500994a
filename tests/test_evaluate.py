"""Tests for scoring coded documents against gold annotations (flashpoint.evaluate)."""

from __future__ import annotations

import copy
import importlib.util
import json
import random
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from flashpoint.errors import FlashpointError, InputError
from flashpoint.evaluate import (
    dates_compatible,
    load_exchange,
    match_events,
    normalise_code,
    precision_recall,
    render_report,
    score,
    score_files,
    word_overlap,
)

Doc = dict[str, Any]

REFERENCE_SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


def event(
    source: str | None,
    target: str | None,
    type_: str | None,
    when: str | None,
    evidence: str = "",
    **fields: object,
) -> Doc:
    """Build an event in the exchange format."""
    return {
        "source": source,
        "target": target,
        "type": type_,
        "date": when,
        "evidence": evidence,
        **fields,
    }


def doc(
    doc_id: str,
    events: list[Doc] | None = None,
    commitments: list[Doc] | None = None,
    comparisons: list[Doc] | None = None,
) -> Doc:
    """Build a document in the exchange format."""
    return {
        "doc_id": doc_id,
        "published": "2031-03-10",
        "events": events or [],
        "commitments": commitments or [],
        "comparisons": comparisons or [],
    }


def keyed(*docs: Doc) -> dict[str, Doc]:
    """Key documents by doc_id, as load_exchange does."""
    return {d["doc_id"]: d for d in docs}


def one_pair(gold_event: Doc, pred_event: Doc) -> dict[str, Any]:
    """Score one gold event against one prediction in a single document."""
    return score(keyed(doc("d", [gold_event])), keyed(doc("d", [pred_event])))


# --- events -----------------------------------------------------------------------------------

RIVER_VISIT = event("ALD", "BRN", "CONSULT", "2031-03-08", "Aldova's envoy visited Bornia")
BORNIA_PRAISE = event("BRN", "ALD", "SUPPORT", "2031-03-08", "Bornia praised the envoy")
QUOTA_PROTEST = event("CEL", "ALD", "ACCUSE", "2031-03-05", "Celesta protested fishing quotas")


def test_two_right_one_wrong_type_one_wrong_date_gives_strict_and_dateless_figures() -> None:
    gold = keyed(doc("d1", [RIVER_VISIT, BORNIA_PRAISE, QUOTA_PROTEST]))
    pred = keyed(
        doc(
            "d1",
            [
                RIVER_VISIT,
                BORNIA_PRAISE,
                {**RIVER_VISIT, "type": "AGREE"},  # wrong type
                {**QUOTA_PROTEST, "date": "2031-03-08"},  # three days off
            ],
        )
    )

    summary = score(gold, pred)

    assert summary["events_strict"] == {
        "tp": 2,
        "pred": 4,
        "gold": 3,
        "precision": 0.5,
        "recall": 0.6667,
        "f1": 0.5714,
    }
    assert summary["events_ignoring_date"]["tp"] == 3
    assert summary["events_ignoring_date"]["precision"] == 0.75
    assert summary["events_ignoring_date"]["recall"] == 1.0
    assert summary["events_ignoring_date"]["f1"] == 0.8571


def test_codes_match_after_trimming_and_upper_casing() -> None:
    pred_event = {**RIVER_VISIT, "source": " ald", "target": "brn ", "type": "consult"}

    assert one_pair(RIVER_VISIT, pred_event)["events_strict"]["tp"] == 1


def test_missing_target_matches_null_and_empty_target() -> None:
    gold_event = event("ALD", None, "MOBILIZE", "2031-03-01", "Aldova moved troops")

    assert one_pair(gold_event, {**gold_event, "target": ""})["events_strict"]["tp"] == 1
    assert one_pair(gold_event, {**gold_event, "target": "null"})["events_strict"]["tp"] == 1
    assert one_pair(gold_event, {**gold_event, "target": "BRN"})["events_strict"]["tp"] == 0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (" twn ", "TWN"),
        ("igo:un", "IGO:UN"),
        ("", None),
        ("null", None),
        (None, None),
    ],
    ids=["trimmed-upper", "igo", "empty", "null-string", "none"],
)
def test_normalise_code(value: str | None, expected: str | None) -> None:
    assert normalise_code(value) == expected


@pytest.mark.parametrize(
    ("gold", "pred", "compatible"),
    [
        ("2031-03-08", "2031-03-09", True),
        ("2031-03-08", "2031-03-07", True),
        ("2031-03-08", "2031-03-10", False),
        ("2031-03-08", "2031-03-06", False),
        ("2031-03-31", "2031-04-01", True),
        ("2031-03", "2031-03-08", True),
        ("2031-03-08", "2031-03", True),
        ("2031-03", "2031-04-01", False),
        ("2031", "2031-11", True),
        ("2031-11", "2031", True),
        ("2031", "2032-01", False),
        (None, "2031-03-08", True),
        (None, None, True),
        ("2031-03-08", None, False),
        ("2031-03-08", "", False),
        ("2031-03-08", "next week", False),
        ("2031-03-08T23:00:00", "2031-03-09", True),
        ("2031-02-30", "2031-07-01", True),
    ],
    ids=[
        "day-plus-one",
        "day-minus-one",
        "day-plus-two",
        "day-minus-two",
        "day-across-month-end",
        "gold-month-pred-day",
        "gold-day-pred-month",
        "month-vs-day-other-month",
        "year-vs-month",
        "month-vs-year",
        "year-vs-other-year",
        "gold-null",
        "both-null",
        "pred-null",
        "pred-empty",
        "pred-unreadable",
        "timestamp-cut-to-day",
        "gold-impossible-date-left-open",
    ],
)
def test_dates_compatible(gold: str | None, pred: str | None, compatible: bool) -> None:
    assert dates_compatible(gold, pred) is compatible


def test_event_two_days_off_matches_only_when_ignoring_date() -> None:
    summary = one_pair(RIVER_VISIT, {**RIVER_VISIT, "date": "2031-03-10"})

    assert summary["events_strict"]["tp"] == 0
    assert summary["events_ignoring_date"]["tp"] == 1


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Bornia praised the envoy", "the envoy was thanked by Bornia", 0.75),
        ("Talks in Vell-Harbour", "vell harbour talks", 1.0),
        ("quota", "", 0.0),
        (None, "quota", 0.0),
        ("fish quotas", "grain tariffs", 0.0),
    ],
    ids=["shorter-set-decides", "case-and-punctuation", "empty", "missing", "disjoint"],
)
def test_word_overlap(a: str | None, b: str | None, expected: float) -> None:
    assert word_overlap(a, b) == expected


def test_pairing_prefers_prediction_with_closer_evidence() -> None:
    gold = [
        event("ALD", "BRN", "ACCUSE", "2031-03-02", "Aldova condemned the border raid"),
        event("ALD", "BRN", "ACCUSE", "2031-03-02", "Aldova denounced the grain embargo"),
    ]
    pred = [
        event("ALD", "BRN", "ACCUSE", "2031-03-02", "Aldova denounced the grain embargo"),
        event("ALD", "BRN", "ACCUSE", "2031-03-02", "Aldova condemned the border raid"),
    ]

    assert match_events(gold, pred) == [(0, 1), (1, 0)]


def test_pairing_ties_go_to_the_earliest_prediction() -> None:
    gold = [event("ALD", "BRN", "ACCUSE", None, "Aldova condemned the raid")]
    pred = [
        event("ALD", "BRN", "ACCUSE", "2031-03-02", "unrelated words"),
        event("ALD", "BRN", "ACCUSE", "2031-03-03", "other unrelated words"),
    ]

    assert match_events(gold, pred) == [(0, 0)]


def test_pairing_is_one_to_one() -> None:
    gold = [RIVER_VISIT, RIVER_VISIT]

    assert match_events(gold, [RIVER_VISIT]) == [(0, 0)]
    assert score(keyed(doc("d", gold)), keyed(doc("d", [RIVER_VISIT])))["events_strict"] == {
        "tp": 1,
        "pred": 1,
        "gold": 2,
        "precision": 1.0,
        "recall": 0.5,
        "f1": 0.6667,
    }


def test_closer_evidence_pairing_carries_over_to_attribute_agreement() -> None:
    raid = event("ALD", "BRN", "ACCUSE", None, "Aldova condemned the border raid")
    embargo = event("ALD", "BRN", "ACCUSE", None, "Aldova denounced the grain embargo")
    gold = keyed(doc("d", [{**raid, "status": "occurred"}, {**embargo, "status": "denied"}]))
    pred = keyed(doc("d", [{**embargo, "status": "denied"}, {**raid, "status": "occurred"}]))

    assert score(gold, pred)["attributes_on_matched"]["status"] == 1.0


def test_per_type_table_sorted_by_type_and_counts_untyped_events() -> None:
    gold = keyed(doc("d", [QUOTA_PROTEST, RIVER_VISIT, BORNIA_PRAISE]))
    pred = keyed(doc("d", [QUOTA_PROTEST, {**RIVER_VISIT, "type": None}]))

    per_type = score(gold, pred)["per_type"]

    assert list(per_type) == ["ACCUSE", "CONSULT", None, "SUPPORT"]
    assert per_type["ACCUSE"]["f1"] == 1.0
    assert per_type["CONSULT"] == {
        "tp": 0,
        "pred": 0,
        "gold": 1,
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
    }
    assert per_type[None]["pred"] == 1
    assert json.dumps(list(per_type)) == '["ACCUSE", "CONSULT", null, "SUPPORT"]'


# --- attributes on matched events --------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold_status", "pred_status", "rate"),
    [
        (None, "occurred", 1.0),
        ("occurred", None, 1.0),
        (None, None, 1.0),
        ("planned", None, 0.0),
        ("planned", "planned", 1.0),
        ("denied", "occurred", 0.0),
    ],
    ids=[
        "gold-missing",
        "pred-missing",
        "both-missing",
        "planned-vs-missing",
        "same",
        "different",
    ],
)
def test_status_missing_counts_as_occurred(
    gold_status: str | None, pred_status: str | None, rate: float
) -> None:
    summary = one_pair(
        {**RIVER_VISIT, "status": gold_status}, {**RIVER_VISIT, "status": pred_status}
    )

    assert summary["attributes_on_matched"]["status"] == rate


@pytest.mark.parametrize(
    ("gold_claim", "pred_claim", "rate"),
    [
        ("BRN", " brn ", 1.0),
        (None, "", 1.0),
        (None, "null", 1.0),
        ("BRN", None, 0.0),
        ("BRN", "ALD", 0.0),
    ],
    ids=["case-and-space", "empty-is-null", "null-string", "missing", "other-state"],
)
def test_claimed_by_compared_after_normalising(
    gold_claim: str | None, pred_claim: str | None, rate: float
) -> None:
    summary = one_pair(
        {**RIVER_VISIT, "claimed_by": gold_claim}, {**RIVER_VISIT, "claimed_by": pred_claim}
    )

    assert summary["attributes_on_matched"]["claimed_by"] == rate


@pytest.mark.parametrize(
    ("pred_location", "rate"),
    [
        ({"name": "the Vell harbour", "country": "BRN", "lat": 1.5, "lon": 2.5}, 1.0),
        ({"name": "Vell"}, 1.0),
        ({"name": "Ostmark"}, 0.0),
        (None, 0.0),
    ],
    ids=["extra-words-and-coordinates", "half-the-words", "other-place", "none"],
)
def test_location_agrees_on_half_the_name_words(pred_location: Doc | None, rate: float) -> None:
    gold_event = {**RIVER_VISIT, "location": {"name": "Vell Harbour", "country": "BRN"}}

    summary = one_pair(gold_event, {**RIVER_VISIT, "location": pred_location})

    assert summary["attributes_on_matched"]["location"] == rate


def test_location_only_counted_where_gold_has_one() -> None:
    summary = one_pair(RIVER_VISIT, {**RIVER_VISIT, "location": {"name": "Vell Harbour"}})

    assert summary["attributes_on_matched"] == {"status": 1.0, "claimed_by": 1.0}


def test_attribute_rates_average_over_matched_events_only() -> None:
    gold = keyed(
        doc(
            "d",
            [
                {**RIVER_VISIT, "claimed_by": "BRN", "location": {"name": "Vell"}},
                {**BORNIA_PRAISE, "claimed_by": "BRN"},
                {**QUOTA_PROTEST, "status": "planned"},
            ],
        )
    )
    pred = keyed(
        doc(
            "d",
            [
                {**RIVER_VISIT, "claimed_by": "brn", "location": {"name": "Vell"}},
                {**BORNIA_PRAISE, "claimed_by": None},
                {**QUOTA_PROTEST, "type": "REJECT", "status": "occurred"},  # unmatched
            ],
        )
    )

    attributes = score(gold, pred)["attributes_on_matched"]

    assert list(attributes) == ["status", "claimed_by", "location"]
    assert attributes == {"status": 1.0, "claimed_by": 0.5, "location": 1.0}


def test_no_matched_events_gives_no_attribute_figures() -> None:
    assert score(keyed(doc("d", [RIVER_VISIT])), keyed(doc("d")))["attributes_on_matched"] == {}


# --- documents --------------------------------------------------------------------------------


def test_events_predicted_in_an_eventless_document_are_false_events() -> None:
    gold = keyed(doc("match-report"), doc("d", [RIVER_VISIT]))
    pred = keyed(doc("match-report", [RIVER_VISIT, BORNIA_PRAISE]), doc("d", [RIVER_VISIT]))

    summary = score(gold, pred)

    assert summary["false_events_in_eventless_docs"] == 2
    assert summary["events_strict"]["pred"] == 3
    assert summary["events_strict"]["precision"] == 0.3333


def test_wrong_events_in_a_document_with_events_are_not_false_events() -> None:
    gold = keyed(doc("d", [RIVER_VISIT]))
    pred = keyed(doc("d", [BORNIA_PRAISE]))

    assert score(gold, pred)["false_events_in_eventless_docs"] == 0


def test_document_missing_from_predictions_is_listed_and_counts_against_recall() -> None:
    gold = keyed(doc("d1", [RIVER_VISIT]), doc("d2", [BORNIA_PRAISE, QUOTA_PROTEST]))
    pred = keyed(doc("d1", [RIVER_VISIT]), doc("unknown", [BORNIA_PRAISE]))

    summary = score(gold, pred)

    assert summary["documents"] == 2
    assert summary["documents_missing_from_predictions"] == ["d2"]
    assert summary["events_strict"]["tp"] == 1
    assert summary["events_strict"]["pred"] == 1  # predictions for unknown documents are ignored
    assert summary["events_strict"]["recall"] == 0.3333


@pytest.mark.parametrize(
    ("tp", "pred", "gold", "figures"),
    [
        (0, 0, 0, (1.0, 1.0, 1.0)),
        (0, 2, 0, (0.0, 0.0, 0.0)),
        (0, 0, 3, (0.0, 0.0, 0.0)),
        (2, 3, 4, (0.6667, 0.5, 0.5714)),
    ],
    ids=["nothing-asked-nothing-given", "only-predictions", "only-gold", "ordinary"],
)
def test_precision_recall_conventions(
    tp: int, pred: int, gold: int, figures: tuple[float, float, float]
) -> None:
    result = precision_recall(tp, pred, gold)

    assert (result["precision"], result["recall"], result["f1"]) == figures
    assert (result["tp"], result["pred"], result["gold"]) == (tp, pred, gold)


def test_summary_keys_in_the_exchange_order() -> None:
    assert list(score({}, {})) == [
        "documents",
        "documents_missing_from_predictions",
        "events_strict",
        "events_ignoring_date",
        "per_type",
        "attributes_on_matched",
        "false_events_in_eventless_docs",
        "commitments",
        "comparison_only_here",
        "comparison_shared",
    ]


# --- commitments ------------------------------------------------------------------------------

PORT_PLEDGE = {
    "actor": "ALD",
    "counterpart": "BRN",
    "what": "reopen the port",
    "due": "2031-06",
    "evidence": "Aldova pledged to reopen the Vell port to Bornian ships by June",
}


@pytest.mark.parametrize(
    ("change", "matched"),
    [
        ({}, True),
        ({"actor": " ald"}, True),
        ({"due": "2031-06-15"}, True),
        ({"due": "2031"}, True),
        ({"due": None}, False),
        ({"due": "2031-07"}, False),
        ({"actor": "BRN"}, False),
        ({"evidence": "Aldova pledged to reopen"}, True),
        ({"evidence": "Aldova will buy Bornian grain and timber next season"}, False),
        ({"counterpart": None, "what": "something else"}, True),
    ],
    ids=[
        "same",
        "actor-normalised",
        "due-day-in-month",
        "due-year",
        "due-missing",
        "due-other-month",
        "other-actor",
        "evidence-half-overlap",
        "evidence-too-different",
        "counterpart-and-what-ignored",
    ],
)
def test_commitments_match_on_actor_due_and_evidence(change: Doc, matched: bool) -> None:
    gold = keyed(doc("d", commitments=[PORT_PLEDGE]))
    pred = keyed(doc("d", commitments=[{**PORT_PLEDGE, **change}]))

    figures = score(gold, pred)["commitments"]

    assert figures["tp"] == int(matched)
    assert (figures["pred"], figures["gold"]) == (1, 1)


def test_commitment_without_gold_due_matches_any_due() -> None:
    gold = keyed(doc("d", commitments=[{**PORT_PLEDGE, "due": None}]))
    pred = keyed(doc("d", commitments=[{**PORT_PLEDGE, "due": "2040-01-01"}]))

    assert score(gold, pred)["commitments"]["f1"] == 1.0


# --- comparisons ------------------------------------------------------------------------------


def test_comparison_claims_matched_per_pair_doc() -> None:
    gold_comparison = {
        "pair_doc": "bornia-readout",
        "only_here": [
            "the envoy raised the detained fishermen",
            "both sides agreed to resume ferry service",
        ],
        "shared": ["the ministers spoke by phone on Tuesday"],
    }
    pred_comparisons = [
        {  # another pair: ignored
            "pair_doc": "celesta-readout",
            "only_here": ["both sides agreed to resume ferry service"],
            "shared": [],
        },
        {
            "pair_doc": "bornia-readout",
            "only_here": ["The envoy raised the case of the detained fishermen."],
            "shared": [
                "the ministers spoke by phone",
                "trade figures were discussed at length",
            ],
        },
    ]
    gold = keyed(doc("aldova-readout", comparisons=[gold_comparison]))
    pred = keyed(doc("aldova-readout", comparisons=pred_comparisons))

    summary = score(gold, pred)

    assert summary["comparison_only_here"] == {
        "tp": 1,
        "pred": 1,
        "gold": 2,
        "precision": 1.0,
        "recall": 0.5,
        "f1": 0.6667,
    }
    assert summary["comparison_shared"] == {
        "tp": 1,
        "pred": 2,
        "gold": 1,
        "precision": 0.5,
        "recall": 1.0,
        "f1": 0.6667,
    }


def test_comparisons_in_documents_without_gold_comparisons_are_not_counted() -> None:
    pred_comparison = {"pair_doc": "x", "only_here": ["a claim"], "shared": ["another claim"]}
    summary = score(keyed(doc("d")), keyed(doc("d", comparisons=[pred_comparison])))

    assert summary["comparison_only_here"]["pred"] == 0
    assert summary["comparison_shared"]["f1"] == 1.0


# --- report -----------------------------------------------------------------------------------


def test_render_report_shows_the_strict_f1_and_each_measure() -> None:
    gold = keyed(doc("d1", [RIVER_VISIT, BORNIA_PRAISE, QUOTA_PROTEST]), doc("d2"))
    pred = keyed(doc("d1", [RIVER_VISIT, BORNIA_PRAISE, {**RIVER_VISIT, "type": "AGREE"}]))

    report = render_report(score(gold, pred))
    lines = report.splitlines()

    assert lines[0] == "documents: 2  missing from predictions: 1"
    assert lines[1] == (
        "events (strict)            P 0.667  R 0.667  F1 0.667   (tp 2, pred 3, gold 3)"
    )
    assert "attribute accuracy on matched events: status 1.0, claimed_by 1.0" in lines
    assert "  AGREE" + " " * 21 + " P 0.000  R 0.000  F1 0.000   (tp 0, pred 1, gold 0)" in lines
    assert lines[-1] == "event F1 (strict): 0.667"


# --- reading files ----------------------------------------------------------------------------


def write_lines(path: Path, *lines: str) -> Path:
    """Write text lines to a file and return its path."""
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_load_exchange_keys_documents_by_doc_id_and_skips_blank_lines(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "gold.jsonl",
        json.dumps(doc("d1", [RIVER_VISIT])),
        "",
        "   ",
        json.dumps({"doc_id": 7, "events": []}),
    )

    docs = load_exchange(path)

    assert list(docs) == ["d1", "7"]
    assert docs["d1"]["events"] == [RIVER_VISIT]


def test_load_exchange_names_file_line_and_column_of_bad_json(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "pred.jsonl", json.dumps(doc("d1")), '{"doc_id": "d2",}')

    with pytest.raises(InputError) as caught:
        load_exchange(path)

    assert str(caught.value) == (
        f"{path}:2: not valid JSON at column 17 (Expecting property name enclosed in double quotes)"
    )


def test_load_exchange_names_the_line_without_doc_id(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "pred.jsonl", "", json.dumps({"events": []}))

    with pytest.raises(InputError, match=r"pred\.jsonl:2: no doc_id$"):
        load_exchange(path)


def test_load_exchange_rejects_a_line_that_is_not_an_object(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "pred.jsonl", '["doc_id"]')

    with pytest.raises(InputError, match=r"pred\.jsonl:1: no doc_id$"):
        load_exchange(path)


def test_load_exchange_names_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.jsonl"

    with pytest.raises(FlashpointError) as caught:
        load_exchange(str(path))

    assert isinstance(caught.value, InputError)
    assert str(caught.value) == f"{path}: no such file"


def test_score_files_scores_two_exchange_files(tmp_path: Path) -> None:
    gold = write_lines(tmp_path / "gold.jsonl", json.dumps(doc("d1", [RIVER_VISIT, BORNIA_PRAISE])))
    pred = write_lines(tmp_path / "pred.jsonl", json.dumps(doc("d1", [RIVER_VISIT])))

    summary = score_files(gold, pred)

    assert summary["events_strict"]["recall"] == 0.5
    assert summary["events_strict"]["precision"] == 1.0


# --- agreement with the reference scorer --------------------------------------------------------

STATES = ["ALD", "BRN", "CEL", "DUR", "IGO:UN"]
TYPES = ["CONSULT", "SUPPORT", "ACCUSE", "SANCTION", "AGREE", "THREATEN", "MOBILIZE"]
VOCABULARY = [
    "envoy",
    "harbour",
    "grain",
    "tariff",
    "quota",
    "ferry",
    "summit",
    "drills",
    "border",
    "talks",
    "pledge",
    "ministers",
    "fishermen",
    "embargo",
    "timber",
    "treaty",
    "visit",
    "phone",
    "protest",
]


def invent_text(rng: random.Random, size: int = 6) -> str:
    """Return a short invented sentence."""
    return " ".join(rng.choice(VOCABULARY) for _ in range(size))


def invent_date(rng: random.Random) -> str | None:
    """Return a day, month, year or no date."""
    day = date(2031, 1, 1) + timedelta(days=rng.randrange(90))
    return rng.choice([day.isoformat(), day.isoformat(), day.isoformat()[:7], "2031", None])


def invent_gold(rng: random.Random) -> dict[str, Doc]:
    """Return a handful of invented gold documents, some without events."""
    docs = []
    for n in range(8):
        events = [
            event(
                rng.choice(STATES),
                rng.choice([*STATES, None]),
                rng.choice(TYPES),
                invent_date(rng),
                invent_text(rng),
                status=rng.choice(["occurred", "planned", "denied", None]),
                claimed_by=rng.choice([None, None, "ALD", "BRN"]),
                location=rng.choice([None, {"name": "Vell Harbour", "country": "BRN"}]),
            )
            for _ in range(rng.choice([0, 2, 4, 6]))
        ]
        commitments = [
            {"actor": rng.choice(STATES), "due": invent_date(rng), "evidence": invent_text(rng)}
            for _ in range(rng.randrange(3))
        ]
        comparisons = [
            {
                "pair_doc": f"doc{n + 1}",
                "only_here": [invent_text(rng) for _ in range(rng.randrange(4))],
                "shared": [invent_text(rng) for _ in range(rng.randrange(4))],
            }
        ]
        docs.append(doc(f"doc{n}", events, commitments, comparisons if n % 3 == 0 else []))
    return keyed(*docs)


def shift_date(value: str | None, rng: random.Random) -> str | None:
    """Move a day by one or two days, or cut it to its month."""
    if not value or len(value) != 10:
        return value
    choice = rng.choice([-2, -1, 1, 2, 0])
    if choice == 0:
        return value[:7]
    return (date.fromisoformat(value) + timedelta(days=choice)).isoformat()


def perturb(gold: dict[str, Doc], rng: random.Random) -> dict[str, Doc]:
    """Return a prediction made by damaging a copy of the gold at random."""
    pred = copy.deepcopy(gold)
    for doc_id in list(pred):
        if rng.random() < 0.1:
            del pred[doc_id]
            continue
        document = pred[doc_id]
        events = document["events"]
        for item in events:
            roll = rng.random()
            if roll < 0.1:
                item["type"] = rng.choice(TYPES).lower()
            elif roll < 0.2:
                item["target"] = rng.choice([*STATES, None, "", "null"])
            elif roll < 0.35:
                item["date"] = shift_date(item["date"], rng)
            elif roll < 0.45:
                item["status"] = rng.choice(["occurred", "planned", None])
            elif roll < 0.55:
                item["claimed_by"] = rng.choice([None, "ald", " BRN ", "null"])
            elif roll < 0.65:
                item["location"] = rng.choice([None, {"name": "Vell"}, {"name": "Ostmark"}])
            elif roll < 0.8:
                item["evidence"] = invent_text(rng, rng.randrange(1, 8))
        events[:] = [e for e in events if rng.random() > 0.15]
        rng.shuffle(events)
        if not gold[doc_id]["events"] and rng.random() < 0.5:
            events.append(event("ALD", "BRN", "ACCUSE", "2031-02-02", invent_text(rng)))
        for commitment in document["commitments"]:
            if rng.random() < 0.3:
                commitment["due"] = shift_date(commitment["due"], rng)
            if rng.random() < 0.3:
                commitment["evidence"] = invent_text(rng, 3)
        document["commitments"] = [c for c in document["commitments"] if rng.random() > 0.2]
        for comparison in document["comparisons"]:
            for field in ("only_here", "shared"):
                claims = [c for c in comparison[field] if rng.random() > 0.2]
                claims += [invent_text(rng) for _ in range(rng.randrange(2))]
                comparison[field] = claims
            if rng.random() < 0.2:
                comparison["pair_doc"] = "elsewhere"
    return pred


@pytest.fixture(scope="module")
def reference() -> ModuleType:
    """Load the reference scorer that ships beside the repository, or skip."""
    if not REFERENCE_SCORER.is_file():
        pytest.skip(f"reference scorer not found at {REFERENCE_SCORER}")
    spec = importlib.util.spec_from_file_location("reference_score", REFERENCE_SCORER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("seed", range(12))
def test_score_and_report_agree_with_reference_on_perturbed_predictions(
    reference: ModuleType, seed: int
) -> None:
    rng = random.Random(seed)
    gold = invent_gold(rng)
    for pred in (gold, perturb(gold, rng), perturb(gold, rng)):
        ours = score(gold, pred)
        theirs = reference.score(gold, pred)

        assert json.dumps(ours) == json.dumps(theirs)
        assert render_report(ours) == reference.report(theirs)
