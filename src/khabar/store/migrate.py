"""Schema migrations through Alembic's programmatic API (``khabar db upgrade``).

The migration scripts ship inside the package (``khabar/store/migrations``),
so an installed khabar can create and upgrade any store without an
``alembic.ini``.
"""

from __future__ import annotations

from importlib.resources import files

from sqlalchemy.engine import Connection, Engine

__all__ = ["alembic_config", "upgrade", "downgrade_to", "current_revision", "head_revision"]


def alembic_config(connection: Connection | None = None):  # type: ignore[no-untyped-def]
    """An ``alembic.config.Config`` pointing at the packaged migrations."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(files("khabar.store") / "migrations"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database behind ``engine`` to ``revision`` (default: the newest)."""
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)


def downgrade_to(engine: Engine, revision: str) -> None:
    """Downgrade the database behind ``engine`` to ``revision`` (tests; ``0001`` drops ``lsh_bands``)."""
    from alembic import command

    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), revision)


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, ``None`` for an empty database."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str:
    """The newest revision shipped with this khabar."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head
