"""Stage 8, event coreference and merging, driven by ``data/merges.yaml``.

Three kinds, all recorded in the surviving record's ``mentions``:

* ``follow_up``: an ORDER whose complement sends people somewhere is continued
  by the next sentence's DEPLOY that gives the count and ages ("ordered ... to
  pick out personnel to be sent ..." + "Between 300 and 500 men aged 19 to 27
  are expected to be tossed into eastern Ukraine").
* ``anaphoric``: a definite/possessed nominal mention ("the speech", "Putin's
  speech") of a type recorded earlier is the same event, not a new one.
* ``coreference``: one record per real-world event.  A mention joins the nearest
  earlier record it is compatible with (type, time, place, participants, counts,
  theme) and linked to (definite anaphora, headline, a shared named participant);
  the rules are spelled out in ``merges.yaml``.
* event anaphora: a definite noun no trigger found ("the deal", "the ban", "the case") is one more mention
  of the nearest earlier record of a type it can name (``coref.yaml`` ``event_anaphors``).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import replace

from newsie.events.cameo import compatible
from newsie.events.model import Candidate, Context, Fill, ValueFill
from newsie.events.resources import LIST_SLOTS, ROLE_NAMES, MergeRule
from newsie.events.syntax import norm_text

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
    """A definite, demonstrative or possessed nominal mention: "the attack", "these strikes", "Putin's speech"."""
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
        elif rule.kind == "anaphoric":
            _anaphoric(ctx, cands, rule)
        else:
            coreference(ctx, cands, rule)
    attach_anaphors(ctx, cands)
    for cand in cands:
        cand.merged.sort(key=lambda m: m.start)


# ------------------------------------------------------------------ event coreference
def coreference(ctx: Context, cands: list[Candidate], rule: MergeRule) -> None:
    """Cluster the mentions of one event into one record (GUIDELINES 6.1); see ``merges.yaml``."""
    records: list[Candidate] = []
    headline = headline_paragraph(ctx)
    if rule.same_clause:
        for cand in cands:
            for sub in list(cand.absorbed):
                if cand.dropped is None and _in_clause(ctx, cand, sub) and sub.type in _group(rule, cand.type):
                    _join(ctx, cand, sub, rule)  # "attacked the bridge in an airstrike": one event, two mentions
    for cand in sorted((c for c in cands if c.dropped is None), key=lambda c: c.start):
        target = None
        if cand.type not in rule.never_merge and not _new_event(ctx, cand, rule):
            indefinite = _indefinite(ctx, cand, rule)
            for cross in (False, True):  # a record of its own group first, then one its noun can name
                for rec in reversed(records):
                    if _compatible(ctx, rec, cand, rule, cross) and _linked(ctx, rec, cand, rule, headline,
                                                                             indefinite):
                        target = rec
                        break
                if target is not None:
                    break
        if target is None:
            records.append(cand)
        else:
            _join(ctx, target, cand, rule)


def headline_paragraph(ctx: Context) -> int | None:
    """Paragraph 0 when it is a headline: short, no sentence-final stop, followed by other paragraphs."""
    doc = ctx.doc
    if not len(doc) or ctx.para[-1] == 0:
        return None
    toks = [t for t in doc if ctx.para[t.i] == 0 and not t.is_space]
    if not toks or len(toks) > 30 or toks[-1].text in (".", "!", "?", "”", '"'):
        return None
    return 0


def _group(rule: MergeRule, type_: str) -> frozenset[str]:
    for group in rule.type_groups:
        if type_ in group:
            return frozenset(group)
    return frozenset({type_})


def _new_event(ctx: Context, cand: Candidate, rule: MergeRule) -> bool:
    """"another attack", "a second strike", "two attacks": such a nominal introduces an event."""
    return _nominal_has(ctx, cand, set(rule.new_event_words))


def _indefinite(ctx: Context, cand: Candidate, rule: MergeRule) -> bool:
    """"a stampede", "an attack": an indefinite nominal is the headline's event or its own clause's, no other."""
    return _nominal_has(ctx, cand, set(rule.indefinite_words))


def _nominal_has(ctx: Context, cand: Candidate, words: set[str]) -> bool:
    if not cand.nominal or not words:
        return False
    noun = ctx.doc[cand.head]
    return any(c.dep_ in ("det", "amod", "nummod", "quantmod") and norm_text(c.text) in words for c in noun.children)


def _names(ctx: Context, fill: Fill | None) -> set[str]:
    """The canonical names a participant slot gives (common nouns and unresolved pronouns name nobody)."""
    if fill is None:
        return set()
    return {p.norm.casefold() for p in fill.participants() if p.norm}


def _parties(ctx: Context, cand: Candidate) -> set[str]:
    """Named actors and targets together: "X met Y" and "Y met X" are one meeting."""
    return _names(ctx, cand.roles.get("actor")) | _names(ctx, cand.roles.get("target"))


#: fallback finders whose place may belong to another phrase ("talks on the situation in Aleppo"): such a
#: place does not tell two mentions apart
WEAK_PLACE_RULES = ("clause_place", "complement_place")


def _place(ctx: Context, fill: Fill | None) -> str | None:
    if fill is None or fill.rule.startswith(WEAK_PLACE_RULES):
        return None
    return (fill.norm or ctx.doc[fill.start_tok:fill.end_tok].text).casefold()


def _time_key(vf: ValueFill | None) -> str | None:
    value = getattr(vf.value, "value", None) if vf is not None else None
    return value if isinstance(value, str) and value[:1].isdigit() else None


def _times_agree(a: str, b: str) -> bool:
    """One time value contains the other: "2023-02" and "2023-02-07", "2023-W06" and "2023-02-07"."""
    if a.startswith(b) or b.startswith(a):
        return True
    week, day = (a, b) if "W" in a else (b, a) if "W" in b else (None, None)
    if week is None or day is None or len(day) < 10:
        return False
    try:
        iso = _dt.date.fromisoformat(day[:10]).isocalendar()
    except ValueError:
        return False
    return week[:8] == f"{iso[0]:04d}-W{iso[1]:02d}"


def _count(vf: ValueFill | None) -> tuple[object, object] | None:
    if vf is None or vf.value is None:
        return None
    return (getattr(vf.value, "min", None), getattr(vf.value, "max", None))


def _anaphor_types(ctx: Context, cand: Candidate, rule: MergeRule) -> frozenset[str]:
    """The types a definite nominal mention can name besides its own group (``coref.yaml`` event_anaphors:
    "this agreement" can be the settlement, "the request" the appeal)."""
    if not _is_anaphoric(ctx, cand, rule):
        return frozenset()
    data = ctx.coref.event_anaphors
    noun = ctx.doc[cand.head]
    types = data.nouns.get(noun.lower_) or data.nouns.get(noun.lemma_.lower()) or ()
    return frozenset(types) if cand.type in types else frozenset()


def _compatible(ctx: Context, rec: Candidate, cand: Candidate, rule: MergeRule, cross: bool = False) -> bool:
    """Same type (or one group; with ``cross``, a type its definite noun can name) and nothing that tells
    the two apart (``conflicts``)."""
    if rec.type in rule.never_merge:
        return False
    if cross:
        if rec.type in _group(rule, cand.type) or rec.type not in _anaphor_types(ctx, cand, rule):
            return False
    elif cand.type not in _group(rule, rec.type):
        return False
    checks = set(rule.conflicts)
    if "time" in checks:
        a, b = _time_key(rec.time), _time_key(cand.time)
        if a and b and not _times_agree(a, b):
            return False
    if "location" in checks:
        a, b = _place(ctx, rec.roles.get("location")), _place(ctx, cand.roles.get("location"))
        if a and b and a not in b and b not in a:
            return False
    if {"actor", "target"} & checks and _parties_conflict(ctx, rec, cand):
        return False
    if "quantity" in checks:
        a, b = _count(rec.quantity), _count(cand.quantity)
        if a and b and a != b:
            return False
    if "theme" in checks:
        ta, tb = rec.roles.get("theme"), cand.roles.get("theme")
        if ta is not None and tb is not None and ctx.doc[ta.head].lemma_ != ctx.doc[tb.head].lemma_:
            return False
    return True


def _parties_conflict(ctx: Context, rec: Candidate, cand: Candidate) -> bool:
    """Both mentions name the same role (actors, or targets) and neither shares a name with the other's
    participants: "the EU imposed sanctions" and "sanctions on Syria" do not conflict (actor vs target),
    "X met Y" and "Y met X" do not either."""
    a_all, b_all = _parties(ctx, rec), _parties(ctx, cand)
    for role in ("actor", "target"):
        a, b = _names(ctx, rec.roles.get(role)), _names(ctx, cand.roles.get(role))
        if a and b and not a & b_all and not b & a_all:
            return True
    return False


def _in_clause(ctx: Context, rec: Candidate, cand: Candidate) -> bool:
    """A nominal governed by the record's verb through a preposition: "struck ... in an airstrike"."""
    if not cand.nominal or rec.nominal or ctx.sent_of[rec.anchor] != ctx.sent_of[cand.head]:
        return False
    noun = ctx.doc[cand.head]
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i == rec.anchor


def _linked(ctx: Context, rec: Candidate, cand: Candidate, rule: MergeRule, headline: int | None,
            indefinite: bool = False) -> bool:
    if rule.headline and headline is not None and ctx.para[rec.head] == headline and ctx.para[cand.head] != headline \
            and not any(ctx.para[m.head] != headline for m in rec.merged):
        return True  # the headline's event and its first mention in the body
    if rule.same_clause and _in_clause(ctx, rec, cand):
        return True  # "struck ... in an airstrike"
    if indefinite:
        return False  # "a stampede" elsewhere is not "the stampede"
    if _is_anaphoric(ctx, cand, rule):
        return True
    if rule.shared_participant and _parties(ctx, rec) & _parties(ctx, cand):
        return True  # "Boris Johnson met John Kerry ..." ... "Kerry met Johnson"
    if rule.shared_time:
        a, b = _time_key(rec.time), _time_key(cand.time)
        if a and b and _times_agree(a, b):
            return True  # "a summit next week" ... "the two leaders would meet on Tuesday"
    if rule.shared_theme:
        ta, tb = rec.roles.get("theme"), cand.roles.get("theme")
        if ta is not None and tb is not None and ctx.doc[ta.head].lemma_ == ctx.doc[tb.head].lemma_:
            return True  # "donated 28,000 Polaroids" ... "the Polaroids were donated"
    if rule.shared_quantity:
        a, b = _count(rec.quantity), _count(cand.quantity)
        if a and b and a == b and a != (None, None):
            return True  # "70 tribesmen were killed" ... "the 70 killed"
    return False


def _join(ctx: Context, rec: Candidate, cand: Candidate, rule: MergeRule) -> None:
    """``cand`` is another mention of ``rec``: its roles fill the record's gaps (marked ``+mention``)."""
    if rec.type in rule.generic_types and cand.type != rec.type and cand.type not in rule.generic_types:
        rec.type, rec.cameo = cand.type, cand.cameo  # "the explosion" ... "the bombing": the specific type
        rec.entry_rule += f"+type_from_mention:{cand.type}"
    elif cand.type == rec.type and cand.cameo and rec.cameo and compatible(rec.cameo, cand.cameo) \
            and len(cand.cameo.rstrip("0")) > len(rec.cameo.rstrip("0")):
        rec.cameo = cand.cameo  # "the attack" ... "the bombing": the finer code of the same branch
    for kind, fill in cand.casualties.items():
        rec.casualties.setdefault(kind, fill)
    for name in rule.fill:
        mine, theirs = _get(rec, name), _get(cand, name)
        if theirs is None:
            continue
        if mine is None:
            _set(rec, name, _marked(theirs))
        elif name in LIST_SLOTS:  # a named participant the record lacks (in any slot: "Kerry met Johnson")
            known = _parties(ctx, rec)
            extra = [p for p in theirs.participants() if p.norm and p.norm.casefold() not in known]
            if extra:
                mine.members = [*mine.participants(), *(_marked(p) for p in extra)]
    rec.merged.append(cand)
    rec.merged.extend(cand.merged)
    rec.merge_rules.append(rule.name)
    cand.merged = []
    cand.dropped = f"merged into {rec.id} by {rule.name}"


def _marked(value):
    """A copy of a filler taken from another mention, its rule marked ``+mention``."""
    if isinstance(value, Fill | ValueFill):
        return replace(value, rule=f"{value.rule}+mention")
    return value


# ------------------------------------------------------------------ event anaphora
def _record_types(rec: Candidate) -> set[str]:
    return {rec.type, *(m.type for m in rec.merged)}


def _last_mention(rec: Candidate, before: int) -> int | None:
    """The token index of the record's last mention before token ``before``, or ``None``."""
    heads = [m.head for m in (rec, *rec.merged) if m.head < before]
    return max(heads) if heads else None


def _heads(rec: Candidate) -> set[int]:
    return {m.head for m in (rec, *rec.merged)}


def _definite(tok, determiners: tuple[str, ...]) -> bool:
    return any((c.dep_ == "det" and c.lower_ in determiners) or c.dep_ == "poss" for c in tok.children)


def attach_anaphors(ctx: Context, cands: list[Candidate]) -> None:
    """A definite noun of ``coref.yaml`` ``event_anaphors`` that is no trigger ("the deal", "the ban") is a
    mention of the nearest earlier record of one of its types; a bare one in the headline names the first
    such record.  A restating verb ("discussed" after "met") is a mention of such a record mentioned at most
    ``verb_window`` sentences before it in the body; a headline's verb, of the body's first such record.  It makes no record of its own, and a bare nominal record (dropped later) takes none."""
    data = ctx.coref.event_anaphors
    if not data.nouns:
        return
    from newsie.events.records import bare  # records imports nothing from here; kept local to stay so

    records = [c for c in cands if c.dropped is None and not bare(ctx.lexicon, c)]
    if not records:
        return
    taken: set[int] = set()
    for c in getattr(ctx, "candidates", cands):
        taken.update(range(c.start, c.end))
        taken.add(c.head)
    headline = headline_paragraph(ctx)
    doc = ctx.doc
    for tok in doc:
        if tok.i in taken:
            continue
        verb = tok.pos_ == "VERB"
        if verb:
            key = tok.lemma_.lower()
            types = data.verbs.get(key)
        elif tok.pos_ in ("NOUN", "PROPN"):
            key = tok.lower_ if tok.lower_ in data.nouns else tok.lemma_.lower()
            types = data.nouns.get(key)
            clause = _clause_record(ctx, tok, records, data.clause_nouns.get(key) or types)
            if clause is not None:  # "said in a statement", "crashed in an accident"
                _add_mention(ctx, clause, tok, key)
                continue
        else:
            continue
        if types is None:
            continue
        in_headline = headline is not None and ctx.para[tok.i] == headline
        if not verb and not in_headline and not _definite(tok, data.determiners):
            continue
        fits = [r for r in records if _record_types(r) & set(types)]
        target, nearest = None, -1
        for rec in fits:
            last = _last_mention(rec, tok.i)
            if last is not None and last > nearest:
                target, nearest = rec, last
        if verb and target is not None and (ctx.sent_of[tok.i] - ctx.sent_of[nearest] > data.verb_window
                                            or ctx.para[nearest] == headline != ctx.para[tok.i]):
            continue  # a restating verb follows its event closely ("met ... They discussed ...")
        if verb and target is not None and any(c.dep_ in ("nsubj", "nsubjpass") and c.i in _heads(target)
                                               for c in tok.children):
            continue  # "the attack hit a market": the nominal event's own predicate, no second mention
        if target is None and in_headline:  # "Executive leaves Apple": the body's first such event
            later = [r for r in fits if ctx.para[r.head] != headline]
            target = min(later, key=lambda r: r.start, default=None)
        if target is None:
            continue
        _add_mention(ctx, target, tok, key)


def _clause_record(ctx: Context, noun, records: list[Candidate], types: tuple[str, ...] | None) -> Candidate | None:
    """The record of one of ``types`` whose verb governs ``noun`` through a preposition ("said *in* a
    statement"), or ``None``."""
    if not types or noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return None
    verb = noun.head.head.i
    return next((r for r in records if verb in (r.anchor, r.head) and r.type in types and not r.nominal), None)


def _add_mention(ctx: Context, target: Candidate, tok, key: str) -> None:
    mention = Candidate(type=target.type, lemma=key, cameo=None, start=tok.i, end=tok.i + 1, head=tok.i,
                        anchor=tok.i, nominal=True, supported=False, sent=ctx.sent_of[tok.i],
                        entry_rule=f"event_anaphor:{key}", dropped=f"mention of {target.id} (event_anaphor)")
    target.merged.append(mention)
    target.merge_rules.append("event_anaphor")
