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
  first-name membership; context features up to three words each side
  (:func:`sentence_features`).
* The CRF was trained on ANERcorp train only (AQMAR and Wojood, even with a
  domain feature, cost in-domain F1; see ``docs/models.md``) with IOB2 labels
  PER ORG LOC MISC.
* LOC → GPE/LOC: the knowledge base decides (an alias whose entry is GPE,
  e.g. a country or city, gives GPE; a region gives LOC); names the KB does not
  know are GPE unless their first word is a geographic head noun (جبل، نهر،
  بحر، خليج …), the usual case in news.
* Second stage, opt-in (``KHABAR_NER_STAGES=2``; :func:`tag_document`, Krishnan & Manning 2006): after every
  sentence of a document is tagged, :func:`doc_features` describes each word
  by what the first stage said about the same word and the same names
  elsewhere in the document; a second CRF (``ner_doc.crfsuite``, trained on
  cross-validated first-stage output) re-tags the sentences where that
  evidence disagrees with the first stage.
* Document consistency (:func:`propagate`): after both stages,
  names tagged confidently are labelled at their other mentions in the
  same document that were missed (and the surname of a full person name).
* Proclitics: the span's first word loses a leading و/ف and a preposition
  ب/ك/ل when the rest is a word of its own — a KB alias, or (SaudiNewsNet
  counts) more frequent than the whole form — so ``لبنان`` and ``وليد`` keep
  their first letter while ``وبغداد`` loses it.

The model loads lazily on first use and is cached for the process.

Raises:
    khabar.errors.ModelError: a model file ``khabar/models/data/ner.crfsuite`` or
        ``ner_doc.crfsuite`` is missing or unreadable (rebuild with ``khabar train ner``).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from khabar.errors import ModelError
from khabar.models._text import data_path, fold, open_crf, sentence_word_ranges, word_table

if TYPE_CHECKING:
    from khabar.doc import Document

__all__ = [
    "predict_entities", "tag_tokens", "tag_document", "doc_features", "sentence_features", "strip_proclitics",
    "propagate", "set_backend", "backend", "set_model_paths", "stages", "MODEL_FILE", "DOC_MODEL_FILE", "LABELS",
]

#: Entries of each per-word feature cache (``_static``, ``_view``, ``_key_word``). They fill with the
#: vocabulary, ~4 KiB per word in all: at 200,000 entries a real-news corpus run grew to ~1 GiB; at
#: 16,384 they hold any single article's words (speed per article unchanged) and cost ~64 MiB at most.
WORD_CACHE = 16_384

MODEL_FILE = "ner.crfsuite"
DOC_MODEL_FILE = "ner_doc.crfsuite"
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


@lru_cache(maxsize=WORD_CACHE)
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
    if len(stem) >= 4 and stem[:1].isalpha() and not stem[:1].isascii():  # non-Latin letters
        f += ["p4=" + stem[:4], "x4=" + stem[-4:]]
    hs = table.get(stem)
    if hs is not None:
        n = hs[2]
        f += ["cs=" + hs[0], "fqs=" + ("5" if n > 10000 else "4" if n > 1000 else "3" if n > 100 else "2" if n > 10 else "1")]
    elif stem[:1].isalpha():
        f.append("fqs=0")
    return tuple(f)


_CTX = ("w=", "s=", "c=", "ck=", "p=", "g=", "gl=", "shape=", "fn", "x2=", "cs=")


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

    Per word: the static features of :func:`_static` (word, light stem, stem
    prefixes/suffixes of 1–4 letters, shape, clusters and frequency bands of the
    word and the stem), the KB gazetteer tag (``g=B-GPE``, ``gl=GPE``),
    first-name membership (``fn``), sentence position (``BOS``, ``BOS+1``,
    ``EOS``). Context, independent of the previous labels: the neighbours'
    context features at ±1, word/stem/cluster/gazetteer at ±2, word/cluster/
    gazetteer label at ±3, word bigrams, cluster bigrams and the
    ``previous|_|next`` word pair.

    Args:
        words_: the sentence's tokens as written (any normalization is done here).
        kb_tags: per token, the KB match tag from :func:`_kb_tags` (``""`` when none).

    Returns:
        One list of feature strings per token.
    """
    n = len(words_)
    folded = [fold(w) for w in words_]
    views = [_view(w, g) for w, g in zip(folded, kb_tags)]
    out = []
    for i in range(n):
        f = list(views[i][0])
        if i == 0:
            f.append("BOS")
        elif i == 1:
            f.append("BOS+1")
        if i == n - 1:
            f.append("EOS")
        for k, d in enumerate((-3, -2, -1, 1, 2, 3)):
            j = i + d
            if 0 <= j < n:
                f += views[j][1][k]
            elif d in (-1, 1):
                f.append(str(d) + ":BOUND")
        if i > 0:
            f.append("ww=" + folded[i - 1] + "|" + folded[i])
            f.append("cc-=" + views[i - 1][2] + "|" + views[i][2])
        if i + 1 < n:
            f.append("wn=" + folded[i] + "|" + folded[i + 1])
            f.append("cc+=" + views[i][2] + "|" + views[i + 1][2])
        if 0 < i < n - 1:
            f.append("ctx=" + folded[i - 1] + "|_|" + folded[i + 1])
        out.append(f)
    return out


@lru_cache(maxsize=WORD_CACHE)
def _view(w: str, g: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...], str]:
    """Cached per (folded word, KB tag): its own features, what a neighbour at -3 -2 -1 +1 +2 +3 sees of it, its cluster."""
    fs = _static(w) if w else ("w=",)
    extra = []
    if g:
        extra += ["g=" + g, "gl=" + g[2:]]
    if len(fs) > 1 and fs[1][2:] in _first_names():
        extra.append("fn")
    own = tuple(fs) + tuple(extra)
    ctx = [f for f in own if f.startswith(_CTX)]
    seen = []
    for d in (-3, -2, -1, 1, 2, 3):
        tag = str(d) + ":"
        if d in (-1, 1):
            seen.append(tuple(tag + x for x in ctx))
        elif d in (-2, 2):
            seen.append(tuple(tag + x for x in ctx if x[0] in "wcgsf"))
        else:
            seen.append(tuple(tag + x for x in ctx if x.startswith(("w=", "c=", "gl="))))
    clu = next((f[2:] for f in own if f.startswith("c=")), "unk")
    return own, tuple(seen), clu


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    from khabar.extract.kb import get_kb

    return frozenset(fold(n) for n in get_kb().first_names)


_lock = threading.Lock()


_paths: dict[str, str] = {}


def set_model_paths(stage1: str | None = None, doc: str | None = None) -> None:
    """Use these CRF files instead of the packaged ones (``None``: the packaged file); for training and evaluation.

    Raises:
        ModelError: at first use, when a given file cannot be loaded.
    """
    _paths.clear()
    if stage1:
        _paths[MODEL_FILE] = stage1
    if doc:
        _paths[DOC_MODEL_FILE] = doc
    _tagger.cache_clear()
    _doc_tagger.cache_clear()


def _open(name: str, what: str):  # type: ignore[no-untyped-def]
    if name in _paths:
        import pycrfsuite

        t = pycrfsuite.Tagger()
        try:
            t.open(_paths[name])
        except Exception as exc:
            raise ModelError(f"cannot load {what} {_paths[name]}: {exc}") from exc
        return t
    return open_crf(name, what, "khabar train ner")


@lru_cache(maxsize=1)
def _tagger():  # type: ignore[no-untyped-def]
    return _open(MODEL_FILE, "the NER model")


@lru_cache(maxsize=1)
def _doc_tagger():  # type: ignore[no-untyped-def]
    return _open(DOC_MODEL_FILE, "the NER document model")


def _tag(t, xs: list[list[str]]) -> tuple[list[str], list[float]]:  # type: ignore[no-untyped-def]
    with _lock:  # a crfsuite Tagger holds one sequence at a time
        ys = t.tag(xs)
        probs = [t.marginal(y, i) for i, y in enumerate(ys)]
    return ys, probs


def tag_tokens(words_: Sequence[str], kb_tags: Sequence[str]) -> tuple[list[str], list[float]]:
    """First stage alone: IOB2 labels (ANERcorp classes PER ORG LOC MISC) and each label's marginal probability.

    Raises:
        ModelError: the model file is missing or unreadable.
    """
    if not words_:
        return [], []
    return _tag(_tagger(), sentence_features(words_, kb_tags))


def stages() -> int:
    """How many CRF stages :func:`predict_entities` runs: ``$KHABAR_NER_STAGES`` (1 or 2), default 1.

    The second stage (:func:`tag_document`) gains about one F1 point on the
    held-out set (0.4 on ANERcorp test) but costs a fifth to a third of the
    speed, which takes the tagger below its goal of 20,000 tokens per
    CPU-second (``docs/models.md``), so it is opt-in.

    Raises:
        ModelError: the variable holds something other than 1 or 2.
    """
    import os

    v = os.environ.get("KHABAR_NER_STAGES", "1").strip() or "1"
    if v not in ("1", "2"):
        raise ModelError(f"KHABAR_NER_STAGES must be 1 or 2, not {v!r}")
    return int(v)


def tag_document(
    sents: Sequence[Sequence[str]], kb_tags: Sequence[Sequence[str]], *, n_stages: int | None = None
) -> tuple[list[list[str]], list[list[float]]]:
    """The CRF stages over one document's sentences: IOB2 labels and their marginal probabilities.

    ``n_stages`` 1 or 2 (``None``: :func:`stages`); with 1, each sentence's
    labels are :func:`tag_tokens`'s.

    Every sentence is tagged by the first-stage CRF (:func:`tag_tokens`);
    :func:`doc_features` then gives each word what the first stage said about
    the same word and the same names elsewhere in the document, and a sentence
    where a word lies on a confident name of the document (``de=``) but has
    another first-stage label (:func:`_disagrees`) is tagged again by the
    second-stage CRF over its first-stage features plus these. The other
    sentences keep their first-stage labels (the second stage, trained on
    every sentence, was measured both ways on the held-out set; see
    ``docs/models.md``). :func:`propagate` is *not* applied here.

    Args:
        sents: the document's sentences as token lists (as written).
        kb_tags: per sentence, the KB tags of :func:`_kb_tags`.

    Returns:
        ``(labels, probs)``: one list per sentence, same lengths as ``sents``.

    Raises:
        ModelError: a model file is missing or unreadable.
    """
    if n_stages is None:
        n_stages = stages()
    if n_stages < 2:  # no feature lists kept for a second pass
        tagged = [tag_tokens(w, g) for w, g in zip(sents, kb_tags)]
        return [ys for ys, _ in tagged], [ps for _, ps in tagged]
    t1 = _tagger()
    xs_all = [sentence_features(w, g) if w else [] for w, g in zip(sents, kb_tags)]
    first = [_tag(t1, xs) if xs else ([], []) for xs in xs_all]
    labels = [ys for ys, _ in first]
    probs = [ps for _, ps in first]
    de, own_part = _doc_parts(sents, labels, probs)
    t2 = None
    for k, (xs, ys, ds) in enumerate(zip(xs_all, labels, de)):
        if not _disagrees(ys, ds):
            continue
        if t2 is None:
            t2 = _doc_tagger()
        labels[k], probs[k] = _tag(t2, [x + a + d for x, a, d in zip(xs, own_part(k), ds)])
    return labels, probs


def _disagrees(ys: Sequence[str], ds: Sequence[Sequence[str]]) -> bool:
    """Whether some word lies on a confident name of the document (``de=B-TYPE``/``de=I-TYPE``) with another label.

    Only these sentences go to the second stage; the token-majority features
    (``dt=``) do not decide it (measured: the same held-out F1 with half the
    re-tagged sentences, see ``docs/models.md``).
    """
    for y, fs in zip(ys, ds):
        for f in fs:
            if f[:3] == "de=" and f[3:] != y:
                return True
    return False


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


PROPAGATE_MIN_CONF = 0.5
PROPAGATE_MAX_FREQ = 5000


def _name_keys(
    sents: Sequence[Sequence[str]],
    labels: Sequence[Sequence[str]],
    probs: Sequence[Sequence[float]],
    min_conf: float,
    common: Callable[[str], bool],
) -> dict[tuple[str, ...], Counter[str]]:
    """Type votes per name key: spans with mean marginal ≥ ``min_conf`` (and a full PER name's surname)."""
    votes: dict[tuple[str, ...], Counter[str]] = {}
    for toks, ys, ps in zip(sents, labels, probs):
        for a, b, typ in spans_from_bio(ys):
            if sum(ps[a:b]) / (b - a) < min_conf:
                continue
            key = tuple(_key_word(toks[i], i == a) for i in range(a, b))
            if len(key) > 1 or not common(key[0]):
                votes.setdefault(key, Counter())[typ] += 1
            if typ == "PER" and b - a >= 2:
                last = fold(toks[b - 1])
                if not common(last):
                    votes.setdefault((last,), Counter())["PER"] += 1
    return votes


def doc_features(
    sents: Sequence[Sequence[str]],
    labels: Sequence[Sequence[str]],
    probs: Sequence[Sequence[float]],
    *,
    min_conf: float = PROPAGATE_MIN_CONF,
    max_freq: int = PROPAGATE_MAX_FREQ,
    own: bool = True,
) -> list[list[list[str]]]:
    """Second-stage features of every word from the first stage's labels over the whole document.

    Per word (Krishnan & Manning 2006, "token majority" and "entity majority"):

    * ``dt=TYPE`` — among the *other* mentions of the same word (folded, light
      proclitic set aside as in :func:`propagate`) in the document, the type
      the first stage gave most often (``dt=O`` when it never gave one), and
      ``dtf=TYPE+``/``-`` whether that type is half or more of those mentions;
      only for words of ≥ 3 letters seen ≤ ``max_freq`` times in SaudiNewsNet;
    * ``de=B-TYPE``/``de=I-TYPE`` — the word starts or continues a stretch equal
      to a name the first stage tagged with mean marginal ≥ ``min_conf``
      somewhere in the document (the keys of :func:`propagate`, longest first,
      whatever the word's own label), ``de-1=TYPE`` right after such a stretch,
      ``de+1=TYPE`` right before it;
    * ``s1=LABEL`` — the word's own first-stage label (``own``).

    Args:
        sents: the document's sentences as token lists.
        labels: first-stage IOB2 labels per token.
        probs: their marginal probabilities.

    Returns:
        One list of extra feature strings per token, same shapes as ``labels``.
    """
    de, own_part = _doc_parts(sents, labels, probs, min_conf=min_conf, max_freq=max_freq, own=own)
    return [[x + y for x, y in zip(own_part(k), de[k])] for k in range(len(sents))]


def _doc_parts(
    sents: Sequence[Sequence[str]],
    labels: Sequence[Sequence[str]],
    probs: Sequence[Sequence[float]],
    *,
    min_conf: float = PROPAGATE_MIN_CONF,
    max_freq: int = PROPAGATE_MAX_FREQ,
    own: bool = True,
) -> tuple[list[list[list[str]]], Callable[[int], list[list[str]]]]:
    """:func:`doc_features` in two parts: the ``de…`` features of every sentence, and a function giving sentence k's ``dt…``/``s1=`` features.

    The second part is computed only for the sentences that need it (those
    :func:`_disagrees` sends to the second stage); per word the ``dt``/``s1``
    features come first, as in :func:`doc_features`.
    """
    table = word_table()
    cache: dict[str, bool] = {}

    def common(w: str) -> bool:
        c = cache.get(w)
        if c is None:
            c = cache[w] = len(w) < 3 or table.get(w, ("", "", 0))[2] > max_freq
        return c

    keys_all = [[_key_word(t, True) for t in toks] for toks in sents]
    tokc: dict[str, dict[str, int]] = {}
    for ks, ys in zip(keys_all, labels):
        for k, y in zip(ks, ys):
            d = tokc.setdefault(k, {})
            t = y[2:] if y != "O" else "O"
            d[t] = d.get(t, 0) + 1
    votes = _name_keys(sents, labels, probs, min_conf, common)
    typ_of = {k: c.most_common(1)[0][0] for k, c in votes.items()}
    maxlen = max((len(k) for k in typ_of), default=0)
    firsts = {k[0] for k in typ_of}
    de: list[list[list[str]]] = []
    for toks, ks in zip(sents, keys_all):
        n = len(toks)
        fl: list[str] | None = None
        fs: list[list[str]] = [[] for _ in range(n)]
        i = 0
        while i < n:
            hit = 0
            if ks[i] in firsts:
                if fl is None:
                    fl = [fold(t) for t in toks]
                for ln in range(min(maxlen, n - i), 0, -1):
                    key = (ks[i],) + tuple(fl[i + 1 : i + ln])
                    if key in typ_of:
                        t = typ_of[key]
                        fs[i].append("de=B-" + t)
                        for j in range(i + 1, i + ln):
                            fs[j].append("de=I-" + t)
                        if i + ln < n:
                            fs[i + ln].append("de-1=" + t)
                        if i > 0:
                            fs[i - 1].append("de+1=" + t)
                        hit = ln
                        break
            i += hit or 1
        de.append(fs)

    def own_part(k: int) -> list[list[str]]:
        ys = labels[k]
        out: list[list[str]] = []
        for i, key in enumerate(keys_all[k]):
            f: list[str] = []
            c = tokc[key]
            mine = ys[i][2:] if ys[i] != "O" else "O"
            tot = sum(c.values()) - 1
            if tot > 0 and not common(key):
                ents = [(v - (t == mine), t) for t, v in c.items() if t != "O" and v - (t == mine) > 0]
                if ents:
                    v, t = max(ents)
                    f.append("dt=" + t)
                    f.append("dtf=" + t + ("+" if v * 2 >= tot else "-"))
                else:
                    f.append("dt=O")
            if own:
                f.append("s1=" + ys[i])
            out.append(f)
        return out

    return de, own_part


@lru_cache(maxsize=WORD_CACHE)
def _key_word(word: str, first: bool) -> str:
    """Matching form of a span word: folded; the first word also loses a light proclitic (و ف ب ك ل) unless it is a KB alias."""
    f = fold(word)
    if first:
        pre, rest = _light_stem(f)
        if pre:
            from khabar.extract.kb import get_kb

            if not get_kb().aliases(f):
                return rest
    return f


def propagate(
    sents: Sequence[Sequence[str]],
    labels: Sequence[Sequence[str]],
    probs: Sequence[Sequence[float]],
    *,
    min_conf: float = PROPAGATE_MIN_CONF,
    max_freq: int = PROPAGATE_MAX_FREQ,
) -> list[list[str]]:
    """One-name-one-type within a document: label the mentions the CRF missed.

    A news article repeats its names (``البنك التجاري`` five times, a club in
    every paragraph) and the CRF, tagging sentence by sentence, finds some
    mentions and misses others. Every span it tagged with mean marginal ≥
    ``min_conf`` becomes a key (its folded words; the first word without a
    light proclitic, so ``للبنك التجاري`` and ``البنك التجاري`` are one key);
    a one-word key must have ≥ 3 letters and be seen ≤ ``max_freq`` times in
    SaudiNewsNet (so the most common words, ``الملك``, ``وزارة``, are never
    spread alone; a multi-word key has no such limit). The
    last word of a two-or-more-word PER span is also a PER key (the surname of
    later mentions). Then every stretch of ``O`` tokens equal to a key
    (longest first) gets the key's majority type. Spans the CRF found are never
    changed. Tuned on the held-out 10 % of ANERcorp train (docs/models.md).

    Args:
        sents: the document's sentences as token lists.
        labels: IOB2 labels per token from :func:`tag_tokens`.
        probs: the labels' marginal probabilities.

    Returns:
        New IOB2 label lists, same shapes as ``labels``.
    """
    table = word_table()

    def common(w: str) -> bool:
        return len(w) < 3 or table.get(w, ("", "", 0))[2] > max_freq

    votes = _name_keys(sents, labels, probs, min_conf, common)
    out = [list(ys) for ys in labels]
    if not votes:
        return out
    typ_of = {k: c.most_common(1)[0][0] for k, c in votes.items()}
    maxlen = max(len(k) for k in typ_of)
    firsts = {k[0] for k in typ_of}
    for toks, ys in zip(sents, out):
        i, n = 0, len(toks)
        while i < n:
            if ys[i] != "O":
                i += 1
                continue
            k0 = _key_word(toks[i], True)
            hit = 0
            if k0 in firsts:
                for ln in range(min(maxlen, n - i), 0, -1):
                    key = (k0,) + tuple(fold(t) for t in toks[i + 1 : i + ln])
                    if (
                        key in typ_of
                        and all(y == "O" for y in ys[i : i + ln])
                        and (i + ln == n or not ys[i + ln].startswith("I-"))
                    ):
                        hit = ln
                        t = typ_of[key]
                        ys[i] = "B-" + t
                        for j in range(i + 1, i + ln):
                            ys[j] = "I-" + t
                        break
            i += hit or 1
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
    toks_all, ranges = sentence_word_ranges(text, sentences)
    kb_all = _kb_tags(text, toks_all)
    sent_toks = [toks_all[k:j] for k, j in ranges if j > k]
    words_ = [[t[2] for t in ts] for ts in sent_toks]
    ys_doc, ps_doc = tag_document(words_, [kb_all[k:j] for k, j in ranges if j > k])
    labels = propagate(words_, ys_doc, ps_doc)
    out: list[tuple[int, int, str, float]] = []
    for toks, ys, ys0, ps in zip(sent_toks, labels, ys_doc, ps_doc):
        for a, b, typ in spans_from_bio(ys):
            start, end = toks[a][0], toks[b - 1][1]
            start += strip_proclitics(text[start : toks[a][1]])
            if start >= end:
                continue
            label = _MAP.get(typ, "MISC")
            if label == "LOC":
                label = _geo_label(text[start:end])
            # tokens labelled by propagate() were O for the CRF: their confidence is 1 - P(O)
            conf = sum(ps[i] if ys0[i] == ys[i] else 1.0 - ps[i] for i in range(a, b)) / (b - a)
            out.append((start, end, label, round(conf, 4)))
    return out


_backend: str | None = None


def set_backend(spec: str | None, *, check: bool = True) -> None:
    """Choose what :func:`predict_entities` runs: ``"crf"`` (default) or ``"transformers:PATH"``.

    ``None`` goes back to the default, which is the environment variable
    ``KHABAR_NER`` when set, else ``crf``. With ``check`` the transformer model
    is loaded now, so that a wrong path fails here with one line.

    Raises:
        ModelError: an unknown spec, or (``check``) a model that cannot be loaded.
    """
    global _backend
    if spec is not None:
        _parse_backend(spec)
        if check and spec.startswith("transformers:"):
            from khabar.models import hf_ner

            hf_ner.load(spec.split(":", 1)[1])
    _backend = spec


def _parse_backend(spec: str) -> tuple[str, str]:
    kind, _, arg = spec.partition(":")
    if kind == "crf" and not arg:
        return "crf", ""
    if kind == "transformers" and arg:
        return "transformers", arg
    raise ModelError(f"unknown NER backend {spec!r}; use crf or transformers:PATH (a local model folder or hub name)")


def backend() -> str:
    """The NER backend in use: :func:`set_backend`'s, else ``$KHABAR_NER``, else ``crf``."""
    import os

    return _backend or os.environ.get("KHABAR_NER") or "crf"


def predict_entities(doc: "Document") -> list[tuple[int, int, str, float]]:
    """Named entities the CRF finds in ``doc``: ``(start, end, label, confidence)``.

    Offsets are code points into ``doc.text``, half-open, proclitics excluded;
    labels PER, ORG, GPE, LOC, MISC (a transformer backend may also give FAC,
    NORP); confidence in [0, 1]. Uses ``doc.sentences`` when the document has
    them. With the backend ``transformers:PATH`` (:func:`set_backend`,
    ``KHABAR_NER``) the spans come from :func:`khabar.models.hf_ner.predict_text`.

    Example:
        >>> from khabar.doc import Document
        >>> predict_entities(Document.new("زار الرئيس ماكرون بغداد أمس."))  # doctest: +SKIP
        [(11, 17, 'PER', 0.97), (18, 23, 'GPE', 0.99)]

    Raises:
        ModelError: the model file is missing or cannot be loaded, or the backend spec is unknown.
    """
    sents = [(s.start, s.end) for s in doc.sentences] if doc.sentences else None
    kind, arg = _parse_backend(backend())
    if kind == "transformers":
        from khabar.models import hf_ner

        return hf_ner.predict_text(doc.text, arg, sents)
    return predict_text(doc.text, sents)
