"""Time, quantity and age arguments: which span belongs to which event, and its value.

Values come from the normaliser (``span._.norm`` set by ``newsie_normalize``, or
the ``newsie.normalize`` functions when that component is not in the pipeline).
When neither yields a value the argument keeps its span and provenance but
``value``/``min``/``max`` stay ``None``: the extractor never invents a value.

Which event a date belongs to is decided in the tree: walk up from the date to
the first verb or event trigger; the date is the time of the event anchored
there ("the government on Jan. 20 ordered" - a date misattached to the subject
noun still reaches "ordered").  A date that measures an interval between two
events ("less than a week after X promised") is the time of neither.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

from spacy.tokens import Span, Token

from newsie.events.model import Candidate, Context, ValueFill
from newsie.schema import AgeValue, QuantityValue, TimeValue

AGE_RE = re.compile(r"\byears?[- ]old\b|\byear-olds?\b|^aged\b", re.IGNORECASE)
INTERVAL_MARKS = frozenset({"after", "before", "since", "until", "ago"})
NUMERIC_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
TIME_LABELS = frozenset({"DATE", "TIME"})


def _normalizer(name: str) -> Any | None:
    """A function of ``newsie.normalize`` if that package provides it (it is built in parallel)."""
    try:
        return getattr(importlib.import_module("newsie.normalize"), name)
    except (ImportError, AttributeError):
        return None


def _is_interval(ent: Span) -> bool:
    root = ent.root
    if root.dep_ != "npadvmod":
        return False
    head = root.head
    if head.lower_ in INTERVAL_MARKS:
        return True
    return any(c.dep_ == "mark" and c.lower_ in INTERVAL_MARKS for c in head.children)


def _is_age(ent: Span) -> bool:
    """"a 43-year-old man": an age tagged DATE by the NER is no event time."""
    if isinstance(ent._.norm, AgeValue | QuantityValue):
        return True
    return bool(AGE_RE.search(ent.text))


def governing_predicate(ctx: Context, ent: Span) -> Token | None:
    """The first verb or event trigger above a date entity, within its paragraph."""
    cur = ent.root
    while cur.head.i != cur.i and ctx.same_para(cur.i, cur.head.i):
        cur = cur.head
        if ent.start <= cur.i < ent.end:
            continue
        if cur.i in ctx.trigger_heads or cur.i in ctx.by_anchor or cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def _purpose_of(ctx: Context, cand: Candidate) -> int | None:
    """The verb an event's infinitival purpose clause hangs on ("gathered ... to protest" -> gathered)."""
    anchor = ctx.doc[cand.anchor]
    if anchor.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children) \
            and anchor.head.i not in ctx.by_anchor and ctx.same_para(anchor.i, anchor.head.i):
        return anchor.head.i
    return None


def _subject_of(ctx: Context, cand: Candidate) -> int | None:
    """The verb a nominal event is the subject of, when that verb is no event itself ("the attack *hit* a
    market", "the summit *will take place*"): the verb's clause is the event's own clause."""
    noun = ctx.doc[cand.head]
    verb = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX") and verb.i not in ctx.by_anchor \
            and ctx.same_para(noun.i, verb.i):
        return verb.i
    return None


def time_value(ctx: Context, ent: Span) -> TimeValue | None:
    norm = ent._.norm
    if isinstance(norm, TimeValue):
        return norm
    resolve = _normalizer("resolve_date")
    if resolve is None:
        return None
    tense_of = _normalizer("tense_of")
    try:
        tense = tense_of(ent) if tense_of is not None else None
        value = resolve(ent.text, ctx.doc._.date, tense)
    except Exception:  # noqa: BLE001 - a normaliser failure must not lose the event
        return None
    return value if isinstance(value, TimeValue) else None


def assign_times(ctx: Context, cands: list[Candidate]) -> None:
    """Give each candidate the date/time entity whose governing predicate is its anchor or trigger."""
    # Indexes built once (candidates in their order), so each date costs a look-up, not a scan of all events.
    by_pred: dict[int, list[Candidate]] = {}
    by_purpose: dict[int, list[Candidate]] = {}
    by_subject: dict[int, list[Candidate]] = {}
    for c in cands:
        for i in dict.fromkeys((c.anchor, c.head)):
            by_pred.setdefault(i, []).append(c)
        purpose = _purpose_of(ctx, c)
        if purpose is not None:
            by_purpose.setdefault(purpose, []).append(c)
        if c.nominal and not c.supported:
            subject = _subject_of(ctx, c)
            if subject is not None:
                by_subject.setdefault(subject, []).append(c)
    for ent in ctx.ents:
        if ent.label_ not in TIME_LABELS or _is_interval(ent) or _is_age(ent):
            continue
        gov = governing_predicate(ctx, ent)
        if gov is None:
            continue
        owners = by_pred.get(gov.i, [])
        rule = f"time:{ent.root.head.lower_}"
        if not owners:  # "gathered in Tehran on Friday to protest": the purpose clause's event takes it
            owners, rule = by_purpose.get(gov.i, []), f"time:purpose:{ent.root.head.lower_}"
        if not owners:  # "the offensive began on Monday": the clause of a nominal event that is its subject
            owners, rule = by_subject.get(gov.i, []), f"time:subject_clause:{ent.root.head.lower_}"
        for cand in owners:
            if cand.time is None:
                cand.time = ValueFill(ent.start, ent.end, rule, time_value(ctx, ent))
                break


def _quantity_value(ent: Span) -> QuantityValue | None:
    norm = ent._.norm
    if isinstance(norm, QuantityValue):
        return norm
    parse = _normalizer("parse_quantity")
    if parse is None:
        return None
    try:
        value = parse(ent.text, label=ent.label_)
    except Exception:  # noqa: BLE001
        return None
    return value if isinstance(value, QuantityValue) else None


def _age_from_norms(ctx: Context, start: int, end: int, head: Token) -> ValueFill | None:
    for ent in ctx.ents_overlapping(start, end):
        if isinstance(ent._.norm, AgeValue):
            return ValueFill(ent.start, ent.end, "age:norm", ent._.norm)
    age_of = _normalizer("age_of")
    if age_of is None:
        return None
    try:
        found = age_of(head)
    except Exception:  # noqa: BLE001
        return None
    if found is None:
        return None
    span, value = found
    return ValueFill(span.start, span.end, f"age:{value.rule or 'age_of'}", value)


def assign_amounts(ctx: Context, cand: Candidate) -> None:
    """Quantity and age of the people/things an event is about (its theme, else target)."""
    fill = cand.roles.get("theme") or cand.roles.get("target")
    if fill is None:
        return
    head = ctx.doc[fill.head]
    age = _age_from_norms(ctx, fill.start_tok, fill.end_tok, head)
    if age is not None and fill.start_tok <= age.start_tok and age.end_tok <= fill.end_tok + 1:
        cand.age = age
    for ent in ctx.ents_overlapping(fill.start_tok, fill.end_tok):
        if ent.label_ not in NUMERIC_LABELS:
            continue
        if cand.age is not None and ent.start < cand.age.end_tok and ent.end > cand.age.start_tok:
            continue
        if isinstance(ent._.norm, AgeValue):
            continue
        value = _quantity_value(ent)
        counted = ent.root.head if ent.root.dep_ in ("nummod", "quantmod") else head
        if value is not None and value.unit is None and counted.pos_ in ("NOUN", "PROPN") and not counted.like_num:
            value = value.model_copy(update={"unit": counted.text.lower()})
        cand.quantity = ValueFill(ent.start, ent.end, "quantity:theme", value)
        return
