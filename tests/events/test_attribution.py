"""Sources from reporting frames: "according to", "X said", "a source cited by X said"."""

from __future__ import annotations


def test_according_to(run, pick) -> None:
    rec = pick(run("According to Reuters, police arrested 12 protesters in Paris."), "ARREST")
    assert rec.source.text == "Reuters" and rec.source.rule == "source:according_to"


def test_cited_by_gives_the_outlet(run, pick) -> None:
    records = run("A spokesman cited by the Associated Press said the army killed 30 militants.")
    rec = pick(records, "KILL")
    assert rec.source.norm == "Associated Press" and rec.source.rule.endswith("cited_by")
    assert [r.type for r in records] == ["KILL"], "the reporting verb is a frame, not a record"


def test_speaker_of_reporting_verb(run, pick) -> None:
    rec = pick(run("Ukrainian officials said Russian forces shelled the city overnight."), "SHELLING")
    assert rec.source.text == "Ukrainian officials" and rec.source.norm == "Ukraine"
    assert rec.actors[0].text == "Russian forces" and rec.actors[0].norm == "Russia"


def test_no_frame_no_source(run, pick) -> None:
    assert pick(run("The army attacked the town on Sunday."), "ATTACK").source is None


def test_frame_does_not_cross_paragraphs(run, pick) -> None:
    text = "“We will win,” the minister said.\nRebels attacked a convoy near Goma on Friday."
    rec = pick(run(text), "ATTACK")
    assert rec.source is None and rec.modality == "asserted"


def test_the_source_points_back(run, pick) -> None:
    text = ("A source cited by Daily NK said the factories were closed. "
            "The source added that police arrested three managers on Friday.")
    rec = pick(run(text), "ARREST")
    assert rec.source.text == "source" and rec.source.norm == "Daily NK"
    assert "coref:definite" in rec.source.rule


def test_quotation_speaker_is_source_and_first_person_actor(run, pick) -> None:
    text = ("“We will send more troops to the border. The army will also attack the rebels,” "
            "the Russian defence minister said on Monday.")
    records = run(text)
    deploy, attack = pick(records, "DEPLOY"), pick(records, "ATTACK")
    assert deploy.actors[0].text == "We" and deploy.actors[0].norm == "Russia" and "quote_speaker" in deploy.actors[0].rule
    assert attack.source.norm == "Russia" and attack.source.rule.startswith("source:")
    assert deploy.modality == attack.modality == "planned"
