"""Argument rules of the follow-up pass on issue 7 (own sentences; entities built by hand)."""

from __future__ import annotations

import datetime as dt

import pytest

from khabar.doc import Document, Entity, Meta, check_offsets
from khabar.events.actors import find_actor_phrases
from khabar.events.coder import code_events
from khabar.pipeline import default_pipeline

# surface -> (label, name_en, country)
KB = {
    "القاهرة": ("GPE", "Cairo", "EGY"),
    "غزة": ("GPE", "Gaza", "PSE"),
    "ليبيا": ("GPE", "Libya", "LBY"),
    "الفرنسية": ("NORP", "French", "FRA"),
    "السودانية": ("NORP", "Sudanese", "SDN"),
    "الإثيوبية": ("NORP", "Ethiopian", "ETH"),
    "الاتحاد الأوروبي": ("ORG", "European Union", None),
    "روسية": ("NORP", "Russian", "RUS"),
    "المجلس العسكري": ("ORG", "Military Council", None),
    "الأمريكي": ("NORP", "American", "USA"),
    "المصري": ("NORP", "Egyptian", "EGY"),
    "التركي": ("NORP", "Turkish", "TUR"),
    "السوداني": ("NORP", "Sudanese", "SDN"),
    "سامح شكري": ("PER", "Sameh Shoukry", "EGY"),
    "هاكان فيدان": ("PER", "Hakan Fidan", "TUR"),
    "أنقرة": ("GPE", "Ankara", "TUR"),
    "مصر": ("GPE", "Egypt", "EGY"),
}


def _doc(text: str) -> Document:
    doc = default_pipeline(["segment"])(Document.new(text, Meta(published=dt.date(2024, 5, 2))))
    ents = []
    for n, name in enumerate(KB, start=1):
        k = text.find(name)
        if k >= 0:
            lab, en, cc = KB[name]
            ents.append(Entity(f"e{n}", k, k + len(name), name, lab, en, None, cc, en, None))
    return doc.with_(entities=tuple(sorted(ents, key=lambda e: e.start)))


def _events(text: str) -> tuple:
    doc = _doc(text)
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



def test_object_np_with_its_own_nationality_is_not_swallowed_by_the_subject() -> None:
    # VSO: "the Sudanese government accused the Ethiopian forces of shelling border villages"
    ev = _only(_events("اتهمت الحكومة السودانية القوات الإثيوبية بقصف قرى حدودية."), "ACCUSE")
    assert ev.source is not None and ev.source.text == "الحكومة السودانية" and ev.source.country == "SDN"
    assert ev.target is not None and ev.target.text == "القوات الإثيوبية" and ev.target.country == "ETH"


def test_adjective_after_a_name_stays_in_the_phrase() -> None:
    # no nationality after الحاكم: it qualifies the council, it is not a second actor
    text = "ألغى المجلس العسكري الحاكم الاتفاق."
    doc = _doc(text)
    phrases = find_actor_phrases(doc, doc.sentences[0])
    assert [p.actor.text for p in phrases] == ["المجلس العسكري الحاكم"]


@pytest.mark.parametrize("count", ["ثلاث", "12", "عشرات"])
def test_counted_object_keeps_its_preposition(count: str) -> None:
    # "the EU imposed sanctions on <count> Russian companies": the companies are the target
    ev = _only(_events(f"فرض الاتحاد الأوروبي عقوبات على {count} شركات روسية."), "SANCTION")
    assert ev.source is not None and ev.source.name_en == "European Union"
    assert ev.target is not None and ev.target.country == "RUS"


def test_nationality_of_a_governed_noun_and_name_in_apposition() -> None:
    # "... made a phone call with his Egyptian counterpart Sameh Shoukry"
    ev = _only(_events("أجرى وزير الخارجية الأمريكي اتصالا هاتفيا مع نظيره المصري سامح شكري."), "CONSULT")
    assert ev.target is not None and ev.target.name_en == "Sameh Shoukry" and ev.target.country == "EGY"
    assert ev.source is not None and ev.source.country == "USA"


def test_nationality_after_a_governed_people_noun_is_the_target() -> None:
    # "Egypt expressed its solidarity with the Sudanese people"
    evs = _events("أكدت مصر تضامنها مع الشعب السوداني.")
    ev = _only(evs, "SUPPORT")
    assert ev.target is not None and ev.target.country == "SDN"


def test_counterpart_after_the_verb_is_the_object_not_the_subject() -> None:
    # "Shoukry arrived in Ankara yesterday and met his Turkish counterpart Hakan Fidan"
    evs = _events("وصل وزير الخارجية المصري سامح شكري إلى أنقرة أمس، والتقى نظيره التركي هاكان فيدان.")
    met = [e for e in evs if e.type == "CONSULT" and e.target is not None and e.target.name_en == "Hakan Fidan"]
    assert met, [(e.type, e.trigger.text, e.source, e.target) for e in evs]
    assert all(e.source is None or e.source.name_en != "Hakan Fidan" for e in evs)
