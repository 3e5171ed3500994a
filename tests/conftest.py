"""Shared fixtures: a store in a temporary folder, a file writer, the CLI runner."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import flashpoint
from flashpoint.workspace import Workspace

Writer = Callable[[str, str | bytes], Path]


@pytest.fixture
def write(tmp_path: Path) -> Writer:
    """Write text (UTF-8) or bytes to a file under the test's folder and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / "in" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Path of a fresh DuckDB store file."""
    return tmp_path / "store.duckdb"


@pytest.fixture
def ws(db: Path) -> Iterator[Workspace]:
    """An open workspace on a fresh store."""
    with flashpoint.open(db) as workspace:
        yield workspace


@pytest.fixture
def runner() -> CliRunner:
    """A CLI runner; stdout and stderr are read separately."""
    return CliRunner()


@pytest.fixture(autouse=True)
def _isolated_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Run every test in its own folder with no FLASHPOINT_* variables but one: ingest does
    not code unless a test asks (tests of coding say so), which keeps ingest tests about ingest."""
    for key in [k for k in os.environ if k.startswith("FLASHPOINT_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("FLASHPOINT_CODE", "false")
    monkeypatch.chdir(tmp_path)
