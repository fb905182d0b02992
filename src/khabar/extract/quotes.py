"""Quotations (direct and indirect speech) with speakers and cue verbs, and attributions.

Two extractors, both ``Document -> tuple[record, ...]`` (see ``docs/quotes.md``):

* :func:`find_quotes` — direct quotes between quotation marks (“ ” « » „ " ' ‘ ’,
  a closing mark used as an opener, quotes left unclosed) and indirect speech
  introduced by a reporting (cue) verb and a complementizer (قال … إن …,
  لفت … إلى أن …), with the speaker (the cue's subject, resolved to an entity
  where possible) and the cue as written.
* :func:`find_attributions` — sourcing phrases (بحسب ما نقلته رويترز عن …,
  نقلت وكالة X عن …, ذكرت صحيفة X, قالت مصادر لـ X) with the English name of
  the outlet.

All offsets are code points into ``Document.text``, half-open; every record's
``text`` equals ``doc.text[start:end]``. Matching runs on token matching forms
and on :func:`khabar.text.normalize.normalize` output; lexicons and automata are
built once (module-level ``lru_cache``).

Sources for the rules: reporting verbs and their إنّ/أنّ complements follow
Ryding, *A Reference Grammar of Modern Standard Arabic* (CUP 2005, ch. 18); the
quote / cue / source decomposition follows the PARC 3.0 attribution scheme
(Pareti, *Language Resources and Evaluation* 50, 2016); pro-drop subject
inheritance is the standard null-subject treatment of Arabic verbs.

Speakers the entity module cannot name (issue 10, third pass; docs/quotes.md): a name in
apposition after a title closed by an adjective, compound given names (عبد الله + family name),
groups (منظمات المجتمع المدني) and bodies (خلية الإعلام الأمني) named in English from their parts,
outlet names in Latin letters, and people outside the KB spelled by their country's convention
(:func:`khabar.extract.names_en.name_en`, Maghreb French-based and Turkish spellings).

Fourth pass (docs/quotes.md "Fourth pass"): participle clauses take the main clause's subject (after a
fronted adjunct, with participle agreement), outlets spoken to and circumstantial words are never
speakers, a letter's writer speaks rather than its reader, and first-person speech (قلنا، وعدنا … بأننا)
is the writer's (``name_en`` :data:`NARRATOR`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from khabar.doc import Attribution, Dateline, Document, Entity, Quote, Sentence, Speaker, Token
from khabar.extract.names_en import convention, name_en
from khabar.text.matcher import PhraseMatcher
from khabar.text.normalize import normalize, normalize_phrase, normalize_token
from khabar.text.segment import split_sentences, tokenize

__all__ = ["find_quotes", "find_attributions", "find_dateline", "Cue", "cue_lexicon"]

# ---------------------------------------------------------------------------
# lexicons
# ---------------------------------------------------------------------------

#: Inflection endings allowed after each stem class (normalized forms; ة is folded to ه).
PERF_SUFFIXES: tuple[str, ...] = ("ت", "وا", "ا", "تا", "ن", "نا")
IMPF_SUFFIXES: tuple[str, ...] = ("ون", "ان", "ين", "وا", "ن")
PART_SUFFIXES: tuple[str, ...] = ("ا", "ه", "ين", "ون", "ان", "تان", "تين", "ات")
IMPF_PREFIXES: tuple[str, ...] = ("ي", "ت", "ن", "ا")


@dataclass(frozen=True, slots=True)
class Cue:
    """A lexicon entry: the citation ``lemma`` (as written, with hamza), its ``form``
    (perf / impf / part / full) and an English ``gloss``."""

    lemma: str
    form: str
    gloss: str


@lru_cache(maxsize=1)
def cue_lexicon() -> tuple[tuple[str, Cue], ...]:
    """The rows of ``data/cues.tsv`` as ``(surface stem, Cue)`` pairs.

    Imperfect stems are expanded with the person prefixes ي ت ن ا; inflection
    endings are left to the matcher (``PhraseMatcher(..., suffixes=...)``).
    """
    text = resources.files("khabar.data").joinpath("cues.tsv").read_text(encoding="utf-8")
    out: list[tuple[str, Cue]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, form, stems, gloss = line.split("\t")
        cue = Cue(lemma, form, gloss)
        for stem in stems.split():
            if form == "impf":
                out.extend((p + stem, cue) for p in IMPF_PREFIXES)
            else:
                out.append((stem, cue))
    return tuple(out)


@lru_cache(maxsize=1)
def _cue_matchers() -> tuple[PhraseMatcher[Cue], ...]:
    """One automaton per inflection class (each class allows its own endings)."""
    rows = cue_lexicon()
    by_form: dict[str, list[tuple[str, Cue]]] = {}
    for stem, cue in rows:
        by_form.setdefault(cue.form, []).append((stem, cue))
    suff = {"perf": PERF_SUFFIXES, "impf": IMPF_SUFFIXES, "part": PART_SUFFIXES, "full": ()}
    return tuple(
        PhraseMatcher(items, future=(form == "impf"), suffixes=suff[form]) for form, items in by_form.items()
    )


def _n(s: str) -> str:
    return normalize_phrase(s)


def _nset(words: str) -> frozenset[str]:
    return frozenset(_n(w) for w in words.split())


#: Complementizers that open reported content (normalized; pronoun enclitics included).
_COMP_PRON = ("", "ه", "ها", "هم", "هما", "هن", "ني", "نا", "ك", "كم")
COMPLEMENTIZERS: frozenset[str] = frozenset(
    [b + p for b in ("ان", "بان", "لان") for p in _COMP_PRON if b != "لان"] + ["ان" + p for p in _COMP_PRON]
)
#: Prepositions a complementizer may lean on (أشار إلى أن، شدد على أن، كشف عن أن، حذر من أن).
COMP_PREPS: frozenset[str] = _nset("إلى على عن من في")

#: Free prepositions (an NP right after one is not a subject).
PREPOSITIONS: frozenset[str] = _nset(
    "في من إلى على عن مع عبر خلال منذ بعد قبل أمام لدى لدي حول ضد نحو دون بين عند باسم وفق حسب بحسب إثر تجاه لـ "
    # adverbial prepositions of time and place (وقال عقب لقائه …، أثناء زيارته، وسط تصفيق …)
    "عقب أثناء وسط قبيل بعيد إزاء حيال جراء فور داخل خارج قرب"
)
#: Words skipped when looking for a post-verbal subject (adverbs, time words, particles, pronoun objects).
SKIP_WORDS: frozenset[str] = _nset(
    "أمس اليوم غدا الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد مساء صباح ظهر ليلة الليلة "
    "الماضي الماضية المقبل يوم أيضا كذلك رسميا مجددا حاليا سابقا لاحقا قد لقد فيه فيها له لها لهم فيهم "
    "بدوره بدورها من جهته من جهتها جهته جهتها "
    # pronoun objects of the first and second person (قال لي …، قال لنا ضابط …: the hearer, never the speaker)
    # and the nouns of الأسبوع الماضي / الشهر المقبل
    "لي لنا لك لكم الأسبوع الشهر"
)

#: Words that may stand between a cue verb and a short quote (قالت فيه: …، قال لهم …).
_GAP_WORDS: frozenset[str] = SKIP_WORDS | COMP_PREPS | _nset("لهم لنا لي له لها لكم")

#: Source nouns (common-noun speakers) -> English (singular, plural).
_SOURCE_NOUNS: dict[str, str] = {
    "مسؤول": "official", "مسئول": "official", "دبلوماسي": "diplomat", "مصدر": "source",
    "شاهد": "witness", "ناشط": "activist", "محلل": "analyst", "خبير": "expert", "مراقب": "observer",
    "مسعف": "paramedic", "طبيب": "doctor", "مواطن": "citizen", "ضابط": "officer", "عسكري": "military official",
    "مشرع": "lawmaker", "نائب": "lawmaker", "مقرب": "person close", "مطلع": "insider", "متحدث": "spokesperson",
    "متحدثه": "spokesperson", "مسؤوله": "official", "ساكن": "resident", "محقق": "investigator",
    "دبلوماسيه": "diplomat", "باحث": "researcher", "صحفي": "journalist", "مراسل": "correspondent",
    "تاجر": "trader", "ناج": "survivor", "ناجي": "survivor", "ناجيه": "survivor", "مزارع": "farmer", "عامل": "worker",
    "موظف": "employee", "متظاهر": "protester", "محتج": "protester", "لاجئ": "refugee", "نازح": "displaced person",
    "قيادي": "leader", "عضو": "member", "ممرض": "nurse",
}
_SOURCE_PLURALS: dict[str, str] = {
    "مصادر": "source", "شهود": "witness", "نشطاء": "activist", "ناشطين": "activist", "خبراء": "expert",
    "سكان": "resident", "اهالي": "resident", "اطباء": "doctor", "ضباط": "officer", "نواب": "lawmaker",
    "مقربون": "person close", "مقربين": "person close", "محققون": "investigator", "صحفيون": "journalist",
    "مراسلون": "correspondent", "باحثون": "researcher", "تجار": "trader", "ناجين": "survivor", "ناجون": "survivor",
    "ناجيات": "survivor", "مزارعون": "farmer", "مزارعين": "farmer", "عمال": "worker", "لاجئون": "refugee",
    "لاجئين": "refugee", "نازحون": "displaced person", "نازحين": "displaced person", "سكانا": "resident",
    "مسؤولين": "official", "مسؤولون": "official", "مسؤولان": "official", "اعضاء": "member", "قياديين": "leader",
    "قياديون": "leader", "مراقبون": "observer", "مراقبين": "observer", "محللون": "analyst", "محللين": "analyst",
}
#: Adjectives qualifying a source noun (stem without ال / gender / number endings) -> English.
_SOURCE_ADJ: dict[str, str] = {
    "امني": "security", "عسكري": "military", "طبي": "medical", "دبلوماسي": "diplomatic", "حكومي": "government",
    "مطلع": "informed", "محلي": "local", "رسمي": "official", "سياسي": "political", "قضائي": "judicial",
    "عيان": "", "كبير": "senior", "بارز": "senior",
    # qualifiers of groups and bodies (منظمات حقوقية، فصائل مسلحة، وكالات الإغاثة الدولية)
    "حقوقي": "rights", "إنساني": "humanitarian", "انساني": "humanitarian", "مسلح": "armed", "دولي": "international",
    "أهلي": "community", "اهلي": "community", "نسائي": "women's", "طلابي": "student", "عمالي": "labour",
    "نقابي": "trade union", "إغاثي": "relief", "اغاثي": "relief", "خيري": "charity", "بيئي": "environmental",
    "إعلامي": "media", "اعلامي": "media", "معارض": "opposition", "إسلامي": "Islamist", "اسلامي": "Islamist",
    "صحي": "health", "اقتصادي": "economic", "قانوني": "legal",
}
_EN_PLURAL_IRREGULAR = {"witness": "witnesses", "person close": "people close", "military official": "military officials",
                        "fisherman": "fishermen", "man": "men"}

# more people named as a group (issue 10, third pass): the singular stems _singular() inflects
_SOURCE_NOUNS.update({_n(k): v for k, v in {
    "محام": "lawyer", "محامي": "lawyer", "معلم": "teacher", "مهندس": "engineer", "مقاتل": "fighter",
    "مستوطن": "settler", "صياد": "fisherman", "ناخب": "voter", "مسعف": "paramedic", "معارض": "opposition figure",
    "مدون": "blogger", "أستاذ": "professor", "قاض": "judge", "سائق": "driver", "مقيم": "resident",
    "مستثمر": "investor", "اقتصادي": "economist", "متطوع": "volunteer", "مشجع": "fan",
    "بائع": "vendor", "مؤيد": "supporter",
}.items()})
_SOURCE_PLURALS.update({_n(k): v for k, v in {
    "ناشطون": "activist", "ناشطات": "activist", "طلاب": "student", "طلبة": "student", "قضاة": "judge",
    "جنود": "soldier", "أقارب": "relative", "عائلات": "family", "أسر": "family", "سكانها": "resident",
    "محامون": "lawyer", "محامين": "lawyer", "أساتذة": "professor", "متطوعون": "volunteer",
    "اقتصاديون": "economist", "اقتصاديين": "economist", "شهود": "witness",
    "أنصار": "supporter", "مؤيدو": "supporter", "مؤيدي": "supporter", "باعة": "vendor",
}.items()})
#: Plural bodies that speak as a group (منظمات، شركات، فصائل) -> English singular head. Not anonymous:
#: they are bodies, not unnamed people.
_BODY_PLURALS: dict[str, str] = {_n(k): v for k, v in {
    "منظمات": "organization", "جماعات": "group", "جمعيات": "association", "نقابات": "union", "أحزاب": "party",
    "فصائل": "faction", "هيئات": "body", "شركات": "company", "وكالات": "agency", "حركات": "movement",
    "قوى": "force", "مؤسسات": "institution", "لجان": "committee", "اتحادات": "union", "وسائل": "outlet",
    "دول": "country", "حكومات": "government", "بنوك": "bank", "مصارف": "bank", "مستشفيات": "hospital",
}.items()}
#: Group nouns with a genitive that English names with one word (anonymous, like source nouns).
_GROUP_PHRASES: dict[tuple[str, str], str] = {
    (_n(a), _n(b)): en for a, b, en in (
        ("رجال", "الإنقاذ", "rescuers"), ("رجال", "الإطفاء", "firefighters"), ("رجال", "الأعمال", "businessmen"),
        ("رجال", "الدين", "clerics"), ("رجال", "الأمن", "security personnel"), ("عمال", "الإغاثة", "aid workers"),
        ("عناصر", "الأمن", "security personnel"), ("ذوو", "الضحايا", "victims' relatives"),
        ("ذوي", "الضحايا", "victims' relatives"), ("أهالي", "الضحايا", "victims' relatives"),
        ("أهالي", "المعتقلين", "detainees' relatives"), ("أسر", "الضحايا", "victims' families"),
        ("أولياء", "أمور", "parents"), ("أولياء", "الأمور", "parents"),
        ("عائلات", "الرهائن", "hostages' families"), ("عائلات", "الأسرى", "prisoners' families"),
    )
}
#: Indefinite singular bodies described by an adjective or a genitive (منظمة حقوقية -> rights group).
_BODY_SINGULARS: dict[str, str] = {_n(k): v for k, v in {
    "منظمة": "organization", "جماعة": "group", "جمعية": "association", "نقابة": "union", "شركة": "company",
    "وكالة": "agency", "هيئة": "body", "مؤسسة": "institution", "حركة": "movement", "فصيل": "faction",
}.items()}
#: Genitive complements of a group noun (منظمات المجتمع المدني، شركات الشحن) -> English modifier.
_GROUP_GENITIVES: dict[tuple[str, ...], str] = {
    tuple(_n(w) for w in k.split()): v for k, v in {
        "المجتمع المدني": "civil society", "حقوق الإنسان": "human rights", "حقوق الانسان": "human rights",
        "الإغاثة": "aid", "الشحن": "shipping", "الملاحة": "shipping", "الطيران": "airline", "المعارضة": "opposition",
        "الإعلام": "media", "إعلام": "media", "النفط": "oil", "التأمين": "insurance", "الأدوية": "pharmaceutical",
        "الاتصالات": "telecom", "الإنقاذ": "rescue", "الأمم المتحدة": "UN", "الدفاع المدني": "civil defense",
        "حقوق المرأة": "women's rights", "الصحة": "health", "البناء": "construction", "المقاومة": "resistance",
        "الأعمال": "business", "الإسعاف": "ambulance", "الطوارئ": "emergency", "التكنولوجيا": "technology",
        "الطاقة": "energy", "السياحة": "tourism", "النقل": "transport", "الإغاثه": "aid", "التعليم": "education", "العمال": "labour",
    }.items()
}


#: Nominals that stand for an entity named earlier (anaphors) -> labels they may resolve to.
_PER_TITLES: frozenset[str] = _nset(
    "وزير وزيرة رئيس رئيسة الأمين أمين متحدث متحدثة سفير سفيرة قائد مبعوث مبعوثة منسق منسقة ملك أمير نائب "
    "زعيم مدير مديرة محافظ مستشار مستشارة"
)
_ORG_NOUNS: frozenset[str] = _nset(
    "مرصد منظمة مكتب وزارة حكومة حلف جيش وكالة منظمة مجلس هيئة شركة جماعة حركة حزب بعثة سفارة قوات شرطة رئاسة لجنة مفوضية "
    "سلطات سلطة الأمم"
)
_DUAL_NOUNS: frozenset[str] = _nset("طرف جانب وزير رئيس زعيم مسؤول بلد")

#: Naming nouns: a quoted span right after one is a name/title/slogan, never speech.
_NAMING_NOUNS: frozenset[str] = _nset(
    "شعار عنوان بعنوان اسم باسم تسمية مسمى وسم هاشتاغ هاشتاج عملية مبادرة حملة كتاب فيلم برنامج مصطلح "
    "لقب الملقب المعروف المسمى تنظيم جماعة حركة حزب موقع صحيفة قناة"
)

# quotation marks: family -> (can open, can close)
_MARK_FAMILY: dict[str, str] = {
    "“": "dq", "”": "dq", "„": "dq", "‟": "dq",
    "«": "gu", "»": "gu",
    '"': "sq2",
    "‘": "sq", "’": "sq", "‚": "sq", "'": "sq",
    "‹": "sg", "›": "sg",
}
_PURE_OPENERS = frozenset("“„‟«‘‚‹")
_PURE_CLOSERS = frozenset("»›")
_FINAL_PUNCT = ".!?؟؛…:,،"

#: Outlet nouns for attributions.
_OUTLET_NOUNS: frozenset[str] = _nset(
    "وكالة صحيفة جريدة قناة موقع شبكة مراسل مراسلة تلفزيون إذاعة مجلة وكالات صحف"
)
_ATTR_PREPS: frozenset[str] = _nset("بحسب حسب وفق وفقا طبقا نقلا استنادا")
_ATTR_VERBS: frozenset[str] = _nset(
    "ذكرت ذكر ذكره ذكرته أفادت أفاد أفادته أفادت نقلت نقل نقله نقلته أوردت أورد أورده أوردته قالت قال قاله قالته "
    "أعلنت أعلن أعلنه أعلنته نشرت نشر نشره نشرته بثت بث بثه بثته أكدت أكده أكدته"
)
_REPORT_VERBS_ATTR: frozenset[str] = _nset("نقلت نقل ذكرت ذكر أفادت أفاد أوردت أورد")

_QAWL: frozenset[str] = _nset("قوله قولها قولهم قولهما")
#: Anonymity clauses: (طالبا|مشترطا|مفضلا|طلب|فضل|رافضا|…) عدم (نشر|ذكر|الكشف عن|…) اسمه/هويته.
_ANON_NOUNS: frozenset[str] = _nset(
    "اسمه اسمها اسميهما اسمهم أسمائهم هويته هويتها هويتهم هوياتهم"
)
_ANON_LEAD: frozenset[str] = _nset("عدم")
_RELATIVES: frozenset[str] = _nset("الذي التي الذين اللذان اللتان")
_ATTR_WITH_PARTICLE: frozenset[str] = _nset("نقلا استنادا")
_ATTR_PARTICLES: frozenset[str] = _nset("عن إلى")
_MA: frozenset[str] = _nset("ما")
_SOURCES_WORDS: frozenset[str] = _nset("مصادر مصدر")
_SAID_FORMS: frozenset[str] = _nset("قالت قال وقالت وقال ذكرت")
_ANBA: frozenset[str] = _nset("أنباء الأنباء")
_ATTR_CUE_WORDS: frozenset[str] = _ATTR_PREPS | _REPORT_VERBS_ATTR
#: Agencies and outlets known without the entity module (Arabic normalized phrase -> English).
_OUTLETS: dict[str, str] = {
    _n(k): v
    for k, v in {
        "رويترز": "Reuters", "فرانس برس": "Agence France-Presse", "الفرنسية": "Agence France-Presse",
        "أسوشيتد برس": "Associated Press", "أسوشييتد برس": "Associated Press", "الأناضول": "Anadolu Agency",
        "سانا": "SANA", "واع": "Iraqi News Agency", "بي بي سي": "BBC", "الجزيرة": "Al Jazeera",
        "العربية": "Al Arabiya", "سبوتنيك": "Sputnik", "تاس": "TASS", "شينخوا": "Xinhua", "واس": "Saudi Press Agency",
        "وام": "Emirates News Agency", "قنا": "Qatar News Agency", "كونا": "Kuwait News Agency",
        "وكالات": "news agencies", "الوكالات": "news agencies",
        "بترا": "Petra News Agency", "إرنا": "IRNA", "بلومبرغ": "Bloomberg", "بلومبيرغ": "Bloomberg",
        "نيويورك تايمز": "The New York Times", "واشنطن بوست": "The Washington Post",
        "وول ستريت جورنال": "The Wall Street Journal", "الغارديان": "The Guardian", "أكسيوس": "Axios",
        "سي إن إن": "CNN", "د ب أ": "Deutsche Presse-Agentur", "الأسوشيتد برس": "Associated Press",
        "فايننشال تايمز": "Financial Times", "الشرق الأوسط": "Asharq Al-Awsat", "الأهرام": "Al-Ahram",
        # national news agencies of the Arab League states (plus Iran, Turkey, Israel's main papers)
        "وفا": "WAFA", "وكالة الأنباء الفلسطينية": "WAFA", "الوكالة الوطنية للإعلام": "National News Agency",
        "وكالة أنباء الشرق الأوسط": "Middle East News Agency", "أ ش أ": "Middle East News Agency",
        "وكالة تونس إفريقيا للأنباء": "Tunis Afrique Presse", "وات": "Tunis Afrique Presse",
        "وكالة الأنباء الجزائرية": "Algeria Press Service", "وكالة المغرب العربي للأنباء": "Maghreb Arabe Presse",
        "وكالة الأنباء الليبية": "Libyan News Agency", "وال": "Libyan News Agency",
        "وكالة السودان للأنباء": "Sudan News Agency", "سونا": "Sudan News Agency", "سبأ": "Saba News Agency",
        "وكالة الأنباء العمانية": "Oman News Agency", "وكالة أنباء البحرين": "Bahrain News Agency",
        "وكالة الأنباء الكويتية": "Kuwait News Agency", "وكالة الأنباء القطرية": "Qatar News Agency",
        "وكالة الأنباء السعودية": "Saudi Press Agency", "وكالة أنباء الإمارات": "Emirates News Agency",
        "وكالة الأنباء الأردنية": "Petra News Agency", "وكالة الأنباء العراقية": "Iraqi News Agency",
        "يديعوت أحرونوت": "Yedioth Ahronoth", "هآرتس": "Haaretz", "معاريف": "Maariv",
        "تايمز أوف إسرائيل": "The Times of Israel", "القدس العربي": "Al-Quds Al-Arabi",
        "المسيرة": "Al-Masirah", "الميادين": "Al Mayadeen", "المنار": "Al-Manar", "الأخبار": "Al Akhbar",
        "النهار": "Annahar", "القاهرة الإخبارية": "Al Qahera News", "سكاي نيوز عربية": "Sky News Arabia",
        "الحدث": "Al Hadath", "العراقية": "Al Iraqiya", "تي آر تي": "TRT", "الشروق": "Echorouk",
        "لوموند": "Le Monde", "دير شبيغل": "Der Spiegel", "فوكس نيوز": "Fox News", "إن بي سي": "NBC News",
        "بوليتيكو": "Politico", "الإيكونوميست": "The Economist", "تسنيم": "Tasnim News Agency",
        "فارس": "Fars News Agency", "مهر": "Mehr News Agency", "إيسنا": "ISNA",
    }.items()
}
#: Words that may follow an outlet name and belong to it (للأنباء، الرسمية، الفرنسية …).
_OUTLET_TAIL: frozenset[str] = _nset("للأنباء الأنباء الرسمية الرسمي الفرنسية الإخبارية الأمريكية الأميركية البريطانية الحكومية")


# ---------------------------------------------------------------------------
# document view
# ---------------------------------------------------------------------------


class _View:
    """Tokens, sentences and entities of a document with fast offset look-ups."""

    _anon: list[tuple[int, int]] | None = None
    _cue_toks: frozenset[int] | None = None

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.tokens: tuple[Token, ...] = doc.tokens or tokenize(doc.text)
        self.sents: tuple[Sentence, ...] = doc.sentences or split_sentences(doc.text)
        self.starts = [t.start for t in self.tokens]
        self.sent_starts = [s.start for s in self.sents]
        self.ents: list[Entity] = sorted(doc.entities, key=lambda e: (e.start, -e.end))
        self.ent_starts = [e.start for e in self.ents]
        self.tok_sent = [self.sent_of(t.start) for t in self.tokens]

    @property
    def anon_spans(self) -> list[tuple[int, int]]:
        """Token ranges ``[i, j)`` of anonymity clauses (طالبا عدم نشر اسمه، الذي فضل عدم الكشف عن هويته)."""
        cached = getattr(self, "_anon", None)
        if cached is not None:
            return cached
        out: list[tuple[int, int]] = []
        toks = self.tokens
        for i, t in enumerate(toks):
            if t.norm not in _ANON_LEAD:
                continue
            j = i + 1
            while j < len(toks) and j - i <= 5 and toks[j].kind == "word":
                if toks[j].norm in _ANON_NOUNS:
                    # the governing verb/participle (طالبا، فضل) and a relative pronoun before it
                    a = i - 1 if i > 0 and toks[i - 1].kind == "word" else i
                    if a > 0 and toks[a - 1].norm in _RELATIVES:
                        a -= 1
                    out.append((a, j + 1))
                    break
                j += 1
        self._anon = out
        return out

    @property
    def cue_toks(self) -> frozenset[int]:
        """Token indices of cue verbs (computed once)."""
        cached = getattr(self, "_cue_toks", None)
        if cached is None:
            cached = frozenset(h.tok for h in _cue_hits(self))
            self._cue_toks = cached
        return cached

    def in_anon(self, i: int) -> bool:
        return any(a <= i < b for a, b in self.anon_spans)

    def sent_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, offset) - 1)

    def tok_at(self, offset: int) -> int:
        """Index of the token that contains or starts after ``offset``."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.tokens[i].end > offset:
            return i
        return i + 1

    def norm(self, i: int) -> str:
        return self.tokens[i].norm if 0 <= i < len(self.tokens) else ""

    def bare(self, i: int) -> tuple[int, str]:
        """(original start, norm) of token ``i`` without a leading conjunction و/ف
        (stripped only when the rest is a word this module knows)."""
        t = self.tokens[i]
        nm = t.norm
        if len(nm) > 2 and nm[0] in "وف" and t.kind == "word" and _is_known(nm[1:]):
            return t.start + normalize(t.text).to_original[1], nm[1:]
        return t.start, nm

    def ents_in(self, a: int, b: int) -> list[Entity]:
        lo = bisect.bisect_left(self.ent_starts, a)
        hi = bisect.bisect_left(self.ent_starts, b)
        return [e for e in self.ents[lo:hi] if e.end <= b]

    def prepositional(self, e: Entity) -> bool:
        """Whether the mention is governed by a preposition (free or proclitic)."""
        ti = self.tok_at(e.start)
        if ti < len(self.tokens):
            t = self.tokens[ti]
            if t.start < e.start:
                pre = normalize_token(self.text[t.start : e.start])
                if any(c in pre for c in "بلك"):
                    return True
        if ti - 1 >= 0 and self.tokens[ti - 1].norm in PREPOSITIONS:
            return True
        return False


def _is_known(w: str) -> bool:
    s = w[2:] if w.startswith("ال") else w
    return (
        _singular(s) is not None
        or s in _SOURCE_PLURALS
        or s in _PER_TITLES
        or s in _ORG_NOUNS
        or w in COMPLEMENTIZERS
    )


def _singular(w: str) -> str | None:
    """Source-noun stem of a word form (ال and number/gender endings stripped)."""
    s = w[2:] if w.startswith("ال") else w
    if s in _SOURCE_NOUNS:
        return s
    for suf in ("ون", "ين", "ان", "ه", "ات"):
        if s.endswith(suf) and s[: -len(suf)] in _SOURCE_NOUNS:
            return s[: -len(suf)]
    return None


def _adj_stem(w: str) -> str | None:
    s = w[2:] if w.startswith("ال") else w
    if s in _SOURCE_ADJ:
        return s
    for suf in ("ون", "ين", "ان", "ه", "ات", "يه"):
        if s.endswith(suf):
            base = s[: -len(suf)]
            if base in _SOURCE_ADJ:
                return base
            if suf == "يه" and base + "ي" in _SOURCE_ADJ:
                return base + "ي"
    return None


_PARTITIVE: frozenset[str] = _nset("أحد إحدى احد احدى")


def _singular_en(name: str | None) -> str | None:
    """``residents`` -> ``resident`` (after أحد: one of them)."""
    if not name:
        return name
    for sg, pl in _EN_PLURAL_IRREGULAR.items():
        if name.endswith(pl):
            return name[: -len(pl)] + sg
    return name[:-1] if name.endswith("s") else name


def _en_plural(sg: str) -> str:
    if sg in _EN_PLURAL_IRREGULAR:
        return _EN_PLURAL_IRREGULAR[sg]
    if sg.endswith("y") and sg[-2:-1] not in "aeiou":
        return sg[:-1] + "ies"  # party -> parties, agency -> agencies
    return sg + "s"


# ---------------------------------------------------------------------------
# cue matches
# ---------------------------------------------------------------------------


#: Hollow cue verbs (middle alif): their feminine plural drops the alif (قلن), so stem + ن is no form.
_HOLLOW_LEMMAS: frozenset[str] = frozenset({"قال"})


@dataclass(frozen=True, slots=True)
class _CueHit:
    tok: int  # token index
    start: int  # cue start (proclitics excluded)
    end: int  # end of the written word (suffix included)
    cue: Cue


def _cue_hits(v: _View) -> list[_CueHit]:
    ns = normalize(v.text)
    by_tok: dict[int, _CueHit] = {}
    for matcher in _cue_matchers():
        for m in matcher.find_all(ns):
            ti = v.tok_at(m.start)
            if ti >= len(v.tokens):
                continue
            t = v.tokens[ti]
            if t.kind != "word" or m.end > t.end:
                continue
            # the match must end the word (its suffix included)
            s, e = ns.span(m.norm_end, m.norm_end + len(m.suffix)) if m.suffix else (m.end, m.end)
            if max(e, m.end) != t.end:
                continue
            if m.suffix == "ن" and m.payload.lemma in _HOLLOW_LEMMAS:
                continue  # قالن (a name: إبراهيم قالن): a hollow verb's -na form drops its alif (قلن)
            hit = _CueHit(ti, m.start, t.end, m.payload)
            old = by_tok.get(ti)
            if old is None or hit.start < old.start:
                by_tok[ti] = hit
    return [by_tok[k] for k in sorted(by_tok) if not v.in_anon(k)]


# ---------------------------------------------------------------------------
# direct quotes: pairing marks
# ---------------------------------------------------------------------------


_PARA_RE = re.compile(r"[^\n]+")
_MARK_RE = re.compile("[" + re.escape("".join(_MARK_FAMILY)) + "]")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PARA_RE.finditer(text)]


def _looks_opening(text: str, i: int) -> bool:
    """A mark at ``i`` preceded by a non-letter and followed (maybe after one space) by a letter."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum():
        return False
    if after == " " and i + 2 < len(text):
        after = text[i + 2]
    return after.isalnum()


def _mark_pairs(v: _View) -> list[tuple[int, int, bool]]:
    """``(open, end, closed)`` spans of marked text; ``end`` is exclusive (after the closer).

    Pairs are found within a paragraph with a stack per mark family; a mark of
    the open family closes it (so ``” … ”`` and ``” … “`` pair), except that a
    mark in a later sentence that looks like an opener starts a new quote and
    leaves the earlier one unclosed. A quote still open at the end of a
    paragraph continues into the next paragraph when that paragraph starts with
    a mark of the same family (the news convention for quotes of several
    paragraphs: each paragraph reopens, the last one closes); otherwise it is
    unclosed and ends at the end of its (last) paragraph, final punctuation
    excluded. Marks inside the dateline are ignored.
    """
    text = v.text
    skip_to = v.doc.dateline.end if v.doc.dateline is not None else -1
    out: list[tuple[int, int, bool]] = []
    carry: tuple[str, int] | None = None  # a quote open at the end of the previous paragraph
    carry_end = -1
    for ps, pe in _paragraphs(text):
        stack: list[tuple[str, int]] = []
        first = ps
        while first < pe and text[first].isspace():
            first += 1
        reopen = -1
        if carry is not None:
            ch0 = text[first] if first < pe else ""
            if ch0 in _MARK_FAMILY and _MARK_FAMILY[ch0] == carry[0] and (ch0 in _PURE_OPENERS or _looks_opening(text, first)):
                stack.append(carry)
                reopen = first
            else:
                out.append((carry[1], -carry_end - 2, False))
        carry = None
        for mm in _MARK_RE.finditer(text, ps, pe):
            i = mm.start()
            if i == reopen or i < skip_to:
                continue
            ch = text[i]
            fam = _MARK_FAMILY[ch]
            if fam == "sq" and ch in "'’":
                # apostrophes inside Latin words are not marks
                if i > 0 and text[i - 1].isalpha() and i + 1 < len(text) and text[i + 1].isalpha():
                    continue
            top = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == fam), None)
            if top is not None and ch not in _PURE_OPENERS:
                o = stack[top][1]
                if o >= ps and v.sent_of(i) != v.sent_of(o) and _looks_opening(text, i) and ch not in _PURE_CLOSERS:
                    out.append((o, -pe - 2, False))
                    del stack[top:]
                    stack.append((fam, i))
                    continue
                out.append((o, i + 1, True))
                del stack[top:]
                continue
            if top is not None and ch == "“" and not _looks_opening(text, i):
                # “ used as a closer (” … “)
                o = stack[top][1]
                out.append((o, i + 1, True))
                del stack[top:]
                continue
            if ch in _PURE_CLOSERS:
                continue
            if fam == "sq" and not _looks_opening(text, i):
                continue
            stack.append((fam, i))
        if stack:
            # the outermost open quote may continue in the next paragraph
            carry, carry_end = stack[0], pe
            for _fam, o in stack[1:]:
                out.append((o, -pe - 2, False))
    if carry is not None:
        out.append((carry[1], -carry_end - 2, False))
    res = []
    for o, e, closed in out:
        if not closed:
            e = max(-e - 2, o + 1)  # the paragraph end, encoded as -end - 2
            while e > o + 1 and (text[e - 1].isspace() or text[e - 1] in _FINAL_PUNCT):
                e -= 1
        res.append((o, e, closed))
    res.sort()
    return res


# ---------------------------------------------------------------------------
# speakers
# ---------------------------------------------------------------------------


def _speaker_from_entity(v: _View, e: Entity, start: int | None = None, end: int | None = None) -> Speaker:
    """A speaker for entity ``e``. A one-word PER mention that repeats the first or last name of a
    person named in full earlier (``فؤاد حسين`` … ``فؤاد``) takes that person's id and English name.

    A person the knowledge base does not know is named by the spelling convention of their
    country (:func:`_person_name`); a mention that is only a compound given name (``عبد الله``،
    ``صلاح الدين``) takes the family name written right after it (:func:`_compound_extension`).
    A body the entity module found without an English name is named from its parts where
    they are known (:func:`_compose_body`)."""
    s = e.start if start is None else start
    en = e.end if end is None else end
    if e.label == "PER" and e.ref is None and " " not in e.text.strip():
        w = normalize_token(e.text)
        for x in reversed(v.ents):
            if x.end > e.start or x.label != "PER" or " " not in x.text.strip():
                continue
            parts = x.text.split()
            if w in (normalize_token(parts[0]), normalize_token(parts[-1])):
                return Speaker(s, en, v.text[s:en], x.id, _person_name(v, x))
    if e.label == "PER" and start is None and end is None and e.source == "title":
        fixed = _trim_title_person(v, e)
        if fixed is not None and (fixed[0], fixed[1]) != (e.start, e.end):
            fs, fe = fixed
            ext = _compound_extension(v, Entity(e.id, fs, fe, v.text[fs:fe], "PER", source=e.source)) or fe
            return Speaker(fs, ext, v.text[fs:ext], e.id, _person_name(v, e, v.text[fs:ext]))
    if e.label == "PER" and start is None and end is None:
        ext = _compound_extension(v, e)
        if ext is not None:
            return Speaker(e.start, ext, v.text[e.start : ext], e.id, _person_name(v, e, v.text[e.start : ext]))
        return Speaker(s, en, v.text[s:en], e.id, _person_name(v, e))
    if e.label == "ORG" and e.name_en is None:
        a, b = v.tok_at(e.start), v.tok_at(e.end - 1) + 1
        while b < len(v.tokens) and v.tok_sent[b] == v.tok_sent[a] and _body_genitive_at(v, b):
            b += 1  # الديوان الوطني | للإحصائيات: a genitive the entity span left out
        composed = _compose_body(v, a, b)
        if composed is not None:
            e1 = max(en, v.tokens[b - 1].end) if start is None and end is None else en
            return Speaker(s, e1, v.text[s:e1], e.id, composed)
    return Speaker(s, en, v.text[s:en], e.id, e.name_en)


def _trim_title_person(v: _View, e: Entity) -> tuple[int, int] | None:
    """The name inside a person span the entity module took from a title (``source == "title"``),
    without a preposition it ran into (``عزيز أخنوش أمام`` -> ``عزيز أخنوش``) and without the words
    before a compound given name (``مجتمع السلم عبد الرزاق`` -> ``عبد الرزاق``); ``None`` when nothing
    of a name is left."""
    a, b = v.tok_at(e.start), v.tok_at(e.end - 1) + 1
    while b > a and v.norm(b - 1) in PREPOSITIONS:
        b -= 1
    for k in range(a + 1, b - 1):
        if v.norm(k) in _COMPOUND_LEAD and v.norm(a) not in _given_names():
            a = k
            break
    head = v.norm(a)[2:] if v.norm(a).startswith("ال") else v.norm(a)
    if head in _BODY_HEADS_EN or head in _ORG_NOUNS or head in _TITLE_GENITIVES:
        # رئيس | نقابة المعلمين خالد العبادي: the body the title governs is no part of the name
        for k in range(a + 1, b - 1):
            if v.norm(k) in _given_names() or v.norm(k) in _COMPOUND_LEAD:
                a = k
                break
    if b <= a:
        return None
    return v.tokens[a].start, v.tokens[b - 1].end


@lru_cache(maxsize=1)
def _foreign_given() -> frozenset[str]:
    """Normalized foreign (non-Arab) given names of ``kb/names_en.tsv``: such a name keeps its English spelling."""
    path = resources.files("khabar.data.kb").joinpath("names_en.tsv")
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 3 and not line.startswith("#") and cols[2] == "foreign":
            out.add(_n(cols[0]))
    return frozenset(out)


def _person_country(v: _View, e: Entity) -> str | None:
    """The country whose naming convention a person follows: a nationality adjective in the title
    right before the name (``المحلل السياسي التونسي صلاح الدين الجورشي`` -> TUN), else the entity's
    country, else the country of the article's dateline."""
    ti = v.tok_at(e.start)
    if ti < len(v.tokens):
        si = v.tok_sent[ti]
        for k in range(ti - 1, max(-1, ti - 7), -1):
            t = v.tokens[k]
            if v.tok_sent[k] != si or t.kind != "word":
                break
            nat = next((x for x in v.ents_in(max(0, t.start - 30), t.end) if x.label == "NORP" and x.start <= t.start < x.end
                        and x.country), None)
            if nat is not None:
                return nat.country
            if v.norm(k) in _TITLE_HEADS or v.norm(k)[2:] in _TITLE_HEADS:
                continue
    if e.country:
        return e.country
    return _dateline_country(v)


def _dateline_country(v: _View) -> str | None:
    dl = v.doc.dateline
    if dl is None or dl.place is None:
        return None
    place = next((x for x in v.ents if x.id == dl.place), None)
    return place.country if place is not None else None


def _person_name(v: _View, e: Entity, text: str | None = None) -> str | None:
    """English name of a person mention: the KB's name, else the entity module's English spelling,
    re-spelled by the convention of the person's country where it has one of its own (Maghreb French
    spelling, Turkish spelling: :func:`khabar.extract.names_en.name_en`). ``text`` overrides the
    mention's text (a name extended past the entity)."""
    if e.label != "PER" or e.kb is not None:
        return e.name_en
    first = e if e.ref is None else next((x for x in v.ents if x.id == e.ref), e)
    country = _person_country(v, first)
    t = text if text is not None else first.text
    if convention(country) == "english" or not t.split():
        if text is not None and text != e.text:
            from khabar.extract.entities import transliterate

            return transliterate(text)
        return e.name_en
    if _n(t.split()[0]) in _foreign_given():
        return e.name_en
    return name_en(t, country)


#: Name-initial compounds a name may not stop after (عبد الله، عبد المجيد، صلاح الدين، أبو بكر).
_COMPOUND_LEAD: frozenset[str] = _nset("عبد ابو أبو")
_COMPOUND_TAIL: frozenset[str] = _nset("الله الدين")


def _compound_extension(v: _View, e: Entity) -> int | None:
    """End offset of ``e`` extended by the family name right after it, when the mention is only a
    compound given name (``عبد الله`` in ``المبعوث الأممي عبد الله باتيلي``): the entity module counts
    ``عبد الله`` as given name + family name. ``None`` when there is nothing to extend."""
    if e.kb is not None:
        return None
    a, b = v.tok_at(e.start), v.tok_at(e.end - 1) + 1
    words = [v.norm(k) for k in range(a, b)]
    if not ((len(words) == 2 and (words[0] in _COMPOUND_LEAD or words[1] in _COMPOUND_TAIL))
            or (len(words) == 1 and words[0].startswith("عبدال"))):
        return None
    if b >= len(v.tokens):
        return None
    t = v.tokens[b]
    if t.kind != "word" or v.tok_sent[b] != v.tok_sent[a] or t.start != v.tokens[b - 1].end + 1:
        return None
    if not _name_word(v, b):
        return None
    return t.end


def _name_word(v: _View, k: int) -> bool:
    """Whether token ``k`` may be part of a person's name: a word that is no function word, title,
    source noun, modifier, cue verb, clitic + article form, and lies in no entity."""
    t = v.tokens[k]
    nm = t.norm
    if t.kind != "word" or len(nm) < 2:
        return False
    if nm in PREPOSITIONS or nm in SKIP_WORDS or nm in COMPLEMENTIZERS or nm in _QAWL or nm in _COUNT_WORDS:
        return False
    if nm in _NOT_NAMES or nm in _TITLE_MODS or _adj_stem(nm) is not None:
        return False
    base = nm[2:] if nm.startswith("ال") else nm
    if base in _TITLE_HEADS or _singular(nm) is not None or base in _SOURCE_PLURALS or base in _ORG_NOUNS:
        return False
    if base in _BODY_PLURALS or (base,) in _INSTITUTIONS:
        return False
    if nm[:1] in "وفبلك" and (nm[1:3] == "ال" or nm[:2] == "لل"):
        return False  # وبالعراق، للمحامين: a clitic and the article
    if _prep_noun(nm):
        return False  # لوكالة، لصحيفة، ببيان: a preposition and a noun
    if k in v.cue_toks:
        return False
    if any(x.start <= t.start < x.end for x in v.ents_in(max(0, t.start - 60), t.end)):
        return False
    return True


def _prep_noun(nm: str) -> bool:
    """Whether normalized word ``nm`` is a proclitic preposition on an outlet, body, document or title
    noun (``لوكالة``، ``لقناة``، ``ببيان``، ``لوزير``): never part of a person's name."""
    return nm[:1] in "لب" and nm not in _given_names() and (
        _is_outlet_noun(nm) or nm[1:] in _ORG_NOUNS or nm[1:] in _BODY_HEADS_EN or nm[1:] in _DOC_NOUNS
        or nm[1:] in _TITLE_HEADS)


#: Modifiers that belong to a title (النائب العام، المبعوث الأممي، المحلل السياسي).
_TITLE_MODS: frozenset[str] = _nset(
    "العام العامة الأول الأولى الأعلى السابق السابقة الأسبق الحالي الحالية الجديد الجديدة البارز البارزة "
    "الخاص الخاصة الدائم الدائمة الأممي الأممية الدولي الدولية الرسمي الرسمية العسكري العسكرية الأمني "
    "الأمنية السياسي السياسية الاقتصادي الاقتصادية المستقل المستقلة المحافظ المحافظة المعارض المعارضة "
    "المخضرم المخضرمة المتقاعد المتقاعدة المكلف المكلفة المؤقت المؤقتة المنتخب المنتخبة الإقليمي الإقليمية "
    "التنفيذي التنفيذية الميداني الميدانية الإعلامي الإعلامية القانوني القانونية الحقوقي الحقوقية "
    "الاستراتيجي الاستراتيجية الأكاديمي الأكاديمية المحلي المحلية المستقيل المستقيلة المناوب المناوبة "
    "الأعلى المساعد المساعدة المفوض الدبلوماسي الدبلوماسية البرلماني البرلمانية الحكومي الحكومية "
    "أول الأول أولى الشرعي الشرعية الديني الدينية الروحي الحزبي الحزبية النقابي النقابية الطبي الطبية الجمهوري "
    "الديمقراطي الديمقراطية الاشتراكي الليبرالي اليساري اليميني المصرفي الصحفي الصحفية المالي المالية"
)
#: Words that are never part of a name (frequent nouns and verbs that may follow a title).
_NOT_NAMES: frozenset[str] = _nset(
    "الرفيع رفيع المستوى مستوى المعني المعنية المكلف المكلفة المنتدب المنتدبة المختص المختصة المسؤول المسؤولة "
    "الكبير الكبيرة الصغير الرفيعة المقبل المقبلة المتحدة المحلية المقرب المقربة البارز البارزة الشهير الشهيرة "
    "المعروف المعروفة الملقب السابق السابقة الجديد الجديدة الوحيد الوحيدة الآخر الأخرى آخر أخرى نفسه نفسها "
    "هو هي هذا هذه ذلك تلك كل بعض جميع أي يوم عام شهر أسبوع ساعة لدى عند كما أيضا ثم قد لقد كان كانت "
    "يكون تكون ليس ليست الذي التي الذين وهو وهي بأنه بأنها إنه إنها أنه أنها لأن قبل بعد خلال"
)


def _source_np(v: _View, i: int, stop: int) -> tuple[Speaker, int] | None:
    """A common-noun source phrase starting at token ``i`` (مسؤولون ودبلوماسيون، مصادر أمنية), or a group
    of bodies (منظمات المجتمع المدني -> civil society organizations, شركات الشحن -> shipping companies,
    منظمة حقوقية -> rights organization).

    Qualifiers follow the head in Arabic and precede it in English, the last one first
    (وكالات الإغاثة الدولية -> international aid agencies); a nationality adjective is skipped.
    """
    parts: list[str] = []
    start = end = -1
    j = i
    if i + 1 < stop and (v.bare(i)[1], v.norm(i + 1)) in _GROUP_PHRASES:
        # رجال الإنقاذ -> rescuers: a noun + genitive English names with one word
        s0 = v.bare(i)[0]
        return Speaker(s0, v.tokens[i + 1].end, v.text[s0 : v.tokens[i + 1].end], None,
                       _GROUP_PHRASES[(v.bare(i)[1], v.norm(i + 1))]), i + 2
    while j < stop:
        t = v.tokens[j]
        if t.kind != "word":
            break
        tok_start, nm = v.bare(j) if parts else (t.start, t.norm)
        if parts and tok_start == t.start:
            break  # no conjunction: not a coordinated noun
        sg = _singular(nm)
        plural = False
        body = False
        base = nm[2:] if nm.startswith("ال") else nm
        if sg is not None:
            plural = base != sg and not base.endswith("ه")
            sg_en = _SOURCE_NOUNS.get(sg, sg)
        elif base in _SOURCE_PLURALS:
            sg_en, plural = _SOURCE_PLURALS[base], True
        elif base in _BODY_PLURALS and base == nm:
            sg_en, plural, body = _BODY_PLURALS[base], True, True
        elif base in _BODY_SINGULARS and base == nm:
            sg_en, body = _BODY_SINGULARS[base], True
        else:
            break
        if body and any(e.label != "NORP" and e.start <= t.start < e.end for e in v.ents_in(max(0, t.start - 40), t.end + 80)):
            break  # منظمة الصحة العالمية: a named body the entity module knows
        last = j
        j += 1
        adjs: list[str] = []
        gens: list[str] = []
        while j < stop and v.tokens[j].kind == "word":
            nmj = v.tokens[j].norm
            gen = next(((k, en) for k, en in _GROUP_GENITIVES.items()
                        if tuple(v.norm(x) for x in range(j, j + len(k))) == k), None) if not adjs else None
            if gen is not None and j + len(gen[0]) <= stop:
                gens.append(gen[1])
                j += len(gen[0])
                last = j - 1
                continue
            if nmj == _n("غير") and j + 1 < stop and (a2 := _adj_stem(v.tokens[j + 1].norm)) is not None:
                adjs.append("non-" + (_SOURCE_ADJ[a2] or a2))  # غير حكومية -> non-government(al)
                j += 2
                last = j - 1
                continue
            a = _adj_stem(nmj)
            if a is None:
                # a nationality adjective (مصادر مصرية مطلعة) is skipped, not named
                if any(e.label == "NORP" and e.start <= v.tokens[j].start < e.end for e in v.ents_in(v.tokens[j].start, v.tokens[j].end)):
                    j += 1
                    continue
                break
            if _SOURCE_ADJ[a]:
                adjs.append(_SOURCE_ADJ[a])
            last = j
            j += 1
        if body and base in _BODY_SINGULARS and not (adjs or gens):
            break  # شركة أمبري: a named body, not a description
        if start < 0:
            start = tok_start
        end = v.tokens[last].end
        en = _en_plural(sg_en) if plural else sg_en
        mods = [m.replace("non-government", "non-governmental") for m in reversed(adjs)] + gens
        parts.append(" ".join(mods + [en]))
    if not parts:
        return None
    name = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return Speaker(start, end, v.text[start:end], None, name), j


#: Role nouns named by the body they speak for (المتحدث باسم الخارجية القطرية) -> English.
_ROLE_NOUNS: dict[str, str] = {
    _n(k): v for k, v in {
        "متحدث": "spokesperson", "متحدثة": "spokesperson", "ناطق": "spokesperson", "ناطقة": "spokesperson",
    }.items()
}
#: Heads of titles and roles a name may stand after in apposition (ال stripped, normalized).
_TITLE_HEADS: frozenset[str] = frozenset(w[2:] if w.startswith("ال") else w for w in _PER_TITLES) | frozenset(_ROLE_NOUNS) | _nset(
    "عميد نقيب محامي محام قاضي مدعي كاتب أستاذ دكتور شيخ جنرال لواء عقيد مفوض مفوضة ممثل ممثلة وكيل مندوب "
    "قنصل محلل محللة خبير خبيرة ناشط ناشطة باحث باحثة صحفي صحفية عضو قيادي ملك ملكة أمير أميرة رئيس رئيسة "
    "مبعوث مبعوثة عاهل سلطان مشير فريق مقدم رائد مرشد إمام نائب نائبة سيناتور مستشار مستشارة ناطق ناطقة "
    "متحدث متحدثة مسؤول مسؤولة منسق منسقة سفير سفيرة قائد قائدة زعيم زعيمة مدير مديرة محافظ رئيس وزير وزيرة "
    "أمين أمينة الأمين الأمينة المدعي الكاتب الأستاذ"
)

#: Two-word roles whose second word is the office (رئيس بلدية X -> mayor).
_ROLE_PAIRS: dict[tuple[str, str], str] = {
    (_n("رئيس"), _n("بلدية")): "mayor", (_n("رئيسة"), _n("بلدية")): "mayor",
}
#: Institutions a role speaks for or that speak themselves, by their head words
#: (ال stripped from each word, normalized) -> English. Longest key wins.
_INSTITUTIONS: dict[tuple[str, ...], str] = {
    tuple(_n(w) for w in k.split()): v
    for k, v in {
        "خارجية": "Foreign Ministry", "وزارة خارجية": "Foreign Ministry",
        "داخلية": "Interior Ministry", "وزارة داخلية": "Interior Ministry",
        "دفاع": "Defense Ministry", "وزارة دفاع": "Defense Ministry",
        "وزارة صحة": "Health Ministry", "صحة": "Health Ministry",
        "وزارة عدل": "Justice Ministry", "وزارة مالية": "Finance Ministry", "مالية": "Finance Ministry",
        "رئاسة": "presidency", "رئاسة جمهورية": "presidency", "حكومة": "government",
        "رئاسة وزراء": "prime minister's office", "مجلس وزراء": "cabinet",
        "جيش": "Army", "شرطة": "police", "سلطات": "authorities", "هيئة أركان": "General Staff",
        "أركان": "General Staff", "رئاسة أركان": "General Staff", "ديوان ملكي": "Royal Court",
        "دفاع مدني": "Civil Defense", "برلمان": "parliament", "قيادة عامة": "General Command",
        "قوات مسلحة": "Armed Forces", "بحرية": "Navy", "شرطة عسكرية": "military police",
    }.items()
}
#: Names an institution takes with a nationality (English), instead of "<Nationality> <institution>".
_NATIONAL_INSTITUTIONS: dict[tuple[str, str], str] = {
    ("US", "Foreign Ministry"): "State Department", ("US", "Defense Ministry"): "Pentagon",
}
#: Nationality adjectives that are written differently in an institution's name.
_NAT_SHORT: dict[str, str] = {"American": "US", "United States": "US", "British": "UK"}
#: Cardinal and quantity words before a source noun (ثلاثة مصادر، عدة مسؤولين): skipped.
_COUNT_WORDS: frozenset[str] = _nset(
    "اثنان اثنين ثلاثة ثلاث أربعة أربع خمسة خمس ستة ست سبعة سبع ثمانية ثماني عشرة عشر عدة عدد بعض "
    "مئات عشرات آلاف ألوف المئات العشرات الآلاف"
)
#: Count words that take a partitive من (مئات من أنصار الحزب، العديد من السكان): the من governs nothing.
_PARTITIVE_COUNTS: frozenset[str] = _COUNT_WORDS | _nset("العديد الكثير كثير عدد")

#: Circumstantial participles (حال) that may follow a cue verb (قال مبتسما، أضاف ساخرا): never a speaker.
_HAL_WORDS: frozenset[str] = _nset(
    "مبتسما مبتسمة ضاحكا ضاحكة ساخرا ساخرة متحسرا متحسرة غاضبا غاضبة متأثرا متأثرة مازحا مازحة ممازحا "
    "متهكما متهكمة متسائلا متسائلة مستغربا مستغربة مستدركا مستدركة منفعلا منفعلة باكيا باكية متفائلا "
    "متفائلة متشائما متشائمة بحزن بغضب بثقة بهدوء بحماس بمرارة بحزم بوضوح بصراحة بشدة بأسف"
)
#: Manner phrases with an adjective after them (بنبرة حادة، بصوت مرتفع، بلهجة غاضبة).
_MANNER_NOUNS: frozenset[str] = _nset("بنبرة بصوت بلهجة بنبره بلهجه")
#: Time nouns after a demonstrative (قال هذه المرة …): an adverb, not the subject.
_DEMONSTRATIVE_TIMES: frozenset[str] = _nset("المرة المره الأسبوع الشهر العام الصباح المساء")
_DEMONSTRATIVES: frozenset[str] = _nset("هذه هذا")


#: و + an independent pronoun opens a circumstantial clause (قال لي ونحن نعبر …، وهو يبتسم).
_HAL_PRONOUNS: frozenset[str] = _nset("ونحن وأنا وهو وهي وهم وهن وهما")


def _circumstantial(v: _View, i: int) -> bool:
    """Whether token ``i`` is a circumstantial adverb after a cue verb (``مبتسما``، ``ضاحكة``، ``بمرارة``):
    a listed one, or an indefinite accusative participle (``مُفعِلا``/``مُتفعِّلا``/``فاعلا`` patterns ending
    in tanwin alif) that is no given name. Such a word describes how the words were said; it is never
    the speaker (Ryding 2005, ch. 11: the circumstantial accusative)."""
    t = v.tokens[i] if 0 <= i < len(v.tokens) else None
    if t is None or t.kind != "word":
        return False
    nm = t.norm
    if nm in _HAL_WORDS or nm in _MANNER_NOUNS:
        return True
    prev = v.norm(i - 1)
    if prev in _MANNER_NOUNS and not nm.startswith("ال"):
        return True  # بنبرة | حادة
    if nm in _DEMONSTRATIVES and v.norm(i + 1) in _DEMONSTRATIVE_TIMES:
        return True  # هذه | المرة
    if prev in _DEMONSTRATIVES and nm in _DEMONSTRATIVE_TIMES:
        return True
    if nm.startswith("ال") or not nm.endswith("ا") or len(nm) < 3 or nm in _given_names():
        return False
    if v.norm(i + 1) in COMP_PREPS and not any(
            e.start == t.start for e in v.ents_in(t.start, t.end + 60)):
        return True  # ردا على، تعليقا على: an adverbial accusative with its preposition
    if len(nm) < 5:
        return False
    if any(e.start == t.start and e.source != "title" for e in v.ents_in(t.start, t.end + 60)):
        return False  # كاملا هاريس: a name the entity module knows
    stem = nm[:-1]
    if stem.endswith("ا") or stem.endswith("ي"):
        return False  # أنباء، أعضاءا … not a participle
    return (stem[0] == "م" and len(stem) >= 4) or (len(stem) == 4 and stem[1] == "ا")


def _nationality_at(v: _View, j: int) -> tuple[str, int] | None:
    """A nationality adjective (NORP entity) starting at token ``j``: (English, index after it)."""
    got = _nationality_full(v, j)
    return (got[0], got[1]) if got is not None else None


def _nationality_full(v: _View, j: int) -> tuple[str, int, str | None] | None:
    """(English adjective, index after it, ISO 3166 alpha-3 or ``None``) of a nationality at token ``j``."""
    if j >= len(v.tokens) or v.tokens[j].kind != "word":
        return None
    t = v.tokens[j]
    for e in v.ents_in(t.start, t.end + 40):
        if e.label == "NORP" and e.start < t.end and e.name_en:
            return _NAT_SHORT.get(e.name_en, e.name_en), v.tok_at(e.end - 1) + 1, e.country
    # inside a longer entity (وزارة الخارجية الأميركية) the adjective has no NORP mention of its own
    from khabar.extract.kb import get_kb

    for entry in get_kb().lookup(t.text):
        if entry.label == "NORP" and entry.name_en:
            return _NAT_SHORT.get(entry.name_en, entry.name_en), j + 1, entry.country
    return None


#: Ministries named as the entity module and the KB name them (``Ministry of Foreign Affairs of Oman``).
_MINISTRY_LONG: dict[str, str] = {
    "Foreign Ministry": "Ministry of Foreign Affairs", "Interior Ministry": "Ministry of Interior",
    "Defense Ministry": "Ministry of Defence", "Health Ministry": "Ministry of Health",
    "Justice Ministry": "Ministry of Justice", "Finance Ministry": "Ministry of Finance",
}


def _body_name(v: _View, j: int, stop: int) -> tuple[str, int] | None:
    """A body speaking on its own (not through a role) at token ``j``: as :func:`_institution_at`, but a
    ministry with a nationality takes the KB's form (``للخارجية العمانية`` -> ``Ministry of Foreign Affairs of Oman``)."""
    inst = _institution_at(v, j, stop)
    if inst is None:
        return None
    words = [v.tokens[x].norm for x in range(j, inst[1])]
    for x in range(j, inst[1]):
        nat = _nationality_full(v, x)
        if nat is None or nat[2] is None:
            continue
        head = next((h for k, h in _INSTITUTIONS.items() if h in _MINISTRY_LONG and any(
            w.removeprefix("لل").removeprefix("ال") == k[-1] for w in words)), None)
        if head is None:
            break
        from khabar.extract.kb import country_entry

        c = country_entry(nat[2])
        if c is not None and c.name_en:
            return f"{_MINISTRY_LONG[head]} of {c.name_en}", inst[1]
        break
    return inst


def _institution_at(v: _View, j: int, stop: int) -> tuple[str, int] | None:
    """An institution at token ``j`` (وزارة الخارجية الأمريكية، الرئاسة المصرية، الجيش اللبناني).

    Returns ``(English description, index after it)``: the lexicon's head
    (``_INSTITUTIONS``) with the nationality that follows it
    (``Egyptian presidency``; ``State Department`` for the US Foreign
    Ministry), else the ``name_en`` of an ORG entity starting at ``j``;
    ``None`` when neither is there.
    """
    if j >= stop or v.tokens[j].kind != "word":
        return None
    words = []
    for x in range(j, min(stop, j + 3)):
        if v.tokens[x].kind != "word":
            break
        nm = v.bare(x)[1] if x == j else v.tokens[x].norm
        if x == j and nm.startswith("لل") and len(nm) > 4:
            nm = nm[2:]  # للخارجية، للديوان
        words.append(nm[2:] if nm.startswith("ال") else nm)
    head: str | None = None
    k = j
    for width in (3, 2, 1):
        if len(words) >= width and tuple(words[:width]) in _INSTITUTIONS:
            head, k = _INSTITUTIONS[tuple(words[:width])], j + width
            break
    if head is not None:
        nat = _nationality_at(v, k) if k < stop else None
        if nat is not None:
            k = nat[1]
            return _NATIONAL_INSTITUTIONS.get((nat[0], head), f"{nat[0]} {head}"), k
        # an ORG entity spanning the same words names it better (وزارة الخارجية الأميركية)
        t = v.tokens[j]
        for e in v.ents_in(t.start, v.tokens[stop - 1].end):
            if e.label == "ORG" and e.start <= t.start < e.end and e.name_en:
                return e.name_en, v.tok_at(e.end - 1) + 1
        return head, k
    t = v.tokens[j]
    for e in v.ents_in(t.start, v.tokens[stop - 1].end):
        if e.label in ("ORG",) and e.start < t.end and e.name_en:
            k = v.tok_at(e.end - 1) + 1
            nat = _nationality_at(v, k) if k < stop else None
            if nat is not None and nat[0] not in e.name_en:
                return f"{nat[0]} {e.name_en}", nat[1]  # الهلال الأحمر السوداني -> Sudanese Red Crescent
            return e.name_en, k
    return None


def _role_phrase(v: _View, i: int, stop: int) -> tuple[Speaker, int] | None:
    """A role named by its body, at token ``i``: ``المتحدث [العسكري] باسم INSTITUTION [NATIONALITY]``
    (``Qatari Foreign Ministry spokesperson``), ``رئيس بلدية X`` (``mayor``).

    Returns the speaker (``entity=None``, span from the role to the end of the
    institution) and the index after it; ``None`` when token ``i`` is no such role.
    """
    if i >= stop or v.tokens[i].kind != "word":
        return None
    start, nm = v.bare(i)
    base = nm[2:] if nm.startswith("ال") else nm
    if i + 1 < stop:
        nxt = v.tokens[i + 1].norm
        pair = _ROLE_PAIRS.get((base, nxt[2:] if nxt.startswith("ال") else nxt))
        if pair is not None:
            end = v.tokens[i + 1].end
            k = i + 2
            t = v.tokens[k] if k < stop else None
            if t is not None:
                for e in v.ents_in(t.start, v.tokens[stop - 1].end):
                    if e.start <= t.start < e.end and e.label in ("GPE", "LOC", "PER", "FAC"):
                        end, k = e.end, v.tok_at(e.end - 1) + 1
                        break
            return Speaker(start, end, v.text[start:end], None, pair), k
    role = _ROLE_NOUNS.get(base)
    if role is None:
        return None
    j = i + 1
    adjs: list[str] = []
    while j < stop and v.tokens[j].kind == "word" and (a := _adj_stem(v.tokens[j].norm)) is not None:
        if _SOURCE_ADJ[a] and a != "رسمي":  # المتحدث الرسمي: the spokesperson (official is implied)
            adjs.append(_SOURCE_ADJ[a])
        j += 1
    if j >= stop or v.tokens[j].norm != _n("باسم"):
        return None
    inst = _institution_at(v, j + 1, stop)
    if inst is None:
        return None
    name, k = inst
    end = v.tokens[k - 1].end
    return Speaker(start, end, v.text[start:end], None, " ".join([name, *adjs, role])), k


def _resolve_anaphor(v: _View, i: int) -> Speaker | None:
    """A definite nominal (الوزارة، الوزير، الوزيران) resolved to entities mentioned before it."""
    tok_start, nm = v.bare(i)
    t = v.tokens[i]
    if not nm.startswith("ال"):
        return None
    base = nm[2:]
    before = [e for e in v.ents if e.end <= t.start]
    # dual: الوزيران / الطرفين -> the last two distinct people
    for suf in ("ان", "ين"):
        if base.endswith(suf) and base[: -len(suf)] in _DUAL_NOUNS:
            seen: list[Entity] = []
            for e in reversed(before):
                if e.label != "PER":
                    continue
                key = e.name_en or e.canonical or e.text
                if all((x.name_en or x.canonical or x.text) != key for x in seen):
                    seen.append(e)
                if len(seen) == 2:
                    break
            if len(seen) == 2:
                a, b = seen[1], seen[0]
                name = f"{a.name_en or a.text} and {b.name_en or b.text}"
                return Speaker(tok_start, t.end, v.text[tok_start : t.end], None, name)
            return Speaker(tok_start, t.end, v.text[tok_start : t.end], None, None)
    if base in _LATTER:
        # الأخيرة / الأخير ("the latter"): the last party mentioned before it that can speak
        for e in reversed(before):
            if e.label not in ("ORG", "PER", "GPE") or v.prepositional(e):
                continue
            ti = v.tok_at(e.start)
            if ti >= 2 and v.norm(ti - 2) in PREPOSITIONS and not v.norm(ti - 1).startswith("ال"):
                continue  # the second term of a prepositional construct (في ولاية الجزيرة)
            return Speaker(tok_start, t.end, v.text[tok_start : t.end], e.id, e.name_en)
        return None
    if base in _ORG_NOUNS or (base,) in _INSTITUTIONS:
        for e in reversed(before):
            if e.label in ("ORG", "GPE", "FAC") and base in normalize(e.text).text.replace("ال", " "):
                return Speaker(tok_start, t.end, v.text[tok_start : t.end], e.id, e.name_en)
        head = _INSTITUTIONS.get((base,))
        nat = _dateline_nationality(v) if head is not None else None
        if head is not None and nat is not None:
            # الجيش with no antecedent in a Baghdad-datelined article: the Iraqi Army
            sp = _bare_nominal(v, i, tok_start)
            if sp.end == t.end:
                return Speaker(sp.start, sp.end, sp.text, None, _NATIONAL_INSTITUTIONS.get((nat, head), f"{nat} {head}"))
        return _bare_nominal(v, i, tok_start)
    if base in _PER_TITLES:
        for e in reversed(before):
            if e.label != "PER":
                continue
            ti = v.tok_at(e.start)
            window = {v.norm(k) for k in range(max(0, ti - 5), ti)}
            window = {w[2:] if w.startswith("ال") else w for w in window} | window
            if base in window or any(w.startswith(base) for w in window):
                return Speaker(tok_start, t.end, v.text[tok_start : t.end], e.id, e.name_en)
        return _bare_nominal(v, i, tok_start)
    return None


_LATTER: frozenset[str] = _nset("أخير أخيرة")


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """ISO 3166 alpha-3 -> nationality adjective in English (KB NORP entries; ``US`` for the USA)."""
    from khabar.extract.kb import get_kb

    out: dict[str, str] = {}
    for e in get_kb().by_label("NORP"):
        if e.country and e.name_en:
            out.setdefault(e.country, _NAT_SHORT.get(e.name_en, e.name_en))
    return out


def _dateline_nationality(v: _View) -> str | None:
    """Nationality of the dateline's place (``بغداد - رويترز`` -> ``Iraqi``), ``None`` without a dateline."""
    dl = v.doc.dateline
    if dl is None or dl.place is None:
        return None
    e = next((x for x in v.ents if x.id == dl.place), None)
    return _demonyms().get(e.country) if e is not None and e.country else None


def _bare_nominal(v: _View, i: int, start: int) -> Speaker:
    """An unresolved nominal subject: the noun and the adjectives/names right after it (≤ 3 words)."""
    end = v.tokens[i].end
    j = i + 1
    while j < len(v.tokens) and j - i <= 3:
        t = v.tokens[j]
        if t.kind != "word" or not (
            t.norm.startswith("ال") or any(e.start == t.start for e in v.ents_in(t.start, t.end + 1))
        ):
            break
        if t.norm in SKIP_WORDS or t.norm in PREPOSITIONS:
            break
        if _circumstantial(v, j):
            break  # قال الوزير | مبتسما
        if v.norm(j - 1).startswith("ال") and t.norm.startswith("ال") and not _adjective_like(v, j):
            break  # وانتقد الوزير | الحكومة السابقة: a definite noun after a definite noun is its object
        end = t.end
        j += 1
    return Speaker(start, end, v.text[start:end], None, None)


def _adjective_like(v: _View, j: int) -> bool:
    """Whether definite token ``j`` may be an adjective of the noun before it (a title modifier, a
    source or body adjective, a nisba ending in ي/ية, a nationality) rather than a new noun phrase."""
    nm = v.norm(j)
    if nm in _TITLE_MODS or nm in _BODY_ADJ_EN or _adj_stem(nm) is not None or nm.endswith(("ي", "يه")):
        return True
    t = v.tokens[j]
    return any(e.label == "NORP" and e.start <= t.start < e.end for e in v.ents_in(max(0, t.start - 40), t.end))


def _subject(v: _View, a: int, b: int) -> Speaker | None:
    """The subject among tokens ``[a, b)`` right after a cue verb (VSO order).

    Order of preference: a source common noun in first position
    (مسؤولون، مصادر أمنية); a PER entity (titles before it are skipped); any
    other non-NORP entity not governed by a preposition; a definite anaphor
    resolved to an earlier entity; else the bare noun phrase (entity ``None``).
    Returns ``None`` when the slot holds no noun (pro-drop).
    """
    for x, y in v.anon_spans:
        if a <= x < b:
            b = x
            while b > a and v.tokens[b - 1].kind == "punct":
                b -= 1
    for k in range(a, b):
        if v.tokens[k].norm in _READER_VERBS:
            # دعا زعيم الحزب X، في رسالة تلاها نجله Y: the writer speaks, not the reader (nor a name
            # after the reading verb); the slot ends before the document phrase (في رسالة …)
            b = k
            for x in range(max(a, k - 6), k):
                if v.norm(x) in PREPOSITIONS and v.norm(x + 1) in _SPEECH_DOCS:
                    b = x
                    break
            while b > a and v.tokens[b - 1].kind == "punct":
                b -= 1
            break
    for k in range(a, b):
        if v.tokens[k].norm in _HAL_PRONOUNS:
            b = k  # قال لي | ونحن نعبر الجسر …: a circumstantial clause, not the subject
            break
    i = a
    count_at: int | None = None
    while i < b and (v.tokens[i].norm in SKIP_WORDS or v.tokens[i].kind in ("number", "punct")
                     or (v.tokens[i].norm in _COUNT_WORDS and i + 1 < b) or _circumstantial(v, i)
                     or (v.tokens[i].norm in _PARTITIVE_COUNTS and v.norm(i + 1) == "من" and i + 2 < b)):
        if v.tokens[i].norm in PREPOSITIONS:
            break
        if v.tokens[i].norm in _PARTITIVE_COUNTS and v.norm(i + 1) == "من" and i + 2 < b:
            count_at = i
            i += 2  # مئات من السكان: the partitive من governs nothing
            continue
        i += 1
    if i >= b:
        return None
    if count_at is not None:
        src = _source_np(v, i, b)
        if src is not None:
            s0 = v.tokens[count_at].start
            return Speaker(s0, src[0].end, v.text[s0 : src[0].end], None, src[0].name_en)
    first = v.tokens[i]
    if first.kind == "word" and (first.norm in PREPOSITIONS or _pp_word(v, i)):
        # وقال في بيان وزير الداخلية إن …، وقال لرويترز مسؤول …: a prepositional phrase between the verb
        # and its subject (VSO with a fronted adjunct); the subject must follow it at once
        j = _skip_pp(v, i, b)
        if j is not None and j < b and _subject_head(v, j) and not _possessed(v.tokens[j - 1]):
            return _subject(v, j, b)
        return None
    if first.norm in COMPLEMENTIZERS or first.kind != "word":
        return None
    if (first.norm[2:] if first.norm.startswith("ال") else first.norm) in _BODY_PLURALS:
        grp = _source_np(v, i, b)
        if grp is not None and grp[0].name_en and " " in grp[0].name_en:
            return grp[0]  # وكالات الإغاثة الدولية: agencies, not an outlet
    if _is_outlet_noun(first.norm):
        # ذكرت صحيفة الأهرام / قناة "المسيرة": the outlet speaks; مراسل وكالة …: its correspondent
        src = _attr_source(v, i, b)
        if src is not None:
            e_end = v.tokens[src[1] - 1].end
            bare = first.norm[2:] if first.norm.startswith("ال") else first.norm
            name = "correspondent" if bare in _CORRESPONDENT else src[0]
            return Speaker(first.start, e_end, v.text[first.start : e_end], None, name)
    role = _role_phrase(v, i, b)
    ents = [e for e in v.ents_in(first.start, v.tokens[b - 1].end)
            if e.label != "NORP" and _plausible_person(v, e, role) and not _after_outlet_noun(v, e)]
    # a title or role noun followed by the person's name (المتحدث باسم الجماعة يحيى سريع):
    # the person, unless the name is governed by a preposition (مسؤول مقرب من نتنياهو)
    for e in ents:
        if e.label == "PER" and not v.prepositional(e):
            return _speaker_from_entity(v, e)
    unk = _unknown_name(v, i, b)
    if unk is not None:
        return unk
    app = _apposed_name(v, i, b)
    if app is not None:
        return app
    if role is not None:
        # no name after the role: the role described by its body (Qatari Foreign Ministry spokesperson)
        return role[0]
    if first.norm in _PARTITIVE and i + 1 < b:
        src = _source_np(v, i + 1, b)  # أحد السكان، إحدى الناجيات -> one of them
        if src is not None:
            sp, _j = src
            return Speaker(first.start, sp.end, v.text[first.start : sp.end], None, _singular_en(sp.name_en))
    src = _source_np(v, i, b)
    if src is not None:
        return src[0]
    for e in ents:
        if e.label == "PER":
            return _speaker_from_entity(v, e)
    for e in ents:
        if not v.prepositional(e):
            return _speaker_from_entity(v, e)
    sur = _surname_of_earlier(v, i)
    if sur is not None:
        return sur
    if _nationality_at(v, i + 1) is not None:
        # a body named by its nationality (الجيش اللبناني، الرئاسة المصرية): not an anaphor
        inst = _body_name(v, i, b)
        if inst is not None:
            s0 = v.bare(i)[0]
            e_end = v.tokens[inst[1] - 1].end
            return Speaker(s0, e_end, v.text[s0:e_end], None, inst[0])
    ana = _resolve_anaphor(v, i)
    if ana is not None:
        return ana
    # bare noun phrase: up to four words, stopping at a preposition or skip word
    j = i
    while j < b and j - i < 4:
        t = v.tokens[j]
        if t.kind != "word" or t.norm in PREPOSITIONS or t.norm in SKIP_WORDS or t.norm in COMPLEMENTIZERS:
            break
        if j > i and t.norm[:1] in "بل" and not t.norm.startswith("ال"):
            break
        j += 1
    if j == i:
        return None
    # a body named from its parts only when the phrase ends here (المركز الأفريقي | لمكافحة الأمراض
    # goes on: its name would be cut)
    whole = j >= b or v.tokens[j].kind != "word" or v.tokens[j].norm in PREPOSITIONS \
        or v.tokens[j].norm in SKIP_WORDS or v.tokens[j].norm in COMPLEMENTIZERS
    return Speaker(first.start, v.tokens[j - 1].end, v.text[first.start : v.tokens[j - 1].end], None,
                   _compose_body(v, i, j) if whole else None)


_CORRESPONDENT: frozenset[str] = _nset("مراسل مراسلة")
#: Documents a speaker's words come in (في رسالة، في كلمة مسجلة).
_SPEECH_DOCS: frozenset[str] = _nset("رسالة رساله كلمة خطاب بيان مقال تسجيل")
#: Verbs of reading a document out (في رسالة تلاها نجله): the reader is no speaker of its words.
_READER_VERBS: frozenset[str] = _nset(
    "تلاها تلاه تلتها تلته قرأها قرأه قرأتها قرأته ألقاها ألقاه ألقتها ألقته نقلها نقلته"
)

#: Head nouns of bodies -> English (composed names: خلية الإعلام الأمني -> Security Media Cell).
_BODY_HEADS_EN: dict[str, str] = {_n(k): v for k, v in {
    "هيئة": "Authority", "نقابة": "Syndicate", "جمعية": "Association", "اتحاد": "Union", "رابطة": "League",
    "خلية": "Cell", "لجنة": "Committee", "مجلس": "Council", "مركز": "Center", "مرصد": "Observatory",
    "منظمة": "Organization", "مؤسسة": "Foundation", "مكتب": "Office", "دائرة": "Department", "مديرية": "Directorate",
    "إدارة": "Administration", "جهاز": "Service", "مفوضية": "Commission", "وكالة": "Agency", "شركة": "Company",
    "حزب": "Party", "حركة": "Movement", "جبهة": "Front", "تحالف": "Alliance", "تنسيقية": "Coordination",
    "محكمة": "Court", "نيابة": "Prosecution", "بلدية": "Municipality", "جامعة": "University", "غرفة": "Chamber",
    "عمادة": "Bar", "ديوان": "Office", "مندوبية": "Commission", "سلطة": "Authority", "شبكة": "Network", "ائتلاف": "Coalition",
}.items()}
#: Adjectives of body names (normalized, definite form) -> English.
_BODY_ADJ_EN: dict[str, str] = {_n(k): v for k, v in {
    "الوطنية": "National", "الوطني": "National", "العليا": "High", "الأعلى": "Supreme", "المستقلة": "Independent",
    "المستقل": "Independent", "العامة": "General", "العام": "General", "الأمني": "Security", "الأمنية": "Security",
    "الإسلامية": "Islamic", "الإسلامي": "Islamic", "الشعبية": "Popular", "الشعبي": "Popular", "الدولية": "International",
    "الدولي": "International", "المركزية": "Central", "المركزي": "Central", "الموحدة": "Unified", "الموحد": "Unified",
    "الديمقراطية": "Democratic", "الديمقراطي": "Democratic", "الاشتراكي": "Socialist", "المدني": "Civil",
    "المدنية": "Civil", "العربية": "Arab", "العربي": "Arab", "الأفريقي": "African", "الأوروبي": "European",
    "الطبية": "Medical", "الطبي": "Medical", "القضائية": "Judicial", "القضائي": "Judicial", "العسكرية": "Military",
    "العسكري": "Military", "الجمهوري": "Republican", "الإعلامي": "Media", "الإعلامية": "Media", "الحقوقية": "Rights",
    "الإنسانية": "Humanitarian", "الوطنيه": "National", "المشتركة": "Joint", "المشترك": "Joint", "الانتقالي": "Transitional",
    "الانتقالية": "Transitional", "الأهلية": "Civil", "الخاصة": "Special", "الرئاسية": "Presidential", "السامية": "High",
}.items()}
#: Genitive complements of body names (ال form; لل forms are read as ال) -> English, with the place the
#: genitive takes in the English name: before the head for people and fields that English names
#: use as modifiers (Bar Association, Security Media Cell, Labour Union), after it with "for"/"of"
#: for activities and subjects (Organization for Migration, Office of Statistics, Authority for Elections).
_BODY_GEN_EN: dict[tuple[str, ...], str] = {
    tuple(_n(w) for w in k.split()): v for k, v in {
        "الإعلام": "Media", "المحامين": "Lawyers", "الصحفيين": "Journalists", "الأطباء": "Doctors", "القضاة": "Judges",
        "المهندسين": "Engineers", "المعلمين": "Teachers", "الشغل": "Labour", "العمل": "Labour", "العمال": "Workers",
        "الانتخابات": "for Elections", "الإحصاء": "of Statistics", "الإحصاءات": "of Statistics",
        "الإحصائيات": "of Statistics", "حقوق الإنسان": "for Human Rights", "الإنقاذ": "Rescue", "الإغاثة": "Relief",
        "الأمن": "Security", "الصحة": "Health", "التعليم": "Education", "الهجرة": "for Migration",
        "اللاجئين": "for Refugees", "مكافحة الفساد": "Anti-Corruption", "النزاهة": "Integrity",
        "الأمن البحري": "Maritime Security", "الدفاع المدني": "Civil Defense", "الشباب": "Youth", "المرأة": "Women",
        "الطلبة": "Students", "الفلاحين": "Farmers", "التجارة": "of Commerce", "الصناعة": "of Industry",
        "الاتصالات": "Communications", "القضاء": "Judicial", "الصيادلة": "Pharmacists", "الأعمال": "Business",
        "الإعلام الأمني": "Security Media", "الطوارئ": "Emergency", "الأزمات": "Crisis", "التخطيط": "for Planning",
        "مكافحة الأمراض": "for Disease Control",
    }.items()
}
#: (head, genitive) pairs English names as one unit (هيئة المحامين -> Bar Association).
_BODY_PAIRS_EN: dict[tuple[str, str], str] = {
    (h, "Lawyers"): "Bar Association" for h in ("Authority", "Syndicate", "Association", "Union", "Bar", "Organization")
}


def _body_genitive_at(v: _View, k: int) -> bool:
    """Whether token ``k`` is a one-word genitive of a body name (للإحصائيات، الإعلام)."""
    nm = v.norm(k)
    key = "ال" + nm[2:] if nm.startswith("لل") else nm
    return (key,) in _BODY_GEN_EN


def _compose_body(v: _View, a: int, b: int) -> str | None:
    """English name of a body written ``HEAD [GENITIVE|ADJECTIVE|NATIONALITY]…`` over tokens ``[a, b)``,
    when every part is known: the nationality first, then the adjectives (the last one first), the
    genitive and the head (``خلية الإعلام الأمني`` -> ``Security Media Cell``, ``الهيئة الوطنية
    للمحامين`` -> ``National Bar Association``, ``الاتحاد العام التونسي للشغل`` -> ``Tunisian General
    Labour Union``). ``None`` when a part is unknown or there is no modifier."""
    if a >= b or v.tokens[a].kind != "word":
        return None
    _s0, hn = v.bare(a)
    for pre in ("لل", "ال", "ل"):
        if hn.startswith(pre) and hn[len(pre):] in _BODY_HEADS_EN:
            hn = hn[len(pre):]
            break
    head = _BODY_HEADS_EN.get(hn)
    if head is None:
        return None
    nats: list[str] = []
    adjs: list[str] = []
    gens: list[str] = []
    k = a + 1
    while k < b:
        t = v.tokens[k]
        if t.kind != "word":
            return None
        nm = t.norm
        key = "ال" + nm[2:] if nm.startswith("لل") else nm
        gen = next(((g, en) for g, en in _BODY_GEN_EN.items()
                    if (key,) + tuple(v.norm(x) for x in range(k + 1, k + len(g))) == g and k + len(g) <= b), None)
        if gen is not None:
            gens.append(gen[1])
            k += len(gen[0])
            continue
        if nm in _BODY_ADJ_EN:
            adjs.append(_BODY_ADJ_EN[nm])
            k += 1
            continue
        nat = _nationality_full(v, k)
        if nat is not None and nat[1] > k:
            nats.append(nat[0])
            k = nat[1]
            continue
        return None
    if not (adjs or gens or nats):
        return None
    if len(gens) == 1 and (head, gens[0]) in _BODY_PAIRS_EN:
        head, gens = _BODY_PAIRS_EN[(head, gens[0])], []
    before = [g for g in gens if not g.startswith(("for ", "of "))]
    after = [g for g in gens if g.startswith(("for ", "of "))]
    return " ".join(nats + list(reversed(adjs)) + before + [head] + after)


def _surname_of_earlier(v: _View, i: int) -> Speaker | None:
    """Token ``i`` repeats the last name of a person named earlier in full (``أمادو با`` … ``قال با``):
    that person (span on the token, the earlier mention's entity and English name)."""
    t = v.tokens[i]
    if t.kind != "word" or t.norm.startswith("ال") and len(t.norm) < 4:
        return None
    for e in reversed(v.ents):
        if e.end > t.start or e.label != "PER" or " " not in e.text.strip():
            continue
        if normalize_token(e.text.split()[-1]) == t.norm:
            return Speaker(t.start, t.end, t.text, e.id, _person_name(v, e))
    return None


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Normalized given names (Arabic and foreign) of ``kb/names_en.tsv`` (kinds ``given``, ``foreign``)."""
    path = resources.files("khabar.data.kb").joinpath("names_en.tsv")
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) >= 3 and cols[2] in ("given", "foreign"):
            out.add(_n(cols[0]))
    return frozenset(out)


def _unknown_name(v: _View, i: int, b: int) -> Speaker | None:
    """A person the entity module missed, named after a title, role or source noun at token ``i``
    (``النائب عن محافظة ديالى رعد الدهلكي``، ``المتحدث العسكري باسم الجماعة يحيى سريع``).

    The name starts at a known given name (``names_en.tsv``) not governed by a
    preposition and runs over at most three words up to a preposition, a
    particle or punctuation. ``name_en`` is the entity module's transliteration.
    Returns ``None`` when token ``i`` is no title/role/source noun or no such name follows.
    """
    _s, nm = v.bare(i)
    base = nm[2:] if nm.startswith("ال") else nm
    if not (base in _PER_TITLES or base in _ROLE_NOUNS or _singular(nm) is not None):
        return None
    given = _given_names()
    for k in range(i + 1, min(b, i + 9)):
        t = v.tokens[k]
        if t.kind != "word":
            if t.text in "()":
                continue
            return None
        if t.norm not in given or t.norm in PREPOSITIONS or v.norm(k - 1) in PREPOSITIONS:
            continue  # باسم is "in the name of" before a body, not the given name Basim
        if any(e.start <= t.start < e.end for e in v.ents_in(max(0, t.start - 60), t.end)):
            return None  # inside a known entity (a place, a body): not a person
        m = k + 1
        while m < b and m - k < 3:
            w = v.tokens[m]
            if w.kind != "word" or w.norm in PREPOSITIONS or w.norm in SKIP_WORDS or w.norm in COMPLEMENTIZERS:
                break
            if w.norm in _QAWL or any(e.start <= w.start < e.end for e in v.ents_in(max(0, w.start - 60), w.end)):
                break
            if _prep_noun(w.norm):
                break  # هالة عاكف | لقناة "رؤيا": the outlet the words were said to
            m += 1
        if m == k + 1:
            return None  # a lone given name is too weak a signal
        from khabar.extract.entities import transliterate

        s0, e0 = t.start, v.tokens[m - 1].end
        return Speaker(s0, e0, v.text[s0:e0], None, transliterate(v.text[s0:e0]))
    return None


def _apposed_name(v: _View, i: int, b: int) -> Speaker | None:
    """A name in apposition after a title that its modifiers close (``النائب العام الصديق الصور``،
    ``المبعوث الأممي X Y``): the person, not the title, speaks.

    Token ``i`` is a title or role noun; the words after it are the title's modifiers (adjectives
    of office, nationality and source adjectives), entities it governs and prepositional phrases
    (``عن محافظة ديالى``، ``باسم الحكومة``). An adjective closes the noun phrase, so two or three
    words after it that are no known vocabulary (:func:`_name_word`) and end the subject slot
    (before a preposition, the complementizer, punctuation) are a name in apposition. ``name_en``
    follows the person's country convention. ``None`` when there is no such name.
    """
    _s, nm = v.bare(i)
    base = nm[2:] if nm.startswith("ال") else nm
    if not (base in _TITLE_HEADS or _singular(nm) is not None):
        return None
    j = i + 1
    closed = False  # the title phrase ends on an adjective
    while j < b:
        t = v.tokens[j]
        if t.kind != "word":
            if t.text in "()" and j + 2 < b and v.tokens[j + 2].text in "()":
                j += 3  # (اليونيفيل)
                continue
            return None
        tn = t.norm
        ent = next((x for x in v.ents_in(max(0, t.start - 60), t.end + 80)
                    if x.label != "PER" and x.start <= t.start < x.end), None)
        if ent is not None:
            j = v.tok_at(ent.end - 1) + 1
            # a nationality closes the title (المبعوث الأممي …), and so does the body or place the title
            # governs (رئيس حزب الأمة القومي | فضل الله …، سفير فرنسا | …): a name may follow in apposition
            head = v.tok_at(ent.start) - 1  # the noun governing the entity (رئيس | حزب …)
            closed = ent.label == "NORP" or (
                ent.label in ("ORG", "GPE") and head >= i and v.tokens[head].kind == "word"
                and not v.norm(head).startswith("ال") and v.tokens[head].end <= ent.start)
            continue
        if tn in PREPOSITIONS or tn in _COMPLEMENT_PREPS:
            # a prepositional phrase inside the title (النائب عن محافظة ديالى): step over its object
            j += 1
            if j < b:
                obj = next((x for x in v.ents_in(max(0, v.tokens[j].start - 60), v.tokens[j].end + 80)
                            if x.start <= v.tokens[j].start < x.end), None)
                j = v.tok_at(obj.end - 1) + 1 if obj is not None else j + 1
            closed = False
            continue
        if tn in _TITLE_MODS or _adj_stem(tn) is not None or _nationality_at(v, j) is not None:
            j += 1
            closed = True
            continue
        tb = tn[2:] if tn.startswith("ال") else tn
        if tb in _TITLE_HEADS or tb in _TITLE_GENITIVES or (tb,) in _INSTITUTIONS or tb in _ORG_NOUNS:
            # a rank or a noun in construct inside the title (رئيس أركان الجيش الفريق أول …)
            j += 1
            closed = False
            continue
        break
    if not closed or j >= b:
        return None
    if v.norm(j)[:1] in "لب" and v.norm(j) not in _given_names():
        return None  # لوكالة …، لرويترز: the prepositional phrase after the title, not a name
    k = j
    while k < b and k - j < 3 and _name_word(v, k):
        k += 1
    if k < b and k - j == 3 and _name_word(v, k) and any(
            v.norm(x) in _COMPOUND_LEAD or v.norm(x) in _COMPOUND_TAIL for x in range(j, k)):
        k += 1  # فضل الله برمة ناصر: a compound given name leaves room for a fourth word
    if k - j < 2:
        return None
    if k < b:
        nxt = v.tokens[k]
        if not (nxt.kind != "word" or nxt.norm in PREPOSITIONS or nxt.norm in SKIP_WORDS
                or nxt.norm in COMPLEMENTIZERS or nxt.norm in _QAWL or nxt.norm[:1] in "لب"):
            return None  # the name must end the subject slot
    s0, e0 = v.tokens[j].start, v.tokens[k - 1].end
    dummy = Entity("", s0, e0, v.text[s0:e0], "PER")
    country = _person_country(v, dummy)
    if convention(country) == "english":
        from khabar.extract.entities import transliterate

        en = transliterate(v.text[s0:e0])
    else:
        en = name_en(v.text[s0:e0], country)
    return Speaker(s0, e0, v.text[s0:e0], None, en)


#: Nouns that stand in construct inside titles (رئيس أركان الجيش، عميد المحامين), ال stripped.
_TITLE_GENITIVES: frozenset[str] = _nset(
    "أركان اركان جيش وزراء حكومة برلمان مجلس دولة جمهورية استخبارات مخابرات شرطة حزب حركة بلدية محامين صحفيين "
    "نواب شيوخ شعب أمة سيادة قضاء نيابة أمن دفاع خارجية داخلية مالية عدل إعلام اعلام اقتصاد تجارة صحة تعليم"
)
#: Prepositions written as words that open a complement inside a title (لدى، باسم).
_COMPLEMENT_PREPS: frozenset[str] = _nset("لدى باسم")


def _pp_word(v: _View, i: int) -> bool:
    """Whether word ``i`` is a proclitic preposition on an outlet (``لرويترز``، ``لـ«الشرق الأوسط»``,
    ``لوكالة``)."""
    t = v.tokens[i]
    if _prep_noun(t.norm) or t.norm in ("ل", "لـ") or (t.norm[:1] == "ل" and t.norm[1:] in _OUTLETS):
        return True
    return t.norm[:1] == "ل" and any(t.start < e.start < t.end and e.sector == "MED"
                                      for e in v.ents_in(t.start, t.end + 80))


def _skip_pp(v: _View, i: int, b: int) -> int | None:
    """Index after a short prepositional phrase at ``i``: a preposition (free or proclitic) and its
    object — a marked name (``لـ«الشرق الأوسط»``), an entity, or a noun with one adjective
    (``في بيان``، ``خلال مؤتمر صحفي``). ``None`` when none fits."""
    t = v.tokens[i]
    k = i + 1 if t.norm in PREPOSITIONS or t.norm in ("ل", "لـ") else i
    if k >= b:
        return None
    if v.tokens[k].text in _MARK_FAMILY:
        for x in range(k + 1, min(b, k + 7)):
            if v.tokens[x].text in _MARK_FAMILY:
                return x + 1
        return None
    ent = next((e for e in v.ents_in(max(0, v.tokens[k].start - 2), v.tokens[k].end + 80)
                if e.start < v.tokens[k].end and e.end > v.tokens[k].start), None)
    if ent is not None:
        return v.tok_at(ent.end - 1) + 1
    if v.tokens[k].kind != "word":
        return None
    k += 1
    if k < b and v.tokens[k].kind == "word" and not v.norm(k).startswith("ال") and (
            _adj_stem(v.norm(k)) is not None or v.norm(k).endswith(("ي", "يه"))):
        k += 1  # مؤتمر صحفي
    return k


def _possessed(t: Token) -> bool:
    """Whether a noun carries a possessive pronoun (``لقائه``، ``زيارتها``، ``مغادرتهم``): after
    ``قال عقب لقائه``, the noun that follows is the masdar's object and the subject was dropped."""
    w = t.text.rstrip()
    return t.kind == "word" and len(w) > 3 and (w.endswith(("ها", "هم", "هما", "هن")) or w[-1] == "ه")


def _subject_head(v: _View, j: int) -> bool:
    """Whether token ``j`` can open a subject: a title or role noun, a source noun, a body noun, or
    the start of a (non-nationality) entity."""
    t = v.tokens[j]
    if t.kind != "word":
        return False
    nm = t.norm
    base = nm[2:] if nm.startswith("ال") else nm
    if base in _TITLE_HEADS or _singular(nm) is not None or base in _SOURCE_PLURALS or base in _ORG_NOUNS:
        return True
    return any(e.start == t.start and e.label != "NORP" for e in v.ents_in(t.start, t.end + 80))


def _after_outlet_noun(v: _View, e: Entity) -> bool:
    """Whether entity ``e`` names an outlet the words were said to: it follows a preposition + outlet noun
    (``قال مصدر عسكري لموقع | سودان تربيون``، ``في حديث لقناة | X``); never the speaker."""
    ti = v.tok_at(e.start)
    if ti - 1 < 0 or v.tokens[ti].start < e.start:
        return False
    nm = v.norm(ti - 1)
    return nm[:1] in "لب" and _is_outlet_noun(nm)


def _plausible_person(v: _View, e: Entity, role: tuple[Speaker, int] | None) -> bool:
    """Whether entity ``e`` may be taken as a speaker (always, unless it is a PER guessed from a title
    (``source == "title"``) that lies inside a role phrase (المتحدث باسم *هيئة* الأركان), that is
    directly followed by another PER (رئيس حكومة *تصريف* الأعمال نجيب ميقاتي), or that is one
    circumstantial word (المتحدث *ضاحكا*))."""
    if e.label != "PER" or e.source != "title":
        return True
    if " " not in e.text.strip() and _circumstantial(v, v.tok_at(e.start)):
        return False
    if role is not None and role[0].start <= e.start < role[0].end:
        return False
    k = v.tok_at(e.end - 1)
    if " " not in e.text.strip() and k + 1 < len(v.tokens) and v.norm(k + 1).startswith("ال") \
            and v.tokens[k + 1].start == v.tokens[k].end + 1 and v.norm(k) not in _given_names():
        return False  # رئيس أركان الجيش: a noun in construct, not a one-word name
    nxt = v.ents_in(e.end, e.end + 40)
    k = v.tok_at(e.end - 1)
    return not any(
        x.label == "PER" and x is not e and x.start >= e.end and v.tok_at(x.start) - k <= 3 for x in nxt
    )


def _subject_before(v: _View, sent_first_tok: int, cue_tok: int, skip: Sequence[tuple[int, int]],
                    agree: str | None = None) -> Speaker | None:
    """The clause subject before the cue (SVO, or the main verb's subject for a participle).

    Scans from the sentence start, after a fronted prepositional adjunct (``وفي مدينة X، …``); the
    first candidate not governed by a preposition (directly or through a construct: ``في مدينة
    الكرك``) and not inside a quote wins. ``agree`` is a participle cue's agreement (``m``, ``f``,
    ``p``: :func:`_participle_agreement`): a candidate that cannot agree with it is the main
    verb's object, not its subject (``وحث الحكومة …، مطالبا`` skips ``الحكومة``).
    """
    def inside(off: int) -> bool:
        return any(s <= off < e for s, e in skip)

    sent_first_tok = _after_adjunct(v, sent_first_tok, cue_tok)
    ents = [e for e in v.ents_in(v.tokens[sent_first_tok].start, v.tokens[cue_tok].start) if e.label != "NORP"]
    for i in range(sent_first_tok, cue_tok):
        t = v.tokens[i]
        if t.kind != "word" or inside(t.start):
            continue
        prev = v.norm(i - 1) if i > sent_first_tok else ""
        if prev == "من" and i - 2 >= sent_first_tok and v.norm(i - 2) in _PARTITIVE_COUNTS:
            # خرج مئات من أنصار الحزب: a partitive من governs nothing; the count word starts the span
            src = _source_np(v, i, cue_tok)
            if src is not None:
                s0 = v.tokens[i - 2].start
                cand = Speaker(s0, src[0].end, v.text[s0 : src[0].end], None, src[0].name_en)
                if _agrees(v, agree, cand):
                    return cand
            continue
        if prev in PREPOSITIONS or _governed_construct(v, i, sent_first_tok):
            continue
        src = _source_np(v, i, cue_tok)
        if src is not None and _agrees(v, agree, src[0]):
            return src[0]
        for e in ents:
            if t.start <= e.start < t.end and not v.prepositional(e):
                cand = _speaker_from_entity(v, e)
                if _agrees(v, agree, cand, e):
                    return cand
        app = _apposed_person(v, i, cue_tok)
        if app is not None:
            return app
        ana = _resolve_anaphor(v, i)
        if ana is not None and _agrees(v, agree, ana):
            return ana
    return None


def _participle_agreement(v: _View, h: _CueHit) -> str | None:
    """Agreement of a participle cue by its ending: ``m`` (مطالبا، داعيا), ``f`` (مؤكدة), ``p``
    (مؤكدين، مشيرون); ``None`` for a dual or anything else (no check)."""
    w = normalize_token(v.text[h.start : h.end])
    if w.endswith(("تين", "تان")) or (w.endswith("ان") and not w.endswith("ين")):
        return None
    if w.endswith(("ين", "ون")):
        return "p"
    if w.endswith("ه"):
        return "f"
    if w.endswith("ا"):
        return "m"
    return None


def _agrees(v: _View, agree: str | None, sp: Speaker, e: Entity | None = None) -> bool:
    """Whether candidate subject ``sp`` can agree with a participle of agreement ``agree``: a feminine
    singular noun (a body ending in ة، a city: ``الحكومة``، ``طهران``) takes a feminine participle, a
    human plural (``المعلمين``، ``مئات من أنصار``) a plural one; people named by entity (``PER``) and
    anything unclear pass."""
    if agree is None:
        return True
    if e is not None and e.label == "PER":
        return True
    words = normalize_phrase(sp.text).split()
    if not words:
        return True
    head = words[0]
    if head in _PARTITIVE_COUNTS:
        g = "p"
    else:
        base = head[2:] if head.startswith("ال") else head
        sg = _singular(head)
        if base in _SOURCE_PLURALS or (sg is not None and base != sg and base.endswith(("ون", "ين"))):
            g = "p"
        elif sg is not None:
            g = "f" if base.endswith("ه") else "m"
        elif (e is not None and e.label == "GPE") or base.endswith("ه") or base.endswith("ات"):
            g = "f"
        else:
            return True
    if agree == "m":
        return g == "m"
    if agree == "f":
        return g == "f"
    return g == "p" or g == "m"


def _after_adjunct(v: _View, first: int, cue_tok: int) -> int:
    """First token of a clause after a fronted prepositional adjunct closed by a comma
    (``وفي مدينة الكرك جنوبي المملكة، تظاهر …``، ``في المقابل، قال …``): a place or time named
    there is where or when it happened, never the subject. ``first`` when there is none."""
    if first >= cue_tok:
        return first
    nm = v.norm(first)
    if not (nm in PREPOSITIONS or (nm[:1] in "وف" and nm[1:] in PREPOSITIONS)):
        return first
    for k in range(first + 1, min(cue_tok, first + 12)):
        t = v.tokens[k]
        if t.text in "،,":
            return k + 1
        if t.kind == "punct" and t.text not in "()-–":
            break
    return first


def _governed_construct(v: _View, i: int, lo: int) -> bool:
    """Whether token ``i`` is the second term of a construct governed by a preposition
    (``في مدينة الكرك``، ``بولاية الجزيرة``): not a subject."""
    if i - 1 < lo or v.tokens[i - 1].kind != "word":
        return False
    head = v.norm(i - 1)
    if head.startswith("ال") or head in PREPOSITIONS:
        return False
    if i - 2 >= lo and v.norm(i - 2) in PREPOSITIONS:
        return True
    # a proclitic preposition on the head noun (بمدينة، لولاية): ب/ل + a known place noun
    return head[:1] in "بل" and head[1:] in _PLACE_NOUNS


#: Nouns of places that head a construct with a place name (مدينة الكرك، ولاية الجزيرة).
_PLACE_NOUNS: frozenset[str] = _nset("مدينة بلدة قرية ولاية محافظة منطقة إقليم مخيم حي ناحية قضاء جزيرة عاصمة")


def _apposed_person(v: _View, i: int, stop: int) -> Speaker | None:
    """A title noun at token ``i`` followed within four words by a PER entity (الرئيس التونسي قيس سعيد)."""
    _s, nm = v.bare(i)
    base = nm[2:] if nm.startswith("ال") else nm
    if base not in _PER_TITLES:
        return None
    lim = min(stop, i + 5)
    k = i + 1
    while k < lim and v.tokens[k].kind == "word" and v.tokens[k].norm not in PREPOSITIONS:
        k += 1
    if k == i + 1:
        return None
    for e in v.ents_in(v.tokens[i + 1].start, v.tokens[k - 1].end):
        if e.label == "PER":
            return _speaker_from_entity(v, e)
    return None


# ---------------------------------------------------------------------------
# find_quotes
# ---------------------------------------------------------------------------


def _strip_end(text: str, s: int, e: int) -> int:
    while e > s and (text[e - 1].isspace() or text[e - 1] in _FINAL_PUNCT):
        e -= 1
    return e


def _word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


def find_quotes(doc: Document) -> tuple[Quote, ...]:
    """Direct and indirect quotes of ``doc`` with cue verbs and speakers.

    Args:
        doc: a segmented :class:`~khabar.doc.Document` (``sentences``, ``tokens``;
            ``entities`` are used when present and ignored when empty — speakers
            then fall back to text spans with ``entity=None``).

    Returns:
        :class:`~khabar.doc.Quote` records sorted by ``start``, ids ``qt1, qt2, …``.
        Direct quotes span the marks (``“…”``; an unclosed quote runs to the end
        of its sentence without the final punctuation). Indirect quotes start at
        the complementizer (إن، أن، بأن، إلى أن، على أن …) and run to the end of
        the sentence without the final punctuation. ``cue`` is the cue verb as
        written, proclitics excluded (``وأضاف`` → ``أضاف``). Offsets are code
        points, half-open. First-person speech (``قلنا للضابط إننا …``) has the
        writer as speaker: the verb's span with ``name_en`` :data:`NARRATOR`.

    Raises:
        Nothing on ordinary text; a missing ``data/cues.tsv`` raises ``FileNotFoundError``.
    """
    v = _View(doc)
    if not v.tokens:
        return ()
    text = v.text
    hits = _cue_hits(v)
    hit_at = {h.tok: h for h in hits}
    pairs = _mark_pairs(v)
    marked = [(o, e) for o, e, _c in pairs]

    # (start, end, direct, cue hit or None, speaker or None)
    quotes: list[tuple[int, int, bool, _CueHit | None, Speaker | None]] = []
    direct_spans: list[tuple[int, int]] = []
    used_toks: set[int] = set()  # cue tokens already used by a direct quote

    # ---- direct quotes
    for o, e, closed in pairs:
        inner = text[o + 1 : e - 1 if closed else e]
        if not inner.strip():
            continue
        if any(ds <= o and e <= de for ds, de in direct_spans):
            continue  # nested inside an outer quote: part of it
        n_words = _word_count(inner)
        ot = v.tok_at(o)
        sent_i = v.sent_of(o)
        s_first = v.tok_at(v.sents[sent_i].start)
        # a naming noun right before the mark: a name, title or slogan
        prev_words = [v.norm(k) for k in range(max(s_first, ot - 2), ot) if v.tokens[k].kind == "word"]
        if any((w[2:] if w.startswith("ال") else w) in _NAMING_NOUNS or w in _NAMING_NOUNS for w in prev_words[-1:]):
            continue
        # cue before the mark (same sentence, at most 8 tokens between, colon allowed)
        colon_before = False
        k = ot - 1
        while k >= 0 and v.tokens[k].kind == "punct" and v.tokens[k].text not in _MARK_FAMILY:
            if v.tokens[k].text in ":：":
                colon_before = True
            k -= 1
        # cue before the mark (same sentence, at most 8 tokens between; 24 before a colon:
        # وقال المدير العام للمنظمة تيدروس أدهانوم في مؤتمر صحفي: “…”)
        cue: _CueHit | None = None
        before_gap = None
        reach = 25 if colon_before else 9
        k = ot - 1
        while k >= s_first and ot - k <= reach:
            if k in hit_at:
                cue, before_gap = hit_at[k], ot - k - 1
                break
            if v.tokens[k].text in _MARK_FAMILY:
                break
            k -= 1
        # cue after the closer: «…» قالت المنسقة / «…»، قال الوزير
        after_cue: _CueHit | None = None
        if closed:
            k = v.tok_at(e)
            while k < len(v.tokens) and k - v.tok_at(e) < 3 and v.tokens[k].kind == "punct" and v.tokens[k].text in "،,-–—":
                k += 1
            if k < len(v.tokens) and k in hit_at:
                after_cue = hit_at[k]
        if any(v.tokens[x].norm in COMPLEMENTIZERS for x in range(max(s_first, ot - 3), ot)):
            # a phrase quoted inside reported content (قال … إن "…"): part of the indirect quote
            cue = None
            after_cue = None
        if cue is not None and before_gap is not None:
            between = [v.tokens[x] for x in range(cue.tok + 1, ot)]
            # a complementizer between: the direct quote is embedded in an indirect one
            if any(t.norm in COMPLEMENTIZERS for t in between):
                cue = None
                after_cue = None
        if n_words <= 4:
            # a short marked span is speech only right after a colon, right before a cue
            # («لا» قال الوزير), or right after a cue with nothing but particles between
            # (قالت فيه “…”); a bare entity name between marks is a name, not speech.
            adjacent = cue is not None and all(
                v.tokens[x].norm in _GAP_WORDS or v.tokens[x].kind == "punct" for x in range(cue.tok + 1, ot)
            )
            is_name = any(en.start >= o and en.end <= e and _word_count(en.text) == n_words for en in doc.entities)
            if not (colon_before or after_cue is not None or adjacent) or (is_name and not colon_before):
                continue
        used = cue if cue is not None else after_cue
        speaker: Speaker | None = None
        if used is not None:
            if used.tok > ot:  # cue after the quote
                stop = used.tok + 1
                while stop < len(v.tokens) and v.tok_sent[stop] == v.tok_sent[used.tok] and v.tokens[stop].kind != "punct":
                    stop += 1
                speaker = _subject(v, used.tok + 1, stop)
            elif not _is_participle(v, used):
                speaker = _subject(v, used.tok + 1, ot)
                if _first_person(v, used, None, speaker):
                    speaker = _narrator(v, used)
            used_toks.add(used.tok)
        quotes.append((o, e, True, used, speaker))
        direct_spans.append((o, e))

    # ---- indirect quotes
    # closed marked spans of at most four words (names: صحيفة "يديعوت أحرونوت") by opening offset
    name_pairs = {o: e for o, e, c in pairs if c and _word_count(text[o + 1 : e - 1]) <= 4}
    attr_spans = [(a.start, a.end) for a in (doc.attributions or find_attributions(doc))]
    covered: list[tuple[int, int]] = []
    for h in hits:
        if h.tok in used_toks:
            continue
        if any(ds <= h.start < de for ds, de in direct_spans):
            continue
        if any(cs <= h.start < ce for cs, ce in covered):
            continue
        si = v.tok_sent[h.tok]
        sent = v.sents[si]
        comp = _complementizer(v, h, hit_at, name_pairs)
        if comp is None:
            continue
        cs = v.tokens[comp].start
        ce = _strip_end(text, cs, sent.end)
        # a new reporting clause after a comma ends this one
        # (…، مضيفا أن …؛ …، في حين قال الجيش إن …): it becomes a quote of its own
        for h2 in hits:
            if h2.tok <= comp or h2.start >= ce or v.tok_sent[h2.tok] != si:
                continue
            if _complementizer(v, h2, hit_at, name_pairs) is None and not _before_mark(v, h2):
                continue
            k = h2.tok - 1
            while k > comp and v.tokens[k].norm in _CLAUSE_LINKS:
                k -= 1
            if k > comp and v.tokens[k].text in "،,؛;":
                ce = _strip_end(text, cs, v.tokens[k].start)
                break
        # a coordinated verb that agrees with the speaker and not with the reported subject
        # (قالت واشنطن إنهم ساعدوا …، وجمدت أصولا …) is narration again
        ce = _narrative_continuation(v, h, comp, ce)
        # a trailing sourcing phrase (…، بحسب ما ذكرت رويترز) is not part of the reported content
        for a_s, _a_e in attr_spans:
            if cs < a_s < ce and text[cs:a_s].rstrip()[-1:] in "،,":
                ce = _strip_end(text, cs, a_s)
                break
        if ce <= cs:
            continue
        # the subject slot: after the verb up to the complementizer
        a = h.tok + 1
        if h.cue.lemma == "نقل":
            for x in range(h.tok + 1, comp):
                if v.tokens[x].norm == "عن":
                    a = x + 1
                    break
        end_slot = comp
        while end_slot > a and v.tokens[end_slot - 1].norm in _QAWL:
            end_slot -= 1
        # a participle (…، مطالبين الحكومة بأن …) takes no subject after it: the words there are its object
        speaker = None if _is_participle(v, h) else _subject(v, a, end_slot)
        if _first_person(v, h, comp, speaker):
            speaker = _narrator(v, h)
        quotes.append((cs, ce, False, h, speaker))
        covered.append((h.start, ce))

    # reported content that is entirely between marks (قال إن "…") is a direct quote with the
    # indirect one's cue and speaker; a cue-less marked phrase inside reported speech is part of it
    by_span = {(q[0], q[1]): q for q in quotes if not q[2]}
    merged: list[tuple[int, int, bool, _CueHit | None, Speaker | None]] = []
    absorbed: set[tuple[int, int]] = set()
    for q in quotes:
        if not (q[2] and q[3] is None):
            continue
        for (a, b), iq in by_span.items():
            if a <= q[0] and q[1] >= b and q[0] < b and _only_comp_before(v, a, q[0]):
                merged.append((q[0], q[1], True, iq[3], iq[4]))
                absorbed.add((a, b))
                break
    indirect = [span for span in by_span if span not in absorbed]
    merged_starts = {m[0] for m in merged}
    quotes = [
        q for q in quotes
        if not (q[2] and q[3] is None and (q[0] in merged_starts or any(a <= q[0] and q[1] <= b for a, b in indirect)))
        and (q[2] or (q[0], q[1]) not in absorbed)
    ] + merged
    # ---- pro-drop: speakers from the clause before, or from earlier sentences
    quotes.sort(key=lambda q: (q[0], q[1]))
    out: list[Quote] = []
    last: tuple[int, Speaker] | None = None
    attrs = doc.attributions or find_attributions(doc)
    last_via: str | None = None
    for n, (s, e, direct, h, spk) in enumerate(quotes, 1):
        inherited = spk is None
        if spk is not None and h is not None:
            spk = _source_anaphor(v, spk, out)
        if spk is None and h is not None and _is_participle(v, h) and last is not None and last[0] == v.tok_sent[h.tok]:
            # a participle clause (…، محذرا من أن …) takes the subject of the reporting clause before it
            spk = last[1]
        if spk is None and h is not None:
            si = v.tok_sent[h.tok]
            s_first = _after_dateline(v, v.tok_at(v.sents[si].start))
            spk = _subject_before(v, s_first, h.tok, marked,
                                  _participle_agreement(v, h) if _is_participle(v, h) else None)
            if spk is None and last is not None and si - last[0] <= 3:
                spk = last[1]
            if spk is None:
                spk = _previous_subject(v, si)
        if spk is None and h is None:
            # cue-less direct quote: the clause subject, if any
            si = v.sent_of(s)
            s_first = v.tok_at(v.sents[si].start)
            outer = [q for q in quotes if not q[2] and q[0] <= s and e <= q[1] and q[4] is not None]
            spk = outer[0][4] if outer else _subject_before(v, _after_dateline(v, s_first), v.tok_at(s), marked)
        cue_text = text[h.start : h.end] if h is not None else None
        # the source chain: an attribution in the clause that names the outlet (قال مسؤول لرويترز،
        # نقلت وكالة … عن مصدر، …، بحسب رويترز), else the outlet of the quote whose speaker this one inherits
        anchor = h.start if h is not None else s
        si = v.sent_of(anchor)
        via = next(
            (a.via for a in attrs if a.via and v.sent_of(a.start) == si
             and (a.start <= anchor < a.end + 40 or (spk is not None and a.start <= spk.start < a.end) or e <= a.start)),
            None,
        )
        if via is None and inherited and spk is not None and last is not None and spk is last[1]:
            via = last_via
        anon = spk is not None and (_is_anonymous(spk) or any(
            v.tok_sent[x] == si for x, _y in v.anon_spans if x < len(v.tokens)))
        source = (spk.name_en or spk.text) if spk is not None else None
        out.append(Quote(f"qt{n}", s, e, text[s:e], direct, cue_text, spk, source, via, anon))
        if spk is not None and h is not None and spk.name_en != NARRATOR:
            # a first-person quote (قلنا …) is no antecedent of a later third-person pro-drop verb
            last = (v.tok_sent[h.tok], spk)
            last_via = via
        elif spk is not None and h is None and spk.name_en != NARRATOR:
            # a cue-less quote whose speaker was found (قالت مصادر لـ"سبق": "…") is an antecedent too (وأضافت: …)
            last = (v.sent_of(s), spk)
            last_via = via
    return tuple(out)


#: ``name_en`` of the speaker of first-person speech (قلت، قلنا للضابط إننا …، وعدنا … بأننا …): the
#: article's writer, whose words are reported as the narrator's (the pronoun is the verb's ending).
NARRATOR = "narrator"
#: Participles listed in full among the weak cue verbs (نافيا، داعيا).
_FULL_PARTICIPLES: frozenset[str] = _nset("نافيا نافية نافين نافيين داعيا داعية داعين داعيين")
#: First-person forms of the hollow قال (قلت، قلنا): its third person keeps the alif (قالت).
_HOLLOW_FIRST: frozenset[str] = _nset("قلت قلنا")


def _is_participle(v: _View, h: _CueHit) -> bool:
    """Whether cue ``h`` is an active participle (مؤكدا، مطالبين، نافيا): a circumstantial clause
    whose subject is the main clause's, never a noun after it."""
    if h.cue.form == "part":
        return True
    return h.cue.form == "full" and normalize_token(v.text[h.start : h.end]) in _FULL_PARTICIPLES


def _first_person(v: _View, h: _CueHit, comp: int | None, speaker: Speaker | None) -> bool:
    """Whether cue ``h`` is said by the writer (first person): the hollow قلت/قلنا, or a perfect verb
    ending in نا (أكدنا، وعدنا) whose subject slot is empty or whose complementizer is first person
    too (وعدنا مديرة المدرسة بأننا …: نا is the subject, the noun after it the hearer). A noun
    subject after the verb makes نا its object (أبلغنا مسؤول بأن … "an official told us")."""
    w = normalize_token(v.text[h.start : h.end])
    if w in _HOLLOW_FIRST:
        return True
    if h.cue.form != "perf" or not w.endswith("نا") or len(w) < 4:
        return False
    if comp is not None:
        c = v.tokens[comp].norm
        if c in COMP_PREPS and comp + 1 < len(v.tokens):
            c = v.tokens[comp + 1].norm
        if c.endswith("نا") and c in COMPLEMENTIZERS:
            return True
    return speaker is None


def _narrator(v: _View, h: _CueHit) -> Speaker:
    """The writer as speaker: the span of the first-person verb (its ending is the subject pronoun)."""
    return Speaker(h.start, h.end, v.text[h.start : h.end], None, NARRATOR)


def _after_dateline(v: _View, first: int) -> int:
    """First token of a sentence after the article's dateline (``كييف (أ ف ب) - قال …``), if it starts there."""
    dl = v.doc.dateline
    if dl is None or first >= len(v.tokens) or not (v.tokens[first].start <= dl.end and dl.start <= v.tokens[first].start):
        return first
    k = v.tok_at(dl.end)
    while k < len(v.tokens) and v.tokens[k].kind == "punct":
        k += 1
    return k if k < len(v.tokens) and v.tok_sent[k] == v.tok_sent[first] else first


def _agreement(form: str) -> str | None:
    """Subject agreement of a perfect verb by its ending: ``f`` (…ت, not …ات), ``p`` (…وا), else ``None``."""
    if len(form) >= 3 and form.endswith("وا"):
        return "p"
    if len(form) >= 3 and form.endswith("ت") and not form.endswith("ات") and not form.startswith("ال"):
        return "f"
    return None


_COMP_AGREEMENT: dict[str, str] = {"هم": "p", "هن": "p", "هما": "p", "ها": "f"}


def _narrative_continuation(v: _View, h: _CueHit, comp: int, ce: int) -> int:
    """End of an indirect quote cut before ``، وVERB`` when VERB agrees with the cue verb
    (the speaker) but not with the pronoun on the complementizer (the reported subject).

    Only perfect cue verbs with a visible ending (``قالت``، ``قالوا``) and a complementizer
    with a pronoun (``إنهم``، ``أنها``) are judged; otherwise ``ce`` is returned unchanged.
    """
    if h.cue.form != "perf":
        return ce
    speaker_agr = _agreement(normalize_token(v.text[h.start : h.end]))
    c = v.tokens[comp]
    if c.norm not in COMPLEMENTIZERS and comp + 1 < len(v.tokens):
        c = v.tokens[comp + 1]
    pron = next((p for p in ("هما", "هم", "هن", "ها") if c.norm.endswith(p)), None)
    if speaker_agr is None or pron is None or _COMP_AGREEMENT[pron] == speaker_agr:
        return ce
    k = comp + 1
    while k + 1 < len(v.tokens) and v.tokens[k + 1].start < ce:
        t, w = v.tokens[k], v.tokens[k + 1]
        if t.text in "،," and w.kind == "word" and w.norm[:1] == "و" and _agreement(w.norm[1:]) == speaker_agr:
            return _strip_end(v.text, v.tokens[comp].start, t.start)
        k += 1
    return ce


def _only_comp_before(v: _View, a: int, o: int) -> bool:
    """Whether only the complementizer (and a preposition leaning on it) stands in ``text[a:o]``."""
    words = [t for t in v.tokens[v.tok_at(a) : v.tok_at(o)] if t.kind != "punct"]
    return 0 < len(words) <= 2 and words[-1].norm in COMPLEMENTIZERS


def _source_anaphor(v: _View, spk: Speaker, earlier: Sequence[Quote]) -> Speaker:
    """A definite source noun (المصدر، المسؤول) names the last earlier speaker of that kind
    (``مصدر دبلوماسي`` … ``وأوضح المصدر``): keep the span, take that speaker's English name."""
    if spk.entity is not None or not spk.name_en or " " in spk.name_en:
        return spk
    if not normalize_phrase(spk.text).startswith("ال"):
        return spk
    for q in reversed(earlier):
        p = q.speaker
        if p is not None and p.name_en and p.name_en != spk.name_en and p.name_en.endswith(" " + spk.name_en):
            return Speaker(spk.start, spk.end, spk.text, p.entity, p.name_en, p.entities)
    return spk


#: Connectives that may stand between a comma and a new reporting verb (…، فيما قال …).
_CLAUSE_LINKS: frozenset[str] = _nset("فيما في حين بينما كما لكن لكنه غير أن و ثم حيث إذ")


def _complementizer(v: _View, h: _CueHit, hit_at: dict[int, _CueHit], name_pairs: dict[int, int]) -> int | None:
    """Token index where the reported clause of cue ``h`` starts (إن/أن/بأن, or a preposition
    leaning on it: إلى أن), within 16 tokens of the cue in its sentence; ``None`` if none.

    A short marked name between (صحيفة "يديعوت أحرونوت"، لقناة «الميادين») is stepped over;
    another quotation mark, a colon or another cue verb stops the search.
    """
    si = v.tok_sent[h.tok]
    k = h.tok + 1
    # أشار/لفت/دعا/نوه … إلى أن: the إلى belongs to the verb, so a long subject may stand between
    # (أشار رئيس اللجنة فلان خلال جلسة عقدتها … إلى أن …); other cues keep the 16-token reach
    reach = 32 if h.cue.lemma in _ILA_CUES else 16
    while k < len(v.tokens) and k - h.tok <= reach and v.tok_sent[k] == si:
        t = v.tokens[k]
        if t.text in _MARK_FAMILY:
            end = name_pairs.get(t.start)
            if end is None:
                return None
            k = v.tok_at(end)
            continue
        if t.text in ":":
            return None
        if k in hit_at:
            return None
        if t.norm in COMPLEMENTIZERS:
            prev = v.tokens[k - 1].norm if k - 1 > h.tok else ""
            if prev in _CONJ_BEFORE_AN:
                return None  # إلا أن، غير أن، بعد أن: a new clause, not the cue's content
            ila = h.cue.lemma in _ILA_CUES and prev == _n("إلى")
            if k - h.tok > 16 and not ila:
                return None
            if k - 1 > h.tok and prev in COMP_PREPS:
                if k - 2 > h.tok and v.tokens[k - 2].text in "،,؛;" and not ila:
                    return None  # …، على أن تدخل (provided that): not the cue's content
                return k - 1
            return k
        k += 1
    return None


#: Cue lemmas that take their content with إلى أن (pointed out that, called for).
_ILA_CUES: frozenset[str] = frozenset({"أشار", "لفت", "دعا", "نوه"})
#: Words that make أن a conjunction of a new clause (however, after, before, until …), not a complementizer.
_CONJ_BEFORE_AN: frozenset[str] = _nset("إلا الا غير بيد رغم برغم بعد قبل منذ حتى لولا دون بدون مع لمجرد بمجرد")


def _before_mark(v: _View, h: _CueHit) -> bool:
    """Whether cue ``h`` is followed by a colon or an opening mark within 8 tokens (a direct quote's cue)."""
    si = v.tok_sent[h.tok]
    for k in range(h.tok + 1, min(len(v.tokens), h.tok + 9)):
        t = v.tokens[k]
        if v.tok_sent[k] != si:
            return False
        if t.text in ":" or (t.text in _MARK_FAMILY and _looks_opening(v.text, t.start)):
            return True
    return False


def _previous_subject(v: _View, si: int) -> Speaker | None:
    """First PER entity of the nearest preceding sentence that has one (two sentences back at most); the
    reporters named in a byline dateline are never speakers."""
    dl = v.doc.dateline
    for sj in range(si - 1, max(-1, si - 3), -1):
        s = v.sents[sj]
        for e in v.ents_in(s.start, s.end):
            if dl is not None and dl.start <= e.start < dl.end:
                continue
            if e.label == "PER":
                return _speaker_from_entity(v, e)
    return None


# ---------------------------------------------------------------------------
# find_attributions
# ---------------------------------------------------------------------------


def _outlet_at(v: _View, i: int, stop: int) -> tuple[str, int] | None:
    """An outlet starting at token ``i``: (English name or Arabic text, index after it)."""
    t = v.tokens[i]
    for e in v.ents_in(t.start, v.tokens[stop - 1].end if stop > i else t.end):
        if e.start < t.end and e.label in ("ORG", "PER", "MISC") and not e.label == "NORP":
            if e.name_en is None or e.source == "composed_org":
                # a phrase the entity module only guessed: the built-in list of outlets knows it better
                known = _outlet_gazetteer(v, i, stop)
                if known is not None:
                    return known
            j = v.tok_at(e.end - 1) + 1
            return (e.name_en or _OUTLETS.get(_n(e.text)) or e.text), j
    return _outlet_gazetteer(v, i, stop)


def _outlet_gazetteer(v: _View, i: int, stop: int) -> tuple[str, int] | None:
    """An agency or paper of the built-in list (``_OUTLETS``) at token ``i``: longest phrase first."""
    # gazetteer of agencies: longest phrase of up to four tokens
    for width in (4, 3, 2, 1):
        if i + width > stop:
            continue
        words = []
        for x in range(i, i + width):
            nm = v.tokens[x].norm
            if x == i and nm[:1] in "لب" and nm[1:] and (nm[1:] in _OUTLETS or " ".join([nm[1:]]) in _OUTLETS):
                nm = nm[1:]
            words.append(nm)
        key = " ".join(words)
        if key in _OUTLETS:
            return _OUTLETS[key], i + width
        if key.startswith("ل") and key[1:] in _OUTLETS:
            return _OUTLETS[key[1:]], i + width
        if key.startswith("لل") and ("ال" + key[2:]) in _OUTLETS:
            return _OUTLETS["ال" + key[2:]], i + width
    return None


def _extend_tail(v: _View, j: int, stop: int) -> int:
    """Index after the words that belong to an outlet's name (للأنباء، الرسمية) or qualify it
    with a nationality (صحيفة "الأخبار" اللبنانية، موقع أكسيوس الأمريكي)."""
    while j < stop and (v.tokens[j].norm in _OUTLET_TAIL or (
            v.tokens[j].norm.startswith("ال") and _nationality_at(v, j) is not None)):
        j += 1
    return j


def _cited_after(v: _View, j: int, stop: int) -> int:
    """After ``عن``: the cited people, up to punctuation, a complementizer or قوله (six words at most)."""
    k = j
    while k < stop and k - j < 6:
        t = v.tokens[k]
        if t.kind == "punct" or t.norm in COMPLEMENTIZERS or t.norm.startswith("قول"):
            break
        if t.norm in PREPOSITIONS and not (t.norm == _n("باسم") and _role_phrase(v, k - 1, stop) is not None):
            break
        k += 1
    if k < stop and _role_phrase(v, j, stop) is not None:
        k = max(k, _role_phrase(v, j, stop)[1])  # type: ignore[index]
    return k


def find_attributions(doc: Document) -> tuple[Attribution, ...]:
    """Sourcing phrases of ``doc`` with the outlet's English name.

    Patterns (token level, normalized):

    * ``(و)بحسب|حسب|وفق(ا لـ)|طبقا لـ|نقلا عن|استنادا إلى [ما VERB(ه)] [لـ]OUTLET-NOUN? SOURCE
      [للأنباء…] [عن CITED]`` — ``بحسب ما نقلته رويترز عن المسؤولين``;
    * ``نقلت|ذكرت|أفادت|أوردت OUTLET-NOUN SOURCE [عن CITED]`` — ``نقلت وكالة الأناضول عن مصدر``;
    * ``أفاد مراسل SOURCE``; ``قالت مصادر لـSOURCE``.

    ``SOURCE`` is an entity (its ``name_en``), a known agency (built-in list of
    major agencies and papers), or, after an outlet noun, the next word as
    written. ``فحسب`` ("only") is never a cue.

    Returns:
        :class:`~khabar.doc.Attribution` records sorted by ``start``, ids ``a1, …``;
        spans run from the cue word (proclitic و excluded) to the end of the source
        phrase. Offsets are code points, half-open.
    """
    v = _View(doc)
    toks = v.tokens
    n = len(toks)
    found: list[tuple[int, int, str]] = []
    taken_until = -1
    for i, t in enumerate(toks):
        if t.kind != "word" or t.start < taken_until:
            continue
        si = v.tok_sent[i]
        stop = i + 1
        while stop < n and v.tok_sent[stop] == si and stop - i < 20:
            stop += 1
        nm = t.norm
        cue_start = t.start
        if nm[:1] == "و" and (nm[1:] in _ATTR_CUE_WORDS or nm[1:] in _SAY_TO_VERBS):
            nm = nm[1:]
            cue_start = t.start + 1
        j = i + 1
        source: tuple[str, int] | None = None
        if nm in _ATTR_PREPS:
            # وفقا لـ / طبقا لـ / نقلا عن / استنادا إلى: skip the particle
            if nm in _ATTR_WITH_PARTICLE and j < stop and toks[j].norm in _ATTR_PARTICLES:
                j += 1
            if j < stop and (toks[j].norm in _MA or (nm in _nset("وفقا طبقا") and toks[j].norm == _n("لما"))):
                j += 1
                if j < stop and toks[j].norm in _ATTR_VERBS:
                    j += 1
                else:
                    continue
            source = _attr_source(v, j, stop)
        elif nm in _REPORT_VERBS_ATTR:
            if j < stop and _is_outlet_noun(toks[j].norm):
                source = _attr_source(v, j, stop)
            elif j < stop:
                src = _outlet_at(v, j, stop)
                if src is not None and (src[0] in _OUTLETS.values() or _is_media_entity(v, j)):
                    source = src
        elif nm in _SOURCES_WORDS and i > 0 and toks[i - 1].norm in _SAID_FORMS:
            # قالت مصادر لـ X
            k = i + 1
            while k < stop and toks[k].kind == "word" and _adj_stem(toks[k].norm) is not None:
                k += 1
            if k < stop and toks[k].norm[:1] == "ل":
                src = _outlet_at(v, k, stop)
                if src is not None:
                    cue_start = toks[i - 1].start + (1 if toks[i - 1].norm[:1] == "و" else 0)
                    source = src
        claimant: Speaker | None = None
        said_to_outlet = False
        if source is None and nm in _ATTR_PREPS:
            # بحسب بيان للديوان الملكي / وفقا لتقديرات البنك الدولي / بحسب المرصد: a body's own word
            k = j
            if k < stop and toks[k].norm.removeprefix("ل") in _LATEST:
                k += 1
            doc_noun = k < stop and (toks[k].norm in _DOC_NOUNS or toks[k].norm[:1] == "ل" and toks[k].norm[1:] in _DOC_NOUNS)
            if doc_noun:
                k += 1
                # طبقا لتقرير سري للوكالة اطلعت عليه رويترز / لتصريحات نقلتها وكالة الأناضول: the outlet
                carried = _carried_by(v, k, stop)
                if carried is not None:
                    source = carried
            body = next(
                (e for e in v.ents_in(toks[k].start, toks[min(k + 6, stop - 1)].end)
                 if k < stop and e.start < toks[k].end and e.label in ("ORG", "PER")),
                None,
            ) if k < stop else None
            if source is not None:
                pass
            elif body is not None:
                claimant = _speaker_from_entity(v, body)
                source = (body.name_en or body.text, v.tok_at(body.end - 1) + 1)
            elif k < stop:
                sp = _subject(v, k, stop) if toks[k].kind == "word" else None
                if sp is not None and sp.start < toks[k].end and (sp.entity is not None or sp.name_en):
                    claimant = sp
                    source = (sp.name_en or sp.text, v.tok_at(sp.end - 1) + 1)
                else:
                    # بيان للخارجية العمانية / بحسب شركة أمبري البريطانية / أرقام دائرة الإحصاءات العامة
                    sp = _body_phrase(v, k, stop)
                    if sp is not None:
                        claimant = sp[0]
                        source = (sp[0].name_en or sp[0].text, sp[1])
        if source is None and nm in _SAY_TO_VERBS:
            # قال مسؤول في الوزارة لرويترز / قالت مصادر أمنية لـ«الشرق الأوسط»: speaker + outlet
            k = j
            while k < stop and k - j < 9 and toks[k].kind != "punct" and toks[k].norm not in COMPLEMENTIZERS:
                if k > j and toks[k].text in ("لـ", "ل") and k + 1 < stop and toks[k + 1].text in _MARK_FAMILY:
                    # لـ«الشرق الأوسط»
                    src = _marked_name(v, k + 1, stop)
                    if src is not None:
                        claimant = _subject(v, j, k)
                        if claimant is not None:
                            source = src
                    break
                if k > j and toks[k].norm[:1] == "ل":
                    src = _outlet_at(v, k, stop)
                    if src is None and _is_outlet_noun(toks[k].norm):
                        src = _attr_source(v, k, stop)
                    marked = (_is_outlet_noun(toks[k].norm) and k + 1 < stop and toks[k + 1].text in _MARK_FAMILY)
                    if src is not None and (src[0] in _OUTLETS.values() or _is_media_entity(v, k) or marked):
                        # لصحيفة "الخبر": an outlet noun and a name between marks is an outlet too
                        claimant = _subject(v, j, k)
                        if claimant is not None:
                            source = src
                            said_to_outlet = True
                    break
                k += 1
            if source is None:
                continue
        if source is None:
            continue
        name, after = source
        if after == j + 1 and j < stop and _is_outlet_noun(toks[j].norm) and toks[j].norm.startswith(("ال", "لل")):
            # وفقا للموقع / بحسب الصحيفة: the outlet named last
            prev = next((f[5] for f in reversed(found) if f[5]), None)
            if prev is not None:
                name = prev
        after = _extend_tail(v, after, stop)
        if after < stop and toks[after].text in "(" and after + 2 < stop and toks[after + 2].text == ")":
            after += 3  # وكالة الأنباء العراقية (واع)
        if after + 1 < stop and toks[after].norm == _n("نقلا") and toks[after + 1].norm == "عن":
            after += 1  # ذكر موقع أكسيوس نقلا عن مسؤولين
        if after < stop and toks[after].norm == "عن":
            cited_start = after + 1
            after = _cited_after(v, cited_start, stop)
            if after > cited_start:
                claimant = _subject(v, cited_start, after)
        elif claimant is None and after > j and not _is_outlet(v, j, name):
            claimant = _source_np(v, j, after)[0] if _source_np(v, j, after) else None
        if claimant is None and j < stop and _n(toks[j].norm.removeprefix("ال")) in _CORRESPONDENT:
            # أفاد مراسل وكالة فرانس برس: the outlet's own correspondent speaks
            claimant = Speaker(toks[j].start, toks[j].end, toks[j].text, None, "correspondent")
        end = toks[after - 1].end
        is_outlet = said_to_outlet or (_is_outlet(v, j, name) if claimant is None or claimant.name_en != name else False)
        via = name if is_outlet else None
        claim = (claimant.name_en or claimant.text) if claimant is not None else None
        if claim == via:
            claim = None
        anon = claimant is not None and claimant.entity is None and _is_anonymous(claimant)
        if via is None and claim is None:
            claim = name
        found.append((cue_start, end, via or claim or name, doc.text[cue_start : toks[i].end], claim, via, anon))
        taken_until = end
    found.sort()
    return tuple(
        Attribution(f"a{k}", s, e, doc.text[s:e], name, cue, claim, via, anon)
        for k, (s, e, name, cue, claim, via, anon) in enumerate(found, 1)
    )


_LATEST: frozenset[str] = _nset("أحدث آخر")
#: Verbs by which an outlet carried or saw a document (لتصريحات نقلتها وكالة الأناضول، تقرير اطلعت عليه رويترز).
_CARRIED_VERBS: frozenset[str] = _nset(
    "نقلتها نقلته نشرتها نشرته أوردتها أوردته بثتها بثته اطلعت اطلع حصلت حصل حصلت"
)
#: Head nouns of bodies whose name may be unknown to the entity module (بحسب شركة أمبري، دائرة الإحصاءات).
_BODY_NOUNS: frozenset[str] = _nset(
    "دائرة مركز مؤسسة شركة مفوضية هيئة منظمة مرصد مكتب جمعية نقابة اتحاد لجنة مجلس وزارة إدارة مصلحة جهاز "
    "مندوبية ديوان خلية رابطة سلطة"
)


def _carried_by(v: _View, k: int, stop: int) -> tuple[str, int] | None:
    """After a document noun: ``[ADJ…] [لـX] VERB(ها) [عليه] OUTLET`` within six words -> (outlet, index after)."""
    for m in range(k, min(stop, k + 6)):
        t = v.tokens[m]
        if t.kind != "word":
            return None
        if t.norm in _CARRIED_VERBS:
            n = m + 1
            if n < stop and v.tokens[n].norm in _nset("عليه عليها"):
                n += 1
            if n >= stop:
                return None
            src = _outlet_at(v, n, stop) if not _is_outlet_noun(v.tokens[n].norm) else _attr_source(v, n, stop)
            if src is not None and (src[0] in _OUTLETS.values() or _is_media_entity(v, n)):
                return src
            return None
    return None


def _body_phrase(v: _View, k: int, stop: int) -> tuple[Speaker, int] | None:
    """A body at token ``k`` (proclitic لـ allowed): a known institution (``للخارجية العمانية`` ->
    ``Omani Foreign Ministry``) or a body noun and up to four more words as written
    (``شركة أمبري البريطانية للأمن البحري``). Returns (speaker, index after) or ``None``."""
    t = v.tokens[k]
    if t.kind != "word":
        return None
    lam = t.norm.startswith("لل") or (t.norm[:1] == "ل" and t.norm[1:] in _BODY_NOUNS)
    s0 = t.start + (1 if lam else 0)
    inst = _body_name(v, k, stop)
    if inst is not None:
        e0 = v.tokens[inst[1] - 1].end
        return Speaker(s0, e0, v.text[s0:e0], None, inst[0]), inst[1]
    head = t.norm[1:] if lam else t.norm
    head = head[2:] if head.startswith("ال") else head
    if head.removeprefix("ل") not in _BODY_NOUNS or k + 1 >= stop or v.tokens[k + 1].kind != "word":
        return None
    m = k + 1
    while m < stop and m - k < 5 and v.tokens[m].kind == "word" and v.tokens[m].norm not in PREPOSITIONS \
            and v.tokens[m].norm not in COMPLEMENTIZERS:
        m += 1
    e0 = v.tokens[m - 1].end
    return Speaker(s0, e0, v.text[s0:e0], None, _compose_body(v, k, m)), m


#: Documents a body speaks through (بحسب بيان لـ…، وفقا لتقديرات …).
_DOC_NOUNS: frozenset[str] = _nset(
    "بيان تقرير أرقام تقديرات بيانات إحصاءات إحصائيات تصريحات معطيات حصيلة"
)
#: Verbs of saying that take the outlet with لـ (قال مسؤول لرويترز).
_SAY_TO_VERBS: frozenset[str] = _nset(
    "قال قالت قالوا أوضح أوضحت أكد أكدت صرح صرحت كشف كشفت أفاد أفادت ذكر أضاف أضافت"
)


def _is_outlet(v: _View, j: int, name: str) -> bool:
    """Whether the attribution source found at token ``j`` is a news outlet (not a body or a source noun)."""
    if name in _OUTLETS.values():
        return True
    if j < len(v.tokens) and (_is_outlet_noun(v.tokens[j].norm) or _is_media_entity(v, j)):
        return True
    return any(e.sector == "MED" and e.name_en == name for e in v.ents)


def _is_anonymous(sp: Speaker) -> bool:
    """An unnamed source: a source noun phrase (مسؤول، مصادر أمنية، شهود عيان), not a spokesperson."""
    if sp.entity is not None or not sp.name_en:
        return False
    w = normalize_phrase(sp.text).split()
    if not w:
        return False
    head = w[1] if w[0] in _PARTITIVE and len(w) > 1 else w[0]
    if head in _PARTITIVE_COUNTS and len(w) > 2 and w[1] == "من":
        head = w[2]  # آلاف من السكان
    sg = _singular(head)
    base = head[2:] if head.startswith("ال") else head
    if sg in ("متحدث", "متحدثه", "مراسل"):
        return False
    if len(w) > 1 and (base, w[1]) in _GROUP_PHRASES:
        return True
    return sg is not None or base in _SOURCE_PLURALS


def _is_outlet_noun(nm: str) -> bool:
    b = nm[1:] if nm[:1] in "لب" and nm[1:] in _OUTLET_NOUNS else nm
    b = b[2:] if b.startswith("ال") else b
    if nm.startswith("لل") and nm[2:] in _OUTLET_NOUNS:
        return True
    return b in _OUTLET_NOUNS


def _is_media_entity(v: _View, i: int) -> bool:
    t = v.tokens[i]
    return any(e.sector == "MED" for e in v.ents_in(t.start, t.end + 200) if e.start < t.end)


def _marked_name(v: _View, k: int, stop: int) -> tuple[str, int] | None:
    """An outlet name between quotation marks at token ``k`` (≤ 4 words): English name if known, else as written."""
    for x in range(k + 1, min(stop, k + 7)):
        if v.tokens[x].text in _MARK_FAMILY:
            if x == k + 1:
                return None
            s0, e0 = v.tokens[k + 1].start, v.tokens[x - 1].end
            name = _OUTLETS.get(normalize_phrase(v.text[s0:e0]))
            if name is None:
                name = next((e.name_en for e in v.ents_in(s0, e0) if e.sector == "MED" and e.name_en), None)
            return (name or _romanize_outlet(v.text[s0:e0], _dateline_country(v))), x + 1
    return None


#: Latin words Arabic writes in outlet names (إف إم FM, نيوز News).
_OUTLET_WORDS: dict[tuple[str, ...], str] = {
    tuple(_n(w) for w in k.split()): v for k, v in {
        "إف إم": "FM", "اف ام": "FM", "أف أم": "FM", "تي في": "TV", "راديو": "Radio", "نيوز": "News", "بلس": "Plus",
        "برس": "Press", "تايمز": "Times", "بوست": "Post", "ديلي": "Daily", "أونلاين": "Online", "ون": "One",
        "سي إن إن": "CNN", "بي بي سي": "BBC", "إم بي سي": "MBC", "إل بي سي": "LBC", "سكاي": "Sky", "إنفو": "Info",
        "ميديا": "Media", "تي آر تي": "TRT", "إكسبرس": "Express", "تريبيون": "Tribune", "ماتان": "Matin",
    }.items()
}


def _romanize_outlet(ar: str, country: str | None = None) -> str:
    """An outlet name the lists lack, in Latin letters: known Latin words (``إف إم`` FM, ``نيوز`` News)
    and digits as they are, other words by the English newswire spelling (``name_en``) with the
    article as ``Al-`` (``ليبيا الأحرار`` -> Libya Al-Ahrar); in a Maghreb article (``country``, the
    dateline's) the article is written the Maghreb way, ``El`` before a moon letter and assimilated
    before a sun letter (``الخبر`` -> El Khabar, ``الشروق`` -> Echorouk). The text as written when it
    has no Arabic word."""
    words = ar.split()
    if not any(any("\u0600" <= c <= "\u06ff" for c in w) for w in words):
        return ar
    out: list[str] = []
    i = 0
    while i < len(words):
        for width in (3, 2, 1):
            key = tuple(_n(w) for w in words[i : i + width])
            if len(key) == width and key in _OUTLET_WORDS:
                out.append(_OUTLET_WORDS[key])
                i += width
                break
        else:
            w = words[i]
            if any("\u0600" <= c <= "\u06ff" for c in w):
                en = name_en(w)
                if en.startswith("al-"):
                    stem = en[3:4].upper() + en[4:]
                    first = _n(w)[2:3]
                    if convention(country) == "maghreb":
                        sun = first in "تثدذرزسشصضطظلن"
                        low = stem.lower()
                        if not sun:
                            en = "El " + stem
                        elif low.startswith(("sh", "ch")):
                            en = "Ech" + low[2:]  # الشروق Echorouk
                        elif low[:2] in ("th", "dh"):
                            en = "E" + low
                        else:
                            en = "E" + low[0] + low  # النهار Ennahar, الصباح Essabah
                    else:
                        en = "Al-" + stem
                out.append(en)
            else:
                out.append(w)
            i += 1
    return " ".join(out)


def _attr_source(v: _View, j: int, stop: int) -> tuple[str, int] | None:
    """Source after an attribution cue: ``[لـ]OUTLET-NOUN? NAME`` or a source noun (مصادر أمنية)."""
    if j >= stop:
        return None
    known = _outlet_at(v, j, stop)
    if known is not None and known[0] in _OUTLETS.values():
        return known
    if _is_outlet_noun(v.tokens[j].norm) and j + 1 < stop and v.tokens[j + 1].text in _MARK_FAMILY:
        # صحيفة "يديعوت أحرونوت"، قناة «المسيرة»
        src = _marked_name(v, j + 1, stop)
        if src is not None:
            return src
    if _is_outlet_noun(v.tokens[j].norm) and j + 1 < stop:
        # مراسل وكالة فرانس برس: the outlet after the correspondent
        inner = _outlet_at(v, j + 1, stop)
        if inner is not None and _is_outlet_noun(v.tokens[j + 1].norm) and inner[0] in _OUTLETS.values():
            return inner
        if _n(v.tokens[j].norm.removeprefix("ال")) in _CORRESPONDENT and _is_outlet_noun(v.tokens[j + 1].norm):
            inner = _attr_source(v, j + 1, stop)
            if inner is not None:
                return inner
    if _is_outlet_noun(v.tokens[j].norm):
        t = v.tokens[j]
        for e in v.ents_in(t.start, v.tokens[stop - 1].end):
            if e.start < t.end and e.label in ("ORG", "MISC"):
                return (e.name_en or e.text), v.tok_at(e.end - 1) + 1
        k = j + 1
        # وكالة الأنباء العراقية / وكالة أنباء X
        if k < stop and v.tokens[k].norm in _ANBA:
            k += 1
        src = _outlet_at(v, k, stop) if k < stop else None
        if src is None and j + 1 < stop:
            # an outlet we do not know: the outlet noun and the next word(s) as written
            e = k + 1 if k < stop and v.tokens[k].kind in ("word", "latin") else k
            e = _extend_tail(v, e, stop)
            s0 = v.tokens[j].start
            if t.norm[:1] in "لب" and t.norm[1:] in _OUTLET_NOUNS:
                s0 += normalize(t.text).to_original[1]  # لوكالة -> وكالة
            return v.text[s0 : v.tokens[e - 1].end], e
        return src
    src = _outlet_at(v, j, stop)
    if src is not None:
        return src
    np = _source_np(v, j, stop)
    if np is not None and np[0].name_en:
        return np[0].name_en, np[1]
    return None


# ---------------------------------------------------------------------------
# find_dateline
# ---------------------------------------------------------------------------

_AR = "\u0600-\u06ff"
#: PLACE SEP OUTLET at a paragraph start: ``بغداد - رويترز``، ``القاهرة (أ ف ب)``،
#: ``واشنطن – «الشرق الأوسط»``، ``بيروت - "القدس العربي"``، ``دمشق - سانا:``.
_DATELINE_RE = re.compile(
    rf"(?P<place>[{_AR}]{{2,}}(?:[ ][{_AR}]{{2,}}){{0,2}}?)"
    r"(?:\s*[-–—:]\s*|\s*(?=\())"
    r"(?P<outlet>\([^()\n]{1,40}\)|«[^«»\n]{1,40}»|\"[^\"\n]{1,40}\"|“[^“”\n]{1,40}”"
    rf"|[{_AR}A-Za-z][^\s:،,–—-]*(?:[ ][{_AR}A-Za-z][^\s:،,–—-]*){{0,3}})"
)
_DATELINE_MAX_PARAS = 3
#: A byline dateline: AUTHOR(S) SEP OUTLET SEP PLACE: (``أحمد علي- سبق- القاهرة:``، ``محمد المواسي، عمر
#: عريبي- سبق- جازان:``), the reporters' names first; the outlet is taken as written.
_BYLINE_RE = re.compile(
    rf"(?P<authors>[{_AR}]{{2,}}(?:(?:[ ]|،[ ]?|[ ]و)[{_AR}]{{2,}}){{1,7}}?)\s*[-–—]\s*"
    rf"(?P<outlet>[{_AR}]{{2,}}(?:[ ][{_AR}]{{2,}})?)\s*[-–—]\s*"
    rf"(?P<place>[{_AR}]{{2,}}(?:[ ][{_AR}]{{2,}}){{0,2}})\s*:"
)


def _outlet_name(v: _View, s: int, e: int, bracketed: bool) -> str | None:
    """English name of the outlet written in ``text[s:e]`` (brackets or marks stripped)."""
    for ent in v.ents_in(s, e):
        if ent.sector == "MED" or ent.label == "ORG" and bracketed:
            return ent.name_en or ent.text
    key = normalize_phrase(v.text[s:e])
    if key in _OUTLETS:
        return _OUTLETS[key]
    if key.startswith("وكاله ") and key[6:] in _OUTLETS:
        return _OUTLETS[key[6:]]
    if bracketed and 0 < _word_count(v.text[s:e]) <= 4:
        return v.text[s:e].strip()
    return None


def find_dateline(doc: Document) -> Dateline | None:
    """The dateline at the start of the article (or of one of its first paragraphs).

    A dateline is ``PLACE SEP OUTLET`` before the first sentence's words:
    ``بغداد - رويترز - قال …``، ``القاهرة (أ ف ب) - …``، ``واشنطن – «الشرق الأوسط»: …``, or a byline
    ``AUTHOR(S) SEP OUTLET SEP PLACE:`` (``أحمد علي- سبق- القاهرة: …``; span from the first author to
    the place, the outlet as written).
    The outlet must be a known news outlet (a MED entity or the built-in list of
    agencies), unless it stands in brackets or quotation marks (then any name of
    at most four words is taken as written). The place is the GPE/LOC entity
    that covers the place words, else ``None`` (the outlet alone still makes a
    dateline only when it is known).

    Returns:
        A :class:`~khabar.doc.Dateline` (span: place through the outlet, closing
        bracket or mark included; code points, half-open), or ``None``.
    """
    v = _View(doc)
    text = v.text
    for ps, _pe in _paragraphs(text)[:_DATELINE_MAX_PARAS]:
        while ps < _pe and text[ps] in " \t\u00a0":
            ps += 1
        b = _BYLINE_RE.match(text, ps)
        if b is not None:
            ps0, pe0 = b.span("place")
            os_, oe = b.span("outlet")
            place_ent = next((e for e in v.ents_in(ps0, pe0) if e.label in ("GPE", "LOC") and e.start == ps0), None)
            if place_ent is not None or _word_count(text[ps0:pe0]) == 1:
                outlet = _outlet_name(v, os_, oe, True)
                return Dateline(b.start("authors"), pe0, text[b.start("authors"):pe0],
                                place_ent.id if place_ent else None, place_ent.name_en if place_ent else None, outlet)
        m = _DATELINE_RE.match(text, ps)
        if m is None:
            continue
        ps0, pe0 = m.span("place")
        os_, oe = m.span("outlet")
        bracketed = text[os_] in "(«\"“"
        outlet: str | None = None
        if bracketed:
            inner_end = oe - 1
            while inner_end > os_ + 1 and text[inner_end - 1].isspace():
                inner_end -= 1
            outlet = _outlet_name(v, os_ + 1, inner_end, True)
        else:
            # unbracketed: the longest known outlet of one to four words
            ends = [os_ + mm.end() for mm in re.finditer(r"\S+", text[os_:oe])]
            for end in reversed(ends):
                outlet = _outlet_name(v, os_, end, False)
                if outlet is not None:
                    oe = end
                    break
        if outlet is None:
            continue
        place_ent = next(
            (e for e in v.ents_in(ps0, pe0) if e.label in ("GPE", "LOC") and e.start == ps0), None
        )
        if place_ent is None and not (bracketed or _word_count(text[ps0:pe0]) == 1):
            continue
        return Dateline(
            ps0, oe, text[ps0:oe],
            place_ent.id if place_ent else None,
            place_ent.name_en if place_ent else None,
            outlet,
        )
    return None
