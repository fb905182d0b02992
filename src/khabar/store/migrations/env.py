"""Alembic environment for khabar's store (run through :func:`khabar.store.migrate.upgrade`).

The caller passes an open connection in ``config.attributes["connection"]``
(or a URL in ``sqlalchemy.url``); online migrations only.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from khabar.store.schema import metadata

config = context.config


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


conn = config.attributes.get("connection")
if conn is not None:
    _run(conn)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as c:
        _run(c)
