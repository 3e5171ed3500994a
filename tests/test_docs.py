"""The README and the public API are held to the code."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

import flashpoint
from flashpoint.cli import app
from flashpoint.config import Settings
from flashpoint.store.export import EXPORT_FORMATS

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def cli_commands() -> list[str]:
    """Names of every `flashpoint` subcommand."""
    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_every_cli_command_has_a_section_in_the_readme() -> None:
    for name in cli_commands():
        assert re.search(rf"^### `flashpoint {name}\b", README, re.M), name


def test_every_cli_option_is_mentioned_in_the_readme() -> None:
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert opt in README, f"flashpoint {name} {opt}"


def test_every_export_format_and_setting_is_documented() -> None:
    for fmt in EXPORT_FORMATS:
        assert f"`{fmt}`" in README
    for field in Settings.__dataclass_fields__:
        assert f"`{field}`" in README


def test_the_quick_start_is_make_demo_and_make_test() -> None:
    assert "$ make demo" in README and "$ make test" in README


def test_the_public_api_is_pinned() -> None:
    assert flashpoint.__all__ == [
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
    for name in flashpoint.__all__:
        assert getattr(flashpoint, name) is not None


def test_every_public_function_is_documented_in_one_line() -> None:
    for name in flashpoint.__all__:
        obj = getattr(flashpoint, name)
        if callable(obj) and not isinstance(obj, type):
            doc = obj.__doc__ or ""
            assert doc and "\n" not in doc.strip(), name
