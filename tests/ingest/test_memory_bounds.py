"""Memory flat in N: every cache that fills with a corpus's vocabulary is bounded, and eviction changes no output."""

from __future__ import annotations

import functools
import gc
import importlib
import pkgutil

import khabar

# an article written for this test
TEXT = (
    "بغداد - أعلن وزير الدفاع العراقي يوم الثلاثاء أن قوات الأمن اعتقلت 12 مشتبها بهم في محافظة نينوى، "
    "وقال في بيان إن العملية جرت بالتنسيق مع التحالف الدولي. "
    "ودعا الأمين العام للأمم المتحدة إلى ضبط النفس، فيما تظاهر نحو 300 شخص أمام مبنى المحافظة."
)


def _khabar_caches() -> list[functools._lru_cache_wrapper]:
    for m in pkgutil.walk_packages(khabar.__path__, "khabar."):
        if m.name.startswith(("khabar.api", "khabar.cli", "khabar.store.migrations")):
            continue
        try:
            importlib.import_module(m.name)
        except ImportError:  # an optional extra (dask, fastapi) is not installed
            continue
    return [o for o in gc.get_objects() if isinstance(o, functools._lru_cache_wrapper) and getattr(o, "__module__", "").startswith("khabar.")]


def test_no_khabar_cache_is_unbounded_and_ner_word_caches_are_small() -> None:
    from khabar.models import ner

    caches = _khabar_caches()
    assert len(caches) > 20
    assert [f"{c.__module__}.{c.__qualname__}" for c in caches if c.cache_info().maxsize is None] == []
    for f in (ner._static, ner._view, ner._key_word):
        assert f.cache_info().maxsize == ner.WORD_CACHE == 16_384


def test_evicting_the_word_caches_changes_no_output(monkeypatch) -> None:
    """The same record with the per-word caches warm, emptied, and squeezed to two entries (every word evicted)."""
    from khabar.models import ner
    from khabar.pipeline import extract

    first = extract(TEXT, published="2024-05-07").to_dict()
    for c in _khabar_caches():
        if (c.cache_info().maxsize or 0) >= 1024:  # per-word caches (models and lexicons stay loaded)
            c.cache_clear()
    assert extract(TEXT, published="2024-05-07").to_dict() == first
    for name in ("_static", "_view", "_key_word"):
        monkeypatch.setattr(ner, name, functools.lru_cache(maxsize=2)(getattr(ner, name).__wrapped__))
    squeezed = extract(TEXT, published="2024-05-07").to_dict()
    assert squeezed == first
    assert first["entities"] and first["events"]  # the article exercises NER and the event coder
