"""The `flashpoint` command: one function per subcommand, each a screen long."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Annotated, cast

import pandas as pd
import typer
from rich.table import Table

from flashpoint.analysis.overview import Overview, event_overview
from flashpoint.cli.output import (
    binary_output,
    frame_table,
    item_progress,
    reports_errors,
    stderr,
    stdout,
)
from flashpoint.config import Settings, load_settings
from flashpoint.engine.local import annotate
from flashpoint.errors import UsageError
from flashpoint.evaluate import load_exchange, render_report, score_files
from flashpoint.evaluate import score as score_documents
from flashpoint.events import load_coder
from flashpoint.ingest import IngestReport, read_documents
from flashpoint.ingest.sources import find_files
from flashpoint.schema import TABLES
from flashpoint.store.export import EXPORT_FORMATS, write_frame
from flashpoint.workspace import Workspace, open_workspace, sample_corpus

app = typer.Typer(
    name="flashpoint",
    help="Event data from news and government readouts: ingest, code, compare, measure.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

TOP_PUBLISHERS = 10
"""Publishers listed by `flashpoint summary`; --json lists them all."""

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        metavar="FILE",
        help="The store: a DuckDB file (default: flashpoint.duckdb).",
        show_default=False,
    ),
]


def _version(value: bool) -> None:
    if value:
        try:
            typer.echo(f"flashpoint {version('flashpoint')}")
        except PackageNotFoundError:
            typer.echo("flashpoint (not installed)")
        raise typer.Exit()


@app.callback()
def _root(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Event data from news and government readouts."""


def _settings(db: str | None, **more: object) -> Settings:
    return load_settings({"db": db, **more})


def _run_ingest(
    ws: Workspace,
    paths: list[Path],
    settings: Settings,
    *,
    code: bool | None = None,
    kind: str | None = None,
    publisher: str | None = None,
    issuer: str | None = None,
) -> IngestReport:
    total = len(find_files(paths).files)
    with item_progress(total, "ingesting", enabled=settings.progress) as advance:
        try:
            report = ws.ingest(
                *paths, on_file=advance, code=code, kind=kind, publisher=publisher, issuer=issuer
            )
        except KeyboardInterrupt:
            stderr().print(
                "interrupted: what was stored is kept; run the same command again "
                "to finish (nothing is stored twice)"
            )
            raise typer.Exit(130) from None
    console = stderr()
    for line in report.failures:
        console.print(f"error: {line}", markup=False)
    console.print(report.summary(), markup=False)
    return report


@app.command()
@reports_errors
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="PATH...", help="Files and folders to read.", show_default=False),
    ],
    db: DbOption = None,
    kind: Annotated[
        str | None,
        typer.Option(
            metavar="KIND",
            help="Kind for documents that name none (news, readout, statement, opinion).",
        ),
    ] = None,
    publisher: Annotated[
        str | None, typer.Option(metavar="NAME", help="Publisher for documents that name none.")
    ] = None,
    issuer: Annotated[
        str | None,
        typer.Option(metavar="ISO3", help="Issuing state (ISO3) for documents that name none."),
    ] = None,
    batch_size: Annotated[
        int | None, typer.Option(metavar="N", help="Documents per transaction.")
    ] = None,
    code: Annotated[
        bool | None,
        typer.Option("--code/--no-code", help="Code the new documents' events [default: code]."),
    ] = None,
) -> None:
    """Read documents from files and folders into the store; the same document is stored once.

    Reads txt, md, html, json, jsonl (the exchange format too), csv, tsv and parquet.
    Exits 1 when any file or record failed; the good ones are stored all the same.
    """
    settings = _settings(db, batch_size=batch_size)
    with open_workspace(settings=settings) as ws:
        report = _run_ingest(
            ws, paths, settings, code=code, kind=kind, publisher=publisher, issuer=issuer
        )
    if not report.ok:
        raise typer.Exit(1)


@app.command("export")
@reports_errors
def export_command(
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help=f"One of {', '.join(EXPORT_FORMATS)}."
        ),
    ] = "jsonl",
    table: Annotated[
        str, typer.Option("--table", "-t", metavar="TABLE", help=f"One of {', '.join(TABLES)}.")
    ] = "documents",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write here instead of stdout."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Write a table of the store, or the exchange format, as JSONL, CSV, TSV or Parquet."""
    settings = _settings(db)
    with (
        open_workspace(settings=settings, read_only=True) as ws,
        binary_output(output, binary_format=fmt == "parquet") as out,
    ):
        rows = ws.export(fmt, out, table=table)
    if output is not None:
        stderr().print(f"{rows} rows written to {output}", markup=False)


@app.command()
@reports_errors
def score(
    gold: Annotated[
        Path, typer.Argument(metavar="GOLD", help="Gold annotations (exchange-format JSONL).")
    ],
    pred: Annotated[
        Path, typer.Argument(metavar="PRED", help="Predictions (exchange-format JSONL).")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    min_f1: Annotated[
        float | None, typer.Option(metavar="F1", help="Exit 1 when strict event F1 is below this.")
    ] = None,
) -> None:
    """Score predictions against gold: events, attributes, commitments, comparisons."""
    summary = score_files(gold, pred)
    typer.echo(json.dumps(summary, indent=2) if as_json else render_report(summary))
    if min_f1 is not None and summary["events_strict"]["f1"] < min_f1:
        raise typer.Exit(1)


@app.command("code")
@reports_errors
def code_command(
    inputs: Annotated[
        list[Path], typer.Argument(metavar="INPUT...", help="Files and folders to code.")
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Exchange-format JSONL to write."),
    ] = None,
) -> None:
    """Code documents into events and write them in the exchange format (gold events ignored)."""
    settings = load_settings()
    report = IngestReport()
    docs = list(read_documents(inputs, report=report))
    for line in report.failures:
        stderr().print(f"error: {line}", markup=False)
    with (
        binary_output(output, binary_format=False) as out,
        item_progress(len(docs), "coding", enabled=settings.progress) as advance,
    ):
        coder = load_coder(settings.actor_files(), settings.place_files())
        records = annotate(docs, coder, on_document=advance)
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")
    count = sum(len(cast(list[object], r["events"])) for r in records)
    stderr().print(f"{len(docs)} documents coded, {count} events", markup=False)
    if report.failures:
        raise typer.Exit(1)


@app.command()
@reports_errors
def evaluate(
    gold: Annotated[
        Path, typer.Argument(metavar="GOLD", help="Gold annotations (exchange JSONL).")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Also write the predictions here."),
    ] = None,
) -> None:
    """Code the documents of a gold file and score the events against the gold."""
    settings = load_settings()
    gold_docs = load_exchange(gold)
    docs = list(read_documents([gold]))
    coder = load_coder(settings.actor_files(), settings.place_files())
    with item_progress(len(docs), "coding", enabled=settings.progress) as advance:
        records = annotate(docs, coder, on_document=advance)
    predicted = {str(r["doc_id"]): r for r in records}
    if output is not None:
        with output.open("w", encoding="utf-8") as fh:
            for record in predicted.values():
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    figures = score_documents(gold_docs, predicted)
    typer.echo(json.dumps(figures, indent=2) if as_json else render_report(figures))


@app.command()
@reports_errors
def compare(
    doc_a: Annotated[str, typer.Argument(metavar="DOC_A", help="doc_id of one account.")],
    doc_b: Annotated[str, typer.Argument(metavar="DOC_B", help="doc_id of the other account.")],
    db: DbOption = None,
) -> None:
    """Compare two accounts of one exchange: what both say, what only one says."""
    with open_workspace(settings=_settings(db)) as ws:
        ws.compare_accounts([(doc_a, doc_b)])
        claims = ws.comparisons()
        docs = ws.documents().set_index("doc_id")
    _print_comparison(claims, docs, doc_a, doc_b)


def _print_comparison(claims: pd.DataFrame, docs: pd.DataFrame, doc_a: str, doc_b: str) -> None:
    """Two accounts side by side, each claim marked shared (=) or only here (+)."""
    table = Table(title=f"{doc_a}  ⇄  {doc_b}", title_justify="left", show_lines=True)
    for doc_id in (doc_a, doc_b):
        doc = docs.loc[doc_id]
        table.add_column(f"{doc['publisher'] or doc_id} ({doc['issuer'] or doc['kind']})",
                         ratio=1)  # fmt: skip
    sides = [_marked_claims(claims, doc_a, doc_b), _marked_claims(claims, doc_b, doc_a)]
    for i in range(max(len(sides[0]), len(sides[1]))):
        table.add_row(*(side[i] if i < len(side) else "" for side in sides))
    console = stdout()
    console.print(table)
    console.print("= said in both accounts   + said only in this one", markup=False)


def _marked_claims(claims: pd.DataFrame, doc_id: str, pair: str) -> list[str]:
    mine = claims[(claims["doc_id"] == doc_id) & (claims["pair_doc"] == pair)]
    mine = mine.sort_values("claim_start", kind="stable")
    return [("= " if r.relation == "shared" else "+ ") + str(r.claim) for r in mine.itertuples()]


@app.command("commitments")
@reports_errors
def commitments_command(
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="DATE", help="Status as of this day (YYYY-MM-DD)."),
    ] = None,
    actor: Annotated[
        str | None, typer.Option(metavar="ISO3", help="Only commitments of this state.")
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help="table, csv, tsv, json, jsonl or parquet."
        ),
    ] = "table",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write here instead of stdout."),
    ] = None,
    db: DbOption = None,
) -> None:
    """List commitments (pledges, planned visits, agreed steps) with their status as of a date."""
    try:
        when = date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise UsageError(f"--as-of {as_of!r} is not a date (use YYYY-MM-DD)") from None
    with open_workspace(settings=_settings(db), read_only=True) as ws:
        frame = ws.commitments(as_of=when, actor=actor)
    _emit_frame(frame, fmt, output, title="commitments", wrap="what")


COMMITMENT_COLUMNS = ("actor", "counterpart", "due", "status", "mentions", "what")
"""The columns `flashpoint commitments` shows people; machine formats carry them all."""


def _emit_frame(
    frame: pd.DataFrame, fmt: str, output: Path | None, *, title: str, wrap: str,
    shown: Sequence[str] = COMMITMENT_COLUMNS,
) -> None:  # fmt: skip
    """Print a frame as a table for people, or write it in a machine format."""
    if fmt == "table" and output is None:
        view = frame[[c for c in shown if c in frame.columns]]
        stdout().print(frame_table(view, title=f"{len(frame)} {title}", wrap=wrap))
        return
    with binary_output(output, binary_format=fmt == "parquet") as out:
        rows = write_frame(frame, "csv" if fmt == "table" else fmt, out)
    if output is not None:
        stderr().print(f"{rows} rows written to {output}", markup=False)


FormatOption = Annotated[
    str,
    typer.Option("--format", "-f", metavar="FORMAT",
                 help="table, csv, tsv, json, jsonl or parquet."),
]  # fmt: skip
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write here instead of stdout."),
]
SinceOption = Annotated[
    str | None, typer.Option(metavar="DATE", help="From this day on (YYYY-MM-DD).")
]
UntilOption = Annotated[
    str | None, typer.Option(metavar="DATE", help="Up to this day (YYYY-MM-DD).")
]
SourceOption = Annotated[str | None, typer.Option(metavar="ISO3", help="Acting state.")]
TargetOption = Annotated[str | None, typer.Option(metavar="ISO3", help="State acted upon.")]
TypeOption = Annotated[str | None, typer.Option("--type", metavar="TYPE", help="PLOVER type.")]
EVENT_COLUMNS = ("date", "source", "target", "type", "mode", "status", "claimed_by", "evidence")
STORY_COLUMNS = ("date", "source", "target", "type", "status", "n_mentions", "n_documents",
                 "story_id", "evidence")  # fmt: skip
DYAD_COLUMNS = ("period", "events", "verbal_coop", "material_coop", "verbal_conflict",
                "material_conflict", "goldstein_sum", "escalation")  # fmt: skip
ALERT_COLUMNS = ("dyad", "period", "escalation", "events", "conflict_events", "driver_evidence")


@app.command()
@reports_errors
def events(
    source: SourceOption = None,
    target: TargetOption = None,
    kind: TypeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    db: DbOption = None,
) -> None:
    """List coded events (one row per mention), filtered by dyad, type and date."""
    with open_workspace(settings=_settings(db), read_only=True) as ws:
        frame = ws.events(source, target, since=since, until=until, type=kind)
    _emit_frame(frame, fmt, output, title="events", wrap="evidence", shown=EVENT_COLUMNS)


@app.command()
@reports_errors
def stories(
    source: SourceOption = None,
    target: TargetOption = None,
    kind: TypeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    db: DbOption = None,
) -> None:
    """List stories: real-world events merged from every report of them, with their counts."""
    with open_workspace(settings=_settings(db), read_only=True) as ws:
        frame = ws.stories(source, target, since=since, until=until, type=kind)
    _emit_frame(frame, fmt, output, title="stories", wrap="evidence", shown=STORY_COLUMNS)


@app.command()
@reports_errors
def story(
    story_id: Annotated[str, typer.Argument(metavar="ID", help="A story_id.")],
    fmt: FormatOption = "table",
    output: OutputOption = None,
    db: DbOption = None,
) -> None:
    """Show the mentions of one story and why each was merged into it."""
    with open_workspace(settings=_settings(db), read_only=True) as ws:
        frame = ws.story(story_id)
    _emit_frame(frame, fmt, output, title=f"mentions of {story_id}", wrap="reason",
                shown=tuple(frame.columns))  # fmt: skip


@app.command()
@reports_errors
def dyad(
    a: Annotated[str, typer.Argument(metavar="A", help="One state (ISO3).")],
    b: Annotated[str, typer.Argument(metavar="B", help="The other state (ISO3).")],
    freq: Annotated[
        str, typer.Option("--freq", metavar="FREQ", help="D (daily), W (weekly) or M (monthly).")
    ] = "W",
    directed: Annotated[bool, typer.Option("--directed", help="Only A acting on B.")] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    db: DbOption = None,
) -> None:
    """A dyad's series: events by quad class and type, Goldstein, escalation index."""
    if freq.upper() not in ("D", "W", "M"):
        raise UsageError(f"--freq {freq!r}: use D, W or M")
    with open_workspace(settings=_settings(db), read_only=True) as ws:
        frame = ws.dyad(a, b, freq=freq.upper(), directed=directed, since=since, until=until)
    _emit_frame(frame, fmt, output, title=f"{freq.upper()} periods of {a.upper()}–{b.upper()}",
                wrap="", shown=DYAD_COLUMNS)  # fmt: skip


@app.command("alerts")
@reports_errors
def alerts_command(
    freq: Annotated[str, typer.Option("--freq", metavar="FREQ", help="D, W or M windows.")] = "W",
    threshold: Annotated[
        float, typer.Option(metavar="Z", help="Escalation index that raises an alert.")
    ] = 3.0,
    since: SinceOption = None,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    db: DbOption = None,
) -> None:
    """List the windows where a dyad departs from its own baseline, with the driving events."""
    with open_workspace(settings=_settings(db), read_only=True) as ws:
        frame = ws.alerts(freq=freq.upper(), threshold=threshold, since=since)
    _emit_frame(frame, fmt, output, title="alerts", wrap="driver_evidence", shown=ALERT_COLUMNS)


@app.command()
@reports_errors
def summary(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
) -> None:
    """Show what the store holds: documents by kind, publisher, issuer and month."""
    with open_workspace(settings=_settings(db), read_only=True) as ws:
        _print_overview(ws.overview(), ws.counts(), ws.store.location, as_json=as_json)
        if not as_json:
            _print_events(ws)


@app.command()
@reports_errors
def schema(
    table: Annotated[
        str | None, typer.Argument(metavar="[TABLE]", help="One table; all when left out.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Describe the store's tables and columns (the names exports and the API use)."""
    names = [table] if table else list(TABLES)
    unknown = [n for n in names if n not in TABLES]
    if unknown:
        stderr().print(f"error: no table {unknown[0]!r}; tables: {', '.join(TABLES)}")
        raise typer.Exit(2)
    if as_json:
        typer.echo(
            json.dumps(
                {
                    n: {
                        "description": TABLES[n].description,
                        "columns": [
                            {
                                "name": c.name,
                                "type": c.sql_type,
                                "nullable": c.nullable,
                                "description": c.description,
                            }
                            for c in TABLES[n].columns
                        ],
                    }
                    for n in names
                },
                indent=2,
            )
        )
        return
    import pandas as pd

    console = stdout()
    for name in names:
        spec = TABLES[name]
        frame = pd.DataFrame(
            [(c.name, c.sql_type, c.description) for c in spec.columns],
            columns=["column", "type", "description"],
        )
        console.print(frame_table(frame, title=f"{name}: {spec.description}"))


@app.command()
@reports_errors
def demo(db: DbOption = None) -> None:
    """Ingest the bundled sample corpus into the store and show what it holds."""
    settings = _settings(db)
    with open_workspace(settings=settings) as ws:
        stderr().print(f"sample corpus: {sample_corpus()}", markup=False)
        report = _run_ingest(ws, [sample_corpus()], settings, code=True)
        _print_overview(ws.overview(), ws.counts(), ws.store.location, as_json=False)
        _print_events(ws)
        _emit_frame(ws.commitments(), "table", None, title="commitments", wrap="what")
        busiest = ws.stories().sort_values("n_mentions", ascending=False, kind="stable")
        _emit_frame(busiest.head(8), "table", None, title="stories with the most reports",
                    wrap="evidence", shown=STORY_COLUMNS)  # fmt: skip
        _emit_frame(
            ws.dyad("CHN", "JPN", freq="W", since="2025-09-01", until="2026-01-31"),
            "table",
            None,
            title="weeks of CHN–JPN",
            wrap="",
            shown=DYAD_COLUMNS,
        )
        _emit_frame(ws.alerts(), "table", None, title="alerts", wrap="driver_evidence",
                    shown=ALERT_COLUMNS)  # fmt: skip
        claims = ws.comparisons()
        docs = ws.documents().set_index("doc_id")
    if len(claims):
        first = claims.iloc[0]
        _print_comparison(claims, docs, str(first["doc_id"]), str(first["pair_doc"]))
    if not report.ok:
        raise typer.Exit(1)


def _print_overview(
    view: Overview, counts: dict[str, int], location: str, *, as_json: bool
) -> None:
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "store": location,
                    "tables": counts,
                    "first_published": view.first_published.date().isoformat()
                    if view.first_published is not None
                    else None,
                    "last_published": view.last_published.date().isoformat()
                    if view.last_published is not None
                    else None,
                    "by_kind": view.by_kind.to_dict("records"),
                    "by_publisher": view.by_publisher.to_dict("records"),
                    "by_issuer": view.by_issuer.to_dict("records"),
                    "by_month": view.by_month.to_dict("records"),
                },
                indent=2,
            )
        )
        return
    console = stdout()
    span = ""
    if view.first_published is not None and view.last_published is not None:
        span = (
            f", published {view.first_published.date().isoformat()} to "
            f"{view.last_published.date().isoformat()}"
        )
    noun = "document" if view.documents == 1 else "documents"
    console.print(f"[bold]{location}[/bold]: {view.documents} {noun}{span}")
    console.print(frame_table(view.by_kind, title="by kind"))
    publishers = view.by_publisher
    title = "by publisher"
    if len(publishers) > TOP_PUBLISHERS:
        title += f" (top {TOP_PUBLISHERS} of {len(publishers)})"
        publishers = publishers.head(TOP_PUBLISHERS)
    console.print(frame_table(publishers, title=title))
    if len(view.by_issuer):
        console.print(frame_table(view.by_issuer, title="official texts by issuer"))
    console.print(frame_table(view.by_month, title="by month published"))


def _print_events(ws: Workspace) -> None:
    """The coded events of the store: counts by type and dyad, and a sample to read."""
    view = event_overview(ws.events())
    console = stdout()
    console.print(f"[bold]{view.events} events coded[/bold]")
    if not view.events:
        return
    console.print(frame_table(view.by_type, title="events by PLOVER type"))
    console.print(frame_table(view.by_dyad, title="events by dyad (source → target)"))
    console.print(
        frame_table(view.sample, title="a sample of events, earliest first", wrap="evidence")
    )


def main() -> None:
    """Run the CLI (the `flashpoint` console script)."""
    app()
