"""A local HTTP server on 127.0.0.1 for fetch tests (never the internet)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

ARTICLE = (
    "<html><head><title>{title}</title><meta property='article:published_time' content='2024-03-02'></head>"
    "<body><article><h1>{title}</h1><p>{body}</p><p>{body2}</p></article></body></html>"
)


class Site:
    """Routes: path -> (status, headers, body bytes)."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.agents: list[str] = []
        self.base = ""

    def add(self, path: str, body: str | bytes, ctype: str = "text/html; charset=utf-8", status: int = 200, headers: dict[str, str] | None = None) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = (status, {"Content-Type": ctype, **(headers or {})}, data)
        return self.base + path


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            s.agents.append(self.headers.get("User-Agent", ""))
            status, headers, body = s.routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"not found"))
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    s.base = f"http://127.0.0.1:{srv.server_address[1]}"
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield s
    srv.shutdown()
    srv.server_close()
