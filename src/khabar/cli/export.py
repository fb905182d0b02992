"""``khabar events`` and ``khabar export``: query stored events, write CSV/JSONL/Parquet."""

from __future__ import annotations

import datetime as dt
import json
from enum import Enum
from typing import Annotated, Optional

import typer

from khabar.errors import ConfigError

__all__ = ["events", "export"]


class ExportFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


class ShowFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


def _date(v: str | None, opt: str) -> dt.date | None:
    if v is None:
        return None
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        raise ConfigError(f"{opt} {v!r} is not a date in the form YYYY-MM-DD") from None


def _filter(since, until, type_, actor, country, text, limit):  # type: ignore[no-untyped-def]
    from khabar.doc import PLOVER_TYPES
    from khabar.store import EventFilter

    if type_ and type_.upper() not in PLOVER_TYPES:
        raise ConfigError(f"--type {type_!r} is not a PLOVER type; use one of {', '.join(PLOVER_TYPES)}")
    d0, d1 = _date(since, "--since"), _date(until, "--until")
    if d0 and d1 and d0 > d1:
        raise ConfigError(f"--since {since} is after --until {until}: no day is in that range")
    return EventFilter(since=d0, until=d1, type=type_, actor=actor, country=_country(country), text=text, limit=limit)


def _country(v: str | None) -> str | None:
    """An ISO 3166 alpha-3 code from ``v``: the code itself (any case), or a country's English or Arabic
    name as the knowledge base knows it (``Iraq``, ``العراق`` → ``IRQ``).

    Raises:
        ConfigError: ``v`` is neither a code nor a country name the knowledge base knows.
    """
    if v is None:
        return None
    from khabar.extract.kb import get_kb

    kb = get_kb()
    codes = {e.country for e in kb.entries.values() if e.label == "GPE" and e.country}
    if v.upper() in codes:
        return v.upper()
    want = v.strip().casefold()
    for e in kb.entries.values():
        if e.label == "GPE" and e.country and e.population == 0 and (e.name_en or "").casefold() == want:
            return e.country
    hits = {a.entry.country for a in kb.aliases(v.strip()) if a.entry.label == "GPE" and a.entry.population == 0}
    if len(hits) == 1 and None not in hits:
        return hits.pop()
    raise ConfigError(f"--country {v!r} is not an ISO 3166 alpha-3 code or a country name khabar knows; use a code such as IRQ, SYR, USA")


_DB = typer.Option("--db", help="Database URL or SQLite path (default $KHABAR_DB, else ./khabar.db).")
_SINCE = typer.Option("--since", help=(
    "Events on or after this day (YYYY-MM-DD), by the event's day: its own date when that names a day, "
    "else the article's publication date (a month or year such as 2025-02 falls back to publication); "
    "events with neither are left out."))
_UNTIL = typer.Option("--until", help="Events on or before this day (YYYY-MM-DD), by the same day as --since.")
_TYPE = typer.Option("--type", help="PLOVER event type, e.g. ASSAULT.")
_ACTOR = typer.Option("--actor", help="Source or target actor: part of its English name, Arabic text, KB id or key.")
_COUNTRY = typer.Option("--country", help="Country of the source, target or place: ISO 3166 alpha-3 code (IRQ) or its name (Iraq, العراق).")
_TEXT = typer.Option("--text", help="Words in the event's sentence (Arabic, matched after normalization).")


def events(
    db: Annotated[Optional[str], _DB] = None,
    since: Annotated[Optional[str], _SINCE] = None,
    until: Annotated[Optional[str], _UNTIL] = None,
    type_: Annotated[Optional[str], _TYPE] = None,
    actor: Annotated[Optional[str], _ACTOR] = None,
    country: Annotated[Optional[str], _COUNTRY] = None,
    text: Annotated[Optional[str], _TEXT] = None,
    limit: Annotated[int, typer.Option(help="Show at most this many events.", min=1)] = 50,
    fmt: Annotated[ShowFormat, typer.Option("--format", "-f", help="table (readable) or jsonl (one row per line).")] = ShowFormat.table,
) -> None:
    """List stored events that match the filters.

    Example:

        khabar events --db corpus.db --type ASSAULT --country IRQ --since 2024-01-01
    """
    from khabar.store import Store

    rows = Store(db, create=False).iter_events(_filter(since, until, type_, actor, country, text, limit))
    if fmt is ShowFormat.jsonl:
        for r in rows:
            typer.echo(json.dumps(r, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    t = Table(title="khabar events")
    for col in ("day", "type", "source", "target", "place", "trigger", "outlet", "doc"):
        t.add_column(col)
    n = 0
    for r in rows:
        n += 1
        t.add_row(r["event_day"] or "", r["event_type"], r["source_name"] or r["source_text"] or "", r["target_name"] or r["target_text"] or "", r["location_name"] or r["location_text"] or "", r["trigger_text"], r["outlet"] or "", f"{r['doc_id']}:{r['event_id']}")
    Console().print(t if n else "no events match")


def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="csv, jsonl or parquet.")],
    out: Annotated[Optional[str], typer.Option("--out", "-o", help="Output file (default: standard output; required for parquet).")] = None,
    db: Annotated[Optional[str], _DB] = None,
    since: Annotated[Optional[str], _SINCE] = None,
    until: Annotated[Optional[str], _UNTIL] = None,
    type_: Annotated[Optional[str], _TYPE] = None,
    actor: Annotated[Optional[str], _ACTOR] = None,
    country: Annotated[Optional[str], _COUNTRY] = None,
    text: Annotated[Optional[str], _TEXT] = None,
) -> None:
    """Export stored events (POLECAT-like columns with provenance) to CSV, JSONL or Parquet.

    Example:

        khabar export --format parquet --out events.parquet --db corpus.db --since 2024-01-01
    """
    from khabar.store import Store
    from khabar.store.export import write_rows

    if fmt is ExportFormat.parquet and (out is None or out == "-"):
        raise ConfigError("Parquet is binary: give an output file with --out events.parquet")
    n = write_rows(Store(db, create=False).iter_events(_filter(since, until, type_, actor, country, text, None)), fmt.value, out)  # type: ignore[arg-type]
    if out and out != "-":
        typer.echo(f"khabar export: {n} events → {out}", err=True)
