"""Normalised values for numeric and temporal entities (issue 4).

Plain functions (used by the events extractor and the tests):

- :func:`parse_quantity` / :func:`parse_number` / :func:`parse_ordinal` (``numbers``)
- :func:`parse_age` / :func:`age_of` (``ages``)
- :func:`resolve_date` / :func:`tense_of` (``dates``)

spaCy components (``component``): ``newsie_numbers`` merges/relabels number
spans after NER, ``newsie_normalize`` fills ``span._.norm``.  Attributes are
resolved lazily so that importing the package (which spaCy does for every
factory entry point) stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "parse_quantity": "numbers",
    "parse_number": "numbers",
    "parse_ordinal": "numbers",
    "parse_age": "ages",
    "age_of": "ages",
    "resolve_date": "dates",
    "tense_of": "dates",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'newsie.normalize' has no attribute {name!r}")
    return getattr(importlib.import_module(f"newsie.normalize.{module}"), name)


__all__ = list(_EXPORTS)
