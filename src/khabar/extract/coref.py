"""Nominal coreference: descriptions that stand for an entity (الوزير، البلاد، الطرفان، رئيس الوزراء العراقي).

:func:`find_entities` already links names to each other (``فؤاد`` → ``فؤاد حسين``, ``ref`` =
the first mention) and the organization short forms the gold files list as optional
(``الحلف`` → NATO). :func:`find_mentions` adds the *descriptions* event coding needs,
each as an :class:`~khabar.doc.Entity` with ``nominal=True``, its own span, and a pointer to
what it stands for:

* **role phrases** — a title with its modifiers (``الأمين العام لحلف شمال الأطلسي``,
  ``وزير الخارجية العراقي``): when a name follows, the phrase points to that person
  (``ref`` = the person's first mention); without a name, the office is resolved by the
  publication date through ``roles.tsv`` (``رئيس الوزراء العراقي`` on 2019-06-01 → Adil
  Abdul-Mahdi; ``ref`` = that person's first mention when the article names them);
* **الوزير / الوزيرة** alone → the last person introduced with a ministerial title;
* **البلاد** → the country in focus: the country mentioned most often so far (GPE and
  nationality adjectives; ties go to the latest);
* **pairs** — ``الطرفان، الجانبان`` (the last two parties: people, else countries or
  organizations), ``الوزيران، الرئيسان، الزعيمان`` (the last two people), ``البلدان``
  (the last two countries), within the current and the two previous sentences; ``refs``
  holds both parties' entity ids, ``name_en`` is ``"A and B"``.

Why a separate list: the project's gold files (and ``../shared/gold``) annotate names;
descriptions such as البلاد، الوزيران، الطرفان are not listed at all, so emitting them in
``Document.entities`` would count as false positives in the SPEC score. The event coder and
the quote attributor call :func:`find_mentions` when they need them.

Mention ids are ``m1, m2, …`` in text order; spans are original code-point offsets
(half-open) with ``doc.text[start:end] == text``, proclitics excluded.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from functools import lru_cache

from khabar.doc import Document, Entity
from khabar.extract.entities import _analyze, _strip, _tokens, find_entities
from khabar.extract.kb import country_entry, get_kb, office_holder
from khabar.text.normalize import normalize_phrase

__all__ = ["find_mentions", "PAIR_WORDS"]

#: Dual/plural descriptions of two parties → which entities they take ("PER", "GPE", "ANY").
PAIR_WORDS: dict[str, str] = {
    "الطرفان": "ANY", "الطرفين": "ANY", "الجانبان": "ANY", "الجانبين": "ANY",
    "الوزيران": "PER", "الوزيرين": "PER", "الرئيسان": "PER", "الرئيسين": "PER",
    "الزعيمان": "PER", "الزعيمين": "PER", "المسؤولان": "PER", "المسؤولين": "PER",
    "البلدان": "GPE", "البلدين": "GPE", "الدولتان": "GPE", "الدولتين": "GPE",
}
_COUNTRY_WORDS = ("البلاد",)
_MINISTER_WORDS = ("الوزير", "الوزيرة")


@lru_cache(maxsize=1)
def _lex() -> dict[str, object]:
    return {
        "pairs": {normalize_phrase(k): v for k, v in PAIR_WORDS.items()},
        "country": frozenset(normalize_phrase(w) for w in _COUNTRY_WORDS),
        "minister": frozenset(normalize_phrase(w) for w in _MINISTER_WORDS),
        "vocab": frozenset(normalize_phrase(w) for w in (*PAIR_WORDS, *_COUNTRY_WORDS, *_MINISTER_WORDS)),
    }


def _cluster(e: Entity) -> str:
    return e.ref or e.id


def find_mentions(doc: Document) -> tuple[Entity, ...]:
    """Nominal mentions of ``doc`` resolved to entities (see the module docstring).

    Args:
        doc: a document; ``doc.entities`` is used when filled (else :func:`find_entities`
            runs), ``doc.sentences`` bounds the pair search, ``doc.meta.published`` dates
            role phrases without a name (no date → such phrases stay unresolved and are
            not returned).

    Returns:
        :class:`~khabar.doc.Entity` records with ``nominal=True``, ids ``m1…``, sorted by
        ``start``; ``ref`` is the entity id of the first mention of the referent when the
        article names it, ``refs`` the parties of a pair word; ``kb``/``name_en``/
        ``country``/``sector`` are the referent's.
    """
    if not doc.text.strip():
        return ()
    ents = list(doc.entities) or list(find_entities(doc))
    nt, _kept, roles = _analyze(doc)
    text = doc.text
    day = doc.meta.published if isinstance(doc.meta.published, dt.date) else None
    by_start = {e.start: e for e in ents}
    first_of: dict[str, Entity] = {}
    for e in ents:
        first_of.setdefault(e.canonical, e)
    sent_starts = [s.start for s in doc.sentences] or [0]
    out: list[Entity] = []
    taken: list[tuple[int, int]] = []

    def sent_of(off: int) -> int:
        k = 0
        for i, s in enumerate(sent_starts):
            if s <= off:
                k = i
        return k

    def add(s: int, e: int, label: str, like: Entity | None, *, kb_entry: object = None,
            ref: str | None = None, refs: tuple[str, ...] = (), name: str | None = None,
            country: str | None = None, sector: str | None = None, canonical: str = "") -> None:
        if any(s < b and a < e for a, b in taken) or s >= e:
            return
        taken.append((s, e))
        if like is not None:
            name, country, sector, canonical = like.name_en, like.country, like.sector, like.canonical
            kb = like.kb
        else:
            kb = getattr(kb_entry, "qid", None)
        out.append(Entity(id="", start=s, end=e, text=text[s:e], label=label, name_en=name, kb=kb,
                          country=country, canonical=canonical, sector=sector, source="coref",
                          ref=ref, nominal=True, refs=refs))

    # 1. role phrases
    ministers: list[tuple[int, Entity]] = []
    for r in roles:
        s, e = nt.span(r.ns, r.ne)
        if r.person is not None:
            ps, _pe = nt.span(r.person.ns, r.person.ne)
            pent = by_start.get(ps)
            if pent is None or pent.label != "PER":
                continue
            add(s, e, "PER", pent, ref=_cluster(pent))
            if "وزير" in r.title:
                ministers.append((e, pent))
            continue
        if r.office and r.jurisdiction and day is not None:
            holder = office_holder(r.office, r.jurisdiction, day)
            if holder is not None:
                f = first_of.get(holder.kb_id)
                add(s, e, "PER", None, kb_entry=holder, ref=f.id if f else None, name=holder.name_en,
                    country=holder.country, sector=holder.sector, canonical=holder.kb_id)

    # 2. single words: الوزير، البلاد، pair words
    lex = _lex()
    vocab: frozenset[str] = lex["vocab"]  # type: ignore[assignment]
    pairs: dict[str, str] = lex["pairs"]  # type: ignore[assignment]
    countries_w: frozenset[str] = lex["country"]  # type: ignore[assignment]
    minister_w: frozenset[str] = lex["minister"]  # type: ignore[assignment]
    for ns, ne, form in _tokens(nt):
        off, rest = _strip(form, vocab)
        if rest not in vocab:
            continue
        s, e = nt.span(ns + off, ne)
        before = [x for x in ents if x.end <= s]
        if rest in minister_w:
            prior = [p for end, p in ministers if end <= s]
            if prior:
                add(s, e, "PER", prior[-1], ref=_cluster(prior[-1]))
        elif rest in countries_w:
            lo = sent_starts[sent_of(s)]
            # the first country named in the same sentence (the subject's, in verb-first news
            # sentences), else the country named most often so far
            iso = _first_country([x for x in before if x.start >= lo]) or _country_in_focus(before)
            entry = country_entry(iso)
            if entry is not None:
                f = first_of.get(entry.kb_id)
                add(s, e, "GPE", None, kb_entry=entry, ref=f.id if f else None, name=entry.name_en,
                    country=iso, canonical=entry.kb_id)
        else:
            kind = pairs[rest]
            lo = sent_starts[max(0, sent_of(s) - 2)]
            window = [x for x in before if x.start >= lo]
            same = [x for x in before if x.start >= sent_starts[sent_of(s)]]
            # the two parties named last in the same sentence, else in the two before it
            two = (_last_two(same, "SENT") if kind == "ANY" else None) or _last_two(window, kind)
            if two:
                a, b = two
                name = f"{a.name_en or a.text} and {b.name_en or b.text}"
                label = a.label if a.label == b.label else "ORG"
                if kind == "GPE":
                    label = "GPE"
                add(s, e, label, None, refs=(_cluster(a), _cluster(b)), name=name,
                    country=a.country if a.country == b.country else None, canonical="")
    out.sort(key=lambda x: x.start)
    return tuple(Entity(**{**{f: getattr(x, f) for f in x.__slots__}, "id": f"m{i}"})  # type: ignore[attr-defined]
                 for i, x in enumerate(out, 1))


def _first_country(xs: list[Entity]) -> str | None:
    """ISO code of the first country (GPE country entry or nationality adjective) in ``xs``."""
    kb = get_kb()
    for x in xs:
        if x.label in ("GPE", "NORP") and x.country:
            entry = kb.get(x.canonical)
            if x.label == "GPE" and entry is not None and entry.population:
                continue
            return x.country
    return None


def _country_in_focus(before: list[Entity]) -> str | None:
    """ISO code of the country mentioned most often in ``before`` (ties: the latest)."""
    kb = get_kb()
    counts: Counter[str] = Counter()
    last: dict[str, int] = {}
    for i, x in enumerate(before):
        if x.label not in ("GPE", "NORP") or not x.country:
            continue
        entry = kb.get(x.canonical)
        if x.label == "GPE" and entry is not None and entry.population:
            continue  # a city names its country less directly than the country itself
        counts[x.country] += 2 if x.label == "GPE" else 1  # a named country outweighs an adjective
        last[x.country] = i
    if not counts:
        return None
    return max(counts, key=lambda c: (counts[c], last[c]))


def _last_two(window: list[Entity], kind: str) -> tuple[Entity, Entity] | None:
    """The last two distinct referents in ``window`` of the kind a pair word takes."""

    def pick(labels: tuple[str, ...], key: object) -> tuple[Entity, Entity] | None:
        seen: list[Entity] = []
        keys: set[str] = set()
        for x in reversed(window):
            if x.label not in labels:
                continue
            k = key(x)  # type: ignore[operator]
            if not k or k in keys:
                continue
            keys.add(k)
            seen.append(x)
            if len(seen) == 2:
                return seen[1], seen[0]
        return None

    if kind == "SENT":
        return pick(("PER", "ORG", "GPE"), lambda x: x.canonical)
    if kind == "PER":
        return pick(("PER",), lambda x: x.canonical)
    if kind == "GPE":
        return _countries(window)
    return pick(("PER",), lambda x: x.canonical) or _countries(window) or pick(("ORG", "GPE"), lambda x: x.canonical)


def _countries(window: list[Entity]) -> tuple[Entity, Entity] | None:
    seen: list[Entity] = []
    keys: set[str] = set()
    for x in reversed(window):
        if x.label not in ("GPE", "NORP") or not x.country or x.country in keys:
            continue
        keys.add(x.country)
        seen.append(x)
        if len(seen) == 2:
            a, b = seen[1], seen[0]
            ca, cb = country_entry(a.country), country_entry(b.country)
            return (_as_country(a, ca), _as_country(b, cb))
    return None


def _as_country(x: Entity, entry: object) -> Entity:
    """A NORP mention stands for its country in a pair (البلدين after أردني … السوري)."""
    if entry is None or x.canonical == getattr(entry, "kb_id", None):
        return x
    from dataclasses import replace

    return replace(x, name_en=getattr(entry, "name_en", x.name_en), label="GPE")
