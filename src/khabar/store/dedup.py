"""Near-duplicate detection: MinHash LSH over shingles of normalized Arabic text.

The same wire story reprinted by several outlets differs in a headline, a
dateline, an added paragraph or spelling (hamza forms, diacritics, digits).
Texts are compared as sets of word 3-gram shingles taken from
:func:`khabar.text.normalize.normalize` (diacritics and tatweel removed, alef,
ya and teh marbuta folded, digits ASCII), with the proclitics و/ف and the
article ال stripped from each word so that ``والجيش`` and ``الجيش`` agree.
A MinHash signature (``NUM_PERM`` 64-bit values, :mod:`datasketch`) estimates
the Jaccard similarity of two shingle sets; an LSH index finds candidates in
sub-linear time and a candidate counts as a duplicate when the estimated
Jaccard similarity is at least :data:`THRESHOLD`.

Exact duplicates are caught before that by :func:`text_hash` (SHA-1 of the
normalized text with whitespace collapsed).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

__all__ = ["text_hash", "shingles", "signature", "similarity", "LshIndex", "THRESHOLD", "NUM_PERM"]

NUM_PERM = 128
#: datasketch (>= 2.0) hashing scheme; stored signatures are only comparable within one scheme.
SCHEME = "affine32"
#: Estimated Jaccard similarity of word 3-gram sets at or above which two articles are one story.
THRESHOLD = 0.4
_WORD = re.compile(r"\w+")
_CLITIC = re.compile(r"^(?:[وف])?(?:ال|لل)?(?=\w{2,})")


def _norm(text: str) -> str:
    from khabar.text.normalize import normalize

    return normalize(text).text


def text_hash(text: str) -> str:
    """SHA-1 hex digest of the normalized text (whitespace collapsed): equal for exact duplicates."""
    norm = " ".join(_norm(text).split())
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()


def _words(text: str) -> list[str]:
    out = []
    for w in _WORD.findall(_norm(text)):
        w = _CLITIC.sub("", w)
        if len(w) > 1:
            out.append(w)
    return out


def shingles(text: str, k: int = 3) -> set[str]:
    """Word ``k``-gram shingles of the normalized text (the whole word list when shorter than ``k``)."""
    words = _words(text)
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def signature(text: str) -> bytes:
    """The MinHash signature of ``text``: ``NUM_PERM`` unsigned 64-bit values as bytes (8 × NUM_PERM)."""
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_permutations())
    sh = shingles(text)
    if sh:
        m.update_batch([s.encode("utf-8") for s in sh])
    return bytes(m.hashvalues.astype("<u8").tobytes())


@lru_cache(maxsize=1)
def _permutations() -> Any:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations  # seeded: the same for every process


def _minhash(sig: bytes) -> Any:
    import numpy as np
    from datasketch import MinHash

    # cached permutations: without them MinHash draws NUM_PERM fresh ones per object (≈0.5 ms)
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(sig, dtype="<u8").astype(np.uint64), scheme=SCHEME, permutations=_permutations())


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity (0..1) of two signatures from :func:`signature`."""
    import numpy as np

    va = np.frombuffer(a, dtype="<u8")
    vb = np.frombuffer(b, dtype="<u8")
    return float((va == vb).mean())


@dataclass
class LshIndex:
    """An in-memory MinHash LSH index of stored documents, ``doc_id -> story_id``.

    Built from the signatures in the store when a run starts and updated as
    documents are written; one process writes at a time (the Dask engine
    writes from the client). Signatures are kept in one ``uint64`` matrix
    (``NUM_PERM`` × 8 bytes per document), so the candidates of a query are
    verified in one vectorized comparison: formulaic news (the same templates
    every day) gives hundreds of candidates per query in a large corpus, and
    checking them one by one grew the cost per document with the corpus size.
    """

    threshold: float = THRESHOLD
    _lsh: Any = None
    stories: dict[str, int] = field(default_factory=dict)
    _row: dict[str, int] = field(default_factory=dict)
    _ids: list[str] = field(default_factory=list)
    _mat: Any = None

    def __post_init__(self) -> None:
        import numpy as np
        from datasketch import MinHashLSH

        # candidates from a looser LSH (bands tuned for recall), then verified against the threshold
        self._lsh = MinHashLSH(threshold=max(0.05, self.threshold - 0.1), num_perm=NUM_PERM, weights=(0.2, 0.8))
        self._mat = np.zeros((1024, NUM_PERM), dtype=np.uint64)

    def add(self, doc_id: str, sig: bytes, story_id: int) -> None:
        """Index a document's signature under its story."""
        import numpy as np

        if doc_id in self.stories:
            return
        self._lsh.insert(doc_id, _minhash(sig))
        self.stories[doc_id] = story_id
        n = len(self._ids)
        if n == len(self._mat):
            self._mat = np.concatenate([self._mat, np.zeros_like(self._mat)])
        self._mat[n] = np.frombuffer(sig, dtype="<u8")
        self._row[doc_id] = n
        self._ids.append(doc_id)

    def signature_of(self, doc_id: str) -> bytes:
        """The indexed signature of ``doc_id`` (``KeyError`` if not indexed)."""
        return bytes(self._mat[self._row[doc_id]].astype("<u8").tobytes())

    def match(self, sig: bytes) -> tuple[int, str, float] | None:
        """The story of the most similar indexed document at or above the threshold.

        Ties go to the smallest document id. Returns:
            ``(story_id, doc_id, similarity)`` or ``None``.
        """
        import numpy as np

        cands = sorted(self._lsh.query(_minhash(sig)))
        if not cands:
            return None
        v = np.frombuffer(sig, dtype="<u8")
        sims = (self._mat[[self._row[c] for c in cands]] == v).mean(axis=1)
        best = int(np.argmax(sims))  # first maximum = smallest id among equals
        s = float(sims[best])
        if s < self.threshold:
            return None
        return (self.stories[cands[best]], cands[best], s)


def pair_scores(pairs: Iterable[tuple[str, str]]) -> list[float]:
    """Estimated similarity of each ``(text_a, text_b)`` pair (for evaluation)."""
    return [similarity(signature(a), signature(b)) for a, b in pairs]
