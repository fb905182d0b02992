"""Tests for counted nouns: nisba nouns (nationalities), multi-word units and
organisations, ellipsis of the counted noun (coordinated parallels, accusative
scale words, منها N, عددهم), and a bare currency read from the document's
dominant country (khabar.extract.quantities).

Every sentence here is our own, written for these tests.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import pytest

from khabar.doc import Document, Meta, Quantity, check_offsets
from khabar.extract.quantities import NATIONALITY_PREFIX, find_quantities, unit_lexicon
from khabar.pipeline import Pipeline, default_pipeline

PUB = dt.date(2025, 6, 10)


def qs(text: str) -> tuple[Quantity, ...]:
    doc = Document.new(text, Meta(published=PUB))
    out = find_quantities(doc)
    assert check_offsets(doc.with_(quantities=out)) == []
    return out


def units(text: str) -> list[tuple[str, float | int | None, str | None, str | None]]:
    return [(q.text, q.value, q.unit, q.nationality) for q in qs(text)]


@lru_cache(maxsize=1)
def _pipe() -> Pipeline:
    return default_pipeline()


CASES: list[tuple[str, str, list[tuple[str, float | int | None, str | None, str | None]]]] = [
    # --- nisba nouns after numbers: person + nationality (listed in units.tsv or from the KB demonyms)
    ("nisba-listed", "قتل أكثر من ٢٠٠ فلسطيني في القصف.", [("أكثر من ٢٠٠ فلسطيني", 200, "person", "Palestinian")]),
    ("nisba-kb-thousands", "عبر نحو ثلاثة آلاف سنغالي الحدود إلى غامبيا.",
     [("نحو ثلاثة آلاف سنغالي", 3000, "person", "Senegalese")]),
    ("nisba-accusative", "أوقفت الشرطة 12 تونسيا قرب الميناء.", [("12 تونسيا", 12, "person", "Tunisian")]),
    ("nisba-plural", "وصل 40 أوكرانيين إلى الحدود.", [("40 أوكرانيين", 40, "person", "Ukrainian")]),
    ("nisba-feminine", "شاركت عشرون كويتية في البطولة.", [("عشرون كويتية", 20, "person", "Kuwaiti")]),
    ("nisba-vague-definite", "فر مئات الأوكرانيين من المعارك.", [("مئات الأوكرانيين", None, "person", "Ukrainian")]),
    ("nisba-broken-plural", "اعتقلت السلطات ثلاثين من الأكراد وعشرة أتراك.",
     [("ثلاثين", 30, None, None), ("عشرة أتراك", 10, "person", "Turkish")]),
    ("nisba-adjective-after-noun", "قتل ثلاثة جنود أمريكيين وأسر ١٢ جندياً أوكرانياً.",
     [("ثلاثة جنود", 3, "soldier", "American"), ("١٢ جندياً", 12, "soldier", "Ukrainian")]),
    ("nisba-adjective-not-next", "وصل 300 جندي إلى الحدود الأمريكية.", [("300 جندي", 300, "soldier", None)]),
    # --- multi-word units and organisations
    ("polling-stations", "فتح نحو خمسة عشر ألف مكتب اقتراع أبوابه صباحا.",
     [("نحو خمسة عشر ألف مكتب اقتراع", 15000, "polling station", None)]),
    ("companies", "فرضت الوزارة عقوبات على ثلاث شركات وخمسة مصارف.",
     [("ثلاث شركات", 3, "company", None), ("خمسة مصارف", 5, "bank", None)]),
    ("parties", "تنافست 12 حزبا على مقاعد البرلمان.", [("12 حزبا", 12, "party", None)]),
    # --- a noun-less number coordinated with a counted one takes its unit
    ("parallel-words", "ينتشر نحو 2500 جندي في العراق ونحو تسعمئة في سوريا.",
     [("نحو 2500 جندي", 2500, "soldier", None), ("نحو تسعمئة", 900, "soldier", None)]),
    ("parallel-digits-chain", "نشرت فرنسا 1500 جندي في مالي و800 في النيجر و300 في تشاد.",
     [("1500 جندي", 1500, "soldier", None), ("800", 800, "soldier", None), ("300", 300, "soldier", None)]),
    ("parallel-money-scale", "بلغت الصادرات 20 مليون دولار في يناير و25 مليونا في فبراير.",
     [("20 مليون دولار", 20000000, "USD", None), ("25 مليونا", 25000000, "USD", None)]),
    ("parallel-clause-end", "أصيب 14 مدنيا في حلب وتسعة.", [("14 مدنيا", 14, "civilian", None), ("تسعة", 9, "civilian", None)]),
    ("not-parallel-own-noun", "فاز الحزب بأربعين مقعدا و12 وزارة.", [("أربعين مقعدا", 40, "seat", None), ("12", 12, None, None)]),
    ("not-parallel-no-conjunction", "قتل 30 مدنيا في حلب. ودمرت الغارات 12 في إدلب.",
     [("30 مدنيا", 30, "civilian", None), ("12", 12, None, None)]),
    ("elliptic-accusative-thousands", "استقبلت تركيا 3 ملايين لاجئ، تليها الأردن بنحو 700 ألفا.",
     [("3 ملايين لاجئ", 3000000, "refugee", None), ("نحو 700 ألفا", 700000, "refugee", None)]),
    ("part-of-them-before", "تلقت المحكمة 250 طعنا، رفضت منها 200.", [("250 طعنا", 250, "appeal", None), ("200", 200, "appeal", None)]),
    ("bound-after-nisba", "قتل 23 جنديا أردنيا على الأقل في الهجوم.",
     [("23 جنديا أردنيا على الأقل", 23, "soldier", "Jordanian")]),
    ("shops-and-devices", "أغلقت البلدية 4 محال وصادرت 120 جهازا مهربا.",
     [("4 محال", 4, "shop", None), ("120 جهازا", 120, "device", None)]),
    ("count-of-them", "تظاهر آلاف الطلاب أمام الوزارة، وقدرت الشرطة عددهم بنحو ثلاثة آلاف.",
     [("آلاف الطلاب", None, "student", None), ("نحو ثلاثة آلاف", 3000, "student", None)]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_cases(text: str, expected: list[tuple[str, float | int | None, str | None, str | None]]) -> None:
    assert units(text) == expected


def test_nisba_entries_come_out_as_person() -> None:
    lex = unit_lexicon()
    for form in ("فلسطيني", "فلسطينيين", "سنغاليا", "كويتيات", "اتراك"):
        e = lex[form]
        assert e.cls == "person" and e.unit.startswith(NATIONALITY_PREFIX), (form, e)
    # an ordinary counted noun is not a nationality
    assert not lex["جندي"].unit.startswith(NATIONALITY_PREFIX)
    # no Quantity ever shows the internal prefix
    for q in qs("قتل 5 عراقيين و3 سوريين وفر 200 مدني."):
        assert q.unit is None or not q.unit.startswith(NATIONALITY_PREFIX)


def test_bare_currency_takes_the_dominant_country() -> None:
    text = (
        "تظاهر آلاف في تونس وصفاقس وسوسة ضد غلاء الأسعار. "
        "وكان وزير عراقي قد زار البلاد الأسبوع الماضي. "
        "وأعلنت الحكومة عن حزمة دعم بقيمة 300 مليون دينار."
    )
    doc = _pipe()(Document.new(text, Meta(published=PUB)))
    money = [q for q in doc.quantities if q.value == 300_000_000]
    assert [q.unit for q in money] == ["TND"]


def test_bare_currency_same_sentence_still_wins() -> None:
    text = "تراجع الدينار في تونس وسوسة وصفاقس. وفي الكويت بلغ الفائض 5 مليارات دينار."
    doc = _pipe()(Document.new(text, Meta(published=PUB)))
    assert [q.unit for q in doc.quantities if q.value == 5_000_000_000] == ["KWD"]


def test_bare_currency_without_evidence_keeps_its_name() -> None:
    assert [q.unit for q in qs("أعلنت الحكومة عن حزمة دعم بقيمة 300 مليون دينار.")] == ["dinar"]
