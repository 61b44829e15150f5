from __future__ import annotations

import json

import pytest
from spacy.scorer import get_ner_prf
from spacy.training import Example

from newsie.evaluate.entities import EntityScorer, EntSpan, context, describe_value, score_entities
from newsie.schema import QuantityValue, TimeValue

TEXT = "Alice met Bob in New York on Monday."
GOLD = [
    EntSpan(0, 5, "PERSON"),
    EntSpan(10, 13, "PERSON"),
    EntSpan(17, 25, "GPE"),
    EntSpan(29, 35, "DATE", TimeValue(value="XXXX-WXX-1")),
]


def test_strict_partial_and_values_known_answer():
    pred = [
        EntSpan(0, 5, "PERSON"),  # hit
        EntSpan(10, 13, "ORG"),  # label error
        EntSpan(14, 25, "GPE"),  # boundary error "in New York"
        EntSpan(29, 35, "DATE", {"kind": "time", "value": "XXXX-WXX-1"}),  # hit, right value
    ]
    scores, errors = score_entities([("d", TEXT, GOLD, pred)])
    assert (scores.strict.tp, scores.strict.fp, scores.strict.fn) == (2, 2, 2)
    assert scores.strict.f1 == pytest.approx(0.5)
    assert (scores.partial.tp, scores.partial.fp, scores.partial.fn) == (3, 1, 1)
    assert scores.partial.precision == pytest.approx(0.75)
    per = scores.strict_per_label
    assert (per["PERSON"].tp, per["PERSON"].fp, per["PERSON"].fn) == (1, 0, 1)
    assert per["PERSON"].precision == 1.0 and per["PERSON"].recall == 0.5
    assert (per["ORG"].tp, per["ORG"].fp, per["ORG"].fn) == (0, 1, 0)
    assert (per["GPE"].tp, per["GPE"].fp, per["GPE"].fn) == (0, 1, 1)
    assert scores.partial_per_label["GPE"].tp == 1
    assert (scores.values.correct, scores.values.total) == (1, 1)
    assert scores.values_per_label["DATE"].accuracy == 1.0
    assert scores.n_pred_norms == 1
    kinds = sorted((e.kind, e.label, e.text) for e in errors)
    assert kinds == [("FN", "GPE", "New York"), ("FN", "PERSON", "Bob"), ("FP", "GPE", "in New York"), ("FP", "ORG", "Bob")]
    notes = {(e.kind, e.label): e.note for e in errors}
    assert notes[("FP", "ORG")] == "label: gold PERSON 'Bob'"
    assert notes[("FP", "GPE")] == "boundary: gold GPE 'New York'"
    assert "[in New York]" in next(e.context for e in errors if e.kind == "FP" and e.label == "GPE")


def test_quantity_units_are_scored_apart_from_values():
    gold = [EntSpan(0, 6, "CARDINAL", QuantityValue(min=10000, max=10000, unit="jobs"))]
    pred = [EntSpan(0, 6, "CARDINAL", QuantityValue(min=10000, max=10000, unit="cuts"))]
    s, _ = score_entities([("d", "10,000 jobs", gold, pred)])
    assert (s.values.correct, s.values.total) == (1, 1)
    assert (s.units.correct, s.units.total) == (0, 1)


def test_wrong_or_missing_value_counts_against_accuracy():
    pred = [EntSpan(29, 35, "DATE", TimeValue(value="2023-01-30")), EntSpan(17, 25, "GPE")]
    scorer = EntityScorer()
    scorer.add("d", TEXT, GOLD, pred)
    scores = scorer.result()
    assert (scores.values.correct, scores.values.total) == (0, 1)
    [err] = scorer.value_errors
    assert (err.kind, err.text, err.note) == ("VALUE", "Monday", "gold XXXX-WXX-1, predicted 2023-01-30")
    scores, _ = score_entities([("d", TEXT, GOLD, [EntSpan(29, 35, "DATE")])])
    assert (scores.values.correct, scores.values.total, scores.n_pred_norms) == (0, 1, 0)


def test_duplicates_and_one_to_one_partial():
    gold = [EntSpan(0, 5, "GPE"), EntSpan(6, 11, "GPE")]
    pred = [EntSpan(0, 11, "GPE")]
    s, _ = score_entities([("d", "North Korea", gold, pred)])
    assert (s.partial.tp, s.partial.fp, s.partial.fn) == (1, 0, 1)
    assert (s.strict.tp, s.strict.fp, s.strict.fn) == (0, 1, 2)
    s, _ = score_entities([("d", "North Korea", [EntSpan(0, 11, "GPE")], [EntSpan(0, 11, "GPE")] * 2)])
    assert (s.strict.tp, s.strict.fp, s.strict.fn) == (1, 1, 0)


def test_micro_sums_over_documents():
    s, _ = score_entities([
        ("a", TEXT, GOLD, GOLD),
        ("b", TEXT, GOLD, []),
    ])
    assert (s.strict.tp, s.strict.fp, s.strict.fn, s.n_docs) == (4, 0, 4, 2)
    assert s.strict.precision == 1.0 and s.strict.recall == 0.5


def test_describe_value():
    assert describe_value(QuantityValue(min=300, max=500, unit="person")) == "300..500 person"
    assert describe_value({"kind": "quantity", "min": 5000, "max": 5000, "approx": True}) == "~5000"
    assert describe_value(QuantityValue(min=19)) == "19.."
    assert describe_value(TimeValue(value="P1W", mod="LESS_THAN")) == "P1W (LESS_THAN)"
    assert describe_value(None) == "none"


def test_context_marks_span():
    assert context(TEXT, 10, 13, width=4) == "...met [Bob] in ..."


# ------------------------------------------------------------- spaCy agreement
def _perturbed_gold(doc) -> list[tuple[int, int, str]]:
    """Gold that disagrees with the predictions in every way: missing, relabelled, shrunk and extra spans."""
    out = []
    for i, ent in enumerate(doc.ents):
        if i % 3 == 2:
            continue  # prediction becomes a false positive
        label = ent.label_
        if i % 4 == 1:
            label = "ORG" if label != "ORG" else "GPE"
        start = ent.start_char
        if i % 5 == 0 and len(ent) > 1:
            start = ent[1].idx
        out.append((start, ent.end_char, label))
    taken = {t.i for e in doc.ents for t in e}
    extra = [t for t in doc if t.is_alpha and t.is_title and t.i not in taken][:3]
    out += [(t.idx, t.idx + len(t), "NORP") for t in extra]
    return sorted(out)


def _compare(doc, gold: list[tuple[int, int, str]]) -> None:
    example = Example.from_dict(doc, {"entities": gold})
    theirs = get_ner_prf([example])
    ours, _ = score_entities([
        ("d", doc.text, [EntSpan(s, e, label) for s, e, label in gold],
         [EntSpan(e.start_char, e.end_char, e.label_) for e in doc.ents]),
    ])
    assert ours.strict.precision == pytest.approx(theirs["ents_p"])
    assert ours.strict.recall == pytest.approx(theirs["ents_r"])
    assert ours.strict.f1 == pytest.approx(theirs["ents_f"])
    assert set(theirs["ents_per_type"]) == set(ours.strict_per_label)
    for label, prf in theirs["ents_per_type"].items():
        mine = ours.strict_per_label[label]
        assert (mine.precision, mine.recall, mine.f1) == pytest.approx((prf["p"], prf["r"], prf["f"])), label


def test_strict_scores_agree_with_spacy_get_ner_prf(sm, seed_text):
    doc = sm(seed_text)
    gold = _perturbed_gold(doc)
    assert len(gold) > 0 and len(doc.ents) > 10
    _compare(doc, gold)
    # and spaCy's NER component scorer (what `spacy evaluate` prints) says the same
    example = Example.from_dict(doc, {"entities": gold})
    ours, _ = score_entities([("d", doc.text, [EntSpan(*g) for g in gold],
                               [EntSpan(e.start_char, e.end_char, e.label_) for e in doc.ents])])
    assert sm.get_pipe("ner").score([example])["ents_f"] == pytest.approx(ours.strict.f1)


def test_strict_scores_agree_with_spacy_on_the_seed_gold(sm, repo):
    path = repo / "data" / "gold" / "seed.jsonl"
    if not path.exists() or not path.read_text(encoding="utf-8").strip():
        pytest.skip("data/gold/seed.jsonl not present")
    gold_doc = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    doc = sm(gold_doc["text"])
    # spaCy scores token spans: keep the gold spans that fall on sm's token boundaries
    gold = [(e["start"], e["end"], e["label"]) for e in gold_doc["entities"]
            if doc.char_span(e["start"], e["end"]) is not None]
    assert len(gold) > 0.8 * len(gold_doc["entities"])
    _compare(doc, gold)
