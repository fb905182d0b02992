"""``khabar db``: create or upgrade a store's schema, and show what it holds."""

from __future__ import annotations

import json
from typing import Annotated, Optional

import typer

__all__ = ["db_app"]

db_app = typer.Typer(help="The database: upgrade its schema (Alembic migrations shipped with khabar), show counts.", no_args_is_help=True)

_DB = typer.Option("--db", help="Database URL or SQLite path (default $KHABAR_DB, else ./khabar.db).")


@db_app.command("upgrade")
def upgrade(db: Annotated[Optional[str], _DB] = None, revision: Annotated[str, typer.Option(help="Target revision.")] = "head") -> None:
    """Create the schema or upgrade it to the newest revision.

    Example:

        khabar db upgrade --db postgresql://khabar@localhost/khabar
    """
    from khabar.store import Store
    from khabar.store.migrate import current_revision, upgrade as up

    store = Store(db, migrate=False)
    before = current_revision(store.engine)
    up(store.engine, revision)
    after = current_revision(store.engine)
    typer.echo(f"khabar db: {store._safe_url()} at revision {after} (was {before or 'empty'})")


@db_app.command("info")
def info(db: Annotated[Optional[str], _DB] = None) -> None:
    """Row counts per table and the schema revision, as JSON."""
    from khabar.store import Store
    from khabar.store.migrate import current_revision
    from khabar.store.schema import metadata

    store = Store(db, create=False)
    out = {"db": store._safe_url(), "revision": current_revision(store.engine), "tables": {t: store.count(t) for t in metadata.tables}}
    typer.echo(json.dumps(out, indent=1))
