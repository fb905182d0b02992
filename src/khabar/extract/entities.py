"""Named entities: knowledge-base gazetteer, composed places, ministries and title-led people.

:func:`find_entities` runs over ``normalize(doc.text)`` and returns
:class:`~khabar.doc.Entity` records (ids ``e1…`` in order of ``start``) whose spans exclude
proclitics (``بالعراق`` → ``العراق``, ``لحلف شمال الأطلسي`` → ``حلف شمال الأطلسي``).

Candidates, in decreasing priority on equal spans:

1. **Gazetteer** — every alias of :mod:`khabar.extract.kb` through one
   :class:`~khabar.text.matcher.PhraseMatcher`. An alias shared by several entries
   (``عمان``: Oman / Amman) takes the entry whose country is otherwise attested in the
   document, else the best-ranked file (countries before cities). Aliases that are also
   ordinary words (``stoplist.tsv``, action ``context``) are kept only when the same entry
   is found elsewhere in the document through another alias ("one sense per discourse",
   Gale, Church & Yarowsky 1992).
2. **Directional places** — ``شمال|جنوب|شرق|غرب|وسط`` (also ``شمالي``… and compounds
   ``شمال شرق``) before a country or region: ``شمال العراق`` → LOC "Northern Iraq", country IRQ.
3. **Ministries** — ``وزارة`` + portfolio (``الخارجية``, ``الدفاع``, …) + optional nationality
   adjective: ORG "Ministry of Foreign Affairs of Iraq"; without an adjective the country
   is the nearest GPE/NORP earlier in the same sentence (none when there is none).
4. **People after a title** — a title (``الرئيس``, ``وزيرة الخارجية``, ``الأمين العام``,
   ``اللواء``…), optional modifiers (nationality adjectives, KB organizations/places,
   portfolios, ``السابق``…), then 1–4 name tokens (see :func:`_name_after`).
4b. **Composed bodies** (:func:`_composed_orgs`) — a head noun (الاتحاد، وكالة، المجلس، شارع…)
   with name adjectives, nationality, genitive names and one ل-complement: ORG/FAC
   (``الاتحاد العام التونسي للشغل``, ``شارع فلسطين``), source ``composed_org``.
4c. **Statistical NER** spans (:func:`_model_candidates`), then **people by evidence**
   (:func:`_people_by_evidence`): model names completed by a longer mention or a given name,
   and given name + surname next to a reporting verb (source ``evidence``).
5. **In-document coreference** — a bare first name or surname of a person found earlier
   (``فؤاد`` after ``فؤاد حسين``) is the same person (same ``canonical``, ``name_en``);
   ``الحلف`` after NATO is NATO (``source="coref"``).

Overlaps: the longest span wins; on equal length the priority above. Nested entities are
not emitted, so a nationality adjective inside a KB organization (``وزارة الدفاع
الأميركية``) is not a separate entity, while one inside a phrase that is not a KB entity
(``السفارة الأمريكية``, ``الحكومة العراقية``) is the NORP entity — the convention of the
project's gold files (nested adjectives of KB entities are optional there).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from khabar.doc import Document, Entity
from khabar.extract.kb import Alias, KBEntry, KnowledgeBase, get_kb, office_holder
from khabar.extract.names_en import given_names, name_en
from khabar.text.normalize import NormalizedText, normalize, normalize_phrase

__all__ = ["find_entities", "transliterate", "RolePhrase", "MODEL_MIN_SINGLE", "MODEL_MIN_CONF"]

# ---------------------------------------------------------------- lexicons (normalized at first use)

_DIRECTIONS = {
    "شمال": "Northern", "شمالي": "Northern", "جنوب": "Southern", "جنوبي": "Southern",
    "شرق": "Eastern", "شرقي": "Eastern", "غرب": "Western", "غربي": "Western",
    "وسط": "Central", "شمال شرق": "Northeastern", "شمال شرقي": "Northeastern",
    "شمال غرب": "Northwestern", "شمال غربي": "Northwestern", "جنوب شرق": "Southeastern",
    "جنوب شرقي": "Southeastern", "جنوب غرب": "Southwestern", "جنوب غربي": "Southwestern",
}

# Government portfolios: Arabic (with and without the article) → English ministry name.
_PORTFOLIOS = {
    "الخارجية": "Ministry of Foreign Affairs", "الدفاع": "Ministry of Defence",
    "الداخلية": "Ministry of Interior", "المالية": "Ministry of Finance",
    "النفط": "Ministry of Oil", "العدل": "Ministry of Justice", "الصحة": "Ministry of Health",
    "التربية": "Ministry of Education", "التعليم": "Ministry of Education",
    "التعليم العالي": "Ministry of Higher Education", "الاقتصاد": "Ministry of Economy",
    "التجارة": "Ministry of Trade", "الإعلام": "Ministry of Information",
    "الثقافة": "Ministry of Culture", "الزراعة": "Ministry of Agriculture",
    "النقل": "Ministry of Transport", "الطاقة": "Ministry of Energy",
    "الكهرباء": "Ministry of Electricity", "الإسكان": "Ministry of Housing",
    "العمل": "Ministry of Labour", "التخطيط": "Ministry of Planning",
    "الاتصالات": "Ministry of Communications", "السياحة": "Ministry of Tourism",
    "البيئة": "Ministry of Environment", "الموارد المائية": "Ministry of Water Resources",
    "الأوقاف": "Ministry of Endowments", "الخزانة": "Department of the Treasury",
    "الشؤون الخارجية": "Ministry of Foreign Affairs", "الهجرة": "Ministry of Migration",
    "الصناعة": "Ministry of Industry", "الشباب والرياضة": "Ministry of Youth and Sports",
}

# Titles that introduce a person's name (Arabic newswire practice; cf. the ANERcorp/ACE
# "title + name" context patterns, Benajiba et al. 2007; Shaalan & Raza 2009).
_TITLES = (
    "الرئيس", "رئيس الوزراء", "رئيس الحكومة", "رئيس الجمهورية", "رئيس الدولة", "رئيس البرلمان",
    "رئيس مجلس النواب", "رئيس مجلس الوزراء", "رئيس مجلس الشعب", "رئيس المجلس", "رئيس الأركان",
    "رئيسة الوزراء", "رئيسة الحكومة", "رئيسة", "رئيس", "نائب الرئيس", "نائب رئيس", "نائبة رئيس",
    "الوزير", "الوزيرة", "وزير", "وزيرة", "الأمين العام", "الأمينة العامة", "أمين عام",
    "المتحدث باسم", "المتحدثة باسم", "المتحدث الرسمي باسم", "الناطق باسم", "الناطقة باسم",
    "الناطق الرسمي باسم", "المتحدث", "المتحدثة", "السفير", "السفيرة", "الملك", "الملكة", "الأمير",
    "الأميرة", "ولي العهد", "الشيخ", "الشيخة", "السلطان", "القائد", "قائد", "الجنرال", "اللواء",
    "العميد", "العقيد", "المقدم", "الرائد", "النقيب", "المشير", "الفريق", "الفريق أول",
    "الأدميرال", "النائب", "النائبة", "المبعوث", "المبعوثة", "المستشار", "المستشارة",
    "السيناتور", "الزعيم", "زعيم", "المرشد", "آية الله", "البابا", "الدكتور", "الدكتورة",
    "المدير", "المديرة", "مدير", "مديرة", "السيد", "السيدة", "الرئيس التنفيذي", "المفوض",
    "المفوضة", "المنسق", "المنسقة", "الحاكم", "حاكم", "المحافظ", "محافظ", "عضو", "القيادي",
    "الإمام", "الكاردينال", "الحاخام", "الأسقف", "البطريرك", "المطران", "رئيس الاستخبارات",
    "العاهل", "المدير العام",
)

# The actor sector a title gives its holder (first word of the title, normalized at use;
# CAMEO actor codebook, Schrodt 2012 ch. 4). Titles absent here give no sector by themselves:
# المتحدث باسم X / القيادي في X / الزعيم take the sector of the organization X named with them.
_TITLE_SECTOR = {
    "الرئيس": "GOV", "رئيس": "GOV", "رئيسة": "GOV", "نائب": "GOV", "نائبة": "GOV", "الوزير": "GOV",
    "الوزيرة": "GOV", "وزير": "GOV", "وزيرة": "GOV", "السفير": "GOV", "السفيرة": "GOV", "الملك": "GOV",
    "الملكة": "GOV", "العاهل": "GOV", "الأمير": "GOV", "الأميرة": "GOV", "ولي": "GOV", "السلطان": "GOV",
    "المبعوث": "GOV", "المبعوثة": "GOV", "الحاكم": "GOV", "حاكم": "GOV", "المحافظ": "GOV", "محافظ": "GOV",
    "المستشار": "GOV", "المستشارة": "GOV", "الجنرال": "MIL", "اللواء": "MIL", "العميد": "MIL",
    "العقيد": "MIL", "المقدم": "MIL", "الرائد": "MIL", "النقيب": "MIL", "المشير": "MIL", "الفريق": "MIL",
    "الأدميرال": "MIL", "النائب": "LEG", "النائبة": "LEG", "السيناتور": "LEG", "المرشد": "GOV",
    "آية": "REL", "البابا": "REL", "الإمام": "REL", "الكاردينال": "REL", "الحاخام": "REL",
    "الأسقف": "REL", "البطريرك": "REL", "المطران": "REL", "الرئيس التنفيذي": "BUS",
}

# Offices of the knowledge base's roles.tsv named by a title (+ the words after it).
# (title words, words that must follow somewhere in the modifiers or None) → office.
_TITLE_OFFICE: tuple[tuple[str, tuple[str, ...] | None, str], ...] = (
    ("رئيس الوزراء", None, "head_of_government"), ("رئيسة الوزراء", None, "head_of_government"),
    ("رئيس الحكومة", None, "head_of_government"), ("رئيسة الحكومة", None, "head_of_government"),
    ("رئيس مجلس الوزراء", None, "head_of_government"), ("رئيس", ("وزراء", "حكومة"), "head_of_government"),
    ("رئيسة", ("وزراء", "حكومة"), "head_of_government"),
    ("الرئيس", None, "head_of_state"), ("رئيس الجمهورية", None, "head_of_state"),
    ("رئيس الدولة", None, "head_of_state"), ("الملك", None, "head_of_state"), ("العاهل", None, "head_of_state"),
    ("رئيس", (), "head_of_state"),
    ("وزير الخارجية", None, "foreign_minister"), ("وزيرة الخارجية", None, "foreign_minister"),
    ("وزير", ("خارجية",), "foreign_minister"), ("وزيرة", ("خارجية",), "foreign_minister"),
    ("وزير الدفاع", None, "defence_minister"), ("وزيرة الدفاع", None, "defence_minister"),
    ("وزير", ("دفاع",), "defence_minister"), ("وزيرة", ("دفاع",), "defence_minister"),
    ("الأمين العام", None, "secretary_general"), ("الأمينة العامة", None, "secretary_general"),
    ("أمين عام", None, "secretary_general"), ("ولي العهد", None, "crown_prince"),
    ("المرشد", None, "supreme_leader"), ("المدير العام", None, "director_general"),
)
_ORG_OFFICES = frozenset({"secretary_general", "director_general", "high_representative"})
_PREP_MODS = frozenset({"في", "عن", "لدي"})  # normalized (لدى → لدي)

# Words that may stand between a title and the name (adjectives of office, linking words).
_MODIFIERS = (
    "السابق", "السابقة", "الأسبق", "الأسبقة", "الحالي", "الحالية", "الجديد", "الجديدة", "البارز",
    "البارزة", "العسكري", "العسكرية", "الأعلى", "الأول", "الأولى", "الثاني", "العام", "العامة",
    "المستقيل", "المستقيلة", "المكلف", "المكلفة", "المؤقت", "المؤقتة", "المنتخب", "المنتخبة",
    "الراحل", "الراحلة", "الأمني", "الأمنية", "الرسمي", "الرسمية", "باسم", "لشؤون", "شؤون",
    "الدولة", "دولة", "الأمن", "القومي", "الوطني", "الخاص", "الخاصة", "التنفيذي", "الإقليمي",
    "المخابرات", "الاستخبارات", "الأركان", "العامة", "المسلحة", "القوات", "الجيش", "البرلمان",
    "الأعمال", "للشؤون", "الإنسانية", "السياسية", "السياسي", "الأممي", "الأممية", "الدولي",
    "الدولية", "الروحي", "الأعلى", "مجلس", "المجلس", "لدى", "في", "خارجية", "دفاع", "داخلية",
    "عن", "الحزب", "حزب", "حركة", "الحركة", "مكتب", "المكتب", "للأمم", "المتحدة", "الشعبي",
    "وزراء", "حكومة", "الوزراء", "الحكومة", "المنتهية", "ولايته", "ولايتها", "المنتهي",
)

# Tokens that end a name (function words and frequent verbs of reporting).
_STOP = (
    "في", "من", "إلى", "على", "عن", "مع", "أن", "إن", "أنه", "إنه", "أنها", "إنها", "الذي", "التي",
    "الذين", "و", "أو", "ثم", "قد", "لقد", "كان", "كانت", "قال", "قالت", "أكد", "أكدت", "أعلن",
    "أعلنت", "أضاف", "أضافت", "ذكر", "ذكرت", "أوضح", "أوضحت", "أشار", "أشارت", "دعا", "دعت",
    "بحث", "التقى", "استقبل", "يقول", "تقول", "خلال", "بعد", "قبل", "أمس", "اليوم", "غدا", "هذا",
    "هذه", "ذلك", "تلك", "هو", "هي", "إنّ", "لا", "لم", "لن", "ما", "بين", "عند", "حيث", "كما",
    "وقال", "لدى", "حول", "ضد", "منذ", "حتى", "أي", "كل", "بعض", "عبر", "نحو", "بأن", "لأن",
    "وأن", "وإن", "فيما", "بينما", "إذ", "إذا", "يوم", "صباح", "مساء", "الاثنين", "الثلاثاء",
    "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد", "بشأن", "وفق", "وفقا", "عقب", "إثر", "لها",
    "له", "لهم", "فيه", "فيها", "به", "بها", "عليه", "عليها", "منه", "منها", "إليه", "يذكر",
    "وأكد", "وأضاف", "ونقل", "نقل", "نقلت", "رئيس", "وزير", "وزيرة", "اتصالا", "اتصال", "بيانا",
    "بيان", "تصريح", "تصريحات", "كلمة", "لقاء", "زيارة", "مؤتمر", "السابق", "السابقة", "أيضا",
    # cardinal number words (a count after a title phrase is not a name: رئيس وزراء هولندا أربعة عشر عاما)
    "واحد", "واحدة", "اثنان", "اثنين", "ثلاث", "ثلاثة", "أربع", "أربعة", "خمس", "خمسة", "ست", "ستة",
    "سبع", "سبعة", "ثماني", "ثمانية", "تسع", "تسعة", "عشر", "عشرة", "عشرين", "عشرون", "مئة", "مائة",
    "ألف", "آلاف", "مليون", "عام", "عاما", "سنة", "سنوات", "شهر", "أشهر", "أسبوع", "يوما", "أيام",
)

# Prepositions, conjunctions and nouns of relation that take pronoun suffixes: a word made of
# one of them + a suffix (لأنه، باسمها، عليهم، إنها) is never a name (Ryding 2005 § 12.2, § 21).
_SUFFIX_HOSTS = (
    "ل", "ب", "ك", "باسم", "لأن", "أن", "إن", "كأن", "لكن", "عن", "من", "في", "على", "إلى", "مع", "لدى",
    "عند", "منذ", "حول", "ضد", "عبر", "بين", "أمام", "خلف", "فوق", "تحت", "بعد", "قبل", "دون", "نحو",
    "لدي", "إلي", "علي", "عليه", "بأن", "وأن", "وإن", "فإن", "لأنه", "حيال", "تجاه", "إزاء", "لصالح",
    "بحق", "ضمن", "رغم", "بسبب", "بشأن", "لدي", "نفس", "ذات", "كل", "بعض", "جميع",
)
_PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "نا", "ي", "ني")
# Complements that close a title phrase: المتحدث باسمها ("its spokesman") — the organization
# is a pronoun, and the name follows directly.
_COMPLEMENT_HOSTS = ("باسم", "ب", "ل", "في", "لدى", "عن")

# Particles inside Arabic names (بن = son of, أبو = father of, عبد = servant of, آل = house of).
_PARTICLES = ("بن", "ابن", "بنت", "أبو", "أبي", "أم", "عبد", "آل", "ولد", "أبا", "ال")

# Nominal mentions resolved to the latest matching KB entity mentioned before them.
_NOMINALS: dict[str, tuple[str, ...]] = {
    "الحلف": ("Q7184",),
}

_ORDER = {"gazetteer": 0, "composed": 1, "ministry": 1, "composed_org": 2, "title": 2, "model": 3, "evidence": 3, "coref": 4}


def _nset(words: tuple[str, ...] | list[str]) -> frozenset[str]:
    return frozenset(normalize_phrase(w) for w in words)


@lru_cache(maxsize=1)
def _lex() -> dict[str, object]:
    """Normalized lexicons, built once."""
    titles = sorted((normalize_phrase(t).split() for t in _TITLES), key=len, reverse=True)
    return {
        "titles": titles,
        "modifiers": _nset(_MODIFIERS) | _nset(list(_PORTFOLIOS)) | _nset([w for p in _PORTFOLIOS for w in p.split()]),
        "stop": _nset(_STOP),
        "particles": _nset(_PARTICLES),
        "directions": {normalize_phrase(k): v for k, v in _DIRECTIONS.items()},
        "portfolios": {normalize_phrase(k): v for k, v in _PORTFOLIOS.items()},
        "nominals": {normalize_phrase(k): v for k, v in _NOMINALS.items()},
        "pron": frozenset(normalize_phrase(h) + x for h in _SUFFIX_HOSTS for x in _PRONOUN_SUFFIXES),
        "complements": frozenset(normalize_phrase(h) + x for h in _COMPLEMENT_HOSTS for x in _PRONOUN_SUFFIXES
                                 if len(normalize_phrase(h) + x) >= 4),
        "title_sector": {normalize_phrase(k): v for k, v in _TITLE_SECTOR.items()},
        "title_office": tuple((normalize_phrase(t).split(), tuple(normalize_phrase(w) for w in req) if req is not None else None, o)
                              for t, req, o in _TITLE_OFFICE),
    }


# ---------------------------------------------------------------- candidates

@dataclass(slots=True)
class _Cand:
    ns: int  # normalized span
    ne: int
    label: str
    source: str
    name_en: str | None = None
    kb: str | None = None
    country: str | None = None
    canonical: str = ""
    sector: str | None = None
    options: list[Alias] = field(default_factory=list)  # gazetteer readings of one span
    confidence: float | None = None  # statistical model score (model spans only)


_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_PROCLITIC = ("و", "ف", "ب", "ل", "ك")
_PROCLITIC_SET = frozenset(_PROCLITIC)


def _tokens(nt: NormalizedText) -> list[tuple[int, int, str]]:
    """Word tokens of the normalized text as ``(start, end, form)``."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(nt.text)]


def _strip(form: str, vocab: frozenset[str]) -> tuple[int, str]:
    """Strip proclitics (و ف ب ل ك, at most two) when the rest is in ``vocab``; (offset, rest)."""
    if form in vocab or form[:1] not in _PROCLITIC_SET:
        return 0, form
    for k in (1, 2):
        if len(form) <= k + 1 or form[k - 1] not in _PROCLITIC_SET:
            break
        rest = form[k:]
        if rest in vocab:
            return k, rest
        if form[k - 1] == "ل" and rest[:1] == "ل" and ("ا" + rest) in vocab:
            return k, "ا" + rest  # لل = ل + ال
    return 0, form


def _entity_fields(a: Alias) -> dict[str, object]:
    e = a.entry
    name = e.name_en_pl if (a.plural and e.name_en_pl) else e.name_en
    return {"label": e.label, "name_en": name, "kb": e.qid, "country": e.country,
            "canonical": e.kb_id, "sector": e.sector}


# Words after which a country name that is also a common word (stoplist action ``cue``: مالي
# "financial", بنين "sons") is the place: prepositions of place and motion, and nouns that take a
# state as their possessor (شمال مالي، رئيس مالي، حدود بنين). Normalized forms.
_PLACE_CUES = frozenset(normalize_phrase(w) for w in (
    "في إلى الى من عن مع بين ضد نحو داخل خارج عبر لدى إن ان أن لأن لان كما حيث بينما لكن "
    "شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي أنحاء انحاء عاصمة رئيس رئيسة حكومة جيش سلطات "
    "دولة جمهورية حدود شعب سفير سفارة أراضي اراضي مواطني قوات رعايا"
).split())


_WORDS_BEFORE = re.compile(r"((?:\w+ ){0,2}\w+)\W*$")
_WORDS_AFTER = re.compile(r" و(\w+(?: \w+){0,2})")
# A perfect verb with the feminine subject marker -ت (a country is feminine: وقعت مالي، أعلنت
# بنين); -ات is a plural noun (ثبات، تحويلات), which the adjective could follow.
_FEMININE_PERFECT = re.compile(r"\w{2,}[^ا\W]ت")


#: A definite nisba adjective right after a word (normalized text): " الوطني"، " الرسمية"، " العام".
_DEFINITE_NISBA = re.compile(r" ال\w{2,}(?:ي|يه|يين|يون)(?!\w)| العام(?:ه)?(?!\w)")
#: A definite feminine nisba adjective right after a word (normalized text): " العسكريه"، " الجويه".
_FEM_NISBA_AFTER = re.compile(r" ال\w{2,}يه(?!\w)")
_SPACED_DASH = re.compile(r"\s[-–—]|[-–—]\s")


def place_cued(kb: KnowledgeBase, text: str, ns: int, ne: int) -> bool:
    """Whether the words around ``text[ns:ne]`` make an ambiguous country name a place.

    ``text`` is normalized text and ``[ns, ne)`` the alias without its proclitics. True when
    the alias carries the proclitic ب or ل (بمالي، لمالي); when the word before it is a
    preposition, a particle that takes a subject (إن، أن، كما) or a state noun from
    ``_PLACE_CUES`` (في مالي، شمال مالي), or a perfect verb with the feminine ending -ت
    (وقعت مالي); or when it is
    co-ordinated with another country or city of the KB (النيجر ومالي، مالي والنيجر). The
    adjective reading (دعم مالي، سياسي ومالي) has none of these. Used for the stoplist's
    ``cue`` aliases (Mali, Benin).
    """
    ws = ns
    while ws > 0 and text[ws - 1].isalpha():
        ws -= 1
    prefix = text[ws:ns]
    if "ال" in prefix or prefix.endswith("لل"):
        return False  # المالي، للبنين: the article makes it a common word
    if prefix.endswith(("ب", "ل")):
        return True
    m = _WORDS_BEFORE.search(text, max(0, ws - 80), ws)  # a window: the text may be long
    words_before = m.group(1).split() if m else []
    before = words_before[-1] if words_before else ""
    if not prefix and (before in _PLACE_CUES or _FEMININE_PERFECT.fullmatch(before)):
        return True

    def _is_place(words: list[str]) -> bool:
        if words and words[0].startswith("و") and _is_place([words[0][1:]] + words[1:]):
            return True
        return any(a.entry.label == "GPE" and not a.needs_context for a in kb.aliases(" ".join(words)))

    if prefix in ("و", "ف") and before:  # … X ومالي: some 1–3 words just before name a KB place
        if any(_is_place(words_before[k:]) for k in range(len(words_before))):
            return True
    m = _WORDS_AFTER.match(text, ne)  # مالي وX …: some 1–3 words just after و name a KB place
    words = m.group(1).split() if m else []
    return any(_is_place(words[:n]) for n in range(1, len(words) + 1))


def _gazetteer(nt: NormalizedText) -> list[_Cand]:
    kb = get_kb()
    by_span: dict[tuple[int, int], list[Alias]] = {}
    for m in kb.matcher.find_all(nt):
        by_span.setdefault((m.norm_start, m.norm_end), []).append(m.payload)
    # attested entries and countries (from aliases that are neither ambiguous nor context-bound)
    attested: set[str] = set()
    countries: set[str] = set()
    for opts in by_span.values():
        if len({a.entry.kb_id for a in opts}) == 1 and not opts[0].needs_context:
            attested.add(opts[0].entry.kb_id)
            if opts[0].entry.country:
                countries.add(opts[0].entry.country)
    out = []
    for (ns, ne), opts in by_span.items():
        common = _FEM_NISBA_AFTER.match(nt.text, ne) is not None  # القاعدة العسكرية: the base, not al-Qaeda
        opts = [a for a in opts if not a.needs_context or (a.entry.kb_id in attested and not common)
                or a.cue and place_cued(kb, nt.text, ns, ne)]
        if not opts:
            continue
        best = sorted(opts, key=lambda a: (a.entry.country not in countries or len({o.entry.kb_id for o in opts}) == 1, a.rank))[0]
        if len({o.entry.kb_id for o in opts}) > 1:
            in_doc = [a for a in opts if a.entry.kb_id in attested or (a.entry.label != "GPE" or a.entry.country in countries and a.entry.population)]
            best = sorted(in_doc or opts, key=lambda a: (a.entry.kb_id not in attested, a.entry.country not in countries, a.rank))[0]
        ns, ne = _trim_descriptor(nt.text, ns, ne, best)
        fields = _entity_fields(best)
        capital = kb.get(_SAME_NAME_CAPITALS.get(best.entry.country or "", "")) if best.entry.population == 0 else None
        if capital is not None and best.entry.label == "GPE" and _capital_reading(nt.text, ns, ne):
            fields = {"label": "GPE", "name_en": capital.name_en, "kb": capital.qid, "country": capital.country,
                      "canonical": capital.kb_id, "sector": None}
        out.append(_Cand(ns, ne, source="gazetteer", options=opts, **fields))  # type: ignore[arg-type]
    return out


#: Countries whose capital has the same Arabic name (تونس Tunisia / Tunis): country code → the capital's KB id.
_SAME_NAME_CAPITALS = {"TUN": "Q3572", "DZA": "Q3561", "KWT": "Q35178", "DJI": "Q3604"}
_CAPITAL_BEFORE = re.compile(r"(?:^|\s)(?:[وب]?(?:ال)?عاصمه|مدينه|بالعاصمه|للعاصمه)(?: ال\w+)? $")
_DATELINE_AFTER = re.compile(r"\s*(?:[-–—]|\()")


def _capital_reading(text: str, ns: int, ne: int) -> bool:
    """Whether a country name that is also its capital's name (تونس، الجزائر، الكويت، جيبوتي) names the city:
    after العاصمة / مدينة (في العاصمة تونس، العاصمة الجزائرية الجزائر), or as the place of a dateline at the start of
    a line (تونس - فرانس برس)."""
    if _CAPITAL_BEFORE.search(text, max(0, ns - 30), ns):
        return True
    head = text[max(0, ns - 40):ns]  # only a line's first word can be a dateline's place
    if "\n" not in head and ns > 40:
        return False
    return not head.rsplit("\n", 1)[-1].strip() and _DATELINE_AFTER.match(text, ne) is not None


# Generic head nouns and tails around an organization's proper name (ACE name-mention extent:
# the name without its nominal head, LDC 2005 ACE English/Arabic annotation guidelines).
_HEADS = ("تنظيم", "وكالة", "حركة", "جماعة", "قناة", "صحيفة", "موقع", "منصة", "شبكة", "ميليشيا",
          "ميليشيات", "مجموعة", "جهاز")
_TAILS = ("للأنباء",)


@lru_cache(maxsize=1)
def _heads_tails() -> tuple[frozenset[str], frozenset[str]]:
    return _nset(_HEADS), _nset(_TAILS)


def _trim_descriptor(text: str, ns: int, ne: int, best: Alias) -> tuple[int, int]:
    """Shrink a match to the proper name when a head noun (تنظيم، وكالة…) or a tail (للأنباء)
    surrounds another alias of the same entry: ``تنظيم داعش`` → ``داعش``."""
    if best.entry.label != "ORG":
        return ns, ne
    kb = get_kb()
    heads, tails = _heads_tails()
    changed = True
    while changed:
        changed = False
        words = text[ns:ne].split(" ")
        if len(words) > 1 and words[0] in heads:
            rest = ns + len(words[0]) + 1
            if any(a.entry is best.entry for a in kb.aliases(text[rest:ne])):
                ns, changed = rest, True
                continue
        if len(words) > 1 and words[-1] in tails:
            rest = ne - len(words[-1]) - 1
            if any(a.entry is best.entry for a in kb.aliases(text[ns:rest])):
                ne, changed = rest, True
    return ns, ne


def _accusative_norp(nt: NormalizedText, toks: list[tuple[int, int, str]], gaz: list[_Cand]) -> None:
    """Relabel, in place, a country name that is an indefinite accusative nationality adjective.

    ``أوكرانيا`` is both the country and ``أوكراني`` + the accusative ending ``ـاً``
    (``قُتل 12 جندياً أوكرانياً``, Ryding 2005 § 7.2). The NORP reading is taken when the word
    is the masculine nisba of the same country + ``ا`` and either it carries tanwin fath
    (``ً``) in the source or it follows an indefinite accusative noun (a word of 4+ letters
    ending in ``ا`` that is not a function word: ``جنديا``).
    """
    kb = get_kb()
    stop: frozenset[str] = _lex()["stop"]  # type: ignore[assignment]
    tok_at_end = {t[1]: k for k, t in enumerate(toks)}
    for c in gaz:
        if c.label != "GPE":
            continue
        key = nt.text[c.ns:c.ne]
        if " " in key or not key.endswith("ا"):
            continue
        norp = [a for a in kb.aliases(key[:-1]) if a.entry.label == "NORP" and a.entry.country == c.country and not a.plural]
        if not norp:
            continue
        s, e = nt.span(c.ns, c.ne)
        tanwin = "\u064b" in nt.original[s:e + 1]
        k = tok_at_end.get(c.ne)
        prev = toks[k - 1] if k is not None and k > 0 else None
        after_noun = (prev is not None and prev[1] + 1 == c.ns and prev[2].endswith("ا") and len(prev[2]) >= 4
                      and prev[2] not in stop and not prev[2].startswith("ال"))
        if tanwin or after_noun:
            for kk, v in _entity_fields(norp[0]).items():
                setattr(c, kk, v)
            c.options = norp


def _directional(nt: NormalizedText, gaz: list[_Cand]) -> list[_Cand]:
    lex = _lex()
    dirs: dict[str, str] = lex["directions"]  # type: ignore[assignment]
    text = nt.text
    out = []
    for c in gaz:
        if c.label not in ("GPE", "LOC"):
            continue
        # up to two words before the place
        for nwords in (2, 1):
            j = c.ns
            start = j
            words = []
            ok = True
            for _ in range(nwords):
                if start < 2 or text[start - 1] != " ":
                    ok = False
                    break
                k = start - 1
                while k > 0 and text[k - 1] not in " \n":
                    k -= 1
                words.insert(0, (k, text[k:start - 1]))
                start = k
            if not ok:
                continue
            phrase_start = words[0][0]
            first = words[0][1]
            off, rest = _strip(first, frozenset(dirs))
            key = " ".join([rest] + [w for _, w in words[1:]])
            if key in dirs:
                adj = dirs[key]
                name = f"{adj} {c.name_en}" if c.label == "GPE" and c.kb and c.canonical == c.kb and len(c.name_en or "") and _is_country(c) else f"{adj} {c.name_en}"
                out.append(_Cand(phrase_start + off, c.ne, "LOC", "composed", name_en=name, country=c.country,
                                 canonical=f"khabar:LOC:{adj.lower()}:{c.canonical}"))
                break
    return out


def _is_country(c: _Cand) -> bool:
    e = get_kb().get(c.canonical)
    return e is not None and e.label == "GPE" and e.population == 0


def _ministries(nt: NormalizedText, toks: list[tuple[int, int, str]], gaz: list[_Cand], sentences: list[tuple[int, int]]) -> list[_Cand]:
    lex = _lex()
    port: dict[str, str] = lex["portfolios"]  # type: ignore[assignment]
    wzara = normalize_phrase("وزارة")
    norp_at = {c.ns: c for c in gaz if c.label in ("NORP", "GPE")}
    places = sorted((c for c in gaz if c.label in ("NORP", "GPE") and c.country), key=lambda c: c.ns)
    out = []
    for i, (s, e, form) in enumerate(toks):
        off, rest = _strip(form, frozenset({wzara}))
        if rest != wzara or i + 1 >= len(toks):
            continue
        # the longest portfolio of one or two words
        pname = None
        end_i = i
        for n in (3, 2, 1):
            if i + n >= len(toks):
                continue  # fewer than n words left (a text ending in وزارة الخارجية): the shorter n fit
            words = " ".join(t[2] for t in toks[i + 1:i + 1 + n])
            if words in port:
                pname, end_i = port[words], i + n
                break
        if pname is None:
            continue
        ne = toks[end_i][1]
        country = None
        nxt = norp_at.get(toks[end_i + 1][0]) if end_i + 1 < len(toks) else None
        if nxt is not None and nxt.label == "NORP" and nxt.country:
            country, ne = nxt.country, nxt.ne
        else:
            sent = next(((a, b) for a, b in sentences if a <= s < b), (0, s))
            before = [c for c in places if sent[0] <= c.ns < s]
            if before:
                country = before[-1].country
        ent = get_kb().get(f"khabar:GPE:{country}") if country else None
        cname = None
        if country:
            for e2 in get_kb().entries.values():
                if e2.label == "GPE" and e2.country == country and e2.population == 0:
                    cname = e2.name_en
                    break
        del ent
        name = f"{pname} of {cname}" if cname else pname
        if country is None:
            # a later bare mention (وقالت وزارة الداخلية) of a ministry named earlier with its country is that ministry
            earlier = next((c for c in reversed(out) if c.country and c.canonical.startswith(
                f"khabar:ORG:ministry:{normalize_phrase(pname)}:")), None)
            if earlier is not None:
                country, name = earlier.country, earlier.name_en
        out.append(_Cand(s + off, ne, "ORG", "ministry", name_en=name, country=country,
                         sector="MIL" if pname == "Ministry of Defence" else "GOV",
                         canonical=f"khabar:ORG:ministry:{normalize_phrase(pname)}:{country or ''}"))
    return out


# Organization and facility names built from parts (ACE/OntoNotes: the head noun and its
# modifiers are one name): a head noun, then genitive names, name-forming adjectives,
# nationality adjectives and one ل-complement (للأنباء، لفرز الأصوات). English: head noun →
# (English word, label, sector); adjectives and complements → English words.
_ORG_HEADS: dict[str, tuple[str, str, str | None]] = {
    "اتحاد": ("Union", "ORG", None), "وكالة": ("Agency", "ORG", None), "لجنة": ("Committee", "ORG", "GOV"),
    "مجلس": ("Council", "ORG", "GOV"), "هيئة": ("Commission", "ORG", "GOV"), "حركة": ("Movement", "ORG", None),
    "حزب": ("Party", "ORG", "PTY"), "جبهة": ("Front", "ORG", None), "شركة": ("Company", "ORG", "BUS"),
    "جامعة": ("University", "ORG", None), "محكمة": ("Court", "ORG", "JUD"), "منظمة": ("Organization", "ORG", None),
    "مؤسسة": ("Foundation", "ORG", None), "مفوضية": ("Commission", "ORG", "GOV"), "مصرف": ("Bank", "ORG", "BUS"),
    "بنك": ("Bank", "ORG", "BUS"), "جمعية": ("Association", "ORG", None), "نقابة": ("Syndicate", "ORG", None),
    "رابطة": ("League", "ORG", None), "معهد": ("Institute", "ORG", None), "صندوق": ("Fund", "ORG", None),
    "ائتلاف": ("Coalition", "ORG", None), "تيار": ("Movement", "ORG", None), "مرصد": ("Observatory", "ORG", "NGO"),
    "مطار": ("Airport", "FAC", None), "مستشفى": ("Hospital", "FAC", None), "سفارة": ("Embassy", "FAC", "GOV"),
    "قنصلية": ("Consulate", "FAC", "GOV"), "ميناء": ("Port", "FAC", None), "سجن": ("Prison", "FAC", None),
    "شارع": ("Street", "FAC", None), "ميدان": ("Square", "FAC", None), "ساحة": ("Square", "FAC", None),
    "جسر": ("Bridge", "FAC", None), "معبر": ("Crossing", "FAC", None), "مسجد": ("Mosque", "FAC", None),
    "قصر": ("Palace", "FAC", None), "ملعب": ("Stadium", "FAC", None), "مصفاة": ("Refinery", "FAC", None),
}

#: Head nouns of bodies (normalized, bare and with the article): never the first word of a person's name after a
#: title (المتحدث باسم جماعة الحوثي). The organization and facility heads above plus the state's own bodies.
_BODY_HEADS = frozenset(
    f for w in (*_HEADS, *_ORG_HEADS, "وزارة", "حكومة", "جيش", "شرطة", "قوات")
    for f in (normalize_phrase(w), "ال" + normalize_phrase(w))
)
# Facilities that are located in the place named after them (مطار نيامي is in Niamey), unlike
# streets and squares named after places (شارع فلسطين is not in Palestine).
_LOCATED = frozenset({"Airport", "Hospital", "Embassy", "Consulate", "Port", "Prison", "Crossing", "Mosque",
                      "Palace", "Stadium", "Refinery", "University"})
# Adjectives that make a definite head a name (المجلس الدستوري), masculine forms; the
# feminine (ة) is derived.
_NAME_ADJ = {
    "الوطني": "National", "العام": "General", "الأعلى": "Supreme", "العليا": "Supreme",
    "الدستوري": "Constitutional", "الاتحادي": "Federal", "المستقل": "Independent", "الشعبي": "Popular",
    "الإسلامي": "Islamic", "الديمقراطي": "Democratic", "المركزي": "Central", "التشريعي": "Legislative",
    "الانتقالي": "Transitional", "العسكري": "Military", "الثوري": "Revolutionary", "الدولي": "International",
    "الاقتصادي": "Economic", "الاجتماعي": "Social", "المدني": "Civil", "الجمهوري": "Republican",
    "الاشتراكي": "Socialist", "الأهلي": "National", "القومي": "National", "العالمي": "World",
    "الأوروبي": "European", "الأفريقي": "African", "الخليجي": "Gulf",
}
# ل-complements with a known English word (the field of the body: للأنباء → News).
_COMPLEMENTS = {"للأنباء": "News", "للشغل": "Labour", "للعمل": "Labour", "للإعلام": "Media",
                "للانتخابات": "Electoral", "للإغاثة": "Relief", "للتنمية": "Development",
                "للاستثمار": "Investment", "للطاقة": "Energy", "للنفط": "Oil", "للبترول": "Petroleum"}


# Generic nouns in the genitive of a body's name (وكالة الأنباء الجزائرية): with them a
# following nationality adjective belongs to the name ("Algerian News Agency").
_GENERIC_GEN = {"الأنباء": "News", "الإعلام": "Media", "الأمن": "Security", "الصحة": "Health",
                "الإحصاء": "Statistics", "الطاقة": "Energy", "النفط": "Oil", "الانتخابات": "Electoral",
                "الطيران": "Aviation", "الاستخبارات": "Intelligence", "المخابرات": "Intelligence",
                "الإغاثة": "Relief", "الهجرة": "Migration", "الشرطة": "Police", "النقد": "Monetary",
                "التجارة": "Trade", "الإذاعة": "Broadcasting", "التلفزيون": "Television", "الصحافة": "Press"}


@lru_cache(maxsize=1)
def _org_lex() -> tuple[dict[str, tuple[str, str, str | None]], dict[str, str], dict[str, str]]:
    heads = {}
    for k, v in _ORG_HEADS.items():
        heads[normalize_phrase(k)] = v
        heads[normalize_phrase("ال" + k)] = v
    adj = {}
    for k, v in _NAME_ADJ.items():
        adj[normalize_phrase(k)] = v
        if not k.endswith(("ى", "ا")):
            adj[normalize_phrase(k + "ة")] = v  # الوطنية، المستقلة
    return heads, adj, {normalize_phrase(k): v for k, v in _COMPLEMENTS.items()}


@lru_cache(maxsize=1)
def _generic_gen() -> dict[str, str]:
    return {normalize_phrase(k): v for k, v in _GENERIC_GEN.items()}


def _composed_orgs(nt: NormalizedText, toks: list[tuple[int, int, str]], gaz: list[_Cand]) -> list[_Cand]:
    """Organization/facility names made of a head noun and its modifiers.

    ``الاتحاد العام التونسي للشغل`` → ORG "Tunisian General Labour Union" (TUN);
    ``وكالة تونس أفريقيا للأنباء`` → ORG "Tunisia Africa News Agency"; ``المجلس الدستوري`` →
    ORG "Constitutional Council"; ``شارع فلسطين`` → FAC "Palestine Street" (a place inside a
    street/square/facility name is not the country: no country). Rules:

    * a definite head (المجلس) needs a name-forming adjective (:data:`_NAME_ADJ`) right after
      it — a head with only a nationality adjective (السفارة الأمريكية, الشركة الأمريكية) is a
      description, and the NORP inside it stays the entity;
    * an indefinite head (وكالة، شارع) needs a genitive right after it: a KB place, person or
      organization (one or more in a row), or, for organizations, a definite noun followed by a
      further modifier (one definite noun alone, حركة المرور, is a description);
    * then name adjectives, nationality adjectives (the country) and one ل-complement
      (``للأنباء``, or ``ل`` + noun + definite genitive: ``لفرز الأصوات``); the span ends at the
      first other word or punctuation.

    ``name_en`` is composed when every part has an English word ("<NORP> <adjectives>
    <genitive names> <complement> <head>"), else ``None``; ``canonical`` is
    ``khabar:<LABEL>:<normalized text>``.
    """
    heads, adjs, comps = _org_lex()
    kb = get_kb()
    start_of = {t[0]: k for k, t in enumerate(toks)}
    gaz_at: dict[int, _Cand] = {}
    for c in gaz:
        k = start_of.get(c.ns)
        if k is not None and (k not in gaz_at or c.ne > gaz_at[k].ne):
            gaz_at[k] = c
    end_of = {t[1]: k for k, t in enumerate(toks)}
    stop: frozenset[str] = _lex()["stop"]  # type: ignore[assignment]
    head_keys = frozenset(heads)
    out: list[_Cand] = []
    for i, (s, e, form) in enumerate(toks):
        off, head = _strip(form, head_keys)
        if head not in heads:
            continue
        word, label, sector = heads[head]
        definite = head.startswith("ال")
        j = i + 1
        norp: list[str] = []
        country: str | None = None
        adj_en: list[str] = []
        gen_en: list[str] = []
        comp_en: list[str] = []
        known = True
        n_mods = 0
        place_gen = False

        def adjacent(k: int) -> bool:
            return k < len(toks) and toks[k - 1][1] + 1 == toks[k][0] and nt.text[toks[k - 1][1]] == " "

        if not adjacent(j):
            continue
        if definite:
            if toks[j][2] not in adjs:
                continue
        else:
            c = gaz_at.get(j)
            if c is not None and c.label in ("GPE", "LOC") and word in _LOCATED:
                continue  # مطار نيامي، سفارة بغداد: the facility is in the place; the place stands
            if c is not None and c.label == "ORG" and c.kb:
                continue  # منظمة اليونيسف: a KB organization after its generic head stays itself
            if c is not None and c.label in ("GPE", "LOC", "PER", "ORG"):
                place_gen = c.label in ("GPE", "LOC")
                while c is not None and c.label in ("GPE", "LOC", "PER", "ORG"):
                    k = end_of.get(c.ne)
                    if k is None:
                        break
                    gen_en.append(c.name_en or "")
                    known = known and bool(c.name_en)
                    j = k + 1
                    c = gaz_at.get(j) if adjacent(j) else None
                n_mods += 1
            elif (label == "FAC" and toks[j][2].startswith("ال") and toks[j][2] not in stop
                  and j not in gaz_at):
                # ميدان التحرير، شارع الرشيد: a street or square named by a definite noun
                gen_en.append(name_en(nt.original[slice(*nt.span(toks[j][0], toks[j][1]))]).removeprefix("al-"))
                j += 1
                n_mods += 1
            elif label == "ORG" and toks[j][2].startswith("ال") and toks[j][2] not in stop and j not in gaz_at:
                generic = _generic_gen().get(toks[j][2])
                j += 1
                if generic:
                    gen_en.append(generic)
                else:
                    known = False
                if not adjacent(j):
                    continue
                nc = gaz_at.get(j)
                if nc is not None and nc.label == "NORP" and not generic:
                    # حركة النجباء العراقية: the adjective marks head + genitive as a name; the
                    # nationality adjective stays its own entity (the gold convention)
                    ns0, ne0 = s + off, toks[j - 1][1]
                    if not kb.aliases(nt.text[ns0:ne0]):
                        out.append(_Cand(ns0, ne0, label, "composed_org", name_en=None, country=nc.country,
                                         sector=sector, canonical=f"khabar:{label}:" + nt.text[ns0:ne0].replace(" ", "_")))
                    continue
                if not (toks[j][2] in adjs or toks[j][2] in comps or toks[j][2].startswith("لل")
                        or generic and nc is not None and nc.label == "NORP"):
                    continue  # حركة المرور: one definite noun alone is a description
            else:
                continue
        comp_done = False
        while adjacent(j) and j - i <= 7:
            w = toks[j][2]
            c = gaz_at.get(j)
            if w in adjs:
                adj_en.append(adjs[w])
                j += 1
            elif c is not None and c.label == "NORP" and end_of.get(c.ne) is not None:
                norp.append(c.name_en or "")
                country = country or c.country
                j = end_of[c.ne] + 1
            elif not comp_done and w in comps:
                comp_en.append(comps[w])
                comp_done = True
                j += 1
            elif not comp_done and w.startswith("لل") and len(w) > 4 and w not in stop:
                comp_done, known = True, False  # للصحفيين، للأمن، للهجرة: the field, no English word
                j += 1
            elif (not comp_done and w[:1] == "ل" and len(w) > 3 and not w.startswith("لل") and w not in stop
                  and adjacent(j + 1) and toks[j + 1][2].startswith("ال") and toks[j + 1][2] not in stop):
                comp_done, known = True, False  # لفرز الأصوات، لحقوق الإنسان
                j += 2
            else:
                break
            n_mods += 1
        if n_mods == 0 or j - 1 <= i:
            continue
        ns, ne = s + off, toks[j - 1][1]
        key = nt.text[ns:ne]
        if kb.aliases(key):
            continue  # a KB name: the gazetteer has it
        name = None
        if known and place_gen and not comp_en and label == "ORG":
            name = " ".join(x for x in (*norp, *adj_en, word) if x) + " of " + " ".join(gen_en)  # Bank of Lebanon
        elif known:
            name = " ".join(x for x in (*norp, *adj_en, *gen_en, *comp_en, word) if x)
        if label == "FAC":
            country = None if not norp else country
        out.append(_Cand(ns, ne, label, "composed_org", name_en=name, country=country, sector=sector,
                         canonical=f"khabar:{label}:" + key.replace(" ", "_")))
    return out


def _name_after(toks: list[tuple[int, int, str]], i: int, blocked: set[int], first_names: frozenset[str],
                after_complement: bool = False) -> int:
    """Number of name tokens starting at token ``i`` (0 when there is no name).

    A name has 1–4 tokens; it stops at punctuation gaps, stop words, tokens already
    inside a non-person entity, or tokens that look like inflected common words.
    The first token may not carry the article (``ال``) unless it is a particle compound;
    after the first token, a second token is free (the family name), later ones must be
    particles (بن، أبو، عبد، آل), known first names (a father's name) or ``ال``-nisbas.
    """
    lex = _lex()
    stop: frozenset[str] = lex["stop"]  # type: ignore[assignment]
    parts: frozenset[str] = lex["particles"]  # type: ignore[assignment]
    mods: frozenset[str] = lex["modifiers"]  # type: ignore[assignment]
    pron: frozenset[str] = lex["pron"]  # type: ignore[assignment]
    n = 0
    while i + n < len(toks) and n < 4:
        s, e, form = toks[i + n]
        if form in mods and n == 0 and after_complement and form not in stop and s not in blocked:
            pass  # باسم العوادي after المتحدث باسمها: the title phrase is closed, باسم is a given name
        elif s in blocked or form in stop or form in mods or len(form) < 2 and form not in parts:
            break
        if form in pron and form not in first_names:
            break  # لأنه، باسمها، عليهم: a particle with a pronoun suffix is not a name
        if form[:1] in _PROCLITIC_SET and (form[1:3] == "ال" or form[:2] == "لل"):
            break  # وبال… لل…: a clitic + article word is not part of a name
        if n > 0 and toks[i + n - 1][1] != s - 1:
            break  # not separated by a single space (punctuation between)
        if n == 0:
            if form.startswith("ال") and form not in first_names:
                break
        elif n >= 2:
            prev = toks[i + n - 1][2]
            if not (form in parts or prev in parts or form in first_names or form.startswith("ال")):
                break
        n += 1
    # do not end on a particle
    while n > 0 and toks[i + n - 1][2] in parts:
        n -= 1
    return n


@dataclass(slots=True)
class RolePhrase:
    """A title phrase (``وزير الخارجية العراقي``, ``الأمين العام لحلف شمال الأطلسي``).

    ``ns``/``ne`` are normalized offsets of the title and its modifiers (not the name);
    ``office``/``jurisdiction`` name an office of ``roles.tsv`` when the title and its
    modifiers give one (``head_of_government``, ``IRQ``); ``person`` is the person candidate
    named right after it, or ``None`` for a bare title (``رئيس الوزراء العراقي`` alone).
    """

    ns: int
    ne: int
    title: str
    sector: str | None = None
    country: str | None = None
    office: str | None = None
    jurisdiction: str | None = None
    org_sector: str | None = None
    person: "_Cand | None" = None


def _title_info(title: list[str], mod_words: list[str], mod_ents: list[_Cand]) -> dict[str, str | None]:
    """Sector, country and office of a title phrase from its words and the KB entities in it."""
    lex = _lex()
    tsec: dict[str, str] = lex["title_sector"]  # type: ignore[assignment]
    key = " ".join(title)
    sector = tsec.get(key) or tsec.get(title[0])
    country = next((c.country for c in mod_ents if c.label in ("GPE", "NORP") and c.country), None)
    org = next((c for c in mod_ents if c.label == "ORG"), None)
    words = set(mod_words)
    if "الدفاع" in words or "دفاع" in words or "الاركان" in words:
        sector = "MIL" if sector in (None, "GOV") else sector
    if org is not None:
        if org.country and country is None:
            country = org.country
        if org.sector and (sector is None or org.sector in ("IGO", "REB", "MED", "MIL") and title[0] not in ("السفير", "السفيره")):
            sector = org.sector
    office = None
    for t, req, o in lex["title_office"]:  # type: ignore[attr-defined]
        if t != title:
            continue
        if req is None or (req == () and not mod_words) or (req and any(w in words for w in req)):
            office = o
            break
    jurisdiction = None
    if office in _ORG_OFFICES:
        jurisdiction = org.canonical if org is not None else None
    elif office is not None:
        jurisdiction = next((c.country for c in mod_ents if c.label in ("GPE", "NORP") and c.country), None)
    return {"sector": sector, "country": country, "office": office if jurisdiction else None,
            "jurisdiction": jurisdiction, "org_sector": org.sector if org is not None else None}


def _titled_people(nt: NormalizedText, toks: list[tuple[int, int, str]], gaz: list[_Cand],
                   roles: list[RolePhrase] | None = None) -> list[_Cand]:
    """People named after a title; every title phrase is also appended to ``roles``."""
    lex = _lex()
    kb = get_kb()
    titles: list[list[str]] = lex["titles"]  # type: ignore[assignment]
    mods: frozenset[str] = lex["modifiers"]  # type: ignore[assignment]
    comps: frozenset[str] = lex["complements"]  # type: ignore[assignment]
    first_names = kb.first_names
    # token index spans covered by gazetteer candidates
    start_of = {t[0]: k for k, t in enumerate(toks)}
    tok_starts = [t[0] for t in toks]
    end_of = {t[1]: k for k, t in enumerate(toks)}
    gaz_at: dict[int, _Cand] = {}
    for c in gaz:
        k = start_of.get(c.ns)
        if k is None:  # the match begins after a proclitic inside the token
            j = bisect.bisect_right(tok_starts, c.ns) - 1
            k = j if j >= 0 and toks[j][0] < c.ns < toks[j][1] else None
        if k is not None and (k not in gaz_at or c.ne > gaz_at[k].ne):
            gaz_at[k] = c
    blocked = {c.ns for c in gaz if c.label != "PER"}
    per_at = {c.ns: c for c in gaz if c.label == "PER"}
    # surnames of people the gazetteer found (برهم صالح → صالح)
    short_names = {nt.text[c.ns:c.ne].split()[-1] for c in gaz if c.label == "PER" and " " in nt.text[c.ns:c.ne]}
    title_words = frozenset(t[0] for t in titles)
    out = []
    i = 0
    while i < len(toks):
        form = toks[i][2]
        off, first = _strip(form, title_words)
        hit = None
        if first in title_words:
            for t in titles:
                if t[0] == first and [x[2] for x in toks[i + 1:i + len(t)]] == t[1:]:
                    hit = t
                    break
        if hit is None:
            i += 1
            continue
        j = i + len(hit)
        # modifiers: adjectives of office, nationality, organizations and places
        steps = 0
        mod_words: list[str] = []
        mod_ents: list[_Cand] = []
        complement = False
        while j < len(toks) and steps < 8:
            c = gaz_at.get(j)
            if c is not None and c.label != "PER":
                k = end_of.get(c.ne)
                if k is None:
                    k = next((q for q, t in enumerate(toks) if t[0] < c.ne <= t[1]), j)
                mod_ents.append(c)
                j = k + 1
            elif toks[j][2] in mods or _strip(toks[j][2], mods)[1] in mods:
                mod_words.append(_strip(toks[j][2], mods)[1])
                j += 1
            elif toks[j][2] in comps and steps == 0 or toks[j][2] in comps and mod_words[-1:] == [normalize_phrase("المتحدث")]:
                complement = True  # المتحدث باسمها: the title phrase ends here
                j += 1
                break
            else:
                break
            steps += 1
        if mod_words and mod_words[-1] in _PREP_MODS and not complement:
            # الأمين العام للأمم المتحدة عن قلقه: a trailing preposition governs what follows,
            # which is its object, not the holder's name
            info = _title_info(hit, mod_words[:-1], mod_ents)
            role = RolePhrase(toks[i][0] + off, toks[j - 2][1], " ".join(hit), **info)  # type: ignore[arg-type]
            if roles is not None:
                roles.append(role)
            i = j
            continue
        info = _title_info(hit, mod_words, mod_ents)
        role = RolePhrase(toks[i][0] + off, toks[j - 1][1], " ".join(hit), **info)  # type: ignore[arg-type]
        if roles is not None:
            roles.append(role)
        if j < len(toks) and toks[j][0] in per_at:
            role.person = per_at[toks[j][0]]
            i = j
            continue  # a known person: the gazetteer has it
        gap_ok = j < len(toks) and not nt.text[toks[j - 1][1]:toks[j][0]].strip()
        n = _name_after(toks, j, blocked, first_names, after_complement=complement) if gap_ok else 0
        if n and _strip(toks[j][2], _BODY_HEADS)[1] in _BODY_HEADS:
            n = 0  # المتحدث باسم جماعة الحوثي: the body spoken for, not a person's name
        if n >= 2 and toks[j][2] in short_names and not kb.aliases(nt.text[toks[j][0]:toks[j + n - 1][1]]):
            n = 1  # الرئيس صالح يعتزم: the surname of a person already named, then the verb
        if n:
            s, e = toks[j][0], toks[j + n - 1][1]
            cand = _Cand(s, e, "PER", "title", sector=role.sector, country=role.country)
            role.person = cand
            out.append(cand)
            i = j + n
        else:
            i = j if j > i else i + 1
    return out


def transliterate(ar: str) -> str:
    """English spelling of an Arabic person name not in the knowledge base.

    Delegates to :func:`khabar.extract.names_en.name_en`: a table of common Arabic given
    names, name parts and foreign names as newswire spells them (``names_en.tsv``:
    محمد Mohammed, باسم Basim, سكوت Scott), ``al-`` for ``ال``, ``عبد`` compounds, and vowel
    heuristics for the rest. Each word is capitalized (particles ``al-``/``bin`` excepted).
    """
    return name_en(ar)


# ---------------------------------------------------------------- resolution

def _resolve(cands: list[_Cand]) -> list[_Cand]:
    cands = sorted(cands, key=lambda c: (-(c.ne - c.ns), _ORDER.get(c.source, 9), c.ns))
    used: set[int] = set()  # normalized offsets already covered: linear, not pairwise
    keep = []
    for c in cands:
        if any(i in used for i in range(c.ns, c.ne)):
            continue
        used.update(range(c.ns, c.ne))
        keep.append(c)
    return sorted(keep, key=lambda c: c.ns)


def _coref(nt: NormalizedText, toks: list[tuple[int, int, str]], kept: list[_Cand]) -> list[_Cand]:
    """Link title-found people to KB people, then find bare first names/surnames of known people."""
    kb = get_kb()
    lex = _lex()
    stop: frozenset[str] = lex["stop"]  # type: ignore[assignment]
    mods: frozenset[str] = lex["modifiers"] | _nset(["الثاني", "الثالث", "الأول", "الرابع", "الخامس", "السادس"])  # type: ignore[operator]
    people = [c for c in kept if c.label == "PER"]
    # fill person fields: KB person with the same alias, an earlier longer mention, or transliteration
    by_token: dict[str, set[str]] = {}
    for c in people:
        if not c.canonical:
            key = nt.text[c.ns:c.ne]
            al = [a for a in kb.aliases(key) if a.entry.label == "PER"]
            if al:
                for k, v in _entity_fields(al[0]).items():
                    setattr(c, k, v)
            else:
                prior = [p for p in people if p.canonical and p.ns < c.ns and _shares_token(nt.text[p.ns:p.ne], key)]
                if prior and len(key.split()) < len(nt.text[prior[-1].ns:prior[-1].ne].split()):
                    p = prior[-1]
                    c.name_en, c.kb, c.country, c.canonical, c.sector = p.name_en, p.kb, p.country, p.canonical, p.sector
                else:
                    c.canonical = "khabar:PER:" + key.replace(" ", "_")
                    c.name_en = transliterate(nt.original[nt.to_original[c.ns]:nt.span(c.ns, c.ne)[1]])
        words = _name_units(nt.text[c.ns:c.ne])
        if len(nt.text[c.ns:c.ne].split()) >= 2:
            for w in (words[0], words[-1]):
                if len(w) >= 3 and w not in stop and w not in mods:
                    by_token.setdefault(w, set()).add(c.canonical)
    rep: dict[str, _Cand] = {}
    for c in people:
        if len(nt.text[c.ns:c.ne].split()) >= 2:
            rep.setdefault(c.canonical, c)  # the first full mention
    cov = bytearray(len(nt.text) + 1)
    for c in kept:
        if c.label == "NORP" and c.source == "gazetteer":
            continue  # السوداني after محمد شياع السوداني: the surname may override an adjective
        cov[c.ns:c.ne] = b"\x01" * (c.ne - c.ns)
    norp_at = {(c.ns, c.ne): c for c in kept if c.label == "NORP"}
    extra = []
    tok_keys = frozenset(by_token)
    for s, e, form in toks:
        if 1 in cov[s:e] or not by_token:
            continue
        off, rest = _strip(form, tok_keys)
        # people named in full before this token (a later namesake does not make it ambiguous)
        canon = {k for k in by_token.get(rest, ()) if k in rep and rep[k].ne <= s}
        if len(canon) != 1:
            continue
        p = rep[next(iter(canon))]
        norp = norp_at.get((s + off, e))
        if norp is not None and not _surname_reading(nt.text, e, p):
            continue
        if norp is not None:
            norp.label = ""  # dropped below: the person reading wins
        extra.append(_Cand(s + off, e, "PER", "coref", name_en=p.name_en, kb=p.kb, country=p.country,
                           canonical=p.canonical, sector=p.sector))
    # nominal mentions (الحلف → NATO) after a mention of the entity
    noms: dict[str, tuple[str, ...]] = lex["nominals"]  # type: ignore[assignment]
    nom_keys = frozenset(noms)
    for s, e, form in toks:
        off, rest = _strip(form, nom_keys)
        if rest not in noms or 1 in cov[s:e]:
            continue
        prior = [c for c in kept if c.canonical in noms[rest] and c.ne <= s]
        if prior:
            p = prior[-1]
            extra.append(_Cand(s + off, e, p.label, "coref", name_en=p.name_en, kb=p.kb, country=p.country,
                               canonical=p.canonical, sector=p.sector))
    return extra


def _surname_reading(text: str, end: int, p: _Cand) -> bool:
    """Whether an adjective-looking token that is the surname of a person named earlier
    (السوداني after محمد شياع السوداني) reads as that person: it must not agree with a
    preceding noun (a nisba adjective follows its noun: الرئيس السوداني), so it must follow
    a verb-like or clause-opening word, i.e. not be preceded by a definite noun."""
    words = _WORD.findall(text, max(0, end - 80), end)
    prev = words[-2] if len(words) >= 2 else ""
    return not prev.startswith(("ال", "وال", "بال", "لل", "فال"))


_NAME_PARTICLES = frozenset(normalize_phrase(w) for w in ("عبد", "بن", "ابن", "بنت", "أبو", "أبي", "أبا", "أم", "آل", "ولد"))


def _name_units(name: str) -> list[str]:
    """The words of a normalized name with each particle joined to the word after it:
    ``بدر عبد العاطي`` → [بدر, عبد العاطي]; ``عبد الفتاح البرهان`` → [عبد الفتاح, البرهان]."""
    out: list[str] = []
    words = name.split()
    k = 0
    while k < len(words):
        if words[k] in _NAME_PARTICLES and k + 1 < len(words):
            out.append(words[k] + " " + words[k + 1])
            k += 2
        else:
            out.append(words[k])
            k += 1
    return out


def _shares_token(a: str, b: str) -> bool:
    """Two names share a name unit (a particle counts with its word: عبد العاطي is not عبد الفتاح)."""
    return bool(set(_name_units(a)) & set(_name_units(b)))


def _link_by_office(nt: NormalizedText, roles: list[RolePhrase], day: object) -> None:
    """A title-found name not in the KB takes the office holder's identity when they share a
    name word: ``وزير الخارجية الأمريكي أنطوني بلينكين`` (a spelling the KB lacks) → Blinken."""
    import datetime as dt

    if not isinstance(day, dt.date):
        return
    for r in roles:
        c = r.person
        if c is None or c.canonical or r.office is None or r.jurisdiction is None:
            continue
        key = nt.text[c.ns:c.ne]
        if get_kb().aliases(key):
            continue
        holder = office_holder(r.office, r.jurisdiction, day)
        if holder is None:
            continue
        words = {w for w in key.split() if len(w) >= 3}
        if any(words & set(normalize_phrase(a).split()) for a in holder.aliases):
            c.name_en, c.kb, c.country, c.canonical, c.sector = holder.name_en, holder.qid, holder.country, holder.kb_id, holder.sector


# Reporting and greeting verbs whose subject is often a bare person name (قال فاي، هنأ ماكي سال).
_SPEECH_VERBS = ("قال", "قالت", "أكد", "أكدت", "أوضح", "أوضحت", "أعلن", "أعلنت", "صرح", "صرحت", "أضاف",
                 "أضافت", "ذكر", "ذكرت", "اعتبر", "اعتبرت", "رأى", "هنأ", "هنأت", "يقول", "تقول", "أشار", "أشارت",
                 "نفى", "نفت", "دعا", "دعت", "حذر", "حذرت", "طالب", "طالبت", "أفاد", "أفادت", "كتب", "كتبت")


# Given names that are also frequent common words or titles (نجاح "success", أمين "secretary",
# طالب "student", رائد "major"): they never start a name on the reporting-verb evidence alone.
_COMMON_WORD_NAMES = (
    "نجاح", "أمل", "سلام", "نور", "عادل", "كريم", "جميل", "جمال", "سعيد", "أمين", "أسد", "وفاء", "إيمان",
    "صفاء", "منى", "هدى", "أمير", "سلطان", "ملك", "شريف", "هلال", "نصر", "فوز", "فرح", "رجاء", "حياة",
    "أحلام", "سماح", "عزة", "كرامة", "نضال", "جهاد", "وسام", "حكمت", "حسن", "رشيد", "صالح", "كامل",
    "مبارك", "فاضل", "منير", "ناصر", "نبيل", "رائد", "عميد", "بشير", "حكيم", "شاكر", "عزيز", "كمال",
    "زكي", "وليد", "طالب", "خليل", "حامد", "سامي", "عالي", "غالي", "مختار", "مجيد", "قائد", "نائل",
    "باسم", "فتح", "رحمة", "أنور", "مأمون", "منصور", "مسعود", "محمود", "مراد", "هادي", "راشد",
)


# Words that follow a person's name and introduce a by-name (مشتاق طالب السعيدي المعروف بـ"أبو تقوى").
_EPITHETS = ("المعروف", "المعروفة", "الملقب", "الملقبة", "المكنى", "المكناة")


def _people_by_evidence(nt: NormalizedText, toks: list[tuple[int, int, str]], kept: list[_Cand]) -> list[_Cand]:
    """Person names without a title, from in-document evidence (modifies ``kept`` in place).

    * A PER span is extended to the right when the words after it complete a longer name of
      the same document (``باسيرو ديوماي`` + ``فاي`` when ``باسيرو ديوماي فاي`` is named), and to
      the left by one given name (``مشتاق`` + ``طالب السعيدي``; given names: the KB's first
      names and the given/foreign names of ``names_en.tsv``).
    * A given name followed by 1–3 name words (:func:`_name_after`) right after or right before
      a reporting verb (``قال``، ``هنأ``… :data:`_SPEECH_VERBS`), or right before a by-name
      (``المعروف بـ``، ``الملقب``: :data:`_EPITHETS`), is a new PER candidate (source
      ``evidence``): the verb or the by-name is the in-document evidence that a person is meant.
    Returns the new candidates.
    """
    kb = get_kb()
    lex = _lex()
    stop: frozenset[str] = lex["stop"]  # type: ignore[assignment]
    given = kb.first_names | given_names()
    cov = bytearray(len(nt.text) + 1)
    for c in kept:
        if c.label:
            cov[c.ns:c.ne] = b"\x01" * (c.ne - c.ns)
    start_of = {t[0]: k for k, t in enumerate(toks)}
    people = [c for c in kept if c.label == "PER"]
    full = {nt.text[c.ns:c.ne] for c in people if " " in nt.text[c.ns:c.ne]}
    tok_starts = [t[0] for t in toks]
    for c in people:
        if c.source not in ("model", "title"):
            continue
        key = nt.text[c.ns:c.ne]
        for f in sorted(full, key=lambda x: (-len(x), x)):
            if f.startswith(key + " ") and nt.text.startswith(f[len(key):], c.ne):
                ne = c.ne + len(f) - len(key)
                if 1 not in cov[c.ne:ne] and (ne == len(nt.text) or not nt.text[ne].isalpha()):
                    cov[c.ne:ne] = b"\x01" * (ne - c.ne)
                    c.ne = ne
                break
        if c.source == "model" and c.ns not in start_of:
            j = bisect.bisect_right(tok_starts, c.ns) - 1
            if j >= 0 and toks[j][0] < c.ns < toks[j][1] and toks[j][2] in given and toks[j][1] <= c.ne:
                c.ns = toks[j][0]  # فادي read as ف + ادي: the whole word is a given name
        k = start_of.get(c.ns)
        if k and c.source == "model" and toks[k - 1][1] + 1 == c.ns and nt.text[toks[k - 1][1]] == " ":
            form = toks[k - 1][2]
            if form in given and form not in stop and not cov[toks[k - 1][0]]:
                c.ns = toks[k - 1][0]
                cov[c.ns:c.ne] = b"\x01" * (c.ne - c.ns)
    verbs = _nset(_SPEECH_VERBS)
    epithet = _nset(_EPITHETS)
    blocked = {t[0] for t in toks if cov[t[0]]}  # _name_after checks token starts only
    counts: dict[str, int] = {}
    for t in toks:
        counts[t[2]] = counts.get(t[2], 0) + 1
    out: list[_Cand] = []
    common = _nset(_COMMON_WORD_NAMES)
    for i, (s, e, form) in enumerate(toks):
        off, rest = _strip(form, given)
        if off or rest not in given or cov[s] or rest in stop or rest in common:
            continue
        n = _name_after(toks, i, blocked, kb.first_names | given)
        for q in range(1, n):
            if toks[i + q][2] in epithet:
                n = q  # the name ends before its by-name
                break
        if n < 2:
            continue
        ne = toks[i + n - 1][1]
        if 1 in cov[s:ne]:
            continue
        before = toks[i - 1] if i > 0 and toks[i - 1][1] + 1 == s else None
        after = toks[i + n] if i + n < len(toks) and toks[i + n][0] == ne + 1 else None
        if not ((before and _strip(before[2], verbs)[1] in verbs) or (after and _strip(after[2], verbs)[1] in verbs)
                or (after and after[2] in epithet)):
            continue
        if kb.aliases(nt.text[s:ne]):
            continue  # a KB name: the gazetteer decides
        rest_words = [t[2] for t in toks[i + 1:i + n]]
        last = rest_words[-1]
        if last.endswith("ه") and not any(w in given for w in rest_words):
            continue  # نجاح العملية: a feminine noun (ة, normalized ه) is rarely a family name
        if not (rest_words[0].startswith("ال") or any(w in given for w in rest_words)
                or counts.get(last, 0) >= 2):
            continue  # أمل كبيرة: a surname needs the article, a father's name or a second mention
        cov[s:ne] = b"\x01" * (ne - s)
        out.append(_Cand(s, ne, "PER", "evidence"))
    return out


def _model_candidates(doc: Document, nt: NormalizedText, kept: list[_Cand]) -> list[_Cand]:
    """Spans of the statistical NER model (issue 5) that the rules did not find.

    The model is optional: ``khabar.models.ner.predict_entities(doc)`` returns
    ``[(start, end, label, confidence)]`` in original code points (proclitics excluded); when
    the module is missing (``ImportError``) or no model file is installed
    (:class:`~khabar.errors.ModelError`) nothing is added and the output is unchanged.

    A model span is kept when it overlaps no rule candidate and passes the resolver:

    * its text is looked up in the KB: a known name takes the KB's label and identity
      (a model LOC that the KB knows as a country becomes GPE);
    * otherwise, a one-token span is dropped when its confidence is below
      :data:`MODEL_MIN_SINGLE` or it is a function word, a pronoun-suffixed particle or a
      title/modifier word; longer spans need :data:`MODEL_MIN_CONF`;
    * an unknown span must hold an Arabic letter (the model was trained on Arabic text;
      Latin words and numbers in it are noise);
    * unknown PER spans get a transliterated ``name_en`` (in :func:`_coref`, like title-found names).
    """
    try:
        from khabar.models.ner import predict_entities
    except ImportError:
        return []
    from khabar.errors import ModelError

    try:
        spans = predict_entities(doc)
    except ModelError:
        return []
    lex = _lex()
    reject = lex["stop"] | lex["modifiers"] | lex["pron"]  # type: ignore[operator]
    used = {i for c in kept for i in range(c.ns, c.ne)}
    kb = get_kb()
    out: list[_Cand] = []
    for start, end, label, conf in spans:
        if not (0 <= start < end <= len(doc.text)) or label not in ("PER", "ORG", "GPE", "LOC", "FAC", "NORP", "MISC"):
            continue
        dash = _SPACED_DASH.search(doc.text, start, end)
        if dash is not None:
            end = dash.start()  # a byline (عمر عريبي- سبق- جازان): a name never runs across a spaced dash
            while end > start and doc.text[end - 1].isspace():
                end -= 1
            if end <= start:
                continue
        ns, ne = nt.from_original(start), nt.from_original(end)
        while ne > ns and nt.text[ne - 1] == " ":
            ne -= 1
        if ne <= ns or any(i in used for i in range(ns, ne)):
            continue
        key = nt.text[ns:ne]
        opts = kb.aliases(key)
        if (opts and all(a.needs_context for a in opts) and not any(c.canonical == a.entry.kb_id for a in opts for c in kept)
                and not (any(a.cue for a in opts) and place_cued(kb, nt.text, ns, ne))):
            continue  # a context-bound alias (القاعدة) needs its entity attested, as in the gazetteer
        if opts:
            best = sorted(opts, key=lambda a: (a.entry.label != label, a.rank))[0]
            cand = _Cand(ns, ne, source="model", options=list(opts), **_entity_fields(best))  # type: ignore[arg-type]
        else:
            single = " " not in key
            if single and label == "MISC":
                continue  # one-word MISC outside the KB: currencies and common nouns (دولار)
            if single and (conf < MODEL_MIN_SINGLE or key in reject) or conf < MODEL_MIN_CONF:
                continue
            if single and label == "PER" and key.startswith("ال") and _DEFINITE_NISBA.match(nt.text, ne):
                continue  # الحداد الوطني (national mourning): a definite noun with its adjective, not al-Haddad
            if not _ARABIC_LETTER.search(key):
                continue  # the model reads Arabic; Latin-only or digit spans are the gazetteer's
            cand = _Cand(ns, ne, label, "model")
            if label != "PER":
                cand.canonical = f"khabar:{label}:" + key.replace(" ", "_")
        cand.confidence = float(conf)
        used.update(range(ns, ne))
        out.append(cand)
    return out


_ARABIC_LETTER = re.compile("[\u0621-\u064A\u0671-\u06D3]")

#: A one-token model span not in the KB needs this confidence (common words are dropped).
MODEL_MIN_SINGLE = 0.8
#: Any other model span not in the KB needs this confidence.
MODEL_MIN_CONF = 0.5

_REGION_NOTE = {"Northern": "north", "Southern": "south", "Eastern": "east", "Western": "west", "Central": "centre",
                "Northeastern": "northeast", "Northwestern": "northwest", "Southeastern": "southeast",
                "Southwestern": "southwest"}


def _analyze(doc: Document) -> tuple[NormalizedText, list[_Cand], list[RolePhrase]]:
    text = doc.text
    nt = normalize(text)
    toks = _tokens(nt)
    gaz = _gazetteer(nt)
    _accusative_norp(nt, toks, gaz)
    composed = _directional(nt, gaz)
    sentences = [(nt.from_original(s.start), nt.from_original(s.end)) for s in doc.sentences] or [(0, len(nt.text))]
    ministries = _ministries(nt, toks, gaz, sentences)
    roles: list[RolePhrase] = []
    titled = _titled_people(nt, toks, gaz, roles)
    _link_by_office(nt, roles, doc.meta.published)
    orgs = _composed_orgs(nt, toks, gaz)
    kept = _resolve(gaz + composed + ministries + orgs + titled)
    kept = _resolve(kept + _model_candidates(doc, nt, kept))
    kept = _resolve(kept + _people_by_evidence(nt, toks, kept))
    extra = _coref(nt, toks, kept)
    kept = _resolve([c for c in kept if c.label] + extra)
    return nt, kept, roles


def find_entities(doc: Document) -> tuple[Entity, ...]:
    """Named-entity mentions of ``doc``, sorted by ``start``, ids ``e1, e2, …``.

    Args:
        doc: a :class:`~khabar.doc.Document`; ``doc.sentences`` is used when present
            (ministry country from the same sentence), otherwise the whole text is one
            sentence; ``doc.meta.published`` dates titles (``وزير الخارجية الأمريكي`` +
            a name the KB spells differently → the minister in office that day).

    Returns:
        :class:`~khabar.doc.Entity` records; spans are original code-point offsets
        (half-open) with ``doc.text[start:end] == text``, proclitics excluded. ``ref`` is the
        id of the first mention with the same ``canonical`` (``None`` on that first mention);
        ``lat``/``lon`` are set for places the KB locates; ``region`` for composed regions
        (``شمال العراق`` → ``north``, country IRQ, the country's coordinates).
    """
    text = doc.text
    if not text.strip():
        return ()
    nt, kept, _ = _analyze(doc)
    return _to_entities(doc, nt, kept)


def _to_entities(doc: Document, nt: NormalizedText, kept: list[_Cand]) -> tuple[Entity, ...]:
    kb = get_kb()
    text = doc.text
    out = []
    for c in kept:
        s, e = nt.span(c.ns, c.ne)
        lat = lon = None
        region = None
        if c.label in ("GPE", "LOC", "FAC"):
            entry = kb.get(c.canonical)
            if c.source == "composed":
                adj = (c.name_en or "").split(" ", 1)[0]
                region = _REGION_NOTE.get(adj)
                entry = kb.get(c.canonical.split(":", 3)[3]) if c.canonical.count(":") >= 3 else None
            if entry is not None:
                lat, lon = entry.lat, entry.lon
        out.append(Entity(
            id="", start=s, end=e, text=text[s:e], label=c.label, name_en=c.name_en, kb=c.kb,
            country=c.country, canonical=c.canonical or normalize_phrase(text[s:e]), sector=c.sector,
            source=c.source, lat=lat, lon=lon, region=region, confidence=c.confidence,
        ))
    out.sort(key=lambda x: (x.start, x.end))
    first: dict[str, str] = {}
    final = []
    for i, x in enumerate(out, 1):
        eid = f"e{i}"
        ref = first.setdefault(x.canonical, eid)
        final.append(Entity(**{**_asdict(x), "id": eid, "ref": ref if ref != eid else None}))
    return tuple(final)


def _asdict(e: Entity) -> dict[str, object]:
    return {f: getattr(e, f) for f in e.__slots__}  # type: ignore[attr-defined]
