"""newsie: entities and structured event records from English news, offline.

>>> import newsie
>>> result = newsie.extract(text, date="2023-02-02")
>>> [e.type for e in result.events]

Why the public names resolve lazily (PEP 562 ``__getattr__``): ``import newsie`` happens
for every spaCy factory entry point and for ``newsie --help``, and importing spaCy
imports torch; the pipeline, the schema and the evaluation are imported on first use.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

#: The one version source: pyproject.toml reads it (``[tool.setuptools.dynamic]``).
__version__ = "0.1.0"

#: public name -> module that defines it
_EXPORTS = {
    "load": "newsie.pipeline",
    "NerModelError": "newsie.pipeline",
    "extract": "newsie.api",
    "extract_many": "newsie.api",
    "doc_to_result": "newsie.api",
    "Result": "newsie.schema",
    "EventRecord": "newsie.schema",
    "extensions": "newsie.extensions",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'newsie' has no attribute {name!r}")
    if name == "extensions":
        value: Any = importlib.import_module(module)
    else:
        value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS, "evaluate"])


class _Newsie(types.ModuleType):
    """The package module, so that ``newsie.evaluate`` stays the function.

    Why: importing the subpackage ``newsie.evaluate`` (which ``newsie evaluate``
    does) makes the import system bind the subpackage to the package attribute
    ``evaluate``; a property on the module's class wins over that binding.
    """

    @property
    def evaluate(self) -> Any:
        from newsie.evaluate.runner import evaluate

        return evaluate

    @evaluate.setter
    def evaluate(self, value: Any) -> None:
        """Ignore the import system's binding of the subpackage (it stays in ``sys.modules``)."""


sys.modules[__name__].__class__ = _Newsie

__all__ = ["__version__", *_EXPORTS, "evaluate"]
