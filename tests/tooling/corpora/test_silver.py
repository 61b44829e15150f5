"""Teacher convention fixes and the gold-wins merge."""

from __future__ import annotations

import pytest

from newsie.tooling.corpora.silver import fix_convention, merge, teacher_spans


def test_fix_convention():
    t = "the North Korea's leader met a Briton the past week"
    assert t[slice(*fix_convention(t, 0, 17, "GPE"))] == "North Korea"
    s = t.index("the past week")
    # DATE keeps its determiner (OntoNotes "the past week")
    assert t[slice(*fix_convention(t, s, len(t), "DATE"))] == "the past week"
    bad = 'a "Wrecking Ball" - inspired segment of'
    assert fix_convention(bad, 3, len(bad), "WORK_OF_ART") is None


def test_merge_gold_wins():
    gold = [(0, 5, "PERSON")]
    silver = [
        (0, 5, "ORG"),  # overlaps gold
        (10, 15, "PERSON"),  # label annotated by hand in this corpus: not trusted from the teacher
        (20, 24, "DATE"),  # new label, no overlap: kept as silver
        (22, 30, "CARDINAL"),  # overlaps the kept silver span
    ]
    assert merge(gold, ["PERSON", "ORG"], silver) == [[0, 5, "PERSON", "gold"], [20, 24, "DATE", "silver"]]


@pytest.fixture(scope="module")
def small_teacher():
    """A real spaCy NER (en_core_web_sm's) standing in for the slower md teacher."""
    from newsie.pipeline import load_base

    nlp = load_base()
    nlp.select_pipes(enable=["ner"])
    return nlp


def test_teacher_spans_real_model(small_teacher):
    text = "The United States and France signed the deal in Paris on Monday."
    (spans,) = teacher_spans(small_teacher, [text])
    found = {(text[s:e], lab) for s, e, lab in spans}
    assert ("Paris", "GPE") in found
    assert all(not text[s:e].startswith("the ") for s, e, lab in spans if lab == "GPE")
