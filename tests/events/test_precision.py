"""Things that look like events but are not (each guarded by a lexicon constraint or a rule)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The airline has ordered 155 planes from Boeing.", "ORDER"),  # exclude_counted_object: a purchase
        ("The senator killed the deal on Friday.", "KILL"),  # exclude_object_lemmas
        ("The attackers abandoned their vehicle in a suburb.", "CANCEL"),  # object_lemmas: plans, not cars
        ("Apple said the phone will provide internet access.", "TRANSFER"),  # object_lemmas: materiel/aid
        ("The stadium will host the second Test in December.", "MEET"),
        ("The game will be decided in one match.", "DECIDE"),  # active_only
        ("The threat of an attack remains high.", "ATTACK"),  # bare nominal mention
        ("This was followed by a demonstration of the sport.", "PROTEST"),  # exclude_next_lemmas
    ],
)
def test_not_an_event(run, text: str, absent: str) -> None:
    assert absent not in {r.type for r in run(text)}


def test_age_is_not_the_event_time(run, pick) -> None:
    rec = pick(run("A 43-year-old man was arrested in London yesterday."), "ARREST")
    assert rec.time is None or "year" not in rec.time.text


def test_adjunct_does_not_pass_modality(run, pick) -> None:
    rec = pick(run("The party rejected the offer, with Yair Lapid saying that the talks were over."), "STATEMENT")
    assert rec.modality == "asserted"


def test_reduced_passive_subject_is_not_the_actor(run, pick) -> None:
    rec = pick(run("Two soldiers killed in the ambush were buried on Sunday."), "KILL")
    assert not rec.actors


def test_transitive_demonstrate_is_no_protest(run) -> None:
    assert "PROTEST" not in {r.type for r in run("Apple demonstrated the new phone in San Francisco.")}
    assert "PROTEST" in {r.type for r in run("Thousands demonstrated in Tbilisi on Sunday.")}


def test_ordered_a_number_is_a_purchase(run) -> None:
    assert "ORDER" not in {r.type for r in run("Launch customer ANA ordered 55 in 2004.")}
