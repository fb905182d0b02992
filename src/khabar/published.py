"""Publication dates given to khabar: their form and their range.

A publication date anchors relative dates (أمس، الأسبوع المقبل); date
arithmetic far from it must stay within Python's years 1–9999, so khabar
accepts publication dates from :data:`MIN_PUBLISHED` to :data:`MAX_PUBLISHED`
(1900-01-01 … 2100-12-31) and refuses others with a clear message instead of
failing later inside the dates stage. Used by ``khabar extract -p``,
``khabar ingest -p``, :func:`khabar.extract`, the HTTP API (422) and the
``published`` field of JSONL lines and ``.meta.json`` sidecars.
"""

from __future__ import annotations

import datetime as dt
import re

from khabar.errors import ConfigError

__all__ = ["MIN_PUBLISHED", "MAX_PUBLISHED", "parse_published"]

#: The earliest publication date khabar accepts.
MIN_PUBLISHED = dt.date(1900, 1, 1)
#: The latest publication date khabar accepts.
MAX_PUBLISHED = dt.date(2100, 12, 31)

_FORM = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_published(value: str | dt.date | None, what: str = "published date", *, prefix: bool = False) -> dt.date | None:
    """A publication date as :class:`datetime.date`, checked; ``None`` stays ``None``.

    Args:
        value: ``YYYY-MM-DD`` (with ``prefix=True`` only the first ten
            characters count, so ``2024-01-05T10:00:00Z`` is read as
            2024-01-05), or a :class:`datetime.date` (a ``datetime`` gives its date).
        what: how messages name the value, e.g. ``"--published"``.
        prefix: read the first ten characters of a longer timestamp.

    Raises:
        ConfigError: not in the form ``YYYY-MM-DD``, not a real calendar date
            (2023-02-30), or outside :data:`MIN_PUBLISHED` … :data:`MAX_PUBLISHED`.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        s = str(value).strip()
        head = s[:10] if prefix else s
        if not _FORM.fullmatch(head):
            raise ConfigError(f"{what} {value!r} is not a date in the form YYYY-MM-DD (e.g. 2021-02-16)")
        try:
            day = dt.date.fromisoformat(head)
        except ValueError as exc:
            raise ConfigError(f"{what} {value!r} is not a real calendar date ({exc})") from None
    if not MIN_PUBLISHED <= day <= MAX_PUBLISHED:
        raise ConfigError(f"{what} {day.isoformat()!r} is outside the years {MIN_PUBLISHED.year}–{MAX_PUBLISHED.year} khabar accepts for publication dates")
    return day
