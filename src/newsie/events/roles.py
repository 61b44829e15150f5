"""Stage 3, roles: fill each candidate's role slots with the finders the lexicon names for its type.

The lexicon lists, per event type and role, an ordered list of finder names
("subject", "prep:to,into", "embedded:destination", ...); the first finder that
returns a filler wins.  Adding a finder here and naming it in ``lexicon.yaml`` is
the only Python a new role pattern needs; everything type-specific stays in data.
The registry itself lives in the leaf module ``finders.py``.

Each finder gets the document context, the candidate and the finder's
arguments, and returns a :class:`~newsie.events.model.Fill` (or ``None``).
Finders look at the candidate's *anchor*: the trigger verb itself, or for a
nominal trigger the support verb that governs it ("launch an offensive").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsie.events.coref import can_act, coordinated, make_fill
from newsie.events.finders import FINDERS, Finder, finder, run_finder
from newsie.events.model import Candidate, Context, Fill
from newsie.events.resources import LIST_SLOTS, ROLE_NAMES
from newsie.events.syntax import (
    ACTOR_LABELS,
    PLACE_LABELS,
    clause_range,
    has_child,
    is_passive,
    np_range,
    trim,
)

__all__ = ["FILL_ORDER", "FINDERS", "fill_roles", "finder", "run_finder"]

#: the order role slots are filled in (the schema's roles; places last, so a location finder can skip what the
#: destination took)
PLACE_SLOTS: tuple[str, ...] = ("destination", "location")
FILL_ORDER: tuple[str, ...] = (*(r for r in ROLE_NAMES if r not in PLACE_SLOTS), *PLACE_SLOTS)
assert set(FILL_ORDER) == set(ROLE_NAMES), "FILL_ORDER must name exactly the schema's role slots"

#: verbs of "X quoted/cited Y as saying": the speaker is their object, not their subject (the outlet)
QUOTING_VERBS = frozenset({"quote", "cite"})
#: dependency labels crossed when a verb's subject is controlled by a governing clause
CONTROL_DEPS = frozenset({"xcomp", "pcomp", "prep", "advmod", "conj", "acl", "relcl", "advcl", "acomp"})


def fill_roles(ctx: Context, cand: Candidate) -> None:
    """Fill ``cand.roles``: per slot, the type's finders in order; the first usable filler wins."""
    cand.roles = {}
    finders = ctx.lexicon.roles_for(cand.type)
    for role in FILL_ORDER:
        for spec in finders.get(role, ()):
            fill = run_finder(ctx, cand, spec)
            if fill is None or fill.end_tok <= fill.start_tok:
                continue
            if fill.start_tok < cand.end and cand.start < fill.end_tok and role != "theme":
                continue  # a role never overlaps its own trigger
            if not ctx.same_para(fill.head, cand.head) or not ctx.same_para(fill.head, cand.anchor):
                continue  # nothing crosses a paragraph break into a role (a headline, a dateline)
            if role in ("actor", "target") and not fill.members:
                fill = _trim_place(ctx, fill)
            if role == "location":
                fill = _named_place(ctx, fill)
            if role == "actor" and not fill.members:
                fill = _event_actor(ctx, cand, fill)
                if fill is None:
                    continue
            if any(fill.same_span(other) for other in cand.roles.values()):
                continue
            if fill.literal and role not in ctx.aliases.capital_roles:
                fill.norm = fill.literal  # "visited Berlin" is the city; "Berlin said" is Germany
            if role in LIST_SLOTS and not fill.members:
                fill.members = coordinated(ctx, fill)  # "Germany and France agreed": two actors
            cand.roles[role] = fill
            break


#: prepositions of a place phrase that locates a participant ("70 members of the tribe in Anbar")
PLACE_PREPS = frozenset({"in", "near", "at", "inside", "outside"})


def _trim_place(ctx: Context, fill: Fill) -> Fill:
    """A participant ends before a place phrase on its head ("about 80 people [in the town of Yeoncheon]"):
    the place is where the event was (``participant_place``), not part of who took part."""
    head = ctx.doc[fill.head]
    for child in ctx.doc[head.i + 1:fill.end_tok]:
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPS and fill.start_tok <= child.head.i < fill.end_tok \
                and max(t.i for t in child.subtree) + 1 >= fill.end_tok:
            pobj = has_child(child, {"pobj"})
            if pobj is not None and any(ctx.ent(t) is not None and ctx.ent(t).label_ in PLACE_LABELS
                                        for t in pobj.subtree):
                start, end = trim(ctx.doc, fill.start_tok, child.i)
                if end > start:
                    return make_fill(ctx, start, end, fill.head, fill.rule)
    return fill


def _named_place(ctx: Context, fill: Fill) -> Fill:
    """A location is the named place in its phrase ("the town of [Yeoncheon]", "a [London] court"), unless the
    phrase's head is itself part of a place name ("the Iraqi Museum") or it names more than one place."""
    if ctx.ent(fill.head) is not None and ctx.ent(fill.head).label_ in PLACE_LABELS:
        return fill
    places = [e for e in ctx.ents_overlapping(fill.start_tok, fill.end_tok) if e.label_ in PLACE_LABELS]
    if len(places) != 1 or places[0].start < fill.start_tok or places[0].end > fill.end_tok:
        return fill
    place = places[0]
    return make_fill(ctx, place.start, place.end, place.end - 1, fill.rule)


#: CAMEO roots of violent events (fight, assault, coerce...): such an event named as another's actor is its cause
VIOLENT_ROOTS = frozenset({"18", "19", "20"})


def _event_actor(ctx: Context, cand: Candidate, fill: Fill) -> Fill | None:
    """An actor that is itself a violent event ("an airstrike killed the leader", "the attack that killed ...")
    is the cause, not who did it: its own owner is the actor ("a coalition airstrike" -> coalition), else none."""
    other = ctx.by_anchor.get(fill.head)
    tok = ctx.doc[fill.head]
    if other is None or other is cand or other.head != fill.head or tok.pos_ != "NOUN" \
            or (other.cameo or "")[:2] not in VIOLENT_ROOTS:
        return fill
    owner = _possessor(ctx, tok, f"{fill.rule}:event-owner")
    return owner


def _np(ctx: Context, tok: Token, rule: str, keep_clauses: bool = False) -> Fill:
    start, end = np_range(tok, keep_clauses=keep_clauses)
    return make_fill(ctx, start, end, tok.i, rule)


def _anchor(ctx: Context, cand: Candidate) -> Token:
    return ctx.doc[cand.anchor]


def _heads(ctx: Context, cand: Candidate) -> list[Token]:
    """The tokens whose dependents describe the event: anchor and (for nominals) the trigger noun."""
    out = [ctx.doc[cand.anchor]]
    if cand.head != cand.anchor:
        out.append(ctx.doc[cand.head])
    return out


def _possessor(ctx: Context, noun: Token, rule: str) -> Fill | None:
    """Who owns a nominal event: "Putin's speech", "the U.S. decision", "a Russian offensive", "attack by X"."""
    for child in noun.children:
        if child.dep_ == "poss" and (child.pos_ == "PRON" or (ctx.ent(child) is not None
                                                              and ctx.ent(child).label_ in ACTOR_LABELS)):
            return _np(ctx, child, rule)  # "the aircraft's delivery": a thing's possessive is no actor
    for child in noun.children:
        ent = ctx.ent(child)
        if child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i and ent is not None \
                and ent.label_ in ACTOR_LABELS and ctx.ent(noun) is not ent:
            return make_fill(ctx, ent.start, ent.end, child.i, rule)
    for child in noun.children:
        # "the coalition's airstrikes", "a coalition airstrike", "an army offensive": a group noun that can act
        if child.dep_ in ("poss", "compound") and child.i < noun.i and child.pos_ == "NOUN" \
                and ctx.ent(child) is None and ctx.ent(noun) is None and can_act(ctx, child):
            start = min([child.i] + [c.i for c in child.children if c.dep_ == "compound"])
            return make_fill(ctx, start, child.i + 1, child.i, f"{rule}:group")  # "the U.S.-led [coalition]'s"
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            pobj = has_child(child, {"pobj"})
            if pobj is not None:
                return _np(ctx, pobj, rule)
    return None


def _reduced_passive(verb: Token) -> bool:
    """A past participle with a subject but no auxiliary: "155 planes ordered", "Penske selected to buy"."""
    return verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
        and any(c.dep_ == "nsubj" for c in verb.children)


def _participle_modifier(verb: Token) -> bool:
    """A past participle modifying a noun: "prisoners *detained* in Israeli prisons" (the noun is the patient)."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN")


@finder("subject")
def subject(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """The active subject of the anchor, or the controller of a non-finite clause.

    "North Korea promised", "After promising ..., authorities picked" (pcomp),
    "decided to appease Russia by sending" (xcomp/pcomp chain), "praised and
    blasted" (conj), "a speech he is expected to deliver" (raising: the passive
    subject of "expected" is the deliverer), "the U.S. decision to send" (a
    governing noun's possessor).
    """
    tok = _anchor(ctx, cand)
    if cand.nominal and not cand.supported:
        return None
    if _reduced_passive(tok) or _participle_modifier(tok):
        return None
    if tok.dep_ == "pcomp" and tok.head.lower_ == "as" and tok.head.head.lemma_.lower() in QUOTING_VERBS:
        quoted = has_child(tok.head.head, {"dobj"})  # "Reuters quoted Smith as saying": Smith says it
        if quoted is not None:
            return _np(ctx, quoted, "subject:quoted")
    first = True
    cur = tok
    link = ""
    for _ in range(10):
        children = list(cur.children)
        subjects = [c for c in children if c.dep_ == "nsubj"]
        if len(subjects) > 1 and any(c.i > cur.i for c in subjects):
            # "Institutional recipients, said Mauer, are ...": the parse gives the inverted verb both subjects;
            # the one after it is the speaker
            children = [c for c in children if c.dep_ != "nsubj" or c.i > cur.i]
        for child in children:
            if child.dep_ == "nsubj" and child.tag_ in ("WDT", "WP") and cur.dep_ == "relcl":
                return _np(ctx, cur.head, "subject:relative")  # "the system which supplies ..."
            if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and link == "xcomp"):
                return _np(ctx, child, "subject" if first else "subject:control")
            if child.dep_ == "agent" and not first:
                pobj = has_child(child, {"pobj"})
                if pobj is not None:
                    return _np(ctx, pobj, "subject:control-agent")
        if not first and cur.pos_ in ("NOUN", "PROPN"):
            return _possessor(ctx, cur, "subject:governing-noun")
        if first and is_passive(cur):
            return None
        if cur.dep_ not in CONTROL_DEPS or cur.head.i == cur.i or not ctx.same_para(cur.i, cur.head.i):
            return None
        if cur.dep_ == "advcl" and not (has_child(cur, {"aux"}) or cur.tag_ == "VBG"):
            return None  # a finite adverbial clause has its own subject
        if cur.dep_ in ("acl", "relcl") and cur.head.pos_ not in ("NOUN", "PROPN"):
            return None
        if cur.dep_ == "relcl":
            return None
        if cur.dep_ == "conj" and has_child(cur, {"nsubj", "nsubjpass"}):
            return None
        if cur.dep_ == "conj" and is_passive(cur.head):
            return None  # "had been manhandled or assaulted": the shared subject is the victim
        link = cur.dep_
        cur = cur.head
        first = False
    return None


#: verbs of being in a state named by a nominal event: "PAG is in talks with", "remain in negotiations"
STATE_VERBS = frozenset({"be", "remain", "stay", "engage"})


@finder("state_subject")
def state_subject(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """Who is in the state a nominal event names: "PAG is in talks with investors", "the two sides remain in
    negotiations", "Iraq is engaged in talks": the subject of the verb the "in" phrase hangs on."""
    if not cand.nominal:
        return None
    noun = ctx.doc[cand.head]
    prep_tok = noun.head
    if noun.dep_ != "pobj" or prep_tok.lower_ != "in" or prep_tok.head.lemma_.lower() not in STATE_VERBS:
        return None
    subj = has_child(prep_tok.head, {"nsubj", "nsubjpass"})
    return _np(ctx, subj, "state_subject") if subj is not None else None


@finder("verbal_subject")
def verbal_subject(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """The subject of a verbal trigger only: for a patient-subject type (DIE: "the soldier died") the subject
    of a nominal's support verb is someone else ("the Department announced the death of a soldier")."""
    return None if cand.nominal else subject(ctx, cand, args)


@finder("agent")
def agent(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """The "by X" agent of a passive anchor ("was arrested by police")."""
    for head in _heads(ctx, cand):
        a = has_child(head, {"agent"})
        if a is not None:
            pobj = has_child(a, {"pobj"})
            if pobj is not None:
                return _np(ctx, pobj, "agent")
    return None


@finder("possessor")
def possessor(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """The owner of a nominal trigger ("Putin's speech", "a Russian offensive")."""
    if not cand.nominal:
        return None
    return _possessor(ctx, ctx.doc[cand.head], "possessor")


def _object_tok(ctx: Context, cand: Candidate) -> Token | None:
    anchor = _anchor(ctx, cand)
    obj = has_child(anchor, {"dobj"})
    if obj is None or cand.start <= obj.i < cand.end:
        return None
    return obj


@finder("object")
def object_(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """The direct object's noun phrase (an infinitival "decision to send tanks" stays inside)."""
    obj = _object_tok(ctx, cand)
    if obj is None:
        return None
    start, end = np_range(obj)
    acl_end = max((t.i + 1 for c in obj.children if c.dep_ == "acl" for t in c.subtree), default=end)
    if acl_end > end and all(ctx.doc[i].dep_ != "punct" or ctx.doc[i].text in "”\"" for i in range(end, acl_end)):
        end = acl_end
    return make_fill(ctx, start, end, obj.i, "object")


@finder("passive_subject")
def passive_subject(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """The passive subject: the thing acted on ("300 men are expected to be tossed")."""
    cur = _anchor(ctx, cand)
    if _reduced_passive(cur):
        return _np(ctx, has_child(cur, {"nsubj"}), "passive_subject:reduced")
    if _participle_modifier(cur):  # "prisoners detained in Israeli prisons": the noun, without the participle
        start, end = np_range(cur.head)
        if start <= cur.i < end:
            end = cur.i if cur.i > cur.head.i else end
            start = cur.i + 1 if cur.i < cur.head.i else start
        start, end = trim(ctx.doc, start, end)
        return make_fill(ctx, start, end, cur.head.i, "passive_subject:participle") if end > start else None
    if cur.dep_ == "conj" and cur.tag_ == "VBN" and not has_child(cur, {"nsubj", "nsubjpass"}) \
            and is_passive(cur.head):
        cur = cur.head  # "were manhandled or assaulted"
    for _ in range(4):
        subj = has_child(cur, {"nsubjpass"})
        if subj is not None:
            return _np(ctx, subj, "passive_subject")
        if cur.dep_ != "xcomp" or not is_passive(cur):
            return None
        cur = cur.head  # "are expected to be tossed": the subject sits on "expected"
    return None


#: personal pronouns that name a party ("told him", "urged them", "he was accused"); "it" may be a thing
PARTY_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "you", "he", "she", "they", "we", "i"})


def _party(ctx: Context, tok: Token, named: bool = False) -> bool:
    """Is ``tok`` a party (a person, group or organisation: "the court", "reporters", "him"), not a thing?
    ``named``: a named one only (a person/organisation/state entity: "chose Boeing", not "picked workers")."""
    if named:
        ent = ctx.ent(tok)
        return ent is not None and ent.label_ in ("PERSON", "ORG", "GPE", "NORP")
    if tok.pos_ == "PRON":
        return tok.lower_ in PARTY_PRONOUNS
    return can_act(ctx, tok)


@finder("object_party")
def object_party(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """The direct object when it is a party: the addressee of "told the court", "briefed reporters" (a said or
    announced thing is no target); ``object_party:named`` takes a named party only."""
    obj = _object_tok(ctx, cand)
    if obj is None or not _party(ctx, obj, named="named" in args):
        return None
    return _np(ctx, obj, "object_party")


@finder("passive_party")
def passive_party(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """The passive subject when it is a party: who was urged, ordered, accused, warned ("the parents were
    advised to ...", "The Air Force was ordered by Congress to ...", "He was ... accused of ...")."""
    fill = passive_subject(ctx, cand, args)
    if fill is None or not _party(ctx, ctx.doc[fill.head], named="named" in args):
        return None
    fill.rule = fill.rule.replace("passive_subject", "passive_party", 1)
    return fill


@finder("party_of")
def party_of(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """The party a nominal act is about: "criticism of Airbus", "condemnation of Assad's policies" (the owner
    of a thing), "praise for the rescuers"; ``party_of:for`` names the prepositions."""
    if not cand.nominal:
        return None
    for pobj in _prep_objects(ctx, cand, args or ("of",)):
        if pobj.i < cand.head:
            continue
        if _party(ctx, pobj):
            return _np(ctx, pobj, f"party_of:{pobj.head.lower_}")
        found = _possessor(ctx, pobj, f"party_of:{pobj.head.lower_}:owner")
        if found is not None and found.label in ACTOR_LABELS:
            if ctx.doc[found.end_tok - 1].tag_ == "POS":  # "[Assad]'s policies"
                found = make_fill(ctx, found.start_tok, found.end_tok - 1, found.head, found.rule)
            return found
    return None


@finder("object_owner")
def object_owner(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """A named owner inside the object: "praised Russia's military", "blasted the U.S. decision"."""
    obj = _object_tok(ctx, cand)
    if obj is None:
        return None
    found = _possessor(ctx, obj, "object_owner")
    if found is not None and found.label in ACTOR_LABELS:
        return found
    return None


def _recipient(ctx: Context, obj: Token) -> Token | None:
    """An entity compound before an object noun: "send Ukraine battle tanks" (a misparsed dative)."""
    if ctx.ent(obj) is not None:
        return None
    for child in obj.children:
        ent = ctx.ent(child)
        if child.dep_ == "compound" and child.i < obj.i and ent is not None and ent.label_ in ("GPE", "ORG", "NORP"):
            return child
    return None


@finder("np_recipient")
def np_recipient(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    obj = _object_tok(ctx, cand)
    rec = _recipient(ctx, obj) if obj is not None else None
    if rec is None:
        return None
    ent = ctx.ent(rec)
    return make_fill(ctx, ent.start, ent.end, rec.i, "np_recipient")


@finder("object_minus_recipient")
def object_minus_recipient(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """The object without a leading recipient compound: "send Ukraine [battle tanks]"."""
    obj = _object_tok(ctx, cand)
    if obj is None:
        return None
    rec = _recipient(ctx, obj)
    if rec is None:
        return _np(ctx, obj, "object")
    ent = ctx.ent(rec)
    _, end = np_range(obj)
    return make_fill(ctx, ent.end, end, obj.i, "object_minus_recipient")


@finder("dative")
def dative(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    d = has_child(_anchor(ctx, cand), {"dative"})
    if d is None:
        return None
    if d.pos_ == "ADP":
        d = has_child(d, {"pobj"}) or d
    return _np(ctx, d, "dative")


def _prep_objects(ctx: Context, cand: Candidate, preps: tuple[str, ...]) -> list[Token]:
    out = []
    for head in _heads(ctx, cand):
        for child in head.children:
            if child.dep_ in ("prep", "dative", "agent") and child.lower_ in preps:
                pobj = has_child(child, {"pobj"})
                if pobj is not None:
                    out.append(pobj)
    return out


@finder("prep")
def prep(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """The object of a preposition on the anchor or trigger: "prep:to,into" -> "tossed into eastern Ukraine"."""
    for pobj in _prep_objects(ctx, cand, args):
        if pobj.ent_type_ not in ("DATE", "TIME"):
            return _np(ctx, pobj, f"prep:{pobj.head.lower_}")
    return None


@finder("verbal_prep")
def verbal_prep(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """``prep`` on a verbal trigger only: "demanded of the regime" names who is asked, but "the request of the
    municipalities" names who asks (``nominal_prep``)."""
    return None if cand.nominal else prep(ctx, cand, args)


@finder("nominal_prep")
def nominal_prep(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """A party in a preposition on a nominal trigger that names its owner: "the request of the municipalities",
    "demands from the unions" (who asks)."""
    if not cand.nominal:
        return None
    noun = ctx.doc[cand.head]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in args and child.i > noun.i:
            pobj = has_child(child, {"pobj"})
            if pobj is not None and _party(ctx, pobj):
                return _np(ctx, pobj, f"nominal_prep:{child.lower_}")
    return None


@finder("for_subject")
def for_subject(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """Who is called on in "called for Assad to step down", "pushing for all parties to return": the subject
    of a "for ... to" clause on the anchor (the parse makes "for" its mark, or "for" a preposition whose
    object carries the infinitive)."""
    for head in _heads(ctx, cand):
        for child in head.children:
            if child.dep_ in ("advcl", "xcomp", "ccomp") and has_child(child, {"mark"}) is not None \
                    and has_child(child, {"mark"}).lower_ == "for":
                subj = has_child(child, {"nsubj"})
                if subj is not None and _party(ctx, subj):
                    return _np(ctx, subj, "for_subject")
            if child.dep_ == "prep" and child.lower_ == "for":
                pobj = has_child(child, {"pobj"})
                if pobj is not None and _party(ctx, pobj) and any(
                        c.dep_ in ("acl", "relcl") and has_child(c, {"aux"}) is not None
                        and has_child(c, {"aux"}).lower_ == "to" for c in pobj.children):
                    return _np(ctx, pobj, "for_subject")
    return None


@finder("between")
def between(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """The parties of a reciprocal event named "between X and Y" ("the settlement between Apple and EMI", "an
    agreement reached between the two companies"): on the trigger, its anchor, or a participle on the noun."""
    heads = _heads(ctx, cand)
    if cand.nominal:
        noun = ctx.doc[cand.head]
        heads += [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "between":
                pobj = has_child(child, {"pobj"})
                if pobj is not None and _party(ctx, pobj):
                    return _np(ctx, pobj, "between")
    return None


def _facility(ctx: Context, tok: Token) -> bool:
    """A named facility (FAC entity: "Camp Hurriya", "Tabqa Dam"): where an attack on it happened."""
    ent = ctx.ent(tok)
    return ent is not None and ent.label_ == "FAC"


@finder("party_prep")
def party_prep(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """Like ``prep``, but not a named facility: "the attack on Camp X" locates the attack (``facility``)."""
    for pobj in _prep_objects(ctx, cand, args):
        if pobj.ent_type_ not in ("DATE", "TIME") and not _facility(ctx, pobj):
            return _np(ctx, pobj, f"party_prep:{pobj.head.lower_}")
    return None


@finder("facility")
def facility(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """The named facility an attack was made on or at ("the attack on Camp Hurriya"): its location."""
    for pobj in _prep_objects(ctx, cand, args):
        if _facility(ctx, pobj):
            return _np(ctx, pobj, f"facility:{pobj.head.lower_}")
    return None


@finder("prep_entity")
def prep_entity(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """Like ``prep`` but only a place (GPE/LOC/FAC entity inside the phrase): a location."""
    for pobj in _prep_objects(ctx, cand, args):
        start, end = np_range(pobj)
        if any(ctx.ent(i) is not None and ctx.ent(i).label_ in PLACE_LABELS for i in range(start, end)):
            return make_fill(ctx, start, end, pobj.i, f"prep_entity:{pobj.head.lower_}")
    return None


@finder("prep_object")
def prep_object(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """The object of a preposition as a theme ("warned of ...", "talks on ..."), clauses kept."""
    for pobj in _prep_objects(ctx, cand, args):
        return _np(ctx, pobj, f"prep_object:{pobj.head.lower_}", keep_clauses=True)
    return None


@finder("oprd")
def oprd(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    o = has_child(_anchor(ctx, cand), {"oprd"})
    return _np(ctx, o, "oprd") if o is not None else None


def _complement(ctx: Context, cand: Candidate) -> Token | None:
    """The complement clause of the anchor: xcomp/ccomp, or "the promise to ..." (acl)."""
    for head in _heads(ctx, cand):
        for child in head.children:
            if child.dep_ in ("xcomp", "ccomp") or (child.dep_ == "acl" and has_child(child, {"aux"})):
                return child
    for sub in cand.all_absorbed():
        return ctx.doc[sub.anchor]
    return None


@finder("complement_clause")
def complement_clause(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """What was ordered/promised: the complement clause without "to" ("pick out personnel to be sent ...")."""
    comp = _complement(ctx, cand)
    if comp is None:
        return None
    start, end = clause_range(comp)
    if end <= start:
        return None
    kind = "infinitive" if any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children) else comp.dep_
    return make_fill(ctx, start, end, comp.i, f"complement_clause:{kind}", resolve=False)


@finder("complement_partner")
def complement_partner(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """The named party inside the complement: "promised to help Russia", "stand ... with Russia"."""
    comp = _complement(ctx, cand)
    if comp is None:
        return None
    for tok in sorted(comp.subtree, key=lambda t: t.i):
        ent = ctx.ent(tok)
        if ent is None or ent.label_ not in ("GPE", "ORG", "PERSON", "NORP") or tok.i != ent.root.i:
            continue
        if tok.dep_ == "dobj" or (tok.dep_ == "pobj" and tok.head.lower_ in ("with", "for")):
            return make_fill(ctx, ent.start, ent.end, tok.i, "complement_partner")
    return None


#: modals of what a party is asked to do in a "that" clause ("recommends that every country should iodise")
DEONTIC_MODALS = frozenset({"should", "must", "shall"})


@finder("complement_subject")
def complement_subject(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """Who is asked in "recommended that local airlines should not purchase", "urged that the regime must
    stop": the subject (a party) of a complement clause with a deontic modal or a bare subjunctive verb."""
    for head in _heads(ctx, cand):
        for comp in head.children:
            if comp.dep_ != "ccomp":
                continue
            aux = [c for c in comp.children if c.dep_ == "aux"]
            subjunctive = comp.tag_ == "VB" and not aux
            if not subjunctive and not any(a.lower_ in DEONTIC_MODALS for a in aux):
                continue
            subj = has_child(comp, {"nsubj"})
            if subj is not None and _party(ctx, subj):
                return _np(ctx, subj, "complement_subject")
    return None


@finder("complement_place")
def complement_place(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """A place named inside the complement ("help Russia rebuild parts of occupied eastern Ukraine")."""
    comp = _complement(ctx, cand)
    if comp is None:
        return None
    used = {f.head for f in cand.roles.values()}
    for tok in sorted(comp.subtree, key=lambda t: t.i):
        ent = ctx.ent(tok)
        if ent is not None and ent.label_ in PLACE_LABELS and tok.i == ent.root.i and tok.i not in used \
                and tok.dep_ == "pobj":
            start, end = np_range(tok)
            while start < tok.i and ctx.doc[start].tag_ in ("VBN", "VBD"):
                start += 1  # "occupied eastern Ukraine" -> "eastern Ukraine"
            return make_fill(ctx, start, end, tok.i, "complement_place")
    return None


@finder("clause_place")
def clause_place(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """Fallback location: a place in an "in/at" phrase anywhere in the anchor's clause.

    "protested against the war in Tbilisi": the parse hangs "in Tbilisi" on
    "war", but the protest is where it happened.  Places inside another event's
    clause or already used by a role are skipped.
    """
    anchor = _anchor(ctx, cand)
    actor = cand.roles.get("actor")
    used = set(range(actor.start_tok, actor.end_tok)) if actor is not None else set()  # "head of X in Indonesia"
    used |= {f.head for f in cand.roles.values()}
    for tok in anchor.subtree:
        path = [tok, *[a for a in tok.ancestors if a.i != anchor.i and anchor.i in {x.i for x in a.ancestors}]]
        if any(t.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "conj") for t in path):
            continue  # a place inside a complement or another clause is that clause's place
        ent = ctx.ent(tok)
        if ent is None or ent.label_ not in PLACE_LABELS or tok.i != ent.root.i or tok.i in used:
            continue
        if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "at"):
            continue
        owner = next((a for a in tok.ancestors if a.i in ctx.by_anchor), None)
        if owner is not None and owner.i != anchor.i:
            continue
        start, end = np_range(tok)
        return make_fill(ctx, start, end, tok.i, "clause_place")
    if cand.nominal and not cand.supported and anchor.dep_ in ("nsubj", "nsubjpass") \
            and anchor.head.pos_ in ("VERB", "AUX") and anchor.head.i not in ctx.by_anchor \
            and ctx.same_para(anchor.i, anchor.head.i):  # "the offensive began in Bakhmut": the subject's clause
        for pobj in (has_child(p, {"pobj"}) for p in anchor.head.children if p.dep_ == "prep" and p.lower_ in ("in", "at")):
            ent = ctx.ent(pobj) if pobj is not None else None
            if ent is not None and ent.label_ in PLACE_LABELS:
                start, end = np_range(pobj)
                return make_fill(ctx, start, end, pobj.i, "clause_place:subject_clause")
    if anchor.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children) \
            and anchor.head.i not in ctx.by_anchor and ctx.same_para(anchor.i, anchor.head.i):
        for pobj in (has_child(p, {"pobj"}) for p in anchor.head.children if p.dep_ == "prep" and p.lower_ in ("in", "at")):
            ent = ctx.ent(pobj) if pobj is not None else None
            if ent is not None and ent.label_ in PLACE_LABELS:  # "gathered in Tehran to protest"
                start, end = np_range(pobj)
                return make_fill(ctx, start, end, pobj.i, "clause_place:purpose")
    return None


#: prepositions of a place phrase on a participant that locates the event ("killed 70 members of the tribe in
#: Anbar", "strikes against ISIL in Iraq and Syria")
PARTICIPANT_PLACE_PREPS = frozenset({"in", "at", "near"})


@finder("participant_place")
def participant_place(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """Fallback location: a place phrase ("in/at/near" + a place entity) hung by the parse on the event's
    target or actor ("evacuated 80 people in the town of Yeoncheon"): where the participant was acted on."""
    used = {f.head for f in cand.roles.values()}
    for role in ("target", "actor"):
        fill = cand.roles.get(role)
        if fill is None:
            continue
        for part in fill.participants():
            head = ctx.doc[part.head]
            if not part.start_tok <= head.i < part.end_tok or not _party(ctx, head):
                continue  # a resolved pronoun (its antecedent's phrases are another sentence's); a thing's place
                # is where the thing is ("condemned attacks in Syria"), not where the event happens
            for prep_tok in head.children:
                if prep_tok.dep_ != "prep" or prep_tok.lower_ not in PARTICIPANT_PLACE_PREPS:
                    continue
                pobj = has_child(prep_tok, {"pobj"})
                if pobj is None or pobj.i in used:
                    continue
                start, end = np_range(pobj)
                if any(ctx.ent(i) is not None and ctx.ent(i).label_ in PLACE_LABELS for i in range(start, end)):
                    return make_fill(ctx, start, end, pobj.i, f"participant_place:{role}")
    return None


@finder("clause_counted")
def clause_counted(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """Fallback theme: a counted noun ("Between 200 and 400 men") in the event's clause.

    For parses that hang the passive subject on a preposition; the clause is
    the anchor's subtree, widened through raising verbs ("are expected to be
    deployed").  Nouns inside another event's clause are skipped.
    """
    top = _anchor(ctx, cand)
    while top.dep_ == "xcomp" and ctx.same_para(top.i, top.head.i):
        top = top.head
    for tok in sorted(top.subtree, key=lambda t: t.i):
        if tok.pos_ != "NOUN" or not any(c.dep_ == "nummod" and ctx.ent(c) is not None for c in tok.children):
            continue
        owner = next((a for a in tok.ancestors if a.i in ctx.by_anchor), None)
        if owner is not None and owner.i not in (cand.anchor, top.i):
            continue
        return _np(ctx, tok, "clause_counted")
    return None


@finder("content")
def content(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """What was said/warned: a ccomp clause, or the that-clause of "on his claim that ..."."""
    for head in _heads(ctx, cand):
        comp = has_child(head, {"ccomp"})
        if comp is not None:
            start, end = clause_range(comp)
            if end > start:
                return make_fill(ctx, start, end, comp.i, "content", resolve=False)
    for pobj in _prep_objects(ctx, cand, ("on", "about", "of", "that")):
        clause = next((c for c in pobj.children if c.dep_ in ("acl", "ccomp") and has_child(c, {"mark"})), None)
        if clause is not None:
            start, end = clause_range(clause)
            if end > start:
                return make_fill(ctx, start, end, clause.i, "content:noun-clause", resolve=False)
    return None


def _embedded(role: str) -> Finder:
    def find(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
        for sub in cand.all_absorbed():
            fill = sub.roles.get(role)
            if fill is not None:
                return Fill(fill.start_tok, fill.end_tok, fill.head, f"embedded:{sub.type}:{fill.rule}",
                            fill.label, fill.norm, members=list(fill.members))
        return None

    return find


@finder("embedded")
def embedded(ctx: Context, cand: Candidate, args: tuple[str, ...]) -> Fill | None:
    """A role of an absorbed event: "decided to ... send personnel to eastern Ukraine" -> its destination."""
    if not args:
        return None
    return _embedded(args[0])(ctx, cand, args)
