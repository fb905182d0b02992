"""Arabic cardinal number words, scale words, fractions and vague amounts.

Every key is in the *matching form* of :func:`khabar.text.normalize.normalize`
(diacritics removed, أ إ آ → ا, ى → ي, ة → ه), so ``ثلاثة`` is ``ثلاثه`` and
``مائة`` is ``مائه``. A value is a :class:`NumWord` ``(kind, value)``:

========== ============================================================ =========
kind       words                                                        value
========== ============================================================ =========
unit       صفر، واحد … تسعة in all case/gender forms (اثنان/اثنين…)     0 … 9
pre_teen   أحد/إحدى/اثنا/اثني/اثنتا/اثنتي: only before عشر/عشرة        1, 2
ten        عشر/عشرة (alone 10; after a unit word it makes 11–19)        10
tens       عشرون/عشرين … تسعون/تسعين                                     20 … 90
hundred    مئة/مائة                                                      100
hundreds   مئتان/مئتين/مائتا/مائتي …، ثلاثمئة/ثلاثمائة … تسعمئة          200 … 900
scale      ألف، مليون، مليار/بليون، تريليون (and accusative ألفا …)       10**3 …
scale_dual ألفان/ألفين، مليونان/مليونين، ملياران/مليارين                  the scale
scale_pl   آلاف/ألوف، ملايين، مليارات/بلايين، تريليونات                  the scale
fraction   نصف، ربع، ثلث، ثلثا/ثلثي                                      0.5 …
vague      عشرات، مئات، بضع/بضعة، عدة (and definite العشرات …)           (min, max)
========== ============================================================ =========

Ordinals (ثالث، الخامسة، العاشر) are deliberately absent: they are not
quantities. The forms follow Wright, *A Grammar of the Arabic Language*
(3rd ed., 1896–98), vol. 1 §§ 320–327 (cardinals, the construct of 3–10, the
accusative tamyiz after 11–99) and Badawi, Carter & Gully, *Modern Written
Arabic: A Comprehensive Grammar* (2004) ch. 6 (spellings مئة/مائة,
ثلاثمئة/ثلاث مئة, ألفا as accusative and as dual construct).

Intervals of the vague amounts are project conventions; see ``docs/quantities.md``.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

__all__ = ["NumWord", "NUMBER_WORDS", "VAGUE", "SHORT_AMBIGUOUS"]

Kind = Literal[
    "unit", "pre_teen", "ten", "tens", "hundred", "hundreds",
    "scale", "scale_acc", "scale_dual", "scale_pl", "fraction",
]


class NumWord(NamedTuple):
    """One number word: its ``kind`` (see the module table) and numeric ``value``."""

    kind: Kind
    value: float


def _build() -> dict[str, NumWord]:
    w: dict[str, NumWord] = {}

    def put(kind: Kind, value: float, *forms: str) -> None:
        for f in forms:
            w[f] = NumWord(kind, value)

    put("unit", 0, "صفر")
    put("unit", 1, "واحد", "واحده", "واحدا")
    put("unit", 2, "اثنان", "اثنين", "اثنتان", "اثنتين", "ثنتان", "ثنتين")
    put("pre_teen", 1, "احد", "احدي")
    put("pre_teen", 2, "اثنا", "اثني", "اثنتا", "اثنتي")
    units = {
        3: ("ثلاث", "ثلاثه"), 4: ("اربع", "اربعه"), 5: ("خمس", "خمسه"), 6: ("ست", "سته"),
        7: ("سبع", "سبعه"), 8: ("ثمان", "ثماني", "ثمانيه"), 9: ("تسع", "تسعه"),
    }
    for v, forms in units.items():
        put("unit", v, *forms)
    put("ten", 10, "عشر", "عشره")
    tens = {
        20: "عشر", 30: "ثلاث", 40: "اربع", 50: "خمس", 60: "ست", 70: "سبع", 80: "ثمان", 90: "تسع",
    }
    for v, stem in tens.items():
        put("tens", v, stem + "ون", stem + "ين")
    put("hundred", 100, "مئه", "مائه", "مئة")
    put("hundreds", 200, "مئتان", "مئتين", "مئتا", "مئتي", "مائتان", "مائتين", "مائتا", "مائتي")
    stems = {3: ("ثلاث", "ثلث"), 4: ("اربع",), 5: ("خمس",), 6: ("ست",), 7: ("سبع",),
             8: ("ثمان", "ثماني"), 9: ("تسع",)}
    for v, sts in stems.items():
        for st in sts:
            put("hundreds", v * 100, st + "مئه", st + "مائه")
    scales = {
        1e3: ("الف",), 1e6: ("مليون",), 1e9: ("مليار", "بليون"), 1e12: ("تريليون", "ترليون"),
    }
    for v, forms in scales.items():
        for f in forms:
            put("scale", v, f)
            put("scale_acc", v, f + "ا")
            put("scale_dual", v, f + "ان", f + "ين", f + "ي")  # ألفي: genitive dual in construct
    put("scale_pl", 1e3, "الاف", "الوف")
    put("scale_pl", 1e6, "ملايين")
    put("scale_pl", 1e9, "مليارات", "بلايين")
    put("scale_pl", 1e12, "تريليونات", "ترليونات")
    put("fraction", 0.5, "نصف")
    put("fraction", 0.25, "ربع")
    put("fraction", 1 / 3, "ثلث")
    put("fraction", 2 / 3, "ثلثا", "ثلثي")
    return w


NUMBER_WORDS: dict[str, NumWord] = _build()
"""Matching form → :class:`NumWord`, every cardinal form listed in the module table."""

# Vague amounts: matching form -> (min, max, "order"|"count").
# "order" plurals name an order of magnitude (عشرات = tens of, 20–99); composed with a
# following plural scale word they scale as (min*s, (max+1)*s - 1). "count" words name a
# small count (بضعة 3–9, عدة 3–10) and scale as (min*s, max*s).
VAGUE: dict[str, tuple[float, float, str]] = {
    "عشرات": (20, 99, "order"),
    "مئات": (100, 999, "order"),
    "الاف": (1_000, 9_999, "order"),
    "الوف": (1_000, 9_999, "order"),
    "ملايين": (1_000_000, 9_999_999, "order"),
    "مليارات": (1_000_000_000, 9_999_999_999, "order"),
    "بلايين": (1_000_000_000, 9_999_999_999, "order"),
    "بضع": (3, 9, "count"),
    "بضعه": (3, 9, "count"),
    "عده": (3, 10, "count"),
}
"""Vague amount words (indefinite form; the definite ال-form is accepted too)."""

SHORT_AMBIGUOUS: frozenset[str] = frozenset({"ست", "سبع", "خمس", "تسع", "عشر", "ثمان", "الف", "ربع"})
"""Number words that are also common other words (ست 'lady', سبع 'lion', خمس 'a fifth',
ألف 'he composed'); alone, without a counted noun, they are not taken as quantities."""
