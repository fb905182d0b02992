"""Corpus endpoints over a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from khabar.api import ApiSettings, create_app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    db = tmp_path_factory.mktemp("api") / "khabar.db"
    c = TestClient(create_app(ApiSettings(db_url=f"sqlite:///{db}")))
    for txt in sorted(EXAMPLES.glob("*.txt")):
        meta = json.loads(txt.with_suffix(".meta.json").read_text(encoding="utf-8"))
        r = c.post("/v1/documents", json={"text": txt.read_text(encoding="utf-8"), "published": meta["published"], "title": meta["title"], "url": f"https://example.org/{txt.stem}"})
        assert r.status_code == 200, r.text
        assert r.json()["status"] == "stored"
    return c


def test_posting_again_is_idempotent(client):
    txt = sorted(EXAMPLES.glob("*.txt"))[0]
    r = client.post("/v1/documents", json={"text": txt.read_text(encoding="utf-8"), "url": f"https://example.org/{txt.stem}"})
    assert r.json()["status"] == "duplicate"
    docs = client.get("/v1/documents").json()["documents"]
    assert len(docs) == 3


def test_document_round_trips_as_spec_record(client):
    docs = client.get("/v1/documents?per_page=2").json()
    assert len(docs["documents"]) == 2 and docs["has_more"] is True
    doc_id = docs["documents"][0]["id"]
    rec = client.get(f"/v1/documents/{doc_id}").json()
    assert rec["id"] == doc_id
    for e in rec["entities"]:
        assert rec["text"][e["start"] : e["end"]] == e["text"]
    assert client.get("/v1/documents/nope").status_code == 404


def test_events_filters(client):
    allev = client.get("/v1/events?per_page=500").json()["events"]
    assert allev, "the examples report events"
    for e in allev:
        assert e["doc_id"] and e["sentence_text"] and e["trigger_start"] is not None
    assaults = client.get("/v1/events?type=ASSAULT&per_page=500").json()["events"]
    assert assaults and all(e["event_type"] == "ASSAULT" for e in assaults)
    occurred = client.get("/v1/events?status=occurred&per_page=500").json()["events"]
    assert all(e["status"] == "occurred" for e in occurred)
    irq = client.get("/v1/events?country=IRQ&per_page=500").json()["events"]
    assert irq and len(irq) < len(allev)
    assert client.get("/v1/events?type=BOMB").status_code == 422
    assert client.get("/v1/events?from=yesterday").status_code == 422
    p1 = client.get("/v1/events?per_page=2&page=1").json()
    p2 = client.get("/v1/events?per_page=2&page=2").json()
    assert p1["events"] != p2["events"] and p1["has_more"]


def test_timeline_places_and_entity(client):
    tl = client.get("/v1/stats/timeline?by=day").json()
    assert tl["series"] and all(s["count"] >= 1 for s in tl["series"])
    wk = client.get("/v1/stats/timeline?by=week").json()
    assert all("-W" in s["period"] for s in wk["series"])
    places = client.get("/v1/stats/places").json()["places"]
    assert any(p["lat"] is not None for p in places)
    ent = client.get("/v1/entities/Q1530").json()  # Baghdad
    assert ent["name_en"] == "Baghdad" and len(ent["mentions"]) >= 2
    assert client.get("/v1/entities/Baghdad").json()["kb"] == "Q1530"
    assert client.get("/v1/entities/Q0").status_code == 404


def test_without_a_database_corpus_routes_say_how():
    c = TestClient(create_app(ApiSettings()))
    r = c.get("/v1/events")
    assert r.status_code == 503 and "--db" in r.json()["error"]["message"]


def test_timeline_skips_events_without_a_full_day(client, monkeypatch):
    import khabar.store.store as st

    rows = [{"event_day": None, "event_date": "2023-08", "event_type": "PROTEST"}, {"event_date": None, "event_type": "AID"},
            {"event_day": "2023-08-02", "event_type": "PROTEST"}]
    monkeypatch.setattr(st.Store, "iter_events", lambda self, f=None: iter(rows))
    tl = client.get("/v1/stats/timeline?by=day").json()
    assert tl["series"] == [{"period": "2023-08-02", "type": "PROTEST", "count": 1}]
