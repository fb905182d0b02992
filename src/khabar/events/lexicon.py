"""The Arabic PLOVER trigger lexicon: loading ``plover_triggers.tsv`` and a light inflector.

The data file (``src/khabar/data/plover_triggers.tsv``) lists one trigger per
line by its dictionary form (perfect 3rd person masculine singular for verbs,
the bare indefinite masdar for verbal nouns, or a multi-word phrase) with its
PLOVER type, mode and argument hints; its header documents the columns and
the sources (PLOVER codebook draft 2.0; UniversalPetrarch Arabic CAMEO verb
dictionary, MIT licence). This module turns each entry into the surface
*stems* that :class:`khabar.text.matcher.PhraseMatcher` looks for; the
matcher itself handles proclitics (و ف ب ك ل, future س) and enclitics.

The light inflector (our own, documented rules, after the standard
paradigms in Ryding, *A Reference Grammar of Modern Standard Arabic*, 2005,
ch. 17–19, 35–37):

* **verbs** – perfect: stem + subject suffix ∈ {∅, ت, ا, تا, وا, ن, نا, تم,
  تما, تن}; imperfect: prefix ∈ {ي, ت, ن, ا(أ)} + imperfect stem + suffix ∈
  {∅, ون, ان, وا, ين, ن, ا}. The imperfect stem is the perfect stem with a
  leading ا removed (forms IV, VII, VIII, X: ارسل→يرسل, انسحب→ينسحب,
  اعتقل→يعتقل, استهدف→يستهدف) and otherwise the perfect stem (forms I–III,
  V, VI: قصف→يقصف, هدد→يهدد, هاجم→يهاجم, تظاهر→يتظاهر). Hollow and
  defective roots give their imperfect stem explicitly (``impf=زور`` for
  زار→يزور, ``impf=دعو`` for دعا→يدعو) and irregular perfect forms with
  ``forms=`` (دعت، التقوا).
* **masdars/nouns** – the bare form and the definite form ال+form.
* **nphrase** (masdar + adjective) – as written, every word definite
  (الاتصال الهاتفي), and every word in the indefinite accusative with tanwin
  alef (اتصالا هاتفيا) when it does not end in ة.
* **vphrase** – the first word is a verb inflected as above, the rest fixed.

Object pronouns, possessives, tanwin alef, dual and the sound feminine plural
are matcher suffixes (:data:`SUFFIXES`), not generated forms.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from khabar.doc import PLOVER_TYPES
from khabar.text.matcher import PhraseMatcher
from khabar.text.normalize import normalize_phrase

__all__ = [
    "Trigger",
    "load_triggers",
    "trigger_matcher",
    "verb_forms",
    "noun_forms",
    "phrase_forms",
    "OBJECT_CLASSES",
    "SUFFIXES",
]

#: Normalized enclitics allowed after a matched stem (object pronouns,
#: possessives, tanwin alef, sound feminine plural, dual).
SUFFIXES: tuple[str, ...] = (
    "ه", "ها", "هم", "هما", "هن", "كم", "ك", "ني", "نا",
    "ا", "ات", "ان", "ين", "وه", "وها", "وهم", "اه", "اها", "اهم",
)

_PERF_SUBJ = ("", "ت", "ا", "تا", "وا", "ن", "نا", "تم", "تما", "تن")
_IMPF_PREF = ("ي", "ت", "ن", "ا")
_IMPF_SUBJ = ("", "ون", "ان", "وا", "ين", "ن", "ا")

#: Object classes for entries with ``obj=CLASS``: normalized bare nouns
#: (no article, no clitics) one of which must follow the trigger within
#: four words for it to count (خفض التوتر is not a troop reduction).
OBJECT_CLASSES: dict[str, frozenset[str]] = {
    "TROOPS": frozenset(
        "قوات قوه جنود جندي عسكريين عسكريون عديد تعداد عدد قطعات وحدات كتيبه كتائب لواء الويه "
        "فرقه سريه مشاه مقاتلين مقاتلون مدرعات دبابات بوارج سفن حامله حاملات طائرات تواجد وجود انتشار "
        "افراد عناصر مستشارين مستشارون مدربين احتياط الاحتياط".split()
    ),
    "MISSION": frozenset(
        "مهمه مهام بعثه بعثات قوات قوه جنود وجود تواجد انتشار عمليات عمليه دور".split()
    ),
    "AIDOBJ": frozenset(
        "مساعدات مساعده معونات معونه دعم اسلحه سلاح ذخائر ذخيره اموال قروض قرض منح منحه اغاثه امدادات "
        "شحنه شحنات لقاحات ادويه اغذيه مواد معدات تمويل مليون مليار ملايين مليارات دولار يورو".split()
    ),
    "PEOPLE": frozenset(
        "متظاهرين متظاهرون محتجين محتجون لاجئين لاجئون مهاجرين مهاجرون ناشطين ناشطون مواطنين".split()
    ),
    "EXTRADITE": frozenset("مطلوب مطلوبين متهم متهمين مشتبه".split()),
    "EMBASSY": frozenset("سفاره سفارات سفارته سفارتها قنصليه قنصليات بعثه بعثتها بعثته".split()),
    "HOSTAGES": frozenset(
        "رهائن رهينه رهينتين محتجزين محتجزون محتجزات مختطفين مختطفون اسرى اسير اسيرا اسيرات سجناء معتقلين "
        "معتقلون جثث جثامين رفات".split()
    ),
    "WEAPONS": frozenset(
        "منظومات منظومه بطاريات بطاريه صواريخ صاروخ اسلحه سلاح دفاعات راجمات مدافع دبابات مدرعات".split()
    ),
}

#: Proclitic letters stripped from a token before an object-class look-up.
_CLITICS = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_ENCLITICS = ("هما", "هم", "ها", "ه", "نا", "كم")


def bare(word: str) -> str:
    """A normalized word without proclitics, article and one pronoun suffix.

    Used to test object classes and sector nouns. Greedy but conservative:
    a prefix is removed only if at least three letters remain.
    Example: ``bare("وقواتها") == "قوات"``.
    """
    w = word
    for p in _CLITICS:
        if w.startswith(p) and len(w) - len(p) >= 3:
            w = w[len(p):]
            break
    for s in _ENCLITICS:
        if w.endswith(s) and len(w) - len(s) >= 3:
            cand = w[: -len(s)]
            if cand.endswith("ت") and not cand.endswith("ات"):
                cand = cand[:-1] + "ه"  # مهمتها -> مهمه (teh marbuta before a pronoun)
            return cand
    return w


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry.

    ``form`` is the dictionary form as written in the TSV, ``pos`` one of
    verb/masdar/nphrase/vphrase, ``type`` a PLOVER type or ``"AID/MOBILIZE"``,
    ``mode`` a PLOVER mode or ``None``, ``strength`` the lexical reliability
    in [0, 1]. ``obj`` names an :data:`OBJECT_CLASSES` class the trigger
    requires, ``gen`` the role (``"source"``/``"target"``) of a bare genitive
    after a masdar, ``tprep`` the prepositions that mark the target,
    ``swap`` says that the grammatical subject is the recipient, ``intr``
    that the verb takes no direct-object target, ``indef`` that a masdar is an
    event only without the article (معارضته للقرار، معارضة الحكومة للخطة; with the
    article, المعارضة is the opposition, an actor); ``notprep`` lists prepositions that,
    right after a verb, make it another verb (بحث عن "search for" is no CONSULT); ``perf``
    keeps the perfect forms only; ``notname`` says the word is no event before a name
    (مقاطعة سانت لويس is a county, not a boycott); ``notobj`` lists words that, later in the
    same sentence, make it an idiom (فجّر مفاجأة "sprang a surprise", تبادل التهاني);
    ``notpre`` words up to four words before it make it no event (تفكيك عبوة ناسفة: a defused
    IED); ``notnext`` words right after it make it another word (قانون صادر عن/في: "issued";
    حشد من المتظاهرين: "a crowd of").
    """

    form: str
    pos: str
    type: str
    mode: str | None
    strength: float
    obj: str | None = None
    gen: str | None = None
    tprep: tuple[str, ...] = ()
    swap: bool = False
    intr: bool = False
    indef: bool = False
    notprep: tuple[str, ...] = ()
    perf: bool = False
    notname: bool = False
    notobj: tuple[str, ...] = ()
    notpre: tuple[str, ...] = ()
    notnext: tuple[str, ...] = ()
    impf: str | None = None
    forms: tuple[str, ...] = field(default=())
    notes: str = ""

    @property
    def is_verb(self) -> bool:
        """True when the trigger's head is a finite verb (verb or vphrase)."""
        return self.pos in ("verb", "vphrase")


def verb_forms(perfect: str, impf: str | None = None, extra: tuple[str, ...] = (), perfect_only: bool = False) -> set[str]:
    """Normalized surface stems of a verb (see the module docstring).

    Args:
        perfect: the perfect 3ms form (any spelling; it is normalized).
        impf: the imperfect stem when it is not derivable (hollow/defective).
        extra: further irregular surface forms.
        perfect_only: no imperfect forms (entries flagged ``perf``: يعد "is considered",
            تسيطر "controls" — a state — are not وعد "promised", سيطر "seized").

    Returns:
        A set of normalized strings, e.g. ``verb_forms("هاجم")`` contains
        ``هاجمت``, ``هاجموا``, ``يهاجم``, ``تهاجمون``.
    """
    p = normalize_phrase(perfect)
    out = {p + s for s in _PERF_SUBJ}
    if p.endswith("ي") or p.endswith("ا"):
        out.add(p[:-1] + "ت")  # defective: دعا -> دعت, نفي -> نفت
        out.add(p[:-1] + "وا")
    if perfect_only:
        out.update(normalize_phrase(x) for x in extra)
        return {x for x in out if len(x) >= 2}
    i = normalize_phrase(impf) if impf else (p[1:] if p.startswith("ا") and len(p) > 3 else p)
    for pre in _IMPF_PREF:
        for s in _IMPF_SUBJ:
            out.add(pre + i + s)
    if i.endswith("و") or i.endswith("ي"):
        for pre in _IMPF_PREF:
            out.add(pre + i[:-1] + "ون")  # يدعون
    out.update(normalize_phrase(x) for x in extra)
    return {x for x in out if len(x) >= 2}


def is_perfect(t: Trigger, key: str) -> bool:
    """Whether the matched verb stem ``key`` (normalized) is a perfect form of ``t``.

    A perfect form starts with the normalized 3ms perfect (هاجم → هاجمت، هاجموا), or with
    it less its last letter for defective verbs (دعا → دعت، عبأ → عبت); an imperfect
    form starts with one of ي ت ن ا before the imperfect stem and is not perfect
    unless it also fits the perfect (تابع، تعهد are perfect).
    """
    p = normalize_phrase(t.form.split(" ")[0])
    return key.startswith(p) or (p[-1:] in ("ا", "ي") and key.startswith(p[:-1]) and len(key) <= len(p) + 1)


def noun_forms(noun: str) -> set[str]:
    """Indefinite and definite forms of a masdar/noun: ``{"هجوم", "الهجوم"}``."""
    n = normalize_phrase(noun)
    return {n, "ال" + n} if not n.startswith("ال") else {n}


def phrase_forms(phrase: str, pos: str, impf: str | None = None, perfect_only: bool = False) -> set[str]:
    """Surface forms of a multi-word entry.

    ``nphrase``: as written, all-definite, and indefinite accusative
    (tanwin alef on words not ending in ه/ا/ي). ``vphrase``: the first word
    conjugated with :func:`verb_forms`, the rest kept as written.
    """
    words = normalize_phrase(phrase).split(" ")
    if pos == "vphrase":
        rest = " ".join(words[1:])
        return {f"{v} {rest}".strip() for v in verb_forms(words[0], impf, perfect_only=perfect_only)}
    out = {" ".join(words)}
    if not words[0].startswith("ال"):
        out.add(" ".join(w if w.startswith("ال") else "ال" + w for w in words))
        acc = [w + "ا" if not w.endswith(("ه", "ا")) and not w.startswith("ال") else w for w in words]
        out.add(" ".join(acc))
        if len(words) >= 2:  # accusative head, fixed complement: اتصالا هاتفيا / هجوما بطائرة
            out.add(" ".join([acc[0]] + words[1:]))
    return out


def _parse_args(spec: str) -> dict[str, str]:
    out: dict[str, str] = {}
    if spec in ("", "-"):
        return out
    for part in spec.split(";"):
        part = part.strip()
        if not part:
            continue
        if "=" in part:
            k, v = part.split("=", 1)
            out[k.strip()] = v.strip()
        else:
            out[part] = "1"
    return out


@lru_cache(maxsize=1)
def load_triggers() -> tuple[Trigger, ...]:
    """Every entry of ``plover_triggers.tsv`` (cached).

    Raises:
        ValueError: a line with a wrong number of columns, an unknown PLOVER
            type, a strength outside [0, 1] or an unknown object class.
    """
    raw = resources.files("khabar.data").joinpath("plover_triggers.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in raw.splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    out: list[Trigger] = []
    for n, row in enumerate(reader, start=2):
        if len(row) != len(header):
            raise ValueError(f"plover_triggers.tsv row {n}: {len(row)} columns, expected {len(header)}: {row!r}")
        form, pos, typ, mode, args_s, strength_s, notes = row
        for t in typ.split("/"):
            if t not in PLOVER_TYPES:
                raise ValueError(f"plover_triggers.tsv row {n}: unknown PLOVER type {t!r}")
        if pos not in ("verb", "masdar", "nphrase", "vphrase"):
            raise ValueError(f"plover_triggers.tsv row {n}: unknown pos {pos!r}")
        strength = float(strength_s)
        if not 0.0 <= strength <= 1.0:
            raise ValueError(f"plover_triggers.tsv row {n}: strength {strength} outside [0, 1]")
        a = _parse_args(args_s)
        if "obj" in a and a["obj"] not in OBJECT_CLASSES:
            raise ValueError(f"plover_triggers.tsv row {n}: unknown object class {a['obj']!r}")
        out.append(
            Trigger(
                form=form,
                pos=pos,
                type=typ,
                mode=None if mode in ("", "-") else mode,
                strength=strength,
                obj=a.get("obj"),
                gen=a.get("gen"),
                tprep=tuple(normalize_phrase(p) for p in a.get("tprep", "").split("|") if p),
                swap="swap" in a,
                intr="intr" in a,
                indef="indef" in a,
                perf="perf" in a,
                notname="notname" in a,
                notnext=tuple(normalize_phrase(p) for p in a.get("notnext", "").split("|") if p),
                notpre=tuple(normalize_phrase(p) for p in a.get("notpre", "").split("|") if p),
                notobj=tuple(normalize_phrase(p) for p in a.get("notobj", "").split("|") if p),
                notprep=tuple(normalize_phrase(p) for p in a.get("notprep", "").split("|") if p),
                impf=a.get("impf"),
                forms=tuple(x for x in a.get("forms", "").split("|") if x),
                notes=notes,
            )
        )
    return tuple(out)


#: Function words (normalized) that no inflected trigger form may be: هنأ "congratulated" folds to هنا
#: "here" once the hamza is normalized away.
FUNCTION_WORDS = frozenset(normalize_phrase(w) for w in (
    "هنا هناك هنالك إنما إذا أما إلا أن إن لما كما حتى متى إلى على عن من ما لا لن لم قد بل ثم أو أم هذا هذه "
    "ذلك تلك هؤلاء الذي التي كل بعض غير بين عند لدى مع منذ خلال بعد قبل حين حيث أين كيف لكن لكي كي أي هو هي "
    "هم نحن أنا أنت ليس كان يكون كانت سوف عبر ضد نحو فوق تحت وراء أمام دون مثل سوى نفس ذات عدة جدا أيضا فقط "
    "ثمة الآن اليوم أمس غدا"
).split())


def surface_forms(t: Trigger) -> set[str]:
    """All normalized surface stems the matcher looks for for one entry (never a :data:`FUNCTION_WORDS` word)."""
    if t.pos == "verb":
        out = verb_forms(t.form, t.impf, t.forms, perfect_only=t.perf)
    elif t.pos == "masdar":
        out = {normalize_phrase(t.form)} if t.indef else noun_forms(t.form)
    else:
        out = phrase_forms(t.form, t.pos, t.impf, perfect_only=t.perf)
    return out - FUNCTION_WORDS


@lru_cache(maxsize=1)
def trigger_matcher() -> PhraseMatcher[Trigger]:
    """One :class:`PhraseMatcher` over every surface form of every entry (built once).

    Proclitics and the future marker س are seen through (``future=True``);
    :data:`SUFFIXES` may follow a match. A surface form shared by a verb
    and a noun entry (دعم، قصف) keeps both payloads; the coder prefers the
    reading that fits the context.
    """
    pairs: list[tuple[str, Trigger]] = []
    for t in load_triggers():
        for f in surface_forms(t):
            pairs.append((f, t))
    return PhraseMatcher(pairs, future=True, suffixes=SUFFIXES)
