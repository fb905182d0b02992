"""Partitioned Parquet written where extraction runs (khabar ingest --out parquet:DIR)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.cli.main import app
from khabar.ingest.synth import write_jsonl


def _dataset(path: Path):  # type: ignore[no-untyped-def]
    import pyarrow.dataset as ds

    return ds.dataset(str(path), format="parquet", partitioning="hive").to_table()


def _check(out: Path, corpus: Path, n: int) -> None:
    docs = _dataset(out / "documents").to_pylist()
    events = _dataset(out / "events").to_pylist()
    arts = [json.loads(x) for x in corpus.read_text(encoding="utf-8").splitlines()]
    assert sorted(d["url"] for d in docs) == sorted(a["url"] for a in arts) and len(docs) == n
    assert all(d["month"] == d["published"][:7] for d in docs)  # hive partition column = publication month
    assert len(events) == sum(d["n_events"] for d in docs) > 0
    assert {e["doc_id"] for e in events} <= {d["doc_id"] for d in docs}
    assert all(e["story_id"] is None and e["event_day"] for e in events)
    assert all(len(d["minhash"]) == 1024 and len(d["text_hash"]) == 40 for d in docs)


def test_cli_local_engine_writes_parquet_and_reruns_without_duplicates(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    corpus = write_jsonl(src / "a.jsonl", 6, seed=2)
    (src / "bad.txt").write_bytes(b"\x00\x01\x02\x03binary\x00")
    out = tmp_path / "pq"
    args = ["ingest", str(src), "--out", f"parquet:{out}", "--batch-size", "4", "--no-progress", "--json"]
    r = CliRunner().invoke(app, args)
    assert r.exit_code == 1, r.output  # one failed document
    s = json.loads(r.stdout.strip().splitlines()[-1])
    assert (s["ok"], s["failed"], s["out"]) == (6, 1, str(out))
    assert not (tmp_path / "khabar.db").exists()
    _check(out, corpus, 6)
    errs = _dataset(out / "errors").to_pylist()
    assert len(errs) == 1 and "binary" in errs[0]["reason"] and errs[0]["stage"] == "read"
    files = sorted(p.relative_to(out) for p in out.rglob("*.parquet"))
    r2 = CliRunner().invoke(app, args)  # the same command again rewrites the same files
    assert r2.exit_code == 1
    assert sorted(p.relative_to(out) for p in out.rglob("*.parquet")) == files
    assert not list(out.rglob("*.tmp"))
    _check(out, corpus, 6)


def test_bad_out_is_a_usage_error(tmp_path: Path) -> None:
    from khabar.errors import ConfigError

    r = CliRunner().invoke(app, ["ingest", str(tmp_path), "--out", "csv:x", "--no-progress"])
    assert r.exit_code != 0 and isinstance(r.exception, ConfigError) and "parquet:DIR" in str(r.exception)


@pytest.mark.slow
def test_dask_workers_write_partitioned_parquet(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from khabar.batch.dask import make_client
    from khabar.ingest.runner import default_settings, ingest
    from khabar.ingest.sources import iter_items

    corpus = write_jsonl(tmp_path / "c.jsonl", 20, seed=7)
    out = tmp_path / "pq"
    client = make_client(None, workers=2)
    try:
        assert len(client.scheduler_info()["workers"]) == 2
        s = ingest(iter_items([str(corpus)]), None, default_settings(engine="dask", batch_size=4, out=f"parquet:{out}"), client=client)
        pids = client.run(lambda: __import__("os").getpid())
    finally:
        cluster = client.cluster
        client.close()
        cluster.close()
    assert (s.ok, s.failed) == (20, 0)
    assert len(set(pids.values())) == 2
    # 5 partitions of 4 articles, each written by the worker that extracted it
    parts = {p.name for p in (out / "documents").rglob("part-*.parquet")}
    assert parts == {f"part-{k:05d}.parquet" for k in range(5)}
    _check(out, corpus, 20)
    # one dataset for pandas and DuckDB too, when they are installed
    try:
        import pandas as pd
    except ImportError:
        pd = None
    if pd is not None:
        assert len(pd.read_parquet(out / "events")) == sum(_dataset(out / "documents").column("n_events").to_pylist())
    try:
        import duckdb
    except ImportError:
        duckdb = None
    if duckdb is not None:
        n = duckdb.sql(f"select count(*) from read_parquet('{out}/documents/**/*.parquet', hive_partitioning = true)").fetchone()[0]
        assert n == 20
