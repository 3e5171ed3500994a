"""Account comparison: pairing readouts of one exchange, claim units, shared and only-here claims.

The readouts below are written for these tests: a Seoul and a Tokyo account of one foreign
ministers' call, and a few documents that must not be paired with them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from datetime import date

import pytest

from flashpoint.analysis.readouts import (
    PARAPHRASES,
    claims_of,
    compare_accounts,
    comparison_exchange,
    pair_accounts,
)
from flashpoint.events import load_coder
from flashpoint.models import Claim, Document, Event

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def account(
    doc_id: str,
    text: str,
    issuer: str | None,
    published: str = "2025-12-03",
    kind: str = "readout",
) -> Document:
    """A document as ingest would give it, for an invented text."""
    return Document(
        doc_id=doc_id,
        content_hash=doc_id,
        text_hash=doc_id,
        text=text,
        published=date.fromisoformat(published),
        kind=kind,
        issuer=issuer,
    )


SEOUL = account(
    "kor-fm-call",
    "Foreign Minister Cho Hyun held a telephone conversation with Foreign Minister Toshimitsu "
    "Motegi of Japan on the afternoon of December 3, at the request of the Japanese side.\n"
    "The two ministers exchanged views on North Korea's nuclear and missile programmes and "
    "agreed to strengthen trilateral cooperation with the United States.\n"
    "Minister Cho asked Japan to take sincere steps to commemorate the Korean workers at the "
    "Sado mine.\n"
    "The two ministers agreed to hold a meeting in Seoul at an early date.",
    "KOR",
)
TOKYO = account(
    "jpn-fm-call",
    "On December 3, from 4:10 p.m. for about 20 minutes, Mr. Toshimitsu Motegi, Minister for "
    "Foreign Affairs of Japan, held a telephone talk with H.E. Mr. Cho Hyun, Minister of Foreign "
    "Affairs of the Republic of Korea. The overview is as follows.\n"
    "1. The two ministers confirmed that Japan, the ROK and the United States will continue to "
    "work closely together in dealing with North Korea, including its nuclear and missile "
    "development.\n"
    "2. Minister Motegi explained Japan's basic position on the Takeshima issue.\n"
    "3. The two ministers concurred to meet in person in Seoul soon.",
    "JPN",
)
NEWS = account(
    "news-fm-call",
    "The foreign ministers of South Korea and Japan spoke by phone on Wednesday, Seoul's foreign "
    "ministry said, and agreed to meet in Seoul soon.",
    None,
    kind="news",
)
WASHINGTON = account(
    "usa-rubio-cho",
    "Secretary of State Marco Rubio spoke today with Republic of Korea Foreign Minister Cho Hyun. "
    "The Secretary and the Foreign Minister discussed the alliance and North Korea.",
    "USA",
)
SEOUL_LATER = account(
    "kor-fm-call-later",
    "Foreign Minister Cho Hyun held a telephone conversation with Foreign Minister Toshimitsu "
    "Motegi of Japan on December 13. The two ministers discussed preparations for a leaders' "
    "meeting.",
    "KOR",
    published="2025-12-13",
)
SEOUL_STATEMENT = account(
    "kor-statement",
    "The Ministry of Foreign Affairs welcomes the telephone conversation held today between "
    "Foreign Minister Cho Hyun and Foreign Minister Toshimitsu Motegi of Japan.",
    "KOR",
    kind="statement",
)
SEOUL_LEADERS = account(
    "kor-leaders-call",
    "President Lee Jae-myung held a telephone conversation with Prime Minister Sanae Takaichi of "
    "Japan on December 3. The two leaders agreed to meet at an early date.",
    "KOR",
)
CONTACT_A = account(
    "aus-call",
    "Foreign Minister Penny Wong spoke by telephone with Foreign Minister Toshimitsu Motegi of "
    "Japan. The two ministers agreed to maintain close communication and discussed preparations "
    "for the APEC meeting in Shenzhen.",
    "AUS",
    published="2025-11-10",
)
CONTACT_B = account(
    "jpn-call-aus",
    "Mr. Toshimitsu Motegi, Minister for Foreign Affairs of Japan, held a telephone talk with "
    "Senator the Hon. Penny Wong, Minister for Foreign Affairs of Australia. The two ministers "
    "concurred to keep in close contact.",
    "JPN",
    published="2025-11-10",
)

DELHI = account(
    "ind-call-aus",
    "External Affairs Minister S. Jaishankar spoke with Foreign Minister Penny Wong of Australia, "
    "at the request of the Australian side. They reviewed the Comprehensive Strategic "
    "Partnership, including defence cooperation and critical minerals. EAM conveyed India's "
    "support for Australia's bid to host the climate summit.",
    "IND",
    published="2025-10-02",
)
CANBERRA = account(
    "aus-call-ind",
    "Foreign Minister Penny Wong spoke with Indian External Affairs Minister Dr S. Jaishankar "
    "today. The call was held at Australia's request. The Ministers reviewed progress under the "
    "Comprehensive Strategic Partnership, including cooperation on critical minerals and "
    "renewable energy.",
    "AUS",
    published="2025-10-02",
)
FRAMED = account(
    "usa-framed",
    "Readout of the Secretary's Call with Foreign Minister Cho Hyun\n\n"
    "Office of the Spokesperson\n"
    "WASHINGTON, December 3, 2025\n\n"
    "WASHINGTON — Secretary Rubio spoke today with Foreign Minister Cho Hyun of the Republic of "
    "Korea.\n"
    "Alliance Matters\n"
    "The two sides agreed to stay in close contact.\n"
    "###",
    "USA",
)


@pytest.fixture(scope="module")
def coded() -> dict[str, list[Event]]:
    """The coder's events for every test document."""
    coder = load_coder()
    docs = [SEOUL, TOKYO, NEWS, WASHINGTON, SEOUL_LATER, SEOUL_STATEMENT, SEOUL_LEADERS]
    docs += [CONTACT_A, CONTACT_B, DELHI, CANBERRA, FRAMED]
    return {doc.doc_id: coder.code(doc) for doc in docs}


@pytest.fixture(scope="module")
def claims(coded: dict[str, list[Event]]) -> list[Claim]:
    """The comparison of the Seoul and Tokyo accounts of the call."""
    return compare_accounts(
        SEOUL, coded[SEOUL.doc_id], TOKYO, coded[TOKYO.doc_id], coder_version="test"
    )


def relation_of(claims: Sequence[Claim], doc_id: str, words: str) -> str:
    """The relation of the one claim of `doc_id` whose text contains `words`."""
    found = [c for c in claims if c.doc_id == doc_id and words in c.claim]
    assert len(found) == 1, [c.claim for c in claims if c.doc_id == doc_id]
    return found[0].relation


# --- pairing ----------------------------------------------------------------------------------


def test_the_two_readouts_of_one_call_are_paired(coded: dict[str, list[Event]]) -> None:
    docs = [NEWS, SEOUL, WASHINGTON, TOKYO]
    assert pair_accounts(docs, coded) == [("kor-fm-call", "jpn-fm-call")]


def test_pairs_come_in_document_order(coded: dict[str, list[Event]]) -> None:
    assert pair_accounts([TOKYO, SEOUL], coded) == [("jpn-fm-call", "kor-fm-call")]


def test_readouts_of_different_exchanges_are_not_paired(coded: dict[str, list[Event]]) -> None:
    # Washington and Tokyo each spoke with Seoul: two exchanges, not one.
    assert pair_accounts([WASHINGTON, TOKYO], coded) == []
    # the same two ministers, ten days apart
    assert pair_accounts([SEOUL_LATER, TOKYO], coded) == []


def test_a_leaders_call_and_a_ministers_call_are_not_paired(
    coded: dict[str, list[Event]],
) -> None:
    assert pair_accounts([SEOUL_LEADERS, TOKYO], coded) == []


def test_accounts_of_the_same_issuer_are_not_paired(coded: dict[str, list[Event]]) -> None:
    assert pair_accounts([SEOUL, SEOUL_STATEMENT], coded) == []


def test_a_statement_pairs_with_a_readout(coded: dict[str, list[Event]]) -> None:
    assert pair_accounts([SEOUL_STATEMENT, TOKYO], coded) == [("kor-statement", "jpn-fm-call")]


def test_a_news_article_is_not_paired(coded: dict[str, list[Event]]) -> None:
    assert pair_accounts([NEWS, TOKYO], coded) == []
    assert pair_accounts([SEOUL, NEWS], coded) == []


def test_each_document_is_in_one_pair_at_most(coded: dict[str, list[Event]]) -> None:
    pairs = pair_accounts([SEOUL_STATEMENT, SEOUL, TOKYO], coded)
    assert len(pairs) == 1
    assert "jpn-fm-call" in pairs[0]


def test_pairing_without_coded_events_falls_back_on_the_states_named() -> None:
    assert pair_accounts([SEOUL, TOKYO], {}) == [("kor-fm-call", "jpn-fm-call")]


# --- claim units ------------------------------------------------------------------------------


def test_claim_units_leave_out_boilerplate(coded: dict[str, list[Event]]) -> None:
    texts = [TOKYO.text[s:e] for s, e in claims_of(TOKYO, coded[TOKYO.doc_id])]
    assert not any("as follows" in t for t in texts)
    assert not any(re.match(r"\d\.", t) for t in texts)
    assert "for about 20 minutes" in texts
    assert "Minister Motegi explained Japan's basic position on the Takeshima issue." in texts


def test_headings_datelines_and_framing_lines_are_not_claims(
    coded: dict[str, list[Event]],
) -> None:
    texts = [FRAMED.text[s:e] for s, e in claims_of(FRAMED, coded[FRAMED.doc_id])]
    assert texts == [
        "Secretary Rubio spoke today with Foreign Minister Cho Hyun of the Republic of Korea.",
        "The two sides agreed to stay in close contact.",
    ]


def test_who_asked_for_the_call_is_a_claim_of_its_own(coded: dict[str, list[Event]]) -> None:
    texts = [SEOUL.text[s:e] for s, e in claims_of(SEOUL, coded[SEOUL.doc_id])]
    assert "at the request of the Japanese side" in texts
    assert texts[0].startswith("Foreign Minister Cho Hyun held a telephone conversation")
    assert not texts[0].endswith("side")


# --- comparing --------------------------------------------------------------------------------


def test_claims_are_exact_substrings_with_offsets(claims: Sequence[Claim]) -> None:
    texts = {SEOUL.doc_id: SEOUL.text, TOKYO.doc_id: TOKYO.text}
    assert claims
    for claim in claims:
        assert claim.claim_start is not None and claim.claim_end is not None
        assert texts[claim.doc_id][claim.claim_start : claim.claim_end] == claim.claim
        assert claim.relation in ("shared", "only_here")
        assert claim.coder_version == "test"
        assert re.fullmatch(r"cmp-[0-9a-f]{16}", claim.comparison_id)
    assert len({c.comparison_id for c in claims}) == len(claims)
    assert {c.doc_id for c in claims} == {SEOUL.doc_id, TOKYO.doc_id}
    assert all({c.doc_id, c.pair_doc} == {SEOUL.doc_id, TOKYO.doc_id} for c in claims)


def test_the_call_itself_is_shared(claims: Sequence[Claim]) -> None:
    assert relation_of(claims, SEOUL.doc_id, "held a telephone conversation") == "shared"
    assert relation_of(claims, TOKYO.doc_id, "held a telephone talk") == "shared"


def test_shared_claims_in_different_words(claims: Sequence[Claim]) -> None:
    seoul = next(c for c in claims if c.doc_id == SEOUL.doc_id and "early date" in c.claim)
    tokyo = next(c for c in claims if c.doc_id == TOKYO.doc_id and "concurred" in c.claim)
    assert seoul.relation == tokyo.relation == "shared"
    assert seoul.counterpart_claim == tokyo.claim
    assert tokyo.counterpart_claim == seoul.claim
    assert relation_of(claims, SEOUL.doc_id, "trilateral cooperation") == "shared"
    assert relation_of(claims, TOKYO.doc_id, "work closely together") == "shared"


def test_only_here_claims(claims: Sequence[Claim]) -> None:
    assert relation_of(claims, SEOUL.doc_id, "at the request of the Japanese side") == "only_here"
    assert relation_of(claims, SEOUL.doc_id, "Sado mine") == "only_here"
    assert relation_of(claims, TOKYO.doc_id, "for about 20 minutes") == "only_here"
    assert relation_of(claims, TOKYO.doc_id, "Takeshima") == "only_here"
    assert all(c.counterpart_claim is None for c in claims if c.relation == "only_here")


def test_a_clause_only_one_account_makes_is_split_off(coded: dict[str, list[Event]]) -> None:
    result = compare_accounts(
        CONTACT_A, coded[CONTACT_A.doc_id], CONTACT_B, coded[CONTACT_B.doc_id]
    )
    mine = {c.claim: c.relation for c in result if c.doc_id == CONTACT_A.doc_id}
    assert mine["The two ministers agreed to maintain close communication"] == "shared"
    assert mine["discussed preparations for the APEC meeting in Shenzhen."] == "only_here"
    theirs = {c.claim: c.relation for c in result if c.doc_id == CONTACT_B.doc_id}
    assert theirs["The two ministers concurred to keep in close contact."] == "shared"


def test_a_detail_both_accounts_give_is_shared(coded: dict[str, list[Event]]) -> None:
    result = compare_accounts(DELHI, coded[DELHI.doc_id], CANBERRA, coded[CANBERRA.doc_id])
    initiator = next(c for c in result if c.claim == "at the request of the Australian side")
    assert initiator.relation == "shared"
    assert initiator.counterpart_claim == "The call was held at Australia's request."
    assert relation_of(result, DELHI.doc_id, "climate summit") == "only_here"


def test_an_elaboration_both_accounts_give_stays_with_its_clause(
    coded: dict[str, list[Event]],
) -> None:
    result = compare_accounts(DELHI, coded[DELHI.doc_id], CANBERRA, coded[CANBERRA.doc_id])
    mine = [c for c in result if c.doc_id == DELHI.doc_id and "Partnership" in c.claim]
    assert [(c.claim, c.relation) for c in mine] == [
        (
            "They reviewed the Comprehensive Strategic Partnership, including defence "
            "cooperation and critical minerals.",
            "shared",
        )
    ]


def test_comparison_is_deterministic_and_symmetric(
    coded: dict[str, list[Event]], claims: Sequence[Claim]
) -> None:
    again = compare_accounts(
        SEOUL, coded[SEOUL.doc_id], TOKYO, coded[TOKYO.doc_id], coder_version="test"
    )
    assert again == list(claims)
    swapped = compare_accounts(
        TOKYO, coded[TOKYO.doc_id], SEOUL, coded[SEOUL.doc_id], coder_version="test"
    )
    assert sorted(swapped, key=lambda c: c.comparison_id) == sorted(
        claims, key=lambda c: c.comparison_id
    )


# --- exchange format --------------------------------------------------------------------------


def test_exchange_format_lists_both_relations(claims: Sequence[Claim]) -> None:
    comparisons = comparison_exchange(claims, SEOUL.doc_id)
    assert len(comparisons) == 1
    entry = comparisons[0]
    assert set(entry) == {"pair_doc", "only_here", "shared"}
    assert entry["pair_doc"] == TOKYO.doc_id
    own = [c for c in claims if c.doc_id == SEOUL.doc_id]
    assert entry["shared"] == [c.claim for c in own if c.relation == "shared"]
    assert entry["only_here"] == [c.claim for c in own if c.relation == "only_here"]
    assert all(isinstance(text, str) and text in SEOUL.text for text in entry["shared"])


def test_exchange_format_is_empty_for_an_unpaired_document(claims: Sequence[Claim]) -> None:
    assert comparison_exchange(claims, NEWS.doc_id) == []


def test_paraphrase_groups_are_well_formed() -> None:
    with PARAPHRASES.open("rb") as handle:
        groups = tomllib.load(handle)["group"]
    names = [g["name"] for g in groups]
    assert len(names) == len(set(names))
    for group in groups:
        phrases = group["phrases"]
        assert phrases and all(isinstance(p, str) and p.strip() for p in phrases)
        assert len(phrases) == len(set(phrases)), group["name"]
