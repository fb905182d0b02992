"""A first-order linear-chain CRF scored with numpy: the weights of a trained crfsuite model.

``python-crfsuite`` trains the UPOS tagger; its ``Tagger.tag`` wants every
feature of every item as a string, which costs more in Python than the
decoding itself. Exported here (:func:`export`) as one weight row per
attribute, the model lets :mod:`khabar.models.segment_pos` add up the weights
of a segment type's features once, cache the sum, and decode all the
sentences of a document together (:meth:`LinearCRF.viterbi`). The scores are
crfsuite's: the sum of the state weights of the item's attributes (each with
value 1) plus the transition weights, no start or end weights; the best path
is the same up to exact ties.

File format (``.npz``): ``labels`` (L strings), ``attrs`` (A strings),
``rows``/``cols``/``vals`` (the non-zero state weights: attribute, label,
weight) and ``trans`` (L × L, previous label × label).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

__all__ = ["LinearCRF", "export"]


def export(crfsuite_path: str, out_path: str) -> int:
    """Write the weights of the crfsuite model ``crfsuite_path`` to ``out_path`` (npz); returns the number of attributes.

    Training time only (``Tagger.info()`` parses the whole model, seconds).
    """
    import pycrfsuite

    t = pycrfsuite.Tagger()
    t.open(crfsuite_path)
    info = t.info()
    labels = sorted(t.labels())
    lab = {y: i for i, y in enumerate(labels)}
    attrs = sorted({a for a, _ in info.state_features})
    aid = {a: i for i, a in enumerate(attrs)}
    items = sorted(info.state_features.items())
    rows = np.array([aid[a] for (a, _), _ in items], dtype=np.int32)
    cols = np.array([lab[y] for (_, y), _ in items], dtype=np.int8)
    vals = np.array([w for _, w in items], dtype=np.float64)
    trans = np.zeros((len(labels), len(labels)))
    for (a, b), w in info.transitions.items():
        trans[lab[a], lab[b]] = w
    np.savez_compressed(out_path, labels=np.array(labels), attrs=np.array(attrs), rows=rows, cols=cols, vals=vals, trans=trans)
    return len(attrs)


class LinearCRF:
    """The exported model: ``vector(attrs)`` sums state weights, ``viterbi`` decodes.

    Args:
        path: an ``.npz`` file written by :func:`export`.

    Raises:
        OSError, KeyError, ValueError: the file is missing or not such a model
            (the caller wraps them in :class:`khabar.errors.ModelError`).
    """

    def __init__(self, path: str) -> None:
        with np.load(path, allow_pickle=False) as z:
            self.labels: tuple[str, ...] = tuple(z["labels"].tolist())
            attrs = z["attrs"].tolist()
            n, nl = len(attrs), len(self.labels)
            # one zero row at the end for attributes the model does not know
            self.weights = np.zeros((n + 1, nl))
            self.weights[z["rows"], z["cols"].astype(np.int64)] = z["vals"]
            self.trans = np.array(z["trans"], dtype=np.float64)
        self.index: dict[str, int] = dict(zip(attrs, range(n)))
        self.unknown = n

    def vector(self, attrs: Iterable[str]) -> np.ndarray:
        """Sum of the state weights of ``attrs`` (shape ``(L,)``); unknown attributes weigh nothing."""
        get, unk = self.index.get, self.unknown
        return self.weights[[get(a, unk) for a in attrs]].sum(axis=0)

    def viterbi(self, emissions: Sequence[np.ndarray], batch: int = 32) -> list[np.ndarray]:
        """Best label indices of each sequence; ``emissions[k]`` has shape ``(n_k, L)``.

        Sequences are sorted by length and decoded ``batch`` at a time (one
        numpy step per position for the whole batch).
        """
        out: list[np.ndarray] = [np.zeros(0, dtype=np.int64)] * len(emissions)
        order = sorted(range(len(emissions)), key=lambda k: len(emissions[k]))
        trans = self.trans
        nl = trans.shape[0]
        for b0 in range(0, len(order), batch):
            group = [k for k in order[b0 : b0 + batch] if len(emissions[k])]
            if not group:
                continue
            lens = np.array([len(emissions[k]) for k in group])
            s, m = len(group), int(lens.max())
            e = np.zeros((s, m, nl))
            for r, k in enumerate(group):
                e[r, : lens[r]] = emissions[k]
            back = np.zeros((s, m, nl), dtype=np.int64)
            last = np.zeros(s, dtype=np.int64)
            delta = e[:, 0].copy()
            ends = lens == 1
            if ends.any():
                last[ends] = delta[ends].argmax(axis=1)
            for t in range(1, m):
                sc = delta[:, :, None] + trans  # previous label × label
                bp = sc.argmax(axis=1)
                back[:, t] = bp
                delta = np.take_along_axis(sc, bp[:, None, :], axis=1)[:, 0, :] + e[:, t]
                ends = lens == t + 1
                if ends.any():
                    last[ends] = delta[ends].argmax(axis=1)
            ys = np.zeros((s, m), dtype=np.int64)
            cur = last.copy()
            rows = np.arange(s)
            for t in range(m - 1, -1, -1):
                active = lens > t
                ys[active, t] = cur[active]
                if t:
                    cur = np.where(active, back[rows, t, cur], cur)
            for r, k in enumerate(group):
                out[k] = ys[r, : lens[r]]
        return out
