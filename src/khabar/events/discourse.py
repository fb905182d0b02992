"""Document-level passes over coded events: claimants, dates, casualty counts, one event per happening.

:func:`khabar.events.coder.code_events` codes each sentence on its own; the
functions here then look at the whole document:

* :func:`claimant_of` – an event whose trigger lies inside a quote
  (``doc.quotes``, direct or indirect) is a claim of the quote's speaker:
  ``Event.claimant`` gets the speaker as an :class:`~khabar.doc.Actor`
  (entity, English name, country and sector where the speaker is linked).
* :func:`date_fields` – ``date_source="clause"`` with ``date_value`` the
  timex's TIMEX3 value (cut to the day: ``2023-11-08TMO`` → ``2023-11-08``)
  when the clause has a date; else, for an event reported
  as having happened (status ``occurred``), the publication date with
  ``date_source="published"`` (news reports past events of the last day or
  two; the value is the reference date, not a claim of exactness); ``None``
  otherwise.
* :func:`quantities_for` – quantities of the clause that fit the event: when
  the quantities stage sets ``Quantity.role`` (killed, injured, arrested, …),
  a count whose role belongs to another kind of event is dropped (ASSAULT
  keeps killed/injured/kidnapped/missing/displaced, COERCE
  arrested/displaced, RETREAT released/withdrawn/evacuated, MOBILIZE
  deployed); counts without a role are kept as before.
* :func:`merge_mentions` – *one event per happening*: a later event of the
  same type and status merges into an earlier one when it is a definite or
  anaphoric mention (الهجوم، هذه الغارات, a masdar with ال) or when its
  actors agree with the earlier event's (at least one role equal, none in
  conflict) and nothing else (place, date) conflicts; a report dated by
  publication and a mention whose own clause date lies far from publication
  (another year or month, a day over a week away: بدأت المعارك في صيف 2012) are
  two happenings. All trigger spans are
  kept in ``Event.mentions`` (document order); ``trigger`` becomes the
  mention with the most arguments (a headline restating the event usually
  has fewer), arguments are filled from every mention.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import lru_cache

from khabar.doc import Actor, Document, Event, Quote, Timex
from khabar.events.actors import COUNTRY_NAMES, country_name
from khabar.text.normalize import normalize

__all__ = ["claimant_of", "date_fields", "quantities_for", "merge_mentions", "tally", "ROLE_FITS"]

#: Quantity roles (``Quantity.role``, set by the quantities stage) that may count an event of a type.
ROLE_FITS: dict[str, frozenset[str]] = {
    "ASSAULT": frozenset({"killed", "injured", "kidnapped", "missing", "displaced"}),
    "COERCE": frozenset({"arrested", "displaced", "kidnapped"}),
    "RETREAT": frozenset({"released", "withdrawn", "evacuated"}),
    "MOBILIZE": frozenset({"deployed"}),
    "PROTEST": frozenset({"arrested", "injured", "killed"}),
}


def claimant_of(doc: Document, start: int) -> Actor | None:
    """The speaker of the innermost quote that contains offset ``start`` (a trigger start), as an actor.

    Returns ``None`` when the offset is in no quote or the quote has no
    speaker. Offsets are code points into ``doc.text``.
    """
    best: Quote | None = None
    for q in doc.quotes:
        if q.start <= start < q.end and q.speaker is not None:
            if best is None or (q.end - q.start) < (best.end - best.start):
                best = q
    if best is None or best.speaker is None:
        return None
    sp = best.speaker
    ent = doc.entity(sp.entity) if sp.entity else None
    if ent is not None:
        return Actor(text=sp.text, entity=ent.id, name_en=ent.name_en, country=ent.country, sector=ent.sector,
                     start=sp.start, end=sp.end)
    return Actor(text=sp.text, entity=None, name_en=sp.name_en, start=sp.start, end=sp.end)


def date_fields(doc: Document, timex_id: str | None, status: str) -> tuple[str | None, str | None]:
    """``(date_source, date_value)`` of an event (rules in the module docstring)."""
    if timex_id is not None:
        t: Timex | None = next((x for x in doc.timexes if x.id == timex_id), None)
        v = t.value if t is not None else None
        if v and v[:1].isdigit() and "T" in v:
            v = v.split("T", 1)[0]  # an event date is a day: 2023-11-08TMO -> 2023-11-08
        return "clause", v
    if status == "occurred" and doc.meta.published is not None:
        return "published", doc.meta.published.isoformat()
    return None, None


def quantities_for(doc: Document, typ: str, qids: tuple[str, ...]) -> tuple[str, ...]:
    """The clause quantities ``qids`` that fit an event of type ``typ`` (see :data:`ROLE_FITS`)."""
    if not qids:
        return qids
    by_id = {q.id: q for q in doc.quantities}
    out = []
    for qid in qids:
        role = getattr(by_id.get(qid), "role", None)
        if role is None or role in ROLE_FITS.get(typ, frozenset()):
            out.append(qid)
    return tuple(out)


def _key(a: Actor | None) -> str | None:
    if a is None:
        return None
    return (a.name_en or a.text or "").casefold() or None


def _reciprocal(a: Actor) -> bool:
    """A dual noun naming both parties of an earlier event (الطرفان، الوزيران، الجانبان), not one actor."""
    if a.entity is not None or not a.text:
        return False
    w = normalize(a.text).text.split(" ")[0]
    for p in ("و", "ف"):
        if w.startswith(p + "ال"):
            w = w[1:]
    return w.startswith("ال") and w.endswith("ان") and len(w) >= 6 and w not in _NOT_DUAL


_NOT_DUAL = frozenset(("البرلمان", "السكان", "الاخوان", "الميدان", "السودان", "اليابان", "الطيران", "الامان", "الايمان",
                       "الاعلان", "الاحتقان", "العدوان", "الديوان", "الطغيان", "الفيضان", "البيان", "الكيان", "الاذان"))


def _agree(x: Actor | None, y: Actor | None) -> bool | None:
    """True: same actor (a dual noun such as الطرفان names both parties); False: different; None: one is missing."""
    if x is None or y is None:
        return None
    if _reciprocal(x) or _reciprocal(y):
        return True
    if _key(x) == _key(y):
        return True
    if x.entity is not None and x.entity == y.entity:
        return True
    if _named(x) and _named(y):
        return False  # two different named people or bodies (al-Safadi, Abdullah II) are not one actor
    if x.country and y.country and x.country == y.country and (x.sector == y.sector or not x.sector or not y.sector):
        return True
    return False


def _named(a: Actor) -> bool:
    """An actor named as a person or body of its own, not a state (its name is not a country's)."""
    return a.entity is not None and bool(a.name_en) and a.sector is not None and a.name_en not in _state_names() \
        and a.name_en != country_name(a.country)


@lru_cache(maxsize=1)
def _state_names() -> frozenset[str]:
    return frozenset(COUNTRY_NAMES.values())


def _n_args(e: Event) -> int:
    return sum(x is not None for x in (e.source, e.target, e.location, e.date)) + (e.date_source == "clause")


def _date_value(e: Event) -> str | None:
    return e.date_value if e.date_source == "clause" else None


def _far_from_publication(doc: Document, value: str) -> bool:
    """A clause date (TIMEX3 value, cut to the day) that cannot be the last days before publication.

    A full date more than 7 days from ``doc.meta.published``, a month other than the
    publication's or the one before it, or another year (seasons, weeks and quarters compare
    by year). ``False`` without a publication date or for values that are not dates
    (``PAST_REF``).
    """
    pub = doc.meta.published
    if pub is None or len(value) < 4 or not value[:4].isdigit():
        return False
    if len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[5:7].isdigit() and value[8:10].isdigit():
        try:
            return abs((dt.date.fromisoformat(value[:10]) - pub).days) > 7
        except ValueError:
            return False
    if len(value) == 7 and value[5:7].isdigit():
        prev = (pub.replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
        return value not in (pub.strftime("%Y-%m"), prev)
    return int(value[:4]) != pub.year


def _counts(doc: Document, e: Event) -> set[float]:
    by_id = {q.id: q for q in doc.quantities}
    out: set[float] = set()
    for qid in e.quantities:
        q = by_id.get(qid)
        if q is not None:
            for v in (q.value, q.min, q.max):
                if v is not None:
                    out.add(float(v))
    return out


def _sentence_counts(doc: Document, e: Event) -> set[float]:
    """Counts of an event's own quantities, else of the quantities after its trigger in its sentence."""
    own = _counts(doc, e)
    if own or e.type not in ("RETREAT", "MOBILIZE"):
        return own
    sent = doc.sentences[e.sentence] if e.sentence < len(doc.sentences) else None
    out: set[float] = set()
    if sent is None:
        return out
    for q in doc.quantities:
        if e.trigger.end <= q.start < sent.end and q.value is not None:
            out.add(float(q.value))
    return out


def _counts_conflict(doc: Document, x: Event, y: Event) -> bool:
    """Both mentions give counts and no number is shared (a cut to 2500 is not a cut to 3000).

    Troop movements (RETREAT, MOBILIZE) without counts of their own take the
    counts after their trigger in their sentence (… ستقلل من تعداد قواتها … من 5200 جندي إلى 3000).
    """
    a, b = _sentence_counts(doc, x), _sentence_counts(doc, y)
    return bool(a and b and not (a & b))


def _aggregate(doc: Document, e: Event) -> bool:
    """A counted trigger (أكثر من 100 هجوم، عشرات الغارات): a tally of happenings rather than one."""
    for m in e.mentions or (e.trigger,):
        for q in doc.quantities:
            if q.start <= m.start < q.end or 0 <= m.start - q.end <= 1:
                return True
        before = doc.text[max(0, m.start - 8):m.start]
        if "عشرات" in before or "مئات" in before:
            return True
    return False


def is_headline(doc: Document) -> bool:
    """The first sentence is a headline: a line of its own without a final full stop."""
    if len(doc.sentences) < 2:
        return False
    s0 = doc.sentences[0]
    line_end = doc.text.find("\n", s0.start)
    return line_end != -1 and doc.text[s0.start:line_end].strip() != "" and s0.end <= line_end + 1 and not doc.text[s0.start:s0.end].rstrip().endswith((".", "؟", "!"))


def tally(trigger_text: str) -> bool:
    """A plural indefinite event noun (هجمات، غارات، اعتقالات): many happenings, never one of them."""
    w = normalize(trigger_text).text.split(" ")[0]
    return len(w) > 4 and w.endswith("ات") and not w.startswith(("ال", "وال"))


def _plural(trigger_text: str) -> bool:
    """The trigger's first word is a sound feminine plural, definite or not (هجمات، الاحتجاجات)."""
    w = normalize(trigger_text).text.split(" ")[0]
    return len(w) > 4 and w.endswith("ات")


def merge_mentions(doc: Document, events: list[Event], definite: dict[int, bool],
                   weak_places: set[int] | frozenset[int] = frozenset()) -> list[Event]:
    """Merge later mentions of one happening into the first (rules in the module docstring).

    Args:
        doc: the document (for sentence positions).
        events: coded events in document order (ids not yet assigned).
        definite: trigger start → whether that trigger is a definite or
            anaphoric noun mention (الهجوم، تلك الغارة).
        weak_places: trigger starts of events whose place was only inferred
            from their sentence or the dateline; such a place never keeps two
            mentions apart, and a governed place wins over it.

    Returns:
        The merged events, document order of their first mention; every
        event has ``mentions`` (at least its own trigger).
    """
    out: list[Event] = []
    for ev in events:
        ev = replace(ev, mentions=ev.mentions or (ev.trigger,))
        host_i = None
        for k in range(len(out) - 1, -1, -1):
            o = out[k]
            headline = o.sentence == 0 and is_headline(doc)
            if o.type != ev.type or (o.status != ev.status and not headline):
                continue  # a headline's tense is not the body's (الناتو يوسع مهامه → ... سيتم توسيع)
            if o.sentence == ev.sentence:
                continue  # same-sentence merging is the coder's (_merge)
            s_ok, t_ok = _agree(o.source, ev.source), _agree(o.target, ev.target)
            # a dual subject (وناقش الوزيران) refers back to the parties of the nearest such event
            anaphor = definite.get(ev.trigger.start, False) or (ev.source is not None and _reciprocal(ev.source))
            if (s_ok is False and not anaphor) or t_ok is False:
                continue  # an anaphoric noun's source is only inferred (بعد ساعات من الهجوم)
            weak = any(m.start in weak_places for m in o.mentions or (o.trigger,)) or ev.trigger.start in weak_places
            # a headline's place is coarser than the body's (في بغداد / في شارع فلسطين شرقي العاصمة)
            if o.location and ev.location and not weak and not headline and doc.entity(o.location) and doc.entity(ev.location):
                lo, le = doc.entity(o.location), doc.entity(ev.location)
                if lo is not None and le is not None and (lo.name_en or lo.text) != (le.name_en or le.text) \
                        and lo.text not in le.text and le.text not in lo.text:
                    continue  # غزة and قطاع غزة are one place
            if (tally(o.trigger.text) and not _plural(ev.trigger.text) or tally(ev.trigger.text) and not _plural(o.trigger.text)) \
                    and not anaphor:
                continue  # (هجمات استهدفت الولايات المتحدة is not the one rocket attack of the sentence before)
            if _counts_conflict(doc, o, ev) or _aggregate(doc, o) != _aggregate(doc, ev):
                continue  # (أكثر من 100 هجوم is a tally of many happenings, not one of them)
            dv_o, dv_e = _date_value(o), _date_value(ev)
            if dv_o and dv_e and not (dv_o.startswith(dv_e) or dv_e.startswith(dv_o)):
                continue
            if (dv_o is None) != (dv_e is None) and not headline and "occurred" in (o.status, ev.status) and \
                    (o.date_source == "published" or ev.date_source == "published") and \
                    _far_from_publication(doc, dv_o or dv_e or ""):
                continue  # a report of the last days is not the background it recalls (بدأت المعارك في صيف 2012)
            if anaphor or s_ok is True or t_ok is True:
                host_i = k
            break  # only the nearest earlier event of the type is a candidate antecedent
        if host_i is None:
            out.append(ev)
            continue
        o = out[host_i]
        best, other = (ev, o) if _n_args(ev) > _n_args(o) and not anaphor else (o, ev)
        if o.sentence == 0 and is_headline(doc):
            # the body's mention is the report proper: its trigger, tense and date win
            best, other = ev, o
        merged = replace(
            best,
            source=best.source or other.source,
            target=best.target or other.target,
            location=(other.location if other.location and any(m.start in weak_places for m in best.mentions or (best.trigger,))
                      and not any(m.start in weak_places for m in other.mentions or (other.trigger,)) else None)
            or best.location or other.location,
            mode=best.mode or other.mode,
            quantities=tuple(dict.fromkeys(best.quantities + other.quantities)),
            claimant=best.claimant or other.claimant,
            confidence=round(min(1.0, max(o.confidence, ev.confidence) + 0.05), 3),
            mentions=tuple(sorted(o.mentions + ev.mentions, key=lambda s: s.start)),
        )
        if best.date_source != "clause" and other.date_source == "clause" and (
                best.status == "occurred" or best.sentence == other.sentence):
            # a plan or a call is dated by its own clause: a date from another sentence is another happening's
            merged = replace(merged, date=other.date, date_source="clause", date_value=other.date_value)
        out[host_i] = merged
    return out

