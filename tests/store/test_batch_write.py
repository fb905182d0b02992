"""Batched writes (Store.add_records): the same database as one document at a time, all-or-nothing batches."""

from __future__ import annotations

import pytest

from khabar.errors import StorageError
from khabar.store import Store
from khabar.store.store import prepare_rows

from .conftest import as_json


def _variant(doc, url: str, lead: str):  # a reprint of the same wire story by another outlet
    from khabar.pipeline import extract

    return extract(lead + doc.text, published=doc.meta.published, url=url, source="Other Outlet")


def _items(docs) -> list[dict]:  # type: ignore[no-untyped-def]
    return [{"record": d.to_dict(), "origin": f"test#{i}"} for i, d in enumerate(docs)]


def _shape(store: Store) -> dict:
    """Everything that must not depend on batching: counts, story partition, fused-event membership."""
    tables = ("documents", "sentences", "entities", "timexes", "quantities", "quotes", "attributions", "events",
              "event_arguments", "stories", "corpus_events", "corpus_event_members")
    stories = sorted(tuple(s["docs"]) + (s["size"],) for s in store.stories())
    fused = sorted((ce["type"], ce["n_docs"], tuple(ce["docs"])) for ce in store.corpus_events())
    return {"counts": {t: store.count(t) for t in tables}, "stories": stories, "fused": fused}


def test_batch_equals_one_by_one(db_url: str, example_docs: list, tmp_path) -> None:
    a, other = example_docs[0], example_docs[1]
    reprint = _variant(a, "https://other.example/story", "(وكالات) - ")
    docs = [a, other, reprint, *example_docs[2:]]
    one = Store(f"sqlite:///{tmp_path / 'one.db'}")
    for d in docs:
        assert one.add_record(d.to_dict()).status == "stored"
    store = Store(db_url)
    res = store.add_records(_items(docs))
    assert [r.status for r in res] == ["stored"] * len(docs)
    # the reprint joins the story created earlier in the same batch, and their events fuse
    assert res[2].story_id == res[0].story_id != res[1].story_id
    assert _shape(store) == _shape(one)
    assert any(n == 2 for _, n, _ in _shape(store)["fused"])
    for d in docs:
        assert store.get_record(d.id) == as_json(d.to_dict())
    # a later batch with the reprint's story already stored: counts grow on the existing rows
    again = _variant(a, "https://third.example/story", "(رويترز) - ")
    r2 = store.add_records(_items([again]))
    assert r2[0].story_id == res[0].story_id
    assert {s["id"]: s["size"] for s in store.stories()}[res[0].story_id] == 3
    assert max(ce["n_docs"] for ce in store.corpus_events(story_id=res[0].story_id)) == 3
    one.close()
    store.close()


def test_duplicates_inside_a_batch_and_against_the_store(db_url: str, example_docs: list) -> None:
    store = Store(db_url)
    a, b = example_docs[0], example_docs[1]
    store.add_record(a.to_dict())
    same_url = {**b.to_dict(), "id": "doc-copy", "text": b.text + " تحديث"}  # b's URL again, other text
    items = [{"record": b.to_dict()}, {"record": a.to_dict()}, {"record": same_url}, {"record": b.to_dict()}]
    res = store.add_records(items)
    assert [r.status for r in res] == ["stored", "duplicate", "duplicate", "duplicate"]
    assert res[1].duplicate_of == a.id and res[2].duplicate_of == b.id
    assert store.count("documents") == 2
    store.close()


def test_a_refused_document_costs_no_other_and_leaves_nothing(db_url: str, example_docs: list) -> None:
    store = Store(db_url)
    good = example_docs[0].to_dict()
    bad = example_docs[1].to_dict()
    bad["entities"] = [bad["entities"][0], bad["entities"][0]]  # the same entity id twice: the database refuses it
    res = store.add_records([{"record": good}, {"record": bad}])
    assert [r.status for r in res] == ["stored", "failed"]
    assert bad["id"] in (res[1].error or "")
    assert store.count("documents") == 1 and store.count("entities") == len(good["entities"])
    assert [s["docs"] for s in store.stories()] == [[good["id"]]]  # the rolled-back batch left no story behind
    with pytest.raises(StorageError):  # a batch of one raises, as add_record always did
        store.add_records([{"record": bad}])
    assert store.count("documents") == 1
    store.close()


def test_prepared_rows_are_plain_and_match_the_record(example_docs: list) -> None:
    import pickle

    doc = max(example_docs, key=lambda d: len(d.events))
    rows = prepare_rows(doc.to_dict())
    assert pickle.loads(pickle.dumps(rows)) == rows
    assert len(rows["sentences"]) == len(doc.sentences) and len(rows["entities"]) == len(doc.entities)
    assert [e["local_id"] for e in rows["events"]] == [e.id for e in doc.events]
    assert set(rows["fuse"]) == {e["fuse_key"] for e in rows["events"]}
    s = doc.sentences[doc.events[0].sentence]
    from khabar.store.store import _norm

    assert rows["events"][0]["sentence_norm"] == _norm(doc.text[s.start : s.end])


def test_sqlite_bulk_path_stores_what_sqlalchemy_stores(tmp_path) -> None:
    import datetime as dt
    import sqlite3

    from sqlalchemy import insert

    from khabar.store import schema as S
    from khabar.store.store import _sqlite_executemany

    store = Store(f"sqlite:///{tmp_path / 'b.db'}")
    rows = [{"id": f"d{i}", "url": None, "text_hash": f"h{i}", "text": "نص", "title": None, "source_id": None, "published": dt.date(2024, 1, 2),
             "language": "ar", "story_id": None, "run_id": None, "origin": None, "ingested_at": dt.datetime(2024, 1, 2, 3, 4, 5, 6), "n_events": 0,
             "minhash": b"\x00\x01", "extra": None if i % 2 else {"a": [1, "ب"]}} for i in range(10)]
    with store.engine.begin() as c:
        c.execute(insert(S.documents), rows)
        _sqlite_executemany(c, S.documents, [{**r, "id": "x" + r["id"], "text_hash": "x" + r["text_hash"]} for r in rows])
    con = sqlite3.connect(tmp_path / "b.db")
    ref = con.execute("select * from documents where id like 'd%' order by id").fetchall()
    bulk = [(r[0][1:], r[1], r[2][1:], *r[3:]) for r in con.execute("select * from documents where id like 'xd%' order by id").fetchall()]
    con.close()
    assert bulk == ref and ref[0][6] == "2024-01-02" and ref[1][-1] == "null"
    store.close()
