"""Hand-made entities for extractor tests that must not depend on the entity module."""

from __future__ import annotations

from collections.abc import Sequence

from khabar.doc import Entity


def hand_entities(text: str, ents: Sequence[tuple]) -> tuple[Entity, ...]:
    """An :class:`Entity` at every occurrence in ``text`` of each ``(surface, label, name_en[, source[, country[, kb]]])``.

    ``source`` defaults to ``"gazetteer"``; ids are ``e1, e2, …`` in text order; ``canonical`` is the
    English name, else the surface.
    """
    out = []
    for surface, label, name, *rest in ents:
        source = rest[0] if rest else "gazetteer"
        country = rest[1] if len(rest) > 1 else None
        kb = rest[2] if len(rest) > 2 else None
        i = text.find(surface)
        while i >= 0:
            out.append((i, i + len(surface), surface, label, name, source, country, kb))
            i = text.find(surface, i + 1)
    out.sort()
    return tuple(Entity(f"e{k}", s, e, t, lab, name, kb=kb, country=c, canonical=name or t, source=src)
                 for k, (s, e, t, lab, name, src, c, kb) in enumerate(out, 1))
