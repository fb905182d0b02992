"""Where ingestion spends its CPU outside extraction: stage timers in a store-only run.

Usage::

    .venv/bin/python scripts/bench_ingest_stages.py 10000 [--batch 250] [--limit 2000] [--db sqlite:////tmp/stages.db]

Generates N articles (``khabar.ingest.synth``, seed 0), extracts them once and
keeps the records in ``--cache`` (a pickle, reused by later runs), then runs
``khabar.ingest.runner.ingest`` over the same articles into an emptied
database with extraction replaced by a lookup of those records. Everything
else (reading the JSONL, text hashes, duplicate look-ups, MinHash, row
preparation, the batched writes, the commit) runs as in ``khabar ingest``.
Prints the CPU (``time.process_time``) per document of the whole run and of
each timed stage (stages nest: ``add_records`` contains ``_write_batch``, which
contains the inserts). The timers add some overhead of their own.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import functools
import pickle
import time
from itertools import islice
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="generated articles")
    ap.add_argument("--batch", type=int, default=None, help="documents per write transaction (default: khabar's)")
    ap.add_argument("--limit", type=int, default=0, help="ingest only the first LIMIT articles")
    ap.add_argument("--db", default="sqlite:////tmp/khabar-stages.db", help="database URL (emptied first)")
    ap.add_argument("--cache", default="/tmp/khabar-stages-{n}.pkl", help="extracted records (created when missing)")
    a = ap.parse_args()

    import khabar.ingest.runner as R
    import khabar.store.dedup as D
    import khabar.store.store as SS
    from khabar.ingest.bench import _reset
    from khabar.ingest.sources import iter_items
    from khabar.ingest.synth import write_jsonl
    from khabar.store import Store

    corpus = write_jsonl(Path(f"/tmp/khabar-stages-{a.n}.jsonl"), a.n)
    cache = Path(a.cache.format(n=a.n))
    if not cache.exists():
        from khabar.doc import Document, Meta

        pipe = R._pipeline(None)
        recs = {}
        for it in iter_items([str(corpus)]):
            d = it.to_dict()
            meta = Meta(title=d["title"], url=d["url"], source=d["site"], published=dt.date.fromisoformat(d["published"]) if d["published"] else None)
            recs[d["text"]] = pipe(Document.new(d["text"], meta)).to_dict()
        cache.write_bytes(pickle.dumps(recs, protocol=5))
    recs = pickle.loads(cache.read_bytes())

    class _Done:
        def __init__(self, record: dict) -> None:
            self.record = record

        def to_dict(self) -> dict:
            return self.record

    R._pipeline = lambda comps: (lambda doc: _Done(recs[doc.text]))  # type: ignore[assignment]
    spent: collections.Counter[str] = collections.Counter()
    clock = time.process_time

    def timed(owner: object, name: str, label: str | None = None) -> None:
        f = getattr(owner, name)

        @functools.wraps(f)
        def g(*args, **kw):  # type: ignore[no-untyped-def]
            t = clock()
            try:
                return f(*args, **kw)
            finally:
                spent[label or name] += clock() - t

        setattr(owner, name, g)

    for owner, name in ((D, "text_hash"), (D, "signature"), (SS, "prepare_rows"), (SS, "match_in"), (SS, "candidate_rows"), (SS, "band_keys"),
                        (SS.Store, "seen_many"), (SS.Store, "add_records"), (SS.Store, "_write_batch"), (SS.Store, "_write_events")):
        timed(owner, name)
    bulk, with_ids = SS._bulk_insert, SS._insert_with_ids

    def bulk_t(c, table, rows):  # type: ignore[no-untyped-def]
        t = clock()
        bulk(c, table, rows)
        spent["insert:" + table.name] += clock() - t

    def ids_t(c, table, rows, unique):  # type: ignore[no-untyped-def]
        t = clock()
        out = with_ids(c, table, rows, unique)
        spent["insert:" + table.name] += clock() - t
        return out

    SS._bulk_insert, SS._insert_with_ids = bulk_t, ids_t  # type: ignore[assignment]
    _reset(a.db)
    D.signature("قال وزير الخارجية العراقي أمس إن بغداد ستستضيف القمة.")
    store = Store(a.db)
    commit = store.engine.dialect.do_commit

    def commit_t(conn):  # type: ignore[no-untyped-def]
        t = clock()
        commit(conn)
        spent["commit"] += clock() - t

    store.engine.dialect.do_commit = commit_t  # type: ignore[method-assign]
    items = iter_items([str(corpus)])
    if a.limit:
        items = islice(items, a.limit)
    c0 = clock()
    s = R.ingest(items, store, R.default_settings(write_batch=a.batch))
    cpu = clock() - c0
    n = max(s.ok, 1)
    print(f"{s.ok} documents stored, batch {a.batch or R.WRITE_BATCH}: {1000 * cpu / n:.3f} ms CPU per document in all")
    for k, v in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {k:32s} {1000 * v / n:7.3f} ms/doc")


if __name__ == "__main__":
    main()
