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

from khabar.errors import ConfigError
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

    Returns:
        The number of rows written.

    Raises:
        ConfigError: an unknown format, or Parquet to standard output.
    """
    if fmt not in ("csv", "jsonl", "parquet"):
        raise ConfigError(f"unknown export format {fmt!r}; use csv, jsonl or parquet")
    to_stdout = out is None or str(out) == "-"
    n = 0
    if fmt == "parquet":
        if to_stdout:
            raise ConfigError("Parquet is binary: give an output file with --out events.parquet")
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = parquet_schema()
        with pq.ParquetWriter(str(out), schema, compression="zstd") as w:
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
    fh = sys.stdout if to_stdout else open(out, "w", encoding="utf-8", newline="")  # type: ignore[arg-type]
    try:
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
    finally:
        if not to_stdout:
            fh.close()
    return n
