import pytest

from khabar.text.matcher import PhraseMatcher
from khabar.text.normalize import normalize


def _found(m, text):
    return [(text[x.start : x.end], x.payload, x.prefix) for x in m.find(normalize(text))]


def test_proclitics_are_outside_the_span():
    m = PhraseMatcher([("العراق", "IRQ"), ("بغداد", "Baghdad")])
    text = "وصل إلى بالعراق ثم وبغداد"
    assert _found(m, text) == [("العراق", "IRQ", "ب"), ("بغداد", "Baghdad", "و")]


def test_lam_swallows_the_article_alef():
    m = PhraseMatcher([("الناتو", "NATO")])
    text = "قدم الدعم للناتو وللناتو"
    assert _found(m, text) == [("لناتو", "NATO", "ل"), ("لناتو", "NATO", "ول")]


def test_word_boundaries():
    m = PhraseMatcher([("العراق", "IRQ")])
    assert _found(m, "العراقيين والعراقي") == []
    assert _found(m, "مستقبل العراق.") == [("العراق", "IRQ", "")]


def test_suffixes_for_inflection():
    m = PhraseMatcher([("قال", "say")], suffixes=("ت", "وا"))
    text = "قالت الوزيرة وقالوا"
    assert [x[0] for x in _found(m, text)] == ["قال", "قال"]


def test_future_marker_only_when_asked():
    plain = PhraseMatcher([("يقلل", "reduce")])
    fut = PhraseMatcher([("يقلل", "reduce")], future=True)
    assert _found(plain, "سيقلل") == []
    assert _found(fut, "وسيقلل") == [("يقلل", "reduce", "وس")]


def test_longest_match_wins_and_spelling_variants():
    m = PhraseMatcher([("حلف الأطلسي", "NATO"), ("حلف شمال الأطلسي", "NATO"), ("شمال", "north")])
    text = "قال حلف شمال الاطلسى"
    assert _found(m, text) == [("حلف شمال الاطلسى", "NATO", "")]


def test_diacritics_in_text():
    m = PhraseMatcher([("وزارة الخارجية", "MFA")])
    text = "وزارةُ الخارجيّةِ"
    assert _found(m, text) == [("وزارةُ الخارجيّةِ", "MFA", "")]


def test_empty_lexicon_is_an_error():
    with pytest.raises(ValueError):
        PhraseMatcher([])


def test_future_marker_needs_an_imperfect_verb():
    m = PhraseMatcher([("اعدوا", "prepare"), ("يقلل", "reduce")], future=True)
    assert _found(m, "ساعدوا السكان") == []  # س is part of the word, not the future marker
    assert _found(m, "ستقلل") == [] and _found(m, "سيقلل") == [("يقلل", "reduce", "س")]
