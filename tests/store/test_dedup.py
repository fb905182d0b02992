"""Near-duplicate detection on the labelled pairs in tests/data/dedup (written for khabar)."""

from __future__ import annotations

import json
from pathlib import Path

from khabar.store.dedup import THRESHOLD, LshIndex, shingles, signature, text_hash

PAIRS = [json.loads(x) for x in (Path(__file__).resolve().parents[1] / "data" / "dedup" / "pairs.jsonl").read_text(encoding="utf-8").splitlines()]


def _predict(a: str, b: str) -> bool:
    idx = LshIndex()
    idx.add("a", signature(a), 1)
    return idx.match(signature(b)) is not None


def _pr(split: str) -> tuple[float, float, int]:
    tp = fp = fn = 0
    for p in PAIRS:
        if p["split"] != split:
            continue
        pred = _predict(p["a"], p["b"])
        tp += pred and p["dup"]
        fp += pred and not p["dup"]
        fn += (not pred) and p["dup"]
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1), sum(1 for p in PAIRS if p["split"] == split)


def test_precision_and_recall_on_labelled_pairs() -> None:
    assert THRESHOLD == 0.4
    assert _pr("dev") == (1.0, 1.0, 12)
    assert _pr("test") == (1.0, 1.0, 9)


def test_shingles_see_through_spelling_and_clitics() -> None:
    assert shingles("وقال الرئيسُ إنّ الجيشَ") == shingles("قال الرئيس ان الجيش")
    assert text_hash("أعلن  الجيش\nاليوم") == text_hash("اعلن الجيش اليوم")
    assert text_hash("أعلن الجيش اليوم") != text_hash("أعلن الجيش أمس")
    assert shingles("") == set()


def test_norm_text_is_normalize_with_whitespace_collapsed() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from khabar.store.dedup import norm_text
    from khabar.text.normalize import normalize

    for c in range(0x10000):  # every BMP character, alone and between words
        ch = chr(c)
        if 0xD800 <= c <= 0xDFFF:
            continue
        assert norm_text(f"ا{ch}ب") == " ".join(normalize.__wrapped__(f"ا{ch}ب").text.split()), hex(c)
    alphabet = st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةـًٌٍَُِّْٰ٠١٢٣٤٥٦٧٨٩۰۱۲ABCxyz .,\n\t\u200b\u200f\ufeffﻻﷺﺍﺑ٫٬٪یک"))

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=60))
    def check(t: str) -> None:
        assert norm_text(t) == " ".join(normalize.__wrapped__(t).text.split())

    check()


def test_signature_and_shingles_match_datasketch_and_the_per_word_rule() -> None:
    from datasketch import MinHash
    from datasketch.lsh import _optimal_param

    from khabar.store import dedup as D
    from khabar.text.normalize import normalize

    assert (D.BANDS, D.ROWS) == _optimal_param(D.THRESHOLD - 0.1, D.NUM_PERM, 0.2, 0.8)
    for p in PAIRS[:6]:
        text = p["a"]
        words = [w for w in (D._CLITIC.sub("", w) for w in D._WORD.findall(normalize(text).text)) if len(w) > 1]
        assert D._words(text) == words
        m = MinHash(num_perm=D.NUM_PERM, scheme=D.SCHEME)
        m.update_batch([s.encode("utf-8") for s in shingles(text)])
        assert signature(text) == bytes(m.hashvalues.astype("<u8").tobytes())


def test_candidate_rows_are_the_documents_sharing_a_band() -> None:
    import numpy as np

    from khabar.store.dedup import BANDS, ROWS, band_keys, candidate_rows

    texts = [p["a"] for p in PAIRS] + [p["b"] for p in PAIRS]
    mat = np.frombuffer(b"".join(signature(t) for t in texts), dtype="<u8").reshape(len(texts), -1)
    keys = band_keys(mat)
    assert keys.shape == (len(texts), BANDS) and keys.dtype == np.int64
    got = candidate_rows(keys[:5], keys)
    for j in range(5):
        same = (mat[:, : BANDS * ROWS].reshape(len(texts), BANDS, ROWS) == mat[j, : BANDS * ROWS].reshape(BANDS, ROWS)).all(axis=2).any(axis=1)
        assert got[j].tolist() == np.flatnonzero(same).tolist()
