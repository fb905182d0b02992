"""Database mistakes give one line and the documented exit code: missing files, locked files, ports in use."""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from khabar.errors import InputError
from khabar.store import Store
from khabar.store.store import DatabaseLocked


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from khabar.cli.main import main; main()", *args], capture_output=True, text=True, timeout=120, cwd=cwd)


def _one_line(r: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    return lines[0]


@pytest.mark.parametrize("args", [["events"], ["export", "-f", "csv"], ["db", "info"], ["serve"]], ids=["events", "export", "db-info", "serve"])
def test_read_only_commands_refuse_a_missing_sqlite_file_without_creating_it(tmp_path: Path, args: list[str]) -> None:
    missing = tmp_path / "tpyo.db"
    r = run_cli(*args, "--db", f"sqlite:///{missing}")
    assert r.returncode == 2
    line = _one_line(r)
    assert str(missing) in line and "no such database file" in line
    assert not missing.exists() and not any(tmp_path.iterdir())
    assert r.stdout == ""


def test_store_create_false_opens_an_existing_file(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with pytest.raises(InputError):
        Store(str(db), create=False)
    Store(str(db)).close()  # created by a writing command
    with Store(str(db), create=False) as s:
        assert s.count("documents") == 0


def test_a_locked_database_is_one_clear_line_exit_1(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    Store(str(db)).close()
    (tmp_path / "a.txt").write_text("قال الوزير إن الاجتماع سيعقد في بغداد يوم الأحد المقبل.", encoding="utf-8")
    locker = sqlite3.connect(db, isolation_level=None)
    locker.execute("BEGIN IMMEDIATE")
    try:
        # a short busy timeout (?timeout=SECONDS) keeps the test quick; the default waits 30 s
        r = run_cli("ingest", str(tmp_path / "a.txt"), "--db", f"sqlite:///{db}?timeout=0.3", "--no-progress")
        with Store(f"sqlite:///{db}?timeout=0.3", migrate=False) as s, pytest.raises(DatabaseLocked, match="locked by another process"):
            s.begin_run({})
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert r.returncode == 1
    line = _one_line(r)
    assert line == f"khabar: error: database {db} is locked by another process; try again or use PostgreSQL for concurrent writers"


def test_serve_refuses_a_port_in_use_before_serving(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        port = s.getsockname()[1]
        r = run_cli("serve", "--port", str(port))
    assert r.returncode == 2
    line = _one_line(r)
    assert f"cannot listen on 127.0.0.1:{port}" in line and "serving on" not in r.stderr
