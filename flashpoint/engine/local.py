"""In-process coding of many documents, in batches, with a progress callback."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from flashpoint.events.coder import Coder
from flashpoint.models import Document, Event


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


def exchange_record(doc: Document, events: list[Event]) -> dict[str, object]:
    """One exchange-format line: the document, its events, no commitments or comparisons yet."""
    record = doc.to_exchange()
    record["url"] = doc.url
    record["events"] = [e.to_exchange() for e in events]
    record["commitments"] = []
    record["comparisons"] = []
    return record
