"""Event scoring for schema 2.0 records (one record per real-world event, every mention listed).

Matching.  A system record matches the gold event one of whose ``mentions``
overlaps any of the record's mentions (best overlap in characters,
one-to-one, :func:`newsie.evaluate.metrics.match_pairs`).  Why mentions and
not the trigger alone: gold lists every mention of an event ("the attack",
"the bombing", the headline), and a record found from any of them found the
event; one-to-one matching makes a second record of the same event a false
positive, which is what an analyst counting records experiences.

Numbers (all in :class:`EventScores`, all in the JSON report):

- trigger identification (mention match, any type) and classification (the
  same type as well), P/R/F1 over events; ``record_precision`` = records
  matching a gold event with the right type / all records;
- on records matched with the right type ("matched records"): arguments per
  role, identification (the span overlaps a gold argument of the matched
  event, or has an equal normalised value) and classification (the role
  agrees too); ``actors``/``targets`` count each participant as a unit;
  unmatched records' arguments are false positives, unmatched gold events'
  false negatives;
- CAMEO root and full-code accuracy over identification matches whose gold
  carries a code, and a table root -> (gold, predicted, found, correct);
- actor-code and country accuracy of matched actors/targets (gold participants
  with a code or a country);
- casualty accuracy (killed and injured ranges equal), modality accuracy,
  time-value accuracy (gold time with a value), quantity/age range accuracy;
- "fully right": the share of gold events matched with the right type, the
  same actors and targets (one-to-one, none missing, none extra), the gold time
  value (when gold has one) and the same modality;
- event coreference over gold mentions: each gold mention is assigned to the
  system record with a mention overlapping it most (a singleton when none);
  MUC and B-cubed compare that clustering with the gold events' mention sets;
- per-topic trigger F1 and fully-right share, a per-type table, and the types
  of the inventory with no gold in the scored documents;
- record exact match on the core slots (``data/events.yaml``).

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
    EVENT_TYPES,
    LIST_ROLES,
    ROLES,
    AgeArgument,
    Argument,
    CasualtyCount,
    EventRecord,
    Mention,
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
    """One filler of one role of one record, as scored."""

    event_type: str
    role: str
    arg: Any  # Argument | Participant | TimeArgument | QuantityArgument | AgeArgument


@dataclass
class Coreference:
    """MUC and B-cubed sums over gold mentions (micro over documents)."""

    muc_recall_num: int = 0
    muc_recall_den: int = 0
    muc_precision_num: int = 0
    muc_precision_den: int = 0
    b3_precision_sum: float = 0.0
    b3_recall_sum: float = 0.0
    n_mentions: int = 0

    @staticmethod
    def _f(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def muc(self) -> dict[str, float]:
        p = self.muc_precision_num / self.muc_precision_den if self.muc_precision_den else 0.0
        r = self.muc_recall_num / self.muc_recall_den if self.muc_recall_den else 0.0
        return {"precision": p, "recall": r, "f1": self._f(p, r)}

    def b3(self) -> dict[str, float]:
        p = self.b3_precision_sum / self.n_mentions if self.n_mentions else 0.0
        r = self.b3_recall_sum / self.n_mentions if self.n_mentions else 0.0
        return {"precision": p, "recall": r, "f1": self._f(p, r)}

    def add(self, key: list[int], response: list[Any]) -> None:
        """One document: ``key[i]``/``response[i]`` are the gold and system cluster ids of gold mention ``i``."""
        k_sets: dict[Any, set[int]] = defaultdict(set)
        r_sets: dict[Any, set[int]] = defaultdict(set)
        for i, (k, r) in enumerate(zip(key, response, strict=True)):
            k_sets[k].add(i)
            r_sets[r].add(i)
        for cluster in k_sets.values():
            self.muc_recall_num += len(cluster) - len({response[i] for i in cluster})
            self.muc_recall_den += len(cluster) - 1
        for cluster in r_sets.values():
            self.muc_precision_num += len(cluster) - len({key[i] for i in cluster})
            self.muc_precision_den += len(cluster) - 1
        for i in range(len(key)):
            kc, rc = k_sets[key[i]], r_sets[response[i]]
            inter = len(kc & rc)
            self.b3_precision_sum += inter / len(rc)
            self.b3_recall_sum += inter / len(kc)
        self.n_mentions += len(key)

    def to_dict(self) -> dict[str, Any]:
        return {"n_gold_mentions": self.n_mentions, "muc": self.muc(), "b3": self.b3(),
                "avg_f1": (self.muc()["f1"] + self.b3()["f1"]) / 2}


@dataclass
class TopicScores:
    n_docs: int = 0
    n_gold: int = 0
    trigger_identification: PRF = field(default_factory=PRF)
    trigger_classification: PRF = field(default_factory=PRF)
    fully_right: Accuracy = field(default_factory=Accuracy)

    def to_dict(self) -> dict[str, Any]:
        return _jsonable(self.__dict__)


@dataclass
class TypeRow:
    """One event type: gold events, records predicted, gold events found (any type) and classified."""

    gold: int = 0
    predicted: int = 0
    identified: int = 0
    classification: PRF = field(default_factory=PRF)

    def to_dict(self) -> dict[str, Any]:
        return _jsonable(self.__dict__)


@dataclass
class RootRow:
    """One CAMEO root: gold events with it, records predicted with it, gold events found, found with this root."""

    gold: int = 0
    predicted: int = 0
    found: int = 0
    correct: int = 0

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class EventScores:
    n_gold: int = 0
    n_pred: int = 0
    n_gold_mentions: int = 0
    trigger_identification: PRF = field(default_factory=PRF)
    trigger_classification: PRF = field(default_factory=PRF)
    record_precision: Accuracy = field(default_factory=Accuracy)
    trigger_classification_per_type: dict[str, PRF] = field(default_factory=dict)
    per_type: dict[str, TypeRow] = field(default_factory=dict)
    types_without_gold: list[str] = field(default_factory=list)
    argument_identification: PRF = field(default_factory=PRF)
    argument_classification: PRF = field(default_factory=PRF)
    argument_identification_per_role: dict[str, PRF] = field(default_factory=dict)
    argument_classification_per_role: dict[str, PRF] = field(default_factory=dict)
    cameo_root: Accuracy = field(default_factory=Accuracy)
    cameo_code: Accuracy = field(default_factory=Accuracy)
    cameo_roots: dict[str, RootRow] = field(default_factory=dict)
    actor_code: Accuracy = field(default_factory=Accuracy)
    country: Accuracy = field(default_factory=Accuracy)
    casualties: Accuracy = field(default_factory=Accuracy)
    modality: Accuracy = field(default_factory=Accuracy)
    time_value: Accuracy = field(default_factory=Accuracy)
    quantity_range: Accuracy = field(default_factory=Accuracy)
    age_range: Accuracy = field(default_factory=Accuracy)
    fully_right: Accuracy = field(default_factory=Accuracy)
    coreference: Coreference = field(default_factory=Coreference)
    per_topic: dict[str, TopicScores] = field(default_factory=dict)
    record_exact: PRF = field(default_factory=PRF)

    def to_dict(self) -> dict[str, Any]:
        return _jsonable(self.__dict__)


def _jsonable(value: Any) -> Any:
    """Scores as JSON-ready values: score objects by their ``to_dict``, dicts sorted by key."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


@dataclass
class EventError:
    """A gold event with no record of its type on its mentions (FN), or the converse (FP)."""

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
def mention_overlap(gold: EventRecord, pred: EventRecord) -> float | None:
    """The largest overlap (characters) between a gold mention and a system mention; ``None`` when none."""
    best = max((overlap(g.start, g.end, p.start, p.end) for g in gold.mentions for p in pred.mentions), default=0)
    return float(best) if best else None


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


def count_equal(gold: CasualtyCount | None, pred: CasualtyCount | None) -> bool:
    """Casualty counts agree: both absent, or the same ``min``/``max`` (``approx`` and parts not compared)."""
    if gold is None or pred is None:
        return gold is None and pred is None
    return numbers_equal(gold.min, pred.min) and numbers_equal(gold.max, pred.max)


def participants_equal(role: str, gold: EventRecord, pred: EventRecord) -> bool:
    """Every participant of ``role`` matched one-to-one (span overlap or equal ``norm``), none extra."""
    gs, ps = gold.participants(role), pred.participants(role)
    return len(gs) == len(ps) and len(match_pairs(gs, ps, arg_match_score)) == len(gs)


def slot_agrees(slot: str, gold: EventRecord, pred: EventRecord) -> bool:
    """Does ``pred`` fill core ``slot`` as ``gold`` does (both empty, or matching)?

    Time, quantity and age must have the gold value when gold has one (a
    matching span with the wrong date is not the same record); list roles
    must match participant for participant; other roles match on span
    overlap or equal ``norm``.
    """
    if slot in ("type", "modality"):
        return getattr(gold, slot) == getattr(pred, slot)
    if slot == "trigger":
        return mention_overlap(gold, pred) is not None
    if slot in LIST_ROLES:
        return participants_equal(slot, gold, pred)
    g, p = getattr(gold, slot), getattr(pred, slot)
    if g is None or p is None:
        return g is None and p is None
    if isinstance(g, TimeArgument) and g.value is not None:
        return isinstance(p, TimeArgument) and time_values_equal(g.value, p.value)
    if isinstance(g, QuantityArgument | AgeArgument) and (g.min is not None or g.max is not None):
        return range_equal(g, p)
    return arg_match_score(g, p) is not None


def fully_right(gold: EventRecord, pred: EventRecord) -> bool:
    """The record an analyst needs: right type, all actors and targets, the gold time value, the modality."""
    if gold.type != pred.type or gold.modality != pred.modality:
        return False
    if not all(participants_equal(role, gold, pred) for role in LIST_ROLES):
        return False
    if gold.time is not None and gold.time.value is not None:
        return pred.time is not None and time_values_equal(gold.time.value, pred.time.value)
    return True


def response_clusters(gold: list[EventRecord], pred: list[EventRecord]) -> tuple[list[int], list[Any]]:
    """Gold and system cluster ids of every gold mention (gold event index; best-overlapping record or singleton)."""
    key: list[int] = []
    response: list[Any] = []
    for gi, g in enumerate(gold):
        for mi, m in enumerate(g.mentions):
            key.append(gi)
            best, best_ov = None, 0
            for pi, p in enumerate(pred):
                ov = max((overlap(m.start, m.end, q.start, q.end) for q in p.mentions), default=0)
                if ov > best_ov:
                    best, best_ov = pi, ov
            response.append(best if best is not None else ("unmatched", gi, mi))
    return key, response


# ------------------------------------------------------------------- scorer
class EventScorer:
    """Accumulates event scores over documents; :meth:`add` one document at a time."""

    def __init__(self) -> None:
        self.scores = EventScores()
        self.errors: list[EventError] = []
        self.argument_errors: list[EventError] = []  # role fillers missed/invented (classification), "TYPE.role"
        self._roles = roles()
        self._core = core_slots()
        self._types: dict[str, TypeRow] = defaultdict(TypeRow)
        self._arg_id: dict[str, PRF] = defaultdict(PRF)
        self._arg_cls: dict[str, PRF] = defaultdict(PRF)
        self._roots: dict[str, RootRow] = defaultdict(RootRow)
        self._topics: dict[str, TopicScores] = defaultdict(TopicScores)

    def _items(self, rec: EventRecord) -> list[ArgItem]:
        return [ArgItem(rec.type, role, arg) for role in self._roles for arg in rec.participants(role)]

    def add(self, doc_id: str, text: str, gold: list[EventRecord], pred: list[EventRecord],
            topic: str | None = None) -> None:
        s = self.scores
        s.n_gold += len(gold)
        s.n_pred += len(pred)
        s.n_gold_mentions += sum(len(g.mentions) for g in gold)

        ident = match_pairs(gold, pred, mention_overlap)
        cls = match_pairs(gold, pred, lambda g, p: mention_overlap(g, p) if g.type == p.type else None)
        _count(s.trigger_identification, len(ident), len(gold), len(pred))
        _count(s.trigger_classification, len(cls), len(gold), len(pred))
        for _ in pred:
            s.record_precision.total += 1
        s.record_precision.correct += len(cls)
        top = self._topics[topic or "(none)"]
        top.n_docs += 1
        top.n_gold += len(gold)
        _count(top.trigger_identification, len(ident), len(gold), len(pred))
        _count(top.trigger_classification, len(cls), len(gold), len(pred))

        # per type and errors
        for g in gold:
            self._types[g.type].gold += 1
        for p in pred:
            self._types[p.type].predicted += 1
        for gi, _ in ident:
            self._types[gold[gi].type].identified += 1
        matched_g, matched_p = {gi for gi, _ in cls}, {pi for _, pi in cls}
        for gi, g in enumerate(gold):
            row = self._types[g.type].classification
            if gi in matched_g:
                row.tp += 1
            else:
                row.fn += 1
                self.errors.append(_error(doc_id, text, "FN", g.type, g.trigger))
        for pi, p in enumerate(pred):
            if pi not in matched_p:
                self._types[p.type].classification.fp += 1
                self.errors.append(_error(doc_id, text, "FP", p.type, p.trigger))

        # CAMEO on identification matches
        for g in gold:
            if g.cameo_root is not None:
                self._roots[g.cameo_root].gold += 1
        for p in pred:
            if p.cameo_root is not None:
                self._roots[p.cameo_root].predicted += 1
        for gi, pi in ident:
            g, p = gold[gi], pred[pi]
            if g.cameo is not None and g.cameo_root is not None:
                s.cameo_root.add(p.cameo_root == g.cameo_root)
                s.cameo_code.add(p.cameo == g.cameo)
                self._roots[g.cameo_root].found += 1
                self._roots[g.cameo_root].correct += int(p.cameo_root == g.cameo_root)

        # arguments on records matched with the right type
        pairs = dict(cls)
        found: list[EventError] = []
        for gi, g in enumerate(gold):
            g_items = self._items(g)
            p_items = self._items(pred[pairs[gi]]) if gi in pairs else []
            self._arguments(doc_id, text, g_items, p_items, found)
        for pi, p in enumerate(pred):
            if pi not in matched_p:
                self._arguments(doc_id, text, [], self._items(p), found)
        self.argument_errors.extend(sorted(found, key=lambda e: (e.start, e.end, e.kind)))

        # values on matched records
        for gi, pi in cls:
            g, p = gold[gi], pred[pi]
            s.modality.add(g.modality == p.modality)
            if g.time is not None and g.time.value is not None:
                s.time_value.add(p.time is not None and time_values_equal(g.time.value, p.time.value))
            if g.quantity is not None and (g.quantity.min is not None or g.quantity.max is not None):
                s.quantity_range.add(range_equal(g.quantity, p.quantity))
            if g.age is not None and (g.age.min is not None or g.age.max is not None):
                s.age_range.add(range_equal(g.age, p.age))
            if g.casualties is not None and (g.casualties.killed is not None or g.casualties.injured is not None):
                pc = p.casualties
                s.casualties.add(count_equal(g.casualties.killed, pc.killed if pc else None)
                                 and count_equal(g.casualties.injured, pc.injured if pc else None))
            for role in LIST_ROLES:
                gs, ps = g.participants(role), p.participants(role)
                for a, b in match_pairs(gs, ps, arg_match_score):
                    if gs[a].code is not None:
                        s.actor_code.add(ps[b].code == gs[a].code)
                    if gs[a].code is not None or gs[a].country is not None:
                        s.country.add(ps[b].country == gs[a].country)
        for gi, g in enumerate(gold):
            ok = gi in pairs and fully_right(g, pred[pairs[gi]])
            s.fully_right.add(ok)
            top.fully_right.add(ok)

        # coreference over gold mentions
        key, response = response_clusters(gold, pred)
        s.coreference.add(key, response)

        exact = match_pairs(gold, pred, lambda g, p: 1.0 if all(slot_agrees(k, g, p) for k in self._core) else None)
        _count(s.record_exact, len(exact), len(gold), len(pred))

    def _arguments(self, doc_id: str, text: str, g_items: list[ArgItem], p_items: list[ArgItem],
                   found: list[EventError]) -> None:
        """Score the arguments of one gold event against those of its matched record (either may be empty)."""
        arg_id = match_pairs(g_items, p_items, lambda g, p: arg_match_score(g.arg, p.arg))
        _per_role(self._arg_id, arg_id, g_items, p_items)
        arg_cls = match_pairs(g_items, p_items,
                              lambda g, p: arg_match_score(g.arg, p.arg) if g.role == p.role else None)
        _per_role(self._arg_cls, arg_cls, g_items, p_items)
        for kind, items, matched in (("FN", g_items, {gi for gi, _ in arg_cls}),
                                     ("FP", p_items, {pi for _, pi in arg_cls})):
            for i, item in enumerate(items):
                if i not in matched:
                    a = item.arg
                    found.append(EventError(doc_id, kind, f"{item.event_type}.{item.role}", a.start, a.end, a.text,
                                            context(text, a.start, a.end)))

    def result(self) -> EventScores:
        s = self.scores
        s.per_type = dict(self._types)
        s.trigger_classification_per_type = {t: row.classification for t, row in self._types.items()}
        s.types_without_gold = sorted(t for t in EVENT_TYPES if not self._types.get(t, TypeRow()).gold)
        s.argument_identification_per_role = dict(self._arg_id)
        s.argument_classification_per_role = dict(self._arg_cls)
        s.argument_identification, s.argument_classification = PRF(), PRF()
        for prf in self._arg_id.values():
            s.argument_identification += prf
        for prf in self._arg_cls.values():
            s.argument_classification += prf
        s.cameo_roots = dict(self._roots)
        s.per_topic = dict(self._topics)
        return s


def _per_role(table: dict[str, PRF], pairs: list[tuple[int, int]], g_items: list[ArgItem],
              p_items: list[ArgItem]) -> None:
    matched_g, matched_p = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
    for gi, g in enumerate(g_items):
        if gi in matched_g:
            table[g.role].tp += 1
        else:
            table[g.role].fn += 1
    for pi, p in enumerate(p_items):
        if pi not in matched_p:
            table[p.role].fp += 1


def _error(doc_id: str, text: str, kind: str, type_: str, m: Mention) -> EventError:
    return EventError(doc_id, kind, type_, m.start, m.end, m.text, context(text, m.start, m.end))


def _count(prf: PRF, matched: int, n_gold: int, n_pred: int) -> None:
    prf.tp += matched
    prf.fp += n_pred - matched
    prf.fn += n_gold - matched


def score_events(
    docs: list[tuple[str, str, list[EventRecord], list[EventRecord]]]
    | list[tuple[str, str, list[EventRecord], list[EventRecord], str | None]],
) -> tuple[EventScores, list[EventError]]:
    """Score ``(doc_id, text, gold_events, predicted_events[, topic])`` tuples."""
    scorer = EventScorer()
    for doc in docs:
        scorer.add(*doc)
    return scorer.result(), scorer.errors
