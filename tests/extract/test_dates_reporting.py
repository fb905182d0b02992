"""Tests for dates in reported and pluperfect clauses, weekday + numeric dates,
parts of day before full dates, Hijri days without a year, deadlines and
cardinals with the article (khabar.extract.dates).

Every sentence here is our own, written for these tests. Publication date:
Tuesday 10 June 2025 unless a case says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest

from khabar.doc import Document, Meta, Timex, check_offsets
from khabar.extract.dates import NEAR_FUTURE_DAYS, WEEKDAY_MISMATCH, find_timexes

PUB = dt.date(2025, 6, 10)  # a Tuesday


def tag(text: str, pub: dt.date | None = PUB) -> tuple[Timex, ...]:
    doc = Document.new(text, Meta(published=pub))
    out = find_timexes(doc)
    assert check_offsets(doc.with_(timexes=out)) == []
    return out


def values(text: str, pub: dt.date | None = PUB) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in tag(text, pub)]


# (id, sentence, expected [(text, type, value)])
CASES: list[tuple[str, str, list[tuple[str, str, str | None]]]] = [
    # --- a past clause does not push a day + month of the coming weeks into last year
    ("pluperfect-report-ordinal", "وكانت النقابة قد دعت إلى إضراب شامل في الثامن عشر من جوان.",
     [("الثامن عشر من جوان", "DATE", "2025-06-18")]),
    ("pluperfect-event-verb", "وكان البرلمان قد حدد 22 يونيو موعدا للتصويت على الميزانية.",
     [("22 يونيو", "DATE", "2025-06-22")]),
    ("pluperfect-nonreport-verb", "وكانت الشركة قد أوقفت الإنتاج في مصنعها حتى 2 يوليو.",
     [("2 يوليو", "DATE", "2025-07-02")]),
    ("plain-past-near", "نظم سائقو الشاحنات وقفة احتجاجية أعلنوا فيها إضرابا في 20 حزيران.",
     [("20 حزيران", "DATE", "2025-06-20")]),
    # … but stays in the past when the clause says so, or the date is months away
    ("occurrence-verb-past", "جرت الانتخابات البلدية في 14 يونيو في أجواء هادئة.",
     [("14 يونيو", "DATE", "2024-06-14")]),
    ("last-year-in-sentence", "أغلقت السلطات المعبر في 19 يونيو من العام الماضي.",
     [("19 يونيو من العام الماضي", "DATE", "2024-06-19")]),
    ("earlier-year-in-sentence", "انسحبت الكتيبة من البلدة في 30 يونيو بعد معارك عنيفة عام 2023.",
     [("30 يونيو", "DATE", "2024-06-30"), ("عام 2023", "DATE", "2023")]),
    ("anniversary", "أحيا السكان ذكرى الفيضان الذي وقع في 21 يونيو.",
     [("21 يونيو", "DATE", "2024-06-21")]),
    ("past-far-month", "وكان الوزير قد زار الجزائر في 15 سبتمبر.",
     [("15 سبتمبر", "DATE", "2024-09-15")]),
    ("past-before-publication", "وكانت اللجنة قد اجتمعت في 2 يونيو.",
     [("2 يونيو", "DATE", "2025-06-02")]),
    # --- a weekday right before a numeric date is one timex
    ("weekday-numeric", "أعلنت الوزارة، الاثنين 09/06/2025، عن خطة جديدة للنقل.",
     [("الاثنين 09/06/2025", "DATE", "2025-06-09")]),
    ("weekday-iso", "صدر القرار يوم الأحد 2025-06-08 بعد اجتماع طويل.",
     [("يوم الأحد 2025-06-08", "DATE", "2025-06-08")]),
    ("weekday-mowafiq-numeric", "افتتح المعرض يوم السبت الموافق 7/6/2025 في الرباط.",
     [("يوم السبت الموافق 7/6/2025", "DATE", "2025-06-07")]),
    # --- Hijri day + month without a year: the occurrence nearest to publication
    ("hijri-noyear-past", "وقع الطرفان الاتفاق في 5 ذي القعدة بعد مفاوضات شاقة.",
     [("5 ذي القعدة", "DATE", "2025-05-03")]),
    ("hijri-noyear-future", "سيعقد المؤتمر الإسلامي في 5 ذي الحجة.",
     [("5 ذي الحجة", "DATE", "2026-05-22")]),
    # --- قد + a perfect in ت is the past, not "may" + imperfect
    ("qad-form-v-perfect", "وكانت الوزيرة قد تسلمت مهامها في 3 ديسمبر.",
     [("3 ديسمبر", "DATE", "2024-12-03")]),
    ("qad-defective-perfect", "وكانت المحكمة قد ألغت الحكم في 11 نوفمبر.",
     [("11 نوفمبر", "DATE", "2024-11-11")]),
    ("qad-imperfect-still-future", "قد تعقد القمة في 11 نوفمبر.",
     [("11 نوفمبر", "DATE", "2025-11-11")]),
    # --- a form V perfect at the head of a clause
    ("form-v-perfect-head", "وتحدث الرئيس عن الهدنة المبرمة في الأول من أغسطس.",
     [("الأول من أغسطس", "DATE", "2024-08-01")]),
    # --- بحلول: a deadline after a deciding verb is ahead
    ("deadline-month", "قررت الحكومة سحب الأوراق النقدية القديمة بحلول أكتوبر.",
     [("أكتوبر", "DATE", "2025-10")]),
    ("deadline-day-month", "طلبت الهيئة من الأحزاب تقديم قوائمها بحلول 3 يونيو.",
     [("3 يونيو", "DATE", "2026-06-03")]),
    ("deadline-past-verb-stays", "انسحبت القوات من الميناء بحلول مارس.",
     [("مارس", "DATE", "2025-03")]),
    # --- tens with the article before an accusative unit are durations
    ("article-tens-duration", "تعهدت الشركة بتسليم الطلبيات خلال التسعين يوما المقبلة.",
     [("التسعين يوما", "DURATION", "P90D")]),
    ("article-tens-years", "عاش المخيم الأربعين عاما الماضية في عزلة.",
     [("الأربعين عاما", "DURATION", "P40Y")]),
    ("article-tens-ordinal-not-duration", "في القرن العشرين شهدت المدينة نموا كبيرا.",
     [("القرن العشرين", "DATE", "19")]),
    # --- a part of day before a full date joins it
    ("dawn-full-date", "استهدفت غارة جوية المستودع فجر 27 تشرين الثاني 2024.",
     [("فجر 27 تشرين الثاني 2024", "TIME", "2024-11-27TMO")]),
    ("evening-day-month", "وصل الوفد البرلماني مساء 8 يونيو إلى العاصمة.",
     [("مساء 8 يونيو", "TIME", "2025-06-08TEV")]),
    ("night-weekday-numeric", "اندلع الحريق ليلة الجمعة 06/06/2025 في السوق القديم.",
     [("ليلة الجمعة 06/06/2025", "TIME", "2025-06-06TNI")]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_cases(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert values(text) == expected


def test_near_future_window_is_a_few_weeks() -> None:
    # inside the window: this year's date; beyond it: last year's
    inside = PUB + dt.timedelta(days=NEAR_FUTURE_DAYS)
    beyond = PUB + dt.timedelta(days=NEAR_FUTURE_DAYS + 5)
    months = {6: "يونيو", 7: "يوليو", 8: "أغسطس"}
    for day, year in ((inside, 2025), (beyond, 2024)):
        text = f"وكان الجيش قد انسحب من المدينة في {day.day} {months[day.month]}."
        (t,) = tag(text)
        assert t.value == f"{year}-{day.month:02d}-{day.day:02d}", (text, t.value)


def test_weekday_mismatch_keeps_the_date_and_notes_it() -> None:
    (t,) = tag("أعلنت الوزارة، الثلاثاء 09/06/2025، عن خطة جديدة.")
    assert (t.text, t.value) == ("الثلاثاء 09/06/2025", "2025-06-09")
    assert t.note is not None and t.note.startswith(WEEKDAY_MISMATCH)
    assert "Tuesday" in t.note and "Monday" in t.note
    (t,) = tag("وصل الوفد يوم الأربعاء 12 يونيو 2025 إلى الرباط.")
    assert (t.value, t.note is not None) == ("2025-06-12", True)
    (t,) = tag("وصل الوفد يوم الخميس 12 يونيو 2025 إلى الرباط.")
    assert (t.value, t.note) == ("2025-06-12", None)


def test_pluperfect_without_publication_date_has_no_value() -> None:
    (t,) = tag("وكان الاتحاد قد دعا إلى إضراب في 25 يونيو.", pub=None)
    assert (t.value, t.anchor) == (None, "missing")
