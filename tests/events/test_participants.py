"""Issue #17, class 1: every participant.  Entities are fixed by the test (no NER); each sentence failed before.

Before: only the first of coordinated actors was kept ("Germany and France agreed" gave one actor spanning
both, coded DEU), a list "X, Y and Z" gave X alone, and a plural pronoun took the nearest plural noun as its
antecedent even when that cannot act ("They last met" -> "crucial disputed issues").
"""

from __future__ import annotations

import pytest


def _names(participants) -> list[tuple[str, str | None]]:
    return [(p.text, p.norm) for p in participants]


def test_two_coordinated_actors(run_fixed, pick) -> None:
    rec = pick(run_fixed("Germany and France agreed to impose new sanctions on Iran.",
                         {"Germany": "GPE", "France": "GPE", "Iran": "GPE"}), "AGREE")
    assert _names(rec.actors) == [("Germany", "Germany"), ("France", "France")]
    assert [a.country for a in rec.actors] == ["DEU", "FRA"]
    assert all("+conj" in a.rule for a in rec.actors)


def test_three_coordinated_actors_with_commas(run_fixed, pick) -> None:
    text = "Joe Biden, Emmanuel Macron and Olaf Scholz might meet in Paris next week."
    rec = pick(run_fixed(text, {"Joe Biden": "PERSON", "Emmanuel Macron": "PERSON", "Olaf Scholz": "PERSON",
                                "Paris": "GPE", "next week": "DATE"}), "MEET")
    assert [a.text for a in rec.actors] == ["Joe Biden", "Emmanuel Macron", "Olaf Scholz"]


def test_coordinated_targets(run_fixed, pick) -> None:
    rec = pick(run_fixed("Police arrested two men and a woman on Monday.", {"Monday": "DATE"}), "ARREST")
    assert [t.text for t in rec.targets] == ["two men", "woman"]


def test_coordinated_modifiers_are_two_participants(run_fixed, pick) -> None:
    text = "North and South Korea signed an agreement yesterday."
    records = run_fixed(text, {"North and South Korea": "GPE", "yesterday": "DATE"})
    rec = next(r for r in records if r.actors)
    assert [a.text for a in rec.actors] == ["North", "South Korea"]


def test_actor_in_the_same_sentence_of_a_participle(run_fixed, pick) -> None:
    # GUIDELINES 6.6: the killing told by the participle is the shooting's casualties, not a KILL record
    records = run_fixed("Unknown gunmen opened fire on a bus in Kabul, killing 12 people.", {"Kabul": "GPE"})
    rec = pick(records, "SHOOTING")
    assert rec.actors[0].text == "Unknown gunmen"
    assert rec.casualties.killed is not None and rec.casualties.killed.min == 12
    assert not [r for r in records if r.type == "KILL"]


def test_agent_pronoun_refuses_a_thing(run_fixed, pick) -> None:
    """Before: "They" resolved to "Crucial disputed issues" (the nearest plural subject)."""
    rec = pick(run_fixed("Crucial disputed issues remain unresolved. They last met in Geneva in June.",
                         {"Geneva": "GPE", "June": "DATE"}), "MEET")
    assert rec.actors[0].text == "They" and rec.actors[0].norm is None


def test_agent_pronoun_takes_the_people(run_fixed, pick) -> None:
    text = "The two leaders discussed crucial disputed issues on Monday. They last met in Geneva in June."
    rec = pick(run_fixed(text, {"Geneva": "GPE", "June": "DATE", "Monday": "DATE"}), "MEET")
    assert rec.actors[0].text == "They" and rec.actors[0].norm == "two leaders"


def test_pronoun_in_another_sentence_keeps_its_span(run_fixed, pick) -> None:
    text = "Jeff Davis arrived in Baghdad on Monday. He met the Iraqi prime minister."
    rec = pick(run_fixed(text, {"Jeff Davis": "PERSON", "Baghdad": "GPE", "Monday": "DATE", "Iraqi": "NORP"}),
               "MEET")
    assert (rec.actors[0].text, rec.actors[0].norm) == ("He", "Jeff Davis")


def test_surname_takes_the_full_name(run_fixed, pick) -> None:
    rec = pick(run_fixed("Police arrested Jeff Davis on Monday. Davis criticized the police.",
                         {"Jeff Davis": "PERSON", "Davis": "PERSON", "Monday": "DATE"}), "CRITICIZE")
    assert (rec.actors[0].text, rec.actors[0].norm) == ("Davis", "Jeff Davis")


@pytest.mark.parametrize(
    ("text", "ents", "norm"),
    [
        ("Foreign Secretary Boris Johnson arrived in Paris on Friday.\nThe Foreign Secretary met John Kerry there.",
         {"Boris Johnson": "PERSON", "John Kerry": "PERSON", "Paris": "GPE", "Friday": "DATE"}, "Boris Johnson"),
        ("Apple Inc. sued Samsung in 2011. The company accused Samsung of copying the iPhone.",
         {"Apple Inc.": "ORG", "Samsung": "ORG", "2011": "DATE", "iPhone": "PRODUCT"}, "Apple Inc."),
    ],
)
def test_definite_description_names_its_antecedent(run_fixed, text, ents, norm) -> None:
    rec = next(r for r in run_fixed(text, ents) if r.sentence == 1)
    assert rec.actors[0].norm == norm and "coref:description" in rec.actors[0].rule
