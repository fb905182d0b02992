"""``khabar bench quantities``: speed of the quantity extractor alone, in characters per second.

Method (after spaCy's ``benchmark speed``): the articles are segmented once (the
extractor needs ``doc.sentences``; segmentation is not timed); one warm-up call per
article loads the unit lexicon and fills the word caches (reported as start-up);
then ``repeats`` timed passes call :func:`khabar.extract.quantities.find_quantities`
on every article. Reported: the median over passes of characters/s and ms per
article, with a bootstrap 95% interval of characters/s (1000 resamples, seed 0).
"""

from __future__ import annotations

import json
import random
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Optional

import typer

from khabar.cli.main import ReportFormat, bench_app
from khabar.errors import ConfigError

__all__ = ["QuantityBench", "run_quantity_bench", "bench_quantities"]


@dataclass(frozen=True)
class QuantityBench:
    """Result of :func:`run_quantity_bench`; ``pass_seconds`` has one total per timed pass."""

    docs: int
    chars: int
    quantities: int
    startup_s: float
    pass_seconds: tuple[float, ...]

    def chars_per_s(self) -> float:
        """Median characters per second over passes."""
        return self.chars / statistics.median(self.pass_seconds)

    def chars_per_s_ci(self, n: int = 1000) -> tuple[float, float]:
        """Bootstrap 95% interval of the median characters/s (seed 0)."""
        xs = self.pass_seconds
        if len(xs) < 2:
            v = self.chars_per_s()
            return v, v
        rng = random.Random(0)
        meds = sorted(statistics.median(rng.choices(xs, k=len(xs))) for _ in range(n))
        return self.chars / meds[int(0.975 * n) - 1], self.chars / meds[int(0.025 * n)]

    def ms_per_doc(self) -> float:
        """Median milliseconds per article."""
        return 1000 * statistics.median(self.pass_seconds) / self.docs

    def to_dict(self) -> dict[str, object]:
        lo, hi = self.chars_per_s_ci()
        return {
            "docs": self.docs, "chars": self.chars, "quantities": self.quantities, "passes": len(self.pass_seconds),
            "startup_ms": round(1000 * self.startup_s, 1), "ms_per_doc": round(self.ms_per_doc(), 3),
            "chars_per_s": round(self.chars_per_s()), "chars_per_s_ci95": [round(lo), round(hi)],
        }


def run_quantity_bench(texts: list[str], *, repeats: int = 30) -> QuantityBench:
    """Time :func:`~khabar.extract.quantities.find_quantities` over ``texts``.

    Args:
        texts: article texts (each becomes one document).
        repeats: timed passes after the warm-up (≥ 1).

    Returns:
        A :class:`QuantityBench`; ``chars`` counts code points of one pass.

    Raises:
        ConfigError: no text, or ``repeats`` < 1.
    """
    from khabar.doc import Document
    from khabar.extract.quantities import find_quantities
    from khabar.pipeline import default_pipeline

    if not texts:
        raise ConfigError("no article to time")
    if repeats < 1:
        raise ConfigError(f"--repeats must be at least 1, got {repeats}")
    seg = default_pipeline(["segment"])
    docs = [seg(Document.new(t)) for t in texts]
    t0 = time.perf_counter()
    found = sum(len(find_quantities(d)) for d in docs)
    startup = time.perf_counter() - t0
    passes = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for d in docs:
            find_quantities(d)
        passes.append(time.perf_counter() - t0)
    return QuantityBench(len(docs), sum(len(t) for t in texts), found, startup, tuple(passes))


def _default_paths() -> list[Path]:
    root = Path(__file__).resolve().parents[3]
    return sorted((root / "examples").glob("*.txt")) + sorted((root / "tests" / "data" / "quantities").glob("*.txt"))


@bench_app.command("quantities")
def bench_quantities(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Article files (default: bundled examples and the quantity dev set).", metavar="[PATH...]")] = None,
    repeats: Annotated[int, typer.Option(help="Timed passes after one warm-up pass.", min=1)] = 30,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="table or json.")] = ReportFormat.table,
) -> None:
    """Characters per second of the quantity extractor alone (segmentation not timed).

    Example:

        khabar bench quantities ../shared/examples/nato-iraq-2021-02-16.txt --repeats 50
    """
    from khabar.ingest import read_input

    paths = list(paths or _default_paths())
    if not paths:
        raise ConfigError("no article given and no bundled examples found; pass article paths")
    res = run_quantity_bench([read_input(str(p)).text for p in paths], repeats=repeats)
    if fmt is ReportFormat.json:
        typer.echo(json.dumps(res.to_dict(), indent=1))
        return
    lo, hi = res.chars_per_s_ci()
    typer.echo(
        f"quantities: {res.docs} docs, {res.chars:,} chars, {res.quantities} quantities, {repeats} passes\n"
        f"  {res.chars_per_s():,.0f} chars/s (95% CI {lo:,.0f}–{hi:,.0f}), {res.ms_per_doc():.2f} ms/doc (median), "
        f"start-up {1000 * res.startup_s:.0f} ms"
    )
