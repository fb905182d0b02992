"""Rebuild :class:`khabar.doc.Document` objects from stored JSON records.

The inverse of :meth:`Document.to_dict` for the fields the record classes
declare (nested records, tuples and dates restored from their type hints);
keys a record class does not know (written by a newer khabar) are ignored.
Used to feed stored documents to code that takes a ``Document`` (e.g.
:func:`khabar.events.export.event_rows`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from functools import lru_cache
from typing import Any

from khabar import doc as D

__all__ = ["document_from_record", "from_json"]


@lru_cache(maxsize=64)  # one entry per record class (a few dozen at most)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(D))


def from_json(tp: Any, value: Any) -> Any:
    """Convert a JSON value to type ``tp`` (a record class, ``X | None``, ``tuple[X, ...]``, ``date``)."""
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        for a in args:
            if dataclasses.is_dataclass(a) and isinstance(value, dict):
                return from_json(a, value)
        if any(a is dt.date for a in args) and isinstance(value, str):
            return dt.date.fromisoformat(value)
        return tuple(value) if isinstance(value, list) else value
    if origin is tuple:
        args = typing.get_args(tp)
        inner = args[0] if args else Any
        return tuple(from_json(inner, v) for v in value)
    if tp is dt.date and isinstance(value, str):
        return dt.date.fromisoformat(value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp) and isinstance(value, dict):
        hints = _hints(tp)
        kw = {f.name: from_json(hints[f.name], value[f.name]) for f in dataclasses.fields(tp) if f.name in value}
        return tp(**kw)
    if isinstance(value, list):
        return tuple(value)
    return value


def document_from_record(record: dict[str, Any]) -> D.Document:
    """A :class:`~khabar.doc.Document` equal to the one whose ``to_dict()`` gave ``record`` (tokens aside)."""
    return from_json(D.Document, record)  # type: ignore[no-any-return]
