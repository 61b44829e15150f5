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

#: prepositions that introduce a complement ("thought better *of* sending", "*by* sending", "backed away *from*")
COMPLEMENT_PREPS = frozenset({"of", "by", "against", "to", "for", "about", "on", "from"})
#: dependency labels crossed upwards when looking for a governing predicate
GOVERNING_DEPS = frozenset({"xcomp", "pcomp", "prep", "advmod", "acl", "ccomp", "dobj", "pobj", "acomp", "relcl"})


def _local_cues(ctx: Context, tok: Token, cues: list[tuple[str, str]], speech_act: bool = False,
                own: range = range(0)) -> None:
    """Cues among the children of ``tok``; words of the trigger itself (``own``: "did *not* comment" is
    DECLINE_COMMENT) are none."""
    mod = ctx.cues.modality
    for child in tok.children:
        if child.i in own:
            continue
        low = norm_text(child.text)
        if child.dep_ == "aux" and child.tag_ == "MD" and low in mod.aux:
            cues.append((mod.aux[low], f"modality:aux:{low}"))
        elif child.dep_ == "neg" and low in mod.negation:
            cues.append(("negated", f"modality:neg:{low}"))
        elif child.dep_ == "mark" and low in mod.conditional_marks:
            cues.append(("conditional", f"modality:mark:{low}"))
        elif child.dep_ in ("advcl", "conj") and not speech_act and (mark := _condition(ctx, child)) is not None:
            cues.append(("conditional", f"modality:condition:{mark}"))  # "would attack ... if broadcasts go on"
        elif child.dep_ == "advmod" and low in mod.adverbs:
            cues.append((mod.adverbs[low], f"modality:adverb:{low}"))


def _condition(ctx: Context, clause: Token) -> str | None:
    """The conditional mark of an adverbial clause ("if the broadcasts do not stop"); through a coordinated
    verb that shares the subject ("would attack X and would respond ... if ..." : the condition is on both)."""
    marks = ctx.cues.modality.conditional_marks
    if clause.dep_ == "conj":
        if clause.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            return None
        return next((m for m in (_condition(ctx, c) for c in clause.children if c.dep_ == "advcl") if m), None)
    return next((norm_text(g.text) for g in clause.children if g.dep_ == "mark" and norm_text(g.text) in marks),
                None)


def _governor_cues(ctx: Context, tok: Token, cues: list[tuple[str, str]], phrases_only: bool = False,
                   via: Token | None = None, own: range = range(0), own_phrase: str = "") -> None:
    """Cues of a governing predicate: a phrase (lemma + a child: "thought *better*", "is going *to*"; the child
    may also hang on the complement ``via`` the walk came up through), else the lemma itself.  A phrase that
    is the trigger's own words (``own`` tokens, ``own_phrase`` the lexicon pattern: "we *call for* a
    transition" is the APPEAL itself) is no cue."""
    mod = ctx.cues.modality
    lemma = tok.lemma_.lower()
    children = [c for c in tok.children if c.i not in own]
    if via is not None:
        children += [c for c in via.children if c.dep_ in ("aux", "mark") and c.i < via.i]
    for phrase in mod.governor_phrases:
        if lemma != phrase.lemma or f"{phrase.lemma} {phrase.child}" == own_phrase:
            continue
        if not any(norm_text(c.text) == phrase.child for c in children):
            continue
        if phrase.requires_aux and not any(c.lower_ in phrase.requires_aux for c in tok.children if c.dep_ == "aux"):
            continue
        cues.append((phrase.modality, f"modality:governor:{phrase.lemma}+{phrase.child}"))
        return
    if lemma in mod.governors and not phrases_only:
        cues.append((mod.governors[lemma], f"modality:governor:{lemma}"))


def _nominal_governor(ctx: Context, noun: Token, cues: list[tuple[str, str]]) -> None:
    """The verb that takes a nominal event as its object ("*cancelled* the visit", "*expect* an attack",
    "*called off* his visit") or as the object of its phrase ("*called for* talks")."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and ctx.same_para(noun.i, head.i):
        _governor_cues(ctx, head, cues)
    elif noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" and ctx.same_para(noun.i, head.i):
        verb = head.head
        for phrase in ctx.cues.modality.governor_phrases:
            if phrase.lemma == verb.lemma_.lower() and phrase.child == norm_text(head.text):
                cues.append((phrase.modality, f"modality:governor:{phrase.lemma}+{phrase.child}"))
                return


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
        if not cand.supported:
            _nominal_governor(ctx, noun, cues)
    cur = ctx.doc[cand.anchor]
    if not cand.nominal or cand.supported:
        own = range(cand.start, cand.end)
        _local_cues(ctx, cur, cues, speech_act=cand.type in mod.speech_acts, own=own)
        pattern = cand.entry_rule.split(":")[2] if cand.entry_rule.startswith("lexicon:") else ""
        _governor_cues(ctx, cur, cues, phrases_only=True, own=own,
                       own_phrase=pattern.split("+")[0])  # "decided against ...": the trigger itself
    while (not cand.nominal or cand.supported) and cur.dep_ in GOVERNING_DEPS and cur.head.i != cur.i:
        gov = cur.head
        if not ctx.same_para(gov.i, cur.i):
            break
        if gov.lemma_.lower() in frames and cur.dep_ == "ccomp":
            break
        if cur.dep_ == "prep" and norm_text(cur.text) not in COMPLEMENT_PREPS | phrase_children(ctx, gov.lemma_.lower()):
            break  # "with X saying ...", "After promising ...": an adjunct, not a complement
        _governor_cues(ctx, gov, cues, via=cur)
        if cur.dep_ == "ccomp":  # "it is (very) possible that ...", "it is likely that ...": the copula's adjective
            for pred in gov.children:
                if pred.dep_ in ("acomp", "attr") and pred.i != cur.i:
                    _governor_cues(ctx, pred, cues)
        other = ctx.by_anchor.get(gov.i)
        if other is not None and other is not cand:
            break  # above another event: its context is not this event's
        if gov.pos_ in ("VERB", "AUX"):
            _local_cues(ctx, gov, cues)
        elif gov.pos_ in ("NOUN", "PROPN", "PRON"):
            if gov.lemma_.lower() in mod.governors and other is None:
                _nominal_governor(ctx, gov, cues)  # "*cancelled* plans to visit", "*rejected* plans to attack"
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
