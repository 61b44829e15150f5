"""Detokenising, tag decoding, span flattening and chunking (inline data, always run)."""

from __future__ import annotations

from newsie.tooling.corpora.common import (
    SourceDoc,
    align_tokens,
    bio_spans,
    chunk,
    detokenize,
    flatten,
    spans_in,
    split_sentences,
    stable_hash,
    strip_det_poss,
)


def test_detokenize_attaches_punctuation_clitics_and_quotes():
    toks = ["He", "said", ",", "``", "Mecca", "'s", "-LRB-", "old", "-RRB-", "part", "''", "is", "5", "%", "of", "$", "3", "."]
    text, offs = detokenize(toks)
    assert text == "He said, \"Mecca's (old) part\" is 5% of $3."
    for tok, (s, e) in zip(toks, offs, strict=True):
        assert text[s:e] == {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")"}.get(tok, tok)


def test_detokenize_plain_quotes_by_parity():
    text, _ = detokenize(['"', "Yes", '"', ",", "he", "said", "."])
    assert text == '"Yes", he said.'


def test_detokenize_word_internal_hyphens():
    assert detokenize(["Wal", "-", "Mart", "and", "1997", "-", "8"])[0] == "Wal-Mart and 1997-8"
    assert detokenize(["companies", "-", "and", "this", "industry", "-", "must"])[0] == "companies - and this industry - must"


def test_align_tokens_to_surface_text():
    offs = align_tokens("It's in tampa bay.", ["It", "'s", "in", "tampa", "bay", "."])
    assert offs == [(0, 2), (2, 4), (5, 7), (8, 13), (14, 17), (17, 18)]


def test_bio_and_io_runs():
    assert bio_spans(["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG"]) == [
        (0, 2, "PER"), (3, 5, "LOC"), (5, 6, "LOC"), (6, 7, "ORG"),
    ]  # fmt: skip


def test_flatten_keeps_outer_span_and_sorts():
    spans = [(10, 17, "GPE"), (0, 27, "ORG"), (30, 34, "DATE"), (31, 33, "CARDINAL")]
    assert flatten(spans) == [(0, 27, "ORG"), (30, 34, "DATE")]


def test_strip_det_poss():
    t = "the North Korea's army"
    s, e = strip_det_poss(t, 0, 17)
    assert t[s:e] == "North Korea"
    t2 = "The Beatles' song"
    s, e = strip_det_poss(t2, 0, 12)
    assert t2[s:e] == "Beatles"


def test_chunk_respects_limit_and_never_cuts_a_span():
    sent = "Word " * 50
    text = (sent.strip() + ". ") * 5 + "Ann Lee went home."
    text = text.strip()
    sents = split_sentences(text)
    start = text.index("Ann")
    doc = SourceDoc("x", "d", text, sents, [(start, start + 7, "PERSON")], ["PERSON"])
    ranges = chunk(doc, max_words=120)
    assert all(len(text[s:e].split()) <= 120 for s, e in ranges)
    assert any(spans_in(doc.spans, s, e) for s, e in ranges)
    # an over-long single sentence is cut at whitespace outside spans
    long_text = " ".join(["w"] * 300) + " Ann Lee"
    d2 = SourceDoc("x", "d", long_text, [(0, len(long_text))], [(len(long_text) - 7, len(long_text), "PERSON")], [])
    parts = chunk(d2, max_words=120)
    assert len(parts) >= 3 and all(len(long_text[s:e].split()) <= 120 for s, e in parts)
    assert spans_in(d2.spans, *parts[-1])


def test_stable_hash_is_process_independent():
    assert stable_hash("gum", "GUM_news_taxes") == stable_hash("gum", "GUM_news_taxes")
    assert stable_hash("a", "bc") != stable_hash("ab", "c")
