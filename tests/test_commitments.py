"""Commitments: extraction from one document (CODING K) and tracking across documents, on short
texts written for these tests."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import flashpoint
from flashpoint.analysis.commitments import (
    TRACKED_COLUMNS,
    commitment_mentions,
    track_commitments,
)
from flashpoint.events import load_coder
from flashpoint.events.commitments import commitment_id, commitment_kind, extract_commitments
from flashpoint.ingest import Defaults, read_documents
from flashpoint.ingest.records import build_document
from flashpoint.models import Commitment, Document, Event

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def document(text: str, published: str, doc_id: str = "t", **meta: str) -> Document:
    """A document built the way ingest builds one."""
    record: dict[str, object] = {"doc_id": doc_id, "text": text, "published": published, **meta}
    return build_document(record, doc_id, Defaults())


def extracted(text: str, published: str, doc_id: str = "t", **meta: str) -> list[Commitment]:
    """The commitments of one text, coded and extracted as the pipeline does."""
    doc = document(text, published, doc_id, **meta)
    return extract_commitments(doc, load_coder().code(doc))


def only(found: list[Commitment]) -> Commitment:
    """The one commitment found; fails when there are none or several."""
    assert len(found) == 1, [(c.actor, c.what, c.evidence) for c in found]
    return found[0]


# --- extraction ----------------------------------------------------------------------------


def test_planned_visit_month_resolves_to_the_next_april() -> None:
    text = "Japanese Prime Minister Sanae Takaichi will visit Seoul in April, her office said."
    found = only(extracted(text, "2025-11-18"))
    assert (found.actor, found.counterpart) == ("JPN", "KOR")
    assert (found.due, found.due_precision) == ("2026-04", "month")
    assert "visit Seoul" in found.what
    assert found.evidence_start is not None and found.evidence_end is not None
    assert text[found.evidence_start : found.evidence_end] == found.evidence
    assert "will visit Seoul in April" in found.evidence


def test_state_visit_later_in_the_year_gives_a_year() -> None:
    text = (
        "Brazilian President Luiz Inácio Lula da Silva will make a state visit to China later "
        "in the year, his office said on Monday."
    )
    found = only(extracted(text, "2025-03-03"))
    assert (found.actor, found.counterpart) == ("BRA", "CHN")
    assert (found.due, found.due_precision) == ("2025", "year")


def test_export_control_pause_in_force_is_an_undertaking() -> None:
    text = (
        "Both governments are carrying out the trade agreement: China is keeping its export "
        "controls on gallium on hold, and Washington has lowered tariffs on Chinese solar panels."
    )
    found = extracted(text, "2025-11-20")
    by_actor = {c.actor: c for c in found}
    assert set(by_actor) == {"CHN", "USA"}
    assert by_actor["CHN"].counterpart == "USA"
    assert "on hold" in by_actor["CHN"].evidence
    assert by_actor["CHN"].due is None
    assert "tariffs" in by_actor["USA"].evidence


def test_a_demand_on_another_state_is_no_commitment() -> None:
    text = "China urged Japan to lift its restrictions on Chinese drones and to cancel the visit."
    assert extracted(text, "2025-11-20") == []


def test_a_planned_deployment_is_no_commitment() -> None:
    text = "Japan will deploy a surface-to-air missile unit to Yonaguni next year."
    assert extracted(text, "2025-11-20") == []


def test_a_completed_visit_is_no_commitment() -> None:
    text = (
        "Chinese Foreign Minister Wang Yi visited Seoul on Tuesday for talks with his counterpart."
    )
    assert extracted(text, "2025-11-20") == []


def test_a_denied_meeting_is_no_commitment() -> None:
    text = (
        "Tokyo denied that Takaichi would meet Chinese Premier Li Qiang at the summit. "
        "The White House said no meeting between the two leaders was planned."
    )
    assert extracted(text, "2025-11-20") == []


def test_hypothetical_and_general_undertakings_are_no_commitments() -> None:
    text = (
        "If Beijing lifts its ban on Japanese beef, Tokyo could resume ministerial talks. "
        "The two leaders agreed to speak frequently. "
        "Analysts expect the Chinese president to visit Pyongyang next year."
    )
    assert extracted(text, "2025-11-20") == []


def test_invitation_and_agreed_meeting() -> None:
    text = (
        "President Donald J. Trump spoke with President Recep Tayyip Erdogan of Türkiye today. "
        "President Erdogan invited President Trump to attend the NATO summit in Ankara next "
        "July. The leaders agreed that their teams would meet in Washington next week."
    )
    found = extracted(text, "2025-11-10", kind="readout", issuer="USA")
    summary = {(c.actor, c.counterpart, c.due) for c in found}
    assert ("USA", "TUR", "2026-07") in summary
    assert ("TUR", "USA", "2025-11") in summary  # meeting in Washington: the visitor acts


def test_ceasefire_in_force_gives_one_commitment_per_party() -> None:
    text = (
        "Armenia and Azerbaijan agreed to a ceasefire on Sunday after three days of fighting. "
        "Azerbaijan said it remained committed to the ceasefire."
    )
    found = extracted(text, "2025-11-20")
    assert {c.actor for c in found} == {"ARM", "AZE"}
    assert all(commitment_kind(c.what) == "ceasefire" for c in found)
    own = next(c for c in found if c.actor == "AZE")
    assert own.evidence == "it remained committed to the ceasefire"


def test_the_same_visit_mentioned_twice_is_one_commitment_with_its_due() -> None:
    text = (
        "The Indian prime minister will travel to Tokyo in March, officials said. "
        "New Delhi confirmed that the prime minister's visit to Japan would go ahead."
    )
    found = only(extracted(text, "2025-11-20"))
    assert (found.actor, found.counterpart, found.due) == ("IND", "JPN", "2026-03")


def test_commitment_id_hashes_document_span_actor_and_due() -> None:
    found = only(extracted("Seoul will cut tariffs on Vietnamese rice from May 1.", "2025-11-20"))
    assert re.fullmatch(r"cm-[0-9a-f]{16}", found.commitment_id)
    assert found.commitment_id == commitment_id(
        "t", found.evidence_start or 0, found.evidence_end or 0, "KOR", "2026-05-01"
    )
    assert found.due == "2026-05-01"


# --- tracking ------------------------------------------------------------------------------

STORY = [
    ("visit-planned", "2025-11-18",
     "Japanese Prime Minister Sanae Takaichi will visit Seoul in April, her office said."),
    ("visit-made", "2026-04-16",
     "Takaichi visited Seoul on April 14 and held talks with President Lee Jae-myung."),
    ("trip-planned", "2025-11-20",
     "Chinese Premier Li Qiang will visit Canberra in January, the foreign ministry said."),
    ("tour-planned", "2025-11-21",
     "Indian Prime Minister Narendra Modi will travel to Dhaka in February for talks."),
    ("tour-off", "2026-01-10",
     "India called off Prime Minister Narendra Modi's planned visit to Dhaka, citing security "
     "concerns in Bangladesh."),
    ("beef-1", "2025-11-22",
     "Vietnam will cut tariffs on Australian beef from March 1, the trade ministry said."),
    ("beef-2", "2025-11-23",
     "Hanoi confirmed on Sunday that Vietnam will cut tariffs on Australian beef from March 1."),
    ("tariff-pause", "2025-11-20",
     "Washington will suspend the fentanyl tariff on Chinese goods from December 1, the White "
     "House said."),
    ("tariff-back", "2026-02-10",
     "The United States restored the fentanyl tariff on Chinese goods on Monday."),
    ("truce", "2025-11-20",
     "Thailand and Cambodia agreed to a ceasefire on Sunday after a week of fighting."),
    ("truce-over", "2026-01-05",
     "The ceasefire between Thailand and Cambodia collapsed on Saturday as fighting resumed "
     "along the border."),
]  # fmt: skip


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    """The story's documents ingested and coded in a store; the commitments frame built by the
    extractor from the same documents."""
    folder = tmp_path_factory.mktemp("story")
    path = folder / "story.jsonl"
    lines = [json.dumps({"doc_id": d, "published": p, "text": t}) for d, p, t in STORY]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    coder = load_coder()
    commitments = [
        c.to_row()
        for doc in read_documents([path])
        for c in extract_commitments(doc, coder.code(doc), coder=coder)
    ]
    with flashpoint.open(folder / "x.duckdb") as ws:
        ws.ingest(path, code=True)
        return {
            "commitments": pd.DataFrame(commitments),
            "events": ws.table("events"),
            "documents": ws.table("documents"),
        }


def tracked(story: dict[str, pd.DataFrame], as_of: date | None = None) -> pd.DataFrame:
    """The story's commitments tracked as of a date."""
    return track_commitments(story["commitments"], story["events"], story["documents"], as_of=as_of)


def row(frame: pd.DataFrame, actor: str) -> dict[str, object]:
    """The one tracked commitment of an actor."""
    rows = frame[frame["actor"] == actor]
    assert len(rows) == 1, rows
    return {str(k): v for k, v in rows.iloc[0].to_dict().items()}


def test_tracked_frame_has_the_documented_columns(story: dict[str, pd.DataFrame]) -> None:
    frame = tracked(story)
    assert list(frame.columns) == TRACKED_COLUMNS
    assert set(frame["status"]) <= {"pending", "fulfilled", "overdue", "withdrawn"}
    assert len(frame) == 7


def test_visit_reported_as_made_later_fulfils_it(story: dict[str, pd.DataFrame]) -> None:
    visit = row(tracked(story, date(2026, 4, 20)), "JPN")
    assert visit["status"] == "fulfilled"
    assert visit["due"] == "2026-04"
    assert visit["fulfilled_by_doc"] == "visit-made"
    events = story["events"]
    made = events[events["event_id"] == visit["fulfilled_by_event"]]
    assert list(made["doc_id"]) == ["visit-made"]
    assert "visited Seoul" in str(visit["status_evidence"])
    before = row(tracked(story, date(2026, 3, 1)), "JPN")
    assert before["status"] == "pending"


def test_visit_not_made_by_the_end_of_its_month_is_overdue(
    story: dict[str, pd.DataFrame],
) -> None:
    assert row(tracked(story, date(2025, 12, 15)), "CHN")["status"] == "pending"
    late = row(tracked(story, date(2026, 3, 1)), "CHN")
    assert late["status"] == "overdue"
    assert late["fulfilled_by_event"] is None


def test_visit_called_off_later_is_withdrawn(story: dict[str, pd.DataFrame]) -> None:
    assert row(tracked(story, date(2026, 1, 5)), "IND")["status"] == "pending"
    off = row(tracked(story, date(2026, 1, 20)), "IND")
    assert off["status"] == "withdrawn"
    assert off["status_doc"] == "tour-off"
    assert "called off" in str(off["status_evidence"])


def test_the_same_commitment_in_two_documents_is_one_row(story: dict[str, pd.DataFrame]) -> None:
    beef = row(tracked(story, date(2025, 12, 1)), "VNM")
    assert beef["mentions"] == 2
    assert beef["doc_ids"] == ["beef-1", "beef-2"]
    assert beef["counterpart"] == "AUS"
    assert beef["first_reported"] == date(2025, 11, 22)
    assert beef["last_reported"] == date(2025, 11, 23)
    mentions = commitment_mentions(story["commitments"], story["documents"])
    keys = mentions[mentions["doc_id"].isin(["beef-1", "beef-2"])]["commitment_key"]
    assert keys.nunique() == 1


def test_easing_reversed_by_a_later_measure_is_withdrawn(story: dict[str, pd.DataFrame]) -> None:
    assert row(tracked(story, date(2025, 11, 25)), "USA")["status"] == "pending"
    back = row(tracked(story, date(2026, 3, 1)), "USA")
    assert back["status"] == "withdrawn"
    assert back["status_doc"] == "tariff-back"


def test_ceasefire_holds_until_it_collapses(story: dict[str, pd.DataFrame]) -> None:
    holding = tracked(story, date(2025, 12, 1))
    assert {row(holding, party)["status"] for party in ("THA", "KHM")} == {"pending"}
    broken = tracked(story, date(2026, 1, 6))
    assert {row(broken, party)["status"] for party in ("THA", "KHM")} == {"withdrawn"}
    assert "collapsed" in str(row(broken, "THA")["status_evidence"])


def test_as_of_defaults_to_the_latest_publication(story: dict[str, pd.DataFrame]) -> None:
    latest = tracked(story)
    assert latest.equals(tracked(story, date(2026, 4, 16)))


def test_tracking_nothing_gives_an_empty_frame() -> None:
    empty = track_commitments(pd.DataFrame(), pd.DataFrame(), pd.DataFrame())
    assert list(empty.columns) == TRACKED_COLUMNS
    assert empty.empty


def test_exchange_record_of_a_commitment(tmp_path: Path) -> None:
    found = only(extracted("Seoul will cut tariffs on Vietnamese rice from May 1.", "2025-11-20"))
    record = found.to_exchange()
    assert {"actor", "counterpart", "what", "due", "evidence"} <= set(record)
    assert isinstance(found, Commitment) and not isinstance(found, Event)
