"""The khabar store: documents and every record found in them, in SQLite or PostgreSQL.

>>> store = Store("sqlite:///khabar.db")          # or postgresql+psycopg://user@host/db
>>> res = store.add_record(doc.to_dict(), run_id=store.begin_run({}))
>>> store.get_record(res.doc_id) == doc.to_dict()
True

Writes take the plain JSON record of :meth:`khabar.doc.Document.to_dict` (so
Dask workers can send records across processes) and happen in one
transaction per document: a document is stored with all its records or not at
all. A document whose URL or normalized-text hash is already stored is skipped
(``status == "duplicate"``), so re-ingesting, or restarting a killed run,
duplicates nothing. Near-duplicates (MinHash LSH, :mod:`khabar.store.dedup`)
join an existing story; same-story events with the same type, actors, place
and date are fused into one corpus event listing every document.

Errors: :class:`~khabar.errors.StorageError` when the database cannot be
opened or refuses a write (message names the URL or document).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any
from urllib.parse import urldefrag, urlsplit

from sqlalchemy import Engine, bindparam, create_engine, event, func, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from khabar.errors import StorageError
from khabar.store import schema as S
from khabar.store.dedup import band_keys, candidate_rows, match_in, norm_text, signature, text_hash

__all__ = ["Store", "DatabaseLocked", "WriteResult", "EventFilter", "DEFAULT_URL", "resolve_url", "prepare_rows"]

DEFAULT_URL = "sqlite:///khabar.db"
#: Stored LSH candidates checked at a time (rows of the signature matrix): bounds the memory of a
#: batch's duplicate check whatever the number of candidates.
CANDIDATE_CHUNK = 2048
_RECORD_KEYS = {"id", "text", "language", "meta", "sentences", "tokens", "entities", "timexes", "quantities", "quotes", "attributions", "events"}
_META_KEYS = {"title", "url", "source", "published"}
_SPAN_TABLES = {
    "entities": S.entities,
    "timexes": S.timexes,
    "quantities": S.quantities,
    "quotes": S.quotes,
    "attributions": S.attributions,
}


def resolve_url(url: str | None) -> str:
    """The database URL to use: ``url``, else ``$KHABAR_DB``, else ``sqlite:///khabar.db``.

    A bare path (``corpus.db``) means a SQLite file; ``postgresql://`` is read
    as ``postgresql+psycopg://`` (psycopg 3).
    """
    url = url or os.environ.get("KHABAR_DB") or DEFAULT_URL
    if "://" not in url:
        return "sqlite:///" + url
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _norm(text: str) -> str:
    """Normalized text with whitespace collapsed (:func:`khabar.store.dedup.norm_text`, one ``str.translate``: no cache needed)."""
    return norm_text(text)


@dataclass(frozen=True, slots=True)
class WriteResult:
    """What :meth:`Store.add_record` did: ``status`` is ``stored`` or ``duplicate``.

    :meth:`Store.add_records` may also report ``failed`` (with ``error``) for a
    document the database refused when its batch was retried one by one.
    """

    status: str
    doc_id: str
    story_id: int | None = None
    duplicate_of: str | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters for :meth:`Store.iter_events` (all optional, combined with AND).

    ``since``/``until`` (inclusive ``YYYY-MM-DD``) apply to the event's day: its
    resolved date when it names a day, else the publication date. ``type`` is a
    PLOVER type, ``actor`` a substring of an actor's English name, Arabic text
    (normalized), KB id or key, ``country`` an ISO alpha-3 code of a source,
    target or location, ``text`` a phrase searched in the normalized sentence.
    """

    since: dt.date | None = None
    until: dt.date | None = None
    type: str | None = None
    actor: str | None = None
    country: str | None = None
    text: str | None = None
    doc_id: str | None = None
    limit: int | None = None


#: Seconds a SQLite connection waits for another process's write lock before :class:`DatabaseLocked`.
SQLITE_BUSY_TIMEOUT_S = 30.0


class DatabaseLocked(StorageError):
    """Another process held a SQLite database's write lock longer than the busy timeout.

    Not a fault of one document: the operation (and an ingest run) stops
    instead of recording every document as failed.
    """


class Store:
    """A connection to a khabar database (SQLAlchemy 2 engine), upgraded to the newest schema.

    Args:
        url: a SQLAlchemy URL or SQLite path (see :func:`resolve_url`).
        migrate: upgrade the schema to the newest revision when opening
            (``khabar db upgrade`` does the same explicitly).
        echo: log SQL.

        create: when ``False``, a SQLite file that does not exist is an error
            instead of a new empty database (read-only commands: a mistyped
            ``--db`` must not create a file).

    SQLite waits up to :data:`SQLITE_BUSY_TIMEOUT_S` seconds for another
    process's write lock; ``sqlite:///FILE?timeout=SECONDS`` sets another wait.

    Raises:
        StorageError: the database cannot be reached or upgraded
            (:class:`DatabaseLocked` when another process holds SQLite's write
            lock longer than the busy timeout; this applies to every later
            operation too).
        InputError: ``create=False`` and the SQLite file does not exist.
    """

    def __init__(self, url: str | None = None, *, migrate: bool = True, echo: bool = False, create: bool = True) -> None:
        self.url = resolve_url(url)
        kw: dict[str, Any] = {}
        try:
            from sqlalchemy.engine import make_url

            u = make_url(self.url)
            if u.get_backend_name() == "sqlite":
                self._sqlite_file = u.database if u.database and u.database != ":memory:" and not u.database.startswith("file:") else None
                if "timeout" not in u.query:
                    kw["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT_S}
            else:
                self._sqlite_file = None
        except Exception as exc:  # an unparseable URL
            raise StorageError(f"cannot open database {self._safe_url()}: {exc}") from exc
        if not create and self._sqlite_file is not None and not os.path.isfile(self._sqlite_file):
            from khabar.errors import InputError

            if os.path.isdir(self._sqlite_file):
                raise InputError(self._sqlite_file, "is a folder, not a database file; give the database file with --db")
            raise InputError(self._sqlite_file, f"no such database file (this command does not create one); check --db, or create a database with khabar ingest SOURCES --db {self._sqlite_file}")
        try:
            self.engine: Engine = create_engine(self.url, echo=echo, future=True, json_serializer=json_dumps, **kw)
        except Exception as exc:  # bad URL, missing driver
            raise StorageError(f"cannot open database {self._safe_url()}: {exc}") from exc
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
            event.listen(self.engine, "handle_error", self._sqlite_locked)
        self._sources: dict[str, int] = {}
        if migrate:
            self.upgrade()

    def _sqlite_locked(self, ctx: Any) -> "DatabaseLocked | None":
        """``handle_error`` hook: SQLite's "database is locked" (busy timeout spent) becomes :class:`DatabaseLocked`."""
        import sqlite3

        exc = ctx.original_exception
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
            return DatabaseLocked(f"database {self._sqlite_file or self._safe_url()} is locked by another process; try again or use PostgreSQL for concurrent writers")
        return None

    def _safe_url(self) -> str:
        try:
            from sqlalchemy.engine import make_url

            return make_url(self.url).render_as_string(hide_password=True)
        except Exception:
            return "<database url>"

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def upgrade(self) -> None:
        """Bring the schema to the newest revision (Alembic)."""
        from khabar.store.migrate import current_revision, head_revision, upgrade

        try:
            if current_revision(self.engine) != head_revision():
                upgrade(self.engine)
        except SQLAlchemyError as exc:
            raise StorageError(f"cannot open or upgrade database {self._safe_url()}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}") from exc

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ runs
    def begin_run(self, config: Mapping[str, Any], command: str = "") -> int:
        """Record the start of an ingest run with its effective settings; returns the run id."""
        with self.engine.begin() as c:
            res = c.execute(insert(S.runs).values(started_at=_now(), command=command, config=dict(config), ok=0, skipped=0, failed=0, status="running"))
            return int(res.inserted_primary_key[0])  # type: ignore[index]

    def finish_run(self, run_id: int, *, ok: int, skipped: int, failed: int, status: str = "done") -> None:
        """Record a run's end and its counts."""
        with self.engine.begin() as c:
            c.execute(update(S.runs).where(S.runs.c.id == run_id).values(finished_at=_now(), ok=ok, skipped=skipped, failed=failed, status=status))

    def add_error(self, origin: str, reason: str, *, run_id: int | None = None, stage: str = "read", url: str | None = None) -> None:
        """Record a document that failed (``stage``: read, fetch, extract, store)."""
        with self.engine.begin() as c:
            c.execute(insert(S.errors).values(run_id=run_id, origin=origin[:4000], url=url, stage=stage, reason=reason, created_at=_now()))

    # ---------------------------------------------------------------- lookup
    def seen(self, *, url: str | None = None, text_hash: str | None = None) -> str | None:
        """The id of a stored document with this URL or normalized-text hash, else ``None``."""
        conds = []
        if url:
            conds.append(S.documents.c.url == _clean_url(url))
        if text_hash:
            conds.append(S.documents.c.text_hash == text_hash)
        if not conds:
            return None
        from sqlalchemy import or_

        with self.engine.connect() as c:
            row = c.execute(select(S.documents.c.id).where(or_(*conds)).limit(1)).first()
        return None if row is None else str(row[0])

    def stored_by_run(self, run_id: int, doc_ids: Iterable[str]) -> set[str]:
        """Those of ``doc_ids`` that run ``run_id`` stored (one query per 500 ids).

        The ingest runner uses it to tell copies within one run ("duplicates
        within this run") from documents stored by an earlier run ("already stored").
        """
        ids = sorted(set(doc_ids))
        d = S.documents
        out: set[str] = set()
        with self.engine.connect() as c:
            for i in range(0, len(ids), 500):
                out.update(str(x) for (x,) in c.execute(select(d.c.id).where(d.c.run_id == run_id).where(_in(c, d.c.id, ids[i : i + 500]))))
        return out

    def count(self, table: str) -> int:
        """Number of rows in one table (``documents``, ``events``, ``errors`` …)."""
        t = S.metadata.tables[table]
        with self.engine.connect() as c:
            return int(c.execute(select(func.count()).select_from(t)).scalar_one())

    # ----------------------------------------------------------------- write
    def _candidates(self, c: Any, keys: Any) -> Iterator[tuple[list[str], list[int], Any]]:
        """Stored documents sharing an LSH band key with ``keys``, in id order, in chunks of at most :data:`CANDIDATE_CHUNK`.

        Yields ``(ids, story ids, signature matrix)`` per chunk. One query (the
        ``lsh_bands`` primary key finds the documents, whose signatures come
        from ``documents.minhash``), read incrementally (a server-side cursor on
        PostgreSQL), so the memory of a batch's candidate check is bounded by
        the chunk, not by how many stored documents are candidates (on a corpus
        of formulaic articles that is a fixed share of everything stored).
        """
        import numpy as np

        from khabar.store.dedup import NUM_PERM

        flat = sorted({int(k) for k in keys.ravel()})
        if not flat:
            return
        if c.dialect.name == "postgresql":
            sql = ("SELECT d.id, d.story_id, d.minhash FROM documents d WHERE d.id IN "
                   "(SELECT b.doc_id FROM lsh_bands b WHERE b.key = ANY(%s::bigint[])) ORDER BY d.id")
            res = c.exec_driver_sql(sql, (flat,), execution_options={"stream_results": True, "max_row_buffer": CANDIDATE_CHUNK})
        else:
            sql = ("SELECT d.id, d.story_id, d.minhash FROM documents d WHERE d.id IN "
                   "(SELECT b.doc_id FROM lsh_bands b WHERE b.key IN (SELECT value FROM json_each(?))) ORDER BY d.id")
            res = c.exec_driver_sql(sql, (json.dumps(flat),))
        try:
            while True:
                rows = res.fetchmany(CANDIDATE_CHUNK)
                if not rows:
                    return
                rows = [r for r in rows if r[2] is not None and r[1] is not None]
                if rows:
                    mat = np.frombuffer(b"".join([bytes(r[2]) for r in rows]), dtype="<u8").astype(np.uint64).reshape(-1, NUM_PERM)
                    yield [str(r[0]) for r in rows], [int(r[1]) for r in rows], mat
        finally:
            res.close()

    def _source_id(self, c: Any, name: str | None) -> int | None:
        if not name:
            return None
        if name in self._sources:
            return self._sources[name]
        row = c.execute(select(S.sources.c.id).where(S.sources.c.name == name)).first()
        if row is None:
            with c.begin_nested():
                try:
                    row = (c.execute(insert(S.sources).values(name=name)).inserted_primary_key[0],)
                except IntegrityError:
                    row = None
            if row is None:
                row = c.execute(select(S.sources.c.id).where(S.sources.c.name == name)).first()
        self._sources[name] = int(row[0])  # type: ignore[index]
        return self._sources[name]

    def seen_many(self, urls: Iterable[str | None], hashes: Iterable[str]) -> tuple[dict[str, str], dict[str, str]]:
        """Stored documents among ``urls`` and normalized-text ``hashes``: ``({url: doc_id}, {hash: doc_id})``.

        One query per 500 keys (URLs are cleaned of fragments as in :meth:`seen`).
        """
        d = S.documents
        us = sorted({u for u in (_clean_url(x) for x in urls) if u})
        hs = sorted(set(hashes))
        by_url: dict[str, str] = {}
        by_hash: dict[str, str] = {}
        with self.engine.connect() as c:
            for i in range(0, len(us), 500):
                by_url.update((str(u), str(i_)) for i_, u in c.execute(select(d.c.id, d.c.url).where(_in(c, d.c.url, us[i : i + 500]))))
            for i in range(0, len(hs), 500):
                by_hash.update((str(h), str(i_)) for i_, h in c.execute(select(d.c.id, d.c.text_hash).where(_in(c, d.c.text_hash, hs[i : i + 500]))))
        return by_url, by_hash

    def add_record(
        self,
        record: Mapping[str, Any],
        *,
        run_id: int | None = None,
        origin: str | None = None,
        minhash: bytes | None = None,
        hash_: str | None = None,
    ) -> WriteResult:
        """Store one document record (``Document.to_dict()``) in one transaction.

        Args:
            record: the SPEC JSON record (tokens, if present, are not stored).
            run_id: the ingest run (:meth:`begin_run`).
            origin: where the document came from (path, URL, ``file.warc.gz#12``).
            minhash, hash_: precomputed :func:`~khabar.store.dedup.signature` and
                :func:`~khabar.store.dedup.text_hash` (computed when omitted).

        Returns:
            :class:`WriteResult`; ``duplicate`` when the URL or normalized text
            is already stored (nothing is written then).

        Raises:
            StorageError: the database refused the write.
        """
        return self.add_records([{"record": record, "origin": origin, "minhash": minhash, "hash": hash_}], run_id=run_id)[0]

    def add_records(self, items: Sequence[Mapping[str, Any]], *, run_id: int | None = None) -> list[WriteResult]:
        """Store a batch of document records in one transaction (all of them, or none).

        Each item is ``{"record": <Document.to_dict()>, "origin": str | None,
        "minhash": bytes | None, "hash": str | None, "rows": dict | None}`` (the
        ``ok`` results of :func:`khabar.ingest.runner.process_item` have this
        shape; ``rows`` is :func:`prepare_rows` of the record, computed here
        when absent). Documents
        whose URL or normalized-text hash is already stored, or appears earlier
        in the batch, are ``duplicate`` and write nothing. Every table gets one
        multi-row statement per batch (stories and corpus events one insert and
        one update each), instead of ~15 statements per document.

        If the database refuses the batch (a concurrent writer stored one of
        its documents first, or one document has a bad row), it is rolled back
        and written again document by document, so one bad document costs no
        other: it comes back as ``failed`` with the reason in ``error``.

        Returns:
            One :class:`WriteResult` per item, in order.

        Raises:
            StorageError: the database refused a batch of one document.
        """
        if not items:
            return []
        recs = [it["record"] for it in items]
        urls = [_clean_url((r.get("meta") or {}).get("url")) for r in recs]
        hashes = [it.get("hash") or text_hash(r["text"]) for it, r in zip(items, recs)]
        by_url, by_hash = self.seen_many(urls, hashes)
        results: list[WriteResult | None] = [None] * len(items)
        keep: list[int] = []
        for i, (r, u, h) in enumerate(zip(recs, urls, hashes)):
            dup = (by_url.get(u) if u else None) or by_hash.get(h)
            if dup is not None:
                results[i] = WriteResult("duplicate", r["id"], duplicate_of=dup)
                continue
            if u:
                by_url[u] = r["id"]
            by_hash[h] = r["id"]
            keep.append(i)
        if keep:
            sigs = {i: items[i].get("minhash") or signature(recs[i]["text"]) for i in keep}
            try:
                with self.engine.begin() as c:
                    stories = self._write_batch(c, [(recs[i], urls[i], hashes[i], sigs[i], items[i].get("origin")) for i in keep], run_id, [items[i].get("rows") for i in keep])
            except SQLAlchemyError as exc:
                self._sources = {}
                if len(keep) > 1:  # a concurrent writer stored some first, or one document is refused: one by one
                    for i in keep:
                        try:
                            results[i] = self.add_records([items[i]], run_id=run_id)[0]
                        except StorageError as exc1:
                            results[i] = WriteResult("failed", recs[i]["id"], error=str(exc1))
                    return results  # type: ignore[return-value]
                i = keep[0]
                if isinstance(exc, IntegrityError):
                    dup = self.seen(url=urls[i], text_hash=hashes[i])
                    if dup is not None:
                        results[i] = WriteResult("duplicate", recs[i]["id"], duplicate_of=dup)
                        return results  # type: ignore[return-value]
                    raise StorageError(f"document {recs[i]['id']}: the database refused the write (integrity error)") from None
                raise StorageError(f"document {recs[i]['id']}: the database refused the write: {str(exc).splitlines()[0]}") from exc
            for i, sid in zip(keep, stories):
                results[i] = WriteResult("stored", recs[i]["id"], story_id=sid)
        return results  # type: ignore[return-value]

    def _write_batch(self, c: Any, docs: list[tuple[Mapping[str, Any], str | None, str, bytes, str | None]], run_id: int | None, prepared: Sequence[Mapping[str, Any] | None]) -> list[int]:
        """Write new documents ``(record, clean url, hash, signature, origin)``; returns each one's story id.

        ``prepared``: each document's :func:`prepare_rows` (``None``: computed here).
        """
        import numpy as np

        from khabar.store.dedup import NUM_PERM

        now = _now()
        # stories: the most similar LSH candidate (stored, or earlier in this batch) at or above the
        # threshold, else a new story; stored candidates of the whole batch come from one query
        mat = np.frombuffer(b"".join(bytes(d[3]) for d in docs), dtype="<u8").astype(np.uint64).reshape(-1, NUM_PERM)
        keys = band_keys(mat)
        mat32 = mat.astype(np.uint32)  # affine32 values fit in 32 bits: half the bytes to compare
        # the best stored candidate of each document: (similarity, doc id, story id); chunks come in
        # id order, so a later chunk wins only with a higher similarity (ties go to the smallest id)
        stored_best: list[tuple[float, str, int] | None] = [None] * len(docs)
        for c_ids, c_story, c_mat in self._candidates(c, keys):
            c_rows = candidate_rows(keys, band_keys(c_mat))
            c_mat = c_mat.astype(np.uint32)
            for j, rows in enumerate(c_rows):  # each document's own LSH candidates
                if len(rows):
                    hit = match_in(mat32[j], c_mat[rows])
                    if hit is not None and (stored_best[j] is None or hit[1] > stored_best[j][0]):  # type: ignore[index]
                        r = int(rows[hit[0]])
                        stored_best[j] = (hit[1], c_ids[r], c_story[r])
        story_of: list[int] = []  # real id (> 0) or placeholder (< 0) of a story new in this batch
        new_rows: list[dict[str, Any]] = []
        grow: dict[int, int] = {}
        id_order = np.array(sorted(range(len(docs)), key=lambda k: docs[k][0]["id"]), dtype=np.int64)
        for j, (rec, _u, _h, _sig, _o) in enumerate(docs):
            best = stored_best[j]
            if j:  # earlier documents of this batch, in id order (ties go to the smallest id, as for stored ones)
                order = id_order[id_order < j]
                h2 = match_in(mat32[j], mat32[order])
                if h2 is not None:
                    k = int(order[h2[0]])
                    cand = (h2[1], docs[k][0]["id"], story_of[k])
                    if best is None or cand[0] > best[0] or (cand[0] == best[0] and cand[1] < best[1]):
                        best = cand
            if best is not None:
                sid = best[2]
                if sid > 0:
                    grow[sid] = grow.get(sid, 0) + 1
                else:
                    new_rows[-sid - 1]["size"] += 1
            else:
                new_rows.append({"first_doc_id": rec["id"], "title": (rec.get("meta") or {}).get("title"), "size": 1, "created_at": now})
                sid = -len(new_rows)
            story_of.append(sid)
        real: dict[int, int] = {}
        if new_rows:
            real = {-(k + 1): i for k, i in enumerate(_insert_with_ids(c, S.stories, new_rows, ("first_doc_id",)))}
        if grow:
            c.execute(
                update(S.stories).where(S.stories.c.id == bindparam("sid")).values(size=S.stories.c.size + bindparam("inc")),
                [{"sid": s, "inc": n} for s, n in grow.items()],
            )
        new_story = {v for v in real.values()}
        story_ids = [real.get(s, s) for s in story_of]

        doc_rows = [self._document_row(c, rec, url=u, th=h, sig=sig, story_id=sid, run_id=run_id, origin=o, now=now) for (rec, u, h, sig, o), sid in zip(docs, story_ids)]
        # rows go in primary-key order (document ids are hashes, so batch order is random order):
        # each B-tree is walked once, left to right, touching each page once
        doc_rows.sort(key=_by_id)
        _bulk_insert(c, S.documents, doc_rows)
        # in key order: the inserts walk the (key, doc_id) B-tree once, left to right, instead of at random
        _bulk_insert(c, S.lsh_bands, [{"key": k, "doc_id": d} for k, d in sorted((k, rec["id"]) for (rec, *_), ks in zip(docs, keys.tolist()) for k in ks)])
        preps = [prep if prep is not None else prepare_rows(rec) for (rec, *_), prep in zip(docs, prepared)]
        by_doc = [p for _, p in sorted(zip((d[0]["id"] for d in docs), preps), key=_first)]
        for name, table in (("sentences", S.sentences), *_SPAN_TABLES.items()):
            _bulk_insert(c, table, [r for p in by_doc for r in p[name]])
        self._write_events(c, [(p, sid) for p, sid in zip(preps, story_ids)], new_story)
        return story_ids

    def _document_row(self, c: Any, record: Mapping[str, Any], *, url: str | None, th: str, sig: bytes, story_id: int, run_id: int | None, origin: str | None, now: dt.datetime) -> dict[str, Any]:
        meta = record.get("meta") or {}
        published = meta.get("published")
        extra = {k: v for k, v in record.items() if k not in _RECORD_KEYS}
        meta_extra = {k: v for k, v in meta.items() if k not in _META_KEYS}
        if meta_extra:
            extra["__meta__"] = meta_extra
        if meta.get("url") != url:
            extra["__url__"] = meta.get("url")
        return {
            "id": record["id"],
            "url": url,
            "text_hash": th,
            "text": record["text"],
            "title": meta.get("title"),
            "source_id": self._source_id(c, meta.get("source")),
            "published": dt.date.fromisoformat(published) if published else None,
            "language": record.get("language", "ar"),
            "story_id": story_id,
            "run_id": run_id,
            "origin": origin,
            "ingested_at": now,
            "n_events": len(record.get("events") or ()),
            "minhash": sig,
            "extra": extra or None,
        }

    def _write_events(self, c: Any, docs: list[tuple[Mapping[str, Any], int]], new_story: set[int]) -> None:
        """Events, arguments and corpus-event membership of a batch (prepared rows, story ids); fuses same-story events."""
        ce = S.corpus_events
        wanted: dict[tuple[int, str], dict[str, Any]] = {}  # (story, fuse key) -> new corpus-event row (n_docs: documents of this batch)
        for prep, sid in docs:
            for fk, fuse in prep["fuse"].items():
                row = wanted.get((sid, fk))
                if row is None:
                    wanted[(sid, fk)] = {**fuse, "story_id": sid, "fuse_key": fk, "n_docs": 1}
                else:
                    row["n_docs"] += 1
        if not wanted:
            return
        fused: dict[tuple[int, str], int] = {}
        old = sorted({s for s, _ in wanted if s not in new_story})
        if old:
            keys = sorted({fk for s, fk in wanted if s not in new_story})
            for i in range(0, len(keys), 500):
                q = select(ce.c.id, ce.c.story_id, ce.c.fuse_key).where(_in(c, ce.c.story_id, old), _in(c, ce.c.fuse_key, keys[i : i + 500]))
                for cid, s, fk in c.execute(q):
                    if (int(s), fk) in wanted:
                        fused[(int(s), fk)] = int(cid)
            if fused:
                c.execute(
                    update(ce).where(ce.c.id == bindparam("cid")).values(n_docs=ce.c.n_docs + bindparam("inc")),
                    [{"cid": cid, "inc": wanted[sk]["n_docs"]} for sk, cid in fused.items()],
                )
        rows = [r for sk, r in wanted.items() if sk not in fused]
        if rows:
            ids = _insert_with_ids(c, ce, rows, ("story_id", "fuse_key"))
            fused.update({(r["story_id"], r["fuse_key"]): i for r, i in zip(rows, ids)})
        ev_rows, arg_rows, members = [], [], []
        for prep, sid in docs:
            for ev in prep["events"]:
                cid = fused[(sid, ev["fuse_key"])]
                ev["corpus_event_id"] = cid  # in place: the inserts take the table's columns only (``fuse_key`` is not one)
                ev_rows.append(ev)
                members.append({"corpus_event_id": cid, "doc_id": ev["doc_id"], "event_id": ev["local_id"]})
            arg_rows += prep["arguments"]
        ev_rows.sort(key=_by_doc_id)  # primary-key order (stable: a document's events stay in order)
        arg_rows.sort(key=_by_doc_id)
        members.sort(key=_by_member)
        _bulk_insert(c, S.events, ev_rows)
        _bulk_insert(c, S.event_arguments, arg_rows)
        _bulk_insert(c, S.corpus_event_members, members)

    # ------------------------------------------------------------------ read
    def get_record(self, doc_id: str) -> dict[str, Any] | None:
        """The stored document as its ``Document.to_dict()`` JSON record (without tokens); ``None`` if absent."""
        d = S.documents
        with self.engine.connect() as c:
            row = c.execute(select(d, S.sources.c.name.label("source_name")).outerjoin(S.sources, d.c.source_id == S.sources.c.id).where(d.c.id == doc_id)).mappings().first()
            if row is None:
                return None
            extra = dict(row["extra"] or {})
            meta_extra = extra.pop("__meta__", {})
            url = extra.pop("__url__", row["url"])
            out: dict[str, Any] = {
                "id": row["id"],
                "text": row["text"],
                "language": row["language"],
                "meta": {
                    "title": row["title"],
                    "url": url,
                    "source": row["source_name"],
                    "published": row["published"].isoformat() if row["published"] else None,
                    **meta_extra,
                },
                "sentences": [
                    {"start": s, "end": e}
                    for s, e in c.execute(select(S.sentences.c.start, S.sentences.c.end).where(S.sentences.c.doc_id == doc_id).order_by(S.sentences.c.idx))
                ],
            }
            for kind, table in _SPAN_TABLES.items():
                out[kind] = [r[0] for r in c.execute(select(table.c.data).where(table.c.doc_id == doc_id).order_by(table.c.ord))]
            out["events"] = [r[0] for r in c.execute(select(S.events.c.data).where(S.events.c.doc_id == doc_id).order_by(S.events.c.ord))]
        out.update(extra)
        return out

    def documents(self, page: int = 1, per_page: int = 50) -> list[dict[str, Any]]:
        """One page (1-based) of stored documents, newest first: id, url, title, outlet, published, story, events."""
        d = S.documents
        q = (
            select(d.c.id, d.c.url, d.c.title, S.sources.c.name.label("outlet"), d.c.published, d.c.story_id, d.c.n_events, d.c.ingested_at)
            .outerjoin(S.sources, d.c.source_id == S.sources.c.id)
            .order_by(d.c.ingested_at.desc(), d.c.id)
            .limit(per_page)
            .offset(max(page - 1, 0) * per_page)
        )
        with self.engine.connect() as c:
            rows = [dict(r) for r in c.execute(q).mappings()]
        for r in rows:
            r["published"] = r["published"].isoformat() if r["published"] else None
            r["ingested_at"] = r["ingested_at"].isoformat()
            r["outlet"] = r["outlet"] or _domain(r["url"])
        return rows

    def iter_events(self, filters: EventFilter | None = None) -> Iterator[dict[str, Any]]:
        """Stream event rows (columns :data:`khabar.store.rows.COLUMNS`) that pass ``filters``.

        Rows come ordered by document and event; memory holds one document at a time.
        """
        from khabar.store.rows import COLUMNS, rows_for_record

        f = filters or EventFilter()
        e, d = S.events, S.documents
        q = (
            select(e.c.doc_id, e.c.local_id, e.c.day, e.c.corpus_event_id, d.c.url, d.c.story_id, d.c.title, S.sources.c.name.label("outlet"))
            .join(d, d.c.id == e.c.doc_id)
            .outerjoin(S.sources, d.c.source_id == S.sources.c.id)
            .order_by(e.c.doc_id, e.c.ord)
        )
        if f.since:
            q = q.where(e.c.day >= f.since)
        if f.until:
            q = q.where(e.c.day <= f.until)
        if f.type:
            q = q.where(e.c.type == f.type.upper())
        if f.country:
            q = q.where(e.c.countries.like(f"% {f.country.upper()} %"))
        if f.actor:
            from sqlalchemy import or_

            needle = f.actor.lower()
            q = q.where(or_(e.c.actors.like(f"%{needle}%"), e.c.actors.like(f"%{_norm(f.actor)}%")))
        if f.text:
            q = q.where(e.c.sentence_norm.like(f"%{_norm(f.text)}%"))
        if f.doc_id:
            q = q.where(e.c.doc_id == f.doc_id)
        if f.limit:
            q = q.limit(f.limit)
        cache: tuple[str, dict[str, dict[str, Any]]] | None = None
        with self.engine.connect() as c:
            for r in c.execution_options(stream_results=True, yield_per=500).execute(q).mappings():
                if cache is None or cache[0] != r["doc_id"]:
                    rec = self.get_record(r["doc_id"])
                    cache = (r["doc_id"], rows_for_record(rec) if rec else {})
                base = cache[1].get(r["local_id"])
                if base is None:
                    continue
                extra = {
                    "event_day": r["day"].isoformat() if r["day"] else None,
                    "outlet": r["outlet"] or _domain(r["url"]),
                    "title": r["title"],
                    "story_id": r["story_id"],
                    "corpus_event_id": r["corpus_event_id"],
                }
                row = {**base, **extra}
                yield {k: row.get(k) for k in COLUMNS}

    def corpus_events(self, story_id: int | None = None) -> list[dict[str, Any]]:
        """Fused corpus-level events with the documents that report each (``docs``: list of doc ids)."""
        ce, m = S.corpus_events, S.corpus_event_members
        q = select(ce).order_by(ce.c.id)
        if story_id is not None:
            q = q.where(ce.c.story_id == story_id)
        with self.engine.connect() as c:
            out = [dict(r) for r in c.execute(q).mappings()]
            for r in out:
                r["docs"] = sorted({x for (x,) in c.execute(select(m.c.doc_id).where(m.c.corpus_event_id == r["id"]))})
        return out

    def stories(self) -> list[dict[str, Any]]:
        """Every story cluster with its document ids."""
        with self.engine.connect() as c:
            out = [dict(r) for r in c.execute(select(S.stories).order_by(S.stories.c.id)).mappings()]
            docs: dict[int, list[str]] = {}
            for did, sid in c.execute(select(S.documents.c.id, S.documents.c.story_id).order_by(S.documents.c.id)):
                docs.setdefault(sid, []).append(did)
        for r in out:
            r["docs"] = docs.get(r["id"], [])
        return out

    def errors(self, run_id: int | None = None) -> list[dict[str, Any]]:
        """Error rows (origin, url, stage, reason), oldest first."""
        q = select(S.errors).order_by(S.errors.c.id)
        if run_id is not None:
            q = q.where(S.errors.c.run_id == run_id)
        with self.engine.connect() as c:
            return [dict(r) for r in c.execute(q).mappings()]

    def runs(self) -> list[dict[str, Any]]:
        """Every ingest run with its settings and counts."""
        with self.engine.connect() as c:
            return [dict(r) for r in c.execute(select(S.runs).order_by(S.runs.c.id)).mappings()]


# ---------------------------------------------------------------------- helpers
#: One reused encoder for every JSON column: no spaces after separators (about a tenth fewer bytes to
#: write than ``json.dumps``) and no encoder built per call. ASCII output (``\uXXXX`` escapes) is kept:
#: measured, UTF-8 output (``ensure_ascii=False``) is smaller but slower to encode and to hand to the
#: drivers. Values read back are the same (``json.loads``).
_JSON_ENCODER = json.JSONEncoder(separators=(",", ":"))


def json_dumps(value: Any) -> str:
    """The JSON text stored for ``value`` in a JSON column (compact; SQLAlchemy's ``json_serializer``, psycopg's ``Json`` dumps)."""
    return _JSON_ENCODER.encode(value)


_by_id = itemgetter("id")
_by_doc_id = itemgetter("doc_id")
_by_member = itemgetter("corpus_event_id", "doc_id", "event_id")
_first = itemgetter(0)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _sqlite_pragmas(dbapi_conn: Any, _rec: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")  # the busy timeout is sqlite3's ``timeout`` (Store.__init__)
    cur.close()


def _clean_url(url: str | None) -> str | None:
    if not url:
        return None
    return urldefrag(url.strip())[0] or None


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else (host or None)


def _day(date_value: str | None, published: str | None) -> dt.date | None:
    if date_value and len(date_value) == 10 and date_value[4] == "-":
        try:
            return dt.date.fromisoformat(date_value)
        except ValueError:
            pass
    return dt.date.fromisoformat(published) if published else None


def _span_rows(kind: str, doc_id: str, xs: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The rows of one record table for a document: one dict literal per row (this runs for every
    entity, timex, quantity, quote and attribution of every ingested document)."""
    if kind == "entities":
        return [{"doc_id": doc_id, "ord": i, "local_id": x["id"], "start": x.get("start"), "end": x.get("end"), "text": x.get("text"), "data": x,
                 "label": x.get("label"), "kb": x.get("kb"), "canonical": (x.get("canonical") or "")[:300], "name_en": x.get("name_en"),
                 "country": x.get("country")} for i, x in enumerate(xs)]
    if kind == "timexes":
        return [{"doc_id": doc_id, "ord": i, "local_id": x["id"], "start": x.get("start"), "end": x.get("end"), "text": x.get("text"), "data": x,
                 "type": x.get("type"), "value": x.get("value")} for i, x in enumerate(xs)]
    if kind == "quantities":
        return [{"doc_id": doc_id, "ord": i, "local_id": x["id"], "start": x.get("start"), "end": x.get("end"), "text": x.get("text"), "data": x,
                 "value": float(v) if isinstance(v := x.get("value"), (int, float)) else None, "unit": x.get("unit")} for i, x in enumerate(xs)]
    if kind == "quotes":
        return [{"doc_id": doc_id, "ord": i, "local_id": x["id"], "start": x.get("start"), "end": x.get("end"), "text": x.get("text"), "data": x,
                 "direct": bool(x.get("direct")), "speaker_text": (x.get("speaker") or {}).get("text"),
                 "speaker_entity": (x.get("speaker") or {}).get("entity")} for i, x in enumerate(xs)]
    if kind == "attributions":
        return [{"doc_id": doc_id, "ord": i, "local_id": x["id"], "start": x.get("start"), "end": x.get("end"), "text": x.get("text"), "data": x,
                 "source": x.get("source")} for i, x in enumerate(xs)]
    return [{"doc_id": doc_id, "ord": i, "local_id": x["id"], "start": x.get("start"), "end": x.get("end"), "text": x.get("text"), "data": x}
            for i, x in enumerate(xs)]


def _in(c: Any, col: Any, values: list[Any]) -> Any:
    """``col IN values`` as one parameter, so the SQL text is the same for any number of values.

    PostgreSQL: ``col = ANY(:array)`` (psycopg parses long IN lists slowly).
    SQLite: ``col IN (SELECT value FROM json_each(:json))``. A literal list
    gives another statement for every length, and sqlite3 keeps the last 128
    prepared statements per connection: a run's memory then grew with every
    batch of a new size.
    """
    if c.dialect.name == "postgresql":
        from sqlalchemy import any_
        from sqlalchemy.dialects.postgresql import ARRAY

        return col == any_(bindparam(None, list(values), type_=ARRAY(col.type)))
    from sqlalchemy import column, String

    return col.in_(select(column("value")).select_from(func.json_each(bindparam(None, json.dumps(list(values)), type_=String))))


def _insert_with_ids(c: Any, table: Any, rows: list[dict[str, Any]], unique: tuple[str, ...]) -> list[int]:
    """Insert ``rows`` into a table with a serial ``id``; returns the new ids in row order.

    ``unique``: columns whose values tell the rows apart (a unique key), to map
    returned ids back to rows. PostgreSQL: ids drawn from the table's sequence
    in one query, then :func:`_bulk_insert`. SQLite: multi-row ``INSERT …
    RETURNING id, <unique>`` (SQLite does not promise the order of
    ``RETURNING`` rows, so they are matched by ``unique``; SQLAlchemy's
    ordered variant sends one statement per row).
    """
    if not rows:
        return []
    if c.dialect.name == "postgresql" and len(rows) >= 8:
        from sqlalchemy import text

        q = text(f"SELECT nextval(pg_get_serial_sequence('{table.name}', 'id')) FROM generate_series(1, :n)")
        ids = [int(x) for (x,) in c.execute(q, {"n": len(rows)})]
        _bulk_insert(c, table, [{**r, "id": i} for r, i in zip(rows, ids)])
        return ids
    if c.dialect.name == "sqlite":
        names, params = _sqlite_params(c, table, rows)
        cols = ", ".join(chr(34) + n + chr(34) for n in names)
        one = "(" + ", ".join("?" * len(names)) + ")"
        got: dict[tuple[Any, ...], int] = {}
        # statements of 64, 32, …, 1 rows: a handful of distinct SQL texts (sqlite3 caches prepared
        # statements per text; one text per row count made the cache, hence memory, grow run-long)
        i = 0
        while i < len(params):
            size = min(_RETURNING_ROWS, 1 << ((len(params) - i).bit_length() - 1))
            chunk = params[i : i + size]
            i += size
            sql = f"INSERT INTO {table.name} ({cols}) VALUES {', '.join([one] * len(chunk))} RETURNING id, {', '.join(unique)}"
            for row in c.exec_driver_sql(sql, tuple(v for p in chunk for v in p)):
                got[tuple(row[1:])] = int(row[0])
        return [got[tuple(r[k] for k in unique)] for r in rows]
    res = c.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows)
    return [int(x[0]) for x in res]


#: Most rows in one SQLite ``INSERT … RETURNING`` (64 × the widest table's 11 columns is far under
#: SQLite's 32,766 variables per statement).
_RETURNING_ROWS = 64

_SQLITE_BINDS: dict[tuple[str, tuple[str, ...]], tuple[Any, list[tuple[int, Any]]]] = {}


def _sqlite_params(c: Any, table: Any, rows: list[dict[str, Any]]) -> tuple[list[str], list[Any]]:
    """Column names and one parameter tuple per row, each value bound as SQLAlchemy would (its bind processor)."""
    from operator import itemgetter

    keys = tuple(rows[0].keys())
    hit = _SQLITE_BINDS.get((table.name, keys))
    cols = [col for col in table.columns if col.name in keys]
    names = [col.name for col in cols]
    if hit is None:
        from sqlalchemy import JSON

        # JSON columns: the encoder itself (SQLAlchemy's processor wraps the same ``json_serializer``
        # call in NULL checks that never apply to these rows: ``None`` is stored as ``null`` either way)
        procs = [(i, p) for i, p in enumerate(_JSON_ENCODER.encode if isinstance(col.type, JSON) and not col.type.none_as_null
                                               and c.dialect._json_serializer is json_dumps else col.type._cached_bind_processor(c.dialect)
                                               for col in cols) if p is not None]
        hit = (itemgetter(*names) if len(names) > 1 else (lambda r, n=names[0]: (r[n],)), procs)
        _SQLITE_BINDS[(table.name, keys)] = hit
    get, procs = hit
    if not procs:
        return names, [get(r) for r in rows]
    params = []
    for r in rows:
        t = list(get(r))
        for i, p in procs:
            t[i] = p(t[i])
        params.append(tuple(t))
    return names, params


def _sqlite_executemany(c: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    """``INSERT`` ``rows`` into ``table`` through sqlite3's ``executemany``, values bound as SQLAlchemy would."""
    names, params = _sqlite_params(c, table, rows)
    sql = f'INSERT INTO {table.name} ({", ".join(chr(34) + n + chr(34) for n in names)}) VALUES ({", ".join("?" * len(names))})'
    c.exec_driver_sql(sql, params)


def _bulk_insert(c: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table`` inside ``c``'s transaction.

    Keys that are not columns of ``table`` are ignored (an event row carries its ``fuse_key``).

    PostgreSQL: one ``COPY … FROM STDIN`` through psycopg 3 (JSON columns
    wrapped as ``Json``), several times faster than psycopg's pipelined
    row-by-row ``executemany``; columns not in the rows take their server
    default (none of the record tables has a Python-side default that the
    rows omit). SQLite: one driver-level ``executemany`` with each column's
    SQLAlchemy bind processor applied (the same stored values as
    ``insert(table)``, without SQLAlchemy's per-row parameter handling), whatever
    the number of rows (one SQL text per table and key set).
    """
    if not rows:
        return
    if c.dialect.name == "sqlite":
        _sqlite_executemany(c, table, rows)
        return
    if c.dialect.name != "postgresql" or len(rows) < 8:
        cols = table.columns
        c.execute(insert(table), [{k: v for k, v in r.items() if k in cols} for r in rows] if any(k not in cols for k in rows[0]) else rows)
        return
    from psycopg.types.json import Json
    from sqlalchemy import JSON

    keys = rows[0].keys()
    cols = [col for col in table.columns if col.name in keys]
    js = [isinstance(col.type, JSON) for col in cols]
    names = [col.name for col in cols]
    import psycopg
    from sqlalchemy.exc import DBAPIError

    sql = f'COPY {table.name} ({", ".join(chr(34) + n + chr(34) for n in names)}) FROM STDIN'
    raw = c.connection.driver_connection
    try:
        with raw.cursor() as cur:
            with cur.copy(sql) as cp:
                for r in rows:
                    cp.write_row([Json(r[n], dumps=json_dumps) if j and r[n] is not None else r[n] for n, j in zip(names, js)])
    except psycopg.IntegrityError as exc:  # as SQLAlchemy reports it for an INSERT
        raise IntegrityError(sql, None, exc) from exc
    except psycopg.Error as exc:
        raise DBAPIError(sql, None, exc) from exc


def prepare_rows(record: Mapping[str, Any]) -> dict[str, Any]:
    """The store rows of one record that do not depend on the database: a plain, picklable dict.

    Computed where the document was extracted (a Dask worker), so the writing
    process only adds story and corpus-event ids. Keys: ``sentences``, the
    record-table names of ``_SPAN_TABLES`` (row dicts with ``doc_id``),
    ``events`` (event rows with their ``fuse_key``, without ``corpus_event_id``),
    ``arguments`` (event-argument rows) and ``fuse`` (``{fuse_key: corpus-event
    columns}`` for each distinct fuse key, first event first).
    """
    doc_id = record["id"]
    text = record["text"]
    sents = record.get("sentences") or []
    out: dict[str, Any] = {"sentences": [{"doc_id": doc_id, "idx": i, "start": s["start"], "end": s["end"]} for i, s in enumerate(sents)]}
    for kind in _SPAN_TABLES:
        out[kind] = _span_rows(kind, doc_id, record.get(kind) or ())
    ev_rows: list[dict[str, Any]] = []
    arg_rows: list[dict[str, Any]] = []
    fuse: dict[str, dict[str, Any]] = {}
    out.update(events=ev_rows, arguments=arg_rows, fuse=fuse)
    evs = record.get("events") or []
    if not evs:
        return out
    ents = {e["id"]: e for e in record.get("entities") or []}
    tx = {t["id"]: t for t in record.get("timexes") or []}
    published = (record.get("meta") or {}).get("published")
    sent_norm: dict[int, str] = {}
    for i, e in enumerate(evs):
        keys = event_keys(e, ents, tx)
        fk = keys["fuse_key"]
        fuse.setdefault(fk, {"type": e["type"], "event_date": keys["date"], "source_key": keys["source"], "target_key": keys["target"],
                             "place_key": keys["place"], "first_doc_id": doc_id})
        si = e.get("sentence")
        if si is not None and 0 <= si < len(sents):
            if si not in sent_norm:
                sent_norm[si] = _norm(text[sents[si]["start"] : sents[si]["end"]])
            norm = sent_norm[si]
        else:
            norm = _norm(e["trigger"]["text"])
        countries = {x for x in (keys["source_country"], keys["target_country"], keys["place_country"]) if x}
        ev_rows.append(
            {
                "doc_id": doc_id,
                "local_id": e["id"],
                "ord": i,
                "type": e["type"],
                "mode": e.get("mode"),
                "status": e.get("status"),
                "sentence": si,
                "trigger_start": e["trigger"]["start"],
                "trigger_end": e["trigger"]["end"],
                "trigger_text": e["trigger"]["text"],
                "event_date": keys["date"],
                "day": _day(keys["date"], published),
                "location": e.get("location"),
                "confidence": e.get("confidence"),
                "source_key": keys["source"],
                "target_key": keys["target"],
                "place_key": keys["place"],
                "countries": (" " + " ".join(sorted(countries)) + " ") if countries else None,
                "actors": keys["actors"],
                "sentence_norm": norm,
                "data": e,
                "fuse_key": fk,
            }
        )
        for role in ("source", "target"):
            a = e.get(role)
            if a:
                arg_rows.append({"doc_id": doc_id, "event_id": e["id"], "role": role, "ord": 0, "ref": a.get("entity"), "text": a.get("text"), "name_en": a.get("name_en"), "country": a.get("country"), "sector": a.get("sector")})
        if e.get("location"):
            loc = ents.get(e["location"]) or {}
            arg_rows.append({"doc_id": doc_id, "event_id": e["id"], "role": "location", "ord": 0, "ref": e["location"], "text": loc.get("text"), "name_en": loc.get("name_en"), "country": loc.get("country"), "sector": None})
        if e.get("date"):
            t = tx.get(e["date"]) or {}
            arg_rows.append({"doc_id": doc_id, "event_id": e["id"], "role": "date", "ord": 0, "ref": e["date"], "text": t.get("text"), "name_en": t.get("value"), "country": None, "sector": None})
        for j, q in enumerate(e.get("quantities") or ()):
            arg_rows.append({"doc_id": doc_id, "event_id": e["id"], "role": "quantity", "ord": j, "ref": q, "text": None, "name_en": None, "country": None, "sector": None})
    return out


def _actor_key(actor: Mapping[str, Any] | None, ents: Mapping[str, Mapping[str, Any]]) -> str | None:
    if not actor:
        return None
    ent = ents.get(actor.get("entity") or "") or {}
    key = ent.get("kb") or ent.get("canonical") or actor.get("name_en") or _norm(actor.get("text") or "")
    return str(key)[:300] or None


#: ``json.dumps(value, ensure_ascii=False)`` without building an encoder per call (the fuse-key text;
#: its SHA-1 is stored, so the text must stay exactly this).
_KEY_ENCODER = json.JSONEncoder(ensure_ascii=False)


def event_keys(e: Mapping[str, Any], ents: Mapping[str, Mapping[str, Any]], tx: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The identity of an event for fusion: type, source, target, place and date keys, and their hash.

    Actors and places are keyed by KB id, else canonical name, else English
    name, else normalized Arabic text; the date by its TIMEX3 value.
    """
    src, tgt = e.get("source"), e.get("target")
    loc = ents.get(e.get("location") or "") or {}
    place = (loc.get("kb") or loc.get("canonical") or _norm(loc.get("text") or "")) or None
    date = (tx.get(e.get("date") or "") or {}).get("value")
    if date is None and e.get("date_source") not in (None, "published"):
        date = e.get("date_value")  # a date the coder inferred from the clause (issue 7), not the publication date
    keys = {
        "source": _actor_key(src, ents),
        "target": _actor_key(tgt, ents),
        "place": place,
        "date": date,
        "source_country": (src or {}).get("country"),
        "target_country": (tgt or {}).get("country"),
        "place_country": loc.get("country"),
    }
    raw = _KEY_ENCODER.encode([e["type"], keys["source"], keys["target"], keys["place"], keys["date"]])  # = json.dumps(…, ensure_ascii=False)
    keys["fuse_key"] = hashlib.sha1(raw.encode("utf-8")).hexdigest()
    names = []
    for a in (src, tgt):
        if a:
            ent = ents.get(a.get("entity") or "") or {}
            names += [a.get("name_en") or "", _norm(a.get("text") or ""), ent.get("kb") or "", ent.get("canonical") or ""]
    keys["actors"] = " | ".join(n.lower() for n in names if n) or None
    return keys
