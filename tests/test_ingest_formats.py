"""Ingest reads every supported format with its metadata."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from flashpoint.workspace import Workspace
from tests.conftest import Writer

BODY = (
    "Seoul and Tokyo agreed on Monday to resume a maritime hotline between their coast guards.\n\n"
    "Officials said the first test call would take place next month."
)


def stored(ws: Workspace) -> list[dict[str, object]]:
    """All stored documents as plain dicts, ordered by doc_id."""
    return ws.arrow("documents").to_pylist()


def test_txt_with_front_matter_keeps_every_field(ws: Workspace, write: Writer) -> None:
    path = write(
        "hotline.txt",
        f"""---
doc_id: hotline-1
title: "Seoul and Tokyo restore coast guard hotline"
published: 2025-06-02
publisher: Harbour Post
url: https://harbour-post.example/hotline?utm_source=feed
kind: news
issuer:
---
{BODY}
""",
    )
    report = ws.ingest(path)
    assert report.summary() == "1 stored, 0 duplicates, 0 failed"
    (doc,) = stored(ws)
    assert doc["doc_id"] == "hotline-1"
    assert doc["title"] == "Seoul and Tokyo restore coast guard hotline"
    assert doc["published"] == date(2025, 6, 2)
    assert doc["publisher"] == "Harbour Post"
    assert doc["url"] == "https://harbour-post.example/hotline"
    assert doc["kind"] == "news"
    assert doc["issuer"] is None
    assert doc["text"] == BODY
    assert doc["origin"] == str(path)


def test_plain_txt_takes_its_first_short_line_as_title(ws: Workspace, write: Writer) -> None:
    ws.ingest(write("plain.txt", "Hotline restored\n\n" + BODY + "\n"))
    (doc,) = stored(ws)
    assert doc["title"] == "Hotline restored"
    assert doc["text"] == BODY
    assert doc["kind"] == "news"
    assert doc["published"] is None
    assert str(doc["doc_id"]).startswith("doc-")


def test_markdown_becomes_plain_prose_with_its_heading_as_title(
    ws: Workspace, write: Writer
) -> None:
    ws.ingest(
        write(
            "note.md",
            "---\npublished: 2025-06-03\n---\n# Hotline restored\n\n"
            "Seoul and **Tokyo** agreed to [resume](https://x.example) the hotline.\n\n"
            "- Officials said tests start soon.\n",
        )
    )
    (doc,) = stored(ws)
    assert doc["title"] == "Hotline restored"
    assert doc["text"] == (
        "Seoul and Tokyo agreed to resume the hotline.\n\nOfficials said tests start soon."
    )


HTML_PAGE = """<!doctype html>
<html><head>
<title>Hotline restored | Harbour Post</title>
<link rel="canonical" href="https://harbour-post.example/hotline">
<meta property="og:site_name" content="Harbour Post">
<meta name="date" content="2025-06-02">
<meta name="flashpoint:kind" content="readout">
<meta name="flashpoint:issuer" content="KOR">
<meta name="flashpoint:doc_id" content="hotline-html">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="cookies">This site uses cookies. Accept all cookies to continue reading.</div>
<article><h1>Hotline restored</h1>
<p>Seoul and Tokyo agreed on Monday to resume a maritime hotline between their coast guards.</p>
<p>Officials said the first test call would take place next month.</p>
</article>
<footer>Copyright Harbour Post. <a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body></html>
"""


def test_html_keeps_the_article_and_reads_meta_tags(ws: Workspace, write: Writer) -> None:
    ws.ingest(write("hotline.html", HTML_PAGE))
    (doc,) = stored(ws)
    assert doc["doc_id"] == "hotline-html"
    assert doc["title"] == "Hotline restored"
    assert doc["publisher"] == "Harbour Post"
    assert doc["published"] == date(2025, 6, 2)
    assert doc["kind"] == "readout"
    assert doc["issuer"] == "KOR"
    assert doc["url"] == "https://harbour-post.example/hotline"
    text = str(doc["text"])
    assert "maritime hotline" in text and "first test call" in text
    assert "cookies" not in text and "Privacy" not in text


def test_html_in_a_declared_legacy_charset_is_decoded(ws: Workspace, write: Writer) -> None:
    page = HTML_PAGE.replace("<head>", '<head><meta charset="iso-8859-1">').replace(
        "next month.", "next month, said Jos\u00e9 Ramos."
    )
    ws.ingest(write("latin1.html", page.encode("iso-8859-1")))
    (doc,) = stored(ws)
    assert "Jos\u00e9 Ramos" in str(doc["text"])


RECORDS = [
    {
        "doc_id": "r-1",
        "title": "First",
        "published": "2025-01-05",
        "publisher": "Wire A",
        "kind": "statement",
        "issuer": "CHN",
        "text": "Beijing lodged a protest with Manila.",
    },
    {
        "doc_id": "r-2",
        "headline": "Second",
        "date": "5 January 2025",
        "source": "Wire B",
        "body": "Manila summoned the Chinese ambassador.",
    },
]


def test_json_list_with_field_aliases(ws: Workspace, write: Writer) -> None:
    ws.ingest(write("batch.json", json.dumps(RECORDS)))
    first, second = stored(ws)
    assert (first["kind"], first["issuer"], first["publisher"]) == ("statement", "CHN", "Wire A")
    assert (second["title"], second["publisher"]) == ("Second", "Wire B")
    assert second["published"] == date(2025, 1, 5)
    assert second["text"] == "Manila summoned the Chinese ambassador."


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param({"documents": RECORDS}, id="documents-key"),
        pytest.param(RECORDS[0], id="single-object"),
    ],
)
def test_json_object_shapes(ws: Workspace, write: Writer, payload: object) -> None:
    ws.ingest(write("one.json", json.dumps(payload)))
    assert stored(ws)[0]["doc_id"] == "r-1"


def test_exchange_format_jsonl_is_an_input(ws: Workspace, write: Writer) -> None:
    lines = [
        {
            "doc_id": "x-1",
            "published": "2025-03-01",
            "publisher": "Ministry",
            "kind": "readout",
            "issuer": "JPN",
            "title": "Call",
            "text": "The two ministers spoke by phone.",
            "events": [{"source": "JPN", "target": "KOR", "type": "CONSULT"}],
            "commitments": [],
            "comparisons": [],
        },
        {
            "doc_id": "x-2",
            "published": "2025-03-02",
            "publisher": "Ministry",
            "kind": "readout",
            "issuer": "KOR",
            "title": "Call",
            "text": "The ministers held a phone call.",
            "events": [],
            "commitments": [],
            "comparisons": [],
        },
    ]
    ws.ingest(write("gold.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n\n"))
    docs = stored(ws)
    assert [d["doc_id"] for d in docs] == ["x-1", "x-2"]
    assert [d["origin"] for d in docs] == [
        f"{docs[0]['origin']}"[:-2] + ":1",
        f"{docs[1]['origin']}"[:-2] + ":2",
    ]
    assert docs[0]["issuer"] == "JPN"


def _csv(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue()


@pytest.mark.parametrize(
    "name,delimiter", [("feed.csv", ","), ("feed.tsv", "\t")], ids=["csv", "tsv"]
)
def test_delimited_rows_with_multiline_text(
    ws: Workspace, write: Writer, name: str, delimiter: str
) -> None:
    text = "Hanoi protested the drills.\nIt asked Beijing to stop."
    content = _csv(
        [
            ["id", "title", "published", "Text"],
            ["c-1", "Drills", "2025-04-01", text],
            ["c-2", "Reply", "2025-04-02", "Beijing rejected the protest."],
        ],
        delimiter,
    )
    report = ws.ingest(write(name, content))
    assert report.ok
    first, second = stored(ws)
    assert first["text"] == text
    assert second["origin"].endswith(":4")  # the first record spans lines 2 and 3


def test_parquet_rows(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "docs.parquet"
    pq.write_table(
        pa.table(
            {
                "doc_id": ["p-1"],
                "text": ["Canberra welcomed the talks."],
                "published": [date(2024, 9, 9)],
            }
        ),
        path,
    )
    ws.ingest(path)
    (doc,) = stored(ws)
    assert (doc["doc_id"], doc["published"]) == ("p-1", date(2024, 9, 9))


def test_folder_is_read_recursively_and_hidden_or_foreign_files_are_left_out(
    ws: Workspace, write: Writer, tmp_path: Path
) -> None:
    write("a/one.txt", "Wellington thanked Canberra for its help.")
    write("a/b/two.md", "Suva welcomed the new patrol boat.")
    write("a/.hidden/three.txt", "This file is hidden.")
    write("a/.secret.txt", "This file is hidden too.")
    write("a/picture.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    report = ws.ingest(tmp_path / "in" / "a")
    assert report.summary() == "2 stored, 0 duplicates, 0 failed, 1 file skipped"
    assert report.skipped == [str(tmp_path / "in" / "a" / "picture.png")]


def test_defaults_fill_what_sources_leave_out(ws: Workspace, write: Writer) -> None:
    ws.ingest(
        write("note.txt", "The ministry condemned the launch."),
        kind="statement",
        publisher="MOFA",
        issuer="kor",
    )
    (doc,) = stored(ws)
    assert (doc["kind"], doc["publisher"], doc["issuer"]) == ("statement", "MOFA", "KOR")


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("2025-11-24", date(2025, 11, 24)),
        ("2025-11-24T23:30:00+09:00", date(2025, 11, 24)),
        ("2025-11-24T14:30:00Z", date(2025, 11, 24)),
        ("24 November 2025", date(2025, 11, 24)),
        ("Nov 24, 2025", date(2025, 11, 24)),
        ("Mon, 24 Nov 2025 22:00:00 -0500", date(2025, 11, 24)),
        ("2025/11/24", date(2025, 11, 24)),
    ],
    ids=["iso", "offset-keeps-local-date", "utc", "day-month", "month-day", "rfc2822", "slashes"],
)
def test_publication_dates_in_common_forms(raw: str, expected: date) -> None:
    from flashpoint.ingest.records import parse_published

    assert parse_published(raw) == expected


def test_record_text_is_stored_verbatim_so_evidence_offsets_hold(
    ws: Workspace, write: Writer
) -> None:
    text = "Talks resume\n  Seoul and Tokyo resumed talks.\r\nBoth sides spoke of progress.  "
    line = {"doc_id": "v-1", "title": "Talks resume", "text": text, "events": []}
    ws.ingest(write("gold.jsonl", json.dumps(line) + "\n"))
    (doc,) = stored(ws)
    assert doc["text"] == text
    assert str(doc["text"]).index("Seoul and Tokyo") == 15
