"""Stage 2, complements: an event inside the complement of an ``absorb`` type becomes part of it.

"ordered X to pick out Y to be sent to Z" is one ORDER: the picking and the
sending are read as its content (the ``embedded:<role>`` finders see their
roles) and are not emitted on their own.  Runs before the roles, which are
filled deepest first so absorbing events can read their absorbed events' roles.
"""

from __future__ import annotations

from newsie.events import modality
from newsie.events.model import Candidate, Context
from newsie.events.syntax import norm_text

#: dependency links through which an event enters an absorbing governor's complement
COMPLEMENT_LINKS = frozenset({"xcomp", "ccomp", "dobj", "dative", "oprd", "acl"})


def absorb(ctx: Context, cands: list[Candidate]) -> None:
    """Attach each candidate to the nearest ``absorb`` event whose complement contains it.

    The path up must enter the governor through a complement link (xcomp,
    ccomp, object, a noun's infinitival acl): "After promising ..., they
    picked out" is an adjunct of "picked", not part of the picking.
    """
    for cand in cands:
        cur = ctx.doc[cand.anchor]
        while cur.head.i != cur.i and ctx.same_para(cur.i, cur.head.i):
            if cur.dep_ in ("conj", "parataxis"):
                break
            link, prev = cur.dep_, cur
            cur = cur.head
            gov = ctx.by_anchor.get(cur.i)
            if gov is not None and gov is not cand and (
                (ctx.lexicon.complement_of(gov.type) == "absorb"
                 and (link in COMPLEMENT_LINKS or (link == "prep" and norm_text(prev.text)
                                                   in modality.phrase_children(ctx, cur.lemma_.lower()))))
                or (gov.type == cand.type and cand.nominal)  # "agreed to a deal": one agreement
            ):
                cand.absorbed_by = gov
                gov.absorbed.append(cand)
                break
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
                break
