"""Shared pieces of the corpus builder: the document model, text from tokens, chunking.

Every reader turns its corpus into :class:`SourceDoc` objects: the document
text, sentence character ranges and *flat* gold spans already mapped to
OntoNotes labels.  The builder then cuts documents into examples of at most
``MAX_WORDS`` words at sentence boundaries (never inside a span), so one
example fits a 256-subword window.  Keeping chunking here means every corpus
obeys the same size and offset rules, whatever its source format.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

ONTONOTES_LABELS: tuple[str, ...] = (
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
    "LAW", "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
)  # fmt: skip

#: An example longer than this (whitespace words) is split; ~120 words fit 256 subwords.
MAX_WORDS = 120

SpanT = tuple[int, int, str]


@dataclass
class SourceDoc:
    """One source document with gold OntoNotes spans (flat, sorted, char offsets into ``text``)."""

    corpus: str
    doc: str
    text: str
    sentences: list[tuple[int, int]]
    spans: list[SpanT]
    gold_labels: list[str]
    meta: dict = field(default_factory=dict)


# ----------------------------------------------------------------- detokenising
_NO_SPACE_BEFORE = {
    ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d",
    "'m", "’s", "'", "''", "...", "-RRB-", "-RSB-", "-RCB-",
}  # fmt: skip
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "-LRB-", "-LSB-", "-LCB-", "US$", "£", "€", "#"}
_PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}", "``": '"', "''": '"'}


def ptb_unescape(token: str) -> str:
    """Map PTB escapes (``-LRB-``, ````` `` `````) back to the characters a news text would have."""
    return _PTB.get(token, token)


def detokenize(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join word tokens into natural text and return it with each token's char offsets.

    Why not just ``" ".join``: the NER model will see real news text
    (``Mecca's``, ``(AP)``, ``5%``), so training text written ``Mecca 's`` or
    ``( AP )`` would teach it a tokenisation it never meets.  Quotes ``"`` are
    attached to the following token when opening and to the preceding one when
    closing, tracked by parity.
    """
    out: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    prev_raw: str | None = None
    prev_tok = ""
    prev_opened = False
    quote_open = False
    for k, raw in enumerate(tokens):
        tok = ptb_unescape(raw)
        is_quote = tok == '"'
        opening = is_quote and (raw == "``" or (raw != "''" and not quote_open))
        space = prev_raw is not None
        nxt = tokens[k + 1] if k + 1 < len(tokens) else ""
        if space and (
            (tok == "-" and _hyphen_joins(prev_tok, nxt)) or (prev_tok == "-" and k >= 2 and _hyphen_joins(tokens[k - 2], tok))
        ):
            space = False  # "Wal - Mart" -> "Wal-Mart", "1997 - 8" -> "1997-8"
        if space and (
            raw in _NO_SPACE_BEFORE
            or tok in _NO_SPACE_BEFORE
            or prev_raw in _NO_SPACE_AFTER
            or prev_tok in _NO_SPACE_AFTER
            or (is_quote and not opening)
            or prev_opened
        ):
            space = False
        if is_quote:
            quote_open = opening
        prev_opened = opening
        if space:
            out.append(" ")
            pos += 1
        offsets.append((pos, pos + len(tok)))
        out.append(tok)
        pos += len(tok)
        prev_raw, prev_tok = raw, tok
    return "".join(out), offsets


def _hyphen_joins(left: str, right: str) -> bool:
    """Whether a tokenised ``-`` between these tokens was a word-internal hyphen.

    Both sides digits (``2008 - 09``) or both capitalised words (``Wal - Mart``,
    ``Rolls - Royce``); a dash between lower-case clauses stays spaced.
    """
    if not left or not right:
        return False
    if left[-1].isdigit() and right[0].isdigit():
        return True
    return left[0].isupper() and right[0].isupper() and left[-1].isalpha() and right[-1].isalnum()


def align_tokens(text: str, tokens: Sequence[str]) -> list[tuple[int, int]]:
    """Offsets of ``tokens`` in ``text`` when the tokens spell the text minus whitespace (UNER, EWT)."""
    offsets = []
    pos = 0
    for tok in tokens:
        idx = text.find(tok, pos)
        if idx < 0 or text[pos:idx].strip():
            raise ValueError(f"token {tok!r} not found at {pos} in {text!r}")
        offsets.append((idx, idx + len(tok)))
        pos = idx + len(tok)
    return offsets


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(first, last+1, type)`` from IOB2 or IO tags (a run of equal ``I-X`` is one entity)."""
    spans: list[tuple[int, int, str]] = []
    start, cur = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, typ = tag.partition("-")
        if tag == "O" or prefix == "B" or (prefix == "I" and typ != cur):
            if cur is not None:
                spans.append((start, i, cur))
            start, cur = (i, typ) if tag != "O" else (None, None)
    return spans


# ---------------------------------------------------------------------- spans
def flatten(spans: Iterable[SpanT], *, prefer: str = "longest") -> list[SpanT]:
    """Resolve overlaps into a flat, sorted list.

    ``prefer="longest"`` keeps the outermost span (OntoNotes is flat and the
    outer name is usually the entity, ``Municipality of Livorno`` over
    ``Livorno``); ties go to the earlier span.  ``prefer="first"`` keeps spans in
    the given priority order.
    """
    items = list(dict.fromkeys(spans))
    if prefer == "longest":
        items.sort(key=lambda s: (-(s[1] - s[0]), s[0], s[2]))
    kept: list[SpanT] = []
    for s in items:
        if s[1] <= s[0]:
            continue
        if all(s[1] <= k[0] or s[0] >= k[1] for k in kept):
            kept.append(s)
    return sorted(kept)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip surrounding whitespace and punctuation that no OntoNotes span begins or ends with."""
    while start < end and (text[start].isspace() or text[start] in ",;:\"'“”‘([{"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:\"“”)]}"):
        end -= 1
    return start, end


# --------------------------------------------------------------------- chunking
def stable_hash(*parts: str) -> int:
    """A platform-independent hash (Python's ``hash`` is salted per process)."""
    return int.from_bytes(hashlib.sha1("\x1f".join(parts).encode("utf-8")).digest()[:8], "big")


def chunk(doc: SourceDoc, max_words: int = MAX_WORDS) -> list[tuple[int, int]]:
    """Cut a document into example ranges of at most ``max_words`` words.

    Cuts fall on sentence boundaries that are not inside a gold span; a single
    over-long sentence is cut at whitespace outside spans.  Empty ranges are
    dropped.
    """
    text = doc.text
    inside = [False] * (len(text) + 1)
    for s, e, _ in doc.spans:
        for i in range(s + 1, e):
            inside[i] = True
    # merge sentences that a span crosses
    sents: list[list[int]] = []
    for s, e in sorted(doc.sentences):
        if sents and (inside[s] or s < sents[-1][1]):
            sents[-1][1] = max(sents[-1][1], e)
        else:
            sents.append([s, e])
    pieces: list[tuple[int, int]] = []
    for s, e in sents:
        if len(text[s:e].split()) <= max_words:
            pieces.append((s, e))
            continue
        # over-long sentence: cut at a whitespace outside spans every ~max_words words
        start, words, i = s, 0, s
        while i < e:
            if text[i].isspace() and (i == s or not text[i - 1].isspace()):
                words += 1
                if words >= max_words - 10 and not inside[i] and not inside[i + 1 if i + 1 <= len(text) else i]:
                    pieces.append((start, i))
                    start, words = i + 1, 0
            i += 1
        pieces.append((start, e))
    out: list[tuple[int, int]] = []
    cur: list[int] | None = None
    cur_words = 0
    for s, e in pieces:
        w = len(text[s:e].split())
        if cur is not None and cur_words + w <= max_words and "\n\n" not in text[cur[1] : s]:
            cur[1] = e
            cur_words += w
        else:
            if cur is not None:
                out.append((cur[0], cur[1]))
            cur, cur_words = [s, e], w
    if cur is not None:
        out.append((cur[0], cur[1]))
    result = []
    for s, e in out:
        s2, e2 = s, e
        while s2 < e2 and text[s2].isspace():
            s2 += 1
        while e2 > s2 and text[e2 - 1].isspace():
            e2 -= 1
        if s2 < e2:
            result.append((s2, e2))
    return result


def spans_in(spans: Sequence[SpanT], start: int, end: int) -> list[SpanT]:
    """The spans lying inside ``[start, end)``, shifted to be relative to ``start``."""
    return [(s - start, e - start, lab) for s, e, lab in spans if s >= start and e <= end]


_LEADING_DET = ("the ", "The ", "THE ", "a ", "A ", "an ", "An ")


def strip_det_poss(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading determiner and a trailing possessive: ``the North Korea's`` -> ``North Korea``.

    OntoNotes name spans exclude both; spaCy's teacher and several corpora
    include them, and a model trained on the mix would learn fuzzy boundaries.
    """
    start, end = trim_span(text, start, end)
    for det in _LEADING_DET:
        if text.startswith(det, start) and end - start > len(det):
            start += len(det)
            break
    for poss in ("'s", "’s", "'", "’"):
        if text.endswith(poss, start, end) and end - start > len(poss) + 1:
            if poss in ("'", "’") and text[end - 2 : end - 1] not in ("s", "S"):
                continue
            end -= len(poss)
            break
    return trim_span(text, start, end)


_SENT_SPLIT = re.compile(r"[.!?][\"”']?(\s+)(?=[\"“(]?[A-Z0-9])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence ranges for corpora that give none: lines, then ``. `` + capital.

    Only used to choose cut points between examples; :func:`chunk` never cuts
    inside a span, so an over-eager split cannot break an entity.
    """
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", text):
        line_start = m.start()
        prev = 0
        line = m.group(0)
        for cut in _SENT_SPLIT.finditer(line):
            out.append((line_start + prev, line_start + cut.start(1)))
            prev = cut.end()
        out.append((line_start + prev, line_start + len(line)))
    result = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            result.append((s, e))
    return result
