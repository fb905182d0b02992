"""Score khabar on every gold file and hold the scores above floors.

Gold files: ``../shared/gold/*.gold.json`` (skipped when ``../shared`` is absent)
and ``examples/gold/*.gold.json``. Also checks every gold offset and that the
scorer gives 1.0 when a gold file is scored against itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from khabar.errors import ComponentError
from khabar.eval.score import KINDS, PRF, Gold, load_gold, run_eval

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
EXAMPLE_GOLD = sorted((REPO / "examples" / "gold").glob("*.gold.json"))

# floors only go up
FLOORS: dict[str, dict[str, float]] = {
    "entities": {"strict": 0.0, "lenient": 0.0, "linking": 0.0},
    "timexes": {"found": 0.0, "value": 0.0},
    "quantities": {"found": 0.0, "value": 0.0},
    "quotes": {"found": 0.0, "speaker": 0.0, "direct": 0.0},
    "attributions": {"found": 0.0, "source": 0.0},
    "events": {"found": 0.0, "source": 0.0, "target": 0.0, "status": 0.0, "location": 0.0, "date": 0.0},
}


def shared_gold() -> list[Path]:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} not found: the shared gold annotations live in ../shared next to the repository")
    return sorted((SHARED / "gold").glob("*.gold.json"))


def all_gold() -> list[Path]:
    return shared_gold() + EXAMPLE_GOLD


def test_examples_have_gold_and_meta() -> None:
    assert len(EXAMPLE_GOLD) >= 3
    for g in EXAMPLE_GOLD:
        name = g.name.removesuffix(".gold.json")
        assert (REPO / "examples" / f"{name}.txt").is_file()
        assert (REPO / "examples" / f"{name}.meta.json").is_file()


@pytest.mark.parametrize("path", EXAMPLE_GOLD, ids=lambda p: p.name)
def test_example_gold_offsets(path: Path) -> None:
    g = load_gold(path)  # raises InputError on any text[start:end] != item.text
    _check_offsets(g)


def test_shared_gold_offsets() -> None:
    for path in shared_gold():
        _check_offsets(load_gold(path))


def _check_offsets(g: Gold) -> None:
    for kind in KINDS:
        for it in g.data.get(kind, []):
            spans = [it["trigger"], *it.get("alt_triggers", [])] if kind == "events" else [it]
            for sp in spans:
                assert g.text[sp["start"]:sp["end"]] == sp["text"], (g.path.name, kind, sp)


def oracle(g: Gold) -> dict[str, Any]:
    """The gold annotation written as a prediction (SPEC record), to check the scorer end to end."""
    d = g.data
    ents = [{**e, "id": f"e{i}", "name_en": e.get("name_en"), "kb": e.get("kb")} for i, e in enumerate(d.get("entities", []))]
    tmx = [{**t, "id": f"t{i}"} for i, t in enumerate(d.get("timexes", []))]
    names: dict[str, str] = {}
    for e in ents:
        if e["name_en"]:
            names.setdefault(e["name_en"], e["id"])
    values = {t.get("value"): t["id"] for t in tmx}
    quotes = [{**q, "id": f"qt{i}", "speaker": {"start": q["start"], "end": q["start"], "text": "", "entity": None,
                                                 "name_en": q.get("speaker")}} for i, q in enumerate(d.get("quotes", []))]
    events = []
    for i, ev in enumerate(d.get("events", [])):
        events.append({
            "id": f"ev{i}", "type": ev["type"], "status": ev.get("status"), "trigger": ev["trigger"], "sentence": 0,
            "source": ev.get("source"), "target": ev.get("target"),
            "location": names.get(ev.get("location") or ""), "date": values.get(ev.get("date")),
        })
    return {"text": g.text, "sentences": [{"start": 0, "end": len(g.text)}], "entities": ents, "timexes": tmx,
            "quantities": list(d.get("quantities", [])), "quotes": quotes,
            "attributions": list(d.get("attributions", [])), "events": events}


def test_gold_scored_against_itself_is_perfect() -> None:
    rep = run_eval(all_gold(), predict=oracle)
    for kind, metrics in rep.total.items():
        for name, m in metrics.items():
            if isinstance(m, PRF):
                assert (m.fp, m.fn) == (0, 0), (kind, name, m)
            else:
                assert m.correct == m.total, (kind, name, m)


def test_floors() -> None:
    paths = all_gold()
    try:
        rep = run_eval(paths)
    except ComponentError as exc:
        if "No module named 'khabar." in str(exc):
            pytest.skip(f"an extractor is not written yet: {exc}")
        raise
    low = []
    for kind, metrics in FLOORS.items():
        for name, floor in metrics.items():
            got = rep.metric(kind, name)
            if got is not None and got < floor:
                low.append(f"{kind}.{name}: {got:.3f} < floor {floor:.3f}")
    assert not low, "; ".join(low)
