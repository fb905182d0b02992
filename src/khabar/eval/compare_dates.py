"""khabar's temporal tagger side by side with dateparser on annotated articles (``khabar bench dates``).

Both tools read the same articles (gold files with ``timexes``, e.g.
``tests/data/dates/*.gold.json``) with the same publication date as anchor,
and are scored with the scorer of ``khabar eval``
(:func:`khabar.eval.score.score_corpus`): a timex is *found* when its span
overlaps a gold span, and *value accuracy* is the share of found ones whose
TIMEX3 value equals the gold value exactly. ``correct`` counts gold timexes
found with the right value (end to end, over all required gold timexes).

dateparser (``dateparser.search.search_dates(text, languages=["ar"],
settings={"RELATIVE_BASE": anchor})``, BSD licence, an optional dependency:
``pip install 'khabar[test]'``) returns ``(substring, datetime)`` pairs; the
substrings are located in the text left to right, and each datetime is
written at the granularity of the gold value it overlaps (day, month, year,
ISO week, clock time, part of day) — an oracle granularity that favours
dateparser. Durations, sets, seasons, quarters, decades, ``*_REF`` values and
impossible dates have no datetime, so dateparser cannot get them right;
``calendar`` restricts the comparison to gold values a datetime can express.

Speed is characters per second of article text (code points) over the same
articles: khabar end to end (normalization, sentences, tagging), khabar's
tagger alone (normalization already done, as in the pipeline), and
dateparser's ``search_dates``. khabar is timed over ``repeats`` passes and
reports the median; dateparser is timed once after a warm-up call.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khabar.errors import ConfigError
from khabar.eval.score import Gold, load_gold, score_corpus

__all__ = ["ToolResult", "Comparison", "compare_dates", "time_texts", "dateparser_timexes", "khabar_timexes", "CALENDAR_VALUE"]

CALENDAR_VALUE = re.compile(r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2}(?:T.*)?)?|-W[0-9]{2}(?:-WE)?)?$")
"""Gold values a datetime can express: year, month, day, ISO week, day + time or part of day."""


@dataclass
class ToolResult:
    """One tool's scores and speed.

    ``found`` is (tp, fp, fn) of span overlap, ``value`` (correct, scored)
    over found pairs, ``correct`` gold timexes found with the right value out
    of ``gold``; the ``calendar_*`` fields are the same restricted to gold
    values a datetime can express. ``chars_per_s`` is code points per second.
    """

    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    value_ok: int = 0
    value_n: int = 0
    gold: int = 0
    correct: int = 0
    calendar_ok: int = 0
    calendar_gold: int = 0
    chars_per_s: float = 0.0
    extra_speed: dict[str, float] = field(default_factory=dict)

    @property
    def f1(self) -> float:
        d = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / d if d else 1.0

    @property
    def value_accuracy(self) -> float:
        return self.value_ok / self.value_n if self.value_n else 0.0

    @property
    def end_to_end(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def calendar_accuracy(self) -> float:
        return self.calendar_ok / self.calendar_gold if self.calendar_gold else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "tp": self.tp, "fp": self.fp, "fn": self.fn, "found_f1": round(self.f1, 4),
            "value_correct": self.value_ok, "value_scored": self.value_n, "value_accuracy": round(self.value_accuracy, 4),
            "correct": self.correct, "gold": self.gold, "correct_share": round(self.end_to_end, 4),
            "calendar_correct": self.calendar_ok, "calendar_gold": self.calendar_gold,
            "calendar_share": round(self.calendar_accuracy, 4),
            "chars_per_s": round(self.chars_per_s), **{k: round(v) for k, v in self.extra_speed.items()},
        }


@dataclass
class Comparison:
    """The two tools on the same gold files."""

    files: list[str]
    chars: int
    timexes: int
    khabar: ToolResult
    dateparser: ToolResult | None
    dateparser_version: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": self.files, "chars": self.chars, "gold_timexes": self.timexes,
            "khabar": self.khabar.to_dict(),
            "dateparser": self.dateparser.to_dict() if self.dateparser else None,
            "dateparser_version": self.dateparser_version,
        }


def _published(g: Gold) -> dt.date | None:
    return dt.date.fromisoformat(g.published) if g.published else None


def khabar_timexes(text: str, published: dt.date | None) -> list[dict[str, Any]]:
    """khabar's timexes for one article as SPEC dicts (sentences, then the tagger)."""
    from dataclasses import asdict

    from khabar.doc import Document, Meta
    from khabar.extract.dates import find_timexes
    from khabar.text.segment import split_sentences

    doc = Document.new(text, Meta(published=published))
    doc = doc.with_(sentences=split_sentences(text))
    return [asdict(t) for t in find_timexes(doc)]


def _like(gold_value: str | None, when: dt.datetime) -> str:
    """``when`` written at the granularity of ``gold_value`` (see the module docstring)."""
    fallback = "~" + when.date().isoformat()  # never equal to a gold value
    if gold_value is None or not CALENDAR_VALUE.match(gold_value):
        return fallback
    if "-W" in gold_value:
        y, w, _ = when.date().isocalendar()
        return f"{y:04d}-W{w:02d}" + ("-WE" if gold_value.endswith("-WE") else "")
    if len(gold_value) == 4:
        return f"{when.year:04d}"
    if len(gold_value) == 7:
        return f"{when.year:04d}-{when.month:02d}"
    day = when.date().isoformat()
    if len(gold_value) == 10:
        return day
    rest = gold_value[10:]
    if re.match(r"^T[0-9]{2}:[0-9]{2}", rest):
        return f"{day}T{when.hour:02d}:{when.minute:02d}" + rest[6:]  # the gold's zone, if any
    return day + rest  # a part of day (TMO, TEV …): the date decides


def dateparser_timexes(text: str, published: dt.date | None, gold: Sequence[Mapping[str, Any]] = ()) -> list[dict[str, Any]]:
    """dateparser's finds as SPEC-like timex dicts (offsets located left to right).

    Raises:
        ConfigError: dateparser is not installed.
    """
    try:
        from dateparser.search import search_dates
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ConfigError("dateparser is not installed; pip install 'khabar[test]' (or: pip install dateparser)") from exc
    settings: dict[str, Any] = {}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime(published.year, published.month, published.day)
    try:
        found = search_dates(text, languages=["ar"], settings=settings) or []
    except Exception:  # dateparser raises on some inputs; count it as finding nothing
        found = []
    out: list[dict[str, Any]] = []
    pos = 0
    for sub, when in found:
        start = text.find(sub, pos)
        if start < 0:
            start = text.find(sub)
            if start < 0:
                continue
        end = start + len(sub)
        pos = end
        over = [g for g in gold if g["start"] < end and start < g["end"] and not g.get("optional")]
        gv = max(over, key=lambda g: min(end, g["end"]) - max(start, g["start"]))["value"] if over else None
        out.append({"id": f"t{len(out) + 1}", "start": start, "end": end, "text": sub, "type": "DATE", "value": _like(gv, when)})
    return out


def _fill(res: ToolResult, golds: list[Gold], preds: list[list[dict[str, Any]]]) -> None:
    report = score_corpus((g, {"timexes": p}) for g, p in zip(golds, preds))
    found, value = report.total["timexes"]["found"], report.total["timexes"]["value"]
    res.tp, res.fp, res.fn = found.tp, found.fp, found.fn  # type: ignore[union-attr]
    res.value_ok, res.value_n = value.correct, value.total  # type: ignore[union-attr]
    for g, p in zip(golds, preds):
        for it in g.data.get("timexes", []):
            if it.get("optional"):
                continue
            res.gold += 1
            ok = any(q["start"] < it["end"] and it["start"] < q["end"] and q["value"] == it["value"] for q in p)
            res.correct += ok
            if it.get("value") is not None and CALENDAR_VALUE.match(it["value"]):
                res.calendar_gold += 1
                res.calendar_ok += ok


def compare_dates(paths: Sequence[str | Path], *, repeats: int = 5, with_dateparser: bool = True) -> Comparison:
    """Score and time khabar (and dateparser) on gold files that annotate ``timexes``.

    Args:
        paths: ``*.gold.json`` files.
        repeats: timed passes of khabar (the median is reported).
        with_dateparser: also run dateparser (needs the package).

    Raises:
        ConfigError: no file annotates timexes, or dateparser is missing.
        InputError: a gold file cannot be read (see :func:`khabar.eval.score.load_gold`).
    """
    from khabar.doc import Document, Meta
    from khabar.extract.dates import find_timexes
    from khabar.text.normalize import normalize
    from khabar.text.segment import split_sentences

    golds = [g for g in (load_gold(p) for p in paths) if "timexes" in g.data]
    if not golds:
        raise ConfigError("none of the gold files annotates timexes; try tests/data/dates/*.gold.json")
    chars = sum(len(g.text) for g in golds)
    pubs = [_published(g) for g in golds]

    kh = ToolResult("khabar")
    _fill(kh, golds, [khabar_timexes(g.text, p) for g, p in zip(golds, pubs)])
    full: list[float] = []
    alone: list[float] = []
    for _ in range(max(1, repeats)):
        t_full = t_alone = 0.0
        for g, p in zip(golds, pubs):
            if hasattr(normalize, "cache_clear"):
                normalize.cache_clear()
            t0 = time.perf_counter()
            normalize(g.text)
            doc = Document.new(g.text, Meta(published=p)).with_(sentences=split_sentences(g.text))
            t1 = time.perf_counter()
            find_timexes(doc)
            t2 = time.perf_counter()
            t_full += t2 - t0
            t_alone += t2 - t1
        full.append(t_full)
        alone.append(t_alone)
    kh.chars_per_s = chars / statistics.median(full)
    kh.extra_speed["tagger_alone_chars_per_s"] = chars / statistics.median(alone)

    dp: ToolResult | None = None
    version: str | None = None
    if with_dateparser:
        try:
            import dateparser
            from dateparser.search import search_dates
        except ImportError as exc:
            raise ConfigError("dateparser is not installed; pip install 'khabar[test]' (or: pip install dateparser)") from exc
        version = getattr(dateparser, "__version__", None)
        search_dates("أمس", languages=["ar"])  # warm-up: loads the language data
        dp = ToolResult("dateparser")
        preds = []
        t0 = time.perf_counter()
        for g, p in zip(golds, pubs):
            preds.append(dateparser_timexes(g.text, p, g.data.get("timexes", [])))
        dp.chars_per_s = chars / (time.perf_counter() - t0)
        _fill(dp, golds, preds)
    n_gold = sum(1 for g in golds for it in g.data.get("timexes", []) if not it.get("optional"))
    return Comparison([str(g.path) for g in golds], chars, n_gold, kh, dp, version)


def time_texts(texts: Sequence[str], *, repeats: int = 3, with_dateparser: bool = True) -> dict[str, float]:
    """Characters per second of both tools on plain articles (no gold, no anchor needed).

    Returns ``{"chars", "khabar_chars_per_s", "khabar_tagger_alone_chars_per_s",
    "dateparser_chars_per_s"}`` (the last only with ``with_dateparser``); khabar's
    numbers are medians over ``repeats`` passes, dateparser is timed once.
    """
    from khabar.doc import Document, Meta
    from khabar.extract.dates import find_timexes
    from khabar.text.normalize import normalize
    from khabar.text.segment import split_sentences

    chars = sum(len(t) for t in texts)
    if not chars:
        raise ConfigError("no text to time")
    full: list[float] = []
    alone: list[float] = []
    for _ in range(max(1, repeats)):
        t_full = t_alone = 0.0
        for text in texts:
            if hasattr(normalize, "cache_clear"):
                normalize.cache_clear()
            t0 = time.perf_counter()
            normalize(text)
            doc = Document.new(text, Meta()).with_(sentences=split_sentences(text))
            t1 = time.perf_counter()
            find_timexes(doc)
            t2 = time.perf_counter()
            t_full += t2 - t0
            t_alone += t2 - t1
        full.append(t_full)
        alone.append(t_alone)
    out = {
        "chars": float(chars),
        "khabar_chars_per_s": chars / statistics.median(full),
        "khabar_tagger_alone_chars_per_s": chars / statistics.median(alone),
    }
    if with_dateparser:
        try:
            from dateparser.search import search_dates
        except ImportError as exc:
            raise ConfigError("dateparser is not installed; pip install 'khabar[test]' (or: pip install dateparser)") from exc
        search_dates("أمس", languages=["ar"])
        t0 = time.perf_counter()
        for text in texts:
            try:
                search_dates(text, languages=["ar"])
            except Exception:
                pass
        out["dateparser_chars_per_s"] = chars / (time.perf_counter() - t0)
    return out
