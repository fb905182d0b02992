"""``khabar export -o``: a file that cannot be written is one line naming it (exit 2), and no partial file is left."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from khabar.errors import InputError
from khabar.store import Store
from khabar.store.export import write_rows


def _rows(n: int, fail_after: int | None = None) -> Iterator[dict[str, object]]:
    for i in range(n):
        if fail_after is not None and i == fail_after:
            raise OSError(errno.ENOSPC, "No space left on device")
        yield {"doc_id": f"d{i}", "event_type": "ASSAULT"}


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_a_failed_write_leaves_the_old_file_and_no_partial_file(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"events.{fmt}"
    out.write_bytes(b"old contents")
    with pytest.raises(InputError, match="No space left on device") as info:
        write_rows(_rows(10, fail_after=3), fmt, out)  # type: ignore[arg-type]
    assert info.value.source == str(out)
    assert out.read_bytes() == b"old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


def test_a_good_write_replaces_the_file_with_ordinary_permissions(tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert write_rows(_rows(3), "csv", out) == 3
    assert out.read_text(encoding="utf-8").count("ASSAULT") == 3
    mask = os.umask(0o022)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv"]


@pytest.mark.parametrize("target, reason", [("", "is a folder"), ("nowhere/events.csv", "does not exist")], ids=["folder", "missing-folder"])
def test_bad_targets_are_refused(tmp_path: Path, target: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        write_rows(_rows(1), "csv", tmp_path / target)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full is not available on this system")
def test_cli_export_to_a_full_device_is_one_line_exit_2(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    Store(str(db)).close()
    r = subprocess.run([sys.executable, "-c", "from khabar.cli.main import main; main()", "export", "-f", "csv", "--db", str(db), "-o", "/dev/full"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 2
    assert r.stderr.strip() == "khabar: error: /dev/full: cannot write: No space left on device"
