"""Stage 4, values: time, quantity, age and casualty arguments: which span belongs to which event, and its value.

Values come from the normaliser (``span._.norm`` set by ``newsie_normalize``, or
the ``newsie.normalize`` functions when that component is not in the pipeline).
When neither yields a value the argument keeps its span and provenance but
``value``/``min``/``max`` stay ``None``: the extractor never invents a value.

Which event a date belongs to is decided in the tree: walk up from the date to
the first verb or event trigger; the date is the time of the event anchored
there ("the government on Jan. 20 ordered" - a date misattached to the subject
noun still reaches "ordered").  A date that measures an interval between two
events ("less than a week after X promised") is the time of neither.  A number
that is no date ("Thomas Sam, 42,") is never a time, and nothing crosses a
paragraph break (a dateline is never a time role).

The article date anchors relative dates ("yesterday", "Friday"): ``doc._.date``,
else the dateline under the headline (a paragraph that is only a full date,
"Friday, August 21, 2015"); re-anchored values say ``+dateline_date`` in their rule.
An event whose clause says "today" without a date entity takes the article date
(rule ``time:article_date``).

Casualties (``values.yaml``): for records of the violent, casualty and disaster
families, the people killed and injured in the event's sentence: "60 soldiers
and 15 civilians were killed" (75, two parts), "leaving 12 dead and 30 wounded",
"no injuries or deaths were reported" (0 and 0).
"""

from __future__ import annotations

import datetime as _dt
import importlib
import re
from typing import Any

from spacy.tokens import Span, Token

from newsie.events.model import Candidate, CasualtyFill, Context, ValueFill
from newsie.schema import EVENT_TYPES, AgeValue, QuantityValue, TimeValue

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
    """"two days after the attack": a length counted from another event; a point in time ("after they
    exchanged fire yesterday") is none."""
    norm = ent._.norm
    if isinstance(norm, TimeValue) and isinstance(norm.value, str) and not norm.value.startswith("P"):
        return False
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
    """The verb a nominal event is the subject (or the "for" purpose) of, when that verb is no event itself
    ("the attack *hit* a market", "the summit *will take place*", "*joined* X on 10 December for talks"): the
    verb's clause is the event's own clause."""
    noun = ctx.doc[cand.head]
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "for":  # "joined X in Paris on 10 December for talks"
        verb = verb.head
    elif noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if verb.pos_ in ("VERB", "AUX") and verb.i not in ctx.by_anchor and ctx.same_para(noun.i, verb.i):
        return verb.i
    return None


def article_date(ctx: Context) -> _dt.date | None:
    """``doc._.date``, else the dateline: a paragraph among the first four that is only a full date."""
    cached = getattr(ctx, "_article_date", False)
    if cached is not False:
        return cached
    date = _as_date(ctx.doc._.date)
    if date is None:
        # the words of each of the first four paragraphs, read once (at most 9 kept: a dateline has fewer)
        words: dict[int, list[int]] = {}
        for t in ctx.doc:
            if ctx.para[t.i] > 3:
                break
            if not (t.is_space or t.is_punct):
                kept = words.setdefault(ctx.para[t.i], [])
                if len(kept) <= 8:
                    kept.append(t.i)
        for ent in ctx.ents:
            para = ctx.para[ent.start]
            if para > 3:
                break
            if ent.label_ != "DATE":
                continue
            in_para = words.get(para, [])
            if len(in_para) > 8 or not all(ent.start <= i < ent.end for i in in_para):
                continue
            norm = ent._.norm
            value = getattr(norm, "value", None)
            if isinstance(value, str) and len(value) == 10 and value[:4].isdigit():
                date = _as_date(value)
                if date is not None:
                    break
    ctx._article_date = date  # type: ignore[attr-defined]
    return date


def _as_date(value: object) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def time_value(ctx: Context, ent: Span) -> TimeValue | None:
    norm = ent._.norm
    dateline = article_date(ctx) if ctx.doc._.date is None else None
    if isinstance(norm, TimeValue) and (dateline is None or (norm.anchored and "X" not in norm.value)):
        return norm
    resolve = _normalizer("resolve_date")
    if resolve is None:
        return norm if isinstance(norm, TimeValue) else None
    tense_of = _normalizer("tense_of")
    try:
        tense = tense_of(ent) if tense_of is not None else None
        value = resolve(ent.text, dateline or ctx.doc._.date, tense)
    except Exception:  # noqa: BLE001 - a normaliser failure must not lose the event
        return norm if isinstance(norm, TimeValue) else None
    if not isinstance(value, TimeValue):
        return norm if isinstance(norm, TimeValue) else None
    if dateline is not None:
        value = value.model_copy(update={"rule": f"{value.rule or 'dates'}+dateline_date"})
    return value


def _not_a_date(ent: Span) -> bool:
    """"Thomas Sam, 42,": a bare number is a date only as a year."""
    text = ent.text.strip()
    return text.isdigit() and not (len(text) == 4 and 1000 <= int(text) <= 2100)


def _modifier_date(ent: Span) -> bool:
    """"a three-month search", "the December 25, 2011 agreement": a date written before a noun."""
    root = ent.root
    return root.dep_ in ("amod", "compound", "nmod") and root.head.pos_ in ("NOUN", "PROPN") \
        and root.head.i >= ent.end


def _no_date_value(ctx: Context, value: TimeValue | None) -> bool:
    """No value, or a date with no known digit ("today" in an undated document: ``XXXX-XX-XX``, GUIDELINES
    6.6): nothing to attach.  A duration ("the past few days": ``PXD``) is kept."""
    if value is None or not isinstance(value.value, str):
        return True
    text = value.value
    return not text.startswith("P") and not any(ch.isdigit() for ch in text)


def _frame_content(ctx: Context, gov: Token, ent: Span) -> int | None:
    """"In the past 24 hours, Davis said, the coalition conducted ...": a time fronted before a parenthetical
    reporting frame belongs to the reported clause (the index of its verb)."""
    if gov.lemma_.lower() not in ctx.cues.frames.lemmas:
        return None
    subj = next((c for c in gov.children if c.dep_ == "nsubj"), None)
    if subj is None or ent.end > subj.left_edge.i or "," not in {t.text for t in ctx.doc[ent.end:subj.left_edge.i]}:
        return None
    if gov.dep_ in ("parataxis", "ccomp") and gov.head.i > gov.i and ctx.same_para(gov.i, gov.head.i):
        return gov.head.i  # a parenthetical frame: "..., Davis said, the coalition conducted ..."
    content = next((c for c in gov.children if c.dep_ in ("ccomp", "parataxis") and c.i > gov.i), None)
    return content.i if content is not None else None


def assign_times(ctx: Context, cands: list[Candidate]) -> None:
    """Give each candidate the date/time entity whose governing predicate is its anchor or trigger."""
    # Indexes built once (candidates in their order), so each date costs a look-up, not a scan of all events.
    by_pred: dict[int, list[Candidate]] = {}
    by_purpose: dict[int, list[Candidate]] = {}
    by_subject: dict[int, list[Candidate]] = {}
    for c in cands:
        for i in dict.fromkeys((c.anchor, c.head, *range(c.start, c.end))):  # "fired artillery": fired too
            by_pred.setdefault(i, []).append(c)
        purpose = _purpose_of(ctx, c)
        if purpose is not None:
            by_purpose.setdefault(purpose, []).append(c)
        if c.nominal and not c.supported:
            subject = _subject_of(ctx, c)
            if subject is not None:
                by_subject.setdefault(subject, []).append(c)
    for ent in ctx.ents:
        if ent.label_ not in TIME_LABELS or _is_interval(ent) or _is_age(ent) or _not_a_date(ent):
            continue
        gov = governing_predicate(ctx, ent)
        if gov is None:
            continue
        owners = by_pred.get(gov.i, [])
        rule = f"time:{ent.root.head.lower_}"
        content = _frame_content(ctx, gov, ent)
        if content is not None:  # "In the past 24 hours, Davis said, the coalition conducted ..."
            fronted = by_pred.get(content, [])
            if fronted:
                owners, rule = fronted, f"time:fronted_over_frame:{ent.root.head.lower_}"
        if not owners:  # "gathered in Tehran on Friday to protest": the purpose clause's event takes it
            owners, rule = by_purpose.get(gov.i, []), f"time:purpose:{ent.root.head.lower_}"
        if not owners:  # "the offensive began on Monday": the clause of a nominal event that is its subject
            owners, rule = by_subject.get(gov.i, []), f"time:subject_clause:{ent.root.head.lower_}"
        if not owners:
            continue
        value = time_value(ctx, ent)
        if _no_date_value(ctx, value) or (_modifier_date(ent) and value.value.startswith("P")):
            continue  # "a three-month search" is its length, "the December 25, 2011 agreement" its date
        for cand in owners:
            if cand.time is None:
                cand.time = ValueFill(ent.start, ent.end, rule, value)
                break
    words = set(ctx.values.article_date_words)
    date = article_date(ctx) if words else None
    if date is None:
        return
    for cand in cands:
        if cand.time is not None:
            continue
        anchor = ctx.doc[cand.anchor]
        today = next((c for c in anchor.children if c.dep_ in ("advmod", "npadvmod") and c.lower_ in words), None)
        if today is not None and ctx.ent(today) is None:
            value = TimeValue(value=date.isoformat(), precision="day", anchored=True, rule="article_date")
            cand.time = ValueFill(today.i, today.i + 1, f"time:article_date:{today.lower_}", value)


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
    """Quantity and age (:func:`_amounts`); a sum of money in the event's clause when no count was found."""
    _amounts(ctx, cand)
    if cand.quantity is None:
        cand.quantity = _money(ctx, cand)


def _amounts(ctx: Context, cand: Candidate) -> None:
    """Quantity and age of the people/things an event is about (its theme, else target); a count of the
    event itself comes first ("conducted 34 strikes", "firing 36 shells": a number in the trigger)."""
    own = _own_count(ctx, cand)
    if own is not None:
        cand.quantity = own
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
        if cand.quantity is None:
            cand.quantity = ValueFill(ent.start, ent.end, "quantity:theme", value)
        return


def _money(ctx: Context, cand: Candidate) -> ValueFill | None:
    """A sum of money in the event's own clause: its verb's object ("contributed more than $4 million") or
    the object of a "with ... paying" clause on it ("settled in 1991, with Apple paying $26.5 million")."""
    if cand.nominal:
        return None
    anchor = ctx.doc[cand.anchor]
    for ent in ctx.ents_overlapping(ctx.sents[cand.sent].start, ctx.sents[cand.sent].end):
        if ent.label_ != "MONEY":
            continue
        gov = governing_predicate(ctx, ent)
        if gov is None:
            continue
        if gov.i != anchor.i and not (gov.dep_ in ("pcomp", "advcl") and (
                gov.head.i == anchor.i or (gov.head.dep_ == "prep" and gov.head.head.i == anchor.i))):
            continue
        value = _quantity_value(ent)
        if value is not None:
            return ValueFill(ent.start, ent.end, "quantity:money", value)
    return None


def _own_count(ctx: Context, cand: Candidate) -> ValueFill | None:
    """The number counting the trigger's noun ("34 strikes", "more than 300 air strikes", "36 shells")."""
    doc = ctx.doc
    nouns = [t for t in doc[cand.start:cand.end] if t.pos_ in ("NOUN", "PROPN")]
    for noun in nouns:
        for child in noun.children:
            if child.dep_ != "nummod":
                continue
            ent = ctx.ent(child)
            if ent is None or ent.label_ not in NUMERIC_LABELS or isinstance(ent._.norm, AgeValue):
                continue
            value = _quantity_value(ent)
            if value is None:
                continue
            if value.unit is None:
                value = value.model_copy(update={"unit": noun.text.lower()})
            return ValueFill(ent.start, ent.end, "quantity:own_count", value)
    return None


# ------------------------------------------------------------------ casualties
def assign_casualties(ctx: Context, cands: list[Candidate]) -> None:
    """``cand.casualties`` for events of the casualty families: the killed/injured counts of their sentence.

    A count belongs to the event whose anchor is the casualty word ("were *killed*"), or whose anchor is
    above or below it in the tree ("the attack *killed* 12", "attacked a bus, *leaving* 12 dead"), or to the
    only casualty-family event of the sentence.
    """
    cues = ctx.values.casualties
    families = set(cues.families)
    live = [c for c in cands if EVENT_TYPES.get(c.type) is not None and EVENT_TYPES[c.type].family in families]
    if not live:
        return
    by_sent: dict[int, list[Candidate]] = {}
    for cand in live:
        by_sent.setdefault(cand.sent, []).append(cand)
    sent_nos = sorted(by_sent)
    for sent_no in range(sent_nos[0], min(len(ctx.sents), sent_nos[-1] + 3)):
        phrases = _casualty_phrases(ctx, ctx.sents[sent_no])
        events = by_sent.get(sent_no, [])
        for word, fill in phrases:
            owners = [c for c in events if word.i in (c.anchor, c.head)]
            if not owners:
                owners = [c for c in events if _related(ctx, ctx.doc[c.anchor], word)]
            if not owners and len(events) == 1 and ctx.same_para(events[0].head, word.i):
                owners = events
            if not owners and not events:  # "... shelled the town. No injuries or deaths were reported."
                owners = _previous_event(ctx, by_sent, sent_no, word)
            for cand in owners:
                cand.casualties.setdefault(fill.kind, fill)
    _consequences(ctx, live)
    _caused_in_clause(ctx, live)


def _caused_in_clause(ctx: Context, live: list[Candidate]) -> None:
    """"The jet crashed into the sea, *killing* all 228 on board", "345 pilgrims were *killed* in a
    stampede": the cause (an attack or a disaster) takes the counts (and the time) of a killing or injury
    that is its clause's consequence (GUIDELINES 6.6); a disaster's consequence is no event of its own but
    one of its mentions, an attack's keeps its record (an attacker's killing has its actor)."""
    doc = ctx.doc
    for cas in live:
        if EVENT_TYPES[cas.type].family != "casualty":
            continue  # a dropped one too ("killed in a stampede" is no KILL): its counts are the cause's
        word = doc[cas.anchor]
        for cause in live:
            if cause is cas or cause.dropped is not None or EVENT_TYPES[cause.type].family == "casualty" \
                    or cause.sent != cas.sent:
                continue
            noun = doc[cause.head]
            participle = word.dep_ in ("advcl", "xcomp") and word.tag_ == "VBG" and word.head.i == cause.anchor
            in_cause = cause.nominal and noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during", "by") \
                and noun.head.head.i == cas.anchor
            if not (participle or in_cause):
                continue
            for kind, fill in cas.casualties.items():
                cause.casualties.setdefault(kind, CasualtyFill(fill.kind, fill.min, fill.max, fill.approx,
                                                               fill.parts, f"{fill.rule}+caused"))
            if cause.time is None and cas.time is not None:
                cause.time = cas.time  # "were killed in a stampede on Monday": the clause's time is the cause's
            if cas.dropped is None and EVENT_TYPES[cause.type].family == "disaster":
                cause.merged.append(cas)  # a killing by an attacker stays a record of its own (its actor)
                cas.dropped = f"consequence of {cause.type} (casualties)"
            break


def _previous_event(ctx: Context, by_sent: dict[int, list[Candidate]], sent_no: int, word: Token) -> list[Candidate]:
    """The event a casualty sentence without an event of its own reports on: the first casualty-family event
    of one of the two sentences before it, in its paragraph."""
    for back in (1, 2):
        events = [c for c in by_sent.get(sent_no - back, []) if ctx.same_para(c.head, word.i)]
        if events:
            return events[:1]
    return []


def _consequences(ctx: Context, live: list[Candidate]) -> None:
    """"A bomber attacked a market. 60 soldiers were killed": an agentless killing or injury (the casualty
    family) in the same or the next sentence gives its counts to the attack or disaster it follows."""
    for cand in live:
        if EVENT_TYPES[cand.type].family == "casualty":
            continue
        for other in live:
            if EVENT_TYPES[other.type].family != "casualty" or "actor" in other.roles or not other.casualties:
                continue
            if 0 <= other.sent - cand.sent <= 1 and ctx.same_para(cand.head, other.head) and other.start > cand.start:
                for kind, fill in other.casualties.items():
                    cand.casualties.setdefault(kind, CasualtyFill(fill.kind, fill.min, fill.max, fill.approx,
                                                                  fill.parts, f"{fill.rule}+consequence"))


def _related(ctx: Context, anchor: Token, word: Token) -> bool:
    """The casualty word is in the event's clause, or the event is in the casualty word's clause."""
    if not ctx.same_para(anchor.i, word.i):
        return False
    return anchor in word.ancestors or word in anchor.ancestors


def _casualty_phrases(ctx: Context, sent: Span) -> list[tuple[Token, CasualtyFill]]:
    cues = ctx.values.casualties
    kinds = {**{w: "injured" for w in cues.injured}, **{w: "killed" for w in cues.killed}}
    out: list[tuple[Token, CasualtyFill]] = []
    seen: set[int] = set()
    for tok in sent:
        kind = kinds.get(tok.lemma_.lower()) or kinds.get(tok.lower_)
        if kind is None or tok.pos_ not in ("VERB", "ADJ", "NOUN") or tok.i in seen:
            continue
        fill = _casualty_count(ctx, tok, kind)
        if fill is not None:
            seen.add(tok.i)
            out.append((tok, fill))
    return out


def _casualty_count(ctx: Context, word: Token, kind: str) -> CasualtyFill | None:
    """The count of people a casualty word is about, summed over coordinated groups."""
    zero = set(ctx.values.casualties.zero)
    if any(c.dep_ == "det" and c.lower_ in zero for c in word.children) or (
            word.dep_ == "conj" and any(c.dep_ == "det" and c.lower_ in zero for c in word.head.children)):
        return CasualtyFill(kind, 0.0, 0.0, False, [], f"casualties:{kind}:none")  # "no injuries or deaths"
    counted: list[Token] = []
    subject_counts = word.pos_ == "ADJ" or word.lemma_.lower() in ctx.values.casualties.subject_verbs or (
        word.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in word.children))
    for child in word.children:
        if child.dep_ in ("nsubjpass", "dobj") or (child.dep_ == "nsubj" and subject_counts):
            counted.extend(_coordinated(child))  # "were killed", "killing 12", "five people died", "30 wounded"
        elif child.dep_ == "nummod":
            counted.append(child)  # "12 deaths", "12 dead"
        elif word.pos_ == "NOUN" and child.dep_ == "poss" and _one_person(ctx, child):
            counted.append(child)  # "Gloria's death", "his death"
        elif word.pos_ == "NOUN" and child.dep_ == "prep" and child.lower_ == "of":
            counted.extend(c for p in child.children if p.dep_ == "pobj" and _one_person(ctx, p)
                           for c in _coordinated(p))  # "the death of Gloria"
    if not counted and word.dep_ in ("amod", "oprd", "acomp", "ccomp", "conj", "dobj") and word.head.pos_ in (
            "NOUN", "NUM"):
        counted = _coordinated(word.head)  # "12 people dead"
    if not counted and word.dep_ in ("oprd", "ccomp", "xcomp"):  # "leaving 12 dead": 12 is the object
        counted = [c for c in word.head.children if c.dep_ in ("dobj", "nsubj") and c.i < word.i][:1]
    if word.pos_ == "VERB" and word.dep_ == "conj" and not counted:
        return None
    parts: list[ValueFill] = []
    lo: float | None = 0.0
    hi: float | None = 0.0
    approx = False
    for tok in counted:
        number = _number_of(ctx, tok)
        if number is None and _one_person(ctx, tok):  # "Thomas Sam died", "killing Abu Jandal": one person
            ent = ctx.ent(tok)
            start, end = (ent.start, ent.end) if ent is not None else (tok.i, tok.i + 1)
            number = QuantityValue(min=1.0, max=1.0, approx=False), start, end
        if number is None:
            continue
        value, start, end = number
        parts.append(ValueFill(start, end, f"casualties:{kind}", value))
        lo = None if lo is None or value.min is None else lo + value.min
        hi = None if hi is None or value.max is None else hi + value.max
        approx = approx or value.approx
    if not parts:
        return None
    rule = f"casualties:{kind}" + (":sum" if len(parts) > 1 else "")
    return CasualtyFill(kind, lo, hi, approx, parts, rule)


#: pronouns that name one person ("his death", "she died")
ONE_PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})


def _one_person(ctx: Context, tok: Token) -> bool:
    """A named person (the head of a PERSON entity) or a pronoun for one: a casualty count of one."""
    if tok.pos_ == "PRON":
        return tok.lower_ in ONE_PERSON_PRONOUNS
    ent = ctx.ent(tok)
    return ent is not None and ent.label_ == "PERSON" and ent.root.i == tok.i


def _coordinated(tok: Token) -> list[Token]:
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            out.extend(_coordinated(child))
    return out


def _number_of(ctx: Context, tok: Token) -> tuple[QuantityValue, int, int] | None:
    """The count on a counted noun ("At least 60 soldiers", "12"): its numeric entity's value and span."""
    candidates = [tok] if tok.like_num or tok.pos_ == "NUM" else [c for c in tok.children if c.dep_ == "nummod"]
    for num in candidates:
        ent = ctx.ent(num)
        if ent is not None and ent.label_ in NUMERIC_LABELS:
            value = _quantity_value(ent)
            if value is not None and (value.min is not None or value.max is not None):
                return value, ent.start, ent.end
        value = _quantity_value_text(num)
        if value is not None:
            return value, num.i, num.i + 1
    return None


def _quantity_value_text(tok: Token) -> QuantityValue | None:
    parse = _normalizer("parse_quantity")
    if parse is None or not (tok.like_num or tok.pos_ == "NUM"):
        return None
    try:
        value = parse(tok.text, label="CARDINAL")
    except Exception:  # noqa: BLE001
        return None
    return value if isinstance(value, QuantityValue) else None
