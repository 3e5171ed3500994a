"""Every table and column of the store, declared once: DDL, Arrow schemas, exports and docs.

Names follow the exchange format (../shared/eval/FORMAT.md): snake_case, states as ISO-3166
alpha-3 or `IGO:<name>`, codes as strings, dates ISO 8601 with a separate precision column.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

_ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "VARCHAR[]": pa.list_(pa.string()),
}


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its name, SQL type, whether it may be null, and what it holds."""

    name: str
    sql_type: str
    description: str
    nullable: bool = True

    @property
    def arrow_type(self) -> pa.DataType:
        """The Arrow type the column is exchanged as."""
        return _ARROW_TYPES[self.sql_type]


@dataclass(frozen=True, slots=True)
class Table:
    """One table: its columns, primary key and unique keys."""

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    unique: tuple[tuple[str, ...], ...] = ()

    @property
    def column_names(self) -> list[str]:
        """The column names in declared order."""
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        """Return the column called `name`; KeyError when the table has none."""
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(f"{self.name} has no column {name!r}")

    def arrow_schema(self) -> pa.Schema:
        """The Arrow schema of the table, with descriptions kept as field metadata."""
        return pa.schema(
            [
                pa.field(
                    c.name,
                    c.arrow_type,
                    nullable=c.nullable,
                    metadata={"description": c.description},
                )
                for c in self.columns
            ]
        )

    def ddl(self) -> str:
        """CREATE TABLE IF NOT EXISTS statement (portable SQL: DuckDB and PostgreSQL)."""
        lines = [
            f"    {c.name} {c.sql_type}{'' if c.nullable else ' NOT NULL'}" for c in self.columns
        ]
        lines.append(f"    PRIMARY KEY ({', '.join(self.primary_key)})")
        lines += [f"    UNIQUE ({', '.join(key)})" for key in self.unique]
        return f"CREATE TABLE IF NOT EXISTS {self.name} (\n" + ",\n".join(lines) + "\n)"


def _c(name: str, sql_type: str, description: str, nullable: bool = True) -> Column:
    return Column(name, sql_type, description, nullable)


DOCUMENTS = Table(
    "documents",
    "One row per ingested document; the same content ingested twice is stored once.",
    (
        _c("doc_id", "VARCHAR", "Id given in the input, else derived from content_hash.", False),
        _c(
            "content_hash",
            "VARCHAR",
            "SHA-256 of the canonical URL, else of the normalised text: the identity.",
            False,
        ),
        _c(
            "text_hash",
            "VARCHAR",
            "SHA-256 of the normalised text: the same text under two URLs is one document.",
            False,
        ),
        _c("title", "VARCHAR", "Headline or title."),
        _c("text", "VARCHAR", "The document's text, as coded (evidence offsets index it).", False),
        _c("published", "DATE", "Publication date; relative dates in the text resolve to it."),
        _c("publisher", "VARCHAR", "Who published it (outlet or government body)."),
        _c("url", "VARCHAR", "Canonical URL, when known."),
        _c("kind", "VARCHAR", "news, readout, statement or opinion.", False),
        _c("issuer", "VARCHAR", "ISO3 of the issuing government for readouts and statements."),
        _c("origin", "VARCHAR", "Where it was first read from: path, with :LINE for records."),
        _c("ingested_at", "TIMESTAMP", "When it was first stored (UTC).", False),
    ),
    primary_key=("doc_id",),
    unique=(("content_hash",),),
)

EVENTS = Table(
    "events",
    "One row per event coded in one document (an event mention).",
    (
        _c("event_id", "VARCHAR", "Hash of document, evidence span and coded fields.", False),
        _c("doc_id", "VARCHAR", "The document the event was coded from.", False),
        _c("source", "VARCHAR", "Acting state: ISO3 or IGO:<name>."),
        _c("source_name", "VARCHAR", "The source as written in the text."),
        _c("target", "VARCHAR", "State acted upon: ISO3 or IGO:<name>; null for some MOBILIZE."),
        _c("target_name", "VARCHAR", "The target as written in the text."),
        _c("type", "VARCHAR", "PLOVER event type (one of 16).", False),
        _c("mode", "VARCHAR", "PLOVER mode refining the type (phone, visit, tariff, ...)."),
        _c("cameo", "VARCHAR", "CAMEO code as a string, most specific that fits ('036')."),
        _c(
            "quad_class",
            "INTEGER",
            "CAMEO quad class: 1 verbal coop., 2 material coop., 3 verbal conflict, "
            "4 material conflict.",
        ),
        _c("goldstein", "DOUBLE", "Goldstein intensity of the CAMEO code (-10..10)."),
        _c("date", "VARCHAR", "When it happened or will happen: YYYY-MM-DD or YYYY-MM."),
        _c("date_precision", "VARCHAR", "day, month or null when the date is unknown."),
        _c("status", "VARCHAR", "occurred, planned, hypothetical or denied.", False),
        _c("claimed_by", "VARCHAR", "State whose account the text cites; null if the publisher's."),
        _c("location_name", "VARCHAR", "Most specific place named, as written."),
        _c("location_country", "VARCHAR", "ISO3 of the state the place lies in; null if disputed."),
        _c("lat", "DOUBLE", "Latitude of the place (WGS84) from the offline gazetteer."),
        _c("lon", "DOUBLE", "Longitude of the place (WGS84) from the offline gazetteer."),
        _c("location_precision", "VARCHAR", "city, feature, region, sea or country."),
        _c("topics", "VARCHAR[]", "Topic words from the exchange format's list."),
        _c("evidence", "VARCHAR", "Exact substring of the text that states the event.", False),
        _c("evidence_start", "INTEGER", "Character offset where evidence starts in the text."),
        _c("evidence_end", "INTEGER", "Character offset where evidence ends (exclusive)."),
        _c("source_start", "INTEGER", "Offset of the source mention."),
        _c("source_end", "INTEGER", "End offset of the source mention."),
        _c("target_start", "INTEGER", "Offset of the target mention."),
        _c("target_end", "INTEGER", "End offset of the target mention."),
        _c("confidence", "DOUBLE", "The coder's confidence in the event (0..1)."),
        _c("coder_version", "VARCHAR", "Version of the coder and its reference data.", False),
    ),
    primary_key=("event_id",),
)

MENTIONS = Table(
    "mentions",
    "Links each event mention to the story (one real-world event) it reports.",
    (
        _c("event_id", "VARCHAR", "The event mention (events.event_id).", False),
        _c("story_id", "VARCHAR", "The story it belongs to.", False),
        _c("doc_id", "VARCHAR", "The document of the mention.", False),
        _c("reason", "VARCHAR", "Why the mention was merged into the story."),
    ),
    primary_key=("event_id",),
)

STORIES = Table(
    "stories",
    "One row per real-world event, merged from the event mentions of every document reporting it.",
    (
        _c("story_id", "VARCHAR", "Stable id: hash of the first mention's event_id.", False),
        _c("source", "VARCHAR", "Acting state (ISO3 or IGO:<name>).", False),
        _c("target", "VARCHAR", "State acted upon; null for some MOBILIZE."),
        _c("type", "VARCHAR", "PLOVER event type.", False),
        _c("mode", "VARCHAR", "The mode most mentions give."),
        _c("cameo", "VARCHAR", "The CAMEO code most mentions give."),
        _c("quad_class", "INTEGER", "CAMEO quad class of that code."),
        _c("goldstein", "DOUBLE", "Goldstein score of that code."),
        _c("date", "VARCHAR", "The best-supported date (YYYY-MM-DD or YYYY-MM)."),
        _c("date_precision", "VARCHAR", "day, month or null."),
        _c("dates", "VARCHAR[]", "Every distinct date the mentions give (disagreements kept)."),
        _c("status", "VARCHAR", "The best-supported status.", False),
        _c("location_name", "VARCHAR", "The best-supported place."),
        _c("location_country", "VARCHAR", "ISO3 of that place; null if disputed or a sea."),
        _c("lat", "DOUBLE", "Latitude of that place."),
        _c("lon", "DOUBLE", "Longitude of that place."),
        _c("n_mentions", "INTEGER", "Event mentions merged into the story.", False),
        _c("n_documents", "INTEGER", "Documents that report it.", False),
        _c("n_sources", "INTEGER", "Distinct publishers that report it.", False),
        _c("first_report", "DATE", "Publication date of the first report."),
        _c("last_report", "DATE", "Publication date of the latest report."),
        _c("evidence", "VARCHAR", "Evidence of the most explicit mention.", False),
    ),
    primary_key=("story_id",),
)

COMMITMENTS = Table(
    "commitments",
    "Pledges, scheduled visits and agreed steps, one row per mention in a document.",
    (
        _c("commitment_id", "VARCHAR", "Hash of document, evidence and fields.", False),
        _c("doc_id", "VARCHAR", "The document stating the commitment.", False),
        _c("actor", "VARCHAR", "State that must act (ISO3).", False),
        _c("counterpart", "VARCHAR", "State it is owed to or meets; null if none."),
        _c("what", "VARCHAR", "What was promised, in a few words.", False),
        _c("due", "VARCHAR", "YYYY-MM-DD, YYYY-MM or YYYY; null if no date."),
        _c("due_precision", "VARCHAR", "day, month, year or null."),
        _c("evidence", "VARCHAR", "Exact substring of the text that states it.", False),
        _c("evidence_start", "INTEGER", "Character offset of the evidence."),
        _c("evidence_end", "INTEGER", "End offset of the evidence (exclusive)."),
        _c("event_id", "VARCHAR", "The planned event it corresponds to, when coded."),
        _c("coder_version", "VARCHAR", "Version of the coder.", False),
    ),
    primary_key=("commitment_id",),
)

COMPARISONS = Table(
    "comparisons",
    "Claims of one account of an exchange, marked shared with or only in it vs. its pair.",
    (
        _c("comparison_id", "VARCHAR", "Hash of the document, its pair and the claim.", False),
        _c("doc_id", "VARCHAR", "The account the claim is from.", False),
        _c("pair_doc", "VARCHAR", "The other account of the same exchange.", False),
        _c("relation", "VARCHAR", "shared or only_here.", False),
        _c("claim", "VARCHAR", "The claim as an exact substring of this document.", False),
        _c("claim_start", "INTEGER", "Character offset of the claim."),
        _c("claim_end", "INTEGER", "End offset of the claim (exclusive)."),
        _c("counterpart_claim", "VARCHAR", "For shared claims: the other account's wording."),
        _c("coder_version", "VARCHAR", "Version of the comparer.", False),
    ),
    primary_key=("comparison_id",),
)

TABLES: dict[str, Table] = {
    t.name: t for t in (DOCUMENTS, EVENTS, STORIES, MENTIONS, COMMITMENTS, COMPARISONS)
}
"""All tables of the store, by name, in creation order."""


def table(name: str) -> Table:
    """Return the table called `name`, or raise KeyError listing the known ones."""
    try:
        return TABLES[name]
    except KeyError:
        raise KeyError(f"no table {name!r}; tables: {', '.join(TABLES)}") from None
