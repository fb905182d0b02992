"""Third arguments pass: the error kinds an Arabic-reading analyst found on real articles (docs/plover.md,
"Third arguments pass"). Own sentences; entities built by hand (so the rules are tested apart from the name
tagger), except where a date needs the whole pipeline.

Kinds: victims are not agents; a target state is not the place; status under a call and of future verbs
(and no date from another sentence); the addressee of a request; the place of movements and visits; places
from the clause, the sentence, a witnessing place and the dateline.
"""

from __future__ import annotations

import datetime as dt

from khabar.doc import Document, Entity, Event, Meta, check_offsets
from khabar.events.coder import code_events
from khabar.pipeline import default_pipeline, extract

# surface -> (label, name_en, country, sector, canonical KB id or "")
KB: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "التركية": ("NORP", "Turkish", "TUR", None, ""),
    "تركي": ("NORP", "Turkish", "TUR", None, ""),
    "عراقي": ("NORP", "Iraqi", "IRQ", None, ""),
    "العراقية": ("NORP", "Iraqi", "IRQ", None, ""),
    "العراقي": ("NORP", "Iraqi", "IRQ", None, ""),
    "الأردني": ("NORP", "Jordanian", "JOR", None, ""),
    "المصري": ("NORP", "Egyptian", "EGY", None, ""),
    "الروسية": ("NORP", "Russian", "RUS", None, ""),
    "الأمريكية": ("NORP", "American", "USA", None, ""),
    "الأفارقة": ("NORP", "Africans", None, None, ""),
    "روسيا": ("GPE", "Russia", "RUS", None, "Q159"),
    "مالي": ("GPE", "Mali", "MLI", None, "Q912"),
    "سوريا": ("GPE", "Syria", "SYR", None, "Q858"),
    "الولايات المتحدة": ("GPE", "United States", "USA", None, "Q30"),
    "العراق": ("GPE", "Iraq", "IRQ", None, "Q796"),
    "شمال العراق": ("LOC", "Northern Iraq", "IRQ", None, ""),
    "الأردن": ("GPE", "Jordan", "JOR", None, "Q810"),
    "ليبيا": ("GPE", "Libya", "LBY", None, "Q1016"),
    "حلب": ("GPE", "Aleppo", "SYR", None, "Q41183"),
    "بغداد": ("GPE", "Baghdad", "IRQ", None, "Q1530"),
    "دمشق": ("GPE", "Damascus", "SYR", None, "Q3766"),
    "القاهرة": ("GPE", "Cairo", "EGY", None, "Q85"),
    "البصرة": ("GPE", "Basra", "IRQ", None, "Q48195"),
}


def _doc(text: str) -> Document:
    """``text`` segmented, with every occurrence of a KB name as an entity (longest names first)."""
    doc = default_pipeline(["segment"])(Document.new(text, Meta(published=dt.date(2024, 5, 2))))
    taken: list[tuple[int, int]] = []
    ents: list[Entity] = []
    for name in sorted(KB, key=len, reverse=True):
        k = text.find(name)
        while k >= 0:
            if not any(s < k + len(name) and k < e for s, e in taken):
                lab, en, cc, sec, canon = KB[name]
                ents.append(Entity(f"e{len(ents) + 1}", k, k + len(name), name, lab, en, None, cc, canon or en, sec))
                taken.append((k, k + len(name)))
            k = text.find(name, k + 1)
    return doc.with_(entities=tuple(sorted(ents, key=lambda e: e.start)))


def _events(text: str) -> tuple[Document, tuple[Event, ...]]:
    doc = _doc(text)
    evs = code_events(doc)
    assert not check_offsets(doc.with_(events=evs))
    return doc, evs


def _by_trigger(evs: tuple[Event, ...], word: str) -> Event:
    got = [e for e in evs if e.trigger.text == word or any(m.text == word for m in e.mentions)]
    assert got, f"no event with trigger {word!r} in {[(e.type, e.trigger.text) for e in evs]}"
    return got[0]


def _place(doc: Document, ev: Event) -> str | None:
    e = doc.entity(ev.location) if ev.location else None
    return e.text if e is not None else None


# ------------------------------------------------------------------ 1. victims are not agents


def test_wounded_of_a_consequence_is_not_the_attacker() -> None:
    # "Turkish forces came under a rocket attack in northern Iraq that killed a Turkish soldier and wounded an
    # Iraqi civilian, in the most violent attack in months": nobody named did it
    doc, evs = _events("تعرضت القوات التركية لهجوم صاروخي في شمال العراق أدى إلى مقتل جندي تركي وإصابة مدني عراقي، "
                       "في أعنف هجوم منذ أشهر.")
    ev = _by_trigger(evs, "هجوم صاروخي")
    assert ev.source is None
    assert ev.target is not None and ev.target.country == "TUR" and ev.target.sector == "MIL"
    assert _place(doc, ev) == "شمال العراق"
    assert all(e.source is None for e in evs if e.type == "ASSAULT")


def test_conjunct_of_the_target_is_not_the_source_of_an_instance() -> None:
    # "an armed group allied with Russia launched attacks that targeted Mali and its African allies, including a
    # rocket attack on a military base": the instance keeps the group as its doer, not "the Africans"
    doc, evs = _events("وشنت جماعة مسلحة متحالفة مع روسيا هجمات استهدفت مالي وحلفاءها الأفارقة في الشهر الماضي، "
                       "بما في ذلك هجوم صاروخي على قاعدة عسكرية.")
    tally = _by_trigger(evs, "هجمات")
    assert tally.source is not None and tally.source.text == "جماعة مسلحة متحالفة مع روسيا"
    assert tally.target is not None and tally.target.country == "MLI"
    one = _by_trigger(evs, "هجوم صاروخي")
    assert one is not tally  # an instance of a tally is a happening of its own
    assert one.source is not None and one.source.text == "جماعة مسلحة متحالفة مع روسيا"


# ------------------------------------------------------------------ 2. a target state is not the place


def test_attacked_state_is_not_the_place() -> None:
    # "armed factions in Syria launched attacks that targeted the United States": the place is Syria
    doc, evs = _events("ونفذت فصائل مسلحة في سوريا هجمات استهدفت الولايات المتحدة.")
    ev = _by_trigger(evs, "هجمات")
    assert ev.target is not None and ev.target.country == "USA"
    assert _place(doc, ev) == "سوريا"


def test_shelled_city_is_still_the_place() -> None:
    # "Russian aircraft shelled Aleppo": a city as the object is where it happened
    doc, evs = _events("قصفت الطائرات الروسية حلب.")
    ev = _by_trigger(evs, "قصفت")
    assert _place(doc, ev) == "حلب"


# ------------------------------------------------------------------ 3. status under a call, future verbs


def test_event_noun_far_inside_a_call_is_requested() -> None:
    # "the Iraqi government called, through the foreign ministry in an official statement issued today, for more
    # military cooperation with Jordan": the cooperation is asked for, not reported
    doc, evs = _events("دعت الحكومة العراقية عبر وزارة الخارجية في بيان رسمي صدر اليوم إلى زيادة التعاون العسكري "
                       "مع الأردن، وتوسيع التدريب المشترك.")
    req = next(e for e in evs if e.type == "REQUEST")
    assert req.status == "occurred"
    coop = next(e for e in evs if e.type == "COOPERATE")
    assert coop.status == "requested"


def test_a_new_clause_after_a_call_is_not_requested() -> None:
    # "… called for dialogue, and the army arrested five gunmen": the arrest is reported, not requested
    doc, evs = _events("دعا الوزير العراقي إلى الحوار، واعتقلت قوات الأمن خمسة مسلحين.")
    arrest = next(e for e in evs if e.type == "COERCE")
    assert arrest.status == "occurred"


def test_future_verb_with_conjunction_is_planned_and_keeps_no_other_sentence_date() -> None:
    # "we will keep sending aid to those affected" (و + future س) after a dated, reported delivery
    text = ("أرسلت الأمم المتحدة في العاشر من يناير الماضي المساعدات إلى المتضررين من الفيضانات في ليبيا. "
            "وقال الوزير المصري: وسنواصل إرسال المساعدات إلى كل المتضررين.")
    doc = extract(text, published=dt.date(2024, 3, 1))
    planned = [e for e in doc.events if e.type == "AID" and e.sentence == 1]
    assert planned and planned[0].status == "planned"
    assert planned[0].date_source != "clause" and planned[0].date_value is None


# ------------------------------------------------------------------ 4. the addressee of a request


def test_addressee_after_a_participle_is_the_target() -> None:
    # "…, calling on the European states to lift the restrictions imposed on Libya"
    doc, evs = _events("أكد الوزير المصري أن بلاده تدعم الحل السياسي، داعياً الدول الأوروبية إلى رفع القيود المفروضة "
                       "على ليبيا.")
    req = next(e for e in evs if e.type == "REQUEST")
    assert req.target is not None and req.target.text == "الدول الأوروبية"
    assert req.target.country is None  # several states, no one country
    assert req.source is not None and req.source.country == "EGY"


# ------------------------------------------------------------------ 5. movements and visits


def test_destination_places_every_event_of_the_sentence() -> None:
    # "the Jordanian minister arrived in Baghdad yesterday on an official visit, and met the Iraqi president"
    doc, evs = _events("وصل الوزير الأردني إلى بغداد أمس في زيارة رسمية، والتقى خلالها الرئيس العراقي.")
    visit = _by_trigger(evs, "زيارة")
    meet = _by_trigger(evs, "والتقى") if any(e.trigger.text == "والتقى" for e in evs) else _by_trigger(evs, "التقى")
    assert _place(doc, visit) == "بغداد"
    assert _place(doc, meet) == "بغداد"


def test_two_destinations_place_nothing() -> None:
    # "the minister visited Baghdad, then went to Damascus, and met the Iraqi prime minister": which city? none
    # is given to the meeting
    doc, evs = _events("زار الوزير الأردني بغداد ثم توجه إلى دمشق، والتقى رئيس الوزراء العراقي.")
    meet = next(e for e in evs if e.type == "CONSULT" and "لتقى" in e.trigger.text)
    assert meet.location is None


# ------------------------------------------------------------------ 6. places generally


def test_dateline_places_the_lead_only() -> None:
    # "Baghdad - Iraqi security forces arrested five people … . Hundreds of students demonstrated against the
    # government." — the lead is the dateline's story; the second report names no place
    doc, evs = _events("بغداد - اعتقلت قوات الأمن العراقية خمسة أشخاص يشتبه بتورطهم في التفجير. "
                       "وتظاهر مئات الطلاب ضد الحكومة.")
    arrest = next(e for e in evs if e.type == "COERCE")
    assert _place(doc, arrest) == "بغداد"
    demo = next(e for e in evs if e.type == "PROTEST")
    assert demo.location is None


def test_the_place_that_witnessed_an_event() -> None:
    # "the city of Basra saw large demonstrations against corruption": Basra is the place, not the protester
    doc, evs = _events("شهدت مدينة البصرة مظاهرات حاشدة ضد الفساد.")
    demo = next(e for e in evs if e.type == "PROTEST")
    assert _place(doc, demo) == "البصرة"
    assert demo.source is None or demo.source.sector == "CVL"


def test_the_one_place_of_the_sentence_places_a_withdrawal() -> None:
    # "the minister spoke about the American presence in Iraq, as he explained that the number of American
    # forces will be reduced"
    doc, evs = _events("وتحدث الوزير عن الوجود الأمريكي في العراق، إذ أوضح أنه سيتم تخفيض عدد القوات الأمريكية.")
    ev = next(e for e in evs if e.type == "RETREAT")
    assert ev.status == "planned"
    assert _place(doc, ev) == "العراق"


def test_a_place_between_a_reporting_verb_and_its_complementizer_is_not_the_event_place() -> None:
    # "a police spokesman in Cairo said that security forces arrested three suspects": Cairo is where it was said
    doc, evs = _events("وقال متحدث باسم الشرطة في القاهرة إن قوات الأمن اعتقلت ثلاثة مشتبه بهم.")
    ev = next(e for e in evs if e.type == "COERCE")
    assert ev.location is None
