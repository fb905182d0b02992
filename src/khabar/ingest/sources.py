"""Turn ingest sources into a stream of articles (:class:`Item`), one at a time.

A source is one of:

* a ``.txt`` or ``.html`` file (:func:`khabar.ingest.read.read_input`);
* a ``.jsonl`` file: one JSON object per line with ``text`` or ``html`` and
  optionally ``url``, ``title``, ``published`` (``YYYY-MM-DD…``) and
  ``source`` (the outlet);
* an RSS or Atom feed file (``.xml``, ``.rss``, ``.atom``) or feed URL
  (feedparser): each entry's full content, or the linked page fetched when
  the entry only carries a teaser;
* a WARC file (``.warc``, ``.warc.gz``, warcio): every HTML ``response``
  record with status 200;
* an ``http(s)`` URL of an article (or of a feed, by its content);
* a folder (every supported file in it, recursively, in name order) or a
  glob pattern (``news/**/*.html``).

Nothing is read ahead: sources are expanded lazily and memory stays flat in
the corpus size. A source that cannot be read yields an :class:`Item` whose
``error`` says why, so the run goes on.
"""

from __future__ import annotations

import datetime as dt
import glob
import gzip
import html as _html
import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from khabar.errors import ConfigError, InputError
from khabar.ingest.fetch import Fetcher, is_url
from khabar.ingest.read import DEFAULT_MAX_BYTES, decode_bytes, human_bytes, is_html, parse_html, read_input, read_sidecar
from khabar.published import parse_published

__all__ = ["Item", "iter_items", "count_items", "TEXT_SUFFIXES", "FEED_SUFFIXES", "WARC_SUFFIXES", "JSONL_SUFFIXES"]

TEXT_SUFFIXES = (".txt", ".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
WARC_SUFFIXES = (".warc", ".warc.gz")
_ALL = TEXT_SUFFIXES + JSONL_SUFFIXES + FEED_SUFFIXES + WARC_SUFFIXES
_TEASER_CHARS = 400
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")


@dataclass(frozen=True, slots=True)
class Item:
    """One article to ingest, or the reason it could not be read.

    ``origin`` says where it came from: a path, a URL, ``file.jsonl:12`` (line),
    ``file.warc.gz@3`` (record number) or ``feed.xml#3`` (entry).
    ``published`` is ``YYYY-MM-DD`` or ``None``. Exactly one of ``text`` and
    ``error`` is set; ``stage`` names where an error happened (read, fetch).
    """

    origin: str
    text: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    site: str | None = None
    error: str | None = None
    stage: str = "read"

    def to_dict(self) -> dict[str, Any]:
        """A plain dict (what crosses process boundaries)."""
        return asdict(self)


def _date(value: Any) -> str | None:
    """A date found in page metadata (HTML, feeds, WARC) as ``YYYY-MM-DD``; unreadable or out of range: ``None``."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        value = value.isoformat()
    try:
        day = parse_published(str(value), prefix=True)
    except ConfigError:
        return None
    return day.isoformat() if day else None


def _given_date(value: Any, what: str) -> str | None:
    """A date the user wrote in a JSONL line (``published`` or ``date``): ``YYYY-MM-DD…``, else :class:`ConfigError`.

    Bad dates are refused, as ``khabar extract -p`` refuses them: the line or file
    becomes an error row naming the value, instead of an article silently stored
    with no date (its relative dates would stay unresolved).
    """
    if value is None or value == "":
        return None
    day = parse_published(value if isinstance(value, str) else str(value), what, prefix=True)
    return day.isoformat() if day else None


def _has_suffix(name: str, suffixes: tuple[str, ...]) -> bool:
    return name.lower().endswith(suffixes)


def _fail(origin: str, exc: Exception, stage: str = "read", url: str | None = None) -> Item:
    reason = exc.reason if isinstance(exc, InputError) else f"{type(exc).__name__}: {exc}"
    return Item(origin=origin, url=url, error=reason, stage=stage)


def iter_items(sources: list[str], *, fetcher: Fetcher | None = None, max_bytes: int = DEFAULT_MAX_BYTES, encoding: str | None = None) -> Iterator[Item]:
    """Every article in ``sources``, in order, as :class:`Item` (errors included)."""
    fetcher = fetcher or Fetcher(max_bytes=max_bytes)
    for src in sources:
        yield from _expand(src, fetcher, max_bytes, encoding)


def _expand(src: str, fetcher: Fetcher, max_bytes: int, encoding: str | None) -> Iterator[Item]:
    if is_url(src):
        yield from _from_url(src, fetcher)
        return
    if "://" in src:
        yield Item(origin=src, error="only http:// and https:// URLs can be fetched", stage="fetch")
        return
    p = Path(src)
    if p.is_dir():
        found = sorted(f for f in p.rglob("*") if _has_suffix(f.name, _ALL) and not f.is_dir())
        files = [str(f) for f in found if f.is_file()]
        if not files and not found:
            yield Item(origin=src, error=f"folder has no files khabar can ingest ({', '.join(_ALL)})")
        for f in found:  # FIFOs, devices and broken links named like articles are reported, not read
            if f.is_file():
                yield from _from_file(str(f), fetcher, max_bytes, encoding)
            else:
                yield Item(origin=str(f), error=_not_regular(f))
        return
    if any(ch in src for ch in "*?["):
        matched = sorted(f for f in glob.iglob(src, recursive=True) if not Path(f).is_dir())
        if not matched:
            yield Item(origin=src, error="the pattern matches no files")
        for f in matched:
            if Path(f).is_file():
                yield from _from_file(f, fetcher, max_bytes, encoding)
            else:
                yield Item(origin=f, error=_not_regular(Path(f)))
        return
    yield from _from_file(src, fetcher, max_bytes, encoding)


def _not_regular(p: Path) -> str:
    """Why ``p`` (not a folder, not a regular file) is skipped: reading a FIFO or a device could block forever."""
    import stat

    if p.is_symlink() and not p.exists():
        return "skipped: a broken symbolic link (its target does not exist)"
    try:
        mode = p.stat().st_mode
    except OSError as exc:
        return f"skipped: cannot be read ({exc.strerror or exc})"
    kind = "a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file"
    return f"skipped: {kind}; khabar ingest reads regular files only (use khabar extract - for a stream)"


def _from_file(path: str, fetcher: Fetcher, max_bytes: int, encoding: str | None) -> Iterator[Item]:
    if not Path(path).exists():
        yield Item(origin=path, error=_not_regular(Path(path)) if Path(path).is_symlink() else "no such file or folder")
        return
    if not Path(path).is_file():
        yield Item(origin=path, error=_not_regular(Path(path)))
        return
    name = path.lower()
    try:
        if _has_suffix(name, JSONL_SUFFIXES):
            yield from _from_jsonl(path, max_bytes)
        elif _has_suffix(name, WARC_SUFFIXES):
            yield from _from_warc(path, max_bytes)
        elif _has_suffix(name, FEED_SUFFIXES):
            data = Path(path).read_bytes()
            yield from _from_feed(data, path, fetcher)
        elif _has_suffix(name, TEXT_SUFFIXES):
            raw = read_input(path, encoding=encoding, max_bytes=max_bytes)
            side = read_sidecar(path)  # NAME.meta.json beside NAME.txt
            yield Item(
                origin=path,
                text=raw.text,
                url=raw.url or side.get("url"),
                title=raw.title or side.get("title"),
                published=_date(raw.published) or side.get("published"),
                site=raw.site or side.get("source"),
            )
        else:
            yield Item(origin=path, error=f"unsupported file type; khabar ingests {', '.join(_ALL)}")
    except InputError as exc:
        yield _fail(path, exc)
    except Exception as exc:  # a parser error in one file must not stop the run
        yield _fail(path, exc)


def _from_jsonl(path: str, max_bytes: int) -> Iterator[Item]:
    opener = gzip.open if path.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:  # type: ignore[operator]
        for n, line in enumerate(fh, 1):
            origin = f"{path}:{n}"
            if not line.strip():
                continue
            if len(line) > max_bytes:
                yield Item(origin=origin, error=f"line is larger than the limit of {human_bytes(max_bytes)} (--max-bytes)")
                continue
            try:
                obj = json.loads(line)
            except (ValueError, UnicodeDecodeError) as exc:
                yield Item(origin=origin, error=f"not valid JSON ({exc})")
                continue
            if not isinstance(obj, dict):
                yield Item(origin=origin, error="not a JSON object (expected {\"text\": …, \"url\": …})")
                continue
            yield _from_obj(obj, origin)


def _from_obj(obj: dict[str, Any], origin: str) -> Item:
    url = obj.get("url") or None
    title, site = obj.get("title"), obj.get("source") or obj.get("site")
    key = "published" if obj.get("published") not in (None, "") else "date"
    try:
        published = _given_date(obj.get(key), f"the field {key}")
    except ConfigError as exc:
        return Item(origin=origin, url=obj.get("url") or None, error=f"{exc}; fix the line or leave the field out")
    text = obj.get("text")
    if not text and obj.get("html"):
        try:
            raw = parse_html(str(obj["html"]), origin)
        except InputError as exc:
            return Item(origin=origin, url=url, error=exc.reason)
        text = raw.text
        title, site = title or raw.title, site or raw.site
        published = published or _date(raw.published)
        url = url or raw.url
    if not isinstance(text, str) or not text.strip():
        return Item(origin=origin, url=url, error="no article text (the line needs a non-empty \"text\" or \"html\")")
    return Item(origin=origin, text=text.replace("\r\n", "\n").replace("\r", "\n"), url=url, title=title, published=published, site=site)


class _Strip:
    _tag = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)
    _block = re.compile(r"</?(p|div|br|li|h\d|blockquote|tr)\b[^>]*>", re.I)

    @classmethod
    def text(cls, fragment: str) -> str:
        s = cls._block.sub("\n", fragment)
        s = _html.unescape(cls._tag.sub("", s))
        lines = [" ".join(x.split()) for x in s.split("\n")]
        return "\n".join(x for x in lines if x)


def _from_feed(data: bytes, origin: str, fetcher: Fetcher) -> Iterator[Item]:
    import feedparser

    feed = feedparser.parse(data)
    broken = _xml_error(feed)
    if not feed.entries:
        reason = broken or str(getattr(feed, "bozo_exception", "")) or "no entries"
        yield Item(origin=origin, error=f"not an RSS/Atom feed, or an empty one ({reason})")
        return
    if broken:  # truncated or malformed: the entries before the error are still read
        yield Item(origin=origin, error=f"the feed is not well-formed XML ({broken}); read {len(feed.entries)} {'entry' if len(feed.entries) == 1 else 'entries'} before the error", stage="read")
    site = feed.feed.get("title")
    for n, e in enumerate(feed.entries, 1):
        eo = f"{origin}#{n}"
        link = e.get("link")
        title = e.get("title")
        published = None
        for key in ("published_parsed", "updated_parsed"):
            if e.get(key):
                published = dt.date(*e[key][:3]).isoformat()
                break
        body = ""
        if e.get("content"):
            body = _Strip.text(e["content"][0].get("value", ""))
        fetch_error = None
        if len(body) < _TEASER_CHARS and link and is_url(link):
            fetched = next(iter(_from_url(link, fetcher, feed_ok=False)), None)
            if fetched is not None and fetched.error is None:
                yield Item(origin=eo, text=fetched.text, url=fetched.url or link, title=title or fetched.title, published=published or fetched.published, site=fetched.site or site)
                continue
            fetch_error = fetched.error if fetched is not None else "nothing fetched"
        if not body:
            body = _Strip.text(e.get("summary", ""))
        if not body.strip():
            why = f" ({fetch_error})" if fetch_error else ""
            yield Item(origin=eo, url=link, error=f"feed entry has no text and its link could not be fetched{why}", stage="fetch" if fetch_error else "read")
            continue
        yield Item(origin=eo, text=body, url=link, title=title, published=published, site=site)


def _xml_error(feed: Any) -> str | None:
    """The XML parse error of a feedparser result (``"XML parse error: line 3, column 0: no element found"``), else ``None``.

    Only syntax errors count: feedparser also flags benign things (a declared
    encoding it overrode) as "bozo".
    """
    from xml.sax import SAXParseException

    exc = getattr(feed, "bozo_exception", None) if getattr(feed, "bozo", 0) else None
    if isinstance(exc, SAXParseException):
        return f"XML parse error: line {exc.getLineNumber()}, column {exc.getColumnNumber()}: {exc.getMessage()}"
    return None


def _from_url(url: str, fetcher: Fetcher, *, feed_ok: bool = True) -> Iterator[Item]:
    try:
        resp = fetcher.get(url)
    except InputError as exc:
        yield _fail(url, exc, stage="fetch", url=url)
        return
    ctype = resp.content_type.lower()
    head = resp.body[:1024].lstrip().lower()
    looks_feed = ctype in _FEED_TYPES or head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)
    if feed_ok and looks_feed and not is_html(url, resp.body):
        yield from _from_feed(resp.body, url, fetcher)
        return
    try:
        text, used = decode_bytes(resp.body, url, resp.charset)
        if ctype in ("text/html", "application/xhtml+xml") or is_html(url, resp.body):
            raw = parse_html(text, url, used)
            yield Item(origin=url, text=raw.text, url=resp.url, title=raw.title, published=_date(raw.published), site=raw.site)
        elif ctype.startswith("text/"):
            yield Item(origin=url, text=text, url=resp.url)
        else:
            yield Item(origin=url, url=url, error=f"content type {ctype or 'unknown'} is not an article (HTML or text)", stage="fetch")
    except InputError as exc:
        yield _fail(url, exc, url=url)


def _from_warc(path: str, max_bytes: int) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as fh:
        it = ArchiveIterator(fh)
        n = 0
        for rec in it:
            if rec.rec_type not in ("response", "resource"):
                continue
            url = rec.rec_headers.get_header("WARC-Target-URI")
            n += 1
            origin = f"{path}@{n}"  # the record's position (it.get_record_offset() would consume the body)
            if rec.rec_type == "response":
                if rec.http_headers is None:
                    continue
                status = rec.http_headers.get_statuscode()
                ctype = (rec.http_headers.get_header("Content-Type") or "").lower()
                if status != "200" or "html" not in ctype:
                    continue
            else:
                ctype = (rec.rec_headers.get_header("Content-Type") or "").lower()
                if "html" not in ctype:
                    continue
            try:
                body = _read_all(rec.content_stream(), max_bytes + 1)
                if len(body) > max_bytes:
                    raise InputError(origin, f"record is larger than the limit of {max_bytes / 1048576:.0f} MiB")
                m = re.search(r"charset=([\w-]+)", ctype)
                enc = m.group(1) if m else None
                try:
                    text, used = decode_bytes(body, origin, enc)
                except InputError:
                    text, used = decode_bytes(body, origin)
                raw = parse_html(text, origin, used)
                yield Item(origin=origin, text=raw.text, url=url or raw.url, title=raw.title, published=_date(raw.published), site=raw.site)
            except InputError as exc:
                yield _fail(origin, exc, url=url)
            except Exception as exc:
                yield _fail(origin, exc, url=url)


def _read_all(stream: Any, limit: int) -> bytes:
    """Read up to ``limit`` bytes (warcio streams return one chunk per ``read``)."""
    parts, n = [], 0
    while n < limit:
        chunk = stream.read(min(65536, limit - n))
        if not chunk:
            break
        parts.append(chunk)
        n += len(chunk)
    return b"".join(parts)


def count_items(sources: list[str]) -> int | None:
    """The number of articles in ``sources`` when it can be known cheaply (files and JSONL lines), else ``None``."""
    total = 0
    for src in sources:
        if is_url(src) or "://" in src:
            return None
        p = Path(src)
        if p.is_dir():
            files = [str(f) for f in p.rglob("*") if f.is_file() and _has_suffix(f.name, _ALL)]
        elif any(ch in src for ch in "*?["):
            files = [f for f in glob.iglob(src, recursive=True) if Path(f).is_file()]
        else:
            files = [src] if p.is_file() else []  # never open a FIFO here: it would block
            total += 0 if files else 1
        for f in files:
            name = f.lower()
            if _has_suffix(name, FEED_SUFFIXES + WARC_SUFFIXES):
                return None
            if _has_suffix(name, JSONL_SUFFIXES):
                try:
                    opener = gzip.open if name.endswith(".gz") else open
                    with opener(f, "rb") as fh:  # type: ignore[operator]
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total
