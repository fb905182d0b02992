"""Near-duplicate detection: MinHash LSH over shingles of normalized Arabic text.

The same wire story reprinted by several outlets differs in a headline, a
dateline, an added paragraph or spelling (hamza forms, diacritics, digits).
Texts are compared as sets of word 3-gram shingles taken from
:func:`khabar.text.normalize.normalize` (diacritics and tatweel removed, alef,
ya and teh marbuta folded, digits ASCII), with the proclitics و/ف and the
article ال stripped from each word so that ``والجيش`` and ``الجيش`` agree.
A MinHash signature (``NUM_PERM`` values, datasketch's ``affine32`` scheme)
estimates the Jaccard similarity of two shingle sets; LSH bands
(:data:`BANDS` bands of :data:`ROWS` values) find candidates in sub-linear
time, and a candidate counts as a duplicate when the estimated Jaccard
similarity is at least :data:`THRESHOLD`.

The band index lives in the database (``lsh_bands``: one row per document
and band, keyed by :func:`band_keys`), so the writing process holds nothing
per document; :class:`LshIndex` is the same matching in memory (tests,
evaluation, and the documents of one write batch).

Exact duplicates are caught before that by :func:`text_hash` (SHA-1 of the
normalized text with whitespace collapsed).

Speed: :func:`norm_text` gives :func:`~khabar.text.normalize.normalize`'s
text with whitespace collapsed through one ``str.translate`` (normalization
is a per-character map apart from whitespace, so the table is built from
``normalize`` itself, character by character; a test checks the two agree on
every BMP character and on random texts), and :func:`signature` computes
datasketch's MinHash (``sha1_hash32``, MurmurHash3 pre-mix, affine
permutations) in a few NumPy operations, bit for bit the values that
``datasketch.MinHash.update_batch`` gives (also tested), so signatures stored
by earlier versions stay comparable.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

__all__ = ["text_hash", "norm_text", "shingles", "signature", "similarity", "band_keys", "candidate_rows", "match_in", "LshIndex", "THRESHOLD", "NUM_PERM", "BANDS", "ROWS"]

NUM_PERM = 128
#: datasketch (>= 2.0) hashing scheme; stored signatures are only comparable within one scheme.
SCHEME = "affine32"
#: Estimated Jaccard similarity of word 3-gram sets at or above which two articles are one story.
THRESHOLD = 0.4
#: LSH bands × rows per band: datasketch's optimum for a candidate threshold of 0.3 (THRESHOLD − 0.1)
#: with 128 permutations and weights (0.2, 0.8) for false positives/negatives (tuned for recall).
BANDS, ROWS = 42, 3
_WORD = re.compile(r"\w+")
_CLITIC = re.compile(r"^(?:[وف])?(?:ال|لل)?(?=\w{2,})")
#: the same strip applied to every word of a text at once (a word starts where no word character precedes)
_CLITICS = re.compile(r"(?<!\w)(?:[وف])?(?:ال|لل)?(?=\w{2,})")


@lru_cache(maxsize=1)
def _table() -> dict[int, str | int]:
    """``str.translate`` table equal to :func:`normalize` on every character it changes (whitespace aside)."""
    import importlib

    N = importlib.import_module("khabar.text.normalize")  # the module (the package exports the function under the same name)

    cands: set[str] = set(N.DIACRITICS) | set(N.CONTROLS) | {N.TATWEEL, "\u0649", "\u0629"}
    cands |= set(N._ALEF) | set(N._DIGITS) | set(N._PUNCT) | set(N._PERSIAN)
    cands |= {chr(c) for c in range(ord("A"), ord("Z") + 1)}
    cands |= {chr(c) for c in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00))}
    out: dict[int, str] = {}
    for ch in cands:
        if ch.isspace():
            continue
        n = N.normalize.__wrapped__(ch).text
        if n != ch:
            out[ord(ch)] = n
    # identity entries for the characters news text is made of (Latin, Arabic, general punctuation):
    # ``str.translate`` looks every character up in the table and a missing one costs a caught
    # ``LookupError``, so covering them makes the translation about 2× faster (same output)
    for lo, hi in ((0x0000, 0x0250), (0x0600, 0x0780), (0x2000, 0x2070)):
        for c in range(lo, hi):
            out.setdefault(c, c)
    return out


def norm_text(text: str) -> str:
    """``" ".join(normalize(text).text.split())``, in one ``str.translate`` (~30× faster)."""
    return " ".join(text.translate(_table()).split())


def text_hash(text: str) -> str:
    """SHA-1 hex digest of the normalized text (whitespace collapsed): equal for exact duplicates."""
    return hashlib.sha1(norm_text(text).encode("utf-8")).hexdigest()


def _strip_clitic(w: str) -> str:
    """``_CLITIC.sub("", w)`` for one ``\\w+`` word, in string operations (the regex's order of tries).

    The pattern's optional و/ف and article ال/لل are tried greedily, each kept
    only when at least two word characters follow (``(?=\\w{2,})``; the rest
    of a ``\\w+`` word is all word characters, so that is its length).
    """
    n = len(w)
    if n < 4 and not (n == 3 and w[0] in "وف"):  # nothing can be stripped and leave two characters
        return w
    if w[0] in "وف":
        if n >= 5 and (w.startswith("ال", 1) or w.startswith("لل", 1)):
            return w[3:]
        return w[1:]  # n >= 3 here
    if w.startswith("ال") or w.startswith("لل"):
        return w[2:]  # n >= 4 here
    return w


def _words(text: str) -> list[str]:
    """The normalized words of ``text`` with و/ف and ال/لل stripped, one-letter words dropped.

    Equal to applying :data:`_CLITICS` to the whole normalized text and
    splitting on ``\\w+`` (a test compares them), about 3× faster: words are
    split first and each is stripped with string operations.
    """
    strip = _strip_clitic
    return [w for w in map(strip, _WORD.findall(text.translate(_table()))) if len(w) > 1]


def shingles(text: str, k: int = 3) -> set[str]:
    """Word ``k``-gram shingles of the normalized text (the whole word list when shorter than ``k``)."""
    words = _words(text)
    if len(words) < k:
        return {" ".join(words)} if words else set()
    if k == 3:
        return {f"{a} {b} {c}" for a, b, c in zip(words, words[1:], words[2:])}
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


@lru_cache(maxsize=1)
def _params() -> tuple[Any, Any, tuple[Any, ...]]:
    """datasketch's permutations ``(a, b)`` for NUM_PERM/affine32 (seeded: the same in every process) and its pre-mix constants."""
    from datasketch import MinHash
    from datasketch.minhash import _FMIX_CONSTANTS

    a, b = MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations
    return a, b, tuple(_FMIX_CONSTANTS[32])


def signature(text: str) -> bytes:
    """The MinHash signature of ``text``: ``NUM_PERM`` unsigned values as little-endian 64-bit bytes (8 × NUM_PERM).

    Equal to ``datasketch.MinHash(num_perm=NUM_PERM, scheme="affine32")``
    updated with the UTF-8 shingles, without building the object.
    """
    import numpy as np

    sh = shingles(text)
    if not sh:
        return bytes(np.full(NUM_PERM, 0xFFFFFFFF, dtype="<u8").tobytes())
    a, b, (s1, m1, s2, m2, s3) = _params()
    sha1 = hashlib.sha1
    hv = np.frombuffer(b"".join([sha1(s.encode("utf-8")).digest()[:4] for s in sh]), dtype="<u4").astype(np.uint32)
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    hv = hv ^ (hv >> s3)
    phv = hv[:, None] * a + b
    return bytes(phv.min(axis=0).astype("<u8").tobytes())


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity (0..1) of two signatures from :func:`signature`."""
    import numpy as np

    va = np.frombuffer(a, dtype="<u8")
    vb = np.frombuffer(b, dtype="<u8")
    return float((va == vb).mean())


_M1, _M2 = 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53


def _fmix64(h: Any) -> Any:
    import numpy as np

    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(_M1)
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(_M2)
    return h ^ (h >> np.uint64(33))


def band_keys(sigs: Any) -> Any:
    """The LSH bucket keys of signatures: an ``int64`` array of shape ``(n, BANDS)`` (or ``(BANDS,)`` for one).

    ``sigs``: one signature (bytes) or a sequence of them, or a ``(n, NUM_PERM)``
    ``uint64`` matrix. Band ``j`` covers values ``j*ROWS … j*ROWS+ROWS-1``; its
    key is a 64-bit mix of the band number and those values (affine32 values
    fit in 32 bits), so two documents share a key when the band is equal
    (and, with probability about 2⁻⁶⁴ per pair, by collision: candidates are
    checked against the signatures, so a collision costs a comparison, not a
    wrong match).
    """
    import numpy as np

    one = isinstance(sigs, (bytes, bytearray, memoryview))
    mat = _matrix([sigs] if one else sigs)
    v = mat[:, : BANDS * ROWS].reshape(len(mat), BANDS, ROWS) & np.uint64(0xFFFFFFFF)
    band = np.arange(BANDS, dtype=np.uint64)[None, :]
    h = (v[:, :, 0] << np.uint64(32)) | v[:, :, 1]
    h = _fmix64(h ^ _fmix64((v[:, :, 2] << np.uint64(8)) | band))
    keys = h.view(np.int64)
    return keys[0] if one else keys


def _matrix(sigs: Any) -> Any:
    import numpy as np

    if isinstance(sigs, np.ndarray):
        return sigs.astype(np.uint64, copy=False).reshape(-1, NUM_PERM)
    if not len(sigs):
        return np.zeros((0, NUM_PERM), dtype=np.uint64)
    return np.frombuffer(b"".join(bytes(s) for s in sigs), dtype="<u8").astype(np.uint64).reshape(-1, NUM_PERM)


def candidate_rows(query_keys: Any, cand_keys: Any) -> list[Any]:
    """For each query (a row of :func:`band_keys`), the rows of ``cand_keys`` sharing at least one band key.

    Sort-based (one sort per band, then binary searches), so a batch of
    queries against many candidates costs O((Q + C) log C · BANDS) instead of
    comparing every query with every candidate. Returns one sorted ``int``
    array of row indices per query.
    """
    import numpy as np

    q = np.asarray(query_keys).reshape(-1, BANDS)
    c = np.asarray(cand_keys).reshape(-1, BANDS)
    if not len(c):
        return [np.zeros(0, dtype=np.int64) for _ in range(len(q))]
    order = np.argsort(c, axis=0, kind="stable")
    sk = np.take_along_axis(c, order, axis=0)
    lo = np.empty(q.shape, dtype=np.int64)
    hi = np.empty(q.shape, dtype=np.int64)
    for b in range(BANDS):
        lo[:, b] = np.searchsorted(sk[:, b], q[:, b], "left")
        hi[:, b] = np.searchsorted(sk[:, b], q[:, b], "right")
    out = []
    for j in range(len(q)):
        bs = np.flatnonzero(hi[j] > lo[j])
        if not len(bs):
            out.append(np.zeros(0, dtype=np.int64))
        elif len(bs) == 1:
            b = bs[0]
            out.append(np.sort(order[lo[j, b] : hi[j, b], b]))
        else:
            out.append(np.unique(np.concatenate([order[lo[j, b] : hi[j, b], b] for b in bs])))
    return out


def match_in(sig: bytes | Any, mat: Any, threshold: float = THRESHOLD) -> tuple[int, float] | None:
    """The best LSH candidate of ``sig`` among the rows of ``mat`` at or above ``threshold``.

    A row is a candidate when at least one of its bands equals ``sig``'s (as in
    datasketch's ``MinHashLSH``); among candidates the most similar wins, ties
    to the first row (callers order rows by document id). Returns
    ``(row, similarity)`` or ``None``.
    """
    import numpy as np

    if mat is None or not len(mat):
        return None
    v = np.frombuffer(sig, dtype="<u8") if isinstance(sig, (bytes, bytearray, memoryview)) else sig
    eq = mat == v
    hits = eq.sum(axis=1)
    need = int(np.ceil(threshold * NUM_PERM - 1e-9))
    ok = np.flatnonzero(hits >= need)
    if not len(ok):
        return None
    band = eq[ok, : BANDS * ROWS].reshape(len(ok), BANDS, ROWS).all(axis=2).any(axis=1)
    ok = ok[band]
    if not len(ok):
        return None
    best = int(ok[np.argmax(hits[ok])])  # first maximum = first row among equals
    return best, float(hits[best]) / NUM_PERM


@dataclass
class LshIndex:
    """An in-memory MinHash LSH index, ``doc_id -> story_id`` (tests, evaluation, one write batch).

    The store keeps the same bands in the database (``lsh_bands``); this class
    applies the same rule to documents held in memory: candidates share a band
    with the query, and the most similar candidate at or above the threshold
    wins (ties to the smallest document id).
    """

    threshold: float = THRESHOLD
    stories: dict[str, int] = field(default_factory=dict)
    _row: dict[str, int] = field(default_factory=dict)
    _ids: list[str] = field(default_factory=list)
    _mat: Any = None

    def __post_init__(self) -> None:
        import numpy as np

        self._mat = np.zeros((64, NUM_PERM), dtype=np.uint64)

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, doc_id: str, sig: bytes, story_id: int) -> None:
        """Index a document's signature under its story."""
        import numpy as np

        if doc_id in self.stories:
            return
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
        n = len(self._ids)
        if not n:
            return None
        order = sorted(range(n), key=self._ids.__getitem__)
        hit = match_in(sig, self._mat[order], self.threshold)
        if hit is None:
            return None
        doc = self._ids[order[hit[0]]]
        return (self.stories[doc], doc, hit[1])


def pair_scores(pairs: Iterable[tuple[str, str]]) -> list[float]:
    """Estimated similarity of each ``(text_a, text_b)`` pair (for evaluation)."""
    return [similarity(signature(a), signature(b)) for a, b in pairs]
