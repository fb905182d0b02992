"""Event rows for export: one flat, POLECAT-like dict per event, with provenance.

:func:`event_rows` is shared by ``khabar extract --format events-csv|events-jsonl``
and the corpus exporter. Every offset is a code-point index into
``Document.text``, half-open ``[start, end)``.

Columns (:data:`COLUMNS`, in order; ``None`` → empty CSV cell / JSON ``null``):

================  ==============================================================
doc_id            ``Document.id``
url               ``Document.meta.url``
published         publication date ``YYYY-MM-DD``
event_id          ``ev1``, ``ev2``, … (unique within the document)
event_type        one of the 16 PLOVER types
mode              PLOVER mode or ``None``
status            occurred / planned / expected / possible / requested / denied
confidence        float in [0, 1]
event_date        TIMEX3 value of the event date (day granularity)
date_source       ``clause`` (a date in the text) / ``published`` / ``None``
trigger_text      trigger as written; ``trigger_start``/``trigger_end`` its offsets
mentions          all trigger spans of the merged happening (JSON: list of
                  ``{start, end, text}``; CSV: ``start-end`` joined by ``;``)
source_text       source actor phrase as written; ``source_name`` English name,
                  ``source_country`` ISO 3166 alpha-3, ``source_sector``,
                  ``source_entity`` entity id; ``source_start``/``source_end``
                  offsets of the actor phrase (``Actor.start``/``end``; the
                  entity's offsets for an older record without them)
target_*          the same for the target
claimant          who reports the event (speaker of the quote it sits in), English
                  name or Arabic text
location_text     the place as written; ``location_name`` English name,
                  ``location_country``, ``location_start``/``location_end``
quantities        the counted quantities as ``value unit`` strings (``;``-joined in CSV)
killed, injured   casualty counts when the quantities stage gives roles (sum of the
                  values; ``None`` when not stated)
sentence          index of the sentence; ``sentence_text`` the sentence as written,
                  ``sentence_start``/``sentence_end`` its offsets
================  ==============================================================
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from khabar.doc import Actor, Document, Event

__all__ = ["COLUMNS", "event_rows", "rows_to_csv", "rows_to_jsonl"]

COLUMNS: tuple[str, ...] = (
    "doc_id", "url", "published", "event_id", "event_type", "mode", "status", "confidence",
    "event_date", "date_source", "trigger_text", "trigger_start", "trigger_end", "mentions",
    "source_text", "source_name", "source_country", "source_sector", "source_entity", "source_start", "source_end",
    "target_text", "target_name", "target_country", "target_sector", "target_entity", "target_start", "target_end",
    "claimant", "location_text", "location_name", "location_country", "location_start", "location_end",
    "quantities", "killed", "injured", "sentence", "sentence_text", "sentence_start", "sentence_end",
)


def _actor_cols(doc: Document, prefix: str, a: Actor | None) -> dict[str, Any]:
    ent = doc.entity(a.entity) if a is not None and a.entity else None
    return {
        f"{prefix}_text": a.text if a else None,
        f"{prefix}_name": a.name_en if a else None,
        f"{prefix}_country": a.country if a else None,
        f"{prefix}_sector": a.sector if a else None,
        f"{prefix}_entity": a.entity if a else None,
        f"{prefix}_start": a.start if a is not None and a.start is not None else (ent.start if ent else None),
        f"{prefix}_end": a.end if a is not None and a.end is not None else (ent.end if ent else None),
    }


def _event_date(ev: Event) -> str | None:
    v = ev.date_value
    if v and "T" in v and v[:1].isdigit():
        v = v.split("T", 1)[0]
    return v


def event_rows(doc: Document) -> list[dict[str, Any]]:
    """One row per event of ``doc`` (columns in :data:`COLUMNS` order).

    Args:
        doc: a document that went through the pipeline (``events`` filled).

    Returns:
        A list of dicts with exactly the keys of :data:`COLUMNS`; ``mentions``
        is a list of ``{"start", "end", "text"}`` dicts and ``quantities`` a
        list of strings (see :func:`rows_to_csv` for the flat form).
    """
    qs = {q.id: q for q in doc.quantities}
    rows: list[dict[str, Any]] = []
    for ev in doc.events:
        sent = doc.sentences[ev.sentence] if 0 <= ev.sentence < len(doc.sentences) else None
        loc = doc.entity(ev.location)
        quants = [qs[q] for q in ev.quantities if q in qs]
        casualties: dict[str, float | None] = {"killed": None, "injured": None}
        for q in quants:
            role = getattr(q, "role", None)
            if role in casualties and q.value is not None:
                casualties[role] = (casualties[role] or 0) + q.value
        claimant = ev.claimant.name_en or ev.claimant.text if ev.claimant else None
        row: dict[str, Any] = {
            "doc_id": doc.id,
            "url": doc.meta.url,
            "published": doc.meta.published.isoformat() if doc.meta.published else None,
            "event_id": ev.id,
            "event_type": ev.type,
            "mode": ev.mode,
            "status": ev.status,
            "confidence": ev.confidence,
            "event_date": _event_date(ev),
            "date_source": ev.date_source,
            "trigger_text": ev.trigger.text,
            "trigger_start": ev.trigger.start,
            "trigger_end": ev.trigger.end,
            "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in (ev.mentions or (ev.trigger,))],
            **_actor_cols(doc, "source", ev.source),
            **_actor_cols(doc, "target", ev.target),
            "claimant": claimant,
            "location_text": loc.text if loc else None,
            "location_name": loc.name_en if loc else None,
            "location_country": loc.country if loc else None,
            "location_start": loc.start if loc else None,
            "location_end": loc.end if loc else None,
            "quantities": [
                " ".join(str(x) for x in ((q.value if q.value is not None else f"{q.min}-{q.max}"), q.unit) if x is not None)
                for q in quants
            ],
            "killed": casualties["killed"],
            "injured": casualties["injured"],
            "sentence": ev.sentence,
            "sentence_text": doc.text[sent.start : sent.end] if sent else None,
            "sentence_start": sent.start if sent else None,
            "sentence_end": sent.end if sent else None,
        }
        rows.append(row)
    return rows


def _cell(k: str, v: Any) -> Any:
    if v is None:
        return ""
    if k == "mentions":
        return ";".join(f"{m['start']}-{m['end']}" for m in v)
    if isinstance(v, list):
        return ";".join(str(x) for x in v)
    return v


def rows_to_csv(rows: Iterable[dict[str, Any]], *, header: bool = True) -> str:
    """Rows as CSV text (RFC 4180 quoting, ``\\r\\n`` line ends, header line first when ``header``)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(COLUMNS), extrasaction="ignore")
    if header:
        w.writeheader()
    for r in rows:
        w.writerow({k: _cell(k, r.get(k)) for k in COLUMNS})
    return buf.getvalue()


def rows_to_jsonl(rows: Iterable[dict[str, Any]]) -> str:
    """Rows as JSON Lines (UTF-8 text, one object per line, Arabic unescaped)."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
