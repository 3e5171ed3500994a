"""The CAMEO table: Goldstein scores, quad classes and PLOVER types as published."""

from __future__ import annotations

import pytest

from flashpoint.codes.cameo import PLOVER_TYPES, CameoTable


@pytest.fixture(scope="module")
def cameo() -> CameoTable:
    return CameoTable.load()


@pytest.mark.parametrize(
    "code,goldstein,quad,plover",
    [
        ("036", 4.0, 1, "AGREE"),
        ("041", 1.0, 1, "CONSULT"),
        ("042", 1.9, 1, "CONSULT"),
        ("051", 3.4, 1, "SUPPORT"),
        ("112", -2.0, 3, "ACCUSE"),
        ("163", -8.0, 4, "COERCE"),
        ("1712", -9.2, 4, "ASSAULT"),
        ("190", -10.0, 4, "ASSAULT"),
        ("01", 0.0, 1, None),
    ],
    ids=["meet-intent", "phone", "visit", "praise", "accuse", "embargo-to-coerce",
         "destroy-property", "fight", "statement-root"],
)  # fmt: skip
def test_codes_carry_goldstein_quad_and_plover(
    cameo: CameoTable, code: str, goldstein: float, quad: int, plover: str | None
) -> None:
    entry = cameo.get(code)
    assert (entry.goldstein, entry.quad_class, entry.plover) == (goldstein, quad, plover)


def test_every_code_is_well_formed(cameo: CameoTable) -> None:
    assert len(cameo.codes) == 312
    for entry in cameo.codes.values():
        assert entry.code.isdigit() and 2 <= len(entry.code) <= 4
        assert -10.0 <= entry.goldstein <= 10.0
        assert entry.plover is None or entry.plover in PLOVER_TYPES


def test_unknown_code(cameo: CameoTable) -> None:
    with pytest.raises(KeyError, match="'999' is not a CAMEO code"):
        cameo.get("999")
