"""Score khabar's output against hand annotations (SPEC.md, "Gold files and scoring").

A gold file (``*.gold.json``) holds the annotation of one article: ``doc`` (the
article's path, relative to the gold file's repository root, i.e. the gold
file's parent's parent), ``published`` and lists ``entities``, ``timexes``,
``quantities``, ``quotes``, ``attributions``, ``events``. A prediction is the
SPEC record (:meth:`khabar.doc.Document.to_dict`). Offsets on both sides are
Python ``str`` indices (code points), half-open ``[start, end)``.

Matching, for every kind, is one-to-one and greedy: all admissible
(gold, predicted) pairs are ranked by how well their spans agree (overlap over
union, then overlap length; required gold before optional gold on ties) and
taken best first, each item at most once. The usual shared-task convention
(MUC-7 / CoNLL-2003 exact match for the strict entity score; the overlap
("lenient") match of SemEval-2013 Task 9 and TempEval-3 for the others).

* An item marked ``"optional": true`` is no miss when absent; a prediction that
  matches it is removed from both sides (neither TP nor FP) and its
  attributes are not scored.
* Counts are summed over documents before P/R/F1 are computed (micro-average).
* Attribute accuracies are computed over matched, non-optional pairs whose gold
  item states the attribute (a gold event without ``date`` does not score the
  date).

Metrics per kind (names used in :meth:`Report.to_dict` and the floors test):

=============  ===========================================================
entities       ``strict`` (span + label), ``lenient`` (overlap + label),
               ``linking`` (accuracy over lenient pairs: ``name_en`` equal
               case-insensitively, or ``kb`` equal), ``coref`` (gold items
               marked ``coref``: resolved to the same referent; issue 6)
timexes        ``found`` (overlap), ``value`` (exact TIMEX3 string)
quantities     ``found`` (overlap), ``value`` (value/min/max equal numbers)
quotes         ``found`` (overlap >= 50 % of the gold span), ``speaker`` (the
               gold English name, or a predicted span overlapping one of the
               gold ``speaker_mentions``), ``speaker_name`` (the name alone),
               ``direct``; ``via`` and ``anonymous`` (source chain, scored
               when the gold quote states them; issue 10)
attributions   ``found`` (overlap), ``source`` (English name, case-insensitive);
               ``via``, ``claimant``, ``anonymous`` when the gold states them
events         ``found`` (trigger overlap, else same sentence; type or
               ``alt_types``), ``source``, ``target``, ``status``,
               ``location``, ``date``, ``source_country``, ``target_country``,
               ``mode`` (gold ``mode`` or ``alt_modes``; issue 7)
=============  ===========================================================
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khabar.errors import InputError

__all__ = [
    "PRF",
    "Accuracy",
    "Gold",
    "DocScore",
    "Report",
    "KINDS",
    "load_gold",
    "score_document",
    "score_corpus",
    "format_report",
    "run_eval",
]

KINDS: tuple[str, ...] = ("entities", "timexes", "quantities", "quotes", "attributions", "events")
"""The scored kinds, in report order."""

QUOTE_MIN_COVER = 0.5
"""A predicted quote is found when it overlaps at least this share of the gold span (SPEC.md)."""


# ---------------------------------------------------------------------------
# counters


@dataclass
class PRF:
    """True positives, false positives and misses; precision, recall and F1 in [0, 1].

    With nothing to find and nothing predicted, P = R = F1 = 1.0 (nothing was
    got wrong); with predictions only, P = 0.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """``tp / (tp + fp)``; 1.0 when nothing was predicted."""
        d = self.tp + self.fp
        return self.tp / d if d else 1.0

    @property
    def recall(self) -> float:
        """``tp / (tp + fn)``; 1.0 when nothing was to be found."""
        d = self.tp + self.fn
        return self.tp / d if d else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0.0 when both are 0)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "PRF") -> None:
        """Add another counter's counts in place (micro-averaging)."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, float | int]:
        """``{"tp", "fp", "fn", "precision", "recall", "f1"}`` (scores rounded to 4 places)."""
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
        }


@dataclass
class Accuracy:
    """Correct out of scored pairs; ``accuracy`` is ``None`` when nothing was scored."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        """``correct / total`` in [0, 1], or ``None`` when ``total == 0``."""
        return self.correct / self.total if self.total else None

    def count(self, ok: bool) -> None:
        """Score one pair."""
        self.total += 1
        self.correct += int(ok)

    def add(self, other: "Accuracy") -> None:
        """Add another counter's counts in place (micro-averaging)."""
        self.correct += other.correct
        self.total += other.total

    def to_dict(self) -> dict[str, float | int | None]:
        """``{"correct", "total", "accuracy"}`` (accuracy rounded to 4 places or ``None``)."""
        acc = self.accuracy
        return {"correct": self.correct, "total": self.total, "accuracy": None if acc is None else round(acc, 4)}


Metric = PRF | Accuracy
KindScore = dict[str, Metric]


def _empty_scores() -> dict[str, KindScore]:
    return {
        "entities": {"strict": PRF(), "lenient": PRF(), "linking": Accuracy(), "coref": Accuracy()},
        "timexes": {"found": PRF(), "value": Accuracy()},
        "quantities": {"found": PRF(), "value": Accuracy()},
        "quotes": {"found": PRF(), "speaker": Accuracy(), "speaker_name": Accuracy(), "direct": Accuracy(), "via": Accuracy(), "anonymous": Accuracy()},
        "attributions": {"found": PRF(), "source": Accuracy(), "via": Accuracy(), "claimant": Accuracy(), "anonymous": Accuracy()},
        "events": {
            "found": PRF(), "source": Accuracy(), "target": Accuracy(), "status": Accuracy(),
            "location": Accuracy(), "date": Accuracy(), "source_country": Accuracy(), "target_country": Accuracy(),
            "mode": Accuracy(),
        },
    }


def _scores_to_dict(scores: Mapping[str, KindScore]) -> dict[str, dict[str, dict[str, Any]]]:
    return {k: {m: v.to_dict() for m, v in ms.items()} for k, ms in scores.items()}


@dataclass
class DocScore:
    """The scores of one document: ``scores[kind][metric]`` is a :class:`PRF` or :class:`Accuracy`."""

    doc: str
    scores: dict[str, KindScore] = field(default_factory=_empty_scores)
    kinds: tuple[str, ...] = ()  # the kinds this document's gold annotates

    def to_dict(self) -> dict[str, Any]:
        """``{"doc": str, "kinds": [...], "scores": {kind: {metric: counts and scores}}}``."""
        return {"doc": self.doc, "kinds": list(self.kinds), "scores": _scores_to_dict(self.scores)}


@dataclass
class Report:
    """Scores of several documents and their micro-averaged ``total`` (counts summed)."""

    documents: list[DocScore]
    total: dict[str, KindScore]

    def to_dict(self) -> dict[str, Any]:
        """The ``--format json`` shape: ``{"total": {...}, "documents": [DocScore.to_dict()]}``."""
        return {"total": _scores_to_dict(self.total), "documents": [d.to_dict() for d in self.documents]}

    def metric(self, kind: str, name: str) -> float | None:
        """The headline number of ``total[kind][name]``: F1 for a :class:`PRF`, else the accuracy."""
        m = self.total[kind][name]
        return m.f1 if isinstance(m, PRF) else m.accuracy


# ---------------------------------------------------------------------------
# gold files


@dataclass(frozen=True)
class Gold:
    """A loaded gold file.

    ``data`` is the JSON object as written, ``doc_path`` the article it
    annotates (``doc`` resolved against ``path.parent.parent``, else the
    nearest further ancestor that has it), ``text`` that
    article as :func:`khabar.ingest.read.read_input` reads it, ``published``
    the ``YYYY-MM-DD`` string (or ``None``).
    """

    path: Path
    doc_path: Path
    text: str
    published: str | None
    data: dict[str, Any]


def _offset_problems(data: Mapping[str, Any], text: str) -> list[str]:
    bad: list[str] = []
    for kind in KINDS:
        for i, item in enumerate(data.get(kind) or []):
            spans: list[Mapping[str, Any]] = []
            if kind == "events":
                spans = [item.get("trigger") or {}, *(item.get("alt_triggers") or [])]
            else:
                spans = [item]
            for sp in spans:
                s, e, t = sp.get("start"), sp.get("end"), sp.get("text")
                if not isinstance(s, int) or not isinstance(e, int) or not (0 <= s <= e <= len(text)):
                    bad.append(f"{kind}[{i}] has no valid start/end")
                elif text[s:e] != t:
                    bad.append(f"{kind}[{i}] [{s},{e}) is {text[s:e]!r}, not {t!r}")
            for m in item.get("speaker_mentions") or () if kind in ("quotes", "attributions") else ():
                if not (isinstance(m, (list, tuple)) and len(m) == 2 and all(isinstance(x, int) for x in m)
                        and 0 <= m[0] < m[1] <= len(text)):
                    bad.append(f"{kind}[{i}] has a speaker mention {m!r} that is no [start, end] span of the text")
    return bad


def load_gold(path: str | Path) -> Gold:
    """Read a gold file and the article it names, and check every offset.

    Args:
        path: a ``*.gold.json`` file (SPEC.md format).

    Returns:
        A :class:`Gold`.

    Raises:
        InputError: the file is missing or not a JSON object, ``doc`` is
            missing or names no readable file, ``published`` is not a string,
            or an item's ``text`` differs from ``article[start:end]``.
    """
    from khabar.ingest.read import read_input

    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(str(p), "no such gold file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(p), f"cannot be read as UTF-8 ({exc})") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(str(p), f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    if not isinstance(data, dict):
        raise InputError(str(p), "is not a gold file: expected a JSON object with 'doc', 'published' and item lists")
    doc = data.get("doc")
    if not isinstance(doc, str) or not doc:
        raise InputError(str(p), "has no 'doc' (the article path, relative to the folder above the gold folder)")
    # ``doc`` is relative to the gold file's repository root: the gold folder's parent
    # (../shared/gold -> ../shared), or further up for nested gold folders
    # (examples/gold -> the repository root); the first ancestor that has it wins.
    bases = list(p.resolve().parents)[1:]
    doc_path = next((b / doc for b in bases if (b / doc).is_file()), None)
    if doc_path is None:
        first = bases[0] / doc if bases else Path(doc)
        raise InputError(str(p), f"names doc {doc!r}, but {first} does not exist")
    published = data.get("published")
    if published is not None and not isinstance(published, str):
        raise InputError(str(p), "'published' must be a YYYY-MM-DD string")
    for kind in KINDS:
        if not isinstance(data.get(kind, []), list):
            raise InputError(str(p), f"'{kind}' must be a list")
    text = read_input(str(doc_path)).text
    bad = _offset_problems(data, text)
    if bad:
        more = f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""
        raise InputError(str(p), f"offsets do not match {doc}: {bad[0]}{more}")
    return Gold(path=p, doc_path=doc_path, text=text, published=published, data=data)


# ---------------------------------------------------------------------------
# matching

_WS = re.compile(r"\s+")
_AND = re.compile(r"\s*(?:,|\band\b|&)\s*", re.I)


def _name(s: Any) -> str | None:
    """Case- and space-insensitive key of an English name (``None`` for empty)."""
    if not isinstance(s, str):
        return None
    k = _WS.sub(" ", s).strip().casefold()
    return k or None


def _overlap(a: Mapping[str, Any], b: Mapping[str, Any]) -> int:
    return max(0, min(int(a["end"]), int(b["end"])) - max(int(a["start"]), int(b["start"])))


def _agreement(a: Mapping[str, Any], b: Mapping[str, Any]) -> tuple[float, int] | None:
    """(overlap / union, overlap) of two spans, or ``None`` when they do not overlap."""
    ov = _overlap(a, b)
    if ov <= 0:
        return None
    union = max(int(a["end"]), int(b["end"])) - min(int(a["start"]), int(b["start"]))
    return (ov / union if union else 1.0, ov)


def _greedy(
    gold: Sequence[Mapping[str, Any]],
    pred: Sequence[Mapping[str, Any]],
    score: Callable[[Mapping[str, Any], Mapping[str, Any]], tuple[float, ...] | None],
) -> list[tuple[int, int]]:
    """One-to-one matching: admissible pairs, best score first; required gold wins ties."""
    cands: list[tuple[tuple[float, ...], int, int, int]] = []
    for gi, g in enumerate(gold):
        opt = 1 if g.get("optional") else 0
        for pi, p in enumerate(pred):
            s = score(g, p)
            if s is not None:
                cands.append((s, opt, gi, pi))
    cands.sort(key=lambda c: (tuple(-x for x in c[0]), c[1], c[2], c[3]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    pairs.sort()
    return pairs


def _count(
    gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]], pairs: list[tuple[int, int]], prf: PRF
) -> list[tuple[int, int]]:
    """Fill ``prf`` from a matching; return the pairs whose gold item is required."""
    matched_g = {gi for gi, _ in pairs}
    kept = [(gi, pi) for gi, pi in pairs if not gold[gi].get("optional")]
    prf.tp += len(kept)
    prf.fp += len(pred) - len(pairs)
    prf.fn += sum(1 for gi, g in enumerate(gold) if gi not in matched_g and not g.get("optional"))
    return kept


def _num_equal(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)
    except (TypeError, ValueError):
        return False


class _Lookup:
    """Entity and timex ids of a prediction, and its sentence starts."""

    def __init__(self, pred: Mapping[str, Any]) -> None:
        self.entities = {e.get("id"): e for e in pred.get("entities") or []}
        self.timexes = {t.get("id"): t for t in pred.get("timexes") or []}
        self.sentences = [(int(s["start"]), int(s["end"])) for s in pred.get("sentences") or []]

    def sentence_of(self, offset: int) -> int | None:
        """Index of the sentence containing ``offset`` (nearest preceding otherwise); ``None`` without sentences."""
        best: int | None = None
        for i, (s, _) in enumerate(self.sentences):
            if s <= offset:
                best = i
            else:
                break
        return best

    def entity_name(self, entity_id: Any) -> str | None:
        e = self.entities.get(entity_id)
        return _name(e.get("name_en")) if e else None


def _speaker_names(speaker: Mapping[str, Any] | None, look: _Lookup) -> set[str]:
    if not speaker:
        return set()
    names = {n for n in (_name(speaker.get("name_en")), look.entity_name(speaker.get("entity"))) if n}
    return names


def _speaker_ok(gold_speaker: str, speaker: Mapping[str, Any] | None, look: _Lookup) -> bool:
    """Gold speaker (an English name) against a predicted speaker.

    Correct when the speaker's ``name_en`` or its entity's ``name_en`` equals
    the gold name (case-insensitive). A gold "X and Y" (also "X, Y and Z") is
    also correct when every part is named by the predicted speaker: its own
    name(s) split the same way, plus the names of predicted entities lying
    inside the speaker span.
    """
    g = _name(gold_speaker)
    if g is None or not speaker:
        return False
    names = _speaker_names(speaker, look)
    if g in names:
        return True
    parts = {x for x in (_name(s) for s in _AND.split(gold_speaker)) if x}
    if len(parts) < 2:
        return False
    have: set[str] = set()
    for n in names:
        have.update(x for x in (_name(s) for s in _AND.split(n)) if x)
    if "start" in speaker and "end" in speaker:
        s0, s1 = int(speaker["start"]), int(speaker["end"])
        for e in look.entities.values():
            if s0 <= int(e.get("start", -1)) and int(e.get("end", 1 << 62)) <= s1:
                n = _name(e.get("name_en"))
                if n:
                    have.add(n)
    return parts <= have


def _speaker_mention_ok(gold: Mapping[str, Any], speaker: Mapping[str, Any] | None) -> bool:
    """Whether the predicted speaker's span overlaps one of the gold item's ``speaker_mentions``
    (``[[start, end], …]``: the marked mentions of the gold speaker in the article)."""
    mentions = gold.get("speaker_mentions") or ()
    if not speaker or not mentions or "start" not in speaker or "end" not in speaker:
        return False
    s0, s1 = int(speaker["start"]), int(speaker["end"])
    return any(max(s0, int(ms)) < min(s1, int(me)) for ms, me in mentions)


def _actor_ok(gold: Mapping[str, Any], pred: Mapping[str, Any] | None, look: _Lookup) -> bool:
    """Gold actor ``{name_en?, country?, sector?}`` against a predicted actor.

    Correct when the predicted actor's ``name_en`` (or its entity's) equals the
    gold ``name_en`` case-insensitively; when the gold actor has no
    ``name_en`` (only a country), when the countries are equal.
    """
    if not pred:
        return False
    g = _name(gold.get("name_en"))
    if g is not None:
        return g in {n for n in (_name(pred.get("name_en")), look.entity_name(pred.get("entity"))) if n}
    gc = gold.get("country")
    return gc is not None and gc == _actor_country(pred, look)


def _actor_country(pred: Mapping[str, Any] | None, look: _Lookup) -> str | None:
    if not pred:
        return None
    c = pred.get("country")
    if c:
        return str(c)
    e = look.entities.get(pred.get("entity"))
    return e.get("country") if e else None


# ---------------------------------------------------------------------------
# per kind


def _items(d: Mapping[str, Any], kind: str) -> list[Mapping[str, Any]]:
    return list(d.get(kind) or [])


def _score_entities(gold: list[Mapping[str, Any]], pred: list[Mapping[str, Any]], out: KindScore) -> None:
    def strict(g: Mapping[str, Any], p: Mapping[str, Any]) -> tuple[float, ...] | None:
        ok = g["start"] == p["start"] and g["end"] == p["end"] and g.get("label") == p.get("label")
        return (1.0,) if ok else None

    def lenient(g: Mapping[str, Any], p: Mapping[str, Any]) -> tuple[float, ...] | None:
        return _agreement(g, p) if g.get("label") == p.get("label") else None

    assert isinstance(out["strict"], PRF) and isinstance(out["lenient"], PRF) and isinstance(out["linking"], Accuracy)
    _count(gold, pred, _greedy(gold, pred, strict), out["strict"])
    for gi, pi in _count(gold, pred, _greedy(gold, pred, lenient), out["lenient"]):
        g, p = gold[gi], pred[pi]
        if g.get("name_en") is None and g.get("kb") is None:
            continue
        name_ok = _name(g.get("name_en")) is not None and _name(g.get("name_en")) == _name(p.get("name_en"))
        kb_ok = g.get("kb") is not None and g.get("kb") == p.get("kb")
        out["linking"].count(name_ok or kb_ok)


def _names_of(s: Any) -> frozenset[str]:
    """The names in an English name, split at "and"/commas (``"A and B"`` → {a, b})."""
    if not isinstance(s, str):
        return frozenset()
    return frozenset(x for x in (_name(p) for p in _AND.split(s)) if x)


def _score_coref(gold: list[Mapping[str, Any]], pred: list[Mapping[str, Any]], out: KindScore) -> None:
    """Coreference accuracy (issue 6) over gold entities marked ``"coref": true``.

    A coreferent mention is a short name (فؤاد after فؤاد حسين) or a description (الحلف،
    الوزير، البلاد، الطرفان, a title resolved by date); optional or not, each is scored:
    correct when a predicted entity — or a predicted nominal mention, from the record's
    ``mentions`` list when it has one — overlaps it and names the same referent (``kb``
    equal, or the same English name(s); ``"A and B"`` equals ``"B and A"``). A mention khabar
    did not resolve counts as wrong, so this is recall-oriented.
    """
    acc = out["coref"]
    assert isinstance(acc, Accuracy)
    for g in gold:
        if not g.get("coref"):
            continue
        gnames = _names_of(g.get("name_en"))
        ok = False
        for p in pred:
            if not (int(p.get("start", -1)) < int(g["end"]) and int(g["start"]) < int(p.get("end", -1))):
                continue
            if (g.get("kb") is not None and g.get("kb") == p.get("kb")) or (gnames and gnames == _names_of(p.get("name_en"))):
                ok = True
                break
        acc.count(ok)


def _score_simple(
    gold: list[Mapping[str, Any]],
    pred: list[Mapping[str, Any]],
    out: KindScore,
    attr: str,
    attr_ok: Callable[[Mapping[str, Any], Mapping[str, Any]], bool | None],
) -> None:
    found = out["found"]
    acc = out[attr]
    assert isinstance(found, PRF) and isinstance(acc, Accuracy)
    for gi, pi in _count(gold, pred, _greedy(gold, pred, _agreement), found):
        ok = attr_ok(gold[gi], pred[pi])
        if ok is not None:
            acc.count(ok)


def _timex_value_ok(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool | None:
    return g.get("value") == p.get("value") if "value" in g else None


def _quantity_value_ok(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    return all(_num_equal(g.get(k), p.get(k)) for k in ("value", "min", "max"))


def _attribution_source_ok(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool | None:
    gs = _name(g.get("source"))
    return None if gs is None else gs == _name(p.get("source"))


def _score_quotes(gold: list[Mapping[str, Any]], pred: list[Mapping[str, Any]], look: _Lookup, out: KindScore) -> None:
    def covers(g: Mapping[str, Any], p: Mapping[str, Any]) -> tuple[float, ...] | None:
        a = _agreement(g, p)
        glen = int(g["end"]) - int(g["start"])
        if a is None or (glen and a[1] / glen < QUOTE_MIN_COVER):
            return None
        return a

    found, spk, spk_name, direct = out["found"], out["speaker"], out["speaker_name"], out["direct"]
    assert isinstance(found, PRF) and isinstance(spk, Accuracy) and isinstance(direct, Accuracy)
    assert isinstance(spk_name, Accuracy)
    for gi, pi in _count(gold, pred, _greedy(gold, pred, covers), found):
        g, p = gold[gi], pred[pi]
        if g.get("speaker"):
            # SPEC: "speaker correct when it names the same entity": the English name, or the
            # span of one of the gold speaker's marked mentions (another romanization of the
            # same person counts); ``speaker_name`` keeps the name-only score
            by_name = _speaker_ok(str(g["speaker"]), p.get("speaker"), look)
            spk_name.count(by_name)
            spk.count(by_name or _speaker_mention_ok(g, p.get("speaker")))
        if "direct" in g:
            direct.count(bool(g["direct"]) == bool(p.get("direct")))


def _score_source_chain(
    kind: str, gold: list[Mapping[str, Any]], pred: list[Mapping[str, Any]], out: KindScore
) -> None:
    """Source-chain accuracies (issue 10) over the same one-to-one matching as ``found``.

    Quotes: ``via`` (outlet, English name, case-insensitive; a gold ``null`` must be
    predicted as no outlet) and ``anonymous``. Attributions: also ``claimant``.
    Each is scored only over matched, required gold items that state the key.
    """
    if kind == "quotes":
        def match(g: Mapping[str, Any], p: Mapping[str, Any]) -> tuple[float, ...] | None:
            a = _agreement(g, p)
            glen = int(g["end"]) - int(g["start"])
            if a is None or (glen and a[1] / glen < QUOTE_MIN_COVER):
                return None
            return a
    else:
        match = _agreement
    scratch = PRF()
    for gi, pi in _count(gold, pred, _greedy(gold, pred, match), scratch):
        g, p = gold[gi], pred[pi]
        for key in ("via", "claimant"):
            if key in g and key in out:
                acc = out[key]
                assert isinstance(acc, Accuracy)
                acc.count(_name(g[key]) == _name(p.get(key)))
        if "anonymous" in g:
            acc = out["anonymous"]
            assert isinstance(acc, Accuracy)
            acc.count(bool(g["anonymous"]) == bool(p.get("anonymous")))


def _score_events(gold: list[Mapping[str, Any]], pred: list[Mapping[str, Any]], look: _Lookup, out: KindScore) -> None:
    def match(g: Mapping[str, Any], p: Mapping[str, Any]) -> tuple[float, ...] | None:
        types = {g.get("type"), *(g.get("alt_types") or [])}
        if p.get("type") not in types:
            return None
        ptrig = p.get("trigger")
        if ptrig:
            best: tuple[float, int] | None = None
            for t in (g.get("trigger"), *(g.get("alt_triggers") or [])):
                if t:
                    a = _agreement(t, ptrig)
                    if a is not None and (best is None or a > best):
                        best = a
            if best is not None:
                return (2.0, *best)
        gt = g.get("trigger")
        if gt and p.get("sentence") is not None:
            si = look.sentence_of(int(gt["start"]))
            if si is not None and si == p.get("sentence"):
                return (1.0, 0.0, 0)
        return None

    found = out["found"]
    assert isinstance(found, PRF)
    acc: dict[str, Accuracy] = {k: v for k, v in out.items() if isinstance(v, Accuracy)}
    for gi, pi in _count(gold, pred, _greedy(gold, pred, match), found):
        g, p = gold[gi], pred[pi]
        for role in ("source", "target"):
            ga = g.get(role)
            if ga:
                acc[role].count(_actor_ok(ga, p.get(role), look))
                if ga.get("country"):
                    acc[f"{role}_country"].count(ga["country"] == _actor_country(p.get(role), look))
        if g.get("status"):
            acc["status"].count(g["status"] == p.get("status"))
        if g.get("location"):
            acc["location"].count(_name(g["location"]) is not None and _name(g["location"]) == look.entity_name(p.get("location")))
        if g.get("date"):
            t = look.timexes.get(p.get("date"))
            # the event's own date value (day granularity, or the publication date for a past
            # report with no date in its clause) when the record carries one, else the timex's
            value = p.get("date_value") or (t.get("value") if t is not None else None)
            acc["date"].count(value == g["date"])
        if g.get("mode"):
            acc["mode"].count(_event_mode_ok(g, p))


def _event_mode_ok(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    """Mode accuracy (issue 7): the predicted PLOVER mode equals the gold ``mode`` or one of ``alt_modes``."""
    return p.get("mode") is not None and p.get("mode") in {g.get("mode"), *(g.get("alt_modes") or [])}


def score_document(gold: Mapping[str, Any] | Gold, predicted: Mapping[str, Any], name: str | None = None) -> DocScore:
    """Score one prediction against its gold annotation.

    Args:
        gold: the gold JSON object (or a :class:`Gold`).
        predicted: the SPEC record of the same article (``Document.to_dict()``);
            its offsets must index the same text as the gold offsets.
        name: the document name in the report (default: gold ``doc``).

    Returns:
        A :class:`DocScore` with raw counts per kind and metric.
    """
    g = gold.data if isinstance(gold, Gold) else gold
    out = DocScore(doc=name or str(g.get("doc") or predicted.get("id") or "?"))
    look = _Lookup(predicted)
    s = out.scores
    # A kind the gold file does not annotate (no key at all, e.g. a dev set of
    # dates only) is not scored; an empty list means "annotated: none here".
    if "entities" in g:
        _score_entities(_items(g, "entities"), _items(predicted, "entities"), s["entities"])
        _score_coref(_items(g, "entities"), _items(predicted, "entities") + _items(predicted, "mentions"), s["entities"])
    if "timexes" in g:
        _score_simple(_items(g, "timexes"), _items(predicted, "timexes"), s["timexes"], "value", _timex_value_ok)
    if "quantities" in g:
        _score_simple(_items(g, "quantities"), _items(predicted, "quantities"), s["quantities"], "value", _quantity_value_ok)
    if "quotes" in g:
        _score_quotes(_items(g, "quotes"), _items(predicted, "quotes"), look, s["quotes"])
        _score_source_chain("quotes", _items(g, "quotes"), _items(predicted, "quotes"), s["quotes"])
    if "attributions" in g:
        _score_simple(_items(g, "attributions"), _items(predicted, "attributions"), s["attributions"], "source", _attribution_source_ok)
        _score_source_chain("attributions", _items(g, "attributions"), _items(predicted, "attributions"), s["attributions"])
    if "events" in g:
        _score_events(_items(g, "events"), _items(predicted, "events"), look, s["events"])
    out.kinds = tuple(k for k in ("entities", "timexes", "quantities", "quotes", "attributions", "events") if k in g)
    return out


def score_corpus(pairs: Iterable[tuple[Mapping[str, Any] | Gold, Mapping[str, Any]]]) -> Report:
    """Score (gold, predicted) pairs and micro-average them (counts summed over documents).

    Returns:
        A :class:`Report`; ``report.total`` holds the summed counters.
    """
    docs = [score_document(g, p) for g, p in pairs]
    total = _empty_scores()
    for d in docs:
        for kind, ms in d.scores.items():
            for m, v in ms.items():
                total[kind][m].add(v)  # type: ignore[arg-type]
    return Report(documents=docs, total=total)


def run_eval(
    gold_paths: Sequence[str | Path],
    predict: Callable[[Gold], Mapping[str, Any]] | None = None,
) -> Report:
    """Extract every gold file's article with khabar and score it.

    Args:
        gold_paths: ``*.gold.json`` files.
        predict: ``Gold -> SPEC record``; default runs
            :func:`khabar.pipeline.extract` on the article text with the gold
            ``published`` date.

    Raises:
        InputError: a bad gold file (see :func:`load_gold`).
        ComponentError: a pipeline component failed.
    """
    if predict is None:
        from khabar.pipeline import extract

        def predict(g: Gold) -> Mapping[str, Any]:
            return extract(g.text, published=g.published).to_dict()

    pairs: list[tuple[Gold, Mapping[str, Any]]] = []
    for path in gold_paths:
        g = load_gold(path)
        pairs.append((g, predict(g)))
    rep = score_corpus(pairs)
    for d, (g, _) in zip(rep.documents, pairs):
        d.doc = g.path.name.removesuffix(".gold.json")
    return rep


# ---------------------------------------------------------------------------
# report


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:5.1f}"


def format_report(report: Report) -> Any:
    """A printable rich renderable: the totals table and a per-document F1 table.

    Returns:
        ``rich.console.Group`` of two ``rich.table.Table``.
    """
    from rich.console import Group
    from rich.table import Table

    n = len(report.documents)
    t = Table(title=f"khabar eval — {n} document{'s' if n != 1 else ''} (micro-average)")
    for col in ("kind", "metric", "P", "R", "F1 / acc", "counts"):
        t.add_column(col, justify="left" if col in ("kind", "metric", "counts") else "right")
    scored = [k for k in KINDS if any(k in d.kinds for d in report.documents)]
    for kind in scored:
        first = True
        for m, v in report.total[kind].items():
            label = kind if first else ""
            first = False
            if isinstance(v, PRF):
                t.add_row(label, m, _pct(v.precision), _pct(v.recall), _pct(v.f1), f"tp {v.tp} fp {v.fp} fn {v.fn}")
            elif v.total:  # an attribute no gold item states (0/0) is left out of the table
                t.add_row(label, m, "", "", _pct(v.accuracy), f"{v.correct}/{v.total}")
            else:
                first = first and label == ""
        t.add_section()
    per = Table(title="F1 per document")
    per.add_column("document")
    heads = [(k, m) for k, m in [("entities", "lenient"), ("timexes", "found"), ("quantities", "found"), ("quotes", "found"),
             ("attributions", "found"), ("events", "found")] if k in scored]
    for k, m in heads:
        per.add_column(k if m == "found" else f"{k} ({m})", justify="right")
    for d in report.documents:
        row = [d.doc]
        for k, m in heads:
            v = d.scores[k][m]
            row.append(_pct(v.f1 if isinstance(v, PRF) else v.accuracy) if k in d.kinds else "")
        per.add_row(*row)
    return Group(t, per)
