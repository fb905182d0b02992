"""The knowledge base: loading, look-ups, generated NORP inflections, data-file shape."""

from __future__ import annotations


import pytest

from khabar.extract.kb import FILES, KnowledgeBase, get_kb


def test_loads_and_is_cached() -> None:
    # Load time is measured by `khabar bench`, never asserted here (timed tests flake).
    get_kb.cache_clear()
    kb = get_kb()
    assert get_kb() is kb
    assert len(kb) > 1000
    assert kb.matcher.size > 5000


def test_every_country_is_there() -> None:
    kb = get_kb()
    countries = {e.country for e in kb.by_label("GPE") if e.population == 0}
    assert len(countries) >= 190
    assert len(kb.by_label("NORP")) >= 120


@pytest.mark.parametrize(
    "alias, name_en, qid, country",
    [
        ("أمريكا", "United States", "Q30", "USA"),
        ("أميركا", "United States", "Q30", "USA"),
        ("الولايات المتحدة الأميركية", "United States", "Q30", "USA"),
        ("المملكة المتحدة", "United Kingdom", "Q145", "GBR"),
        ("بريطانيا", "United Kingdom", "Q145", "GBR"),
        ("مملكة السويد", "Sweden", "Q34", "SWE"),
        ("جمهورية العراق", "Iraq", "Q796", "IRQ"),
        ("بغداد", "Baghdad", "Q1530", "IRQ"),
        ("حلف شمال الأطلسي", "NATO", "Q7184", None),
        ("الناتو", "NATO", "Q7184", None),
        ("البنتاجون", "United States Department of Defense", "Q11209", "USA"),
        ("تنظيم الدولة", "Islamic State", "Q2429253", None),
        ("رويترز", "Reuters", "Q130879", None),
        ("حركة النجباء", "Harakat al-Nujaba", None, "IRQ"),
        ("منظمة بدر", "Badr Organization", None, "IRQ"),
        ("كتائب سيد الشهداء", "Kata'ib Sayyid al-Shuhada", None, "IRQ"),
        ("الشرق الأوسط", "Middle East", "Q7204", None),
    ],
)
def test_lookup(alias: str, name_en: str, qid: str | None, country: str | None) -> None:
    entries = get_kb().lookup(alias)
    assert entries, alias
    e = entries[0]
    assert (e.name_en, e.qid) == (name_en, qid)
    if country:
        assert e.country == country


def test_lookup_is_normalization_insensitive() -> None:
    kb = get_kb()
    # hamza-less alef, teh marbuta as heh, diacritics
    assert kb.lookup("امريكا")[0].name_en == "United States"
    assert kb.lookup("السعوديه")[0].name_en == "Saudi Arabia"
    assert kb.lookup("العِرَاق")[0].name_en == "Iraq"
    assert kb.lookup("غير موجود") == ()


def test_transliteration_variants_of_g() -> None:
    kb = get_kb()
    for form in ("ستولتنبرغ", "ستولتنبرج"):
        assert kb.lookup(form)[0].name_en == "Jens Stoltenberg"


@pytest.mark.parametrize(
    "form, plural",
    [
        ("أمريكي", False), ("أميركية", False), ("الأمريكي", False), ("الأميركيتين", False),
        ("أمريكيان", False), ("أمريكيون", True), ("الأمريكيين", True), ("الأمريكيات", True),
    ],
)
def test_norp_inflections(form: str, plural: bool) -> None:
    al = get_kb().aliases(form)
    assert al and al[0].entry.label == "NORP" and al[0].entry.country == "USA"
    assert al[0].plural is plural
    assert al[0].entry.name_en == "American" and al[0].entry.name_en_pl == "Americans"


def test_broken_plural_and_groups() -> None:
    kb = get_kb()
    assert kb.aliases("الأكراد")[0].entry.name_en == "Kurdish"
    assert kb.aliases("الأكراد")[0].plural
    assert kb.aliases("الألمان")[0].entry.country == "DEU"
    assert kb.lookup("سوريون")[0].country == "SYR"


def test_ambiguous_alias_keeps_every_reading() -> None:
    names = {e.name_en for e in get_kb().lookup("عمان")}
    assert {"Oman", "Amman"} <= names


def test_dropped_and_bound_aliases() -> None:
    kb = get_kb()
    assert kb.lookup("الخبر") == ()  # "the news": Khobar only by its other names
    assert kb.lookup("جمهورية مالي")[0].name_en == "Mali"
    assert kb.aliases("القاعدة")[0].needs_context and not kb.aliases("القاعدة")[0].cue
    mali = kb.aliases("مالي")  # "financial" too: a place only where the words around say so
    assert [a.entry.name_en for a in mali] == ["Mali"] and mali[0].needs_context and mali[0].cue


def test_data_files_have_the_columns() -> None:
    import importlib.resources

    root = importlib.resources.files("khabar").joinpath("data").joinpath("kb")
    total = 0
    for name in FILES:
        text = root.joinpath(name).read_text(encoding="utf-8")
        total += len(text.encode("utf-8"))
        header = next(ln for ln in text.splitlines() if ln and not ln.startswith("#")).split("\t")
        assert header[:6] == ["kb_id", "label", "name_en", "country", "sector", "aliases_ar"], name
    assert total < 2_000_000


def test_entries_are_frozen() -> None:
    e = get_kb().lookup("العراق")[0]
    with pytest.raises(AttributeError):
        e.name_en = "x"  # type: ignore[misc]
    assert isinstance(get_kb(), KnowledgeBase)


@pytest.mark.parametrize(
    "alias, name_en, label",
    [
        ("جماعة نصرة الإسلام والمسلمين", "Jama'at Nusrat al-Islam wal-Muslimin", "ORG"),
        ("مينوسما", "MINUSMA", "ORG"),
        ("الاتحاد العام التونسي للشغل", "Tunisian General Labour Union", "ORG"),
        ("سد النهضة", "Grand Ethiopian Renaissance Dam", "FAC"),
        ("أسياس أفورقي", "Isaias Afwerki", "PER"),
        ("عاصمي غويتا", "Assimi Goïta", "PER"),
        ("القصرين", "Kasserine", "GPE"),
    ],
)
def test_sahel_and_maghreb_actors(alias: str, name_en: str, label: str) -> None:
    e = get_kb().lookup(alias)[0]
    assert (e.name_en, e.label) == (name_en, label)
