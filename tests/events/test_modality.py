"""Modality and polarity cues (``cues.yaml``) on small sentences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "type_", "modality"),
    [
        ("Russia may attack Kyiv next week.", "ATTACK", "possible"),
        ("The government did not send troops to the border.", "DEPLOY", "negated"),
        # a refusal is a REJECT (120) that absorbs the refused act (issue #16), not a negated AGREE
        ("Iran refused to sign the agreement.", "REJECT", "asserted"),
        ("If Ukraine launches a counter-offensive, Russia will retreat.", "COUNTER_OFFENSIVE", "conditional"),
        ("China plans to send 500 engineers to Pakistan.", "DEPLOY", "planned"),
        ("About 300 soldiers are expected to be deployed to the border.", "DEPLOY", "expected"),
        ("The minister is expected to visit Berlin on Monday.", "VISIT", "planned"),
        ("The government thought better of sending troops to the border.", "DEPLOY", "cancelled"),
        ("Moscow decided against deploying more troops to Belarus.", "DECIDE", "cancelled"),
        ("The army attacked the town on Sunday.", "ATTACK", "asserted"),
        ("Russia is unlikely to attack Finland.", "ATTACK", "possible"),
        ("Turkey denied attacking Kurdish positions in Syria.", "ATTACK", "negated"),
        ("Officials warned of a possible attack on the embassy.", "ATTACK", "possible"),
        ("The White House announced the decision to send Patriot missiles to Poland.", "TRANSFER", "planned"),
    ],
)
def test_modality(run, pick, text: str, type_: str, modality: str) -> None:
    rec = pick(run(text), type_)
    assert rec.modality == modality, rec.rule
    if modality != "asserted":
        assert "modality:" in rec.rule, "the cue that decided is named in the rule"


def test_trigger_words_are_no_modality_cue(run, pick) -> None:
    """Before: "call on"/"call for" (a governor phrase making what is called for possible) made the APPEAL
    itself possible, and the "not" of "did not comment" made DECLINE_COMMENT negated."""
    assert pick(run("We call on more countries to assist the refugees."), "APPEAL").modality == "asserted"
    assert pick(run("The charity calls for urgent action on salt."), "APPEAL").modality == "asserted"
    assert pick(run("Papermaster did not comment on the situation."), "DECLINE_COMMENT").modality == "asserted"
