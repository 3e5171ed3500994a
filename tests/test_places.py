"""The offline gazetteer: alias table and GeoNames cities found in sentences, countries never."""

from __future__ import annotations

import csv
from pathlib import Path

import pycountry
import pytest

from flashpoint.actors.places import (
    COLUMNS,
    PRECISIONS,
    TABLE,
    Gazetteer,
    PlaceMention,
    read_aliases,
)
from flashpoint.errors import InputError


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    """One gazetteer for the module: GeoNames takes a few seconds to index."""
    return Gazetteer.load()


def only(found: list[PlaceMention]) -> PlaceMention:
    """The single mention of a sentence that names one place."""
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "name", "country"),
    [
        ("Two Chinese drones flew close to Yonaguni on Tuesday.", "Yonaguni", "JPN"),
        ("A patrol boat returned to Yonakuni port at dawn.", "Yonakuni", "JPN"),
        ("Negotiators met in Busan for a second round.", "Busan", "KOR"),
        ("The envoys will reconvene in Geneva next week.", "Geneva", "CHE"),
        ("Air raid sirens sounded across Kyiv overnight.", "Kyiv", "UKR"),
        ("Denmark rejected any talk of buying Greenland.", "Greenland", "DNK"),
        ("The foreign ministers met in Sharm el-Sheikh.", "Sharm el-Sheikh", "EGY"),
        ("Protests spread through Hong Kong again.", "Hong Kong", "CHN"),
        ("A carrier docked at Guam for repairs.", "Guam", "USA"),
    ],
    ids=["yonaguni", "yonakuni", "busan", "geneva", "kyiv", "greenland", "sharm", "hong-kong",
         "guam"],
)  # fmt: skip
def test_named_place_lies_in_its_country(
    gazetteer: Gazetteer, sentence: str, name: str, country: str
) -> None:
    """A city, island or region comes back under the name written, in the right state."""
    mention = only(gazetteer.find(sentence))
    assert (mention.name, mention.country) == (name, country)


def test_yonaguni_is_an_island_with_coordinates(gazetteer: Gazetteer) -> None:
    """Yonaguni comes from the alias table, near 24.47 N 123.0 E, though GeoNames says Yonakuni."""
    mention = only(gazetteer.find("Chinese drones circled near Yonaguni."))
    assert (mention.source, mention.precision) == ("alias", "island")
    assert mention.lat == pytest.approx(24.47, abs=0.1)
    assert mention.lon == pytest.approx(123.0, abs=0.1)


def test_sea_keeps_the_in_text_but_not_in_name(gazetteer: Gazetteer) -> None:
    """ "the Taiwan Strait" is a sea with no country; its name drops the article."""
    mention = only(gazetteer.find("A frigate sailed through the Taiwan Strait overnight."))
    assert mention.text == "the Taiwan Strait"
    assert mention.name == "Taiwan Strait"
    assert mention.country is None
    assert mention.precision == "sea"


@pytest.mark.parametrize(
    "name",
    ["Scarborough Shoal", "Huangyan Dao", "Bajo de Masinloc", "Panatag Shoal"],
    ids=["scarborough", "huangyan", "masinloc", "panatag"],
)
def test_scarborough_shoal_under_each_name(gazetteer: Gazetteer, name: str) -> None:
    """Every name of the shoal finds the same disputed feature, written as in the text."""
    mention = only(gazetteer.find(f"Coast guard vessels shadowed fishing boats near {name}."))
    assert mention.name == name
    assert mention.country is None
    assert mention.lat == pytest.approx(15.18, abs=0.05)


@pytest.mark.parametrize(
    "name",
    ["Second Thomas Shoal", "Ayungin Shoal", "Ren'ai Jiao", "Ren\u2019ai Reef"],
    ids=["second-thomas", "ayungin", "renai-jiao", "renai-curly-apostrophe"],
)
def test_second_thomas_shoal_under_each_name(gazetteer: Gazetteer, name: str) -> None:
    """Each name of the shoal, typographic apostrophe included, is a disputed feature."""
    mention = only(gazetteer.find(f"A resupply mission reached {name} on Sunday."))
    assert mention.name == name
    assert mention.country is None
    assert mention.precision == "feature"


def test_white_house_drops_the_article(gazetteer: Gazetteer) -> None:
    """ "the White House" is a venue in the United States named "White House"."""
    mention = only(gazetteer.find("Officials at the White House declined to comment."))
    assert (mention.text, mention.name, mention.country) == (
        "the White House",
        "White House",
        "USA",
    )
    assert mention.precision == "venue"


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister held talks with Japan.",
        "Georgia and Jordan signed the accord.",
        "Korea and Taiwan were both invited.",
        "The US and the UK issued a joint statement.",
        "Officials from Singapore and Russia attended.",
    ],
    ids=["japan", "georgia-jordan", "korea-taiwan", "us-uk", "singapore-russia"],
)
def test_country_alone_is_not_a_place(gazetteer: Gazetteer, sentence: str) -> None:
    """Naming only countries gives no place, even where towns share the name."""
    assert gazetteer.find(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "In May the two sides may meet again.",
        "Nice work, the envoy told reporters.",
        "It was a nice gesture that may help.",
        "March was quieter than April.",
        "The Washington Post reported the Geneva Conventions were breached.",
        "President Lee thanked Lloyd Austin.",
        "Hamas said Xinhua had misquoted Reuters.",
        "Thai and Kazakh officials spoke.",
    ],
    ids=["may", "nice-sentence-start", "nice-word", "months", "longer-names", "people",
         "organisations", "demonyms"],
)  # fmt: skip
def test_words_names_and_organisations_are_not_places(gazetteer: Gazetteer, sentence: str) -> None:
    """Town names that are words, people, organisations or parts of longer names are skipped."""
    assert gazetteer.find(sentence) == []


def test_word_town_after_locative_is_a_place(gazetteer: Gazetteer) -> None:
    """A town named like a word counts right after a strong locative: "talks in Nice"."""
    mention = only(gazetteer.find("The summit will be held in Nice."))
    assert (mention.name, mention.country) == ("Nice", "FRA")


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The governor spoke in Hagatna on Friday.", ["Hagatna"]),
        ("Hagatna officials spoke on Friday.", []),
        ("Ministers gathered in Nuuk for the talks.", ["Nuuk"]),
        ("Nuuk officials welcomed the talks.", []),
    ],
    ids=["small-after-in", "small-alone", "nuuk-after-in", "nuuk-alone"],
)
def test_small_town_needs_a_locative(gazetteer: Gazetteer, sentence: str, found: list[str]) -> None:
    """A town under the population floor is found only after a locative preposition."""
    assert [m.name for m in gazetteer.find(sentence)] == found


def test_small_town_country_is_the_sovereign_state(gazetteer: Gazetteer) -> None:
    """GeoNames codes Nuuk as Greenland (GL) and Hagatna as Guam (GU): the states are DNK, USA."""
    found = gazetteer.find("Envoys flew from Nuuk to Hagatna.")
    assert [(m.name, m.country) for m in found] == [("Nuuk", "DNK"), ("Hagatna", "USA")]


def test_offsets_point_at_the_text(gazetteer: Gazetteer) -> None:
    """Every mention's offsets cut its text out of the sentence, curly apostrophes included."""
    sentence = (
        "After Beijing\u2019s drills in the East China Sea, ships from Okinawa and Kadena Air Base "
        "shadowed the fleet toward the Miyako Strait while the Kremlin watched."
    )
    found = gazetteer.find(sentence)
    assert [m.name for m in found] == [
        "Beijing", "East China Sea", "Okinawa", "Kadena Air Base", "Miyako Strait", "Kremlin",
    ]  # fmt: skip
    for m in found:
        assert sentence[m.start : m.end] == m.text


def test_longest_match_wins(gazetteer: Gazetteer) -> None:
    """Longer names beat their parts: Gaza City over Gaza, the South China Sea over nothing."""
    found = gazetteer.find("Strikes hit Gaza City while patrols crossed the South China Sea.")
    assert [m.name for m in found] == ["Gaza City", "South China Sea"]


def test_generic_words_may_be_lower_case(gazetteer: Gazetteer) -> None:
    """House styles write "the strait of Hormuz" and "Kadena air base"; both are found."""
    found = gazetteer.find("Tankers left the strait of Hormuz; jets left Kadena air base.")
    assert [m.name for m in found] == ["strait of Hormuz", "Kadena air base"]


def test_city_before_province_names_the_province(gazetteer: Gazetteer) -> None:
    """ "Idlib province" is a region of Syria; a name only small towns share is dropped."""
    found = gazetteer.find("Shelling continued in Idlib province and in Borno state.")
    assert [(m.name, m.country, m.precision) for m in found] == [
        ("Idlib province", "SYR", "region")
    ]


def test_lookup_one_name(gazetteer: Gazetteer) -> None:
    """lookup() resolves one name with offsets over the whole string; countries give None."""
    strait = gazetteer.lookup("the Taiwan Strait")
    assert strait is not None
    assert (strait.start, strait.end, strait.name) == (0, 17, "Taiwan Strait")
    busan = gazetteer.lookup("Busan")
    assert busan is not None and busan.country == "KOR"
    assert gazetteer.lookup("Japan") is None
    assert gazetteer.lookup("May") is None


def write_table(path: Path, rows: list[list[str]]) -> Path:
    """Write an alias table with the standard header."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return path


def test_user_table_adds_and_overrides(tmp_path: Path) -> None:
    """A user CSV adds a place and replaces a shipped row of the same name."""
    extra = write_table(
        tmp_path / "mine.csv",
        [
            ["Camp Blaz", "Marine Corps Base Camp Blaz", "USA", "13.58", "144.86", "base", "me"],
            ["Kinmen", "Quemoy", "", "24.44", "118.35", "island", "me"],
        ],
    )
    gazetteer = Gazetteer.load([extra])
    found = gazetteer.find("Marines moved from Camp Blaz to Kinmen.")
    assert [(m.name, m.country, m.precision) for m in found] == [
        ("Camp Blaz", "USA", "base"),
        ("Kinmen", None, "island"),
    ]
    assert gazetteer.lookup("Kinmen Island") is None  # the shipped row's aliases went with it


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (["Camp Blaz", "", "USA", "13.58", "144.86", "town", "me"], "precision"),
        (["Camp Blaz", "", "US", "13.58", "144.86", "base", "me"], "alpha-3"),
        (["Camp Blaz", "", "USA", "north", "144.86", "base", "me"], "decimal degrees"),
        (["Camp Blaz", "", "USA", "13.58", "", "base", "me"], "together"),
        (["Camp Blaz", "", "USA", "13.58", "144.86", "base"], "columns"),
        (["Camp Blaz", "Blaz, (the camp)", "USA", "13.58", "144.86", "base", "me"], "found"),
    ],
    ids=["precision", "country", "lat", "lon-missing", "short-row", "unmatchable-alias"],
)
def test_bad_row_names_file_and_line(tmp_path: Path, row: list[str], problem: str) -> None:
    """A bad row stops loading with an InputError naming the file, the line and the problem."""
    good = ["Camp Zama", "", "JPN", "35.50", "139.39", "base", "me"]
    path = write_table(tmp_path / "bad.csv", [good, row])
    with pytest.raises(InputError, match=problem) as err:
        Gazetteer.load([path])
    assert f"{path}:3:" in str(err.value)


def test_bad_header_names_line_one(tmp_path: Path) -> None:
    """A table whose header is not the standard one fails at line 1."""
    path = tmp_path / "header.csv"
    path.write_text("place,country\nCamp Blaz,USA\n", encoding="utf-8")
    with pytest.raises(InputError, match=f"{path}:1:"):
        read_aliases(path)


def test_shipped_table_is_complete_and_consistent() -> None:
    """The shipped table has 150+ rows, valid codes, no name twice, no country for seas."""
    rows = read_aliases(TABLE)
    assert len(rows) >= 150
    codes = {c.alpha_3 for c in pycountry.countries}
    seen: set[str] = set()
    for row in rows:
        assert row.precision in PRECISIONS
        assert row.country is None or row.country in codes, row
        assert row.lat is not None and row.lon is not None, row
        if row.precision == "sea":
            assert row.country is None, row
        for name in (row.name, *row.aliases):
            assert name not in seen, name
            seen.add(name)
