"""Schema: round trips, validation, and the exported JSON Schema file being current."""

from __future__ import annotations

import json

import jsonschema
import pytest
from pydantic import ValidationError

from newsie.schema import (
    SCHEMA_PATH,
    AgeArgument,
    Argument,
    EventRecord,
    QuantityArgument,
    QuantityValue,
    Result,
    TimeArgument,
    TimeValue,
    Trigger,
    json_schema,
)


def _record() -> EventRecord:
    return EventRecord(
        type="ORDER",
        cameo="0xx",
        trigger=Trigger(text="ordered", start=10, end=17, lemma="order"),
        actor=Argument(text="the North Korean government", start=0, end=9, label="GPE", norm="North Korea"),
        time=TimeArgument(text="Jan. 20", start=20, end=27, value="2023-01-20", precision="day", anchored=True),
        quantity=QuantityArgument(text="Between 300 and 500", start=30, end=49, min=300, max=500, unit="men"),
        age=AgeArgument(text="19 to 27", start=60, end=68, min=19, max=27),
        modality="expected",
        sentence=5,
        evidence="...",
        rule="order:dobj",
        summary="order issued Jan 20, 300–500 men aged 19–27",
    )


def test_record_json_round_trip() -> None:
    rec = _record()
    again = EventRecord.model_validate_json(rec.model_dump_json())
    assert again == rec


def test_result_round_trip_keeps_typed_norms() -> None:
    res = Result(
        id="x",
        date="2023-02-02",
        entities=[
            {"text": "Jan. 20", "start": 0, "end": 7, "label": "DATE",
             "norm": {"kind": "time", "value": "2023-01-20", "precision": "day", "anchored": True}},
            {"text": "300", "start": 8, "end": 11, "label": "CARDINAL", "norm": {"kind": "quantity", "min": 300, "max": 300}},
        ],
        events=[_record()],
    )
    again = Result.model_validate_json(res.model_dump_json())
    assert again == res
    assert isinstance(again.entities[0].norm, TimeValue)
    assert isinstance(again.entities[1].norm, QuantityValue)


def test_invalid_values_are_rejected() -> None:
    with pytest.raises(ValidationError):
        QuantityValue(min=5, max=3)
    with pytest.raises(ValidationError):
        EventRecord.model_validate({**_record().model_dump(), "type": "not upper"})
    with pytest.raises(ValidationError):
        EventRecord.model_validate({**_record().model_dump(), "modality": "maybe"})
    with pytest.raises(ValidationError):
        Trigger(text="x", start=5, end=2)


def test_exported_json_schema_is_current() -> None:
    on_disk = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert on_disk == json.loads(json.dumps(json_schema())), (
        "src/newsie/schema/newsie.schema.json is stale: run "
        "python -c 'from newsie.schema import write_json_schema; write_json_schema()'"
    )


def test_results_validate_against_json_schema() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    res = Result(id="x", events=[_record()])
    jsonschema.validate(json.loads(res.model_dump_json()), schema)
    with pytest.raises(jsonschema.ValidationError):
        bad = json.loads(res.model_dump_json())
        bad["events"][0]["modality"] = "sure"
        jsonschema.validate(bad, schema)
