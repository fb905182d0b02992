"""Statistical named-entity recognizer: a linear-chain CRF (python-crfsuite) over words.

Public API::

    predict_entities(doc) -> list[tuple[int, int, str, float]]

``(start, end, label, confidence)``: half-open code-point offsets into
``doc.text`` with ``doc.text[start:end]`` the entity as written, proclitics
excluded (``بالعراق`` → ``العراق``; after ل the article's alef is not written,
so ``للعراق`` gives ``لعراق``, the convention of
:class:`khabar.text.matcher.PhraseMatcher`); labels PER, ORG, GPE, LOC, MISC;
confidence is the mean CRF marginal probability of the span's labels (0–1).

How it works
------------
* Tokens are khabar's tokens (:func:`khabar.text.segment.tokenize`), tagged
  sentence by sentence (``doc.sentences`` or :func:`split_sentences`).
* Features per word (:func:`_static`): the folded word, its light stem
  (proclitics و ف ب ك ل and the article ال set aside), prefixes and suffixes,
  shape, SaudiNewsNet word2vec clusters (:mod:`khabar.models.clusters`), and
  **gazetteer features** from the knowledge base (:func:`khabar.extract.kb.get_kb`):
  the BIO position and label of a KB alias match covering the word, and
  first-name membership. Window features for the two words each side.
* The CRF was trained on ANERcorp train (+ AQMAR train mapped to the same
  labels; see ``docs/models.md``) with IOB2 labels PER ORG LOC MISC.
* LOC → GPE/LOC: the knowledge base decides (an alias whose entry is GPE,
  e.g. a country or city, gives GPE; a region gives LOC); names the KB does not
  know are GPE unless their first word is a geographic head noun (جبل، نهر،
  بحر، خليج …), the usual case in news.
* Proclitics: the span's first word loses a leading و/ف and a preposition
  ب/ك/ل when the rest is a word of its own — a KB alias, or (SaudiNewsNet
  counts) more frequent than the whole form — so ``لبنان`` and ``وليد`` keep
  their first letter while ``وبغداد`` loses it.

The model loads lazily on first use and is cached for the process.

Raises:
    khabar.errors.ModelError: the model file ``khabar/models/data/ner.crfsuite``
        is missing or unreadable (rebuild with ``khabar train ner``).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from khabar.errors import ModelError
from khabar.models._text import data_path, fold, word_table, words

if TYPE_CHECKING:
    from khabar.doc import Document

__all__ = ["predict_entities", "tag_tokens", "sentence_features", "strip_proclitics", "MODEL_FILE", "LABELS"]

MODEL_FILE = "ner.crfsuite"
LABELS = ("PER", "ORG", "GPE", "LOC", "MISC")

_GEO_HEADS = frozenset(
    fold(w)
    for w in (
        "جبل جبال نهر بحر بحيرة خليج صحراء وادي جزيرة جزر شبه قناة مضيق محيط سهل هضبة "
        "منطقة إقليم ساحل شاطئ غابة شلالات"
    ).split()
)


def _light_stem(w: str) -> tuple[str, str]:
    """(proclitics, rest) of a folded word: و/ف, then ب/ك/ل, then ال — only when a stem of ≥ 2 letters remains."""
    i = 0
    if len(w) > 3 and w[0] in "وف":
        i = 1
    if len(w) - i > 3 and w[i] in "بكل":
        if w[i] == "ل" and w[i + 1 : i + 2] == "ل" and len(w) - i > 4:  # لل = ل + (ا)ل
            return w[: i + 1], "ا" + w[i + 1 :]
        i += 1
    return w[:i], w[i:]


@lru_cache(maxsize=200_000)
def _static(w: str) -> tuple[str, ...]:
    """Features of one folded word that do not depend on context (cached per word)."""
    table = word_table()
    pre, rest = _light_stem(w)
    art = rest.startswith("ال") and len(rest) > 4
    stem = rest[2:] if art else rest
    f = ["w=" + w, "s=" + stem, "p=" + pre + ("ال" if art else "")]
    if w[:1].isdigit():
        f.append("shape=num")
    elif w[:1].isascii() and w[:1].isalpha():
        f.append("shape=lat")
    elif not w[:1].isalpha():
        f.append("shape=punct")
    else:
        f += ["p2=" + stem[:2], "p3=" + stem[:3], "x2=" + stem[-2:], "x3=" + stem[-3:], "x1=" + stem[-1:],
              "len=" + str(min(len(stem), 8))]
    for key, name in ((w, "c"), (rest, "cr"), (stem, "cs")):
        hit = table.get(key)
        if hit is not None:
            f += [name + "=" + hit[0], name + "k=" + hit[1]]
            if name == "c":
                n = hit[2]
                f.append("fq=" + ("5" if n > 10000 else "4" if n > 1000 else "3" if n > 100 else "2" if n > 10 else "1"))
            break
    else:
        f.append("c=unk")
    return tuple(f)


_CTX = ("w=", "s=", "c=", "ck=", "p=", "g=", "shape=")


def _kb_tags(text: str, toks: Sequence[tuple[int, int, str]]) -> list[str]:
    """Per token: ``B-GPE``/``I-ORG``… where a knowledge-base alias match covers it, else ``""``.

    ``text`` is the text the tokens' offsets point into; matches come from the
    KB's phrase matcher (proclitic-aware), longest first.
    """
    from khabar.extract.kb import get_kb
    from khabar.text.normalize import normalize

    kb = get_kb()
    tags = [""] * len(toks)
    if not toks:
        return tags
    starts = {s: i for i, (s, _, _) in enumerate(toks)}
    import bisect

    ends = [e for _, e, _ in toks]
    nt = normalize(text)
    for m in kb.matcher.find(nt):
        if m.payload.needs_context:
            continue
        i = bisect.bisect_right(ends, m.start)  # first token that ends after m.start
        if i >= len(toks) or toks[i][0] > m.start + 2:
            continue
        label = m.payload.entry.label
        j = i
        while j < len(toks) and toks[j][0] < m.end:
            if not tags[j]:
                tags[j] = ("B-" if j == i else "I-") + label
            j += 1
    del starts
    return tags


def sentence_features(words_: Sequence[str], kb_tags: Sequence[str]) -> list[list[str]]:
    """CRF feature lists for one sentence.

    Args:
        words_: the sentence's tokens as written (any normalization is done here).
        kb_tags: per token, the KB match tag from :func:`_kb_tags` (``""`` when none).

    Returns:
        One list of feature strings per token.
    """
    from khabar.extract.kb import get_kb

    first = _first_names()
    del get_kb
    n = len(words_)
    folded = [fold(w) for w in words_]
    stat = []
    for w, g in zip(folded, kb_tags):
        fs = _static(w) if w else ("w=",)
        extra = []
        if g:
            extra.append("g=" + g)
            extra.append("gl=" + g[2:])
        if len(fs) > 1 and fs[1][2:] in first:
            extra.append("fn")
        stat.append(list(fs) + extra)
    ctx = [[f for f in fs if f.startswith(_CTX)] for fs in stat]
    out = []
    for i in range(n):
        f = stat[i][:]
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                tag = str(d) + ":"
                if d in (-1, 1):
                    f += [tag + x for x in ctx[j]]
                else:
                    f += [tag + x for x in ctx[j] if x[0] in "wcg"]
            elif d in (-1, 1):
                f.append(str(d) + ":BOUND")
        if i > 0:
            f.append("ww=" + folded[i - 1] + "|" + folded[i])
        if i + 1 < n:
            f.append("wn=" + folded[i] + "|" + folded[i + 1])
        out.append(f)
    return out


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    from khabar.extract.kb import get_kb

    return frozenset(fold(n) for n in get_kb().first_names)


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _tagger():  # type: ignore[no-untyped-def]
    try:
        import pycrfsuite
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ModelError("the NER model needs python-crfsuite: pip install python-crfsuite") from exc
    path = data_path(MODEL_FILE)
    t = pycrfsuite.Tagger()
    try:
        t.open(path)
    except Exception as exc:
        raise ModelError(f"cannot load the NER model {path}: {exc}; rebuild it with `khabar train ner`") from exc
    return t


def tag_tokens(words_: Sequence[str], kb_tags: Sequence[str]) -> tuple[list[str], list[float]]:
    """IOB2 labels (ANERcorp classes PER ORG LOC MISC) and each label's marginal probability.

    Raises:
        ModelError: the model file is missing or unreadable.
    """
    if not words_:
        return [], []
    t = _tagger()
    xs = sentence_features(words_, kb_tags)
    with _lock:  # a crfsuite Tagger holds one sequence at a time
        ys = t.tag(xs)
        probs = [t.marginal(y, i) for i, y in enumerate(ys)]
    return ys, probs


def spans_from_bio(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(first, last_exclusive, type)`` token spans of IOB2 (or IOB1) labels."""
    out = []
    i, n = 0, len(labels)
    while i < n:
        y = labels[i]
        if y == "O" or len(y) < 3:
            i += 1
            continue
        typ = y[2:]
        j = i + 1
        while j < n and labels[j] == "I-" + typ:
            j += 1
        out.append((i, j, typ))
        i = j
    return out


def strip_proclitics(word: str) -> int:
    """How many leading code points of ``word`` are proclitics outside an entity span.

    ``وبغداد`` → 1, ``وببغداد`` → 2, ``بالعراق`` → 1, ``للعراق`` → 1 (the span keeps the article's ل),
    ``لبنان`` → 0, ``وليد`` → 0. A leading و/ف, then ب/ك/ل, is split off when
    what remains is a word of its own: it starts with the article, or is a
    knowledge-base alias, or is more frequent in SaudiNewsNet than the whole
    form (and seen ≥ 20 times). Diacritics in ``word`` are allowed.
    """
    from khabar.extract.kb import get_kb

    kb = get_kb()
    table = word_table()
    cut = 0
    w = word
    for group in ("وف", "بكل"):
        if len(w) < 4 or w[0] not in group:
            continue
        full, rest = fold(w), fold(w[1:])
        ok = False
        if rest.startswith("ال") and len(rest) > 3:
            ok = True
        elif group == "بكل" and w[0] == "ل" and rest.startswith("ل") and len(rest) > 3 and kb.aliases("ا" + rest):
            ok = True  # ل + (ا)لعراق
        elif kb.aliases(full):
            ok = False
        elif kb.aliases(rest):
            ok = True
        else:
            nf = table.get(full, ("", "", 0))[2]
            nr = table.get(rest, ("", "", 0))[2]
            ok = nr >= 20 and nr > 2 * nf
        if not ok:
            break
        cut += 1
        w = w[1:]
        # skip diacritics that belonged to the proclitic
        while w and "\u064b" <= w[0] <= "\u0652":
            cut += 1
            w = w[1:]
    return cut


def _geo_label(span_text: str) -> str:
    from khabar.extract.kb import get_kb

    for a in get_kb().aliases(span_text):
        if a.entry.label in ("GPE", "LOC"):
            return a.entry.label
    first = fold(span_text.split()[0]) if span_text.split() else ""
    _, rest = _light_stem(first)
    if rest.startswith("ال"):
        rest = rest[2:]
    if first in _GEO_HEADS or rest in _GEO_HEADS or ("ال" + rest) in _GEO_HEADS:
        return "LOC"
    return "GPE"


_MAP = {"PER": "PER", "PERS": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC", "MIS": "MISC"}


def predict_text(text: str, sentences: Sequence[tuple[int, int]] | None = None) -> list[tuple[int, int, str, float]]:
    """:func:`predict_entities` over a plain string (sentences split here unless given)."""
    if sentences is None:
        from khabar.text.segment import split_sentences

        sentences = [(s.start, s.end) for s in split_sentences(text)]
    toks_all = words(text)
    kb_all = _kb_tags(text, toks_all)
    out: list[tuple[int, int, str, float]] = []
    k = 0
    for ss, se in sentences:
        while k < len(toks_all) and toks_all[k][0] < ss:
            k += 1
        j = k
        while j < len(toks_all) and toks_all[j][1] <= se:
            j += 1
        toks = toks_all[k:j]
        kbt = kb_all[k:j]
        k = j
        if not toks:
            continue
        ys, ps = tag_tokens([t[2] for t in toks], kbt)
        for a, b, typ in spans_from_bio(ys):
            start, end = toks[a][0], toks[b - 1][1]
            start += strip_proclitics(text[start : toks[a][1]])
            if start >= end:
                continue
            label = _MAP.get(typ, "MISC")
            if label == "LOC":
                label = _geo_label(text[start:end])
            conf = sum(ps[a:b]) / (b - a)
            out.append((start, end, label, round(conf, 4)))
    return out


def predict_entities(doc: "Document") -> list[tuple[int, int, str, float]]:
    """Named entities the CRF finds in ``doc``: ``(start, end, label, confidence)``.

    Offsets are code points into ``doc.text``, half-open, proclitics excluded;
    labels PER, ORG, GPE, LOC, MISC; confidence in [0, 1]. Uses
    ``doc.sentences`` when the document has them.

    Example:
        >>> from khabar.doc import Document
        >>> predict_entities(Document.new("زار الرئيس ماكرون بغداد أمس."))  # doctest: +SKIP
        [(11, 17, 'PER', 0.97), (18, 23, 'GPE', 0.99)]

    Raises:
        ModelError: the model file is missing or cannot be loaded.
    """
    sents = [(s.start, s.end) for s in doc.sentences] if doc.sentences else None
    return predict_text(doc.text, sents)
