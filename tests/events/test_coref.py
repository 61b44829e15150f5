"""Canonical names (aliases.yaml) and same-paragraph pronoun resolution."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "actor_text", "norm"),
    [
        ("Pyongyang launched a missile attack on Seoul.", "Pyongyang", "North Korea"),
        ("The North Korean government ordered the factories to close.", "North Korean government", "North Korea"),
        ("Russian authorities arrested the journalist.", "Russian authorities", "Russia"),
        ("The Kremlin praised the decision.", "Kremlin", "Russia"),
        ("Kim Jong Un's sister criticised the drills.", "Kim Jong Un's sister", "Kim Yo Jong"),
    ],
)
def test_canonical_actor(run, text: str, actor_text: str, norm: str) -> None:
    records = run(text)
    assert records, text
    assert records[0].actors[0].text == actor_text and records[0].actors[0].norm == norm


def test_unknown_common_noun_has_no_norm(run, pick) -> None:
    rec = pick(run("The workers protested outside the factory."), "PROTEST")
    assert rec.actors[0].text == "workers" and rec.actors[0].norm is None


def test_pronoun_resolved_in_paragraph(run, pick) -> None:
    """GUIDELINES 4.3: the pronoun keeps its span (its antecedent is in another sentence), the name is its norm."""
    records = run("Vladimir Putin arrived in Minsk on Monday. He met Alexander Lukashenko there.")
    rec = pick(records, "MEET")
    assert rec.actors[0].text == "He" and rec.actors[0].norm == "Vladimir Putin"
    assert "coref:pronoun" in rec.actors[0].rule


def test_pronoun_not_resolved_across_paragraphs(run, pick) -> None:
    records = run("Vladimir Putin arrived in Minsk on Monday.\nHe met the delegation.")
    rec = pick(records, "MEET")
    assert rec.actors[0].text == "He" and rec.actors[0].norm is None
