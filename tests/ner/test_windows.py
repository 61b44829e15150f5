"""Encoding, windowing and decoding arithmetic (no torch, no model)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsie.ner import windows as W
from newsie.ner.labels import bio_tags


@pytest.fixture(scope="module")
def tokenizer():
    from newsie.ner.model import load_tokenizer
    from newsie.tooling.weights import encoder_dir

    return load_tokenizer(encoder_dir())


def test_encode_keeps_original_offsets_and_case(tokenizer) -> None:
    text = "Kim Jong Un visited the U.S. and Zürich."
    enc = W.encode(tokenizer, text)
    assert len(enc.ids) == len(enc.offsets) == len(enc.case)
    words = [text[s:e] for s, e in enc.word_span]
    assert words[:3] == ["Kim", "Jong", "Un"] and "Zürich" in words
    assert enc.case[0] == 2  # Title, although the tokenizer lowercased it
    assert len(enc.word_first) == len(enc.word_span)


def test_word_tags_and_decode_round_trip(tokenizer) -> None:
    text = "Kim Jong Un met officials of the U.S. in Pyongyang on Jan. 20."
    gold = [(0, 11, "PERSON"), (text.index("U.S."), text.index("U.S.") + 4, "GPE"),
            (text.index("Pyongyang"), text.index("Pyongyang") + 9, "GPE"),
            (text.index("Jan. 20"), text.index("Jan. 20") + 7, "DATE")]
    enc = W.encode(tokenizer, text)
    tags = W.word_tags(enc, gold)
    assert tags[:3] == ["B-PERSON", "I-PERSON", "I-PERSON"]
    assert W.decode(tags, enc.word_span) == sorted(gold)


def test_decode_repairs_orphan_inside_tags() -> None:
    spans = [(0, 3), (4, 8), (9, 12), (13, 16)]
    assert W.decode(["I-ORG", "I-ORG", "B-GPE", "I-PERSON"], spans) == [
        (0, 8, "ORG"), (9, 12, "GPE"), (13, 16, "PERSON")]


def test_decode_glues_a_restarted_span_across_one_space_only() -> None:
    text = "May 05, 2006 and Kim, Putin\nMoscow"
    words = [(0, 3), (4, 6), (6, 7), (8, 12), (13, 16), (17, 20), (20, 21), (22, 27), (28, 34)]
    tags = ["B-DATE", "B-DATE", "I-DATE", "I-DATE", "O", "B-PERSON", "O", "B-PERSON", "B-PERSON"]
    assert W.decode(tags, words, text) == [(0, 12, "DATE"), (17, 20, "PERSON"), (22, 27, "PERSON"),
                                           (28, 34, "PERSON")]
    # without the text (old behaviour) every B starts a span
    assert W.decode(tags, words)[:2] == [(0, 3, "DATE"), (4, 12, "DATE")]


@settings(max_examples=200, deadline=None)
@given(
    n=st.integers(1, 2000),
    size=st.integers(8, 300),
    data=st.data(),
)
def test_windows_cover_everything_within_size(n: int, size: int, data) -> None:
    sents = sorted(set(data.draw(st.lists(st.integers(0, n), max_size=40))))
    words = sorted(set(data.draw(st.lists(st.integers(0, n), max_size=200))) | set(sents))
    overlap = data.draw(st.integers(0, size // 2))
    wins = W.windows(n, sents, words, size, overlap)
    assert wins[0][0] == 0 and wins[-1][1] == n
    for (a, b), (a2, _b2) in zip(wins, wins[1:], strict=False):
        assert a < a2 <= b  # progress, no gaps
    assert all(0 < b - a <= size for a, b in wins)


def test_windows_prefer_sentence_boundaries_and_overlap() -> None:
    sents = list(range(0, 1000, 40))  # 40-subword sentences
    wins = W.windows(1000, sents, list(range(1000)), 254, 64)
    for a, b in wins:
        assert a % 40 == 0 and (b % 40 == 0 or b == 1000)
    assert all(b - a2 >= 40 for (_a, b), (a2, _b) in zip(wins, wins[1:], strict=False))  # a whole shared sentence


def test_merge_prefers_window_centre() -> None:
    tags = bio_tags()
    enc = W.Encoded(text="", ids=list(range(10)), offsets=[(i, i + 1) for i in range(10)], case=[1] * 10,
                    word_first=list(range(10)), word_span=[(i, i + 1) for i in range(10)])
    o, b_per = tags.index("O"), tags.index("B-PERSON")
    # window 1 says word 5 is B-PERSON but word 5 sits at its cut edge; window 2 has it in the middle
    merged = W.merge_window_predictions(enc, [(0, 6), (3, 10)], [[o] * 5 + [b_per], [o] * 7], tags)
    assert merged[5] == "O"
    merged = W.merge_window_predictions(enc, [(0, 6), (3, 10)], [[o] * 6, [o, o, b_per, o, o, o, o]], tags)
    assert merged[5] == "B-PERSON"


def test_viterbi_returns_the_best_valid_bio_path() -> None:
    import numpy as np

    tags = ["O", "B-ORG", "I-ORG", "B-PERSON", "I-PERSON"]
    start, trans = W.bio_transitions(tags)

    def lp(*rows):
        return np.log(np.array(rows, dtype=np.float32))

    # argmax would give I-ORG I-ORG (an orphan): the best valid path opens the span with B-ORG
    probs = lp([0.1, 0.4, 0.45, 0.025, 0.025], [0.1, 0.1, 0.7, 0.05, 0.05])
    assert [tags[i] for i in W.viterbi(probs, start, trans)] == ["B-ORG", "I-ORG"]
    # argmax gives B-PERSON I-ORG I-ORG: one label for the whole span wins
    probs = lp([0.05, 0.3, 0.05, 0.55, 0.05], [0.05, 0.05, 0.6, 0.05, 0.25], [0.05, 0.05, 0.6, 0.05, 0.25])
    assert [tags[i] for i in W.viterbi(probs, start, trans)] == ["B-ORG", "I-ORG", "I-ORG"]
    # a valid argmax path is kept as is
    probs = lp([0.1, 0.05, 0.05, 0.7, 0.1], [0.1, 0.05, 0.05, 0.1, 0.7], [0.8, 0.05, 0.05, 0.05, 0.05])
    assert [tags[i] for i in W.viterbi(probs, start, trans)] == ["B-PERSON", "I-PERSON", "O"]
    assert W.viterbi(np.zeros((0, 5)), start, trans) == []


def test_windows_share_at_most_the_overlap_and_cover_every_word() -> None:
    """Issue 20: consecutive windows share at most ``overlap`` subwords (16 by default), and every word's first
    subword lies in some window."""
    sents = list(range(0, 1000, 40))
    words = list(range(0, 1000, 3))
    wins = W.windows(1000, sents, words, 254, W.WINDOW_OVERLAP)
    assert len(wins) > 3
    for (_a, b), (a2, _b2) in zip(wins, wins[1:], strict=False):
        assert 0 < b - a2 <= W.WINDOW_OVERLAP  # some context across each cut, never more than the overlap
    covered = set()
    for a, b in wins:
        covered.update(range(a, b))
    assert set(words) <= covered


def test_shipped_model_and_tagger_use_the_short_overlap() -> None:
    import json

    from newsie.pipeline import default_ner_path

    config = json.loads((default_ner_path() / "config.json").read_text(encoding="utf-8"))
    assert config["window_overlap"] == W.WINDOW_OVERLAP == 16
