"""Plain-text report of an :class:`Evaluation`: systems side by side, then events, then errors.

Fixed-width tables (no dependency) so the output reads in a terminal and
diffs cleanly in a log; numbers are percentages with one decimal, as in
most NER papers, with the raw counts beside the micro scores.
"""

from __future__ import annotations

from newsie.evaluate.metrics import PRF, Accuracy
from newsie.evaluate.runner import Evaluation, SystemResult


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def _prf(p: PRF | None) -> str:
    return "    -     -     -" if p is None else f"{_pct(p.precision)} {_pct(p.recall)} {_pct(p.f1)}"


def _acc(a: Accuracy) -> str:
    return "    n/a" if not a.total else f"{_pct(a.accuracy)}% ({a.correct}/{a.total})"


def entity_table(ev: Evaluation, mode: str) -> list[str]:
    """Per-label P/R/F1 for every system side by side; ``mode`` is ``strict`` or ``partial``."""
    systems = ev.systems
    per = [getattr(s.entities, f"{mode}_per_label") for s in systems]
    labels = sorted(set().union(*(p.keys() for p in per))) if per else []
    width = max([len(lbl) for lbl in labels] + [11])
    head = f"{'label':<{width}} {'gold':>5} | " + " | ".join(f"{s.name[:17]:^17}" for s in systems)
    sub = f"{'':<{width}} {'':>5} | " + " | ".join(f"{'P':>5} {'R':>5} {'F1':>5}" for _ in systems)
    lines = [head, sub, "-" * len(sub)]
    for label in labels:
        support = max((p[label].support for p in per if label in p), default=0)
        row = " | ".join(_prf(p.get(label)) for p in per)
        lines.append(f"{label:<{width}} {support:>5} | {row}")
    lines.append("-" * len(sub))
    totals = [getattr(s.entities, mode) for s in systems]
    support = totals[0].support if totals else 0
    lines.append(f"{'micro':<{width}} {support:>5} | " + " | ".join(_prf(t) for t in totals))
    return lines


def events_block(s: SystemResult) -> list[str]:
    e = s.events
    if e is None:
        return []
    lines = [f"events ({s.name}): {e.n_gold} gold events ({e.n_gold_mentions} mentions), {e.n_pred} records",
             f"{'':<30}     P     R    F1   tp  fp  fn"]

    def row(name: str, p: PRF) -> None:
        lines.append(f"  {name:<28} {_prf(p)} {p.tp:4d}{p.fp:4d}{p.fn:4d}")

    def acc(name: str, a: Accuracy) -> None:
        lines.append(f"  {name:<28} {_acc(a)}")

    row("trigger identification", e.trigger_identification)
    row("trigger classification", e.trigger_classification)
    acc("record precision", e.record_precision)
    row("argument identification", e.argument_identification)
    row("argument classification", e.argument_classification)
    for r, p in sorted(e.argument_classification_per_role.items()):
        row(f"  role {r}", p)
    acc("CAMEO root accuracy", e.cameo_root)
    acc("CAMEO code accuracy", e.cameo_code)
    acc("actor code accuracy", e.actor_code)
    acc("country accuracy", e.country)
    acc("casualty accuracy", e.casualties)
    acc("modality accuracy", e.modality)
    acc("time value accuracy", e.time_value)
    acc("quantity range accuracy", e.quantity_range)
    acc("age range accuracy", e.age_range)
    acc("fully right (gold events)", e.fully_right)
    row("record exact match (core)", e.record_exact)
    co = e.coreference
    lines.append(f"  {'coreference MUC':<28} {_pct(co.muc()['precision'])} {_pct(co.muc()['recall'])} "
                 f"{_pct(co.muc()['f1'])}  ({co.n_mentions} gold mentions)")
    lines.append(f"  {'coreference B3':<28} {_pct(co.b3()['precision'])} {_pct(co.b3()['recall'])} {_pct(co.b3()['f1'])}")
    if e.per_topic:
        lines += ["", f"  {'per topic':<20} {'docs':>4} {'gold':>5}  trigger cls P     R    F1   fully right"]
        for topic, t in sorted(e.per_topic.items()):
            lines.append(f"  {topic:<20} {t.n_docs:>4} {t.n_gold:>5}  {'':<10}{_prf(t.trigger_classification)}"
                         f"   {_acc(t.fully_right)}")
    if e.cameo_roots:
        lines += ["", f"  {'CAMEO root':<12} {'gold':>5} {'pred':>5} {'found':>5} {'right':>5}"]
        for root, r in sorted(e.cameo_roots.items()):
            lines.append(f"  {root:<12} {r.gold:>5} {r.predicted:>5} {r.found:>5} {r.correct:>5}")
    if e.per_type:
        lines += ["", f"  {'type':<20} {'gold':>5} {'pred':>5} {'ident':>5}     P     R    F1"]
        for t, r in sorted(e.per_type.items()):
            lines.append(f"  {t:<20} {r.gold:>5} {r.predicted:>5} {r.identified:>5} {_prf(r.classification)}")
    lines += ["", f"  types with no gold here ({len(e.types_without_gold)}): " + ", ".join(e.types_without_gold)]
    return lines


def errors_block(s: SystemResult, n: int) -> list[str]:
    if n <= 0:
        return []
    lines = [f"errors ({s.name}): {len(s.entity_errors)} entity errors (strict), first {min(n, len(s.entity_errors))}:"]
    for err in s.entity_errors[:n]:
        note = f"  <{err.note}>" if err.note else ""
        lines.append(f"  {err.kind} {err.label:<11} {err.doc_id}:{err.start}-{err.end} {err.context}{note}")
    if s.value_errors and s.entities.n_pred_norms:
        lines.append(f"  {len(s.value_errors)} wrong values on matched spans, first {min(n, len(s.value_errors))}:")
        for err in s.value_errors[:n]:
            lines.append(f"  VALUE {err.label:<8} {err.doc_id}:{err.start}-{err.end} {err.context}  <{err.note}>")
    if s.events is not None and s.event_errors:
        lines.append(f"  {len(s.event_errors)} event errors (trigger classification), first {min(n, len(s.event_errors))}:")
        for err in s.event_errors[:n]:
            lines.append(f"  {err.kind} {err.type:<11} {err.doc_id}:{err.start}-{err.end} {err.context}")
    if s.events is not None and s.argument_errors:
        lines.append(f"  {len(s.argument_errors)} argument errors (classification), first {min(n, len(s.argument_errors))}:")
        for err in s.argument_errors[:n]:
            lines.append(f"  {err.kind} {err.type:<20} {err.doc_id}:{err.start}-{err.end} {err.context}")
    return lines


def format_report(ev: Evaluation, errors: int = 0) -> str:
    """The whole report as one string (what ``newsie evaluate`` prints)."""
    out = [
        f"newsie evaluate: split {ev.split}: {ev.n_docs} documents ({ev.n_entity_docs} with entity gold), "
        f"{ev.n_gold_entities} gold entities, {ev.n_gold_events} gold events; labels: {ev.label_map}",
    ]
    out += ["systems: " + ", ".join(f"{s.name} ({s.model})" for s in ev.systems)]
    out += [f"note: {n}" for n in ev.notes]
    for s in ev.systems:
        if s.determiners_stripped:
            out.append(f"note: {s.name}: {s.n_stripped} entity spans lost a leading determiner")
    if ev.n_docs and not ev.n_entity_docs:
        out += ["", "entities: no entity gold in these documents (event-only gold), not scored"]
    else:
        out += ["", "entities, strict (exact span + label):", *entity_table(ev, "strict")]
        out += ["", "entities, partial (overlapping span + label):", *entity_table(ev, "partial")]
        out += ["", "entity value accuracy (norm of strictly matched spans with a gold norm):"]
        for s in ev.systems:
            unset = "" if s.entities.n_pred_norms else "  (this pipeline sets no span._.norm)"
            out.append(f"  {s.name:<17} {_acc(s.entities.values)}{unset}")
            for label, acc in sorted(s.entities.values_per_label.items()):
                out.append(f"    {label:<15} {_acc(acc)}")
            if s.entities.units.total and s.entities.n_pred_norms:
                out.append(f"    {'quantity unit':<15} {_acc(s.entities.units)}")
    for s in ev.systems:
        block = events_block(s)
        if block:
            out += ["", *block]
    errors = ev.error_limit(errors) or 0  # none on the test split, whoever calls
    for s in ev.systems:
        block = errors_block(s, errors)
        if block:
            out += ["", *block]
    return "\n".join(out) + "\n"
