"""The khabar error hierarchy.

Every error a user can cause is a :class:`KhabarError`; the CLI prints its
message on one line and exits non-zero without a traceback (``--debug`` shows
it). Messages say what went wrong, where (path, document id, component), what
was expected versus what came, and the next step::

    KhabarError
    ├── InputError        bad or unreadable input (empty, binary, too large, bad encoding)
    ├── ConfigError       bad option or setting
    ├── ModelError        a model or data file is missing or corrupt
    ├── ComponentError    a pipeline component failed on one document
    └── StorageError      the database refused a write
"""

from __future__ import annotations

__all__ = [
    "KhabarError",
    "InputError",
    "ConfigError",
    "ModelError",
    "ComponentError",
    "StorageError",
]


class KhabarError(Exception):
    """Base class of every error khabar raises on purpose."""


class InputError(KhabarError):
    """The input cannot be read as an article.

    Args:
        source: the path, URL or ``<stdin>`` the input came from.
        reason: what is wrong with it and what to do, in one sentence.
    """

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class ConfigError(KhabarError):
    """An option or setting has a value khabar cannot use."""


class ModelError(KhabarError):
    """A model or packaged data file is missing or cannot be loaded."""


class ComponentError(KhabarError):
    """A pipeline component failed on one document.

    Args:
        component: the component's registered name, e.g. ``"dates"``.
        doc_id: the document's id.
        cause: the underlying exception's message.
    """

    def __init__(self, component: str, doc_id: str, cause: str) -> None:
        self.component = component
        self.doc_id = doc_id
        super().__init__(f"component {component!r} failed on document {doc_id}: {cause}")


class StorageError(KhabarError):
    """The store could not read or write a record."""
