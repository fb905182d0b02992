"""Tests for khabar.extract.quotes: direct/indirect quotes, speakers, cues, attributions.

Every sentence here is written for these tests. The gold-article test reads
../shared and skips when it is absent.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from khabar.doc import Document, Entity, Meta, check_offsets
from khabar.extract.quotes import cue_lexicon, find_attributions, find_quotes
from khabar.pipeline import default_pipeline

from _handmade import hand_entities

SEG = default_pipeline(["segment"])


def mk(text: str, ents: list[tuple[str, str, str | None]] = (), occurrence: str = "all") -> Document:  # type: ignore[assignment]
    """A segmented document with hand-made entities: (surface, label, name_en) for every occurrence."""
    doc = SEG(Document.new(text, Meta(published=dt.date(2024, 3, 1))))
    return doc.with_(entities=hand_entities(text, ents))


def quotes(text: str, ents=()) -> tuple:  # type: ignore[no-untyped-def]
    doc = mk(text, ents)
    qs = find_quotes(doc)
    assert not check_offsets(doc.with_(quotes=qs)), "offset invariant broken"
    assert [q.id for q in qs] == [f"qt{i}" for i in range(1, len(qs) + 1)]
    assert [q.start for q in qs] == sorted(q.start for q in qs)
    return qs


def only(text: str, ents=()):  # type: ignore[no-untyped-def]
    qs = quotes(text, ents)
    assert len(qs) == 1, qs
    return qs[0]


# ----------------------------------------------------------------------------- lexicon


def test_lexicon_loads_and_expands_imperfect_prefixes() -> None:
    stems = {s for s, _ in cue_lexicon()}
    assert {"قال", "يقول", "تقول", "نقول", "مؤكد", "يؤكد"} <= stems


@pytest.mark.parametrize(
    "verb,cue",
    [
        ("قال", "قال"), ("وقالت", "قالت"), ("فقالوا", "قالوا"), ("ويقول", "يقول"), ("تقول", "تقول"),
        ("يقولون", "يقولون"), ("أكد", "أكد"), ("وأكّدت", "أكّدت"), ("يؤكدون", "يؤكدون"), ("أوضحت", "أوضحت"),
        ("صرّح", "صرّح"), ("أعلنت", "أعلنت"), ("نفى", "نفى"), ("ونفت", "نفت"), ("حذّر", "حذّر"),
        ("رأى", "رأى"), ("اعتبرت", "اعتبرت"), ("ذكروا", "ذكروا"), ("كشف", "كشف"), ("أفاد", "أفاد"),
        ("زعمت", "زعمت"), ("سيقول", "يقول"),
    ],
)
def test_indirect_cue_inflections(verb: str, cue: str) -> None:
    text = f"{verb} المتحدث إن الاجتماع سيعقد في موعده."
    q = only(text)
    assert not q.direct and q.cue == cue
    assert q.text == "إن الاجتماع سيعقد في موعده"


# ----------------------------------------------------------------------------- direct quotes


@pytest.mark.parametrize(
    "o,c",
    [("“", "”"), ("«", "»"), ("„", "“"), ('"', '"'), ("'", "'"), ("”", "”"), ("”", "“")],
)
def test_direct_quote_every_mark(o: str, c: str) -> None:
    text = f"وقال رئيس البلدية: {o}سنفتح الجسر الجديد أمام السيارات غدا{c}."
    q = only(text, [("رئيس البلدية", "PER", None)])
    assert q.direct and q.cue == "قال"
    assert q.text == f"{o}سنفتح الجسر الجديد أمام السيارات غدا{c}"  # marks in, final period out


def test_direct_quote_cue_after_svo_speaker_after_verb() -> None:
    text = "«المساعدات لن تكفي أكثر من أسبوع»، قالت المنسقة الأممية ليلى حداد للصحفيين."
    q = only(text, [("ليلى حداد", "PER", "Laila Haddad")])
    assert q.direct and q.cue == "قالت"
    assert q.text == "«المساعدات لن تكفي أكثر من أسبوع»"
    assert q.speaker is not None and q.speaker.name_en == "Laila Haddad" and q.speaker.text == "ليلى حداد"


def test_unclosed_quote_ends_with_its_sentence() -> None:
    text = "ودعا المحافظ سامر نعيم إلى ” إصلاح شبكة المياه في الأحياء الشرقية قبل الصيف .\nوفي سياق آخر تراجعت الأسعار."
    q = only(text, [("سامر نعيم", "PER", "Samer Naim")])
    assert q.direct and q.cue == "دعا"
    assert q.text == "” إصلاح شبكة المياه في الأحياء الشرقية قبل الصيف"
    assert q.speaker.name_en == "Samer Naim"  # type: ignore[union-attr]


def test_quoted_names_are_not_quotes() -> None:
    text = (
        "وسيطر مقاتلو تنظيم “داعش” على القرية. وأطلقت الشركة حملة «الأرض الخضراء». "
        "وأعلنت وزارة الصحة المغربية رسميا “الوزارة” بدء الحملة."
    )
    assert quotes(text) == ()


def test_short_name_after_agency_with_cue_verb_is_not_a_quote() -> None:
    text = "وأعلنت وزارة الدفاع “البنتاغون” بدء الانسحاب. وقال لهم: “انتهى الأمر”."
    qs = quotes(text, [("وزارة الدفاع", "ORG", "United States Department of Defense"),
                       ("البنتاغون", "ORG", "United States Department of Defense")])
    assert [q.text for q in qs] == ["“انتهى الأمر”"]


def test_slogan_after_naming_noun_is_not_a_quote_even_when_long() -> None:
    text = "ورفع المحتجون شعار «لا للغلاء ولا للبطالة في مدينتنا» أمام البرلمان."
    assert quotes(text) == ()


def test_short_quote_with_colon_is_a_quote() -> None:
    q = only("وسئل عن الاستقالة فقال: «لن أستقيل».")
    assert q.direct and q.cue == "قال" and q.text == "«لن أستقيل»"


def test_long_quote_without_cue_is_direct_with_no_cue() -> None:
    text = "ووصفت الصحيفة الخطة بأنها “خطوة جريئة لإنقاذ القطاع الزراعي من الانهيار”."
    q = only(text)
    assert q.direct and q.cue is None
    assert q.text == "“خطوة جريئة لإنقاذ القطاع الزراعي من الانهيار”"


def test_nested_marks_stay_in_the_outer_quote() -> None:
    text = "وقال المدرب: «اللاعبون رددوا “سنعود أقوى” بعد المباراة مباشرة»."
    q = only(text)
    assert q.text == "«اللاعبون رددوا “سنعود أقوى” بعد المباراة مباشرة»"


def test_colon_direct_quote_is_not_also_indirect() -> None:
    text = "وأضاف: “إن الطريق إلى الحل ما زال طويلا”."
    qs = quotes(text)
    assert len(qs) == 1 and qs[0].direct and qs[0].cue == "أضاف"


def test_qalat_fihi_direct_with_agency_speaker() -> None:
    text = (
        "دعت الحكومة الأردنية عبر وزارة الخارجية إلى التهدئة. "
        "ونشرت الوزارة بيانا على موقعها الرسمي، قالت فيه: ”ندين الاعتداء على المدنيين بكل أشكاله”."
    )
    q = only(text, [("الحكومة الأردنية", "ORG", "Government of Jordan"),
                    ("وزارة الخارجية", "ORG", "Ministry of Foreign Affairs of Jordan")])
    assert q.direct and q.cue == "قالت"
    assert q.speaker is not None and q.speaker.text == "الوزارة"
    assert q.speaker.name_en == "Ministry of Foreign Affairs of Jordan"


# ----------------------------------------------------------------------------- indirect quotes and speakers


def test_indirect_vso_speaker_skips_title() -> None:
    text = "وقال وزير الطاقة الكويتي أحمد الفارس أمس الأحد إن الإنتاج سيرتفع في الربع المقبل."
    q = only(text, [("الكويتي", "NORP", "Kuwaiti"), ("أحمد الفارس", "PER", "Ahmad Al-Fares")])
    assert q.cue == "قال" and q.text == "إن الإنتاج سيرتفع في الربع المقبل"
    assert q.speaker.text == "أحمد الفارس" and q.speaker.entity is not None  # type: ignore[union-attr]


def test_indirect_svo_subject_before_verb() -> None:
    text = "الرئيس التونسي قيس سعيد قال في خطاب متلفز إن الانتخابات ستجرى في موعدها."
    q = only(text, [("قيس سعيد", "PER", "Kais Saied"), ("التونسي", "NORP", "Tunisian")])
    assert q.speaker.name_en == "Kais Saied"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "subj,name",
    [
        ("مسؤولون ودبلوماسيون", "officials and diplomats"),
        ("دبلوماسيون", "diplomats"),
        ("مصادر أمنية", "security sources"),
        ("شهود عيان", "witnesses"),
        ("3 مسؤولين", "officials"),
        ("مسؤول عسكري", "military official"),
    ],
)
def test_common_noun_speakers(subj: str, name: str) -> None:
    q = only(f"وقال {subj} إن القصف استمر حتى الفجر.")
    assert q.speaker is not None and q.speaker.entity is None and q.speaker.name_en == name
    assert q.speaker.text == subj.split(" ", 1)[1] if subj[0].isdigit() else q.speaker.text == subj


def test_complementizer_with_preposition_and_pronoun() -> None:
    q = only("ولفت خبراء إلى أن الجفاف سيؤثر على المحاصيل.")
    assert q.cue == "لفت" and q.text == "إلى أن الجفاف سيؤثر على المحاصيل"
    q = only("وشدد المتحدث على أنه لا تراجع عن القرار.")
    assert q.cue == "شدد" and q.text == "على أنه لا تراجع عن القرار"
    q = only("وأكدت الشركة بأنها ستعوض المتضررين.")
    assert q.text == "بأنها ستعوض المتضررين"


def test_participle_cue_with_enclitic_and_subject_before() -> None:
    text = "والتقى الرئيس اللبناني ميشال عون بالسفير الفرنسي، مشيرا إلى أن الدعم الدولي ضروري."
    q = only(text, [("ميشال عون", "PER", "Michel Aoun"), ("اللبناني", "NORP", "Lebanese"),
                    ("الفرنسي", "NORP", "French")])
    assert q.cue == "مشيرا" and q.text == "إلى أن الدعم الدولي ضروري"
    assert q.speaker.name_en == "Michel Aoun"  # type: ignore[union-attr]


def test_pro_drop_takes_previous_speaker() -> None:
    text = "وقالت رئيسة الوزراء هيلين كلارك إن الحكومة ستخفض الضرائب. وأضافت أن الخطة تبدأ في الصيف."
    qs = quotes(text, [("هيلين كلارك", "PER", "Helen Clark")])
    assert [q.cue for q in qs] == ["قالت", "أضافت"]
    assert qs[1].speaker is not None and qs[1].speaker.name_en == "Helen Clark"


def test_pro_drop_direct_after_colon() -> None:
    text = "وأعلن المدير العام سليم خوري أن المصنع سيغلق. وتابع: “لا نملك خيارا آخر أمام الخسائر”."
    qs = quotes(text, [("سليم خوري", "PER", "Salim Khoury")])
    assert qs[1].direct and qs[1].cue == "تابع" and qs[1].speaker.name_en == "Salim Khoury"  # type: ignore[union-attr]


def test_dual_subject_gives_both_people() -> None:
    text = (
        "واستقبل وزير الخارجية المصري سامح شكري نظيره اليوناني نيكوس ديندياس. "
        "وبحث الوزيران ملف الطاقة، مؤكدين على “أهمية التعاون في شرق المتوسط لصالح البلدين”."
    )
    q = only(text, [("سامح شكري", "PER", "Sameh Shoukry"), ("نيكوس ديندياس", "PER", "Nikos Dendias")])
    assert q.cue == "مؤكدين" and q.speaker is not None
    assert q.speaker.text == "الوزيران" and q.speaker.name_en == "Sameh Shoukry and Nikos Dendias"


def test_title_anaphor_resolves_to_person() -> None:
    text = "وصل وزير الدفاع خالد منصور إلى المدينة. وقال الوزير إن القوات ستبقى حتى نهاية العام."
    q = only(text, [("خالد منصور", "PER", "Khaled Mansour")])
    assert q.speaker.text == "الوزير" and q.speaker.name_en == "Khaled Mansour"  # type: ignore[union-attr]


def test_no_entities_falls_back_to_text() -> None:
    q = only("وقال المتحدث باسم اللجنة إن الهدنة صامدة.")
    assert q.speaker is not None and q.speaker.text == "المتحدث" and q.speaker.entity is None
    # a body the lexicon knows is named with the role, even without the entity module
    q = only("وقال المتحدث باسم الجيش إن الهدنة صامدة.")
    assert q.speaker is not None and q.speaker.text == "المتحدث باسم الجيش" and q.speaker.name_en == "Army spokesperson"


def test_naqal_an_speaker_is_the_cited_person() -> None:
    text = "ونقلت وكالة الأناضول عن مسؤول تركي قوله إن المعبر سيفتح قريبا."
    q = only(text, [("الأناضول", "ORG", "Anadolu Agency")])
    assert q.cue == "نقلت" and q.text == "إن المعبر سيفتح قريبا"
    assert q.speaker.name_en == "official"  # type: ignore[union-attr]


def test_nested_reported_speech_is_one_quote() -> None:
    qs = quotes("وقال المسؤول إنه يتوقع أن يرتفع عدد الزوار هذا العام.")
    assert len(qs) == 1 and qs[0].cue == "قال"


def test_cue_without_complementizer_is_not_a_quote() -> None:
    assert quotes("ودعا الرئيس المواطنين إلى المشاركة في الانتخابات.") == ()
    assert quotes("وذكر التقرير عدة أسباب للأزمة.") == ()


def test_trailing_attribution_is_cut_from_indirect_content() -> None:
    q = only("وأعلن الجيش أنه أسقط طائرتين مسيرتين، بحسب ما ذكرت وكالة فرانس برس.")
    assert q.text == "أنه أسقط طائرتين مسيرتين"


def test_arabic_indic_digits_and_diacritics_do_not_break_offsets() -> None:
    text = "وقالَ ٣ مسؤولين إنّ ٢٠٠ عائلة نزحت."
    q = only(text)
    assert q.cue == "قالَ" and q.text == "إنّ ٢٠٠ عائلة نزحت" and q.speaker.name_en == "officials"  # type: ignore[union-attr]


def test_empty_and_unsegmented_documents() -> None:
    assert find_quotes(Document.new("")) == ()
    doc = Document.new("قال الطبيب إن الحالة مستقرة.")  # no segment stage run
    qs = find_quotes(doc)
    assert len(qs) == 1 and qs[0].text == "إن الحالة مستقرة"


# ----------------------------------------------------------------------------- attributions


def attrs(text: str, ents=()):  # type: ignore[no-untyped-def]
    doc = mk(text, ents)
    a = find_attributions(doc)
    assert not check_offsets(doc.with_(attributions=a))
    return a


def test_attr_bihasab_ma_naqalathu_with_cited() -> None:
    a = attrs("وتراجعت الصادرات، بحسب ما نقلته رويترز عن تجار ومصرفيين.")
    assert [(x.text, x.source) for x in a] == [("بحسب ما نقلته رويترز عن تجار ومصرفيين", "Reuters")]


def test_attr_with_li_outlet_and_tail() -> None:
    a = attrs("وارتفع عدد الضحايا إلى عشرة، بحسب ما ذكرت لوكالة رويترز للأنباء.")
    assert [(x.text, x.source) for x in a] == [("بحسب ما ذكرت لوكالة رويترز للأنباء", "Reuters")]


def test_attr_wifqan_and_hasab_forms() -> None:
    a = attrs("وأغلقت المدارس وفقا لوكالة الأنباء الألمانية، وحسب صحيفة الغارديان البريطانية.",
              [("الغارديان", "ORG", "The Guardian")])
    assert [x.source for x in a] == ["وكالة الأنباء الألمانية", "The Guardian"]
    assert a[1].text == "حسب صحيفة الغارديان البريطانية"


def test_attr_naqalat_wakala_an_uses_entity_name() -> None:
    a = attrs("ونقلت وكالة الأنباء القطرية عن مصدر رسمي قوله إن المحادثات مستمرة.",
              [("وكالة الأنباء القطرية", "ORG", "Qatar News Agency")])
    assert [(x.text, x.source) for x in a] == [("نقلت وكالة الأنباء القطرية عن مصدر رسمي", "Qatar News Agency")]


def test_attr_sources_told_outlet_and_correspondent() -> None:
    a = attrs("وقالت مصادر أمنية لرويترز إن الهجوم وقع فجرا. وأفاد مراسل الجزيرة بسماع انفجارات.")
    assert [(x.text, x.source) for x in a] == [
        ("قالت مصادر أمنية لرويترز", "Reuters"), ("أفاد مراسل الجزيرة", "Al Jazeera")]


def test_fahasb_and_plain_hasab_are_not_attributions() -> None:
    assert attrs("وتقدم البعثة خدمات التدريب فحسب. وتوزع المساعدات حسب الحاجة.") == ()


# ----------------------------------------------------------------------------- gold article


def test_gold_article(shared_dir: Path) -> None:
    text = (shared_dir / "examples" / "nato-iraq-2021-02-16.txt").read_text(encoding="utf-8")
    gold = json.loads((shared_dir / "gold" / "nato-iraq-2021-02-16.gold.json").read_text(encoding="utf-8"))
    doc = SEG(Document.new(text, Meta(published=dt.date(2021, 2, 16))))
    ents = sorted(gold["entities"], key=lambda e: e["start"])
    doc = doc.with_(entities=tuple(
        Entity(f"e{i}", e["start"], e["end"], e["text"], e["label"], e.get("name_en"),
               canonical=e.get("name_en") or e["text"]) for i, e in enumerate(ents, 1)))
    qs = find_quotes(doc)
    at = find_attributions(doc)
    assert not check_offsets(doc.with_(quotes=qs, attributions=at))

    def hit(g: dict) -> object:
        for q in qs:
            if min(g["end"], q.end) - max(g["start"], q.start) >= 0.5 * (g["end"] - g["start"]):
                return q
        return None

    required = [g for g in gold["quotes"] if not g.get("optional")]
    found = [(g, hit(g)) for g in required if hit(g) is not None]
    assert len(found) >= 5, f"found {len(found)}/{len(required)}"
    right = sum(1 for g, q in found if q.speaker is not None and q.speaker.name_en == g["speaker"])  # type: ignore[attr-defined]
    assert right >= 5, f"speakers right {right}/{len(found)}"
    for g in gold["attributions"]:
        assert any(a.start == g["start"] and a.end == g["end"] and a.source == g["source"] for a in at), g


# ----------------------------------------------------------------------------- robustness

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = ["قال", "وأضاف", "مؤكدين", "إن", "أن", "إلى", "الوزير", "مسؤولون", "بحسب", "ما", "نقلت", "وكالة",
           "رويترز", "عن", "“", "”", "«", "»", '"', "'", ":", "،", ".", "\n", "٣", "فحسب", "الوزيران"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_any_text_keeps_offsets(words: list[str]) -> None:
    doc = mk(" ".join(words))
    out = doc.with_(quotes=find_quotes(doc), attributions=find_attributions(doc))
    assert not check_offsets(out)
    assert all(q.start < q.end for q in out.quotes)


# ------------------------------------------------------------------ bylines, continuation, short names
_FULL = default_pipeline()


def _run_full(text: str) -> Document:
    return _FULL(Document.new(text, Meta(published=dt.date(2024, 5, 2))))


def test_byline_dateline_and_its_reporters_are_never_speakers() -> None:
    text = ("سقوط قذائف على بلدة حدودية\n"
            "سالم الحربي، فهد العتيبي- واس- جازان: سقطت قذائف على بلدة حدودية فجر اليوم. "
            "وقالت مصادر محلية لـ \"واس\": \"لم تقع إصابات بين السكان\". "
            "وأضافت: \"تضررت ثلاثة منازل وسيارة\".")
    doc = _run_full(text)
    assert doc.dateline is not None and doc.dateline.text == "سالم الحربي، فهد العتيبي- واس- جازان"
    assert doc.dateline.place_name_en == "Jizan"
    speakers = [q.speaker.text if q.speaker else None for q in doc.quotes]
    assert speakers == ["مصادر محلية", "مصادر محلية"] or speakers == ["مصادر", "مصادر"]
    assert all(e.text != "فهد العتيبي- واس" for e in doc.entities)


def test_quoted_four_word_product_name_is_no_quote() -> None:
    text = "أعلنت الشركة أمس عن طرح هاتفها الجديد \"نور برو 5 ماكس\" في الأسواق العربية."
    assert _run_full(text).quotes == ()


def test_dateline_with_agencies_as_the_outlet() -> None:
    doc = _run_full("واشنطن - وكالات: فرضت وزارة الخزانة الأمريكية عقوبات جديدة على شركات شحن.")
    assert doc.dateline is not None and (doc.dateline.text, doc.dateline.outlet) == ("واشنطن - وكالات", "news agencies")
