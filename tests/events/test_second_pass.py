"""Issue 7, second pass: kinds of errors fixed after the first pass (own sentences; entities by hand)."""

from __future__ import annotations

import datetime as dt
from unittest.mock import patch

import pytest

from khabar.doc import Document, Entity, Meta, Quantity, Timex
from khabar.events.coder import code_events, written_passive
from khabar.events.discourse import is_headline
from khabar.pipeline import default_pipeline

from .test_coder import KB, make, only, run

EXTRA_KB = {
    "النيجر": ("GPE", "Niger", "NER", None),
    "الفرنسيين": ("NORP", "French", "FRA", None),
    "الاتحاد الأفريقي": ("ORG", "African Union", None, "IGO"),
    "وكالة الأنباء": ("ORG", "News Agency", None, "MED"),
    "طالب": ("PER", "Talib", None, None),  # a name elsewhere in an article (مشتاق طالب): see the وطالب test
}


@pytest.fixture(autouse=True)
def _extra_kb():  # type: ignore[no-untyped-def]
    """This module's extra names, only while its own tests run (test_coder's KB is left as it is)."""
    with patch.dict(KB, EXTRA_KB):
        yield


def types(evs: tuple) -> list[str]:
    return [e.type for e in evs]


# ------------------------------------------------------------------ voice and agents
@pytest.mark.parametrize("word,passive", [
    ("قُتل", True), ("اعتُقل", True), ("استُهدف", True), ("سُلِّم", True), ("أُصيب", True),
    ("يُقتَل", True), ("تُسلَّم", True),
    ("قتل", False), ("قَتَل", False), ("يُهاجِم", False), ("هاجم", False),
])
def test_written_passive(word: str, passive: bool) -> None:
    assert written_passive(word) is passive


def test_vowelled_passive_makes_the_subject_a_target() -> None:
    ev = only(run("قُتل ثلاثة جنود أمريكيين في غارة."), "ASSAULT")
    assert ev.source is None
    ev = only(run("اعتُقل عشرات المتظاهرين في القاهرة."), "COERCE")
    assert ev.source is None


def test_reporter_is_not_the_agent_across_clauses() -> None:
    text = "وقالت وكالة الأنباء في بيان، نقلا عن مصدر، إن الجيش الروسي قصف مواقع في المدينة."
    ev = only(run(text), "ASSAULT")
    assert ev.source is None or ev.source.name_en != "News Agency"


def test_non_actor_subject_blocks_vso_and_weapon_takes_earlier_nationality() -> None:
    text = ("قُتل قائد في ضربة نفذتها طائرة مسيرة أمريكية. وقال مصدر أمني إن الطائرة أطلقت صاروخين "
            "على سيارة تابعة لحماس.")
    evs = run(text)
    fired = [e for e in evs if any(m.text.startswith("أطلقت") for m in (e.mentions or (e.trigger,)))]
    assert fired and fired[0].source is not None and fired[0].source.country == "USA"


def test_coordinated_verb_shares_the_subject_and_masdar_takes_none() -> None:
    evs = run("فرضت الولايات المتحدة عقوبات على شركات في إيران، وجمدت أصولا لها.")
    assert all(e.source is None or e.source.country == "USA" for e in evs if e.type == "SANCTION")
    ev = only(run("عقوبات على شبكة لتهريب النفط من إيران واحتجاجات في القاهرة"), "PROTEST")
    assert ev.source is None


def test_troops_leaving_are_the_retreating_actor() -> None:
    ev = only(run("غادرت آخر دفعة من الجنود الفرنسيين النيجر أمس."), "RETREAT")
    assert ev.source is not None and ev.source.country == "FRA"


# ------------------------------------------------------------------ what is not an event
def test_hazards_durations_calendar_allegations_are_not_events() -> None:
    assert "ASSAULT" not in types(run("وقع الزلزال الذي ضرب جنوب تركيا فجرا."))
    assert "MOBILIZE" not in types(run("طوت فرنسا صفحة عقد من الانتشار العسكري في النيجر."))
    text = "ويوافق يوم الجمعة العاشر من الشهر."
    k = text.index("يوم الجمعة")
    doc = make(text, timexes=(Timex("t1", k, k + len("يوم الجمعة"), "يوم الجمعة", "DATE", "2023-11-24"),))
    assert "AGREE" not in types(code_events(doc))
    assert "AID" not in types(run("فرضت الولايات المتحدة عقوبات على شركات في إيران تتهمها بتمويل جماعات مسلحة."))
    assert "REJECT" not in types(run("فاز مرشح المعارضة في الانتخابات."))


def test_press_adjective_is_not_an_actor() -> None:
    ev = only(run("وقال الوزير في مؤتمر صحفي إن مصر ستفرج عن المعتقلين."), "RETREAT")
    assert ev.source is None or ev.source.sector != "MED"


def test_object_noun_of_another_verb_is_not_a_second_event() -> None:
    text = "كما علقت الولايات المتحدة في أكتوبر الماضي مساعدات بقيمة خمسمئة مليون دولار."
    k = text.index("أكتوبر الماضي")
    doc = make(text, timexes=(Timex("t1", k, k + len("أكتوبر الماضي"), "أكتوبر الماضي", "DATE", "2023-10"),))
    evs = code_events(doc)
    assert types(evs) == ["SANCTION"]
    assert evs[0].source is not None and evs[0].source.country == "USA"


# ------------------------------------------------------------------ lexicon additions
@pytest.mark.parametrize("text,typ,mode", [
    ("وقال المرشح إنه يقر بالهزيمة في الانتخابات.", "CONCEDE", None),
    ("وستُسلَّم الرهائن الثلاث يوم الأحد.", "RETREAT", "release"),
    ("واستخدمت الشرطة الغاز المسيل للدموع في القاهرة.", "ASSAULT", "crowd-control"),
    ("أعلنت الحكومة أنها ستشكل لجنة مشتركة مع مصر.", "COOPERATE", None),
    ("وأغلقت فرنسا سفارتها في النيجر.", "SANCTION", "discontinue"),
    ("وأصيب خمسة أشخاص في الاشتباكات.", "ASSAULT", None),
])
def test_new_triggers(text: str, typ: str, mode: str | None) -> None:
    ev = only(run(text), typ)
    assert ev.mode == mode


# ------------------------------------------------------------------ status
def test_status_from_terms_future_verbs_and_future_dates() -> None:
    ev = only(run("وينص الاتفاق على إطلاق المحتجزين مقابل إدخال مساعدات إنسانية إلى غزة يوميا."), "AID")
    assert ev.status == "planned"
    ev = only(run("وقال الوزير سنواصل استهداف مواقع حماس."), "ASSAULT")
    assert ev.status == "planned"
    text = "ويصادق المجلس على الاتفاق خلال الأيام المقبلة."
    s = text.index("خلال")
    doc = make(text, timexes=(Timex("t1", s, s + 20, text[s:s + 20], "DATE", "FUTURE_REF"),))
    assert only(code_events(doc), "SUPPORT").status == "planned"
    ev = only(run("أعلن الرئيس أن حكومته ستشكل لجنة مشتركة لترتيب إنهاء وجود القوات الأجنبية."), "RETREAT")
    assert ev.status == "planned"


# ------------------------------------------------------------------ one event per happening
def test_call_and_what_was_discussed_are_one_consultation() -> None:
    evs = run("تلقى وزير الخارجية اتصالا هاتفيا من نظيره المصري وبحثا العلاقات الثنائية.")
    assert types(evs).count("CONSULT") == 1
    evs = run("أجرى الوزير اتصالا هاتفيا مع نظيره التركي بحث خلاله الأوضاع في غزة.")
    assert types(evs).count("CONSULT") == 1


def test_means_merges_and_retaliation_stays_apart() -> None:
    evs = run("قُتل قائد في حماس أمس في ضربة جوية إسرائيلية على غزة.")
    assert types(evs).count("ASSAULT") == 1
    evs = run("وكانت الولايات المتحدة قد شنت غارات على مواقع في سوريا ردا على هجوم على قواتها.")
    assault = [e for e in evs if e.type == "ASSAULT"]
    assert len(assault) == 2
    assert assault[1].source is None or assault[1].source.country != "USA"


def test_headline_restatement_merges_into_the_body() -> None:
    text = "الناتو يوسع مهمة التدريب في العراق\nقال مسؤولون إن الناتو سيوسع مهمة التدريب والمشورة في العراق."
    doc = default_pipeline(["segment"])(Document.new(text, Meta(published=dt.date(2021, 2, 16))))
    n = text.index("الناتو", 10)
    ents = (Entity("e1", 0, 6, "الناتو", "ORG", "NATO", None, None, "NATO", "IGO"),
            Entity("e2", n, n + 6, "الناتو", "ORG", "NATO", None, None, "NATO", "IGO"))
    doc = doc.with_(entities=ents)
    assert is_headline(doc)
    evs = code_events(doc)
    aid = [e for e in evs if e.type in ("AID", "MOBILIZE")]
    assert len(aid) == 1 and aid[0].type == "AID"
    assert aid[0].status == "planned" and aid[0].sentence == 1 and len(aid[0].mentions) == 2


def test_tally_of_attacks_is_not_merged_with_one_attack() -> None:
    text = "استهدفت القوات الأمريكية قائدا في حماس. وتعرضت القوات الأمريكية لأكثر من 100 هجوم منذ أكتوبر."
    k = text.index("100")
    q = Quantity("q1", k, k + 3, "100", value=100, unit="attack", unit_ar="هجوم", bound="min")
    evs = run(text, quantities=(q,))
    assert types(evs).count("ASSAULT") == 2


def test_clause_initial_verb_survives_a_name_hit() -> None:
    ev = only(run("وطالب نواب في البرلمان الحكومة بإخراج القوات الأجنبية."), "REQUEST")
    assert ev.trigger.text == "طالب"


def test_dual_noun_agrees_with_both_parties() -> None:
    text = ("تلقى وزير الخارجية المصري اتصالا هاتفيا من نظيره التركي. "
            "وناقش الوزيران الأوضاع في غزة.")
    evs = run(text)
    assert types(evs).count("CONSULT") == 1


# ------------------------------------------------------------------ floors (only go up)
def test_floor_on_shared_gold_and_examples(shared_dir) -> None:  # type: ignore[no-untyped-def]
    """The issue's goal on ../shared/gold + examples/gold: event F1 >= 0.80 and status >= 0.90 (now 0.88 / 0.94)."""
    from pathlib import Path

    from khabar.eval.score import run_eval

    root = Path(__file__).resolve().parents[2]
    files = sorted((shared_dir / "gold").glob("*.gold.json")) + sorted((root / "examples" / "gold").glob("*.gold.json"))
    ev = run_eval(files).total["events"]
    assert ev["found"].f1 >= 0.85, ev["found"].to_dict()  # type: ignore[union-attr]
    assert ev["status"].accuracy >= 0.92  # type: ignore[union-attr,operator]


# ------------------------------------------------------------------ places, co-subjects, clefts
def test_place_as_direct_object_is_the_location() -> None:
    doc = make("يزور رجب طيب أردوغان القاهرة الأسبوع المقبل.")
    ev = only(code_events(doc), "CONSULT")
    assert ev.location is not None and doc.entity(ev.location).text == "القاهرة"  # type: ignore[union-attr]


def test_coordinated_second_subject_is_not_the_target() -> None:
    ev = only(run("ورحب الاتحاد الأفريقي والاتحاد الأوروبي بنتائج الانتخابات."), "SUPPORT")
    assert ev.source is not None and ev.source.name_en == "African Union"
    assert ev.target is None or ev.target.name_en != "European Union"


def test_cleft_pronoun_takes_the_topic_across_apposition() -> None:
    text = "وقال دبلوماسيون إن الرئيس التركي رجب طيب أردوغان، الذي تولى منصبه قبل سنوات، هو الذي دعا إلى عقد القمة."
    ev = only(run(text), "REQUEST")
    assert ev.source is not None and ev.source.name_en == "Recep Tayyip Erdoğan"


def test_who_announces_a_death_did_not_cause_it() -> None:
    ev = only(run("أعلنت الحكومة الأردنية مقتل ثلاثة جنود في هجوم على الحدود."), "ASSAULT")
    assert ev.source is None or ev.source.country != "JOR"
    ev = only(run("هاجمت القوات الأردنية مواقع المسلحين."), "ASSAULT")  # a real agent is kept
    assert ev.source is not None and ev.source.country == "JOR"


def test_a_future_date_of_the_requested_event_does_not_make_the_call_planned() -> None:
    text = "ودعا الاتحاد إلى إضراب عام في 25 يونيو."
    k = text.index("25 يونيو")
    doc = make(text, timexes=(Timex("t1", k, k + len("25 يونيو"), "25 يونيو", "DATE", "2021-06-25"),))
    evs = code_events(doc)
    assert only(evs, "REQUEST").status == "occurred"
    assert only(evs, "PROTEST").status == "requested"


def test_subject_pronoun_on_a_particle_takes_the_topic_and_leaves_the_object() -> None:
    text = "ورحب الاتحاد الأوروبي بالإفراج عن المعتقلين، لكنه دعا إيران إلى إطلاق سراح الآخرين."
    ev = only(run(text), "REQUEST")
    assert ev.source is not None and ev.source.name_en == "European Union"
    assert ev.target is not None and ev.target.country == "IRN"
