"""Source attribution from reporting frames ("according to X", "X said", "a source cited by X said").

Why the citing outlet wins over the anonymous speaker: "a source cited by Daily
NK said ..." is attributed to Daily NK by an analyst; the anonymous source adds
nothing.  Frames are found by walking up from the event's anchor (stopping at
a paragraph boundary): a reporting verb reached through its content clause
(ccomp/parataxis/advcl) is a frame and its subject the source.  "According to
X" anywhere in the event's sentence (same paragraph) applies to every event in
it unless a nearer frame was found.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsie.events.coref import make_fill
from newsie.events.model import Candidate, Context, Fill
from newsie.events.syntax import ACTOR_LABELS, has_child, np_range

FIRST_PERSON = frozenset({"i", "we", "me", "us"})
CONTENT_DEPS = frozenset({"ccomp", "parataxis", "advcl", "xcomp"})


def _cited_by(ctx: Context, speaker: Token) -> Token | None:
    """"sources cited by Meduza" -> Meduza."""
    citing = set(ctx.cues.frames.citing_verbs)
    for child in speaker.children:
        if child.dep_ == "acl" and child.lemma_.lower() in citing:
            agent = has_child(child, {"agent"})
            pobj = has_child(agent, {"pobj"}) if agent is not None else None
            if pobj is not None:
                return pobj
    return None


def _earlier_mention(ctx: Context, speaker: Token) -> Token | None:
    """"the source added" -> the earlier "a source cited by Daily NK" (same head noun, earlier in the document)."""
    if speaker.lemma_.lower() not in ctx.aliases.anaphoric_speakers:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in speaker.children):
        return None
    for i in range(speaker.i - 1, -1, -1):
        tok = ctx.doc[i]
        if tok.lemma_.lower() == speaker.lemma_.lower() and tok.pos_ == "NOUN":
            return tok
    return None


def _speaker_fill(ctx: Context, speaker: Token, rule: str) -> Fill:
    earlier = _earlier_mention(ctx, speaker)
    if earlier is not None:
        fill = _speaker_fill(ctx, earlier, rule)
        start, end = np_range(speaker)
        return Fill(start, end, speaker.i, f"{fill.rule}+coref:definite", fill.label, fill.norm)
    cited = _cited_by(ctx, speaker)
    if cited is not None:
        ent = ctx.ent(cited)
        if ent is not None and ent.label_ in ACTOR_LABELS:
            return make_fill(ctx, ent.start, ent.end, cited.i, f"{rule}+cited_by")
        start, end = np_range(cited)
        return make_fill(ctx, start, end, cited.i, f"{rule}+cited_by")
    start, end = np_range(speaker)
    return make_fill(ctx, start, end, speaker.i, rule)


def frame_speaker(ctx: Context, verb: Token) -> Token | None:
    """The subject of a reporting verb (the passive subject of "was quoted", "was cited")."""
    subj = has_child(verb, {"nsubj"})
    if subj is not None:
        return subj
    if verb.lemma_.lower() in ctx.cues.frames.citing_verbs:
        return has_child(verb, {"nsubjpass"})
    citing = verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ == "as" else None
    if citing is not None and citing.lemma_.lower() in ctx.cues.frames.citing_verbs:
        return has_child(citing, {"dobj"})  # "Reuters quoted Zelensky as saying ...": the quoted speaker
    agent = has_child(verb, {"agent"})
    return has_child(agent, {"pobj"}) if agent is not None else None


def _according(ctx: Context, cand: Candidate) -> Fill | None:
    sent = ctx.sents[cand.sent]
    words = set(ctx.cues.frames.according)
    for tok in sent:
        if tok.lemma_.lower() in words and ctx.same_para(tok.i, cand.head):
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            pobj = has_child(to, {"pobj"}) if to is not None else None
            if pobj is not None:
                return _speaker_fill(ctx, pobj, "source:according_to")
    return None


def find_source(ctx: Context, cand: Candidate) -> tuple[Fill | None, int | None]:
    """(source filler, index of the frame verb) of a candidate."""
    frames = set(ctx.cues.frames.lemmas)
    cur = ctx.doc[cand.anchor]
    while cur.head.i != cur.i and ctx.same_para(cur.i, cur.head.i):
        dep, cur = cur.dep_, cur.head
        if cur.lemma_.lower() in frames and cur.pos_ == "VERB" and dep in CONTENT_DEPS and cur.i != cand.anchor:
            speaker = frame_speaker(ctx, cur)
            if speaker is not None and speaker.lower_ in FIRST_PERSON:
                continue  # "I think ..." inside a quote: the quote's own speaker is the source
            if speaker is not None:
                return _speaker_fill(ctx, speaker, f"source:frame:{cur.lemma_.lower()}"), cur.i
            if dep in ("ccomp", "parataxis"):
                return None, cur.i  # "officials are said to ..." - an unnamed source: a frame, no source
        for child in cur.children:
            if child.dep_ == "parataxis" and child.lemma_.lower() in frames and child.i != cand.anchor:
                speaker = frame_speaker(ctx, child)
                if speaker is not None:
                    return _speaker_fill(ctx, speaker, f"source:frame:{child.lemma_.lower()}"), child.i
    return _according(ctx, cand), None


OPENING = frozenset({"“", "«", "‘‘"})
CLOSING = frozenset({"”", "»", "’’"})


def quote_regions(ctx: Context) -> list[tuple[int, int]]:
    """Token ranges inside quotation marks (typographic pairs, or alternating straight quotes)."""
    out: list[tuple[int, int]] = []
    start: int | None = None
    for tok in ctx.doc:
        text = tok.text
        if text == '"':
            text = "“" if start is None else "”"
        if text in OPENING and start is None:
            start = tok.i + 1
        elif text in CLOSING and start is not None:
            out.append((start, tok.i))
            start = None
    return out


def quote_speaker(ctx: Context, region: tuple[int, int]) -> Token | None:
    """The speaker of a quotation: the reporting verb right after it ('“...,” Kim said') or before it."""
    doc = ctx.doc
    frames = set(ctx.cues.frames.lemmas)
    start, end = region
    after = range(end + 1, min(len(doc), end + 12))
    before = range(start - 2, max(-1, start - 14), -1)
    for i in (*after, *before):
        tok = doc[i]
        if not (ctx.same_para(i, end) or ctx.same_para(i, start)):
            continue
        if tok.lemma_.lower() in frames and tok.pos_ == "VERB":
            speaker = frame_speaker(ctx, tok)
            if speaker is not None and speaker.lower_ not in FIRST_PERSON:
                return speaker
    return None


def quoted_source(ctx: Context, cand: Candidate, regions: list[tuple[int, int]]) -> Fill | None:
    """Source of an event stated inside a quotation that no frame in its own clause claims."""
    for region in regions:
        if region[0] <= cand.head < region[1]:
            speaker = quote_speaker(ctx, region)
            if speaker is not None:
                return _speaker_fill(ctx, speaker, "source:quote")
    return None


def first_person_actor(ctx: Context, cand: Candidate, quotes: list[tuple[int, int]]) -> None:
    """"“I have ordered ...,” the president said": inside a quotation "I"/"we" is its speaker."""
    actor = cand.roles.get("actor")
    if actor is None or ctx.doc[actor.head].lower_ not in FIRST_PERSON:
        return
    for region in quotes:
        if region[0] <= actor.head < region[1]:
            speaker = quote_speaker(ctx, region)
            if speaker is not None:
                fill = _speaker_fill(ctx, speaker, "subject+coref:quote_speaker")
                cand.roles["actor"] = Fill(actor.start_tok, actor.end_tok, actor.head, fill.rule,
                                           fill.label, fill.norm)
            return


def assign_source(ctx: Context, cand: Candidate, quotes: list[tuple[int, int]]) -> None:
    """Stage 5: ``cand.source`` / ``cand.framed_by`` (frame, "according to", quotation), a quoted "I" resolved to
    the quote's speaker, and a source that is the event's own actor dropped."""
    cand.source, cand.framed_by = find_source(ctx, cand)
    if cand.source is None and cand.framed_by is None:
        cand.source = quoted_source(ctx, cand, quotes)
    first_person_actor(ctx, cand, quotes)
    actor = cand.roles.get("actor")
    if cand.source is not None and actor is not None and (
            cand.source.same_span(actor) or (actor.norm is not None and actor.norm == cand.source.norm)):
        cand.source = None  # "Fenwick noted ..., saying ...": the speaker is not their own source
