"""Issue 4: casualty roles, flags, currency codes in context, and the quantity dev set.

Sentences are written for these tests. The dev-set test runs ``khabar eval``'s scorer on
``tests/data/quantities`` (dev and held-out test files) and holds the bars of the issue.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.doc import Document, Meta, check_offsets
from khabar.extract.quantities import ROLES, find_quantities
from khabar.pipeline import default_pipeline

PIPE = default_pipeline(["segment", "entities"])
DATA = Path(__file__).resolve().parents[1] / "data" / "quantities"


def quants(text: str) -> list:
    doc = PIPE(Document.new(text, Meta(published=dt.date(2022, 3, 1))))
    qs = find_quantities(doc)
    assert not check_offsets(doc.with_(quantities=qs))
    return list(qs)


ROLE_CASES: list[tuple[str, list[tuple[str, float, str | None, str | None]]]] = [
    # (sentence, [(span, value, unit, role)])
    ("أسفر الهجوم عن مقتل 12 شخصا وإصابة 30 آخرين.", [("12 شخصا", 12, "person", "killed"), ("30 آخرين", 30, "person", "injured")]),
    ("قتل 12 شخصا وأصيب 30 آخرون في الانفجار.", [("12 شخصا", 12, "person", "killed"), ("30 آخرون", 30, "person", "injured")]),
    ("لقي ثلاثة جنود حتفهم في الكمين.", [("ثلاثة جنود", 3, "soldier", "killed")]),
    ("أسفر القصف عن سقوط قتيلين.", [("قتيلين", 2, "killed", "killed")]),
    ("أعلنت الشرطة مقتل متعاقد مدني.", [("متعاقد", 1, "contractor", "killed")]),
    ("اعتقلت قوات الأمن أمس 15 ناشطا.", [("15 ناشطا", 15, "activist", "arrested")]),
    ("أفرجت السلطات عن 26 سجينا.", [("26 سجينا", 26, "prisoner", "released")]),
    ("أطلقت الجماعة سراح 50 مختطفا.", [("50 مختطفا", 50, "abductee", "released")]),
    ("ستسحب الحكومة نحو 1500 جندي من الحدود.", [("نحو 1500 جندي", 1500, "soldier", "withdrawn")]),
    ("أعلنت الوزارة نشر 600 جندي إضافي.", [("600 جندي", 600, "soldier", "deployed")]),
    ("تم إجلاء 300 مدني من الحي.", [("300 مدني", 300, "civilian", "evacuated")]),
    ("نزح أكثر من 10 آلاف شخص من المدينة.", [("أكثر من 10 آلاف شخص", 10000, "person", "displaced")]),
    ("قتل 5 أشخاص، بينهم 3 أطفال.", [("5 أشخاص", 5, "person", "killed"), ("3 أطفال", 3, "child", "killed")]),
    ("استقبل المستشفى 40 جريحا، بينهم 6 في حالة خطرة.", [("40 جريحا", 40, "injured", "injured"), ("6", 6, "injured", "injured")]),
    # no role: not a report of harm, not people, or an infection
    ("أصيب 200 شخص بفيروس كورونا.", [("200 شخص", 200, "person", None)]),
    ("نشرت الصحيفة 3 تقارير و5 صور.", [("3", 3, None, None), ("5", 5, None, None)]),  # نشر: deployed only for troops
    ("قتل 5 أشخاص في 3 غارات جوية.", [("5 أشخاص", 5, "person", "killed"), ("3 غارات", 3, "airstrike", None)]),
    ("شارك 500 جندي في المناورات.", [("500 جندي", 500, "soldier", None)]),
    # a change of level is not a withdrawal of that many
    ("خفض الجيش قواته من 9000 عسكري إلى 6000.", [("9000 عسكري", 9000, "soldier", None), ("6000", 6000, "soldier", None)]),
]


@pytest.mark.parametrize("text,expected", ROLE_CASES, ids=[c[0][:30] for c in ROLE_CASES])
def test_roles(text: str, expected: list[tuple]) -> None:
    qs = quants(text)
    assert [(q.text, q.value, q.unit, q.role) for q in qs] == expected
    assert all(q.role is None or q.role in ROLES for q in qs)


@pytest.mark.parametrize(
    "text, unit",
    [
        ("أعلنت السعودية فائضا بلغ 42.8 مليار ريال.", "SAR"),
        ("تراجع الجنيه المصري إلى 24.2 جنيه للدولار.", "EGP"),
        ("رصدت الإمارات 28 مليار درهم لبرامج اجتماعية.", "AED"),
        ("قدرت الحكومة الأردنية العجز بنحو ملياري دينار.", "JOD"),
        ("دفعت الشركة غرامة قدرها 5 ملايين دينار.", "dinar"),  # no country: the name stays
        ("قدرت الخسائر بنحو 5 ملايين بالدولار الأمريكي.", "USD"),
        ("دفعت الحكومة 200 مليون دولار أمريكي.", "USD"),
        ("تعهدت الصين بتقديم 300 مليون يوان صيني.", "CNY"),
    ],
)
def test_currency_codes(text: str, unit: str) -> None:
    (q,) = quants(text)
    assert q.unit == unit


def test_redundant_scale_flag() -> None:
    (q,) = quants("قلصت البعثة أفرادها إلى 4000 آلاف فقط.")
    assert (q.value, q.flags) == (4000, ("redundant-scale",))
    (q,) = quants("تضرر 300 ألف منزل.")
    assert (q.value, q.flags) == (300000, ())


@pytest.mark.parametrize(
    "text, row",
    [
        ("تراجع المؤشر -3.5% خلال الجلسة.", ("-3.5%", -3.5, None, None, "percent")),
        ("ارتفع السهم +2.5% أمس.", ("+2.5%", 2.5, None, None, "percent")),
        ("بلغت نسبة البطالة صفر في المئة.", ("صفر في المئة", 0, None, None, "percent")),
        ("يتراوح عددهم بين خمسة آلاف وسبعة آلاف.", ("بين خمسة آلاف وسبعة آلاف", None, 5000, 7000, None)),
        ("قال إن اثنين من عناصره نفذا العملية.", ("اثنين من عناصره", 2, None, None, "member")),
        ("التقى الوزير 6 من قادة الفصائل.", ("6 من قادة", 6, None, None, "commander")),
        ("دعت المنظمة إلى التحقيق في مقتل صحفيين اثنين.", ("صحفيين اثنين", 2, None, None, "journalist")),
        ("أجلت السلطات 4 آلاف مدني مقارنة بـ 7 آلاف يوم الخميس.", None),
        ("خصص البنك 123456789 دولار للمشروع.", ("123456789 دولار", 123456789, None, None, "USD")),
    ],
)
def test_reading(text: str, row: tuple | None) -> None:
    qs = quants(text)
    if row is None:  # يوم الخميس is a day, not a count of days: both amounts are kept
        assert [q.value for q in qs] == [4000, 7000]
        return
    assert [(q.text, q.value, q.min, q.max, q.unit) for q in qs] == [row]


def test_reach_is_not_a_bound() -> None:
    (q,) = quants("رفع البنك الفائدة ليصل إلى 13.25 في المئة.")
    assert (q.value, q.bound) == (13.25, None)
    (q,) = quants("يتوقع هطول أمطار قد تصل إلى 80 لترا.")  # "up to" without ل: a bound
    assert q.bound == "max"
    (q,) = quants("قال إن الخسائر قد تتجاوز 30 مليار دولار.")
    assert (q.value, q.bound) == (30e9, "min")


def test_phone_still_rejected() -> None:
    assert quants("للاتصال 0790123456 أو 123456789.") == []


def test_to_dict_has_role_and_flags() -> None:
    doc = PIPE(Document.new("قتل 12 شخصا."))
    doc = doc.with_(quantities=find_quantities(doc))
    (q,) = doc.to_dict()["quantities"]
    assert q["role"] == "killed" and list(q["flags"]) == []
    json.dumps(doc.to_dict(), ensure_ascii=False)


# ---------------------------------------------------------------- dev set


def _golds(prefix: str) -> list[Path]:
    return sorted(DATA.glob(f"{prefix}-*.gold.json"))


def test_dev_set_size_and_offsets() -> None:
    n = {"dev": 0, "test": 0}
    for part in n:
        for g in _golds(part):
            data = json.loads(g.read_text(encoding="utf-8"))
            text = (DATA / Path(data["doc"]).name).read_text(encoding="utf-8")
            assert set(data) >= {"doc", "published", "quantities"} and "entities" not in data
            for it in data["quantities"]:
                assert text[it["start"]:it["end"]] == it["text"]
            n[part] += len(data["quantities"])
    assert n["dev"] + n["test"] >= 200 and n["test"] >= 50


@pytest.mark.parametrize("part, f1, value", [("dev", 0.97, 0.98), ("test", 0.95, 0.95)])
def test_dev_set_scores(part: str, f1: float, value: float) -> None:
    """Floors (issue 4 goal: value accuracy ≥ 0.95); raise them, never lower them silently."""
    from khabar.eval.score import run_eval

    q = run_eval([str(p) for p in _golds(part)]).to_dict()["total"]["quantities"]
    assert q["found"]["f1"] >= f1, q
    assert q["value"]["accuracy"] >= value, q


def test_bench_quantities_cli() -> None:
    from khabar.cli.main import app

    res = CliRunner().invoke(app, ["bench", "quantities", str(DATA / "dev-02-troops.txt"), "--repeats", "2", "-f", "json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["docs"] == 1 and out["quantities"] >= 15 and out["chars_per_s"] > 0
