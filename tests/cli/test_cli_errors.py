"""Bad input gives one line on stderr naming the file and the reason, and a non-zero exit."""

import subprocess
import sys

import pytest


def run_cli(*args, stdin=b""):
    return subprocess.run(
        [sys.executable, "-c", "from khabar.cli.main import main; main()", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "setup, reason",
    [
        (lambda p: p.write_bytes(b""), "is empty"),
        (lambda p: p.write_bytes(bytes(range(256)) * 50), "binary"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: None, "no such file"),
        (lambda p: p.write_bytes(b"x" * (11 * 1024 * 1024)), "limit"),
    ],
    ids=["empty", "binary", "directory", "missing", "too-large"],
)
def test_bad_input_one_line_no_traceback(tmp_path, setup, reason):
    p = tmp_path / "article.txt"
    setup(p)
    r = run_cli("extract", str(p), "--format", "json")
    err = r.stderr.decode()
    assert r.returncode == 2
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and str(p) in lines[0] and reason in lines[0]
    assert r.stdout == b""


def test_unknown_encoding(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("بغداد", encoding="utf-8")
    r = run_cli("extract", str(p), "--encoding", "nope")
    assert r.returncode == 2 and b"unknown encoding" in r.stderr and b"Traceback" not in r.stderr


def test_bad_published_date(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("بغداد", encoding="utf-8")
    r = run_cli("extract", str(p), "--published", "16/02/2021")
    assert r.returncode == 2 and b"YYYY-MM-DD" in r.stderr and b"Traceback" not in r.stderr


def test_stdin_empty():
    r = run_cli("extract", "-", stdin=b"")
    assert r.returncode == 2 and b"<stdin>: is empty" in r.stderr


def test_version_and_help():
    r = run_cli("--version")
    assert r.returncode == 0 and r.stdout.startswith(b"khabar ")
    r = run_cli("extract", "--help")
    assert r.returncode == 0 and b"--published" in r.stdout


def test_punctuation_only_is_refused(tmp_path):
    p = tmp_path / "p.txt"
    p.write_text("... !!! ؟؟ ---", encoding="utf-8")
    r = run_cli("extract", str(p), "-f", "json")
    assert r.returncode == 2 and b"has no words" in r.stderr


def test_latin_only_warns_but_runs(tmp_path):
    p = tmp_path / "en.txt"
    p.write_text("Hello world, this is an English sentence.", encoding="utf-8")
    r = run_cli("extract", str(p), "-f", "json")
    assert r.returncode == 0 and b"no Arabic letters" in r.stderr
    assert r.stdout.startswith(b"{")


def test_impossible_calendar_date(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("بغداد", encoding="utf-8")
    r = run_cli("extract", str(p), "--published", "2021-02-30")
    assert r.returncode == 2 and b"not a real calendar date" in r.stderr


def test_extract_uses_the_sidecar_publication_date(tmp_path):
    import json as _json

    p = tmp_path / "a.txt"
    p.write_text("قال الوزير أمس إن الوفد وصل إلى بغداد.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(_json.dumps({"published": "2024-01-05"}), encoding="utf-8")
    r = run_cli("extract", str(p), "-f", "json")
    rec = _json.loads(r.stdout)
    assert rec["meta"]["published"] == "2024-01-05"
    assert [t["value"] for t in rec["timexes"]] == ["2024-01-04"]
