"""Corpus endpoints of the API, over a :class:`khabar.store.Store`.

* ``POST /v1/documents`` — extract and store one article; idempotent on URL
  and normalized-text hash (a second post answers ``duplicate``).
* ``GET /v1/documents?page=&per_page=`` and ``GET /v1/documents/{id}`` — stored
  documents; one document comes back as its full SPEC record.
* ``GET /v1/events?type=&status=&actor=&country=&from=&to=&q=&page=&per_page=``
  — POLECAT-like event rows with provenance (document id, URL, outlet,
  sentence, character spans).
* ``GET /v1/entities/{key}`` — an entity by KB id or canonical key, with its
  mentions and the events it takes part in.
* ``GET /v1/stats/timeline?by=day|week&…`` — event counts per period and type.
* ``GET /v1/stats/places?…`` — event counts per place with coordinates from
  the knowledge base, for the map.

Without ``--db`` these answer 503 with a message saying how to start the
server with a database.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from fastapi import FastAPI, Query, Request
from starlette.concurrency import run_in_threadpool

__all__ = ["mount_corpus"]

_STATUSES = ("occurred", "planned", "expected", "possible", "requested", "denied")


def mount_corpus(app: FastAPI, cfg: Any, ApiError: type[Exception], read_request: Callable[..., Any], article_from: Callable[..., Any]) -> None:
    """Add the corpus routes to ``app`` (a store is opened lazily from ``cfg.db_url``)."""
    state: dict[str, Any] = {}

    def store() -> Any:
        if not cfg.db_url:
            raise ApiError(503, "this server has no database; start it with `khabar serve --db sqlite:///khabar.db`")  # type: ignore[call-arg]
        if "store" not in state:
            from khabar.store import Store

            state["store"] = Store(cfg.db_url)
        return state["store"]

    def parse_day(value: str | None, name: str) -> dt.date | None:
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ApiError(422, f"{name} {value!r} is not a date YYYY-MM-DD") from None  # type: ignore[call-arg]

    def events(type_: str | None, status: str | None, actor: str | None, country: str | None, from_: str | None, to: str | None, q: str | None) -> Iterator[dict[str, Any]]:
        from khabar.doc import PLOVER_TYPES
        from khabar.store.store import EventFilter

        if type_ and type_.upper() not in PLOVER_TYPES:
            raise ApiError(422, f"type {type_!r} is not a PLOVER type; one of {', '.join(PLOVER_TYPES)}")  # type: ignore[call-arg]
        if status and status not in _STATUSES:
            raise ApiError(422, f"status {status!r} is not one of {', '.join(_STATUSES)}")  # type: ignore[call-arg]
        f = EventFilter(since=parse_day(from_, "from"), until=parse_day(to, "to"), type=type_ or None, actor=actor or None, country=country or None, text=q or None)
        for row in store().iter_events(f):
            if status and row.get("status") != status:
                continue
            yield _public(row)

    @app.post("/v1/documents", tags=["corpus"], summary="Extract and store one article (idempotent)")
    async def post_document(request: Request) -> dict[str, Any]:
        from khabar.pipeline import extract

        req = await read_request(request)
        text, meta = article_from(req)
        st = store()
        doc = await run_in_threadpool(extract, text, published=meta["published"], url=meta["url"], title=meta["title"], source=meta["source"])
        res = await run_in_threadpool(st.add_record, doc.to_dict(), origin="api")
        return {"status": res.status, "doc_id": res.doc_id, "duplicate_of": res.duplicate_of, "story_id": res.story_id}

    @app.get("/v1/documents", tags=["corpus"], summary="Stored documents, newest first")
    def list_documents(page: int = Query(1, ge=1), per_page: int = Query(50, ge=1, le=500)) -> dict[str, Any]:
        rows = store().documents(page=page, per_page=per_page)
        return {"page": page, "per_page": per_page, "documents": rows, "has_more": len(rows) == per_page}

    @app.get("/v1/documents/{doc_id}", tags=["corpus"], summary="One stored document as its SPEC record")
    def get_document(doc_id: str) -> dict[str, Any]:
        rec = store().get_record(doc_id)
        if rec is None:
            raise ApiError(404, f"no stored document with id {doc_id!r}")  # type: ignore[call-arg]
        return rec  # type: ignore[no-any-return]

    @app.get("/v1/events", tags=["corpus"], summary="Filtered events with provenance")
    def list_events(
        type: str | None = Query(None, description="PLOVER type, e.g. ASSAULT"),
        status: str | None = Query(None, description="occurred, planned, expected, possible, requested or denied"),
        actor: str | None = Query(None, description="part of an actor's English or Arabic name, or a KB id"),
        country: str | None = Query(None, description="ISO 3166 alpha-3 of the source, target or place"),
        from_: str | None = Query(None, alias="from", description="first day, YYYY-MM-DD"),
        to: str | None = Query(None, description="last day, YYYY-MM-DD"),
        q: str | None = Query(None, description="text in the event's sentence (normalized Arabic)"),
        page: int = Query(1, ge=1),
        per_page: int = Query(50, ge=1, le=500),
    ) -> dict[str, Any]:
        skip = (page - 1) * per_page
        out: list[dict[str, Any]] = []
        has_more = False
        for i, row in enumerate(events(type, status, actor, country, from_, to, q)):
            if i < skip:
                continue
            if len(out) == per_page:
                has_more = True
                break
            out.append(row)
        return {"page": page, "per_page": per_page, "events": out, "has_more": has_more}

    @app.get("/v1/entities/{key}", tags=["corpus"], summary="An entity (KB id, canonical key or English name) with its mentions and events")
    def get_entity(key: str, limit: int = Query(500, ge=1, le=5000)) -> dict[str, Any]:
        from sqlalchemy import or_, select

        from khabar.store import schema as S
        from khabar.store.store import EventFilter

        st = store()
        t = S.entities
        with st.engine.connect() as c:
            rows = list(c.execute(select(t.c.doc_id, t.c.data).where(or_(t.c.kb == key, t.c.canonical == key, t.c.name_en == key)).limit(limit)))
        if not rows:
            raise ApiError(404, f"no stored entity with KB id or key {key!r}")  # type: ignore[call-arg]
        first = rows[0][1]
        mentions = [{"doc_id": d, "start": x["start"], "end": x["end"], "text": x["text"]} for d, x in rows]
        evs = [_public(r) for r in st.iter_events(EventFilter(actor=key, limit=limit))]
        return {"key": key, "name_en": first.get("name_en"), "label": first.get("label"), "country": first.get("country"),
                "kb": first.get("kb"), "mentions": mentions, "events": evs}

    @app.get("/v1/stats/timeline", tags=["corpus"], summary="Event counts per day or week and type")
    def timeline(
        by: str = Query("day", pattern="^(day|week)$"),
        type: str | None = None, status: str | None = None, actor: str | None = None, country: str | None = None,
        from_: str | None = Query(None, alias="from"), to: str | None = None, q: str | None = None,
    ) -> dict[str, Any]:
        counts: Counter[tuple[str, str]] = Counter()
        for row in events(type, status, actor, country, from_, to, q):
            day = row.get("event_day") or row.get("event_date")
            try:
                d = dt.date.fromisoformat((day or "")[:10])
            except ValueError:  # undated, or only a month/year (e.g. "2023-08"): not on a daily chart
                continue
            if by == "week":
                y, w, _ = d.isocalendar()
                period = f"{y}-W{w:02d}"
            else:
                period = d.isoformat()
            counts[(period, row["event_type"])] += 1
        series = [{"period": p, "type": t, "count": n} for (p, t), n in sorted(counts.items())]
        return {"by": by, "series": series}

    @app.get("/v1/stats/places", tags=["corpus"], summary="Event counts per place, with coordinates")
    def places(
        type: str | None = None, status: str | None = None, actor: str | None = None, country: str | None = None,
        from_: str | None = Query(None, alias="from"), to: str | None = None, q: str | None = None,
    ) -> dict[str, Any]:
        from khabar.extract.kb import country_entry

        places_by_name = _places_by_name()
        counts: Counter[tuple[Any, ...]] = Counter()
        for row in events(type, status, actor, country, from_, to, q):
            if row.get("location_name") or row.get("location_text"):
                counts[(row.get("location_name"), row.get("location_text"), row.get("location_country"))] += 1
        out = []
        for (name, name_ar, iso3), n in counts.most_common():
            entry = places_by_name.get((name or "").lower(), {}).get(iso3) or next(iter(places_by_name.get((name or "").lower(), {}).values()), None)
            if (entry is None or entry.lat is None) and iso3:
                entry = country_entry(iso3)
            out.append({"kb": entry.kb_id if entry is not None else None, "name": name, "name_ar": name_ar, "country": iso3, "count": n,
                        "lat": entry.lat if entry is not None else None, "lon": entry.lon if entry is not None else None})
        return {"places": out}


_PLACES: dict[str, dict[str | None, Any]] | None = None


def _places_by_name() -> dict[str, dict[str | None, Any]]:
    """KB places with coordinates by lower-cased English name, then country code."""
    global _PLACES
    if _PLACES is None:
        from khabar.extract.kb import get_kb

        kb = get_kb()
        out: dict[str, dict[str | None, Any]] = {}
        for label in ("GPE", "LOC", "FAC"):
            for e in kb.by_label(label):
                if e.lat is not None and e.name_en:
                    out.setdefault(e.name_en.lower(), {}).setdefault(e.country, e)
        _PLACES = out
    return _PLACES


def _public(row: dict[str, Any]) -> dict[str, Any]:
    """An event row with JSON-safe values."""
    return {k: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v) for k, v in row.items()}
