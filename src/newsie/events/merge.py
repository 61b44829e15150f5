"""Cross-sentence merging of candidates, driven by ``data/merges.yaml``.

Two kinds, both recorded in the surviving record's ``mentions``:

* ``follow_up``: an ORDER whose complement sends people somewhere is continued
  by the next sentence's DEPLOY that gives the count and ages ("ordered ... to
  pick out personnel to be sent ..." + "Between 300 and 500 men aged 19 to 27
  are expected to be tossed into eastern Ukraine").
* ``anaphoric``: a definite/possessed nominal mention ("the speech", "Putin's
  speech") of a type recorded earlier is the same event, not a new one.
"""

from __future__ import annotations

from newsie.events.model import Candidate, Context
from newsie.events.resources import ROLE_NAMES, MergeRule

ROLE_FIELDS = ROLE_NAMES


def _get(cand: Candidate, name: str) -> object | None:
    if name in ROLE_FIELDS:
        return cand.roles.get(name)
    return getattr(cand, name)


def _set(cand: Candidate, name: str, value: object) -> None:
    if name in ROLE_FIELDS:
        cand.roles[name] = value  # type: ignore[assignment]
    else:
        setattr(cand, name, value)


def _absorb_fields(into: Candidate, other: Candidate, rule: MergeRule) -> None:
    for name in rule.overwrite:
        value = _get(other, name)
        if value is not None:
            _set(into, name, value)
    for name in rule.fill:
        if _get(into, name) is None and _get(other, name) is not None:
            _set(into, name, _get(other, name))
    into.merged.append(other)
    into.merge_rules.append(rule.name)
    other.dropped = f"merged into {into.id} by {rule.name}"


def _compatible_actor(a: Candidate, b: Candidate) -> bool:
    fa, fb = a.roles.get("actor"), b.roles.get("actor")
    if fa is None or fb is None:
        return True
    return fa.norm is not None and fa.norm == fb.norm


def _follow_up(cands: list[Candidate], rule: MergeRule) -> None:
    live = [c for c in cands if c.dropped is None]
    for into in live:
        if into.type not in rule.into or into.dropped is not None:
            continue
        if rule.into_absorbed and not any(s.type in rule.into_absorbed for s in into.all_absorbed()):
            continue
        for other in live:
            if other is into or other.dropped is not None or other.type not in rule.from_:
                continue
            if not 0 < other.sent - into.sent <= rule.window:
                continue
            if rule.actor == "compatible" and not _compatible_actor(into, other):
                continue
            _absorb_fields(into, other, rule)
            if rule.modality == "from":
                into.modality, into.modality_rule = other.modality, other.modality_rule
            break


def _is_anaphoric(ctx: Context, cand: Candidate, rule: MergeRule) -> bool:
    if not cand.nominal:
        return False
    noun = ctx.doc[cand.head]
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in rule.determiners:
            return True
        if child.dep_ == "poss" and (rule.possessive or child.lower_ in rule.determiners):
            return True
    return False


def _anaphoric(ctx: Context, cands: list[Candidate], rule: MergeRule) -> None:
    for n, cand in enumerate(cands):
        if cand.dropped is not None or not _is_anaphoric(ctx, cand, rule):
            continue
        earlier = [c for c in cands[:n] if c.dropped is None and c.type == cand.type]
        if not earlier:
            continue
        target = earlier[-1]
        for name in rule.fill:
            if _get(target, name) is None and _get(cand, name) is not None:
                _set(target, name, _get(cand, name))
        target.merged.append(cand)
        target.merge_rules.append(rule.name)
        cand.dropped = f"merged into {target.id} by {rule.name}"


def apply_merges(ctx: Context, cands: list[Candidate], rules: tuple[MergeRule, ...]) -> None:
    """Run the merge rules in order over candidates sorted by position."""
    for rule in rules:
        if rule.kind == "follow_up":
            _follow_up(cands, rule)
        else:
            _anaphoric(ctx, cands, rule)
