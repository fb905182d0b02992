"""Clitic segmentation and UPOS tagging: two small CRFs (python-crfsuite).

Public API::

    analyze(doc_or_text) -> list[Segment]

Every word of the text (khabar's tokens) is split into its clitics and stem
(``وبالعراق`` → ``و`` + ``ب`` + ``العراق``, ``حكومته`` → ``حكومت`` + ``ه``)
and each segment gets a Universal Dependencies part of speech (UPOS, the 17
tags of UD) and a clitic role: ``proclitic``, ``stem`` or ``enclitic``.
Numbers, Latin words and punctuation are one segment each.

Segments are slices of the text: ``text[seg.start:seg.end] == seg.text``
(code points, half-open) and the segments of one word concatenate back to the
word. Arabic drops letters in writing where clitics meet; ``Segment.form``
restores them: after the preposition ل the article ال loses its alef
(``للعراق`` = ل + العراق, segments ``ل`` and ``لعراق``, the second with
``form='العراق'``). Elsewhere ``form == text``.

Models
------
* Segmenter: a character CRF labels each letter of a word ``B`` (a segment
  starts here), ``I`` (continues) or ``L`` (a segment starts here and an
  article alef was dropped before it). Features are the letters around the
  position and the word's beginning and end strings. A word is segmented
  without context, so results are cached per word type (most words of a text
  are cache hits). Training words whose PADT analysis the CRF would get wrong
  are kept in a small exception lexicon (``seg_lexicon.tsv.gz``) consulted first.
* Tagger: a CRF over the sentence's segments with the segment, its role, its
  word, affixes, SaudiNewsNet clusters and a two-segment window.

Both are trained on UD Arabic-PADT (``khabar train pos``), whose multiword
tokens give the segmentation (see :func:`khabar.models.segment_pos_train.align`).
PADT is CC BY-NC-SA 3.0: the models are for non-commercial use.

Raises:
    khabar.errors.ModelError: a model file (``seg.crfsuite``, ``pos.crfsuite``)
        is missing or unreadable; rebuild with ``khabar train pos``.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from khabar.errors import ModelError
from khabar.models._text import ARABIC_LETTERS, data_path, fold, open_crf, word_table, words

if TYPE_CHECKING:
    from khabar.doc import Document

__all__ = ["Segment", "analyze", "segment_word", "tag_segments", "SEG_FILE", "POS_FILE", "SEG_LEXICON", "UPOS"]

SEG_FILE = "seg.crfsuite"
POS_FILE = "pos.crfsuite"
SEG_LEXICON = "seg_lexicon.tsv.gz"
UPOS = (
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
    "PUNCT", "SCONJ", "SYM", "VERB", "X",
)
Role = Literal["proclitic", "stem", "enclitic"]


@dataclass(frozen=True, slots=True)
class Segment:
    """One clitic or stem: ``text == doc.text[start:end]`` (code points, half-open).

    ``upos`` is a UD tag, ``role`` proclitic/stem/enclitic, ``form`` the
    segment with letters dropped in writing restored (``لعراق`` → ``العراق``
    after ل), ``word`` the index of the word (token) it belongs to.
    """

    start: int
    end: int
    text: str
    upos: str
    role: str
    form: str
    word: int


def _is_arabic(w: str) -> bool:
    return bool(w) and w[0] in ARABIC_LETTERS


def char_features(w: str) -> list[list[str]]:
    """Per-letter features of one folded word for the segmenter CRF."""
    n = len(w)
    pw = "<" + w + ">"
    out = []
    for i in range(n):
        j = i + 1  # index in pw
        f = [
            "c=" + w[i],
            "l1=" + pw[j - 1],
            "r1=" + pw[j + 1],
            "l2=" + pw[max(0, j - 2) : j],
            "r2=" + pw[j + 1 : j + 3],
            "lr=" + pw[j - 1 : j + 2],
            "l3=" + pw[max(0, j - 3) : j],
            "r3=" + pw[j + 1 : j + 4],
            "cr2=" + pw[j : j + 3],
            "pos=" + str(min(i, 5)),
            "rpos=" + str(min(n - i, 5)),
            "len=" + str(min(n, 9)),
        ]
        if i <= 4:
            f.append("pre=" + w[:i])
        if n - i <= 4:
            f.append("suf=" + w[i:])
        out.append(f)
    return out


_lock = threading.Lock()


def _open(name: str):  # type: ignore[no-untyped-def]
    return open_crf(name, "the POS/segmentation model", "khabar train pos")


@lru_cache(maxsize=1)
def _seg_tagger():  # type: ignore[no-untyped-def]
    return _open(SEG_FILE)


@lru_cache(maxsize=1)
def _seg_lexicon() -> dict[str, str]:
    """Folded word → per-letter labels (``BIIB``…) for training words the CRF would get wrong."""
    import gzip

    with gzip.open(data_path(SEG_LEXICON), "rt", encoding="utf-8") as fh:
        return dict(line.rstrip("\n").split("\t") for line in fh if "\t" in line)


@lru_cache(maxsize=1)
def _pos_tagger():  # type: ignore[no-untyped-def]
    return _open(POS_FILE)


def roles(pieces: Sequence[str]) -> list[str]:
    """Clitic roles of a word's pieces: the longest piece (the first of equals) is the stem."""
    if len(pieces) == 1:
        return ["stem"]
    k = max(range(len(pieces)), key=lambda i: (len(pieces[i]), -i))
    return ["proclitic" if i < k else "stem" if i == k else "enclitic" for i in range(len(pieces))]


@lru_cache(maxsize=200_000)
def segment_word(word: str) -> tuple[tuple[int, int, bool], ...]:
    """Segments of one word as ``(start, end, alef_restored)`` offsets into ``word``.

    ``word`` is as written (diacritics allowed: they stay with the letter
    before them). Non-Arabic words are one segment. Cached per word.

    Example: ``segment_word("وللعراق")`` → ``((0, 1, False), (1, 2, False), (2, 7, True))``.
    """
    if not _is_arabic(word) or len(word) < 2:
        return ((0, len(word), False),)
    # letters only (diacritics and tatweel skipped); keep their positions
    idx = [i for i, ch in enumerate(word) if ch in ARABIC_LETTERS]
    letters = "".join(word[i] for i in idx)
    folded = fold(letters)
    if len(folded) != len(letters) or len(letters) < 2:
        return ((0, len(word), False),)
    ys = _seg_lexicon().get(folded)
    if ys is None:
        t = _seg_tagger()
        with _lock:
            ys = t.tag(char_features(folded))
    # teh marbuta (ة) and alef maqsura (ى) end a stem: never the start of a clitic
    cuts = [(k, y == "L") for k, y in enumerate(ys) if k > 0 and y in ("B", "L") and letters[k] not in "ةى"]
    bounds = [0] + [idx[k] for k, _ in cuts] + [len(word)]
    restored = [False] + [r for _, r in cuts]
    return tuple((bounds[i], bounds[i + 1], restored[i]) for i in range(len(bounds) - 1))


@lru_cache(maxsize=200_000)
def _seg_static(form: str, role: str, word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Context-free tagger features of one segment, and the subset its neighbours see (cached per segment type)."""
    table = word_table()
    f = ["f=" + form, "r=" + role, "w=" + word]
    if form[:1].isdigit():
        f.append("sh=num")
    elif form[:1].isascii() and form[:1].isalpha():
        f.append("sh=lat")
    elif not form[:1].isalpha():
        f.append("sh=punct")
    else:
        st = form[2:] if form.startswith("ال") and len(form) > 3 else form
        f += ["x1=" + st[-1:], "x2=" + st[-2:], "x3=" + st[-3:], "p1=" + st[:1], "p2=" + st[:2], "p3=" + st[:3],
              "al=" + str(st is not form), "n=" + str(min(len(st), 7))]
        if role == "stem" and word != form:
            f.append("wx=" + word[: word.find(form)] + "|" + word[word.find(form) + len(form):] if form in word else "wx=?")
        hit = table.get(form) or table.get(word)
        if hit:
            f += ["c=" + hit[0], "ck=" + hit[1]]
    return tuple(f), tuple(x for x in f if x.startswith(("x2=", "c=", "sh=")))


def seg_features(segs: Sequence[tuple[str, str, str]]) -> list[list[str]]:
    """Tagger features for a sentence of ``(folded form, role, folded word)`` segments.

    The context-free part of each segment comes from :func:`_seg_static`
    (cached per ``(form, role, word)``), so a text costs one dictionary look-up
    per segment plus the window features.
    """
    stat = [_seg_static(*seg) for seg in segs]
    n = len(segs)
    out = []
    for i in range(n):
        f = list(stat[i][0])
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                fj, rj, _ = segs[j]
                f.append(f"{d}f={fj}")
                if d in (-1, 1):
                    f.append(f"{d}r={rj}")
                    f += [f"{d}{x}" for x in stat[j][1]]
            elif d in (-1, 1):
                f.append(f"{d}=BOUND")
        if i > 0:
            f.append("ff=" + segs[i - 1][0] + "|" + segs[i][0])
        out.append(f)
    return out


def tag_segments(segs: Sequence[tuple[str, str, str]]) -> list[str]:
    """UPOS tags for one sentence of ``(folded form, role, folded word)`` segments."""
    if not segs:
        return []
    t = _pos_tagger()
    xs = seg_features(segs)
    with _lock:
        return list(t.tag(xs))


def analyze(doc_or_text: "Document | str") -> list[Segment]:
    """Segments of every word with UPOS and clitic role, in text order.

    Args:
        doc_or_text: a :class:`~khabar.doc.Document` (its ``sentences`` are
            used when present) or a plain string.

    Returns:
        ``Segment`` records; ``text[s.start:s.end] == s.text`` for each, and
        the segments of one word (same ``word`` index) cover it exactly.

    Raises:
        ModelError: a model file is missing or cannot be loaded.

    Example:
        >>> [(s.text, s.upos, s.role) for s in analyze("وبالعراق")]  # doctest: +SKIP
        [('و', 'CCONJ', 'proclitic'), ('ب', 'ADP', 'proclitic'), ('العراق', 'X', 'stem')]
    """
    from khabar.text.segment import split_sentences

    if isinstance(doc_or_text, str):
        text = doc_or_text
        sents = [(s.start, s.end) for s in split_sentences(text)]
    else:
        text = doc_or_text.text
        sents = [(s.start, s.end) for s in (doc_or_text.sentences or split_sentences(text))]
    toks = words(text)
    out: list[Segment] = []
    k = 0
    for ss, se in sents:
        while k < len(toks) and toks[k][0] < ss:
            k += 1
        j = k
        while j < len(toks) and toks[j][1] <= se:
            j += 1
        pieces: list[tuple[int, int, str, str, str, int]] = []  # start, end, text, form, role, word index
        for wi in range(k, j):
            ws, _, w = toks[wi]
            parts = segment_word(w)
            rs = roles([w[a:b] for a, b, _ in parts])
            for (a, b, rest), r in zip(parts, rs):
                piece = w[a:b]
                form = ("ا" + piece) if rest else piece
                pieces.append((ws + a, ws + b, piece, form, r, wi))
        k = j
        if not pieces:
            continue
        tags = tag_segments([(fold(p[3]), p[4], fold(toks[p[5]][2])) for p in pieces])
        for p, y in zip(pieces, tags):
            out.append(Segment(p[0], p[1], p[2], y, p[4], p[3], p[5]))
    return out
