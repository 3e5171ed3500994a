"""Settings for every stage: defaults < flashpoint.toml < FLASHPOINT_* environment < flags.

Nothing is read at import time; `load_settings()` reads the file and the environment when
called, and the CLI passes its flags in as overrides.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from flashpoint.errors import ConfigError

CONFIG_FILE = "flashpoint.toml"
ENV_PREFIX = "FLASHPOINT_"


@dataclass(frozen=True, slots=True)
class Settings:
    """Where data goes and how the pipeline runs; every field can be set four ways."""

    db: str = "flashpoint.duckdb"
    """The store: a DuckDB file path (the default) or, later, a postgresql:// URL."""
    batch_size: int = 500
    """Documents written to the store per transaction during ingest."""
    default_kind: str = "news"
    """The `kind` given to documents whose source does not say."""
    progress: bool = True
    """Show progress bars on stderr when it is a terminal."""
    code: bool = True
    """Code the events of newly stored documents during ingest."""
    actors: str = ""
    """Extra actor CSV files or folders (os.pathsep-separated) that add or correct rows."""
    places: str = ""
    """Extra place alias CSV files or folders (os.pathsep-separated)."""

    def actor_files(self) -> tuple[Path, ...]:
        """The extra actor files and folders named by `actors`."""
        return tuple(Path(p) for p in self.actors.split(os.pathsep) if p)

    def place_files(self) -> tuple[Path, ...]:
        """The extra place files and folders named by `places`."""
        return tuple(Path(p) for p in self.places.split(os.pathsep) if p)

    def with_overrides(self, overrides: Mapping[str, Any]) -> Settings:
        """Return a copy with the given fields replaced; None values are ignored."""
        given = {k: v for k, v in overrides.items() if v is not None}
        unknown = sorted(set(given) - _FIELD_NAMES)
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(unknown)}")
        return replace(self, **{k: _coerce(k, v, "override") for k, v in given.items()})


_FIELD_NAMES = frozenset(f.name for f in fields(Settings))
_FIELD_TYPES: dict[str, type] = {f.name: type(f.default) for f in fields(Settings)}


def _coerce(name: str, value: Any, origin: str) -> Any:
    """Convert a raw value (TOML, env text, flag) to the type of setting `name`."""
    want = _FIELD_TYPES[name]
    if isinstance(value, want) and not (want is int and isinstance(value, bool)):
        value_ok: Any = value
    elif isinstance(value, str):
        text = value.strip()
        try:
            if want is bool:
                if text.lower() not in {"1", "0", "true", "false", "yes", "no", "on", "off"}:
                    raise ValueError(text)
                value_ok = text.lower() in {"1", "true", "yes", "on"}
            else:
                value_ok = want(text)
        except ValueError:
            raise ConfigError(
                f"{origin}: {name} = {value!r} is not a valid {want.__name__}"
            ) from None
    else:
        raise ConfigError(f"{origin}: {name} = {value!r} is not a valid {want.__name__}")
    if name == "batch_size" and value_ok < 1:
        raise ConfigError(f"{origin}: batch_size must be at least 1, got {value_ok}")
    return value_ok


def read_config_file(path: Path) -> dict[str, Any]:
    """Read the [flashpoint] table (or top level) of a flashpoint.toml, checking names and types."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ConfigError(f"{path}: cannot read ({err.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: not valid TOML ({err})") from None
    table = data.get("flashpoint", data)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [flashpoint] must be a table")
    unknown = sorted(set(table) - _FIELD_NAMES)
    if unknown:
        raise ConfigError(
            f"{path}: unknown setting(s) {', '.join(unknown)}; "
            f"known: {', '.join(sorted(_FIELD_NAMES))}"
        )
    return {k: _coerce(k, v, str(path)) for k, v in table.items()}


def read_environment(environ: Mapping[str, str]) -> dict[str, Any]:
    """Collect FLASHPOINT_<SETTING> variables (FLASHPOINT_CONFIG names the file, not a setting)."""
    found: dict[str, Any] = {}
    for key, value in environ.items():
        if not key.startswith(ENV_PREFIX) or key == ENV_PREFIX + "CONFIG":
            continue
        name = key[len(ENV_PREFIX) :].lower()
        if name in _FIELD_NAMES:
            found[name] = _coerce(name, value, f"environment variable {key}")
    return found


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    *,
    cwd: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Build Settings from defaults, then flashpoint.toml, then FLASHPOINT_* env, then overrides."""
    env = os.environ if environ is None else environ
    base = Path.cwd() if cwd is None else cwd
    settings = Settings()
    named = env.get(ENV_PREFIX + "CONFIG")
    config_path = Path(named) if named else base / CONFIG_FILE
    if named and not config_path.is_file():
        raise ConfigError(f"{config_path}: no such config file (named by FLASHPOINT_CONFIG)")
    if config_path.is_file():
        settings = replace(settings, **read_config_file(config_path))
    settings = replace(settings, **read_environment(env))
    return settings.with_overrides(overrides or {})
