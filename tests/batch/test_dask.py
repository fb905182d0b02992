"""The Dask engine: process_partition is plain and picklable; a 2-worker LocalCluster ingests like the local engine."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from khabar.ingest.runner import default_settings, ingest
from khabar.ingest.sources import Item, iter_items
from khabar.ingest.synth import write_jsonl
from khabar.store import Store


def test_process_partition_is_plain() -> None:
    from khabar.batch import process_partition

    assert pickle.loads(pickle.dumps(process_partition)) is process_partition
    items = [Item(origin="a", text="قال وزير الخارجية العراقي أمس إن بغداد ستستضيف القمة.", published="2024-02-01").to_dict(), Item(origin="b", error="is empty").to_dict()]
    ok, bad = process_partition(items, default_settings())
    assert ok["ok"] and ok["record"]["meta"]["published"] == "2024-02-01" and isinstance(ok["minhash"], bytes)
    assert pickle.loads(pickle.dumps(ok)) == ok
    assert bad == {"ok": False, "origin": "b", "url": None, "stage": "read", "reason": "is empty"}


@pytest.mark.slow
def test_dask_local_cluster_matches_local_engine(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from khabar.batch.dask import make_client

    corpus = write_jsonl(tmp_path / "c.jsonl", 24, seed=5)
    local = Store(f"sqlite:///{tmp_path / 'local.db'}")
    s1 = ingest(iter_items([str(corpus)]), local, default_settings())
    client = make_client(None, workers=2)
    try:
        assert len(client.scheduler_info()["workers"]) == 2
        dask = Store(f"sqlite:///{tmp_path / 'dask.db'}")
        s2 = ingest(iter_items([str(corpus)]), dask, default_settings(engine="dask", batch_size=4), client=client)
    finally:
        cluster = client.cluster
        client.close()
        cluster.close()
    assert (s1.ok, s2.ok, s2.failed) == (24, 24, 0)
    ids = [d["id"] for d in local.documents(per_page=100)]
    assert sorted(ids) == sorted(d["id"] for d in dask.documents(per_page=100))
    for doc_id in ids:
        assert dask.get_record(doc_id) == local.get_record(doc_id)
    assert dask.count("events") == local.count("events")
