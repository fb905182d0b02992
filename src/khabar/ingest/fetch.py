"""Fetching articles and feeds over HTTP(S), politely and with limits.

* only ``http`` and ``https`` URLs, and redirects only to ``http``/``https``
  (at most :data:`MAX_REDIRECTS`);
* a connect/read timeout (seconds) and a size cap: bodies larger than
  ``max_bytes`` are refused, never truncated silently;
* a user agent that names khabar and says what it is;
* at most one request per host every ``delay`` seconds.

Uses the standard library (``urllib``), so the default install needs nothing more.
Every failure is a :class:`~khabar.errors.InputError` naming the URL and the reason.
"""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from khabar import __version__
from khabar.errors import InputError

__all__ = ["Fetcher", "Response", "USER_AGENT", "MAX_REDIRECTS", "is_url"]

USER_AGENT = f"khabar/{__version__} (Arabic news event extraction; research use; +https://github.com/khabar)"
MAX_REDIRECTS = 5
_SCHEMES = ("http", "https")


def is_url(s: str) -> bool:
    """True for an ``http://`` or ``https://`` URL."""
    return urlsplit(s).scheme.lower() in _SCHEMES and bool(urlsplit(s).netloc)


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched body: ``url`` is the final URL after redirects."""

    url: str
    status: int
    content_type: str
    charset: str | None
    body: bytes


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urlsplit(newurl).scheme.lower() not in _SCHEMES:
            raise InputError(req.full_url, f"redirects to {newurl!r}, which is not an http(s) URL; refused")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


@dataclass
class Fetcher:
    """An HTTP client with khabar's limits.

    Args:
        timeout: seconds for connecting and for each read.
        max_bytes: refuse bodies larger than this (default 10 MiB).
        delay: minimum seconds between two requests to the same host.
        user_agent: the User-Agent header.
    """

    timeout: float = 20.0
    max_bytes: int = 10 * 1024 * 1024
    delay: float = 1.0
    user_agent: str = USER_AGENT
    _last: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _opener(self) -> urllib.request.OpenerDirector:
        # no ProxyHandler from the environment, no file:/ftp: handlers
        return urllib.request.build_opener(_Redirects(), urllib.request.ProxyHandler({}))

    def _wait(self, host: str) -> None:
        if self.delay <= 0:
            return
        with self._lock:
            now = time.monotonic()
            wait = self._last.get(host, -1e9) + self.delay - now
            self._last[host] = now + max(wait, 0.0)
        if wait > 0:
            time.sleep(wait)

    def get(self, url: str) -> Response:
        """GET ``url``.

        Raises:
            InputError: not an http(s) URL, a redirect to another scheme, an
                HTTP error status, a timeout, a network error, or a body over
                ``max_bytes``.
        """
        if not is_url(url):
            raise InputError(url, "is not an http(s) URL")
        self._wait(urlsplit(url).netloc.lower())
        req = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"})
        try:
            with self._opener().open(req, timeout=self.timeout) as resp:
                length = resp.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > self.max_bytes:
                    raise InputError(url, f"is {int(length) / 1048576:.1f} MiB; the limit is {self.max_bytes / 1048576:.0f} MiB (--max-bytes)")
                body = resp.read(self.max_bytes + 1)
                if len(body) > self.max_bytes:
                    raise InputError(url, f"is larger than the limit of {self.max_bytes / 1048576:.0f} MiB (--max-bytes)")
                ctype = resp.headers.get_content_type() or ""
                return Response(url=resp.geturl(), status=resp.status, content_type=ctype, charset=resp.headers.get_content_charset(), body=body)
        except InputError:
            raise
        except urllib.error.HTTPError as exc:
            raise InputError(url, f"HTTP {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, InputError):
                raise reason from None
            raise InputError(url, f"cannot be fetched ({reason})") from None
        except TimeoutError:
            raise InputError(url, f"timed out after {self.timeout:g} s") from None
        except OSError as exc:
            raise InputError(url, f"cannot be fetched ({exc})") from None
