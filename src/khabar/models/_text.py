"""Small text helpers shared by the trained models (no third-party imports).

* :func:`fold` — the matching form of one word, the same folds as
  :func:`khabar.text.normalize.normalize_token` (diacritics, tatweel and bidi
  controls removed; أ إ آ ٱ → ا, ى → ي, ة → ه; Arabic-Indic digits → ASCII;
  Latin lowercased) but done with one ``str.translate`` so that it costs
  about a microsecond per word. It may shorten a word (removed marks), so it
  is used for features only, never for offsets.
* :func:`words` — the khabar tokenizer's tokens of a text, as
  ``(start, end, text)`` triples in code points, half-open.
* :func:`word_table` — the packaged table of SaudiNewsNet word clusters and
  frequencies (``data/clusters.tsv.gz``), loaded once.
"""

from __future__ import annotations

from collections.abc import Sequence

import gzip
from functools import lru_cache
from importlib import resources

from khabar.errors import ModelError
from khabar.text.segment import _TOKEN_RE

__all__ = ["fold", "words", "word_table", "data_path", "ARABIC_LETTERS"]

_DROP = (
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640", "\u061C", "\uFEFF", "\u00AD"]
    + [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
    + [chr(c) for c in range(0x200B, 0x2010)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)
_MAP: dict[int, int | str | None] = {ord(c): None for c in _DROP}
_MAP.update({ord(a): "ا" for a in "أإآٱ"})
_MAP.update({ord("ى"): "ي", ord("ة"): "ه", ord("ی"): "ي", ord("ک"): "ك"})
_MAP.update({0x0660 + i: str(i) for i in range(10)})
_MAP.update({0x06F0 + i: str(i) for i in range(10)})

ARABIC_LETTERS = frozenset(chr(c) for c in range(0x0621, 0x064B))


def fold(word: str) -> str:
    """The matching form of ``word`` (see the module docstring); e.g. ``الأسلحةُ`` → ``الاسلحه``."""
    return word.translate(_MAP).lower()


def words(text: str) -> list[tuple[int, int, str]]:
    """Tokens of ``text`` as ``(start, end, surface)`` (code points, half-open), khabar's tokenizer."""
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN_RE.finditer(text)]


def sentence_word_ranges(text: str, sentences: "Sequence[tuple[int, int]] | None" = None) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """The word tokens of ``text`` and, per sentence, the ``[k, j)`` range of them it holds.

    Args:
        text: the document text.
        sentences: ``(start, end)`` code-point ranges; split here when not given.

    Returns:
        ``(tokens, ranges)``: ``tokens`` from :func:`words`, and one index range per
        sentence (empty ranges included), in sentence order.
    """
    if sentences is None:
        from khabar.text.segment import split_sentences

        sentences = [(s.start, s.end) for s in split_sentences(text)]
    toks = words(text)
    ranges: list[tuple[int, int]] = []
    k = 0
    for ss, se in sentences:
        while k < len(toks) and toks[k][0] < ss:
            k += 1
        j = k
        while j < len(toks) and toks[j][1] <= se:
            j += 1
        ranges.append((k, j))
        k = j
    return toks, ranges


def open_crf(name: str, what: str, rebuild: str):  # type: ignore[no-untyped-def]
    """Open the packaged CRF model ``khabar/models/data/<name>`` as a ``pycrfsuite.Tagger``.

    Args:
        name: the model file name, e.g. ``"ner.crfsuite"``.
        what: the model's name in messages ("the NER model").
        rebuild: the command that rebuilds it (``khabar train ner``).

    Raises:
        ModelError: python-crfsuite is missing, or the file is missing or unreadable.
    """
    try:
        import pycrfsuite
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ModelError(f"{what} needs python-crfsuite: pip install python-crfsuite") from exc
    path = data_path(name)
    t = pycrfsuite.Tagger()
    try:
        t.open(path)
    except Exception as exc:
        raise ModelError(f"cannot load {what} {path}: {exc}; rebuild it with `{rebuild}`") from exc
    return t


def data_path(name: str) -> str:
    """Filesystem path of a packaged model file ``khabar/models/data/<name>``.

    Raises:
        ModelError: the file is not there (the model was never trained or the
            package was installed without its data).
    """
    p = resources.files("khabar.models").joinpath("data", name)
    if not p.is_file():
        raise ModelError(
            f"model file khabar/models/data/{name} is missing; rebuild it with `khabar train "
            f"{'pos' if 'pos' in name or 'seg' in name else 'ner'}` or reinstall khabar"
        )
    return str(p)


@lru_cache(maxsize=1)
def word_table() -> dict[str, tuple[str, str, int]]:
    """Folded word → (cluster of 512, cluster of 64, frequency) from SaudiNewsNet.

    Clusters are k-means classes of word2vec vectors trained on SaudiNewsNet
    (CC BY-NC-SA 4.0, non-commercial); frequency is the count in that corpus.
    Returns an empty table when the file is absent (models then run without
    cluster features, which is how they were trained if the table was absent).
    """
    try:
        path = data_path("clusters.tsv.gz")
    except ModelError:
        return {}
    out: dict[str, tuple[str, str, int]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            w, fine, coarse, n = line.rstrip("\n").split("\t")
            out[w] = (fine, coarse, int(n))
    return out
