"""Time attachment and quantities (values.py): relative dates in undated documents, lengths before a noun, a
point in time after "after", a time of a multi-word trigger's verb; an event's own count."""

from __future__ import annotations


def test_today_in_an_undated_document_gives_no_time(run, pick) -> None:
    rec = pick(run("The coalition condemned today's brutal attack on the camp.", date=None), "ATTACK")
    assert rec.time is None  # was "today" = XXXX-XX-XX (GUIDELINES 6.6: undated documents)


def test_a_length_before_the_event_noun_is_no_time(run, pick) -> None:
    assert pick(run("Police launched a three-month investigation into the bank."), "INVESTIGATE").time is None
    assert pick(run("The army began a two-week offensive against the rebels."), "OFFENSIVE").time is None


def test_a_point_in_time_in_an_after_clause_is_its_events(run, pick) -> None:
    rec = pick(run("Troops withdrew after North Korea shelled the town yesterday.", date="2023-02-02"), "SHELLING")
    assert rec.time is not None and rec.time.value == "2023-02-01"


def test_time_of_the_verb_inside_a_multiword_trigger(run, pick) -> None:
    rec = pick(run("Yesterday, North Korea fired artillery rounds at the border.", date="2023-02-02"), "SHELLING")
    assert rec.time is not None and rec.time.text == "Yesterday" and rec.time.value == "2023-02-01"


def test_a_count_of_the_event_itself_is_its_quantity(run, pick) -> None:
    rec = pick(run("Coalition forces conducted 34 strikes against ISIL targets in Syria on Monday."), "AIRSTRIKE")
    assert (rec.quantity.min, rec.quantity.max, rec.quantity.unit) == (34, 34, "strikes")
    rec = pick(run("North Korea fired 36 shells at the border on Thursday."), "SHELLING")
    assert (rec.quantity.min, rec.quantity.unit) == (36, "shells")


def test_a_sum_of_money_in_the_events_clause_is_its_quantity(run, pick) -> None:
    rec = pick(run("The State Department has contributed more than $4 million to the museum since 2009."), "AID")
    assert (rec.quantity.min, rec.quantity.max) == (4_000_000, None)
    rec = pick(run("The lawsuit was settled in 1991, with Apple paying $26.5 million."), "SETTLE")
    assert (rec.quantity.min, rec.quantity.max) == (26_500_000, 26_500_000)
