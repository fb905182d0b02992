"""The numpy tagger (:class:`khabar.models._linear_crf.LinearCRF`, ``segment_pos._PosTagger``)
gives crfsuite's tags: same weights, same sums, batched Viterbi."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

np = pytest.importorskip("numpy")
pycrfsuite = pytest.importorskip("pycrfsuite")

from khabar.models import segment_pos as sp  # noqa: E402
from khabar.models._linear_crf import LinearCRF, export  # noqa: E402
from khabar.models.segment_pos_train import pos_sequence, read_padt  # noqa: E402

_PADT = (
    "وقال و قال الرئيس ان الحكومة ستدرس القرار .\t_ CCONJ VERB NOUN SCONJ NOUN VERB NOUN PUNCT\n"
    "وفي و في بغداد اعلن الجيش عن عملية جديدة لتحرير ل تحرير المدينة .\t_ CCONJ ADP X VERB NOUN ADP NOUN ADJ _ ADP NOUN NOUN PUNCT\n"
    "زار الوزير العراق و التقى نظيره نظير ه في بغداد .\tVERB NOUN X CCONJ VERB _ NOUN PRON ADP X PUNCT\n"
    "وقالت و قالت مصادر ان الانفجار وقع قرب مقر الحكومة .\t_ CCONJ VERB NOUN SCONJ NOUN VERB ADP NOUN NOUN PUNCT\n"
    "بالعراق ب العراق 3 ملايين نسمة\t_ ADP X NUM NOUN NOUN\n"
)


def _train(tmp_path: Path, seqs: list[tuple[list[list[str]], list[str]]]) -> tuple[str, str]:
    tr = pycrfsuite.Trainer(verbose=False)
    for xs, ys in seqs:
        tr.append(xs, ys)
    tr.set_params({"c1": 0.0, "c2": 0.1, "max_iterations": 50, "feature.possible_transitions": True})
    model = str(tmp_path / "m.crfsuite")
    tr.train(model)
    npz = str(tmp_path / "m.npz")
    export(model, npz)
    return model, npz


def test_linear_crf_viterbi_equals_crfsuite(tmp_path: Path) -> None:
    rng = random.Random(3)
    labels = ["A", "B", "C", "D"]

    def seq(n: int) -> tuple[list[list[str]], list[str]]:
        ys = [rng.choice(labels) for _ in range(n)]
        xs = [[f"a{rng.randrange(30)}", f"b{rng.randrange(8)}", f"y{y}{rng.randrange(3)}"] for y in ys]
        return xs, ys

    model, npz = _train(tmp_path, [seq(rng.randrange(1, 15)) for _ in range(80)])
    ref = pycrfsuite.Tagger()
    ref.open(model)
    crf = LinearCRF(npz)
    tests = [seq(n)[0] for n in (1, 2, 3, 7, 20, 1, 40, 5)]
    got = crf.viterbi([np.stack([crf.vector(x) for x in xs]) for xs in tests], batch=3)
    for xs, path in zip(tests, got):
        assert [crf.labels[y] for y in path] == ref.tag(xs)


def test_pos_tagger_equals_crfsuite_on_the_string_features(tmp_path: Path) -> None:
    p = tmp_path / "padt.txt"
    p.write_text(_PADT, encoding="utf-8")
    seqs = [pos_sequence(s) for s in read_padt(str(p))]
    lexicon = {"ان": "SCONJ", "في": "ADP", "و": "CCONJ"}

    def look(form: str) -> str:
        return lexicon.get(form, "UNK")

    model, npz = _train(tmp_path, [(sp.seg_features(xs, look), ys) for xs, ys in seqs])
    ref = pycrfsuite.Tagger()
    ref.open(model)
    tagger = sp._PosTagger(LinearCRF(npz), lexicon)
    # the training sentences, a longer mix of them, and a one-segment sentence, tagged in one batch
    mixed = seqs[1][0] + seqs[0][0] + seqs[4][0]
    sents = [xs for xs, _ in seqs] + [mixed, seqs[2][0][:1]]
    got = tagger.tag(sents)
    for xs, ys in zip(sents, got):
        assert ys == ref.tag(sp.seg_features(xs, look))


def test_word_starts_follow_the_roles() -> None:
    roles = ["proclitic", "stem", "stem", "enclitic", "proclitic", "proclitic", "stem", "stem"]
    assert sp.word_starts(roles) == [True, False, True, False, True, False, False, True]
