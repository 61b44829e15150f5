from __future__ import annotations

import pytest

from newsie.evaluate.events import EventScorer, score_events, slot_agrees
from newsie.schema import EventRecord

TEXT = "Russia attacked Kyiv on Monday, killing 12 people. Ukraine said it would retaliate."


def at(needle: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return {"text": needle, "start": start, "end": start + len(needle)}


def rec(type_: str, trigger: str, **slots: dict) -> EventRecord:
    return EventRecord.model_validate(
        {"type": type_, "trigger": at(trigger), "sentence": 0, "evidence": TEXT, "rule": "test", **slots}
    )


MONDAY = {**at("Monday"), "value": "2023-01-30", "precision": "day"}
GOLD = [
    rec("ATTACK", "attacked", actors=[{**at("Russia"), "norm": "Russia"}], targets=[at("Kyiv")], time=MONDAY),
    rec("KILL", "killing", actors=[at("Russia")], quantity={**at("12 people"), "min": 12, "max": 12}, time=MONDAY),
    rec("STATEMENT", "said", actors=[{**at("Ukraine"), "norm": "Ukraine"}]),
]


def test_ace_style_known_answer():
    pred = [
        rec("ATTACK", "attacked", actors=[at("Russia")], location=at("Kyiv on Monday"), time=MONDAY),
        rec("DIE", "killing", actors=[at("Russia")], quantity={**at("12 people"), "min": 12, "max": 12}),
        rec("PROMISE", "retaliate", actors=[{**at("it"), "norm": "Ukraine"}], modality="planned"),
    ]
    scorer = EventScorer()
    scorer.add("d", TEXT, GOLD, pred)
    s, errors = scorer.result(), scorer.errors
    assert (s.n_gold, s.n_pred) == (3, 3)
    ti, tc = s.trigger_identification, s.trigger_classification
    assert (ti.tp, ti.fp, ti.fn) == (2, 1, 1)
    assert ti.f1 == pytest.approx(2 / 3)
    assert (tc.tp, tc.fp, tc.fn) == (1, 2, 2)
    per_type = {k: (v.tp, v.fp, v.fn) for k, v in s.trigger_classification_per_type.items()}
    assert per_type == {"ATTACK": (1, 0, 0), "KILL": (0, 0, 1), "STATEMENT": (0, 0, 1),
                        "DIE": (0, 1, 0), "PROMISE": (0, 1, 0)}
    ai, ac = s.argument_identification, s.argument_classification
    assert (ai.tp, ai.fp, ai.fn) == (3, 3, 4)  # "Kyiv on Monday" as location still identifies gold target Kyiv
    assert (ac.tp, ac.fp, ac.fn) == (2, 4, 5)  # ... but is the wrong role
    roles = {k: (v.tp, v.fp, v.fn) for k, v in s.argument_classification_per_role.items()}
    assert roles == {"actors": (1, 2, 2), "targets": (0, 0, 1), "location": (0, 1, 0),
                     "time": (1, 0, 1), "quantity": (0, 1, 1)}
    assert (s.modality.correct, s.modality.total) == (1, 1)
    assert (s.time_value.correct, s.time_value.total) == (1, 1)
    assert s.quantity_range.total == 0  # the KILL record was not matched (typed DIE)
    assert (s.record_exact.tp, s.record_exact.fp, s.record_exact.fn) == (0, 3, 3)
    assert sorted((e.kind, e.type) for e in errors) == [
        ("FN", "KILL"), ("FN", "STATEMENT"), ("FP", "DIE"), ("FP", "PROMISE")]
    arg_errors = [(e.kind, e.type, e.text) for e in scorer.argument_errors]
    assert len(arg_errors) == ac.fp + ac.fn
    assert ("FN", "ATTACK.targets", "Kyiv") in arg_errors and ("FP", "ATTACK.location", "Kyiv on Monday") in arg_errors


def test_values_on_matched_records_and_exact_match_by_norm():
    pred = [
        rec("ATTACK", "attacked", actors=[{**at("Russia"), "norm": "Russia"}], targets=[at("Kyiv")],
            time={**at("Monday"), "value": "2023-01-30"}),
        rec("KILL", "killing", actors=[at("Russia")], quantity={**at("12 people"), "min": 10, "max": 12},
            modality="possible"),
        # actor "it" does not overlap "Ukraine" but carries the same canonical name
        rec("STATEMENT", "said", actors=[{**at("it"), "norm": "ukraine"}]),
    ]
    s, errors = score_events([("d", TEXT, GOLD, pred)])
    assert errors == []
    assert (s.trigger_classification.tp, s.trigger_classification.fp) == (3, 0)
    assert (s.modality.correct, s.modality.total) == (2, 3)
    assert (s.time_value.correct, s.time_value.total) == (1, 2)  # KILL lost its time
    assert (s.quantity_range.correct, s.quantity_range.total) == (0, 1)
    role_actor = s.argument_classification_per_role["actors"]
    assert (role_actor.tp, role_actor.fp, role_actor.fn) == (3, 0, 0)
    assert (s.record_exact.tp, s.record_exact.fp, s.record_exact.fn) == (2, 1, 1)


def test_no_predicted_events_scores_zero_without_crashing():
    s, errors = score_events([("d", TEXT, GOLD, [])])
    assert (s.trigger_identification.tp, s.trigger_identification.fn) == (0, 3)
    assert s.trigger_classification.f1 == 0.0
    assert s.argument_identification.fn == 7
    assert s.modality.total == 0
    assert len(errors) == 3


def test_slot_agreement_rules():
    g = GOLD[0]
    wrong_day = rec("ATTACK", "attacked", time={**at("Monday"), "value": "2023-01-31"})
    assert not slot_agrees("time", g, wrong_day)
    assert slot_agrees("time", g, rec("ATTACK", "attacked", time=MONDAY))
    assert not slot_agrees("targets", g, rec("ATTACK", "attacked"))
    assert slot_agrees("location", g, rec("ATTACK", "attacked"))  # both empty
    assert not slot_agrees("modality", g, rec("ATTACK", "attacked", modality="negated"))
