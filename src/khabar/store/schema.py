"""The relational schema of a khabar store (SQLAlchemy Core, one metadata for every engine).

Layout: a ``documents`` row per article (text, metadata, text hash, MinHash
signature, story); one table per record kind (``sentences``, ``entities``,
``timexes``, ``quantities``, ``quotes``, ``attributions``, ``events``,
``event_arguments``) keyed by ``(doc_id, local_id)``; ``stories`` (clusters of
near-duplicate articles), ``corpus_events`` and ``corpus_event_members``
(same-story events fused across documents); ``lsh_bands`` (the MinHash LSH
band index of near-duplicate detection: one row per document and band,
written in the document's transaction); ``sources`` (outlets); ``runs``
(one per ingest run, with its effective settings) and ``errors`` (a row per
document that failed, with the reason).

Each record table has indexed, typed columns for querying (offsets are code
points, half-open, as in :mod:`khabar.doc`) and a ``data`` JSON column holding
the record exactly as :meth:`khabar.doc.Document.to_dict` wrote it, so a stored
document round-trips even when the record classes gain fields later.

The schema is created and upgraded only through the Alembic migrations in
``khabar/store/migrations`` (``khabar db upgrade``); ``metadata`` here must
match their head revision (a test checks it).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

__all__ = ["metadata", "TABLES"]

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(300), nullable=False, unique=True),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime, nullable=False),
    Column("finished_at", DateTime),
    Column("command", Text),
    Column("config", JSON, nullable=False),
    Column("ok", Integer, nullable=False, default=0),
    Column("skipped", Integer, nullable=False, default=0),
    Column("failed", Integer, nullable=False, default=0),
    Column("status", String(20), nullable=False, default="running"),
)

stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("first_doc_id", String(64), nullable=False),
    Column("title", Text),
    Column("size", Integer, nullable=False, default=1),
    Column("created_at", DateTime, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("url", String(2048), unique=True),
    Column("text_hash", String(40), nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("title", Text),
    Column("source_id", Integer, ForeignKey("sources.id")),
    Column("published", Date, index=True),
    Column("language", String(8), nullable=False, default="ar"),
    Column("story_id", Integer, ForeignKey("stories.id"), index=True),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("origin", Text),
    Column("ingested_at", DateTime, nullable=False),
    Column("n_events", Integer, nullable=False, default=0),
    Column("minhash", LargeBinary),
    Column("extra", JSON),
)

sentences = Table(
    "sentences",
    metadata,
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)


def _span_cols() -> list[Column]:  # type: ignore[type-arg]
    return [
        Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        Column("local_id", String(32), primary_key=True),
        Column("ord", Integer, nullable=False),
        Column("start", Integer),
        Column("end", Integer),
        Column("text", Text),
    ]


entities = Table(
    "entities",
    metadata,
    *_span_cols(),
    Column("label", String(16), index=True),
    Column("kb", String(64), index=True),
    Column("canonical", String(300), index=True),
    Column("name_en", String(300)),
    Column("country", String(3)),
    Column("data", JSON, nullable=False),
)

timexes = Table(
    "timexes",
    metadata,
    *_span_cols(),
    Column("type", String(16)),
    Column("value", String(64), index=True),
    Column("data", JSON, nullable=False),
)

quantities = Table(
    "quantities",
    metadata,
    *_span_cols(),
    Column("value", Float),
    Column("unit", String(64)),
    Column("data", JSON, nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    *_span_cols(),
    Column("direct", Boolean),
    Column("speaker_text", Text),
    Column("speaker_entity", String(32)),
    Column("data", JSON, nullable=False),
)

attributions = Table(
    "attributions",
    metadata,
    *_span_cols(),
    Column("source", String(300)),
    Column("data", JSON, nullable=False),
)

corpus_events = Table(
    "corpus_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("story_id", Integer, ForeignKey("stories.id"), nullable=False),
    Column("fuse_key", String(40), nullable=False),
    Column("type", String(16), nullable=False),
    Column("event_date", String(64)),
    Column("source_key", String(300)),
    Column("target_key", String(300)),
    Column("place_key", String(300)),
    Column("first_doc_id", String(64), nullable=False),
    Column("n_docs", Integer, nullable=False, default=1),
    UniqueConstraint("story_id", "fuse_key", name="uq_corpus_events_story_key"),
)

events = Table(
    "events",
    metadata,
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("local_id", String(32), primary_key=True),
    Column("ord", Integer, nullable=False),
    Column("type", String(16), nullable=False, index=True),
    Column("mode", String(32)),
    Column("status", String(16)),
    Column("sentence", Integer),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Column("trigger_text", Text),
    Column("event_date", String(64), index=True),
    Column("day", Date, index=True),
    Column("location", String(32)),
    Column("confidence", Float),
    Column("source_key", String(300)),
    Column("target_key", String(300)),
    Column("place_key", String(300)),
    Column("countries", String(200)),
    Column("actors", Text),
    Column("sentence_norm", Text),
    Column("corpus_event_id", Integer, ForeignKey("corpus_events.id"), index=True),
    Column("data", JSON, nullable=False),
)

event_arguments = Table(
    "event_arguments",
    metadata,
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("event_id", String(32), primary_key=True),
    Column("role", String(16), primary_key=True),
    Column("ord", Integer, primary_key=True),
    Column("ref", String(32)),
    Column("text", Text),
    Column("name_en", String(300)),
    Column("country", String(3)),
    Column("sector", String(16)),
)

corpus_event_members = Table(
    "corpus_event_members",
    metadata,
    Column("corpus_event_id", Integer, ForeignKey("corpus_events.id"), primary_key=True),
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("event_id", String(32), primary_key=True),
)

errors = Table(
    "errors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("origin", Text, nullable=False),
    Column("url", String(2048)),
    Column("stage", String(32), nullable=False),
    Column("reason", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
)

#: MinHash LSH bands (:func:`khabar.store.dedup.band_keys`): ``key`` mixes the band number and its
#: values, so the candidates of a document are the rows sharing one of its keys. Clustered on
#: ``(key, doc_id)`` (SQLite: WITHOUT ROWID, one B-tree), written with the document.
lsh_bands = Table(
    "lsh_bands",
    metadata,
    Column("key", BigInteger, primary_key=True, autoincrement=False),
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    sqlite_with_rowid=False,
)

Index("ix_documents_source_published", documents.c.source_id, documents.c.published)

#: The tables in dependency order (parents first).
TABLES = tuple(metadata.sorted_tables)
