"""Ingest sources: JSONL, folders, globs, RSS/Atom, WARC, article and feed URLs (local server only)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from khabar.ingest.fetch import Fetcher
from khabar.ingest.sources import count_items, iter_items

from .conftest import ARTICLE

BODY = "أعلنت وزارة الخارجية العراقية اليوم السبت أن وزير الخارجية سيزور القاهرة الأسبوع المقبل لبحث التعاون الاقتصادي بين البلدين وملف المياه."
BODY2 = "وقال المتحدث باسم الوزارة في بيان إن الزيارة تأتي بدعوة من نظيره المصري وتستمر يومين، وتشمل لقاءات مع مسؤولين في قطاعي الطاقة والنقل."


def _fetcher() -> Fetcher:
    return Fetcher(timeout=5, delay=0, max_bytes=200_000)


def test_jsonl_lines_become_items_and_bad_lines_errors(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    lines = [
        json.dumps({"text": BODY, "url": "https://n.example/1", "title": "زيارة", "published": "2024-03-02T10:00:00Z", "source": "N"}, ensure_ascii=False),
        "",
        "{not json",
        json.dumps({"html": ARTICLE.format(title="زيارة", body=BODY, body2=BODY2), "url": "https://n.example/2"}, ensure_ascii=False),
        json.dumps({"text": "   "}),
        json.dumps([1, 2]),
    ]
    f.write_text("\n".join(lines), encoding="utf-8")
    items = list(iter_items([str(f)]))
    assert [i.origin.rsplit(":", 1)[1] for i in items] == ["1", "3", "4", "5", "6"]
    a, bad, b, empty, notobj = items
    assert (a.text, a.url, a.title, a.published, a.site, a.error) == (BODY, "https://n.example/1", "زيارة", "2024-03-02", "N", None)
    assert bad.error.startswith("not valid JSON") and bad.text is None
    assert BODY in b.text and BODY2 in b.text and b.url == "https://n.example/2"
    assert "no article text" in empty.error and "not a JSON object" in notobj.error
    assert count_items([str(f)]) == 5


def test_folder_and_glob_expand_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "sub" / "a.html").write_text(ARTICLE.format(title="t", body=BODY, body2=BODY2), encoding="utf-8")
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    items = list(iter_items([str(tmp_path)]))
    assert [Path(i.origin).name for i in items] == ["b.txt", "empty.txt", "a.html"]
    assert items[0].text == BODY and items[1].error and "empty" in items[1].error
    assert items[2].published == "2024-03-02" and BODY2 in items[2].text
    assert [Path(i.origin).name for i in iter_items([str(tmp_path / "**" / "*.html")])] == ["a.html"]
    assert list(iter_items([str(tmp_path / "*.nothing")]))[0].error == "the pattern matches no files"
    assert list(iter_items([str(tmp_path / "missing.txt")]))[0].error == "no such file or folder"
    assert count_items([str(tmp_path)]) == 3


def _warc(path: Path, records: list[tuple[str, int, str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for url, status, ctype, body in records:
            http = StatusAndHeaders(f"{status} OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))


def test_warc_html_responses(tmp_path: Path) -> None:
    f = tmp_path / "crawl.warc.gz"
    page = ARTICLE.format(title="زيارة", body=BODY, body2=BODY2)
    _warc(f, [
        ("https://n.example/a", 200, "text/html; charset=windows-1256", page.encode("cp1256")),
        ("https://n.example/logo.png", 200, "image/png", b"\x89PNG...."),
        ("https://n.example/gone", 404, "text/html", b"<html>404</html>"),
        ("https://n.example/empty", 200, "text/html", b"<html><body></body></html>"),
    ])
    items = list(iter_items([str(f)]))
    assert len(items) == 2
    ok, empty = items
    assert ok.url == "https://n.example/a" and BODY in ok.text and ok.origin.startswith(str(f) + "@")
    assert empty.url == "https://n.example/empty" and "no article text" in empty.error


def _rss(base: str, entries: list[tuple[str, str, str]]) -> str:
    items = "".join(
        f"<item><title>{t}</title><link>{link}</link><pubDate>Sat, 02 Mar 2024 09:00:00 GMT</pubDate><description><![CDATA[{d}]]></description></item>"
        for t, link, d in entries
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أخبار</title><link>{base}</link>{items}</channel></rss>'


def test_article_url_feed_url_and_fetch_limits(site) -> None:  # type: ignore[no-untyped-def]
    art = site.add("/a", ARTICLE.format(title="زيارة", body=BODY, body2=BODY2))
    site.add("/big", "<html><body>" + "ب" * 200_000 + "</body></html>")
    site.add("/to-file", "", status=302, headers={"Location": "file:///etc/passwd"})
    site.add("/to-ftp", "", status=302, headers={"Location": "ftp://x.example/a"})
    site.add("/moved", "", status=301, headers={"Location": art})
    feed = site.add("/feed.xml", _rss(site.base, [("زيارة", art, "موجز"), ("مفقود", site.base + "/missing", "")]), ctype="application/rss+xml")
    f = _fetcher()
    (a,) = iter_items([art], fetcher=f)
    assert a.error is None and BODY in a.text and a.url == art and a.published == "2024-03-02"
    (m,) = iter_items([site.base + "/moved"], fetcher=f)
    assert m.error is None and m.url == art
    (big,) = iter_items([site.base + "/big"], fetcher=f)
    assert "limit" in big.error and big.stage == "fetch"
    (bad,) = iter_items([site.base + "/to-file"], fetcher=f)
    assert "not allowed" in bad.error and bad.text is None
    (bad2,) = iter_items([site.base + "/to-ftp"], fetcher=f)
    assert "ftp://x.example/a" in bad2.error and "not an http(s) URL; refused" in bad2.error
    (nf,) = iter_items([site.base + "/nothing"], fetcher=f)
    assert nf.error == "HTTP 404 Not Found"
    (ftp,) = iter_items(["ftp://x.example/a"], fetcher=f)
    assert "only http" in ftp.error
    e1, e2 = iter_items([feed], fetcher=f)
    assert e1.error is None and BODY2 in e1.text and e1.title == "زيارة" and e1.published == "2024-03-02" and e1.origin == feed + "#1"
    assert "HTTP 404" in e2.error
    assert all(ua.startswith("khabar/") for ua in site.agents)


def test_feed_file_with_full_content(tmp_path: Path) -> None:
    body = f"<p>{BODY}</p><p>{BODY2}</p><p>{BODY}</p>"
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>وكالة</title>'
        f'<entry><title>زيارة</title><link href="urn:x"/><updated>2024-03-02T08:00:00Z</updated><content type="html"><![CDATA[{body}]]></content></entry></feed>'
    )
    f = tmp_path / "feed.atom"
    f.write_text(atom, encoding="utf-8")
    (item,) = iter_items([str(f)])
    assert item.error is None and item.text.split("\n") == [BODY, BODY2, BODY] and item.published == "2024-03-02" and item.site == "وكالة"
    g = tmp_path / "broken.xml"
    g.write_text("<html>not a feed", encoding="utf-8")
    (bad,) = iter_items([str(g)])
    assert bad.error.startswith("not an RSS/Atom feed")
