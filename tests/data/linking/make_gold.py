#!/usr/bin/env python3
"""Write the linking dev set's gold files from hand annotations (offsets computed, never counted).

Each article's annotation is a list of mentions in text order: (surface, label, name_en, flags).
(``للأمم المتحدة`` is ل + الأمم: the span after the clitic is ``لأمم المتحدة``.) The surface is searched from the end of the previous mention (``@`` skips to the next
occurrence), at word boundaries (proclitics و ف ب ل ك may precede; no letter may follow).
Flags: ``o`` optional, ``c`` coreferent mention (a short name or a description pointing to an
entity named elsewhere or known by date: scored by the coreference metric), ``n`` nominal
(a description, not a name: always optional, as in ../shared/gold), ``x`` nested in the previous mention (searched from its start).

Split (see docs/knowledge-base.md): dev = iraq-us-2019-06-10, nato-syria-2016-03-15;
test (held out, report only) = iraq-energy-2023-03-21, nato-ukraine-2024-12-04.

    .venv/bin/python tests/data/linking/make_gold.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
_LETTER = re.compile(r"[\u0621-\u064A]")

A: dict[str, tuple[str, list[tuple[str, str, str | None, str]]]] = {}

A["iraq-us-2019-06-10"] = ("2019-06-10", [
    ("بغداد", "GPE", "Baghdad", ""),
    ("رئيس الوزراء", "PER", "Adil Abdul-Mahdi", "nc"),
    ("العراقي", "NORP", "Iraqi", ""),
    ("عادل عبد المهدي", "PER", "Adil Abdul-Mahdi", ""),
    ("بغداد", "GPE", "Baghdad", ""),
    ("وزير الخارجية", "PER", "Mike Pompeo", "nc"),
    ("الأمريكي", "NORP", "American", ""),
    ("مايك بومبيو", "PER", "Mike Pompeo", ""),
    ("الجانبان", "PER", "Adil Abdul-Mahdi and Mike Pompeo", "nc"),
    ("واشنطن", "GPE", "Washington, D.C.", ""),
    ("طهران", "GPE", "Tehran", ""),
    ("المكتب الإعلامي لرئيس الوزراء", "ORG", "Media Office of the Prime Minister of Iraq", "o"),
    ("عبد المهدي", "PER", "Adil Abdul-Mahdi", "c"),
    ("العراق", "GPE", "Iraq", ""),
    ("بومبيو", "PER", "Mike Pompeo", "c"),
    ("الولايات المتحدة", "GPE", "United States", ""),
    ("العراق", "GPE", "Iraq", ""),
    ("بومبيو", "PER", "Mike Pompeo", "c"),
    ("الرئيس", "PER", "Barham Salih", "nc"),
    ("العراقي", "NORP", "Iraqi", ""),
    ("برهم صالح", "PER", "Barham Salih", ""),
    ("وزير الخارجية", "PER", "Mohamed Ali Alhakim", "nc"),
    ("محمد علي الحكيم", "PER", "Mohamed Ali Alhakim", ""),
    ("الأمريكية", "NORP", "American", ""),
    ("البلاد", "GPE", "Iraq", "nc"),
    ("التحالف الدولي ضد داعش", "ORG", "Global Coalition to Defeat ISIS", ""),
    ("داعش", "ORG", "Islamic State", "ox"),
    ("الحكيم", "PER", "Mohamed Ali Alhakim", "c"),
    ("الحكومة العراقية", "ORG", "Government of Iraq", "o"),
    ("العراقية", "NORP", "Iraqi", "x"),
    ("بغداد", "GPE", "Baghdad", ""),
    ("الرئيس", "PER", "Donald Trump", "nc"),
    ("الأمريكي", "NORP", "American", ""),
    ("دونالد ترامب", "PER", "Donald Trump", ""),
    ("الخليج", "LOC", "Persian Gulf", ""),
    ("السفارة الأمريكية", "FAC", "Embassy of the United States, Baghdad", "o"),
    ("الأمريكية", "NORP", "American", "x"),
    ("بغداد", "GPE", "Baghdad", ""),
    ("أربيل", "GPE", "Erbil", ""),
    ("وزير الخارجية", "PER", "Mohammad Javad Zarif", "nc"),
    ("الإيراني", "NORP", "Iranian", ""),
    ("محمد جواد ظريف", "PER", "Mohammad Javad Zarif", ""),
    ("العراقية", "NORP", "Iraqi", ""),
    ("ظريف", "PER", "Mohammad Javad Zarif", "c"),
    ("إيران", "GPE", "Iran", ""),
    ("الولايات المتحدة", "GPE", "United States", ""),
    ("رويترز", "ORG", "Reuters", ""),
    ("عراقي", "NORP", "Iraqi", ""),
    ("صالح", "PER", "Barham Salih", "c"),
    ("طهران", "GPE", "Tehran", ""),
    ("الأمم المتحدة", "ORG", "United Nations", ""),
    ("أنطونيو غوتيريش", "PER", "António Guterres", ""),
    ("الأمين العام", "PER", "António Guterres", "nc"),
    ("لأمم المتحدة", "ORG", "United Nations", ""),
    ("الشرق الأوسط", "LOC", "Middle East", ""),
])

A["iraq-energy-2023-03-21"] = ("2023-03-21", [
    ("بغداد", "GPE", "Baghdad", ""),
    ("رئيس الوزراء", "PER", "Mohammed Shia al-Sudani", "nc"),
    ("العراقي", "NORP", "Iraqi", ""),
    ("فرنسا", "GPE", "France", ""),
    ("توتال إنرجيز", "ORG", "TotalEnergies", ""),
    ("الفرنسية", "NORP", "French", ""),
    ("بغداد", "GPE", "Baghdad", ""),
    ("محمد شياع السوداني", "PER", "Mohammed Shia al-Sudani", ""),
    ("البصرة", "GPE", "Basra", ""),
    ("السوداني", "PER", "Mohammed Shia al-Sudani", "c"),
    ("باريس", "GPE", "Paris", ""),
    ("الفرنسي", "NORP", "French", ""),
    ("إيمانويل ماكرون", "PER", "Emmanuel Macron", ""),
    ("الزعيمان", "PER", "Mohammed Shia al-Sudani and Emmanuel Macron", "nc"),
    ("البلدين", "GPE", "Iraq and France", "nc"),
    ("وزير الخارجية", "PER", "Fuad Hussein", "nc"),
    ("العراقي", "NORP", "Iraqi", ""),
    ("فؤاد حسين", "PER", "Fuad Hussein", ""),
    ("السعودي", "NORP", "Saudi", ""),
    ("فيصل بن فرحان", "PER", "Faisal bin Farhan", ""),
    ("العراق", "GPE", "Iraq", ""),
    ("الرياض", "GPE", "Riyadh", ""),
    ("طهران", "GPE", "Tehran", ""),
    ("حسين", "PER", "Fuad Hussein", "c"),
    ("بغداد", "GPE", "Baghdad", ""),
    ("البلدين", "GPE", "Saudi Arabia and Iran", "nc"),
    ("صينية", "NORP", "Chinese", ""),
    ("بكين", "GPE", "Beijing", ""),
    ("الأمين العام", "PER", "Ahmed Aboul Gheit", "nc"),
    ("جامعة الدول العربية", "ORG", "Arab League", ""),
    ("أحمد أبو الغيط", "PER", "Ahmed Aboul Gheit", ""),
    ("أبو الغيط", "PER", "Ahmed Aboul Gheit", "c"),
    ("الجامعة", "ORG", "Arab League", "nc"),
    ("طهران", "GPE", "Tehran", ""),
    ("الرئيس", "PER", "Ebrahim Raisi", "nc"),
    ("الإيراني", "NORP", "Iranian", ""),
    ("إبراهيم رئيسي", "PER", "Ebrahim Raisi", ""),
    ("وزير الخارجية", "PER", "Hossein Amir-Abdollahian", "nc"),
    ("حسين أمير عبد اللهيان", "PER", "Hossein Amir-Abdollahian", ""),
    ("السعودي", "NORP", "Saudi", ""),
    ("المملكة العربية السعودية", "GPE", "Saudi Arabia", ""),
    ("إيران", "GPE", "Iran", ""),
    ("طهران", "GPE", "Tehran", ""),
    ("مشهد", "GPE", "Mashhad", ""),
])

A["nato-syria-2016-03-15"] = ("2016-03-15", [
    ("بروكسل", "GPE", "Brussels", ""),
    ("الأمين العام", "PER", "Jens Stoltenberg", "nc"),
    ("حلف شمال الأطلسي", "ORG", "NATO", ""),
    ("ينس ستولتنبرغ", "PER", "Jens Stoltenberg", ""),
    ("روسيا", "GPE", "Russia", ""),
    ("سوريا", "GPE", "Syria", ""),
    ("الرئيس", "PER", "Vladimir Putin", "nc"),
    ("الروسي", "NORP", "Russian", ""),
    ("فلاديمير بوتين", "PER", "Vladimir Putin", ""),
    ("ستولتنبرغ", "PER", "Jens Stoltenberg", "c"),
    ("الحلف", "ORG", "NATO", "nc"),
    ("بروكسل", "GPE", "Brussels", ""),
    ("الناتو", "ORG", "NATO", ""),
    ("شمال سوريا", "LOC", "Northern Syria", ""),
    ("سوريا", "GPE", "Syria", "ox"),
    ("تركيا", "GPE", "Turkey", ""),
    ("الحلف", "ORG", "NATO", "nc"),
    ("جنيف", "GPE", "Geneva", ""),
    ("الأمين العام", "PER", "Ban Ki-moon", "nc"),
    ("لأمم المتحدة", "ORG", "United Nations", ""),
    ("بان كي مون", "PER", "Ban Ki-moon", ""),
    ("الروسية", "NORP", "Russian", ""),
    ("الحكومة السورية", "ORG", "Government of Syria", "o"),
    ("السورية", "NORP", "Syrian", "x"),
    ("وزير الخارجية", "PER", "John Kerry", "nc"),
    ("الأمريكي", "NORP", "American", ""),
    ("جون كيري", "PER", "John Kerry", ""),
    ("الروسي", "NORP", "Russian", ""),
    ("سيرغي لافروف", "PER", "Sergey Lavrov", ""),
    ("الوزيران", "PER", "John Kerry and Sergey Lavrov", "nc"),
    ("حلب", "GPE", "Aleppo", ""),
    ("حمص", "GPE", "Homs", ""),
    ("كيري", "PER", "John Kerry", "c"),
    ("موسكو", "GPE", "Moscow", ""),
    ("بوتين", "PER", "Vladimir Putin", "c"),
    ("لافروف", "PER", "Sergey Lavrov", "c"),
    ("الرئيس", "PER", "Bashar al-Assad", "nc"),
    ("السوري", "NORP", "Syrian", ""),
    ("بشار الأسد", "PER", "Bashar al-Assad", ""),
    ("الرئيس", "PER", "Recep Tayyip Erdoğan", "nc"),
    ("التركي", "NORP", "Turkish", ""),
    ("رجب طيب أردوغان", "PER", "Recep Tayyip Erdoğan", ""),
    ("أنقرة", "GPE", "Ankara", ""),
    ("كردي", "NORP", "Kurdish", ""),
    ("وحدات حماية الشعب الكردية", "ORG", "People's Defense Units", ""),
    ("الكردية", "NORP", "Kurdish", "ox"),
    ("حزب العمال الكردستاني", "ORG", "Kurdistan Workers' Party", ""),
    ("المستشارة", "PER", "Angela Merkel", "nc"),
    ("الألمانية", "NORP", "German", ""),
    ("أنغيلا ميركل", "PER", "Angela Merkel", ""),
    ("برلين", "GPE", "Berlin", ""),
    ("الاتحاد الأوروبي", "ORG", "European Union", ""),
    ("أنقرة", "GPE", "Ankara", ""),
    ("السوريين", "NORP", "Syrians", ""),
    ("ستولتنبرغ", "PER", "Jens Stoltenberg", "c"),
    ("لدنماركي", "NORP", "Danish", ""),
    ("أندرس فوغ راسموسن", "PER", "Anders Fogh Rasmussen", ""),
])

A["nato-ukraine-2024-12-04"] = ("2024-12-04", [
    ("بروكسل", "GPE", "Brussels", ""),
    ("الأمين العام", "PER", "Mark Rutte", "nc"),
    ("حلف شمال الأطلسي", "ORG", "NATO", ""),
    ("أوكرانيا", "GPE", "Ukraine", ""),
    ("لحلف", "ORG", "NATO", "nc"),
    ("مارك روته", "PER", "Mark Rutte", ""),
    ("روسيا", "GPE", "Russia", ""),
    ("كوريا الشمالية", "GPE", "North Korea", ""),
    ("إيران", "GPE", "Iran", ""),
    ("وزير الخارجية", "PER", "Antony Blinken", "nc"),
    ("الأمريكي", "NORP", "American", ""),
    ("أنتوني بلينكن", "PER", "Antony Blinken", ""),
    ("الرئيس", "PER", "Joe Biden", "nc"),
    ("جو بايدن", "PER", "Joe Biden", ""),
    ("كييف", "GPE", "Kyiv", ""),
    ("وزير الخارجية", "PER", "Andrii Sybiha", "nc"),
    ("الأوكراني", "NORP", "Ukrainian", ""),
    ("أندريه سيبيها", "PER", "Andrii Sybiha", ""),
    ("الحلف", "ORG", "NATO", "nc"),
    ("وزير الخارجية", "PER", "Hakan Fidan", "nc"),
    ("التركي", "NORP", "Turkish", ""),
    ("هاكان فيدان", "PER", "Hakan Fidan", ""),
    ("أنقرة", "GPE", "Ankara", ""),
    ("موسكو", "GPE", "Moscow", ""),
    ("الكرملين", "ORG", "Moscow Kremlin", ""),
    ("دميتري بيسكوف", "PER", "Dmitry Peskov", ""),
    ("الناتو", "ORG", "NATO", ""),
    ("روسيا", "GPE", "Russia", ""),
    ("الشرق الأوسط", "LOC", "Middle East", ""),
    ("روته", "PER", "Mark Rutte", "c"),
    ("الحلف", "ORG", "NATO", "nc"),
    ("سوريا", "GPE", "Syria", ""),
    ("حلب", "GPE", "Aleppo", ""),
    ("الرئيس", "PER", "Emmanuel Macron", "nc"),
    ("الفرنسي", "NORP", "French", ""),
    ("إيمانويل ماكرون", "PER", "Emmanuel Macron", ""),
    ("روته", "PER", "Mark Rutte", "c"),
    ("هولندا", "GPE", "Netherlands", ""),
    ("ينس ستولتنبرغ", "PER", "Jens Stoltenberg", ""),
    ("الحلف", "ORG", "NATO", "nc"),
])


def _find(text: str, surface: str, pos: int) -> int:
    while True:
        i = text.find(surface, pos)
        if i < 0:
            raise SystemExit(f"not found after {pos}: {surface}")
        j = i + len(surface)
        after_ok = j >= len(text) or not _LETTER.match(text[j])
        k = i
        while k > 0 and text[k - 1] in "وفبلك" and i - k < 2:
            k -= 1
        before_ok = k == 0 or not _LETTER.match(text[k - 1])
        if after_ok and before_ok:
            return i
        pos = i + 1


def main() -> None:
    for name, (published, items) in A.items():
        text = (HERE / f"{name}.txt").read_text(encoding="utf-8")
        pos = 0
        prev_start = 0
        ents = []
        for surface, label, name_en, flags in items:
            nested = "x" in flags
            i = _find(text, surface, prev_start if nested else pos)
            e = i + len(surface)
            assert text[i:e] == surface
            item: dict[str, object] = {"start": i, "end": e, "text": surface, "label": label, "name_en": name_en}
            if "o" in flags or "n" in flags:
                item["optional"] = True
            if "c" in flags:
                item["coref"] = True
            if "n" in flags:
                item["note"] = "nominal mention"
            if nested and item.get("optional"):
                item["nested"] = True
            ents.append(item)
            # a nested item lies inside the previous one: keep searching from its start
            if not nested:
                pos = i + len(surface) if "n" not in flags else i + 1
                prev_start = i
        gold = {"doc": f"tests/data/linking/{name}.txt", "published": published, "entities": ents}
        (HERE / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        req = sum(1 for x in ents if not x.get("optional"))
        print(f"{name}: {len(ents)} mentions, {req} required, {sum(1 for x in ents if x.get('coref'))} coreferent")


if __name__ == "__main__":
    main()
