"""khabar ingest end to end: counts, error rows, exit codes, idempotence, kill-and-restart."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.cli.main import app
from khabar.ingest.synth import write_jsonl
from khabar.store import Store

REPO = Path(__file__).resolve().parents[2]


def test_cli_ingest_counts_errors_and_is_idempotent(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    write_jsonl(src / "a.jsonl", 4, seed=3)
    (src / "bad.txt").write_bytes(b"\x00\x01\x02\x03binary\x00")
    (src / "empty.html").write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    db = tmp_path / "k.db"
    r = CliRunner().invoke(app, ["ingest", str(src), "--db", str(db), "--no-progress", "--json"])
    assert r.exit_code == 1, r.output
    import json

    summary = json.loads(r.stdout.strip().splitlines()[-1])
    assert (summary["ok"], summary["skipped"], summary["failed"]) == (4, 0, 2)
    reasons = dict(summary["errors"])
    assert "binary" in reasons[str(src / "bad.txt")] and "no article text" in reasons[str(src / "empty.html")]
    store = Store(f"sqlite:///{db}")
    assert store.count("documents") == 4 and store.count("errors") == 2
    run = store.runs()[0]
    assert run["config"]["engine"] == "local" and run["status"] == "done" and (run["ok"], run["failed"]) == (4, 2)
    # again: nothing new stored, no extraction, exit 0 once the bad files are gone
    (src / "bad.txt").unlink()
    (src / "empty.html").unlink()
    r2 = CliRunner().invoke(app, ["ingest", str(src), "--db", str(db), "--no-progress", "--json"])
    assert r2.exit_code == 0, r2.output
    s2 = json.loads(r2.stdout.strip().splitlines()[-1])
    assert (s2["ok"], s2["skipped"], s2["failed"]) == (0, 4, 0)
    assert store.count("documents") == 4 and store.count("events") == sum(d["n_events"] for d in store.documents(per_page=10))


def _count(db: Path, table: str) -> int:
    import sqlite3

    try:
        with sqlite3.connect(db, timeout=5) as c:
            return int(c.execute(f"select count(*) from {table}").fetchone()[0])
    except sqlite3.Error:
        return 0


def _kill_and_restart(db_arg: str, count, tmp_path: Path, n: int) -> Store:  # type: ignore[no-untyped-def]
    corpus = write_jsonl(tmp_path / "corpus.jsonl", n, seed=11)
    # small write batches, so the kill lands between committed batches of a 30-article run
    cmd = [sys.executable, "-m", "khabar.cli.main", "ingest", str(corpus), "--db", db_arg, "--no-progress", "--batch", "4"]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while count() < 3 and time.time() < deadline and p.poll() is None:
        time.sleep(0.05)
    p.send_signal(signal.SIGKILL)
    p.wait()
    partial = count()
    assert 0 < partial < n, f"the run was not killed mid-way ({partial} of {n} stored)"
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert f"{n - partial} stored, {partial} already stored, 0 failed" in " ".join(r.stderr.split())
    return Store(db_arg)


def _check_complete(store: Store, n: int) -> None:
    assert store.count("documents") == n
    docs = store.documents(per_page=n)
    # every document has all its records: sentences and exactly n_events events
    from sqlalchemy import func, select

    from khabar.store import schema as S

    with store.engine.connect() as c:
        sent = dict(c.execute(select(S.sentences.c.doc_id, func.count()).group_by(S.sentences.c.doc_id)).all())
        evs = dict(c.execute(select(S.events.c.doc_id, func.count()).group_by(S.events.c.doc_id)).all())
    assert all(sent.get(d["id"], 0) > 0 for d in docs)
    assert all(evs.get(d["id"], 0) == d["n_events"] for d in docs)
    assert store.count("corpus_event_members") == store.count("events")


def test_killed_run_restarts_without_loss_or_duplicates_sqlite(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    n = 30
    store = _kill_and_restart(str(db), lambda: _count(db, "documents"), tmp_path, n)
    _check_complete(store, n)


def test_killed_run_restarts_without_loss_or_duplicates_postgresql(tmp_path: Path) -> None:
    url = os.environ.get("KHABAR_TEST_PG_URL")
    if not url:
        pytest.skip("KHABAR_TEST_PG_URL is not set: PostgreSQL kill-and-restart test skipped")
    from tests.store.conftest import _pg_reset  # type: ignore[import-not-found]

    _pg_reset(url)
    from sqlalchemy import create_engine, text

    from khabar.store import resolve_url

    eng = create_engine(resolve_url(url))

    def count() -> int:
        try:
            with eng.connect() as c:
                return int(c.execute(text("select count(*) from documents")).scalar_one())
        except Exception:
            return 0

    n = 30
    store = _kill_and_restart(url, count, tmp_path, n)
    _check_complete(store, n)
    eng.dispose()


def test_undated_articles_and_a_late_published_are_reported(tmp_path: Path) -> None:
    import json

    src = tmp_path / "in"
    src.mkdir()
    (src / "x.txt").write_text("قتل ثلاثة جنود أمس في هجوم على حاجز قرب الحدود.", encoding="utf-8")
    (src / "y.txt").write_text("التقى وزير الخارجية نظيره الأردني يوم الأحد في عمان.", encoding="utf-8")
    db = tmp_path / "k.db"
    r = CliRunner().invoke(app, ["ingest", str(src), "--db", str(db), "--no-progress", "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout.strip().splitlines()[-1])["undated"] == 2
    r = CliRunner().invoke(app, ["ingest", str(src), "--db", str(db), "--no-progress"])
    assert "2 stored article(s) have no publication date" not in r.output  # nothing stored this time
    r = CliRunner().invoke(app, ["ingest", str(src), "--db", str(db), "--no-progress", "-p", "2025-03-10"])
    assert r.exit_code == 0 and "were already stored and were not extracted again" in " ".join(r.output.split())
    r = CliRunner().invoke(app, ["ingest", str(src), "--db", str(tmp_path / "k2.db"), "--no-progress", "--json", "-p", "2025-03-10"])
    assert json.loads(r.stdout.strip().splitlines()[-1])["undated"] == 0
