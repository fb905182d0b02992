"""Ctrl-C during ``khabar ingest``: the write in flight is rolled back, the run is marked interrupted, exit 130.

The old handler flushed the write buffer through a second connection while the
interrupted one (kept alive by the exception's traceback) still held SQLite's
write lock, so it waited out the busy timeout document after document.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from khabar.ingest.runner import IngestInterrupted, default_settings, ingest
from khabar.ingest.sources import iter_items
from khabar.ingest.synth import write_jsonl
from khabar.store import Store
from khabar.store.store import Store as _Store

REPO = Path(__file__).resolve().parents[2]


def test_interrupt_inside_a_write_rolls_it_back_and_marks_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "a.jsonl"
    write_jsonl(src, 6, seed=11)
    store = Store(f"sqlite:///{tmp_path / 'k.db'}")
    real = _Store._write_batch
    calls = {"n": 0}

    def write_then_ctrl_c(self, c, docs, run_id, prepared):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:  # the second batch: write part of it, then Ctrl-C with the transaction open
            real(self, c, docs[:1], run_id, prepared[:1])
            raise KeyboardInterrupt
        return real(self, c, docs, run_id, prepared)

    monkeypatch.setattr(_Store, "_write_batch", write_then_ctrl_c)
    with pytest.raises(IngestInterrupted) as info:
        ingest(iter_items([str(src)]), store, default_settings(write_batch=2, flush_s=1e9), command="test")
    summary = info.value.summary
    assert calls["n"] == 2  # nothing is written after the interrupt
    assert (summary.status, summary.ok, summary.unsaved) == ("interrupted", 2, 2)
    assert store.count("documents") == 2  # the first batch; the interrupted one is rolled back whole
    assert store.runs()[0]["status"] == "interrupted" and store.runs()[0]["ok"] == 2
    # the database is not left locked: another connection writes at once
    with sqlite3.connect(tmp_path / "k.db", timeout=0.5) as c:
        c.execute("insert into sources(name) values ('x')")
    # and running again stores exactly the rest
    monkeypatch.setattr(_Store, "_write_batch", real)
    again = ingest(iter_items([str(src)]), store, default_settings(write_batch=2, flush_s=1e9), command="test")
    assert (again.ok, again.skipped) == (4, 2) and store.count("documents") == 6
    store.close()


def _wait_for(cond, limit: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + limit
    while not cond():
        assert time.monotonic() < end, "timed out waiting for the ingest process"
        time.sleep(0.05)


def _runs(db: Path) -> list[tuple[str, int]]:
    try:
        with sqlite3.connect(db, timeout=5) as c:
            return c.execute("select status, ok from runs").fetchall()
    except sqlite3.Error:
        return []


def _documents(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as c:
            return int(c.execute("select count(*) from documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_sigint_while_blocked_on_a_locked_database_exits_130_with_a_summary(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    write_jsonl(src, 40, seed=5)
    db = tmp_path / "k.db"
    Store(f"sqlite:///{db}").close()
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "khabar.cli.main", "ingest", str(src), "--db", str(db), "--batch", "1", "--no-progress", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
    )
    locker = None
    try:
        _wait_for(lambda: _documents(db) > 0 or proc.poll() is not None)  # models loaded, batches being written
        assert proc.poll() is None, proc.communicate()
        # another process takes the write lock: the ingest blocks on its next batch (of one document)
        locker = sqlite3.connect(db, timeout=30, isolation_level=None)
        locker.execute("BEGIN IMMEDIATE")
        time.sleep(1.5)
        proc.send_signal(signal.SIGINT)
        time.sleep(1.0)
        locker.execute("ROLLBACK")  # the lock is free again: the ingest must now stop promptly
        locker.close()
        locker = None
        out, err = proc.communicate(timeout=25)  # the old code waited 30 s per document here
    finally:
        if locker is not None:
            locker.close()
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130, err
    summary = json.loads(out.strip().splitlines()[-1])
    assert summary["status"] == "interrupted"
    (status, ok), = _runs(db)
    assert status == "interrupted" and ok == summary["ok"]
    with sqlite3.connect(db) as c:
        assert c.execute("select count(*) from documents").fetchone()[0] == ok


@pytest.mark.parametrize("write_batch", [2, 250])
def test_copies_within_one_run_are_duplicates_not_already_stored(tmp_path: Path, write_batch: int) -> None:
    src = tmp_path / "a.jsonl"
    write_jsonl(src, 5, seed=21)
    lines = src.read_text(encoding="utf-8").splitlines()
    first, second, third = (json.loads(x) for x in lines[:3])
    extra = [first, {**second, "url": "https://elsewhere.example/copy"}, {**third, "text": third["text"] + " "}]  # same text, same text new URL, same URL
    src.write_text("\n".join(lines + [json.dumps(x, ensure_ascii=False) for x in extra]) + "\n", encoding="utf-8")
    store = Store(f"sqlite:///{tmp_path / 'k.db'}")
    s1 = ingest(iter_items([str(src)]), store, default_settings(write_batch=write_batch, flush_s=1e9), command="test")
    assert (s1.ok, s1.skipped, s1.duplicates, s1.failed) == (5, 0, 3, 0)
    assert store.runs()[0]["skipped"] == 3  # the runs table keeps one count of skips
    s2 = ingest(iter_items([str(src)]), store, default_settings(write_batch=write_batch, flush_s=1e9), command="test")
    assert (s2.ok, s2.skipped, s2.duplicates) == (0, 8, 0)
    store.close()
