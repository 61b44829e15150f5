"""Event scoring, ACE-style, over :class:`newsie.schema.EventRecord` lists.

Definitions (after Li, Ji & Huang 2013, the usual ACE 2005 event metrics),
adapted to character spans and to newsie's normalised values:

- trigger identification: a predicted trigger overlaps a gold trigger
  (one-to-one); classification: the event ``type`` agrees as well;
- argument identification: a predicted argument has the event type of a gold
  argument and either overlaps its span or has an equal normalised value
  (``norm`` name, time ``value``, quantity/age bounds), one-to-one;
  classification: the role agrees as well.  Scored per role, as ACE does,
  independently of whether the record's trigger was found;
- on records matched by trigger classification: modality accuracy, time value
  accuracy (gold time with a value), quantity and age range accuracy (gold
  slot with a bound);
- record exact match: a predicted record agrees with a gold record on every
  core slot (``data/events.yaml``); scored as P/R/F1, one-to-one.

Overlap rather than exact offsets because trigger and argument boundaries are
a matter of annotation convention ("troops" vs "Russian troops") while the
record is still right; the entity scores carry the strict boundary view.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from newsie.evaluate.entities import context
from newsie.evaluate.labels import load_data
from newsie.evaluate.metrics import PRF, Accuracy, match_pairs, overlap
from newsie.evaluate.values import numbers_equal, time_values_equal
from newsie.schema import (
    LIST_ROLES,
    ROLES,
    AgeArgument,
    Argument,
    EventRecord,
    QuantityArgument,
    TimeArgument,
)


def roles() -> list[str]:
    """The scored roles: the schema's (``actors``/``targets`` lists score each participant as a unit)."""
    return list(ROLES)


def core_slots() -> list[str]:
    return list(load_data("events.yaml")["core_slots"])


@dataclass(frozen=True)
class ArgItem:
    """One filled role of one record, as scored."""

    event_type: str
    role: str
    arg: Any  # Argument | TimeArgument | QuantityArgument | AgeArgument


@dataclass
class EventScores:
    n_gold: int = 0
    n_pred: int = 0
    trigger_identification: PRF = field(default_factory=PRF)
    trigger_classification: PRF = field(default_factory=PRF)
    trigger_classification_per_type: dict[str, PRF] = field(default_factory=dict)
    argument_identification: PRF = field(default_factory=PRF)
    argument_classification: PRF = field(default_factory=PRF)
    argument_identification_per_role: dict[str, PRF] = field(default_factory=dict)
    argument_classification_per_role: dict[str, PRF] = field(default_factory=dict)
    modality: Accuracy = field(default_factory=Accuracy)
    time_value: Accuracy = field(default_factory=Accuracy)
    quantity_range: Accuracy = field(default_factory=Accuracy)
    age_range: Accuracy = field(default_factory=Accuracy)
    record_exact: PRF = field(default_factory=PRF)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in self.__dict__.items():
            if isinstance(v, PRF | Accuracy):
                out[k] = v.to_dict()
            elif isinstance(v, dict):
                out[k] = {kk: vv.to_dict() for kk, vv in sorted(v.items())}
            else:
                out[k] = v
        return out


@dataclass
class EventError:
    """A gold record with no predicted record of its type on its trigger (FN), or the converse (FP)."""

    doc_id: str
    kind: str
    type: str
    start: int
    end: int
    text: str
    context: str

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


# -------------------------------------------------------------- comparisons
def norm_equal(a: Any, b: Any) -> bool:
    """Equal normalised value of two role fillers of the same kind; ``False`` when either has none."""
    if isinstance(a, TimeArgument) and isinstance(b, TimeArgument):
        return time_values_equal(a.value, b.value)
    if isinstance(a, QuantityArgument | AgeArgument) and type(a) is type(b):
        if a.min is None and a.max is None:
            return False
        return numbers_equal(a.min, b.min) and numbers_equal(a.max, b.max)
    if isinstance(a, Argument) and isinstance(b, Argument):
        return a.norm is not None and b.norm is not None and a.norm.casefold() == b.norm.casefold()
    return False


def arg_match_score(a: Any, b: Any) -> float | None:
    """Overlap in characters, or 0.5 for an equal normalised value without overlap; ``None`` for no match."""
    ov = overlap(a.start, a.end, b.start, b.end)
    if ov:
        return float(ov)
    return 0.5 if norm_equal(a, b) else None


def range_equal(gold: Any, pred: Any) -> bool:
    return pred is not None and numbers_equal(gold.min, pred.min) and numbers_equal(gold.max, pred.max)


def slot_agrees(slot: str, gold: EventRecord, pred: EventRecord) -> bool:
    """Does ``pred`` fill core ``slot`` as ``gold`` does (both empty, or matching)?

    Time, quantity and age must have the gold value when gold has one (a
    matching span with the wrong date is not the same record); other roles
    match on span overlap or equal ``norm``.
    """
    if slot in ("type", "modality"):
        return getattr(gold, slot) == getattr(pred, slot)
    if slot == "trigger":
        return overlap(gold.trigger.start, gold.trigger.end, pred.trigger.start, pred.trigger.end) > 0
    if slot in LIST_ROLES:  # every participant matched one-to-one, none extra
        gs, ps = getattr(gold, slot), getattr(pred, slot)
        return len(gs) == len(ps) and len(match_pairs(gs, ps, arg_match_score)) == len(gs)
    g, p = getattr(gold, slot), getattr(pred, slot)
    if g is None or p is None:
        return g is None and p is None
    if isinstance(g, TimeArgument) and g.value is not None:
        return isinstance(p, TimeArgument) and time_values_equal(g.value, p.value)
    if isinstance(g, QuantityArgument | AgeArgument) and (g.min is not None or g.max is not None):
        return range_equal(g, p)
    return arg_match_score(g, p) is not None


# ------------------------------------------------------------------- scorer
class EventScorer:
    """Accumulates event scores over documents; :meth:`add` one document at a time."""

    def __init__(self) -> None:
        self.scores = EventScores()
        self.errors: list[EventError] = []
        self.argument_errors: list[EventError] = []  # role fillers missed/invented (classification), type "TYPE.role"
        self._roles = roles()
        self._core = core_slots()
        self._types: dict[str, PRF] = defaultdict(PRF)
        self._arg_id: dict[str, PRF] = defaultdict(PRF)
        self._arg_cls: dict[str, PRF] = defaultdict(PRF)

    def _items(self, records: list[EventRecord]) -> list[ArgItem]:
        return [ArgItem(r.type, role, arg) for r in records for role in self._roles for arg in r.participants(role)]

    def add(self, doc_id: str, text: str, gold: list[EventRecord], pred: list[EventRecord]) -> None:
        s = self.scores
        s.n_gold += len(gold)
        s.n_pred += len(pred)

        def trig(g: EventRecord, p: EventRecord) -> float | None:
            return overlap(g.trigger.start, g.trigger.end, p.trigger.start, p.trigger.end) or None

        ident = match_pairs(gold, pred, trig)
        _count(s.trigger_identification, len(ident), len(gold), len(pred))
        cls = match_pairs(gold, pred, lambda g, p: trig(g, p) if g.type == p.type else None)
        _count(s.trigger_classification, len(cls), len(gold), len(pred))
        for gi, _ in cls:
            self._types[gold[gi].type].tp += 1
        matched_g, matched_p = {gi for gi, _ in cls}, {pi for _, pi in cls}
        for gi, g in enumerate(gold):
            if gi not in matched_g:
                self._types[g.type].fn += 1
                t = g.trigger
                self.errors.append(EventError(doc_id, "FN", g.type, t.start, t.end, t.text, context(text, t.start, t.end)))
        for pi, p in enumerate(pred):
            if pi not in matched_p:
                self._types[p.type].fp += 1
                t = p.trigger
                self.errors.append(EventError(doc_id, "FP", p.type, t.start, t.end, t.text, context(text, t.start, t.end)))

        # arguments (ACE: event type + span, then + role)
        g_items, p_items = self._items(gold), self._items(pred)
        arg_id = match_pairs(
            g_items, p_items, lambda g, p: arg_match_score(g.arg, p.arg) if g.event_type == p.event_type else None
        )
        self._per_role(self._arg_id, arg_id, g_items, p_items)
        arg_cls = match_pairs(
            g_items, p_items,
            lambda g, p: arg_match_score(g.arg, p.arg) if (g.event_type, g.role) == (p.event_type, p.role) else None,
        )
        self._per_role(self._arg_cls, arg_cls, g_items, p_items)
        found: list[EventError] = []
        for kind, items, matched in (("FN", g_items, {gi for gi, _ in arg_cls}),
                                     ("FP", p_items, {pi for _, pi in arg_cls})):
            for i, item in enumerate(items):
                if i not in matched:
                    a = item.arg
                    found.append(EventError(doc_id, kind, f"{item.event_type}.{item.role}", a.start, a.end, a.text,
                                            context(text, a.start, a.end)))
        self.argument_errors.extend(sorted(found, key=lambda e: (e.start, e.end, e.kind)))

        # values on records matched by trigger classification
        for gi, pi in cls:
            g, p = gold[gi], pred[pi]
            s.modality.add(g.modality == p.modality)
            if g.time is not None and g.time.value is not None:
                s.time_value.add(p.time is not None and time_values_equal(g.time.value, p.time.value))
            if g.quantity is not None and (g.quantity.min is not None or g.quantity.max is not None):
                s.quantity_range.add(range_equal(g.quantity, p.quantity))
            if g.age is not None and (g.age.min is not None or g.age.max is not None):
                s.age_range.add(range_equal(g.age, p.age))

        exact = match_pairs(
            gold, pred, lambda g, p: 1.0 if all(slot_agrees(k, g, p) for k in self._core) else None
        )
        _count(s.record_exact, len(exact), len(gold), len(pred))

    @staticmethod
    def _per_role(
        table: dict[str, PRF], pairs: list[tuple[int, int]], g_items: list[ArgItem], p_items: list[ArgItem]
    ) -> None:
        matched_g, matched_p = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
        for gi, g in enumerate(g_items):
            if gi in matched_g:
                table[g.role].tp += 1
            else:
                table[g.role].fn += 1
        for pi, p in enumerate(p_items):
            if pi not in matched_p:
                table[p.role].fp += 1

    def result(self) -> EventScores:
        s = self.scores
        s.trigger_classification_per_type = dict(self._types)
        s.argument_identification_per_role = dict(self._arg_id)
        s.argument_classification_per_role = dict(self._arg_cls)
        s.argument_identification, s.argument_classification = PRF(), PRF()
        for prf in self._arg_id.values():
            s.argument_identification += prf
        for prf in self._arg_cls.values():
            s.argument_classification += prf
        return s


def _count(prf: PRF, matched: int, n_gold: int, n_pred: int) -> None:
    prf.tp += matched
    prf.fp += n_pred - matched
    prf.fn += n_gold - matched


def score_events(
    docs: list[tuple[str, str, list[EventRecord], list[EventRecord]]],
) -> tuple[EventScores, list[EventError]]:
    """Score ``(doc_id, text, gold_events, predicted_events)`` tuples."""
    scorer = EventScorer()
    for doc_id, text, gold, pred in docs:
        scorer.add(doc_id, text, gold, pred)
    return scorer.result(), scorer.errors
