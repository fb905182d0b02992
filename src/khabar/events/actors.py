"""Compositional event actors: entity + sector noun + modifiers → :class:`~khabar.doc.Actor`.

An *actor phrase* is a stretch of tokens inside one sentence built from

* a **sector noun** (:data:`SECTOR_NOUNS`: القوات/الجيش/جنود → MIL,
  الحكومة/وزارة/الوزير/الرئيس → GOV, الشرطة → GOV (police), فصائل/مسلحون/
  ميليشيات → REB, المتظاهرون/مدنيين → CVL, صحفيين → MED, …; sector codes
  after the CAMEO/PETRARCH agent dictionary ``agents.all.ar`` (UniversalPetrarch,
  MIT) and the CAMEO actor codebook, Schrodt 2012 ch. 4),
* named entities (PER, ORG, GPE, NORP) from :mod:`khabar.extract.entities`,
* known modifiers (السابق، البارز، العسكري، الدفاع …) and definite words
  between them (الرئيس الأمريكي السابق دونالد ترامب),
* linking phrases: led-by (التي تقودها X، بقيادة X) gives X's country;
  aligned-with (متحالفة مع X، الموالية لـ X، المدعومة من X) gives the name
  ``"X-aligned …"`` without a country (an ally is not the state).

Composition (:func:`compose`): the person or organisation named gives
``entity``/``name_en``; the country comes from that entity, else from a GPE
or nationality adjective in the phrase; the sector comes from the head noun
(the first sector noun), except that an intergovernmental organisation keeps
``IGO``; a bare country is coded with no sector (CAMEO's plain state code).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from functools import lru_cache

from khabar.doc import Actor, Document, Entity, Sentence, Token

__all__ = [
    "ActorPhrase",
    "SECTOR_NOUNS",
    "COUNTRY_NAMES",
    "country_name",
    "IGO_NAMES",
    "find_actor_phrases",
    "compose",
    "country_actor",
    "strip_clitics",
    "possessive_head",
    "member_word",
]

#: Sector nouns (normalized, no article) → (sector, English gloss).
SECTOR_NOUNS: dict[str, tuple[str, str]] = {}
_SECT_SRC = {
    "MIL": "قوات قوه قوى جيش جيوش جنود جندي جنديا جنديان جنديين عسكريين عسكريون عسكري ضابط ضباط قائد قاده قائدا "
    "بحريه سلاح وحدات مقاتلات كتيبه لواء فرقه قطعات الجنرال جنرال اركان رئيس_اركان وزاره_الدفاع وزير_الدفاع "
    "مدفعيه "
    "وزيره_الدفاع وزراء_الدفاع البنتاغون مستشارين مدربين",
    "GOV": "حكومه حكومات وزاره وزارات وزير وزيره وزيرا وزراء وزيران الوزيران الوزيرين رئيس رئيسه رؤساء ملك امير "
    "سلطات السلطات مسؤول مسؤولون مسؤولين مسؤولا دبلوماسي دبلوماسيون دبلوماسيين سفير سفيره سفراء سفاره "
    "متحدث متحدثه ناطق برلمان نواب نائب مجلس شرطه الشرطه امن مخابرات استخبارات اجهزه نظام ادارة اداره "
    "الخارجيه خارجيه بلديه محافظ حاكم قاضي محكمه دول بلدان",
    "REB": "فصائل فصيل مسلحون مسلحين مسلحين مسلح ميليشيات ميليشيا مليشيات مليشيا متمردون متمردين متمرد مقاتلون "
    "مقاتلين جماعه جماعات تنظيم عناصر ارهابيون ارهابيين انفصاليون انفصاليين مسلحا مقاتلا عنصرا",
    "CVL": "متظاهرون متظاهرين محتجون محتجين مدنيون مدنيين مدني مدنيا مواطنون مواطنين سكان اهالي لاجئون لاجئين "
    "متعاقد متعاقدين ناشطون ناشطين ناشط ناشطا ناشطه طلاب عمال نقابه نقابات "
    # people named by a count or as victims (ثلاثة أشخاص، 15 شخصا، أطفال): civilians unless told otherwise
    "اشخاص شخص شخصا شخصين شخصان اطفال طفل طفلا طفلين نساء امراه شبان شاب شابا",
    "MED": "صحفي صحفيون صحفيين صحفيا اعلاميين اعلاميون مراسل مراسلون",
    "OPP": "معارضه المعارضه معارضون معارضين",
    "BUS": "شركه شركات رجال_اعمال",
    "FAC": "مطار مطارات سفاره سفارات قنصليه قاعده قواعد معسكر منشاه منشات مقر ميناء",
}
_GLOSS = {
    "MIL": "forces", "GOV": "government", "REB": "armed groups", "CVL": "civilians",
    "MED": "journalists", "OPP": "opposition", "BUS": "companies", "FAC": "facility",
}
_SPECIFIC_GLOSS = {"دول": "states", "بلدان": "states", "فصائل": "armed factions", "ميليشيات": "militias", "مليشيات": "militias",
                   "مسلحون": "gunmen", "مسلحين": "gunmen", "شرطه": "police", "جيش": "army"}
for _sec, _words in _SECT_SRC.items():
    for _w in _words.split():
        SECTOR_NOUNS.setdefault(_w.replace("_", " "), (_sec, _SPECIFIC_GLOSS.get(_w, _GLOSS[_sec])))

#: Facility heads: an attacked airport/embassy stands for its state (سفارة → GOV, others no sector).
_FACILITY_SECTOR = {"سفاره": "GOV", "سفارات": "GOV", "قنصليه": "GOV", "قاعده": "MIL", "قواعد": "MIL", "معسكر": "MIL"}

#: Words that refine a head noun's sector (وزير الدفاع → MIL) or qualify it.
_SECTOR_MODIFIERS: dict[str, str] = {
    "دفاع": "MIL", "الدفاع": "MIL", "العسكري": "MIL", "العسكريه": "MIL", "عسكري": "MIL", "عسكريه": "MIL",
    "الحربيه": "MIL", "المسلحه": "", "مسلحه": "", "الامنيه": "", "الشرطه": "GOV",
}
#: Plain modifiers allowed inside an actor phrase.
_MODIFIERS = frozenset(
    "السابق السابقه البارز البارزه العام العامه الاعلي الاول الخاص الخاصه الرسمي الرسميه الحالي "
    "المشترك الكبير المدني المدنيه الخارجيه خارجيه خارجية داخليه الداخليه دفاع الدفاع العسكري "
    "العسكريه المسلحه مسلحه الامنيه الامن امن العليا الوطني الوطنيه النظاميه "
    # groups of states (الدول الغربية، البلدان المانحة)
    "الغربيه العربيه الاوروبيه الخليجيه الافريقيه الاسلاميه المانحه الكبري الاعضاء المجاوره".split()
)
#: Nouns that link a head to a following genitive (وزيرة خارجية مملكة السويد).
_IDAFA = frozenset("خارجيه داخليه دفاع مملكه جمهوريه دوله حكومه اماره سلطنه ولايه اقليم منطقه مجلس".split())
_LED_BY = (("التي", "تقودها"), ("الذي", "يقوده"), ("التي", "يقودها"), ("بقياده",), ("تحت", "قياده"))
_ALIGNED = (("متحالفه", "مع"), ("المتحالفه", "مع"), ("المواليه",), ("مواليه",), ("الموالي",), ("موالي",),
            ("المدعومه", "من"), ("مدعومه", "من"), ("المرتبطه", "ب"), ("التابعه",), ("تابعه",))
_ALIGNED_EN = {"مدعومه": "backed", "المدعومه": "backed"}

#: Prepositions (separate words) that govern a following noun phrase.
PREPOSITIONS = frozenset(
    "في من الي علي عن مع ضد داخل قرب عبر بين حول نحو لدي عند شمال جنوب شرق غرب وسط انحاء منذ خلال بحق "
    "تجاه ازاء لصالح بشان اثر عقب قبل بعد لدى حتي امام خلف وراء".split()
)
COMPLEMENTIZERS = frozenset("ان انه انها انهم انهما بان بانه بانها".split())

#: ISO 3166-1 alpha-3 → English short name, for nationality adjectives (NORP)
#: whose own ``name_en`` is the adjective. Partial: the states most often in
#: Arabic news; others fall back to the adjective.
COUNTRY_NAMES: dict[str, str] = {
    "USA": "United States", "IRQ": "Iraq", "IRN": "Iran", "SAU": "Saudi Arabia", "SYR": "Syria",
    "EGY": "Egypt", "JOR": "Jordan", "LBN": "Lebanon", "ISR": "Israel", "PSE": "Palestine",
    "TUR": "Turkey", "RUS": "Russia", "CHN": "China", "GBR": "United Kingdom", "FRA": "France",
    "DEU": "Germany", "ITA": "Italy", "ESP": "Spain", "SWE": "Sweden", "DNK": "Denmark",
    "NOR": "Norway", "NLD": "Netherlands", "BEL": "Belgium", "POL": "Poland", "UKR": "Ukraine",
    "YEM": "Yemen", "OMN": "Oman", "ARE": "United Arab Emirates", "QAT": "Qatar", "KWT": "Kuwait",
    "BHR": "Bahrain", "LBY": "Libya", "TUN": "Tunisia", "DZA": "Algeria", "MAR": "Morocco",
    "SDN": "Sudan", "SSD": "South Sudan", "SOM": "Somalia", "MRT": "Mauritania", "DJI": "Djibouti",
    "AFG": "Afghanistan", "PAK": "Pakistan", "IND": "India", "JPN": "Japan", "KOR": "South Korea",
    "PRK": "North Korea", "CAN": "Canada", "AUS": "Australia", "BRA": "Brazil", "ETH": "Ethiopia",
    "NGA": "Nigeria", "MLI": "Mali", "TCD": "Chad", "ERI": "Eritrea", "GRC": "Greece", "CYP": "Cyprus",
    "AZE": "Azerbaijan", "ARM": "Armenia", "GEO": "Georgia", "KAZ": "Kazakhstan", "IDN": "Indonesia",
    "MYS": "Malaysia", "VEN": "Venezuela", "CUB": "Cuba", "MEX": "Mexico", "AUT": "Austria", "CHE": "Switzerland",
}
@lru_cache(maxsize=512)
def country_name(iso3: str | None) -> str | None:
    """The English short name of a state: :data:`COUNTRY_NAMES`, else the knowledge base's country entry."""
    if not iso3:
        return None
    if iso3 in COUNTRY_NAMES:
        return COUNTRY_NAMES[iso3]
    from khabar.extract.kb import country_entry

    e = country_entry(iso3)
    return e.name_en if e is not None else None


#: English names of intergovernmental organisations (sector IGO when the KB gives none).
IGO_NAMES = frozenset(
    "NATO|United Nations|European Union|Arab League|African Union|Gulf Cooperation Council|"
    "Organisation of Islamic Cooperation|Organization of Islamic Cooperation|International Monetary Fund|"
    "World Bank|World Health Organization|UNICEF|UNHCR|OPEC|International Atomic Energy Agency|"
    "United Nations Security Council|Council of Europe|ASEAN".split("|")
)

_PROCLITICS = ("وبال", "وال", "فال", "بال", "كال", "ولل", "لل", "ال", "وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")


@lru_cache(maxsize=65536)
def strip_clitics(norm: str) -> tuple[str, str]:
    """Split a normalized token into (proclitics incl. article, rest); at least 2 letters stay.

    Example: ``strip_clitics("وبالعراق") == ("وبال", "عراق")``.
    """
    for p in _PROCLITICS:
        if norm.startswith(p) and len(norm) - len(p) >= 2:
            return p, norm[len(p):]
    return "", norm


@lru_cache(maxsize=65536)
def _sector_lookup(norm: str) -> tuple[tuple[str, str], str] | None:
    """(sector entry, stripped proclitics) of a token, trying the whole token first (وزراء is not و+زراء)."""
    if norm in SECTOR_NOUNS:
        return SECTOR_NOUNS[norm], ""
    if norm.startswith("ال") and norm[2:] in SECTOR_NOUNS:
        return SECTOR_NOUNS[norm[2:]], ""
    pre, rest = strip_clitics(norm)
    if rest in SECTOR_NOUNS:
        return SECTOR_NOUNS[rest], pre
    st = _possessed(rest)
    if st is not None:  # قواتها، حكومته، جيشهم
        return SECTOR_NOUNS[st], pre
    return None


#: Sector nouns that never take a possessive reading (أمنه "its security", سلاحه "its weapon").
_NO_POSSESSIVE = frozenset(("امن", "نظام", "سلاح", "مسلح", "مدني", "شخص"))
#: Masculine sector nouns that take a bare -ه possessive (جيشه، رئيسه); a ة-noun or ات-plural takes it after ت
#: (حكومته، قواته). Other words ending in ه are feminine adjectives (مسلحة، مدنية), not possessives.
_H_POSSESSIVE = frozenset(("جيش", "جنود", "رئيس", "وزير", "قائد", "نائب", "سفير", "عناصر", "مقاتلين", "مسؤولين"))


@lru_cache(maxsize=65536)
def _possessed(rest: str) -> str | None:
    """The sector noun under a possessive pronoun (قواتها → قوات، حكومته → حكومه، جيشهم → جيش), else ``None``.

    ``rest`` is a normalized word without proclitics.
    """
    for suf in ("هما", "ها", "هم", "ه"):
        if not rest.endswith(suf) or len(rest) - len(suf) < 3:
            continue
        st = rest[: -len(suf)]
        if suf == "ه" and not st.endswith("ت") and st not in _H_POSSESSIVE:
            continue
        for cand in (st, st[:-1] + "ه" if st.endswith("ت") and not st.endswith("ات") else ""):
            if cand and cand in SECTOR_NOUNS and cand not in _NO_POSSESSIVE:
                return cand
    return None


def possessive_head(norm: str) -> bool:
    """True for a sector noun carrying a possessive pronoun (قواتها، حكومته، وقواتهم), not for الحكومة.

    ``norm`` is the normalized word as written (clitics included).
    """
    if norm in SECTOR_NOUNS or (norm.startswith("ال") and norm[2:] in SECTOR_NOUNS):
        return False
    pre, rest = strip_clitics(norm)
    return "ال" not in pre and rest not in SECTOR_NOUNS and _possessed(rest) is not None


def _sector_noun(norm: str) -> tuple[str, str] | None:
    r = _sector_lookup(norm)
    return r[0] if r else None


@dataclass(frozen=True, slots=True)
class ActorPhrase:
    """An actor phrase in a sentence.

    ``tok_start``/``tok_end`` index ``doc.tokens`` (half-open);
    ``start``/``end`` are code-point offsets of the phrase (proclitics of the
    first token excluded). ``prep`` is the normalized preposition governing it
    (a separate word such as ``في``/``علي``, or a proclitic ``ب``/``ل``/``ك``),
    ``""`` when none. ``coord`` is true when the phrase starts with و/ف.
    """

    tok_start: int
    tok_end: int
    start: int
    end: int
    prep: str
    coord: bool
    actor: Actor
    entities: tuple[str, ...]


#: Nouns after which an indefinite sector word is an adjective (مؤتمر صحفي، بيان عسكري), not an actor.
_ADJ_HOSTS = frozenset("مؤتمر مؤتمرا المؤتمر بيان بيانا تصريح تصريحات لقاء لقاءا مقابله تقرير تقريرا عمل مصدر "
                       "اجتماع نشاط طابع".split())


def country_actor(e: Entity, text: str | None = None, span: tuple[int, int] | None = None) -> Actor:
    """The bare-state actor of a GPE/NORP entity: country name, no sector.

    ``span`` is the (start, end) code-point span of ``text`` when ``text`` is
    given (default: the entity's own span, valid when ``text`` is ``None``).
    """
    name = country_name(e.country) if e.label == "NORP" else e.name_en
    if name is None:
        name = e.name_en
    start, end = span if span is not None else ((e.start, e.end) if text is None else (None, None))
    return Actor(text=text if text is not None else e.text, entity=e.id, name_en=name, country=e.country,
                 sector=e.sector if e.label != "GPE" else None, start=start, end=end)


def compose(
    text: str,
    ents: list[Entity],
    head: tuple[str, str] | None,
    refine: str | None,
    aligned: tuple[Entity, str] | None,
    head_word: str | None = None,
) -> Actor:
    """Compose an :class:`Actor` from the parts of one phrase (rules in the module docstring).

    Args:
        text: the phrase as written (``doc.text[start:end]``).
        ents: entities inside the phrase, in order (aligned-with entity excluded).
        head: ``(sector, gloss)`` of the head sector noun, if any.
        refine: a sector from a modifier (وزير الدفاع → MIL), or ``None``.
        aligned: the entity after an aligned-with link and its English verb.
        head_word: the head noun without clitics (for facility heads).
    """
    by = {lab: next((e for e in ents if e.label == lab), None) for lab in ("PER", "ORG", "GPE", "NORP")}
    main = by["PER"] or by["ORG"] or by["GPE"] or by["NORP"]
    country = None
    for e in (by["PER"], by["ORG"], by["GPE"], by["NORP"]):
        if e is not None and e.country:
            country = e.country
            break
    sector = refine or (head[0] if head else None)
    if sector == "FAC":
        sector = _FACILITY_SECTOR.get(head_word or "", None)
    name_en: str | None
    entity_id: str | None
    if main is not None:
        entity_id = main.id
        if main.label in ("PER", "ORG"):
            name_en = main.name_en
        else:
            name_en = country_name(main.country) or main.name_en
        org = by["ORG"]
        if org is not None and (org.sector == "IGO" or (org.name_en in IGO_NAMES)) and main is org:
            sector = "IGO"
        elif sector is None:
            sector = main.sector if main.label in ("PER", "ORG") else None
        if sector is None and head is None and main.label == "NORP" and normalize_prefix(main.text).endswith(("يين", "يون")):
            sector = "CVL"  # a plural nationality noun names people: آلاف السودانيين، السوريين
    else:
        entity_id = None
        name_en = None
    if aligned is not None:
        ae, verb = aligned
        aname = country_name(ae.country) if ae.label == "NORP" else ae.name_en
        gloss = head[1] if head else "groups"
        if main is None:
            name_en = f"{aname or ae.text}-{verb} {gloss}"
            entity_id = None
    return Actor(text=text, entity=entity_id, name_en=name_en, country=country, sector=sector)


def _tok_entities(doc: Document, toks: tuple[Token, ...]) -> list[list[Entity]]:
    out: list[list[Entity]] = [[] for _ in toks]
    if not toks:
        return out
    starts = [t.start for t in toks]
    lo, hi = toks[0].start, toks[-1].end
    for e in doc.entities:
        if e.label not in ("PER", "ORG", "GPE", "NORP", "LOC", "FAC") or e.end <= lo or e.start >= hi:
            continue
        i = max(0, bisect.bisect_right(starts, e.start) - 1)
        while i < len(toks) and toks[i].start < e.end:
            if e.start < toks[i].end:
                out[i].append(e)
            i += 1
    return out


_STARTS: dict[int, tuple[tuple[Token, ...], list[int]]] = {}


def _starts(tokens: tuple[Token, ...]) -> list[int]:
    """Token start offsets, cached per token tuple (the last few documents)."""
    hit = _STARTS.get(id(tokens))
    if hit is not None and hit[0] is tokens:
        return hit[1]
    if len(_STARTS) > 8:
        _STARTS.clear()
    st = [t.start for t in tokens]
    _STARTS[id(tokens)] = (tokens, st)
    return st


def _match_seq(norms: list[str], i: int, seqs: tuple[tuple[str, ...], ...]) -> int:
    """Length of the first sequence of ``seqs`` found at ``norms[i:]`` (0 if none)."""
    for seq in seqs:
        ok = True
        for k, w in enumerate(seq):
            if i + k >= len(norms):
                ok = False
                break
            if norms[i + k] != w:
                ok = False
                break
        if ok:
            return len(seq)
    return 0


_DASHES = frozenset({"-", "–", "—", "ـ"})


def _counted(t: Token) -> bool:
    """True for a cardinal between a preposition and its noun (a digit string or a number word: ست، ثلاثة، عشرات)."""
    from khabar.extract._numwords import NUMBER_WORDS, VAGUE

    return t.kind == "number" or t.norm in NUMBER_WORDS or t.norm in VAGUE


def _dateline(toks: tuple[Token, ...], i: int, ent: Entity) -> bool:
    """True when ``ent`` is a dateline: a GPE opening the sentence and followed by a dash (بغداد - قُتل …).

    A dateline names where the report was filed, never a participant, so it heads no actor phrase.
    """
    if i != 0 or ent.label != "GPE":
        return False
    for t in toks[1:4]:
        if t.start < ent.end:
            continue
        return t.kind != "word" and t.text.strip() in _DASHES
    return False


def find_actor_phrases(doc: Document, sent: Sentence, stop: frozenset[int] = frozenset()) -> list[ActorPhrase]:
    """Actor phrases of one sentence, left to right, non-overlapping.

    Args:
        doc: the document (needs ``tokens``; uses ``entities``).
        sent: the sentence.
        stop: token indices (into ``doc.tokens``) that may not be inside a
            phrase (the event triggers).

    Returns:
        :class:`ActorPhrase` list. LOC/FAC entities never head a phrase (they
        are places), but GPEs do: whether a GPE is an actor or a place is
        decided by the coder from ``prep``.
    """
    first = bisect.bisect_left(_starts(doc.tokens), sent.start)
    idx = []
    for i in range(first, len(doc.tokens)):
        if doc.tokens[i].end > sent.end:
            break
        idx.append(i)
    if not idx:
        return []
    base = idx[0]
    toks = tuple(doc.tokens[i] for i in idx)
    norms = [t.norm for t in toks]
    tents = _tok_entities(doc, toks)
    out: list[ActorPhrase] = []
    n = len(toks)

    short = _short_names(doc, toks[0].start) if toks else {}
    for k in range(n):
        if not tents[k] and toks[k].kind == "word" and (base + k) not in stop:
            hit = short.get(strip_clitics(norms[k])[1] if not norms[k].startswith("ال") else norms[k][2:])
            if hit is not None and (_definite(norms[k]) or norms[k].startswith("ال")):
                # a definite head word of a multi-word organisation named earlier (التحالف الدولي … التحالف)
                tents[k] = [replace(hit, start=toks[k].start, end=toks[k].end, text=doc.text[toks[k].start:toks[k].end])]

    def is_actor_ent(k: int) -> Entity | None:
        for e in tents[k]:
            if e.label in ("PER", "ORG", "GPE", "NORP"):
                return e
        return None

    i = 0
    while i < n:
        if (base + i) in stop or toks[i].kind != "word":
            i += 1
            continue
        ent = is_actor_ent(i)
        if ent is not None and strip_clitics(norms[i])[1] in COUNTERPARTS:
            ent = None  # نظيره read as a name: a possessive noun is never one
        if ent is not None and _dateline(toks, i, ent):
            i += 1
            continue
        sect = _sector_noun(norms[i])
        if ent is None and sect is not None and i > 0 and not norms[i].startswith("ال") and \
                norms[i - 1] in _ADJ_HOSTS:
            sect = None  # an adjective, not an actor: مؤتمر صحفي (press conference), بيان عسكري
        if ent is None and sect is not None and i > 0 and norms[i].startswith("ال") and \
                norms[i][2:] in _NISBA_SECTOR and toks[i - 1].kind == "word" and norms[i - 1] not in PREPOSITIONS and \
                (_definite(norms[i - 1]) or (base + i - 1) in stop):
            sect = None  # a definite nisba after a definite noun is its adjective: التعاون العسكري، المجتمع المدني
        if ent is None and sect is None:
            i += 1
            continue
        # the phrase starts here; proclitics (not the article) stay outside the span
        lk = _sector_lookup(norms[i]) if ent is None else None
        pre = lk[1] if lk else ""
        if pre.endswith("ال"):
            pre = pre[:-2]
        elif pre.endswith("لل"):
            pre = pre[:-1]
        if ent is not None and ent.start > toks[i].start:
            pre = normalize_prefix(doc.text[toks[i].start : ent.start])
        h = i  # the first token of the phrase: an organisation's type noun joins its name (حركة طالبان، حزب الله)
        if ent is not None and ent.label == "ORG" and ent.start >= toks[i].start and not pre and i > 0 and \
                toks[i - 1].kind == "word" and (base + i - 1) not in stop and not tents[i - 1] and \
                strip_clitics(norms[i - 1])[1] in _ORG_TYPE and not _definite(norms[i - 1]):
            h = i - 1
            pre = strip_clitics(norms[h])[0]
        coord = pre.startswith(("و", "ف")) or (h > 0 and norms[h - 1] in ("و", "ف"))
        prep = ""
        pre_core = pre.lstrip("وف")
        if pre_core[:1] in ("", "ل") and h > 0 and toks[h - 1].kind == "word" and (base + h - 1) not in stop and \
                not is_actor_ent(h - 1) and (_holding(norms[h - 1]) or strip_clitics(norms[h - 1])[1] in _PLACE_NOUNS):
            # the owner of what is attacked or held stands in its place: ضد مواقع تنظيم داعش، قافلة للجيش
            prep = _governor(toks, norms, h - 1)
        elif pre_core[:1] == "ل" and h > 0 and norms[h - 1] in _BELONGING:
            prep = ""  # مستودعا للأسلحة تابعا لحركة حماس: the owner of what was hit stands in its place
        elif pre_core[:1] in ("ب", "ل", "ك"):
            prep = pre_core[:1]
        elif h > 1 and norms[h - 1] == "حق" and norms[h - 2] == "في":
            prep = "بحق"  # في حق X = بحق X: against X
        elif h > 1 and norms[h - 1] == "من" and _counted(toks[h - 2]):
            prep = _governor(toks, norms, h - 2)  # ثلاثة من عناصرها، اثنين من المهاجمين: the counted group itself
        elif h > 0 and norms[h - 1] in PREPOSITIONS:
            prep = norms[h - 1]
        elif h > 1 and norms[h - 2] in PREPOSITIONS and _counted(toks[h - 1]):
            prep = norms[h - 2]  # a counted phrase keeps its governor: على ست شركات، ضد ثلاثة فصائل
        elif h > 1 and ent is not None and ent.label == "NORP" and norms[h - 2] in PREPOSITIONS and \
                toks[h - 1].kind == "word" and (base + h - 1) not in stop and not is_actor_ent(h - 1) and \
                _sector_noun(norms[h - 1]) is None:
            prep = norms[h - 2]  # the nationality of a governed noun: مع نظيره السعودي، مع الشعب السوري
        ents: list[Entity] = []
        head = sect
        refine: str | None = None
        aligned: tuple[Entity, str] | None = None
        last = i
        if ent is not None:
            for e3 in tents[i]:
                if e3.label in ("PER", "ORG", "GPE", "NORP") and e3 not in ents:
                    ents.append(e3)
        head_word = strip_clitics(norms[i])[1] if sect is not None else None
        # a head with the article or a possessive pronoun is definite (الحكومة، رئيسها): it takes no genitive name
        definite_head = sect is not None and ("ال" in strip_clitics(norms[i])[0] or norms[i].startswith("ال")
                                              or possessive_head(norms[i]))
        j = i + 1
        gaps = 0
        while j < n:
            t = toks[j]
            if (base + j) in stop or t.kind != "word":
                break
            nj = norms[j]
            if nj in ("و", "ف") or (nj.startswith(("و", "ف")) and _sector_noun(nj) and not is_actor_ent(j)):
                break
            e2 = is_actor_ent(j)
            if e2 is not None and e2 in ents:  # a nested entity of a token already in the phrase
                for e3 in tents[j]:
                    if e3.label in ("PER", "ORG", "GPE", "NORP") and e3 not in ents:
                        ents.append(e3)
                last = j
                j += 1
                continue
            if strip_clitics(nj)[1] in COUNTERPARTS:
                break  # نظيره (his counterpart) starts the object, even when read as a name
            if e2 is not None and e2.start == t.start and nj[:1] in ("ب", "ل") and _sector_noun(nj[1:]) is not None:
                break  # a preposition + title read as a name (بقائد الجيش): a governed phrase of its own
            if e2 is not None:
                if ent is not None and head is None and ent.label == "NORP" and e2.label == "PER" and j == i + 1:
                    pass  # nationality + name in apposition: (نظيره) السعودي فيصل بن فرحان
                elif (ent is not None and head is None) or (definite_head and e2.label not in ("NORP", "PER")):
                    break  # a complete definite NP takes no genitive: الحكومة الأردنية | الأمم المتحدة
                if e2.start > t.start and normalize_prefix(doc.text[t.start : e2.start]).startswith(("و", "ف")):
                    break  # coordinated: واليمن
                if e2.start > t.start and normalize_prefix(doc.text[t.start : e2.start])[:1] in ("ب", "ل", "ك", "م"):
                    break  # governed by a preposition: a place or a recipient
                for e3 in tents[j]:
                    if e3.label in ("PER", "ORG", "GPE", "NORP") and e3 not in ents:
                        ents.append(e3)
                last = j
                gaps = 0
                j += 1
                continue
            s2 = _sector_noun(nj)
            if s2 is not None and nj.startswith("ال") and head is not None and j > i + 1 and \
                    any(e.label == "NORP" or (e in ents and e.end <= toks[j - 1].end) for e in tents[j - 1]) and \
                    j + 1 < n and any(e.label in ("NORP", "GPE") for e in tents[j + 1]):
                # a definite NP closed by its nationality adjective, or a whole name, is complete, and a
                # definite actor noun with a nationality of its own starts the next actor (the object):
                # اتهمت وزارة الخارجية الفلسطينية | القوات الإسرائيلية
                break
            if s2 is not None and nj.startswith("ال") and head is not None and j > i + 1 and \
                    any(e.label == "NORP" for e in tents[j - 1]) and nj[2:] not in _NISBA_SECTOR and \
                    not (j + 1 < n and any(e.label == "PER" for e in tents[j + 1])):
                # a nationality closes a definite NP: the next definite actor noun is another actor
                # (طالب نواب في البرلمان العراقي | الحكومة); a title before a name stays (… الأمريكية الجنرال X)
                break
            if s2 is not None and definite_head and j == i + 1 and nj.startswith("ال") and nj[2:] not in _NISBA_SECTOR:
                break  # two definite nouns are two phrases: استدعت الخارجية | السفير الإيراني
            if s2 is not None and ent is not None and head is None and ent.label in ("GPE", "ORG") and \
                    is_actor_ent(i) is ent:
                break  # a state or body name heads no construct: تدعم إيران | نظام الأسد، إيران | الحكومة السورية
            if s2 is not None and not nj.startswith(("ب", "ل")):
                if head is None:
                    head = s2
                elif s2[0] == "MIL" and head[0] == "GOV" and strip_clitics(nj)[1] in ("دفاع",):
                    refine = "MIL"
                last = j
                gaps = 0
                j += 1
                continue
            bare_j = strip_clitics(nj)[1]
            if nj in _SECTOR_MODIFIERS or bare_j in _SECTOR_MODIFIERS or "ال" + bare_j in _SECTOR_MODIFIERS:
                r = _SECTOR_MODIFIERS.get(nj) or _SECTOR_MODIFIERS.get(bare_j) or _SECTOR_MODIFIERS.get("ال" + bare_j) or ""
                if r:
                    refine = r
                last = j
                gaps = 0
                j += 1
                continue
            k = _match_seq(norms, j, _LED_BY)
            if k and j + k < n and is_actor_ent(j + k) is not None:
                ents.append(is_actor_ent(j + k))  # type: ignore[arg-type]
                last = j + k
                j = j + k + 1
                gaps = 0
                continue
            k = _match_seq(norms, j, _ALIGNED)
            if k and j + k < n and is_actor_ent(j + k) is not None:
                ae = is_actor_ent(j + k)
                assert ae is not None
                aligned = (ae, _ALIGNED_EN.get(norms[j], "aligned"))
                last = j + k
                j = j + k + 1
                gaps = 0
                continue
            if nj in _MODIFIERS or bare_j in _IDAFA or nj in _IDAFA:
                last = j
                gaps = 0
                j += 1
                continue
            if nj.startswith("ال") and nj not in PREPOSITIONS and gaps < 2 and head is not None:
                gaps += 1
                j += 1
                continue
            break
        # entities that are only places (LOC/FAC) or aligned ones are not in ents; GPE-only phrase with a prep stays
        if h < i:
            s_off = toks[h].start + len_prefix(doc.text, toks[h], pre)
        else:
            s_off = ent.start if ent is not None and ent.start >= toks[i].start else toks[i].start + len_prefix(doc.text, toks[i], pre)
        e_off = toks[last].end
        for e in ents:
            if e.end > e_off:
                e_off = e.end
        text = doc.text[s_off:e_off]
        actor = replace(compose(text, ents, head, refine, aligned, head_word), start=s_off, end=e_off)
        if coord and not prep and out and out[-1].tok_end >= base + i - 1:
            prep = out[-1].prep  # coordinated with the previous phrase: same governor (في العراق واليمن)
        if coord and ent is not None and ent.label == "NORP" and head is None and last == i and out and \
                out[-1].tok_end == base + i and out[-1].actor.sector and out[-1].actor.country != ent.country:
            # a co-ordinated nationality is a second party of the same kind: القوات الأردنية والمصرية
            actor = replace(actor, sector=out[-1].actor.sector)
        out.append(ActorPhrase(base + h, base + last + 1, s_off, e_off, prep, coord, actor, tuple(e.id for e in ents)))
        i = last + 1
    return _attach(doc, toks, norms, base, out, stop)


#: Definite nisba adjectives that are also sector nouns (العسكري "the soldier" / "military").
_NISBA_SECTOR = frozenset(("عسكري", "عسكريه", "مدني"))
#: Nouns for what an actor holds or uses (positions, bases, convoys, ships): an attack on them is an
#: attack on their owner (قصف مواقع تنظيم داعش، هاجم قافلة للجيش). Indefinite (construct) only.
_HOLDING = frozenset("مواقع موقع مقر مقرات معاقل معقل تجمعات تجمع قافله قوافل منشات منشاه مصالح اهداف سفن سفينه "
                     "ناقله ناقلات دوريه دوريات اليات مركبات عربات ثكنه ثكنات مخازن مخزن مستودعات مستودع نقاط نقطه مراكز مكاتب "
                     "مكتب مخيمات قاعده قواعد".split())
#: نظير/نظيرة/نظراء with a possessive pronoun (normalized); bare نظير is also "in return for".
COUNTERPARTS = frozenset("نظيره نظيرها نظيرهم نظيرتها نظيرته نظيرتهم نظيريه نظيريها نظراءه نظرائه نظرائها نظرائهم".split())
#: "belonging to" before an owner (تابعا لحركة حماس).
_BELONGING = frozenset("تابع تابعا تابعه التابع التابعه تابعين التابعين تابعتين".split())
#: Nouns for a kind of organisation before its name (حركة طالبان، حزب الله، جبهة النصرة).
_ORG_TYPE = frozenset("حركه حزب جبهه منظمه هيئه جمعيه ائتلاف مجموعه".split())
#: Nouns for a kind of place before its name (في مدينة بورتسودان، بمحافظة الأنبار): the name keeps their governor.
_PLACE_NOUNS = frozenset("مدينه بلده قريه محافظه منطقه ولايه اقليم مخيم ميناء عاصمه".split())
#: Nouns for one member of a group: قيادي في حركة النجباء، نواب في البرلمان، عناصر من الجيش → the group.
_MEMBER_NOUNS = frozenset("قيادي قياديا قياديين قياديون قياديه عضو عضوا اعضاء عنصر عنصرا عناصر نائب نواب مسؤول "
                          "مسؤولا مسؤولين مسؤولون قائد قائدا قاده ضابط ضابطا ضباط جندي جنديا جنود مقاتل مقاتلا "
                          "مقاتلين مقاتلون ناشط ناشطا ناشطين موظف موظفا موظفين دبلوماسي دبلوماسيا دبلوماسيين "
                          "مستشار مستشارا زعيم زعماء مسلح مسلحا مسلحين مسلحون".split())
#: Nouns for a spokesperson: المتحدث باسم الجيش → the army.
_SPOKES = frozenset("متحدث متحدثه ناطق ناطقه".split())
_FAC_HEADS = frozenset(("مطار", "مطارات", "منشاه", "منشات", "مقر", "ميناء", "قاعده", "قواعد", "معسكر"))


_SHORT: dict[int, tuple[tuple[Entity, ...], dict[int, dict[str, Entity]]]] = {}


def _short_names(doc: Document, before: int) -> dict[str, Entity]:
    """Head word (normalized, no article) → the latest multi-word organisation with an English name that starts
    with it before offset ``before`` (التحالف ← التحالف الدولي). Heads that are sector nouns are left out."""
    hit = _SHORT.get(id(doc.entities))
    if hit is None or hit[0] is not doc.entities:
        _SHORT.clear()
        hit = (doc.entities, {})
        _SHORT[id(doc.entities)] = hit
    cache = hit[1]
    if before in cache:
        return cache[before]
    out: dict[str, Entity] = {}
    for e in doc.entities:
        if e.start >= before:
            break
        if e.label != "ORG" or not e.name_en or " " not in e.text.strip():
            continue
        w = normalize_prefix(e.text.split()[0])
        w = w[2:] if w.startswith("ال") else w
        if len(w) >= 4 and w not in SECTOR_NOUNS:
            out[w] = e
    cache[before] = out
    return out


def _definite(norm: str) -> bool:
    return norm.startswith("ال") or "ال" in strip_clitics(norm)[0]


def _holding(norm: str) -> bool:
    pre, rest = strip_clitics(norm)
    if "ال" in pre or norm.startswith("ال"):
        return False
    return rest in _HOLDING or norm in _HOLDING or (rest.endswith("ا") and rest[:-1] in _HOLDING)  # مقرا، موقعا


def _governor(toks: tuple[Token, ...], norms: list[str], k: int) -> str:
    """The preposition governing token ``k`` (a proclitic ب/ل/ك, the word before, or the word before a
    cardinal), ``""`` when none."""
    pre = strip_clitics(norms[k])[0].lstrip("وف")
    if pre[:1] in ("ب", "ل", "ك") and norms[k] not in _HOLDING:
        return pre[:1]
    if k > 0 and norms[k - 1] in PREPOSITIONS:
        return norms[k - 1]
    if k > 1 and norms[k - 2] in PREPOSITIONS and _counted(toks[k - 1]):
        return norms[k - 2]
    return ""


def member_word(norm: str) -> bool:
    """A noun for a member of a group (قيادي، عناصر، جنود), with or without clitics or a possessive (عناصرها)."""
    rest = strip_clitics(norm)[1]
    if norm in _MEMBER_NOUNS or rest in _MEMBER_NOUNS or (norm.startswith("ال") and norm[2:] in _MEMBER_NOUNS):
        return True
    st = _possessed(rest)
    return st is not None and st in _MEMBER_NOUNS


_member_word = member_word


def _attach(doc: Document, toks: tuple[Token, ...], norms: list[str], base: int, out: list[ActorPhrase],
            stop: frozenset[int]) -> list[ActorPhrase]:
    """Phrases that stand for a group they name after a preposition, and facilities for their owner.

    * a member of a group is coded as the group: قيادي في حركة النجباء، نواب في البرلمان العراقي، عناصر
      من الجيش، المتحدث باسم الجيش → the group's actor over the whole span;
    * an indefinite facility followed by its owner (على مقر لهيئة الحشد الشعبي) gives its governor to
      the owner and is dropped.
    """
    res: list[ActorPhrase] = []
    k = 0
    while k < len(out):
        q = out[k]
        qs = q.tok_start - base
        groupish = q.actor.sector not in (None, "CVL") or any(doc.entity(e) is not None and doc.entity(e).label == "ORG"
                                                            for e in q.entities)
        head_q = strip_clitics(norms[qs])[1]
        link = norms[qs - 1] if qs > 0 else ""
        if groupish and head_q not in _FAC_HEADS and qs >= 2 and (q.prep in ("في", "من", "ب") or link == "باسم"):
            m = qs - 2 if q.prep in ("في", "من") or link == "باسم" else qs - 1
            prev = res[-1] if res else None
            if q.prep == "ب" and prev is not None and prev.tok_end == q.tok_start and _member_word(norms[prev.tok_end - 1 - base]):
                m = prev.tok_end - 1 - base
            spokes = link == "باسم" and prev is not None and prev.tok_end - base == m + 1 and \
                strip_clitics(norms[prev.tok_start - base])[1] in _SPOKES
            if m >= 0 and toks[m].kind == "word" and (base + m) not in stop and (_member_word(norms[m]) or spokes):
                if prev is not None and prev.tok_end - base == m + 1 and prev.tok_start - base <= m:
                    s_off, start_tok, prep, coord = prev.start, prev.tok_start, prev.prep, prev.coord
                    res.pop()
                else:
                    p0 = strip_clitics(norms[m])[0]
                    p0 = p0[:-2] if p0.endswith("ال") else p0
                    s_off = toks[m].start + len_prefix(doc.text, toks[m], p0)
                    start_tok = base + m
                    coord = p0.startswith(("و", "ف")) or (m > 0 and norms[m - 1] in ("و", "ف"))
                    prep = _governor(toks, norms, m)
                actor = replace(q.actor, text=doc.text[s_off:q.end], start=s_off, end=q.end)
                res.append(ActorPhrase(start_tok, q.tok_end, s_off, q.end, prep, coord, actor, q.entities))
                k += 1
                continue
        if res and (q.prep in ("", "ل") or q.prep == res[-1].prep) and res[-1].tok_end == q.tok_start and \
                not res[-1].entities and strip_clitics(norms[res[-1].tok_start - base])[1] in _FAC_HEADS and \
                not _definite(norms[res[-1].tok_start - base]) and res[-1].tok_end - res[-1].tok_start == 1:
            fac = res.pop()
            q = replace(q, prep=fac.prep, coord=fac.coord)
        res.append(q)
        k += 1
    return res


@lru_cache(maxsize=1024)
def normalize_prefix(s: str) -> str:
    """The normalized form of a short proclitic string (diacritics dropped)."""
    from khabar.text.normalize import normalize_token

    return normalize_token(s).strip()


def len_prefix(text: str, tok: Token, pre: str) -> int:
    """How many original code points of ``tok`` the normalized prefix ``pre`` covers."""
    if not pre:
        return 0
    from khabar.text.normalize import normalize

    nt = normalize(tok.text)
    if len(pre) >= len(nt.text):
        return 0
    return nt.to_original[len(pre)]
