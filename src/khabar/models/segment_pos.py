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
    khabar.errors.ModelError: a model file (``seg.crfsuite``, ``pos.npz`` and their lexicons)
        is missing or unreadable; rebuild with ``khabar train pos``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from khabar.errors import ModelError
from khabar.models._text import _MAP as _FOLD_MAP
from khabar.models._text import ARABIC_LETTERS, data_path, fold, open_crf, sentence_word_ranges, word_table

if TYPE_CHECKING:
    from khabar.doc import Document
    from khabar.models._linear_crf import LinearCRF

__all__ = [
    "Segment", "analyze", "segment_word", "tag_segments", "tag_sentences", "seg_fold",
    "SEG_FILE", "SEG_LEXICON", "SEG_VOCAB", "POS_FILE", "POS_LEXICON", "UPOS",
]

SEG_FILE = "seg.crfsuite"
POS_FILE = "pos.npz"
POS_LEXICON = "pos_lexicon.tsv.gz"
SEG_LEXICON = "seg_lexicon.tsv.gz"
SEG_VOCAB = "seg_vocab.tsv.gz"
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


_SEG_MAP = {k: v for k, v in _FOLD_MAP.items() if k not in (ord("ة"), ord("ى"))}


def seg_fold(word: str) -> str:
    """The segmenter's form of a word: :func:`fold` but keeping ``ة`` and ``ى``.

    Teh marbuta and alef maqsura tell a stem's end from the pronoun ``ه`` and
    the letter ``ي`` (``حكومته`` vs ``حكومة``), so the segmenter sees them.
    """
    return word.translate(_SEG_MAP)


def _band(vocab: dict[str, str], s: str) -> str:
    return vocab.get(fold(s), "0")


def char_features(w: str, vocab: dict[str, str] | None = None) -> list[list[str]]:
    """Per-letter features of one word (:func:`seg_fold` form) for the segmenter CRF.

    Letter n-grams around each position, the word's beginning and end, and,
    from ``vocab`` (folded word → SaudiNewsNet frequency band, ``"0"`` unseen):
    the band of the whole word, of what is left after cutting a proclitic
    string here (``وبالعراق`` at ``ا`` → ``العراق``; after ل+ل also with the
    article's alef restored) and of what is left before an enclitic string.
    """
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
        if vocab is not None:
            if i == 0:
                f.append("wf=" + _band(vocab, w))
            elif i <= 5:
                b = _band(vocab, w[i:])
                if w[i - 1] == "ل" and w[i] == "ل":
                    b += "/" + _band(vocab, "ا" + w[i:])
                f += ["rk=" + b, "rkp=" + w[:i] + b]
            if i > 0 and n - i <= 3:
                b = _band(vocab, w[:i])
                f += ["hk=" + b, "hks=" + w[i:] + b]
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
def _seg_vocab() -> dict[str, str]:
    """Folded word → frequency band in SaudiNewsNet (``"1"`` … ``"7"``, about log4 of the count)."""
    import gzip

    with gzip.open(data_path(SEG_VOCAB), "rt", encoding="utf-8") as fh:
        return dict(line.rstrip("\n").split("\t") for line in fh if "\t" in line)


@lru_cache(maxsize=1)
def _pos_lexicon() -> dict[str, str]:
    """Form → its ambiguity class in PADT train (see :func:`type_features`)."""
    import gzip

    with gzip.open(data_path(POS_LEXICON), "rt", encoding="utf-8") as fh:
        return dict(line.rstrip("\n").split("\t") for line in fh if "\t" in line)


def _pos_lexicon_class(form: str) -> str:
    return _pos_lexicon().get(form, "UNK")


@lru_cache(maxsize=1)
def _pos_tagger() -> "_PosTagger":
    """The UPOS tagger (``pos.npz`` weights + ``pos_lexicon.tsv.gz``), loaded once."""
    from khabar.models._linear_crf import LinearCRF

    path = data_path(POS_FILE)
    try:
        crf = LinearCRF(path)
    except Exception as exc:
        raise ModelError(f"cannot load the UPOS tagger {path}: {exc}; rebuild it with `khabar train pos`") from exc
    return _PosTagger(crf, _pos_lexicon())


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
    folded = seg_fold(letters)
    if len(folded) != len(letters) or len(letters) < 2:
        return ((0, len(word), False),)
    ys = _seg_lexicon().get(folded)
    if ys is None:
        t = _seg_tagger()
        xs = char_features(folded, _seg_vocab())
        with _lock:
            ys = t.tag(xs)
    # teh marbuta (ة) and alef maqsura (ى) end a stem: never the start of a clitic
    cuts = [(k, y == "L") for k, y in enumerate(ys) if k > 0 and y in ("B", "L") and letters[k] not in "ةى"]
    bounds = [0] + [idx[k] for k, _ in cuts] + [len(word)]
    restored = [False] + [r for _, r in cuts]
    return tuple((bounds[i], bounds[i + 1], restored[i]) for i in range(len(bounds) - 1))


_NB_KEYS = ("x2=", "c=", "sh=", "pat=")
# letters that are affixes or weak in Arabic templates: kept in the "pattern" feature, the rest become C
_TEMPLATE_LETTERS = frozenset("اويتمنسهأإآءئؤةى")


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
        hit = table.get(fold(form)) or table.get(fold(word))
        if hit:
            f += ["c=" + hit[0], "ck=" + hit[1]]
        if role == "stem" and not form[:1].isascii():
            f.append("pat=" + "".join(ch if ch in _TEMPLATE_LETTERS else "C" for ch in st))
    return tuple(f), tuple(x for x in f if x.startswith(_NB_KEYS))


# A segment's tagger features are its OWN part plus what its neighbours show it: the segment two
# before (FROM_M2: "-2f=…"), one before (FROM_M1: "-1f=…", its role, suffix, cluster, ambiguity
# class), one and two after, and the stems of the previous and next words ("P…", "N…"); then the
# pair of forms "ff=prev|cur", the BOUND markers at sentence edges and the agreement of a stem
# with its neighbouring stems (article, teh marbuta).
OWN, FROM_M2, FROM_M1, FROM_P1, FROM_P2, FROM_PREV_WORD, FROM_NEXT_WORD = range(7)
_BOUNDS = ("-1=BOUND", "1=BOUND", "P=BOUND", "N=BOUND")


@lru_cache(maxsize=400_000)
def type_features(form: str, role: str, word: str, amb: str) -> tuple[tuple[str, ...], ...]:
    """The tagger features a segment type gives, by part (``OWN``, ``FROM_M2`` … ``FROM_NEXT_WORD``).

    ``amb`` is the form's ambiguity class in PADT train (the tags it takes
    ≥ 10 % of the time, ``NOUN|ADJ``; ``~`` appended when seen fewer than 3
    times; ``UNK`` unseen). Part ``FROM_M1`` is what this segment adds to the
    features of the segment after it, and so on (see :func:`seg_features`).
    """
    own, nb = _seg_static(form, role, word)
    return (
        own + ("amb=" + amb,),
        ("-2f=" + form,),
        ("-1f=" + form, "-1r=" + role, "pamb=" + amb) + tuple("-1" + x for x in nb),
        ("1f=" + form, "1r=" + role, "namb=" + amb) + tuple("1" + x for x in nb),
        ("2f=" + form,),
        ("Ps=" + form,) + tuple("P" + x for x in nb),
        ("Ns=" + form,) + tuple("N" + x for x in nb),
    )


def _agr(form: str) -> str:
    return f"{form.startswith('ال')}{form.endswith('ة')}"


def word_starts(roles_: Sequence[str]) -> list[bool]:
    """Whether each segment opens a word (a word is proclitics, one stem, enclitics)."""
    return [i == 0 or (r != "enclitic" and roles_[i - 1] != "proclitic") for i, r in enumerate(roles_)]


def seg_features(segs: Sequence[tuple[str, str, str]], amb: "Callable[[str], str] | None" = None) -> list[list[str]]:
    """Tagger features (strings, for crfsuite training) of a sentence of ``(form, role, word)`` segments.

    Forms and words are in :func:`seg_fold` form. ``amb`` maps a form to its
    ambiguity class (default: the packaged lexicon). Inference adds up the
    same features' weights per part instead (:class:`_PosTagger`).
    """
    look = amb or _pos_lexicon_class
    tf = [type_features(f, r, w, look(f)) for f, r, w in segs]
    n = len(segs)
    starts = word_starts([r for _, r, _ in segs])
    wid, stems = [], []
    for i, (_, r, _) in enumerate(segs):
        if starts[i]:
            stems.append(i)
        wid.append(len(stems) - 1)
        if r == "stem":
            stems[-1] = i
    out = []
    for i in range(n):
        f = list(tf[i][OWN])
        if i >= 2:
            f += tf[i - 2][FROM_M2]
        f += tf[i - 1][FROM_M1] if i >= 1 else (_BOUNDS[0],)
        f += tf[i + 1][FROM_P1] if i + 1 < n else (_BOUNDS[1],)
        if i + 2 < n:
            f += tf[i + 2][FROM_P2]
        if i > 0:
            f.append("ff=" + segs[i - 1][0] + "|" + segs[i][0])
        k = wid[i]
        f += tf[stems[k - 1]][FROM_PREV_WORD] if k > 0 else (_BOUNDS[2],)
        f += tf[stems[k + 1]][FROM_NEXT_WORD] if k + 1 < len(stems) else (_BOUNDS[3],)
        if segs[i][1] == "stem":
            a = _agr(segs[i][0])
            if k > 0:
                f.append("agP=" + a + "|" + _agr(segs[stems[k - 1]][0]))
            if k + 1 < len(stems):
                f.append("agN=" + a + "|" + _agr(segs[stems[k + 1]][0]))
        out.append(f)
    return out


_AGR = [f"{a}{t}" for a in (False, True) for t in (False, True)]


class _PosTagger:
    """The UPOS tagger at inference: crfsuite's weights (:class:`~khabar.models._linear_crf.LinearCRF`)
    summed once per segment type and per part, then a batched Viterbi per document.

    Gives the tags crfsuite would give for :func:`seg_features` (same
    weights, same sums), without building the feature strings of each token.
    """

    def __init__(self, crf: "LinearCRF", lexicon: dict[str, str]) -> None:
        import numpy as np

        self.crf, self.lexicon, self.labels = crf, lexicon, crf.labels
        self.clear()
        self.bounds = np.stack([crf.vector((b,)) for b in _BOUNDS])
        self.agp = np.stack([crf.vector(("agP=" + a + "|" + b,)) for a in _AGR for b in _AGR])
        self.agn = np.stack([crf.vector(("agN=" + a + "|" + b,)) for a in _AGR for b in _AGR])

    def clear(self) -> None:
        """Forget the per-type sums (they are rebuilt as types come again)."""
        import numpy as np

        self.ids: dict[tuple[str, str, str], int] = {}
        self.parts = np.zeros((1024, 7, len(self.labels)))
        self.agr: list[int] = []  # agreement code (article, teh marbuta) per type
        self.pairs: dict[tuple[int, int], int] = {}
        self.forms: list[str] = []

    def _id(self, seg: tuple[str, str, str]) -> int:
        i = self.ids.get(seg)
        if i is None:
            import numpy as np

            i = len(self.ids)
            if i == len(self.parts):
                self.parts = np.concatenate([self.parts, np.zeros_like(self.parts)])
            form = seg[0]
            tf = type_features(*seg, self.lexicon.get(form, "UNK"))
            for p in range(7):
                self.parts[i, p] = self.crf.vector(tf[p])
            self.agr.append(2 * form.startswith("ال") + form.endswith("ة"))
            self.forms.append(form)
            self.ids[seg] = i
        return i

    def _pair(self, a: int, b: int) -> int:
        k = self.pairs.get((a, b))
        if k is None:
            k = self.crf.index.get("ff=" + self.forms[a] + "|" + self.forms[b], self.crf.unknown)
            self.pairs[(a, b)] = k
        return k

    def tag(self, sents: Sequence[Sequence[tuple[str, str, str]]]) -> list[list[str]]:
        """UPOS tags of each sentence of ``(form, role, word)`` segments."""
        import numpy as np

        lens = [len(s) for s in sents]
        flat = [seg for s in sents for seg in s]
        if not flat:
            return [[] for _ in sents]
        ids = np.fromiter((self._id(seg) for seg in flat), dtype=np.int64, count=len(flat))
        n = len(flat)
        sid = np.repeat(np.arange(len(sents)), lens)
        first = np.zeros(n, dtype=bool)
        first[np.cumsum([0] + lens[:-1])[np.array(lens) > 0]] = True
        last = np.zeros(n, dtype=bool)
        last[:-1] = first[1:]
        last[-1] = True
        role_proc = np.fromiter((r == "proclitic" for _, r, _ in flat), dtype=bool, count=n)
        role_stem = np.fromiter((r == "stem" for _, r, _ in flat), dtype=bool, count=n)
        role_enc = ~(role_proc | role_stem)
        starts = first.copy()
        starts[1:] |= ~role_enc[1:] & ~role_proc[:-1]
        wid = np.cumsum(starts) - 1
        nw = int(wid[-1]) + 1
        stem = np.zeros(nw, dtype=np.int64)
        stem[wid[role_stem]] = np.nonzero(role_stem)[0]
        wsent = sid[stem]
        p = self.parts[ids]  # (n, 7, L)
        e = p[:, OWN].copy()
        e[2:] += p[:-2, FROM_M2] * (sid[2:] == sid[:-2])[:, None]
        e[1:] += p[:-1, FROM_M1] * ~first[1:, None]
        e[first] += self.bounds[0]
        e[:-1] += p[1:, FROM_P1] * ~last[:-1, None]
        e[last] += self.bounds[1]
        e[:-2] += p[2:, FROM_P2] * (sid[:-2] == sid[2:])[:, None]
        if n > 1:
            pk = np.array([self._pair(int(a), int(b)) for a, b in zip(ids[:-1], ids[1:])])
            e[1:] += self.crf.weights[pk] * ~first[1:, None]
        has_prev = (wid > 0) & (wsent[np.maximum(wid - 1, 0)] == sid)
        has_next = (wid + 1 < nw) & (wsent[np.minimum(wid + 1, nw - 1)] == sid)
        prev_stem = stem[np.maximum(wid - 1, 0)]
        next_stem = stem[np.minimum(wid + 1, nw - 1)]
        e += np.where(has_prev[:, None], p[prev_stem, FROM_PREV_WORD], self.bounds[2])
        e += np.where(has_next[:, None], self.parts[ids[next_stem], FROM_NEXT_WORD], self.bounds[3])
        agr = np.array(self.agr)[ids]
        sel = role_stem & has_prev
        e[sel] += self.agp[agr[sel] * 4 + agr[prev_stem[sel]]]
        sel = role_stem & has_next
        e[sel] += self.agn[agr[sel] * 4 + agr[next_stem[sel]]]
        bounds_ = np.cumsum([0] + lens)
        paths = self.crf.viterbi([e[bounds_[k] : bounds_[k + 1]] for k in range(len(sents))])
        labels = self.labels
        return [[labels[y] for y in path.tolist()] for path in paths]


def load() -> None:
    """Load every model file now (they load lazily on first use otherwise)."""
    _seg_tagger()
    _seg_lexicon()
    _seg_vocab()
    _pos_tagger()


def clear_caches() -> None:
    """Empty the per-word and per-segment-type caches (for cold-cache timings); models stay loaded."""
    segment_word.cache_clear()
    _word_pieces.cache_clear()
    _seg_static.cache_clear()
    type_features.cache_clear()
    if _pos_tagger.cache_info().currsize:
        _pos_tagger().clear()


def tag_segments(segs: Sequence[tuple[str, str, str]]) -> list[str]:
    """UPOS tags for one sentence of ``(form, role, word)`` segments (:func:`seg_fold` forms)."""
    if not segs:
        return []
    return tag_sentences([segs])[0]


def tag_sentences(sents: Sequence[Sequence[tuple[str, str, str]]]) -> list[list[str]]:
    """UPOS tags for several sentences at once (one batched decoding)."""
    t = _pos_tagger()
    with _lock:
        return t.tag(sents)


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
    if isinstance(doc_or_text, str):
        text, spans = doc_or_text, None
    else:
        text = doc_or_text.text
        spans = [(s.start, s.end) for s in doc_or_text.sentences] or None
    toks, ranges = sentence_word_ranges(text, spans)
    sents: list[list[tuple[str, str, str]]] = []
    where: list[tuple[int, int, int, str, str, str]] = []  # start, end, word index, text, role, form
    for k, j in ranges:
        segs: list[tuple[str, str, str]] = []
        for wi in range(k, j):
            ws, _, w = toks[wi]
            for a, b, piece, form, role, seg in _word_pieces(w):
                segs.append(seg)
                where.append((ws + a, ws + b, wi, piece, role, form))
        if segs:
            sents.append(segs)
    tags = [y for ys in tag_sentences(sents) for y in ys]
    return [Segment(a, b, piece, y, role, form, wi) for (a, b, wi, piece, role, form), y in zip(where, tags)]


@lru_cache(maxsize=200_000)
def _word_pieces(w: str) -> tuple[tuple[int, int, str, str, str, tuple[str, str, str]], ...]:
    """``(start, end, text, form, role, tagger segment)`` of each segment of word ``w`` (cached per word)."""
    parts = segment_word(w)
    rs = roles([w[a:b] for a, b, _ in parts])
    fw = seg_fold(w)
    out = []
    for (a, b, rest), r in zip(parts, rs):
        piece = w[a:b]
        form = ("ا" + piece) if rest else piece
        out.append((a, b, piece, form, r, (seg_fold(form), r, fw)))
    return tuple(out)
