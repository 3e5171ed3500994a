"""Topic words for an event from its evidence (data/events/topics.toml) and its sense."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

TOPIC_WORDS = Path(__file__).resolve().parent.parent / "data" / "events" / "topics.toml"


@cache
def _table(path: Path = TOPIC_WORDS) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The topic table, read once per process."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple((topic, tuple(words)) for topic, words in data.items())


def topics_of(evidence: str, sense_topics: Iterable[str] = ()) -> tuple[str, ...]:
    """Topics whose words appear in the evidence, plus the sense's own, in table order."""
    text = " " + evidence.lower().replace("\u2019", "'") + " "
    wanted = set(sense_topics)
    return tuple(
        topic for topic, words in _table()
        if topic in wanted or any(" " + w in text or "-" + w in text for w in words)
    )  # fmt: skip
