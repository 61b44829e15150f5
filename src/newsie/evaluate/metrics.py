"""Counts, precision/recall/F1 and one-to-one span matching shared by the entity and event scorers.

Why a matcher of our own: strict scoring is set intersection, but partial
(overlap) scoring and event scoring need each gold item used at most once, or a
long predicted span overlapping two gold spans would count twice.  Matching is
greedy on a score (largest overlap first, ties in document order), which is the
usual CoNLL/ACE-evaluation practice and deterministic.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

G = TypeVar("G")
P = TypeVar("P")


@dataclass
class PRF:
    """True/false positive and false negative counts with the derived scores.

    Scores are 0.0 (not NaN) when a denominator is zero, as spaCy's
    ``PRFScore`` does, so tables and JSON never carry NaN.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        """Number of gold items (tp + fn)."""
        return self.tp + self.fn

    def __iadd__(self, other: PRF) -> PRF:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": self.precision, "recall": self.recall, "f1": self.f1,
        }


@dataclass
class Accuracy:
    """Correct out of scored items (e.g. value accuracy on matched spans); 0.0 when nothing was scored."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    def __iadd__(self, other: Accuracy) -> Accuracy:
        self.correct += other.correct
        self.total += other.total
        return self

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.accuracy}


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Number of characters shared by two half-open spans (0 if disjoint)."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def greedy_match(
    golds: Sequence[G], preds: Sequence[P], score: Callable[[G, P], float | None]
) -> list[tuple[int, int]]:
    """Pair gold and predicted items one-to-one, best ``score`` first.

    ``score`` returns ``None`` for a pair that may not match.  Returns
    ``(gold_index, pred_index)`` pairs sorted by gold index.
    """
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            s = score(g, p)
            if s is not None:
                candidates.append((-s, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)
