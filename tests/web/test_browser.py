"""Browser tests: Playwright drives Debian's Chromium against a live `khabar serve`.

Skipped with a clear message when Chromium or Playwright is missing (``.ci/run``
installs Debian's ``chromium``). Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = os.environ.get("KHABAR_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed (apt-get install chromium); browser tests skipped")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    uvicorn = pytest.importorskip("uvicorn")
    from fastapi.testclient import TestClient

    from khabar.api import ApiSettings, create_app

    db = tmp_path_factory.mktemp("web") / "khabar.db"
    app = create_app(ApiSettings(db_url=f"sqlite:///{db}"))
    seed = TestClient(app)
    for txt in sorted((REPO / "examples").glob("*.txt")):
        meta = json.loads(txt.with_suffix(".meta.json").read_text(encoding="utf-8"))
        seed.post("/v1/documents", json={"text": txt.read_text(encoding="utf-8"), "published": meta["published"], "url": f"https://example.org/{txt.stem}"})
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    th = threading.Thread(target=srv.run, daemon=True)
    th.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    th.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield b
        b.close()


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def test_reader_highlights_the_bundled_example(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + "/")
    page.click("#example")
    page.wait_for_selector("#result:not([hidden])", timeout=20000)
    assert page.locator("#article .seg.GPE").count() > 0
    assert page.locator("#article .seg.timex").count() > 0
    assert page.locator("#article .seg.trigger").count() > 0
    assert page.locator("#events li").count() > 0
    assert page.get_attribute("#article", "dir") == "rtl"
    page.locator("#events li").first.click()
    assert page.locator("#cards .itemcard").count() > 0
    _shot(page, "reader.png")
    page.close()


def test_article_markup_renders_inert(server, browser):
    page = browser.new_page()
    page.goto(server + "/")
    evil = 'قال الوزير <script>window.__pwned = 1</script> ثم <img src=x onerror="window.__pwned = 2"> في بغداد أمس.'
    page.fill("#text", evil)
    page.click("#run")
    page.wait_for_selector("#result:not([hidden])", timeout=20000)
    assert page.evaluate("window.__pwned") is None
    assert "<script>" in page.inner_text("#article")
    assert page.locator("#article img").count() == 0 and page.locator("#article script").count() == 0
    page.close()


def test_explore_filters_timeline_and_map(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(server + "/explore")
    page.wait_for_selector("#events tbody tr", timeout=20000)
    assert page.locator("#timeline svg rect").count() > 0
    assert page.locator("#map svg circle.place").count() > 0
    page.select_option("#f-type", "ASSAULT")
    page.click("#apply")
    page.wait_for_function("document.querySelectorAll('#events tbody tr').length > 0 && [...document.querySelectorAll('#events tbody tr')].every(r => r.dataset.type === 'ASSAULT')", timeout=20000)
    _shot(page, "explore.png")
    page.close()
