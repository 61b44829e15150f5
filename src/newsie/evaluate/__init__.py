"""Evaluation of newsie (and baseline pipelines) against hand-labelled gold.

``newsie.evaluate(gold, nlp=...)`` returns an :class:`Evaluation`;
``newsie evaluate GOLD...`` prints it.  Gold is read from newsie JSONL, BRAT
standoff or spaCy DocBin (:mod:`newsie.evaluate.gold`); entities are scored by
:mod:`newsie.evaluate.entities`, events by :mod:`newsie.evaluate.events`.
"""

from __future__ import annotations

from newsie.evaluate.entities import EntityError, EntityScores, EntSpan, score_entities
from newsie.evaluate.events import EventError, EventScores, score_events
from newsie.evaluate.gold import GoldFormatError, GoldIssue, load_gold
from newsie.evaluate.labels import LabelMap, load_label_map
from newsie.evaluate.metrics import PRF, Accuracy
from newsie.evaluate.runner import Evaluation, SystemResult, evaluate

__all__ = [
    "evaluate", "Evaluation", "SystemResult", "EntityScores", "EventScores", "EntityError", "EventError",
    "EntSpan", "PRF", "Accuracy", "GoldFormatError", "GoldIssue", "LabelMap", "load_gold", "load_label_map",
    "score_entities", "score_events",
]
