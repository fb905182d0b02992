"""The store on SQLite and PostgreSQL: round trip, idempotence, migrations, stories, queries."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from khabar.store import EventFilter, Store
from khabar.store.dedup import text_hash

from .conftest import as_json


def test_record_round_trips_exactly(db_url: str, example_docs: list) -> None:
    store = Store(db_url)
    for doc in example_docs:
        assert store.add_record(doc.to_dict(), origin="test").status == "stored"
    for doc in example_docs:
        assert store.get_record(doc.id) == as_json(doc.to_dict())
    assert store.get_record("doc-missing") is None
    assert store.count("documents") == len(example_docs)
    assert store.count("events") == sum(len(d.events) for d in example_docs)
    assert store.count("entities") == sum(len(d.entities) for d in example_docs)
    store.close()


def test_reingest_changes_nothing(db_url: str, example_docs: list) -> None:
    store = Store(db_url)
    doc = example_docs[0]
    store.add_record(doc.to_dict())
    counts = {t: store.count(t) for t in ("documents", "events", "entities", "sentences", "stories", "corpus_events")}
    # same record again; same URL with other text; same text (diacritics and digits aside) with another URL
    again = store.add_record(doc.to_dict())
    assert (again.status, again.duplicate_of) == ("duplicate", doc.id)
    same_url = {**doc.to_dict(), "id": "doc-other", "text": doc.text + " تحديث"}
    assert store.add_record(same_url).status == "duplicate"
    respelled = doc.text.replace("ا", "ا\u064e", 3)
    assert text_hash(respelled) == text_hash(doc.text)
    other_url = {**doc.to_dict(), "id": "doc-other2", "text": respelled, "meta": {**doc.to_dict()["meta"], "url": "https://mirror.example/x"}}
    assert store.add_record(other_url).status == "duplicate"
    assert {t: store.count(t) for t in counts} == counts
    store.close()


def test_schema_matches_migrations(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from khabar.store.migrate import current_revision, head_revision
    from khabar.store.schema import metadata

    store = Store(db_url)
    assert current_revision(store.engine) == head_revision() == "0002"
    with store.engine.connect() as c:
        diff = compare_metadata(MigrationContext.configure(c), metadata)
    assert diff == []
    Store(db_url).close()  # opening an up-to-date store again is a no-op
    store.close()


def _variant(doc, url: str, lead: str):  # a reprint of the same wire story by another outlet
    from khabar.pipeline import extract

    return extract(lead + doc.text, published=doc.meta.published, url=url, source="Other Outlet")


def test_reprints_share_a_story_and_events_fuse(db_url: str, example_docs: list) -> None:
    store = Store(db_url)
    a = example_docs[0]
    b = _variant(a, "https://other.example/story", "(وكالات) - ")
    other = example_docs[1]
    ra = store.add_record(a.to_dict())
    rb = store.add_record(b.to_dict())
    ro = store.add_record(other.to_dict())
    assert rb.status == "stored" and ra.story_id == rb.story_id
    assert ro.story_id != ra.story_id
    fused = store.corpus_events(story_id=ra.story_id)
    assert fused and all(set(ce["docs"]) <= {a.id, b.id} for ce in fused)
    both = [ce for ce in fused if ce["docs"] == sorted([a.id, b.id])]
    assert len(both) >= 1 and all(ce["n_docs"] == 2 for ce in both)
    stories = {s["id"]: s for s in store.stories()}
    assert stories[ra.story_id]["size"] == 2
    store.close()


def test_event_filters(db_url: str, example_docs: list) -> None:
    from khabar.events.export import event_rows
    from khabar.store.rows import COLUMNS

    store = Store(db_url)
    for doc in example_docs:
        store.add_record(doc.to_dict())
    rows = list(store.iter_events())
    assert len(rows) == sum(len(d.events) for d in example_docs)
    assert all(tuple(r) == COLUMNS for r in rows)
    # the per-document columns are exactly khabar.events.export.event_rows of the extracted document
    by_doc = {d.id: {r["event_id"]: r for r in event_rows(d)} for d in example_docs}
    for r in rows:
        assert as_json({k: v for k, v in by_doc[r["doc_id"]][r["event_id"]].items()}) == as_json({k: r[k] for k in by_doc[r["doc_id"]][r["event_id"]]})
        assert r["outlet"] == "khabar examples (written for the project)" and r["story_id"] and r["corpus_event_id"]
    first = rows[0]
    doc = next(d for d in example_docs if d.id == first["doc_id"])
    assert doc.text[first["trigger_start"] : first["trigger_end"]] == first["trigger_text"]
    assert first["sentence_text"] == doc.text[first["sentence_start"] : first["sentence_end"]]
    types = {r["event_type"] for r in rows}
    t = sorted(types)[0]
    assert {r["event_type"] for r in store.iter_events(EventFilter(type=t.lower()))} == {t}
    assert len(list(store.iter_events(EventFilter(type=t)))) == sum(1 for r in rows if r["event_type"] == t)
    with_country = [r for r in rows if "USA" in (r["source_country"], r["target_country"], r["location_country"])]
    assert len(list(store.iter_events(EventFilter(country="usa")))) == len(with_country) > 0
    day = min(r["event_day"] for r in rows if r["event_day"])
    since = list(store.iter_events(EventFilter(since=dt.date.fromisoformat(day) + dt.timedelta(days=1))))
    assert all(r["event_day"] > day for r in since) and len(since) < len(rows)
    until = list(store.iter_events(EventFilter(until=dt.date.fromisoformat(day))))
    assert until and all(r["event_day"] == day for r in until)
    # text search over normalized Arabic: a spelling with diacritics finds the plain one
    hit = next(r for r in rows if "بغداد" in (r["sentence_text"] or ""))
    found = list(store.iter_events(EventFilter(text="بَغداد")))
    assert (hit["doc_id"], hit["event_id"]) in {(r["doc_id"], r["event_id"]) for r in found}
    assert all("بغداد" in r["sentence_text"] for r in found)
    actor = next(r["source_name"] for r in rows if r["source_name"])
    by_actor = list(store.iter_events(EventFilter(actor=actor.upper())))
    assert by_actor and all(actor in (r["source_name"], r["target_name"]) for r in by_actor)
    store.close()


def test_documents_page_and_runs(db_url: str, example_docs: list) -> None:
    store = Store(db_url)
    run = store.begin_run({"engine": "local", "published": None}, command="khabar ingest x")
    for doc in example_docs:
        store.add_record(doc.to_dict(), run_id=run)
    store.add_error("bad.txt", "is empty", run_id=run)
    store.finish_run(run, ok=len(example_docs), skipped=0, failed=1)
    page1 = store.documents(page=1, per_page=2)
    page2 = store.documents(page=2, per_page=2)
    assert len(page1) == 2 and len(page2) == len(example_docs) - 2
    assert {r["id"] for r in page1 + page2} == {d.id for d in example_docs}
    assert page1[0]["outlet"] == example_docs[0].meta.source
    (r,) = store.runs()
    assert (r["ok"], r["failed"], r["status"], r["config"]) == (len(example_docs), 1, "done", {"engine": "local", "published": None})
    (e,) = store.errors(run)
    assert (e["origin"], e["reason"], e["stage"]) == ("bad.txt", "is empty", "read")
    store.close()


def test_unreachable_database_is_a_storage_error(tmp_path) -> None:
    from khabar.errors import StorageError

    with pytest.raises(StorageError, match="cannot open or upgrade database"):
        Store(f"sqlite:///{tmp_path}/no/such/dir/x.db")


def test_unknown_record_fields_survive(db_url: str, example_docs: list) -> None:
    store = Store(db_url)
    rec = as_json(example_docs[0].to_dict())
    rec["dateline"] = {"start": 0, "end": 5, "text": rec["text"][:5]}
    rec["meta"]["author"] = "كاتب"
    rec["entities"][0]["future_field"] = [1, 2]
    store.add_record(rec)
    assert store.get_record(rec["id"]) == rec
    store.close()


def test_db_upgrade_from_0001_fills_the_band_index(db_url: str, example_docs: list) -> None:
    """A store created before the LSH bands moved into the database: ``khabar db upgrade`` indexes what it holds."""
    from typer.testing import CliRunner

    from khabar.cli.main import app
    from khabar.store.dedup import BANDS
    from khabar.store.migrate import current_revision, downgrade_to

    store = Store(db_url)
    a = example_docs[0]
    store.add_record(a.to_dict())
    store.add_record(example_docs[1].to_dict())
    downgrade_to(store.engine, "0001")  # drops lsh_bands: the store as revision 0001 left it
    assert current_revision(store.engine) == "0001"
    r = CliRunner().invoke(app, ["db", "upgrade", "--db", db_url])
    assert r.exit_code == 0, r.output
    assert "at revision 0002 (was 0001)" in r.output
    assert store.count("lsh_bands") == 2 * BANDS
    reprint = _variant(a, "https://other.example/reprint", "(وكالات) - ")
    res = Store(db_url).add_record(reprint.to_dict())
    assert res.story_id == {s["first_doc_id"]: s["id"] for s in store.stories()}[a.id]  # found through the backfilled bands
    store.close()
