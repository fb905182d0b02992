"""``khabar bench ingest --corpus PATH``: real articles from a folder or file (khabar.ingest.corpus)."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.errors import ConfigError
from khabar.ingest.corpus import iter_corpus, write_corpus_jsonl

# sentences written for this test
_A = "افتتح محافظ المدينة جسرا جديدا فوق النهر صباح الأحد بحضور عدد من المسؤولين."
_B = "أعلنت وزارة الزراعة أن موسم الحصاد بدأ مبكرا هذا العام بسبب ارتفاع درجات الحرارة."
_C = "وقعت شركتان محليتان عقدا لبناء محطة لتحلية المياه على الساحل الشرقي."
_D = "قال مدير المستشفى إن قسم الطوارئ الجديد سيستقبل المرضى بدءا من الشهر المقبل."


def _folder(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    day = [
        {"source": "paper-a", "url": "https://a.example/1", "date_extracted": "2015-07-21 10:20:00", "title": "جسر", "author": "x", "content": _A},
        {"source": "paper-a", "url": "https://a.example/2", "date_extracted": "not a date", "title": "حصاد", "content": _B},
        {"source": "paper-a", "url": "https://a.example/3", "title": "فارغ", "content": "   "},  # no text: skipped
        {"source": "paper-b", "url": "https://b.example/9", "title": "نسخة", "content": "  " + _A.replace(" ", "  ")},  # same text: skipped
    ]
    with zipfile.ZipFile(root / "2015-07-21.zip", "w") as z:
        z.writestr("2015-07-21.json", json.dumps(day, ensure_ascii=False))
    with (root / "b.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["headline", "body", "link", "date"])
        w.writeheader()
        w.writerow({"headline": "تحلية", "body": _C, "link": "https://c.example/c", "date": "2016-02-29"})
    (root / "sub").mkdir()
    (root / "sub" / "c.jsonl").write_text(json.dumps({"text": _D, "published": "2020-01-05T08:00:00Z", "site": "paper-d"}, ensure_ascii=False) + "\n", encoding="utf-8")
    (root / "notes.md").write_text("ignored", encoding="utf-8")
    return root


def test_folder_of_zip_csv_and_jsonl_gives_distinct_articles_in_name_order(tmp_path: Path) -> None:
    out = write_corpus_jsonl(_folder(tmp_path), tmp_path / "out.jsonl", 4)
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in rows] == [_A, _B, _C, _D]  # 2015-07-21.zip, b.csv, sub/c.jsonl; the empty and repeated ones skipped
    assert rows[0] == {"text": _A, "url": "https://a.example/1", "title": "جسر", "published": "2015-07-21", "source": "paper-a"}
    assert rows[1]["published"] is None  # an unreadable date is dropped, the article kept
    assert rows[2] == {"text": _C, "url": "https://c.example/c", "title": "تحلية", "published": "2016-02-29", "source": None}
    assert rows[3]["published"] == "2020-01-05" and rows[3]["source"] == "paper-d"
    assert rows[3]["url"].startswith("corpus://") and rows[3]["url"].endswith("c.jsonl:1")  # no URL: one from its origin


def test_first_n_only_and_too_few_is_a_clear_error(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    out = write_corpus_jsonl(root, tmp_path / "two.jsonl", 2)
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    with pytest.raises(ConfigError, match="only 4 distinct articles with text, fewer than the 5"):
        write_corpus_jsonl(root, tmp_path / "five.jsonl", 5)
    with pytest.raises(ConfigError, match="no such file or folder"):
        list(iter_corpus(tmp_path / "missing"))
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(ConfigError, match="not a supported file"):
        list(iter_corpus(tmp_path / "x.pdf"))


def test_json_array_file_and_txt_file(tmp_path: Path) -> None:
    p = tmp_path / "a.json"
    p.write_text(json.dumps([{"text": _B, "url": "u1"}, {"article": _C, "url": "u2"}, "not an object"], ensure_ascii=False), encoding="utf-8")
    assert [a["text"] for a in iter_corpus(p)] == [_B, _C]
    t = tmp_path / "one.txt"
    t.write_text(_D + "\n", encoding="utf-8")
    assert [(a["text"], a["url"]) for a in iter_corpus(t)] == [(_D, None)]


def test_cli_bench_ingest_corpus_errors_are_one_line(tmp_path: Path) -> None:
    from khabar.cli.main import app

    r = CliRunner().invoke(app, ["bench", "ingest", "--n", "3", "--engines", "local", "--workdir", str(tmp_path / "w"), "--corpus", str(tmp_path / "nope")])
    assert r.exit_code != 0
    assert isinstance(r.exception, ConfigError) and "no such file or folder" in str(r.exception)


def test_cli_bench_ingest_on_a_small_real_corpus(tmp_path: Path) -> None:
    from khabar.cli.main import app

    r = CliRunner().invoke(app, ["bench", "ingest", "--n", "3", "--engines", "local", "--workdir", str(tmp_path / "w"), "--corpus", str(_folder(tmp_path)), "--json"])
    assert r.exit_code == 0, r.output
    (row,) = json.loads(r.output)
    assert row["n"] == 3 and row["docs"] == 3 and row["failed"] == 0 and row["corpus"].endswith("corpus")
    assert row["engine"] == "local" and row["db"] == "sqlite"


def test_saudinewsnet_format_when_present() -> None:
    root = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "saudinewsnet" / "dataset"
    if not root.is_dir():
        pytest.skip(f"{root} is absent (optional: the real corpus the benchmark docs use)")
    arts = []
    for a in iter_corpus(root):
        arts.append(a)
        if len(arts) == 20:
            break
    assert len(arts) == 20
    assert all(a["text"] and a["url"] and a["source"] for a in arts)
    assert all(a["published"] is None or len(a["published"]) == 10 for a in arts)
