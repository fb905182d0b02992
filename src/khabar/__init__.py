"""khabar — Arabic news into structured, source-grounded event data.

>>> import khabar
>>> doc = khabar.extract(text, published="2021-02-16")
>>> doc.to_dict()   # the SPEC.md record

Every entity, date, quantity, quote and event carries half-open code-point
offsets into ``doc.text``.
"""

import logging

from khabar.doc import Document, Meta
from khabar.errors import KhabarError
from khabar.pipeline import Pipeline, default_pipeline, extract

__version__ = "0.1.0"
__all__ = ["Document", "Meta", "KhabarError", "Pipeline", "default_pipeline", "extract", "__version__"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
