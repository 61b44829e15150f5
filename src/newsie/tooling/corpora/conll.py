"""Readers for the token-per-line corpora: Wikigold, UNER-EWT, CrossNER, SEC filings, BTC.

They share one shape (token + IOB2/IO tag per line, blank line between
sentences) and differ only in columns, document markers and label maps, so one
parser serves all.  Text is rebuilt with :func:`detokenize` (or aligned to
UNER's ``# text``), and each tagged run is mapped through the corpus's YAML map.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsie.tooling.corpora.common import (
    SourceDoc,
    SpanT,
    align_tokens,
    bio_spans,
    detokenize,
    flatten,
    strip_det_poss,
)
from newsie.tooling.corpora.labels import LabelMap, load_map


@dataclass
class Sent:
    tokens: list[str]
    tags: list[str]
    text: str | None = None  # the corpus's own surface text, when it gives one


@dataclass
class RawDoc:
    id: str
    sents: list[Sent] = field(default_factory=list)


def parse_conll(
    path: Path, *, token_col: int, tag_col: int, sep: str | None, docstart: str | None, doc_prefix: str
) -> list[RawDoc]:
    """Parse a CoNLL-like file into documents of sentences.

    ``docstart`` is the first token of a document-separator line
    (``-DOCSTART-``); ``None`` means no separators (the whole file is a document
    unless ``# newdoc id =`` comments say otherwise).
    """
    docs: list[RawDoc] = [RawDoc(f"{doc_prefix}-0")]
    cur = Sent([], [])
    text: str | None = None

    def flush() -> None:
        nonlocal cur, text
        if cur.tokens:
            cur.text = text
            docs[-1].sents.append(cur)
        cur, text = Sent([], []), None

    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("# newdoc id = "):
            flush()
            docs.append(RawDoc(line[len("# newdoc id = ") :].strip()))
            continue
        if line.startswith("# text = "):
            text = line[len("# text = ") :]
            continue
        if line.startswith("#") and tag_col > 1 and "\t" not in line:
            continue
        if not line.strip():
            flush()
            continue
        cols = line.split(sep) if sep else line.split()
        if docstart and cols[0] == docstart:
            flush()
            docs.append(RawDoc(f"{doc_prefix}-{len(docs)}"))
            continue
        cur.tokens.append(cols[token_col])
        cur.tags.append(cols[tag_col])
    flush()
    return [d for d in docs if d.sents]


KeepFn = Callable[[str, list[str], int, int, str], bool]


def to_source_doc(
    corpus: str, raw: RawDoc, lmap: LabelMap, *, meta: dict | None = None, keep: KeepFn | None = None
) -> SourceDoc:
    """Build text (one sentence per line) and mapped gold spans for one document.

    ``keep(type, tokens, first, end, surface)`` can veto a tagged run (defined
    terms in contracts, Twitter handles); a leading ``#`` is stripped.
    """
    parts: list[str] = []
    sentences: list[tuple[int, int]] = []
    spans: list[SpanT] = []
    pos = 0
    for sent in raw.sents:
        if sent.text is not None:
            text, offs = sent.text, align_tokens(sent.text, sent.tokens)
        else:
            text, offs = detokenize(sent.tokens)
        if parts:
            parts.append("\n")
            pos += 1
        sentences.append((pos, pos + len(text)))
        for a, b, typ in bio_spans(sent.tags):
            s, e = strip_det_poss(text, offs[a][0], offs[b - 1][1])
            if s < e and text[s] == "#":  # hashtag entity: "#Pistorius" -> "Pistorius"
                s += 1
            if s >= e or (keep is not None and not keep(typ, sent.tokens, a, b, text[s:e])):
                continue
            label = lmap.map(typ, text[s:e])
            if label:
                spans.append((pos + s, pos + e, label))
        parts.append(text)
        pos += len(text)
    return SourceDoc(
        corpus=corpus,
        doc=raw.id,
        text="".join(parts),
        sentences=sentences,
        spans=flatten(spans),
        gold_labels=list(lmap.gold_labels),
        meta=meta or {},
    )


# ----------------------------------------------------------------- per corpus
def read_wikigold(corpora_dir: Path) -> Iterator[SourceDoc]:
    """Wikigold: 145 Wikipedia articles, IO tags PER/LOC/ORG/MISC."""
    lmap = load_map("wikigold")
    path = corpora_dir / "wikigold" / "CONLL-format" / "data" / "wikigold.conll.txt"
    for raw in parse_conll(path, token_col=0, tag_col=1, sep=" ", docstart="-DOCSTART-", doc_prefix="wikigold"):
        yield to_source_doc("wikigold", raw, lmap)


def read_uner_ewt(corpora_dir: Path) -> Iterator[SourceDoc]:
    """UNER English-EWT dev + test: web text, IOB2 PER/ORG/LOC, aligned to ``# text``."""
    lmap = load_map("uner_ewt")
    for name in ("en_ewt-ud-dev.iob2", "en_ewt-ud-test.iob2"):
        path = corpora_dir / "uner-ewt" / name
        for raw in parse_conll(path, token_col=1, tag_col=2, sep="\t", docstart=None, doc_prefix=name):
            yield to_source_doc("uner-ewt", raw, lmap, meta={"genre": raw.id.split("-")[0]})


def read_crossner(corpora_dir: Path) -> Iterator[SourceDoc]:
    """CrossNER (5 domains): each sentence is its own document; repeated sentences kept once."""
    lmap = load_map("crossner")
    caps = set(lmap.options.get("capitalised_only", []))

    def keep(typ: str, _tokens: list[str], _a: int, _b: int, surface: str) -> bool:
        return typ not in caps or surface[:1].isupper()

    seen: set[str] = set()
    base = corpora_dir / "crossner" / "ner_data"
    for domain in ("politics", "science", "music", "literature", "ai"):
        for split in ("train", "dev", "test"):
            path = base / domain / f"{split}.txt"
            for raw in parse_conll(path, token_col=0, tag_col=1, sep="\t", docstart=None, doc_prefix=""):
                for n, sent in enumerate(raw.sents):
                    key = " ".join(sent.tokens)
                    if key in seen:
                        continue
                    seen.add(key)
                    one = RawDoc(f"{domain}-{split}-{n:04d}", [sent])
                    yield to_source_doc("crossner", one, lmap, meta={"domain": domain}, keep=keep)


def read_sec_filings(corpora_dir: Path) -> Iterator[SourceDoc]:
    """SEC loan agreements: defined terms (``Borrower``, ``Bank``) are not names."""
    lmap = load_map("sec_filings")
    drop = {x.lower() for x in lmap.options.get("drop_names", [])}

    def keep(_typ: str, _tokens: list[str], _a: int, _b: int, surface: str) -> bool:
        return surface.lower() not in drop

    base = corpora_dir / "sec-filings" / "CONLL-format" / "data"
    for name in ("train/FIN5.txt", "test/FIN3.txt"):
        prefix = name.split("/")[1].removesuffix(".txt")
        for raw in parse_conll(base / name, token_col=0, tag_col=3, sep=" ", docstart="-DOCSTART-", doc_prefix=prefix):
            yield to_source_doc("sec-filings", raw, lmap, keep=keep)


def read_btc(corpora_dir: Path) -> Iterator[SourceDoc]:
    """Broad Twitter Corpus: one tweet per document; ``@`` and user-handle entities dropped."""
    lmap = load_map("btc")

    def keep(_typ: str, tokens: list[str], a: int, _b: int, surface: str) -> bool:
        return tokens[a] != "@" and not (a > 0 and tokens[a - 1] == "@") and not surface.startswith("@")

    base = corpora_dir / "btc" / "CONLL-format" / "data"
    for section in lmap.options.get("sections", []):
        for raw in parse_conll(base / f"{section}.conll", token_col=0, tag_col=1, sep="\t", docstart=None,
                               doc_prefix=section):  # fmt: skip
            for n, sent in enumerate(raw.sents):
                one = RawDoc(f"{section}-{n:05d}", [sent])
                yield to_source_doc("btc", one, lmap, meta={"section": section}, keep=keep)
