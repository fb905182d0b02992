"""``khabar bench api``: latency of ``POST /v1/extract`` under a bounded local load."""

from __future__ import annotations

import json
import socket
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Annotated, Optional

import typer

from khabar.cli.main import ReportFormat, bench_app
from khabar.errors import ConfigError


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@bench_app.command("api")
def bench_api(
    path: Annotated[Optional[Path], typer.Argument(help="Article to post (default: the first bundled example).")] = None,
    published: Annotated[Optional[str], typer.Option("--published", "-p", help="Publication date sent with the article.")] = None,
    requests: Annotated[int, typer.Option(help="Number of requests (bounded load).", min=1, max=10_000)] = 200,
    concurrency: Annotated[int, typer.Option(help="Requests in flight at once.", min=1, max=64)] = 8,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="table or json.")] = ReportFormat.table,
) -> None:
    """Start the API on 127.0.0.1 (a free port), post one article REQUESTS times with
    CONCURRENCY clients, and report latency p50/p95/p99 and throughput.

    Traffic stays on loopback and stops by itself after REQUESTS requests.
    """
    import httpx
    import uvicorn

    from khabar.api import ApiSettings, create_app
    from khabar.ingest import read_input

    if path is None:
        here = Path(__file__).resolve().parents[3] / "examples"
        found = sorted(here.glob("*.txt"))
        if not found:
            raise ConfigError("no article given and no bundled examples found; pass an article path")
        path = found[0]
        meta = path.with_suffix(".meta.json")
        if published is None and meta.exists():
            published = json.loads(meta.read_text(encoding="utf-8")).get("published")
    text = read_input(str(path)).text
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(ApiSettings()), host="127.0.0.1", port=port, log_level="warning"))
    th = threading.Thread(target=server.run, daemon=True)
    th.start()
    while not server.started:
        time.sleep(0.02)
    url = f"http://127.0.0.1:{port}/v1/extract"
    body = {"text": text, "published": published}
    lat: list[float] = []
    errors = 0
    with httpx.Client(timeout=60) as client:
        client.post(url, json=body)  # warm-up: lexicons load once

        def one(_: int) -> tuple[float, int]:
            t0 = time.perf_counter()
            r = client.post(url, json=body)
            return time.perf_counter() - t0, r.status_code

        t0 = time.perf_counter()
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            for secs, status in pool.map(one, range(requests)):
                lat.append(secs)
                errors += status != 200
        wall = time.perf_counter() - t0
    server.should_exit = True
    th.join(timeout=5)
    q = statistics.quantiles(sorted(lat), n=100, method="inclusive")
    res = {
        "requests": requests, "concurrency": concurrency, "article_chars": len(text), "errors": errors,
        "p50_ms": 1000 * q[49], "p95_ms": 1000 * q[94], "p99_ms": 1000 * q[98], "mean_ms": 1000 * statistics.fmean(lat),
        "throughput_rps": requests / wall,
    }
    if fmt is ReportFormat.json:
        typer.echo(json.dumps(res, indent=1))
        return
    typer.echo(
        f"POST /v1/extract · {requests} requests, {concurrency} concurrent, {len(text):,}-character article: "
        f"p50 {res['p50_ms']:.0f} ms · p95 {res['p95_ms']:.0f} ms · p99 {res['p99_ms']:.0f} ms · "
        f"{res['throughput_rps']:.1f} requests/s · {errors} errors"
    )
