"""Ingest throughput and store size, measured side by side in one run.

    python benchmarks/ingest_speed.py [--docs 10000] [--repeat 3]

Prints one table: documents per second for the bundled sample corpus and for a generated
corpus in mixed formats (JSONL, CSV, TXT with front matter, HTML), reading alone against
reading and storing, a rerun where everything is a duplicate, the Arrow bulk write against a
row-at-a-time insert of the same documents, and the store's size on disk.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import duckdb

import flashpoint
from flashpoint.ingest import read_documents
from flashpoint.schema import DOCUMENTS

STATES = [
    "Japan",
    "China",
    "South Korea",
    "the Philippines",
    "Vietnam",
    "Australia",
    "India",
    "Indonesia",
    "Ukraine",
    "Russia",
    "Poland",
    "Canada",
    "Germany",
    "France",
]
CAPITALS = [
    "Tokyo",
    "Beijing",
    "Seoul",
    "Manila",
    "Hanoi",
    "Canberra",
    "New Delhi",
    "Jakarta",
    "Kyiv",
    "Moscow",
    "Warsaw",
    "Ottawa",
    "Berlin",
    "Paris",
]
ACTIONS = [
    "held talks with",
    "protested to",
    "signed a fisheries accord with",
    "summoned the ambassador of",
    "praised the restraint of",
    "urged calm on",
    "announced tariffs on",
    "offered disaster relief to",
    "criticised the drills of",
]
FILLER = [
    "Officials said the meeting lasted about two hours.",
    "A spokesperson declined to give further details.",
    "Analysts expect the issue to return at the regional summit next month.",
    "The statement was posted on the ministry's website late in the evening.",
    "Both delegations described the exchange as frank.",
    "Markets in the region were little changed after the announcement.",
]


def generated_text(rng: random.Random, n: int) -> str:
    """A short news-like text of 6 to 12 sentences, distinct for every n."""
    sentences = [
        f"Report {n}: {rng.choice(CAPITALS)} {rng.choice(ACTIONS)} "
        f"{rng.choice(STATES)} on day {n % 28 + 1}."
    ]
    sentences += [rng.choice(FILLER) for _ in range(rng.randint(5, 11))]
    return " ".join(sentences)


def write_corpus(folder: Path, docs: int, seed: int = 7) -> int:
    """Write `docs` documents: 40 % JSONL, 30 % CSV, 20 % TXT files, 10 % HTML files."""
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    records = [
        {
            "doc_id": f"gen-{i}",
            "title": f"Generated report {i}",
            "published": (start + timedelta(days=i % 900)).isoformat(),
            "publisher": f"Wire {i % 7}",
            "text": generated_text(rng, i),
        }
        for i in range(docs)
    ]
    n_jsonl, n_csv, n_txt = int(docs * 0.4), int(docs * 0.3), int(docs * 0.2)
    (folder / "txt").mkdir(parents=True)
    (folder / "html").mkdir()
    for part in range(0, n_jsonl, 1000):
        chunk = records[part : min(part + 1000, n_jsonl)]
        (folder / f"wire-{part:06d}.jsonl").write_text(
            "".join(json.dumps(r) + "\n" for r in chunk), encoding="utf-8"
        )
    with (folder / "sheet.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records[n_jsonl : n_jsonl + n_csv])
    for r in records[n_jsonl + n_csv : n_jsonl + n_csv + n_txt]:
        (folder / "txt" / f"{r['doc_id']}.txt").write_text(
            f"---\ndoc_id: {r['doc_id']}\ntitle: {r['title']}\npublished: {r['published']}\n"
            f"publisher: {r['publisher']}\n---\n{r['text']}\n",
            encoding="utf-8",
        )
    for r in records[n_jsonl + n_csv + n_txt :]:
        (folder / "html" / f"{r['doc_id']}.html").write_text(
            f"<html><head><title>{r['title']}</title>"
            f'<meta name="flashpoint:doc_id" content="{r["doc_id"]}">'
            f'<meta name="date" content="{r["published"]}"></head><body><nav>Home | World</nav>'
            f"<article><h1>{r['title']}</h1><p>{r['text']}</p></article>"
            "<footer>Contact us</footer></body></html>",
            encoding="utf-8",
        )
    return docs


def timed(func: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Median wall time of `repeat` runs of `func`, and the last run's result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def fresh_ingest(paths: list[Path], workdir: Path) -> Callable[[], int]:
    """A function that ingests `paths` into a new store and returns the documents stored."""
    counter = iter(range(10**6))

    def run() -> int:
        db = workdir / f"store-{next(counter)}.duckdb"
        with flashpoint.open(db) as ws:
            report = ws.ingest(*paths, code=False)
        assert report.ok, report.failures[:3]
        return len(report.stored)

    return run


def row_at_a_time(paths: list[Path], db: Path) -> int:
    """Insert the same documents one row per statement (the approach flashpoint avoids)."""
    docs = list(read_documents(paths))
    con = duckdb.connect(str(db))
    con.execute(DOCUMENTS.ddl())
    columns = ", ".join(DOCUMENTS.column_names)
    marks = ", ".join("?" for _ in DOCUMENTS.column_names)
    con.executemany(
        f"INSERT INTO documents ({columns}) VALUES ({marks})",
        [
            [
                d.doc_id,
                d.content_hash,
                d.text_hash,
                d.title,
                d.text,
                d.published,
                d.publisher,
                d.url,
                d.kind,
                d.issuer,
                d.origin,
                "2026-01-01 00:00:00",
            ]
            for d in docs
        ],
    )
    con.close()
    return len(docs)


def main() -> None:
    """Run the measurements and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows: list[tuple[str, int, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sample = [flashpoint.sample_corpus()]
        n_sample = len(list(read_documents(sample)))
        t_read_sample, _ = timed(lambda: len(list(read_documents(sample))), args.repeat)
        t_sample, _ = timed(fresh_ingest(sample, work), args.repeat)
        rows.append(("sample corpus: read only", n_sample, t_read_sample, ""))
        rows.append(
            (
                "sample corpus: read + store",
                n_sample,
                t_sample,
                f"{t_sample / t_read_sample:.2f}x read time",
            )
        )

        corpus = work / "corpus"
        n = write_corpus(corpus, args.docs)
        t_read, _ = timed(lambda: len(list(read_documents([corpus]))), args.repeat)
        t_ingest, _ = timed(fresh_ingest([corpus], work), args.repeat)
        db = work / "kept.duckdb"
        with flashpoint.open(db) as ws:
            ws.ingest(corpus, code=False)
        start = time.perf_counter()
        with flashpoint.open(db) as ws:
            rerun = ws.ingest(corpus, code=False)
        t_rerun = time.perf_counter() - start
        assert len(rerun.duplicates) == n
        start = time.perf_counter()
        row_at_a_time([corpus], work / "rows.duckdb")
        t_rows = time.perf_counter() - start
        rows.append((f"{n:,} generated: read only", n, t_read, ""))
        rows.append(
            (f"{n:,} generated: read + store", n, t_ingest, f"{t_ingest / t_read:.2f}x read time")
        )
        rows.append(
            (
                f"{n:,} generated: rerun, all duplicates",
                n,
                t_rerun,
                f"{t_rerun / t_ingest:.2f}x first ingest",
            )
        )
        rows.append(
            (
                f"{n:,} generated: row-at-a-time insert",
                n,
                t_rows,
                f"bulk store is {t_rows / t_ingest:.1f}x faster",
            )
        )
        duckdb.connect(str(db)).execute("CHECKPOINT").close()
        size = db.stat().st_size
        text_bytes = sum(len(d.text.encode()) for d in read_documents([corpus]))

    print(f"{'measure':<44} {'docs':>7} {'seconds':>8} {'docs/s':>9}  ratio")
    for label, count, seconds, ratio in rows:
        print(f"{label:<44} {count:>7} {seconds:>8.3f} {count / seconds:>9,.0f}  {ratio}")
    print(
        f"store size for {n:,} documents: {size / 2**20:.1f} MiB "
        f"({size / n:,.0f} bytes/document; text alone {text_bytes / 2**20:.1f} MiB)"
    )


if __name__ == "__main__":
    main()
