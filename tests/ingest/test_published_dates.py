"""Publication dates: bad or out-of-range values are refused with a reason, everywhere they can be given."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from khabar.pipeline import extract as khabar_extract
from khabar.api import ApiSettings, create_app
from khabar.errors import ConfigError
from khabar.ingest.sources import iter_items
from khabar.published import MAX_PUBLISHED, MIN_PUBLISHED, parse_published

TEXT = "وقال المتحدث باسم الحكومة أمس إن الوفد سيصل إلى عمان الأسبوع المقبل."


@pytest.mark.parametrize(
    "value, reason",
    [("not-a-date", "form YYYY-MM-DD"), ("2023-02-30", "not a real calendar date"), ("16/02/2021", "form YYYY-MM-DD"),
     ("9999-12-31", "outside the years 1900–2100"), ("0001-01-01", "outside the years 1900–2100"), ("1899-12-31", "outside")],
)
def test_parse_published_refuses(value: str, reason: str) -> None:
    with pytest.raises(ConfigError, match=reason):
        parse_published(value, "--published")


def test_parse_published_accepts_the_range_and_timestamps() -> None:
    assert parse_published("1900-01-01") == MIN_PUBLISHED and parse_published("2100-12-31") == MAX_PUBLISHED
    assert parse_published("2024-01-05T10:00:00Z", prefix=True) == dt.date(2024, 1, 5)
    assert parse_published(dt.datetime(2024, 1, 5, 23, 59)) == dt.date(2024, 1, 5)
    assert parse_published(None) is None


def test_jsonl_bad_published_is_an_error_row_not_a_dateless_article(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    lines = [{"text": TEXT, "published": "not-a-date"}, {"text": TEXT + " ١", "published": "2023-02-30"},
             {"text": TEXT + " ٢", "published": "16/02/2021"}, {"text": TEXT + " ٣", "date": "9999-12-31"},
             {"text": TEXT + " ٤", "published": "2024-01-05T10:00:00+03:00"}, {"text": TEXT + " ٥"}]
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    items = list(iter_items([str(src)]))
    assert [x.error is not None for x in items] == [True, True, True, True, False, False]
    assert "'not-a-date' is not a date in the form YYYY-MM-DD" in items[0].error  # type: ignore[operator]
    assert "'2023-02-30' is not a real calendar date" in items[1].error  # type: ignore[operator]
    assert "the field date '9999-12-31' is outside" in items[3].error  # type: ignore[operator]
    assert (items[4].published, items[5].published) == ("2024-01-05", None)


@pytest.mark.parametrize("value", ["2021-13-01", "9999-12-31"])
def test_a_sidecar_bad_date_is_ignored_as_documented(tmp_path: Path, value: str) -> None:
    # read_sidecar's contract: a broken sidecar never stops an article from being read
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"published": value, "title": "t"}), encoding="utf-8")
    (item,) = iter_items([str(tmp_path / "a.txt")])
    assert item.error is None and item.published is None and item.title == "t"


def test_library_and_api_refuse_out_of_range_dates() -> None:
    with pytest.raises(ConfigError, match="outside the years"):
        khabar_extract(TEXT, published="9999-12-31")
    with pytest.raises(ConfigError, match="outside the years"):
        khabar_extract(TEXT, published=dt.date(1, 1, 1))
    client = TestClient(create_app(ApiSettings()))
    r = client.post("/v1/extract", json={"text": TEXT, "published": "9999-12-31"})
    assert r.status_code == 422 and "outside the years 1900–2100" in r.json()["error"]["message"]
    r = client.post("/v1/extract?published=0001-01-01", content=TEXT.encode(), headers={"content-type": "text/plain"})
    assert r.status_code == 422
    r = client.post("/v1/extract", json={"text": TEXT, "published": "2100-12-31"})
    assert r.status_code == 200 and r.json()["meta"]["published"] == "2100-12-31"
