"""Entity scoring: strict and partial P/R/F1 (micro and per label) and value accuracy.

Strict = same character offsets and label, counted as multisets exactly as
spaCy's ``get_ner_prf`` does (a test checks the two agree).  Partial = same
label and overlapping spans, matched one-to-one (largest overlap first), so a
boundary error ("the North Korea" vs "North Korea") is visible as the gap
between the two.  Value accuracy is the share of strictly matched
DATE/TIME/CARDINAL/QUANTITY/MONEY/PERCENT spans (those with a gold ``norm``)
whose predicted ``norm`` equals it (numbers for quantities; the counted unit
is scored apart, where gold names one).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from newsie.evaluate.labels import value_labels
from newsie.evaluate.metrics import PRF, Accuracy, match_pairs, overlap
from newsie.evaluate.values import as_value, units_equal, values_equal
from newsie.schema import NameValue, QuantityValue, TimeValue

CONTEXT_CHARS = 40


@dataclass(frozen=True)
class EntSpan:
    """An entity as scored: character offsets, label (already mapped) and optional normalised value."""

    start: int
    end: int
    label: str
    norm: Any = None

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label)


@dataclass
class EntityError:
    """A false positive or false negative under strict matching, with context for reading it."""

    doc_id: str
    kind: str  # "FP" or "FN"
    label: str
    start: int
    end: int
    text: str
    context: str
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class EntityScores:
    strict: PRF = field(default_factory=PRF)
    partial: PRF = field(default_factory=PRF)
    strict_per_label: dict[str, PRF] = field(default_factory=dict)
    partial_per_label: dict[str, PRF] = field(default_factory=dict)
    values: Accuracy = field(default_factory=Accuracy)
    values_per_label: dict[str, Accuracy] = field(default_factory=dict)
    units: Accuracy = field(default_factory=Accuracy)  # quantity units, where gold names one
    n_docs: int = 0
    n_pred_norms: int = 0  # predicted spans carrying a norm: 0 means the pipeline has no normaliser

    def to_dict(self) -> dict[str, Any]:
        return {
            "n_docs": self.n_docs,
            "n_pred_norms": self.n_pred_norms,
            "strict": self.strict.to_dict(),
            "partial": self.partial.to_dict(),
            "strict_per_label": {k: v.to_dict() for k, v in sorted(self.strict_per_label.items())},
            "partial_per_label": {k: v.to_dict() for k, v in sorted(self.partial_per_label.items())},
            "values": self.values.to_dict(),
            "values_per_label": {k: v.to_dict() for k, v in sorted(self.values_per_label.items())},
            "units": self.units.to_dict(),
        }


def context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """``...left [span] right...`` on one line, for error listings."""
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    pre = "..." if start > width else ""
    post = "..." if end + width < len(text) else ""
    return " ".join(f"{pre}{left}[{text[start:end]}]{right}{post}".split())


def describe_value(value: Any) -> str:
    """A short form of a value for error listings: ``2023-01-20``, ``300..500 person``, ``~5000``."""
    v = as_value(value)
    if v is None:
        return "none"
    if isinstance(v, TimeValue):
        return v.value + (f" ({v.mod})" if v.mod else "")
    if isinstance(v, NameValue):
        return v.name
    lo, hi = v.min, v.max
    num = f"{lo:g}" if lo == hi and lo is not None else f"{'' if lo is None else f'{lo:g}'}..{'' if hi is None else f'{hi:g}'}"
    approx = "~" if v.approx else ""
    unit = f" {v.unit}" if isinstance(v, QuantityValue) and v.unit else ""
    return f"{approx}{num}{unit}"


class EntityScorer:
    """Accumulates entity scores over documents; :meth:`add` one document at a time."""

    def __init__(self, scored_value_labels: frozenset[str] | None = None) -> None:
        self.scores = EntityScores()
        self.errors: list[EntityError] = []
        self.value_errors: list[EntityError] = []  # matched spans whose value is wrong
        self._value_labels = value_labels() if scored_value_labels is None else scored_value_labels
        self._strict: dict[str, PRF] = defaultdict(PRF)
        self._partial: dict[str, PRF] = defaultdict(PRF)
        self._values: dict[str, Accuracy] = defaultdict(Accuracy)

    def add(self, doc_id: str, text: str, gold: list[EntSpan], pred: list[EntSpan]) -> None:
        self.scores.n_docs += 1
        self.scores.n_pred_norms += sum(p.norm is not None for p in pred)
        # strict: multiset intersection on (start, end, label)
        g_count = Counter(g.key for g in gold)
        p_count = Counter(p.key for p in pred)
        for key in g_count.keys() | p_count.keys():
            tp = min(g_count[key], p_count[key])
            prf = self._strict[key[2]]
            prf.tp += tp
            prf.fp += p_count[key] - tp
            prf.fn += g_count[key] - tp
        # partial: one-to-one, same label, overlapping
        pairs = match_pairs(
            gold, pred, lambda g, p: (overlap(g.start, g.end, p.start, p.end) or None) if g.label == p.label else None
        )
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        for gi, _ in pairs:
            self._partial[gold[gi].label].tp += 1
        for pi, p in enumerate(pred):
            if pi not in matched_p:
                self._partial[p.label].fp += 1
        for gi, g in enumerate(gold):
            if gi not in matched_g:
                self._partial[g.label].fn += 1
        # values on strict matches (each gold span used once)
        by_key: dict[tuple[int, int, str], list[EntSpan]] = defaultdict(list)
        for p in pred:
            by_key[p.key].append(p)
        for g in gold:
            if g.label not in self._value_labels or g.norm is None or not by_key.get(g.key):
                continue
            p = by_key[g.key].pop(0)
            ok = values_equal(g.norm, p.norm)
            self._values[g.label].add(ok)
            if not ok:
                self.value_errors.append(
                    EntityError(doc_id, "VALUE", g.label, g.start, g.end, text[g.start:g.end],
                                context(text, g.start, g.end),
                                f"gold {describe_value(g.norm)}, predicted {describe_value(p.norm)}")
                )
            unit_ok = units_equal(g.norm, p.norm)
            if unit_ok is not None:
                self.scores.units.add(unit_ok)
        self._collect_errors(doc_id, text, gold, pred, g_count, p_count)

    def _collect_errors(
        self, doc_id: str, text: str, gold: list[EntSpan], pred: list[EntSpan],
        g_count: Counter, p_count: Counter,
    ) -> None:
        g_left, p_left = Counter(g_count), Counter(p_count)
        for key in g_count:
            tp = min(g_count[key], p_count[key])
            g_left[key] -= tp
            p_left[key] -= tp
        found: list[EntityError] = []
        for p in sorted(pred, key=lambda s: s.key):
            if p_left[p.key] <= 0:
                continue
            p_left[p.key] -= 1
            found.append(
                EntityError(doc_id, "FP", p.label, p.start, p.end, text[p.start:p.end],
                            context(text, p.start, p.end), _note(text, p, gold, "gold"))
            )
        for g in sorted(gold, key=lambda s: s.key):
            if g_left[g.key] <= 0:
                continue
            g_left[g.key] -= 1
            found.append(
                EntityError(doc_id, "FN", g.label, g.start, g.end, text[g.start:g.end],
                            context(text, g.start, g.end), _note(text, g, pred, "predicted"))
            )
        # in text order, so a boundary FP sits next to its FN
        self.errors.extend(sorted(found, key=lambda e: (e.start, e.end, e.kind)))

    def result(self) -> EntityScores:
        s = self.scores
        s.strict_per_label = dict(self._strict)
        s.partial_per_label = dict(self._partial)
        s.values_per_label = dict(self._values)
        s.strict, s.partial, s.values = PRF(), PRF(), Accuracy()
        for prf in self._strict.values():
            s.strict += prf
        for prf in self._partial.values():
            s.partial += prf
        for acc in self._values.values():
            s.values += acc
        return s


def _note(text: str, span: EntSpan, others: list[EntSpan], side: str) -> str:
    """Why a strict error is one: a boundary or label disagreement with an overlapping span, if any."""
    best = max(others, key=lambda o: overlap(span.start, span.end, o.start, o.end), default=None)
    if best is None or overlap(span.start, span.end, best.start, best.end) == 0:
        return ""
    what = "boundary" if best.label == span.label else "label"
    if best.label != span.label and (best.start, best.end) != (span.start, span.end):
        what = "label+boundary"
    return f"{what}: {side} {best.label} {text[best.start:best.end]!r}"


def score_entities(
    docs: list[tuple[str, str, list[EntSpan], list[EntSpan]]], scored_value_labels: frozenset[str] | None = None
) -> tuple[EntityScores, list[EntityError]]:
    """Score ``(doc_id, text, gold, pred)`` tuples; returns scores and strict errors."""
    scorer = EntityScorer(scored_value_labels)
    for doc_id, text, gold, pred in docs:
        scorer.add(doc_id, text, gold, pred)
    return scorer.result(), scorer.errors
