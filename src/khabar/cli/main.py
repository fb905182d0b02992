"""The ``khabar`` command line.

Commands call library functions; this module only parses options, prints and
maps errors to exit codes (the table in README.md):

* 0 — success (also when the reader of stdout goes away: ``… | head -1``);
* 1 — some documents failed, an evaluation floor was missed, or the database
  refused to work (:class:`~khabar.errors.StorageError`: locked, unreachable);
* 2 — bad usage or bad input (a one-line message on stderr names the input
  and the reason; ``--debug`` shows the traceback);
* 3 — an internal error (a bug);
* 130 — interrupted (Ctrl-C).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from khabar import __version__
from khabar.errors import ConfigError, InputError, KhabarError

app = typer.Typer(
    name="khabar",
    help=(
        "khabar (خبر) turns Arabic news into structured, source-grounded event data: "
        "entities, dates (TIMEX3), quantities, quotes, attributions and PLOVER events, "
        "each with character offsets into the article.\n\n"
        "Start with:  khabar extract ARTICLE.txt --published 2021-02-16"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

_state = {"debug": False}


class OutputFormat(str, Enum):
    json = "json"
    text = "text"
    events_csv = "events-csv"
    events_jsonl = "events-jsonl"


class BidiOption(str, Enum):
    logical = "logical"
    visual = "visual"


class ReportFormat(str, Enum):
    table = "table"
    json = "json"


def _fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"khabar: error: {message}", err=True)
    raise typer.Exit(code)


def _parse_date(value: str | None, option: str) -> dt.date | None:
    """A ``--published`` value: ``YYYY-MM-DD``, a real date, years 1900–2100 (:mod:`khabar.published`)."""
    from khabar.published import parse_published

    return parse_published(value, option)


@app.callback(invoke_without_command=True)
def _main(
    ctx: typer.Context,
    debug: Annotated[bool, typer.Option("--debug", help="Show full tracebacks on errors.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.", is_eager=True)] = False,
) -> None:
    _state["debug"] = debug
    if version:
        typer.echo(f"khabar {__version__}")
        raise typer.Exit(0)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="Article file (.txt in UTF-8/UTF-16/windows-1256/ISO-8859-6, or .html), or - for standard input.", metavar="PATH|-")],
    published: Annotated[Optional[str], typer.Option("--published", "-p", help="Publication date YYYY-MM-DD: the anchor for relative dates (أمس، الخميس المقبل). Without it the page metadata (or a NAME.meta.json beside NAME.txt) is used, else relative dates stay unresolved.")] = None,
    fmt: Annotated[Optional[OutputFormat], typer.Option("--format", "-f", help="json: the SPEC record on stdout; text: a readable summary. Default: text on a terminal, json otherwise.")] = None,
    url: Annotated[Optional[str], typer.Option(help="The article's URL (stored in meta).")] = None,
    title: Annotated[Optional[str], typer.Option(help="The article's title (stored in meta).")] = None,
    encoding: Annotated[Optional[str], typer.Option(help="Force a text encoding (e.g. cp1256) instead of detecting it.")] = None,
    max_bytes: Annotated[int, typer.Option(help="Refuse inputs larger than this many bytes.", min=1)] = 10 * 1024 * 1024,
    bidi: Annotated[BidiOption, typer.Option(help="Text summary: logical (for terminals that do bidi) or visual (reordered, for terminals that don't).")] = BidiOption.logical,
    tokens: Annotated[bool, typer.Option("--tokens", help="Include tokens in the JSON record.")] = False,
    timing: Annotated[bool, typer.Option("--timing", help="Print the time taken to stderr.")] = False,
    min_confidence: Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Drop events whose confidence is below this (0–1).")] = 0.0,
    ner: Annotated[Optional[str], typer.Option("--ner", help="Statistical NER: crf (the packaged model, default) or transformers:PATH (a Hugging Face token-classification model folder; pip install 'khabar\\[transformers]').")] = None,
) -> None:
    """Extract entities, dates, quantities, quotes and events from one Arabic article.

    --format events-csv or events-jsonl prints one row per PLOVER event
    with provenance (the columns of khabar.events.export).

    One article per call: for RSS/Atom feeds, JSON lines, WARC files and folders use khabar ingest.

    Examples:

        khabar extract examples/baghdad-drone-2024-01-05.txt --published 2024-01-05

        khabar extract page.html --format json > record.json

        cat article.txt | khabar extract - -p 2021-02-16 -f json
    """
    from khabar.ingest import read_input
    from khabar.pipeline import extract as run

    t0 = time.perf_counter()
    pub = _parse_date(published, "--published")
    raw = read_input(path, encoding=encoding, max_bytes=max_bytes)
    from khabar.ingest.read import sniff_container

    kind = sniff_container(raw.text)
    if kind is not None:
        what = {"feed": "an RSS/Atom feed", "jsonl": "JSON lines (one article per line)", "json": "JSON"}[kind]
        name = "FILE" if path == "-" else path
        raise InputError(raw.source, f"is {what}, not an article text; khabar extract reads one article — to read every article in it use: khabar ingest {name} --db khabar.db")
    if not re.search(r"\w", raw.text):
        raise InputError(raw.source, "has no words (only punctuation or symbols); there is no article text to read")
    if not re.search("[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]", raw.text):
        typer.echo(f"khabar: warning: {raw.source}: no Arabic letters found; khabar reads Arabic news, so little will be extracted", err=True)
    if ner:
        from khabar.models.ner import set_backend

        set_backend(ner)  # loads a transformer model now: a bad path fails here with one line
    from khabar.ingest.read import read_sidecar

    side = read_sidecar(path)  # NAME.meta.json beside NAME.txt, as in examples/
    doc = run(
        raw.text,
        published=pub or raw.published or _parse_date(side.get("published"), f"{path}: the .meta.json field published"),
        url=url or raw.url or side.get("url"),
        title=title or raw.title or side.get("title"),
        source=raw.site or side.get("source"),
    )
    if min_confidence > 0:
        doc = doc.with_(events=tuple(e for e in doc.events if e.confidence >= min_confidence))
    elapsed = time.perf_counter() - t0
    out_fmt = fmt or (OutputFormat.text if sys.stdout.isatty() else OutputFormat.json)
    if out_fmt in (OutputFormat.events_csv, OutputFormat.events_jsonl):
        from khabar.events.export import event_rows, rows_to_csv, rows_to_jsonl

        rows = event_rows(doc)
        sys.stdout.write(rows_to_csv(rows) if out_fmt is OutputFormat.events_csv else rows_to_jsonl(rows))
    elif out_fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(doc.to_dict(tokens=tokens), ensure_ascii=False, indent=1) + "\n")
    else:
        from khabar.render import render_summary

        render_summary(doc, bidi=bidi.value)  # type: ignore[arg-type]
    if timing:
        typer.echo(f"khabar: {path}: {len(raw.text)} characters in {elapsed * 1000:.1f} ms", err=True)


@app.command("eval")
def eval_(
    gold: Annotated[list[Path], typer.Argument(help="Gold files (*.gold.json, SPEC.md format).", metavar="GOLD...")],
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="table (readable) or json.")] = ReportFormat.table,
) -> None:
    """Score khabar against hand annotations and print P/R/F1 per kind.

    Each gold file names its article (its doc field) and publication date; khabar
    extracts the article and the result is scored as SPEC.md describes
    (entities strict and lenient, timex values, quantity values, quotes with
    speakers, attributions, events with their attributes).

    Example:

        khabar eval ../shared/gold/*.gold.json examples/gold/*.gold.json
    """
    from khabar.eval.score import format_report, run_eval

    if not gold:
        raise ConfigError("give at least one gold file")
    report = run_eval(list(gold))
    if fmt is ReportFormat.json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        from rich.console import Console

        Console().print(format_report(report))


bench_app = typer.Typer(
    help="Benchmarks: pipeline speed per stage (default), and per-extractor comparisons with other tools.",
    no_args_is_help=False,
)
app.add_typer(bench_app, name="bench")


@bench_app.callback(invoke_without_command=True)
def _bench_default(ctx: typer.Context) -> None:
    """Without a subcommand, run ``khabar bench speed`` on the bundled examples."""
    if ctx.invoked_subcommand is None:
        speed(paths=[], published=None, repeats=30, fmt=ReportFormat.table)


@bench_app.command("speed")
def speed(
    paths: Annotated[list[Path], typer.Argument(help="Article files to time (default: the bundled examples).", metavar="[PATH...]")] = None,  # type: ignore[assignment]
    published: Annotated[Optional[str], typer.Option("--published", "-p", help="Publication date given to every article.")] = None,
    repeats: Annotated[int, typer.Option(help="Timed passes after one warm-up pass.", min=1)] = 30,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="table or json.")] = ReportFormat.table,
) -> None:
    """Measure pipeline speed (docs/s, chars/s per stage) and peak memory.

    Example:

        khabar bench speed ../shared/examples/nato-iraq-2021-02-16.txt -p 2021-02-16
    """
    from khabar.bench import run_bench
    from khabar.ingest import read_input

    if not paths:
        here = Path(__file__).resolve().parents[3] / "examples"
        paths = sorted(here.glob("*.txt"))
        if not paths:
            raise ConfigError("no article given and no bundled examples found; pass article paths")
    _parse_date(published, "--published")
    texts = [read_input(str(p)).text for p in paths]
    res = run_bench(texts, published=published, repeats=repeats)
    rows = res.rows()
    if fmt is ReportFormat.json:
        typer.echo(json.dumps({"docs": res.docs, "chars": res.chars, "startup_s": res.startup_s, "peak_rss_mib": res.peak_rss_mib, "stages": rows}, indent=1))
        return
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"khabar bench: {res.docs} docs, {res.chars:,} chars, {repeats} passes (median, 95% CI)")
    for col in ("stage", "ms/doc", "docs/s", "docs/s 95% CI", "chars/s"):
        t.add_column(col, justify="right" if col != "stage" else "left")
    for r in rows:
        t.add_row(str(r["stage"]), f"{r['ms_per_doc']:.2f}", f"{r['docs_per_s']:.0f}", str(r["docs_per_s_ci"]), f"{r['chars_per_s']:,.0f}")
    con = Console()
    con.print(t)
    con.print(f"start-up (first pass, loads lexicons): {res.startup_s * 1000:.0f} ms · peak RSS {res.peak_rss_mib:.0f} MiB")


# --- commands defined in their own modules (khabar.cli.<name>) are registered here ---
# Each module defines plain Typer-annotated functions; add one line per command, e.g.
#   from khabar.cli import ingest as _ingest; app.command("ingest")(_ingest.ingest)
import khabar.cli.bench_quantities  # noqa: E402,F401  (khabar bench quantities)
import khabar.cli.bench_dates  # noqa: E402,F401  (khabar bench dates)
from khabar.cli import ingest as _ingest; app.command("ingest")(_ingest.ingest)  # noqa: E402
from khabar.cli import db as _db; app.add_typer(_db.db_app, name="db")  # noqa: E402
from khabar.cli import export as _export; app.command("events")(_export.events); app.command("export")(_export.export)  # noqa: E402
from khabar.cli import serve as _serve  # noqa: E402
from khabar.cli import train as _train; app.add_typer(_train.train_app, name="train")  # noqa: E402  (also adds `bench ner|pos`)

app.command("serve")(_serve.serve)
import khabar.cli.bench_api  # noqa: E402,F401  (khabar bench api)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so that flushing it at exit cannot fail again on a closed pipe."""
    import os

    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.__stdout__.fileno())  # type: ignore[union-attr]
        os.close(fd)
    except (OSError, AttributeError, ValueError):
        pass


def main() -> None:
    """Entry point: run the app, turning khabar errors into one-line messages."""
    debug = "--debug" in sys.argv[1:]
    try:
        rc = app(standalone_mode=False)  # with standalone_mode=False click returns typer.Exit codes
        if isinstance(rc, int) and rc:
            sys.exit(rc)
    except KhabarError as exc:
        _code = 2 if isinstance(exc, (InputError, ConfigError)) else 1
        if debug:  # the traceback, then the same one line and exit code as without --debug
            import traceback

            traceback.print_exc()
        try:
            _fail(str(exc), _code)
        except typer.Exit as e:
            sys.exit(e.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("khabar: aborted", err=True)
        sys.exit(130)
    except BrokenPipeError:  # the reader of stdout went away (khabar events | head -1): not an error
        _quiet_stdout()
        sys.exit(0)
    except SystemExit as exc:
        # click turns a broken stdout pipe into exit 1 after wrapping stdout in PacifyFlushWrapper
        if exc.code == 1 and type(sys.stdout).__name__ == "PacifyFlushWrapper":
            _quiet_stdout()
            sys.exit(0)
        raise
    except KeyboardInterrupt:
        typer.echo("khabar: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # click usage errors (duck-typed: Typer may vendor click) and real bugs
        if callable(getattr(exc, "show", None)) and isinstance(getattr(exc, "exit_code", None), int):
            exc.show()
            sys.exit(exc.exit_code)
        if debug:
            import traceback

            traceback.print_exc()
            sys.exit(3)
        typer.echo(f"khabar: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", err=True)
        sys.exit(3)


if __name__ == "__main__":  # pragma: no cover
    main()
