"""``khabar ingest``: files, folders, globs, JSONL, feeds, WARC and URLs into a store."""

from __future__ import annotations

import json
import shlex
import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from khabar.errors import ConfigError

__all__ = ["ingest"]


class Engine(str, Enum):
    local = "local"
    dask = "dask"


def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files (.txt .html .jsonl .xml/.rss/.atom .warc .warc.gz), folders, glob patterns, or http(s) URLs of articles and feeds.", metavar="SOURCE...")],
    db: Annotated[Optional[str], typer.Option("--db", help="Database URL or SQLite path (default $KHABAR_DB, else ./khabar.db); e.g. postgresql://user@host/khabar.")] = None,
    published: Annotated[Optional[str], typer.Option("--published", "-p", help="Publication date YYYY-MM-DD for articles that carry none.")] = None,
    engine: Annotated[Engine, typer.Option(help="local: this process; dask: a Dask cluster (--scheduler, else a LocalCluster).")] = Engine.local,
    scheduler: Annotated[Optional[str], typer.Option(help="Dask scheduler address tcp://HOST:PORT (with --engine dask).")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes of the LocalCluster (with --engine dask and no --scheduler).", min=1)] = 2,
    batch_size: Annotated[int, typer.Option(help="Articles per Dask partition.", min=1)] = 16,
    batch: Annotated[int, typer.Option("--batch", help="Documents per write transaction (a kill loses at most one batch, or 5 s, of extraction; nothing stored is lost or duplicated).", min=1)] = 250,
    timeout: Annotated[float, typer.Option(help="Network timeout in seconds for URLs and feeds.")] = 20.0,
    delay: Annotated[float, typer.Option(help="Minimum seconds between two requests to the same host.")] = 1.0,
    max_bytes: Annotated[int, typer.Option(help="Refuse articles (and fetched pages) larger than this many bytes.", min=1)] = 10 * 1024 * 1024,
    progress: Annotated[Optional[bool], typer.Option("--progress/--no-progress", help="Show a progress bar (default: when stderr is a terminal).")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the summary as JSON on stdout.")] = False,
    out: Annotated[Optional[str], typer.Option("--out", help="parquet:DIR — write partitioned Parquet (DIR/documents, DIR/events by publication month, DIR/errors) from where extraction runs (each Dask worker writes its partitions) instead of a database: no duplicate removal, stories or fused events (see docs/corpus.md).", metavar="parquet:DIR")] = None,
) -> None:
    """Ingest articles into a database: extract, deduplicate, store.

    Re-running the same command stores nothing twice (articles are keyed by URL
    and by a hash of their normalized text), so an interrupted run is resumed by
    running it again. A document that fails becomes an error row; the exit code
    is 1 when any failed.

    Examples:

        khabar ingest news/ --db corpus.db

        khabar ingest 'archive/**/*.warc.gz' --db postgresql://khabar@localhost/khabar --engine dask

        khabar ingest https://example.com/feed.xml

        khabar ingest corpus/ --engine dask --out parquet:corpus-parquet
    """
    from rich.console import Console

    from khabar.ingest.fetch import Fetcher
    from khabar.ingest.runner import IngestInterrupted, default_settings
    from khabar.ingest.runner import ingest as run
    from khabar.ingest.sources import count_items, iter_items
    from khabar.store import Store

    if published is not None:
        from khabar.published import parse_published

        published = parse_published(published, "--published").isoformat()  # type: ignore[union-attr]
    from khabar.batch.parquet import parse_out

    out_dir = parse_out(out)
    settings = default_settings(out=out, published=published, engine=engine.value, batch_size=batch_size, write_batch=batch, timeout=timeout, max_bytes=max_bytes, delay=delay, scheduler=scheduler, workers=workers if engine is Engine.dask and not scheduler else None)
    store = Store(db) if out_dir is None else None
    console = Console(stderr=True)
    show = console.is_terminal if progress is None else progress
    fetcher = Fetcher(timeout=timeout, max_bytes=max_bytes, delay=delay)
    items = iter_items(list(sources), fetcher=fetcher, max_bytes=max_bytes)
    client = None
    if engine is Engine.dask:
        from khabar.batch.dask import make_client

        client = make_client(scheduler, workers)
    command = "khabar " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    interrupted = False
    try:
        if show:
            summary = _with_progress(console, items, store, settings, command, client, count_items(list(sources)))
        else:
            summary = run(items, store, settings, command=command, client=client)
    except IngestInterrupted as exc:  # Ctrl-C: the run row is marked interrupted, no transaction is open
        summary, interrupted = exc.summary, True
    finally:
        if client is not None:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None and not scheduler:
                cluster.close()
    dest = str(out_dir) if store is None else store._safe_url()
    if json_out:
        typer.echo(json.dumps({**summary.to_dict(), ("out" if store is None else "db"): dest, "errors": summary.errors[:50]}, ensure_ascii=False))
    else:
        for origin, reason in summary.errors[:20]:
            console.print(f"[red]failed[/red] {origin}: {reason}", highlight=False, markup=True)
        if len(summary.errors) > 20:
            console.print(f"… and {summary.failed - 20} more (see the errors table)")
        console.print(
            ("khabar ingest: interrupted: " if interrupted else "khabar ingest: ")
            + f"{summary.ok} stored, {summary.skipped} already stored, "
            + (f"{summary.duplicates} duplicates within this run, " if summary.duplicates else "")
            + f"{summary.failed} failed "
            + (f"({summary.unsaved} extracted but not stored) " if summary.unsaved else "")
            + f"in {summary.seconds:.1f} s ({summary.docs_per_s:.1f} docs/s) → {dest}" + ("" if store is None else f" (run {summary.run_id})")
            + ("; run the same command again to resume" if interrupted else ""),
            highlight=False,
        )
        if summary.undated:
            console.print(f"note: {summary.undated} stored article(s) have no publication date, so their relative dates "
                          "(أمس، الشهر الماضي) are unresolved and date filters skip their events; give --published "
                          "or dated input (JSONL published, page metadata)", highlight=False)
        if summary.skipped and published is not None:
            console.print(f"note: {summary.skipped} article(s) were already stored and were not extracted again, so "
                          "--published does not apply to them; ingest into a new --db to extract them with this date",
                          highlight=False)
    if store is not None:
        store.close()
    if interrupted:
        raise typer.Exit(130)
    if summary.failed:
        raise typer.Exit(1)


def _with_progress(console, items, store, settings, command, client, total):  # type: ignore[no-untyped-def]
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from khabar.ingest.runner import ingest as run

    cols = [
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} docs/s"),
        TextColumn("ok {task.fields[ok]} · skip {task.fields[skipped]} · fail {task.fields[failed]}"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    ]
    with Progress(*cols, console=console, transient=False) as prog:
        task = prog.add_task("ingest", total=total, rate="0.0", ok=0, skipped=0, failed=0)

        def update(s):  # type: ignore[no-untyped-def]
            prog.update(task, completed=s.total + s.pending, rate=f"{s.docs_per_s:.1f}", ok=s.ok, skipped=s.skipped + s.duplicates, failed=s.failed)

        return run(items, store, settings, command=command, client=client, progress=update)


from khabar.cli.main import bench_app  # noqa: E402


@bench_app.command("ingest")
def bench_ingest(
    n: Annotated[list[int], typer.Option("--n", help="Corpus sizes (repeat the option: --n 1000 --n 10000).")] = [1000],  # noqa: B006
    engines: Annotated[str, typer.Option(help="Comma-separated engines: local, dask.")] = "local,dask",
    pg: Annotated[Optional[str], typer.Option("--pg", help="Also measure PostgreSQL at this URL (its public schema is DROPPED and recreated).")] = None,
    workers: Annotated[int, typer.Option(help="Dask LocalCluster workers.", min=1)] = 2,
    workdir: Annotated[Optional[str], typer.Option(help="Folder for the generated corpus and SQLite files (default: a temporary folder).")] = None,
    batch: Annotated[int, typer.Option("--batch", help="Documents per write transaction.", min=1)] = 250,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON rows instead of a table.")] = False,
    corpus: Annotated[Optional[str], typer.Option("--corpus", help="Real articles instead of generated ones: the first N distinct articles of a folder (recursive) or a .jsonl/.json/.csv/.zip/.txt file (fields text|content, title, url, published|date|date_extracted, source).", metavar="PATH")] = None,
) -> None:
    """Measure ingestion: docs/s, peak memory and overhead share for engines × databases on generated or real articles.

    Examples:

        khabar bench ingest --n 1000 --pg postgresql://postgres@127.0.0.1/khabar_bench

        khabar bench ingest --n 1000 --engines local --corpus ../shared/data/saudinewsnet/dataset
    """
    import tempfile
    from pathlib import Path

    from khabar.ingest.bench import bench

    tmp = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="khabar-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    dbs = [("sqlite", f"sqlite:///{tmp / 'bench.db'}")] + ([("postgresql", pg)] if pg else [])
    configs = [(e.strip(), url) for e in engines.split(",") if e.strip() for _, url in dbs]
    rows = [r for size in n for r in bench(size, configs, tmp, workers=workers, write_batch=batch, corpus_path=corpus)]
    if json_out:
        typer.echo(json.dumps(rows, indent=1))
        return
    from rich.console import Console
    from rich.table import Table

    t = Table(title="khabar bench ingest (" + (f"real articles: {corpus}" if corpus else "generated articles") + ")")
    for col in ("N", "engine", "db", "docs/s", "docs/s per worker", "seconds", "overhead", "overhead (CPU)", "client CPU ms/doc", "extract CPU ms/doc", "peak RSS MiB", "worker RSS MiB", "load", "failed"):
        t.add_column(col, justify="right")
    for r in rows:
        if "error" in r:
            t.add_row("", r["engine"], r["db"], "error: " + r["error"], *[""] * 10)
            continue
        t.add_row(str(r["n"]), r["engine"], r["db"], f"{r['docs_per_s']:.1f}", f"{r['docs_per_s_per_worker']:.1f}", f"{r['seconds']:.1f}", "-" if r["overhead"] is None else f"{r['overhead']:.1%}", "-" if r.get("overhead_cpu") is None else f"{r['overhead_cpu']:.1%}", f"{r['client_cpu_ms_per_doc']:.1f}", f"{r['extract_cpu_ms_per_doc']:.1f}", f"{r['peak_rss_mib']:.0f}", "-" if r.get("worker_rss_mib") is None else f"{r['worker_rss_mib']:.0f}", "–".join(f"{x:.1f}" for x in r["load"]), str(r["failed"]))
    Console().print(t)
