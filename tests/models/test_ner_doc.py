"""The NER second stage: document features from first-stage labels, which sentences it re-tags, training helpers."""

from __future__ import annotations

from khabar.models import ner, ner_train

# two sentences of one made-up article; the first stage found the name in the first only
S1 = ["زار", "الرئيس", "ماكرون", "باريس", "أمس"]
S2 = ["وقال", "ماكرون", "إن", "الزيارة", "ناجحة"]
Y1 = ["O", "O", "B-PER", "B-LOC", "O"]
Y2 = ["O", "O", "O", "O", "O"]


def _probs(ys: list[str], p: float) -> list[float]:
    return [p] * len(ys)


def test_doc_features_give_a_missed_mention_the_type_found_elsewhere() -> None:
    f1, f2 = ner.doc_features([S1, S2], [Y1, Y2], [_probs(Y1, 0.9), _probs(Y2, 0.9)])
    # second sentence: ماكرون was PER at its other mention, and starts a confident PER key
    assert "dt=PER" in f2[1] and "dtf=PER+" in f2[1]
    assert "de=B-PER" in f2[1] and "s1=O" in f2[1]
    assert "de+1=PER" in f2[0] and "de-1=PER" in f2[2]
    # first sentence: its only other mention was O
    assert "dt=O" in f1[2] and "s1=B-PER" in f1[2] and "de=B-PER" in f1[2]
    # a frequent word (الرئيس: > 5,000 SaudiNewsNet occurrences) gets no token-majority feature
    assert not any(f.startswith("dt") for f in f1[1])
    # a word seen once in the document has no other mention to learn from
    assert not any(f.startswith("dt") for f in f2[3])
    assert [len(f) for f in (f1, f2)] == [len(S1), len(S2)]


def test_doc_features_use_only_confident_names_as_keys_and_own_label_on_request() -> None:
    f1, f2 = ner.doc_features([S1, S2], [Y1, Y2], [_probs(Y1, 0.3), _probs(Y2, 0.3)], own=False)
    assert not any(f.startswith("de") for fs in (f1, f2) for x in fs for f in x)
    assert "dt=PER" in f2[1]  # the token majority does not depend on confidence
    assert not any(f.startswith("s1=") for fs in (f1, f2) for x in fs for f in x)


def test_doc_features_match_a_name_after_a_proclitic() -> None:
    s1 = ["أعلنت", "شركة", "تويوتا", "أمس"]
    s2 = ["وقالت", "لتويوتا", "إن"]
    y1 = ["O", "B-ORG", "I-ORG", "O"]
    _, f2 = ner.doc_features([s1, s2], [y1, ["O"] * 3], [_probs(y1, 0.8), _probs(["O"] * 3, 0.8)])
    # the key is شركة تويوتا (two words); لتويوتا alone is not it, but its folded stem is the same word
    assert not any(f.startswith("de=") for f in f2[1])
    assert "dt=ORG" in f2[1]


def test_disagrees_only_where_a_confident_name_of_the_document_is_labelled_otherwise() -> None:
    assert ner._disagrees(["O"], [["de=B-PER"]])
    assert ner._disagrees(["B-PER", "O"], [["de=B-PER"], ["de=I-PER"]])  # the name is longer here
    assert ner._disagrees(["B-ORG"], [["de=B-PER"]])
    assert not ner._disagrees(["B-PER", "I-PER"], [["de=B-PER", "dt=PER"], ["de=I-PER"]])
    assert not ner._disagrees(["O", "O"], [["dt=PER", "dtf=PER+"], []])  # token majority alone does not decide
    assert not ner._disagrees(["O"], [["de+1=PER", "de-1=ORG", "s1=O"]])


def test_tag_document_keeps_first_stage_labels_where_nothing_disagrees() -> None:
    sents = [S1, ["ثم", "عاد", "إلى", "بلاده"]]
    kbs = [ner_train._kb_for(s) for s in sents]
    ys, ps = ner.tag_document(sents, kbs, n_stages=2)
    assert [len(y) for y in ys] == [len(s) for s in sents] == [len(p) for p in ps]
    assert all(0.0 <= p <= 1.0 for row in ps for p in row)
    first = [ner.tag_tokens(s, k) for s, k in zip(sents, kbs)]
    xs = [ner.sentence_features(s, k) for s, k in zip(sents, kbs)]
    extra = ner.doc_features(sents, [y for y, _ in first], [p for _, p in first])
    for k, (y1, _) in enumerate(first):
        if not ner._disagrees(y1, extra[k]):
            assert ys[k] == y1
    assert len(xs) == 2


def test_doc_extend_adds_document_features_per_block() -> None:
    sents = [(S1, Y1), (S2, Y2), (S1, Y1)]
    xs = [[["w=" + w] for w in s] for s, _ in sents]
    first = [(Y1, _probs(Y1, 0.9)), (Y2, _probs(Y2, 0.9)), (Y1, _probs(Y1, 0.9))]
    # blocks of 2: the third sentence is a document of its own, so ماكرون there has no other mention
    out = ner_train._doc_extend(sents, xs, first, 2)
    assert out[1][1][0] == "w=ماكرون" and "dt=PER" in out[1][1]
    assert not any(f.startswith("dt") for f in out[2][2])
    assert "s1=B-PER" in out[2][2]
    assert xs[0][0] == ["w=زار"]  # the first-stage feature lists are not modified


def test_a_missing_second_stage_model_is_a_model_error(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from khabar.errors import ModelError

    monkeypatch.setattr(ner, "_disagrees", lambda ys, ds: True)
    ner.set_model_paths(doc=str(tmp_path / "missing.crfsuite"))
    try:
        with pytest.raises(ModelError, match="the NER document model"):
            ner.tag_document([S1], [ner_train._kb_for(S1)], n_stages=2)
    finally:
        ner.set_model_paths()


def test_one_stage_is_the_first_crf_alone_and_the_default(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from khabar.errors import ModelError

    monkeypatch.delenv("KHABAR_NER_STAGES", raising=False)
    assert ner.stages() == 1
    sents = [S1, S2]
    kbs = [ner_train._kb_for(s) for s in sents]
    ys, ps = ner.tag_document(sents, kbs)
    assert [(y, p) for y, p in zip(ys, ps)] == [ner.tag_tokens(s, k) for s, k in zip(sents, kbs)]
    monkeypatch.setenv("KHABAR_NER_STAGES", "2")
    assert ner.stages() == 2
    monkeypatch.setenv("KHABAR_NER_STAGES", "3")
    with pytest.raises(ModelError, match="KHABAR_NER_STAGES must be 1 or 2"):
        ner.stages()
