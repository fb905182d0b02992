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


# --- third pass: rows built as one dict literal each, event rows updated in place -------------------

_ENT = {"id": "T1", "start": 0, "end": 5, "text": "بغداد", "label": "GPE", "kb": "Q1530", "canonical": "بغداد" * 80, "name_en": "Baghdad", "country": "IRQ", "source": "kb"}


def test_record_table_rows_have_exactly_the_stored_columns() -> None:
    rec = {
        "id": "d1", "text": "بغداد اليوم", "sentences": [{"start": 0, "end": 11}], "meta": {"published": "2024-01-02"},
        "entities": [_ENT],
        "timexes": [{"id": "D1", "start": 6, "end": 11, "text": "اليوم", "type": "DATE", "value": "2024-01-02"}],
        "quantities": [{"id": "Q1", "start": 0, "end": 1, "text": "3", "value": 3, "unit": None}, {"id": "Q2", "start": 0, "end": 1, "text": "؟", "value": "x"}],
        "quotes": [{"id": "U1", "start": 0, "end": 5, "text": "نص", "direct": 1, "speaker": {"text": "الوزير", "entity": "T1"}}, {"id": "U2", "start": 0, "end": 1, "text": "ن"}],
        "attributions": [{"id": "A1", "start": 0, "end": 5, "text": "قال", "source": "الوزير"}],
        "events": [],
    }
    rows = store_mod.prepare_rows(rec)
    assert rows["entities"] == [{"doc_id": "d1", "ord": 0, "local_id": "T1", "start": 0, "end": 5, "text": "بغداد", "data": _ENT, "label": "GPE",
                                 "kb": "Q1530", "canonical": ("بغداد" * 80)[:300], "name_en": "Baghdad", "country": "IRQ"}]
    assert rows["timexes"][0] == {"doc_id": "d1", "ord": 0, "local_id": "D1", "start": 6, "end": 11, "text": "اليوم", "data": rec["timexes"][0], "type": "DATE", "value": "2024-01-02"}
    assert [(q["value"], q["unit"]) for q in rows["quantities"]] == [(3.0, None), (None, None)]  # a non-number value is no float
    assert [(q["direct"], q["speaker_text"], q["speaker_entity"]) for q in rows["quotes"]] == [(True, "الوزير", "T1"), (False, None, None)]
    assert rows["attributions"][0]["source"] == "الوزير" and rows["sentences"] == [{"doc_id": "d1", "idx": 0, "start": 0, "end": 11}]
    for kind in ("entities", "timexes", "quantities", "quotes", "attributions"):  # every key is a column of the table
        cols = set(store_mod._SPAN_TABLES[kind].columns.keys())
        assert all(set(r) <= cols for r in rows[kind]), kind


def test_fuse_key_is_the_json_text_hash_it_always_was() -> None:
    import hashlib

    ev = {"type": "ASSAULT", "source": {"text": "الجيش"}, "target": None, "location": "T1", "date": None}
    keys = store_mod.event_keys(ev, {"T1": _ENT}, {})
    raw = json.dumps(["ASSAULT", keys["source"], None, "Q1530", None], ensure_ascii=False)
    assert keys["fuse_key"] == hashlib.sha1(raw.encode("utf-8")).hexdigest()


@pytest.mark.parametrize("n", [1, 7, 8, 20])
def test_rows_with_keys_that_are_not_columns_insert_on_any_batch_size(db_url: str, n: int) -> None:
    """An event row keeps its ``fuse_key`` (not a column) when it is inserted; small and large batches alike."""
    from sqlalchemy import select

    from khabar.store import schema as S

    st = Store(db_url)
    with st.engine.begin() as c:
        store_mod._bulk_insert(c, S.sources, [{"name": f"outlet-{i}", "fuse_key": "not a column"} for i in range(n)])
    with st.engine.connect() as c:
        assert sorted(r[0] for r in c.execute(select(S.sources.c.name))) == sorted(f"outlet-{i}" for i in range(n))
    st.close()
