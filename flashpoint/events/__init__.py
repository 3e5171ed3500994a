"""Clauses → events: predicates from the lexicon, actors from the parse, status and attribution."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from flashpoint.events.coder import Coder

__all__ = ["Coder", "load_coder"]


@cache
def _cached_coder(extra_actors: tuple[Path, ...], extra_places: tuple[Path, ...]) -> Coder:
    from flashpoint.actors.places import Gazetteer
    from flashpoint.actors.table import ActorTable
    from flashpoint.nlp.pipeline import load_pipeline

    return Coder(load_pipeline(), ActorTable.load(extra_actors), Gazetteer.load(extra_places))


def load_coder(actors: Iterable[Path] = (), places: Iterable[Path] = ()) -> Coder:
    """The coder with its model and tables, built once per process for the same extra files."""
    return _cached_coder(tuple(actors), tuple(places))
