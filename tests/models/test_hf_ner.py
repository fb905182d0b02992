"""The transformer NER backend end to end on a tiny random BERT built here (no hub, no download).

Skips when torch or transformers is not installed (they are not in the test
extra: ``pip install 'khabar[transformers]'`` and a PyTorch build).
"""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from khabar.errors import ModelError  # noqa: E402
from khabar.models import hf_ner, ner  # noqa: E402
from khabar.models._text import words  # noqa: E402

LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]
TEXT = "وصل الرئيسُ إلى بغداد أمس. وقال وزير الخارجية في بيروت وبغداد إن المحادثات مستمرة."


def _build(path, force: str) -> str:
    """Save a 2-layer random BERT with a WordPiece vocabulary of single letters whose classifier always says ``force``."""
    letters = sorted({c for c in TEXT if not c.isspace()} | set("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإةى"))
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + letters + ["##" + c for c in letters]
    (path / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    try:  # transformers 5 takes the vocabulary itself, 4 a vocab.txt path
        tok = transformers.BertTokenizerFast(vocab={w: i for i, w in enumerate(vocab)}, do_lower_case=False, strip_accents=False)
    except TypeError:
        tok = transformers.BertTokenizerFast(vocab_file=str(path / "vocab.txt"), do_lower_case=False, strip_accents=False)
    cfg = transformers.BertConfig(
        vocab_size=len(vocab), hidden_size=16, num_hidden_layers=2, num_attention_heads=2, intermediate_size=32,
        max_position_embeddings=64, num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)), label2id={y: i for i, y in enumerate(LABELS)},
    )
    torch.manual_seed(0)
    model = transformers.BertForTokenClassification(cfg)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.fill_(-10.0)
        model.classifier.bias[LABELS.index(force)] = 10.0
    model.save_pretrained(str(path))
    tok.save_pretrained(str(path))
    return str(path)


@pytest.fixture(scope="module")
def per_model(tmp_path_factory) -> str:
    return _build(tmp_path_factory.mktemp("bert_per"), "B-PER")


@pytest.fixture(scope="module")
def org_model(tmp_path_factory) -> str:
    return _build(tmp_path_factory.mktemp("bert_org"), "I-ORG")


def test_tokenizer_splits_words_into_subwords(per_model: str) -> None:
    tok, _, _ = hf_ner.load(per_model)
    enc = tok(["بغداد"], is_split_into_words=True)
    assert enc.word_ids() == [None, 0, 0, 0, 0, 0, None]  # five sub-words, one word


def test_every_word_a_person_maps_to_word_offsets(per_model: str) -> None:
    spans = hf_ner.predict_text(TEXT, per_model)
    ws = [w for w in words(TEXT) if any(c.isalpha() for c in w[2])]
    assert len(spans) == len(ws)
    for (s, e, label, conf), (ws_, we, w) in zip(spans, ws):
        assert label == "PER"
        assert e == we and TEXT[s:e] == w[s - ws_ :]
        assert conf > 0.99
    got = {TEXT[s:e] for s, e, _, _ in spans}
    assert "الرئيسُ" in got  # diacritics kept, offsets into the original text
    assert "بغداد" in got and "وبغداد" not in got  # proclitic و stripped as in the CRF (strip_proclitics)
    assert "وقال" in got  # ... but only where the rest is a name of its own


def test_inside_labels_make_one_span_per_sentence(org_model: str) -> None:
    spans = hf_ner.predict_text(TEXT, org_model)
    # I-ORG everywhere (IOB1 style) = one span per sentence, from its first to its last word
    assert [(TEXT[s:e], lab) for s, e, lab, _ in spans] == [
        ("وصل الرئيسُ إلى بغداد أمس", "ORG"),
        ("وقال وزير الخارجية في بيروت وبغداد إن المحادثات مستمرة", "ORG"),
    ]


def test_long_sentences_are_cut_into_pieces(org_model: str) -> None:
    text = " ".join(["بغداد"] * 25)
    spans = hf_ner.predict_text(text, org_model, max_words=10)
    assert [(s, e) for s, e, _, _ in spans] == [(0, 59), (60, 119), (120, 149)]


def test_pieces_longer_than_the_model_window_are_halved(org_model: str) -> None:
    text = " ".join(["بغداد"] * 25)  # 125 sub-words + 2 > 64 positions
    spans = hf_ner.predict_text(text, org_model)
    assert [(s, e) for s, e, _, _ in spans] == [(0, 149)]  # the halves' labels are joined


def test_backend_switch_runs_the_transformer(per_model: str) -> None:
    from khabar.doc import Document

    try:
        ner.set_backend("transformers:" + per_model)
        spans = ner.predict_entities(Document.new("زار ماكرون بغداد"))
    finally:
        ner.set_backend(None)
    assert [(s, e, lab) for s, e, lab, _ in spans] == [(0, 3, "PER"), (4, 10, "PER"), (11, 16, "PER")]
    import os

    assert ner.backend() == (os.environ.get("KHABAR_NER") or "crf")


def test_bad_specs_fail_with_one_line(tmp_path) -> None:
    with pytest.raises(ModelError, match="unknown NER backend"):
        ner.set_backend("bert")
    with pytest.raises(ModelError, match="cannot load the transformers NER model"):
        ner.set_backend("transformers:" + str(tmp_path / "nothing-here"))
    assert ner._backend is None


def test_labels_to_spans_reads_iob1_iob2_io() -> None:
    assert hf_ner.labels_to_spans(["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG"]) == [
        (0, 2, "PER"), (3, 5, "LOC"), (5, 6, "LOC"), (6, 7, "ORG"),
    ]
