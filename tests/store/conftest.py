"""Store fixtures: every storage test runs on SQLite and, when KHABAR_TEST_PG_URL is set, on PostgreSQL."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "examples").glob("*.txt"))


def _pg_reset(url: str) -> None:
    from sqlalchemy import create_engine, text

    from khabar.store import resolve_url

    eng = create_engine(resolve_url(url))
    with eng.begin() as c:
        c.execute(text("DROP SCHEMA public CASCADE"))
        c.execute(text("CREATE SCHEMA public"))
    eng.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database URL of each engine."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'khabar.db'}"
    url = os.environ.get("KHABAR_TEST_PG_URL")
    if not url:
        pytest.skip("KHABAR_TEST_PG_URL is not set: PostgreSQL storage tests skipped (.ci/run starts a local server and sets it)")
    try:
        _pg_reset(url)
    except Exception as exc:  # server gone
        pytest.skip(f"PostgreSQL at KHABAR_TEST_PG_URL is not reachable: {exc.__class__.__name__}")
    return url


@pytest.fixture(scope="session")
def example_docs() -> list:
    """The bundled example articles, extracted once (Document objects)."""
    from khabar.pipeline import extract

    out = []
    for p in EXAMPLES:
        meta = json.loads(p.with_suffix(".meta.json").read_text(encoding="utf-8")) if p.with_suffix(".meta.json").exists() else {}
        out.append(extract(p.read_text(encoding="utf-8"), published=meta.get("published") or p.stem[-10:], url=meta.get("url") or f"https://news.example/{p.stem}", title=meta.get("title"), source=meta.get("source") or "Example News"))
    return out


def as_json(d: dict) -> dict:
    """What a record looks like after JSON (tuples become lists)."""
    return json.loads(json.dumps(d, ensure_ascii=False))
