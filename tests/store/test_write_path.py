"""The lean write path: chunked LSH candidate checks, key-ordered inserts, compact JSON, fast word split.

Every change here is a speed or memory change; these tests check that the
stored results are exactly those of the straightforward way.
"""

from __future__ import annotations

import json
import random

import pytest

from khabar.store import Store
from khabar.store import store as store_mod


@pytest.fixture(scope="module")
def synth_results() -> list[dict]:
    """Generated articles (formulaic: many LSH candidates, stories of several documents), extracted once."""
    from khabar.ingest.runner import process_item
    from khabar.ingest.sources import Item
    from khabar.ingest.synth import generate_articles

    out = []
    for a in generate_articles(100, seed=3):
        item = Item(origin=a["url"], text=a["text"], url=a["url"], title=a["title"], published=a["published"], site=a["source"])
        res = process_item(item.to_dict(), {})
        assert res["ok"], res
        out.append(res)
    return out


def _stories(store: Store) -> list[tuple[str, ...]]:
    return sorted(tuple(s["docs"]) for s in store.stories())


def _fused(store: Store) -> list[tuple[str, int, tuple[str, ...]]]:
    return sorted((ce["type"], ce["n_docs"], tuple(ce["docs"])) for ce in store.corpus_events())


def _ingest(url: str, results: list[dict], batch: int) -> Store:
    store = Store(url)
    for i in range(0, len(results), batch):
        assert {r.status for r in store.add_records(results[i : i + batch])} == {"stored"}
    return store


def test_chunked_candidate_check_gives_the_same_stories(db_url: str, synth_results: list[dict], tmp_path, monkeypatch) -> None:
    ref = _ingest(f"sqlite:///{tmp_path / 'ref.db'}", synth_results, 7)
    # the generated articles share templates: later batches have many stored candidates
    assert sum(len(s) > 1 for s in _stories(ref)) >= 3
    monkeypatch.setattr(store_mod, "CANDIDATE_CHUNK", 2)  # candidates checked two stored documents at a time
    small = _ingest(db_url, synth_results, 7)
    assert _stories(small) == _stories(ref)
    assert _fused(small) == _fused(ref)
    assert [s["size"] for s in small.stories()] == [s["size"] for s in ref.stories()]
    ref.close()
    small.close()


def test_candidates_come_in_bounded_chunks_in_id_order(synth_results: list[dict], tmp_path, monkeypatch) -> None:
    import numpy as np

    from khabar.store.dedup import band_keys

    store = _ingest(f"sqlite:///{tmp_path / 'c.db'}", synth_results[:40], 10)
    mat = np.frombuffer(b"".join(r["minhash"] for r in synth_results[40:50]), dtype="<u8").reshape(10, -1)
    keys = band_keys(mat)
    with store.engine.connect() as c:
        whole = list(store._candidates(c, keys))
        monkeypatch.setattr(store_mod, "CANDIDATE_CHUNK", 3)
        chunks = list(store._candidates(c, keys))
    assert len(whole) == 1 and len(whole[0][0]) > 6  # formulaic articles: many stored candidates
    assert all(len(ids) <= 3 and m.shape == (len(ids), 128) for ids, _, m in chunks)
    ids = [i for ch in chunks for i in ch[0]]
    assert ids == whole[0][0] == sorted(ids)
    assert np.array_equal(np.concatenate([m for _, _, m in chunks]), whole[0][2])
    assert [s for ch in chunks for s in ch[1]] == whole[0][1]
    store.close()


def test_json_columns_are_compact_and_read_back_equal(tmp_path, synth_results: list[dict]) -> None:
    import sqlite3

    db = tmp_path / "j.db"
    store = _ingest(f"sqlite:///{db}", synth_results[:3], 3)
    rec = synth_results[0]["record"]
    con = sqlite3.connect(db)
    raw = con.execute("select data from entities where doc_id = ? order by ord", (rec["id"],)).fetchall()
    con.close()
    assert raw and all(", " not in t and '": ' not in t for (t,) in raw)  # no spaces after separators
    assert [json.loads(t) for (t,) in raw] == json.loads(json.dumps(rec["entities"]))
    assert store_mod.json_dumps({"نص": [1, 2.5, None, "ب"]}) == '{"\\u0646\\u0635":[1,2.5,null,"\\u0628"]}'
    store.close()


def test_rows_go_in_primary_key_order_whatever_the_batch_order(tmp_path, synth_results: list[dict], monkeypatch) -> None:
    seen: dict[str, list] = {}
    real = store_mod._bulk_insert

    def spy(c, table, rows):  # type: ignore[no-untyped-def]
        seen.setdefault(table.name, []).extend(rows)
        real(c, table, rows)

    monkeypatch.setattr(store_mod, "_bulk_insert", spy)
    batch = list(reversed(synth_results[:12]))
    store = _ingest(f"sqlite:///{tmp_path / 'o.db'}", batch, 12)
    keys = {"documents": ("id",), "lsh_bands": ("key", "doc_id"), "entities": ("doc_id", "local_id"), "events": ("doc_id",),
            "event_arguments": ("doc_id",), "corpus_event_members": ("corpus_event_id", "doc_id", "event_id")}
    for table, cols in keys.items():
        got = [tuple(r[c] for c in cols) for r in seen[table]]
        if table == "entities":  # local ids sort as strings within a document only by their order in the record
            got = [g[:1] for g in got]
        assert got == sorted(got), table
    # a document's events keep their order (the sort is stable)
    evs = [(r["doc_id"], r["ord"]) for r in seen["events"]]
    assert evs == sorted(evs)
    store.close()


def test_fast_word_split_equals_the_clitic_regex_on_random_texts() -> None:
    from khabar.store import dedup as D

    def reference(text: str) -> list[str]:
        return [w for w in D._WORD.findall(D._CLITICS.sub("", text.translate(D._table()))) if len(w) > 1]

    pieces = list("وفالبتجحدرسعقكمنهيىةءأإآ") + ["و", "ف", "ال", "لل", "وال", "فلل", "والل"] + list("0123456789_xY") + [" ", "  ", "، ", "-", "\n", "\u0651", "\u0640", "\u064b"]
    rng = random.Random(8)
    for _ in range(5000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30)))
        assert D._words(t) == reference(t), t
    assert D._words("والجيش فالقوات للسلام وزير و ال الله") == ["جيش", "قوات", "سلام", "زير", "ال", "له"]


def test_sqlite_statements_have_a_few_shapes_whatever_the_batch_sizes(tmp_path, synth_results: list[dict]) -> None:
    """sqlite3 caches prepared statements by SQL text: one text per batch length would grow a run's memory."""
    from sqlalchemy import event

    store = Store(f"sqlite:///{tmp_path / 's.db'}")
    texts: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda conn, cur, stmt, params, ctx, many: texts.append(stmt))
    i = 0
    for size in (3, 5, 7, 2, 9, 4, 6, 11):
        store.add_records(synth_results[i : i + size])
        i += size
    assert store.count("documents") == i
    assert not [t for t in texts if " IN (?," in t]  # IN lists go as one JSON parameter
    values = [t.count("), (") + 1 for t in texts if "RETURNING" in t]
    assert values and set(values) <= {1, 2, 4, 8, 16, 32, 64}
    # eight batches of eight lengths, yet few distinct texts (each table's insert, lookups, 64/32/…/1-row RETURNING)
    assert len(set(texts)) <= 40
    store.close()
