"""The temporal tagger: TIMEX3 expressions in Arabic news, resolved against the publication date.

:func:`find_timexes` runs a set of regular expressions over
``normalize(doc.text).text`` (see :mod:`khabar.text.normalize`), keeps the
longest non-overlapping matches, widens them with modifiers (مطلع/منتصف/أواخر
…, النصف الأول من …), joins clock times to the day that follows, and maps
every span back to the original text with ``NormalizedText.span``.

Values follow TIMEX3 (Pustejovsky et al. 2003, *TimeML*; ISO 24617-1
ISO-TimeML) as used in TempEval-2/3 (Verhagen et al. 2010; UzZaman et al.
2013): ISO 8601 calendar dates and reduced precision (``2021-02-15``,
``2020-05``, ``2022``, ``199`` for a decade, ``19`` for a century), ISO weeks
(``2021-W06``), seasons (``2019-SU``), parts of day (``2021-02-15TMO``),
durations (``P3D``, ``PT24H``, ``P1DE``, ``PXY`` for "some years"), sets
(``P1D`` for يوميا, ``XXXX-WXX-5`` for كل جمعة) and the vague references
``PAST_REF``/``PRESENT_REF``/``FUTURE_REF``. Modifiers: ``START``/``MID``/
``END`` (early/mid/late), ``APPROX``, ``MORE_THAN``, ``LESS_THAN``.

Resolution (the reasoning is in ``docs/dates.md``):

* relative expressions are resolved against ``doc.meta.published`` and get
  ``anchor="published"``; without a publication date their ``value`` is
  ``None`` and ``anchor="missing"`` — never today's date;
* narrative expressions (اليوم التالي، بعد ذلك بيومين، اليوم نفسه, and بعد +
  quantity in a past clause) are resolved against the last date the text
  gave, whose timex id becomes their ``anchor`` (TIMEX3 ``anchorTimeID``);
* impossible dates (31 فبراير) are tagged with ``value=None`` and a ``note``;
* the tense of the clause (cue words, perfect verbs, a clause-opening
  imperfect; reporting verbs are neutral) decides bare weekdays and months;
* an unanchored weekday is the nearest such day on or before publication
  (news reports the past), on or after it when the sentence has a future cue
  (سوف, س + verb, أن + imperfect, المقرر, يعتزم, توقع …); الماضي/المقبل force
  strictly before/after;
* day + month without a year: the nearest such date to publication, the last
  one not after it in a past context, the first not before it in a future one;
  a named weekday in the same expression picks the matching year;
* month alone: the latest such month not after publication, or the first not
  before it in a future context; "مايو الماضي" the last May strictly before the
  publication month;
* a weekday next to أمس/اليوم/غدا is one expression; when the two disagree
  the weekday wins (the nearest such day to the relative date), since
  articles are often dated the day after they were written.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import lru_cache
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from khabar.doc import Document, Timex
from khabar.extract import _datewords as W
from khabar.text.normalize import NormalizedText, normalize
from khabar.text.segment import split_sentences

__all__ = ["find_timexes", "NO_ANCHOR", "PUBLISHED", "INVALID_DATE", "WEEKDAY_MISMATCH"]

NO_ANCHOR = "missing"
"""``anchor`` of a relative expression that had nothing to be resolved against (``value`` is None)."""
PUBLISHED = "published"
"""``anchor`` of a value computed from the publication date."""
INVALID_DATE = "invalid date"
"""``note`` of an impossible calendar date (31 فبراير): ``value`` is None."""

# --------------------------------------------------------------------------- regex pieces


def _alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of normalized phrases, longest first.

    A space inside a phrase matches one space; ``" و"`` (the conjunction before
    a word) also matches ``" و "``.
    """
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        p = re.escape(w).replace("\\ ", " ")
        p = p.replace(" و", " و ?")
        parts.append(p)
    return "(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=4096)
def _canon(s: str) -> str:
    """Canonical form of a matched phrase for dictionary look-up."""
    s = _SPACES.sub(" ", s.strip())
    return s.replace(" و ", " و")


_SPACES = re.compile(r"\s+")


_B = r"(?<!\w)"
_E = r"(?!\w)"
_PRE = r"(?:[وف]?[بلك]|[وف])?"
_ART = r"(?:ال|ل(?<=لل))"  # the article, or ل after the proclitic ل (للعام)
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2}|21[0-9]{2})"
_GSUF = r"(?: ?(?:م|ميلاديه|ميلادي|للميلاد)(?!\w))"
_HSUF = r"(?: ?(?:ه|هجريه|هجري|للهجره)(?!\w))"

_GMONTH = _alt(W.GREG_MONTHS)
_HMONTH = _alt(W.HIJRI_MONTHS)
_MCLUSTER = (
    rf"(?:شهر )?(?P<m1>{_GMONTH})"
    rf"(?: ?(?P<sep>[/\\\-–—]) ?(?P<m2>{_GMONTH})| ?\( ?(?P<m3>{_GMONTH}) ?\))?"
)
_WEEKDAY = _alt(W.WEEKDAYS)
_ORD = (
    rf"(?:{_alt(W.ORD_UNITS)}(?: عشر| و ?(?:العشرين|العشرون|الثلاثين|الثلاثون))?"
    rf"|{_alt(W.ORD_TENS)})"
)
_DAY = rf"(?:[0-3]?[0-9]|{_ORD}|اول|غره)"
_PAST = _alt(W.PAST_DIR)
_NEXT = _alt(W.NEXT_DIR)
_CUR = _alt(W.CUR_DIR)
_DIR = _alt(W.PAST_DIR | W.NEXT_DIR | W.CUR_DIR)
_POD = _alt(W.POD)
_NUMW = (
    rf"(?:{_alt(W.CARD_UNITS)}(?: (?:عشر|عشره)| و ?{_alt(W.CARD_TENS)})?"
    rf"|{_alt(W.CARD_TENS)}|{_alt(W.CARD_HUNDREDS)})"
)
#: A number in digits or words, optionally times a thousand (35 ألف، خمسة آلاف، 10 آلاف).
_NUM = rf"(?:(?:[0-9]+(?:[.,][0-9]+)?|{_NUMW})(?: (?:الف|الاف))?)"
_UNIT = _alt(W.UNITS)
_APPROX = _alt(W.APPROX)
_MODW = _alt(W.MOD_WORDS)
_YEAREXPR = (
    rf"(?:(?:(?:ال)?(?:عام|سنه) )?(?P<y>{_YEAR})(?P<ysuf>{_GSUF}|{_HSUF})?"
    rf"|(?:ال)?(?:عام|سنه) (?P<ydir>{_DIR})|(?P<ythis>هذا العام|هذه السنه))"
)


def _rx(body: str) -> re.Pattern[str]:
    return re.compile(_B + _PRE + "(?P<x>" + body + ")" + _E)


# --------------------------------------------------------------------------- candidates


@dataclass(slots=True)
class _C:
    ns: int
    ne: int
    type: str
    value: str | None
    mod: str | None = None
    anchor: str | None = None
    prio: int = 1
    gran: str = ""  # Y, M, W, D, DE, CE, S (season), T (time), "" (other)
    hm: str = ""  # for clock times: "T10:30", kept even when the day is unknown
    note: str | None = None  # why value is None when the anchor is not the reason
    tz: str | None = None  # clock times: IANA zone or "Z"; "" for local time
    # narrative expressions: (unit, k, pod) — k units after the last date the text
    # resolved (unit D, W, M or Y; pod a TIMEX3 part of day or "")
    narr: tuple[str, int, str] | None = None
    near: bool = False  # narr: the anchor must be in this sentence or the one before
    fallback: "_C | None" = None  # narr: what to use when there is no anchor
    floating: bool = False  # a clock time with no day of its own (placed on the last day mentioned)


class _Ctx:
    """Everything a rule handler needs: the normalized text, the anchor, sentences."""

    def __init__(self, norm: NormalizedText, pub: dt.date | None, sent_starts: list[int]) -> None:
        self.norm = norm
        self.text = norm.text
        self.pub = pub
        self.sent_starts = sent_starts
        self._tense_cache: dict[tuple[int, int], int] = {}
        self._cue_word: dict[tuple[int, int], str] = {}  # the word before the span that gave its tense

    def sentence_bounds(self, ns: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sent_starts, ns) - 1
        s = self.sent_starts[i] if i >= 0 else 0
        e = self.sent_starts[i + 1] if i + 1 < len(self.sent_starts) else len(self.text)
        return s, e

    def tense(self, ns: int, ne: int) -> int:
        """+1 for a future cue, -1 for a past cue, 0 when the sentence gives none.

        The nearest cue before the expression in its sentence wins (a cue word,
        a perfect verb from ``PERFECT_VERBS``, or an imperfect verb that opens
        a clause, as in ``ويعقد المجلس جلسة الثلاثاء``); failing that, the
        nearest one in the few words after it, inside its own clause.
        """
        key = (ns, ne)
        hit = self._tense_cache.get(key)
        if hit is not None:
            return hit
        s, e = self.sentence_bounds(ns)
        words: list[str] = []
        opens: list[bool] = []  # the word opens a clause (sentence start, after a comma)
        for seg in _CLAUSE_SPLIT.split(self.text[s:ns]):
            ws = _WORD.findall(seg)
            words.extend(ws)
            opens.extend([True] + [False] * (len(ws) - 1) if ws else [])
        out = 0
        for i in range(len(words) - 1, max(-1, len(words) - 20), -1):
            if _report_verb(_strip_conj(words[i])):
                break  # قرر/أعلن/قال date the report, not the event: no cue
            c = _cue(words, i)
            if not c and (opens[i] or words[i][0] in "وف") and _imperfect_verb(words[i], opens[i]):
                c = 1
            if c:
                out = c
                self._cue_word[key] = words[i]
                break
        if not out:
            # after it: only inside the same clause (up to a comma, a conjunction or أن)
            segs = _CLAUSE_SPLIT.split(self.text[ne:e], maxsplit=2)
            clause = segs[0] if _WORD.search(segs[0]) or len(segs) == 1 else segs[1]  # وفي 14 مايو، نقلت …
            after = _WORD.findall(clause)[:6]
            for i in range(len(after)):
                if (after[i][0] in "وف" and len(after[i]) > 3) or after[i] in _CLAUSE_OPENERS:
                    break  # a conjunction or complementizer opens the next clause
                c = _cue(after, i)
                if c:
                    out = c
                    break
        self._tense_cache[key] = out
        return out

    def far_past(self, ns: int, ne: int, pub: dt.date) -> bool:
        """Whether the clause of ``ns:ne`` is clearly about a past beyond the last few weeks:
        its tense comes from a verb of occurrence (حدث، وقع، جرى، شهد، اندلع: the dated thing
        itself happened), or its sentence has العام الماضي / السنة الماضية / المنصرم, ذكرى (an
        anniversary) or a year before ``pub``'s."""
        self.tense(ns, ne)
        cue = self._cue_word.get((ns, ne))
        if cue is not None and (cue in _OCCURRED or _strip_conj(cue) in _OCCURRED):
            return True
        s, e = self.sentence_bounds(ns)
        sent = self.text[s:e]
        if _FAR_PAST_RX.search(sent):
            return True
        return any(int(y) < pub.year for y in _YEAR_IN_TEXT_RX.findall(sent))


_OCCURRED = frozenset({
    "حدث", "حدثت", "وقع", "وقعت", "جري", "جرت", "شهد", "شهدت", "شهدوا", "اندلع", "اندلعت", "حصل", "حصلت",
})
_FAR_PAST_RX = re.compile(
    r"(?<!\w)(?:(?:ال)?(?:عام|سنه) (?:الماضي|الماضيه|المنصرم|المنصرمه|السابق|السابقه)|[وبل]?(?:ال)?ذكري)(?!\w)"
)
_YEAR_IN_TEXT_RX = re.compile(r"(?<![\w.,/-])((?:19|20)[0-9]{2})(?![\w,/-]|[.,][0-9])")
_CLAUSE_SPLIT = re.compile(r"[،,؛:()\"“”]")
_CLAUSE_OPENERS = frozenset({"ان", "انه", "انها", "لان", "حيث", "الذي", "التي", "الذين", "بينما", "حين", "عندما"})


def _imperfect_verb(w: str, opens: bool) -> bool:
    """An imperfect verb (يعقد، تنطلق، ويصل) rather than a noun that starts with ي/ت.

    Only 3rd-person prefixes; nouns of the تفعيل/تفاعل patterns, plurals in
    ات, words in ه (teh marbuta) and month names are excluded.
    """
    if w[0] in "وف" and len(w) > 3:
        w = w[1:]
    elif not opens:
        return False
    if len(w) < 3 or w[0] not in "يت" or w in _S_NOUN_WORDS:
        return False
    if w.endswith(("ه", "ات", "يه")) or w.startswith(_NOT_IMPERFECT) or (w[0] == "ت" and w.endswith("ت")):
        return False
    if w[0] == "ت" and len(w) == 5 and w[3] == "ي":
        return False  # تشكيل، تفجير: the verbal noun of form II
    return True


_NOT_IMPERFECT = (
    "يوم", "يونيو", "يونيه", "يوليو", "يوليه", "يناير", "يمن", "يهود", "يسار", "يمين", "ين", "يد",
    "تركي", "تونس", "تقرير", "تنظيم", "تعداد", "تاريخ", "توقيت", "تموز", "تشرين", "تحالف", "تيار",
    "تلفزيون", "تجار", "تجاره", "توتر", "تصعيد", "تعاون", "تحقيق", "تدخل", "تقدم", "تراجع", "تطور",
    "تضخم", "تمويل", "تفجير", "تكلفه", "تنسيق", "تهديد", "تصريح", "توقيع", "تسجيل", "تعليم",
)


_WORD = re.compile(r"\w+")
_FUT_WORDS = frozenset({
    "سوف", "لن", "المقبل", "المقبله", "القادم", "القادمه", "المقرر", "مقرر", "يعتزم", "تعتزم", "يعتزمون",
    "المزمع", "المزمعه", "المرتقب", "المرتقبه", "المنتظر", "المنتظره", "المتوقع", "المتوقعه", "يتوقع",
    "تتوقع", "يتوقعون", "توقع", "توقعت", "توقعوا", "ينتظر", "يرتقب", "يرتقب", "يخطط", "تخطط", "يعتزمان",
    "مستقبلا", "قريبا", "لاحقا", "غدا", "ستكون", "سيكون",
})
_PAST_WORDS = frozenset({
    "كان", "كانت", "كانوا", "لقد", "سبق", "سبقت", "الماضي", "الماضيه", "المنصرم", "المنصرمه", "امس",
    "البارحه", "منذ", "لم", "وقع", "وقعت", "جري", "جرت", "شهد", "شهدت", "سابقا",
})
# nouns that look like س + imperfect verb (سيارة، سنوات …): never a future cue
_S_NOUN_PREFIXES = (
    "سياس", "سيار", "سيطر", "سيناء", "سينا", "سينم", "سياق", "سياح", "سياد", "سيول", "ستوك", "سنغاف",
    "سنجار", "سيبير", "سنوي", "سنوات", "سيدات", "سيناريو", "ستالين",
)
_S_NOUN_WORDS = frozenset({
    "سيف", "سيل", "سيد", "سيده", "سيدي", "ستر", "سند", "سير", "سيره", "سنه", "سنتين", "سنتان", "سته",
    "ستين", "ستون", "ستار", "ستاد", "سني", "سنيه", "سنين", "سيوف", "ستائر", "سندات",
})


def _strip_conj(w: str) -> str:
    if len(w) > 3 and w[0] in "وف":
        return w[1:]
    return w


def _imperfect(w: str) -> bool:
    return len(w) >= 4 and w[0] in "يتن" and not w.startswith(("تركي", "تونس", "تقرير", "تنظيم", "نحو", "نسب", "يوم", "نتيج", "تعداد"))


def _report_verb(w: str) -> bool:
    if w in W.REPORT_VERBS:
        return True
    return any(w.endswith(suf) and w[: -len(suf)] in W.REPORT_VERBS for suf in ("ت", "وا", "ا", "تا"))


_PREPOSITIONS = frozenset({
    "من", "في", "الي", "علي", "عن", "مع", "بعد", "قبل", "حول", "ضد", "عبر", "خلال", "منذ", "لدي", "عند", "بين", "بسبب",
})


def _perfect(w: str) -> bool:
    """A news verb in the perfect (past) tense: قال، أعلنت، وصلوا، التقيا."""
    if w in W.PERFECT_VERBS:
        return True
    for suf in ("ت", "وا", "ا", "تا", "ن", "تم"):
        if w.endswith(suf) and len(w) - len(suf) >= 2 and w[: -len(suf)] in W.PERFECT_VERBS:
            return True
    for suf in ("ت", "وا", "تا"):  # defective verbs drop their final ى: تولى → تولت، ألغى → ألغوا
        if w.endswith(suf) and len(w) - len(suf) >= 2 and w[: -len(suf)] + "ي" in W.PERFECT_VERBS:
            return True
    return False


def _cue(words: list[str], i: int) -> int:
    w = _strip_conj(words[i])
    if w in _FUT_WORDS:
        return 1
    if w in _PAST_WORDS or words[i] in _PAST_WORDS:  # وقعت is وقع, not و + قعت
        return -1
    if _perfect(w) and not (i > 0 and _strip_conj(words[i - 1]) in _PREPOSITIONS) and words[i][:2] not in ("بال", "لل"):
        return -1
    if w in ("ان", "قد") and i + 1 < len(words):
        nxt = _strip_conj(words[i + 1]) if w == "ان" else words[i + 1]
        if w == "قد" and nxt[0] == "ت" and nxt.endswith(("ت", "وا")):
            return -1  # قد تولت، قد تعهدوا: قد + a form V/VI perfect, not "may" + imperfect
        if _imperfect(nxt):
            return 1
        if w == "قد":
            return -1
    if len(w) >= 5 and w[0] == "س" and w[1] in "يتن" and w not in _S_NOUN_WORDS and not w.startswith(_S_NOUN_PREFIXES):
        return 1  # س + imperfect: the future
    return 0


# --------------------------------------------------------------------------- date arithmetic


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _week(d: dt.date) -> str:
    iy, iw, _ = d.isocalendar()
    return f"{iy:04d}-W{iw:02d}"


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_year(pub: dt.date, m: int, mode: str) -> int:
    """Year of month ``m`` relative to ``pub``: ``le``/``ge`` (not after/before), ``lt``/``gt`` (strict)."""
    y = pub.year
    if mode == "le":
        return y if m <= pub.month else y - 1
    if mode == "ge":
        return y if m >= pub.month else y + 1
    if mode == "lt":
        return y if m < pub.month else y - 1
    return y if m > pub.month else y + 1  # gt


NEAR_FUTURE_DAYS = 31
"""A day + month without a year at most this many days after publication stays in the coming
weeks even in a past clause (``وكان الاتحاد قد دعا إلى إضراب في 25 يونيو``, published 10 June:
the past tense dates the call, not the strike), unless the sentence points further back
(``العام الماضي``, a year before the publication year, ``ذكرى``)."""


def _day_month_year(
    pub: dt.date, m: int, d: int, tense: int, weekday: int | None, far_past: bool = False
) -> int | None:
    cands = [x for x in (_safe_date(y, m, d) for y in (pub.year - 1, pub.year, pub.year + 1)) if x]
    x = _pick(cands, pub, tense, weekday, far_past)
    return x.year if x else None


def _weekday_date(pub: dt.date, wd: int, mode: str) -> dt.date:
    """The weekday ``wd`` around ``pub``: ``le``/``ge`` (inclusive) or ``lt``/``gt`` (strict)."""
    back = (pub.weekday() - wd) % 7
    fwd = (wd - pub.weekday()) % 7
    if mode == "le":
        return pub - dt.timedelta(days=back)
    if mode == "lt":
        return pub - dt.timedelta(days=back or 7)
    if mode == "ge":
        return pub + dt.timedelta(days=fwd)
    return pub + dt.timedelta(days=fwd or 7)


def _hijri_to_greg(y: int, m: int, d: int) -> dt.date | None:
    from hijridate import Hijri

    try:
        g = Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(g.year, g.month, g.day)


def _num(s: str) -> float | None:
    """The value of a number in digits or Arabic words (normalized), or ``None``."""
    s = _canon(s)
    if s.endswith((" الف", " الاف")):  # 35 ألف، خمسة آلاف: times a thousand
        base = _num(s.rsplit(" ", 1)[0])
        return None if base is None else base * 1000
    if re.fullmatch(r"[0-9]+", s):
        return int(s)
    if re.fullmatch(r"[0-9]+[.,][0-9]+", s):
        return float(s.replace(",", "."))
    toks = s.split(" ")
    total = 0
    for i, t in enumerate(toks):
        if i > 0 and t.startswith("و") and t[1:] in W.CARD_TENS:
            t = t[1:]
        if t in W.CARD_TENS:
            total += W.CARD_TENS[t]
        elif t in W.CARD_HUNDREDS:
            total += W.CARD_HUNDREDS[t]
        elif t in ("عشر", "عشره") and i > 0:
            total += 10
        elif t in W.CARD_UNITS:
            total += W.CARD_UNITS[t]
        else:
            return None
    return total


def _ord(s: str) -> int | None:
    """The value of an ordinal day word (الثالث، الحادي والعشرين) or day digits."""
    s = _canon(s)
    if s.isdigit():
        return int(s)
    if s in ("اول", "غره"):
        return 1
    total = 0
    for i, t in enumerate(s.split(" ")):
        if i > 0 and t.startswith("و"):
            t = t[1:]
        if t in W.ORD_UNITS:
            total += W.ORD_UNITS[t]
        elif t in W.ORD_TENS:
            total += W.ORD_TENS[t]
        elif t == "عشر":
            total += 10
        else:
            return None
    return total


def _fmt_num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


# --------------------------------------------------------------------------- rules

Handler = Callable[[re.Match[str], _Ctx], "_C | None"]


def _rel(ctx: _Ctx, ns: int, ne: int, typ: str, fn: Callable[[dt.date], str], gran: str, mod: str | None = None) -> _C:
    """A candidate whose value needs the publication date."""
    if ctx.pub is None:
        return _C(ns, ne, typ, None, mod, NO_ANCHOR, gran=gran)
    return _C(ns, ne, typ, fn(ctx.pub), mod, PUBLISHED, gran=gran)


def _month_of(m: re.Match[str]) -> tuple[int, bool, int]:
    """(month, paired, end of the month cluster) — a mismatched pair keeps the first name."""
    m1 = W.GREG_MONTHS[_canon(m.group("m1"))]
    other = m.group("m2") or m.group("m3")
    if other is not None:
        m2 = W.GREG_MONTHS[_canon(other)]
        if m2 == m1:
            return m1, True, -1
        return m1, False, m.end("m1")  # a range such as مايو-يونيو: keep only the first
    return m1, False, -1


def _year_part(m: re.Match[str], ctx: _Ctx) -> tuple[int | None, bool, str | None]:
    """(year, relative?, error) from the _YEAREXPR groups of a match."""
    if m.group("y"):
        y = int(m.group("y"))
        suf = m.group("ysuf") or ""
        if suf.strip().startswith("ه") or "هجر" in suf:
            return None, False, "hijri"
        return y, False, None
    rel = m.group("ydir")
    if rel is not None or m.group("ythis"):
        if ctx.pub is None:
            return None, True, None
        k = -1 if rel in W.PAST_DIR else 1 if rel in W.NEXT_DIR else 0
        return ctx.pub.year + k, True, None
    return None, False, None


def _prev_word(ctx: _Ctx, ns: int) -> str:
    ws = _WORD.findall(ctx.text[max(0, ns - 30) : ns])
    return ws[-1] if ws else ""


def _next_word(ctx: _Ctx, ne: int) -> str:
    ws = _WORD.findall(ctx.text[ne : ne + 30])
    return ws[0] if ws else ""


_DAY_GUARD = frozenset({
    "الاسبوع", "الاسبوعين", "الاسابيع", "النصف", "الربع", "الثلث", "العشر", "العشره", "الجزء", "الفصل",
    "الدور", "الجوله", "المرحله", "الشوط", "الشهر", "العام", "القرن", "العقد", "الاجتماع", "المؤتمر",
})


def _h_dmy(m: re.Match[str], ctx: _Ctx) -> _C | None:
    """Day + month (+ year | relative year | direction), with an optional weekday before."""
    ns, ne = m.span("x")
    d = _ord(m.group("d"))
    if d is None or not 1 <= d <= 31:
        return None
    if m.group("wd") is None and not m.group("d")[0].isdigit() and _strip_conj(_prev_word(ctx, m.start("d"))) in _DAY_GUARD:
        return None  # الأسبوع الأول من مارس is not March 1
    mon, _paired, cut = _month_of(m)
    wd = W.WEEKDAYS[_canon(m.group("wd"))] if m.group("wd") else None
    if cut >= 0:
        ne = cut
        y, rel, err = None, False, None
        direction = None
    else:
        y, rel, err = _year_part(m, ctx)
        direction = m.group("mdir")
    if err:
        return None
    if y is not None:
        date = _safe_date(y, mon, d)
        if date is None:  # 31 نوفمبر 2022: tagged, but no value
            return _C(ns, ne, "DATE", None, None, None, gran="D", note=f"{INVALID_DATE}: day {d} of month {mon}", prio=2)
        return _C(ns, ne, "DATE", _iso(date), None, PUBLISHED if rel else None, gran="D", note=_weekday_note(m, date))
    if rel:  # relative year, no publication date
        return _C(ns, ne, "DATE", None, None, NO_ANCHOR, gran="D")

    if not any(_safe_date(yy, mon, d) for yy in (2000, 2001)):  # 30 فبراير, 31 أبريل
        return _C(ns, ne, "DATE", None, None, None, gran="D", note=f"{INVALID_DATE}: day {d} of month {mon}", prio=2)

    def res(pub: dt.date) -> str:
        if direction in W.PAST_DIR:
            cands = [x for x in (_safe_date(pub.year - k, mon, d) for k in (0, 1, 2)) if x and x < pub]
            return _iso(max(cands)) if cands else ""
        if direction in W.NEXT_DIR:
            cands = [x for x in (_safe_date(pub.year + k, mon, d) for k in (0, 1, 2)) if x and x > pub]
            return _iso(min(cands)) if cands else ""
        yy = _day_month_year(pub, mon, d, 0 if direction else _tense_by(ctx, ns, ne), wd, ctx.far_past(ns, ne, pub))
        return _iso(dt.date(yy, mon, d)) if yy is not None else ""

    c = _rel(ctx, ns, ne, "DATE", res, "D")
    return c if c.value != "" else None


def _h_month(m: re.Match[str], ctx: _Ctx) -> _C | None:
    """Month (+ year | relative year | direction) or a bare month name with a cue."""
    ns, ne = m.span("x")
    mon, paired, cut = _month_of(m)
    name = _canon(m.group("m1"))
    if cut >= 0:
        ne = cut
        y, rel, err, direction = None, False, None, None
    else:
        y, rel, err = _year_part(m, ctx)
        direction = m.group("mdir")
    if err:
        return None
    has_shahr = m.group("x").startswith("شهر")
    if y is None and not rel and direction is None and not paired and not has_shahr and name in W.AMBIGUOUS_MONTHS:
        pw = _strip_conj(_prev_word(ctx, ns))
        coordinated = _MONTH_AND.search(ctx.text, max(0, ns - 25), ns) is not None
        if not (coordinated or pw in W.MOD_WORDS or pw in _MONTH_PREPS):
            return None
    if y is not None:
        return _C(ns, ne, "DATE", _ym(y, mon), None, PUBLISHED if rel else None, gran="M")
    if rel:
        return _C(ns, ne, "DATE", None, None, NO_ANCHOR, gran="M")

    def res(pub: dt.date) -> str:
        if direction in W.PAST_DIR:
            return _ym(_month_year(pub, mon, "lt"), mon)
        if direction in W.NEXT_DIR:
            return _ym(_month_year(pub, mon, "gt"), mon)
        if direction in W.CUR_DIR:
            return _ym(pub.year, mon)
        mode = "ge" if _tense_by(ctx, ns, ne) > 0 else "le"
        return _ym(_month_year(pub, mon, mode), mon)

    return _rel(ctx, ns, ne, "DATE", res, "M")


def _tense_by(ctx: _Ctx, ns: int, ne: int) -> int:
    """The clause tense, read as future for a deadline with no cue of its own: ``بحلول أغسطس``
    after a reporting or deciding verb (قررت الحكومة … بحلول أغسطس) is the coming August."""
    t = ctx.tense(ns, ne)
    if t == 0 and _strip_conj(_prev_word(ctx, ns)) in _DEADLINE_PREPS:
        return 1
    return t


_DEADLINE_PREPS = frozenset({"بحلول", "قبل حلول", "موعد اقصاه"})
_MONTH_PREPS = frozenset({"في", "منذ", "حتى", "حتي", "خلال", "بحلول", "شهري", "اواسط"})
_MONTH_AND = re.compile(rf"{_GMONTH} ?(?:و|او|الى|حتى) ?$")

_DMY_RX = _rx(
    rf"(?:(?:يوم )?(?P<wd>{_WEEKDAY}) ?[،,]? ?(?:الموافق )?)?(?P<d>{_DAY}) (?:من )?{_MCLUSTER}"
    rf"(?:(?: ?[،,])? (?:من )?{_YEAREXPR}| (?P<mdir>{_DIR}))?"
)
_MONTH_RX = _rx(rf"{_MCLUSTER}(?:(?: ?[،,])? (?:من )?{_YEAREXPR}| (?P<mdir>{_DIR}))?")


def _h_numeric(m: re.Match[str], ctx: _Ctx) -> _C | None:
    """16/2/2021, 16-2-2021, 16.2.2021, 2021-02-16, 2021/2/16 (and Hijri ones with هـ)."""
    ns, ne = m.span("x")
    if m.group("Y1"):
        y, mo, d = int(m.group("Y1")), int(m.group("M1")), int(m.group("D1"))
    else:
        d, mo, y = int(m.group("D2")), int(m.group("M2")), int(m.group("Y2"))
        if mo > 12 and d <= 12:
            d, mo = mo, d  # month first (US order)
    suf = (m.group("suf") or "").strip()
    if suf.startswith("ه") or "هجر" in suf:
        g = _hijri_to_greg(y, mo, d)
        if g is None:
            return None
        return _C(ns, ne, "DATE", _iso(g), gran="D", note=_weekday_note(m, g))
    date = _safe_date(y, mo, d)
    if date is None:
        if 1 <= mo <= 12 and 1 <= d <= 31:  # 31/11/2022: a date, but an impossible one
            return _C(ns, ne, "DATE", None, gran="D", note=f"{INVALID_DATE}: day {d} of month {mo}")
        return None
    return _C(ns, ne, "DATE", _iso(date), gran="D", note=_weekday_note(m, date))


WEEKDAY_MISMATCH = "weekday mismatch"
"""``note`` prefix of a date whose named weekday is not its weekday (الثلاثاء 09/06/2025): the
date is kept, since the digits are more often right than the weekday word."""

_WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _weekday_note(m: re.Match[str], date: dt.date) -> str | None:
    """A :data:`WEEKDAY_MISMATCH` note when the match names a weekday that ``date`` is not."""
    if not m.group("wd"):
        return None
    wd = W.WEEKDAYS[_canon(m.group("wd"))]
    if wd == date.weekday():
        return None
    return f"{WEEKDAY_MISMATCH}: {_WEEKDAY_EN[wd]} named, {date.isoformat()} is a {_WEEKDAY_EN[date.weekday()]}"


_NUMERIC_RX = re.compile(
    rf"(?<![\w/.\-])(?P<x>(?:(?:يوم )?(?P<wd>{_WEEKDAY}) ?[،,]? ?(?:الموافق )?)?"
    r"(?:(?P<Y1>[12][0-9]{3})(?P<s1>[/.\-])(?P<M1>[0-9]{1,2})(?P=s1)(?P<D1>[0-9]{1,2})"
    r"|(?P<D2>[0-9]{1,2})(?P<s2>[/.\-])(?P<M2>[0-9]{1,2})(?P=s2)(?P<Y2>[12][0-9]{3}))"
    rf"(?P<suf>{_GSUF}|{_HSUF})?)(?![\w/\-]|\.[0-9])"
)


def _h_hijri(m: re.Match[str], ctx: _Ctx) -> _C | None:
    """[day] Hijri-month year [هـ] → the Gregorian date (or month/year) with hijridate."""
    ns, ne = m.span("x")
    hm = W.HIJRI_MONTHS[_canon(m.group("hm"))]
    hy = int(m.group("hy"))
    if not m.group("hsuf") and not 1300 <= hy <= 1500:
        return None
    if m.group("hd"):
        d = _ord(m.group("hd"))
        if d is None or not 1 <= d <= 30:
            return None
        g = _hijri_to_greg(hy, hm, d)
        if g is None:
            return _C(ns, ne, "DATE", None, None, None, gran="D", note="hijri date out of range")
        return _C(ns, ne, "DATE", _iso(g), gran="D")
    g = _hijri_to_greg(hy, hm, 15)  # the Gregorian month holding the middle of the Hijri month
    if g is None:
        return _C(ns, ne, "DATE", None, None, None, gran="M", note="hijri date out of range")
    return _C(ns, ne, "DATE", _ym(g.year, g.month), gran="M")


_HIJRI_RX = _rx(
    rf"(?:(?P<hd>{_DAY}) (?:من )?)?(?:شهر )?(?P<hm>{_HMONTH})(?: ?[،,])? (?:(?:ال)?(?:عام|سنه) )?(?P<hy>1[0-9]{{3}})(?P<hsuf>{_HSUF})?"
)


def _hijri_year_of(d: dt.date) -> int | None:
    from hijridate import Gregorian

    try:
        return int(Gregorian(d.year, d.month, d.day).to_hijri().year)
    except (ValueError, OverflowError):
        return None


def _pick(
    cands: list[dt.date], pub: dt.date, tense: int, weekday: int | None, far_past: bool = False
) -> dt.date | None:
    """Among candidate dates: the one with the named weekday, else by tense (past: last not after
    publication, unless one falls within :data:`NEAR_FUTURE_DAYS` after it and ``far_past`` is
    false; future: first not before it), else the nearest to publication."""
    if not cands:
        return None
    if weekday is not None:
        fit = [x for x in cands if x.weekday() == weekday]
        if fit:
            return min(fit, key=lambda x: abs((x - pub).days))
    if tense < 0 and not far_past:
        near = [x for x in cands if 0 < (x - pub).days <= NEAR_FUTURE_DAYS]
        if near:
            return near[0]
    if tense < 0 or (far_past and tense == 0):
        past = [x for x in cands if x <= pub]
        if past:
            return max(past)
    if tense > 0:
        fut = [x for x in cands if x >= pub]
        if fut:
            return min(fut)
    return min(cands, key=lambda x: abs((x - pub).days))


def _calendar_day(pub: dt.date, cal: str, mon: int, day: int) -> list[dt.date]:
    """The Gregorian dates of (month, day) in the calendar ``cal`` (G or H) in the years around ``pub``."""
    if cal == "G":
        return [x for x in (_safe_date(y, mon, day) for y in (pub.year - 1, pub.year, pub.year + 1)) if x]
    hy = _hijri_year_of(pub)
    if hy is None:
        return []
    return [x for x in (_hijri_to_greg(y, mon, day) for y in (hy - 1, hy, hy + 1)) if x]


def _h_hijri_noyear(m: re.Match[str], ctx: _Ctx) -> _C | None:
    """25 رمضان, الخميس 25 رمضان, غرة شوال (no year): the occurrence that fits the weekday or the tense."""
    ns, ne = m.span("x")
    hm = W.HIJRI_MONTHS[_canon(m.group("hm"))]
    d = _ord(m.group("hd"))
    if d is None or not 1 <= d <= 30:
        return None
    if hm == 2 and m.group("hd")[0].isdigit() and not m.group("shahr"):
        return None  # 2 صفر is a score
    wd = W.WEEKDAYS[_canon(m.group("wd"))] if m.group("wd") else None
    tense = ctx.tense(ns, ne)

    def res(pub: dt.date) -> str:
        x = _pick(_calendar_day(pub, "H", hm, d), pub, tense, wd, ctx.far_past(ns, ne, pub))
        return _iso(x) if x else ""

    c = _rel(ctx, ns, ne, "DATE", res, "D")
    return c if c.value != "" else None


_HIJRI_NOYEAR_RX = _rx(
    rf"(?:(?:يوم )?(?P<wd>{_WEEKDAY}) ?[،,]? ?(?:الموافق )?)?(?P<hd>{_DAY}) (?:من )?(?P<shahr>شهر )?(?P<hm>{_HMONTH})"
    rf"(?! ?[،,]? (?:(?:ال)?(?:عام|سنه) )?1[0-9]{{3}})"
)


def _h_holiday(m: re.Match[str], ctx: _Ctx) -> _C | None:
    """عيد الأضحى, عيد الفطر, المولد النبوي, عيد الميلاد …: this or the nearest year's date
    (by tense), or that of the year given (عيد الفطر 2021)."""
    ns, ne = m.span("x")
    cal, mon, day = W.HOLIDAYS[_canon(m.group("hol"))]
    if m.group("hy"):
        gy = int(m.group("hy"))
        if cal == "G":
            x = _safe_date(gy, mon, day)
        else:
            hy = _hijri_year_of(dt.date(gy, 7, 1))
            xs = [g for g in (_hijri_to_greg(h, mon, day) for h in ((hy - 1, hy, hy + 1) if hy else ())) if g and g.year == gy]
            x = xs[0] if xs else None
        return _C(ns, ne, "DATE", _iso(x) if x else None, gran="D", note=None if x else "hijri date out of range")
    tense = ctx.tense(ns, ne)

    def res(pub: dt.date) -> str:
        x = _pick(_calendar_day(pub, cal, mon, day), pub, tense, None)
        return _iso(x) if x else ""

    c = _rel(ctx, ns, ne, "DATE", res, "D")
    return c if c.value != "" else None


_HOLIDAY_RX = _rx(rf"(?P<hol>{_alt(W.HOLIDAYS)})(?: (?:لعام|عام|سنه|لسنه) (?P<hy>20[0-9]{{2}}|19[0-9]{{2}}))?")


def _h_new_year(m: re.Match[str], ctx: _Ctx) -> _C | None:
    """العام الجديد / السنة الجديدة: the coming year from October on, else the current one."""
    ns, ne = m.span("x")
    return _rel(ctx, ns, ne, "DATE", lambda p: f"{p.year + (1 if p.month >= 10 else 0):04d}", "Y")


_NEW_YEAR_RX = _rx(rf"{_ART}(?:عام الجديد|سنه الجديده)(?! (?:الدراسي|الدراسيه|المالي|الماليه|الهجري|الهجريه))")


def _h_year(m: re.Match[str], ctx: _Ctx) -> _C | None:
    """عام 2019 / سنة 2019 / 2019م / 1442 هـ, and 4-digit years after منذ/حتى/بحلول."""
    ns, ne = m.span("x")
    y = int(m.group("yy"))
    suf = (m.group("ys") or "").strip()
    cue = m.group("cue")
    if suf.startswith("ه") or "هجر" in suf:
        g = _hijri_to_greg(y, 7, 1)  # the Gregorian year holding most of the Hijri year
        if g is None:
            return _C(ns, ne, "DATE", None, None, None, gran="Y", note="hijri date out of range")
        return _C(ns, ne, "DATE", f"{g.year:04d}", gran="Y")
    if not cue and not suf:
        # a bare year after منذ / حتى / بحلول / قبل / بعد / خلال: the plausible range only
        pw = _strip_conj(_prev_word(ctx, ns))
        if not 1900 <= y <= 2100:
            return None
        if pw in ("في", "من"):
            # في 2019 at the end of a clause (في 2019، / في 2025 و2026), الربع الأول من 2023
            if not (_YEAR_END.match(ctx.text, ne) or (pw == "من" and _PART_OF.search(ctx.text, max(0, ns - 30), ns))):
                return None
        elif pw not in ("منذ", "حتى", "حتي", "بحلول", "خلال", "مطلع", "اواخر", "اوائل", "نهايه", "بدايه", "منتصف"):
            return None
    elif not 1000 <= y <= 2199:
        return None
    return _C(ns, ne, "DATE", f"{y:04d}", gran="Y")


_YEAR_END = re.compile(r" ?(?:[.،,؛:)\n]|$| و ?[12][0-9]{3}(?![0-9]))")
_PART_OF = re.compile(r"(?:ربع|نصف|ثلث) \w+ من $")
_YEAR_RX = _rx(rf"(?:(?P<cue>(?:ال)?(?:عام|سنه|عامي|سنتي)) )?(?P<yy>[0-9]{{4}})(?P<ys>{_GSUF}|{_HSUF})?")


def _h_weekday(m: re.Match[str], ctx: _Ctx) -> _C | None:
    """[part of day] [أمس/اليوم/غدا] [يوم] weekday [الماضي/المقبل]."""
    ns, ne = m.span("x")
    wd = W.WEEKDAYS[_canon(m.group("wd"))]
    rel = m.group("rel")
    direction = m.group("dir")
    pod = W.POD.get(_canon(m.group("pod") or ""), None)
    bare = not (rel or direction or pod or m.group("yawm"))
    if bare:
        pw, nw = _prev_word(ctx, ns), _next_word(ctx, ne)
        if wd == 0 and (pw in ("كلا", "هذين", "هذان", "هاتين", "بين") or nw in ("معا", "منهما", "منهم")):
            return None  # الاثنين "the two"
        if wd == 6 and nw in ("عشر", "عشره"):
            return None  # الأحد عشر "the eleven"

    def res(pub: dt.date) -> str:
        if rel:
            base = pub + dt.timedelta(days=_REL_DAYS[_canon(rel)])
            # the weekday wins when the two disagree: the nearest such day to the relative date
            delta = (wd - base.weekday()) % 7
            date = base + dt.timedelta(days=delta if delta <= 3 else delta - 7)
        elif direction in W.PAST_DIR:
            date = _weekday_date(pub, wd, "lt")
        elif direction in W.NEXT_DIR:
            date = _weekday_date(pub, wd, "gt")
        elif direction in W.CUR_DIR:
            date = _weekday_date(pub, wd, "ge")
        else:
            date = _weekday_date(pub, wd, "ge" if ctx.tense(ns, ne) > 0 else "le")
        return _iso(date) + (f"T{pod}" if pod else "")

    return _rel(ctx, ns, ne, "TIME" if pod else "DATE", res, "D")


_REL_DAYS: dict[str, int] = {
    "امس": -1, "البارحه": -1, "يوم امس": -1, "اليوم": 0, "غدا": 1, "يوم غد": 1, "غد": 1,
    "اول امس": -2, "اول من امس": -2, "امس الاول": -2, "قبل امس": -2,
    "بعد غد": 2, "بعد الغد": 2, "الليله الماضيه": -1, "الامس": -1, "الليله": 0,
    "الليل الماضي": -1, "الليله قبل الماضيه": -2, "الليل قبل الماضي": -2,
}
#: Night phrases: a TIME with part of day NI (الليلة الماضية = last night, الليلة قبل الماضية = the night before).
_NIGHTS = frozenset({"الليله الماضيه", "الليل الماضي", "الليله قبل الماضيه", "الليل قبل الماضي"})
_WEEKDAY_RX = _rx(
    rf"(?:(?P<pod>{_POD}) )?(?:(?P<rel>اول (?:من )?امس|امس الاول|بعد (?:ال)?غد|امس|اليوم|غدا|البارحه|(?<=[^\W\d_] )غد) )?(?:(?P<yawm>يوم) )?"
    rf"(?P<wd>{_WEEKDAY})(?: (?P<dir>{_DIR}|هذا))?"
)


def _h_relday(m: re.Match[str], ctx: _Ctx) -> _C | None:
    """أمس، اليوم، غدا، بعد غد، أول أمس، صباح اليوم، الليلة الماضية …"""
    ns, ne = m.span("x")
    rel = _canon(m.group("rel"))
    if rel.startswith("ل") and not rel.startswith("ال"):
        rel = "ا" + rel  # للیوم: the proclitic ل swallowed the article's alef
    pod = W.POD.get(_canon(m.group("pod") or ""), None)
    if rel in _NIGHTS:
        pod = "NI"
    if rel == "غد" and not pod:
        return None  # غد alone is "the morrow"; صباح غد, مساء غد are days
    if rel == "الليله":
        pw, nw = _strip_conj(_prev_word(ctx, ns)), _next_word(ctx, ne)
        if pod or pw in ("تلك", "ذات", "نفس", "طوال", "طيله") or nw in (
            "نفسها", "ذاتها", "التي", "الاولي", "الثانيه", "الاخيره", "السابقه", "التاليه", "الموعوده",
        ):
            return None
        pod = "NI"
    if rel == "اليوم" and not pod:
        pw, nw = _strip_conj(_prev_word(ctx, ns)), _next_word(ctx, ne)
        if pw in ("ذلك", "نفس", "طوال", "مدار", "طيله", "مدي", "مره", "مرات", "مرتين") or nw in (
            "نفسه", "ذاته", "عينه", "الذي", "التالي", "الاول", "الثاني", "الثالث", "الاخير", "العالمي",
            "الوطني", "الدولي", "الموعود", "السابق", "الاخر",
        ):
            return None
    delta = _REL_DAYS[rel]

    def res(pub: dt.date) -> str:
        return _iso(pub + dt.timedelta(days=delta)) + (f"T{pod}" if pod else "")

    return _rel(ctx, ns, ne, "TIME" if pod else "DATE", res, "D")


_RELDAY_RX = _rx(
    rf"(?:(?P<pod>{_POD}) )?(?P<rel>اول (?:من )?امس|امس الاول|قبل امس|بعد (?:ال)?غد|يوم (?:امس|غد)"
    rf"|{_ART}ليله (?:قبل )?الماضيه|{_ART}ليل (?:قبل )?الماضي"
    rf"|امس|البارحه|{_ART}امس|{_ART}يوم|غدا|(?<=[^\W\d_] )غد(?= |$|[^\w])|{_ART}ليله(?! (?:قبل )?الماضيه))"
)

_PERIOD_UNITS: dict[str, str] = {"عام": "Y", "سنه": "Y", "شهر": "M", "اسبوع": "W", "عقد": "DE", "قرن": "CE"}


def _period_value(pub: dt.date, unit: str, k: int) -> str:
    if unit == "Y":
        return f"{pub.year + k:04d}"
    if unit == "M":
        y, mo = _shift_month(pub.year, pub.month, k)
        return _ym(y, mo)
    if unit == "W":
        return _week(pub + dt.timedelta(weeks=k))
    if unit == "DE":
        return f"{pub.year // 10 + k:03d}"
    return f"{pub.year // 100 + k:02d}"  # CE


def _h_period(m: re.Match[str], ctx: _Ctx) -> _C | None:
    """العام الماضي، الشهر المقبل، الأسبوع الجاري، هذا العام، القرن الماضي; bare العام after a modifier."""
    ns, ne = m.span("x")
    unit = _PERIOD_UNITS[m.group("u") or m.group("u_")]
    direction = m.group("dir")
    if m.group("this"):
        k = 0
    elif direction is not None:
        k = -1 if direction in W.PAST_DIR else 1 if direction in W.NEXT_DIR else 0
    else:
        if not _MOD_BEFORE.search(ctx.text, max(0, ns - 40), ns):  # bare العام: only as نهاية العام …
            return None
        if _next_word(ctx, ne).startswith("ال"):
            return None  # العام الدراسي, الشهر الفضيل: not the current period
        k = 0
    c = _rel(ctx, ns, ne, "DATE", lambda pub: _period_value(pub, unit, k), unit)
    if direction is None and not m.group("this"):
        c.prio = 0
    return c


_PERIOD_RX = _rx(
    rf"(?:(?P<this>هذا|هذه) {_ART}(?P<u>عام|سنه|شهر|اسبوع|عقد|قرن)(?: (?:الحالي|الحاليه|الجاري|الجاريه))?"
    rf"|{_ART}(?P<u_>عام|سنه|شهر|اسبوع|عقد|قرن)(?: (?P<dir>{_DIR}))?)"
)


_MOD_BEFORE = re.compile(
    rf"{_B}{_PRE}(?:{_MODW}|{_ART}(?:نصف|ربع|ثلث) (?:الاول|الثاني|الثالث|الرابع|الاخير)) (?:من )?$"
)


def _h_century(m: re.Match[str], ctx: _Ctx) -> _C | None:
    """القرن العشرين → 19 (TIMEX3 centuries are the first two digits)."""
    ns, ne = m.span("x")
    n = _ord(m.group("n"))
    if n is None or not 1 <= n <= 22:
        return None
    return _C(ns, ne, "DATE", f"{n - 1:02d}", gran="CE")


_CENTURY_RX = _rx(rf"{_ART}قرن (?P<n>{_ORD})(?: (?:الميلادي|للميلاد))?")


def _h_decade(m: re.Match[str], ctx: _Ctx) -> _C | None:
    """التسعينيات → 199 (the 1900s by default); القرن الماضي/الحالي/الحادي والعشرين pick the century."""
    ns, ne = m.span("x")
    tens = W.DECADES[m.group("dec")]
    if _next_word(ctx, ne) == "من" and "عمر" in ctx.text[ne : ne + 15]:
        return None  # في الخمسينيات من عمره: an age, not a decade
    c = m.group("cent")
    if c is None:
        return _C(ns, ne, "DATE", f"19{tens}", gran="DE")
    cc = _canon(c)
    if cc in W.PAST_DIR or cc in W.CUR_DIR or cc in W.NEXT_DIR:
        k = -1 if cc in W.PAST_DIR else 1 if cc in W.NEXT_DIR else 0
        return _rel(ctx, ns, ne, "DATE", lambda p: f"{p.year // 100 + k:02d}{tens}", "DE")
    n = _ord(cc)
    if n is None or not 1 <= n <= 22:
        return None
    return _C(ns, ne, "DATE", f"{n - 1:02d}{tens}", gran="DE")


_DECADE_RX = _rx(
    rf"(?:ال)?(?P<dec>{_alt(W.DECADES)})(?:يات|ات)(?: (?:من )?{_ART}قرن (?P<cent>{_DIR}|{_ORD}))?"
)


_SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}


def _season_of(d: dt.date) -> tuple[int, int]:
    """(year, index) of the season holding ``d``: winter Dec–Feb (counted in the January's
    year), spring Mar–May, summer Jun–Aug, autumn Sep–Nov (northern meteorological seasons)."""
    y = d.year + (1 if d.month == 12 else 0)
    return y, {12: 0, 1: 0, 2: 0, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2}.get(d.month, 3)


def _h_season(m: re.Match[str], ctx: _Ctx) -> _C | None:
    """صيف 2019 → 2019-SU; صيف العام الماضي; الصيف الماضي/المقبل/الحالي, هذا الصيف."""
    ns, ne = m.span("x")
    code = W.SEASONS[m.group("sea")]
    y, rel, err = _year_part(m, ctx)
    if err:
        return None
    if y is not None:
        return _C(ns, ne, "DATE", f"{y:04d}-{code}", None, PUBLISHED if rel else None, gran="S")
    if rel:
        return _C(ns, ne, "DATE", None, None, NO_ANCHOR, gran="S")
    direction = m.group("sdir")
    if direction is None and not m.group("sthis"):
        return None  # a bare الربيع (الربيع العربي) is not a date
    t = _SEASON_ORDER[code]

    def res(pub: dt.date) -> str:
        cy, cur = _season_of(pub)
        if direction in W.PAST_DIR:
            yy = cy if t < cur else cy - 1
        elif direction in W.NEXT_DIR:
            yy = cy if t > cur else cy + 1
        else:
            yy = cy
        return f"{yy:04d}-{code}"

    return _rel(ctx, ns, ne, "DATE", res, "S")


_SEASON_RX = _rx(
    rf"(?:(?P<sthis>هذا|هذه) )?(?P<sea>{_alt(W.SEASONS)})(?:(?: (?:من )?{_YEAREXPR})| (?P<sdir>{_DIR}))?"
)


def _unit_dur(letters: str, n: float | None, is_time: bool) -> str:
    if n is None:
        return ("PT" if is_time else "P") + "X" + letters
    if n != int(n):
        # ISO 8601 allows a decimal fraction in the lowest order component
        return ("PT" if is_time else "P") + f"{n:g}" + letters
    return ("PT" if is_time else "P") + _fmt_num(n) + letters


def _h_duration(m: re.Match[str], ctx: _Ctx) -> _C | None:
    """ثلاثة أيام → P3D, عامين → P2Y, 24 ساعة → PT24H, منذ نحو عام → P1Y APPROX, منذ سنوات → PXY."""
    ns, ne = m.span("x")
    unit_w = _canon(m.group("unit"))
    letters, implied, is_time = W.UNITS[unit_w]
    if unit_w == "يوم" and _strip_conj(_next_word(ctx, m.end("unit"))) in W.WEEKDAYS:
        return None  # 7 آلاف يوم الخميس: "7,000 on Thursday", the day is the weekday's
    since = m.group("since") is not None
    numtxt = m.group("num")
    if numtxt is not None:
        if implied is not None:
            return None  # a number before a dual form
        if _canon(numtxt) in W.VAGUE_COUNT:
            n: float | None = None
        else:
            if numtxt.startswith("ال") and numtxt[2:] in W.CARD_TENS:
                if unit_w not in _ACC_SINGULAR:
                    return None  # العشرين عاما is a count; العشرين سنة is "the twentieth" + noun
                numtxt = numtxt[2:]  # الستين يوما: a cardinal with the article ("the sixty days")
            n = _num(numtxt)
            if n is None or n <= 0:
                return None
    elif implied is not None:
        n = implied
    elif unit_w in W.SINGULAR_UNITS or unit_w in _ACC_SINGULAR:
        pw = _strip_conj(_prev_word(ctx, m.start("unit")))
        if not (
            since or m.group("one") or m.group("zaman") or pw in ("مده", "لمده", "طوال", "طيله", "مدار", "مدي")
            or (unit_w in _ACC_SINGULAR and (pw.startswith(("استمر", "استغرق", "دام")) or pw in _LASTING_VERBS))
        ):
            return None
        n = 1
    else:  # a bare plural: منذ سنوات, لسنوات
        if not since:
            return None
        n = None
    if m.group("half") and n is not None:
        n = n + 0.5
    mod = W.APPROX.get(_canon(m.group("apx") or ""), None)
    return _C(ns, ne, "DURATION", _unit_dur(letters, n, is_time), mod, gran="")


_ACC_SINGULAR = frozenset({"عاما", "شهرا", "اسبوعا", "يوما", "عقدا", "قرنا"})
# verbs after which an accusative singular unit is a duration: استمرت أسبوعا، أمضى عاما
_LASTING_VERBS = frozenset({
    "امضي", "امضت", "امضوا", "قضي", "قضت", "قضوا", "مكث", "مكثت", "ظل", "ظلت", "بقي", "بقيت", "تستمر", "يستمر",
    "تستغرق", "يستغرق", "دامت", "يدوم", "تدوم",
})
_DURATION_RX = _rx(
    rf"(?P<since>منذ )?(?:(?P<apx>{_APPROX}) )?(?:(?P<num>{_NUM}|{_alt(W.VAGUE_COUNT)}|ال{_alt(W.CARD_TENS)}) )?(?P<unit>{_UNIT})"
    rf"(?: (?P<one>واحد|واحده|كامل|كامله))?(?P<half> و ?نصف)?(?P<zaman> من الزمن)?(?! ?[0-9])"
)


def _h_ago(m: re.Match[str], ctx: _Ctx) -> _C | None:
    """قبل ثلاثة أيام → the date three days before publication (TIMEX3 'ago' dates)."""
    ns, ne = m.span("x")
    unit_w = _canon(m.group("unit"))
    letters, implied, is_time = W.UNITS[unit_w]
    numtxt = m.group("num")
    if numtxt is not None:
        if implied is not None:
            return None
        n = _num(numtxt)
    elif implied is not None:
        n = implied
    elif unit_w in W.SINGULAR_UNITS:
        n = 1
    else:
        return _C(ns, ne, "DATE", "PAST_REF")  # قبل أيام / قبل سنوات
    if n is None or n != int(n) or n <= 0 or is_time:
        return _C(ns, ne, "DATE", "PAST_REF") if is_time else None
    k = int(n)
    mod = W.APPROX.get(_canon(m.group("apx") or ""), None)
    if letters == "D":
        return _rel(ctx, ns, ne, "DATE", lambda p: _iso(p - dt.timedelta(days=k)), "D", mod)
    if letters == "W":
        return _rel(ctx, ns, ne, "DATE", lambda p: _week(p - dt.timedelta(weeks=k)), "W", mod)
    if letters == "M":
        return _rel(ctx, ns, ne, "DATE", lambda p: _ym(*_shift_month(p.year, p.month, -k)), "M", mod)
    if letters == "Y":
        return _rel(ctx, ns, ne, "DATE", lambda p: _year_value(p.year - k), "Y", mod)
    if letters == "DE":
        return _rel(ctx, ns, ne, "DATE", lambda p: _year_value(p.year - 10 * k), "Y", mod or "APPROX")
    return None


def _year_value(y: int) -> str:
    """TIMEX3 year: ``2014``; before year 1 the ``BC`` form (astronomical year 0 is 1 BC): قبل 10 آلاف سنة
    from 2015 → ``BC7986``."""
    return f"{y:04d}" if y >= 1 else f"BC{1 - y:04d}"


_AGO_RX = _rx(
    rf"قبل (?:(?P<apx>{_APPROX}) )?(?:(?P<num>{_NUM}) )?(?P<unit>{_UNIT})(?! ?[0-9])(?! (?:من|علي|ان|ما)(?!\w))"
)


def _count_unit(m: re.Match[str]) -> tuple[str, int] | None:
    """(TIMEX3 unit letter, count) of the ``num``/``unit`` groups: ثلاثة أيام → ("D", 3), يومين → ("D", 2)."""
    unit_w = _canon(m.group("unit"))
    letters, implied, is_time = W.UNITS[unit_w]
    if is_time or letters not in ("D", "W", "M", "Y"):
        return None
    numtxt = m.group("num")
    if numtxt is not None:
        if implied is not None:
            return None
        n = _num(numtxt)
    elif implied is not None:
        n = implied
    elif unit_w in W.SINGULAR_UNITS or unit_w in ("عاما", "شهرا", "اسبوعا", "يوما"):
        n = 1
    else:
        return None
    if n is None or n != int(n) or n <= 0:
        return None
    return letters, int(n)


def _h_after(m: re.Match[str], ctx: _Ctx) -> _C | None:
    """بعد ثلاثة أيام: the date three days after publication in a future clause;
    in a past clause three days after the date the text last gave (same or
    previous sentence), else the plain duration (``ثلاثة أيام`` → P3D)."""
    ns, ne = m.span("x")
    cu = _count_unit(m)
    if cu is None:
        return None
    letters, k = cu
    mod = W.APPROX.get(_canon(m.group("apx") or ""), None)
    if ctx.tense(ns, ne) > 0:
        if letters == "D":
            return _rel(ctx, ns, ne, "DATE", lambda p: _iso(p + dt.timedelta(days=k)), "D", mod)
        if letters == "W":
            return _rel(ctx, ns, ne, "DATE", lambda p: _week(p + dt.timedelta(weeks=k)), "W", mod)
        if letters == "M":
            return _rel(ctx, ns, ne, "DATE", lambda p: _ym(*_shift_month(p.year, p.month, k)), "M", mod)
        return _rel(ctx, ns, ne, "DATE", lambda p: f"{p.year + k:04d}", "Y", mod)
    ds, de = m.span("dur")
    fb = _C(ds, de, "DURATION", _unit_dur(letters, k, False), mod)
    return _C(ns, ne, "DATE", None, mod, narr=(letters, k, ""), near=True, fallback=fb, gran=letters)


_AFTER_RX = _rx(
    rf"بعد (?P<dur>(?:(?P<apx>{_APPROX}) )?(?:(?P<num>{_NUM}) )?(?P<unit>{_UNIT}))(?! ?[0-9])(?! (?:من|علي|ان|ما|اخري|اخر)(?!\w))"
)


def _h_then(m: re.Match[str], ctx: _Ctx) -> _C | None:
    """بعد ذلك بيومين / قبل ذلك بأسبوع / بعدها بشهر: k units from the date the text last gave."""
    ns, ne = m.span("x")
    cu = _count_unit(m)
    if cu is None:
        return None
    letters, k = cu
    if m.group("dir") == "قبل":
        k = -k
    return _C(ns, ne, "DATE", None, narr=(letters, k, ""), gran=letters)


_THEN_RX = _rx(
    rf"(?P<dir>بعد|قبل)(?: ذلك(?: اليوم| التاريخ)?|ها|ه) ?ب(?:(?P<num>{_NUM}) )?(?P<unit>{_UNIT})(?! ?[0-9])"
)


def _h_next_day(m: re.Match[str], ctx: _Ctx) -> _C | None:
    """اليوم التالي، صباح اليوم التالي، الأسبوع التالي، العام التالي، اليوم نفسه: from the last date given."""
    ns, ne = m.span("x")
    unit = {"يوم": "D", "اسبوع": "W", "شهر": "M", "عام": "Y", "سنه": "Y"}[m.group("u")]
    k = 0 if m.group("same") else 1
    pod = W.POD.get(_canon(m.group("pod") or ""), "")
    return _C(ns, ne, "TIME" if pod else "DATE", None, narr=(unit, k, pod), gran="T" if pod else unit)


_NEXT_DAY_RX = _rx(
    rf"(?:(?P<pod>{_POD}) )?{_ART}(?P<u>يوم|اسبوع|شهر|عام|سنه)(?: (?:التالي|التاليه|اللاحق|اللاحقه|الموالي)|(?P<same> (?:نفسه|ذاته|عينه|نفسها|ذاتها)))"
)


def _h_plural_ref(m: re.Match[str], ctx: _Ctx) -> _C | None:
    """الأسابيع الأخيرة → PAST_REF, الأيام المقبلة → FUTURE_REF, الأيام الثلاثة الماضية → P3D."""
    ns, ne = m.span("x")
    d = _canon(m.group("pd1") or m.group("pd2") or m.group("pd3") or m.group("pd4"))
    future = d in W.NEXT_DIR or d.endswith(("المقبله", "القادمه"))
    if m.group("pu3"):
        letters, _, is_time = W.UNITS[_canon(m.group("pu3"))]
        return _C(ns, ne, "DURATION", _unit_dur(letters, 2, is_time))
    numtxt = m.group("pnum") or m.group("pnum2")
    if numtxt:
        n = _num(numtxt)
        uw = _canon(m.group("pu") or m.group("pu2"))
        if n is None or uw not in W.UNITS:
            return None
        letters, _, is_time = W.UNITS[uw]
        return _C(ns, ne, "DURATION", _unit_dur(letters, n, is_time))
    return _C(ns, ne, "DATE", "FUTURE_REF" if future else "PAST_REF")


_PL_NOUNS = r"(?:ايام|اسابيع|اشهر|شهور|اعوام|سنوات|سنين|عقود|ساعات|دقائق|لحظات|فتره|اونه|مرحله|حقبه|مده)"
_PL_DIRS = r"(?:الماضيه|الاخيره|المنصرمه|السابقه|الفائته|المقبله|القادمه|القليله الماضيه|القليله المقبله|القليله القادمه|الماضيين|الاخيرين|المقبلين|القادمين)"
_PLURAL_RX = _rx(
    rf"(?:{_ART}(?P<pu>{_PL_NOUNS}) (?:ال)?(?P<pnum>{_NUM}) (?P<pd1>{_PL_DIRS})"
    rf"|ال ?(?P<pnum2>[0-9]+) (?P<pu2>{_UNIT}) (?P<pd2>{_PL_DIRS})"
    rf"|{_ART}{_PL_NOUNS} (?P<pd3>{_PL_DIRS})"
    rf"|{_ART}(?P<pu3>اسبوعين|يومين|شهرين|عامين|سنتين|عقدين|ساعتين) (?P<pd4>الماضيين|الاخيرين|المقبلين|القادمين|الفائتين))"
)


_REFS: dict[str, str] = {
    "الوقت الراهن": "PRESENT_REF", "الوقت الحالي": "PRESENT_REF", "الوقت الحاضر": "PRESENT_REF",
    "حاليا": "PRESENT_REF", "الان": "PRESENT_REF", "راهنا": "PRESENT_REF", "هذه الايام": "PRESENT_REF",
    "المرحله الحاليه": "PRESENT_REF", "المرحله الراهنه": "PRESENT_REF", "الفتره الحاليه": "PRESENT_REF",
    "الظرف الراهن": "PRESENT_REF", "الوقت الجاري": "PRESENT_REF", "الان نفسه": "PRESENT_REF",
    "مستقبلا": "FUTURE_REF", "المستقبل القريب": "FUTURE_REF", "المستقبل البعيد": "FUTURE_REF",
    "المستقبل المنظور": "FUTURE_REF", "وقت لاحق": "FUTURE_REF", "لاحقا": "FUTURE_REF", "قريبا": "FUTURE_REF",
    "وقت قريب": "FUTURE_REF", "القريب العاجل": "FUTURE_REF",
    "وقت سابق": "PAST_REF", "سابقا": "PAST_REF", "مؤخرا": "PAST_REF", "موخرا": "PAST_REF", "الاونه الاخيره": "PAST_REF", "الماضي القريب": "PAST_REF",
}
# words that are references only after في (في المستقبل, في الماضي) or منذ (منذ فترة طويلة)
_REFS_AFTER_FI: dict[str, str] = {"المستقبل": "FUTURE_REF", "الماضي": "PAST_REF"}
_REFS_AFTER_MUNDHU: dict[str, str] = {
    "فتره طويله": "PAST_REF", "فتره": "PAST_REF", "وقت طويل": "PAST_REF", "زمن طويل": "PAST_REF",
    "زمن بعيد": "PAST_REF", "زمن": "PAST_REF", "امد بعيد": "PAST_REF", "مده طويله": "PAST_REF",
    "عهد بعيد": "PAST_REF", "القدم": "PAST_REF", "امد طويل": "PAST_REF", "وقت مبكر": "PAST_REF",
}


def _h_ref(m: re.Match[str], ctx: _Ctx) -> _C | None:
    ns, ne = m.span("x")
    key = _canon(m.group("x"))
    if key.startswith("ل") and not key.startswith("ال") and ("ا" + key) in _REF_KEYS:
        key = "ا" + key  # للوقت الراهن
    if key in _REFS:
        return _C(ns, ne, "DATE", _REFS[key])
    pw = _prev_word(ctx, ns)
    if key in _REFS_AFTER_MUNDHU and _strip_conj(pw) == "منذ":
        return _C(ns, ne, "DATE", _REFS_AFTER_MUNDHU[key])
    if key in _REFS_AFTER_FI and _strip_conj(pw) == "في":
        # في الماضي is a reference only when no unit noun precedes (في الشهر الماضي is caught elsewhere)
        return _C(ns, ne, "DATE", _REFS_AFTER_FI[key], prio=0)
    return None


_REF_KEYS = sorted({**_REFS, **_REFS_AFTER_FI, **_REFS_AFTER_MUNDHU}, key=len, reverse=True)
_REF_RX = _rx(
    "(?:"
    + "|".join((_ART + _alt([k[2:]])) if k.startswith("ال") else _alt([k]) for k in _REF_KEYS)
    + ")"
)


def _h_set(m: re.Match[str], ctx: _Ctx) -> _C | None:
    """يوميا → P1D, كل أسبوع → P1W, كل ثلاثة أشهر → P3M, كل عامين → P2Y, كل جمعة → XXXX-WXX-5."""
    ns, ne = m.span("x")
    if m.group("adv"):
        return _C(ns, ne, "SET", _ADVERBS[m.group("adv")])
    if m.group("swd"):
        wd = _SET_WEEKDAYS[_canon(m.group("swd"))]
        return _C(ns, ne, "SET", f"XXXX-WXX-{wd + 1}")
    uw = _canon(m.group("su"))
    letters, implied, is_time = W.UNITS[uw]
    n: float | None
    if m.group("sn"):
        if implied is not None:
            return None
        n = _num(m.group("sn"))
        if n is None:
            return None
    else:
        if uw not in W.SINGULAR_UNITS and implied is None:
            return None  # كل الأيام is not a set
        n = implied or 1
    return _C(ns, ne, "SET", _unit_dur(letters, n, is_time))


_ADVERBS = {"يوميا": "P1D", "اسبوعيا": "P1W", "شهريا": "P1M", "سنويا": "P1Y"}
_SET_WEEKDAYS: dict[str, int] = {
    "اثنين": 0, "ثلاثاء": 1, "اربعاء": 2, "خميس": 3, "جمعه": 4, "سبت": 5, "احد": 6,
}
_SET_RX = _rx(
    rf"(?:(?P<adv>يوميا|اسبوعيا|شهريا|سنويا)"
    rf"|كل (?:يوم )?(?P<swd>{_alt(_SET_WEEKDAYS)})"
    rf"|كل (?:(?P<sn>{_NUM}) )?(?P<su>{_UNIT}))"
)


def _h_time(m: re.Match[str], ctx: _Ctx) -> _C | None:
    """الساعة 10 صباحا → 2021-02-16T10:00 (the publication day; a following day expression is joined later)."""
    ns, ne = m.span("x")
    if m.group("hw"):
        h = W.HOUR_WORDS[_canon(m.group("hw"))]
    else:
        h = int(m.group("h"))
    mi = int(m.group("mi")) if m.group("mi") else 0
    frac = _canon(m.group("frac") or "")
    if "النصف" in frac:
        mi = 30
    elif "الا ربع" in frac:
        h, mi = h - 1, 45
    elif "الربع" in frac:
        mi = 15
    elif m.group("fm"):
        fm = _num(m.group("fm"))
        mi = int(fm or 0)
    adv = W.POD_ADV.get(_canon(m.group("adv") or ""))
    if _canon(m.group("adv") or "") in ("ص", "م") and not m.group("mi"):
        return None  # 20 م is 20 metres; ص/م abbreviate صباحا/مساء only after hh:mm
    if m.group("h") is None and m.group("hw") is None:
        return None
    if not m.group("art") and not adv:
        return None  # a bare 10:30 needs الساعة or صباحا/مساء
    if adv == "pm" and h < 12:
        h += 12
    elif adv == "noon" and 1 <= h <= 6:
        h += 12
    elif adv == "night":
        if 6 <= h < 12:
            h += 12
        elif h == 12:
            h = 0
    if not (0 <= h <= 24 and 0 <= mi <= 59):
        return None
    hm = f"T{h:02d}:{mi:02d}"
    c = _rel(ctx, ns, ne, "TIME", lambda p: _iso(p) + hm, "T")
    c.hm = hm
    c.floating = True
    zone = m.group("tzn") or m.group("tzn2")
    if zone is not None:
        c.tz = W.TIME_ZONES.get(_canon(zone).replace(" .", ".").replace(". ", "."), "Z")
    return c


_TIME_RX = _rx(
    rf"(?:(?P<art>{_ART}ساعه) )?(?:(?P<hw>{_alt(W.HOUR_WORDS)})|(?P<h>[0-2]?[0-9])(?:[:.](?P<mi>[0-5][0-9]))?)"
    rf"(?P<frac> (?:و ?النصف|و ?الربع|الا ربعا?|و ?(?P<fm>[0-9]{{1,2}}|{_NUMW}) (?:دقيقه|دقائق)))?"
    rf"(?: (?P<adv>{_alt(W.POD_ADV)})(?! (?:{_WEEKDAY}|امس|اليوم|غد|يوم)(?!\w)))?"
    rf"(?: (?:ب|و)?(?:ال)?توقيت (?P<tzn>{_alt(W.TIME_ZONES)})| \(?(?P<tzn2>gmt|utc|ت ?\. ?غ|ت غ)\)?(?=\W|$))?"
)

_RULES: tuple[tuple[re.Pattern[str], Handler, str], ...] = (
    # (pattern, handler, trigger class): a match always holds a word of its trigger class
    (_NUMERIC_RX, _h_numeric, "#"),
    (_HIJRI_RX, _h_hijri, "#"),
    (_DMY_RX, _h_dmy, "month"),
    (_MONTH_RX, _h_month, "month"),
    (_YEAR_RX, _h_year, "#"),
    (_WEEKDAY_RX, _h_weekday, "weekday"),
    (_RELDAY_RX, _h_relday, "relday"),
    (_PERIOD_RX, _h_period, "period"),
    (_CENTURY_RX, _h_century, "century"),
    (_DECADE_RX, _h_decade, "decade"),
    (_SEASON_RX, _h_season, "season"),
    (_DURATION_RX, _h_duration, "unit"),
    (_AGO_RX, _h_ago, "unit"),
    (_AFTER_RX, _h_after, "unit"),
    (_HIJRI_NOYEAR_RX, _h_hijri_noyear, "hijri"),
    (_HOLIDAY_RX, _h_holiday, "holiday"),
    (_NEW_YEAR_RX, _h_new_year, "period"),
    (_THEN_RX, _h_then, "unit"),
    (_NEXT_DAY_RX, _h_next_day, "nextday"),
    (_PLURAL_RX, _h_plural_ref, "plural"),
    (_REF_RX, _h_ref, "ref"),
    (_SET_RX, _h_set, "set"),
    (_TIME_RX, _h_time, "time"),
)


def _first_words(phrases: Iterable[str]) -> set[str]:
    return {p.split(" ")[0] for p in phrases}


@lru_cache(maxsize=1)
def _trigger_index() -> dict[str, frozenset[str]]:
    """word (normalized, proclitics off) → the trigger classes it belongs to; built once."""
    units = set(W.UNITS)
    classes: dict[str, set[str]] = {
        "month": _first_words(W.GREG_MONTHS),
        "weekday": set(W.WEEKDAYS),
        "relday": {"امس", "الامس", "البارحه", "اليوم", "غدا", "غد", "الغد", "الليله", "الليل"},
        "period": {"العام", "السنه", "الشهر", "الاسبوع", "العقد", "القرن"},
        "century": {"القرن"},
        "nextday": {"اليوم", "الاسبوع", "الشهر", "العام", "السنه"},
        "decade": {p + stem + suf for stem in W.DECADES for suf in ("يات", "ات") for p in ("", "ال")},
        "season": set(W.SEASONS),
        "unit": units,
        "hijri": _first_words(W.HIJRI_MONTHS),
        "holiday": _first_words(W.HOLIDAYS),
        "plural": units | {"ال" + w for w in _PL_NOUNS[3:-1].split("|")} | {"ال" + w for w in units},
        "ref": _first_words(_REF_KEYS),
        "set": set(_ADVERBS) | {"كل"},
        "time": _first_words(W.HOUR_WORDS) | {"الساعه", "ساعه"},
    }
    index: dict[str, set[str]] = {}
    for name, words in classes.items():
        for w in words:
            index.setdefault(w, set()).add(name)
            if w.startswith("ال") and len(w) > 3:
                index.setdefault("ل" + w[2:], set()).add(name)  # للعام: ل + لعام
    return {w: frozenset(v) for w, v in index.items()}


def _trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, factored as a trie (fast in ``re``)."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        ends = "" in node
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)


@lru_cache(maxsize=1)
def _trigger_rx() -> re.Pattern[str]:
    """Trigger words (with the ل-form of ال-words: للعام) after optional proclitics, or a number."""
    words = set(_trigger_index())
    return re.compile(r"(?<!\w)(?:[وف]?[بلك]?(?P<w>" + _trie_pattern(words) + r")(?!\w)|(?P<d>\w*[0-9][\w.,:/\-]*))")


_DIGIT_CLASSES = frozenset({"#", "time", "plural"})
_BACK, _FWD = 70, 80  # how far a match may reach before / after its trigger word (code points)


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each trigger class, the merged stretches of ``text`` around its trigger words.

    A window starts and ends at a non-word character, so that ``(?<!\\w)`` and
    ``(?!\\w)`` behave as on the whole text; rules are run only inside the
    windows of their class (the tagger's main speed-up on ordinary news).
    """
    index = _trigger_index()
    n = len(text)
    out: dict[str, list[list[int]]] = {}
    for m in _trigger_rx().finditer(text):
        w = m.group("w")
        found = _DIGIT_CLASSES if w is None else index[w]
        ws, we = max(0, m.start() - _BACK), min(n, m.end() + _FWD)
        for name in found:
            spans = out.get(name)
            if spans is None:
                out[name] = [[ws, we]]
            elif ws <= spans[-1][1]:
                spans[-1][1] = we
            else:
                spans.append([ws, we])
    result: dict[str, list[tuple[int, int]]] = {}
    for name, spans in out.items():
        fixed: list[tuple[int, int]] = []
        for ws, we in spans:
            while ws > 0 and (text[ws - 1].isalnum() or text[ws - 1] == "_"):
                ws -= 1
            while we < n and (text[we].isalnum() or text[we] == "_"):
                we += 1
            if fixed and ws <= fixed[-1][1]:
                fixed[-1] = (fixed[-1][0], we)
            else:
                fixed.append((ws, we))
        result[name] = fixed
    return result


# --------------------------------------------------------------------------- post-processing

_MOD_PREFIX_RX = re.compile(
    rf"{_B}{_PRE}(?P<w>(?P<mod>{_MODW})|{_ART}(?P<part>نصف|ربع) (?P<ord>الاول|الثاني|الثالث|الرابع|الاخير)) (?:من )?$"
)
_YEAR_CONT_RX = re.compile(rf"^ ?(?:-|–|/|و ?|الى |حتي |حتى |او )(?P<y>{_YEAR}){_E}")
_TIME_JOIN_RX = re.compile(r"^ ?[،,]? ?(?:من )?(?:يوم )?$")
_DATE_TIME_JOIN_RX = re.compile(r"^ ?[،,\-–|]? ?(?:في )?(?:تمام )?$")


_WEEK_OF_RX = re.compile(rf"{_B}{_PRE}(?P<w>{_ART}اسبوع (?P<ord>الاول|الثاني|الثالث|الرابع|الاخير) (?:من )?(?:شهر )?)$")
_WEEK_ORD = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الاخير": 0}


_POD_BEFORE_RX = re.compile(rf"(?<!\w)[وف]?(?P<pod>{_POD}) (?:يوم )?$")


def _join_pod(c: _C, ctx: _Ctx) -> None:
    """A part of day right before a full date is part of it: ``فجر 27 تشرين الثاني 2024`` →
    TIME ``2024-11-27TMO`` (the span starts at the part-of-day word)."""
    if c.type != "DATE" or c.gran != "D" or c.note is not None:
        return
    if c.value is not None and len(c.value) != 10:
        return
    m = _POD_BEFORE_RX.search(ctx.text, max(0, c.ns - 20), c.ns)
    if not m:
        return
    c.ns = m.start("pod")
    c.type = "TIME"
    c.gran = "T"
    if c.value is not None:
        c.value += "T" + W.POD[_canon(m.group("pod"))]


def _apply_mods(c: _C, ctx: _Ctx) -> None:
    """Widen a period to the modifier before it: مطلع العام القادم (START), النصف الأول من 2020 (H1),
    الأسبوع الثاني من يناير (the ISO week holding 8 January)."""
    if c.type != "DATE" or c.gran not in ("Y", "M", "W", "DE", "CE", "S"):
        return
    if c.gran == "M":
        wm = _WEEK_OF_RX.search(ctx.text, max(0, c.ns - 30), c.ns)
        if wm:
            c.ns = wm.start("w")
            parts = _value_parts(c.value)
            if parts is not None and parts[1] is not None:
                y, mo = parts[0], parts[1]
                n = _WEEK_ORD[wm.group("ord")]
                if n:
                    day = dt.date(y, mo, 1) + dt.timedelta(days=7 * (n - 1))
                else:
                    ny, nm = _shift_month(y, mo, 1)
                    day = dt.date(ny, nm, 1) - dt.timedelta(days=1)
                c.value = _week(day)
            c.gran = "W"
            return
    m = _MOD_PREFIX_RX.search(ctx.text, max(0, c.ns - 40), c.ns)
    if not m:
        return
    w = m.group("w")
    if m.group("part"):
        if c.gran != "Y":
            return
        ordw = m.group("ord")
        n = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الاخير": 0}[ordw]
        if m.group("part") == "نصف":
            if n not in (1, 2, 0):
                return
            part = f"H{n or 2}"
        else:
            part = f"Q{n or 4}"
        c.ns = m.start("w")
        if c.value is not None:
            c.value = f"{c.value}-{part}"
        return
    mod = W.MOD_WORDS[_canon(w)]
    c.ns = m.start("w")
    if c.gran == "W" and mod == "END" and c.value:
        c.value += "-WE"  # نهاية الأسبوع: the weekend (TIMEX3 WE)
        return
    c.mod = mod


def _add_year_continuations(cands: list[_C], ctx: _Ctx) -> list[_C]:
    """بين عامي 2019 و2020, 2019-2020: the second year of a pair is a year too."""
    out = list(cands)
    taken = [(c.ns, c.ne) for c in cands]
    for c in cands:
        if c.gran != "Y" or not c.value or not c.value.isdigit():
            continue
        m = _YEAR_CONT_RX.match(ctx.text[c.ne : c.ne + 16])
        if not m:
            continue
        s, e = c.ne + m.start("y"), c.ne + m.end("y")
        if any(a < e and s < b for a, b in taken):
            continue
        out.append(_C(s, e, "DATE", m.group("y"), gran="Y"))
        taken.append((s, e))
    return out


def _clock(day: str, hm: str) -> str:
    """A clock time on a day value that may carry a part of day: (2021-02-15TEV, T10:00) → 2021-02-15T22:00."""
    h, mi = int(hm[1:3]), hm[4:6]
    pod = day[11:13] if len(day) > 10 else ""
    if pod in ("AF", "EV") and h < 12:
        h += 12  # العاشرة من مساء أمس
    elif pod == "NI" and 6 <= h < 12:
        h += 12
    elif pod == "MI" and 1 <= h <= 6:
        h += 12
    return f"{day[:10]}T{h:02d}:{mi}"


def _join_times(cands: list[_C], ctx: _Ctx) -> list[_C]:
    """الساعة العاشرة من صباح اليوم / الساعة 10 مساء الخميس: one TIME on that day."""
    cands.sort(key=lambda c: c.ns)
    out: list[_C] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        if c.gran == "T" and c.hm and i + 1 < len(cands):
            d = cands[i + 1]
            day_narr = d.narr is not None and d.narr[0] == "D"
            if (d.gran == "D" or day_narr) and _TIME_JOIN_RX.match(ctx.text[c.ne : d.ns]):
                value = _clock(d.value, c.hm) if d.value is not None else None
                j = _C(c.ns, d.ne, "TIME", value, None, d.anchor, gran="T", tz=c.tz, note=d.note)
                if day_narr:  # الساعة العاشرة من صباح اليوم التالي: resolved with the narrative
                    j.narr, j.near, j.hm = d.narr, d.near, c.hm
                out.append(j)
                i += 2
                continue
        if (c.gran == "D" or (c.narr is not None and c.narr[0] == "D")) and i + 1 < len(cands) and "T" not in (c.value or ""):
            t = cands[i + 1]
            if t.gran == "T" and t.hm and t.floating and _DATE_TIME_JOIN_RX.match(ctx.text[c.ne : t.ns]):
                value = c.value[:10] + t.hm if c.value is not None else None
                j = _C(c.ns, t.ne, "TIME", value, None, c.anchor, gran="T", tz=t.tz, note=c.note)
                if c.narr is not None:  # اليوم التالي الساعة 10 صباحا
                    j.narr, j.near, j.hm = c.narr, c.near, t.hm
                out.append(j)
                i += 2
                continue
        out.append(c)
        i += 1
    return out


_VALUE_DAY = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?(?![0-9W])")


def _value_parts(v: str | None) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of a calendar value (2021, 2021-02, 2021-02-16, 2021-02-16TMO); None otherwise."""
    if not v:
        return None
    m = _VALUE_DAY.match(v)
    if not m or len(m.group(1)) != 4 or (v[4:5] not in ("", "-", "T")):
        return None
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.group(3) else None
    return y, mo, d


def _narrative_value(unit: str, k: int, pod: str, parts: tuple[int, int | None, int | None]) -> str | None:
    """The value k units after an anchor (year, month, day), or None when the anchor is too coarse."""
    y, mo, d = parts
    if unit in ("D", "W"):
        if mo is None or d is None:
            return None
        day = dt.date(y, mo, d) + dt.timedelta(days=k * (7 if unit == "W" else 1))
        return _iso(day) + (f"T{pod}" if pod else "")
    if unit == "M":
        if mo is None:
            return None
        return _ym(*_shift_month(y, mo, k))
    return f"{y + k:04d}"


def _resolve_narrative(cands: list[_C], ctx: _Ctx) -> list[_C]:
    """Anchor narrative expressions on the last date the text gave, in text order.

    ``اليوم التالي`` / ``بعد ذلك بيومين`` take the last calendar value found
    before them (their ``anchor`` becomes that timex's id, TIMEX3
    ``anchorTimeID``); ``بعد ثلاثة أيام`` in a past clause and a clock time
    without a day of its own look only at this sentence and the one before.
    Without an anchor the first two get ``value=None, anchor="missing"``;
    the others keep their fallback (the duration; the publication day).
    """
    out: list[_C] = []
    last: tuple[int, tuple[int, int | None, int | None], int] | None = None  # (index, parts, sentence)
    for c in cands:
        sent = bisect.bisect_right(ctx.sent_starts, c.ns) - 1
        usable = last is not None and (not (c.near or c.floating) or last[2] >= sent - 1)
        if usable and c.floating and last is not None and last[2] < sent:
            usable = _tense_agrees(ctx, c, last[1])  # a clock time in the next sentence: same story only
        if c.narr is not None:
            value = _narrative_value(c.narr[0], c.narr[1], c.narr[2], last[1]) if usable and last else None
            if value is not None and last is not None:
                c.value, c.anchor = (_clock(value, c.hm) if c.hm else value), f"t{last[0] + 1}"
            elif c.fallback is not None:
                c = c.fallback
            else:
                c.value, c.anchor = None, NO_ANCHOR
        elif c.floating and usable and last is not None and c.hm and last[1][2] is not None:
            y, mo, d = last[1]
            c.value = f"{y:04d}-{mo:02d}-{d:02d}{c.hm}"
            c.anchor = f"t{last[0] + 1}"
            c.floating = False
        if c.hm and out and out[-1].hm and c.value and out[-1].value and c.value[:10] == out[-1].value[:10]:
            # من الساعة التاسعة مساء حتى الساعة الثانية فجرا: the end is on the next day
            if c.hm < out[-1].hm and _strip_conj(_prev_word(ctx, c.ns)) in ("حتى", "حتي", "الى"):
                nd = dt.date.fromisoformat(c.value[:10]) + dt.timedelta(days=1)
                c.value = _iso(nd) + c.value[10:]
        out.append(c)
        parts = _value_parts(c.value)
        if parts is not None and not c.floating and c.type in ("DATE", "TIME"):
            last = (len(out) - 1, parts, sent)
    return out


def _tense_agrees(ctx: _Ctx, c: _C, parts: tuple[int, int | None, int | None]) -> bool:
    """Whether a clock time's clause tense fits a date from the sentence before (past ↔ not after
    publication, future ↔ not before it); a clause without a cue never takes it."""
    if ctx.pub is None or parts[1] is None or parts[2] is None:
        return False
    t = ctx.tense(c.ns, c.ne)
    day = dt.date(parts[0], parts[1], parts[2])
    return (t < 0 and day <= ctx.pub) or (t > 0 and day >= ctx.pub)


def _apply_zones(cands: list[_C]) -> None:
    """14:30 بتوقيت غرينتش → …T14:30Z; بتوقيت دمشق → the zone's UTC offset on that day."""
    for c in cands:
        if not c.tz or c.value is None or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}", c.value):
            continue
        if c.tz == "Z":
            c.value += "Z"
            continue
        off = _utc_offset(c.tz, c.value)
        if off is not None:
            c.value += off


def _utc_offset(zone: str, local: str) -> str | None:
    """``+03:00`` for an IANA zone at a local ``YYYY-MM-DDThh:mm`` (None when the tz database lacks it)."""
    try:
        from zoneinfo import ZoneInfo

        hh = min(int(local[11:13]), 23)
        when = dt.datetime(int(local[:4]), int(local[5:7]), int(local[8:10]), hh, int(local[14:16]), tzinfo=ZoneInfo(zone))
    except (ValueError, KeyError, OSError, ImportError):
        return None
    delta = when.utcoffset()
    if delta is None:
        return None
    mins = int(delta.total_seconds() // 60)
    sign = "+" if mins >= 0 else "-"
    return f"{sign}{abs(mins) // 60:02d}:{abs(mins) % 60:02d}"


def _select(cands: list[_C]) -> list[_C]:
    """Greedy non-overlapping choice: higher priority, then longer, then earlier."""
    cands.sort(key=lambda c: (-c.prio, -(c.ne - c.ns), c.ns))
    starts: list[int] = []  # chosen spans, disjoint, kept sorted by start
    ends: list[int] = []
    keep: list[_C] = []
    for c in cands:
        i = bisect.bisect_left(starts, c.ne)  # chosen spans starting before c ends: indices < i
        if i > 0 and ends[i - 1] > c.ns:
            continue  # the last of them reaches into c (disjoint spans: ends grow with starts)
        starts.insert(i, c.ns)
        ends.insert(i, c.ne)
        keep.append(c)
    keep.sort(key=lambda c: c.ns)
    return keep


def find_timexes(doc: Document) -> tuple[Timex, ...]:
    """Find and resolve the temporal expressions of a document.

    Args:
        doc: a :class:`~khabar.doc.Document`; ``doc.meta.published`` (a
            ``datetime.date`` or ``None``) anchors relative expressions, and
            ``doc.sentences`` (if filled) bounds the tense context.

    Returns:
        :class:`~khabar.doc.Timex` records sorted by ``start``, with ids
        ``t1, t2, …``; ``start``/``end`` are code-point offsets (half-open)
        into ``doc.text`` and ``text == doc.text[start:end]``. ``type`` is
        DATE, TIME, DURATION or SET; ``value`` a TIMEX3 value or ``None``
        (then ``anchor`` is ``"missing"`` or ``note`` says why, e.g. ``"invalid
        date: day 31 of month 2"``); ``anchor`` is ``"published"`` when the
        value was computed from the publication date, or the id of the earlier
        timex a narrative expression counts from (``"t3"``).

    Raises:
        Nothing for any text; a bug surfaces as the pipeline's ComponentError.

    Sources: TimeML TIMEX3 (Pustejovsky et al. 2003), ISO 24617-1, TempEval-3
    guidelines (UzZaman et al. 2013) for values, mods and extents; rules and
    word lists are our own (see ``docs/dates.md``).
    """
    text = doc.text
    if not text:
        return ()
    norm = normalize(text)
    sents = doc.sentences or split_sentences(text)
    sent_starts = sorted(norm.from_original(s.start) for s in sents) or [0]
    ctx = _Ctx(norm, doc.meta.published, sent_starts)
    cands: list[_C] = []
    windows = _windows(norm.text)
    for rx, handler, trigger in _RULES:
        for ws, we in windows.get(trigger, ()):
            for m in rx.finditer(norm.text, ws, we):
                c = handler(m, ctx)
                if c is not None and c.ne > c.ns:
                    cands.append(c)
    chosen = _select(cands)
    chosen = _add_year_continuations(chosen, ctx)
    for c in chosen:
        _join_pod(c, ctx)
        _apply_mods(c, ctx)
    chosen = _select(chosen)  # a widened span may now overlap a neighbour
    chosen = _join_times(chosen, ctx)
    chosen = _resolve_narrative(chosen, ctx)
    _apply_zones(chosen)
    out: list[Timex] = []
    for c in sorted(chosen, key=lambda c: c.ns):
        s, e = norm.span(c.ns, c.ne)
        out.append(Timex(f"t{len(out) + 1}", s, e, text[s:e], c.type, c.value, c.mod, c.anchor, c.note))
    return tuple(out)
