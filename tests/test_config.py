"""Settings come from defaults < flashpoint.toml < FLASHPOINT_* environment < flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.config import Settings, load_settings
from flashpoint.errors import ConfigError


def test_defaults(tmp_path: Path) -> None:
    assert load_settings(cwd=tmp_path, environ={}) == Settings()
    assert Settings().db == "flashpoint.duckdb"


def test_each_layer_overrides_the_one_before(tmp_path: Path) -> None:
    (tmp_path / "flashpoint.toml").write_text('db = "from-file.duckdb"\nbatch_size = 50\n')
    from_file = load_settings(cwd=tmp_path, environ={})
    assert (from_file.db, from_file.batch_size) == ("from-file.duckdb", 50)
    env = {"FLASHPOINT_DB": "from-env.duckdb"}
    from_env = load_settings(cwd=tmp_path, environ=env)
    assert (from_env.db, from_env.batch_size) == ("from-env.duckdb", 50)
    flagged = load_settings(
        {"db": "from-flag.duckdb", "batch_size": None}, cwd=tmp_path, environ=env
    )
    assert (flagged.db, flagged.batch_size) == ("from-flag.duckdb", 50)


def test_a_flashpoint_table_in_the_file_and_a_named_config(tmp_path: Path) -> None:
    named = tmp_path / "elsewhere.toml"
    named.write_text('[flashpoint]\nprogress = false\ndefault_kind = "readout"\n')
    settings = load_settings(cwd=tmp_path, environ={"FLASHPOINT_CONFIG": str(named)})
    assert (settings.progress, settings.default_kind) == (False, "readout")


@pytest.mark.parametrize(
    "content,message",
    [
        ("dbb = 'x'\n", "unknown setting(s) dbb"),
        ("batch_size = 'many'\n", "batch_size = 'many' is not a valid int"),
        ("batch_size = 0\n", "batch_size must be at least 1"),
        ("db = \n", "not valid TOML"),
    ],
    ids=["unknown-key", "wrong-type", "out-of-range", "bad-toml"],
)
def test_bad_config_file_is_named(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "flashpoint.toml").write_text(content)
    with pytest.raises(ConfigError, match=r"flashpoint\.toml") as caught:
        load_settings(cwd=tmp_path, environ={})
    assert message in str(caught.value)


def test_bad_environment_value_names_the_variable(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(cwd=tmp_path, environ={"FLASHPOINT_PROGRESS": "maybe"})
    assert str(caught.value) == (
        "environment variable FLASHPOINT_PROGRESS: progress = 'maybe' is not a valid bool"
    )


def test_missing_named_config(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such config file"):
        load_settings(cwd=tmp_path, environ={"FLASHPOINT_CONFIG": str(tmp_path / "nope.toml")})


def test_importing_flashpoint_reads_and_writes_nothing(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "flashpoint.toml").write_text("this is not toml = = =\n")
    before = sorted(p.name for p in tmp_path.iterdir())
    done = subprocess.run(
        [sys.executable, "-c", "import flashpoint, flashpoint.cli"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={"FLASHPOINT_DB": "/nonexistent/x.duckdb", "PATH": ""},
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == before
