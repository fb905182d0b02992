"""Write corpus event rows to CSV, JSONL or Parquet, streaming.

Columns: :data:`khabar.store.rows.COLUMNS`. List-valued cells (``mentions``,
``quantities``) are JSON strings in CSV and Parquet and JSON arrays in JSONL.
Parquet (pyarrow) has a fixed schema (offsets and ids ``int64``, scores
``float64``, the rest UTF-8 strings) and is written in row groups of
``batch`` rows, so pandas, polars and DuckDB read it and memory stays flat.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from khabar.errors import ConfigError, InputError
from khabar.store.rows import COLUMNS

__all__ = ["write_rows", "Format", "parquet_schema"]

Format = Literal["csv", "jsonl", "parquet"]
_LISTS = {"mentions", "quantities"}
_FLOATS = {"confidence", "killed", "injured"}


def _is_int(col: str) -> bool:
    return col.endswith(("_start", "_end")) or col in {"sentence", "story_id", "corpus_event_id"}


def parquet_schema() -> Any:
    """The pyarrow schema of exported event rows."""
    import pyarrow as pa

    return pa.schema([(c, pa.int64() if _is_int(c) else pa.float64() if c in _FLOATS else pa.string()) for c in COLUMNS])


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k in COLUMNS:
        v = row.get(k)
        if k in _LISTS and v is not None:
            v = json.dumps(v, ensure_ascii=False)
        elif k in _FLOATS and v is not None:
            v = float(v)
        out[k] = v
    return out


def write_rows(rows: Iterable[dict[str, Any]], fmt: Format, out: str | Path | None, *, batch: int = 5000) -> int:
    """Write ``rows`` to ``out`` (``None`` or ``-``: standard output; not for Parquet).

    A regular file is written to a temporary file beside it and renamed into
    place at the end, so a failure (no permission, a full disk) leaves no
    partial file and an existing file untouched. A device or pipe (``/dev/stdout``,
    a FIFO) is written directly.

    Returns:
        The number of rows written.

    Raises:
        ConfigError: an unknown format, or Parquet to standard output.
        InputError: ``out`` cannot be written (a folder, a missing folder, no
            permission, a full disk); the message names the file and the reason.
    """
    if fmt not in ("csv", "jsonl", "parquet"):
        raise ConfigError(f"unknown export format {fmt!r}; use csv, jsonl or parquet")
    to_stdout = out is None or str(out) == "-"
    if fmt == "parquet" and to_stdout:
        raise ConfigError("Parquet is binary: give an output file with --out events.parquet")
    if to_stdout:
        return _write_text(rows, fmt, sys.stdout)
    path = Path(str(out))
    if path.is_dir():
        raise InputError(str(out), "is a folder; give a file name, e.g. --out events." + fmt)
    if not path.parent.is_dir():
        raise InputError(str(out), f"cannot write: the folder {str(path.parent)!r} does not exist")
    if path.exists() and not path.is_file():  # a device or a pipe: written in place
        try:
            if fmt == "parquet":
                return _write_parquet(rows, path, batch)
            with open(path, "w", encoding="utf-8", newline="") as fh:
                return _write_text(rows, fmt, fh)
        except OSError as exc:
            raise InputError(str(out), f"cannot write: {exc.strerror or exc}") from None
    import os
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise InputError(str(out), f"cannot write: {exc.strerror or exc}") from None
    try:
        if fmt == "parquet":
            os.close(fd)
            n = _write_parquet(rows, Path(tmp), batch)
        else:
            with open(fd, "w", encoding="utf-8", newline="") as fh:
                n = _write_text(rows, fmt, fh)
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(str(out), f"cannot write: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return n


def _umask() -> int:
    import os

    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_parquet(rows: Iterable[dict[str, Any]], path: Path, batch: int) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(str(path), schema, compression="zstd") as w:
        buf: list[dict[str, Any]] = []
        for r in rows:
            buf.append(_flat(r))
            n += 1
            if len(buf) >= batch:
                w.write_table(pa.Table.from_pylist(buf, schema=schema))
                buf = []
        if buf or n == 0:
            w.write_table(pa.Table.from_pylist(buf, schema=schema))
    return n


def _write_text(rows: Iterable[dict[str, Any]], fmt: str, fh: Any) -> int:
    n = 0
    if fmt == "csv":
        w2 = csv.DictWriter(fh, fieldnames=list(COLUMNS))
        w2.writeheader()
        for r in rows:
            w2.writerow(_flat(r))
            n += 1
    else:
        for r in rows:
            fh.write(json.dumps({k: r.get(k) for k in COLUMNS}, ensure_ascii=False) + "\n")
            n += 1
    return n
