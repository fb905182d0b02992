"""Training and evaluation of the NER CRF (:mod:`khabar.models.ner`).

Data (under the shared data folder, see ``docs/models.md``):

* ``anercorp/ANERCorp_CamelLabSplit_approx_{train,test}.txt`` — ``TOKEN TAG``
  lines, blank line between sentences, IOB1-ish tags of PERS LOC ORG MISC;
* ``aqmar/topcoder_split/{train,dev,test}.txt`` — PER LOC ORG MIS;
* ``wojood_sample/{train,val}.txt`` — 21 nested types; the outer tag is mapped
  (PERS→PER, ORG→ORG, GPE/LOC/FAC→LOC, the rest → O).

Every corpus is read into ``[(tokens, iob2_labels)]`` with labels PER ORG LOC MISC.
NewsFANE is never used (it re-annotates ANERcorp, test included).
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable, Sequence

from khabar.models import ner

__all__ = ["read_conll", "corpus", "train", "evaluate", "conll_scores"]

Sentence = tuple[list[str], list[str]]
_TYPES = {
    "PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC", "MIS": "MISC",
}
_WOJOOD = {"PERS": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def read_conll(path: str, types: dict[str, str] | None = None) -> list[Sentence]:
    """Sentences of a ``TOKEN TAG [TAG…]`` file as (tokens, IOB2 labels); only the first tag is used.

    Lines with an empty token are skipped; an ``I-`` after ``O`` or after another
    type becomes ``B-``; types not in ``types`` become ``O``.
    """
    types = _TYPES if types is None else types
    out: list[Sentence] = []
    toks: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8-sig") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            if not line.strip():
                if toks:
                    out.append((toks, tags))
                    toks, tags = [], []
                continue
            parts = line.split(" ")
            tok, tag = parts[0].strip(), (parts[1] if len(parts) > 1 else "O").strip()
            if len(parts) > 2 and not parts[1].startswith(("B-", "I-", "O")):
                tok, tag = " ".join(parts[:-1]).strip(), parts[-1].strip()
            if not tok:
                continue
            typ = tag[2:] if tag[:2] in ("B-", "I-") else ""
            typ = types.get(typ, "")
            if not typ:
                tags.append("O")
            elif tag.startswith("I-") and tags and tags[-1] in ("B-" + typ, "I-" + typ):
                tags.append("I-" + typ)
            else:
                tags.append("B-" + typ)
            toks.append(tok)
    if toks:
        out.append((toks, tags))
    return out


def corpus(data_dir: str, name: str) -> list[Sentence]:
    """One named split: ``anercorp-train``, ``anercorp-test``, ``aqmar-train|dev|test``, ``wojood-train|val``."""
    d = data_dir
    paths = {
        "anercorp-train": (os.path.join(d, "anercorp", "ANERCorp_CamelLabSplit_approx_train.txt"), _TYPES),
        "anercorp-test": (os.path.join(d, "anercorp", "ANERCorp_CamelLabSplit_approx_test.txt"), _TYPES),
        "aqmar-train": (os.path.join(d, "aqmar", "topcoder_split", "train.txt"), _TYPES),
        "aqmar-dev": (os.path.join(d, "aqmar", "topcoder_split", "dev.txt"), _TYPES),
        "aqmar-test": (os.path.join(d, "aqmar", "topcoder_split", "test.txt"), _TYPES),
        "wojood-train": (os.path.join(d, "wojood_sample", "train.txt"), _WOJOOD),
        "wojood-val": (os.path.join(d, "wojood_sample", "val.txt"), _WOJOOD),
    }
    if name not in paths:
        raise KeyError(f"unknown corpus {name!r}; known: {', '.join(paths)}")
    path, types = paths[name]
    sents = read_conll(path, types)
    if name.startswith("wojood"):
        sents = [(t, y) for t, y in sents if t and t[-1] != "$#$"] + [
            (t[:-1], y[:-1]) for t, y in sents if len(t) > 1 and t[-1] == "$#$"
        ]
    return sents


def _kb_for(tokens: Sequence[str]) -> list[str]:
    text = " ".join(tokens)
    offs = []
    p = 0
    for t in tokens:
        offs.append((p, p + len(t), t))
        p += len(t) + 1
    return ner._kb_tags(text, offs)


def featurize(sents: Sequence[Sentence]) -> list[tuple[list[list[str]], list[str]]]:
    """(features, labels) per sentence, gazetteer tags included."""
    return [(ner.sentence_features(t, _kb_for(t)), y) for t, y in sents]


def _doc_extend(
    sents: Sequence[Sentence], xs: Sequence[list[list[str]]], first: Sequence[tuple[list[str], list[float]]], block: int
) -> list[list[list[str]]]:
    """Second-stage feature lists: each word's first-stage features plus :func:`ner.doc_features` over blocks of ``block`` sentences."""
    out: list[list[list[str]]] = []
    toks = [t for t, _ in sents]
    for a in range(0, len(sents), block):
        b = min(a + block, len(sents))
        ds = ner.doc_features(toks[a:b], [y for y, _ in first[a:b]], [p for _, p in first[a:b]])
        for x, d in zip(xs[a:b], ds):
            out.append([f + e for f, e in zip(x, d)])
    return out


def _fit(
    xs: Sequence[list[list[str]]], ys: Sequence[list[str]], out_path: str, params: dict[str, object], algorithm: str, seed: int
) -> None:
    import pycrfsuite

    order = list(range(len(xs)))
    random.Random(seed).shuffle(order)
    tr = pycrfsuite.Trainer(algorithm=algorithm, verbose=False)
    for i in order:
        tr.append(xs[i], ys[i])
    tr.set_params(params)
    tr.train(out_path)


def _tag_with(path: str, xs: Sequence[list[list[str]]]) -> list[tuple[list[str], list[float]]]:
    import pycrfsuite

    t = pycrfsuite.Tagger()
    t.open(path)
    out = []
    for x in xs:
        ys = t.tag(x)
        out.append((ys, [t.marginal(y, i) for i, y in enumerate(ys)]))
    return out


def train(
    data_dir: str,
    out_path: str,
    *,
    doc_out_path: str | None = None,
    sets: Sequence[str] = ("anercorp-train",),
    holdout: float = 0.0,
    c1: float = 0.05,
    c2: float = 0.05,
    iterations: int = 150,
    algorithm: str = "lbfgs",
    folds: int = 4,
    block: int = 50,
    seed: int = 13,
    log: Callable[[str], None] = print,
) -> list[Sentence]:
    """Train both NER CRFs on the named corpora: the first stage to ``out_path``, the second to ``doc_out_path``.

    ``holdout`` > 0 keeps the last fraction of ANERcorp train out of training
    (a contiguous block of documents) and returns it for tuning.

    The second stage (``doc_out_path``, default ``ner_doc.crfsuite`` beside
    ``out_path``; ``folds=0`` skips it) learns from first-stage output that
    the first stage never saw: the training sentences, in corpus order, are
    cut into ``folds`` contiguous parts; a first-stage CRF trained on the
    other parts tags each part; :func:`ner.doc_features` over blocks of
    ``block`` consecutive sentences (the files have no document boundaries)
    is added to each word's features. Every training set is shuffled with
    ``seed`` (crfsuite's L-BFGS itself is deterministic), so a rebuild
    reproduces the same models. Time: ``folds + 2`` CRF trainings.
    """
    t0 = time.time()
    held: list[Sentence] = []
    data: list[Sentence] = []
    for name in sets:
        s = corpus(data_dir, name)
        if name == "anercorp-train" and holdout > 0:
            cut = int(len(s) * (1 - holdout))
            s, held = s[:cut], s[cut:]
        data += s
    xs = [x for x, _ in featurize(data)]
    ys = [y for _, y in data]
    log(f"features for {len(data)} sentences in {time.time() - t0:.0f}s")
    params: dict[str, object] = {"max_iterations": iterations, "feature.possible_transitions": True}
    if algorithm == "lbfgs":
        params.update({"c1": c1, "c2": c2})
    _fit(xs, ys, out_path, params, algorithm, seed)
    log(f"trained {out_path} in {time.time() - t0:.0f}s ({os.path.getsize(out_path) / 1e6:.1f} MB)")
    if folds > 0:
        doc_out_path = doc_out_path or os.path.join(os.path.dirname(out_path), ner.DOC_MODEL_FILE)
        n = len(data)
        cuts = [n * k // folds for k in range(folds + 1)]
        first: list[tuple[list[str], list[float]]] = []
        for k in range(folds):
            a, b = cuts[k], cuts[k + 1]
            rest = [i for i in range(n) if not a <= i < b]
            tmp = f"{doc_out_path}.fold{k}"
            try:
                _fit([xs[i] for i in rest], [ys[i] for i in rest], tmp, params, algorithm, seed)
                first += _tag_with(tmp, xs[a:b])
            finally:
                if os.path.exists(tmp):
                    os.remove(tmp)
            log(f"fold {k + 1}/{folds} tagged in {time.time() - t0:.0f}s")
        _fit(_doc_extend(data, xs, first, block), ys, doc_out_path, params, algorithm, seed)
        log(f"trained {doc_out_path} in {time.time() - t0:.0f}s ({os.path.getsize(doc_out_path) / 1e6:.1f} MB)")
    ner._tagger.cache_clear()
    ner._doc_tagger.cache_clear()
    return held


def conll_scores(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> dict[str, dict[str, float]]:
    """CoNLL-style exact-span entity scores: per type and ``micro``/``macro`` P, R, F1 (0–1)."""
    tp: dict[str, int] = {}
    fp: dict[str, int] = {}
    fn: dict[str, int] = {}
    for g, p in zip(gold, pred):
        gs = set(ner.spans_from_bio(g))
        ps = set(ner.spans_from_bio(p))
        for s in gs | ps:
            t = s[2]
            if s in gs and s in ps:
                tp[t] = tp.get(t, 0) + 1
            elif s in ps:
                fp[t] = fp.get(t, 0) + 1
            else:
                fn[t] = fn.get(t, 0) + 1

    def prf(a: int, b: int, c: int) -> dict[str, float]:
        p = a / (a + b) if a + b else 0.0
        r = a / (a + c) if a + c else 0.0
        return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "n": float(a + c)}

    types = sorted(set(tp) | set(fp) | set(fn))
    out = {t: prf(tp.get(t, 0), fp.get(t, 0), fn.get(t, 0)) for t in types}
    out["micro"] = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    out["macro"] = {k: sum(out[t][k] for t in types) / max(len(types), 1) for k in ("p", "r", "f1")}
    return out


def evaluate(sents: Sequence[Sentence], *, block: int = 50, stages: int | None = None) -> dict[str, dict[str, float]]:
    """Tag gold-tokenized sentences with the packaged (or just trained) models and score them.

    The CoNLL files have no document boundaries, so blocks of ``block``
    consecutive sentences stand in for articles: :func:`khabar.models.ner.tag_document`
    (``stages`` CRF stages, default :func:`khabar.models.ner.stages`, i.e.
    ``$KHABAR_NER_STAGES`` or 1) and then
    :func:`khabar.models.ner.propagate` run over each block. ``block=0``
    scores the first-stage CRF alone, sentence by sentence.
    """
    gold = [y for _, y in sents]
    pred: list[list[str]] = []
    if block <= 0:
        pred = [ner.tag_tokens(t, _kb_for(t))[0] for t, _ in sents]
        return conll_scores(gold, pred)
    for a in range(0, len(sents), block):
        toks = [t for t, _ in sents[a : a + block]]
        kbs = [_kb_for(t) for t in toks]
        ys, ps = ner.tag_document(toks, kbs, n_stages=stages)
        pred += ner.propagate(toks, ys, ps)
    return conll_scores(gold, pred)
