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
