"""Synthetic Arabic news articles for benchmarks and tests (``khabar bench ingest``).

Articles are assembled from news-style sentence templates written for the
project, with slots filled from small lists of places, actors, numbers and
days, using a seeded random generator: the same ``(n, seed)`` always gives
the same articles, each distinct (no exact duplicates). They exercise every
extractor (entities, dates, quantities, quotes, attributions, events) but are
not real news and carry no gold annotations.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path

__all__ = ["generate_articles", "write_jsonl"]

_CITIES = ["بغداد", "دمشق", "بيروت", "القاهرة", "عمان", "الرياض", "طرابلس", "الخرطوم", "صنعاء", "الموصل", "حلب", "غزة", "تونس", "الجزائر", "الرباط"]
_COUNTRIES = ["العراق", "سوريا", "لبنان", "مصر", "الأردن", "السعودية", "ليبيا", "السودان", "اليمن", "تونس", "الجزائر", "المغرب", "قطر", "الكويت"]
_ACTORS = ["وزير الخارجية العراقي", "الجيش السوري", "الحكومة اللبنانية", "الرئيس المصري", "العاهل الأردني", "وزارة الدفاع السعودية", "الأمم المتحدة", "حلف شمال الأطلسي", "الاتحاد الأوروبي", "الجامعة العربية"]
_AGENCIES = ["رويترز", "فرانس برس", "وكالة الأنباء العراقية", "أسوشيتد برس"]
_DAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"]
_T = [
    "{city} - قُتل {n} أشخاص وأصيب {m} آخرون {day} في هجوم بسيارة مفخخة استهدف سوقا شعبيا في {city}، بحسب ما أفادت مصادر أمنية.",
    "أعلن {actor} {day} أنه سيزور {country} الأسبوع المقبل لبحث التعاون الأمني والاقتصادي.",
    "وقال المتحدث باسم {actor} في بيان إن \"الهجوم لن يمر دون رد\"، مطالبا بتحقيق دولي.",
    "ونقلت {agency} عن مسؤول طلب عدم نشر اسمه أن {n} جنديا انتشروا في محيط {city} منذ {date}.",
    "واتهم {actor} جماعات مسلحة بالوقوف وراء الهجوم، فيما نفت تلك الجماعات أي صلة لها به.",
    "ووقعت {country} و{country2} اتفاقا لتقديم مساعدات إنسانية بقيمة {money} مليون دولار للنازحين.",
    "وتظاهر نحو {k} شخص في {city} {day} احتجاجا على ارتفاع الأسعار وانقطاع الكهرباء.",
    "ودعا {actor} إلى وقف فوري لإطلاق النار واستئناف المفاوضات بين الأطراف في {country}.",
    "وفرضت {country} عقوبات على {n} شركات قالت إنها تمول جماعات مسلحة.",
    "وأكد {actor} خلال لقائه نظيره من {country2} في {city} دعم بلاده للحل السياسي.",
]


def generate_articles(n: int, seed: int = 0, *, start: dt.date = dt.date(2024, 1, 1)) -> Iterator[dict[str, str]]:
    """``n`` article dicts ``{"text", "url", "title", "published", "source"}`` (a JSONL line each), lazily."""
    rng = random.Random(seed)
    for i in range(n):
        pub = start + dt.timedelta(days=rng.randrange(0, 365))
        fill = {
            "city": rng.choice(_CITIES),
            "country": rng.choice(_COUNTRIES),
            "country2": rng.choice(_COUNTRIES),
            "actor": rng.choice(_ACTORS),
            "agency": rng.choice(_AGENCIES),
            "day": rng.choice(["أمس", "اليوم"]) + " " + rng.choice(_DAYS),
            "n": rng.randrange(3, 90),
            "m": rng.randrange(5, 200),
            "k": rng.choice([500, 1000, 2000, 5000, 10000]),
            "money": rng.randrange(5, 400),
            "date": f"{rng.randrange(1, 28)} {rng.choice(['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو'])} {pub.year}",
        }
        picks = rng.sample(_T, k=rng.randrange(5, 9))
        lead = f"({rng.choice(_AGENCIES)}) تقرير رقم {i + 1}: "
        text = lead + " ".join(t.format(**fill) for t in picks) + "\n"
        yield {"text": text, "url": f"https://synthetic.example/{seed}/{i + 1}", "title": f"تقرير {i + 1}", "published": pub.isoformat(), "source": "synthetic"}


def write_jsonl(path: str | Path, n: int, seed: int = 0) -> Path:
    """Write :func:`generate_articles` to a JSONL file; returns its path."""
    p = Path(path)
    with p.open("w", encoding="utf-8") as fh:
        for a in generate_articles(n, seed):
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    return p
