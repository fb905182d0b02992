"""Write examples/gold/*.gold.json from readable annotations (offsets computed, never hand-counted).

Each item names its text as ``"left [[target]] right"`` (the target inside a
context that makes it unique) or as a bare string plus an occurrence index
(0-based, over every occurrence of that substring, overlapping ones included).
The script finds the span, writes ``start``/``end`` and checks
``article[start:end] == text`` for every item.

Usage: ``python scripts/annotate_examples.py`` (from the repository root).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NOTES = (
    "Gold annotation of an example article written for the project (facts are real-world and mainstream; "
    "the sentences and quotations are our own illustrative wording). Offsets are Python str indices "
    "(Unicode code points) into the file as stored, computed by scripts/annotate_examples.py. Items marked "
    "optional are not counted as misses. For events, alt_types lists other acceptable PLOVER types; status is "
    "one of occurred, planned, expected, possible, requested, denied. Actors without name_en (unnamed groups) "
    "are scored by country."
)
_MARK = re.compile(r"\[\[(.+?)\]\]", re.S)


def locate(text: str, spec: str, occ: int = 0) -> tuple[int, int, str]:
    """``(start, end, target)`` of ``spec`` in ``text``; raises ``ValueError`` if absent or ambiguous."""
    m = _MARK.search(spec)
    if m:
        ctx = spec[: m.start()] + m.group(1) + spec[m.end():]
        offs = m.start()
        target = m.group(1)
    else:
        ctx, offs, target = spec, 0, spec
    hits = [i for i in range(len(text)) if text.startswith(ctx, i)]
    if m and len(hits) != 1 and occ == 0:
        raise ValueError(f"context {ctx!r} found {len(hits)} times; make it unique")
    if occ >= len(hits):
        raise ValueError(f"{ctx!r}: occurrence {occ} asked, {len(hits)} found")
    s = hits[occ] + offs
    return s, s + len(target), target


def span(text: str, spec: str | tuple[str, int]) -> dict[str, Any]:
    s, o = (spec, 0) if isinstance(spec, str) else spec
    a, b, t = locate(text, s, o)
    assert text[a:b] == t
    return {"start": a, "end": b, "text": t}


def build(name: str, published: str, ann: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    doc = f"examples/{name}.txt"
    text = (ROOT / doc).read_text(encoding="utf-8")
    out: dict[str, Any] = {"doc": doc, "published": published, "language": "ar", "notes": NOTES}
    for kind in ("entities", "timexes", "quantities", "quotes", "attributions"):
        items = []
        for it in ann.get(kind, []):
            it = dict(it)
            sp = span(text, (it.pop("at"), it.pop("occ", 0)))
            items.append({**sp, **it})
        items.sort(key=lambda x: (x["start"], x["end"]))
        out[kind] = items
    events = []
    for ev in ann.get("events", []):
        ev = dict(ev)
        trig = span(text, ev.pop("trigger"))
        alts = [span(text, a) for a in ev.pop("alt_triggers", [])]
        rec: dict[str, Any] = {"trigger": trig}
        if alts:
            rec["alt_triggers"] = alts
        rec.update(ev)
        events.append(rec)
    events.sort(key=lambda x: x["trigger"]["start"])
    out["events"] = events
    return out


def E(at: str, label: str, name_en: str | None, kb: str | None = None, country: str | None = None, occ: int = 0, **kw: Any) -> dict[str, Any]:
    d: dict[str, Any] = {"at": at, "occ": occ, "label": label, "name_en": name_en}
    if kb:
        d["kb"] = kb
    if country:
        d["country"] = country
    d.update(kw)
    return d


def T(at: str, type_: str, value: str | None, mod: str | None = None, occ: int = 0, **kw: Any) -> dict[str, Any]:
    d: dict[str, Any] = {"at": at, "occ": occ, "type": type_, "value": value}
    if mod:
        d["mod"] = mod
    d.update(kw)
    return d


def Q(at: str, unit: str | None, value: float | int | None = None, min: float | int | None = None,
      max: float | int | None = None, approx: bool = False, occ: int = 0, **kw: Any) -> dict[str, Any]:
    d: dict[str, Any] = {"at": at, "occ": occ, "unit": unit}
    if value is not None:
        d["value"] = value
    if min is not None:
        d["min"] = min
    if max is not None:
        d["max"] = max
    if approx:
        d["approx"] = True
    d.update(kw)
    return d


def QT(at: str, speaker: str | None, cue: str | None, direct: bool, occ: int = 0, **kw: Any) -> dict[str, Any]:
    return {"at": at, "occ": occ, "speaker": speaker, "cue": cue, "direct": direct, **kw}


def A(at: str, source: str, occ: int = 0, **kw: Any) -> dict[str, Any]:
    return {"at": at, "occ": occ, "source": source, **kw}


def actor(name_en: str | None = None, country: str | None = None, sector: str | None = None) -> dict[str, str]:
    return {k: v for k, v in (("name_en", name_en), ("country", country), ("sector", sector)) if v}


# --- shared names --------------------------------------------------------------
IRQ = dict(kb="Q796", country="IRQ")
USA = dict(kb="Q30", country="USA")
SYR = dict(kb="Q858", country="SYR")
BAGHDAD = dict(kb="Q1530", country="IRQ")
COALITION = "Global Coalition against Daesh"
A_USA_MIL = actor("United States", "USA", "MIL")


def baghdad() -> dict[str, list[dict[str, Any]]]:
    ents = [
        E("فصيل [[عراقي]] مسلح", "NORP", "Iraqi", country="IRQ"),
        E("بضربة [[أميركية]]", "NORP", "American", country="USA"),
        E("في [[بغداد]]\n", "GPE", "Baghdad", **BAGHDAD),
        E("\n[[بغداد]] -", "GPE", "Baghdad", **BAGHDAD),
        E("حركة النجباء", "ORG", "Harakat al-Nujaba", country="IRQ"),
        E("النجباء [[العراقية]]", "NORP", "Iraqi", country="IRQ"),
        E("مسيّرة [[أميركية]]", "NORP", "American", country="USA"),
        E("هيئة الحشد الشعبي", "ORG", "Popular Mobilization Forces", country="IRQ"),
        E("شارع فلسطين", "FAC", "Palestine Street", country="IRQ"),
        E("العاصمة [[العراقية]]", "NORP", "Iraqi", country="IRQ"),
        E("فرانس برس", "ORG", "Agence France-Presse"),
        E("مشتاق طالب السعيدي", "PER", "Mushtaq Talib al-Saidi"),
        E("أبو تقوى", "PER", "Mushtaq Talib al-Saidi", note="kunya (nickname) of the same person"),
        E("عناصر [[الحشد]]", "ORG", "Popular Mobilization Forces", optional=True, note="short name"),
        E("الحكومة العراقية", "ORG", "Government of Iraq", optional=True),
        E("الحكومة [[العراقية]] الضربة", "NORP", "Iraqi", country="IRQ"),
        E("باسمها [[باسم العوادي]]", "PER", "Basim al-Awadi", note="the first باسم is باسم+ها 'in its name'"),
        E("قوات [[التحالف الدولي]] مسؤولية", "ORG", COALITION),
        E("القانون [[العراقي]]", "NORP", "Iraqi", country="IRQ"),
        E("واتهم [[العوادي]]", "PER", "Basim al-Awadi"),
        E("العوادي [[التحالف]]", "ORG", COALITION, optional=True, note="short name"),
        E("بين [[بغداد]]", "GPE", "Baghdad", **BAGHDAD),
        E("بغداد و[[واشنطن]]", "GPE", "Washington, D.C.", kb="Q61", country="USA"),
        E("وزارة الدفاع الأمريكية", "ORG", "United States Department of Defense", kb="Q11209"),
        E("الدفاع [[الأمريكية]]", "NORP", "American", country="USA", nested=True, optional=True),
        E("البنتاغون", "ORG", "United States Department of Defense", kb="Q11209"),
        E("باتريك رايدر", "PER", "Patrick Ryder"),
        E("القوات [[الأميركية]] استهدفت", "NORP", "American", country="USA"),
        E("عسكريين [[أميركيين]] وتنفيذها", "NORP", "American", country="USA"),
        E("رويترز", "ORG", "Reuters", kb="Q130879"),
        E("القوات [[الأميركية]] في العراق", "NORP", "American", country="USA"),
        E("في [[العراق]] وسوريا", "GPE", "Iraq", **IRQ),
        E("و[[سوريا]] لأكثر", "GPE", "Syria", **SYR),
        E("ل[[إيران]]", "GPE", "Iran", kb="Q794", country="IRN"),
        E("وكانت [[واشنطن]]", "GPE", "Washington, D.C.", kb="Q61", country="USA"),
        E("كتائب حزب الله", "ORG", "Kata'ib Hezbollah", country="IRQ"),
        E("عسكريين [[أميركيين]] في", "NORP", "American", country="USA"),
        E("أربيل", "GPE", "Erbil", country="IRQ"),
        E("البرلمان العراقي", "ORG", "Council of Representatives of Iraq", optional=True),
        E("البرلمان [[العراقي]]", "NORP", "Iraqi", country="IRQ"),
        E("محمد شياع السوداني", "PER", "Mohammed Shia al-Sudani"),
        E("وجود [[التحالف الدولي]]", "ORG", COALITION),
        E("الدولي في [[العراق]]", "GPE", "Iraq", **IRQ),
        E("الولايات المتحدة", "GPE", "United States", **USA),
        E("جندي في [[العراق]]", "GPE", "Iraq", **IRQ),
        E("في [[سوريا]]،", "GPE", "Syria", **SYR),
        E("إطار [[التحالف]]", "ORG", COALITION, optional=True, note="short name"),
        E("الدولة الإسلامية", "ORG", "Islamic State", kb="Q2429253"),
    ]
    tmx = [
        T("أمس الخميس", "DATE", "2024-01-04"),
        T("منتصف أكتوبر/تشرين الأول الماضي", "DATE", "2023-10", mod="MID"),
        T("الشهر الماضي", "DATE", "2023-12"),
        T("اليوم الجمعة", "DATE", "2024-01-05"),
        T("عام 2014", "DATE", "2014"),
    ]
    qty = [
        Q("اثنين", "person", 2, note="number word; the counted noun is implied"),
        Q("أكثر من 100 هجوم", "attack", 100, note="lower bound (أكثر من)"),
        Q("3 عسكريين", "soldier", 3),
        Q("نحو 2500 جندي", "soldier", 2500, approx=True),
        Q("نحو تسعمئة", "soldier", 900, approx=True, note="counted noun implied from the previous quantity"),
    ]
    quotes = [
        QT("أن الطائرة أطلقت صواريخ على سيارة داخل المقر، ما أسفر عن مقتل اثنين هما مشتاق طالب السعيدي المعروف بـ\"أبو تقوى\" وأحد مرافقيه، وإصابة عدد من عناصر الحشد بجروح",
           "security source", "نقلت", False),
        QT("«نحمّل قوات التحالف الدولي مسؤولية هذا الاعتداء غير المبرر على جهة أمنية تعمل وفق القانون العراقي»",
           "Basim al-Awadi", "قال", True),
        QT("إن القوات الأميركية استهدفت القيادي لأنه كان ضالعاً في التخطيط لهجمات على عسكريين أميركيين وتنفيذها",
           "Patrick Ryder", "قال", False),
        QT("أن حكومته ستشكل لجنة ثنائية لترتيب إنهاء وجود التحالف الدولي في العراق",
           "Mohammed Shia al-Sudani", "أعلن", False),
    ]
    attrs = [
        A("بحسب ما أفادت مصادر أمنية", "security sources", optional=True, note="unnamed source"),
        A("نقلت وكالة فرانس برس عن مصدر أمني", "Agence France-Presse"),
        A("بحسب رويترز", "Reuters"),
    ]
    nujaba = actor("Harakat al-Nujaba", "IRQ", "REB")
    events = [
        dict(trigger=("مقتل", 0), alt_triggers=["ب[[ضربة]] أميركية"], type="ASSAULT", mode="aerial", status="occurred",
             source=A_USA_MIL, target=actor(None, "IRQ", "REB"), location="Baghdad", date="2024-01-04",
             optional=True, note="headline restating the main event"),
        dict(trigger="[[قُتل]] قيادي", alt_triggers=["في [[ضربة]] نفذتها"], type="ASSAULT", mode="aerial",
             status="occurred", source=A_USA_MIL, target=nujaba, location="Baghdad", date="2024-01-04", fatalities=2),
        dict(trigger="أطلقت صواريخ", alt_triggers=["مقتل اثنين"], type="ASSAULT", mode="aerial", status="occurred",
             source=A_USA_MIL, target=actor("Mushtaq Talib al-Saidi", "IRQ", "REB"), optional=True,
             note="details of the same strike"),
        dict(trigger="[[دانت]] الحكومة", type="ACCUSE", status="occurred",
             source=actor("Iraq", "IRQ", "GOV"), target=actor(None, "USA", "MIL"),
             note="condemns the strike; the target is the one who struck"),
        dict(trigger="الحكومة العراقية [[الضربة]]", type="ASSAULT", status="occurred", optional=True, note="mention of the strike"),
        dict(trigger="«[[نحمّل]]", type="ACCUSE", status="occurred", source=actor("Basim al-Awadi", "IRQ", "GOV"),
             target=actor(COALITION, None, "MIL"), optional=True, note="the condemnation, in the spokesman's words"),
        dict(trigger="هذا [[الاعتداء]]", type="ASSAULT", status="occurred", optional=True, note="mention of the strike"),
        dict(trigger="[[اتهم]] العوادي", type="ACCUSE", status="occurred", source=actor("Basim al-Awadi", "IRQ", "GOV"),
             target=actor(COALITION, None, "MIL")),
        dict(trigger="الأميركية [[استهدفت]]", type="ASSAULT", mode="aerial", status="occurred", source=A_USA_MIL,
             optional=True, note="the strike again, in reported speech"),
        dict(trigger="ل[[هجمات]] على", type="ASSAULT", status="occurred", source=nujaba, target=A_USA_MIL,
             optional=True, note="attacks the commander is said to have planned"),
        dict(trigger="100 [[هجوم]]", alt_triggers=["[[تعرضت]] القوات"], type="ASSAULT", status="occurred",
             source=actor("Iran-aligned armed factions", None, "REB"), target=A_USA_MIL),
        dict(trigger="[[غارات]] على", alt_triggers=["[[شنت]] الشهر"], type="ASSAULT", mode="aerial", status="occurred",
             source=A_USA_MIL, target=actor("Kata'ib Hezbollah", "IRQ", "REB"), date="2023-12"),
        dict(trigger="على [[هجوم]] أدى", alt_triggers=["[[إصابة]] 3"], type="ASSAULT", status="occurred",
             target=A_USA_MIL, location="Erbil", injured=3),
        dict(trigger="[[طالب]] نواب", type="REQUEST", status="occurred", source=actor(None, "IRQ", "GOV"),
             target=actor("Iraq", "IRQ", "GOV"), note="MPs (unnamed) call on the government"),
        dict(trigger="ب[[إخراج]] القوات", type="COERCE", alt_types=["RETREAT"], status="requested",
             source=actor("Iraq", "IRQ", "GOV"), optional=True, note="the action called for"),
        dict(trigger="[[ستشكل]] لجنة", type="COOPERATE", alt_types=["CONSULT", "AGREE"], status="planned",
             source=actor("Mohammed Shia al-Sudani", "IRQ", "GOV")),
        dict(trigger="[[إنهاء]] وجود", type="RETREAT", alt_types=["COERCE"], mode="military", status="planned",
             source=actor(COALITION, None, "MIL"), location="Iraq"),
        dict(trigger="[[تنشر]] الولايات", type="MOBILIZE", status="occurred", source=A_USA_MIL, optional=True,
             note="a standing deployment rather than an event"),
    ]
    return {"entities": ents, "timexes": tmx, "quantities": qty, "quotes": quotes, "attributions": attrs, "events": events}


def safadi() -> dict[str, list[dict[str, Any]]]:
    DAM = dict(kb="Q3766", country="SYR")
    JOR = dict(kb="Q810", country="JOR")
    ents = [
        E("الصفدي", "PER", "Ayman Safadi"),
        E("في [[دمشق]] في أول", "GPE", "Damascus", **DAM),
        E("خارجية [[أردني]]", "NORP", "Jordanian", country="JOR"),
        E("\n[[دمشق]] -", "GPE", "Damascus", **DAM),
        E("الخارجية [[الأردني]]", "NORP", "Jordanian", country="JOR"),
        E("أيمن الصفدي", "PER", "Ayman Safadi"),
        E("إلى [[دمشق]] أمس", "GPE", "Damascus", **DAM),
        E("لمسؤول [[أردني]]", "NORP", "Jordanian", country="JOR"),
        E("النزاع [[السوري]]", "NORP", "Syrian", country="SYR"),
        E("الرئيس [[السوري]]", "NORP", "Syrian", country="SYR"),
        E("بشار الأسد", "PER", "Bashar al-Assad", kb="Q44329"),
        E("ونظيره [[السوري]]", "NORP", "Syrian", country="SYR"),
        E("فيصل المقداد", "PER", "Faisal Mekdad"),
        E("وقال [[الصفدي]]", "PER", "Ayman Safadi"),
        E("مع [[المقداد]]:", "PER", "Faisal Mekdad"),
        E("تضامن [[الأردن]]", "GPE", "Jordan", **JOR),
        E("الشعب [[السوري]]", "NORP", "Syrian", country="SYR"),
        E("أكد [[المقداد]]", "PER", "Faisal Mekdad"),
        E("وقوف [[عمّان]]", "GPE", "Amman", country="JOR"),
        E("جانب [[السوريين]]", "NORP", "Syrians", country="SYR"),
        E("على [[دمشق]] لتسهيل", "GPE", "Damascus", **DAM),
        E("العاهل [[الأردني]]", "NORP", "Jordanian", country="JOR"),
        E("عبد الله الثاني", "PER", "Abdullah II of Jordan", kb="Q57464"),
        E("بال[[أسد]] في", "PER", "Bashar al-Assad", kb="Q44329", optional=True,
          note="ب + ال + أسد: the surname's article is fused with the clitic; spans starting at ال or أسد both acceptable"),
        E("جنوب تركيا", "LOC", "Southern Turkey", country="TUR"),
        E("جنوب [[تركيا]]", "GPE", "Turkey", kb="Q43", country="TUR", nested=True, optional=True),
        E("شمال سوريا", "LOC", "Northern Syria", country="SYR"),
        E("شمال [[سوريا]]", "GPE", "Syria", kb="Q858", country="SYR", nested=True, optional=True),
        E("الحكومة السورية", "ORG", "Government of Syria", optional=True),
        E("الحكومة [[السورية]]", "NORP", "Syrian", country="SYR"),
        E("مع [[تركيا]] هما", "GPE", "Turkey", kb="Q43", country="TUR"),
        E("باب السلامة", "FAC", "Bab al-Salam border crossing", country="SYR"),
        E("وال[[راعي]]", "FAC", "Al-Rai border crossing", country="SYR", optional=True,
          note="و + ال + راعي; spans with or without the article acceptable"),
        E("جمع [[الأسد]]", "PER", "Bashar al-Assad", kb="Q44329"),
        E("لل[[أمم المتحدة]] للشؤون", "ORG", "United Nations", kb="Q1065", optional=True, note="ل + ال fused (لل)"),
        E("مارتن غريفيث", "PER", "Martin Griffiths"),
        E("وأطلقت [[الأمم المتحدة]]", "ORG", "United Nations", kb="Q1065"),
        E("ملايين [[سوري]]", "NORP", "Syrians", country="SYR"),
        E("أسوشيتد برس", "ORG", "Associated Press"),
        E("مجلس الأمن الدولي", "ORG", "United Nations Security Council"),
        E("باب الهوى", "FAC", "Bab al-Hawa border crossing", country="SYR"),
    ]
    tmx = [
        T("أمس الأربعاء", "DATE", "2023-02-15"),
        T("آذار/مارس ٢٠١١", "DATE", "2011-03"),
        T("السابع من شباط/فبراير الجاري", "DATE", "2023-02-07"),
        T("ثلاثة أشهر", "DURATION", "P3M"),
        T("يوم الإثنين الماضي", "DATE", "2023-02-13"),
        T("المتحدة [[الثلاثاء]]", "DATE", "2023-02-14"),
        T("التاسع من كانون الثاني/يناير الماضي", "DATE", "2023-01-09"),
        T("ل[[ستة أشهر]]", "DURATION", "P6M"),
    ]
    qty = [
        Q("أكثر من ٤١ ألف شخص", "person", 41000, note="lower bound (أكثر من)"),
        Q("معبرين", "crossing", 2, optional=True, note="dual noun"),
        Q("ثلاثة أشهر", "month", 3, optional=True, note="a duration"),
        Q("٣٩٧ مليون دولار", "USD", 397000000),
        Q("نحو خمسة ملايين سوري", "person", 5000000, approx=True),
        Q("ل[[ستة أشهر]]", "month", 6, optional=True, note="a duration"),
    ]
    quotes = [
        QT("\"جئنا لنعبر عن تضامن الأردن مع الشعب السوري الشقيق في هذا المصاب الأليم، وسنواصل إرسال المساعدات إلى كل المتضررين\"",
           "Ayman Safadi", "قال", True),
        QT("أن بلاده تقدر وقوف عمّان إلى جانب السوريين", "Faisal Mekdad", "أكد", False),
        QT("الدول الغربية إلى رفع العقوبات المفروضة على دمشق لتسهيل وصول الإغاثة", "Faisal Mekdad", "داعياً", False,
           optional=True, note="a call reported with its addressee"),
    ]
    attrs = [
        A("بحسب آخر الحصائل الرسمية", "official tolls", optional=True, note="unnamed source"),
        A("وفق ما نقلته وكالة أسوشيتد برس", "Associated Press"),
    ]
    safadi_a = actor("Ayman Safadi", "JOR", "GOV")
    assad = actor("Bashar al-Assad", "SYR", "GOV")
    events = [
        dict(trigger="أول [[زيارة]] لوزير", type="CONSULT", mode="visit", status="occurred", source=safadi_a,
             target=actor("Syria", "SYR", "GOV"), location="Damascus", optional=True, note="headline"),
        dict(trigger="[[وصل]] وزير", alt_triggers=["في [[زيارة]] هي"], type="CONSULT", mode="visit", status="occurred",
             source=safadi_a, target=actor("Syria", "SYR", "GOV"), location="Damascus", date="2023-02-15"),
        dict(trigger="و[[التقى]]", type="CONSULT", mode="meeting", status="occurred", source=safadi_a, target=assad,
             location="Damascus", date="2023-02-15"),
        dict(trigger="مؤتمر صحفي", type="CONSULT", status="occurred", source=safadi_a,
             target=actor("Faisal Mekdad", "SYR", "GOV"), optional=True),
        dict(trigger="عن [[تضامن]]", type="SUPPORT", status="occurred", source=actor("Jordan", "JOR", "GOV"),
             target=actor("Syria", "SYR"), optional=True),
        dict(trigger="[[إرسال]] المساعدات", alt_triggers=["و[[سنواصل]]"], type="AID", mode="humanitarian",
             status="planned", source=actor("Jordan", "JOR", "GOV"), target=actor("Syria", "SYR")),
        dict(trigger="[[تقدر]] وقوف", alt_triggers=["[[وقوف]] عمّان"], type="SUPPORT", status="occurred",
             source=actor("Syria", "SYR", "GOV"), target=actor("Jordan", "JOR", "GOV"), optional=True),
        dict(trigger="[[داعياً]]", type="REQUEST", status="occurred", source=actor("Faisal Mekdad", "SYR", "GOV")),
        dict(trigger="[[رفع]] العقوبات", type="CONCEDE", status="requested", target=actor("Syria", "SYR", "GOV"),
             optional=True),
        dict(trigger="[[العقوبات]] المفروضة", type="SANCTION", status="occurred", target=actor("Syria", "SYR", "GOV"),
             optional=True),
        dict(trigger="[[اتصالاً هاتفياً]]", alt_triggers=["[[أجرى]] اتصالاً"], type="CONSULT", mode="phone",
             status="occurred", source=actor("Abdullah II of Jordan", "JOR", "GOV"), target=assad, date="2023-02-07"),
        dict(trigger="[[وافقت]] الحكومة", type="AGREE", status="occurred", source=actor("Syria", "SYR", "GOV")),
        dict(trigger="على [[فتح]] معبرين", type="CONCEDE", alt_types=["AID", "COOPERATE"], status="planned",
             source=actor("Syria", "SYR", "GOV"), optional=True),
        dict(trigger="ل[[إيصال]] المساعدات", type="AID", mode="humanitarian", status="planned",
             source=actor("United Nations", None, "IGO"), optional=True),
        dict(trigger="[[لقاء]] جمع", type="CONSULT", mode="meeting", status="occurred", source=assad,
             target=actor("Martin Griffiths", None, "IGO"), date="2023-02-13"),
        dict(trigger="[[نداءً]] عاجلاً", alt_triggers=["و[[أطلقت]] الأمم"], type="REQUEST", alt_types=["AID"],
             status="occurred", source=actor("United Nations", None, "IGO"), date="2023-02-14"),
        dict(trigger="ل[[مساعدة]] نحو", type="AID", mode="humanitarian", status="planned",
             source=actor("United Nations", None, "IGO"), target=actor(None, "SYR", "CVL"), optional=True),
        dict(trigger="[[مدد]] في", type="AID", alt_types=["AGREE", "COOPERATE"], mode="humanitarian", status="occurred",
             source=actor("United Nations Security Council", None, "IGO"), location="Bab al-Hawa border crossing",
             date="2023-01-09"),
    ]
    return {"entities": ents, "timexes": tmx, "quantities": qty, "quotes": quotes, "attributions": attrs, "events": events}


def niger() -> dict[str, list[dict[str, Any]]]:
    NER = dict(kb="Q1032", country="NER")
    FRA = dict(kb="Q142", country="FRA")
    ECOWAS = "Economic Community of West African States"
    MFA = "Ministry of Foreign Affairs of France"
    ents = [
        E("الجنود [[الفرنسيين]] يغادرون", "NORP", "French", country="FRA"),
        E("يغادرون [[النيجر]]", "GPE", "Niger", **NER),
        E("\n[[نيامي]] -", "GPE", "Niamey", country="NER"),
        E("الجنود [[الفرنسيين]] النيجر", "NORP", "French", country="FRA"),
        E("الفرنسيين [[النيجر]] أمس", "GPE", "Niger", **NER),
        E("لتطوي [[باريس]]", "GPE", "Paris", kb="Q90", country="FRA"),
        E("منطقة [[الساحل]]", "LOC", "Sahel"),
        E("محمد بازوم", "PER", "Mohamed Bazoum"),
        E("وكالة الصحافة الفرنسية", "ORG", "Agence France-Presse"),
        E("الصحافة [[الفرنسية]]", "NORP", "French", country="FRA", nested=True, optional=True),
        E("مطار نيامي", "FAC", "Diori Hamani International Airport", optional=True),
        E("مطار [[نيامي]]", "GPE", "Niamey", country="NER"),
        E("تشاد", "GPE", "Chad", kb="Q657", country="TCD"),
        E("المجلس العسكري", "ORG", "National Council for the Safeguard of the Homeland", country="NER", optional=True,
          note="descriptive name of the junta"),
        E("مع [[فرنسا]]", "GPE", "France", **FRA),
        E("العاصمة [[نيامي]]", "GPE", "Niamey", country="NER"),
        E("القاعدة [[الفرنسية]]", "NORP", "French", country="FRA"),
        E("علي الأمين زين", "PER", "Ali Lamine Zeine"),
        E("وزارة الخارجية الفرنسية", "ORG", MFA),
        E("الخارجية [[الفرنسية]]", "NORP", "French", country="FRA", nested=True, optional=True),
        E("في [[نيامي]] ستغلق", "GPE", "Niamey", country="NER"),
        E("وتواجه [[النيجر]]", "GPE", "Niger", **NER),
        E("المجموعة الاقتصادية لدول غرب أفريقيا", "ORG", ECOWAS),
        E("غرب أفريقيا", "LOC", "West Africa", nested=True, optional=True),
        E("إيكواس", "ORG", ECOWAS),
        E("أبوجا", "GPE", "Abuja", country="NGA"),
        E("الولايات المتحدة", "GPE", "United States", **USA),
        E("تسعى [[نيامي]]", "GPE", "Niamey", country="NER"),
        E("روسيا", "GPE", "Russia", kb="Q159", country="RUS"),
        E("مالي", "GPE", "Mali", kb="Q912", country="MLI"),
        E("بوركينا فاسو", "GPE", "Burkina Faso", kb="Q965", country="BFA"),
    ]
    tmx = [
        T("أمس الجمعة", "DATE", "2023-12-22"),
        T("9 جمادى الآخرة 1445 هـ", "DATE", "2023-12-22"),
        T("صفحة [[عقد]]", "DURATION", "P10Y", optional=True),
        T("نحو خمسة أشهر", "DURATION", "P5M", mod="APPROX"),
        T("26 جويلية الماضي", "DATE", "2023-07-26"),
        T("أوت الماضي", "DATE", "2023-08"),
        T("شهري [[أوت]]", "DATE", "2023-08"),
        T("و[[سبتمبر]]", "DATE", "2023-09", optional=True, note="a span covering شهري أوت وسبتمبر matches the August item"),
        T("الفرنسية [[أمس]]", "DATE", "2023-12-22"),
        T("أكتوبر الماضي", "DATE", "2023-10"),
        T("جانفي المقبل", "DATE", "2024-01"),
    ]
    qty = [
        Q("نحو خمسة أشهر", "month", 5, approx=True, optional=True, note="a duration"),
        Q("نحو ألف وخمسمئة جندي", "soldier", 1500, approx=True),
        Q("خمسمئة مليون دولار", "USD", 500000000, note="lower bound (تزيد ... على)"),
    ]
    quotes = [
        QT("أن الطائرة التي أقلت آخر الجنود أقلعت من مطار نيامي متجهة إلى تشاد، منهية انسحاب قوة كان قوامها نحو ألف وخمسمئة جندي",
           "Agence France-Presse", "ذكرت", False),
        QT("\"رحيل هذه القوات يفتح صفحة جديدة في علاقاتنا مع شركاء يحترمون سيادتنا\"", "Ali Lamine Zeine", "قال", True),
        QT("أن سفارتها في نيامي ستغلق أبوابها حتى إشعار آخر", MFA, "أعلنت", False),
        QT("أنها لم تعد قادرة على أداء مهامها بشكل طبيعي", MFA, "مؤكدة", False),
        QT("أن تسعى نيامي إلى تعزيز تعاونها مع روسيا خلال جانفي المقبل", "observers", "يتوقع", False, optional=True),
    ]
    attrs = [A("ذكرت وكالة الصحافة الفرنسية", "Agence France-Presse")]
    fra_mil = actor("France", "FRA", "MIL")
    events = [
        dict(trigger="[[يغادرون]]", type="RETREAT", mode="military", status="occurred", source=fra_mil, location="Niger",
             optional=True, note="headline"),
        dict(trigger="[[غادرت]] آخر", type="RETREAT", mode="military", status="occurred", source=fra_mil,
             location="Niger", date="2023-12-22"),
        dict(trigger="من [[الانقلاب]] الذي", alt_triggers=["[[أطاح]]"], type="COERCE", alt_types=["ASSAULT"],
             status="occurred", target=actor("Mohamed Bazoum", "NER", "GOV"), date="2023-07-26", optional=True,
             note="PLOVER has no coup type"),
        dict(trigger="[[أقلعت]]", type="RETREAT", mode="military", status="occurred", source=fra_mil, optional=True),
        dict(trigger="منهية [[انسحاب]]", type="RETREAT", mode="military", status="occurred", source=fra_mil,
             optional=True, note="restates the withdrawal"),
        dict(trigger="[[ألغى]]", type="REJECT", alt_types=["SANCTION"], status="occurred",
             source=actor(None, "NER", "MIL"), target=actor("France", "FRA", "GOV"), date="2023-08"),
        dict(trigger="[[مظاهرات]] حاشدة", type="PROTEST", mode="demonstrate", status="occurred",
             source=actor(None, "NER", "CVL"), target=fra_mil, location="Niamey"),
        dict(trigger="[[طالب]] فيها", type="REQUEST", status="occurred", source=actor(None, "NER", "CVL")),
        dict(trigger="ب[[رحيل]] القوات", type="RETREAT", status="requested", optional=True),
        dict(trigger="\"[[رحيل]] هذه", type="RETREAT", status="occurred", optional=True),
        dict(trigger="[[ستغلق]]", type="SANCTION", alt_types=["REJECT", "RETREAT"], mode="diplomatic", status="planned",
             source=actor("France", "FRA", "GOV"), location="Niamey"),
        dict(trigger="[[عقوبات]] اقتصادية", alt_triggers=["[[فرضتها]]"], type="SANCTION", mode="economic",
             status="occurred", source=actor(ECOWAS, None, "IGO"), target=actor("Niger", "NER", "GOV")),
        dict(trigger="[[أبقت]]", type="SANCTION", status="occurred", source=actor(ECOWAS, None, "IGO"),
             target=actor("Niger", "NER", "GOV"), location="Abuja", optional=True),
        dict(trigger="[[علقت]]", type="SANCTION", mode="aid", status="occurred", source=actor("United States", "USA", "GOV"),
             target=actor("Niger", "NER", "GOV"), date="2023-10"),
        dict(trigger="[[تعزيز]] تعاونها", alt_triggers=["[[تسعى]]"], type="COOPERATE", status="expected",
             source=actor("Niger", "NER", "GOV"), target=actor("Russia", "RUS", "GOV"), date="2024-01"),
    ]
    return {"entities": ents, "timexes": tmx, "quantities": qty, "quotes": quotes, "attributions": attrs, "events": events}


ARTICLES = {
    "baghdad-drone-2024-01-05": ("2024-01-05", baghdad),
    "safadi-damascus-2023-02-16": ("2023-02-16", safadi),
    "niger-france-withdrawal-2023-12-23": ("2023-12-23", niger),
}


def main() -> int:
    outdir = ROOT / "examples" / "gold"
    outdir.mkdir(parents=True, exist_ok=True)
    for name, (published, fn) in ARTICLES.items():
        gold = build(name, published, fn())
        (outdir / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        n = {k: len(gold[k]) for k in ("entities", "timexes", "quantities", "quotes", "attributions", "events")}
        print(name, n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
