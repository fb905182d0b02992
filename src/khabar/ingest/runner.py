"""The ingest loop: sources → articles → extraction → store, with progress and error rows.

:func:`process_item` is the unit of work: a plain ``dict`` in (an
:class:`~khabar.ingest.sources.Item`), a plain ``dict`` out (the SPEC record
with its hashes, or an error), so it runs the same in this process or on a
Dask worker (:mod:`khabar.batch`). :func:`ingest` drives it: it streams
items, skips articles already stored (same URL or normalized-text hash)
before extracting them, writes documents in batches (``write_batch``
documents per transaction, or whatever is buffered after ``flush_s``
seconds), turns every failure into an error row, and returns the counts.

Resuming: a killed run leaves every batch (hence every document) either fully
stored or absent — at most one batch of extraction work is lost;
running the same command again stores exactly the missing ones.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Any

from khabar.errors import KhabarError, StorageError
from khabar.ingest.sources import Item

__all__ = ["Settings", "IngestSummary", "IngestInterrupted", "process_item", "ingest", "default_settings", "WRITE_BATCH"]

#: Default documents per write transaction. Per-batch costs (the LSH candidate query, whose hot
#: buckets are read once per batch, the commit, one statement per table) are shared by more
#: documents than at 100 (measured: ~15% less CPU outside extraction at N = 10,000); a killed run
#: still loses at most one batch, and never more than ``flush_s`` seconds, of extraction.
WRITE_BATCH = 250


def default_settings(**overrides: Any) -> dict[str, Any]:
    """The effective ingest settings (stored with each run).

    Keys: ``components`` (pipeline component names or ``None`` for all),
    ``published`` (fallback publication date ``YYYY-MM-DD`` for articles
    without one), ``engine`` (``local`` or ``dask``), ``batch_size``,
    ``timeout``, ``max_bytes``, ``delay``, ``khabar_version``; ``write_batch``
    (documents per write transaction) and ``flush_s`` (the longest an extracted
    document waits in the write buffer, seconds).
    """
    from khabar import __version__

    s: dict[str, Any] = {
        "components": None,
        "published": None,
        "engine": "local",
        "batch_size": 16,
        "write_batch": WRITE_BATCH,
        "flush_s": 5.0,
        "timeout": 20.0,
        "max_bytes": 10 * 1024 * 1024,
        "delay": 1.0,
        "khabar_version": __version__,
    }
    s.update({k: v for k, v in overrides.items() if v is not None})
    return s


Settings = dict  # settings travel as plain dicts (picklable, JSON-storable)


@lru_cache(maxsize=4)
def _pipeline(components: tuple[str, ...] | None) -> Any:
    from khabar.pipeline import default_pipeline

    return default_pipeline(list(components) if components is not None else None)


def process_item(item: Mapping[str, Any], settings: Mapping[str, Any]) -> dict[str, Any]:
    """Extract one article; never raises for a bad document.

    Args:
        item: an :class:`Item` as a dict (``Item.to_dict()``).
        settings: see :func:`default_settings`.

    Returns:
        ``{"ok": True, "record": <Document.to_dict()>, "hash": str, "minhash": bytes,
        "rows": <khabar.store.store.prepare_rows(record)>, "origin": str,
        "extract_s": float, "extract_cpu": float}`` (wall and CPU seconds of extraction) (the store rows are prepared here, so on Dask
        the workers do it and the writing client only inserts) or ``{"ok": False, "origin": str,
        "url": str | None, "stage": str, "reason": str}``.
    """
    from khabar.doc import Document, Meta
    from khabar.store.dedup import signature, text_hash

    origin = item["origin"]
    if item.get("error"):
        return {"ok": False, "origin": origin, "url": item.get("url"), "stage": item.get("stage") or "read", "reason": item["error"]}
    text = item.get("text") or ""
    if not text.strip():
        return {"ok": False, "origin": origin, "url": item.get("url"), "stage": "read", "reason": "empty after extraction: no article text"}
    t0 = time.perf_counter()
    c0 = time.process_time()
    try:
        pub = item.get("published") or settings.get("published")
        published = dt.date.fromisoformat(pub) if pub else None
        comps = settings.get("components")
        pipe = _pipeline(tuple(comps) if comps else None)
        doc = pipe(Document.new(text, Meta(title=item.get("title"), url=item.get("url"), source=item.get("site"), published=published)))
        record = doc.to_dict()
    except KhabarError as exc:
        return {"ok": False, "origin": origin, "url": item.get("url"), "stage": "extract", "reason": str(exc)}
    except Exception as exc:  # a component bug on one document must not stop a corpus run
        return {"ok": False, "origin": origin, "url": item.get("url"), "stage": "extract", "reason": f"{type(exc).__name__}: {exc}"}
    extract_s = time.perf_counter() - t0
    extract_cpu = time.process_time() - c0
    from khabar.store.store import prepare_rows

    return {"ok": True, "origin": origin, "record": record, "hash": item.get("hash") or text_hash(text), "minhash": signature(text),
            "rows": prepare_rows(record), "extract_s": extract_s, "extract_cpu": extract_cpu}


def _published_of(res: Mapping[str, Any]) -> str | None:
    """The publication date of an extraction result's record, if it has one."""
    rec = res.get("record") or {}
    meta = rec.get("meta") or {} if isinstance(rec, Mapping) else {}
    return meta.get("published") if isinstance(meta, Mapping) else None


@dataclass
class IngestSummary:
    """Counts of one run: ``ok`` stored, ``skipped`` already stored (by an earlier run or another
    process), ``duplicates`` copies of a document this run stored, ``failed`` error rows."""

    run_id: int
    ok: int = 0
    skipped: int = 0
    failed: int = 0
    duplicates: int = 0
    seconds: float = 0.0
    extract_s: float = 0.0
    #: CPU seconds of extraction (process time; robust to other jobs on the machine)
    extract_cpu: float = 0.0
    errors: list[tuple[str, str]] = field(default_factory=list)
    status: str = "done"
    #: extracted documents waiting in the write buffer (not yet counted as ok/skipped)
    pending: int = 0
    #: extracted documents dropped unwritten when the run was interrupted (a rerun stores them)
    unsaved: int = 0
    #: stored documents without a publication date (their relative dates are unresolved)
    undated: int = 0

    @property
    def total(self) -> int:
        return self.ok + self.skipped + self.duplicates + self.failed

    @property
    def docs_per_s(self) -> float:
        return self.total / self.seconds if self.seconds > 0 else 0.0

    @property
    def overhead_share(self) -> float:
        """Share of wall time not spent in extraction (reading, hashing, storing; local engine)."""
        return max(0.0, 1.0 - self.extract_s / self.seconds) if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id, "ok": self.ok, "skipped": self.skipped, "duplicates": self.duplicates, "failed": self.failed,
            "seconds": round(self.seconds, 3), "docs_per_s": round(self.docs_per_s, 2),
            "overhead_share": round(self.overhead_share, 4), "status": self.status, "unsaved": self.unsaved,
            "undated": self.undated,
        }


class IngestInterrupted(KeyboardInterrupt):
    """Ctrl-C (SIGINT) stopped an ingest run; ``summary`` holds its counts (``status == "interrupted"``).

    A :class:`KeyboardInterrupt`, so callers that stop on Ctrl-C still do. By the
    time it is raised the run row is marked ``interrupted`` and no write
    transaction is left open.
    """

    def __init__(self, summary: "IngestSummary") -> None:
        super().__init__("ingest interrupted")
        self.summary = summary


def _prefilter(items: Iterable[Item], store: Any, summary: IngestSummary, on_error: Callable[[Mapping[str, Any]], None], tick: Callable[[], None], chunk: int = 100) -> Iterator[dict[str, Any]]:
    """Items that still need extracting: errors are recorded, already-stored articles skipped.

    Items are looked up ``chunk`` at a time (one query for their URLs and one for
    their text hashes, :meth:`Store.seen_many`); the hash travels with the item so
    it is not computed again. Exact copies inside one chunk are extracted once.
    """
    from khabar.store.dedup import text_hash

    it = iter(items)
    while True:
        block = list(islice(it, chunk))
        if not block:
            return
        todo = []
        for x in block:
            if x.error is not None:
                on_error(process_item(x.to_dict(), {}))
                tick()
            elif x.text:
                todo.append((x, text_hash(x.text)))
            else:
                todo.append((x, None))
        by_url, by_hash = store.seen_many([x.url for x, _ in todo], [h for _, h in todo if h])
        # stored documents matched here that this run stored itself: their copies are duplicates within the run
        ours = store.stored_by_run(summary.run_id, [*by_url.values(), *by_hash.values()]) if (by_url or by_hash) and summary.ok else set()
        chunk_hashes: set[str] = set()
        for x, h in todo:
            if h is not None and (h in by_hash or h in chunk_hashes or (x.url and _clean(x.url) in by_url)):
                match = by_hash.get(h) or (by_url.get(_clean(x.url) or "") if x.url else None)
                if h in chunk_hashes or match in ours:
                    summary.duplicates += 1
                else:
                    summary.skipped += 1
                tick()
                continue
            if h is not None:
                chunk_hashes.add(h)
            d = x.to_dict()
            d["hash"] = h
            yield d


def _clean(url: str) -> str | None:
    from khabar.store.store import _clean_url

    return _clean_url(url)


def ingest(
    items: Iterable[Item],
    store: Any,
    settings: Mapping[str, Any],
    *,
    command: str = "",
    progress: Callable[[IngestSummary], None] | None = None,
    client: Any = None,
) -> IngestSummary:
    """Ingest ``items`` into ``store``.

    Args:
        items: from :func:`khabar.ingest.sources.iter_items`.
        store: a :class:`khabar.store.Store` (unused, may be ``None``, with
            ``settings["out"] == "parquet:DIR"``: see :func:`_ingest_to_parquet`).
        settings: :func:`default_settings`; ``engine == "dask"`` runs
            extraction on ``client`` (a ``distributed.Client``).
        command: the command line, stored with the run.
        progress: called after each document with the running summary.

    Returns:
        The run's :class:`IngestSummary` (also stored in ``runs``).

    Raises:
        StorageError: the database itself fails (a single document's
            integrity conflict is a skip, not an error);
            :class:`~khabar.store.store.DatabaseLocked` when another process
            holds a SQLite file's write lock past the busy timeout.
        IngestInterrupted: Ctrl-C (a :class:`KeyboardInterrupt`); the batch being
            written is rolled back, buffered documents are dropped, the run is
            marked ``interrupted`` and the exception carries the summary.
    """
    if settings.get("out"):
        return _ingest_to_parquet(items, settings, progress=progress, client=client)
    from khabar.store.store import DatabaseLocked
    run_id = store.begin_run(dict(settings), command=command)
    summary = IngestSummary(run_id=run_id)
    t0 = time.perf_counter()

    def tick() -> None:
        summary.seconds = time.perf_counter() - t0
        if progress is not None:
            progress(summary)

    def on_error(res: Mapping[str, Any]) -> None:
        store.add_error(res["origin"], res["reason"], run_id=run_id, stage=res["stage"], url=res.get("url"))
        summary.failed += 1
        if len(summary.errors) < 1000:
            summary.errors.append((res["origin"], res["reason"]))

    batch = max(1, int(settings.get("write_batch") or WRITE_BATCH))
    flush_s = float(settings.get("flush_s") or 5.0)
    buf: list[Mapping[str, Any]] = []
    last = [time.perf_counter()]

    def store_error(res: Mapping[str, Any], exc: Exception) -> None:
        on_error({"origin": res["origin"], "url": (res["record"].get("meta") or {}).get("url"), "stage": "store", "reason": str(exc)})

    def flush() -> None:
        if not buf:
            return
        try:
            written = store.add_records(buf, run_id=run_id)
        except DatabaseLocked:  # not this batch's fault: stop the run with one clear message
            raise
        except StorageError as exc:  # a batch of one (larger batches report refused documents as failed)
            for res in buf:
                store_error(res, exc)
            written = []
        dups = [w.duplicate_of for w in written if w.status == "duplicate" and w.duplicate_of]
        ours = {r["record"]["id"] for r in buf} | (store.stored_by_run(run_id, dups) if dups else set())
        for res, w in zip(buf, written):
            if w.status == "stored":
                summary.ok += 1
                if not _published_of(res):
                    summary.undated += 1
            elif w.status == "failed":
                store_error(res, StorageError(w.error or "the database refused the write"))
            elif w.duplicate_of in ours:  # a copy of a document this run stored (same text or URL)
                summary.duplicates += 1
            else:
                summary.skipped += 1
        summary.pending = 0
        buf.clear()
        last[0] = time.perf_counter()

    def on_result(res: Mapping[str, Any]) -> None:
        if not res["ok"]:
            on_error(res)
        else:
            summary.extract_s += res.get("extract_s", 0.0)
            summary.extract_cpu += res.get("extract_cpu", 0.0)
            buf.append(res)
            summary.pending = len(buf)
            if len(buf) >= batch or time.perf_counter() - last[0] >= flush_s:
                flush()
        tick()

    pending = _prefilter(items, store, summary, on_error, tick, chunk=batch)
    interrupted = False
    try:
        if settings.get("engine") == "dask":
            from khabar.batch.dask import run_on_dask

            for res in run_on_dask(pending, settings, client):
                on_result(res)
        else:
            for d in pending:
                on_result(process_item(d, settings))
        flush()
    except KeyboardInterrupt:
        interrupted = True
    if interrupted:
        # Nothing more is written but the run row. The batch being written, if any, was rolled back
        # with its connection; documents still buffered are not stored (running the same command
        # again stores them). Until the except block above is left, its traceback keeps the
        # interrupted statement's cursor alive, and with it that connection's write lock: any write
        # before this point (the old code flushed the buffer there) waited on itself for the busy
        # timeout, document after document. Cycles may still hold it, hence the collection.
        import gc

        gc.collect()
        summary.status = "interrupted"
        summary.unsaved = len(buf)
        summary.pending = 0
        buf.clear()
        summary.seconds = time.perf_counter() - t0
        try:
            store.finish_run(run_id, ok=summary.ok, skipped=summary.skipped + summary.duplicates, failed=summary.failed, status="interrupted")
        except StorageError:  # another process still holds the lock past the busy timeout: the row stays
            pass  # 'running', but the summary (counts, status) is still reported and the rerun resumes
        raise IngestInterrupted(summary)
    summary.seconds = time.perf_counter() - t0
    store.finish_run(run_id, ok=summary.ok, skipped=summary.skipped + summary.duplicates, failed=summary.failed, status=summary.status)
    return summary


def _ingest_to_parquet(items: Iterable[Item], settings: Mapping[str, Any], *, progress: Callable[[IngestSummary], None] | None = None, client: Any = None) -> IngestSummary:
    """``settings["out"] == "parquet:DIR"``: extract and write partitioned Parquet where extraction runs.

    Partitions of ``batch_size`` articles go to :func:`khabar.batch.dask.process_partition`
    (on the Dask workers, or in this process for the local engine), which writes
    ``DIR/{documents,events}/month=YYYY-MM/part-NNNNN.parquet`` and
    ``DIR/errors/part-NNNNN.parquet`` itself (:mod:`khabar.batch.parquet`); only
    counts and errors come back. No database is read or written, so nothing is
    skipped as already stored and no stories or fused events are made
    (``run_id`` is 0).
    """
    from khabar.batch.dask import process_partition
    from khabar.batch.parquet import parse_out

    out = parse_out(settings["out"])
    assert out is not None
    out.mkdir(parents=True, exist_ok=True)
    summary = IngestSummary(run_id=0)
    t0 = time.perf_counter()
    plain = dict(settings)
    dicts = (x.to_dict() for x in items)

    def on_result(res: Mapping[str, Any]) -> None:
        if res["ok"]:
            summary.ok += 1
            if not _published_of(res):
                summary.undated += 1
            summary.extract_s += res.get("extract_s", 0.0)
            summary.extract_cpu += res.get("extract_cpu", 0.0)
        else:
            summary.failed += 1
            if len(summary.errors) < 1000:
                summary.errors.append((res["origin"], res["reason"]))
        summary.seconds = time.perf_counter() - t0
        if progress is not None:
            progress(summary)

    try:
        if settings.get("engine") == "dask":
            from khabar.batch.dask import run_on_dask

            for res in run_on_dask(dicts, plain, client):
                on_result(res)
        else:
            size = max(1, int(settings.get("batch_size") or 16))
            k = 0
            while True:
                block = list(islice(dicts, size))
                if not block:
                    break
                for res in process_partition(block, plain, k):
                    on_result(res)
                k += 1
    except KeyboardInterrupt:
        summary.status = "interrupted"
        summary.seconds = time.perf_counter() - t0
        raise IngestInterrupted(summary) from None
    summary.seconds = time.perf_counter() - t0
    return summary
