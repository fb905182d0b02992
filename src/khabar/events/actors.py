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
    "IGO_NAMES",
    "find_actor_phrases",
    "compose",
    "country_actor",
    "strip_clitics",
]

#: Sector nouns (normalized, no article) → (sector, English gloss).
SECTOR_NOUNS: dict[str, tuple[str, str]] = {}
_SECT_SRC = {
    "MIL": "قوات قوه جيش جيوش جنود جندي جنديا جنديان جنديين عسكريين عسكريون عسكري ضابط ضباط قائد قاده قائدا "
    "بحريه سلاح وحدات مقاتلات كتيبه لواء فرقه قطعات الجنرال جنرال اركان رئيس_اركان وزاره_الدفاع وزير_الدفاع "
    "وزيره_الدفاع وزراء_الدفاع البنتاغون مستشارين مدربين",
    "GOV": "حكومه حكومات وزاره وزارات وزير وزيره وزيرا وزراء وزيران الوزيران الوزيرين رئيس رئيسه رؤساء ملك امير "
    "سلطات السلطات مسؤول مسؤولون مسؤولين مسؤولا دبلوماسي دبلوماسيون دبلوماسيين سفير سفيره سفراء سفاره "
    "متحدث متحدثه ناطق برلمان نواب نائب مجلس شرطه الشرطه امن مخابرات استخبارات اجهزه نظام ادارة اداره "
    "الخارجيه خارجيه بلديه محافظ حاكم قاضي محكمه",
    "REB": "فصائل فصيل مسلحون مسلحين مسلحين مسلح ميليشيات ميليشيا مليشيات مليشيا متمردون متمردين متمرد مقاتلون "
    "مقاتلين جماعه جماعات تنظيم عناصر ارهابيون ارهابيين انفصاليون انفصاليين",
    "CVL": "متظاهرون متظاهرين محتجون محتجين مدنيون مدنيين مدني مدنيا مواطنون مواطنين سكان اهالي لاجئون لاجئين "
    "متعاقد متعاقدين ناشطون ناشطين طلاب عمال نقابه نقابات",
    "MED": "صحفي صحفيون صحفيين صحفيا اعلاميين اعلاميون مراسل مراسلون",
    "OPP": "معارضه المعارضه معارضون معارضين",
    "BUS": "شركه شركات رجال_اعمال",
    "FAC": "مطار مطارات سفاره سفارات قنصليه قاعده قواعد معسكر منشاه منشات مقر ميناء",
}
_GLOSS = {
    "MIL": "forces", "GOV": "government", "REB": "armed groups", "CVL": "civilians",
    "MED": "journalists", "OPP": "opposition", "BUS": "companies", "FAC": "facility",
}
_SPECIFIC_GLOSS = {"فصائل": "armed factions", "ميليشيات": "militias", "مليشيات": "militias",
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
    "العسكريه المسلحه مسلحه الامنيه الامن امن العليا الوطني الوطنيه النظاميه".split()
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
    "تجاه ازاء لصالح بشان اثر عقب قبل بعد لدى حتي".split()
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
    if rest.endswith(("ها", "هم")) and rest[:-2] in SECTOR_NOUNS:  # قواتها
        return SECTOR_NOUNS[rest[:-2]], pre
    return None


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
    name = COUNTRY_NAMES.get(e.country or "", None) if e.label == "NORP" else e.name_en
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
            name_en = COUNTRY_NAMES.get(main.country or "") or main.name_en
        org = by["ORG"]
        if org is not None and (org.sector == "IGO" or (org.name_en in IGO_NAMES)) and main is org:
            sector = "IGO"
        elif sector is None:
            sector = main.sector if main.label in ("PER", "ORG") else None
    else:
        entity_id = None
        name_en = None
    if aligned is not None:
        ae, verb = aligned
        aname = COUNTRY_NAMES.get(ae.country or "") if ae.label == "NORP" else ae.name_en
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
        if ent is not None and _dateline(toks, i, ent):
            i += 1
            continue
        sect = _sector_noun(norms[i])
        if ent is None and sect is not None and i > 0 and not norms[i].startswith("ال") and \
                norms[i - 1] in _ADJ_HOSTS:
            sect = None  # an adjective, not an actor: مؤتمر صحفي (press conference), بيان عسكري
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
        coord = pre.startswith(("و", "ف")) or (i > 0 and norms[i - 1] in ("و", "ف"))
        prep = ""
        pre_core = pre.lstrip("وف")
        if pre_core[:1] in ("ب", "ل", "ك"):
            prep = pre_core[:1]
        elif i > 0 and norms[i - 1] in PREPOSITIONS:
            prep = norms[i - 1]
        elif i > 1 and norms[i - 2] in PREPOSITIONS and _counted(toks[i - 1]):
            prep = norms[i - 2]  # a counted phrase keeps its governor: على ست شركات، ضد ثلاثة فصائل
        elif i > 1 and ent is not None and ent.label == "NORP" and norms[i - 2] in PREPOSITIONS and \
                toks[i - 1].kind == "word" and (base + i - 1) not in stop and not is_actor_ent(i - 1) and \
                _sector_noun(norms[i - 1]) is None:
            prep = norms[i - 2]  # the nationality of a governed noun: مع نظيره السعودي، مع الشعب السوري
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
        definite_head = sect is not None and ("ال" in strip_clitics(norms[i])[0] or norms[i].startswith("ال"))
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
        s_off = ent.start if ent is not None and ent.start >= toks[i].start else toks[i].start + len_prefix(doc.text, toks[i], pre)
        e_off = toks[last].end
        for e in ents:
            if e.end > e_off:
                e_off = e.end
        text = doc.text[s_off:e_off]
        actor = replace(compose(text, ents, head, refine, aligned, head_word), start=s_off, end=e_off)
        if coord and not prep and out and out[-1].tok_end >= base + i - 1:
            prep = out[-1].prep  # coordinated with the previous phrase: same governor (في العراق واليمن)
        out.append(ActorPhrase(base + i, base + last + 1, s_off, e_off, prep, coord, actor, tuple(e.id for e in ents)))
        i = last + 1
    return out


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
