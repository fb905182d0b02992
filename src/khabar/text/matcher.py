"""Multi-phrase matching over normalized Arabic text with pyahocorasick.

A :class:`PhraseMatcher` holds a lexicon of phrases (gazetteer names, cue
verbs, trigger words, units) with a payload each. It normalizes every phrase
with :func:`khabar.text.normalize.normalize_phrase`, builds one Aho–Corasick
automaton, and finds matches in a :class:`~khabar.text.normalize.NormalizedText`
that

* start at a word boundary or after a proclitic sequence (و ف ب ك ل, and س
  with ``future=True``), so ``وبغداد`` and ``لحلف`` match ``بغداد`` and ``حلف``;
* for phrases that begin with the article ال, also match the form where ل
  swallows the article's alef (``للعراق`` → the span ``لعراق``);
* end at a word boundary, or before one of the allowed enclitic ``suffixes``.

Spans are mapped back to the original text, so ``text[m.start:m.end]`` is the
phrase as written (diacritics included, proclitics excluded).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import ahocorasick

from khabar.text.normalize import NormalizedText, is_word_char, normalize_phrase
from khabar.text.segment import proclitic_prefixes

__all__ = ["Match", "PhraseMatcher"]

P = TypeVar("P")
_CONJ_PREFIXES = frozenset({"", "و", "ف"})
#: First letters of an imperfect verb (ي ت ن أ, with أ folded to ا): what the future marker س may precede.
_IMPERFECT = frozenset("يتنا")


@dataclass(frozen=True, slots=True)
class Match(Generic[P]):
    """One phrase occurrence.

    ``start``/``end`` are original code-point offsets (half-open),
    ``norm_start``/``norm_end`` the same span in the normalized text,
    ``prefix`` the normalized proclitics before it, ``key`` the normalized
    phrase that matched and ``payload`` what the lexicon stored for it.
    """

    start: int
    end: int
    norm_start: int
    norm_end: int
    key: str
    payload: P
    prefix: str = ""
    suffix: str = ""


class PhraseMatcher(Generic[P]):
    """Find lexicon phrases in text, seeing through proclitics.

    Args:
        phrases: ``(phrase, payload)`` pairs; phrases are normalized, and a
            phrase listed twice keeps every payload (``Match`` per payload).
        proclitics: allow proclitic sequences before a match.
        future: also allow the future marker س (for verbs).
        suffixes: normalized enclitic/inflection endings allowed after a
            match (for verbs: ``("وا", "ت", "ها")``); the suffix is not part
            of the span.

    Raises:
        ValueError: when no phrase is given.
    """

    def __init__(
        self,
        phrases: Iterable[tuple[str, P]],
        *,
        proclitics: bool = True,
        future: bool = False,
        suffixes: Sequence[str] = (),
    ) -> None:
        self._auto: Any = ahocorasick.Automaton()
        store: dict[str, list[tuple[P, bool]]] = {}
        for phrase, payload in phrases:
            key = normalize_phrase(phrase)
            if not key:
                continue
            store.setdefault(key, []).append((payload, False))
            if key.startswith("ال") and len(key) > 3:
                store.setdefault("ل" + key[2:], []).append((payload, True))
        if not store:
            raise ValueError("PhraseMatcher needs at least one phrase")
        for key, payloads in store.items():
            self._auto.add_word(key, (key, payloads))
        self._auto.make_automaton()
        self._prefixes = proclitic_prefixes(future=future) if proclitics else frozenset({""})
        self._suffixes = tuple(sorted({normalize_phrase(s) for s in suffixes if s}, key=len, reverse=True))
        self.size = len(store)

    def find_all(self, norm: NormalizedText) -> list[Match[P]]:
        """Every match (overlapping ones included), in order of start."""
        text = norm.text
        n = len(text)
        out: list[Match[P]] = []
        for end_incl, (key, payloads) in self._auto.iter(text):
            ns = end_incl - len(key) + 1
            ne = end_incl + 1
            # left edge: the start of a word, or after allowed proclitics
            ws = ns
            while ws > 0 and is_word_char(text[ws - 1]):
                ws -= 1
            prefix = text[ws:ns]
            # right edge: the end of a word, or an allowed suffix
            suffix = ""
            if ne < n and is_word_char(text[ne]):
                we = ne
                while we < n and is_word_char(text[we]):
                    we += 1
                tail = text[ne:we]
                if tail not in self._suffixes:
                    continue
                suffix = tail
            for payload, lil in payloads:
                if lil:
                    # ل + (ا)ل...: the lexicon's article lost its alef after ل
                    if not prefix.endswith("ل") or prefix[:-1] not in _CONJ_PREFIXES:
                        continue
                elif prefix not in self._prefixes:
                    continue
                elif prefix.endswith("س") and (
                    key[0] not in _IMPERFECT or (key[0] == "ا" and norm.original[norm.to_original[ns]] != "أ")
                ):
                    # the future marker stands only before an imperfect verb (سيقلل، سأزور):
                    # in ساعدوا the س is part of the word, and a bare alef is no imperfect prefix
                    continue
                s, e = norm.span(ns, ne)
                out.append(Match(s, e, ns, ne, key, payload, prefix, suffix))
        out.sort(key=lambda m: (m.start, -(m.end - m.start)))
        return out

    def find(self, norm: NormalizedText) -> list[Match[P]]:
        """Non-overlapping matches: the longest first, then the leftmost.

        When one key carries several payloads, all of them are kept (they
        share a span).
        """
        cands = self.find_all(norm)
        cands.sort(key=lambda m: (-(m.norm_end - m.norm_start), m.norm_start))
        owner: dict[int, tuple[int, int]] = {}  # normalized index -> span that holds it
        keep: list[Match[P]] = []
        for m in cands:
            span = (m.norm_start, m.norm_end)
            if any(owner.get(i, span) != span for i in range(*span)):
                continue
            for i in range(*span):
                owner[i] = span
            keep.append(m)
        keep.sort(key=lambda m: (m.start, m.end))
        return keep
