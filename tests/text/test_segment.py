from khabar.text.segment import proclitic_prefixes, split_sentences, tokenize


def _sents(text):
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_arabic_punctuation_and_lines():
    text = "وصل الوزير إلى بغداد. هل يلتقي الرئيس؟ نعم!\nثم غادر؛ وانتهت الزيارة"
    assert _sents(text) == ["وصل الوزير إلى بغداد.", "هل يلتقي الرئيس؟", "نعم!", "ثم غادر؛", "وانتهت الزيارة"]


def test_no_split_in_decimals_or_ellipsis():
    text = "ارتفع المؤشر 2.5 في المئة..وتراجع الدولار... ثم استقر."
    assert _sents(text) == [text]


def test_closing_quote_stays_with_sentence():
    text = "قال: «سنعود.» ثم مضى."
    assert _sents(text) == ["قال: «سنعود.»", "ثم مضى."]


def test_sentences_trim_spaces():
    text = "  أولا.   ثانيا.  "
    ss = split_sentences(text)
    assert [(s.start, s.end) for s in ss] == [(2, 7), (10, 16)]


def test_tokens_with_offsets_and_kinds():
    text = "وبالعراق ٥٠٠ جندي، NATO."
    toks = tokenize(text)
    assert [(t.text, t.kind) for t in toks] == [
        ("وبالعراق", "word"), ("٥٠٠", "number"), ("جندي", "word"), ("،", "punct"), ("NATO", "latin"), (".", "punct"),
    ]
    assert toks[1].norm == "500"
    for t in toks:
        assert text[t.start : t.end] == t.text


def test_numbers_keep_separators():
    toks = tokenize("بلغ 1,500.75 و٣٬٠٠٠")
    assert [t.text for t in toks if t.kind == "number"] == ["1,500.75", "٣٬٠٠٠"]


def test_proclitic_prefixes():
    p = proclitic_prefixes()
    assert {"", "و", "ف", "ب", "وب", "فل", "ك"} <= p
    assert "س" not in p
    assert "وس" in proclitic_prefixes(future=True)


def test_text_without_punctuation_is_cut_into_bounded_sentences():
    from khabar.text.segment import MAX_SENTENCE

    text = ("قال الوزير إن الحكومة ستواصل العمل مع الشركاء، وأضاف أن الوفد وصل " * 200).strip()
    ss = split_sentences(text)
    assert len(ss) > 1
    assert all(s.end - s.start <= MAX_SENTENCE for s in ss)
    assert ss[0].start == 0 and ss[-1].end == len(text)
    # cuts fall after a clause mark or a space, never inside a word
    for a, b in zip(ss, ss[1:]):
        assert text[a.end - 1] in "، " or text[a.end] == " " or text[b.start - 1] == " "


def test_bidi_controls_are_not_tokens():
    plain = tokenize("بحسب رويترز، قال")
    marked = tokenize("بحسب\u200f رويترز\u200e، \u2067قال\u2069")
    assert [t.text for t in marked] == [t.text for t in plain]
