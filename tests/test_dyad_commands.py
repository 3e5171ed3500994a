"""Stories, dyads and alerts through the Python API and the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import flashpoint
from flashpoint.cli import app
from flashpoint.workspace import Workspace
from tests.conftest import Writer

REPORTS = [
    {"doc_id": "wire-a", "published": "2026-03-10", "publisher": "Wire A",
     "text": "Chinese coast guard ships fired water cannon at a Philippine supply boat near "
             "Second Thomas Shoal on Monday."},
    {"doc_id": "wire-b", "published": "2026-03-10", "publisher": "Wire B",
     "text": "A China Coast Guard vessel used water cannon against a Philippine boat at Second "
             "Thomas Shoal on Monday, Manila said."},
    {"doc_id": "wire-c", "published": "2026-03-17", "publisher": "Wire A",
     "text": "Chinese coast guard ships fired water cannon at a Philippine fisheries vessel "
             "near Scarborough Shoal on Monday."},
]  # fmt: skip


@pytest.fixture
def filled(db: Path, write: Writer) -> Workspace:
    """A store holding two reports of one incident and a look-alike a week later."""
    path = write("reports.jsonl", "".join(json.dumps(r) + "\n" for r in REPORTS))
    ws = flashpoint.open(db)
    ws.ingest(path, code=True)
    return ws


def test_two_reports_of_one_incident_are_one_story_and_the_look_alike_another(
    filled: Workspace,
) -> None:
    stories = filled.stories("CHN", "PHL", type="ASSAULT")
    assert sorted(stories["n_mentions"]) == [1, 2]
    merged = stories[stories["n_mentions"] == 2].iloc[0]
    assert (merged["n_documents"], merged["n_sources"]) == (2, 2)
    assert merged["date"] == "2026-03-09"
    explained = filled.story(str(merged["story_id"]))
    assert sorted(explained["doc_id"]) == ["wire-a", "wire-b"]
    filled.close()


def test_events_filter_by_dyad_type_and_dates(filled: Workspace) -> None:
    assert len(filled.events("CHN", "PHL", since="2026-03-15")) == 1
    assert len(filled.events(source="PHL")) == 0
    assert set(filled.events(type="assault")["doc_id"]) == {"wire-a", "wire-b", "wire-c"}
    with pytest.raises(flashpoint.UsageError, match="'March' is not a date"):
        filled.events(since="March")
    filled.close()


def test_dyad_series_counts_story_events_once(filled: Workspace) -> None:
    weekly = filled.dyad("CHN", "PHL", freq="W")
    assert list(weekly["period"].dt.strftime("%Y-%m-%d")) == ["2026-03-09", "2026-03-16"]
    assert list(weekly["material_conflict"]) == [1, 1]  # two reports, one event
    weighted = filled.dyad("chn", "phl", freq="W", weight="n_mentions")
    assert list(weighted["material_conflict"]) == [2.0, 1.0]
    assert pd.api.types.is_datetime64_any_dtype(weekly["period"])
    filled.close()


def test_the_commands_list_stories_dyads_and_alerts(
    runner: CliRunner, filled: Workspace, db: Path
) -> None:
    filled.close()
    listed = runner.invoke(app, ["stories", "--db", str(db), "-f", "json"])
    assert listed.exit_code == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == len(flashpoint.open(db, read_only=True).stories())
    story_id = json.loads(listed.stdout)[0]["story_id"]
    shown = runner.invoke(app, ["story", story_id, "--db", str(db)])
    assert shown.exit_code == 0 and "first mention" in shown.stdout
    dyad = runner.invoke(app, ["dyad", "CHN", "PHL", "--db", str(db), "-f", "csv"])
    assert dyad.stdout.splitlines()[0].startswith("period,events,verbal_coop")
    events = runner.invoke(app, ["events", "--db", str(db), "--source", "CHN", "-f", "jsonl"])
    assert len(events.stdout.splitlines()) == 3
    alerts = runner.invoke(app, ["alerts", "--db", str(db)])
    assert alerts.exit_code == 0 and "alerts" in alerts.stdout
    unknown = runner.invoke(app, ["story", "st-nope", "--db", str(db)])
    assert unknown.exit_code == 2 and "no story 'st-nope'" in unknown.stderr
    bad = runner.invoke(app, ["dyad", "CHN", "PHL", "--db", str(db), "--freq", "Q"])
    assert bad.exit_code == 2 and "--freq 'Q'" in bad.stderr


def test_recoding_keeps_stories_consistent(filled: Workspace) -> None:
    before = filled.stories()
    filled.code()
    after = filled.stories()
    assert sorted(before["n_mentions"]) == sorted(after["n_mentions"])
    assert filled.table("mentions")["event_id"].isin(filled.events()["event_id"]).all()
    filled.close()


def test_listings_come_as_arrow_on_request(filled: Workspace) -> None:
    table = filled.stories(as_="arrow")
    assert table.num_rows == len(filled.stories())
    assert "n_mentions" in table.column_names
    with pytest.raises(flashpoint.UsageError, match="as_='excel'"):
        filled.events(as_="excel")
    filled.close()
