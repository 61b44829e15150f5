"""Counts, precision/recall/F1 and one-to-one span matching shared by the entity and event scorers.

Why a matcher of our own: strict scoring is set intersection, but partial
(overlap) scoring and event scoring need each gold item used at most once, or a
long predicted span overlapping two gold spans would count twice.  Matching
finds as many pairs as possible, preferring larger overlaps (deterministic).
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


def match_pairs(
    golds: Sequence[G], preds: Sequence[P], score: Callable[[G, P], float | None]
) -> list[tuple[int, int]]:
    """Pair gold and predicted items one-to-one: as many pairs as possible, better scores first.

    ``score`` returns ``None`` for a pair that may not match.  A maximum
    cardinality bipartite matching (Kuhn's augmenting paths) whose search
    tries each gold item's candidates best score first, gold items with the
    best candidate first.  Why not plain greedy: greedy lets one long span
    take the partner another span needed ("Kyiv on Monday" taking "Monday"
    from the time argument) and under-counts hits.  Returns
    ``(gold_index, pred_index)`` pairs sorted by gold index.
    """
    adj: list[list[tuple[float, int]]] = []
    for g in golds:
        row = []
        for pi, p in enumerate(preds):
            s = score(g, p)
            if s is not None:
                row.append((-s, pi))
        row.sort()
        adj.append(row)
    owner: dict[int, int] = {}  # pred index -> gold index

    def augment(gi: int, seen: set[int]) -> bool:
        for _, pi in adj[gi]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in owner or augment(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    order = sorted((row[0][0], gi) for gi, row in enumerate(adj) if row)
    for _, gi in order:
        augment(gi, set())
    return sorted((gi, pi) for pi, gi in owner.items())
