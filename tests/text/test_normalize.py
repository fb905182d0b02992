from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.text.normalize import normalize, normalize_phrase


def test_folds_and_removes():
    n = normalize("أَمْرِيكِيّة إلى آذار ٢٠٢١ ۱۹ ٪")
    assert n.text == "امريكيه الي اذار 2021 19 %"


def test_span_maps_back_with_trailing_diacritics():
    text = "وأكّدَ الرئيسُ"
    n = normalize(text)
    assert n.text == "واكد الرئيس"
    s, e = n.span(0, 4)
    assert text[s:e] == "وأكّدَ"
    s, e = n.span(5, 11)
    assert text[s:e] == "الرئيسُ"


def test_whitespace_runs_collapse_and_keep_newlines():
    n = normalize("أ  ب\t\n ج")
    assert n.text == "ا ب\nج"
    assert n.span(4, 5) == (7, 8)


def test_presentation_forms_and_controls():
    text = "\u200fﻻ\u200e تراجع\u0640ت"
    n = normalize(text)
    assert n.text == "لا تراجعت"
    s, e = n.span(0, 2)
    assert text[s:e] == "ﻻ"


def test_latin_lowercased_and_phrase():
    assert normalize("NATO Reuters").text == "nato reuters"
    assert normalize_phrase("  حلف شمال الأطلسي ") == "حلف شمال الاطلسي"


def test_from_original():
    text = "قَالَ إنّ"
    n = normalize(text)
    assert n.text == "قال ان"
    assert n.from_original(5) == 3
    assert n.from_original(6) == 4


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ابتثجحخدذرسشةىأإآؤئ ًٌٍَُِّْـ٠١٢۳\u200f\u200eﻻﷲ \n.،abcXYZ019")), max_size=60))
def test_offset_map_is_monotone_and_in_range(text):
    n = normalize(text)
    assert len(n.to_original) == len(n.text) + 1
    assert list(n.to_original) == sorted(n.to_original)
    assert n.to_original[-1] == len(text)
    for i in range(len(n.text)):
        s, e = n.span(i, i + 1)
        assert 0 <= s < e <= len(text)
