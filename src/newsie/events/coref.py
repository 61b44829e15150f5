"""Participant coreference: canonical names, pronouns, definite descriptions, coordinated participants.

Canonical names come from ``data/aliases.yaml``: an alias phrase (names, capitals,
"Kim Jong Un's sister") must cover the span's syntactic head, so "Russia's
military prowess" is not normalised to "Russia" while "Pyongyang" and "the North
Korean government" are normalised to "North Korea".  A named entity that is in no
alias list is its own canonical name; a person's surname ("Davis") takes the full
name it was introduced with ("Jeff Davis").

Pronouns are resolved only inside their paragraph, preferring an antecedent in the
same grammatical role (subject for a subject pronoun, object for an object pronoun)
and the nearest one; when nothing agrees in number/animacy the pronoun stays
unresolved (norm ``None``).  The subject of an active verb is an agent, and an agent's
antecedent must be able to act (``coref.yaml``: a person, group or organisation
entity, a person/group noun, a Phoenix agent noun): "They last met" never resolves
to "crucial disputed issues".  A definite description ("the company", "the Foreign
Secretary") names the nearest earlier entity it can describe (``coref.yaml``).

Span convention (GUIDELINES 4.3): a full mention in the trigger's sentence is preferred,
so a pronoun whose antecedent is in its own sentence is replaced by it ("laborers" for
"sending them"); otherwise the pronoun or description keeps its span and the antecedent's
name is its ``norm``.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span, Token

from newsie.events.model import Context, Fill
from newsie.events.resources import Aliases
from newsie.events.syntax import ACTOR_LABELS, contiguous, norm_text, phrase_tokens, trim

PERSONAL_SG = frozenset({"he", "him", "his", "she", "her", "hers"})
PLURAL = frozenset({"they", "them", "their", "theirs"})
NEUTER = frozenset({"it", "its"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative"})
MAX_ALIAS_TOKENS = 8


_INDEX: dict[int, tuple[Aliases, dict[str, str], dict[str, str], frozenset[str]]] = {}


def _alias_index(aliases: Aliases) -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """Look-up tables for one loaded alias file (cached by identity: the models are not hashable)."""
    hit = _INDEX.get(id(aliases))
    if hit is None or hit[0] is not aliases:
        phrases = {norm_text(p): canon for canon, p in aliases.phrases()}
        hit = (aliases, phrases, aliases.demonyms(), frozenset(norm_text(i) for i in aliases.institutions))
        _INDEX[id(aliases)] = hit
    return hit[1], hit[2], hit[3]


def _capitals(aliases: Aliases) -> set[str]:
    return aliases.capitals()


def _clean_entity_text(text: str) -> str:
    out = text.strip()
    for suffix in ("’s", "'s", "’", "'"):
        if out.endswith(suffix):
            out = out[: -len(suffix)]
            break
    if out.lower().startswith("the "):
        out = out[4:]
    return out.strip()


def canonical(ctx: Context, start: int, end: int, head: int) -> tuple[str | None, str | None]:
    """(canonical name, entity label) of the token range ``[start, end)`` with syntactic head ``head``."""
    doc = ctx.doc
    phrases, demonyms, institutions = _alias_index(ctx.aliases)
    best: tuple[int, str, int] | None = None
    for i in range(start, head + 1):
        for j in range(head + 1, min(end, i + MAX_ALIAS_TOKENS) + 1):
            key = norm_text(doc[i:j].text)
            if key.startswith("the "):
                key = key[4:]
            canon = phrases.get(key)
            if canon is not None and (best is None or j - i > best[0]):
                best = (j - i, canon, i)
    ent = ctx.ent(head)
    label = ent.label_ if ent is not None else None
    if best is not None:
        _, canon, i = best
        regions = {norm_text(m) for m in ctx.aliases.place_modifiers}
        if canon in ctx.aliases.countries and i > start and norm_text(doc[i - 1].text) in regions:
            return f"{doc[i - 1].text.lower()} {canon}", label  # "eastern Ukraine" is a region, not Ukraine
        return canon, label
    if ent is not None:
        text = _clean_entity_text(ent.text)
        key = norm_text(text)
        if key in phrases:
            return phrases[key], label
        if ent.label_ == "NORP" and key in demonyms:
            return demonyms[key], label
        if ent.label_ == "PERSON":
            return full_name(ctx, ent, text), label
        if ent.label_ in ACTOR_LABELS - {"NORP"}:
            return text, label
    head_tok = doc[head]
    if norm_text(head_tok.text) in institutions or head_tok.lemma_.lower() in institutions:
        for i in range(start, head):
            for j in range(i + 1, min(head, i + 4) + 1):
                key = norm_text(doc[i:j].text)
                if key in demonyms:
                    return demonyms[key], label
                if key in phrases and ctx.ent(i) is not None:
                    return phrases[key], label
    return None, label


def _number(tok: Token) -> str:
    if tok.tag_ in ("NNS", "NNPS"):
        return "plural"
    return "singular"


def _agrees(pron: str, tok: Token, ctx: Context) -> bool:
    ent = ctx.ent(tok)
    if pron in PERSONAL_SG:
        return ent is not None and ent.label_ == "PERSON"
    if pron in PLURAL:
        return _number(tok) == "plural" or (ent is not None and ent.label_ in ("ORG", "GPE", "NORP"))
    if pron in NEUTER:
        return _number(tok) == "singular" and (ent is None or ent.label_ != "PERSON")
    return False


def full_name(ctx: Context, ent: Span, text: str) -> str:
    """A person's name as first written in full: "Davis" -> "Jeff Davis" (the longest PERSON entity of the
    document that ends with the same words), else ``text``."""
    names = _person_names(ctx)
    words = text.split()
    if not words:
        return text
    best = text
    for name in names.get(words[-1].lower(), ()):
        if len(name.split()) > len(best.split()) and name.lower().endswith(" " + text.lower()):
            best = name
    return best


def _person_names(ctx: Context) -> dict[str, list[str]]:
    """PERSON entity texts of the document by their last word (lower-case), built once per document."""
    cached = getattr(ctx, "_person_names", None)
    if cached is None:
        cached = {}
        for ent in ctx.ents:
            if ent.label_ == "PERSON":
                text = _clean_entity_text(ent.text)
                if text:
                    cached.setdefault(text.split()[-1].lower(), []).append(text)
        ctx._person_names = cached  # type: ignore[attr-defined]
    return cached


def can_act(ctx: Context, tok: Token) -> bool:
    """Can this noun be an agent: a person, group or organisation (entity label, ``coref.yaml`` noun, or a
    Phoenix agent noun)?"""
    ent = ctx.ent(tok)
    if ent is not None:
        return ent.label_ in ctx.coref.agent_labels
    nouns = ctx.coref.agent_nouns
    lemma, low = tok.lemma_.lower(), tok.lower_
    return lemma in nouns or low in nouns or ctx.agent_noun(low) or ctx.agent_noun(lemma)


def is_agent_position(tok: Token) -> bool:
    """The subject of an active verb (or of a copula's complement): whatever it names must be able to act."""
    return tok.dep_ == "nsubj"


def resolve_pronoun(ctx: Context, pron: Token) -> Token | None:
    """The head token of the antecedent of ``pron`` in its paragraph, or ``None``."""
    low = pron.lower_
    if low not in PERSONAL_SG | PLURAL | NEUTER:
        return None
    agent = is_agent_position(pron)
    role = "subj" if pron.dep_ in SUBJECT_DEPS else "obj" if pron.dep_ in OBJECT_DEPS else "other"
    same_role: Token | None = None
    any_role: Token | None = None
    for i in range(pron.i - 1, -1, -1):
        if not ctx.same_para(i, pron.i):
            break
        tok = ctx.doc[i]
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in SUBJECT_DEPS | OBJECT_DEPS:
            continue
        if not _agrees(low, tok, ctx):
            continue
        if agent and not can_act(ctx, tok):
            continue  # "They last met": "crucial disputed issues" cannot meet
        tok_role = "subj" if tok.dep_ in SUBJECT_DEPS else "obj"
        if tok_role == role and same_role is None:
            same_role = tok
        if any_role is None:
            any_role = tok
        if same_role is not None:
            break
    return same_role or any_role


def clip_to_paragraph(ctx: Context, start: int, end: int, head: int) -> tuple[int, int]:
    """The part of ``[start, end)`` in ``head``'s paragraph: a parse that glues a headline or a dateline to
    the first sentence ("Car bomb kills 12 in Baghdad\nA car bomb attack ...") never puts them in a role."""
    para = ctx.para[head]
    if ctx.para[start] == para and ctx.para[end - 1] == para:
        return start, end
    while start < head and ctx.para[start] != para:
        start += 1
    while end - 1 > head and ctx.para[end - 1] != para:
        end -= 1
    return trim(ctx.doc, start, end, drop_dets=False)


def make_fill(ctx: Context, start: int, end: int, head: int, rule: str, resolve: bool = True) -> Fill:
    """A :class:`Fill` for a token range, with canonical name; pronouns are replaced by their antecedent."""
    from newsie.events.syntax import np_range

    doc = ctx.doc
    tok = doc[head]
    start, end = clip_to_paragraph(ctx, start, end, head)
    if resolve and end - start == 1 and tok.tag_ in ("WP", "WDT") and tok.lower_ in ("who", "which", "that", "whom"):
        clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
        if clause is not None:  # "soldiers who were injured": the relative pronoun is the noun it modifies
            a_start, a_end = np_range(clause.head)
            norm, label = canonical(ctx, a_start, a_end, clause.head.i)
            return Fill(a_start, a_end, clause.head.i, f"{rule}+coref:relative", label, norm, None)
    if resolve and end - start == 1 and tok.pos_ == "PRON":
        ante = resolve_pronoun(ctx, doc[head])
        if ante is not None:
            a_start, a_end = np_range(ante)
            ent = ctx.ent(ante)
            if ent is not None and ent.label_ == "PERSON":
                a_start, a_end = ent.start, ent.end  # "Russian President Vladimir Putin" -> "Vladimir Putin"
                if doc[a_end - 1].tag_ == "POS":
                    a_end -= 1
            norm, label = canonical(ctx, a_start, a_end, ante.i)
            if ctx.sent_of[ante.i] == ctx.sent_of[head]:  # a full mention in the same sentence is preferred
                return Fill(a_start, a_end, ante.i, f"{rule}+coref:pronoun", label, norm, None)
            name = norm or _clean_entity_text(doc[a_start:a_end].text)
            return Fill(start, end, head, f"{rule}+coref:pronoun", label, name, None)
    if resolve and tok.pos_ in ("NOUN", "PROPN") and ctx.ent(head) is None:
        found = describe(ctx, start, end, tok)
        if found is not None:
            name, label = found
            return Fill(start, end, head, f"{rule}+coref:description", label, name, None)
    norm, label = canonical(ctx, start, end, head)
    literal = None
    ent = ctx.ent(head)
    if ent is not None and _clean_entity_text(ent.text) in _capitals(ctx.aliases):
        literal = _clean_entity_text(ent.text)
    return Fill(start, end, head, rule, label, norm, literal)


def describe(ctx: Context, start: int, end: int, noun: Token) -> tuple[str, str] | None:
    """(name, label) of the earlier entity a definite description names ("the company" -> the nearest earlier
    ORG; "the Foreign Secretary" -> the nearest earlier PERSON written after that title), or ``None``."""
    data = ctx.coref.descriptions
    if not any(c.dep_ == "det" and c.lower_ in data.determiners for c in noun.children):
        return None
    if any(ctx.ent(i) is not None for i in range(start, end)):
        return None  # "the Russian government": a name inside is the description's own
    lemma = noun.lemma_.lower()
    labels = data.labels.get(lemma)
    titles = lemma in data.titles
    if labels is None and not titles:
        return None
    words = {norm_text(t.text) for t in ctx.doc[start:end] if t.dep_ != "det" and not t.is_punct}
    subject = noun.dep_ in SUBJECT_DEPS
    ents = ctx.ents
    starts = getattr(ctx, "_ent_starts", None)
    if starts is None:
        starts = ctx._ent_starts = [e.start for e in ents]  # type: ignore[attr-defined]
    k = bisect_left(starts, start)
    fallback: Span | None = None
    for ent in reversed(ents[:k]):
        if ent.end > start:
            continue
        if fallback is not None and ctx.sent_of[fallback.start] - ctx.sent_of[ent.start] > 2:
            break  # a subject farther back does not beat the nearest antecedent
        if (labels is not None and ent.label_ in labels) or (
                titles and ent.label_ == "PERSON" and words <= _title_words(ctx, ent)):
            if not subject or ent.root.dep_ in SUBJECT_DEPS:
                return _name_of(ctx, ent), ent.label_  # "The company accused ...": the earlier subject company
            fallback = fallback or ent
    return (_name_of(ctx, fallback), fallback.label_) if fallback is not None else None


def _name_of(ctx: Context, ent: Span) -> str:
    name, _ = canonical(ctx, ent.start, ent.end, ent.root.i)
    return name or _clean_entity_text(ent.text)


def _title_words(ctx: Context, ent: Span) -> set[str]:
    """The words written in front of a person's name in its sentence ("Foreign Secretary Boris Johnson"),
    up to four tokens back, and the head of a noun it is in apposition to ("the minister, X,")."""
    sent_start = ctx.sents[ctx.sent_of[ent.start]].start
    out = {norm_text(ctx.doc[i].text) for i in range(max(sent_start, ent.start - 4), ent.start)}
    out |= {norm_text(t.text) for t in ent if t.i < ent.root.i}
    if ent.root.dep_ == "appos":
        out |= {norm_text(t.text) for t in ent.root.head.subtree if t.i < ent.start}
    return out


def conjuncts(tok: Token) -> list[Token]:
    """A noun and the nouns coordinated with it ("Germany and France", "X, Y and Z"), in text order."""
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            out.extend(conjuncts(child))
    return sorted(out, key=lambda t: t.i)


def member_range(tok: Token) -> tuple[int, int]:
    """The noun phrase of one conjunct, without the coordinated ones after it."""
    skip: set[int] = set()
    for child in tok.children:
        if child.dep_ in ("conj", "cc", "preconj") or (child.dep_ == "punct" and child.i > tok.i):
            skip |= {t.i for t in child.subtree}
    start, end = contiguous(phrase_tokens(tok) - skip, tok.i)
    return trim(tok.doc, start, end)


def coordinated(ctx: Context, fill: Fill) -> list[Fill]:
    """One fill per coordinated participant of ``fill`` (empty when it names one): "Germany and France agreed"
    gives Germany and France, "X, Y and Z might meet" all three, "North and South Korea exchanged fire" North
    and South Korea; each with its own canonical name, none outside the filler's paragraph."""
    doc = ctx.doc
    head = doc[fill.head]
    if not (fill.start_tok <= head.i < fill.end_tok):
        return []
    ranges = [member_range(t) for t in conjuncts(head) if ctx.same_para(t.i, head.i)]
    heads = [t.i for t in conjuncts(head) if ctx.same_para(t.i, head.i)]
    if len(ranges) < 2:
        split = _split_modifier(head)
        if split is None:
            return []
        heads, ranges = split
    out = [make_fill(ctx, start, end, h, f"{fill.rule}+conj") for h, (start, end) in zip(heads, ranges, strict=True)
           if end > start]
    return out if len(out) > 1 else []


def _split_modifier(head: Token) -> tuple[list[int], list[tuple[int, int]]] | None:
    """"North and South Korea": a proper-noun modifier coordinated with another before the head gives two
    participants, the first modifier alone and the rest with the head ("North", "South Korea")."""
    for child in head.children:
        if child.i > head.i or child.dep_ not in ("nmod", "compound", "amod") or child.pos_ != "PROPN":
            continue
        conj = next((c for c in child.children if c.dep_ == "conj" and c.pos_ == "PROPN"), None)
        if conj is None or not any(c.dep_ == "cc" for c in child.children):
            continue
        first = (child.i, child.i + 1)
        rest = (conj.i, head.i + 1)
        return [child.i, head.i], [first, rest]
    return None
