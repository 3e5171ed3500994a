"""CAMEO codes with their Goldstein scores, quad classes and PLOVER types (data/codes/cameo.csv)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
"""The 16 PLOVER event types, cooperation first."""

TOPICS = (
    "taiwan", "trade", "tariffs", "agriculture", "rare-earths", "export-controls", "fentanyl",
    "ukraine", "security", "military", "tourism", "seafood", "diplomacy",
)  # fmt: skip
"""Topic words of the exchange format."""

_TABLE = Path(__file__).resolve().parent.parent / "data" / "codes" / "cameo.csv"


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO code: name, Goldstein intensity, quad class (1-4) and PLOVER type if any."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None


class CameoTable:
    """The CAMEO codebook, read once; look codes up with `get()`."""

    def __init__(self, codes: dict[str, CameoCode]) -> None:
        """Wrap codes keyed by their code string; use `CameoTable.load()`."""
        self.codes = codes

    @classmethod
    def load(cls, path: Path = _TABLE) -> CameoTable:
        """Read the codebook CSV shipped with flashpoint."""
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        return cls({
            r["code"]: CameoCode(r["code"], r["name"], float(r["goldstein"]), int(r["quad_class"]),
                                 r["plover"] or None, r["plover_mode"] or None)
            for r in rows
        })  # fmt: skip

    def get(self, code: str) -> CameoCode:
        """Return the code's entry; KeyError naming the code when CAMEO has none."""
        try:
            return self.codes[code]
        except KeyError:
            raise KeyError(f"{code!r} is not a CAMEO code") from None

    def __contains__(self, code: object) -> bool:
        return code in self.codes
