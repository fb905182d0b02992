"""``khabar serve``: the HTTP API and the web pages."""

from __future__ import annotations

import errno
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

    if db is not None:  # fail now, not with 500s later: the file must exist and open (it is upgraded if old)
        from khabar.store import Store

        Store(db, create=False).close()
    _check_port(host, port)
    app = create_app(ApiSettings(db_url=db, max_bytes=max_bytes, cors_origins=tuple(cors or ())))
    typer.echo(f"khabar: serving on http://{host}:{port}/ (API docs at /docs); Ctrl-C stops", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _check_port(host: str, port: int) -> None:
    """Raise :class:`ConfigError` when ``host:port`` cannot be listened on (in use, not an address of this machine, privileged)."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise ConfigError(f"--host {host!r} is not an address this machine can listen on ({exc.strerror})") from None
    family, kind, proto, _, addr = infos[0]
    with socket.socket(family, kind, proto) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: a port in TIME_WAIT is free
        try:
            s.bind(addr)
        except OSError as exc:
            hint = "another program is using the port; stop it or choose another with --port" if exc.errno == errno.EADDRINUSE else "choose another --host or --port"
            raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror}; {hint}") from None
