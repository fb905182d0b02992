"""Arabic date vocabulary for :mod:`khabar.extract.dates`, in matching form.

Every word here is written as :func:`khabar.text.normalize.normalize` leaves
it (أ إ آ → ا, ى → ي, ة → ه, no diacritics or tatweel), so the lists can be
used directly in regular expressions over ``normalize(text).text``.

Sources (the lists are our own; none is copied from another resource):

* Gregorian month names: the Syriac-derived Levantine/Iraqi series (كانون
  الثاني … كانون الأول), the Egyptian/Gulf transliterations of the Latin
  names (يناير … ديسمبر) with their common spellings, the Algerian/Tunisian
  French-derived series (جانفي، فيفري، أفريل، ماي، جوان، جويلية، أوت) and the
  Moroccan one (يوليوز، غشت، شتنبر، نونبر، دجنبر) — as described in Arabic
  style guides and in Wikipedia's "Arabic names of calendar months".
* Hijri month names: the twelve months of the Islamic calendar with their
  usual variant spellings (ربيع الآخر/الثاني، جمادى الآخرة/الثانية …).
* Number and ordinal words: Modern Standard Arabic grammar (masculine and
  feminine, nominative/accusative-genitive forms).
* Parts of day → TIMEX3 part-of-day codes (MO, MI, AF, EV, NI) from the
  TimeML TIMEX3 specification (Pustejovsky et al. 2003; ISO-TimeML 24617-1).
"""

from __future__ import annotations

__all__ = [
    "GREG_MONTHS",
    "AMBIGUOUS_MONTHS",
    "HIJRI_MONTHS",
    "WEEKDAYS",
    "ORD_UNITS",
    "CARD_UNITS",
    "CARD_TENS",
    "CARD_HUNDREDS",
    "HOUR_WORDS",
    "POD",
    "PAST_DIR",
    "NEXT_DIR",
    "CUR_DIR",
    "MOD_WORDS",
    "UNITS",
    "SEASONS",
    "DECADES",
    "APPROX",
    "PERFECT_VERBS",
    "TIME_ZONES",
    "HOLIDAYS",
]

# month number for every spelling (normalized forms)
GREG_MONTHS: dict[str, int] = {
    # Levantine / Iraqi (Syriac) series
    "كانون الثاني": 1, "كانون ثاني": 1,
    "شباط": 2,
    "اذار": 3,
    "نيسان": 4,
    "ايار": 5,
    "حزيران": 6,
    "تموز": 7,
    "اب": 8,
    "ايلول": 9,
    "تشرين الاول": 10, "تشرين اول": 10,
    "تشرين الثاني": 11, "تشرين ثاني": 11,
    "كانون الاول": 12, "كانون اول": 12,
    # Egyptian / Gulf series and spellings
    "يناير": 1, "ينائر": 1,
    "فبراير": 2, "فبرائر": 2, "فبرير": 2,
    "مارس": 3,
    "ابريل": 4, "ابربل": 4,
    "مايو": 5,
    "يونيو": 6, "يونيه": 6, "يونية": 6,
    "يوليو": 7, "يوليه": 7,
    "اغسطس": 8, "اغسطوس": 8, "اغشت": 8,
    "سبتمبر": 9, "سيبتمبر": 9,
    "اكتوبر": 10,
    "نوفمبر": 11,
    "ديسمبر": 12, "دیسمبر": 12,
    # Algerian / Tunisian series
    "جانفي": 1, "جانفييه": 1,
    "فيفري": 2, "فيفرييه": 2,
    "افريل": 4,
    "ماي": 5,
    "جوان": 6,
    "جويليه": 7, "جويلييه": 7,
    "اوت": 8,
    # Moroccan series
    "يوليوز": 7,
    "غشت": 8,
    "شتنبر": 9,
    "نونبر": 11,
    "دجنبر": 12,
}

#: month names that are also ordinary words or names (آب/أب "father", مارس
#: "he practised", ماي as in Theresa May, نيسان the car maker, جوان a first
#: name, تموز a deity, أوت); alone they need a cue (a day, a year, شهر, a
#: paired spelling or a relative word).
AMBIGUOUS_MONTHS: frozenset[str] = frozenset({"اب", "مارس", "ماي", "نيسان", "جوان", "تموز", "اوت", "غشت"})

HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1, "المحرم": 1,
    "صفر": 2,
    "ربيع الاول": 3, "ربيع اول": 3,
    "ربيع الاخر": 4, "ربيع الثاني": 4, "ربيع ثاني": 4,
    "جمادي الاولي": 5, "جمادي الاول": 5, "جمادي اولي": 5,
    "جمادي الاخره": 6, "جمادي الاخر": 6, "جمادي الثانيه": 6, "جمادي الثاني": 6, "جمادي اخره": 6,
    "رجب": 7,
    "شعبان": 8,
    "رمضان": 9,
    "شوال": 10,
    "ذو القعده": 11, "ذي القعده": 11, "ذا القعده": 11,
    "ذو الحجه": 12, "ذي الحجه": 12, "ذا الحجه": 12,
}

#: weekday name (with the article) → Python ``date.weekday()`` (Monday = 0)
WEEKDAYS: dict[str, int] = {
    "الاثنين": 0, "الاتنين": 0,
    "الثلاثاء": 1, "الثلاثا": 1,
    "الاربعاء": 2, "الاربعا": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}

#: ordinal units (masculine, with the article) used for days of the month;
#: الحادي/الواحد stand for 1 in compounds (الحادي عشر، الواحد والعشرين)
ORD_UNITS: dict[str, int] = {
    "الاول": 1, "الحادي": 1, "الواحد": 1,
    "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5,
    "السادس": 6, "السابع": 7, "الثامن": 8, "التاسع": 9,
}
ORD_TENS: dict[str, int] = {
    "العاشر": 10, "العشرين": 20, "العشرون": 20, "الثلاثين": 30, "الثلاثون": 30,
}

#: cardinal units, both genders (and the forms used in teens: احد، اثنا …)
CARD_UNITS: dict[str, int] = {
    "واحد": 1, "واحده": 1, "احد": 1, "احدي": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
    "ثلاث": 3, "ثلاثه": 3,
    "اربع": 4, "اربعه": 4,
    "خمس": 5, "خمسه": 5,
    "ست": 6, "سته": 6,
    "سبع": 7, "سبعه": 7,
    "ثمان": 8, "ثماني": 8, "ثمانيه": 8,
    "تسع": 9, "تسعه": 9,
    "عشر": 10, "عشره": 10,
}
CARD_TENS: dict[str, int] = {
    "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30, "اربعين": 40, "اربعون": 40,
    "خمسين": 50, "خمسون": 50, "ستين": 60, "ستون": 60, "سبعين": 70, "سبعون": 70,
    "ثمانين": 80, "ثمانون": 80, "تسعين": 90, "تسعون": 90,
}
CARD_HUNDREDS: dict[str, int] = {
    "مئه": 100, "مائه": 100, "مئتي": 200, "مئتين": 200, "مائتي": 200, "مائتين": 200,
    "الف": 1000, "الفي": 2000, "الفين": 2000,
}
#: "indefinite" quantity words → X in TIMEX3 durations (PXY …)
VAGUE_COUNT: frozenset[str] = frozenset({"بضعه", "بضع", "عده", "عدد من"})

#: clock hours as feminine ordinals (الساعة العاشرة)
HOUR_WORDS: dict[str, int] = {
    "الواحده": 1, "الثانيه": 2, "الثالثه": 3, "الرابعه": 4, "الخامسه": 5, "السادسه": 6,
    "السابعه": 7, "الثامنه": 8, "التاسعه": 9, "العاشره": 10, "الحاديه عشره": 11, "الثانيه عشره": 12,
}

#: part of day in construct (صباح الخميس) → TIMEX3 part-of-day code
POD: dict[str, str] = {
    "صباح": "MO", "فجر": "MO", "ضحي": "MO", "ظهر": "MI", "ظهيره": "MI", "عصر": "AF",
    "مساء": "EV", "ليل": "NI", "ليله": "NI", "منتصف ليل": "NI", "منتصف ليله": "NI",
}
#: adverbial part of day after a clock time (العاشرة صباحا) → hour shift rule
POD_ADV: dict[str, str] = {
    "صباحا": "am", "فجرا": "am", "ظهرا": "noon", "بعد الظهر": "pm", "بعد الظهيره": "pm",
    "عصرا": "pm", "مساء": "pm", "مساءا": "pm", "ليلا": "night",
    "ص": "am", "م": "pm",  # abbreviations, accepted only after hh:mm
}

PAST_DIR: frozenset[str] = frozenset({
    "الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفائت", "الفائته", "السابق", "السابقه",
    "المنقضي", "المنقضيه", "الفارط", "الفارطه",
})
NEXT_DIR: frozenset[str] = frozenset({"المقبل", "المقبله", "القادم", "القادمه", "الاتي", "الاتيه"})
CUR_DIR: frozenset[str] = frozenset({"الحالي", "الحاليه", "الجاري", "الجاريه"})

#: TIMEX3 mod for "early/middle/late" words before a period
MOD_WORDS: dict[str, str] = {
    "مطلع": "START", "اوائل": "START", "بدايه": "START", "بدء": "START", "مستهل": "START",
    "اول": "START", "اوله": "START",
    "منتصف": "MID", "اواسط": "MID", "وسط": "MID",
    "اواخر": "END", "نهايه": "END", "ختام": "END", "اخر": "END", "خواتيم": "END",
}

#: duration unit words → (TIMEX3 unit letter(s), count implied by the form or None,
#: is_time_unit). Dual forms carry count 2; singular 1 (used only with a cue).
UNITS: dict[str, tuple[str, int | None, bool]] = {}
for _letters, _sing, _acc, _plurals, _duals, _time in (
    ("Y", ("عام", "سنه"), ("عاما", "سنه"), ("اعوام", "سنوات", "سنين"), ("عامين", "عامان", "سنتين", "سنتان"), False),
    ("M", ("شهر",), ("شهرا",), ("اشهر", "شهور"), ("شهرين", "شهران"), False),
    ("W", ("اسبوع",), ("اسبوعا",), ("اسابيع",), ("اسبوعين", "اسبوعان"), False),
    ("D", ("يوم",), ("يوما",), ("ايام",), ("يومين", "يومان"), False),
    ("H", ("ساعه",), ("ساعه",), ("ساعات",), ("ساعتين", "ساعتان"), True),
    ("M", ("دقيقه",), ("دقيقه",), ("دقائق",), ("دقيقتين", "دقيقتان"), True),
    ("DE", ("عقد",), ("عقدا",), ("عقود",), ("عقدين", "عقدان"), False),
    ("CE", ("قرن",), ("قرنا",), ("قرون",), ("قرنين", "قرنان"), False),
):
    for _w in _sing + _acc + _plurals:
        UNITS.setdefault(_w, (_letters, None, _time))
    for _w in _duals:
        UNITS[_w] = (_letters, 2, _time)
SINGULAR_UNITS: frozenset[str] = frozenset({"عام", "سنه", "شهر", "اسبوع", "يوم", "ساعه", "دقيقه", "عقد", "قرن"})

SEASONS: dict[str, str] = {
    "صيف": "SU", "الصيف": "SU", "شتاء": "WI", "الشتاء": "WI",
    "ربيع": "SP", "الربيع": "SP", "خريف": "FA", "الخريف": "FA",
}

#: decade stems (التسعينيات، الثمانينات) → the decade's tens digit
DECADES: dict[str, int] = {
    "عشرين": 2, "ثلاثين": 3, "اربعين": 4, "خمسين": 5, "ستين": 6, "سبعين": 7, "ثمانين": 8, "تسعين": 9,
}

#: hedges before a duration → TIMEX3 mod
APPROX: dict[str, str] = {
    "نحو": "APPROX", "حوالي": "APPROX", "قرابه": "APPROX", "زهاء": "APPROX", "تقريبا": "APPROX",
    "ما يقرب من": "APPROX", "ما يناهز": "APPROX", "ما يقارب": "APPROX",
    "اكثر من": "MORE_THAN", "ما يزيد عن": "MORE_THAN", "ما يزيد علي": "MORE_THAN", "ازيد من": "MORE_THAN",
    "اقل من": "LESS_THAN", "ما لا يقل عن": "EQUAL_OR_MORE", "ما لا يزيد عن": "EQUAL_OR_LESS",
}

#: perfect (past-tense) verbs frequent in news, 3rd person masculine singular,
#: normalized; ``dates._cue`` also accepts them with the suffixes ت/وا/ا/تا/ن.
#: A perfect verb before a bare weekday or month puts it in the past.
PERFECT_VERBS: frozenset[str] = frozenset({
    "قال", "اعلن", "اكد", "اضاف", "اوضح", "اشار", "ذكر", "صرح", "افاد", "نفي", "اعتبر", "راي", "كشف",
    "وصل", "غادر", "عاد", "زار", "التقي", "استقبل", "اجتمع", "عقد", "ناقش", "بحث", "وقع", "اتفق",
    "قتل", "اصيب", "جرح", "اعتقل", "اغتيل", "استهدف", "هاجم", "قصف", "سقط", "انفجر", "فجر", "اطلق",
    "شن", "نفذ", "دمر", "اندلع", "اندلعت", "اسفر", "خلف", "اوقع", "قضي", "توفي", "مات", "نجا",
    "بدا", "انتهي", "انطلق", "اختتم", "افتتح", "استمر", "توقف", "استانف", "استؤنف", "تاجل", "اجل", "الغي",
    "تولي", "انتخب", "فاز", "خسر", "استقال", "عين", "اقال", "نال", "حصل", "تسلم", "سلم", "صادق", "اقر",
    "وافق", "رفض", "طالب", "دعا", "حذر", "ندد", "ادان", "رحب", "اتهم", "هدد", "تعهد", "وعد", "طلب",
    "ارتفع", "انخفض", "تراجع", "بلغ", "سجل", "تجاوز", "تضاعف", "نما", "انكمش", "هبط", "صعد", "قفز",
    "فرض", "رفع", "خفض", "قرر", "اصدر", "صدر", "نشر", "اعلنت", "شهد", "جري", "حدث", "مر", "انسحب",
    "دخل", "خرج", "سيطر", "استعاد", "حرر", "احتل", "نقل", "فر", "نزح", "هرب", "اعترف", "كشفت",
    "امضي", "قضي", "ظل", "بقي", "اصبح", "صار", "تحول", "تمكن", "حاول", "شارك", "حضر", "ترأس", "تراس",
    "اغلق", "ضرب", "اسقط", "احرق", "اقتحم", "داهم", "خطف", "اختطف", "افرج", "اطلق سراح",
    "اختار", "ابلغ", "نقلت", "بث", "اذاع", "تبني", "اعاد", "انهي", "اتخذ", "وجه", "ارسل", "تلقي",
    # form V/VI perfects that look like an imperfect in ت (وتحدث الوزير), chosen among those whose
    # imperfect reading is rare at the head of a news clause
    "تحدث", "توصل", "تظاهر", "تبادل", "تفقد", "ترشح",
})

#: reporting and deciding verbs (perfect): they date the report, not the
#: event reported (قررت الحكومة فتح الحدود يوم 27 جوان), so they end the
#: search for a tense cue without giving one.
REPORT_VERBS: frozenset[str] = frozenset({
    "قال", "اعلن", "اكد", "اضاف", "اوضح", "اشار", "ذكر", "صرح", "افاد", "نفي", "اعتبر", "راي", "كشف",
    "قرر", "وافق", "رفض", "طالب", "دعا", "حذر", "تعهد", "وعد", "طلب", "هدد", "اتفق", "اقر", "توقع",
    "رجح", "اعلنت", "ابلغ", "اكدت", "قالت", "اعرب", "بين", "تبين",
})

#: time-zone phrases after a clock time (بتوقيت …) → IANA zone, "Z" (UTC) or
#: "" (local time: the span grows, the value has no offset). Offsets come
#: from the system tz database (``zoneinfo``) for the date in question.
TIME_ZONES: dict[str, str] = {
    "غرينتش": "Z", "غرينيتش": "Z", "جرينتش": "Z", "جرينيتش": "Z", "غرنتش": "Z", "جرنتش": "Z",
    "gmt": "Z", "utc": "Z", "ت غ": "Z", "ت.غ": "Z", "العالمي": "Z", "العالمي الموحد": "Z",
    "المحلي": "", "المحليه": "",
    "مكه": "Asia/Riyadh", "مكه المكرمه": "Asia/Riyadh", "الرياض": "Asia/Riyadh", "السعوديه": "Asia/Riyadh",
    "بغداد": "Asia/Baghdad", "العراق": "Asia/Baghdad", "الكويت": "Asia/Kuwait", "الدوحه": "Asia/Qatar",
    "قطر": "Asia/Qatar", "المنامه": "Asia/Bahrain", "البحرين": "Asia/Bahrain", "ابوظبي": "Asia/Dubai",
    "دبي": "Asia/Dubai", "الامارات": "Asia/Dubai", "مسقط": "Asia/Muscat", "عمان": "Asia/Amman",
    "صنعاء": "Asia/Aden", "اليمن": "Asia/Aden", "دمشق": "Asia/Damascus", "سوريا": "Asia/Damascus",
    "بيروت": "Asia/Beirut", "لبنان": "Asia/Beirut", "القدس": "Asia/Jerusalem", "غزه": "Asia/Gaza",
    "الاردن": "Asia/Amman", "القاهره": "Africa/Cairo", "مصر": "Africa/Cairo", "الخرطوم": "Africa/Khartoum",
    "السودان": "Africa/Khartoum", "طرابلس": "Africa/Tripoli", "ليبيا": "Africa/Tripoli", "تونس": "Africa/Tunis",
    "الجزائر": "Africa/Algiers", "الرباط": "Africa/Casablanca", "المغرب": "Africa/Casablanca",
    "نواكشوط": "Africa/Nouakchott", "طهران": "Asia/Tehran", "انقره": "Europe/Istanbul", "اسطنبول": "Europe/Istanbul",
    "موسكو": "Europe/Moscow", "باريس": "Europe/Paris", "لندن": "Europe/London", "برلين": "Europe/Berlin",
    "واشنطن": "America/New_York", "نيويورك": "America/New_York", "بكين": "Asia/Shanghai", "طوكيو": "Asia/Tokyo",
}

#: holidays with a fixed place in a calendar: name → ("G", month, day) for
#: Gregorian or ("H", month, day) for Hijri (converted with hijridate).
HOLIDAYS: dict[str, tuple[str, int, int]] = {
    "عيد الفطر": ("H", 10, 1), "عيد الفطر المبارك": ("H", 10, 1),
    "عيد الاضحي": ("H", 12, 10), "عيد الاضحي المبارك": ("H", 12, 10),
    "يوم عرفه": ("H", 12, 9), "وقفه عرفه": ("H", 12, 9),
    "راس السنه الهجريه": ("H", 1, 1), "المولد النبوي": ("H", 3, 12), "المولد النبوي الشريف": ("H", 3, 12),
    "ذكري المولد النبوي": ("H", 3, 12), "يوم عاشوراء": ("H", 1, 10), "ليله القدر": ("H", 9, 27),
    "عيد الميلاد": ("G", 12, 25), "راس السنه الميلاديه": ("G", 1, 1), "عيد العمال": ("G", 5, 1),
    "عيد الحب": ("G", 2, 14), "يوم المراه العالمي": ("G", 3, 8),
}
