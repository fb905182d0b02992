"""The temporal dev set (tests/data/dates): its shape, score floors, and ``khabar bench dates``.

The floors are the numbers measured when the dev set was frozen (docs/dates.md),
rounded down; a drop below them is a regression. ``dev-*`` files are for
tuning, ``test-*`` files are held out (reported, never tuned on).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.eval.compare_dates import compare_dates, dateparser_timexes, khabar_timexes
from khabar.eval.score import load_gold, score_corpus

DATA = Path(__file__).resolve().parents[1] / "data" / "dates"
DEV = sorted(DATA.glob("dev-*.gold.json"))
TEST = sorted(DATA.glob("test-*.gold.json"))


def _score(paths: list[Path]) -> tuple[float, float, int]:
    golds = [load_gold(p) for p in paths]
    preds = [{"timexes": khabar_timexes(g.text, dt.date.fromisoformat(g.published) if g.published else None)} for g in golds]
    rep = score_corpus(zip(golds, preds))
    found, value = rep.total["timexes"]["found"], rep.total["timexes"]["value"]
    return found.f1, value.accuracy or 0.0, found.tp + found.fn  # type: ignore[union-attr]


def test_dev_set_shape() -> None:
    assert len(DEV) >= 7 and len(TEST) >= 3
    total = 0
    for p in DEV + TEST:
        g = json.loads(p.read_text(encoding="utf-8"))
        assert set(g) >= {"doc", "published", "timexes"} and "entities" not in g
        assert g["split"] == ("test" if p.name.startswith("test-") else "dev")
        text = (DATA.parents[2] / g["doc"]).read_text(encoding="utf-8")
        for it in g["timexes"]:
            assert text[it["start"] : it["end"]] == it["text"]
            assert it["type"] in ("DATE", "TIME", "DURATION", "SET")
        total += len(g["timexes"])
    assert total >= 300


def test_build_script_reproduces_the_files() -> None:
    sys.path.insert(0, str(DATA))
    try:
        import build_devset  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    for name, (published, sentences) in build_devset.DOCS.items():
        text, gold = build_devset.build(name, published, sentences)
        assert (DATA / f"{name}.txt").read_text(encoding="utf-8") == text
        assert json.loads((DATA / f"{name}.gold.json").read_text(encoding="utf-8")) == gold


def test_dev_floors() -> None:
    f1, acc, n = _score(DEV)
    assert n >= 230
    assert f1 >= 0.99 and acc >= 0.99


def test_held_out_floors() -> None:
    f1, acc, n = _score(TEST)
    assert n >= 100
    assert f1 >= 0.97 and acc >= 0.95


def test_compare_without_dateparser() -> None:
    res = compare_dates(DEV[:2], repeats=1, with_dateparser=False)
    assert res.dateparser is None and res.chars > 1000 and res.timexes >= 60
    assert res.khabar.value_accuracy >= 0.97 and res.khabar.chars_per_s > 0
    assert res.khabar.extra_speed["tagger_alone_chars_per_s"] >= res.khabar.chars_per_s


@pytest.mark.skipif(importlib.util.find_spec("dateparser") is None, reason="dateparser not installed (pip install 'khabar[test]')")
def test_compare_with_dateparser() -> None:
    res = compare_dates(DEV[:2], repeats=1)
    assert res.dateparser is not None
    assert res.khabar.end_to_end > res.dateparser.end_to_end
    assert res.dateparser.tp > 0  # dateparser finds something, so the comparison is live


@pytest.mark.skipif(importlib.util.find_spec("dateparser") is None, reason="dateparser not installed")
def test_dateparser_value_at_gold_granularity() -> None:
    text = "وصل الوفد أمس إلى القاهرة."
    gold = [{"start": 10, "end": 13, "text": "أمس", "type": "DATE", "value": "2021-02-15"}]
    got = dateparser_timexes(text, dt.date(2021, 2, 16), gold)
    assert [(t["text"], t["value"]) for t in got] == [("أمس", "2021-02-15")]


def test_cli_bench_dates_json() -> None:
    from khabar.cli.main import app

    res = CliRunner().invoke(app, ["bench", "dates", str(DEV[0]), "--no-dateparser", "--repeats", "1", "-f", "json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["dateparser"] is None and out["khabar"]["gold"] == out["gold_timexes"] > 20
