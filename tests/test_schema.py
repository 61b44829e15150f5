"""Schema: round trips, validation, and the exported JSON Schema file being current."""

from __future__ import annotations

import json

import jsonschema
import pytest
from pydantic import ValidationError

from newsie.schema import (
    CAMEO_CODES,
    EVENT_TYPES,
    SCHEMA_PATH,
    AgeArgument,
    Argument,
    Casualties,
    CasualtyCount,
    EventRecord,
    GoldDocument,
    Mention,
    Participant,
    QuantityArgument,
    QuantityValue,
    Result,
    SchemaDataError,
    TimeArgument,
    TimeValue,
    json_schema,
    load_cameo_codes,
    load_event_types,
)


def _record() -> EventRecord:
    return EventRecord(
        type="ORDER",
        cameo="0331",
        trigger=Mention(text="ordered", start=10, end=17, lemma="order"),
        mentions=[Mention(text="ordered", start=10, end=17), Mention(text="order", start=80, end=85)],
        actors=[Participant(text="the North Korean government", start=0, end=9, label="GPE", norm="North Korea",
                            code="PRKGOV", country="PRK")],
        theme=Argument(text="pick out personnel", start=70, end=88),
        casualties=Casualties(killed=CasualtyCount(min=60, max=75, parts=[
            QuantityArgument(text="60", start=90, end=92, min=60, max=60)])),
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
        Mention(text="x", start=5, end=2)
    with pytest.raises(ValidationError, match="not in the event type inventory"):
        EventRecord.model_validate({**_record().model_dump(), "type": "LAYOFF"})  # v1 name, now JOB_CUTS
    with pytest.raises(ValidationError, match="not a CAMEO code"):
        EventRecord.model_validate({**_record().model_dump(), "cameo": "0xx"})
    with pytest.raises(ValidationError, match="pattern"):
        Participant(text="x", start=0, end=1, country="Korea")
    with pytest.raises(ValidationError, match="min 9"):
        CasualtyCount(min=9, max=3)
    with pytest.raises(ValidationError, match="is not the trigger"):
        EventRecord.model_validate({**_record().model_dump(), "mentions": [{"text": "order", "start": 80, "end": 85}]})
    with pytest.raises(ValidationError):  # v1 fields are gone
        EventRecord.model_validate({**_record().model_dump(), "merged_from": []})


def test_cameo_fields_derive_from_the_code() -> None:
    rec = _record()
    assert (rec.cameo_root, rec.quad_class, rec.goldstein) == ("03", 1, CAMEO_CODES["0331"].goldstein)
    again = EventRecord.model_validate({**rec.model_dump(), "cameo": "195", "cameo_root": None, "quad_class": None,
                                        "goldstein": None})
    assert (again.cameo_root, again.quad_class, again.goldstein) == ("19", 4, -10.0)
    with pytest.raises(ValidationError, match="disagrees with cameo"):
        EventRecord.model_validate({**rec.model_dump(), "cameo": "195"})  # keeps root "03": must not pass
    plain = EventRecord(type="DIE", trigger=Mention(text="died", start=0, end=4))
    assert plain.cameo is None and plain.quad_class is None and plain.mentions == [plain.trigger]


def test_vocabulary_tables_load_and_agree() -> None:
    assert len(CAMEO_CODES) == 311 and len({c.root for c in CAMEO_CODES.values()}) == 20
    assert all(t.cameo is None or t.cameo in CAMEO_CODES for t in EVENT_TYPES.values())
    assert EVENT_TYPES["AIRSTRIKE"].family == "fight" and EVENT_TYPES["JOB_CUTS"].cameo is None


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("ATTACK\tfight\t999\tattacks", "2: field cameo: '999'"),
        ("attack\tfight\t190\tattacks", "2: field type"),
        ("ATTACK\tfight\t190", "2: 3 columns"),
        ("ATTACK\tFight\t190\tattacks", "2: field family"),
    ],
)
def test_bad_type_inventory_names_file_and_line(tmp_path, line: str, message: str) -> None:
    path = tmp_path / "types.tsv"
    path.write_text(f"type\tfamily\tcameo\tdescription\n{line}\n", encoding="utf-8")
    with pytest.raises(SchemaDataError, match=f"types.tsv:{message}"):
        load_event_types(path)


def test_bad_cameo_table_names_file_and_line(tmp_path) -> None:
    path = tmp_path / "codes.tsv"
    path.write_text("# comment\ncode\troot\tquad_class\tgoldstein\tdescription\n195\t18\t4\t-10\tx\n",
                    encoding="utf-8")
    with pytest.raises(SchemaDataError, match="codes.tsv:3: field root"):
        load_cameo_codes(path)


def test_gold_document_layers() -> None:
    doc = GoldDocument(id="d", text="x", layers=["events"], topic="conflict")
    assert doc.layers == ["events"] and GoldDocument(id="e", text="y").layers == ["entities", "events"]
    with pytest.raises(ValidationError, match="do not list 'entities'"):
        GoldDocument(id="d", text="x", layers=["events"], entities=[{"start": 0, "end": 1, "label": "GPE"}])


def test_exported_json_schema_carries_the_vocabulary() -> None:
    on_disk = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert on_disk["version"] == "2.0"
    assert on_disk["x-newsie-event-types"]["AIRSTRIKE"] == {
        "family": "fight", "cameo": "195", "description": EVENT_TYPES["AIRSTRIKE"].description}
    assert on_disk["x-newsie-cameo-codes"]["1831"]["root"] == "18"
    assert on_disk["x-newsie-roles"][:2] == ["actors", "targets"]


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


def test_cameo_table_is_the_conversion_of_the_shared_table(repo) -> None:
    """cameo_codes.tsv is exactly what scripts/convert_cameo_codes.py makes of ../shared/eventdata (deterministic)."""
    import importlib.util

    source = repo.parent / "shared" / "eventdata" / "cameo-codes.tsv"
    if not source.exists():
        pytest.skip(f"needs {source} (shared reference data, not part of a public clone)")
    spec = importlib.util.spec_from_file_location("convert_cameo_codes", repo / "scripts" / "convert_cameo_codes.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    converted = mod.convert(source)
    assert converted == mod.convert(source)
    assert (repo / "src" / "newsie" / "schema" / "cameo_codes.tsv").read_text(encoding="utf-8") == converted
