"""Dependency-tree helpers shared by the role finders, modality and attribution.

Why paragraphs matter: spaCy's parser sometimes glues the last sentence of one
paragraph to the first of the next (on the seed, a closing quote followed by a
newline), and then a reporting verb in one paragraph "governs" an event in the
next.  Every upward walk here therefore stops at a paragraph boundary (a token
whose text or trailing whitespace holds a newline).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

#: entity labels that name an actor-like thing (used for targets, partners, owners)
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
#: entity labels that name a place
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: dependents that start a clause of their own; cut when building a noun phrase
CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "xcomp", "parataxis", "appos"})
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’", "«", "»"})
LEADING_DETS = frozenset({"the", "a", "an"})


def norm_text(text: str) -> str:
    """Lower-case with typographic apostrophes folded, for lexicon look-ups."""
    return text.lower().replace("’", "'").replace("‘", "'").strip()


def paragraph_ids(doc: Doc) -> list[int]:
    """Paragraph number of each token: a new paragraph starts after a newline, unless the line was only
    wrapped inside a sentence (the next line starts in lower case and the last one did not end a sentence:
    "the U.S.-led\ncoalition conducted")."""
    out: list[int] = []
    para = 0
    last_word: Token | None = None
    for tok in doc:
        if "\n" in tok.text and tok.is_space:
            out.append(para)
            if not _soft_wrap(doc, last_word, tok.i + 1):
                para += 1
            continue
        out.append(para)
        last_word = tok
        if "\n" in tok.whitespace_ and not _soft_wrap(doc, tok, tok.i + 1):
            para += 1
    return out


SENTENCE_END = frozenset({".", "!", "?", ":", ";", "”", '"', "’", "'"})


def _soft_wrap(doc: Doc, last: Token | None, nxt: int) -> bool:
    """A line break inside a sentence: the next word starts in lower case after a word that ends no sentence."""
    while nxt < len(doc) and doc[nxt].is_space:
        nxt += 1
    if last is None or nxt >= len(doc):
        return False
    first = doc[nxt].text[:1]
    return first.islower() and last.text[-1:] not in SENTENCE_END


def ancestors(tok: Token, para: list[int]) -> Iterator[Token]:
    """The token's heads, nearest first, within its paragraph."""
    cur = tok
    while cur.head.i != cur.i and para[cur.head.i] == para[tok.i]:
        cur = cur.head
        yield cur


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency edges between two tokens of one sentence (large if unrelated)."""
    up_a = [a, *a.ancestors]
    index = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in index:
            return n + index[t.i]
    return 10_000


def has_child(tok: Token, deps: frozenset[str] | set[str]) -> Token | None:
    for child in tok.children:
        if child.dep_ in deps:
            return child
    return None


def is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def _excluded(child: Token, keep_clauses: bool) -> bool:
    if child.dep_ in CLAUSE_DEPS and not keep_clauses:
        return True
    if child.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in child.subtree if g.dep_ == "pobj"):
        return True  # "the government on Jan. 20" (a misattached time belongs to the verb)
    return child.dep_ == "punct" and child.i > child.head.i and child.text in (",", ";", ":", "—", "–")


def phrase_tokens(head: Token, keep_clauses: bool = False) -> set[int]:
    """Indices of the noun phrase of ``head``: its subtree minus clauses and misattached times."""
    keep: set[int] = set()
    stack = [head]
    while stack:
        tok = stack.pop()
        keep.add(tok.i)
        for child in tok.children:
            if not _excluded(child, keep_clauses):
                stack.append(child)
    return keep


def contiguous(indices: set[int], around: int) -> tuple[int, int]:
    """The longest run of consecutive indices containing ``around`` (as a half-open range)."""
    start = end = around
    while start - 1 in indices:
        start -= 1
    while end + 1 in indices:
        end += 1
    return start, end + 1


def trim(doc: Doc, start: int, end: int, drop_dets: bool = True) -> tuple[int, int]:
    """Drop edge punctuation, spaces, leading articles and unbalanced quotes from a token range."""

    def quote_balanced(i: int) -> bool:
        inner = [t.text for t in doc[start:end] if t.text in QUOTES]
        return len(inner) % 2 == 0 and len(inner) > 0

    changed = True
    while changed and start < end:
        changed = False
        first = doc[start]
        if first.is_space or (first.is_punct and not (first.text in QUOTES and quote_balanced(start))) or drop_dets and first.lower_ in LEADING_DETS and end - start > 1 or first.lower_ in ("to", "that") and first.dep_ in ("aux", "mark") and end - start > 1:
            start += 1
            changed = True
        if start >= end:
            break
        last = doc[end - 1]
        if last.is_space or (last.is_punct and not (last.text in QUOTES and quote_balanced(end - 1))):
            end -= 1
            changed = True
    return start, max(start, end)


def np_range(head: Token, keep_clauses: bool = False) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``head``, trimmed."""
    start, end = contiguous(phrase_tokens(head, keep_clauses=keep_clauses), head.i)
    return trim(head.doc, start, end)


def clause_range(head: Token) -> tuple[int, int]:
    """Token range of the clause headed by ``head`` without "to"/"that", quotes or trailing commas."""
    idx = {t.i for t in head.subtree}
    start, end = contiguous(idx, head.i)
    return trim(head.doc, start, end, drop_dets=False)
