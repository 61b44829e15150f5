"""Evaluation of newsie (and baseline pipelines) against hand-labelled gold.

``newsie.evaluate(gold, nlp=...)`` returns an :class:`Evaluation`;
``newsie evaluate GOLD...`` prints it.  Gold is read from newsie JSONL, BRAT
standoff or spaCy DocBin (:mod:`newsie.evaluate.gold`); entities are scored by
:mod:`newsie.evaluate.entities`, events by :mod:`newsie.evaluate.events`.
"""

from __future__ import annotations

import importlib
from typing import Any

#: public name -> submodule that defines it (imported on first use: ``newsie evaluate --help``
#: and ``newsie --help`` import this package and must stay cheap)
_EXPORTS = {
    "EntityError": "entities", "EntityScores": "entities", "EntSpan": "entities", "score_entities": "entities",
    "EventError": "events", "EventScores": "events", "score_events": "events",
    "GoldFormatError": "gold", "GoldIssue": "gold", "load_gold": "gold",
    "LabelMap": "labels", "load_label_map": "labels",
    "PRF": "metrics", "Accuracy": "metrics",
    "Evaluation": "runner", "SystemResult": "runner", "evaluate": "runner",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'newsie.evaluate' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"newsie.evaluate.{module}"), name)
    globals()[name] = value
    return value

__all__ = list(_EXPORTS)
