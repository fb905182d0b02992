"""Shared fixtures. Tests run offline; those that read ../shared skip when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's shared folder (../shared), or skip the test with a clear message."""
    if not (SHARED / "SPEC.md").exists():
        pytest.skip(f"{SHARED} not found: the shared examples and gold files are not available here")
    return SHARED


@pytest.fixture(scope="session")
def nato_article(shared_dir: Path) -> str:
    return (shared_dir / "examples" / "nato-iraq-2021-02-16.txt").read_text(encoding="utf-8")
