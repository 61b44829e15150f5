"""Issue #17, class 3: one record per real-world event (GUIDELINES 6.1).  Entities fixed by the test.

Before: a later verbal mention of the same event ("the two leaders would meet on Tuesday" after "a summit next
week", "Kerry met Johnson" after "Johnson met Kerry") was a record of its own, a headline and its body sentence
were two records, and a definite nominal merged into the latest record of its type even when time or place
said it was another event.
"""

from __future__ import annotations


def _mentions(rec) -> list[str]:
    return [m.text for m in rec.mentions]


def test_nominal_mentions_are_one_record_with_the_finer_code(run_fixed, pick) -> None:
    text = ("A car bomb attack hit a market in Baghdad on Tuesday. The bombing was the deadliest this year. "
            "Police said the attack was claimed by no group.")
    rec = pick(run_fixed(text, {"Baghdad": "GPE", "Tuesday": "DATE", "this year": "DATE"}), "ATTACK")
    assert _mentions(rec) == ["attack", "bombing", "attack"]
    assert rec.cameo == "195" and [m.sentence for m in rec.mentions] == [0, 1, 2]


def test_later_verbal_mention_with_an_agreeing_time(run_fixed, pick) -> None:
    text = ("Putin and Xi will hold a summit in Beijing next week. The summit will focus on trade. "
            "Officials said the two leaders would meet on Tuesday.")
    rec = pick(run_fixed(text, {"Putin": "PERSON", "Xi": "PERSON", "Beijing": "GPE", "next week": "DATE",
                                "Tuesday": "DATE"}), "MEET")
    assert _mentions(rec) == ["summit", "summit", "meet"]
    assert [a.norm for a in rec.actors] == ["Vladimir Putin", "Xi Jinping"], "unnamed 'two leaders' adds nobody"


def test_same_parties_in_either_role(run_fixed, pick) -> None:
    text = "Boris Johnson met John Kerry in Paris on Saturday. Later, Kerry met Johnson to discuss Syria."
    rec = pick(run_fixed(text, {"Boris Johnson": "PERSON", "John Kerry": "PERSON", "Paris": "GPE",
                                "Saturday": "DATE", "Johnson": "PERSON", "Kerry": "PERSON", "Syria": "GPE"}), "MEET")
    assert _mentions(rec) == ["met", "met", "discuss"]  # "to discuss" restates the meeting (event_anaphors.verbs)
    assert [a.norm for a in rec.actors] == ["Boris Johnson"] and [t.norm for t in rec.targets] == ["John Kerry"]


def test_headline_and_body_are_one_record(run_fixed, pick) -> None:
    text = "Police arrest opposition leader\n\nPolice in Minsk arrested the opposition leader on Monday."
    rec = pick(run_fixed(text, {"Minsk": "GPE", "Monday": "DATE"}), "ARREST")
    assert _mentions(rec) == ["arrest", "arrested"] and rec.time.text == "Monday"


def test_different_times_stay_separate(run_fixed) -> None:
    text = "Russia attacked Kharkiv on Monday. On Wednesday, Russia attacked Odesa."
    records = run_fixed(text, {"Russia": "GPE", "Kharkiv": "GPE", "Odesa": "GPE", "Monday": "DATE",
                               "Wednesday": "DATE"})
    assert [(r.type, r.time.text) for r in records] == [("ATTACK", "Monday"), ("ATTACK", "Wednesday")]


def test_definite_mention_with_another_time_is_another_event(run_fixed) -> None:
    text = "Russia attacked Kharkiv on Monday. The attack on Odesa on Wednesday killed two people."
    records = [r for r in run_fixed(text, {"Russia": "GPE", "Kharkiv": "GPE", "Odesa": "GPE", "Monday": "DATE",
                                           "Wednesday": "DATE"}) if r.type == "ATTACK"]
    assert len(records) == 2


def test_different_counts_and_places_stay_separate(run_fixed) -> None:
    text = "The coalition conducted 23 airstrikes in Syria. The coalition conducted 11 airstrikes in Iraq."
    records = [r for r in run_fixed(text, {"Syria": "GPE", "Iraq": "GPE"}) if r.type == "AIRSTRIKE"]
    assert len(records) == 2


def test_statements_are_never_merged(run_fixed) -> None:
    text = "Jeff Davis said the strikes continued. Davis said the coalition had hit 40 targets."
    records = [r for r in run_fixed(text, {"Jeff Davis": "PERSON", "Davis": "PERSON"}) if r.type == "STATEMENT"]
    assert len(records) == 2


def test_roles_from_a_mention_keep_their_provenance(run_fixed, pick) -> None:
    text = "Russian forces launched an offensive. The offensive began in Bakhmut on Monday."
    rec = pick(run_fixed(text, {"Russian": "NORP", "Bakhmut": "GPE", "Monday": "DATE"}), "OFFENSIVE")
    assert _mentions(rec) == ["offensive", "offensive"]
    assert rec.time.text == "Monday" and rec.time.sentence == 1 and rec.time.rule.endswith("+mention")
