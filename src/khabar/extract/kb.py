"""The starter knowledge base: countries, cities, regions, organizations, people, nationalities.

Data lives in ``khabar/data/kb/*.tsv`` (see ``docs/knowledge-base.md`` for sources and
licences); ``scripts/build_kb.py`` regenerates ``countries.tsv``, ``cities.tsv``,
``norp.tsv`` and ``first_names.tsv`` from ``../shared/data``; ``regions.tsv``,
``orgs.tsv``, ``people.tsv`` and ``stoplist.tsv`` are curated by hand.

Every file has the columns ``kb_id label name_en country sector aliases_ar lat lon``
(``aliases_ar`` ``|``-separated; NORP rows add ``name_en_pl`` and ``aliases_ar_pl``, the
plural forms). ``kb_id`` is a Wikidata QID where known, else a stable ``khabar:`` or
``geonames:`` id.

:func:`get_kb` loads everything once (lazily, cached) and builds one
:class:`~khabar.text.matcher.PhraseMatcher` (one Aho–Corasick automaton) over all
aliases; loading takes ≈ 0.1–0.2 s (measured in ``tests/extract/test_kb.py``).
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
from dataclasses import dataclass
from functools import lru_cache

from khabar.text.matcher import PhraseMatcher
from khabar.text.normalize import normalize_phrase

__all__ = [
    "KBEntry", "Alias", "Role", "KnowledgeBase", "get_kb", "FILES", "ARAB_STATES", "OFFICES",
    "OFFICE_SECTOR", "office_holder", "country_entry", "entity_sector", "sector_of_noun",
]

#: Data files loaded, in priority order: when one alias names several entries, the earlier
#: file's entry is preferred unless the document context decides otherwise.
FILES: tuple[str, ...] = ("countries.tsv", "regions.tsv", "places.tsv", "orgs.tsv", "people.tsv", "norp.tsv", "cities.tsv")

#: Arab League members (ISO alpha-3). Names of people from other countries are
#: transliterations, where /g/ is spelt غ, ج or ق: variants are generated for them.
ARAB_STATES = frozenset(
    "DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM".split()
)


@dataclass(frozen=True, slots=True)
class KBEntry:
    """One knowledge-base item.

    Attributes:
        kb_id: Wikidata QID (``Q796``) or a stable ``khabar:…``/``geonames:…`` id.
        label: PER, ORG, GPE, LOC, FAC, NORP or MISC.
        name_en: English name (for NORP the singular adjective, e.g. ``Iraqi``).
        country: ISO 3166-1 alpha-3 code, or ``None``.
        sector: actor sector (GOV MIL IGO NGO MED REB BUS …) or ``None``.
        aliases: Arabic names as written in the data (not normalized).
        lat, lon: WGS84 decimal degrees for places, else ``None``.
        name_en_pl: English plural for NORP entries (``Iraqis``), else ``None``.
        population: for cities (GeoNames), else 0.
    """

    kb_id: str
    label: str
    name_en: str
    country: str | None
    sector: str | None
    aliases: tuple[str, ...]
    lat: float | None = None
    lon: float | None = None
    name_en_pl: str | None = None
    population: int = 0

    @property
    def qid(self) -> str | None:
        """The Wikidata QID, or ``None`` for ``khabar:``/``geonames:`` ids."""
        return self.kb_id if self.kb_id[:1] == "Q" and self.kb_id[1:].isdigit() else None


@dataclass(frozen=True, slots=True)
class Role:
    """One term of office (``roles.tsv``): ``person`` held ``office`` of ``jurisdiction``
    on the half-open date range ``[start, end)``; ``end`` is ``None`` while in office.

    ``jurisdiction`` is an ISO 3166-1 alpha-3 code for a state office, else the ``kb_id``
    of the organization (``Q1065`` United Nations, ``Q7184`` NATO).
    """

    person: str
    office: str
    jurisdiction: str
    start: dt.date
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        """Whether the office was held on ``day``."""
        return self.start <= day and (self.end is None or day < self.end)


#: Offices of ``roles.tsv`` and the actor sector of their holders.
OFFICE_SECTOR: dict[str, str] = {
    "head_of_state": "GOV", "head_of_government": "GOV", "foreign_minister": "GOV",
    "defence_minister": "MIL", "crown_prince": "GOV", "supreme_leader": "GOV",
    "secretary_general": "IGO", "high_representative": "IGO", "director_general": "IGO",
}
OFFICES: tuple[str, ...] = tuple(OFFICE_SECTOR)


@dataclass(frozen=True, slots=True)
class Alias:
    """The payload of one alias in the matcher.

    ``plural`` marks NORP plural forms (their English name is ``entry.name_en_pl``);
    ``needs_context`` marks aliases that are also ordinary words (``stoplist.tsv``,
    action ``context`` or ``cue``): accept them only when the entity is otherwise attested in the
    document. ``cue`` (action ``cue``, e.g. مالي Mali / "financial") also accepts the alias
    where the words around it make it a place name (see
    :func:`khabar.extract.entities.place_cued`). ``rank`` is the file priority (lower is preferred).
    """

    entry: KBEntry
    plural: bool = False
    needs_context: bool = False
    rank: int = 0
    cue: bool = False


def _read_tsv(name: str) -> list[dict[str, str]]:
    path = importlib.resources.files("khabar").joinpath("data").joinpath("kb").joinpath(name)
    text = path.read_text(encoding="utf-8")
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        rows.append({h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)})
    return rows


def _float(s: str) -> float | None:
    try:
        return float(s) if s else None
    except ValueError:
        return None


def _g_variants(alias: str) -> list[str]:
    out = []
    if "غ" in alias:
        out += [alias.replace("غ", "ج"), alias.replace("غ", "ق")]
    if "ج" in alias:
        out.append(alias.replace("ج", "غ"))
    return out


class KnowledgeBase:
    """All KB entries, an alias index and one phrase matcher.

    Build it with :func:`get_kb` (cached); constructing one directly reads the package data.

    Attributes:
        entries: ``kb_id`` → :class:`KBEntry`.
        matcher: a :class:`PhraseMatcher` over every alias, payload :class:`Alias`.
        first_names: normalized Arabic first names (evidence for person names).
    """

    def __init__(self) -> None:
        stop = _read_tsv("stoplist.tsv")
        drop = {normalize_phrase(r["alias"]) for r in stop if r["action"] == "drop"}
        context = {normalize_phrase(r["alias"]) for r in stop if r["action"] in ("context", "cue")}
        cued = {normalize_phrase(r["alias"]) for r in stop if r["action"] == "cue"}
        self.entries: dict[str, KBEntry] = {}
        self._index: dict[str, list[Alias]] = {}
        pairs: list[tuple[str, Alias]] = []
        for rank, fname in enumerate(FILES):
            for row in _read_tsv(fname):
                kb_id = row["kb_id"]
                if not kb_id or kb_id in self.entries:
                    continue
                sg = [a for a in row.get("aliases_ar", "").split("|") if a]
                pl = [a for a in row.get("aliases_ar_pl", "").split("|") if a]
                country = row.get("country") or None
                if row["label"] == "PER" and country not in ARAB_STATES:
                    sg += [v for a in sg for v in _g_variants(a)]
                entry = KBEntry(
                    kb_id=kb_id,
                    label=row["label"],
                    name_en=row["name_en"],
                    country=country,
                    sector=row.get("sector") or None,
                    aliases=tuple(sg + pl),
                    lat=_float(row.get("lat", "")),
                    lon=_float(row.get("lon", "")),
                    name_en_pl=row.get("name_en_pl") or None,
                    population=int(row.get("population") or 0),
                )
                self.entries[kb_id] = entry
                seen: set[str] = set()
                for aliases, plural in ((sg, False), (pl, True)):
                    for a in aliases:
                        key = normalize_phrase(a)
                        if not key or key in drop or key in seen:
                            continue
                        seen.add(key)
                        al = Alias(entry, plural, key in context, rank, key in cued)
                        self._index.setdefault(key, []).append(al)
                        pairs.append((a, al))
        self.matcher: PhraseMatcher[Alias] = PhraseMatcher(pairs)
        self.first_names: frozenset[str] = frozenset(normalize_phrase(r["name"]) for r in _read_tsv("first_names.tsv"))
        self.roles: tuple[Role, ...] = tuple(
            Role(r["person"], r["office"], r["jurisdiction"], dt.date.fromisoformat(r["start"]),
                 dt.date.fromisoformat(r["end"]) if r.get("end") else None)
            for r in _read_tsv("roles.tsv")
        )
        self.countries: dict[str, KBEntry] = {}
        for e in self.entries.values():
            if e.label == "GPE" and e.country and e.population == 0 and e.country not in self.countries:
                self.countries[e.country] = e

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, kb_id: str) -> KBEntry | None:
        """The entry with this id, or ``None``."""
        return self.entries.get(kb_id)

    def lookup(self, key: str) -> tuple[KBEntry, ...]:
        """Entries whose alias equals ``key`` after normalization (best-ranked first).

        ``key`` may be raw or normalized Arabic (it is normalized again; the operation
        is idempotent). Returns ``()`` for an unknown name.
        """
        return tuple(a.entry for a in self.aliases(key))

    def aliases(self, key: str) -> tuple[Alias, ...]:
        """The :class:`Alias` payloads stored under a (normalized) name, best-ranked first."""
        return tuple(sorted(self._index.get(normalize_phrase(key), ()), key=lambda a: a.rank))

    def by_label(self, label: str) -> list[KBEntry]:
        """Every entry with this label."""
        return [e for e in self.entries.values() if e.label == label]

    def holders(self, office: str, jurisdiction: str, day: dt.date | None = None) -> tuple[KBEntry, ...]:
        """People who held ``office`` of ``jurisdiction`` (on ``day`` when given), in date order.

        Example: ``holders("head_of_government", "IRQ", date(2019, 6, 1))`` → (Adil Abdul-Mahdi,).
        """
        out = []
        for r in self.roles:
            if r.office == office and r.jurisdiction == jurisdiction and (day is None or r.covers(day)):
                e = self.entries.get(r.person)
                if e is not None:
                    out.append(e)
        return tuple(out)

    def roles_of(self, kb_id: str, day: dt.date | None = None) -> tuple[Role, ...]:
        """The terms of office of one person (those covering ``day`` when given)."""
        return tuple(r for r in self.roles if r.person == kb_id and (day is None or r.covers(day)))


@lru_cache(maxsize=1)
def get_kb() -> KnowledgeBase:
    """The package knowledge base, loaded on first call and cached for the process."""
    return KnowledgeBase()


def office_holder(office: str, jurisdiction: str, day: dt.date | None) -> KBEntry | None:
    """The person who held ``office`` of ``jurisdiction`` on ``day`` (``None`` if unknown).

    Args:
        office: one of :data:`OFFICES` (``head_of_government`` for رئيس الوزراء).
        jurisdiction: ISO alpha-3 (``IRQ``) or an organization kb_id (``Q7184`` NATO).
        day: the reference date, normally the publication date; ``None`` gives ``None``
            (a title is never resolved against today's date silently).

    Example: ``office_holder("head_of_government", "IRQ", date(2021, 2, 16)).name_en``
    → ``"Mustafa Al-Kadhimi"``.
    """
    if day is None:
        return None
    found = get_kb().holders(office, jurisdiction, day)
    return found[0] if len(found) == 1 else None


def country_entry(iso3: str | None) -> KBEntry | None:
    """The country (GPE) entry of an ISO 3166-1 alpha-3 code, or ``None``."""
    return get_kb().countries.get(iso3) if iso3 else None


#: Sector nouns of unnamed group actors (normalized, without the article) → sector, after
#: the CAMEO actor codebook (Schrodt 2012, ch. 4) and PLOVER's actor sectors. The event
#: coder keeps its own, richer table (``khabar.events.actors``); this one serves the KB.
_SECTOR_NOUNS: dict[str, str] = {
    "قوات": "MIL", "جيش": "MIL", "جنود": "MIL", "عسكريين": "MIL", "ضباط": "MIL", "الاركان": "MIL",
    "ميليشيا": "REB", "ميليشيات": "REB", "مليشيات": "REB", "فصائل": "REB", "فصيل": "REB",
    "مسلحون": "REB", "مسلحين": "REB", "متمردون": "REB", "متمردين": "REB", "جماعه": "REB",
    "تنظيم": "REB", "حكومه": "GOV", "وزاره": "GOV", "وزير": "GOV", "وزيره": "GOV", "رئيس": "GOV",
    "رئيسه": "GOV", "سفير": "GOV", "سفاره": "GOV", "ملك": "GOV", "امير": "GOV", "شرطه": "GOV",
    "متظاهرون": "CVL", "متظاهرين": "CVL", "محتجون": "CVL", "محتجين": "CVL", "مدنيين": "CVL",
    "مدنيون": "CVL", "سكان": "CVL", "لاجئين": "CVL", "وكاله انباء": "MED", "صحفيون": "MED",
    "صحفيين": "MED", "صحيفه": "MED", "قناه": "MED", "برلمان": "LEG", "نواب": "LEG",
    "مجلس النواب": "LEG", "مجلس الشعب": "LEG", "محكمه": "JUD", "قاضي": "JUD", "قضاه": "JUD",
    "معارضه": "OPP", "معارضون": "OPP", "معارضين": "OPP", "حزب": "PTY", "احزاب": "PTY",
    "شركه": "BUS", "شركات": "BUS", "منظمه غير حكوميه": "NGO",
}


@lru_cache(maxsize=1)
def _sector_nouns() -> dict[str, str]:
    return {normalize_phrase(k): v for k, v in _SECTOR_NOUNS.items()}


def sector_of_noun(word: str) -> str | None:
    """The actor sector a head noun implies (``القوات`` → ``MIL``, ``متظاهرون`` → ``CVL``).

    ``word`` is raw or normalized Arabic, one or two words; the article ال is ignored.
    Returns ``None`` for a noun that implies no sector.
    """
    key = normalize_phrase(word)
    nouns = _sector_nouns()
    if key in nouns:
        return nouns[key]
    if key.startswith("ال") and key[2:] in nouns:
        return nouns[key[2:]]
    return None


def entity_sector(kb_id: str | None) -> str | None:
    """The sector the KB gives an entry (``Q7184`` NATO → ``IGO``), else ``None``."""
    e = get_kb().get(kb_id) if kb_id else None
    return e.sector if e else None
