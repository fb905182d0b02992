"""``khabar bench dates``: the temporal tagger against dateparser on annotated articles.

The logic is in :mod:`khabar.eval.compare_dates`; this module parses options
and prints one table (or JSON) with both tools side by side and their ratio.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from khabar.cli.main import ReportFormat, bench_app
from khabar.errors import ConfigError

__all__ = ["dates"]


def _default_gold() -> list[Path]:
    here = Path(__file__).resolve().parents[3] / "tests" / "data" / "dates"
    return sorted(here.glob("*.gold.json"))


@bench_app.command("dates")
def dates(
    gold: Annotated[list[Path], typer.Argument(help="Gold files with timexes (default: tests/data/dates/*.gold.json).", metavar="[GOLD...]")] = None,  # type: ignore[assignment]
    repeats: Annotated[int, typer.Option(help="Timed passes of khabar (median reported).", min=1)] = 5,
    dateparser: Annotated[bool, typer.Option("--dateparser/--no-dateparser", help="Also run dateparser (needs: pip install 'khabar\\[test]').")] = True,
    texts: Annotated[list[Path], typer.Option("--texts", help="Plain-text articles (.txt, UTF-8) to time both tools on as well (speed only; repeatable).")] = None,  # type: ignore[assignment]
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="table or json.")] = ReportFormat.table,
) -> None:
    """Compare khabar's dates with dateparser: value accuracy and characters per second, with ratios.

    Example:

        khabar bench dates tests/data/dates/dev-*.gold.json
    """
    from khabar.eval.compare_dates import compare_dates

    paths = list(gold) if gold else _default_gold()
    if not paths:
        raise ConfigError("no gold files given and tests/data/dates/*.gold.json not found; pass gold files")
    res = compare_dates(paths, repeats=repeats, with_dateparser=dateparser)
    speed = None
    if texts:
        from khabar.eval.compare_dates import time_texts
        from khabar.ingest import read_input

        speed = time_texts([read_input(str(p)).text for p in texts], repeats=repeats, with_dateparser=dateparser)
    if fmt is ReportFormat.json:
        typer.echo(json.dumps({**res.to_dict(), "texts_speed": speed}, ensure_ascii=False, indent=1))
        return
    from rich.console import Console
    from rich.table import Table

    k, d = res.khabar, res.dateparser
    t = Table(title=f"khabar bench dates: {len(res.files)} files, {res.chars:,} chars, {res.timexes} gold timexes")
    for col in ("metric", "khabar", "dateparser", "khabar / dateparser"):
        t.add_column(col, justify="left" if col == "metric" else "right")

    def ratio(a: float, b: float | None) -> str:
        if b is None:
            return "—"
        return f"{a / b:.2f}×" if b else "∞"

    rows = [
        ("found F1 (span overlap)", k.f1, d.f1 if d else None, "pct"),
        ("value accuracy (over found)", k.value_accuracy, d.value_accuracy if d else None, "pct"),
        ("right value / gold timexes", k.end_to_end, d.end_to_end if d else None, "pct"),
        ("  calendar values only", k.calendar_accuracy, d.calendar_accuracy if d else None, "pct"),
        ("chars/s (end to end)", k.chars_per_s, d.chars_per_s if d else None, "num"),
        ("chars/s (tagger alone)", k.extra_speed["tagger_alone_chars_per_s"], d.chars_per_s if d else None, "num"),
    ]
    if speed is not None:
        dps = speed.get("dateparser_chars_per_s")
        rows.append((f"--texts ({int(speed['chars']):,} chars): chars/s end to end", speed["khabar_chars_per_s"], dps, "num"))
        rows.append(("--texts: chars/s tagger alone", speed["khabar_tagger_alone_chars_per_s"], dps, "num"))
    for name, a, b, kind in rows:
        fa = f"{100 * a:.1f}" if kind == "pct" else f"{a:,.0f}"
        fb = "—" if b is None else (f"{100 * b:.1f}" if kind == "pct" else f"{b:,.0f}")
        t.add_row(name, fa, fb, ratio(a, b))
    con = Console()
    con.print(t)
    extra = f"; dateparser {res.dateparser_version}" if res.dateparser_version else ""
    con.print(
        f"counts: khabar tp {k.tp} fp {k.fp} fn {k.fn}, values {k.value_ok}/{k.value_n}"
        + (f"; dateparser tp {d.tp} fp {d.fp} fn {d.fn}, values {d.value_ok}/{d.value_n}" if d else "")
        + extra
    )
