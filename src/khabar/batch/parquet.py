"""Partitioned Parquet written where documents are extracted (``khabar ingest --out parquet:DIR``).

Each partition of articles (a Dask task, or a block of the local engine)
writes its own files, so no record travels back to the client::

    DIR/documents/month=2024-03/part-00012.parquet
    DIR/events/month=2024-03/part-00012.parquet
    DIR/errors/part-00012.parquet

``month`` is the publication month (``YYYY-MM``, ``unknown`` when the article
has none), as a hive-style directory, so each table reads as one dataset::

    pd.read_parquet("DIR/events")                                  # pandas (pyarrow)
    pyarrow.dataset.dataset("DIR/events", partitioning="hive")
    SELECT * FROM read_parquet('DIR/events/**/*.parquet', hive_partitioning = true)   -- DuckDB

``events`` has the columns of ``khabar export`` (:data:`khabar.store.rows.COLUMNS`,
the same Parquet types) with ``story_id`` and ``corpus_event_id`` empty;
``documents`` has the document id, URL, title, outlet, publication date,
normalized-text hash, MinHash signature, event count, origin and text.

What is given up against the database: no duplicate removal across
partitions or runs (the ``text_hash`` column finds exact copies afterwards),
no story clusters and no fused corpus events (they need one writer that sees
every document: ingest into a database for those). Files are written under a
temporary name and renamed, and partition ``k`` of a run always holds the
same articles for the same sources and ``--batch-size``, so a killed run
rerun with the same command rewrites the same files: nothing is lost or
duplicated (a rerun with another ``--batch-size`` into the same folder
would duplicate; use a fresh folder).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

__all__ = ["parse_out", "write_partition", "DOC_COLUMNS", "ERROR_COLUMNS"]

DOC_COLUMNS = ("doc_id", "url", "title", "outlet", "published", "text_hash", "minhash", "n_events", "origin", "text")
ERROR_COLUMNS = ("origin", "url", "stage", "reason")


def parse_out(out: str | None) -> Path | None:
    """The folder of ``parquet:DIR`` (``None`` for ``None``).

    Raises:
        ConfigError: another scheme.
    """
    from khabar.errors import ConfigError

    if not out:
        return None
    if not out.startswith("parquet:") or not out[len("parquet:") :]:
        raise ConfigError(f"--out {out!r}: expected parquet:DIR (a folder for partitioned Parquet)")
    return Path(out[len("parquet:") :])


def _doc_schema() -> Any:
    import pyarrow as pa

    return pa.schema([(c, pa.binary() if c == "minhash" else pa.int64() if c == "n_events" else pa.string()) for c in DOC_COLUMNS])


def _write(table: Any, path: Path) -> None:
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, str(tmp), compression="zstd")
    os.replace(tmp, path)  # atomic: a killed worker leaves a complete file or none


def write_partition(results: Sequence[Mapping[str, Any]], out_dir: str | Path, part: int) -> list[dict[str, Any]]:
    """Write the results of one partition (:func:`khabar.ingest.runner.process_item`) as Parquet files.

    Returns one small result per input (``ok``, ``origin``, extraction times,
    or the error dict), for the client's counts and progress.
    """
    import pyarrow as pa

    from khabar.store.export import _flat, parquet_schema
    from khabar.store.rows import COLUMNS, rows_for_record
    from khabar.store.store import _domain

    out = Path(out_dir)
    docs: dict[str, list[dict[str, Any]]] = {}
    events: dict[str, list[dict[str, Any]]] = {}
    errors: list[dict[str, Any]] = []
    slim: list[dict[str, Any]] = []
    for res in results:
        if not res.get("ok"):
            errors.append({k: res.get(k) for k in ERROR_COLUMNS})
            slim.append(dict(res))
            continue
        rec = res["record"]
        meta = rec.get("meta") or {}
        pub = meta.get("published")
        month = pub[:7] if pub else "unknown"
        outlet = meta.get("source") or _domain(meta.get("url"))
        docs.setdefault(month, []).append({
            "doc_id": rec["id"], "url": meta.get("url"), "title": meta.get("title"), "outlet": outlet, "published": pub,
            "text_hash": res.get("hash"), "minhash": res.get("minhash"), "n_events": len(rec.get("events") or ()),
            "origin": res.get("origin"), "text": rec["text"],
        })
        if rec.get("events"):
            days = {e["local_id"]: e["day"] for e in (res.get("rows") or {}).get("events", ())}
            for eid, row in rows_for_record(rec).items():
                day = days.get(eid)
                full = {**row, "event_day": day.isoformat() if day else None, "outlet": outlet, "title": meta.get("title"), "story_id": None, "corpus_event_id": None}
                events.setdefault(month, []).append(_flat({k: full.get(k) for k in COLUMNS}))
        slim.append({"ok": True, "origin": res.get("origin"), "doc_id": rec["id"], "extract_s": res.get("extract_s", 0.0), "extract_cpu": res.get("extract_cpu", 0.0)})
    name = f"part-{part:05d}.parquet"
    ds, es = _doc_schema(), parquet_schema()
    for month, rows in docs.items():
        _write(pa.Table.from_pylist(rows, schema=ds), out / "documents" / f"month={month}" / name)
    for month, rows in events.items():
        _write(pa.Table.from_pylist(rows, schema=es), out / "events" / f"month={month}" / name)
    if errors:
        _write(pa.Table.from_pylist(errors, schema=pa.schema([(c, pa.string()) for c in ERROR_COLUMNS])), out / "errors" / name)
    return slim
