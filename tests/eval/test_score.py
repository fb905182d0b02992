"""The scorer on small hand-made gold/prediction pairs with known counts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from khabar.errors import InputError
from khabar.eval.score import PRF, load_gold, score_corpus, score_document

TEXT = "قال وزير الخارجية الأردني أيمن الصفدي أمس إن عمّان سترسل 20 شاحنة إلى دمشق."


def at(sub: str, occ: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(occ + 1):
        i = TEXT.index(sub, i + 1)
    return i, i + len(sub)


def item(sub: str, occ: int = 0, **kw: Any) -> dict[str, Any]:
    s, e = at(sub, occ)
    return {"start": s, "end": e, "text": sub, **kw}


def pred(**kinds: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"text": TEXT, "sentences": [{"start": 0, "end": len(TEXT)}]}
    base.update(kinds)
    return base


def counts(p: PRF) -> tuple[int, int, int]:
    return p.tp, p.fp, p.fn


def test_entities_strict_lenient_and_linking() -> None:
    gold = {"entities": [
        item("أيمن الصفدي", label="PER", name_en="Ayman Safadi"),
        item("دمشق", label="GPE", name_en="Damascus", kb="Q3766"),
        item("الأردني", label="NORP", name_en="Jordanian"),
    ]}
    p = pred(entities=[
        {"id": "e1", **item("الصفدي", label="PER", name_en="ayman safadi")},  # overlap only
        {"id": "e2", **item("دمشق", label="GPE", name_en="Damas", kb="Q3766")},  # exact, kb links
        {"id": "e3", **item("الأردني", label="GPE")},  # wrong label
        {"id": "e4", **item("عمّان", label="GPE")},  # spurious
    ])
    s = score_document(gold, p).scores["entities"]
    assert counts(s["strict"]) == (1, 3, 2)
    assert counts(s["lenient"]) == (2, 2, 1)
    assert (s["linking"].correct, s["linking"].total) == (2, 2)
    assert s["lenient"].precision == pytest.approx(0.5)
    assert s["lenient"].recall == pytest.approx(2 / 3)
    assert s["lenient"].f1 == pytest.approx(4 / 7)


def test_optional_items_neither_miss_nor_false_positive() -> None:
    gold = {"entities": [
        item("عمّان", label="GPE", name_en="Amman", optional=True),
        item("الأردني", label="NORP", name_en="Jordanian", optional=True),
        item("دمشق", label="GPE", name_en="Damascus"),
    ]}
    p = pred(entities=[{"id": "e1", **item("عمّان", label="GPE", name_en="WRONG")},
                       {"id": "e2", **item("دمشق", label="GPE", name_en="Damascus")}])
    s = score_document(gold, p).scores["entities"]
    assert counts(s["strict"]) == (1, 0, 0)
    assert counts(s["lenient"]) == (1, 0, 0)
    assert (s["linking"].correct, s["linking"].total) == (1, 1)  # the optional pair's link is not scored


def test_matching_is_one_to_one_and_prefers_best_overlap() -> None:
    # two predictions overlap one gold timex: one TP, one FP; the better overlap carries the value
    gold = {"timexes": [item("أمس", type="DATE", value="2023-02-15")]}
    p = pred(timexes=[
        {"id": "t1", **item("الصفدي أمس", type="DATE", value="XXXX")},
        {"id": "t2", **item("أمس", type="DATE", value="2023-02-15")},
    ])
    s = score_document(gold, p).scores["timexes"]
    assert counts(s["found"]) == (1, 1, 0)
    assert (s["value"].correct, s["value"].total) == (1, 1)


def test_quantity_values_and_ranges() -> None:
    gold = {"quantities": [item("20 شاحنة", value=20, unit="truck")]}
    ok = pred(quantities=[{"id": "q1", **item("20", value=20.0, min=None, max=None)}])
    bad = pred(quantities=[{"id": "q1", **item("20 شاحنة", value=None, min=20, max=20)}])
    assert score_document(gold, ok).scores["quantities"]["value"].correct == 1
    s = score_document(gold, bad).scores["quantities"]
    assert counts(s["found"]) == (1, 0, 0) and s["value"].correct == 0


def test_quote_needs_half_the_gold_span_and_speaker_and_direct() -> None:
    q = "إن عمّان سترسل 20 شاحنة إلى دمشق"
    gold = {"quotes": [item(q, speaker="Ayman Safadi", cue="قال", direct=False)]}
    ents = [{"id": "e1", **item("أيمن الصفدي", label="PER", name_en="Ayman Safadi")}]
    short = pred(quotes=[{"id": "qt1", **item("إن عمّان", direct=False, speaker=None)}])
    assert counts(score_document(gold, short).scores["quotes"]["found"]) == (0, 1, 1)
    sp = {**item("أيمن الصفدي"), "entity": "e1"}  # linked only through the entity
    good = pred(entities=ents, quotes=[{"id": "qt1", **item("عمّان سترسل 20 شاحنة إلى دمشق"), "direct": True, "speaker": sp}])
    s = score_document(gold, good).scores["quotes"]
    assert counts(s["found"]) == (1, 0, 0)
    assert (s["speaker"].correct, s["direct"].correct, s["direct"].total) == (1, 0, 1)


def test_speaker_x_and_y() -> None:
    gold = {"quotes": [item("إن عمّان سترسل", speaker="Ayman Safadi and Amman", direct=False)]}
    ents = [{"id": "e1", **item("الأردني أيمن الصفدي", label="PER", name_en="Ayman Safadi")},
            {"id": "e2", **item("عمّان", label="GPE", name_en="Amman")}]
    both = pred(entities=ents[:1] + [{"id": "e3", **item("الصفدي", label="PER", name_en="Amman")}],
                quotes=[{"id": "qt1", **item("إن عمّان سترسل"), "direct": False,
                         "speaker": {**item("الأردني أيمن الصفدي"), "entity": "e1"}}])
    assert score_document(gold, both).scores["quotes"]["speaker"].correct == 1
    one = pred(entities=ents, quotes=[{"id": "qt1", **item("إن عمّان سترسل"), "direct": False,
                                       "speaker": {**item("أيمن الصفدي"), "entity": None, "name_en": "Ayman Safadi"}}])
    assert score_document(gold, one).scores["quotes"]["speaker"].correct == 0


def test_attribution_source_case_insensitive() -> None:
    gold = {"attributions": [item("قال وزير", source="Reuters")]}
    p = pred(attributions=[{"id": "a1", **item("قال"), "source": "REUTERS"}])
    s = score_document(gold, p).scores["attributions"]
    assert counts(s["found"]) == (1, 0, 0) and s["source"].correct == 1


def _event(trig: str, typ: str, **kw: Any) -> dict[str, Any]:
    return {"id": "ev", "type": typ, "status": "planned", "trigger": item(trig), "sentence": 0, **kw}


def test_events_alt_types_alt_triggers_and_sentence_fallback() -> None:
    gold = {"events": [
        {"trigger": item("سترسل"), "alt_triggers": [item("شاحنة")], "type": "AID", "alt_types": ["COOPERATE"],
         "status": "planned", "source": {"name_en": "Jordan", "country": "JOR"}, "target": {"country": "SYR"},
         "location": "Damascus", "date": "2023-02-15"},
    ]}
    ents = [{"id": "e1", **item("عمّان", label="GPE", name_en="Amman", country="JOR")},
            {"id": "e2", **item("دمشق", label="GPE", name_en="Damascus", country="SYR")}]
    tmx = [{"id": "t1", **item("أمس", type="DATE", value="2023-02-15")}]
    # alt trigger + alt type; source wrong by name but right by country; target by country
    p = pred(entities=ents, timexes=tmx, events=[_event(
        "شاحنة", "COOPERATE", source={"entity": "e1", "text": "عمّان", "name_en": "Amman", "country": "JOR"},
        target={"entity": "e2", "text": "دمشق", "name_en": None, "country": "SYR"}, location="e2", date="t1")])
    s = score_document(gold, p).scores["events"]
    assert counts(s["found"]) == (1, 0, 0)
    assert (s["source"].correct, s["source_country"].correct, s["target"].correct) == (0, 1, 1)
    assert (s["status"].correct, s["location"].correct, s["date"].correct) == (1, 1, 1)
    # no trigger overlap, same sentence: matched; wrong type: not matched
    same = pred(events=[_event("قال", "AID")])
    assert counts(score_document(gold, same).scores["events"]["found"]) == (1, 0, 0)
    wrong = pred(events=[_event("سترسل", "ASSAULT")])
    assert counts(score_document(gold, wrong).scores["events"]["found"]) == (0, 1, 1)


def test_events_trigger_overlap_beats_sentence_fallback() -> None:
    gold = {"events": [{"trigger": item("سترسل"), "type": "AID", "status": "planned"},
                       {"trigger": item("قال"), "type": "AID", "status": "occurred", "optional": True}]}
    p = pred(events=[_event("قال", "AID"), _event("سترسل", "AID")])
    s = score_document(gold, p).scores["events"]
    assert counts(s["found"]) == (1, 0, 0)  # one to the required event by overlap, one absorbed by the optional one


def test_corpus_is_micro_averaged() -> None:
    g1 = {"timexes": [item("أمس", type="DATE", value="x")]}
    g2 = {"timexes": [item("أمس", type="DATE", value="x"), item("دمشق", type="DATE", value="y")]}
    rep = score_corpus([(g1, pred(timexes=[{"id": "t1", **item("أمس", value="x")}])), (g2, pred())])
    assert counts(rep.total["timexes"]["found"]) == (1, 0, 2)
    assert rep.metric("timexes", "found") == pytest.approx(0.5)  # P 1, R 1/3
    d = rep.to_dict()
    assert d["total"]["timexes"]["found"]["recall"] == pytest.approx(0.3333)
    assert len(d["documents"]) == 2


def test_load_gold_errors(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "examples").mkdir()
    bad = tmp_path / "gold" / "bad.gold.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        load_gold(bad)
    missing = tmp_path / "gold" / "missing.gold.json"
    missing.write_text(json.dumps({"doc": "examples/nope.txt"}), encoding="utf-8")
    with pytest.raises(InputError, match="does not exist"):
        load_gold(missing)
    (tmp_path / "examples" / "a.txt").write_text(TEXT, encoding="utf-8")
    off = tmp_path / "gold" / "off.gold.json"
    off.write_text(json.dumps({"doc": "examples/a.txt", "entities": [{"start": 0, "end": 3, "text": "وزير"}]}), encoding="utf-8")
    with pytest.raises(InputError, match="offsets do not match"):
        load_gold(off)
    ok = tmp_path / "gold" / "ok.gold.json"
    ok.write_text(json.dumps({"doc": "examples/a.txt", "published": "2023-02-16", "entities": [item("دمشق", label="GPE")]}),
                  encoding="utf-8")
    g = load_gold(ok)
    assert g.text == TEXT and g.published == "2023-02-16"


def test_kinds_missing_from_gold_are_not_scored():
    from khabar.eval.score import score_document

    text = "زار الوزير بغداد أمس."
    gold = {"doc": "x.txt", "published": "2024-01-05", "timexes": [{"start": 17, "end": 20, "text": "أمس", "type": "DATE", "value": "2024-01-04"}]}
    pred = {
        "text": text,
        "sentences": [{"start": 0, "end": len(text)}],
        "entities": [{"id": "e1", "start": 11, "end": 16, "text": "بغداد", "label": "GPE"}],
        "timexes": [{"id": "t1", "start": 17, "end": 20, "text": "أمس", "type": "DATE", "value": "2024-01-04"}],
    }
    d = score_document(gold, pred)
    assert d.kinds == ("timexes",)
    assert d.scores["entities"]["lenient"].fp == 0
    assert d.scores["timexes"]["found"].tp == 1


# ---------------------------------------------------------------- speaker mentions (issue 10)


def test_speaker_by_mention_span_and_by_name() -> None:
    """SPEC: a speaker is correct when it names the same entity: the gold English name, or a predicted
    span overlapping one of the gold speaker's marked mentions (another romanization counts);
    ``speaker_name`` keeps the name-only score."""
    q = "إن عمّان سترسل 20 شاحنة إلى دمشق"
    mention = at("أيمن الصفدي")
    gold = {"quotes": [item(q, speaker="Ayman Safadi", direct=False, speaker_mentions=[list(mention)])]}

    def score(sp: dict[str, Any] | None) -> tuple[int, int]:
        p = pred(quotes=[{"id": "qt1", **item(q), "direct": False, "speaker": sp}])
        s = score_document(gold, p).scores["quotes"]
        return s["speaker"].correct, s["speaker_name"].correct

    other_spelling = {**item("أيمن الصفدي"), "entity": None, "name_en": "Aiman al-Safadi"}
    assert score(other_spelling) == (1, 0)
    partial = {**item("الصفدي"), "entity": None, "name_en": None}
    assert score(partial) == (1, 0)  # overlap, not equality, of the spans
    right_name_elsewhere = {**item("دمشق"), "entity": None, "name_en": "Ayman Safadi"}
    assert score(right_name_elsewhere) == (1, 1)
    wrong = {**item("وزير الخارجية"), "entity": None, "name_en": "foreign minister"}
    assert score(wrong) == (0, 0)
    assert score(None) == (0, 0)
    # without mentions (../shared/gold) only the name counts
    gold["quotes"][0].pop("speaker_mentions")
    assert score(other_spelling) == (0, 0)


def test_speaker_mentions_are_checked_by_load_gold(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "a.txt").write_text(TEXT, encoding="utf-8")
    q = item("إن عمّان سترسل 20 شاحنة إلى دمشق", speaker="Ayman Safadi", direct=False)
    bad = tmp_path / "gold" / "bad.gold.json"
    bad.write_text(json.dumps({"doc": "examples/a.txt", "quotes": [{**q, "speaker_mentions": [[5, 10 ** 6]]}]}),
                   encoding="utf-8")
    with pytest.raises(InputError, match="speaker mention"):
        load_gold(bad)
    ok = tmp_path / "gold" / "ok.gold.json"
    ok.write_text(json.dumps({"doc": "examples/a.txt", "quotes": [{**q, "speaker_mentions": [list(at("الصفدي"))]}]}),
                  encoding="utf-8")
    assert load_gold(ok).data["quotes"][0]["speaker_mentions"] == [list(at("الصفدي"))]


def test_build_gold_speaker_mention_markup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``⟮ARABIC⟯{English Name}`` in a quotes .ann file gives every quote/attribution of that speaker
    ``speaker_mentions`` (the markup the blind test set uses)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_gold", Path(__file__).resolve().parents[1] / "data" / "quotes" / "build_gold.py")
    assert spec is not None and spec.loader is not None
    bg = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bg)
    monkeypatch.setattr(bg, "HERE", tmp_path)
    (tmp_path / "src").mkdir()
    ann = tmp_path / "src" / "x.ann"
    ann.write_text(
        "published: 2024-01-01\n"
        "قال وزير الخارجية ⟮أيمن الصفدي⟯{Ayman Safadi} ⟦إن الأردن يرفض ذلك⟧{Ayman Safadi/قال}.\n"
        "وأضاف ⟮الصفدي⟯{Ayman Safadi} ⟦أن الحل سياسي⟧{Ayman Safadi/أضاف}، ⟪بحسب ⟮مصادر⟯{sources}⟫{claimant=sources/anon}.\n",
        encoding="utf-8")
    assert bg.build(ann) == (2, 1)
    g = json.loads((tmp_path / "x.gold.json").read_text(encoding="utf-8"))
    text = (tmp_path / "x.txt").read_text(encoding="utf-8")
    assert "⟮" not in text and "⟯" not in text
    assert [[text[s:e] for s, e in q["speaker_mentions"]] for q in g["quotes"]] == [["أيمن الصفدي", "الصفدي"]] * 2
    assert [text[s:e] for s, e in g["attributions"][0]["speaker_mentions"]] == ["مصادر"]
    ann.write_text("published: 2024-01-01\nقال ⟮فلان⟯{Nobody} ⟦إن شيئا حدث⟧{Somebody/قال}.\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="no quote or attribution"):
        bg.build(ann)
