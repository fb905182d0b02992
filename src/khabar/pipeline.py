"""The extraction pipeline: components that each take a Document and return a new one.

A component declares what it ``requires`` and ``produces`` (field names of
:class:`~khabar.doc.Document`); :class:`Pipeline` checks the order when it is
built and wraps any failure in :class:`~khabar.errors.ComponentError` naming
the component and the document. Extractor modules are imported lazily, on
first use, so ``import khabar`` does no work.

Default order::

    segment → entities → dates → quantities → dateline → attributions → quotes → events
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from khabar.doc import Document, Meta
from khabar.errors import ComponentError, ConfigError, KhabarError
from khabar.text.segment import split_sentences, tokenize

__all__ = ["Component", "FunctionComponent", "Pipeline", "default_pipeline", "extract", "COMPONENTS"]


@runtime_checkable
class Component(Protocol):
    """A pipeline stage: ``Document -> Document``."""

    name: str
    version: str
    requires: tuple[str, ...]
    produces: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


@dataclass(frozen=True)
class FunctionComponent:
    """A component made of a function ``Document -> tuple[record, ...]`` for one field.

    ``target`` is ``"module:function"``; it is imported on first call.
    """

    name: str
    version: str
    requires: tuple[str, ...]
    produces: tuple[str, ...]
    target: str

    def _func(self) -> Callable[[Document], tuple]:
        mod, fn = self.target.split(":")
        return getattr(importlib.import_module(mod), fn)  # type: ignore[no-any-return]

    def __call__(self, doc: Document) -> Document:
        items = self._func()(doc)
        return doc.with_(**{self.produces[0]: tuple(items)})

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for d in docs:
            yield self(d)


@dataclass(frozen=True)
class ValueComponent(FunctionComponent):
    """A component whose function returns one value (a record or ``None``), not a tuple.

    Used for single-valued fields such as ``Document.dateline``.
    """

    def __call__(self, doc: Document) -> Document:
        return doc.with_(**{self.produces[0]: self._func()(doc)})


class Segmenter:
    """Sentences and tokens (:mod:`khabar.text.segment`)."""

    name = "segment"
    version = "1"
    requires: tuple[str, ...] = ()
    produces = ("sentences", "tokens")

    def __call__(self, doc: Document) -> Document:
        return doc.with_(sentences=split_sentences(doc.text), tokens=tokenize(doc.text))


COMPONENTS: dict[str, Component] = {
    "segment": Segmenter(),
    "entities": FunctionComponent("entities", "1", ("tokens",), ("entities",), "khabar.extract.entities:find_entities"),
    "dates": FunctionComponent("dates", "1", ("sentences",), ("timexes",), "khabar.extract.dates:find_timexes"),
    "quantities": FunctionComponent("quantities", "1", ("sentences",), ("quantities",), "khabar.extract.quantities:find_quantities"),
    "quotes": FunctionComponent("quotes", "1", ("sentences", "entities"), ("quotes",), "khabar.extract.quotes:find_quotes"),
    "dateline": ValueComponent("dateline", "1", ("entities",), ("dateline",), "khabar.extract.quotes:find_dateline"),
    "attributions": FunctionComponent("attributions", "1", ("sentences", "entities"), ("attributions",), "khabar.extract.quotes:find_attributions"),
    "events": FunctionComponent(
        "events", "1", ("sentences", "entities", "timexes", "quantities", "quotes"), ("events",), "khabar.events.coder:code_events"
    ),
}
DEFAULT_ORDER = ("segment", "entities", "dates", "quantities", "dateline", "attributions", "quotes", "events")


class Pipeline:
    """An ordered list of components, checked when built.

    Raises:
        ConfigError: an unknown component name, or a component placed before
            one that produces what it requires.
    """

    def __init__(self, components: Sequence[Component]) -> None:
        have: set[str] = set()
        for c in components:
            missing = [r for r in c.requires if r not in have]
            if missing:
                raise ConfigError(
                    f"component {c.name!r} requires {', '.join(missing)}, which no earlier component produces; "
                    f"order: {' → '.join(x.name for x in components)}"
                )
            have.update(c.produces)
        self.components = tuple(components)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.components)

    def __call__(self, doc: Document) -> Document:
        for c in self.components:
            try:
                doc = c(doc)
            except KhabarError:
                raise
            except Exception as exc:  # a bug in a component: name it and the document
                raise ComponentError(c.name, doc.id, f"{type(exc).__name__}: {exc}") from exc
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for d in docs:
            yield self(d)


def default_pipeline(names: Sequence[str] | None = None) -> Pipeline:
    """The standard pipeline, or the named subset in the standard order.

    Raises:
        ConfigError: an unknown component name.
    """
    chosen = DEFAULT_ORDER if names is None else names
    unknown = [n for n in chosen if n not in COMPONENTS]
    if unknown:
        raise ConfigError(f"unknown component(s) {', '.join(unknown)}; known: {', '.join(DEFAULT_ORDER)}")
    return Pipeline([COMPONENTS[n] for n in DEFAULT_ORDER if n in chosen])


_DEFAULT: Pipeline | None = None


def extract(
    text: str,
    *,
    published: dt.date | str | None = None,
    url: str | None = None,
    title: str | None = None,
    source: str | None = None,
    doc_id: str | None = None,
) -> Document:
    """Run the whole pipeline on one article.

    Args:
        text: the article text (kept unchanged as ``Document.text``).
        published: the publication date (``datetime.date`` or ``YYYY-MM-DD``,
            years 1900–2100: :mod:`khabar.published`); relative dates are
            resolved against it, and left unresolved without it.
        url, title, source: metadata stored in ``Document.meta``.

    Returns:
        The annotated :class:`~khabar.doc.Document`.

    Example:
        >>> doc = extract("قال الرئيس الفرنسي أمس إن ...", published="2024-01-05")
        >>> doc.to_dict()["timexes"][0]["value"]
        '2024-01-04'
    """
    global _DEFAULT
    from khabar.published import parse_published

    published = parse_published(published)  # YYYY-MM-DD, years 1900–2100, else ConfigError
    if _DEFAULT is None:
        _DEFAULT = default_pipeline()
    doc = Document.new(text, Meta(title=title, url=url, source=source, published=published), doc_id)
    return _DEFAULT(doc)
