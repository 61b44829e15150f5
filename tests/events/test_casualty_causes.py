"""Casualties on the causing event (GUIDELINES 6.6) and deaths of one named person (values.py)."""

from __future__ import annotations


def test_participle_killing_gives_its_count_to_the_crash(run, pick) -> None:
    records = run("The jet crashed into the sea on Monday, killing all 150 people on board.")
    rec = pick(records, "CRASH")
    assert (rec.casualties.killed.min, rec.casualties.killed.max) == (150, 150)
    # the consequence participle is dropped as a trigger (triggers._without_consequences) before coreference
    # could list it as a mention; its count still lands on the crash
    assert [m.text for m in rec.mentions][0] == "crashed"
    assert not [r for r in records if r.type == "KILL"]


def test_killed_in_a_disaster_gives_count_and_time_to_it(run, pick) -> None:
    rec = pick(run("Twelve pilgrims were killed in a stampede near Mecca on Monday."), "STAMPEDE")
    assert (rec.casualties.killed.min, rec.casualties.killed.max) == (12, 12)
    assert rec.time is not None and rec.time.text == "Monday"


def test_death_of_one_named_person_counts_one(run, pick) -> None:
    rec = pick(run("Thomas Sam died in hospital on Monday."), "DIE")
    assert (rec.casualties.killed.min, rec.casualties.killed.max) == (1, 1)
    assert rec.casualties.killed.parts[0].text == "Thomas Sam"
    rec = pick(run("Doctors confirmed the death of Gloria Sam on Monday."), "DIE")
    assert (rec.casualties.killed.min, rec.casualties.killed.max) == (1, 1)
