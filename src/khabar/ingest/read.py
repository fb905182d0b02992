"""Read one article from a path or standard input.

Decoding order: a BOM (UTF-8, UTF-16 LE/BE, UTF-32) wins; else strict UTF-8;
else the encoding the caller names; else detection with charset-normalizer
among the encodings Arabic text is really found in (windows-1256,
ISO-8859-6, UTF-16/32 without BOM, CP720). Line ends become ``\\n`` (the
record's ``text`` is the decoded text with universal newlines). HTML pages go
through trafilatura for the main text and metadata (title, date, URL, site).

Every failure is an :class:`~khabar.errors.InputError` naming the input and
the reason: missing, a directory, empty, too large, binary, undecodable, or an
unknown encoding name.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from khabar.errors import InputError

__all__ = ["RawInput", "read_input", "decode_bytes", "parse_html", "is_html", "sniff_container", "human_bytes", "DEFAULT_MAX_BYTES"]

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
_CANDIDATES = ["utf_8", "cp1256", "iso8859_6", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "cp720"]
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_HTML_RE = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<\?xml[^>]*>\s*<html)", re.I)


@dataclass(frozen=True, slots=True)
class RawInput:
    """Decoded input: the text, where it came from and what its page said about itself."""

    text: str
    source: str
    encoding: str
    title: str | None = None
    url: str | None = None
    site: str | None = None
    published: dt.date | None = None


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text[:20000] if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    return bad / min(len(text), 20000)


def decode_bytes(data: bytes, source: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode raw bytes to text.

    Args:
        data: the raw bytes.
        source: the name used in error messages (a path or ``<stdin>``).
        encoding: a codec name to use instead of detection.

    Returns:
        ``(text, encoding_name)``, with ``\\r\\n`` and ``\\r`` turned into ``\\n``.

    Raises:
        InputError: unknown encoding name, bytes that do not decode, or binary data.
    """
    text: str | None = None
    used = ""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(source, f"unknown encoding {encoding!r}; use a Python codec name such as utf-8 or cp1256") from None
        try:
            text, used = data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise InputError(source, f"does not decode as {encoding} (byte {exc.start}); try another --encoding or leave it out to detect") from None
    else:
        for bom, codec in _BOMS:
            if data.startswith(bom):
                try:
                    text, used = data.decode(codec), codec
                except UnicodeDecodeError:
                    raise InputError(source, f"starts with a {codec} byte-order mark but does not decode as {codec}") from None
                break
        if text is None and b"\x00" not in data:
            try:
                text, used = data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                pass
        if text is None:
            text, used = _detect(data, source)
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _control_ratio(text) > 0.01:
        raise InputError(source, "looks like a binary file, not text (control characters or undecodable bytes); give a .txt or .html article")
    return text, used


def _detect(data: bytes, source: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None:
        if b"\x00" in data[:4096]:
            raise InputError(source, "looks like a binary file, not text; give a .txt or .html article")
        raise InputError(source, "cannot detect the text encoding; name it with --encoding (e.g. cp1256)")
    text = str(best)
    if b"\x00" in data and not best.encoding.startswith(("utf_16", "utf_32")):
        raise InputError(source, "looks like a binary file, not text; give a .txt or .html article")
    return text, best.encoding


def read_sidecar(path: str) -> dict[str, str]:
    """Metadata kept next to a text article: ``NAME.meta.json`` beside ``NAME.txt``.

    Returns the string fields ``published`` (YYYY-MM-DD, years 1900–2100), ``title``, ``url`` and
    ``source`` that the file gives (an empty dict when there is no sidecar, or it is
    not a JSON object — a broken sidecar never stops an article from being read).
    This is how ``examples/`` stores each article's publication date.
    """
    import json

    if path == "-":
        return {}
    side = Path(path).with_suffix(".meta.json")
    if not side.is_file():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    out = {k: v for k in ("published", "title", "url", "source") if isinstance(v := data.get(k), str) and v.strip()}
    if "published" in out:
        from khabar.errors import ConfigError
        from khabar.published import parse_published

        try:
            parse_published(out["published"])  # YYYY-MM-DD in the years 1900–2100
        except ConfigError:
            del out["published"]
    return out


def human_bytes(n: int) -> str:
    """A size for messages: bytes under 1 MiB (``1,500 bytes``), else MiB (``10 MiB``, ``10.04 MiB``)."""
    if n < 1 << 20:
        return f"{n:,} byte" + ("" if n == 1 else "s")
    return f"{n >> 20} MiB" if n % (1 << 20) == 0 else f"{n / (1 << 20):.2f} MiB"


_FEED_RE = re.compile(r"^\s*(?:(?:<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)\s*)*<(?:rss|feed|rdf:RDF)\b", re.S | re.I)


def sniff_container(text: str) -> str | None:
    """What kind of many-article file ``text`` is: ``"feed"`` (RSS/Atom/RDF XML), ``"jsonl"`` (JSON lines), ``"json"``, else ``None``.

    Decided by content, not by the file name: an XML feed root after the XML
    declaration, comments and doctype; or a first line that is a JSON object.
    ``khabar extract`` refuses these (``khabar ingest`` reads them).
    """
    import json

    head = text.lstrip("\ufeff")[:8192]
    if _FEED_RE.match(head):
        return "feed"
    body = text.lstrip("\ufeff \t\r\n")
    if body[:1] in ("{", "["):
        first = body.split("\n", 1)[0]
        try:
            obj = json.loads(first)
        except ValueError:
            obj = None
        if isinstance(obj, dict) and "\n" in body.strip():
            return "jsonl"
        try:
            json.loads(body)
        except ValueError:
            return None
        return "json"
    return None


def _is_html(path: str, data: bytes) -> bool:
    return path.lower().endswith((".html", ".htm", ".xhtml")) or bool(_HTML_RE.match(data[:512]))


def _from_html(html: str, source: str, encoding: str) -> RawInput:
    import trafilatura

    # Publication dates come from the page's metadata and markup only: htmldate's
    # "extensive search" also reads free text such as a footer's "© 2023", which is not
    # when the article appeared (and would silently anchor every relative date).
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        favor_precision=True,
        as_dict=False,
        date_extraction_params={"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"},
    )
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise InputError(source, "no article text found in this HTML page (trafilatura extracted nothing)")
    published = None
    raw_date = getattr(doc, "date", None)
    if raw_date:
        try:
            published = dt.date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            published = None
    return RawInput(
        text=body,
        source=source,
        encoding=encoding,
        title=getattr(doc, "title", None),
        url=getattr(doc, "url", None),
        site=getattr(doc, "sitename", None),
        published=published,
    )


def read_input(path: str, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> RawInput:
    """Read one article from ``path`` (``-`` for standard input).

    Args:
        path: a ``.txt`` or ``.html`` file, or ``-``.
        encoding: force a codec instead of detecting one.
        max_bytes: refuse larger inputs (default 10 MiB).

    Returns:
        A :class:`RawInput`; for HTML its text is the extracted main text.

    Raises:
        InputError: missing file, directory, empty, too large, binary,
            undecodable or unknown encoding.
    """
    if path == "-":
        source = "<stdin>"
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        source = path
        p = Path(path)
        if not p.exists():
            raise InputError(source, "no such file")
        if p.is_dir():
            raise InputError(source, "is a directory; khabar extract reads one article file (give a file path, or use khabar ingest for a folder)")
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(source, f"is {human_bytes(size)}; the limit for one article is {human_bytes(max_bytes)} (--max-bytes)")
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise InputError(source, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(source, f"is larger than the limit of {human_bytes(max_bytes)} for one article (--max-bytes)")
    if not data.strip():
        raise InputError(source, "is empty; there is no article text to read")
    text, used = decode_bytes(data, source, encoding)
    if not text.strip():
        raise InputError(source, "is empty after decoding; there is no article text to read")
    if _is_html(path, data):
        return _from_html(text, source, used)
    return RawInput(text=text, source=source, encoding=used)


def parse_html(text: str, source: str, encoding: str = "utf-8") -> RawInput:
    """Main text and metadata of an HTML page already decoded to ``text`` (trafilatura).

    Raises:
        InputError: trafilatura found no article text in the page.
    """
    return _from_html(text, source, encoding)


def is_html(name: str, data: bytes) -> bool:
    """True when ``data`` (named ``name``) looks like an HTML page rather than plain text."""
    return _is_html(name, data)
