"""Arabic normalization for matching, with a map back to original offsets.

:func:`normalize` never changes the document text; it returns a
:class:`NormalizedText` whose ``text`` is used for look-ups and whose
``to_original`` maps every normalized index back to a code-point offset in the
original, so that a match found in the normalized string becomes a span of
the original text.

What it does (each can be turned off by a keyword):

* removes diacritics (harakat U+064B–U+065F, superscript alef U+0670, Quranic
  marks U+0610–U+061A and U+06D6–U+06ED) and tatweel U+0640;
* folds alef variants أ إ آ ٱ → ا, alef maqsura ى → ي, teh marbuta ة → ه
  (the "matching" folds of CAMeL Tools' ``normalize_*`` functions), Persian
  ی ک → ي ك;
* maps Arabic-Indic ٠-٩ and Persian ۰-۹ digits to ASCII, ٫ → ``.``, ٬ → ``,``, ٪ → ``%``;
* decomposes presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) with NFKC,
  so ``ﻻ`` becomes ``لا`` (one original code point, two normalized ones);
* deletes bidi and zero-width controls (U+200B–U+200F, U+202A–U+202E,
  U+2066–U+2069, U+061C, U+FEFF);
* collapses each whitespace run to one space (a newline when the run holds one);
* lowercases Latin letters.

Example::

    >>> n = normalize("وأكّد الرئيسُ")
    >>> n.text
    'واكد الرئيس'
    >>> n.span(0, 4)     # the original word with its shadda
    (0, 5)
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["NormalizedText", "normalize", "normalize_token", "normalize_phrase", "is_word_char", "DIACRITICS"]

DIACRITICS = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670"]
    + [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
)
TATWEEL = "\u0640"
CONTROLS = frozenset(
    [chr(c) for c in range(0x200B, 0x2010)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\u061C", "\uFEFF", "\u00AD"]
)
_ALEF = {"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627"}
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
_PUNCT = {"\u066B": ".", "\u066C": ",", "\u066A": "%"}
_PERSIAN = {"\u06CC": "\u064A", "\u06A9": "\u0643"}


def is_word_char(ch: str) -> bool:
    """True for letters, digits and Arabic combining marks (the inside of a word)."""
    return ch.isalnum() or ch in DIACRITICS or ch == TATWEEL


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalized view of an original string.

    Attributes:
        text: the normalized string.
        original: the original string (unchanged).
        to_original: ``len(text) + 1`` original offsets; ``to_original[i]`` is
            the original code point that produced normalized character ``i``,
            and the last entry is ``len(original)``.
    """

    text: str
    original: str
    to_original: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized half-open span to the original one.

        The original end is extended over diacritics that follow the last
        character (they were deleted in the normalized text), so the span
        covers the whole written word.
        """
        if end <= start:
            o = self.to_original[start]
            return o, o
        o_start = self.to_original[start]
        o_end = self.to_original[end - 1] + 1
        n = len(self.original)
        while o_end < n and (self.original[o_end] in DIACRITICS or self.original[o_end] == TATWEEL):
            o_end += 1
        return o_start, o_end

    def from_original(self, offset: int) -> int:
        """The normalized index of the first character at or after an original offset."""
        import bisect

        return bisect.bisect_left(self.to_original, offset, 0, len(self.text))


def _fold_char(ch: str, *, alef: bool, maqsura: bool, teh: bool, digits: bool) -> str:
    if alef and ch in _ALEF:
        return _ALEF[ch]
    if maqsura and ch == "\u0649":
        return "\u064A"
    if teh and ch == "\u0629":
        return "\u0647"
    if digits and ch in _DIGITS:
        return _DIGITS[ch]
    if ch in _PUNCT:
        return _PUNCT[ch]
    if ch in _PERSIAN:
        return _PERSIAN[ch]
    return ch.lower() if "A" <= ch <= "Z" else ch


@lru_cache(maxsize=16)
def normalize(
    text: str,
    *,
    diacritics: bool = True,
    alef: bool = True,
    maqsura: bool = True,
    teh_marbuta: bool = True,
    digits: bool = True,
) -> NormalizedText:
    """Normalize Arabic text for matching; see the module docstring for the folds.

    Args:
        text: the original text (any length; never modified).
        diacritics: remove harakat, shadda, sukun, superscript alef and tatweel.
        alef: fold أ إ آ ٱ to ا.
        maqsura: fold ى to ي.
        teh_marbuta: fold ة to ه.
        digits: map Arabic-Indic and Persian digits to ASCII.

    Returns:
        A :class:`NormalizedText` with the map back to ``text``'s offsets.
        Results are cached for the last few texts, so the pipeline's stages
        share one normalization of a document; short strings such as tokens
        should go through :func:`normalize_token`, which has its own cache and
        does not evict documents.
    """
    out: list[str] = []
    idx: list[int] = []
    in_space = False
    space_at = -1
    for i, ch in enumerate(text):
        if ch.isspace():
            if in_space:
                if ch == "\n" and out[space_at] != "\n":
                    out[space_at] = "\n"
                continue
            in_space = True
            space_at = len(out)
            out.append("\n" if ch == "\n" else " ")
            idx.append(i)
            continue
        in_space = False
        if ch in CONTROLS:
            continue
        if diacritics and (ch in DIACRITICS or ch == TATWEEL):
            continue
        code = ord(ch)
        if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
            for sub in unicodedata.normalize("NFKC", ch):
                if sub.isspace():
                    continue
                if diacritics and sub in DIACRITICS:
                    continue
                out.append(_fold_char(sub, alef=alef, maqsura=maqsura, teh=teh_marbuta, digits=digits))
                idx.append(i)
            continue
        out.append(_fold_char(ch, alef=alef, maqsura=maqsura, teh=teh_marbuta, digits=digits))
        idx.append(i)
    idx.append(len(text))
    return NormalizedText("".join(out), text, tuple(idx))


@lru_cache(maxsize=65536)
def normalize_token(token: str) -> str:
    """The matching form of one token or short string (cached separately from documents)."""
    return normalize.__wrapped__(token).text


def normalize_phrase(phrase: str) -> str:
    """The matching form of a lexicon phrase: :func:`normalize` with spaces stripped."""
    return normalize_token(phrase.strip())
