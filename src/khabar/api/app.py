"""khabar's HTTP API and web reader (FastAPI).

Endpoints (all JSON; OpenAPI schema at ``/openapi.json``, docs at ``/docs``):

* ``POST /v1/extract`` — an article (JSON ``{"text"| "html", "url", "title",
  "published"}``, or a raw ``text/plain`` / ``text/html`` body in any
  encoding :func:`khabar.ingest.decode_bytes` reads) → the SPEC record.
  Bodies over ``max_bytes`` (default 2 MiB) get 413; undecodable bodies and
  bad fields get 422 with a reason.
* ``POST /v1/documents``, ``GET /v1/documents``, ``GET /v1/documents/{id}``,
  ``GET /v1/events``, ``GET /v1/entities/{id}``, ``GET /v1/stats/timeline`` —
  the stored corpus, when the app has a store (see :mod:`khabar.api.corpus`).
* ``GET /`` the reader page, ``GET /explore`` the events explorer; static
  assets are packaged (no CDN), so the pages work offline.

Every error is ``{"error": {"status": int, "message": str}}`` with a message
a person understands; no stack trace leaves the server.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from khabar import __version__
from khabar.errors import ConfigError, InputError, KhabarError

__all__ = ["ApiSettings", "create_app", "ExtractRequest"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ApiSettings:
    """Settings of one app instance.

    Attributes:
        db_url: SQLAlchemy URL of the store (``None``: no corpus endpoints).
        max_bytes: the largest request body accepted, in bytes (default 2 MiB).
        cors_origins: origins allowed by CORS (empty: CORS off, the default).
    """

    db_url: str | None = None
    max_bytes: int = 2 * 1024 * 1024
    cors_origins: tuple[str, ...] = ()


class ExtractRequest(BaseModel):
    """The body of ``POST /v1/extract`` and ``POST /v1/documents``."""

    text: str | None = Field(None, description="Article text (plain). Give text or html.")
    html: str | None = Field(None, description="An HTML page; its main text is extracted with trafilatura.")
    url: str | None = None
    title: str | None = None
    published: dt.date | None = Field(None, description="Publication date YYYY-MM-DD: the anchor for relative dates.")


class ApiError(Exception):
    """An error with an HTTP status and a message for people."""

    def __init__(self, status: int, message: str) -> None:
        self.status = status
        self.message = message
        super().__init__(message)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)


def _static(name: str) -> str:
    return resources.files("khabar.web").joinpath("static", name).read_text(encoding="utf-8")


def _examples() -> list[dict[str, Any]]:
    """The articles under ``examples/`` of a source checkout (empty for a wheel install)."""
    import json
    from pathlib import Path

    import khabar

    folder = Path(khabar.__file__).resolve().parents[2] / "examples"
    out = []
    for txt in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
        meta_path = txt.with_suffix(".meta.json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        out.append({"name": txt.stem, "title": meta.get("title"), "published": meta.get("published"), "text": txt.read_text(encoding="utf-8")})
    return out


def _article_from(req: ExtractRequest) -> tuple[str, dict[str, Any]]:
    """(text, metadata) from a request; HTML goes through trafilatura."""
    from khabar.ingest.read import _from_html

    if req.text is not None and req.html is not None:
        raise ApiError(422, "give either 'text' or 'html', not both")
    if req.html is not None:
        try:
            raw = _from_html(req.html, "<request>", "utf-8")
        except InputError as exc:
            raise ApiError(422, exc.reason) from None
        return raw.text, {"title": req.title or raw.title, "url": req.url or raw.url, "published": req.published or raw.published, "source": raw.site}
    if req.text is None or not req.text.strip():
        raise ApiError(422, "the article is empty: give a non-empty 'text' (or 'html')")
    return req.text, {"title": req.title, "url": req.url, "published": req.published, "source": None}


def _offline_docs(app: FastAPI) -> None:
    """Serve the interactive API documentation at ``/docs`` with Swagger UI's files from the
    ``swagger-ui-bundle`` package (``/docs/assets/…``), so that the page works with no internet.
    Without that package there is no ``/docs`` (the schema stays at ``/openapi.json``)."""
    try:
        import swagger_ui_bundle
    except ImportError:  # pragma: no cover - a dependency; only a broken install lacks it
        return
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.staticfiles import StaticFiles

    app.mount("/docs/assets", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger-assets")

    @app.get("/docs", include_in_schema=False)
    async def _docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json", title="khabar API",
            swagger_js_url="/docs/assets/swagger-ui-bundle.js", swagger_css_url="/docs/assets/swagger-ui.css",
            swagger_favicon_url="/docs/assets/favicon-32x32.png",
        )


def create_app(settings: ApiSettings | None = None) -> FastAPI:
    """Build the FastAPI app.

    Args:
        settings: :class:`ApiSettings`; the defaults bind no store and allow
            2 MiB bodies.

    Returns:
        A FastAPI application (serve it with uvicorn, or test it with
        ``fastapi.testclient.TestClient``).
    """
    cfg = settings or ApiSettings()
    app = FastAPI(
        title="khabar",
        version=__version__,
        description="Arabic news → entities, TIMEX3 dates, quantities, quotes and PLOVER events, with character offsets.",
        docs_url=None,  # served below from the packaged Swagger UI: FastAPI's default page loads it from a CDN
        redoc_url=None,
    )
    app.state.settings = cfg
    _offline_docs(app)
    if cfg.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cfg.cors_origins), allow_methods=["GET", "POST"])

    @app.middleware("http")
    async def _size_cap(request: Request, call_next: Any) -> Response:
        length = request.headers.get("content-length")
        if length is not None:
            try:
                too_big = int(length) > cfg.max_bytes
            except ValueError:
                return _error(400, "the Content-Length header is not a number")
            if too_big:
                return _error(413, f"the request body is {int(length):,} bytes; the limit is {cfg.max_bytes:,} bytes")
        try:
            return await call_next(request)  # type: ignore[no-any-return]
        except Exception:  # never leak a traceback
            log.exception("unhandled error on %s %s", request.method, request.url.path)
            return _error(500, "khabar failed on this request; the server log has the details")

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.message)

    @app.exception_handler(KhabarError)
    async def _khabar_error(_: Request, exc: KhabarError) -> JSONResponse:
        status = 422 if isinstance(exc, (InputError, ConfigError)) else 500
        return _error(status, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for e in exc.errors()[:5]:
            where = ".".join(str(x) for x in e.get("loc", ()) if x != "body") or "body"
            parts.append(f"{where}: {e.get('msg', 'invalid')}")
        return _error(422, "; ".join(parts) or "the request is not valid")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        msg = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and msg == "Not Found":
            msg = "no such page or resource"
        return _error(exc.status_code, msg)

    async def _read_request(request: Request) -> ExtractRequest:
        body = await request.body()
        if len(body) > cfg.max_bytes:
            raise ApiError(413, f"the request body is {len(body):,} bytes; the limit is {cfg.max_bytes:,} bytes")
        ctype = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
        if ctype in ("text/plain", "text/html"):
            from khabar.ingest.read import decode_bytes

            if not body.strip():
                raise ApiError(422, "the request body is empty")
            try:
                text, _ = decode_bytes(body, "request body")
            except InputError as exc:
                raise ApiError(422, exc.reason) from None
            q = request.query_params
            try:
                pub = dt.date.fromisoformat(q["published"]) if q.get("published") else None
            except ValueError:
                raise ApiError(422, f"published {q.get('published')!r} is not a date YYYY-MM-DD") from None
            field = "html" if ctype == "text/html" else "text"
            return ExtractRequest(**{field: text}, url=q.get("url"), title=q.get("title"), published=pub)
        if ctype != "application/json":
            raise ApiError(415, f"unsupported content type {ctype!r}; send application/json, text/plain or text/html")
        try:
            raw = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ApiError(422, f"the JSON body is not valid UTF-8 (byte {exc.start}); send UTF-8 JSON, or the article as text/plain") from None
        try:
            return ExtractRequest.model_validate_json(raw)
        except Exception as exc:  # pydantic ValidationError: summarize
            errs = getattr(exc, "errors", lambda: [])()
            if errs:
                e = errs[0]
                where = ".".join(str(x) for x in e.get("loc", ())) or "body"
                raise ApiError(422, f"{where}: {e.get('msg', 'invalid')}") from None
            raise ApiError(422, "the body is not valid JSON") from None

    extract_doc = {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": ExtractRequest.model_json_schema()},
                "text/plain": {"schema": {"type": "string"}},
                "text/html": {"schema": {"type": "string"}},
            },
        }
    }

    @app.post("/v1/extract", summary="Extract one article", openapi_extra=extract_doc, tags=["extract"])
    async def extract_endpoint(request: Request) -> JSONResponse:
        """Run the whole pipeline on the article in the body and return the SPEC record."""
        from khabar.pipeline import extract

        from starlette.concurrency import run_in_threadpool

        req = await _read_request(request)
        text, meta = _article_from(req)
        doc = await run_in_threadpool(
            extract, text, published=meta["published"], url=meta["url"], title=meta["title"], source=meta["source"]
        )
        return JSONResponse(doc.to_dict())

    @app.get("/v1/health", tags=["meta"], summary="Liveness and version")
    async def health() -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "store": bool(cfg.db_url)}

    @app.get("/v1/examples", tags=["extract"], summary="The bundled example articles (source checkouts only)")
    async def examples() -> dict[str, Any]:
        return {"examples": [{k: v for k, v in e.items() if k != "text"} for e in _examples()]}

    @app.get("/v1/examples/{name}", tags=["extract"], summary="One bundled example article")
    async def example(name: str) -> dict[str, Any]:
        for e in _examples():
            if e["name"] == name:
                return e
        raise ApiError(404, f"no example named {name!r}")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def reader() -> HTMLResponse:
        return HTMLResponse(_static("reader.html"))

    @app.get("/explore", response_class=HTMLResponse, include_in_schema=False)
    async def explore() -> HTMLResponse:
        return HTMLResponse(_static("explore.html"))

    @app.get("/static/{name}", include_in_schema=False)
    async def static(name: str) -> Response:
        types = {".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml"}
        ext = name[name.rfind(".") :] if "." in name else ""
        if "/" in name or ".." in name or ext not in types:
            raise ApiError(404, "no such file")
        try:
            body = _static(name)
        except (FileNotFoundError, OSError):
            raise ApiError(404, "no such file") from None
        return Response(body, media_type=types[ext], headers={"Cache-Control": "max-age=300"})

    try:
        from khabar.api.corpus import mount_corpus
    except ImportError:  # pragma: no cover - the corpus module is part of the package
        mount_corpus = None
    if mount_corpus is not None:
        mount_corpus(app, cfg, ApiError, _read_request, _article_from)
    return app
