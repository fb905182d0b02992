"""Property tests for the temporal tagger (hypothesis).

A random date is written out as Arabic news would write it — every month
family (Egyptian/Gulf, Levantine, Algerian/Tunisian, Moroccan, paired
spellings), every digit set (ASCII, Arabic-Indic, Persian), day numbers in
digits or ordinal words, numeric dates, Hijri dates, relative days from a
random anchor — and must normalize back to the same date, with a span that is
exactly the generated expression.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.doc import Document, Meta
from khabar.extract.dates import find_timexes

MONTHS = {
    "egyptian": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
    "levantine": ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"],
    "algerian": ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
    "moroccan": ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"],
}
DIGITS = {"ascii": "0123456789", "arabic-indic": "٠١٢٣٤٥٦٧٨٩", "persian": "۰۱۲۳۴۵۶۷۸۹"}
ORD_UNITS = ["", "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
HIJRI = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"]


def ordinal(n: int) -> str:
    """The masculine ordinal of a day of the month: 1 الأول … 11 الحادي عشر … 21 الحادي والعشرين."""
    if n == 10:
        return "العاشر"
    if n < 10:
        return ORD_UNITS[n]
    unit = "الحادي" if n % 10 == 1 else ORD_UNITS[n % 10]
    if n < 20:
        return f"{unit} عشر"
    tens = {2: "العشرين", 3: "الثلاثين"}[n // 10]
    return tens if n % 10 == 0 else f"{unit} و{tens}"


def digits(n: int, dset: str, width: int = 1) -> str:
    return "".join(DIGITS[dset][int(c)] for c in str(n).zfill(width))


def one(text: str, pub: dt.date | None) -> tuple[str, str | None]:
    got = find_timexes(Document.new(text, Meta(published=pub)))
    assert len(got) == 1, [(t.text, t.value) for t in got]
    return got[0].text, got[0].value


DATES = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2049, 12, 31))
ANCHORS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))


@settings(max_examples=300, deadline=None)
@given(
    d=DATES, pub=ANCHORS,
    family=st.sampled_from(sorted(MONTHS)), dset=st.sampled_from(sorted(DIGITS)),
    day_form=st.sampled_from(["digits", "ordinal"]), paired=st.booleans(), suffix=st.sampled_from(["", "م", " م"]),
)
def test_day_month_year_round_trip(
    d: dt.date, pub: dt.date, family: str, dset: str, day_form: str, paired: bool, suffix: str
) -> None:
    month = MONTHS[family][d.month - 1]
    if paired and family != "levantine":
        month = f"{month}/{MONTHS['levantine'][d.month - 1]}"
    day = digits(d.day, dset) if day_form == "digits" else f"{ordinal(d.day)} من"
    expr = f"{day} {month} {digits(d.year, dset)}{suffix}"
    assert one(f"وقعت الحادثة في {expr} بحسب الشرطة.", pub) == (expr, d.isoformat())


@settings(max_examples=150, deadline=None)
@given(d=DATES, dset=st.sampled_from(sorted(DIGITS)), form=st.sampled_from(["d/m/y", "d-m-y", "y-m-d", "y/m/d"]))
def test_numeric_round_trip(d: dt.date, dset: str, form: str) -> None:
    dd, mm, yy = digits(d.day, dset, 2), digits(d.month, dset, 2), digits(d.year, dset)
    sep = "/" if "/" in form else "-"
    expr = sep.join([dd, mm, yy] if form.startswith("d") else [yy, mm, dd])
    assert one(f"صدر القرار بتاريخ {expr} ونشر في الجريدة الرسمية.", None) == (expr, d.isoformat())


@settings(max_examples=150, deadline=None)
@given(d=DATES, family=st.sampled_from(sorted(MONTHS)), dset=st.sampled_from(sorted(DIGITS)))
def test_month_year_round_trip(d: dt.date, family: str, dset: str) -> None:
    expr = f"{MONTHS[family][d.month - 1]} {digits(d.year, dset)}"
    assert one(f"افتتح المتحف أبوابه في {expr} أمام الزوار.", None) == (expr, f"{d.year:04d}-{d.month:02d}")


@settings(max_examples=150, deadline=None)
@given(
    hy=st.integers(1400, 1460), hm=st.integers(1, 12), hd=st.integers(1, 29),
    dset=st.sampled_from(sorted(DIGITS)), suffix=st.sampled_from([" هـ", "هـ", " للهجرة"]),
)
def test_hijri_round_trip(hy: int, hm: int, hd: int, dset: str, suffix: str) -> None:
    from hijridate import Hijri

    g = Hijri(hy, hm, hd).to_gregorian()
    expr = f"{digits(hd, dset)} {HIJRI[hm - 1]} {digits(hy, dset)}{suffix}"
    assert one(f"صدر المرسوم في {expr} بحضور الوزراء.", None) == (expr, dt.date(g.year, g.month, g.day).isoformat())


@settings(max_examples=150, deadline=None)
@given(pub=ANCHORS, n=st.integers(3, 10), dset=st.sampled_from(sorted(DIGITS)), words=st.booleans())
def test_days_ago_round_trip(pub: dt.date, n: int, dset: str, words: bool) -> None:
    number = ["ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة"][n - 3] if words else digits(n, dset)
    expr = f"قبل {number} أيام"
    assert one(f"غادر الوفد البلاد {expr} متوجها إلى جنيف.", pub) == (expr, (pub - dt.timedelta(days=n)).isoformat())


@settings(max_examples=150, deadline=None)
@given(pub=ANCHORS, wd=st.integers(0, 6), direction=st.sampled_from(["الماضي", "المقبل"]))
def test_weekday_with_direction(pub: dt.date, wd: int, direction: str) -> None:
    names = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
    fem = direction if wd not in (4,) else direction + "ة"  # الجمعة الماضية
    expr = f"يوم {names[wd]} {fem}"
    text, value = one(f"عقد المجلس اجتماعا {expr} في العاصمة.", pub)
    assert text == expr and value is not None
    got = dt.date.fromisoformat(value)
    assert got.weekday() == wd
    assert (1 <= (pub - got).days <= 7) if direction == "الماضي" else (1 <= (got - pub).days <= 7)
