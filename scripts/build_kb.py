#!/usr/bin/env python3
"""Rebuild the generated parts of khabar's knowledge base (``src/khabar/data/kb``).

Usage::

    .venv/bin/python scripts/build_kb.py [--data ../shared/data] [--out src/khabar/data/kb]

Inputs (read-only, under ``--data``; see each folder's SOURCE.md):

* ``gazetteer_countries_mledoze/countries-unescaped.json.gz`` (ODbL): Arabic common and
  official country names, ISO alpha-3 codes, coordinates.
* ``gazetteer_geonames/`` (CC BY 4.0, GeoNames): Arabic country names, cities with
  population ≥ 15,000 with Arabic-script alternate names and coordinates, ISO2→ISO3.
* ``gazetteer_world_cities_ar/world-cities.csv`` (CC BY 4.0): Wikidata Arabic labels of
  cities, joined to GeoNames by English name + country.
* ``gazetteer_arabic_names/`` (MIT): Arabic first names → ``first_names.tsv``.
* ``anercorp/ANERCorp_CamelLabSplit_approx_train.txt`` (research use): **read only to
  compute statistics** — a single-word city alias that ANERcorp's training part tags
  ``O`` more often than ``LOC`` is an ordinary word and is dropped. Nothing from it is
  copied into the package.

Curated inputs in the output folder: ``demonyms.tsv`` (nisba adjectives),
``country_extra.tsv`` (QIDs and extra names), ``stoplist.tsv`` (ambiguous aliases).

Outputs: ``countries.tsv``, ``cities.tsv``, ``norp.tsv``, ``first_names.tsv``.
All TSV files share the columns ``kb_id label name_en country sector aliases_ar lat lon``
(NORP adds ``name_en_pl aliases_ar_pl``).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
import zipfile  # noqa: F401  (the full GeoNames zip is not needed: the derived TSV has every field used)
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from khabar.text.normalize import normalize_phrase  # noqa: E402

COLUMNS = ["kb_id", "label", "name_en", "country", "sector", "aliases_ar", "lat", "lon"]

# Arab League members (for spelling-variant generation: غ/ج for /g/ is used only in
# transliterations of foreign names) and the "MENA + neighbours" area whose cities are kept
# down to 100k inhabitants.
ARAB = {
    "DZA", "BHR", "COM", "DJI", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MRT", "MAR",
    "OMN", "PSE", "QAT", "SAU", "SOM", "SDN", "SYR", "TUN", "ARE", "YEM",
}
MENA_PLUS = ARAB | {"IRN", "TUR", "ISR", "ETH", "ERI", "SSD", "TCD", "NER", "MLI", "AFG", "PAK", "CYP", "ESH"}

# Wikidata QIDs of major cities (only items known reliably; others get geonames: ids).
CITY_QIDS = {
    ("IRQ", "Baghdad"): "Q1530", ("EGY", "Cairo"): "Q85", ("SYR", "Damascus"): "Q3766",
    ("LBN", "Beirut"): "Q3820", ("IRN", "Tehran"): "Q3616", ("SAU", "Riyadh"): "Q3692",
    ("JOR", "Amman"): "Q3805", ("TUR", "Ankara"): "Q3640", ("TUR", "Istanbul"): "Q406",
    ("RUS", "Moscow"): "Q649", ("USA", "Washington"): "Q61", ("GBR", "London"): "Q84",
    ("FRA", "Paris"): "Q90", ("DEU", "Berlin"): "Q64", ("BEL", "Brussels"): "Q239",
    ("AFG", "Kabul"): "Q5838", ("QAT", "Doha"): "Q3861", ("ARE", "Dubai"): "Q612",
    ("ARE", "Abu Dhabi"): "Q1519", ("BHR", "Manama"): "Q3882", ("OMN", "Muscat"): "Q3826",
    ("YEM", "Sanaa"): "Q2471", ("LBY", "Tripoli"): "Q3579", ("TUN", "Tunis"): "Q3572",
    ("DZA", "Algiers"): "Q3561", ("MAR", "Rabat"): "Q3551", ("SDN", "Khartoum"): "Q1963",
    ("SYR", "Aleppo"): "Q41183", ("CHN", "Beijing"): "Q956", ("JPN", "Tokyo"): "Q1490",
    ("ITA", "Rome"): "Q220", ("ESP", "Madrid"): "Q2807", ("CHE", "Geneva"): "Q71",
    ("AUT", "Vienna"): "Q1741", ("USA", "New York City"): "Q60", ("ISR", "Tel Aviv"): "Q33935",
    ("SAU", "Mecca"): "Q5806", ("SAU", "Medina"): "Q35484", ("EGY", "Alexandria"): "Q87",
    ("IRQ", "Basrah"): "Q48195", ("ISR", "Jerusalem"): "Q1218", ("PSE", "Jerusalem"): "Q1218",
}

# Curated Arabic names that are always kept for a city (GeoNames/Wikidata miss or garble them).
CITY_ALIASES = {
    ("ISR", "Jerusalem"): ["القدس", "القدس الشريف", "بيت المقدس"],
    ("JOR", "Amman"): ["عمان", "عمّان"],
    ("IRQ", "Ramadi"): ["الرمادي"],
    ("IRQ", "Mosul"): ["الموصل"],
    ("IRQ", "Erbil"): ["أربيل", "اربيل", "هولير"],
    ("SYR", "Deir ez-Zor"): ["دير الزور", "دير الزور"],
    ("LBN", "Tyre"): [],
}

_AR_LETTERS = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670 \-]+$")
_ADMIN_PREFIX = re.compile(r"^(ولاية|محافظة|مدينة|بلدية|إمارة|مقاطعة|منطقة|قضاء|ناحية)\s+")


def norm(s: str) -> str:
    return normalize_phrase(s)


def clean_alias(a: str) -> str | None:
    a = re.sub(r"\s+", " ", a.strip())
    if not a or not _AR_LETTERS.match(a) or len(norm(a)) < 3:
        return None
    return a


def g_variants(alias: str) -> list[str]:
    """Spelling variants of /g/ in transliterated foreign names (غ ↔ ج)."""
    out = []
    if "غ" in alias:
        out.append(alias.replace("غ", "ج"))
    if "ج" in alias:
        out.append(alias.replace("ج", "غ"))
    return out


def uniq(xs: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for x in xs:
        k = norm(x)
        if x and k not in seen:
            seen.add(k)
            out.append(x)
    return out


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for ln in lines[1:]:
        cells = ln.split("\t")
        rows.append({h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)})
    return rows


def write_tsv(path: Path, rows: list[dict[str, str]], columns: list[str], comment: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        for ln in comment.strip().splitlines():
            f.write("# " + ln + "\n")
        f.write("\t".join(columns) + "\n")
        for r in rows:
            f.write("\t".join(str(r.get(c, "")) for c in columns) + "\n")


def load_stoplist(out: Path) -> tuple[set[str], set[str]]:
    drop, context = set(), set()
    for r in read_tsv(out / "stoplist.tsv"):
        (drop if r["action"] == "drop" else context).add(norm(r["alias"]))  # context and cue
    return drop, context


_JUNK_WORDS = {"ملعب", "قريه", "سابقا", "مطار", "جامعه", "فيروسات", "فيروس", "اطار", "استان", "مستشفي", "نادي"}
_ADMIN_WORDS = re.compile(r"^(شعبية|استان)\s+")


def _skeleton(a: str) -> str:
    k = norm(a).replace(" ", "").replace("-", "")
    return k[2:] if k.startswith("ال") else k


def coherent_names(names: list[str]) -> list[str]:
    """Drop alternate names that are not spellings of the same name.

    GeoNames alternate names and Wikidata labels carry noise (a drug name for Mosul,
    a stadium, "formerly ..."): keep the candidates whose string similarity
    (difflib ratio, on normalized forms without ال) to the medoid candidate is ≥ 0.5,
    and drop names containing words that mark another kind of place.
    """
    import difflib

    names = [n for n in names if not (set(norm(n).split()) & _JUNK_WORDS)]
    if len(names) <= 2:
        return names
    sk = [_skeleton(n) for n in names]
    def sim(a: str, b: str) -> float:
        return difflib.SequenceMatcher(None, a, b).ratio()
    medoid = max(range(len(names)), key=lambda i: sum(sim(sk[i], sk[j]) for j in range(len(names)) if j != i))
    return [n for i, n in enumerate(names) if i == medoid or sim(sk[i], sk[medoid]) >= 0.5]


def anercorp_ordinary_words(data: Path) -> set[str]:
    """Normalized single words that ANERcorp-train tags O more often than LOC (≥ 2 O's).

    Proclitics و ف ب ل ك are stripped before counting so that وحمص counts for حمص.
    """
    path = data / "anercorp" / "ANERCorp_CamelLabSplit_approx_train.txt"
    if not path.exists():
        return set()
    o: Counter[str] = Counter()
    loc: Counter[str] = Counter()
    for ln in path.read_text(encoding="utf-8").splitlines():
        parts = ln.replace("\u200f", "").replace("\u200e", "").rsplit(" ", 1)
        if len(parts) != 2:
            continue
        tok, tag = norm(parts[0]), parts[1]
        forms = {tok}
        if len(tok) > 3 and tok[0] in "وفبلك":
            forms.add(tok[1:])
        for f in forms:
            (loc if tag.endswith("LOC") else o)[f] += 1
    return {w for w in o if o[w] >= 3 and loc[w] < 0.2 * (o[w] + loc[w])}


def build_countries(data: Path, out: Path, drop: set[str]) -> list[dict[str, str]]:
    extra = {r["iso3"]: r for r in read_tsv(out / "country_extra.tsv")}
    ml = json.load(gzip.open(data / "gazetteer_countries_mledoze" / "countries-unescaped.json.gz"))
    gn = {r["iso3"]: r for r in csv.DictReader(open(data / "gazetteer_geonames" / "country_names_ar_en.tsv", encoding="utf-8"), delimiter="\t")}
    rows = []
    for c in ml:
        iso3 = "XKX" if c["cca3"] == "UNK" else c["cca3"]
        ara = c.get("translations", {}).get("ara", {})
        ex = extra.get(iso3, {})
        names = [ex.get("aliases_ar", "")] + [ara.get("common", ""), ara.get("official", "")]
        if iso3 in gn:
            names.append(gn[iso3]["name_ar"])
        aliases: list[str] = []
        for blob in names:
            for a in blob.split("|"):
                a2 = clean_alias(a)
                if a2 and norm(a2) not in drop:
                    aliases.append(a2)
        # an article-less form of a name that is written with ال (صين for الصين) is not used alone
        keys = {norm(a) for a in aliases}
        aliases = [a for a in aliases if not ("ال" + norm(a)) in keys]
        if iso3 not in ARAB:
            aliases += [v for a in list(aliases) for v in g_variants(a)]
        aliases = uniq(aliases)
        if not aliases:
            continue
        lat, lon = (c.get("latlng") or [None, None])[:2]
        rows.append({
            "kb_id": ex.get("qid") or f"khabar:GPE:{iso3}",
            "label": "GPE",
            "name_en": ex.get("name_en") or c["name"]["common"],
            "country": iso3,
            "sector": "",
            "aliases_ar": "|".join(aliases),
            "lat": "" if lat is None else f"{lat:.4f}",
            "lon": "" if lon is None else f"{lon:.4f}",
        })
    return rows


def build_cities(data: Path, out: Path, drop: set[str], countries: list[dict[str, str]], ordinary: set[str]) -> list[dict[str, str]]:
    iso2to3 = {}
    for ln in (data / "gazetteer_geonames" / "countryInfo.tsv").read_text(encoding="utf-8").splitlines():
        if ln.startswith("#") or not ln.strip():
            continue
        cells = ln.split("\t")
        iso2to3[cells[0]] = cells[1]
    # world-cities (Wikidata labels): (iso3 by English country name, English city) -> Arabic
    en2iso3 = {}
    ml = json.load(gzip.open(data / "gazetteer_countries_mledoze" / "countries-unescaped.json.gz"))
    for c in ml:
        en2iso3[c["name"]["common"]] = c["cca3"]
        en2iso3[c["name"]["official"]] = c["cca3"]
    wc: dict[tuple[str, str], str] = {}
    with open(data / "gazetteer_world_cities_ar" / "world-cities.csv", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            iso3 = en2iso3.get(r["CountryNameEn"])
            if iso3:
                wc[(iso3, r["CityNameEn"])] = r["CityNameAr"]
    country_keys: dict[str, str] = {}
    for r in countries:
        for a in r["aliases_ar"].split("|"):
            country_keys[norm(a)] = r["country"]
    rows = []
    seen: set[tuple[str, str]] = set()
    path = data / "gazetteer_geonames" / "cities15000_arabic_script_names.tsv"
    for r in csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"):
        iso3 = iso2to3.get(r["country_code"], "")
        pop = int(r["population"] or 0)
        capital = r["feature_code"] == "PPLC"
        if not (capital or pop >= 1_000_000 or (iso3 in MENA_PLUS and pop >= 100_000)):
            continue
        key = (iso3, r["name"])
        if key in seen:
            continue
        seen.add(key)
        names = r["arabic_script_names"].split("|")
        w = wc.get((iso3, r["name"])) or wc.get((iso3, r["asciiname"]))
        if w:
            names.insert(0, _ADMIN_PREFIX.sub("", w))
        cands = [c for c in (clean_alias(_ADMIN_WORDS.sub("", _ADMIN_PREFIX.sub("", a))) for a in names) if c]
        fixed = CITY_ALIASES.get((iso3, r["name"]))
        if fixed is not None:
            cands = coherent_names(uniq(fixed + cands))
            cands = uniq(fixed + [c for c in cands if _skeleton(c) and any(_skeleton(c)[:2] == _skeleton(f)[:2] for f in fixed)])
        else:
            cands = coherent_names(uniq(cands))
        aliases = []
        for a2 in cands:
            k = norm(a2)
            if k in drop:
                continue
            if " " not in k and (k in ordinary or (k.startswith("ال") and k[2:] in ordinary)):
                continue  # an ordinary word in newswire (ANERcorp statistics)
            if country_keys.get(k) == iso3:
                continue  # the country's own name (الكويت, جيبوتي): the country entry owns it
            aliases.append(a2)
        if iso3 not in ARAB:
            aliases += [v for a in list(aliases) for v in g_variants(a)]
        aliases = uniq(aliases)
        if not aliases:
            continue
        rows.append({
            "kb_id": CITY_QIDS.get((iso3, r["name"])) or CITY_QIDS.get((iso3, r["asciiname"])) or f"geonames:{r['geonameid']}",
            "label": "GPE",
            "name_en": r["name"],
            "country": iso3,
            "sector": "",
            "aliases_ar": "|".join(aliases),
            "lat": f"{float(r['latitude']):.4f}",
            "lon": f"{float(r['longitude']):.4f}",
            "population": str(pop),
        })
    rows.sort(key=lambda x: -int(x["population"]))
    return rows


_SUFFIXES_SG = ("", "ة", "ان", "ين", "تان", "تين")  # m.sg, f.sg, m.du nom/obl, f.du nom/obl
_SUFFIXES_PL = ("ون", "ين", "ات")  # sound masculine plural nom/obl, sound feminine plural


def inflect(base: str) -> tuple[list[str], list[str]]:
    """Singular/dual and plural forms of a nisba adjective, indefinite and with ال.

    ``base`` is the masculine singular indefinite form (عراقي); multi-word bases
    (كوري جنوبي) inflect every adjective word (ending in ي) and put ال on each of them;
    a leading noun (جنوب in جنوب أفريقي) stays as it is.
    Source: Ryding (2005), A Reference Grammar of Modern Standard Arabic, §§ 7.2, 9.5.
    Note ``-ين`` is both the oblique dual and the oblique plural; it is listed as plural.
    """
    words = base.split()
    sg: list[str] = []
    pl: list[str] = []
    for suffixes, bucket in ((_SUFFIXES_SG, sg), (_SUFFIXES_PL, pl)):
        for suf in suffixes:
            if bucket is sg and suf == "ين":
                continue
            infl = [w + suf if w.endswith("ي") else w for w in words]
            bucket.append(" ".join(infl))
            if all(w.endswith("ي") for w in words):
                bucket.append(" ".join("ال" + w for w in infl))
            else:
                bucket.append("ال" + " ".join(infl))
    return sg, pl


def build_norp(out: Path, drop: set[str]) -> list[dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for r in read_tsv(out / "demonyms.tsv"):
        iso3 = "" if r["country"] == "-" else r["country"]
        kb_id = r.get("kb_id") or f"khabar:NORP:{iso3}"
        sg: list[str] = []
        pl: list[str] = []
        for base in r["bases_ar"].split("|"):
            s, p = inflect(base.strip())
            sg += s
            pl += p
        for bp in filter(None, r["broken_pl_ar"].split("|")):
            pl += [bp, "ال" + bp]
        sg = [a for a in uniq(sg) if norm(a) not in drop]
        pl = [a for a in uniq(pl) if norm(a) not in drop and norm(a) not in {norm(x) for x in sg}]
        if kb_id in rows:  # a second row for the same country adds spellings
            rows[kb_id]["aliases_ar"] += "|" + "|".join(sg)
            rows[kb_id]["aliases_ar_pl"] += "|" + "|".join(pl)
            continue
        rows[kb_id] = {
            "kb_id": kb_id, "label": "NORP", "name_en": r["name_en"], "country": iso3, "sector": "",
            "aliases_ar": "|".join(sg), "lat": "", "lon": "",
            "name_en_pl": r["name_en_pl"], "aliases_ar_pl": "|".join(pl),
        }
    return list(rows.values())


def build_first_names(data: Path) -> list[str]:
    d = data / "gazetteer_arabic_names"
    names: list[str] = []
    for fn in ("male-first--names-in-arabic.txt", "female-first-names-in-arabic.txt"):
        p = d / fn
        if p.exists():
            names += [ln.strip() for ln in p.read_text(encoding="utf-8-sig").splitlines() if ln.strip()]
    p = d / "200-Arabic-Names-UTF8.csv"
    if p.exists():
        with open(p, encoding="utf-8-sig") as f:
            for r in csv.DictReader(f):
                names += [r.get("Male", ""), r.get("Female", "")]
    return sorted({n.strip() for n in names if n and clean_alias(n)})


# Consonant skeletons for aligning the Arabic first names with the Latin list of the same
# source (AKhateeb/arabic-names): emphatic and plain consonants fall together, long vowels,
# ع/ء and w/y are left out (they are vowels in one script and consonants in the other).
_AR_SKEL = {"ب": "b", "ت": "t", "ط": "t", "ث": "th", "ج": "j", "ح": "h", "ه": "h", "خ": "kh", "د": "d",
            "ض": "d", "ذ": "z", "ظ": "z", "ز": "z", "ر": "r", "س": "s", "ص": "s", "ش": "sh", "غ": "gh",
            "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n"}


_AR_SKEL_AYN = set(_AR_SKEL) | {"ع"}


def _skeleton_ar(name: str) -> str:
    # و/ي before ا (or first) are consonants: نوال is N-w-l, not N-l
    out = "".join(_AR_SKEL.get(ch, "") or ({"و": "w", "ي": "y"}.get(ch, "") if (i == 0 or name[i + 1:i + 2] == "ا") else "")
                  for i, ch in enumerate(name))
    return re.sub(r"(.)\1+", r"\1", out)


def _skeleton_en(name: str) -> str:
    s = name.lower().replace("'", "").replace("-", "")
    for a, b in (("sh", "S"), ("kh", "K"), ("th", "T"), ("dh", "z"), ("gh", "G"), ("q", "k"), ("g", "j")):
        s = s.replace(a, b)
    s = re.sub(r"^([wy])", r"\1".upper(), s)
    s = re.sub(r"([wy])(?=a)", lambda m: m.group(1).upper(), s)  # w/y before a: consonants
    s = re.sub(r"[aeiouyw]", "", s).replace("W", "w").replace("Y", "y")
    s = s.replace("S", "sh").replace("K", "kh").replace("T", "th").replace("G", "gh")
    return re.sub(r"(.)\1+", r"\1", s)


def _vowel_slots_ar(name: str) -> dict[int, str]:
    """Long vowels by consonant slot: {number of consonants before it: 'a'|'i'|'u'}."""
    out: dict[int, str] = {}
    k = 0
    for i, ch in enumerate(name):
        if ch in _AR_SKEL:
            k += 1
        elif ch in "اآى":
            out[k] = "a"
        elif ch == "ي" and 0 < i < len(name) - 1 and name[i - 1] in _AR_SKEL_AYN and name[i + 1] in _AR_SKEL:
            out[k] = "i"
        elif ch == "ي" and i == len(name) - 1:
            out[k] = "i"
        elif ch == "و" and 0 < i < len(name) - 1 and name[i - 1] in _AR_SKEL_AYN and name[i + 1] in _AR_SKEL:
            out[k] = "u"
    return out


def _vowel_slots_en(name: str) -> dict[int, str]:
    s = name.lower().replace("'", "").replace("-", "")
    for a, b in (("sh", "S"), ("kh", "K"), ("th", "T"), ("dh", "z"), ("gh", "G")):
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)
    out: dict[int, str] = {}
    k = 0
    for m in re.finditer(r"[aeiouyw]+|[^aeiouyw]", s):
        g = m.group()
        if g[0] in "aeiouyw":
            out[k] = g
        else:
            k += 1
    return out


_QUALITY = {"a": "ae", "i": "iey", "u": "uow"}


def _vowels_agree(ar: str, en: str) -> bool:
    """Every Arabic long vowel has a Latin vowel of its quality in the same consonant slot, and
    the Latin name has no vowel before its first consonant unless the Arabic name starts with
    a vowel letter or ع."""
    va, ve = _vowel_slots_ar(ar), _vowel_slots_en(en)
    for k, q in va.items():
        if k not in ve or not any(ch in _QUALITY[q] for ch in ve[k]):
            return False
    if ar[0] == "إ" and not en.lower().startswith(("i", "e")):
        return False  # إياد is Iyad, not Ayyad
    return (0 in ve) == (ar[0] in "اأإآع")


def build_names_en_mit(data: Path, first: list[str]) -> list[tuple[str, str]]:
    """(Arabic first name, Latin spelling) pairs aligned by consonant skeleton, kept only when
    the skeleton picks exactly one Latin name and one Arabic name (ambiguous pairs such as
    حسن/حسين ↔ Hasan/Husain are dropped). Vowel letters must agree in number within one,
    so عمر (Omar) is not paired with Ammar."""
    p = data / "gazetteer_arabic_names" / "Most-Popular-Arabic-FirstNames.txt"
    if not p.exists():
        return []
    latin = [ln.strip() for ln in p.read_text(encoding="utf-8-sig").splitlines() if ln.strip()]
    by_en: dict[str, list[str]] = {}
    for n in latin:
        if "-" in n:
            continue  # Abdul-X compounds are composed at run time
        by_en.setdefault(_skeleton_en(n), []).append(n)
    by_ar: dict[str, list[str]] = {}
    for a in first:
        if " " not in a:
            by_ar.setdefault(_skeleton_ar(a), []).append(a)
    out = []
    for sk, ars in by_ar.items():
        ens = by_en.get(sk, [])
        if len(ars) != 1 or len(ens) != 1 or len(sk) < 2:
            continue
        a, e = ars[0], ens[0]
        if a[-1] in "ةىء" or a.endswith("اء"):
            continue  # feminine forms: the Latin list is of men's names
        if (a[0] in "اأإآعو") != (e[0].lower() in "aeiou"):
            continue  # both start with a vowel or both with a consonant (أشواق is not Ishaq)
        if not _vowels_agree(a, e):
            continue
        out.append((a, e.replace("'", "")))  # newswire writes no ayn/hamza apostrophes
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "khabar" / "data" / "kb")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"build_kb: data folder {args.data} not found", file=sys.stderr)
        return 2
    drop, _context = load_stoplist(args.out)
    ordinary = anercorp_ordinary_words(args.data)
    countries = build_countries(args.data, args.out, drop)
    write_tsv(args.out / "countries.tsv", countries, COLUMNS,
              "GENERATED by scripts/build_kb.py - do not edit; edit country_extra.tsv instead.\n"
              "Names: mledoze/countries (ODbL), GeoNames country names (CC BY 4.0), curated country_extra.tsv.")
    first = build_first_names(args.data)
    # a one-word city name that is also a common first name (سارة, Sarh in Chad) is not an alias
    cities = build_cities(args.data, args.out, drop | {norm(n) for n in first}, countries, ordinary)
    write_tsv(args.out / "cities.tsv", cities, COLUMNS + ["population"],
              "GENERATED by scripts/build_kb.py - do not edit.\n"
              "GeoNames cities15000 (CC BY 4.0) + jamsshhayd/world-cities-translations (CC BY 4.0, Wikidata labels).\n"
              "Kept: capitals, cities >= 1M, and cities >= 100k in the Arab world and its neighbours.")
    norp = build_norp(args.out, drop)
    write_tsv(args.out / "norp.tsv", norp, COLUMNS + ["name_en_pl", "aliases_ar_pl"],
              "GENERATED by scripts/build_kb.py from demonyms.tsv - do not edit.\n"
              "aliases_ar: singular and dual forms (name_en); aliases_ar_pl: plural forms (name_en_pl).")
    with (args.out / "first_names.tsv").open("w", encoding="utf-8") as f:
        f.write("# GENERATED by scripts/build_kb.py from AKhateeb/arabic-names (MIT License, (c) 2018 AKhateeb).\n")
        f.write("name\n")
        for n in first:
            f.write(n + "\n")
    pairs = build_names_en_mit(args.data, first)
    with (args.out / "names_en_mit.tsv").open("w", encoding="utf-8") as f:
        f.write("# GENERATED by scripts/build_kb.py from AKhateeb/arabic-names (MIT License, (c) 2018 AKhateeb):\n"
                "# Arabic first names paired with the source's Latin list by consonant skeleton (unique pairs only).\n"
                "# names_en.tsv (curated) wins over these rows.\n")
        f.write("ar\ten\tkind\n")
        for a, e in pairs:
            f.write(f"{a}\t{e}\tgiven\n")
    n_alias = sum(len(r["aliases_ar"].split("|")) for r in countries + cities + norp)
    print(f"countries {len(countries)}, cities {len(cities)}, norp {len(norp)}, first names {len(first)}, "
          f"aliases {n_alias}, ANERcorp ordinary words {len(ordinary)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
