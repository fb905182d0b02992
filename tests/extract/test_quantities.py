"""Tests for khabar.extract.quantities (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.doc import Document, Meta, Timex, check_offsets
from khabar.extract.quantities import find_quantities, parse_number_words, unit_lexicon
from khabar.pipeline import default_pipeline

SEG = default_pipeline(["segment"])


def quants(text: str, **kw: object) -> list:
    doc = SEG(Document.new(text, Meta(published=dt.date(2021, 2, 16))))
    if kw:
        doc = doc.with_(**kw)
    qs = find_quantities(doc)
    assert not check_offsets(doc.with_(quantities=qs))
    return list(qs)


def row(q) -> tuple:
    return (q.text, q.value, q.min, q.max, q.approx, q.unit)


# (sentence, [(span text, value, min, max, approx, unit), ...]); spans are located with str.index
CASES: list[tuple[str, list[tuple]]] = [
    # digits, all digit sets, separators, decimals
    ("أصيب 12 شخصا في الحادث.", [("12 شخصا", 12, None, None, False, "person")]),
    ("وصل ١٢٬٥٠٠ لاجئ إلى الحدود.", [("١٢٬٥٠٠ لاجئ", 12500, None, None, False, "refugee")]),
    ("اعتقلت الشرطة ۱۵ متظاهرا.", [("۱۵ متظاهرا", 15, None, None, False, "protester")]),
    ("فر 12 500 نازح من المدينة.", [("12 500 نازح", 12500, None, None, False, "displaced")]),
    ("خصصت الحكومة 1,250,000 دولار للإغاثة.", [("1,250,000 دولار", 1250000, None, None, False, "USD")]),
    ("بلغ العجز ٢٫٥ مليار دينار عراقي.", [("٢٫٥ مليار دينار عراقي", 2500000000, None, None, False, "IQD")]),
    # percent
    ("ارتفع التضخم بنسبة 12.5% خلال الربع الأول.", [("12.5%", 12.5, None, None, False, "percent")]),
    ("فاز الحزب بـ 45 في المئة من الأصوات.", [("45 في المئة", 45, None, None, False, "percent")]),
    ("تراجعت الصادرات ٧٪ والواردات 3,5 بالمائة.", [("٧٪", 7, None, None, False, "percent"),
                                                  ("3,5 بالمائة", 3.5, None, None, False, "percent")]),
    # scale words with digits; money
    ("رصد البنك 500 مليون دولار للمشروع.", [("500 مليون دولار", 500000000, None, None, False, "USD")]),
    ("تضرر 300 ألف منزل في الفيضانات.", [("300 ألف منزل", 300000, None, None, False, "house")]),
    ("تبلغ الميزانية 3 مليارات يورو.", [("3 مليارات يورو", 3000000000, None, None, False, "EUR")]),
    ("دفعت الشركة 40 مليون ريال سعودي وغرامة قدرها 2 مليون درهم إماراتي.",
     [("40 مليون ريال سعودي", 40000000, None, None, False, "SAR"),
      ("2 مليون درهم إماراتي", 2000000, None, None, False, "AED")]),
    ("باع المزارع القمح مقابل $750.", [("$750", 750, None, None, False, "USD")]),
    # number words
    ("قتل ثلاثة جنود في الكمين.", [("ثلاثة جنود", 3, None, None, False, "soldier")]),
    ("أفرج عن أحد عشر سجينا وإحدى عشرة امرأة.", [("أحد عشر سجينا", 11, None, None, False, "prisoner"),
                                               ("إحدى عشرة امرأة", 11, None, None, False, "woman")]),
    ("أطلق المسلحون تسعة عشر صاروخا.", [("تسعة عشر صاروخا", 19, None, None, False, "missile")]),
    ("شارك خمسة وعشرون ألفا من المتطوعين.", [("خمسة وعشرون ألفا", 25000, None, None, False, None)]),
    ("نقل ثلاثة آلاف وخمسمئة مريض إلى المستشفيات.",
     [("ثلاثة آلاف وخمسمئة مريض", 3500, None, None, False, "patient")]),
    ("أسقطت الدفاعات مئتي طائرة مسيرة.", [("مئتي طائرة مسيرة", 200, None, None, False, "drone")]),
    ("يعيش في المخيم ثلاثمائة وخمسون عائلة.", [("ثلاثمائة وخمسون عائلة", 350, None, None, False, "family")]),
    ("دمرت الغارات ثلاث مئة منزل.", [("ثلاث مئة منزل", 300, None, None, False, "house")]),
    ("تسكن المدينة مليون وثلاثمئة ألف نسمة.",
     [("مليون وثلاثمئة ألف نسمة", 1300000, None, None, False, "inhabitant")]),
    ("نزح مليون ونصف مدني منذ بداية الحرب.", [("مليون ونصف مدني", 1500000, None, None, False, "civilian")]),
    ("تحتاج البلاد إلى نصف مليون جرعة.", [("نصف مليون جرعة", 500000, None, None, False, "dose")]),
    ("جند الجيش ألفي مجند جديد.", [("ألفي مجند", 2000, None, None, False, "conscript")]),
    # dual nouns, noun + واحد, trigger + indefinite noun
    ("قتل جنديان وأصيب مدنيان في الانفجار.", [("جنديان", 2, None, None, False, "soldier"),
                                              ("مدنيان", 2, None, None, False, "civilian")]),
    ("أسفر القصف عن قتيلين.", [("قتيلين", 2, None, None, False, "killed")]),
    ("لم ينج من الحادث سوى راكب وطفل واحد.", [("طفل واحد", 1, None, None, False, "child")]),
    ("أعلنت الشرطة مقتل شرطي واعتقال ناشط.", [("شرطي", 1, None, None, False, "police officer"),
                                              ("ناشط", 1, None, None, False, "activist")]),
    # vague amounts
    ("تظاهر عشرات الطلاب أمام الجامعة.", [("عشرات الطلاب", None, 20, 99, True, "student")]),
    ("فر مئات المدنيين من القرية.", [("مئات المدنيين", None, 100, 999, True, "civilian")]),
    ("استقبلت تركيا عشرات الآلاف من اللاجئين.",
     [("عشرات الآلاف من اللاجئين", None, 20000, 99999, True, "refugee")]),
    ("زار الوفد عدة دول وبضعة مخيمات.", [("عدة دول", None, 3, 10, True, "country"),
                                        ("بضعة مخيمات", None, 3, 9, True, "camp")]),
    ("تكلف الإعمار مليارات الدولارات.", [("مليارات الدولارات", None, 1e9, 9999999999, True, "USD")]),
    ("احتشد الآلاف في الساحة.", [("الآلاف", None, 1000, 9999, True, None)]),
    # modifiers
    ("نشرت الوزارة نحو 800 شرطي في الشوارع.", [("نحو 800 شرطي", 800, None, None, True, "police officer")]),
    ("قتل أكثر من 100 مسلح في المعارك.", [("أكثر من 100 مسلح", 100, None, None, False, "gunman")]),
    ("اعتقل ما لا يقل عن 40 شخصا.", [("ما لا يقل عن 40 شخصا", 40, None, None, False, "person")]),
    ("تستوعب القاعة حتى 300 زائر كحد أقصى.", [("حتى 300 زائر كحد أقصى", 300, None, None, False, "visitor")]),
    ("شارك زهاء 70 صحفيا في المؤتمر.", [("زهاء 70 صحفيا", 70, None, None, True, "journalist")]),
    ("أصيب 25 شخصا على الأقل.", [("25 شخصا على الأقل", 25, None, None, False, "person")]),
    ("يضم الوفد ما يقرب من 60 خبيرا.", [("ما يقرب من 60 خبيرا", 60, None, None, True, "expert")]),
    # ranges
    ("قتل بين 10 و15 شخصا في الهجوم.", [("بين 10 و15 شخصا", None, 10, 15, False, "person")]),
    ("أصيب 3 أو 4 مدنيين بجروح.", [("3 أو 4 مدنيين", None, 3, 4, False, "civilian")]),
    ("يتراوح عدد المشاركين بين ثلاثة وخمسة ملايين.", [("بين ثلاثة وخمسة ملايين", None, 3e6, 5e6, False, None)]),
    ("تضم الدورية 10-15 جنديا.", [("10-15 جنديا", None, 10, 15, False, "soldier")]),
    # unit carry-over and count heads
    ("خفض الجيش قواته من 9000 عسكري إلى 6000.", [("9000 عسكري", 9000, None, None, False, "soldier"),
                                                 ("6000", 6000, None, None, False, "soldier")]),
    ("سحبت الدولة سفنها من 12 إلى 7 سفن.", [("12", 12, None, None, False, "ship"),
                                           ("7 سفن", 7, None, None, False, "ship")]),
    ("ارتفع عدد القتلى إلى 42 مساء السبت.", [("42", 42, None, None, False, "killed")]),
    # source typo: digits already hold the thousands
    ("قلصت البعثة أفرادها إلى 4000 آلاف فقط.", [("4000 آلاف", 4000, None, None, False, None)]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_cases(text: str, expected: list[tuple]) -> None:
    qs = quants(text)
    assert [row(q) for q in qs] == expected
    for q, exp in zip(qs, expected):
        assert q.start == text.index(exp[0])
        assert q.end == q.start + len(exp[0])
    assert [q.id for q in qs] == [f"q{i}" for i in range(1, len(qs) + 1)]


NEGATIVE = [
    "عقد الاجتماع في الخامس من مارس 2019.",  # a date: day and year
    "وقع الاتفاق عام 2015 في جنيف.",  # a year
    "انتهت الجولة الثالثة والعاشرة دون نتيجة.",  # ordinals
    "استمر الحصار 3 أيام وتوقف القتال ساعتين.",  # durations are for the date tagger
    "للاستفسار اتصلوا على الهاتف 0790 123 4567.",  # a phone number
    "صوت المجلس على القرار 2254 والمادة 5 من الميثاق.",  # designators
    "اشترت القوات الجوية طائرات F-16 بعد انتشار كوفيد-19.",  # model names
    "ناقش الوزيران الملف مع الطرفين.",  # definite duals
    "أعلن مقتل القائد العسكري للجماعة.",  # definite noun after مقتل
    "قال واحد من الحضور إن الموعد الساعة 10 صباحا.",  # واحد pronoun, clock time
    "ولست أدري متى يصلون.",  # لست is not 'six'
]


@pytest.mark.parametrize(
    "text, bound",
    [
        ("قتل أكثر من 100 مسلح.", "min"),
        ("اعتقل ما لا يقل عن 40 شخصا.", "min"),
        ("تستوعب القاعة حتى 300 زائر كحد أقصى.", "max"),
        ("أصيب أقل من 20 شخصا.", "max"),
        ("شارك نحو 70 صحفيا.", None),
    ],
)
def test_bound_modifiers(text: str, bound: str | None) -> None:
    (q,) = quants(text)
    assert q.bound == bound and q.min is None and q.max is None


@pytest.mark.parametrize("text", NEGATIVE, ids=[t[:25] for t in NEGATIVE])
def test_negatives(text: str) -> None:
    assert quants(text) == []


def test_timex_mask() -> None:
    text = "خلال 48 ساعة قتل 6 مدنيين."
    tx = Timex("t1", 0, 12, text[0:12], "DURATION", "PT48H")
    qs = quants(text, timexes=(tx,))
    assert [row(q) for q in qs] == [("6 مدنيين", 6, None, None, False, "civilian")]


def test_unit_ar_and_carry_source() -> None:
    qs = quants("رفع الحلف قوته من 300 جندي إلى حوالي 700 أو 800.")
    assert [q.unit_ar for q in qs] == ["جندي", "جندي"]
    assert (qs[1].min, qs[1].max, qs[1].approx, qs[1].unit) == (700, 800, True, "soldier")


def test_parse_number_words() -> None:
    assert parse_number_words("ثلاثة آلاف وخمسمئة") == 3500
    assert parse_number_words("خمسة وعشرون ألفا") == 25000
    assert parse_number_words("مليون و200 ألف") == 1200000
    assert parse_number_words("اثنا عشر") == 12
    assert parse_number_words("مئة وخمسة") == 105
    assert parse_number_words("الثالث") is None


def test_lexicon_inflections() -> None:
    lex = unit_lexicon()
    assert lex["جنديا"].unit == "soldier" and lex["جنود"].number == "pl"
    assert lex["جنديين"].number == "du"
    assert lex["مدنيين"].number == "pl"  # not a dual: ambiguous, plural wins
    assert lex["طائرتان"].number == "du" and lex["طائرات"].number == "pl"
    assert lex["دولار كندي"].unit == "CAD"
    assert len(lex) > 500


def test_empty() -> None:
    assert find_quantities(Document.new("")) == ()


_ALPHABET = list("0123456789٠١٢٣٤٥٦٧٨٩ ،.,-٬٫%") + [
    " جندي", " ألف", " آلاف", " مليون", " نحو", " بين", " و", " أو", " إلى", " عشرات", " ثلاثة", " وعشرون",
    " مقتل", " شخصا", " في المئة", " عام", "\u064e", "\u0640",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=30).map("".join))
def test_offsets_hold_on_noise(text: str) -> None:
    qs = quants(text)
    assert all(q.start < q.end for q in qs)
    assert [q.start for q in qs] == sorted(q.start for q in qs)


def test_gold_article() -> None:
    shared = Path(__file__).resolve().parents[2].parent / "shared"
    art = shared / "examples" / "nato-iraq-2021-02-16.txt"
    gold_path = shared / "gold" / "nato-iraq-2021-02-16.gold.json"
    if not art.exists() or not gold_path.exists():
        pytest.skip(f"{shared} not found: the shared example and gold are not available here")
    text = art.read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["quantities"]
    qs = quants(text)
    for g in gold:
        hits = [q for q in qs if q.start < g["end"] and g["start"] < q.end]
        assert hits, f"missed {g['text']}"
        q = hits[0]
        for f in ("value", "min", "max"):
            if f in g:
                assert getattr(q, f) == g[f], (g["text"], f)
        assert q.unit == g["unit"], g["text"]
        assert q.approx == g.get("approx", False), g["text"]
