"""Speed and memory of the pipeline, per stage (``khabar bench``).

Method (after spaCy's ``benchmark speed``): one warm-up pass (loads lexicons
and automatons, which is reported separately as start-up), then ``repeats``
timed passes over the inputs; each stage's time is summed over passes and
reported as documents/s and characters/s with the median and a bootstrap 95%
interval over passes. Peak resident memory comes from ``resource.getrusage``.
"""

from __future__ import annotations

import random
import resource
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from khabar.doc import Document, Meta
from khabar.pipeline import Pipeline, default_pipeline
from khabar.text.normalize import normalize

__all__ = ["BenchResult", "run_bench"]


@dataclass
class BenchResult:
    """Timings: ``stage_seconds[name]`` is a list with one total per pass."""

    docs: int
    chars: int
    startup_s: float
    stage_seconds: dict[str, list[float]] = field(default_factory=dict)
    peak_rss_mib: float = 0.0

    def total_per_pass(self) -> list[float]:
        passes = len(next(iter(self.stage_seconds.values()), []))
        return [sum(v[i] for v in self.stage_seconds.values()) for i in range(passes)]

    @staticmethod
    def _ci(xs: Sequence[float], n: int = 1000) -> tuple[float, float]:
        if len(xs) < 2:
            return (xs[0], xs[0]) if xs else (0.0, 0.0)
        rng = random.Random(0)
        meds = sorted(statistics.median(rng.choices(xs, k=len(xs))) for _ in range(n))
        return meds[int(0.025 * n)], meds[int(0.975 * n) - 1]

    def rows(self) -> list[dict[str, float | str]]:
        """One row per stage plus ``total``: median ms per doc, docs/s, chars/s, 95% CI of docs/s."""
        out: list[dict[str, float | str]] = []
        items = list(self.stage_seconds.items()) + [("total", self.total_per_pass())]
        for name, secs in items:
            med = statistics.median(secs)
            lo, hi = self._ci(secs)
            out.append(
                {
                    "stage": name,
                    "ms_per_doc": 1000 * med / self.docs,
                    "docs_per_s": self.docs / med if med else float("inf"),
                    "chars_per_s": self.chars / med if med else float("inf"),
                    "docs_per_s_ci": f"{self.docs / hi:.0f}–{self.docs / lo:.0f}" if lo and hi else "",
                }
            )
        return out


def run_bench(texts: Sequence[str], *, published: str | None = None, repeats: int = 30, pipeline: Pipeline | None = None) -> BenchResult:
    """Time each pipeline stage over ``texts``.

    Args:
        texts: article texts.
        published: publication date (YYYY-MM-DD) given to every document.
        repeats: timed passes after one warm-up pass.
        pipeline: the pipeline to measure (default: the full one).

    Returns:
        A :class:`BenchResult`.
    """
    import datetime as dt

    pipe = pipeline or default_pipeline()
    pub = dt.date.fromisoformat(published) if published else None
    docs = [Document.new(t, Meta(published=pub)) for t in texts]
    t0 = time.perf_counter()
    for d in docs:
        pipe(d)
    startup = time.perf_counter() - t0
    res = BenchResult(docs=len(docs), chars=sum(len(t) for t in texts), startup_s=startup)
    for c in pipe.components:
        res.stage_seconds[c.name] = []
    for _ in range(repeats):
        per = dict.fromkeys(res.stage_seconds, 0.0)
        for d in docs:
            normalize.cache_clear()  # each document pays for its own normalization
            for c in pipe.components:
                s = time.perf_counter()
                d = c(d)
                per[c.name] += time.perf_counter() - s
        for k, v in per.items():
            res.stage_seconds[k].append(v)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    res.peak_rss_mib = rss / 1024 if sys.platform != "darwin" else rss / 1048576
    return res
