"""Light coreference: canonical names for argument spans, and same-paragraph pronouns.

Canonical names come from ``data/aliases.yaml``: an alias phrase (names, capitals,
"Kim Jong Un's sister") must cover the span's syntactic head, so "Russia's
military prowess" is not normalised to "Russia" while "Pyongyang" and "the North
Korean government" are normalised to "North Korea".  A named entity that is in no
alias list is its own canonical name.  Pronouns are resolved only inside their
paragraph, preferring an antecedent in the same grammatical role (subject for a
subject pronoun, object for an object pronoun) and the nearest one; when nothing
agrees in number/animacy the pronoun stays unresolved (norm ``None``).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsie.events.model import Context, Fill
from newsie.events.resources import Aliases
from newsie.events.syntax import ACTOR_LABELS, norm_text

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


def resolve_pronoun(ctx: Context, pron: Token) -> Token | None:
    """The head token of the antecedent of ``pron`` in its paragraph, or ``None``."""
    low = pron.lower_
    if low not in PERSONAL_SG | PLURAL | NEUTER:
        return None
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
        tok_role = "subj" if tok.dep_ in SUBJECT_DEPS else "obj"
        if tok_role == role and same_role is None:
            same_role = tok
        if any_role is None:
            any_role = tok
        if same_role is not None:
            break
    return same_role or any_role


def make_fill(ctx: Context, start: int, end: int, head: int, rule: str, resolve: bool = True) -> Fill:
    """A :class:`Fill` for a token range, with canonical name; pronouns are replaced by their antecedent."""
    from newsie.events.syntax import np_range

    doc = ctx.doc
    tok = doc[head]
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
            return Fill(a_start, a_end, ante.i, f"{rule}+coref:pronoun", label, norm, None)
    norm, label = canonical(ctx, start, end, head)
    literal = None
    ent = ctx.ent(head)
    if ent is not None and _clean_entity_text(ent.text) in _capitals(ctx.aliases):
        literal = _clean_entity_text(ent.text)
    return Fill(start, end, head, rule, label, norm, literal)
