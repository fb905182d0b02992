"""The document model: immutable records that point back into the text.

Every record that covers text stores ``start``/``end``: half-open offsets in
Unicode code points (Python ``str`` indices) into :attr:`Document.text`, with
the invariant ``doc.text[x.start:x.end] == x.text``. ``Document.text`` is the
text exactly as extracted from the input; normalization never changes it
(see :mod:`khabar.text.normalize`).

Records are frozen dataclasses; each pipeline stage returns a new
:class:`Document` with ``dataclasses.replace``. :meth:`Document.to_dict` gives
the JSON record of ``SPEC.md`` (plus ``tokens`` and a few extra fields, which
the contract allows).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, Literal

__all__ = [
    "Span",
    "Sentence",
    "Token",
    "Entity",
    "Timex",
    "Quantity",
    "Speaker",
    "Quote",
    "Attribution",
    "Dateline",
    "Actor",
    "Event",
    "Meta",
    "Document",
    "EntityLabel",
    "TimexType",
    "EventStatus",
]

EntityLabel = Literal["PER", "ORG", "GPE", "LOC", "FAC", "NORP", "MISC"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
EventStatus = Literal["occurred", "planned", "expected", "possible", "requested", "denied"]

ENTITY_LABELS: tuple[str, ...] = ("PER", "ORG", "GPE", "LOC", "FAC", "NORP", "MISC")
TIMEX_TYPES: tuple[str, ...] = ("DATE", "TIME", "DURATION", "SET")
EVENT_STATUSES: tuple[str, ...] = ("occurred", "planned", "expected", "possible", "requested", "denied")
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(frozen=True, slots=True)
class Span:
    """A bare stretch of text: ``text == doc.text[start:end]`` (code points, half-open)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence, ``[start, end)`` in code points; trailing spaces excluded."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Token:
    """A whitespace/punctuation token with its clitic analysis.

    ``stem_start`` is the offset where the stem begins once proclitics
    (و ف ب ل ك س and the article ال) are set aside: in ``وبالعراق`` the token
    spans the whole word and ``stem_start`` points at ``عراق``.
    ``norm`` is the token's matching form (see :func:`khabar.text.normalize.normalize`).
    """

    start: int
    end: int
    text: str
    norm: str
    kind: Literal["word", "number", "punct", "latin", "other"]


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity mention.

    ``label`` is one of PER, ORG, GPE, LOC, FAC, NORP, MISC. ``kb`` is the
    knowledge-base id (a Wikidata QID where known), ``country`` an ISO 3166
    alpha-3 code, ``canonical`` a stable key shared by every mention of the
    same entity, ``sector`` an actor sector (GOV, MIL, IGO, MED, REB, …) used
    by the event coder. ``source`` tells which matcher found it.

    In-document coreference and geocoding (optional, added by issue 6):
    ``ref`` is the id of the first mention of the same entity in the document
    (``None`` on that first mention and on mentions with no antecedent);
    ``nominal`` marks a description rather than a name (الحلف، الوزير، البلاد,
    رئيس الوزراء العراقي resolved by the publication date); ``refs`` lists the
    ids of the parties a plural description names (الطرفان، الوزيران).
    ``lat``/``lon`` are WGS84 degrees for places the KB knows, ``region`` a
    note for a part of a country (``north`` in شمال العراق). ``confidence``
    is a statistical model's score for spans it added, else ``None``.
    """

    id: str
    start: int
    end: int
    text: str
    label: str
    name_en: str | None = None
    kb: str | None = None
    country: str | None = None
    canonical: str = ""
    sector: str | None = None
    source: str = "gazetteer"
    ref: str | None = None
    nominal: bool = False
    refs: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    region: str | None = None
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3 temporal expression.

    ``value`` is an ISO 8601 date (``2021-02-15``, ``2020-05``, ``2022``), a
    duration (``P1Y``) or ``PAST_REF``/``PRESENT_REF``/``FUTURE_REF``; ``None``
    when it cannot be resolved (then ``anchor`` says why). ``mod`` is a TIMEX3
    modifier (START, MID, END, APPROX, …). ``anchor`` is ``"published"`` when
    the value was computed from the publication date, ``"missing"`` when it
    needed one and there was none, or the id of an earlier timex (``"t3"``,
    TIMEX3 ``anchorTimeID``) for narrative expressions (في اليوم التالي).
    ``note`` gives the reason for a ``None`` value that is not about the
    anchor (an impossible date such as 31 فبراير).
    """

    id: str
    start: int
    end: int
    text: str
    type: str
    value: str | None
    mod: str | None = None
    anchor: str | None = None
    note: str | None = None  # why ``value`` is None ("invalid date: 31 November"), when it is


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count or amount: either ``value`` or a ``min``/``max`` interval.

    ``unit`` is an English lemma of the counted noun (``soldier``, ``person``,
    ``USD``, ``percent``), ``unit_ar`` the Arabic word it came from, ``approx``
    whether the text hedges (نحو، حوالي). ``bound`` is ``"min"`` when ``value``
    is a lower bound (أكثر من، ما لا يقل عن، على الأقل) and ``"max"`` when it
    is an upper bound (أقل من، حتى، كحد أقصى); ``min``/``max`` are kept for
    ranges and vague amounts (بين 10 و20، عشرات).

    ``role`` says what happened to the counted people, read from the words
    that report them (مقتل 12 شخصا → ``"killed"``; one of killed, injured,
    arrested, kidnapped, released, missing, displaced, evacuated, deployed,
    withdrawn; ``None`` when the text reports no such thing). ``flags`` notes
    oddities of the source, e.g. ``"redundant-scale"`` for ``3000 آلاف``
    (read by the digits). See ``docs/quantities.md``.
    """

    id: str
    start: int
    end: int
    text: str
    value: float | int | None = None
    min: float | int | None = None
    max: float | int | None = None
    approx: bool = False
    unit: str | None = None
    unit_ar: str | None = None
    bound: str | None = None
    role: str | None = None
    flags: tuple[str, ...] = ()
    # English nationality when the counted noun is a nisba (ألف فلسطيني → unit "person",
    # nationality "Palestinian"); None otherwise
    nationality: str | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who speaks a quote: a span of the text and, where linked, its entity id.

    ``entities`` lists every linked entity when several people speak together
    (``مؤكدين`` after ``ناقش الوزيران``); ``entity`` is then ``None``.
    """

    start: int
    end: int
    text: str
    entity: str | None = None
    name_en: str | None = None
    entities: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """Direct (between marks) or indirect (قال … إن …) speech, with its cue verb."""

    id: str
    start: int
    end: int
    text: str
    direct: bool
    cue: str | None = None
    speaker: Speaker | None = None
    #: Who the information comes from, in English: the speaker's ``name_en`` (a
    #: named person or body), a role or an anonymous description
    #: (``"official"``, ``"military source"``); the Arabic speaker text when no
    #: English name is known; ``None`` without a speaker.
    source: str | None = None
    #: The outlet that carried the words (``قال مسؤول لرويترز`` → ``"Reuters"``,
    #: ``نقلت وكالة الأنباء العراقية عن مصدر`` → ``"Iraqi News Agency"``), else ``None``.
    via: str | None = None
    #: ``True`` when the source is unnamed (مسؤول، مصدر أمني، طلب عدم نشر اسمه).
    anonymous: bool = False


@dataclass(frozen=True, slots=True)
class Attribution:
    """A sourcing phrase such as ``بحسب ما نقلته رويترز``; ``source`` is the English name."""

    id: str
    start: int
    end: int
    text: str
    source: str
    #: The sourcing word as written, proclitic و excluded (بحسب، وفقا، نقلا، نقلت، ذكرت، أفادت، قالت).
    cue: str | None = None
    #: Who the information comes from when it is not the outlet itself, in English
    #: (``بحسب ما نقلته رويترز عن مسؤولين`` → ``"officials"``); ``None`` when the
    #: outlet speaks on its own authority (``بحسب رويترز``).
    claimant: str | None = None
    #: The outlet that carried the information (English name), ``None`` when no
    #: outlet is named (``بحسب مصادر أمنية``). ``source`` stays the SPEC field:
    #: ``via`` when there is an outlet, else ``claimant``.
    via: str | None = None
    #: ``True`` when the claimant is unnamed (مصدر أمني، مسؤولون، شهود عيان).
    anonymous: bool = False


@dataclass(frozen=True, slots=True)
class Dateline:
    """An article's dateline: place and outlet before the first sentence.

    ``بغداد - رويترز``، ``القاهرة (أ ف ب)``، ``واشنطن – «الشرق الأوسط»``. The span
    covers the place through the outlet (closing bracket or mark included, the
    dash or colon after it excluded); code points, half-open. ``place`` is the
    GPE entity id, ``place_name_en`` its English name (``None`` when the place
    is not a known entity), ``outlet`` the outlet's English name (or the Arabic
    name as written when unknown).
    """

    start: int
    end: int
    text: str
    place: str | None = None
    place_name_en: str | None = None
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """An event participant: an entity (by id) or a bare phrase, with actor codes."""

    text: str
    entity: str | None = None
    name_en: str | None = None
    country: str | None = None
    sector: str | None = None
    # code-point offsets (half-open) of ``text`` in ``Document.text``; ``None`` for
    # an actor with no span of its own in the text (issue 7, second pass)
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER event.

    ``type`` is one of the 16 PLOVER types, ``mode`` a PLOVER mode or ``None``,
    ``status`` one of occurred/planned/expected/possible/requested/denied.
    ``location`` is an entity id, ``date`` a timex id, ``quantities`` quantity
    ids, ``sentence`` the index into ``Document.sentences``.
    """

    id: str
    type: str
    status: str
    trigger: Span
    sentence: int
    mode: str | None = None
    source: Actor | None = None
    target: Actor | None = None
    location: str | None = None
    date: str | None = None
    quantities: tuple[str, ...] = ()
    confidence: float = 0.5
    # added by issue 7 (event coder): every trigger span of the happening (merged repeated
    # mentions, ``trigger`` first), the speaker of the quote the event is reported in,
    # and where the date comes from: ``"clause"`` (``date`` is a timex id) or
    # ``"published"`` (a past report with no date of its own: the publication date);
    # ``date_value`` is the TIMEX3 value in both cases.
    mentions: tuple[Span, ...] = ()
    claimant: Actor | None = None
    date_source: str | None = None
    date_value: str | None = None


@dataclass(frozen=True, slots=True)
class Meta:
    """Article metadata; ``published`` anchors relative dates."""

    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None


def _doc_id(text: str, url: str | None) -> str:
    key = (url or "") + "\x00" + text
    return "doc-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Document:
    """An article and everything found in it.

    Build one with :meth:`Document.new`; pipeline stages fill the tuples.
    """

    id: str
    text: str
    meta: Meta = field(default_factory=Meta)
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    entities: tuple[Entity, ...] = ()
    timexes: tuple[Timex, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    events: tuple[Event, ...] = ()
    language: str = "ar"
    dateline: Dateline | None = None

    @classmethod
    def new(cls, text: str, meta: Meta | None = None, doc_id: str | None = None) -> "Document":
        """A document with no annotations yet; the id is a hash of url and text."""
        meta = meta or Meta()
        return cls(id=doc_id or _doc_id(text, meta.url), text=text, meta=meta)

    def with_(self, **changes: Any) -> "Document":
        """A copy with some fields replaced (``dataclasses.replace``)."""
        return replace(self, **changes)

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence that contains ``offset`` (the nearest preceding one otherwise)."""
        import bisect

        return max(0, bisect.bisect_right(self.sentences, offset, key=lambda s: s.start) - 1)

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or ``None``."""
        if entity_id is None:
            return None
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def to_dict(self, *, tokens: bool = False) -> dict[str, Any]:
        """The SPEC.md JSON record (a plain ``dict``); ``tokens=True`` adds tokens."""
        out: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "language": self.language,
            "meta": {
                "title": self.meta.title,
                "url": self.meta.url,
                "source": self.meta.source,
                "published": self.meta.published.isoformat() if self.meta.published else None,
            },
            "sentences": [{"start": s.start, "end": s.end} for s in self.sentences],
        }
        if tokens:
            out["tokens"] = [asdict(t) for t in self.tokens]
        out["entities"] = [asdict(e) for e in self.entities]
        out["timexes"] = [asdict(t) for t in self.timexes]
        out["quantities"] = [asdict(q) for q in self.quantities]
        out["quotes"] = [asdict(q) for q in self.quotes]
        out["attributions"] = [asdict(a) for a in self.attributions]
        out["events"] = [
            {**asdict(e), "quantities": list(e.quantities)} for e in self.events
        ]
        out["dateline"] = asdict(self.dateline) if self.dateline is not None else None
        return out


def spans_of(doc: Document) -> list[tuple[str, Any]]:
    """Every (kind, record) in ``doc`` that carries ``start``/``end``/``text``.

    Used by tests and :func:`check_offsets` to assert the offset invariant.
    """
    items: list[tuple[str, Any]] = []
    for kind in ("tokens", "entities", "timexes", "quantities", "quotes", "attributions"):
        for x in getattr(doc, kind):
            items.append((kind, x))
    for q in doc.quotes:
        if q.speaker is not None:
            items.append(("speaker", q.speaker))
    for e in doc.events:
        items.append(("trigger", e.trigger))
        for m in e.mentions:
            items.append(("mention", m))
    if doc.dateline is not None:
        items.append(("dateline", doc.dateline))
    return items


def check_offsets(doc: Document) -> list[str]:
    """Problems with the offset invariant, as readable strings (empty when all hold)."""
    bad = []
    n = len(doc.text)
    for kind, x in spans_of(doc):
        if not (0 <= x.start <= x.end <= n) or doc.text[x.start : x.end] != x.text:
            bad.append(f"{kind} [{x.start},{x.end}) {x.text!r} != {doc.text[x.start:x.end]!r}")
    for s in doc.sentences:
        if not (0 <= s.start <= s.end <= n):
            bad.append(f"sentence [{s.start},{s.end}) out of range")
    return bad


def field_names(cls: type) -> tuple[str, ...]:
    """Names of a record class's fields (for the store and exporters)."""
    return tuple(f.name for f in fields(cls))
