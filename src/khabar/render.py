"""A readable, right-to-left-aware text summary of a Document (rich).

Terminals differ in how they show Arabic: most modern ones (GNOME Terminal,
Konsole, iTerm2, Windows Terminal) apply the Unicode Bidirectional Algorithm
themselves; others (xterm, tmux without bidi support, many CI logs) print code
points left to right, which reverses Arabic words. ``bidi="logical"`` (the
default) leaves the text in logical order and wraps every Arabic field in
Unicode first-strong isolates (U+2068 … U+2069) so that numbers and Latin
names inside it keep their place under the UBA (UAX #9, section 2.7);
``bidi="visual"`` reorders each cell for terminals without bidi support.
"""

from __future__ import annotations

from typing import Literal

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from khabar.doc import Document

__all__ = ["render_summary", "BidiMode"]

BidiMode = Literal["logical", "visual"]
_FSI, _PDI = "\u2068", "\u2069"


def _ar(s: str, mode: BidiMode, width: int = 0) -> str:
    s = " ".join(s.split())
    if width and len(s) > width:
        s = s[: width - 1] + "…"
    if mode == "visual":
        try:
            from bidi import get_display  # python-bidi >= 0.5

            return get_display(s)
        except Exception:  # pragma: no cover - python-bidi missing: fall back to isolates
            pass
    return _FSI + s + _PDI


def _table(title: str, columns: list[str]) -> Table:
    t = Table(title=title, title_justify="left", show_lines=False, expand=False, header_style="bold")
    for c in columns:
        t.add_column(c, overflow="fold")
    return t


def render_summary(doc: Document, *, bidi: BidiMode = "logical", console: Console | None = None) -> None:
    """Print who, when, how many, who said what and what happened.

    Args:
        doc: an annotated document.
        bidi: ``"logical"`` (isolated logical order) or ``"visual"`` (reordered).
        console: where to print (default: a new stdout console).
    """
    con = console or Console()
    m = doc.meta
    head = Text()
    head.append("khabar", style="bold cyan")
    head.append(f"  {doc.id}  ")
    if m.title:
        head.append(_ar(m.title, bidi) + "  ", style="bold")
    head.append(f"published {m.published.isoformat() if m.published else 'unknown'}  ")
    head.append(
        f"{len(doc.sentences)} sentences · {len(doc.entities)} entities · {len(doc.timexes)} dates · "
        f"{len(doc.quantities)} quantities · {len(doc.quotes)} quotes · {len(doc.events)} events",
        style="dim",
    )
    parts: list = [head]

    ents = _table("Who — entities", ["text", "label", "English", "country", "kb"])
    seen: set[tuple[str, str]] = set()
    for e in doc.entities:
        key = (e.canonical or e.text, e.label)
        if key in seen:
            continue
        seen.add(key)
        n = sum(1 for x in doc.entities if (x.canonical or x.text, x.label) == key)
        ents.add_row(_ar(e.text, bidi) + (f" ×{n}" if n > 1 else ""), e.label, e.name_en or "", e.country or "", e.kb or "")
    parts.append(ents)

    tx = _table("When — dates (TIMEX3)", ["text", "type", "value", "mod"])
    for t in doc.timexes:
        tx.add_row(_ar(t.text, bidi), t.type, t.value or f"— ({t.anchor or 'unresolved'})", t.mod or "")
    parts.append(tx)

    qt = _table("How many — quantities", ["text", "value", "unit", "approx"])
    for q in doc.quantities:
        if q.value is not None:
            val = f"{q.value:,}"
        else:
            lo = f"{q.min:,}" if q.min is not None else "?"
            hi = f"{q.max:,}" if q.max is not None else "?"
            val = f"{lo}–{hi}"
        qt.add_row(_ar(q.text, bidi), val, q.unit or "", "≈" if q.approx else "")
    parts.append(qt)

    qs = _table("Who said what — quotes and attributions", ["speaker", "cue", "kind", "quote"])
    for q in doc.quotes:
        who = ""
        if q.speaker is not None:
            who = q.speaker.name_en or _ar(q.speaker.text, bidi)
        qs.add_row(who, _ar(q.cue, bidi) if q.cue else "", "direct" if q.direct else "indirect", _ar(q.text, bidi, 90))
    for a in doc.attributions:
        qs.add_row(a.source, "", "according to", _ar(a.text, bidi, 90))
    parts.append(qs)

    ev = _table("What happened — PLOVER events", ["type", "mode", "status", "source → target", "where", "when", "trigger"])
    tmap = {t.id: t for t in doc.timexes}
    for e in doc.events:
        src = e.source.name_en or _ar(e.source.text, bidi) if e.source else "—"
        tgt = e.target.name_en or _ar(e.target.text, bidi) if e.target else "—"
        loc = doc.entity(e.location)
        when = tmap.get(e.date) if e.date else None
        ev.add_row(
            e.type,
            e.mode or "",
            e.status,
            f"{src} → {tgt}",
            (loc.name_en or _ar(loc.text, bidi)) if loc else "",
            (when.value or "") if when else "",
            _ar(e.trigger.text, bidi),
        )
    parts.append(ev)
    con.print(Group(*parts))
