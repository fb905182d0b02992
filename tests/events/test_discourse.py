"""Issue 7: one event per happening, claimants, event dates, casualty roles, exports, CLI, dev set."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.doc import Document, Entity, Event, Quantity, Quote, Speaker, Span, Timex, check_offsets
from khabar.events.coder import code_events
from khabar.events.discourse import quantities_for
from khabar.events.export import COLUMNS, event_rows, rows_to_csv, rows_to_jsonl
from khabar.eval.score import run_eval, score_document

from .test_coder import make, only, run

ROOT = Path(__file__).resolve().parents[2]
DEV = sorted((ROOT / "tests" / "data" / "events").glob("dev-*.gold.json"))
TEST = sorted((ROOT / "tests" / "data" / "events").glob("test-*.gold.json"))


# ------------------------------------------------------------------ one event per happening
def test_definite_mention_in_later_sentence_merges() -> None:
    text = "شن مسلحون هجوما على مركز للشرطة في الموصل. وقال مسؤول إن الهجوم استمر ساعتين."
    evs = run(text)
    assaults = [e for e in evs if e.type == "ASSAULT"]
    assert len(assaults) == 1
    ev = assaults[0]
    assert [m.text for m in ev.mentions] == ["شن مسلحون هجوما", "الهجوم"] or [m.text for m in ev.mentions][-1] == "الهجوم"
    assert len(ev.mentions) == 2
    assert ev.trigger == ev.mentions[0]


@pytest.mark.parametrize(
    "background, value",
    [
        ("وكانت المعارك قد اندلعت في المنطقة في صيف 2012.", "2012-SU"),
        ("وكانت الاشتباكات قد بدأت في البلدة في مارس 2019.", "2019-03"),
    ],
)
def test_background_with_a_far_date_is_another_happening(background: str, value: str) -> None:
    """A definite mention dated long before publication recalls the background, not the report of the day."""
    import datetime as dt

    from khabar.doc import Meta
    from khabar.pipeline import default_pipeline

    text = "قتل ثلاثة مدنيين في قصف استهدف بلدة في ريف إدلب. " + background
    doc = default_pipeline()(Document.new(text, Meta(published=dt.date(2021, 2, 16))))
    assaults = sorted((e for e in doc.events if e.type == "ASSAULT"), key=lambda e: e.trigger.start)
    assert [e.date_value for e in assaults] == ["2021-02-16", value]
    assert all(m.start < len(text.split(". ")[0]) for m in assaults[0].mentions)


def test_different_counts_are_different_happenings() -> None:
    text = ("قررت فرنسا سحب 500 جندي من مالي. "
            "وكانت فرنسا قد سحبت 2000 جندي من المنطقة العام الماضي.")
    q1 = Quantity("q1", text.index("500"), text.index("500") + 3, "500", value=500)
    q2 = Quantity("q2", text.index("2000"), text.index("2000") + 4, "2000", value=2000)
    evs = run(text, quantities=(q1, q2))
    assert len([e for e in evs if e.type == "RETREAT"]) == 2


def test_entity_names_are_not_triggers() -> None:
    # تشاد is a country, not the verb شاد; the rule is about spans inside any entity
    text = "أقلعت الطائرة من نيامي متجهة إلى تشاد."
    doc = make(text)
    s = text.index("تشاد")
    doc = doc.with_(entities=doc.entities + (Entity("e9", s, s + 4, "تشاد", "GPE", "Chad", None, "TCD"),))
    assert not [e for e in code_events(doc) if e.trigger.start == s]


def test_call_up_of_reservists_is_mobilize() -> None:
    ev = only(run("استدعى الجيش الإسرائيلي آلاف جنود الاحتياط."), "MOBILIZE")
    assert ev.trigger.text == "استدعى" and ev.mode == "troops"


# ------------------------------------------------------------------ claimant, dates, quantities
def test_claimant_is_the_speaker_of_the_quote() -> None:
    text = "وقال أنطونيو غوتيريش إن القوات الروسية قصفت المدينة."
    doc = make(text)
    ent = next(e for e in doc.entities if e.name_en == "António Guterres")
    qs = text.index("إن")
    quote = Quote("qt1", qs, len(text) - 1, text[qs:-1], direct=False, cue="قال",
                  speaker=Speaker(ent.start, ent.end, ent.text, ent.id, ent.name_en))
    ev = only(code_events(doc.with_(quotes=(quote,))), "ASSAULT")
    assert ev.claimant is not None and ev.claimant.name_en == "António Guterres" and ev.claimant.entity == ent.id


def test_date_from_clause_else_publication_for_past_reports() -> None:
    text = "اعتقلت الشرطة ثلاثة ناشطين. ومن المقرر أن تزور فرنسا القاهرة في 3 مارس 2021."
    ts = text.index("3 مارس 2021")
    tx = Timex("t1", ts, ts + len("3 مارس 2021"), "3 مارس 2021", "DATE", "2021-03-03")
    evs = run(text, timexes=(tx,))
    arrest = only(evs, "COERCE")
    assert (arrest.date, arrest.date_source, arrest.date_value) == (None, "published", "2021-02-16")
    visit = only(evs, "CONSULT")
    assert visit.status == "planned" and (visit.date, visit.date_source, visit.date_value) == ("t1", "clause", "2021-03-03")


def test_planned_event_without_date_gets_no_publication_date() -> None:
    ev = only(run("تعتزم فرنسا سحب قواتها من مالي."), "RETREAT")
    assert ev.status == "planned" and ev.date_source is None and ev.date_value is None


def test_time_of_day_values_become_days() -> None:
    text = "اقتحمت القوات الإسرائيلية المخيم فجر اليوم."
    ts = text.index("فجر اليوم")
    tx = Timex("t1", ts, ts + 9, "فجر اليوم", "TIME", "2021-02-16TMO")
    ev = run(text, timexes=(tx,))[0]
    assert ev.date == "t1" and ev.date_value == "2021-02-16"


def test_quantities_follow_roles_and_fall_back_without_them() -> None:
    text = "قتل 5 جنود واعتقل 3 مسلحين."
    doc = make(text).with_(quantities=(
        Quantity("q1", 4, 5, "5", value=5, unit="soldier", role="killed"),
        Quantity("q2", 16, 17, "3", value=3, unit="gunman", role="arrested"),
        Quantity("q3", 0, 1, "ق", value=1),
    ))
    assert quantities_for(doc, "ASSAULT", ("q1", "q2", "q3")) == ("q1", "q3")
    assert quantities_for(doc, "COERCE", ("q1", "q2")) == ("q2",)


# ------------------------------------------------------------------ exports
def _doc_with_events() -> Document:
    text = "وقال أنطونيو غوتيريش إن القوات الروسية قصفت مواقع في الموصل. وأدان الاتحاد الأوروبي الهجوم."
    doc = make(text)
    return doc.with_(events=code_events(doc))


def test_event_rows_columns_and_provenance() -> None:
    doc = _doc_with_events()
    rows = event_rows(doc)
    assert rows and all(tuple(r) == COLUMNS for r in rows)
    for r, ev in zip(rows, doc.events):
        assert doc.text[r["trigger_start"]:r["trigger_end"]] == r["trigger_text"] == ev.trigger.text
        assert doc.text[r["sentence_start"]:r["sentence_end"]] == r["sentence_text"]
        assert r["doc_id"] == doc.id and r["event_type"] == ev.type and r["status"] == ev.status
        for m in r["mentions"]:
            assert doc.text[m["start"]:m["end"]] == m["text"]
        if r["source_start"] is not None:
            assert doc.text[r["source_start"]:r["source_end"]] in r["source_text"]
    assault = next(r for r in rows if r["event_type"] == "ASSAULT")
    assert assault["source_country"] == "RUS" and assault["location_name"] == "Mosul"


def test_csv_and_jsonl_round_trip() -> None:
    rows = event_rows(_doc_with_events())
    back = list(csv.DictReader(io.StringIO(rows_to_csv(rows))))
    assert len(back) == len(rows) and list(back[0]) == list(COLUMNS)
    assert back[0]["trigger_text"] == rows[0]["trigger_text"]
    lines = rows_to_jsonl(rows).splitlines()
    assert [json.loads(x)["event_id"] for x in lines] == [r["event_id"] for r in rows]


def test_cli_event_formats_and_min_confidence(tmp_path: Path) -> None:
    from khabar.cli.main import app

    art = tmp_path / "a.txt"
    art.write_text("شنت طائرات أمريكية غارات على مواقع في الموصل أمس. وقال مسؤول إن الغارات استمرت ساعات.\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["extract", str(art), "-p", "2024-01-05", "--format", "events-csv"])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows and rows[0]["event_type"] == "ASSAULT" and rows[0]["published"] == "2024-01-05"
    r = CliRunner().invoke(app, ["extract", str(art), "-p", "2024-01-05", "--format", "events-jsonl"])
    assert r.exit_code == 0 and json.loads(r.stdout.splitlines()[0])["event_type"] == "ASSAULT"
    r = CliRunner().invoke(app, ["extract", str(art), "-p", "2024-01-05", "--format", "json", "--min-confidence", "1"])
    assert r.exit_code == 0 and json.loads(r.stdout)["events"] == []


# ------------------------------------------------------------------ scorer: mode accuracy
def test_mode_accuracy_in_scorer() -> None:
    text = "قصفت طائرات مسيرة القاعدة."
    gold = {"doc": "x", "events": [
        {"trigger": {"start": 0, "end": 4, "text": "قصفت"}, "type": "ASSAULT", "mode": "aerial", "alt_modes": ["drone"], "status": "occurred"},
    ]}
    pred = {"sentences": [{"start": 0, "end": len(text)}], "entities": [], "timexes": [],
            "events": [{"type": "ASSAULT", "mode": "drone", "status": "occurred", "sentence": 0,
                        "trigger": {"start": 0, "end": 4, "text": "قصفت"}}]}
    m = score_document(gold, pred).scores["events"]["mode"]
    assert (m.correct, m.total) == (1, 1)
    pred["events"][0]["mode"] = "firearms"
    m = score_document(gold, pred).scores["events"]["mode"]
    assert (m.correct, m.total) == (0, 1)


# ------------------------------------------------------------------ dev set
def test_dev_set_is_well_formed() -> None:
    assert len(DEV) + len(TEST) >= 30
    types = set()
    statuses = set()
    for p in DEV + TEST:
        g = json.loads(p.read_text(encoding="utf-8"))
        text = (ROOT / g["doc"]).read_text(encoding="utf-8")
        for e in g["events"]:
            assert text[e["trigger"]["start"]:e["trigger"]["end"]] == e["trigger"]["text"]
            types.add(e["type"])
            statuses.add(e["status"])
    assert len(types) == 16 and statuses == {"occurred", "planned", "expected", "possible", "requested", "denied"}


def test_dev_set_floor() -> None:
    """Floors on the dev split (tuned on): the issue's goal is F1 >= 0.80 and status >= 0.90."""
    rep = run_eval(DEV)
    ev = rep.total["events"]
    assert ev["found"].f1 >= 0.95, ev["found"].to_dict()  # type: ignore[union-attr]
    assert ev["status"].accuracy >= 0.97  # type: ignore[union-attr,operator]


def test_event_offsets_hold_on_dev_articles() -> None:
    from khabar.pipeline import extract

    for p in DEV[:5]:
        g = json.loads(p.read_text(encoding="utf-8"))
        doc = extract((ROOT / g["doc"]).read_text(encoding="utf-8"), published=g["published"])
        assert not check_offsets(doc)
        assert all(isinstance(e, Event) and e.mentions and e.mentions[0] == e.trigger or e.trigger in e.mentions for e in doc.events)
        assert all(isinstance(m, Span) for e in doc.events for m in e.mentions)


def test_every_actor_points_to_its_text() -> None:
    """Second pass: source, target and claimant carry code-point offsets of their own text."""
    from khabar.pipeline import extract

    n = 0
    for p in DEV[:8]:
        g = json.loads(p.read_text(encoding="utf-8"))
        doc = extract((ROOT / g["doc"]).read_text(encoding="utf-8"), published=g["published"])
        for e in doc.events:
            for a in (e.source, e.target, e.claimant):
                if a is None:
                    continue
                n += 1
                assert a.start is not None and a.end is not None, a
                assert doc.text[a.start:a.end] == a.text
        for r in event_rows(doc):
            if r["source_start"] is not None:
                assert doc.text[r["source_start"]:r["source_end"]] == r["source_text"]
    assert n >= 20


def test_coordinated_clauses_share_the_later_clause_date() -> None:
    import datetime as dt

    from khabar.doc import Meta
    from khabar.pipeline import default_pipeline

    text = "قتل خمسة جنود وأصيب عشرة آخرون في هجوم على قاعدة عسكرية قرب الحدود أمس الأحد."
    doc = default_pipeline()(Document.new(text, Meta(published=dt.date(2025, 3, 10))))
    assert [(e.type, e.date_value) for e in doc.events if e.type == "ASSAULT"][:2] == [
        ("ASSAULT", "2025-03-09"), ("ASSAULT", "2025-03-09")]
