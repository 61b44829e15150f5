"""The seed article yields the analyst's records (issue 5), every field with valid provenance."""

from __future__ import annotations

import json

import jsonschema
import pytest

from newsie.api import doc_to_result
from newsie.schema import ROLES, SCHEMA_PATH


@pytest.fixture(scope="module")
def records(seed_doc):
    return list(seed_doc._.events)


def _spans(rec):
    yield "trigger", rec.trigger
    for mention in rec.mentions:
        yield "mention", mention
    for name in ROLES:
        value = getattr(rec, name)
        for span in value if isinstance(value, list) else [value]:
            if span is not None:
                yield name, span


def test_every_field_slices_the_document(records, seed_text) -> None:
    assert records
    for rec in records:
        assert rec.rule and rec.evidence and rec.summary
        assert rec.evidence in seed_text
        for name, span in _spans(rec):
            assert seed_text[span.start:span.end] == span.text, (rec.type, name, span)
            assert span.rule, (rec.type, name)


def test_records_validate_against_the_json_schema(seed_doc, nlp) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    result = doc_to_result(seed_doc, nlp)
    jsonschema.validate(json.loads(result.model_dump_json()), schema)
    assert len(result.events) == len(seed_doc._.events)


def test_promise_same_trench(records, pick) -> None:
    rec = pick(records, "PROMISE", "promised")
    assert rec.actors[0].norm == "North Korea" and rec.targets[0].norm == "Russia"
    assert "same trench" in rec.theme.text and rec.modality == "asserted" and rec.cameo == "030"


def test_promise_last_november(records, pick) -> None:
    rec = pick(records, "PROMISE", "promising")
    assert rec.actors[0].norm == "North Korea" and rec.actors[0].text == "North Korean authorities"
    assert rec.targets[0].norm == "Russia" and rec.theme.text.startswith("help Russia rebuild")
    assert rec.time.text == "last November" and rec.source.norm == "Daily NK"


def test_laborers_picked_recruited_then_not_sent(records, pick) -> None:
    select = pick(records, "SELECT")
    recruit = pick(records, "RECRUIT")
    deploy = pick(records, "DEPLOY", "sending")
    for rec in (select, recruit, deploy):
        assert rec.actors[0].norm == "North Korea" and rec.source.norm == "Daily NK"
    assert select.theme.text == "laborers" and select.modality == "asserted"
    assert deploy.modality == "cancelled"
    assert deploy.theme.text == "laborers" and "coref:pronoun" in deploy.theme.rule


def test_decision_to_send_personnel(records, pick) -> None:
    rec = pick(records, "DECIDE")
    assert rec.actors[0].text == "Pyongyang" and rec.actors[0].norm == "North Korea"
    assert rec.theme.text == "military and security personnel"
    assert rec.destination.text == "eastern Ukraine" and rec.modality == "planned"
    assert rec.targets[0].norm == "Russia"


def test_order_merged_with_deploy(records, pick) -> None:
    rec = pick(records, "ORDER")
    assert rec.actors[0].norm == "North Korea"
    assert rec.time.text == "Jan. 20"
    assert rec.theme.text.startswith("pick out personnel")
    assert rec.destination.text == "eastern Ukraine"
    assert rec.source.norm == "Daily NK" and rec.modality == "expected"
    assert (rec.quantity.min, rec.quantity.max, rec.quantity.unit) == (300, 500, "men")
    assert (rec.age.min, rec.age.max) == (19, 27)
    assert [(m.sentence, m.start, m.end, m.text) for m in rec.mentions[1:]] == [(7, 1296, 1302, "tossed")]
    assert not [r for r in records if r.trigger.text == "tossed"], "the merged DEPLOY is not emitted again"
    assert "300–500 men" in rec.summary and "aged 19–27" in rec.summary


def test_kim_yo_jong_praises_and_criticises(records, pick) -> None:
    praise = pick(records, "PRAISE")
    blast = pick(records, "CRITICIZE")
    assert praise.actors[0].norm == blast.actors[0].norm == "Kim Yo Jong"
    assert praise.targets[0].norm == "Russia" and praise.theme.text == "Russia’s military prowess"
    assert blast.targets[0].norm == "United States" and "decision to send" in blast.theme.text


def test_us_sends_tanks(records, pick) -> None:
    rec = pick(records, "TRANSFER")
    assert rec.actors[0].norm == "United States" and rec.destination.norm == "Ukraine"
    assert rec.theme.text == "battle tanks" and rec.cameo == "072" and rec.modality == "planned"


def test_warning_of_possible_offensive(records, pick) -> None:
    warn = pick(records, "WARN")
    offensive = pick(records, "OFFENSIVE")
    assert warn.actors[0].norm == "Ukraine" and warn.modality == "asserted"
    assert offensive.actors[0].norm == "Russia" and offensive.modality == "possible"
    assert offensive.source.text == "Ukrainian defense officials"
    assert offensive.time.text == "the next few weeks"


def test_putin_speech_planned(records, pick) -> None:
    rec = pick(records, "SPEECH")
    assert rec.actors[0].norm == "Vladimir Putin" and rec.modality == "planned"
    assert rec.time.text == "late February" and rec.targets[0].text == "upper house of parliament"
    assert len(rec.mentions) == 4, "later mentions of 'the speech' are the same event"


def test_conditional_counter_offensive(records, pick) -> None:
    rec = pick(records, "COUNTER_OFFENSIVE")
    assert rec.actors[0].norm == "Ukraine" and rec.modality == "conditional"
    assert rec.source.text == "two sources" and rec.time.text == "the next couple weeks"


def test_reporting_frames_are_not_records(records) -> None:
    said = [r for r in records if r.type == "STATEMENT"]
    assert {r.actors[0].norm for r in said} == {"Kim Yo Jong", "Vladimir Putin"}
    assert all(r.actors[0].norm for r in records if r.type == "STATEMENT")


def test_time_values_when_normaliser_resolves(records, pick) -> None:
    order = pick(records, "ORDER")
    if order.time.value is None:
        pytest.skip("date normaliser (newsie.normalize.dates) not available in this build")
    assert order.time.value == "2023-01-20"
    assert pick(records, "PROMISE", "promising").time.value == "2022-11"


def test_summary_lines(records, pick) -> None:
    assert pick(records, "TRANSFER").summary == "United States sent battle tanks to Ukraine [planned]"
    order = pick(records, "ORDER").summary
    assert order.startswith(("2023-01-20: North Korea ordered", "Jan. 20: North Korea ordered"))
    assert order.endswith("[expected; per Daily NK]")
