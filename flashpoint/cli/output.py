"""What the commands share: consoles, error handling, progress, table rendering."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any, BinaryIO, ParamSpec, TypeVar

import pandas as pd
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from flashpoint.errors import FlashpointError, UsageError

P = ParamSpec("P")
R = TypeVar("R")


def stderr() -> Console:
    """The console for people: stderr, so stdout stays machine output."""
    return Console(stderr=True, highlight=False, soft_wrap=True)


def stdout() -> Console:
    """The console for a command's own output (160 columns wide when it is not a terminal)."""
    console = Console(highlight=False, soft_wrap=True)
    if not console.is_terminal:
        console = Console(highlight=False, soft_wrap=True, width=160)
    return console


def reports_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn a FlashpointError into one line on stderr and exit 1 (2 for a usage error)."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except FlashpointError as err:
            stderr().print(f"error: {err}", markup=False)
            raise typer.Exit(2 if isinstance(err, UsageError) else 1) from None

    return wrapper


@contextmanager
def item_progress(total: int, label: str, *, enabled: bool) -> Iterator[Callable[[Any], None]]:
    """A progress bar over files or documents on stderr, shown only when it is a terminal;
    yields the function to call once per item done."""
    console = stderr()
    if not enabled or not console.is_terminal or total < 2:
        yield lambda _item: None
        return
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda _item: progress.advance(task)


@contextmanager
def binary_output(path: Path | None, *, binary_format: bool) -> Iterator[BinaryIO]:
    """Open `-o FILE` for writing, or stdout's bytes when no file is given."""
    if path is None:
        if binary_format and sys.stdout.isatty():
            raise UsageError("parquet is binary: write it to a file with -o FILE")
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    try:
        handle = path.open("wb")
    except OSError as err:
        raise UsageError(f"{path}: cannot write ({err.strerror})") from None
    with handle:
        yield handle


def frame_table(frame: pd.DataFrame, title: str | None = None, *, wrap: str = "") -> Table:
    """A rich table of a DataFrame's rows, numbers right-aligned; only the column named by
    `wrap` may be shortened (with an ellipsis) when the terminal is narrow."""
    table = Table(title=title, title_justify="left", title_style="bold")
    for name in frame.columns:
        numeric = pd.api.types.is_numeric_dtype(frame[name])
        widest = max([len(str(name)), *(len(_text(v)) for v in frame[name])])
        table.add_column(
            str(name),
            justify="right" if numeric else "left",
            no_wrap=True,
            overflow="ellipsis" if name == wrap else "fold",
            min_width=None if name == wrap or not wrap else widest,
            max_width=48 if name == wrap else None,
        )
    for row in frame.itertuples(index=False):
        table.add_row(*(_text(v) for v in row))
    return table


def _text(value: Any) -> str:
    """A cell as people read it: dates without midnight, floats to two places, lists joined."""
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist"):
        items = value.tolist() if hasattr(value, "tolist") else list(value)
        return "; ".join(_text(v) for v in items) if isinstance(items, list) else str(items)
    if value is None or pd.isna(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)
