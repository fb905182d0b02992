"""Real articles for ``khabar bench ingest --corpus PATH``: the first N articles of a folder or file.

The benchmark's generated corpus (:mod:`khabar.ingest.synth`) is a stress
test: short templated articles whose shared sentences make hot LSH buckets.
This module reads a corpus the user points at instead, in the shapes news
corpora are shipped in, and writes its first ``n`` articles to a JSONL file in
the format ``khabar ingest`` reads (``text``, ``url``, ``title``,
``published``, ``source``), so the benchmark runs both corpora the same way.

Accepted inputs (a folder is read recursively, files in name order):

* ``.jsonl`` / ``.ndjson`` (optionally ``.gz``): one article object per line;
* ``.json``: an array of article objects (or one object per line);
* ``.csv``: a header row and one article per row;
* ``.zip``: its ``.json``, ``.jsonl``, ``.csv`` and ``.txt`` members, in name order
  (e.g. SaudiNewsNet's one-JSON-array-per-day archives);
* ``.txt``: one article per file (the text; no metadata).

Field names (the first one present wins): text ``text|content|body|article``;
title ``title|headline``; URL ``url|link``; date
``published|date|date_published|date_extracted|pubDate`` (the first ten
characters, kept only when they are a valid ``YYYY-MM-DD`` date that khabar
accepts); outlet ``source|site|outlet``. Articles with empty text and exact
repeats (same text after whitespace collapsing, or same URL) are skipped, so
the output holds ``n`` distinct articles.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from khabar.errors import ConfigError

__all__ = ["iter_corpus", "write_corpus_jsonl"]

_TEXT = ("text", "content", "body", "article")
_TITLE = ("title", "headline")
_URL = ("url", "link")
_DATE = ("published", "date", "date_published", "date_extracted", "pubDate")
_SOURCE = ("source", "site", "outlet")
_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".json", ".csv", ".zip", ".txt")


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for k in keys:
        v = obj.get(k)
        if v is not None and str(v).strip():
            return str(v).strip()
    return None


def _date(value: str | None) -> str | None:
    if not value:
        return None
    from khabar.published import parse_published

    try:
        day = parse_published(value, prefix=True)
    except ConfigError:
        return None
    return day.isoformat() if day else None


def _article(obj: Any, origin: str) -> dict[str, Any] | None:
    if not isinstance(obj, dict):
        return None
    text = _first(obj, _TEXT)
    if not text:
        return None
    return {"text": text, "url": _first(obj, _URL), "title": _first(obj, _TITLE), "published": _date(_first(obj, _DATE)),
            "source": _first(obj, _SOURCE), "origin": origin}


def _from_text(name: str, data: str) -> Iterator[dict[str, Any]]:
    low = name.lower()
    if low.endswith((".jsonl", ".ndjson")):
        for i, line in enumerate(data.splitlines(), 1):
            if line.strip():
                try:
                    a = _article(json.loads(line), f"{name}:{i}")
                except json.JSONDecodeError:
                    continue
                if a:
                    yield a
    elif low.endswith(".json"):
        try:
            objs = json.loads(data)
        except json.JSONDecodeError:  # one object per line after all
            yield from _from_text(name + "l", data)
            return
        if isinstance(objs, dict):
            objs = next((v for v in objs.values() if isinstance(v, list)), [objs])
        for i, obj in enumerate(objs if isinstance(objs, list) else []):
            a = _article(obj, f"{name}[{i}]")
            if a:
                yield a
    elif low.endswith(".csv"):
        csv.field_size_limit(1 << 30)
        for i, row in enumerate(csv.DictReader(io.StringIO(data)), 2):
            a = _article(dict(row), f"{name}:{i}")
            if a:
                yield a
    elif low.endswith(".txt") and data.strip():
        yield {"text": data.strip(), "url": None, "title": None, "published": None, "source": None, "origin": name}


def _decode(raw: bytes) -> str:
    return raw.decode("utf-8-sig", errors="replace")


def _from_file(p: Path) -> Iterator[dict[str, Any]]:
    low = p.name.lower()
    if low.endswith(".zip"):
        with zipfile.ZipFile(p) as z:
            for name in sorted(z.namelist()):
                if name.lower().endswith(_SUFFIXES) and not name.lower().endswith(".zip"):
                    yield from _from_text(f"{p}!{name}", _decode(z.read(name)))
    elif low.endswith(".gz"):
        yield from _from_text(str(p)[:-3], _decode(gzip.decompress(p.read_bytes())))
    else:
        yield from _from_text(str(p), _decode(p.read_bytes()))


def iter_corpus(path: str | Path) -> Iterator[dict[str, Any]]:
    """Articles of a corpus folder or file, in name order, lazily (one file in memory at a time).

    Yields ``{"text", "url", "title", "published", "source", "origin"}`` (values
    ``None`` when absent). Files of other kinds in a folder are ignored.

    Raises:
        ConfigError: ``path`` does not exist or is not a supported file.
    """
    p = Path(path)
    if not p.exists():
        raise ConfigError(f"--corpus {path}: no such file or folder")
    if p.is_dir():
        files = sorted(f for f in p.rglob("*") if f.is_file() and f.name.lower().endswith(_SUFFIXES))
        if not files:
            raise ConfigError(f"--corpus {path}: the folder holds no {', '.join(_SUFFIXES)} file")
        for f in files:
            yield from _from_file(f)
        return
    if not p.name.lower().endswith(_SUFFIXES):
        raise ConfigError(f"--corpus {path}: not a supported file (expected one of {', '.join(_SUFFIXES)}, or a folder)")
    yield from _from_file(p)


def write_corpus_jsonl(source: str | Path, dest: str | Path, n: int) -> Path:
    """Write the first ``n`` distinct articles of ``source`` (:func:`iter_corpus`) to the JSONL file ``dest``.

    Articles without a URL get ``corpus://<origin>`` so that each stays
    identifiable in the store. Returns ``dest``.

    Raises:
        ConfigError: ``source`` is missing or unsupported, or holds fewer than
            ``n`` distinct articles (the message says how many it holds).
    """
    out = Path(dest)
    seen: set[bytes] = set()
    urls: set[str] = set()
    k = 0
    with out.open("w", encoding="utf-8") as fh:
        for a in iter_corpus(source):
            h = hashlib.sha1(" ".join(a["text"].split()).encode("utf-8")).digest()
            url = a["url"] or f"corpus://{a['origin']}"
            if h in seen or url in urls:
                continue
            seen.add(h)
            urls.add(url)
            fh.write(json.dumps({"text": a["text"], "url": url, "title": a["title"], "published": a["published"], "source": a["source"]}, ensure_ascii=False) + "\n")
            k += 1
            if k >= n:
                return out
    raise ConfigError(f"--corpus {source}: only {k} distinct articles with text, fewer than the {n} asked for (--n)")
