"""Stage 1, triggers: candidate events from the lexicon and the CAMEO dictionaries, and their type and code.

- :meth:`TriggerFinder.candidates` - lexicon entries compiled to spaCy ``Matcher``
  patterns (multi-token) and a lemma look-up (single words); the longest match
  wins; trigger constraints (particle, support verb, excluded objects, ...) are
  checked on the parse; a nominal trigger governed by a support verb ("launch an
  offensive", "a speech he is expected to deliver") is anchored on that verb.
- :meth:`TriggerFinder.retype` - ``type_by_theme`` / ``cameo_by_theme``: "send
  tanks" is a TRANSFER, not a DEPLOY (the roles are re-filled by the caller's
  ``refill``, so this module needs no role stage).
- :meth:`TriggerFinder.code_cameo` - the finest CAMEO code the verb dictionary
  supports (``cameo.py``), and its sense guards / discards.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.matcher import Matcher
from spacy.tokens import Span, Token
from spacy.util import filter_spans

from newsie.events.actors import ActorCoder
from newsie.events.cameo import CameoCoder, compatible, refine_type, type_for_code
from newsie.events.model import Candidate, Context
from newsie.events.resources import EventType, Lexicon, TriggerEntry
from newsie.schema import EVENT_TYPES

#: entity labels of participants that can act in a CAMEO event
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
ACTOR_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "who"})
#: the code of a plain statement: a reporting verb that the dictionary codes otherwise is retyped
STATEMENT_CODE = "010"
#: families of events whose casualties are told as their consequence ("the attack killed 12")
CAUSE_FAMILIES = frozenset({"fight", "assault", "mass_violence", "disaster"})
#: GUIDELINES 6.2: events in sports or entertainment copy that are legal or economic are coded, so a
#: Phoenix discard phrase ("Beatles", a sports term) in their sentence does not drop them
CODED_DESPITE_DISCARD = frozenset({"justice", "business"})  # in-match play (a head-butt) stays discarded


class TriggerFinder:
    """The compiled trigger lexicon of one extractor (Matcher patterns + a lemma index) and the CAMEO coder."""

    def __init__(self, vocab, lexicon: Lexicon, cameo: CameoCoder, actors: ActorCoder | None = None) -> None:
        add_inventory_types(lexicon)
        self.lexicon = lexicon
        self.cameo = cameo
        #: Phoenix agent nouns ("police", "troops") tell an actor-like participant of a dictionary trigger
        self.agents: frozenset[str] = frozenset(actors.agents) if actors is not None else frozenset()
        self.matcher = Matcher(vocab)
        self.entries: dict[str, tuple[str, TriggerEntry]] = {}
        #: single-word triggers by lemma: a dict look-up per token is ~10x faster than Matcher patterns
        self.by_lemma: dict[str, list[str]] = {}
        for ev_name, ev in lexicon.events.items():
            for k, entry in enumerate(ev.triggers):
                key = f"{ev_name}|{k}"
                self.entries[key] = (ev_name, entry)
                if entry.pattern is None:
                    self.by_lemma.setdefault(entry.lemma.lower(), []).append(key)
                else:
                    self.matcher.add(key, [_pattern(entry)])

    def candidates(self, ctx: Context) -> list[Candidate]:
        """One :class:`Candidate` per accepted trigger, in document order."""
        doc = ctx.doc
        spans: list[Span] = []
        for match_id, start, end in self.matcher(doc):
            spans.append(Span(doc, start, end, label=doc.vocab.strings[match_id]))
        for tok in doc:
            for key in self.by_lemma.get(tok.lemma_.lower(), ()):
                if _token_matches(self.entries[key][1], tok):
                    spans.append(Span(doc, tok.i, tok.i + 1, label=key))
        support = set(self.lexicon.support_verbs)
        occurrence = set(self.lexicon.occurrence_verbs)
        habitual = set(self.lexicon.habitual_adverbs)
        # constraints first: an entry that fails on the parse ("call" + "off") must not hide another entry
        # of the same words that holds ("call" + "on")
        spans = [s for s in spans if _entry_ok(self.entries[s.label_][1], head_of(s), s)
                 and (not self.entries[s.label_][1].actor_subject or self._actor_subject(head_of(s)))]
        noun_heads = {head_of(s).i for s in spans if head_of(s).pos_ in ("NOUN", "PROPN")}
        out: list[Candidate] = []
        for span in sorted(filter_spans(spans), key=lambda s: s.start):
            ev_name, entry = self.entries[span.label_]
            head = head_of(span)
            nominal = head.pos_ in ("NOUN", "PROPN")
            if not nominal and head.lemma_.lower() in support and self.lexicon.complement_of(ev_name) != "frame":
                obj = next((c for c in head.children if c.dep_ == "dobj"), None)
                if obj is not None and obj.i in noun_heads:
                    continue  # "host a summit": the noun is the event, the verb its support
            if not nominal and any(c.dep_ == "mark" and c.lower_ == "whether" for c in head.children):
                continue  # "did not say whether he decided to leave": an open question, not a reported event
            if not nominal and _habitual(head, habitual):
                continue  # "airframers normally supply assistance": what usually happens, not an event
            if not nominal and (_unneeded(head) or _generic_relative(head)):
                continue  # "we do not need to buy", "airlines that buy the plane": no event took place
            if not nominal and head.tag_ in ("VBN", "VBG") and head.dep_ == "amod":
                continue  # "bombed-out parts", "the investigating officer": a participle used as an adjective
            anchor, supported = (head, False)
            if nominal:
                anchor, supported = support_anchor(head, support)
                if not supported and head.dep_ == "nsubj" and head.head.lemma_.lower() in occurrence \
                        and not _generic(head):
                    anchor, supported = head.head, True  # "an earthquake struck": the verb's clause
                if entry.needs_support and not supported:
                    continue
            ev: EventType = self.lexicon.events[ev_name]
            lemma = entry.lemma or span.text.lower()
            if entry.particle:
                lemma = f"{lemma} {entry.particle}"
            out.append(Candidate(
                type=ev_name, lemma=lemma, cameo=entry.cameo or ev.cameo, start=span.start, end=span.end,
                head=head.i, anchor=anchor.i, nominal=nominal, supported=supported, sent=ctx.sent_of[head.i],
                entry_rule=f"lexicon:{ev_name}:{lemma}", retype=entry.retype,
            ))
        taken = {t.i for s in spans for t in s} | {c.anchor for c in out}  # support verbs too
        out.extend(self._dictionary_candidates(ctx, taken))
        _threats(ctx, out)
        self._mass_killings(ctx, out)
        return sorted(_without_consequences(ctx, out), key=lambda c: c.start)

    def _dictionary_candidates(self, ctx: Context, taken: set[int]) -> list[Candidate]:
        """Verbs the lexicon does not list but the CAMEO verb dictionary codes in an event context
        (``CameoCoder.dictionary_trigger``), typed by the inventory (``type_for_code``)."""
        out: list[Candidate] = []
        for tok in ctx.doc:
            if tok.i in taken or tok.pos_ != "VERB" or any(
                    c.i in taken or any(g.i in taken for g in c.children)
                    for c in tok.children if c.dep_ in ("dobj", "prep")):
                continue  # a lexicon trigger as object ("launches a counter-offensive", "joined X for talks")
            found = self.cameo.dictionary_trigger(tok, self.actor_like)
            if found is None:
                continue
            ev_type = type_for_code(found.code)
            if ev_type is None or ev_type not in self.lexicon.events:
                continue
            out.append(Candidate(
                type=ev_type, lemma=tok.lemma_.lower(), cameo=found.code, start=tok.i, end=tok.i + 1, head=tok.i,
                anchor=tok.i, nominal=False, supported=False, sent=ctx.sent_of[tok.i],
                entry_rule=f"cameo:{found.rule}",
            ))
        return out

    def _mass_killings(self, ctx: Context, cands: list[Candidate]) -> None:
        """"ISIL has killed 70 members of the tribe": a named party or agent killing many people (``mass_killing_min``
        of the lexicon) is a MASS_KILLING (202)."""
        least = self.lexicon.mass_killing_min
        if not least or "MASS_KILLING" not in self.lexicon.events:
            return
        for cand in cands:
            verb = ctx.doc[cand.head]
            if cand.type != "KILL" or cand.nominal or not self._actor_subject(verb):
                continue
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            counts = [g for g in (obj.children if obj is not None else ()) if g.dep_ == "nummod" and g.like_num]
            if counts and _number(counts[0].text) >= least:
                cand.type, cand.cameo = "MASS_KILLING", self.lexicon.events["MASS_KILLING"].cameo
                cand.entry_rule += "+mass_killing:count"

    def _actor_subject(self, verb: Token) -> bool:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None and verb.dep_ == "conj":  # "welcomed everyone ... and announced that"
            subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        return subj is not None and (subj.pos_ == "PROPN" or self.actor_like(subj))

    def actor_like(self, tok: Token) -> bool:
        """A participant that can act in a CAMEO event: a named person, organisation, place or nationality,
        a personal pronoun, or an agent noun of the Phoenix agents dictionary ("police", "troops")."""
        if tok.ent_type_ in ACTOR_LABELS:
            return True
        if tok.pos_ == "PRON":
            return tok.lower_ in ACTOR_PRONOUNS
        return tok.pos_ in ("NOUN", "PROPN") and (tok.lower_ in self.agents or tok.lemma_.lower() in self.agents)

    def retype(self, ctx: Context, cand: Candidate, refill: Callable[[Context, Candidate], None]) -> None:
        """Retype by the theme's head noun (``type_by_theme``; ``refill`` re-runs the role stage), then refine
        the CAMEO code by it (``cameo_by_theme``)."""
        theme = cand.roles.get("theme")
        if theme is None:
            return
        lemma = ctx.doc[theme.head].lemma_.lower()
        ev = self.lexicon.events[cand.type]
        for new_type, lemmas in ev.type_by_theme.items():
            if lemma in lemmas and cand.retype:
                cand.type = new_type
                cand.cameo = self.lexicon.events[new_type].cameo
                cand.entry_rule += f"+type_by_theme:{new_type}"
                refill(ctx, cand)
                ev = self.lexicon.events[new_type]
                break
        for code, lemmas in ev.cameo_by_theme.items():
            if lemma in lemmas:
                cand.cameo = code
                break

    def code_cameo(self, ctx: Context, cand: Candidate) -> None:
        """Refine the record's CAMEO code from the verb dictionary (``cameo.py``): a finer code of the same
        branch ("released the prisoners": 084 -> 0841); a newsie sense guard or a discard phrase (an
        accident, sports copy) marks a CAMEO-coded type as no event.  Types without a code are left alone."""
        if cand.cameo is None:
            return
        found = self.cameo.match(ctx.doc[cand.head])
        if found is None:
            return
        if found.blocks:
            if found.rule.startswith("discard:") and _family(cand) in CODED_DESPITE_DISCARD:
                return
            cand.dropped = f"cameo {found.rule}"
        elif compatible(cand.cameo, found.code) and found.code != cand.cameo:
            cand.cameo = found.code
            cand.entry_rule += f"+cameo:{found.rule}"
            # the noun table ("drone strike" 195) and patterns outside the use of force ("claimed
            # responsibility" 015) name a finer kind of event; force patterns add weapon details (193)
            if found.kind == "noun" or not found.code.startswith(("18", "19", "20")):
                self.refine_type(cand)
        elif cand.cameo == STATEMENT_CODE and found.kind == "pattern" and found.code \
                and not found.code.startswith("01") and cand.retype:
            # a reporting verb whose object makes it another act: "declared a ceasefire" (0871),
            # "declared war" - the complement, not the verb, types the speech act
            new_type = type_for_code(found.code)
            if new_type is not None and new_type in self.lexicon.events:
                cand.type, cand.cameo = new_type, found.code
                cand.entry_rule += f"+cameo:{found.rule}+type_by_code:{new_type}"

    def require_actor(self, ctx: Context, cand: Candidate) -> None:
        """``require_actor`` types (STATEMENT): a speech act with no speaker, or with an anonymous one
        (``anonymous_actors``: "the source added"), is no record; called after the role stage."""
        ev = self.lexicon.events[cand.type]
        if not getattr(ev, "require_actor", False) or cand.dropped is not None:
            return
        actor = cand.roles.get("actor")
        if actor is None:
            cand.dropped = "speech act without a speaker"
        elif actor.norm is None and ctx.doc[actor.head].lemma_.lower() in ev.anonymous_actors:
            cand.dropped = "speech act by an anonymous speaker"

    @staticmethod
    def refine_type(cand: Candidate) -> None:
        """A record coded finer than its type is of the finer inventory type (ATTACK 195 -> AIRSTRIKE,
        CRITICIZE 112 -> ACCUSE, MEET 042 -> VISIT; ``cameo.refine_type``).  Run on the code the lexicon
        entry or the theme gave, before the verb dictionary refines it: upstream patterns code fine
        distinctions of a verb's object ("attacked positions" 193) that are a code, not a new kind of event."""
        finer = refine_type(cand.type, cand.cameo) if cand.retype else cand.type  # retype: false keeps it
        if finer != cand.type:
            cand.entry_rule += f"+type_by_code:{finer}"
            cand.type = finer


def add_inventory_types(lexicon: Lexicon) -> None:
    """Every inventory type (``event_types.tsv``) the lexicon lacks, without triggers of its own: the CAMEO
    dictionary and type refinement may produce any of them ("fired" 194 SHELLING, "visit" MEET -> VISIT).

    Such a type behaves like the first lexicon type of its family (VISIT like MEET: scheduled, so
    "expected to visit" is planned; SHELLING like ATTACK); a family without a lexicon type gets the default
    roles of a dyadic CAMEO event (the object or "against"/"on"/"with" phrase is the target)."""
    parents: dict[str, EventType] = {}
    for name, ev in lexicon.events.items():
        et = EVENT_TYPES.get(name)
        if et is not None and ev.triggers:
            parents.setdefault(et.family, ev)
    for name, et in EVENT_TYPES.items():
        if name in lexicon.events:
            continue
        parent = parents.get(et.family)
        roles = dict(parent.roles) if parent is not None else {
            "target": ("object", "passive_subject", "prep:against,on,with", "object_owner"), "theme": ()}
        lexicon.events[name] = EventType.model_construct(
            cameo=et.cameo, gloss=et.description.split(";")[0].lower() or name.lower(), summary=None,
            complement=parent.complement if parent is not None else None,
            modality=parent.modality if parent is not None else None,
            future_modality=parent.future_modality if parent is not None else None,
            require_actor_norm=False, require_actor=False, anonymous_actors=(), triggers=(), roles=roles, type_by_theme={}, cameo_by_theme={},
        )


def _habitual(verb: Token, adverbs: set[str]) -> bool:
    """The verb's clause, or the clause it completes ("are often hired to lobby"), has an adverb of habit."""
    tok: Token | None = verb
    for _ in range(2):
        if tok is None:
            return False
        if any(c.dep_ == "advmod" and c.lower_ in adverbs for c in tok.children):
            return True
        tok = tok.head if tok.dep_ in ("xcomp", "conj") and tok.head.i != tok.i else None
    return False


def _threats(ctx: Context, cands: list[Candidate]) -> None:
    """A statement that the speaker will use force ("North Korea stated it would attack any loudspeakers") is a
    THREATEN (GUIDELINES 4.7: incl. hinting at future action against someone), coded 138."""
    doc = ctx.doc
    force = {c.head for c in cands if _family(c) in CAUSE_FAMILIES}
    for cand in cands:
        if cand.type != "STATEMENT" or cand.nominal:
            continue
        for comp in doc[cand.head].children:
            if comp.dep_ == "ccomp" and comp.i in force and not any(c.dep_ == "neg" for c in comp.children) \
                    and any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in comp.children):
                cand.type, cand.cameo = "THREATEN", "138"
                cand.entry_rule += "+threat:future_force"
                break


def _number(text: str) -> float:
    """A digit count ("70", "1,200"); 0 for anything else (words are left to the values stage)."""
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return 0.0


def _unneeded(verb: Token) -> bool:
    """The verb completes a negated need ("we do not need to buy aircraft"): nothing is done."""
    up = verb.head
    return verb.dep_ == "xcomp" and up.lemma_.lower() == "need" and any(c.dep_ == "neg" for c in up.children)


def _generic_relative(verb: Token) -> bool:
    """A present-tense relative clause on a bare plural ("airlines that buy the plane", "countries that supply
    weapons") describes a kind of party, not an event."""
    if verb.dep_ != "relcl" or verb.tag_ not in ("VBP", "VBZ") or any(c.dep_ == "aux" for c in verb.children):
        return False
    noun = verb.head
    return noun.tag_ in ("NNS", "NNPS") and not noun.ent_type_ and not any(
        c.dep_ in ("det", "nummod", "poss") for c in noun.children)


def _family(cand: Candidate) -> str | None:
    et = EVENT_TYPES.get(cand.type)
    return et.family if et is not None else None


def _casualty(cand: Candidate) -> bool:
    return _family(cand) == "casualty"


def _without_consequences(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """GUIDELINES 6.6: casualties go on the causing event.  A verbal killing, injury or death told as the
    consequence of another event of the sentence is no record of its own (the values stage gives its counts to
    the cause): "attacks which have killed 12" (relative clause), "the plane crashed, killing 228" (participle),
    "was struck and killed" (conjoined with the cause), "killed by an airstrike" / "the blast killed"
    (the cause is the agent or subject).  Victims named by a relative clause are no event either: "those
    (who were) injured" (``casualty_victims`` of the lexicon)."""
    doc = ctx.doc
    causes = {i for c in cands if _family(c) in CAUSE_FAMILIES for i in (c.head, c.anchor)}
    victims = set(ctx.lexicon.casualty_victims)
    dropped: set[int] = set()
    keep: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: c.head):
        head = doc[cand.head]
        if not _casualty(cand) or cand.nominal or head.i in causes:
            keep.append(cand)
            continue
        if head.dep_ in ("relcl", "acl") and head.head.lower_ in victims:
            dropped.add(head.i)
            continue
        linked = {head.head.i} if head.dep_ in ("relcl", "advcl", "conj") else set()
        if head.dep_ == "relcl":  # "the attack on the camp that killed 12": the clause hangs on the cause's phrase
            up = head.head
            while up.dep_ in ("pobj", "prep") and up.head.i != up.i:
                up = up.head
                linked.add(up.i)
        for child in head.children:
            if child.dep_ in ("nsubj", "csubj"):
                linked.add(child.i)
            elif child.dep_ == "agent":
                linked.update(g.i for g in child.children if g.dep_ == "pobj")
        if linked & causes or (head.dep_ == "conj" and head.head.i in dropped):
            dropped.add(head.i)  # "killed and injured": the injury goes with the killing
            continue
        keep.append(cand)
    return keep


def _generic(noun: Token) -> bool:
    """A bare plural ("deadly stampedes have taken place during the Hajj") speaks of a kind of event."""
    return noun.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("det", "nummod", "poss") for c in noun.children)


def _pattern(entry: TriggerEntry) -> list[dict]:
    return [dict(p) for p in entry.pattern or ()]


def head_of(span: Span) -> Token:
    """The trigger's syntactic head: the last token whose head lies outside the span."""
    outside = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    return outside[-1] if outside else span.root


def _token_matches(entry: TriggerEntry, tok: Token) -> bool:
    """A single-word trigger entry matches a token: part of speech and grammatical number."""
    if tok.pos_ not in entry.pos:
        return False
    plural = tok.tag_ in ("NNS", "NNPS")
    return not ((entry.number == "plural" and not plural) or (entry.number == "singular" and plural))


def _entry_ok(entry: TriggerEntry, head: Token, span: Span) -> bool:
    if entry.particle and not any(
        c.dep_ in ("prt", "prep", "advmod") and c.lower_ == entry.particle for c in head.children
    ):
        return False
    if entry.requires_complement and not any(c.dep_ in ("xcomp", "ccomp") for c in head.children):
        return False
    reduced = head.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in head.children)
    objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass") or (reduced and c.dep_ == "nsubj")]
    if entry.exclude_object_lemmas and any(c.lemma_.lower() in entry.exclude_object_lemmas for c in objects):
        return False
    if entry.object_lemmas and not any(c.lemma_.lower() in entry.object_lemmas for c in objects):
        return False
    if entry.exclude_counted_object and not any(c.dep_ in ("xcomp", "ccomp") for c in head.children) and any(
        c.like_num or any(g.dep_ == "nummod" for g in c.children) for c in objects
    ):
        return False
    if entry.object_ents:
        owners = objects + ([head.head] if head.dep_ == "acl" and head.tag_ == "VBN" else [])
        if not any(t.ent_type_ in entry.object_ents for c in owners
                   for t in (c, *(g for g in c.children if g.dep_ == "compound"))):
            return False
    if entry.requires_clause and not any(c.dep_ == "ccomp" for c in head.children):
        return False
    if entry.subject_lemmas and not any(
            c.dep_ in ("nsubj", "nsubjpass") and (c.lemma_.lower() in entry.subject_lemmas
                                                  or c.lower_ in entry.subject_lemmas)
            for c in head.children):
        return False
    if entry.requires_any and not any(
            c.dep_ in entry.requires_any or (c.dep_ == "prep" and f"prep:{c.lower_}" in entry.requires_any)
            for c in head.children):
        return False
    if entry.intransitive and any(c.dep_ == "dobj" for c in head.children):
        return False
    if entry.active_only and (any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)
                              or (head.tag_ == "VBN" and head.dep_ == "acl")):  # "the taxes requested in arrears"
        return False
    doc = span.doc
    if entry.exclude_next_lemmas and span.end < len(doc) and doc[span.end].lemma_.lower() in entry.exclude_next_lemmas:
        return False
    return not (entry.exclude_prev_lemmas and span.start > 0
                and doc[span.start - 1].lemma_.lower() in entry.exclude_prev_lemmas)


def support_anchor(noun: Token, support: set[str]) -> tuple[Token, bool]:
    """The support verb of a nominal trigger ("launch an offensive"; "a speech he will deliver")."""
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX") \
            and noun.head.lemma_.lower() in support:
        return noun.head, True
    for child in noun.children:
        if child.dep_ == "relcl":
            tok: Token | None = child
            while tok is not None:  # the relative clause's verb or its xcomp chain ("is expected to deliver")
                if tok.pos_ == "VERB" and tok.lemma_.lower() in support and not any(
                        c.dep_ == "dobj" for c in tok.children):
                    return tok, True
                tok = next((c for c in tok.children if c.dep_ == "xcomp"), None)
    return noun, False
