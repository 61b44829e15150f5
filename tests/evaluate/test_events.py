"""Known-answer tests of the schema 2.0 event scorer: every number below was counted by hand."""

from __future__ import annotations

import pytest

from newsie.evaluate.events import (
    Coreference,
    EventScorer,
    count_equal,
    fully_right,
    response_clusters,
    score_events,
    slot_agrees,
)
from newsie.schema import EVENT_TYPES, CasualtyCount, EventRecord

TEXT = ("Russia attacked Kyiv on Monday, killing 12 people. The attack was condemned by France and Germany. "
        "Ukraine said it would retaliate.")


def at(needle: str, nth: int = 0, **extra) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return {"text": needle, "start": start, "end": start + len(needle), **extra}


def rec(type_: str, mentions: list[dict], **slots) -> EventRecord:
    return EventRecord.model_validate({"type": type_, "trigger": mentions[0], "mentions": mentions, **slots})


MONDAY = at("Monday", value="2023-01-30", precision="day")
KILLED_12 = {"killed": {"min": 12, "max": 12}}
GOLD = [
    rec("ATTACK", [at("attacked"), at("attack", 1)], cameo="190",
        actors=[at("Russia", code="RUSMIL", country="RUS")], targets=[at("Kyiv", code="UKR", country="UKR")],
        time=MONDAY, casualties=KILLED_12),
    rec("KILL", [at("killing")], cameo="180", actors=[at("Russia")], time=MONDAY, casualties=KILLED_12),
    rec("CRITICIZE", [at("condemned")], cameo="111",
        actors=[at("France", code="FRAGOV", country="FRA"), at("Germany", code="DEUGOV", country="DEU")]),
    rec("STATEMENT", [at("said")], cameo="010", actors=[at("Ukraine", code="UKRGOV", country="UKR")]),
]
PRED = [
    rec("ATTACK", [at("attacked")], cameo="195", actors=[at("Russia")],
        targets=[at("Kyiv", code="UKR", country="UKR")], time=MONDAY, casualties=KILLED_12),
    rec("ATTACK", [at("attack", 1)], cameo="190"),  # a second record of the same attack: a false positive
    rec("DIE", [at("killing")], actors=[at("Russia")], casualties={"killed": {"min": 10, "max": 12}}),
    rec("CRITICIZE", [at("condemned")], cameo="111", actors=[at("France", code="FRAGOV", country="FRA")]),
    rec("PROMISE", [at("retaliate")], cameo="030", actors=[at("it", norm="Ukraine")], modality="planned"),
]


@pytest.fixture(scope="module")
def scored():
    scorer = EventScorer()
    scorer.add("d", TEXT, GOLD, PRED, "conflict")
    return scorer.result(), scorer


def _t(p) -> tuple[int, int, int]:
    return p.tp, p.fp, p.fn


def test_triggers_match_through_mentions(scored) -> None:
    s, scorer = scored
    assert (s.n_gold, s.n_pred, s.n_gold_mentions) == (4, 5, 5)
    assert _t(s.trigger_identification) == (3, 2, 1)  # the duplicate ATTACK and the PROMISE are false positives
    assert _t(s.trigger_classification) == (2, 3, 2)  # KILL found as DIE: identified, not classified
    assert s.trigger_classification.f1 == pytest.approx(2 * 0.4 * 0.5 / 0.9)
    assert (s.record_precision.correct, s.record_precision.total) == (2, 5)
    rows = {t: (r.gold, r.predicted, r.identified, _t(r.classification)) for t, r in s.per_type.items()}
    assert rows == {"ATTACK": (1, 2, 1, (1, 1, 0)), "KILL": (1, 0, 1, (0, 0, 1)), "CRITICIZE": (1, 1, 1, (1, 0, 0)),
                    "STATEMENT": (1, 0, 0, (0, 0, 1)), "DIE": (0, 1, 0, (0, 1, 0)), "PROMISE": (0, 1, 0, (0, 1, 0))}
    assert "DIE" in s.types_without_gold and "ATTACK" not in s.types_without_gold
    assert len(s.types_without_gold) == len(EVENT_TYPES) - 4
    assert sorted((e.kind, e.type, e.text) for e in scorer.errors) == [
        ("FN", "KILL", "killing"), ("FN", "STATEMENT", "said"), ("FP", "ATTACK", "attack"), ("FP", "DIE", "killing"),
        ("FP", "PROMISE", "retaliate")]


def test_cameo_on_identified_records(scored) -> None:
    s, _ = scored
    assert (s.cameo_root.correct, s.cameo_root.total) == (2, 3)  # 195 for 190 has the right root; DIE has none
    assert (s.cameo_code.correct, s.cameo_code.total) == (1, 3)
    roots = {r: (row.gold, row.predicted, row.found, row.correct) for r, row in s.cameo_roots.items()}
    assert roots == {"19": (1, 2, 1, 1), "18": (1, 0, 1, 0), "11": (1, 1, 1, 1), "01": (1, 0, 0, 0),
                     "03": (0, 1, 0, 0)}


def test_arguments_on_matched_records(scored) -> None:
    s, scorer = scored
    assert _t(s.argument_identification) == (4, 2, 4)
    assert _t(s.argument_classification) == (4, 2, 4)
    roles = {k: _t(v) for k, v in s.argument_classification_per_role.items()}
    assert roles == {"actors": (2, 2, 3), "targets": (1, 0, 0), "time": (1, 0, 1)}
    fn = sorted(e.text for e in scorer.argument_errors if e.kind == "FN")
    assert fn == ["Germany", "Monday", "Russia", "Ukraine"]  # G2's actor and time: its record had the wrong type


def test_participant_codes_values_and_fully_right(scored) -> None:
    s, _ = scored
    assert (s.actor_code.correct, s.actor_code.total) == (2, 3)  # Russia uncoded; Kyiv and France right
    assert (s.country.correct, s.country.total) == (2, 3)
    assert (s.casualties.correct, s.casualties.total) == (1, 1)
    assert (s.modality.correct, s.modality.total) == (2, 2)
    assert (s.time_value.correct, s.time_value.total) == (1, 1)
    assert (s.fully_right.correct, s.fully_right.total) == (1, 4)  # only the ATTACK; CRITICIZE lacks Germany
    assert _t(s.record_exact) == (1, 4, 3)
    topic = s.per_topic["conflict"]
    assert (topic.n_docs, topic.n_gold, _t(topic.trigger_classification)) == (1, 4, (2, 3, 2))
    assert (topic.fully_right.correct, topic.fully_right.total) == (1, 4)


def test_coreference_of_the_example(scored) -> None:
    s, _ = scored
    # gold mentions: {attacked, attack} {killing} {condemned} {said}; the system split the attack in two
    assert response_clusters(GOLD, PRED) == ([0, 0, 1, 2, 3], [0, 1, 2, 3, ("unmatched", 3, 0)])
    co = s.coreference.to_dict()
    assert co["muc"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert co["b3"]["precision"] == pytest.approx(1.0) and co["b3"]["recall"] == pytest.approx(0.8)
    assert co["b3"]["f1"] == pytest.approx(2 * 0.8 / 1.8)


def test_muc_and_b3_known_answer() -> None:
    co = Coreference()
    co.add([0, 0, 0, 1, 1], ["a", "a", "b", "b", "c"])
    muc, b3 = co.muc(), co.b3()
    assert (muc["recall"], muc["precision"]) == (pytest.approx(1 / 3), pytest.approx(1 / 2))
    assert muc["f1"] == pytest.approx(0.4)
    assert (b3["precision"], b3["recall"]) == (pytest.approx(0.8), pytest.approx(8 / 15))
    assert b3["f1"] == pytest.approx(0.64)
    perfect = Coreference()
    perfect.add([0, 0, 1], ["x", "x", "y"])
    assert perfect.muc()["f1"] == 1.0 and perfect.b3()["f1"] == 1.0


def test_one_record_for_all_mentions_scores_full_coreference() -> None:
    pred = [rec("ATTACK", [at("attacked"), at("attack", 1)], actors=[at("Russia")], targets=[at("Kyiv")],
                time=MONDAY)]
    s, _ = score_events([("d", TEXT, GOLD[:1], pred)])
    assert _t(s.trigger_classification) == (1, 0, 0)
    assert s.coreference.muc()["f1"] == 1.0 and s.coreference.b3()["f1"] == 1.0


def test_no_predicted_events_scores_zero_without_crashing() -> None:
    s, errors = score_events([("d", TEXT, GOLD, [])])
    assert _t(s.trigger_identification) == (0, 0, 4)
    assert s.trigger_classification.f1 == 0.0 and s.record_precision.total == 0
    assert s.argument_identification.fn == 8
    assert s.modality.total == 0 and s.fully_right.total == 4 and s.fully_right.correct == 0
    assert len(errors) == 4


def test_slot_agreement_and_fully_right_rules() -> None:
    g = GOLD[0]
    wrong_day = rec("ATTACK", [at("attacked")], time=at("Monday", value="2023-01-31"))
    assert not slot_agrees("time", g, wrong_day)
    assert slot_agrees("time", g, rec("ATTACK", [at("attacked")], time=MONDAY))
    assert not slot_agrees("targets", g, rec("ATTACK", [at("attacked")]))
    assert slot_agrees("location", g, rec("ATTACK", [at("attacked")]))  # both empty
    assert not slot_agrees("modality", g, rec("ATTACK", [at("attacked")], modality="negated"))
    assert slot_agrees("trigger", g, rec("ATTACK", [at("attack", 1)]))  # any mention counts
    right = rec("ATTACK", [at("attacked")], actors=[at("Russia")], targets=[at("Kyiv")], time=MONDAY)
    assert fully_right(g, right)
    extra = rec("ATTACK", [at("attacked")], actors=[at("Russia"), at("Ukraine")], targets=[at("Kyiv")], time=MONDAY)
    assert not fully_right(g, extra)  # an extra actor is a wrong record
    assert not fully_right(g, right.model_copy(update={"modality": "possible"}))


def test_casualty_ranges() -> None:
    assert count_equal(None, None) and not count_equal(CasualtyCount(min=1, max=1), None)
    assert count_equal(CasualtyCount(min=107, max=None), CasualtyCount(min=107, max=None, approx=True))
    assert not count_equal(CasualtyCount(min=60, max=60), CasualtyCount(min=75, max=75))


def test_value_accuracies_on_matched_records() -> None:
    """Quantity/age ranges and time values are scored on records matched with the right type, gold value present."""
    gold = [rec("KILL", [at("killing")], time=MONDAY, quantity=at("12 people", min=12, max=12),
                age=at("12", min=12, max=12)),
            rec("STATEMENT", [at("said")], time=at("Monday", value="2023-01-30"))]
    pred = [rec("KILL", [at("killing")], time=at("Monday", value="2023-01-31"), quantity=at("12 people", min=10, max=12)),
            rec("STATEMENT", [at("said")], time=at("Monday", value="2023-01-30"), modality="possible")]
    s, _ = score_events([("d", TEXT, gold, pred)])
    assert (s.time_value.correct, s.time_value.total) == (1, 2)  # the KILL's day is wrong
    assert (s.quantity_range.correct, s.quantity_range.total) == (0, 1)  # 10-12 is not 12
    assert (s.age_range.correct, s.age_range.total) == (0, 1)  # no age found
    assert (s.modality.correct, s.modality.total) == (1, 2)
    assert (s.fully_right.correct, s.fully_right.total) == (0, 2)  # wrong day; wrong modality
