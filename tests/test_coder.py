"""The event coder, one rule family at a time, on short texts written for these tests."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from flashpoint.models import Event
from flashpoint.workspace import code_text

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@dataclass(frozen=True)
class Want:
    """The fields of one expected event that a case checks (None: not checked)."""

    source: str
    target: str | None
    type: str
    status: str = "occurred"
    date: str | None = None
    claimed_by: str | None = None
    mode: str | None = None


def coded(text: str, published: str = "2025-11-26", **meta: str) -> list[Event]:
    """The events of one text published on `published`."""
    return code_text(text, published=published, **meta)


def assert_has(events: list[Event], want: Want) -> Event:
    """Assert one event matches `want` on the fields it gives; return it."""
    for event in events:
        if (event.source, event.target, event.type) != (want.source, want.target, want.type):
            continue
        if event.status != want.status:
            continue
        if want.date is not None and event.date != want.date:
            continue
        if want.claimed_by is not None and event.claimed_by != want.claimed_by:
            continue
        if want.mode is not None and event.mode != want.mode:
            continue
        return event
    shown = [(e.source, e.target, e.type, e.status, e.date, e.claimed_by, e.mode) for e in events]
    raise AssertionError(f"no event like {want} among {shown}")


CASES = [
    pytest.param(
        "Japanese Prime Minister Sanae Takaichi spoke by phone with US President Donald Trump "
        "on Tuesday.",
        Want("JPN", "USA", "CONSULT", date="2025-11-25", mode="phone"),
        id="call-first-named-is-source",
    ),
    pytest.param(
        "Chinese President Xi Jinping will visit Washington in April, the White House said.",
        Want("CHN", "USA", "CONSULT", status="planned", date="2026-04", mode="visit"),
        id="planned-visit-month",
    ),
    pytest.param(
        "Prime Minister Anthony Albanese praised New Zealand for its help after the floods.",
        Want("AUS", "NZL", "SUPPORT"),
        id="praise",
    ),
    pytest.param(
        "Seoul thanked Washington for the swift delivery of the air-defence batteries.",
        Want("KOR", "USA", "SUPPORT"),
        id="thanks-metonyms",
    ),
    pytest.param(
        "On Monday Beijing accused Manila of provoking a confrontation at sea.",
        Want("CHN", "PHL", "ACCUSE", date="2025-11-24"),
        id="accusation-weekday",
    ),
    pytest.param(
        "Tokyo summoned the Chinese ambassador yesterday to protest against the remarks.",
        Want("JPN", "CHN", "ACCUSE", date="2025-11-25"),
        id="summons-yesterday",
    ),
    pytest.param(
        "Washington imposed tariffs on Brazilian coffee and beef last month.",
        Want("USA", "BRA", "SANCTION", date="2025-10"),
        id="tariffs-last-month",
    ),
    pytest.param(
        "The United States lowered its tariffs on Chinese goods.",
        Want("USA", "CHN", "CONCEDE"),
        id="tariff-cut-is-concession",
    ),
    pytest.param(
        "Russia deployed additional troops near the border with Finland.",
        Want("RUS", "FIN", "MOBILIZE"),
        id="deployment",
    ),
    pytest.param(
        "Pyongyang warned that Seoul would pay a heavy price if it held the drills.",
        Want("PRK", "KOR", "THREATEN", status="hypothetical"),
        id="conditional-threat",
    ),
    pytest.param(
        "Modi and Xi did not meet at the summit.",
        Want("IND", "CHN", "CONSULT", status="denied"),
        id="denied-meeting",
    ),
    pytest.param(
        "Analysts say Beijing could impose sanctions on Lithuania.",
        Want("CHN", "LTU", "SANCTION", status="hypothetical"),
        id="hypothetical-sanction",
    ),
    pytest.param(
        "Vietnam's foreign ministry said China had rammed a Vietnamese fishing boat.",
        Want("CHN", "VNM", "ASSAULT", claimed_by="VNM"),
        id="attribution",
    ),
    pytest.param(
        "The Kremlin criticised Berlin over the new arms package.",
        Want("RUS", "DEU", "ACCUSE"),
        id="kremlin-metonym",
    ),
    pytest.param(
        "The Philippine ambassador was summoned by Beijing on Friday.",
        Want("CHN", "PHL", "ACCUSE", date="2025-11-21"),
        id="passive-with-by",
    ),
]


@pytest.mark.parametrize("text,want", CASES)
def test_rule_families(text: str, want: Want) -> None:
    assert_has(coded(text), want)


def test_one_event_per_coordinated_target() -> None:
    events = coded("Beijing criticised Tokyo and Manila for the joint patrol.")
    assert_has(events, Want("CHN", "JPN", "ACCUSE"))
    assert_has(events, Want("CHN", "PHL", "ACCUSE"))


def test_roles_are_those_valid_on_the_publication_date() -> None:
    text = "Prime Minister Kishida thanked Canberra for its support."
    assert_has(coded(text, published="2023-05-10"), Want("JPN", "AUS", "SUPPORT"))
    assert [e for e in coded(text, published="2026-05-10") if e.source == "JPN"] == []


def test_positions_and_domestic_news_give_no_event() -> None:
    assert coded("The minister reaffirmed the importance of the alliance.") == []
    assert coded("The Tigers beat the Giants 5-3 in the final game of the series.") == []


def test_same_state_on_both_sides_is_not_an_event() -> None:
    assert coded("Chinese coast guard ships collided with a Chinese fishing boat.") == []


def test_event_fields_are_filled_from_the_cameo_table_and_text() -> None:
    text = "Seoul thanked Washington for the swift delivery of the air-defence batteries."
    (event,) = [e for e in coded(text) if e.type == "SUPPORT"]
    assert event.cameo is not None and event.cameo.startswith("05")
    assert event.quad_class == 1 and event.goldstein is not None and event.goldstein > 0
    assert event.evidence == text
    assert text[event.evidence_start : event.evidence_end] == event.evidence
    assert (event.source_start, event.source_end) == (0, 5)
    assert text[event.target_start or 0 : event.target_end or 0] == "Washington"
    assert event.coder_version.startswith("flashpoint-coder")


def test_readout_claims_are_the_issuers_own() -> None:
    text = "President Xi said the two sides should expand cooperation and praised Trump."
    events = coded(text, kind="readout", issuer="CHN")
    assert all(e.claimed_by is None for e in events)


def test_a_text_without_a_publication_date_is_still_coded() -> None:
    (event,) = code_text("Ottawa thanked Mexico City for its support yesterday.")
    assert (event.source, event.target, event.date) == ("CAN", "MEX", None)


RULE_CASES = [
    pytest.param(
        "Prime Minister Benjamin Netanyahu called President Trump a great friend of Israel.",
        Want("ISR", "USA", "SUPPORT", mode="praise"),
        id="characterisation-praise",
    ),
    pytest.param(
        "Seoul described Pyongyang's launch as a grave provocation.",
        Want("KOR", "PRK", "ACCUSE", mode="criticism"),
        id="characterisation-criticism",
    ),
    pytest.param(
        "Foreign Minister Wang Yi said China was willing to work with Australia on trade.",
        Want("CHN", "AUS", "AGREE"),
        id="willingness-is-agreement",
    ),
    pytest.param(
        "Beijing urged Chinese tourists to avoid travelling to Japan.",
        Want("CHN", "JPN", "SANCTION", mode="travel-advisory"),
        id="travel-advisory-in-complement",
    ),
    pytest.param(
        "India's foreign secretary Vikram Sharma met Nepal's envoy. Sharma later thanked "
        "Kathmandu for its help.",
        Want("IND", "NPL", "SUPPORT"),
        id="a-name-learned-from-its-title",
    ),
    pytest.param(
        "The call was held at the request of the Japanese side. Prime Minister Takaichi and "
        "President Lee Jae-myung spoke by phone on Monday.",
        Want("JPN", "KOR", "CONSULT", mode="phone"),
        id="initiator-is-source",
    ),
]


@pytest.mark.parametrize("text,want", RULE_CASES)
def test_further_rules(text: str, want: Want) -> None:
    assert_has(coded(text), want)


def test_each_side_accusing_the_other_gives_one_event_each_way() -> None:
    events = coded(
        "Thailand and Cambodia clashed again. Each side accused the other of firing first."
    )
    assert_has(events, Want("THA", "KHM", "ACCUSE"))
    assert_has(events, Want("KHM", "THA", "ACCUSE"))


def test_a_measure_without_a_named_target_is_aimed_at_the_other_party() -> None:
    text = (
        "Trade officials of China and the United States met in Geneva on Monday. "
        "Afterwards Beijing suspended its new export controls on rare earths."
    )
    event = assert_has(coded(text), Want("CHN", "USA", "CONCEDE"))
    assert event.target_name == "United States"


def test_a_reported_event_also_denied_is_coded_once_as_denied() -> None:
    text = (
        "A newspaper reported that Trump had asked Takaichi to moderate her tone. "
        "Tokyo denied that Trump had asked Takaichi to moderate her tone."
    )
    requests = [e for e in coded(text) if e.type == "REQUEST"]
    assert [(e.source, e.target, e.status, e.claimed_by) for e in requests] == [
        ("USA", "JPN", "denied", "JPN")
    ]


def test_a_visit_place_and_coordinates_come_from_the_gazetteer() -> None:
    event = assert_has(
        coded("Japan deployed a missile unit to Yonaguni on Monday."),
        Want("JPN", None, "MOBILIZE"),
    )
    assert event.location is not None and event.location.name == "Yonaguni"
    assert event.location.country == "JPN" and event.location.lat is not None
