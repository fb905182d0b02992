"""``khabar serve``: the HTTP API and the web pages."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from khabar.errors import ConfigError


def serve(
    db: Annotated[Optional[str], typer.Option("--db", help="Database URL of the corpus (e.g. sqlite:///khabar.db or postgresql+psycopg://…). Without it only /v1/extract and the reader work.")] = None,
    host: Annotated[str, typer.Option(help="Address to bind. The default serves this machine only; use 0.0.0.0 deliberately.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 8000,
    max_bytes: Annotated[int, typer.Option(help="Largest request body accepted, in bytes.", min=1)] = 2 * 1024 * 1024,
    cors: Annotated[Optional[list[str]], typer.Option("--cors", help="Allow this origin via CORS (repeatable). Off by default.")] = None,
) -> None:
    """Serve the API (OpenAPI at /docs) and the web reader at http://HOST:PORT/.

    Example:

        khabar serve --db sqlite:///khabar.db --port 8000
    """
    try:
        import uvicorn
    except ImportError as exc:  # pragma: no cover - uvicorn is a dependency
        raise ConfigError(f"uvicorn is not installed ({exc}); reinstall khabar") from None
    from khabar.api import ApiSettings, create_app

    app = create_app(ApiSettings(db_url=db, max_bytes=max_bytes, cors_origins=tuple(cors or ())))
    typer.echo(f"khabar: serving on http://{host}:{port}/ (API docs at /docs); Ctrl-C stops", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
