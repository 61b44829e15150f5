"""The event extractor: trigger matching and the passes that turn triggers into records.

Pipeline of passes (each generic, each configured by the data files):

1. triggers   - spaCy ``Matcher`` patterns compiled from ``lexicon.yaml``;
                longest match wins; trigger constraints (particle, support verb,
                excluded objects) are checked on the parse.
2. anchors    - a nominal trigger governed by a support verb ("launch an
                offensive", "a speech he is expected to deliver") is anchored
                on that verb: subject, time, modality come from its clause.
3. absorption - events inside the complement of an ``absorb`` type ("ordered X
                to pick out Y to be sent to Z") become part of it.
4. roles      - role finders named in the lexicon, deepest events first so
                absorbing events can read their embedded events' roles.
5. values     - time (tree-governed DATE/TIME entities), quantity and age.
6. source and modality (``cues.yaml``), filters, cross-sentence merges.
7. records    - schema ``EventRecord`` objects with offsets, rule and summary.
"""

from __future__ import annotations

import re
from pathlib import Path

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newsie.events import attribution, merge, modality, roles, values
from newsie.events.actors import ActorCoder, default_actor_coder
from newsie.events.cameo import CameoCoder, compatible, default_coder, refine_type, type_for_code
from newsie.events.model import Candidate, Context, Fill, ValueFill
from newsie.events.resources import (
    DATA_DIR,
    EventType,
    Lexicon,
    TriggerEntry,
    load_aliases,
    load_cues,
    load_lexicon,
    load_merges,
)
from newsie.events.syntax import norm_text
from newsie.schema import (
    EVENT_TYPES,
    AgeArgument,
    Argument,
    EventRecord,
    Mention,
    Participant,
    QuantityArgument,
    TimeArgument,
)

ROLE_ORDER = ("actor", "target", "theme", "destination", "location")
#: roles whose participants get a CAMEO actor code and country (places keep their own names)
CODED_ROLES = ("actor", "target")
#: dependency links through which an event enters an absorbing governor's complement
COMPLEMENT_LINKS = frozenset({"xcomp", "ccomp", "dobj", "dative", "oprd", "acl"})


class EventExtractor:
    """Callable over a parsed ``Doc``: returns the event records (and is the spaCy component)."""

    def __init__(self, vocab, data_dir: str | Path | None = None) -> None:
        directory = Path(data_dir) if data_dir else DATA_DIR
        self.lexicon = load_lexicon(directory)
        self.cues = load_cues(directory)
        self.aliases = load_aliases(directory)
        self.merges = load_merges(directory)
        # a customised data directory may bring its own CAMEO tables; otherwise the shipped ones are used
        coding_dir = directory if (directory / "cameo_guards.tsv").exists() else DATA_DIR
        self.cameo: CameoCoder = default_coder(coding_dir)
        actors_dir = coding_dir / "eventdata"
        self.actor_coder: ActorCoder = default_actor_coder(
            actors_dir if (actors_dir / "agents.tsv").exists() else DATA_DIR / "eventdata"
        )
        add_inventory_types(self.lexicon)
        self.matcher = Matcher(vocab)
        self.entries: dict[str, tuple[str, TriggerEntry]] = {}
        #: single-word triggers by lemma: a dict look-up per token is ~10x faster than Matcher patterns
        self.by_lemma: dict[str, list[str]] = {}
        for ev_name, ev in self.lexicon.events.items():
            for k, entry in enumerate(ev.triggers):
                key = f"{ev_name}|{k}"
                self.entries[key] = (ev_name, entry)
                if entry.pattern is None:
                    self.by_lemma.setdefault(entry.lemma.lower(), []).append(key)
                else:
                    self.matcher.add(key, [self._pattern(entry)])

    @staticmethod
    def _pattern(entry: TriggerEntry) -> list[dict]:
        return [dict(p) for p in entry.pattern or ()]

    # ------------------------------------------------------------ pass 1-2
    def _candidates(self, ctx: Context) -> list[Candidate]:
        doc = ctx.doc
        spans: list[Span] = []
        for match_id, start, end in self.matcher(doc):
            spans.append(Span(doc, start, end, label=doc.vocab.strings[match_id]))
        for tok in doc:
            for key in self.by_lemma.get(tok.lemma_.lower(), ()):
                if _token_matches(self.entries[key][1], tok):
                    spans.append(Span(doc, tok.i, tok.i + 1, label=key))
        support = set(self.lexicon.support_verbs)
        noun_heads = {_head_of(s).i for s in spans if _head_of(s).pos_ in ("NOUN", "PROPN")}
        out: list[Candidate] = []
        for span in sorted(filter_spans(spans), key=lambda s: s.start):
            ev_name, entry = self.entries[span.label_]
            head = _head_of(span)
            if not _entry_ok(entry, head, span):
                continue
            nominal = head.pos_ in ("NOUN", "PROPN")
            if not nominal and head.lemma_.lower() in support:
                obj = next((c for c in head.children if c.dep_ == "dobj"), None)
                if obj is not None and obj.i in noun_heads:
                    continue  # "host a summit": the noun is the event, the verb its support
            if not nominal and head.tag_ == "VBN" and head.dep_ == "amod":
                continue  # "bombed-out parts": a participle used as an adjective is no event
            anchor, supported = (head, False)
            if nominal:
                anchor, supported = _support_anchor(head, support)
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
        taken = {t.i for s in spans for t in s}
        out.extend(self._dictionary_candidates(ctx, taken))
        return sorted(out, key=lambda c: c.start)

    def _dictionary_candidates(self, ctx: Context, taken: set[int]) -> list[Candidate]:
        """Verbs the lexicon does not list but the CAMEO verb dictionary codes in an event context
        (``CameoCoder.dictionary_trigger``), typed by the inventory (``type_for_code``)."""
        out: list[Candidate] = []
        for tok in ctx.doc:
            if tok.i in taken or tok.pos_ != "VERB":
                continue
            found = self.cameo.dictionary_trigger(tok, self._actor_like)
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

    def _actor_like(self, tok: Token) -> bool:
        """A participant that can act in a CAMEO event: a named person, organisation, place or nationality,
        a personal pronoun, or an agent noun of the Phoenix agents dictionary ("police", "troops")."""
        if tok.ent_type_ in ACTOR_LABELS:
            return True
        if tok.pos_ == "PRON":
            return tok.lower_ in ACTOR_PRONOUNS
        return tok.pos_ in ("NOUN", "PROPN") and (tok.lower_ in self.actor_coder.agents
                                                  or tok.lemma_.lower() in self.actor_coder.agents)

    # ------------------------------------------------------------ pass 3
    def _absorb(self, ctx: Context, cands: list[Candidate]) -> None:
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
                    (self.lexicon.complement_of(gov.type) == "absorb"
                     and (link in COMPLEMENT_LINKS or (link == "prep" and norm_text(prev.text)
                                                       in modality.phrase_children(ctx, cur.lemma_.lower()))))
                    or (gov.type == cand.type and cand.nominal)  # "agreed to a deal": one agreement
                ):
                    cand.absorbed_by = gov
                    gov.absorbed.append(cand)
                    break
                if any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
                    break

    # ------------------------------------------------------------ pass 4
    def _fill_roles(self, ctx: Context, cand: Candidate) -> None:
        cand.roles = {}
        finders = self.lexicon.roles_for(cand.type)
        for role in ROLE_ORDER:
            for spec in finders.get(role, ()):
                fill = roles.run_finder(ctx, cand, spec)
                if fill is None or fill.end_tok <= fill.start_tok:
                    continue
                if fill.start_tok < cand.end and cand.start < fill.end_tok and role != "theme":
                    continue  # a role never overlaps its own trigger
                if any(fill.same_span(other) for other in cand.roles.values()):
                    continue
                if fill.literal and role not in self.aliases.capital_roles:
                    fill.norm = fill.literal  # "visited Berlin" is the city; "Berlin said" is Germany
                cand.roles[role] = fill
                break

    def _retype(self, ctx: Context, cand: Candidate) -> None:
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
                self._fill_roles(ctx, cand)
                ev = self.lexicon.events[new_type]
                break
        for code, lemmas in ev.cameo_by_theme.items():
            if lemma in lemmas:
                cand.cameo = code
                break

    def _code_cameo(self, ctx: Context, cand: Candidate) -> None:
        """Refine the record's CAMEO code from the verb dictionary (``cameo.py``): a finer code of the same
        branch ("released the prisoners": 084 -> 0841); a newsie sense guard or a discard phrase (an
        accident, sports copy) marks a CAMEO-coded type as no event.  Types without a code are left alone."""
        if cand.cameo is None:
            return
        found = self.cameo.match(ctx.doc[cand.head])
        if found is None:
            return
        if found.blocks:
            cand.dropped = f"cameo {found.rule}"
        elif compatible(cand.cameo, found.code) and found.code != cand.cameo:
            cand.cameo = found.code
            cand.entry_rule += f"+cameo:{found.rule}"

    @staticmethod
    def _refine_type(cand: Candidate) -> None:
        """A record coded finer than its type is of the finer inventory type (ATTACK 195 -> AIRSTRIKE)."""
        finer = refine_type(cand.type, cand.cameo)
        if finer != cand.type:
            cand.entry_rule += f"+type_by_code:{finer}"
            cand.type = finer

    # ------------------------------------------------------------ driver
    def extract(self, doc: Doc) -> list[EventRecord]:
        ctx = Context(doc, self.lexicon, self.cues, self.aliases)
        cands = self._candidates(ctx)
        ctx.candidates = cands
        ctx.by_anchor = {c.anchor: c for c in cands}
        for c in cands:
            ctx.by_anchor.setdefault(c.head, c)
        ctx.trigger_heads = {c.head for c in cands}
        self._absorb(ctx, cands)
        for cand in sorted(cands, key=lambda c: -len(list(doc[c.anchor].ancestors))):
            self._fill_roles(ctx, cand)
            self._retype(ctx, cand)
            self._code_cameo(ctx, cand)
            self._refine_type(cand)
        values.assign_times(ctx, cands)
        quotes = attribution.quote_regions(ctx)
        for cand in cands:
            values.assign_amounts(ctx, cand)
            cand.source, cand.framed_by = attribution.find_source(ctx, cand)
            if cand.source is None and cand.framed_by is None:
                cand.source = attribution.quoted_source(ctx, cand, quotes)
            self._first_person_actor(ctx, cand, quotes)
            actor = cand.roles.get("actor")
            if cand.source is not None and actor is not None and (
                    cand.source.same_span(actor) or (actor.norm is not None and actor.norm == cand.source.norm)):
                cand.source = None  # "Fenwick noted ..., saying ...": the speaker is not their own source
            cand.modality, cand.modality_rule = modality.find_modality(ctx, cand)
        self._filter(ctx, cands)
        for cand in cands:
            cand.id = _mention_id(ctx, cand)
        merge.apply_merges(ctx, [c for c in cands if c.dropped is None], self.merges.merges)
        for cand in cands:
            if cand.dropped is None and self._bare(cand) and not cand.merged:
                cand.dropped = "bare nominal mention (no role, no time)"
        live = [c for c in cands if c.dropped is None]
        return [self._record(ctx, c, n) for n, c in enumerate(live)]

    @staticmethod
    def _first_person_actor(ctx: Context, cand: Candidate, quotes: list[tuple[int, int]]) -> None:
        """"“I have ordered ...,” the president said": inside a quotation "I"/"we" is its speaker."""
        actor = cand.roles.get("actor")
        if actor is None or ctx.doc[actor.head].lower_ not in attribution.FIRST_PERSON:
            return
        for region in quotes:
            if region[0] <= actor.head < region[1]:
                speaker = attribution.quote_speaker(ctx, region)
                if speaker is not None:
                    fill = attribution._speaker_fill(ctx, speaker, "subject+coref:quote_speaker")
                    cand.roles["actor"] = Fill(actor.start_tok, actor.end_tok, actor.head, fill.rule,
                                               fill.label, fill.norm)
                return

    def _bare(self, cand: Candidate) -> bool:
        """A nominal mention with no support verb, no role, no time, no count (dropped if configured)."""
        return self.lexicon.drop_bare_nominals and cand.nominal and not cand.supported and not cand.roles \
            and cand.time is None and cand.quantity is None

    def _filter(self, ctx: Context, cands: list[Candidate]) -> None:
        frame_heads = {c.framed_by for c in cands if c.framed_by is not None and not self._bare(c)}
        for cand in cands:
            ev = self.lexicon.events[cand.type]
            if cand.absorbed_by is not None:
                cand.dropped = f"absorbed by {cand.absorbed_by.type}"
            elif self.lexicon.complement_of(cand.type) == "frame" and cand.anchor in frame_heads:
                cand.dropped = "reporting frame of another event"
            elif ev.require_actor_norm and (cand.roles.get("actor") is None or cand.roles["actor"].norm is None):
                cand.dropped = "actor without a canonical name"

    # ------------------------------------------------------------ records
    def _record(self, ctx: Context, cand: Candidate, n: int) -> EventRecord:
        sent = ctx.sents[cand.sent]
        args = {role: _argument(ctx, fill) for role, fill in cand.roles.items() if role != "theme"}
        for role in CODED_ROLES:
            if role in args:
                self._code_actor(ctx, args[role], cand.roles[role])
        trigger = _mention(ctx, cand)
        rec = EventRecord(
            id=f"e{n}",
            type=cand.type,
            cameo=cand.cameo,
            trigger=trigger,
            mentions=[trigger, *(_mention(ctx, m) for m in cand.merged)],
            actors=[args["actor"]] if "actor" in args else [],
            targets=[args["target"]] if "target" in args else [],
            theme=_argument(ctx, cand.roles["theme"], Argument) if "theme" in cand.roles else None,
            location=args.get("location"),
            destination=args.get("destination"),
            source=self._code_actor(ctx, _argument(ctx, cand.source), cand.source) if cand.source is not None else None,
            time=_time(ctx, cand.time),
            quantity=_quantity(ctx, cand.quantity),
            age=_age(ctx, cand.age),
            modality=cand.modality,
            sentence=cand.sent,
            evidence=sent.text.strip(),
            rule="+".join([cand.entry_rule, *([cand.modality_rule] if cand.modality_rule else []),
                           *dict.fromkeys(cand.merge_rules)]),
        )
        ev = self.lexicon.events[cand.type]
        embedded = cand.all_absorbed()
        rec.summary = summarize(rec, ev.gloss, ev.summary,
                                embedded=embedded[0].type.lower().replace("_", " ") if embedded else None)
        return rec

    def _code_actor(self, ctx: Context, arg: Argument, fill: Fill) -> Argument:
        """CAMEO actor ``code`` and ISO ``country`` of a participant on the article date (``actors.py``):
        from its own words, else from its canonical name (a pronoun or an alias resolved upstream)."""
        if not isinstance(arg, Participant):
            return arg
        date = ctx.doc._.date
        code, country = self.actor_coder.code(arg.text, date)
        if code is None and fill.norm and fill.norm != arg.text:
            code, country = self.actor_coder.code(fill.norm, date)
        if country is None and (code is None or code in self.actor_coder.roles) and self._local(ctx, fill):
            home = self.actor_coder.home_country(ctx.doc)
            if home is not None:  # a local actor named without nationality: the story's country
                code, country = home + (code or ""), home
        arg.code, arg.country = code, country
        return arg

    def _local(self, ctx: Context, fill: Fill) -> bool:
        """A participant that is a person, organisation, agent noun or personal pronoun (not a thing)."""
        head = ctx.doc[fill.head]
        return head.ent_type_ in ("PERSON", "ORG", "NORP") or self._actor_like(head) or (
            head.pos_ == "NOUN" and head.lemma_.lower() in LOCAL_NOUNS)

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.extract(doc)
        return doc


# ---------------------------------------------------------------- helpers
#: entity labels of participants that can act in a CAMEO event
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: person nouns the Phoenix agents lack that still name local people ("the parents")
LOCAL_NOUNS = frozenset({"parent", "family", "relative", "resident", "victim", "sister", "brother", "mother",
                         "father", "son", "daughter", "wife", "husband", "child", "man", "woman", "people"})
ACTOR_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "who"})


def add_inventory_types(lexicon: Lexicon) -> None:
    """Every inventory type (``event_types.tsv``) the lexicon lacks, with default roles and no triggers of its
    own: the CAMEO dictionary and type refinement may produce any of them ("fired" 194 SHELLING)."""
    for name, et in EVENT_TYPES.items():
        if name not in lexicon.events:
            lexicon.events[name] = EventType.model_construct(
                cameo=et.cameo, gloss=et.description.split(";")[0].lower() or name.lower(), summary=None,
                complement=None, modality=None, future_modality=None, require_actor_norm=False, triggers=(),
                roles={"target": ("object", "passive_subject", "prep:against,on,with", "object_owner"),
                       "theme": ()},
                type_by_theme={}, cameo_by_theme={},
            )
def _head_of(span: Span) -> Token:
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
    if entry.intransitive and any(c.dep_ == "dobj" for c in head.children):
        return False
    if entry.active_only and any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children):
        return False
    doc = span.doc
    if entry.exclude_next_lemmas and span.end < len(doc) and doc[span.end].lemma_.lower() in entry.exclude_next_lemmas:
        return False
    return not (entry.exclude_prev_lemmas and span.start > 0
                and doc[span.start - 1].lemma_.lower() in entry.exclude_prev_lemmas)


def _support_anchor(noun: Token, support: set[str]) -> tuple[Token, bool]:
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


def _mention_id(ctx: Context, cand: Candidate) -> str:
    """A readable id for log and drop messages: ``TYPE:sentence:start-end:trigger``."""
    trig = ctx.doc[cand.start:cand.end]
    return f"{cand.type}:{cand.sent}:{trig.start_char}-{trig.end_char}:{trig.text}"


def _mention(ctx: Context, cand: Candidate) -> Mention:
    """A candidate's trigger as a record mention (span, sentence, lemma, the rule that found it)."""
    trig = ctx.doc[cand.start:cand.end]
    return Mention(text=trig.text, start=trig.start_char, end=trig.end_char, sentence=cand.sent, lemma=cand.lemma,
                   rule=cand.entry_rule)


def _argument(ctx: Context, fill: Fill, kind: type[Argument] = Participant) -> Argument:
    """A role filler as a schema argument (participants are coded by ``EventExtractor._code_actor``)."""
    span = ctx.doc[fill.start_tok:fill.end_tok]
    return kind(text=span.text, start=span.start_char, end=span.end_char, label=fill.label, norm=fill.norm,
                sentence=ctx.sent_of[fill.head], rule=fill.rule)


def _time(ctx: Context, vf: ValueFill | None) -> TimeArgument | None:
    if vf is None:
        return None
    v = vf.value
    return TimeArgument(
        **_provenance(ctx, vf),
        value=getattr(v, "value", None), precision=getattr(v, "precision", "unknown"), mod=getattr(v, "mod", None),
        anchored=bool(getattr(v, "anchored", False)),
    )


def _provenance(ctx: Context, vf: ValueFill) -> dict:
    """The span, sentence and rule every value argument carries (one place, so they cannot drift)."""
    span = ctx.doc[vf.start_tok:vf.end_tok]
    return {"text": span.text, "start": span.start_char, "end": span.end_char,
            "sentence": ctx.sent_of[vf.start_tok], "rule": vf.rule}


def _quantity(ctx: Context, vf: ValueFill | None) -> QuantityArgument | None:
    if vf is None:
        return None
    v = vf.value
    return QuantityArgument(
        **_provenance(ctx, vf),
        min=getattr(v, "min", None), max=getattr(v, "max", None), approx=bool(getattr(v, "approx", False)),
        unit=getattr(v, "unit", None),
    )


def _age(ctx: Context, vf: ValueFill | None) -> AgeArgument | None:
    if vf is None:
        return None
    v = vf.value
    return AgeArgument(
        **_provenance(ctx, vf),
        min=getattr(v, "min", None), max=getattr(v, "max", None), approx=bool(getattr(v, "approx", False)),
    )


def _num(x: float | None) -> str:
    if x is None:
        return "?"
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _range(lo: float | None, hi: float | None) -> str:
    return _num(lo) if lo == hi else f"{_num(lo)}–{_num(hi)}"


DEFAULT_TEMPLATE = "{actor} {gloss}[ {target}][ {theme}][ to {destination}][ in {location}]"
_SEGMENT = re.compile(r"\[([^\[\]]*)\]")
_FIELD = re.compile(r"{(\w+)}")


def _fill_template(template: str, values: dict[str, str | None]) -> str:
    """Fill ``{field}`` slots; a ``[...]`` segment is dropped when any slot in it is empty."""

    def segment(m: re.Match[str]) -> str:
        names = _FIELD.findall(m.group(1))
        if any(not values.get(n) for n in names):
            return ""
        return _FIELD.sub(lambda f: values[f.group(1)] or "", m.group(1))

    out = _SEGMENT.sub(segment, template)
    return _FIELD.sub(lambda f: values.get(f.group(1)) or "", out).strip()


def summarize(rec: EventRecord, gloss: str, template: str | None = None, embedded: str | None = None) -> str:
    """One human line from the type's template plus count, age, time, modality and source.

    E.g. "2023-01-20: North Korea ordered ... (300–500 men, aged 19–27) [expected; per Daily NK]".
    """

    def name(arg: Argument | None) -> str | None:
        if arg is None:
            return None
        return arg.norm or arg.text

    def names(args: list[Participant]) -> str | None:
        return " and ".join(n for n in (name(a) for a in args) if n) or None

    theme = rec.theme
    # a target already said inside the theme is not repeated
    targets = [t for t in rec.targets if theme is None or not (theme.start <= t.start and t.end <= theme.end)]
    values = {
        "actor": names(rec.actors) or "(unknown actor)", "gloss": gloss, "target": names(targets),
        "theme": rec.theme.text if rec.theme is not None else None, "destination": name(rec.destination),
        "location": name(rec.location), "embedded": embedded,
    }
    theme = values["theme"]
    infinitive = rec.theme is not None and (rec.theme.rule or "").endswith(":infinitive")
    values["theme_inf"] = f"to {theme}" if theme and infinitive else theme
    line = _fill_template(template or DEFAULT_TEMPLATE, values)
    line = re.sub(r"\s+", " ", line)
    extras: list[str] = []
    if rec.quantity is not None:
        extras.append(f"{_range(rec.quantity.min, rec.quantity.max)} {rec.quantity.unit or ''}".strip()
                      if rec.quantity.min is not None or rec.quantity.max is not None else rec.quantity.text)
    if rec.age is not None:
        extras.append(f"aged {_range(rec.age.min, rec.age.max)}" if rec.age.min is not None or rec.age.max is not None
                      else rec.age.text)
    if extras:
        line += f" ({', '.join(extras)})"
    if rec.time is not None:
        line = f"{rec.time.value if rec.time.anchored and rec.time.value else rec.time.text}: {line}"
    notes = [] if rec.modality == "asserted" else [rec.modality]
    if rec.source is not None:
        notes.append(f"per {name(rec.source)}")
    if notes:
        line += f" [{'; '.join(notes)}]"
    return line
