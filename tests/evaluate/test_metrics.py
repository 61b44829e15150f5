from __future__ import annotations

import pytest

from newsie.evaluate.metrics import PRF, Accuracy, match_pairs, overlap


def test_prf_known_answer():
    p = PRF(tp=3, fp=1, fn=2)
    assert p.precision == pytest.approx(0.75)
    assert p.recall == pytest.approx(0.6)
    assert p.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert p.support == 5


def test_prf_zero_denominators_are_zero_not_nan():
    assert PRF().precision == PRF().recall == PRF().f1 == 0.0
    assert PRF(fn=3).f1 == 0.0


def test_prf_sum_and_dict():
    total = PRF(1, 2, 3)
    total += PRF(4, 0, 1)
    assert (total.tp, total.fp, total.fn) == (5, 2, 4)
    assert total.to_dict()["precision"] == pytest.approx(5 / 7)


def test_accuracy():
    a = Accuracy()
    for ok in (True, False, True, True):
        a.add(ok)
    assert (a.correct, a.total, a.accuracy) == (3, 4, 0.75)
    assert Accuracy().accuracy == 0.0


def test_overlap():
    assert overlap(0, 5, 3, 10) == 2
    assert overlap(0, 5, 5, 10) == 0
    assert overlap(2, 4, 0, 10) == 2


def test_match_pairs_is_one_to_one_and_prefers_larger_score():
    golds = [(0, 10), (12, 20)]
    preds = [(5, 15), (0, 9)]  # pred 0 overlaps both golds; pred 1 overlaps gold 0 more
    pairs = match_pairs(golds, preds, lambda g, p: overlap(*g, *p) or None)
    assert pairs == [(0, 1), (1, 0)]


def test_match_pairs_finds_the_most_pairs_where_greedy_would_not():
    golds = [(0, 10), (8, 12)]
    preds = [(0, 12), (0, 5)]  # greedy would give (0,10)-(0,12) and leave (8,12) unmatched
    assert match_pairs(golds, preds, lambda g, p: overlap(*g, *p) or None) == [(0, 1), (1, 0)]


def test_match_pairs_none_means_no_pair():
    assert match_pairs([1, 2], [3], lambda g, p: None) == []
