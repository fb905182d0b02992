"""Clitic segmentation and UPOS tagging: alignment, restoration of dropped letters, offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.models import segment_pos as sp
from khabar.models.segment_pos_train import align, read_padt


def test_align_restores_the_article_alef_after_lam() -> None:
    assert align("للاسلحة", ["ل", "الأسلحة"]) == [(0, 1, False), (1, 7, True)]
    assert align("مما", ["من", "ما"]) == [(0, 1, False), (1, 3, False)]
    assert align("حكومته", ["حكومة", "ه"]) == [(0, 5, False), (5, 6, False)]
    assert align("وبالعراق", ["و", "ب", "العراق"]) == [(0, 1, False), (1, 2, False), (2, 8, False)]


def test_read_padt_groups_multiword_tokens(tmp_path: Path) -> None:
    p = tmp_path / "x.txt"
    p.write_text("وفي و في نيسان لتبلغه ل تبلغ ه .\t_ CCONJ ADP NOUN _ CCONJ VERB PRON PUNCT\n", encoding="utf-8")
    (sent,) = read_padt(str(p))
    assert sent == [
        ("وفي", [("و", "CCONJ"), ("في", "ADP")]),
        ("نيسان", [("نيسان", "NOUN")]),
        ("لتبلغه", [("ل", "CCONJ"), ("تبلغ", "VERB"), ("ه", "PRON")]),
        (".", [(".", "PUNCT")]),
    ]


def test_roles_pick_the_longest_piece_as_stem() -> None:
    assert sp.roles(["و", "ب", "العراق"]) == ["proclitic", "proclitic", "stem"]
    assert sp.roles(["حكومت", "ه"]) == ["stem", "enclitic"]
    assert sp.roles(["كتاب"]) == ["stem"]


def test_segments_common_clitics() -> None:
    segs = sp.analyze("وبالعراق قالت حكومته إن الجيش سيدخل للمدينة.")
    by = [(s.text, s.role) for s in segs]
    assert ("و", "proclitic") in by and ("ب", "proclitic") in by and ("العراق", "stem") in by
    assert ("ه", "enclitic") in by
    lil = [s for s in segs if s.text == "لمدينة"]
    assert lil and lil[0].form == "المدينة"
    tags = {s.text: s.upos for s in segs}
    assert tags["قالت"] == "VERB" and tags["."] == "PUNCT" and tags["و"] == "CCONJ"


_LETTERS = "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئةى"


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(alphabet=_LETTERS + "\u064e\u0650\u0651", min_size=1, max_size=12), min_size=1, max_size=8))
def test_segments_concatenate_back_to_each_word(ws: list[str]) -> None:
    text = " ".join(ws) + " ."
    segs = sp.analyze(text)
    words: dict[int, list[sp.Segment]] = {}
    for s in segs:
        assert text[s.start : s.end] == s.text and s.text
        assert s.upos in sp.UPOS and s.role in ("proclitic", "stem", "enclitic")
        assert s.form == s.text or s.form == "ا" + s.text
        words.setdefault(s.word, []).append(s)
    for pieces in words.values():
        assert all(a.end == b.start for a, b in zip(pieces, pieces[1:]))
        assert sum(p.role == "stem" for p in pieces) == 1


@pytest.mark.parametrize("word", ["وللعراق", "للاجئين", "بانه", "فقتله", "حكومتهم"])
def test_segment_word_covers_word(word: str) -> None:
    parts = sp.segment_word(word)
    assert parts[0][0] == 0 and parts[-1][1] == len(word)
    assert "".join(word[a:b] for a, b, _ in parts) == word
