"""Sentences, tokens and proclitics.

* :func:`split_sentences` splits on ``.`` ``؟`` ``?`` ``!`` ``؛`` and line
  breaks — not on a dot between digits (``2.5``), not inside an ellipsis
  (``..``, ``...``, ``…``), and keeps closing quotes and brackets with the
  sentence they end.
* :func:`tokenize` yields word, number, Latin and punctuation tokens with
  their code-point offsets.
* :func:`proclitic_prefixes` lists the proclitic sequences (و ف + ب ك ل س +
  ال) that may stand before a stem; matching sees through them while entity
  spans exclude them (in ``بالعراق`` the entity is ``العراق``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from khabar.doc import Sentence, Token
from khabar.text.normalize import normalize_token

__all__ = ["split_sentences", "tokenize", "proclitic_prefixes", "CONJUNCTIONS", "PREPOSITIONS"]

_ENDERS = ".؟?!؛"
_CLOSERS = "\"'”»’)]}"
_ARABIC_LETTERS = "\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06FA-\u06FF\uFB50-\uFDFF\uFE70-\uFEFC"
_MARKS = "\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640"
_DIGITS = "0-9\u0660-\u0669\u06F0-\u06F9"
# Bidi and zero-width controls (RLM, LRM, ZWJ/ZWNJ, isolates, BOM, soft hyphen): invisible,
# so never tokens of their own — ``بحسب\u200f رويترز`` is two words, like ``بحسب رويترز``.
_IGNORED = "\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad"
_TOKEN_RE = re.compile(
    rf"(?P<number>[{_DIGITS}]+(?:[.,\u066B\u066C][{_DIGITS}]+)*)"
    rf"|(?P<word>[{_ARABIC_LETTERS}][{_ARABIC_LETTERS}{_MARKS}]*)"
    rf"|(?P<latin>[A-Za-z\u00C0-\u024F]+(?:['’-][A-Za-z]+)*)"
    rf"|(?P<punct>[^\s\w{_IGNORED}]|_)"
    rf"|(?P<other>[^\s{_IGNORED}])"
)

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ك", "ل")


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences (half-open code-point spans, whitespace trimmed).

    Args:
        text: the document text.

    Returns:
        Sentences in order; empty lines produce none.
    """
    out: list[Sentence] = []
    n = len(text)
    start = 0
    i = 0
    while i < n:
        ch = text[i]
        cut = None
        if ch == "\n":
            cut = i
        elif ch in _ENDERS:
            if ch == "." and (
                (i + 1 < n and text[i + 1] == ".") or (i > 0 and text[i - 1] == ".")
            ):
                i += 1
                continue  # an ellipsis written with dots: not a boundary
            if ch == "." and 0 < i < n - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
                i += 1
                continue  # a decimal point
            j = i + 1
            while j < n and text[j] in _ENDERS and text[j] != ".":
                j += 1
            while j < n and (text[j] in _CLOSERS or text[j] in " \t" and j + 1 < n and text[j + 1] in _CLOSERS):
                j += 1
            cut = j
            i = j - 1
        if cut is not None:
            _append(out, text, start, cut)
            start = cut
        i += 1
    _append(out, text, start, n)
    return tuple(out)


#: The longest stretch kept as one sentence, in code points. Real news sentences are far
#: shorter (a long Arabic sentence runs to a few hundred characters); text without
#: punctuation (a scraped blob, a list) is cut at a clause mark or a space before this, so
#: the work that later stages do per sentence stays bounded.
MAX_SENTENCE = 1000


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = _soft_cut(text, start, start + MAX_SENTENCE)
        _append(out, text, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(start, end))


def _soft_cut(text: str, start: int, limit: int) -> int:
    """Where to cut an over-long sentence: after the last clause mark (، , : ;) or space before ``limit``."""
    floor = start + MAX_SENTENCE // 2
    for marks in ("،,:;", " \t"):
        for i in range(limit - 1, floor, -1):
            if text[i] in marks:
                return i + 1
    return limit


def tokenize(text: str) -> tuple[Token, ...]:
    """Tokens of ``text`` with offsets, kinds and matching forms.

    Example: ``tokenize("وبالعراق 500 جندي.")`` gives the words ``وبالعراق``,
    ``500``, ``جندي`` and the punctuation ``.``.
    """
    toks = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "other"
        s = m.group(0)
        toks.append(Token(m.start(), m.end(), s, normalize_token(s), kind))  # type: ignore[arg-type]
    return tuple(toks)


@lru_cache(maxsize=4)
def proclitic_prefixes(*, future: bool = False) -> frozenset[str]:
    """Normalized proclitic sequences that may precede a stem (the empty one included).

    Conjunction (و ف), then a preposition (ب ك ل) or, with ``future=True``,
    the future marker س. The article ال is not included here: it belongs to
    a lexicon entry or is handled by :class:`khabar.text.matcher.PhraseMatcher`.
    """
    mids = list(PREPOSITIONS) + (["س"] if future else [])
    out = {""}
    for c in ("",) + CONJUNCTIONS:
        for m in [""] + mids:
            out.add(c + m)
    return frozenset(out)
