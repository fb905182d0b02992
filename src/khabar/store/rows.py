"""Corpus event rows for ``khabar events`` and ``khabar export``: POLECAT-like, with provenance.

One row per event mention (a PLOVER event in one document). The per-document
columns are exactly those of :func:`khabar.events.export.event_rows` (shared
with ``khabar extract --format events-csv``: document id, URL, publication
date, type, mode, status, actors with countries/sectors and character spans,
location, quantities, sentence and trigger spans; offsets are code points,
half-open, into the document text). The corpus adds :data:`CORPUS_COLUMNS`:

==================  ===========================================================
event_day           the event's day (``YYYY-MM-DD``): its date when it names a
                    day, else the publication date; what ``--since/--until`` filter
outlet              the outlet (``meta.source``, else the URL's host)
title               the article title
story_id            the story cluster (near-duplicate articles share one)
corpus_event_id     the fused event: same story, type, actors, place and date
==================  ===========================================================
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["COLUMNS", "CORPUS_COLUMNS", "rows_for_record"]

CORPUS_COLUMNS: tuple[str, ...] = ("event_day", "outlet", "title", "story_id", "corpus_event_id")


def _doc_columns() -> tuple[str, ...]:
    from khabar.events.export import COLUMNS as DOC_COLUMNS

    return tuple(DOC_COLUMNS)


COLUMNS: tuple[str, ...] = _doc_columns() + CORPUS_COLUMNS


def rows_for_record(record: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The event rows of one stored record, by event id (per-document columns only)."""
    from khabar.events.export import event_rows
    from khabar.store.records import document_from_record

    return {r["event_id"]: r for r in event_rows(document_from_record(dict(record)))}
