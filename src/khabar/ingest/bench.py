"""Ingest benchmark (``khabar bench ingest``): docs/s, peak memory and overhead share per configuration.

Each configuration (engine × database) runs in a fresh subprocess on the same
corpus — generated (:mod:`khabar.ingest.synth`), or the first N articles of a
real corpus the user points at (``corpus=``, :mod:`khabar.ingest.corpus`) —
into an empty database, so peak
RSS (``ru_maxrss`` of that process; Dask workers are separate processes and
not included) is not polluted by earlier runs. ``overhead`` is the share of
wall time not spent inside extraction (reading, hashing, MinHash, storing),
measured for the local engine only (``overhead_cpu``: the same in CPU time of
the process, which other jobs on a shared machine do not inflate); for Dask, extraction runs in parallel on
workers and the column shows ``-``.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

__all__ = ["run_config", "bench"]


def _reset(url: str) -> None:
    from sqlalchemy import create_engine, text

    from khabar.store import resolve_url

    u = resolve_url(url)
    if u.startswith("sqlite:///"):
        p = Path(u[len("sqlite:///") :])
        for suffix in ("", "-wal", "-shm"):
            Path(str(p) + suffix).unlink(missing_ok=True)
        return
    eng = create_engine(u)
    with eng.begin() as c:
        c.execute(text("DROP SCHEMA public CASCADE"))
        c.execute(text("CREATE SCHEMA public"))
    eng.dispose()


def _worker_rss() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_config(corpus: str, engine: str, db_url: str, workers: int = 2, batch_size: int = 16, write_batch: int = 250) -> dict[str, Any]:
    """Ingest ``corpus`` into an emptied ``db_url`` with ``engine``; returns the measurements.

    ``peak_rss_mib`` is this (client) process; ``worker_rss_mib`` the largest
    Dask worker's peak (``None`` for the local engine).
    """
    from khabar.ingest.runner import default_settings, ingest
    from khabar.ingest.sources import iter_items
    from khabar.store import Store

    _reset(db_url)
    # warm the pipeline (lexicons) outside the timed part, as a long run amortizes it
    from khabar.pipeline import extract

    extract("قال وزير الخارجية العراقي أمس إن بغداد ستستضيف القمة.", published="2024-01-01")
    from khabar.store.dedup import LshIndex, signature

    signature("قال وزير الخارجية العراقي أمس إن بغداد ستستضيف القمة.")  # datasketch/scipy import (~1.5 s), once per process
    LshIndex()
    store = Store(db_url)
    client = None
    if engine == "dask":
        from khabar.batch.dask import make_client

        client = make_client(None, workers)
        client.run(extract, "قال وزير الخارجية العراقي أمس إن بغداد ستستضيف القمة.", published="2024-01-01")
        client.run(signature, "قال وزير الخارجية العراقي أمس إن بغداد ستستضيف القمة.")
    load0 = os.getloadavg()[0]
    t0 = time.perf_counter()
    c0 = time.process_time()
    s = ingest(iter_items([corpus]), store, default_settings(engine=engine, batch_size=batch_size, write_batch=write_batch), client=client)
    wall = time.perf_counter() - t0
    cpu = time.process_time() - c0
    load1 = os.getloadavg()[0]
    worker_rss = None
    if client is not None:
        worker_rss = round(max(client.run(_worker_rss).values()), 1)
        cluster = client.cluster
        client.close()
        cluster.close()
    return {
        "engine": engine if engine == "local" else f"dask×{workers}",
        "db": store.dialect,
        "docs": s.ok,
        "failed": s.failed,
        "seconds": round(wall, 2),
        "docs_per_s": round(s.ok / wall, 1) if wall else 0.0,
        # throughput per extracting process (the local engine extracts in this one)
        "docs_per_s_per_worker": round(s.ok / wall / (workers if engine == "dask" else 1), 1) if wall else 0.0,
        "extract_cpu_ms_per_doc": round(1000 * s.extract_cpu / max(s.ok, 1), 2),
        "overhead": round(s.overhead_share, 3) if engine == "local" else None,
        # the same share in CPU time of this process (other jobs on the machine do not inflate it;
        # the PostgreSQL server's own CPU is not included)
        "overhead_cpu": round(max(0.0, 1 - s.extract_cpu / cpu), 3) if engine == "local" and cpu > 0 else None,
        "client_cpu_ms_per_doc": round(1000 * cpu / max(s.ok, 1), 2),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "worker_rss_mib": worker_rss,
        "write_batch": write_batch,
        # 1-minute load average before and after the run (a shared machine: compare CPU columns)
        "load": [round(load0, 1), round(load1, 1)],
        "cpus": os.cpu_count(),
    }


def bench(n: int, configs: list[tuple[str, str]], workdir: Path, workers: int = 2, seed: int = 0, write_batch: int = 250,
          corpus_path: str | Path | None = None) -> list[dict[str, Any]]:
    """Run every ``(engine, db_url)`` configuration on ``n`` articles, each in a subprocess.

    Args:
        corpus_path: a folder or file of real articles (:func:`khabar.ingest.corpus.iter_corpus`
            formats); its first ``n`` distinct articles are used. ``None``: ``n``
            generated articles (:mod:`khabar.ingest.synth`, ``seed``).

    Returns:
        One dict per configuration (:func:`run_config`'s keys plus ``n`` and
        ``corpus``: ``"generated"`` or the corpus path), or ``{"engine", "db",
        "error"}`` when its subprocess failed.

    Raises:
        ConfigError: ``corpus_path`` is missing, unsupported or holds fewer than ``n`` articles.
    """
    if corpus_path is None:
        from khabar.ingest.synth import write_jsonl

        corpus = write_jsonl(workdir / f"bench-{n}.jsonl", n, seed=seed)
        label = "generated"
    else:
        from khabar.ingest.corpus import write_corpus_jsonl

        corpus = write_corpus_jsonl(corpus_path, workdir / f"corpus-{n}.jsonl", n)
        label = str(corpus_path)
    out = []
    for engine, url in configs:
        code = f"import json,sys; from khabar.ingest.bench import run_config; print(json.dumps(run_config({str(corpus)!r}, {engine!r}, {url!r}, {workers}, write_batch={write_batch})))"
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ})
        if r.returncode != 0:
            out.append({"engine": engine, "db": url.split(":", 1)[0], "error": (r.stderr.strip().splitlines() or ["failed"])[-1]})
            continue
        row = json.loads(r.stdout.strip().splitlines()[-1])
        row["n"] = n
        row["corpus"] = label
        out.append(row)
    return out
