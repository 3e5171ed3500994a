"""Throughput of the event coder against spaCy's own parse of the same texts, side by side.

    python benchmarks/speed.py [--paragraphs 2000]

Generates news-like paragraphs (a few sentences naming states and actions among sentences that
name neither), then measures in one run, for 1 and 2 processes: spaCy's `nlp.pipe` with the full
default pipeline of the model package (parse only, no coding), and flashpoint's coder (its
sentence filter, the parse of the selected sentences without NER, and the coding rules). Prints
sentences/s, words/s, the ratio coder/parse, and the peak memory of each process.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import resource
import time
from collections.abc import Callable
from datetime import date

CAPITALS = [
    "Tokyo",
    "Beijing",
    "Seoul",
    "Manila",
    "Hanoi",
    "Canberra",
    "New Delhi",
    "Kyiv",
    "Moscow",
    "Washington",
    "Taipei",
    "Jakarta",
    "Ottawa",
    "Berlin",
]
LEADERS = [
    "President Xi Jinping",
    "Prime Minister Sanae Takaichi",
    "President Lee Jae-myung",
    "President Ferdinand Marcos Jr.",
    "President Volodymyr Zelensky",
    "President Donald Trump",
    "Foreign Minister Wang Yi",
    "President Vladimir Putin",
]
ACTIONS = [
    "held talks with",
    "criticised",
    "summoned the ambassador of",
    "praised",
    "imposed tariffs on",
    "urged",
    "accused",
    "signed a fisheries accord with",
    "spoke by phone with",
    "warned",
]
FILLER = ["Officials said the meeting lasted about two hours.",
          "A spokesperson declined to give further details.",
          "Markets in the region were little changed after the announcement.",
          "The statement was posted on the ministry's website late in the evening.",
          "Local media carried pictures of the delegation arriving at the airport.",
          "Rain delayed several flights at the capital's main airport on the same day.",
          "Analysts said the economy grew faster than expected in the third quarter.",
          "The city council approved a new budget for schools and public transport."]  # fmt: skip


def paragraphs(n: int, seed: int = 11) -> list[str]:
    """`n` paragraphs of 4-6 sentences; about one sentence in three reports an event."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        sentences = []
        for _ in range(rng.randint(4, 6)):
            if rng.random() < 0.35:
                actor = rng.choice(CAPITALS + LEADERS)
                other = rng.choice([c for c in CAPITALS if c != actor])
                sentences.append(f"{actor} {rng.choice(ACTIONS)} {other} on day {i % 28 + 1}.")
            else:
                sentences.append(rng.choice(FILLER))
        out.append(" ".join(sentences))
    return out


def peak_mb() -> float:
    """Peak resident memory of this process in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def parse_only(texts: list[str]) -> tuple[int, float]:
    """Parse with spaCy's full default pipeline; return sentences and peak memory."""
    import spacy

    from flashpoint.nlp.pipeline import MODEL

    nlp = spacy.load(MODEL)
    sentences = sum(len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=64))
    return sentences, peak_mb()


def code_only(texts: list[str]) -> tuple[int, float]:
    """Code with flashpoint; return events and peak memory."""
    from flashpoint.events import load_coder
    from flashpoint.ingest.records import Defaults, build_document

    coder = load_coder()
    docs = [build_document({"doc_id": f"p{i}", "text": t, "published": date(2025, 11, 20)},
                           f"p{i}", Defaults()) for i, t in enumerate(texts)]  # fmt: skip
    events = sum(len(e) for e in coder.code_many(docs))
    return events, peak_mb()


def warm(kind: str) -> None:
    """Load the models before timing (a pool worker's initializer)."""
    if kind == "parse":
        parse_only(["Warm up."])
    else:
        code_only(["Tokyo praised Seoul."])


def timed(
    job: Callable[[list[str]], tuple[int, float]], kind: str, texts: list[str], processes: int
) -> tuple[float, int, float]:
    """Run `job` over `texts` split across processes; return seconds, its count, peak MiB."""
    if processes == 1:
        warm(kind)
        start = time.perf_counter()
        count, peak = job(texts)
        return time.perf_counter() - start, count, peak
    chunks = [texts[i::processes] for i in range(processes)]
    with mp.get_context("fork").Pool(processes, initializer=warm, initargs=(kind,)) as pool:
        pool.map(warm, [kind] * processes)
        start = time.perf_counter()
        results = pool.map(job, chunks)
        seconds = time.perf_counter() - start
    return seconds, sum(r[0] for r in results), max(r[1] for r in results)


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=2000)
    args = parser.parse_args()
    texts = paragraphs(args.paragraphs)
    words = sum(len(t.split()) for t in texts)
    rows = []
    sentences = 0
    for processes in (1, 2):
        t_parse, sentences, mem_parse = timed(parse_only, "parse", texts, processes)
        t_code, events, mem_code = timed(code_only, "code", texts, processes)
        rows.append((processes, t_parse, t_code, events, mem_parse, mem_code))
    print(f"{args.paragraphs} paragraphs, {sentences} sentences, {words} words")
    print(
        f"{'processes':>9} {'parse s/s':>10} {'code s/s':>10} {'code w/s':>10} "
        f"{'code/parse':>10} {'events':>7} {'parse MiB':>10} {'code MiB':>9}"
    )
    for processes, t_parse, t_code, events, mem_parse, mem_code in rows:
        print(
            f"{processes:>9} {sentences / t_parse:>10.0f} {sentences / t_code:>10.0f} "
            f"{words / t_code:>10.0f} {t_parse / t_code:>10.2f} {events:>7} "
            f"{mem_parse:>10.0f} {mem_code:>9.0f}"
        )


if __name__ == "__main__":
    main()
