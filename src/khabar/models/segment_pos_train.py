"""Training and evaluation of the segmenter and UPOS tagger (:mod:`khabar.models.segment_pos`).

Data: ``ud_arabic_padt_upos/ar_padt-ud-{train,dev,test}.txt``, one sentence
per line, ``words<TAB>tags``; a surface multiword token is listed with tag
``_`` and followed by its syntactic words (``وفي _ و CCONJ في ADP``).

:func:`align` finds where each syntactic word lies in the surface token: the
split points that minimize the edit distance between each surface piece and
its (folded) syntactic word. That recovers letters Arabic drops in writing:
``للاسلحة`` = ``ل`` + ``الأسلحة`` gives the pieces ``ل`` | ``لاسلحة`` with
the second marked *alef restored*; ``مما`` = ``من`` + ``ما`` gives ``م`` | ``ما``.
"""

from __future__ import annotations

import itertools
import os
import random
import time
from collections import Counter
from collections.abc import Callable, Sequence

from khabar.models import segment_pos as sp
from khabar.models._text import ARABIC_LETTERS, fold

__all__ = ["read_padt", "align", "surface_spans", "train", "evaluate", "build_seg_vocab"]

# a surface token with its syntactic words: (surface, [(word, upos)])
Token = tuple[str, list[tuple[str, str]]]


def read_padt(path: str) -> list[list[Token]]:
    """Sentences of a PADT UPOS file as lists of surface tokens with their syntactic words."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or "\t" not in line:
                continue
            ws, ts = line.split("\t", 1)
            w, t = ws.split(" "), ts.split(" ")
            if len(w) != len(t):
                continue
            sent: list[Token] = []
            i = 0
            while i < len(w):
                if t[i] == "_":
                    surface = w[i]
                    parts: list[tuple[str, str]] = []
                    i += 1
                    # parts follow until their letters cover the surface (at least 2 parts)
                    while i < len(w) and t[i] != "_":
                        parts.append((w[i], t[i]))
                        i += 1
                        if len(parts) >= 2 and _covers(surface, parts):
                            break
                    if parts:  # a stray `_` token without parts is dropped
                        sent.append((surface, parts))
                else:
                    sent.append((w[i], [(w[i], t[i])]))
                    i += 1
            out.append(sent)
    return out


def _covers(surface: str, parts: Sequence[tuple[str, str]]) -> bool:
    total = sum(len(p) for p, _ in parts)
    return total >= len(surface) or len(parts) >= 4


def _lev(a: str, b: str) -> int:
    if a == b:
        return 0
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def align(surface: str, parts: Sequence[str]) -> list[tuple[int, int, bool]] | None:
    """Split points of ``surface`` for its syntactic ``parts``: ``[(start, end, alef_restored)]``.

    ``alef_restored`` marks a piece that starts with ل where the part starts
    with ال after a ل piece (``ل`` + ``الأسلحة`` written ``للأسلحة``). Returns
    ``None`` when the surface is shorter than the number of parts.
    """
    n, k = len(surface), len(parts)
    if k == 1:
        return [(0, n, False)]
    if n < k:
        return None
    fs = fold(surface)
    fp = [fold(p) for p in parts]
    best: tuple[int, tuple[int, ...]] | None = None
    for cuts in itertools.combinations(range(1, n), k - 1):
        b = (0,) + cuts + (n,)
        cost = 0
        for i in range(k):
            cost += _lev(fs[b[i] : b[i + 1]], fp[i])
            if best is not None and cost >= best[0]:
                break
        else:
            if best is None or cost < best[0]:
                best = (cost, b)
    assert best is not None
    b = best[1]
    out = []
    for i in range(k):
        piece = fs[b[i] : b[i + 1]]
        restored = i > 0 and fp[i].startswith("ال") and piece.startswith("ل") and fp[i - 1].endswith("ل") and not piece.startswith("ال")
        out.append((b[i], b[i + 1], restored))
    return out


def surface_spans(surface: str, parts: Sequence[str]) -> list[tuple[int, int, bool]] | None:
    """:func:`align` on the letters of ``surface``, with offsets into ``surface`` itself.

    Diacritics and tatweel (``ومتسارعاً``, ``وبمــزيد``) stay with the letter
    before them, as in :func:`~khabar.models.segment_pos.segment_word`.
    ``None`` when the letters are fewer than the parts.
    """
    if len(parts) == 1:
        return [(0, len(surface), False)]
    idx = [i for i, ch in enumerate(surface) if ch in ARABIC_LETTERS]
    if len(idx) == len(surface):
        return align(surface, parts)
    al = align("".join(surface[i] for i in idx), parts)
    if al is None:
        return None
    bounds = [0] + [idx[a] for a, _, _ in al[1:]] + [len(surface)]
    return [(bounds[k], bounds[k + 1], r) for k, (_, _, r) in enumerate(al)]


def seg_examples(sents: Sequence[Sequence[Token]]) -> list[tuple[str, list[str]]]:
    """(word in :func:`~khabar.models.segment_pos.seg_fold` form, per-letter B/I/L labels) for every Arabic surface token."""
    out = []
    for sent in sents:
        for surface, parts in sent:
            w = sp.seg_fold(surface)
            if not w or w[0] not in ARABIC_LETTERS or len(w) != len(surface) or len(w) < 2:
                continue
            al = align(w, [p for p, _ in parts])
            if al is None:
                continue
            ys = ["I"] * len(w)
            for a, _, r in al:
                ys[a] = "L" if r else "B"
            out.append((w, ys))
    return out


def pos_sequence(sent: Sequence[Token]) -> tuple[list[tuple[str, str, str]], list[str]]:
    """Tagger input ``(form, role, word)`` (:func:`~khabar.models.segment_pos.seg_fold`) and gold UPOS for one sentence (gold segmentation)."""
    xs, ys = [], []
    for surface, parts in sent:
        w = sp.seg_fold(surface)
        al = align(w, [p for p, _ in parts]) if len(parts) > 1 else None
        if al is None:
            pieces = [(sp.seg_fold(p), t, p) for p, t in parts] if len(parts) > 1 else [(w, parts[0][1], surface)]
            forms = [x[0] for x in pieces]
        else:
            forms = [("ا" + w[a:b]) if r else w[a:b] for a, b, r in al]
            pieces = [(f, t, p) for f, (p, t) in zip(forms, parts)]
        rs = sp.roles([w[a:b] for a, b, _ in al] if al else forms)
        for (f, t, _), r in zip(pieces, rs):
            xs.append((f, r, w))
            ys.append(t)
    return xs, ys


def _paths(data_dir: str) -> dict[str, str]:
    d = os.path.join(data_dir, "ud_arabic_padt_upos")
    return {s: os.path.join(d, f"ar_padt-ud-{s}.txt") for s in ("train", "dev", "test")}


def train(
    data_dir: str,
    out_dir: str,
    *,
    seed: int = 13,
    c1: float = 0.05,
    c2: float = 0.01,
    iterations: int = 120,
    folds: int = 10,
    extra_dev: bool = False,
    parts: Sequence[str] = ("seg", "pos"),
    log: Callable[[str], None] = print,
) -> None:
    """Train the segmenter and the tagger on PADT train (``extra_dev``: train + dev) into ``out_dir``.

    Writes ``seg_vocab.tsv.gz`` (from SaudiNewsNet), ``seg.crfsuite``,
    ``seg_lexicon.tsv.gz``, ``pos.npz`` and ``pos_lexicon.tsv.gz``. ``c1``/``c2``
    (L1/L2), ``iterations`` and ``folds`` (jack-knifing of the ambiguity
    classes) are the tagger's.
    """
    t0 = time.time()
    p = _paths(data_dir)
    sents = read_padt(p["train"]) + (read_padt(p["dev"]) if extra_dev else [])
    random.Random(seed).shuffle(sents)
    if "seg" in parts:
        vocab = build_seg_vocab(data_dir, os.path.join(out_dir, sp.SEG_VOCAB), log)
        _train_segmenter(sents, out_dir, vocab, log)
        log(f"segmenter done in {time.time() - t0:.0f}s")
    if "pos" not in parts:
        return
    _train_tagger(sents, out_dir, c1=c1, c2=c2, iterations=iterations, folds=folds, log=log)
    log(f"tagger done in {time.time() - t0:.0f}s")


def amb_class(counts: Counter[str]) -> str:
    """Ambiguity class of a form from its tag counts: the tags with ≥ 10 % of them, ``~`` if seen < 3 times."""
    n = sum(counts.values())
    if not n:
        return "UNK"
    return "|".join(sorted(t for t, v in counts.items() if v / n >= 0.1)) + ("" if n >= 3 else "~")


def _train_tagger(
    sents: Sequence[Sequence[Token]], out_dir: str, *, c1: float, c2: float, iterations: int, folds: int,
    log: Callable[[str], None],
) -> None:
    """Train the tagger (crfsuite, L-BFGS) and write ``pos.npz`` (its weights) and ``pos_lexicon.tsv.gz``.

    The ambiguity-class features are jack-knifed: a training sentence sees the
    classes counted on the other ``folds - 1`` parts of train, as an unseen
    sentence sees classes counted without it.
    """
    import gzip
    import tempfile
    from collections import defaultdict

    import pycrfsuite

    from khabar.models._linear_crf import export

    t0 = time.time()
    seqs = [pos_sequence(sent) for sent in sents]
    full: defaultdict[str, Counter[str]] = defaultdict(Counter)
    per_fold = [defaultdict(Counter) for _ in range(folds)]  # type: list[defaultdict[str, Counter[str]]]
    for i, (xs, ys) in enumerate(seqs):
        for x, y in zip(xs, ys):
            full[x[0]][y] += 1
            per_fold[i % folds][x[0]][y] += 1
    tr = pycrfsuite.Trainer(verbose=False)
    for i, (xs, ys) in enumerate(seqs):
        held = per_fold[i % folds]
        cache: dict[str, str] = {}

        def look(form: str, held: "defaultdict[str, Counter[str]]" = held, cache: dict[str, str] = cache) -> str:
            if form not in cache:
                cache[form] = amb_class(full[form] - held[form]) if form in full else "UNK"
            return cache[form]

        tr.append(sp.seg_features(xs, look), ys)
    tr.set_params({"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True})
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "pos.crfsuite")
        tr.train(path)
        n_attr = export(path, os.path.join(out_dir, sp.POS_FILE))
    with gzip.open(os.path.join(out_dir, sp.POS_LEXICON), "wt", encoding="utf-8", compresslevel=9) as fh:
        for form in sorted(full):
            fh.write(f"{form}\t{amb_class(full[form])}\n")
    size = os.path.getsize(os.path.join(out_dir, sp.POS_FILE)) / 1e6
    log(f"tagger: {len(sents)} sentences, {n_attr} attributes, {len(full)} forms in the lexicon, {time.time() - t0:.0f}s, {size:.1f} MB")
    sp._pos_tagger.cache_clear()
    sp._pos_lexicon.cache_clear()
    sp.type_features.cache_clear()


def build_seg_vocab(data_dir: str, out_path: str, log: Callable[[str], None] = print) -> dict[str, str]:
    """Write ``seg_vocab.tsv.gz``: every Arabic word of SaudiNewsNet (folded) with its frequency band.

    The band is ``min(log2(count), 12) // 2 + 1`` (1 … 7); the segmenter asks it
    whether what is left after cutting a clitic is a word. Returns the table (word → band).
    SaudiNewsNet is CC BY-NC-SA 4.0 (non-commercial); so is the table.
    """
    import gzip
    import math

    from khabar.models._text import words
    from khabar.models.clusters import _articles

    t0 = time.time()
    counts: Counter[str] = Counter()
    for text in _articles(data_dir):
        counts.update(fold(w) for _, _, w in words(text))
    vocab = {w: str(min(int(math.log2(n)), 12) // 2 + 1) for w, n in sorted(counts.items()) if w[:1] in ARABIC_LETTERS}
    with gzip.open(out_path, "wt", encoding="utf-8", compresslevel=9) as fh:
        for w, b in vocab.items():
            fh.write(f"{w}\t{b}\n")
    log(f"segmenter vocabulary: {len(vocab)} SaudiNewsNet words in {time.time() - t0:.0f}s")
    sp._seg_vocab.cache_clear()
    return vocab


def _train_segmenter(sents: Sequence[Sequence[Token]], out_dir: str, vocab: dict[str, str], log: Callable[[str], None]) -> None:
    """Train ``seg.crfsuite`` (one example per word type: its most frequent analysis) and
    write ``seg_lexicon.tsv.gz``: the training words whose most frequent analysis the CRF
    gets wrong, so that seen words are segmented as in PADT and the CRF handles the rest."""
    import gzip

    import pycrfsuite

    counts: dict[str, Counter[str]] = {}
    for w, ys in seg_examples(sents):
        counts.setdefault(w, Counter())["".join(ys)] += 1
    best = {w: c.most_common(1)[0][0] for w, c in counts.items()}
    tr = pycrfsuite.Trainer(verbose=False)
    for w, ys in best.items():
        tr.append(sp.char_features(w, vocab), list(ys))
    tr.set_params({"c1": 0.15, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True})
    path = os.path.join(out_dir, sp.SEG_FILE)
    tr.train(path)
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    wrong = {w: ys for w, ys in best.items() if "".join(tagger.tag(sp.char_features(w, vocab))) != ys}
    with gzip.open(os.path.join(out_dir, sp.SEG_LEXICON), "wt", encoding="utf-8", compresslevel=9) as fh:
        for w in sorted(wrong):
            fh.write(f"{w}\t{wrong[w]}\n")
    log(f"segmenter: {len(best)} word types, {len(wrong)} in the exception lexicon, {os.path.getsize(path) / 1e6:.1f} MB")
    sp._seg_tagger.cache_clear()
    sp._seg_lexicon.cache_clear()
    sp.segment_word.cache_clear()
    sp._word_pieces.cache_clear()


def evaluate(data_dir: str, split: str = "dev") -> dict[str, float]:
    """Scores on a PADT split, from PADT's surface tokens (not raw text).

    Returns ``seg_f1`` (syntactic-word spans within each surface token, P/R/F1),
    ``upos_f1`` (a word counts when its span and tag are both right, as in the
    CoNLL 2018 evaluation's aligned UPOS), ``upos_gold_seg`` (tagger accuracy
    with gold segmentation) and ``tokens`` (surface tokens scored).
    """
    sents = read_padt(_paths(data_dir)[split])
    g_n = p_n = seg_ok = tag_ok = 0
    gs_ok = gs_n = 0
    ntok = 0
    gold = [pos_sequence(sent) for sent in sents]
    for (_, ys), pred in zip(gold, sp.tag_sentences([xs for xs, _ in gold])):
        # gold segmentation → tagger
        gs_ok += sum(a == b for a, b in zip(pred, ys))
        gs_n += len(ys)
    for sent in sents:
        # predicted segmentation → tagger
        text = " ".join(s for s, _ in sent)
        segs = sp.analyze(text)
        by_word: dict[int, list[tuple[int, int, str]]] = {}
        base = 0
        starts = []
        for s, _ in sent:
            starts.append(base)
            base += len(s) + 1
        # map predicted segments to surface tokens by offset
        tok_at = {st: i for i, st in enumerate(starts)}
        cur = -1
        for sg in segs:
            if sg.start in tok_at:
                cur = tok_at[sg.start]
            by_word.setdefault(cur, []).append((sg.start - starts[cur], sg.end - starts[cur], sg.upos))
        for i, (surface, parts) in enumerate(sent):
            ntok += 1
            al = surface_spans(surface, [p for p, _ in parts]) if len(parts) > 1 else None
            gold = {(a, b, t) for (a, b, _), (_, t) in zip(al, parts)} if al else (
                {(0, len(surface), parts[0][1])} if len(parts) == 1 else {(-1, -1, t) for _, t in parts}
            )
            pred_w = set(by_word.get(i, []))
            g_n += len(parts)
            p_n += len(pred_w)
            seg_ok += len({x[:2] for x in gold} & {x[:2] for x in pred_w})
            tag_ok += len(gold & pred_w)
    p, r = seg_ok / p_n, seg_ok / g_n
    tp, tr_ = tag_ok / p_n, tag_ok / g_n
    return {
        "seg_p": p, "seg_r": r, "seg_f1": 2 * p * r / (p + r),
        "upos_p": tp, "upos_r": tr_, "upos_f1": 2 * tp * tr_ / (tp + tr_),
        "upos_gold_seg": gs_ok / gs_n, "tokens": float(ntok), "words": float(g_n),
    }
