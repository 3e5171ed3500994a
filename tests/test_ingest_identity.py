"""The same document is stored once, whatever path or format it arrives by."""

from __future__ import annotations

import json

import pytest

from flashpoint.ingest.identity import canonical_url, content_hash, normalise_text
from flashpoint.workspace import Workspace
from tests.conftest import Writer

TITLE = "Manila and Hanoi sign coast guard pact"
PARAS = [
    "The Philippines and Vietnam signed a coast guard cooperation pact on Friday.",
    "The two sides said joint training would start in the spring.",
]


@pytest.mark.parametrize(
    "url,canonical",
    [
        ("https://www.Example.org/a/b/", "https://example.org/a/b"),
        ("http://example.org/a?utm_source=x&b=2&a=1#top", "https://example.org/a?a=1&b=2"),
        ("https://example.org:443/a?fbclid=zz", "https://example.org/a"),
        ("https://example.org:8443//a//b", "https://example.org:8443/a/b"),
        ("mailto:someone@example.org", None),
        ("not a url", None),
    ],
    ids=[
        "host-case-www-slash",
        "tracking-and-order",
        "default-port",
        "odd-port-slashes",
        "mailto",
        "garbage",
    ],
)
def test_canonical_url(url: str, canonical: str | None) -> None:
    assert canonical_url(url) == canonical


def test_normalised_text_ignores_case_spacing_and_quote_style() -> None:
    assert normalise_text("Tokyo  \u201cregrets\u201d\n the\u00a0move") == normalise_text(
        'tokyo "regrets" the move'
    )


def test_hash_uses_the_url_when_there_is_one() -> None:
    assert content_hash("one text", "https://a.example/x") == content_hash(
        "another text", "http://www.a.example/x/?utm_medium=rss"
    )
    assert content_hash("one text") != content_hash("another text")


def test_one_article_in_four_formats_is_stored_once(ws: Workspace, write: Writer) -> None:
    body = "\n\n".join(PARAS)
    write("a/pact.txt", f"---\ntitle: {TITLE}\npublished: 2025-02-07\n---\n{body}\n")
    write("a/pact.md", f"# {TITLE}\n\n{body}\n")
    write(
        "a/pact.html",
        "<html><head><title>"
        + TITLE
        + "</title></head><body><article><h1>"
        + TITLE
        + "</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAS)
        + "</article></body></html>",
    )
    write("a/pact.jsonl", json.dumps({"title": TITLE, "text": body}) + "\n")
    report = ws.ingest(
        write("a/pact.txt", f"---\ntitle: {TITLE}\npublished: 2025-02-07\n---\n{body}\n").parent
    )
    assert report.summary() == "1 stored, 3 duplicates, 0 failed"
    assert ws.store.count("documents") == 1


def test_ingesting_twice_stores_nothing_twice(ws: Workspace, write: Writer) -> None:
    folder = write("b/one.txt", "Canberra welcomed the resumption of talks.").parent
    write("b/two.txt", "Wellington criticised the test launch.")
    assert ws.ingest(folder).summary() == "2 stored, 0 duplicates, 0 failed"
    assert ws.ingest(folder).summary() == "0 stored, 2 duplicates, 0 failed"
    assert ws.store.count("documents") == 2


def test_same_url_with_tracking_parameters_is_one_document(ws: Workspace, write: Writer) -> None:
    rows = [
        {"url": "https://news.example/story?utm_source=a", "text": "First version."},
        {"url": "https://www.news.example/story/", "text": "First version, updated."},
    ]
    report = ws.ingest(write("urls.json", json.dumps(rows)))
    assert (len(report.stored), len(report.duplicates)) == (1, 1)


def test_same_text_under_two_urls_is_one_document(ws: Workspace, write: Writer) -> None:
    rows = [
        {"url": "https://one.example/a", "text": "Seoul summoned the envoy."},
        {"url": "https://two.example/b", "text": "Seoul  summoned the envoy."},
    ]
    assert ws.ingest(write("syndicated.json", json.dumps(rows))).summary() == (
        "1 stored, 1 duplicate, 0 failed"
    )


def test_a_given_doc_id_is_kept_and_a_derived_one_is_stable(ws: Workspace, write: Writer) -> None:
    ws.ingest(write("given.json", json.dumps({"doc_id": "mine-7", "text": "Text one."})))
    ws.ingest(write("derived.txt", "Text two."))
    ids = [d["doc_id"] for d in ws.arrow("documents", ["doc_id"]).to_pylist()]
    expected = "doc-" + content_hash("Text two.")[:16]
    assert ids == sorted(["mine-7", expected])


def test_a_reused_doc_id_for_other_content_fails_and_keeps_the_stored_one(
    ws: Workspace, write: Writer
) -> None:
    ws.ingest(write("first.json", json.dumps({"doc_id": "d-1", "text": "Original text."})))
    path = write("second.jsonl", json.dumps({"doc_id": "d-1", "text": "Different text."}) + "\n")
    report = ws.ingest(path)
    assert report.failures == [
        f"{path}:1: doc_id 'd-1' already names a different stored document (stored as d-1); "
        "give this one another doc_id"
    ]
    assert ws.arrow("documents", ["text"]).to_pylist() == [{"text": "Original text."}]


def test_repeats_inside_one_batch_are_caught(ws: Workspace, write: Writer) -> None:
    lines = [
        {"doc_id": "a", "text": "Same words."},
        {"doc_id": "b", "text": "Same words."},
        {"doc_id": "a", "text": "Other words."},
    ]
    report = ws.ingest(write("batch.jsonl", "\n".join(json.dumps(x) for x in lines)))
    assert (len(report.stored), len(report.duplicates), len(report.failures)) == (1, 1, 1)
