"""Bad input gets one clear line naming the file (and line); good documents are still stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashpoint.workspace import Workspace
from tests.conftest import Writer

GOOD = "Jakarta welcomed the resumption of fishing talks."


def failures_for(ws: Workspace, *paths: Path) -> list[str]:
    """Ingest the paths and return the failure lines."""
    return ws.ingest(*paths).failures


def test_undecodable_bytes_name_the_file_line_and_byte(ws: Workspace, write: Writer) -> None:
    path = write("latin.txt", "First line.\nCaf\xe9 owners protested.".encode("latin-1"))
    assert failures_for(ws, path) == [
        f"{path}:2: not UTF-8 text (byte 0xe9 at offset 15); save the file as UTF-8"
    ]


def test_broken_json_on_line_seven_loses_only_that_line(ws: Workspace, write: Writer) -> None:
    lines = [json.dumps({"doc_id": f"n-{i}", "text": f"{GOOD} Item {i}."}) for i in range(1, 10)]
    lines[6] = '{"doc_id": "n-7", "text": "unterminated}'
    path = write("feed.jsonl", "\n".join(lines))
    report = ws.ingest(path)
    assert report.failures == [
        f"{path}:7: not valid JSON at column 27 (Unterminated string starting here)"
    ]
    assert len(report.stored) == 8
    assert report.summary() == "8 stored, 0 duplicates, 1 failed"


def test_a_jsonl_line_that_is_not_an_object(ws: Workspace, write: Writer) -> None:
    path = write("list.jsonl", json.dumps({"text": GOOD}) + "\n[1, 2]\n")
    assert failures_for(ws, path) == [f"{path}:2: expected a JSON object, got list"]


def test_broken_json_file_names_its_line(ws: Workspace, write: Writer) -> None:
    path = write("broken.json", '[\n  {"text": "one"},\n  {"text": }\n]')
    (line,) = failures_for(ws, path)
    assert line == f"{path}:3: not valid JSON at column 12 (Expecting value)"


def test_csv_without_a_text_column_lists_the_columns_it_has(ws: Workspace, write: Writer) -> None:
    path = write("sheet.csv", "id,headline,date\n1,Talks resume,2025-01-01\n")
    assert failures_for(ws, path) == [
        f"{path}: no text column (columns: id, headline, date); "
        "name one 'text', 'body' or 'content'"
    ]


def test_csv_row_with_the_wrong_number_of_fields(ws: Workspace, write: Writer) -> None:
    path = write("rows.csv", f"id,text\n1,{GOOD}\n2,too,many\n3,Second good row.\n")
    report = ws.ingest(path)
    assert report.failures == [f"{path}:3: 3 fields where the header has 2"]
    assert len(report.stored) == 2


@pytest.mark.parametrize("content", ["", "  \n\n "], ids=["zero-bytes", "whitespace"])
def test_empty_file(ws: Workspace, write: Writer, content: str) -> None:
    path = write("empty.txt", content)
    assert failures_for(ws, path) == [f"{path}: empty file"]


def test_binary_file_named_directly(ws: Workspace, write: Writer) -> None:
    path = write("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    assert failures_for(ws, path) == [f"{path}: binary file, not a text document"]


def test_binary_content_behind_a_text_extension(ws: Workspace, write: Writer) -> None:
    path = write("disguised.txt", b"PK\x03\x04\x00\x00zipped")
    assert failures_for(ws, path) == [f"{path}: binary file, not a text document"]


def test_missing_directory(ws: Workspace, tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "folder"
    assert failures_for(ws, missing) == [f"{missing}: no such file or directory"]


def test_html_page_without_main_text(ws: Workspace, write: Writer) -> None:
    path = write("blank.html", "<html><head><title>Nothing</title></head><body></body></html>")
    assert failures_for(ws, path) == [f"{path}: no main text found in the HTML page"]


@pytest.mark.parametrize(
    "record,message",
    [
        (
            {"text": GOOD, "kind": "blog"},
            "kind 'blog' is not one of news, readout, statement, opinion",
        ),
        (
            {"text": GOOD, "issuer": "JP"},
            "issuer 'JP' is not an ISO-3166 alpha-3 code (did you mean JPN?)",
        ),
        (
            {"text": GOOD, "issuer": "Japan"},
            "issuer 'Japan' is not an ISO-3166 alpha-3 code (did you mean JPN?)",
        ),
        (
            {"text": GOOD, "published": "last week"},
            "published 'last week' is not a date (use YYYY-MM-DD)",
        ),
        ({"title": "No body"}, "no text (expected a field named text, body, content)"),
        ({"text": "   "}, "no text (expected a field named text, body, content)"),
        ({"text": 42}, "text must be a string, got int"),
    ],
    ids=[
        "kind",
        "issuer-alpha2",
        "issuer-name",
        "published",
        "no-text",
        "blank-text",
        "text-not-string",
    ],
)
def test_invalid_metadata_names_the_record_and_field(
    ws: Workspace, write: Writer, record: dict[str, object], message: str
) -> None:
    path = write(
        "bad.jsonl", json.dumps({"text": "A good record stays."}) + "\n" + json.dumps(record) + "\n"
    )
    report = ws.ingest(path)
    assert report.failures == [f"{path}:2: {message}"]
    assert len(report.stored) == 1


def test_front_matter_line_that_is_not_key_value(ws: Workspace, write: Writer) -> None:
    path = write("fm.txt", "---\ntitle: Fine\nthis line is wrong\n---\nBody text here.\n")
    assert failures_for(ws, path) == [
        f"{path}:3: front matter line is not 'key: value': 'this line is wrong'"
    ]


def test_one_bad_file_among_good_ones(ws: Workspace, write: Writer) -> None:
    write("mix/good-1.txt", GOOD)
    write("mix/bad.json", "{not json")
    write("mix/good-2.md", "Manila thanked Tokyo for the patrol vessels.")
    report = ws.ingest(write("mix/empty.csv", "").parent)
    assert report.summary() == "2 stored, 0 duplicates, 2 failed"
    assert ws.store.count("documents") == 2
