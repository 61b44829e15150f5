"""Ages: ``parse_age`` for age phrases and ``age_of`` for the age attached to a person/group.

Why separate from quantities: an age is a property of the people it modifies
("300 men aged 19 to 27"), so the events engineer needs to reach it from the
group noun through the dependency parse, and its bounds read differently
("under 18" is at most 17 in whole years).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsie.normalize import lexicon
from newsie.normalize.numbers import normalise_text, parse_bounds
from newsie.schema import AgeValue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_DECADE = re.compile(
    r"^(?:in )?(?:(?:their|his|her|the|its|our|my|your) )?(early|mid|mid-|late)?[- ]?(\d)0'?s$"
)


def _lex() -> dict:
    return lexicon.load("numbers.yaml")["ages"]


def _decade(t: str) -> AgeValue | None:
    """"in their 20s", "in his early thirties", "mid-40s" -> an approximate age range."""
    lex = _lex()
    t2 = t
    for word, base in lex["decade_words"].items():
        t2 = re.sub(rf"\b{word}\b", f"{base}s", t2)
    m = _DECADE.match(t2.replace("mid-", "mid "))
    if not m:
        return None
    part, digit = m.group(1), int(m.group(2))
    if digit == 0:
        return None
    base = digit * 10
    lo, hi = (0, 9) if part is None else lex["decade_parts"][part.rstrip("-") if part != "mid-" else "mid"]
    return AgeValue(min=base + lo, max=base + hi, approx=True, rule="ages:decade")


def parse_age(text: str) -> AgeValue | None:
    """An age or age range: "aged 19 to 27", "a 19-year-old", "in their 20s", "under 18", "teenagers".

    A bare number or range ("19 to 27") is read as an age: the caller says it is
    one.  Values above ``max_age`` (130) are rejected, since they are not ages.
    """
    if not isinstance(text, str) or len(text) > 200:
        return None
    lex = _lex()
    t = re.sub(r" ?- ?", "-", normalise_text(text))
    if not t:
        return None
    words = t.split(" ")
    for w in words:
        if w in lex["words"]:
            lo, hi = lex["words"][w]
            return AgeValue(min=lo, max=hi, approx=True, rule="ages:word")
    decade = _decade(t)
    if decade is not None:
        return decade
    rule = "ages:number"
    core = re.sub(r"^(a|an|the) ", "", t)
    for cue in lexicon.by_length(lex["cues_after"]):
        idx = core.find(cue)
        if idx > 0:
            core, rule = core[:idx].strip(" -"), "ages:year-old"
            break
    for cue in lexicon.by_length(lex["cues_before"]):
        if core.startswith(cue + " "):
            core, rule = core[len(cue) + 1:], "ages:aged"
            break
    extra_max = next((c for c in lexicon.by_length(lex["max_prefixes"]) if core.startswith(c + " ")), None)
    extra_min = next((c for c in lexicon.by_length(lex["min_prefixes"]) if core.startswith(c + " ")), None)
    if extra_max or extra_min:
        core = f"{'under' if extra_max else 'over'} {core[len(extra_max or extra_min) + 1:]}"
    bounds = parse_bounds(core)
    if bounds is None or (bounds.unit is not None and not bounds.unit.startswith(("year", "yr"))):
        return None
    lo, hi = bounds.min, bounds.max
    if (lo is not None and not 0 <= lo <= lex["max_age"]) or (hi is not None and not 0 <= hi <= lex["max_age"]):
        return None
    if bounds.strict_max and hi is not None and bounds.min is None:
        hi -= 1
    if bounds.strict_min and lo is not None and bounds.max is None:
        lo += 1
    if bounds.rule == "numbers:range":
        rule = rule if rule != "ages:number" else "ages:range"
    return AgeValue(min=lo, max=hi, approx=bounds.approx, rule=rule)


def is_age_context(span: Span) -> bool:
    """True when a number span is an age: "aged 19 to 27", "19-year-old", "19 years old", "in their 20s"."""
    lex = _lex()
    doc = span.doc
    text = span.text.lower()
    if any(cue in text for cue in lex["cues_after"]):
        return True
    if any(re.match(rf"(?:the )?{re.escape(cue)} \d", text) for cue in lex["cues_before"]):
        return True  # "the age of 56", "aged 19 to 27" as one span
    before = " ".join(t.lower_ for t in doc[max(0, span.start - 4):span.start])
    if any(before.endswith(cue) for cue in lex["cues_before"]):
        return True
    after = re.sub(r"\s*-\s*", "-", " ".join(t.lower_ for t in doc[span.end:span.end + 4]))
    if any(after.startswith(cue) for cue in lex["cues_after"]):
        return True
    return bool(_DECADE.match(text)) and before.endswith(("their", "his", "her"))


def attached_to_person(span: Span) -> bool:
    """True when a number hangs off a person/group as an age: "Smith, 45," or "children under 18"."""
    root = span.root
    head = root.head
    if root.dep_ == "appos" and head.pos_ in ("PROPN", "NOUN") and head.i < span.start:
        return (head.pos_ == "PROPN" and head.ent_type_ in ("PERSON", "")) or head.lower_ in _lex()["person_nouns"]
    if root.dep_ == "pobj" and head.lower_ in ("under", "over", "below", "above"):
        return head.head.lower_ in _lex()["person_nouns"]
    first = span[0]
    return first.lower_ in ("under", "over", "below", "above") and first.head.lower_ in _lex()["person_nouns"]


def age_span(span: Span) -> tuple[Span, AgeValue] | None:
    """The age a number span expresses, extended over its cue words ("aged", "-year-old")."""
    doc = span.doc
    start, end = span.start, span.end
    while start > 0 and doc[start - 1].lower_ in ("aged", "between", "ages", "age"):
        start -= 1
    tail = 0
    while end + tail < len(doc) and tail < 5 and doc[end + tail].lower_ in ("-", "year", "years", "old", "of", "age"):
        tail += 1
    ext = doc[start:end + tail]
    value = parse_age(ext.text)
    return (span, value) if value is not None else None


def ent_containing(doc: Doc, i: int) -> Span | None:
    """The entity span covering token ``i``, found from the token's IOB tags.

    Why not ``doc.ents``: spaCy builds that list afresh (one pass over the whole
    document) on every access, so scanning it once per event or per age
    made the event step quadratic in document length.  Walking the IOB tags
    costs only the entity's own length.
    """
    from spacy.tokens import Span as _Span

    if i < 0 or i >= len(doc) or doc[i].ent_iob_ not in ("B", "I"):
        return None
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    first = doc[start]
    return _Span(doc, start, end, label=first.ent_type, kb_id=first.ent_kb_id, span_id=first.ent_id)


def ents_within(doc: Doc, start: int, end: int) -> list[Span]:
    """Entity spans lying entirely inside tokens ``[start, end)``, in order (cost: the range's length)."""
    out: list[Span] = []
    i = start
    while i < end:
        ent = ent_containing(doc, i)
        if ent is None:
            i += 1
            continue
        if ent.start >= start and ent.end <= end:
            out.append(ent)
        i = max(ent.end, i + 1)
    return out


def _age_in_subtree(token: Token) -> tuple[Span, AgeValue] | None:
    """An age phrase hanging off ``token`` in the parse: acl "aged", amod "19-year-old", "in their 20s"."""
    from newsie.schema import AgeValue as _Age

    doc = token.doc
    for child in token.children:
        if child.dep_ in ("relcl", "ccomp", "conj", "cc", "punct", "det", "poss"):
            continue
        sub = doc[child.left_edge.i:child.right_edge.i + 1]
        for ent in ents_within(doc, sub.start, sub.end):
            if isinstance(ent._.norm, _Age):
                return ent, ent._.norm
        if child.lower_ in ("aged", "ages", "age") and child.i < sub.end - 1:
            rest = doc[child.i + 1:sub.end]
            value = parse_age(rest.text)
            if value is not None:
                return rest, value.model_copy(update={"rule": "ages:aged"})
        low = sub.text.lower()
        if "year-old" in low.replace(" - ", "-") or "years old" in low or "year old" in low:
            value = parse_age(sub.text)
            if value is not None:
                return sub, value
        if child.dep_ == "prep" and child.lower_ == "in":
            value = _decade(normalise_text(sub.text))
            if value is not None:
                return sub, value
        if child.dep_ == "prep" and child.lower_ in ("under", "over", "below", "above") \
                and token.lower_ in _lex()["person_nouns"]:
            value = parse_age(sub.text)
            if value is not None:
                return sub, value
        if child.dep_ == "appos" and child.like_num:
            value = parse_age(child.text)
            if value is not None:
                return sub, value
    return None


def age_of(token_or_span: Token | Span) -> tuple[Span, AgeValue] | None:
    """The age attached to a person/group (a token or its span), or ``None``.

    Looks at the word itself ("teenagers"), then at the age phrases that
    modify it in the dependency parse ("men aged 19 to 27", "19-year-old men",
    "soldiers in their 20s", "children under 18", "Smith, 45,").  Returns the
    age's span and its :class:`AgeValue`.
    """
    from spacy.tokens import Span as _Span

    token = token_or_span.root if isinstance(token_or_span, _Span) else token_or_span
    doc = token.doc
    ent = ent_containing(doc, token.i)  # the word is itself an age ("A 19-year-old was killed")
    if ent is not None and isinstance(ent._.norm, AgeValue):
        return ent, ent._.norm
    low = token.lower_
    if low in _lex()["words"]:
        lo, hi = _lex()["words"][low]
        return doc[token.i:token.i + 1], AgeValue(min=lo, max=hi, approx=True, rule="ages:word")
    found = _age_in_subtree(token)
    if found is not None:
        return found
    for child in token.children:
        if child.dep_ in ("amod", "compound") and child.lower_ in _lex()["words"]:
            lo, hi = _lex()["words"][child.lower_]
            return doc[child.i:child.i + 1], AgeValue(min=lo, max=hi, approx=True, rule="ages:word")
    return None
