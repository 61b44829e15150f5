"""newsie: entities and structured event records from English news, offline.

>>> import newsie
>>> result = newsie.extract(text, date="2023-02-02")
>>> [e.type for e in result.events]
"""

from __future__ import annotations

__version__ = "0.1.0"

from newsie import extensions  # noqa: E402  (declare Doc/Span attributes on import)
from newsie.api import doc_to_result, extract, extract_many  # noqa: E402
from newsie.evaluate import evaluate  # noqa: E402  (the function shadows the subpackage attribute on purpose)
from newsie.pipeline import load  # noqa: E402
from newsie.schema import EventRecord, Result  # noqa: E402

__all__ = ["__version__", "extensions", "load", "extract", "extract_many", "doc_to_result", "Result", "EventRecord",
           "evaluate"]
