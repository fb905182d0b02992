"""The HTTP API and web pages (FastAPI): ``khabar serve``."""

from khabar.api.app import ApiSettings, create_app

__all__ = ["ApiSettings", "create_app"]
