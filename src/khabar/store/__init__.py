"""Storage: SQLAlchemy 2 over SQLite (default ``./khabar.db``) or PostgreSQL, with Alembic migrations.

Public names: :class:`Store` (write/read documents and records),
:class:`EventFilter`, :class:`WriteResult`, :func:`resolve_url`,
``DEFAULT_URL``. See ``docs/corpus.md``.
"""

from khabar.store.store import DEFAULT_URL, EventFilter, Store, WriteResult, resolve_url

__all__ = ["Store", "EventFilter", "WriteResult", "resolve_url", "DEFAULT_URL"]
