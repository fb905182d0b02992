"""khabar events / khabar export: CSV, JSONL and Parquet with filters."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.cli.main import app
from khabar.store import Store
from khabar.store.rows import COLUMNS


@pytest.fixture
def filled(tmp_path: Path, example_docs: list) -> str:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    store = Store(url)
    for d in example_docs:
        store.add_record(d.to_dict())
    store.close()
    return url


def test_export_formats_agree(filled: str, tmp_path: Path, example_docs: list) -> None:
    import pyarrow.parquet as pq

    n = sum(len(d.events) for d in example_docs)
    r = CliRunner().invoke(app, ["export", "-f", "parquet", "-o", str(tmp_path / "e.parquet"), "--db", filled])
    assert r.exit_code == 0, r.output
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == n and tuple(table.schema.names) == COLUMNS
    assert str(table.schema.field("trigger_start").type) == "int64" and str(table.schema.field("confidence").type) == "double"
    r = CliRunner().invoke(app, ["export", "-f", "csv", "--db", filled])
    rows = list(csv.DictReader(r.stdout.splitlines()))
    assert len(rows) == n and tuple(rows[0]) == COLUMNS
    r = CliRunner().invoke(app, ["export", "-f", "jsonl", "--db", filled, "--type", "assault"])
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert lines and all(x["event_type"] == "ASSAULT" for x in lines)
    assert len(lines) == sum(1 for d in example_docs for e in d.events if e.type == "ASSAULT")
    col = table.column("event_type").to_pylist()
    assert col.count("ASSAULT") == len(lines)
    # provenance: the spans in the Parquet file point into the stored texts
    texts = {d.id: d.text for d in example_docs}
    for doc_id, s, e, t in zip(*(table.column(c).to_pylist() for c in ("doc_id", "trigger_start", "trigger_end", "trigger_text"))):
        assert texts[doc_id][s:e] == t


def test_events_command_and_bad_filters(filled: str) -> None:
    r = CliRunner().invoke(app, ["events", "--db", filled, "--country", "IRQ", "-f", "jsonl", "--limit", "2"])
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(rows) == 2 and all("IRQ" in (x["source_country"], x["target_country"], x["location_country"]) for x in rows)
    from khabar.errors import ConfigError

    for args, msg in ((["--type", "BOMBING"], "not a PLOVER type"), (["--since", "2024/01/01"], "not a date")):
        r = CliRunner().invoke(app, ["events", "--db", filled, *args])
        assert isinstance(r.exception, ConfigError) and msg in str(r.exception)
    r = CliRunner().invoke(app, ["export", "-f", "parquet", "--db", filled])
    assert isinstance(r.exception, ConfigError) and "--out" in str(r.exception)


def test_country_filter_takes_names_and_rejects_unknown(filled: str) -> None:
    """--country accepts a code in any case or a country's English/Arabic name; an unknown value and an
    empty date range are errors, not an empty result."""
    from khabar.errors import ConfigError

    by_code = CliRunner().invoke(app, ["events", "--db", filled, "--country", "IRQ", "-f", "jsonl"]).stdout
    assert by_code.strip()
    for name in ("irq", "Iraq", "العراق"):
        r = CliRunner().invoke(app, ["events", "--db", filled, "--country", name, "-f", "jsonl"])
        assert r.exit_code == 0 and r.stdout == by_code, name
    for args, msg in ((["--country", "Narnia"], "not an ISO 3166"),
                      (["--since", "2024-02-01", "--until", "2024-01-01"], "is after --until")):
        r = CliRunner().invoke(app, ["events", "--db", filled, *args])
        assert isinstance(r.exception, ConfigError) and msg in str(r.exception)
