"""Cross-sentence merges (merges.yaml) on a short made-up-free news-style text."""

from __future__ import annotations

ORDER_TEXT = (
    "The defence ministry on Monday ordered regional offices to select conscripts to be sent to the front. "
    "Between 200 and 400 men aged 18 to 25 are expected to be deployed to Kherson."
)


def test_order_then_deploy(run, pick) -> None:
    records = run(ORDER_TEXT, date="2023-03-01")
    rec = pick(records, "ORDER")
    assert not [r for r in records if r.type == "DEPLOY"]
    assert len(rec.mentions) == 2 and rec.mentions[1].sentence == 1 and rec.mentions[1].text == "deployed"
    assert rec.destination.text == "Kherson" and rec.modality == "expected"
    assert (rec.quantity.min, rec.quantity.max) == (200, 400)
    assert (rec.age.min, rec.age.max) == (18, 25)
    assert "order_then_deploy" in rec.rule


def test_deploy_without_order_is_not_merged(run, pick) -> None:
    records = run("The ministry praised the conscripts. About 300 men are expected to be deployed to Kherson.")
    assert len(pick(records, "DEPLOY").mentions) == 1


def test_anaphoric_mention_merges(run, pick) -> None:
    records = run("Biden will deliver a speech in Warsaw on Tuesday. Aides are drafting the speech now.")
    rec = pick(records, "SPEECH")
    assert rec.trigger.text == "speech" and len(rec.mentions) == 2 and rec.mentions[1].sentence == 1
