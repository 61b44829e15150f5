"""Modality and polarity of an event from its governing context (cues in ``data/cues.yaml``).

The walk starts at the event's anchor and climbs through the predicates that
govern it ("are *expected* to be tossed", "*thought better* of sending",
"the *decision* to send", "*may* launch", "*If* Ukraine conducts").  It stops at
a reporting frame ("officials warn that ..." - what they warn about is not
itself a warning), at an adverbial or coordinated clause (they have their own
modality) and at a paragraph boundary.  All cues found are ranked
(``modality_rank``); the strongest wins.  The type's default (DECIDE is
``planned``) applies when no cue fires.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsie.events.model import Candidate, Context
from newsie.events.syntax import norm_text

#: prepositions that introduce a complement ("thought better *of* sending", "*by* sending")
COMPLEMENT_PREPS = frozenset({"of", "by", "against", "to", "for", "about", "on"})
#: dependency labels crossed upwards when looking for a governing predicate
GOVERNING_DEPS = frozenset({"xcomp", "pcomp", "prep", "advmod", "acl", "ccomp", "dobj", "pobj", "acomp", "relcl"})


def _local_cues(ctx: Context, tok: Token, cues: list[tuple[str, str]]) -> None:
    mod = ctx.cues.modality
    for child in tok.children:
        low = norm_text(child.text)
        if child.dep_ == "aux" and child.tag_ == "MD" and low in mod.aux:
            cues.append((mod.aux[low], f"modality:aux:{low}"))
        elif child.dep_ == "neg" and low in mod.negation:
            cues.append(("negated", f"modality:neg:{low}"))
        elif child.dep_ == "mark" and low in mod.conditional_marks:
            cues.append(("conditional", f"modality:mark:{low}"))


def _governor_cues(ctx: Context, tok: Token, cues: list[tuple[str, str]], phrases_only: bool = False) -> None:
    mod = ctx.cues.modality
    lemma = tok.lemma_.lower()
    for phrase in mod.governor_phrases:
        if lemma != phrase.lemma:
            continue
        if not any(norm_text(c.text) == phrase.child for c in tok.children):
            continue
        if phrase.requires_aux and not any(c.lower_ in phrase.requires_aux for c in tok.children if c.dep_ == "aux"):
            continue
        cues.append((phrase.modality, f"modality:governor:{phrase.lemma}+{phrase.child}"))
        return
    if lemma in mod.governors and not phrases_only:
        cues.append((mod.governors[lemma], f"modality:governor:{lemma}"))


def phrase_children(ctx: Context, lemma: str) -> set[str]:
    """Children that make a governor phrase with ``lemma`` ("against" for "decide")."""
    return {p.child for p in ctx.cues.modality.governor_phrases if p.lemma == lemma}


def find_modality(ctx: Context, cand: Candidate) -> tuple[str, str | None]:
    """(modality, rule) of a candidate."""
    lex_type = ctx.lexicon.events[cand.type]
    mod = ctx.cues.modality
    cues: list[tuple[str, str]] = []
    frames = set(ctx.cues.frames.lemmas)
    if cand.nominal:
        noun = ctx.doc[cand.head]
        for child in noun.children:
            low = norm_text(child.text)
            if child.dep_ in ("amod", "compound") and low in mod.modifiers:
                cues.append((mod.modifiers[low], f"modality:modifier:{low}"))
            if child.dep_ == "det" and low in mod.negation:
                cues.append(("negated", f"modality:neg:{low}"))
            if child.dep_ == "amod":
                for grand in child.children:
                    g = norm_text(grand.text)
                    if g in mod.modifiers:
                        cues.append((mod.modifiers[g], f"modality:modifier:{g}"))
    cur = ctx.doc[cand.anchor]
    if not cand.nominal or cand.supported:
        _local_cues(ctx, cur, cues)
        _governor_cues(ctx, cur, cues, phrases_only=True)  # "decided against ...": the trigger itself
    while (not cand.nominal or cand.supported) and cur.dep_ in GOVERNING_DEPS and cur.head.i != cur.i:
        gov = cur.head
        if not ctx.same_para(gov.i, cur.i):
            break
        if gov.lemma_.lower() in frames and cur.dep_ == "ccomp":
            break
        if cur.dep_ == "prep" and norm_text(cur.text) not in COMPLEMENT_PREPS | phrase_children(ctx, gov.lemma_.lower()):
            break  # "with X saying ...", "After promising ...": an adjunct, not a complement
        _governor_cues(ctx, gov, cues)
        other = ctx.by_anchor.get(gov.i)
        if other is not None and other is not cand:
            break  # above another event: its context is not this event's
        if gov.pos_ in ("VERB", "AUX"):
            _local_cues(ctx, gov, cues)
        elif gov.pos_ in ("NOUN", "PROPN", "PRON"):
            break  # "the decision to send": the noun's own clause is a different event's context
        cur = gov
    if not cues:
        default = lex_type.modality or ctx.lexicon.defaults.modality
        return default, None if default == "asserted" else f"modality:type-default:{cand.type}"
    rank = {m: n for n, m in enumerate(ctx.cues.modality_rank)}
    best = min(cues, key=lambda c: rank[c[0]])
    value, rule = best
    if value == "expected" and lex_type.future_modality:
        value = lex_type.future_modality
        rule = f"{rule}+future:{cand.type}"
    return value, rule
