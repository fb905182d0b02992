"""Word clusters learned from SaudiNewsNet (training only: needs ``khabar[train]``).

:func:`train_clusters` reads every article of ``saudinewsnet/dataset/*.zip``
(title and content), tokenizes with khabar's tokenizer, folds each word with
:func:`khabar.models._text.fold`, trains gensim word2vec (CBOW, 100
dimensions, window 5, one worker, fixed seed) and groups the most frequent
words by spherical k-means into 512 fine and 64 coarse clusters. The result is
a compact gzip TSV ``word<TAB>fine<TAB>coarse<TAB>count`` used as features by
the NER and POS models and, through the counts, by the proclitic splitter of
:mod:`khabar.models.ner`.

Licence: SaudiNewsNet is CC BY-NC-SA 4.0 (non-commercial, research only); so
is this derived table.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
import time
import zipfile
from collections import Counter
from collections.abc import Iterator

from khabar.models._text import fold, words

__all__ = ["train_clusters"]


def _articles(data_dir: str) -> Iterator[str]:
    for path in sorted(glob.glob(os.path.join(data_dir, "saudinewsnet", "dataset", "*.zip"))):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                for art in json.loads(z.read(name)):
                    yield (art.get("title") or "") + "\n" + (art.get("content") or "")


def _kmeans(x, k: int, iters: int, seed: int):  # type: ignore[no-untyped-def]
    import numpy as np

    rng = np.random.default_rng(seed)
    c = x[rng.choice(len(x), size=k, replace=False)].copy()
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        assign = np.argmax(x @ c.T, axis=1)
        for j in range(k):
            m = assign == j
            if m.any():
                v = x[m].sum(axis=0)
                c[j] = v / (np.linalg.norm(v) + 1e-9)
    return assign


def train_clusters(data_dir: str, out_path: str, *, seed: int = 13, top: int = 100_000, log=print) -> int:  # type: ignore[no-untyped-def]
    """Train word2vec on SaudiNewsNet and write the cluster table; returns the number of words.

    Args:
        data_dir: the shared data folder (holds ``saudinewsnet/``).
        out_path: where to write the ``.tsv.gz`` table.
        seed: random seed for word2vec and k-means.
        top: how many of the most frequent words get a cluster.
    """
    try:
        import numpy as np
        from gensim.models import Word2Vec
    except ImportError as exc:  # pragma: no cover - depends on the install
        from khabar.errors import ModelError

        raise ModelError("training word clusters needs the train extra: pip install 'khabar[train]'") from exc
    t0 = time.time()
    sents: list[list[str]] = []
    counts: Counter[str] = Counter()
    for text in _articles(data_dir):
        toks = [fold(w) for _, _, w in words(text)]
        counts.update(toks)
        for i in range(0, len(toks), 1000):
            sents.append(toks[i : i + 1000])
    log(f"read {len(sents)} chunks, {sum(counts.values())} tokens, {len(counts)} types in {time.time() - t0:.0f}s")
    model = Word2Vec(sents, vector_size=100, window=5, min_count=5, workers=1, sg=0, epochs=3, seed=seed)
    log(f"word2vec done in {time.time() - t0:.0f}s")
    vocab = [w for w, _ in counts.most_common() if w in model.wv.key_to_index][:top]
    x = np.stack([model.wv[w] for w in vocab]).astype("float32")
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    fine = _kmeans(x, 512, 12, seed)
    coarse = _kmeans(x, 64, 12, seed)
    log(f"k-means done in {time.time() - t0:.0f}s")
    with gzip.open(out_path, "wt", encoding="utf-8", compresslevel=9) as fh:
        for w, f, c in zip(vocab, fine, coarse):
            fh.write(f"{w}\t{f}\t{c}\t{counts[w]}\n")
    return len(vocab)
