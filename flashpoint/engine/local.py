"""In-process coding of many documents, in batches, with a progress callback."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from flashpoint.events.coder import Coder
from flashpoint.models import Claim, Commitment, Document, Event


def code_documents(
    docs: Iterable[Document],
    coder: Coder,
    *,
    on_document: Callable[[Document], None] | None = None,
    batch_size: int = 64,
) -> Iterator[tuple[Document, list[Event]]]:
    """Yield each document with its events, in input order."""
    queue: list[Document] = []

    def flush() -> Iterator[tuple[Document, list[Event]]]:
        for doc, events in zip(queue, coder.code_many(queue, batch_size=batch_size), strict=True):
            if on_document is not None:
                on_document(doc)
            yield doc, events

    for doc in docs:
        queue.append(doc)
        if len(queue) >= batch_size:
            yield from flush()
            queue = []
    if queue:
        yield from flush()


def exchange_record(
    doc: Document,
    events: list[Event],
    commitments: Sequence[Commitment] = (),
    comparisons: Sequence[dict[str, object]] = (),
) -> dict[str, object]:
    """One exchange-format line: the document with its events, commitments and comparisons."""
    record = doc.to_exchange()
    record["url"] = doc.url
    record["events"] = [e.to_exchange() for e in events]
    record["commitments"] = [c.to_exchange() for c in commitments]
    record["comparisons"] = list(comparisons)
    return record


def annotate(
    docs: Sequence[Document],
    coder: Coder,
    *,
    on_document: Callable[[Document], None] | None = None,
) -> list[dict[str, object]]:
    """Code documents, extract their commitments, pair and compare the official accounts
    among them, and return one exchange-format record per document, in input order."""
    from flashpoint.analysis.readouts import compare_accounts, comparison_exchange, pair_accounts
    from flashpoint.events.commitments import extract_commitments

    coded = list(code_documents(docs, coder, on_document=on_document))
    events = {doc.doc_id: evs for doc, evs in coded}
    by_id = {doc.doc_id: doc for doc in docs}
    official = [doc for doc in docs if doc.kind in ("readout", "statement")]
    claims: list[Claim] = []
    for a, b in pair_accounts(official, events):
        claims += compare_accounts(by_id[a], events[a], by_id[b], events[b],
                                   coder_version=coder.version)  # fmt: skip
    return [
        exchange_record(
            doc,
            evs,
            extract_commitments(doc, evs, coder_version=coder.version, coder=coder),
            comparison_exchange(claims, doc.doc_id),
        )
        for doc, evs in coded
    ]
