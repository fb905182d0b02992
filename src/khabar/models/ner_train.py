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


def train(
    data_dir: str,
    out_path: str,
    *,
    sets: Sequence[str] = ("anercorp-train",),
    holdout: float = 0.0,
    c1: float = 0.05,
    c2: float = 0.05,
    iterations: int = 150,
    algorithm: str = "lbfgs",
    seed: int = 13,
    log: Callable[[str], None] = print,
) -> list[Sentence]:
    """Train the CRF on the named corpora and write it to ``out_path``.

    ``holdout`` > 0 keeps the last fraction of ANERcorp train out of training
    (a contiguous block of documents) and returns it for tuning. The corpora
    are shuffled with ``seed`` (crfsuite's L-BFGS itself is deterministic).
    """
    import pycrfsuite

    t0 = time.time()
    held: list[Sentence] = []
    data: list[Sentence] = []
    for name in sets:
        s = corpus(data_dir, name)
        if name == "anercorp-train" and holdout > 0:
            cut = int(len(s) * (1 - holdout))
            s, held = s[:cut], s[cut:]
        data += s
    random.Random(seed).shuffle(data)
    tr = pycrfsuite.Trainer(algorithm=algorithm, verbose=False)
    for x, y in featurize(data):
        tr.append(x, y)
    log(f"features for {len(data)} sentences in {time.time() - t0:.0f}s")
    params: dict[str, object] = {"max_iterations": iterations, "feature.possible_transitions": True}
    if algorithm == "lbfgs":
        params.update({"c1": c1, "c2": c2})
    tr.set_params(params)
    tr.train(out_path)
    log(f"trained {out_path} in {time.time() - t0:.0f}s ({os.path.getsize(out_path) / 1e6:.1f} MB)")
    ner._tagger.cache_clear()
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


def evaluate(sents: Sequence[Sentence], *, block: int = 50) -> dict[str, dict[str, float]]:
    """Tag gold-tokenized sentences with the packaged (or just trained) model and score them.

    The CoNLL files have no document boundaries, so :func:`khabar.models.ner.propagate`
    (one name, one type within a document) runs over blocks of ``block``
    consecutive sentences, a stand-in for an article; ``block=0`` scores the
    CRF alone, sentence by sentence.
    """
    gold, pred, probs = [], [], []
    toks = [t for t, _ in sents]
    for t, y in sents:
        ys, ps = ner.tag_tokens(t, _kb_for(t))
        gold.append(y)
        pred.append(ys)
        probs.append(ps)
    if block > 0:
        pred = [
            ys
            for i in range(0, len(sents), block)
            for ys in ner.propagate(toks[i : i + block], pred[i : i + block], probs[i : i + block])
        ]
    return conll_scores(gold, pred)
