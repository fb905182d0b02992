"""Argument rules of the follow-up pass on issue 7 (own sentences; entities built by hand)."""

from __future__ import annotations

import datetime as dt

from khabar.doc import Document, Entity, Meta, check_offsets
from khabar.events.coder import code_events
from khabar.pipeline import default_pipeline

# surface -> (label, name_en, country)
KB = {
    "القاهرة": ("GPE", "Cairo", "EGY"),
    "غزة": ("GPE", "Gaza", "PSE"),
    "ليبيا": ("GPE", "Libya", "LBY"),
    "الفرنسية": ("NORP", "French", "FRA"),
}


def _events(text: str) -> tuple:
    doc = default_pipeline(["segment"])(Document.new(text, Meta(published=dt.date(2024, 5, 2))))
    ents = []
    for n, name in enumerate(KB, start=1):
        k = text.find(name)
        if k >= 0:
            lab, en, cc = KB[name]
            ents.append(Entity(f"e{n}", k, k + len(name), name, lab, en, None, cc, en, None))
    doc = doc.with_(entities=tuple(sorted(ents, key=lambda e: e.start)))
    evs = code_events(doc)
    assert not check_offsets(doc.with_(events=evs))
    return evs


def _only(evs: tuple, typ: str):
    got = [e for e in evs if e.type == typ]
    assert got, f"no {typ} in {[(e.type, e.trigger.text) for e in evs]}"
    return got[0]


def test_dateline_city_is_not_the_source() -> None:
    # "Cairo - the French forces left Libya yesterday": Cairo only says where the report was filed
    ev = _only(_events("القاهرة - غادرت القوات الفرنسية ليبيا أمس."), "RETREAT")
    assert ev.source is not None and ev.source.text == "القوات الفرنسية"
    assert ev.source.country == "FRA"


def test_dateline_city_is_not_the_target_of_a_passive() -> None:
    ev = _only(_events("غزة - قُتل ثلاثة أشخاص أمس."), "ASSAULT")
    assert ev.target is None or ev.target.text != "غزة"

