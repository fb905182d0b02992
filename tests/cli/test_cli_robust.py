"""Robustness of the command line found by a new-user trial: wrong kinds of input, sizes, pipes, help text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from khabar.ingest.read import human_bytes, sniff_container
from khabar.ingest.sources import iter_items

ARTICLE = "وقال المتحدث باسم الحكومة أمس إن الوفد سيصل إلى عمان الأسبوع المقبل لبحث التعاون."
FEED = (
    '<?xml version="1.0" encoding="utf-8"?>\n<!-- a comment -->\n<rss version="2.0"><channel><title>أخبار</title>'
    "<item><title>خبر أول</title><link>https://example.org/n/1</link><description>" + ARTICLE + "</description></item>"
    "<item><title>خبر ثان</title><link>https://example.org/n/2</link><description>" + ARTICLE + " ثانيا</description></item>"
    "</channel></rss>\n"
)


def run_cli(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from khabar.cli.main import main; main()", *args], input=stdin, capture_output=True, text=True, timeout=120, env=env)


@pytest.mark.parametrize(
    "name, content, what",
    [
        ("news.xml", FEED, "an RSS/Atom feed"),
        ("news.txt", FEED.replace("<rss version=\"2.0\"><channel>", "<feed xmlns=\"http://www.w3.org/2005/Atom\">").replace("</channel></rss>", "</feed>"), "an RSS/Atom feed"),
        ("items.jsonl", json.dumps({"text": ARTICLE}, ensure_ascii=False) + "\n" + json.dumps({"text": ARTICLE + " ٢"}, ensure_ascii=False) + "\n", "JSON lines (one article per line)"),
    ],
    ids=["rss", "atom-named-txt", "jsonl"],
)
def test_extract_refuses_many_article_files_and_points_to_ingest(tmp_path: Path, name: str, content: str, what: str) -> None:
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    r = run_cli("extract", str(p), "-f", "json")
    assert r.returncode == 2 and r.stdout == ""
    (line,) = r.stderr.strip().splitlines()
    assert line.startswith(f"khabar: error: {p}: is {what}, not an article text") and f"khabar ingest {p} --db" in line


def test_sniff_container_leaves_articles_alone() -> None:
    assert sniff_container(ARTICLE) is None
    assert sniff_container("{" + ARTICLE + "}\n" + ARTICLE) is None  # braces in prose are not JSON
    assert sniff_container("<html><body><p>" + ARTICLE + "</p></body></html>") is None
    assert sniff_container("\ufeff" + FEED) == "feed"
    assert sniff_container('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>') == "feed"


def test_sizes_are_printed_in_sensible_units(tmp_path: Path) -> None:
    assert [human_bytes(n) for n in (1, 100, 2000, 10 << 20, (10 << 20) + 40_000)] == ["1 byte", "100 bytes", "2,000 bytes", "10 MiB", "10.04 MiB"]
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    r = run_cli("extract", str(p), "--max-bytes", "100")
    assert r.returncode == 2
    size = p.stat().st_size
    assert r.stderr.strip() == f"khabar: error: {p}: is {size} bytes; the limit for one article is 100 bytes (--max-bytes)"
    for cmd in (["extract", str(p)], ["ingest", str(p), "--db", str(tmp_path / "k.db")]):
        r = run_cli(*cmd, "--max-bytes", "-1")
        assert r.returncode == 2 and "--max-bytes" in r.stderr and not (tmp_path / "k.db").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_ingest_skips_fifos_and_broken_links_instead_of_blocking(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "lone.jsonl")
    r = run_cli("ingest", str(folder), str(tmp_path / "lone.jsonl"), "--db", str(tmp_path / "k.db"), "--json", "--progress")
    assert r.returncode == 1, r.stderr
    s = json.loads(r.stdout.strip().splitlines()[-1])
    assert (s["ok"], s["failed"]) == (1, 3)
    reasons = dict(s["errors"])
    assert reasons[str(folder / "pipe.txt")].startswith("skipped: a named pipe (FIFO)")
    assert reasons[str(tmp_path / "lone.jsonl")].startswith("skipped: a named pipe (FIFO)")
    assert reasons[str(folder / "gone.txt")].startswith("skipped: a broken symbolic link")


def test_a_truncated_feed_names_the_xml_error_and_keeps_the_entries_before_it(tmp_path: Path) -> None:
    p = tmp_path / "news.xml"
    cut = FEED.index("<item><title>خبر ثان")
    p.write_text(FEED[: cut + 3], encoding="utf-8")  # cut inside the second <item>
    items = list(iter_items([str(p)]))
    errors = [x.error for x in items if x.error]
    assert len(errors) == 1 and "not well-formed XML (XML parse error: line 3" in errors[0] and "read 1 entry before the error" in errors[0]
    assert [x.url for x in items if not x.error] == ["https://example.org/n/1"]


def test_a_closed_stdout_pipe_is_not_an_error(tmp_path: Path) -> None:
    from khabar.ingest.runner import default_settings, ingest
    from khabar.ingest.synth import write_jsonl
    from khabar.store import Store

    db = tmp_path / "k.db"
    with Store(str(db)) as store:  # 30 generated articles: ~300 events, far more than a pipe's buffer
        ingest(iter_items([str(write_jsonl(tmp_path / "a.jsonl", 30, seed=2))]), store, default_settings())
    for fmt in ("jsonl", "table"):
        proc = subprocess.Popen([sys.executable, "-c", "from khabar.cli.main import main; main()", "events", "--db", str(db), "--limit", "1000", "-f", fmt],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline()  # like `| head -1`: read one line, then go away
        proc.stdout.close()
        err = proc.stderr.read()
        assert proc.wait(timeout=120) == 0, err  # was 1
        assert first.strip() and err == b""


def test_help_texts_show_install_extras_and_no_rst_markup() -> None:
    r = run_cli("extract", "--help", env={**os.environ, "COLUMNS": "400"})
    assert r.returncode == 0
    assert "pip install 'khabar[transformers]'" in r.stdout
    assert "``" not in r.stdout
    r = run_cli("bench", "dates", "--help", env={**os.environ, "COLUMNS": "400"})
    assert "pip install 'khabar[test]'" in r.stdout


def test_debug_adds_the_traceback_but_keeps_the_exit_code(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    plain = run_cli("extract", missing, "-p", "2025-01-01")
    debug = run_cli("--debug", "extract", missing, "-p", "2025-01-01")
    assert plain.returncode == debug.returncode == 2
    assert "Traceback" in debug.stderr and "Traceback" not in plain.stderr
    assert plain.stderr.strip().splitlines()[-1] == debug.stderr.strip().splitlines()[-1]
