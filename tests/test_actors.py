"""Actor table: names in text → state and IGO codes, with office holders valid on a date."""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from flashpoint.actors.table import ActorMention, ActorTable
from flashpoint.errors import InputError

DATA = Path(__file__).resolve().parent.parent / "flashpoint" / "data" / "actors"
PEOPLE_HEADER = "name,aliases,code,role,valid_from,valid_to,source\n"


@pytest.fixture(scope="module")
def table() -> ActorTable:
    """The package's actor tables, loaded once for the module."""
    return ActorTable.load()


def codes(mentions: list[ActorMention]) -> list[tuple[str, str]]:
    """(text as written, code) of each mention, in order."""
    return [(m.text, m.code) for m in mentions]


# -- find: names, offsets, kinds ---------------------------------------------------------------


def test_find_returns_offsets_into_the_text(table: ActorTable) -> None:
    text = "Officials from Japan and China met in Hanoi on Monday."
    mentions = table.find(text)
    assert codes(mentions) == [("Japan", "JPN"), ("China", "CHN"), ("Hanoi", "VNM")]
    for m in mentions:
        assert text[m.start : m.end] == m.text
    assert mentions[0].kind == "state" and mentions[2].kind == "metonym"
    assert all(m.role is None for m in mentions)


def test_longest_name_wins_and_mentions_do_not_overlap(table: ActorTable) -> None:
    text = "The People's Republic of China protested to North Korea and South Africa."
    assert codes(table.find(text)) == [
        ("People's Republic of China", "CHN"),
        ("North Korea", "PRK"),
        ("South Africa", "ZAF"),
    ]


@pytest.mark.parametrize(
    ("text", "written", "code"),
    [
        ("Beijing rejected the claim.", "Beijing", "CHN"),
        ("A reply from the Kremlin came late.", "Kremlin", "RUS"),
        ("Foggy Bottom issued a travel advisory.", "Foggy Bottom", "USA"),
        ("Seoul summoned the envoy.", "Seoul", "KOR"),
        ("Taipei thanked its partners.", "Taipei", "TWN"),
        ("Canberra welcomed the move.", "Canberra", "AUS"),
        ("Kyiv and Kiev are the same city.", "Kyiv", "UKR"),
        ("Brussels announced new duties.", "Brussels", "IGO:EU"),
        ("New Delhi said little.", "New Delhi", "IND"),
    ],
    ids=["beijing", "kremlin", "foggy-bottom", "seoul", "taipei", "canberra", "kyiv", "brussels",
         "new-delhi"],
)  # fmt: skip
def test_capitals_and_seats_stand_for_their_government(
    table: ActorTable, text: str, written: str, code: str
) -> None:
    first = table.find(text)[0]
    assert (first.text, first.code) == (written, code)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chinese and Japanese diplomats met.", [("Chinese", "CHN"), ("Japanese", "JPN")]),
        ("China's navy sailed.", [("China's", "CHN")]),
        ("China’s navy sailed.", [("China’s", "CHN")]),
        ("South Korean and North Korean officials", [("South Korean", "KOR"),
                                                     ("North Korean", "PRK")]),
        ("the U.S.-China trade talks", [("U.S.", "USA"), ("China", "CHN")]),
        ("Türkiye and Turkiye and Côte d’Ivoire", [("Türkiye", "TUR"), ("Turkiye", "TUR"),
                                                   ("Côte d’Ivoire", "CIV")]),
    ],
    ids=["demonyms", "possessive-straight", "possessive-curly", "two-word-demonyms",
         "hyphenated-pair", "accents-and-curly-quotes"],
)  # fmt: skip
def test_demonyms_and_possessives(
    table: ActorTable, text: str, expected: list[tuple[str, str]]
) -> None:
    assert codes(table.find(text)) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Xinhua reported the visit.", "CHN"),
        ("KCNA carried the statement.", "PRK"),
        ("The China Coast Guard boarded a boat.", "CHN"),
        ("The PLA held drills.", "CHN"),
        ("The Japan Coast Guard spotted the ships.", "JPN"),
        ("The Philippine Coast Guard filmed the encounter.", "PHL"),
        ("The IDF said it struck a depot.", "ISR"),
        ("The IRGC seized a tanker.", "IRN"),
        ("The Pentagon announced a deployment.", "USA"),
        ("The European Commission proposed tariffs.", "IGO:EU"),
    ],
    ids=["xinhua", "kcna", "china-coast-guard", "pla", "japan-coast-guard", "pcg", "idf", "irgc",
         "pentagon", "commission"],
)  # fmt: skip
def test_named_bodies_map_to_their_state(table: ActorTable, text: str, code: str) -> None:
    (mention,) = table.find(text)
    assert (mention.code, mention.kind) == (code, "body")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The UN condemned the attack.", "IGO:UN"),
        ("The U.N. Security Council met.", "IGO:UN"),
        ("NATO allies agreed.", "IGO:NATO"),
        ("ASEAN foreign ministers gathered.", "IGO:ASEAN"),
        ("The IAEA sent inspectors.", "IGO:IAEA"),
        ("The G7 issued a communique.", "IGO:G7"),
        ("The European Union replied.", "IGO:EU"),
    ],
    ids=["un", "security-council", "nato", "asean", "iaea", "g7", "eu"],
)
def test_igos(table: ActorTable, text: str, code: str) -> None:
    (mention,) = table.find(text)
    assert (mention.code, mention.kind) == (code, "igo")


def test_places_named_after_states_are_not_mentions(table: ActorTable) -> None:
    text = (
        "Ships crossed the South China Sea and the Taiwan Strait; Latin America and New Mexico "
        "were quiet; the Washington Post and Air China were cited in a US$2 billion deal."
    )
    assert table.find(text) == []


def test_pro_and_anti_prefixes_are_attitudes_not_states(table: ActorTable) -> None:
    assert codes(table.find("pro-Russian groups and anti-American slogans")) == []


# -- people and titles on a date -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "on", "code"),
    [
        ("Takaichi said the talks went well.", date(2025, 11, 10), "JPN"),
        ("Kishida said the talks went well.", date(2023, 6, 1), "JPN"),
        ("Kishida said the talks went well.", date(2026, 1, 15), None),
        ("Trump said the talks went well.", date(2019, 5, 1), "USA"),
        ("Trump said the talks went well.", date(2025, 3, 1), "USA"),
        ("Trump said the talks went well.", date(2023, 3, 1), None),
        ("Yoon Suk Yeol said the talks went well.", date(2024, 6, 1), "KOR"),
        ("Yoon Suk Yeol said the talks went well.", date(2025, 8, 1), None),
        ("Lee Jae-myung said the talks went well.", date(2025, 8, 1), "KOR"),
        ("Lee Jae-myung said the talks went well.", date(2024, 6, 1), None),
        ("Biden said the talks went well.", date(2021, 1, 20), "USA"),
        ("Biden said the talks went well.", date(2024, 12, 31), "USA"),
        ("Biden said the talks went well.", date(2025, 1, 20), None),
        ("Zelenskyy said the talks went well.", date(2024, 2, 1), "UKR"),
    ],
    ids=["takaichi-2025", "kishida-2023", "kishida-2026", "trump-2019", "trump-2025",
         "trump-2023", "yoon-2024", "yoon-2025", "lee-2025", "lee-2024", "biden-first-day",
         "biden-last-year", "biden-after", "zelenskyy"],
)  # fmt: skip
def test_people_match_only_while_in_office(
    table: ActorTable, text: str, on: date, code: str | None
) -> None:
    mentions = table.find(text, on)
    if code is None:
        assert mentions == []
    else:
        assert [(m.code, m.kind) for m in mentions] == [(code, "person")]


def test_a_handover_day_belongs_to_the_successor(table: ActorTable) -> None:
    handover = date(2025, 10, 21)
    assert table.find("Ishiba spoke.", handover) == []
    assert table.find("Takaichi spoke.", handover)[0].role == "head_of_government"


def test_without_a_date_anyone_who_held_office_matches(table: ActorTable) -> None:
    (kishida,) = table.find("Kishida spoke.")
    assert (kishida.code, kishida.role) == ("JPN", "head_of_government")
    (rutte,) = table.find("Rutte spoke.")
    assert rutte.code == "IGO:NATO"  # his latest office
    assert table.find("Rutte spoke.", date(2023, 1, 1))[0].code == "NLD"


@pytest.mark.parametrize(
    ("text", "on", "written", "code", "role"),
    [
        ("Prime Minister Kishida spoke.", date(2023, 5, 1), "Prime Minister Kishida", "JPN",
         "head_of_government"),
        ("President Lee spoke.", date(2025, 9, 1), "President Lee", "KOR", "head_of_state"),
        ("Foreign Minister Wang met them.", date(2024, 4, 1), "Foreign Minister Wang", "CHN",
         "foreign_minister"),
        ("Chinese Foreign Minister Wang Yi met them.", date(2024, 4, 1),
         "Chinese Foreign Minister Wang Yi", "CHN", "foreign_minister"),
        ("US President Donald Trump met them.", date(2025, 4, 1), "US President Donald Trump",
         "USA", "head_of_state"),
        ("Japanese Prime Minister Sanae Takaichi met them.", date(2025, 11, 1),
         "Japanese Prime Minister Sanae Takaichi", "JPN", "head_of_government"),
        ("China’s foreign ministry spokesperson Lin Jian said", date(2025, 2, 1),
         "China’s foreign ministry spokesperson Lin Jian", "CHN", "spokesperson"),
        ("Kremlin spokesman Dmitry Peskov said", date(2024, 2, 1),
         "Kremlin spokesman Dmitry Peskov", "RUS", "spokesperson"),
        ("Chief Cabinet Secretary Minoru Kihara said", date(2025, 12, 1),
         "Chief Cabinet Secretary Minoru Kihara", "JPN", "chief_cabinet_secretary"),
        ("Japan's ambassador to the UN, Kazuyuki Yamazaki, said", date(2025, 2, 1),
         "Japan's ambassador to the UN, Kazuyuki Yamazaki", "JPN", "ambassador"),
        ("Crown Prince Mohammed bin Salman hosted them.", date(2024, 1, 1),
         "Crown Prince Mohammed bin Salman", "SAU", "head_of_government"),
        ("Mr Kishida thanked them.", date(2022, 1, 1), "Mr Kishida", "JPN", "head_of_government"),
        ("NATO Secretary General Mark Rutte spoke.", date(2025, 1, 1),
         "NATO Secretary General Mark Rutte", "IGO:NATO", "igo_leader"),
    ],
    ids=["pm-surname", "president-lee", "fm-wang", "demonym-title-name", "us-president",
         "japanese-pm", "spokesperson-curly-possessive", "kremlin-spokesman", "ccs",
         "ambassador-to-igo", "crown-prince", "mr", "nato-sg"],
)  # fmt: skip
def test_title_phrases_are_one_mention(
    table: ActorTable, text: str, on: date, written: str, code: str, role: str
) -> None:
    (mention,) = table.find(text, on)
    assert (mention.text, mention.code, mention.kind, mention.role) == (
        written, code, "title", role
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "on"),
    [
        ("Lee said the plan was sound.", date(2025, 9, 1)),
        ("Kim and Wang and Li and Park said so.", date(2025, 9, 1)),
        ("Prime Minister Kishida arrived.", date(2026, 1, 10)),
        ("Former Prime Minister Fumio Kishida arrived.", date(2026, 1, 10)),
        ("President Lee arrived.", date(2021, 6, 1)),
        ("President Lee Jong-seok arrived.", date(2025, 9, 1)),
        ("Mr Trump arrived.", date(2023, 3, 1)),
    ],
    ids=["lee-alone", "common-surnames", "pm-out-of-office", "former-pm", "no-president-lee",
         "unknown-longer-name", "mr-out-of-office"],
)  # fmt: skip
def test_ambiguous_or_stale_names_are_not_matched(table: ActorTable, text: str, on: date) -> None:
    assert table.find(text, on) == []


def test_a_name_of_someone_out_of_office_hides_the_place_inside_it(table: ActorTable) -> None:
    text = "Wellington Koo visited Wellington."
    before = table.find(text, date(2023, 1, 1))
    assert [(m.text, m.code) for m in before] == [("Wellington", "NZL")]
    assert before[0].start == text.rindex("Wellington")
    after = table.find(text, date(2025, 1, 1))
    assert codes(after) == [("Wellington Koo", "TWN"), ("Wellington", "NZL")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Michael Jordan praised Jordan.", [("Jordan", "JOR")]),
        ("Georgian Dream won; Turkish Airlines flew; the Niger Delta flooded.", []),
        ("Jordanian Foreign Minister Ayman Safadi met his Turkish counterpart.",
         [("Jordanian Foreign Minister Ayman Safadi", "JOR"), ("Turkish", "TUR")]),
        ("Chad and Guinea signed, and so did Georgia.", [("Chad", "TCD"), ("Guinea", "GIN"),
                                                        ("Georgia", "GEO")]),
        ("DR Congo, the Republic of the Congo and Congo", [("DR Congo", "COD"),
                                                          ("Republic of the Congo", "COG"),
                                                          ("Congo", "COD")]),
        ("Trump Tower and Melania Trump", []),
    ],
    ids=["person-named-jordan", "names-inside-other-names", "ambiguous-before-title",
         "ambiguous-alone", "congo", "surname-inside-other-names"],
)  # fmt: skip
def test_ambiguous_words_are_matched_carefully(
    table: ActorTable, text: str, expected: list[tuple[str, str]]
) -> None:
    assert codes(table.find(text, date(2025, 6, 1))) == expected


def test_unknown_names_are_never_guessed(table: ActorTable) -> None:
    assert table.find("Ruritania and Freedonian troops met President Zorg.") == []
    assert table.resolve("Ruritania's foreign minister") is None
    assert table.code_of("Atlantis") is None


# -- resolve and exact look-ups ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("China's foreign ministry spokesperson Lin Jian", "CHN"),
        ("the Japanese prime minister", "JPN"),
        ("China's foreign ministry spokesperson", "CHN"),
        ("Tokyo", "JPN"),
        ("Four Chinese coast guard vessels", "CHN"),
        ("Indian missiles", "IND"),
        ("Japan's ambassador to the UN, Kazuyuki Yamazaki", "JPN"),
        ("Japan's envoy to the EU", "JPN"),
        ("the EU's ambassador to China", "IGO:EU"),
        ("the US side", "USA"),
        ("the Philippine Coast Guard", "PHL"),
        ("Russia's foreign ministry", "RUS"),
        ("Washington", "USA"),
        ("the Japanese embassy in Beijing", "JPN"),
        ("Xinhua's correspondent in Moscow", "CHN"),
        ("Prime Minister Takaichi's cabinet", "JPN"),
        ("the education ministry", None),
        ("the foreign ministry spokesperson", None),
        ("the ambassador to China", None),
    ],
    ids=["spokesperson-named", "demonym-title", "possessive-title", "capital", "vessels",
         "weapons", "ambassador-to-igo", "envoy-to-igo", "igo-ambassador", "side", "coast-guard",
         "ministry", "washington", "embassy-in-capital", "body-wins", "title-possessive",
         "generic-ministry", "generic-spokesperson", "host-only"],
)  # fmt: skip
def test_resolve_noun_phrases(table: ActorTable, phrase: str, code: str | None) -> None:
    assert table.resolve(phrase, date(2025, 11, 10)) == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("PRC", "CHN"),
        ("the United States of America", "USA"),
        ("Republic of China", "TWN"),
        ("Holy See", "VAT"),
        ("Kosovo", "XKX"),
        ("State of Palestine", "PSE"),
        ("Brussels", "IGO:EU"),
        ("Mainland Affairs Council", "TWN"),
        ("Taiwan Affairs Office", "CHN"),
        ("Fumio Kishida", "JPN"),
        ("JPN", "JPN"),
        ("South China Sea", None),
        ("Narnia", None),
    ],
    ids=["prc", "usa-with-the", "roc", "holy-see", "kosovo", "palestine", "brussels", "mac",
         "tao", "person", "code", "not-an-actor", "unknown"],
)  # fmt: skip
def test_code_of_exact_names(table: ActorTable, name: str, code: str | None) -> None:
    assert table.code_of(name) == code


def test_states_lists_every_sovereign_state(table: ActorTable) -> None:
    states = table.states()
    assert len(states) == 197
    assert {"TWN", "PSE", "XKX", "VAT", "KOR", "PRK"} <= states.keys()
    assert states["KOR"] == "South Korea"
    assert "HKG" not in states and "PRI" not in states


# -- user tables -----------------------------------------------------------------------------


def test_a_user_csv_adds_a_leader(tmp_path: Path) -> None:
    extra = tmp_path / "my_leaders.csv"
    extra.write_text(
        PEOPLE_HEADER + "Ada Quill,Quill,NLD,head_of_government,2026-02-01,,invented for a test\n",
        encoding="utf-8",
    )
    table = ActorTable.load([extra])
    (mention,) = table.find("Prime Minister Quill met Merz.", date(2026, 3, 1))[:1]
    assert (mention.text, mention.code, mention.kind) == ("Prime Minister Quill", "NLD", "title")
    assert table.find("Quill spoke.", date(2025, 3, 1)) == []


def test_a_user_row_with_the_same_name_and_code_replaces_the_package_rows(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "actors"
    folder.mkdir()
    (folder / "people.csv").write_text(
        PEOPLE_HEADER
        + "Sanae Takaichi,Takaichi,JPN,head_of_government,2025-11-01,,corrected for a test\n",
        encoding="utf-8",
    )
    table = ActorTable.load(folder)
    assert table.find("Takaichi spoke.", date(2025, 10, 25)) == []
    assert table.find("Takaichi spoke.", date(2025, 11, 2))[0].code == "JPN"
    assert table.find("Kishida spoke.", date(2023, 1, 1))[0].code == "JPN"  # others untouched


def test_a_user_csv_adds_bodies_states_and_blocked_phrases(tmp_path: Path) -> None:
    bodies = tmp_path / "more_bodies.csv"
    bodies.write_text(
        "code,name,aliases,kind,source\nJPN,Japan Tourism Agency,JTA,agency,jnto.go.jp\n",
        encoding="utf-8",
    )
    blocked = tmp_path / "skip.csv"
    blocked.write_text("phrase,note,source\nJapan Inc,idiom,test\n", encoding="utf-8")
    table = ActorTable.load([bodies, blocked])
    assert codes(table.find("The JTA and Japan Inc and Japan")) == [("JTA", "JPN"),
                                                                   ("Japan", "JPN")]  # fmt: skip


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (PEOPLE_HEADER + "Ada Quill,,NLD,head_of_government,2026-13-01,,test\n",
         "line 2: valid_from '2026-13-01' is not a date"),
        (PEOPLE_HEADER + "Ada Quill,,NLD,head_of_government,2026-01-01,,test\n"
         "Bo Quill,,XYZ,head_of_government,2026-01-01,,test\n",
         "line 3: unknown code 'XYZ'"),
        (PEOPLE_HEADER + "Ada Quill,,NLD,emperor_of_mars,2026-01-01,,test\n",
         "line 2: role 'emperor_of_mars' is not one of"),
        (PEOPLE_HEADER + "Ada Quill,,NLD,head_of_government,2026-01-01,2025-01-01,test\n",
         "line 2: valid_to 2025-01-01 is not after valid_from 2026-01-01"),
        ("name,aliases,code,role,valid_from,source\nAda Quill,,NLD,minister,2026-01-01,test\n",
         "line 1: missing column 'valid_to'"),
        ("who,what\nx,y\n", "line 1: columns who, what match no actor table"),
        ("code,name,aliases,kind,source\nNLD,Dutch Navy,,navy,test\n",
         "line 2: kind 'navy' is not one of"),
    ],
    ids=["bad-date", "unknown-code", "unknown-role", "end-before-start", "missing-column",
         "unknown-table", "bad-body-kind"],
)  # fmt: skip
def test_a_bad_row_names_file_and_line(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "extra.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        ActorTable.load([path])
    assert str(path) in str(caught.value)
    assert problem in str(caught.value)


def test_a_missing_extra_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        ActorTable.load([tmp_path / "nowhere.csv"])


# -- the shipped data --------------------------------------------------------------------------


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_shipped_tables_are_big_enough_and_sourced() -> None:
    sizes = {name: len(_rows(name)) for name in ("states.csv", "igos.csv", "bodies.csv",
                                                 "people.csv")}  # fmt: skip
    assert sizes["states.csv"] == 197
    assert sizes["bodies.csv"] >= 150
    assert sizes["people.csv"] >= 400
    for name in sizes:
        assert all(row["source"] for row in _rows(name)), name


def test_no_name_of_a_state_igo_or_body_means_two_codes() -> None:
    seen: dict[str, set[str]] = defaultdict(set)
    for name, columns in (
        ("states.csv", ("name", "aliases", "demonyms", "metonyms")),
        ("igos.csv", ("name", "aliases", "metonyms")),
        ("bodies.csv", ("name", "aliases")),
    ):
        for row in _rows(name):
            for column in columns:
                for value in row[column].split(";"):
                    if value.strip():
                        seen[value.strip().removeprefix("the ")].add(row["code"])
    assert {n: c for n, c in seen.items() if len(c) > 1} == {}


def test_one_holder_at_a_time_for_single_seat_offices() -> None:
    terms: dict[tuple[str, str], list[tuple[date, date]]] = defaultdict(list)
    single = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister",
              "chief_cabinet_secretary", "vice_president"}  # fmt: skip
    for row in _rows("people.csv"):
        if row["role"] in single:
            end = date.fromisoformat(row["valid_to"]) if row["valid_to"] else date.max
            terms[row["code"], row["role"]].append((date.fromisoformat(row["valid_from"]), end))
    for key, spans in terms.items():
        spans.sort()
        for (_, end), (start, _) in pairwise(spans):
            assert end <= start, key


def test_g20_and_focus_states_have_leaders_in_2025(table: ActorTable) -> None:
    on = date(2025, 11, 15)
    people = _rows("people.csv")
    current = {
        r["code"]
        for r in people
        if r["role"] in ("head_of_state", "head_of_government")
        and date.fromisoformat(r["valid_from"]) <= on
        and (not r["valid_to"] or on < date.fromisoformat(r["valid_to"]))
    }
    focus = set("ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA "
                "PRK TWN PHL VNM UKR IRN ISR PAK".split())  # fmt: skip
    assert focus - current == set()
