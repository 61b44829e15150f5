"""Stage 7, records: which candidates become records, and the schema :class:`EventRecord` of each.

- :func:`select` drops absorbed events, reporting frames of other events and
  nameless speakers (``require_actor_norm``); :func:`drop_bare` (after merging)
  drops nominal mentions with no support verb, role, time or count.
- :class:`RecordBuilder` turns a finished candidate into an ``EventRecord``:
  spans with offsets, sentence and rule; CAMEO actor codes and countries for the
  coded roles (``actors.py``); the mentions; the summary line.
"""

from __future__ import annotations

import re

from newsie.events.actors import ActorCoder
from newsie.events.model import Candidate, Context, Fill, ValueFill
from newsie.events.resources import LIST_SLOTS, Lexicon
from newsie.schema import (
    AgeArgument,
    Argument,
    Casualties,
    CasualtyCount,
    EventRecord,
    Mention,
    Participant,
    QuantityArgument,
    TimeArgument,
)

#: role slots whose participants get a CAMEO actor code and country (the schema's list roles: actors, targets;
#: places keep their own names)
CODED_ROLES: tuple[str, ...] = LIST_SLOTS


def bare(lexicon: Lexicon, cand: Candidate) -> bool:
    """A nominal mention with no support verb, no role, no time, no count (dropped if configured)."""
    return lexicon.drop_bare_nominals and cand.nominal and not cand.supported and not cand.roles \
        and cand.time is None and cand.quantity is None


def select(ctx: Context, cands: list[Candidate]) -> None:
    """Mark candidates that are no record of their own: absorbed, a reporting frame, a nameless speaker."""
    lexicon = ctx.lexicon
    frame_heads = {c.framed_by for c in cands if c.framed_by is not None and not bare(lexicon, c)}
    for cand in cands:
        ev = lexicon.events[cand.type]
        if cand.absorbed_by is not None:
            cand.dropped = f"absorbed by {cand.absorbed_by.type}"
        elif lexicon.complement_of(cand.type) == "frame" and cand.anchor in frame_heads and not _named_speaker(cand):
            cand.dropped = "reporting frame of another event"  # GUIDELINES 4.6: a named speaker's verb is a record
        elif ev.require_actor_norm and (cand.roles.get("actor") is None or cand.roles["actor"].norm is None):
            cand.dropped = "actor without a canonical name"


def _named_speaker(cand: Candidate) -> bool:
    actor = cand.roles.get("actor")
    return actor is not None and actor.norm is not None


def drop_bare(ctx: Context, cands: list[Candidate]) -> None:
    """After merging: a bare nominal mention that merged with nothing is dropped ("the threat of an attack")."""
    for cand in cands:
        if cand.dropped is None and bare(ctx.lexicon, cand) and not cand.merged:
            cand.dropped = "bare nominal mention (no role, no time)"


class RecordBuilder:
    """Builds schema records from finished candidates; holds the actor coder."""

    def __init__(self, actor_coder: ActorCoder) -> None:
        self.actor_coder = actor_coder

    def build(self, ctx: Context, cands: list[Candidate]) -> list[EventRecord]:
        """Records of the live candidates, numbered ``e0``, ``e1``, ... in document order."""
        live = [c for c in cands if c.dropped is None]
        return [self.record(ctx, c, n) for n, c in enumerate(live)]

    def record(self, ctx: Context, cand: Candidate, n: int) -> EventRecord:
        sent = ctx.sents[cand.sent]
        args = {role: _argument(ctx, fill) for role, fill in cand.roles.items() if role not in ("theme", *CODED_ROLES)}
        lists = {role: [self.code_actor(ctx, _argument(ctx, part), part) for part in fill.participants()]
                 for role, fill in cand.roles.items() if role in CODED_ROLES}
        trigger = _mention(ctx, cand)
        rec = EventRecord(
            id=f"e{n}",
            type=cand.type,
            cameo=cand.cameo,
            trigger=trigger,
            mentions=[trigger, *(_mention(ctx, m) for m in cand.merged)],
            actors=lists.get("actor", []),
            targets=lists.get("target", []),
            theme=_argument(ctx, cand.roles["theme"], Argument) if "theme" in cand.roles else None,
            location=args.get("location"),
            destination=args.get("destination"),
            source=self.code_actor(ctx, _argument(ctx, cand.source), cand.source) if cand.source is not None else None,
            time=_time(ctx, cand.time),
            quantity=_quantity(ctx, cand.quantity),
            age=_age(ctx, cand.age),
            casualties=_casualties(ctx, cand),
            modality=cand.modality,
            sentence=cand.sent,
            evidence=sent.text.strip(),
            rule="+".join([cand.entry_rule, *([cand.modality_rule] if cand.modality_rule else []),
                           *dict.fromkeys(cand.merge_rules)]),
        )
        ev = ctx.lexicon.events[cand.type]
        embedded = cand.all_absorbed()
        rec.summary = summarize(rec, ev.gloss, ev.summary,
                                embedded=embedded[0].type.lower().replace("_", " ") if embedded else None)
        return rec

    def code_actor(self, ctx: Context, arg: Argument, fill: Fill) -> Argument:
        """CAMEO actor ``code`` and ISO ``country`` of a participant on the article date (``actors.py``):
        from its own words, else from its canonical name; a resolved pronoun or description from its
        antecedent's name first."""
        if not isinstance(arg, Participant):
            return arg
        date = ctx.doc._.date
        # a pronoun or description is coded as its antecedent ("the company" -> Apple), its own words second
        words = [fill.norm, arg.text] if fill.norm and "+coref:" in fill.rule else [arg.text, fill.norm]
        code = country = None
        for phrase in dict.fromkeys(w for w in words if w):
            code, country = self.actor_coder.code(phrase, date)
            if code is not None:
                break
        arg.code, arg.country = code, country
        return arg


def mention_id(ctx: Context, cand: Candidate) -> str:
    """A readable id for log and drop messages: ``TYPE:sentence:start-end:trigger``."""
    trig = ctx.doc[cand.start:cand.end]
    return f"{cand.type}:{cand.sent}:{trig.start_char}-{trig.end_char}:{trig.text}"


def _mention(ctx: Context, cand: Candidate) -> Mention:
    """A candidate's trigger as a record mention (span, sentence, lemma, the rule that found it)."""
    trig = ctx.doc[cand.start:cand.end]
    return Mention(text=trig.text, start=trig.start_char, end=trig.end_char, sentence=cand.sent, lemma=cand.lemma,
                   rule=cand.entry_rule)


def _argument(ctx: Context, fill: Fill, kind: type[Argument] = Participant) -> Argument:
    """A role filler as a schema argument (participants are coded by :meth:`RecordBuilder.code_actor`)."""
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


def _casualties(ctx: Context, cand: Candidate) -> Casualties | None:
    """``casualties.killed``/``injured`` as ranges with the counted spans as ``parts``."""
    if not cand.casualties:
        return None
    counts = {
        kind: CasualtyCount(min=fill.min, max=fill.max, approx=fill.approx,
                            parts=[q for q in (_quantity(ctx, p) for p in fill.parts) if q is not None])
        for kind, fill in cand.casualties.items()
    }
    return Casualties(killed=counts.get("killed"), injured=counts.get("injured"))


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
