"""flashpoint: checkable event data from news and government readouts, offline.

import flashpoint
report = flashpoint.ingest("articles/", db="flashpoint.duckdb")
with flashpoint.open("flashpoint.duckdb") as fp:
    docs = fp.documents()          # a pandas DataFrame
"""

from flashpoint.config import Settings, load_settings
from flashpoint.errors import (
    ConfigError,
    ConflictError,
    FlashpointError,
    InputError,
    StoreError,
    UsageError,
)
from flashpoint.evaluate import load_exchange, render_report, score, score_files
from flashpoint.ingest import IngestReport, read_documents
from flashpoint.models import Document, Event, Location
from flashpoint.store.export import EXPORT_FORMATS
from flashpoint.workspace import Workspace, code_text, ingest, sample_corpus
from flashpoint.workspace import open_workspace as open

__all__ = [
    "EXPORT_FORMATS",
    "ConfigError",
    "ConflictError",
    "Document",
    "Event",
    "FlashpointError",
    "IngestReport",
    "InputError",
    "Location",
    "Settings",
    "StoreError",
    "UsageError",
    "Workspace",
    "code_text",
    "ingest",
    "load_exchange",
    "load_settings",
    "open",
    "read_documents",
    "render_report",
    "sample_corpus",
    "score",
    "score_files",
]
