"""The HTTP API with FastAPI's TestClient: extraction, limits, errors, pages."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from khabar.api import ApiSettings, create_app

ARTICLE = "قال وزير الخارجية العراقي فؤاد حسين أمس الاثنين إن بغداد ستستضيف القمة العربية في أيار المقبل بمشاركة نحو 20 زعيما."


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(ApiSettings(max_bytes=64 * 1024)))


def test_extract_json(client):
    r = client.post("/v1/extract", json={"text": ARTICLE, "published": "2021-02-16"})
    assert r.status_code == 200
    rec = r.json()
    assert rec["text"] == ARTICLE and rec["meta"]["published"] == "2021-02-16"
    assert {"entities", "timexes", "quantities", "quotes", "attributions", "events"} <= set(rec)
    values = {t["text"]: t["value"] for t in rec["timexes"]}
    assert values["أمس الاثنين"] == "2021-02-15"
    names = {e["name_en"] for e in rec["entities"]}
    assert {"Baghdad", "Fuad Hussein"} <= names
    for kind in ("entities", "timexes", "quantities", "quotes"):
        for it in rec[kind]:
            assert ARTICLE[it["start"] : it["end"]] == it["text"]


def test_extract_plain_text_in_windows_1256(client):
    r = client.post(
        "/v1/extract?published=2021-02-16",
        content=ARTICLE.encode("cp1256"),
        headers={"Content-Type": "text/plain"},
    )
    assert r.status_code == 200
    assert r.json()["text"] == ARTICLE


def test_extract_html(client):
    html = "<html><head><title>قمة</title></head><body><article>" + "".join(f"<p>{ARTICLE}</p>" for _ in range(3)) + "</article></body></html>"
    r = client.post("/v1/extract", json={"html": html, "published": "2021-02-16"})
    assert r.status_code == 200
    assert "بغداد" in r.json()["text"]


@pytest.mark.parametrize(
    "kwargs, status, words",
    [
        ({"json": {"text": ""}}, 422, "empty"),
        ({"json": {"text": "نص", "html": "<p>نص</p>"}}, 422, "either"),
        ({"json": {"text": "نص", "published": "16/02/2021"}}, 422, "published"),
        ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 422, "JSON"),
        ({"content": b'{"text": "\xff\xfe"}', "headers": {"Content-Type": "application/json"}}, 422, "UTF-8"),
        ({"content": bytes(range(256)) * 4, "headers": {"Content-Type": "text/plain"}}, 422, "binary"),
        ({"content": b"x", "headers": {"Content-Type": "image/png"}}, 415, "content type"),
    ],
)
def test_extract_bad_input(client, kwargs, status, words):
    r = client.post("/v1/extract", **kwargs)
    assert r.status_code == status
    msg = r.json()["error"]["message"]
    assert words in msg
    assert "Traceback" not in r.text


def test_size_cap_is_413(client):
    r = client.post("/v1/extract", json={"text": "ا" * 70_000})
    assert r.status_code == 413
    assert "limit" in r.json()["error"]["message"]


def test_unknown_route_is_json_404(client):
    r = client.get("/v1/nothing")
    assert r.status_code == 404 and r.json()["error"]["status"] == 404


def test_openapi_and_pages(client):
    schema = client.get("/openapi.json").json()
    assert "/v1/extract" in schema["paths"]
    page = client.get("/")
    assert page.status_code == 200 and 'dir="rtl"' in page.text and "/static/reader.js" in page.text
    assert client.get("/static/reader.js").status_code == 200
    assert client.get("/static/app.css").headers["content-type"].startswith("text/css")
    assert client.get("/static/../api/app.py").status_code == 404


def test_examples_listed_in_a_source_checkout(client):
    r = client.get("/v1/examples")
    assert r.status_code == 200
    names = [e["name"] for e in r.json()["examples"]]
    assert "baghdad-drone-2024-01-05" in names
    one = client.get("/v1/examples/baghdad-drone-2024-01-05").json()
    assert one["published"] == "2024-01-05" and one["text"]
    assert client.get("/v1/examples/nope").status_code == 404


def test_pages_never_use_innerhtml_with_document_strings():
    from importlib import resources

    for name in ("reader.js", "common.js", "explore.js"):
        f = resources.files("khabar.web").joinpath("static", name)
        if f.is_file():
            src = f.read_text(encoding="utf-8")
            assert "innerHTML" not in src and "insertAdjacentHTML" not in src and "document.write" not in src, name


def test_docs_page_works_offline(client: TestClient) -> None:
    """/docs loads Swagger UI from the server itself, never from a CDN (khabar runs with no internet)."""
    r = client.get("/docs")
    assert r.status_code == 200
    assert "cdn." not in r.text and "/docs/assets/swagger-ui-bundle.js" in r.text
    js = client.get("/docs/assets/swagger-ui-bundle.js")
    assert js.status_code == 200 and len(js.content) > 100_000
    assert client.get("/docs/assets/swagger-ui.css").status_code == 200
    assert "/docs" not in client.get("/openapi.json").json()["paths"]
