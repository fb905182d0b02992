"""Temporal tagger: narrative anchoring, tense, time zones, impossible dates, holidays, speed-up windows.

Every sentence is our own. Values are TIMEX3; offsets are checked by ``tag``.
"""

from __future__ import annotations

import datetime as dt

import pytest

import khabar.extract.dates as D
from khabar.doc import Document, Meta, Timex, check_offsets
from khabar.extract.dates import INVALID_DATE, NO_ANCHOR, PUBLISHED, find_timexes

PUB = dt.date(2021, 2, 16)  # a Tuesday


def tag(text: str, pub: dt.date | None = PUB) -> tuple[Timex, ...]:
    doc = Document.new(text, Meta(published=pub))
    out = find_timexes(doc)
    assert check_offsets(doc.with_(timexes=out)) == []
    return out


def rows(text: str, pub: dt.date | None = PUB) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in tag(text, pub)]


# --- anchors


def test_missing_anchor_is_called_missing() -> None:
    got = tag("وصل الوفد أمس وسيغادر الأحد المقبل.", pub=None)
    assert [(t.value, t.anchor) for t in got] == [(None, "missing"), (None, "missing")]
    assert NO_ANCHOR == "missing"


def test_next_day_anchors_on_last_date() -> None:
    got = tag("بدأت المحادثات في 3 مارس 2019، واستؤنفت في اليوم التالي، ثم انتهت بعد ذلك بيومين.")
    assert [(t.text, t.value, t.anchor) for t in got] == [
        ("3 مارس 2019", "2019-03-03", None),
        ("اليوم التالي", "2019-03-04", "t1"),
        ("بعد ذلك بيومين", "2019-03-06", "t2"),
    ]


def test_same_day_and_part_of_day_next_day() -> None:
    assert rows("اندلعت الاشتباكات في 5 يوليو 2020، وقتل ثلاثة في اليوم نفسه.") == [
        ("5 يوليو 2020", "2020-07-05"), ("اليوم نفسه", "2020-07-05")]
    assert rows("انهارت الهدنة في الأول من ديسمبر 2023، واستؤنف القتال صباح اليوم التالي.") == [
        ("الأول من ديسمبر 2023", "2023-12-01"), ("صباح اليوم التالي", "2023-12-02TMO")]


def test_next_day_without_anchor_is_missing() -> None:
    got = tag("واستؤنفت المحادثات في اليوم التالي.")
    assert [(t.text, t.value, t.anchor) for t in got] == [("اليوم التالي", None, NO_ANCHOR)]


def test_before_that_and_week_later() -> None:
    assert rows("وقع الاتفاق في 20 فبراير 2020، وكان قد أعلن قبل ذلك بأسبوع.") == [
        ("20 فبراير 2020", "2020-02-20"), ("قبل ذلك بأسبوع", "2020-02-13")]


def test_after_n_future_past_and_plain() -> None:
    # future clause: from publication
    assert rows("قال مسؤول إن الاتفاق سيُوقع بعد ثلاثة أيام.") == [("بعد ثلاثة أيام", "2021-02-19")]
    assert rows("وستبدأ المرحلة الثانية بعد أسبوعين.") == [("بعد أسبوعين", "2021-W09")]
    # past clause with a date just before: from that date
    assert rows("قُتل الصحفي في الثاني من أكتوبر 2018، واعترفت الحكومة بمقتله بعد 17 يوما.") == [
        ("الثاني من أكتوبر 2018", "2018-10-02"), ("بعد 17 يوما", "2018-10-19")]
    # no date to lean on: the duration, without بعد
    got = tag("توقفت المفاوضات ثم استؤنفت بعد عامين.")
    assert [(t.text, t.type, t.value) for t in got] == [("عامين", "DURATION", "P2Y")]


# --- tense of the clause


@pytest.mark.parametrize(
    "text,value",
    [
        ("ويعقد مجلس الأمن جلسة بشأن الأزمة الأربعاء.", "2021-02-17"),  # imperfect opens the clause: next
        ("وتنطلق الجمعة حملة تلقيح واسعة.", "2021-02-19"),
        ("وغادر الوفد القاهرة الجمعة دون اتفاق.", "2021-02-12"),  # perfect verb: last
        ("وتعرضت ناقلة لهجوم الأحد قبالة السواحل.", "2021-02-14"),  # form V perfect in ت…ت is not imperfect
        ("وأعلن المصرف الاثنين أن النمو سيتسارع.", "2021-02-15"),  # a reporting verb gives no tense; أن closes the clause
    ],
)
def test_bare_weekday_by_clause_tense(text: str, value: str) -> None:
    got = tag(text)
    assert len(got) == 1 and got[0].value == value and got[0].anchor == PUBLISHED


def test_decision_verb_does_not_push_the_date_back() -> None:
    # قررت dates the decision, not the opening: the nearest 27 June
    assert rows("قررت الحكومة فتح الحدود يوم 27 يونيو.", dt.date(2020, 6, 21)) == [("27 يونيو", "2020-06-27")]


def test_perfect_after_preposition_is_a_noun() -> None:
    # من رفع الحجر: رفع is a verbal noun, the clause is future (ستبدأ)
    assert rows("وستبدأ المرحلة الثانية من رفع الحجر بعد أسبوعين.") == [("بعد أسبوعين", "2021-W09")]


def test_fronted_date_takes_the_verb_after_the_comma() -> None:
    assert rows("وفي 14 مايو، نقلت السفارة إلى مقرها الجديد.", dt.date(2018, 12, 31)) == [("14 مايو", "2018-05-14")]


# --- times and zones


def test_time_zones() -> None:
    assert rows("أطلق الصاروخ الساعة 14:30 بتوقيت غرينتش.") == [("الساعة 14:30 بتوقيت غرينتش", "2021-02-16T14:30Z")]
    assert rows("سقطت القذيفة الساعة 11:15 بتوقيت دمشق.") == [("الساعة 11:15 بتوقيت دمشق", "2021-02-16T11:15+02:00")]
    # New York: standard time in February, daylight time in July
    assert rows("تبدأ الجلسة الساعة 3 بعد الظهر بتوقيت نيويورك.")[0][1] == "2021-02-16T15:00-05:00"
    assert rows("تبدأ الجلسة الساعة 3 بعد الظهر بتوقيت نيويورك.", dt.date(2021, 7, 6))[0][1] == "2021-07-06T15:00-04:00"
    # local time: part of the span, no offset
    assert rows("يبدأ الاجتماع الساعة الثالثة عصرا بالتوقيت المحلي.") == [
        ("الساعة الثالثة عصرا بالتوقيت المحلي", "2021-02-16T15:00")]


def test_clock_time_on_the_day_of_its_sentence_and_across_midnight() -> None:
    got = tag("وتجري الانتخابات يوم الأحد 10 أكتوبر، وتفتح المراكز الساعة السابعة صباحا.", dt.date(2021, 9, 30))
    assert [(t.text, t.value) for t in got] == [
        ("يوم الأحد 10 أكتوبر", "2021-10-10"), ("الساعة السابعة صباحا", "2021-10-10T07:00")]
    assert got[1].anchor == "t1"
    got = tag("تبدأ الاحتفالات الساعة التاسعة مساء وتستمر حتى الساعة الثانية فجرا.", dt.date(2018, 12, 31))
    assert [t.value for t in got] == ["2018-12-31T21:00", "2019-01-01T02:00"]


def test_tonight_and_tomorrow_morning() -> None:
    assert rows("وتستعد المدن للاحتفالات الليلة، ويسافر الرئيس صباح غد.") == [
        ("الليلة", "2021-02-16TNI"), ("صباح غد", "2021-02-17TMO")]
    assert rows("وسيلقي كلمة مساء غد الجمعة.", dt.date(2023, 3, 9)) == [("مساء غد الجمعة", "2023-03-10TEV")]


# --- impossible dates


@pytest.mark.parametrize("text,span", [
    ("صدر البيان في 31 نوفمبر 2022 حسب الوثيقة.", "31 نوفمبر 2022"),
    ("وثيقة مؤرخة في 30/2/2017 تداولتها المواقع.", "30/2/2017"),
    ("حدث ذلك في 30 فبراير على ما يبدو.", "30 فبراير"),
])
def test_impossible_dates_are_tagged_without_value(text: str, span: str) -> None:
    got = tag(text)
    assert [(t.text, t.value, t.type) for t in got] == [(span, None, "DATE")]
    assert got[0].note is not None and got[0].note.startswith(INVALID_DATE)


def test_leap_day_is_possible() -> None:
    assert rows("ولد في 29 فبراير 2020 في عمان.") == [("29 فبراير 2020", "2020-02-29")]


# --- weeks of a month, new year, holidays, Hijri without a year, references


def test_week_of_month() -> None:
    assert rows("تنعقد الجولة في الأسبوع الثاني من يناير.", dt.date(2024, 1, 3)) == [
        ("الأسبوع الثاني من يناير", "2024-W02")]


def test_new_year_depends_on_the_season() -> None:
    assert rows("نأمل أن يحمل العام الجديد السلام.", dt.date(2024, 1, 3)) == [("العام الجديد", "2024")]
    assert rows("نأمل أن يحمل العام الجديد السلام.", dt.date(2023, 12, 28)) == [("العام الجديد", "2024")]
    assert rows("بدأ العام الدراسي الجديد.", dt.date(2023, 9, 3)) == []


def test_holidays_by_tense() -> None:
    assert rows("ستفتح المساجد بعد عيد الأضحى.", dt.date(2020, 6, 21)) == [("عيد الأضحى", "2020-07-31")]
    assert rows("احتفل المسلمون بعيد الفطر.", dt.date(2020, 6, 21)) == [("عيد الفطر", "2020-05-24")]
    assert rows("زينت الشوارع بمناسبة عيد الميلاد.", dt.date(2020, 12, 29)) == [("عيد الميلاد", "2020-12-25")]


def test_hijri_day_without_year_with_weekday() -> None:
    assert rows("تبدأ العطلة يوم الخميس 25 رمضان.", dt.date(2019, 5, 16)) == [("يوم الخميس 25 رمضان", "2019-05-30")]
    assert rows("فاز الفريق 2 صفر في المباراة.") == []


def test_recently_is_past_ref() -> None:
    assert rows("وحذر المحافظ مؤخرا من ركود.") == [("مؤخرا", "PAST_REF")]


# --- the trigger windows change nothing


def _full(text: str) -> dict[str, list[tuple[int, int]]]:
    return {cls: [(0, len(text))] for _, _, cls in D._RULES}


def test_windows_give_the_same_result_as_a_full_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    from pathlib import Path

    data = Path(__file__).resolve().parents[1] / "data" / "dates"
    texts = [p.read_text(encoding="utf-8") for p in sorted(data.glob("*.txt"))]
    texts.append("وبالخميس الماضي وفي يوم الأحد وللسنة المقبلة، لليوم الثالث، الساعة 10 مساء، 2019-2020، الـ48 ساعة الماضية.")
    assert len(texts) >= 10
    for text in texts:
        doc = Document.new(text, Meta(published=PUB))
        a = find_timexes(doc)
        with monkeypatch.context() as m:
            m.setattr(D, "_windows", _full)
            b = find_timexes(doc)
        assert a == b, text[:80]


def test_clock_time_joined_to_a_narrative_day() -> None:
    got = tag("وصل الوفد أمس، وعقد اجتماعا في اليوم التالي الساعة 10 صباحا بتوقيت مكة المكرمة، ثم آخر الساعة العاشرة من مساء اليوم التالي.")
    assert [(t.text, t.type, t.value, t.anchor) for t in got] == [
        ("أمس", "DATE", "2021-02-15", PUBLISHED),
        ("اليوم التالي الساعة 10 صباحا بتوقيت مكة المكرمة", "TIME", "2021-02-16T10:00+03:00", "t1"),
        ("الساعة العاشرة من مساء اليوم التالي", "TIME", "2021-02-17T22:00", "t2"),
    ]
