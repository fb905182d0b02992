"""Event rows for ``khabar events`` and ``khabar export``: a POLECAT-like flat schema with provenance.

One row per event mention (a PLOVER event found in one document). Columns
follow POLECAT's naming where they exist (``event_id``, ``event_date``,
``event_type``, ``event_mode``, actor name/country/sector, ``location``) and
add khabar's provenance: the document id, URL, outlet, publication date,
sentence index and text, and the character spans (code points, half-open,
into the document text) of the trigger and of each actor and place mention.
``story_id`` and ``corpus_event_id`` link mentions of the same event across
outlets (see :mod:`khabar.store.dedup`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

__all__ = ["COLUMNS", "event_row"]

#: Column names in order (a stable export schema; types in docs/corpus.md).
COLUMNS: tuple[str, ...] = (
    "event_id", "corpus_event_id", "story_id", "event_date", "event_date_text", "event_type", "event_mode",
    "status", "confidence",
    "source_actor", "source_actor_ar", "source_country", "source_sector", "source_kb", "source_start", "source_end",
    "target_actor", "target_actor_ar", "target_country", "target_sector", "target_kb", "target_start", "target_end",
    "location", "location_ar", "location_country", "location_kb", "location_start", "location_end",
    "trigger", "trigger_start", "trigger_end",
    "doc_id", "url", "outlet", "title", "published", "sentence_index", "sentence_start", "sentence_end", "sentence",
)


def _actor(prefix: str, a: Mapping[str, Any] | None, ents: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    a = a or {}
    ent = ents.get(a.get("entity") or "") or {}
    return {
        f"{prefix}_actor": a.get("name_en") or ent.get("name_en"),
        f"{prefix}_actor_ar": a.get("text"),
        f"{prefix}_country": a.get("country") or ent.get("country"),
        f"{prefix}_sector": a.get("sector") or ent.get("sector"),
        f"{prefix}_kb": ent.get("kb"),
        f"{prefix}_start": ent.get("start"),
        f"{prefix}_end": ent.get("end"),
    }


def event_row(
    e: Mapping[str, Any],
    ctx: Mapping[str, Any],
    *,
    doc_id: str,
    url: str | None,
    outlet: str | None,
    published: dt.date | None,
    story_id: int | None,
    corpus_event_id: int | None,
    day: dt.date | None,
    title: str | None = None,
) -> dict[str, Any]:
    """One flat row for event record ``e`` (its ``Document.to_dict()`` form).

    ``ctx`` holds the document's ``text``, ``sentences`` (list of ``(start, end)``),
    ``entities`` and ``timexes`` (dicts by id). ``event_date`` is the event's
    day (ISO) when known, else the publication date; ``event_date_text`` the
    TIMEX3 value as found.
    """
    ents, tx = ctx["entities"], ctx["timexes"]
    loc = ents.get(e.get("location") or "") or {}
    sents = ctx["sentences"]
    si = e.get("sentence")
    s_start, s_end = sents[si] if si is not None and 0 <= si < len(sents) else (None, None)
    row: dict[str, Any] = {
        "event_id": f"{doc_id}:{e['id']}",
        "corpus_event_id": corpus_event_id,
        "story_id": story_id,
        "event_date": day.isoformat() if day else None,
        "event_date_text": (tx.get(e.get("date") or "") or {}).get("value"),
        "event_type": e["type"],
        "event_mode": e.get("mode"),
        "status": e.get("status"),
        "confidence": e.get("confidence"),
        **_actor("source", e.get("source"), ents),
        **_actor("target", e.get("target"), ents),
        "location": loc.get("name_en"),
        "location_ar": loc.get("text"),
        "location_country": loc.get("country"),
        "location_kb": loc.get("kb"),
        "location_start": loc.get("start"),
        "location_end": loc.get("end"),
        "trigger": e["trigger"]["text"],
        "trigger_start": e["trigger"]["start"],
        "trigger_end": e["trigger"]["end"],
        "doc_id": doc_id,
        "url": url,
        "outlet": outlet,
        "title": title,
        "published": published.isoformat() if published else None,
        "sentence_index": si,
        "sentence_start": s_start,
        "sentence_end": s_end,
        "sentence": ctx["text"][s_start:s_end] if s_start is not None else None,
    }
    return {k: row.get(k) for k in COLUMNS}
