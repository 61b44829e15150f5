"""Writers: flattened event/entity rows, stable columns, CSV and Parquet identical content, determinism."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq

from newsie.io.writers import (
    ENTITY_COLUMNS,
    EVENT_COLUMNS,
    entity_rows,
    event_rows,
    table_paths,
    write_csv,
    write_parquet,
)
from newsie.schema import (
    Casualties,
    CasualtyCount,
    Entity,
    EventRecord,
    Mention,
    Participant,
    QuantityArgument,
    Result,
    TimeValue,
)


def _record() -> dict:
    text = "North Korea sent 500 workers to Russia."
    res = Result(
        id="d1", path="x.txt", date="2023-02-02", newsie="0.1.0", model="m",
        entities=[
            Entity(text="North Korea", start=0, end=11, label="GPE", sentence=0),
            Entity(text="Monday", start=0, end=6, label="DATE", norm=TimeValue(value="2023-01-30", precision="day")),
        ],
        events=[EventRecord(
            type="DEPLOY", cameo="154", trigger=Mention(text="sent", start=12, end=16, lemma="send"),
            mentions=[Mention(text="sent", start=12, end=16), Mention(text="dispatch", start=40, end=48)],
            actors=[Participant(text="North Korea", start=0, end=11, label="GPE", norm="North Korea", code="PRKGOV",
                                country="PRK"),
                    Participant(text="its army", start=50, end=58)],
            destination=Participant(text="Russia", start=32, end=38, label="GPE", country="RUS"),
            quantity=QuantityArgument(text="500", start=17, end=20, min=500, max=500),
            casualties=Casualties(killed=CasualtyCount(min=3, max=None, approx=True)),
            sentence=0, evidence=text, rule="r1",
        )],
    )
    return res.model_dump(mode="json")


def test_event_row_flattens_roles() -> None:
    (row,) = list(event_rows(_record()))
    assert list(row) == EVENT_COLUMNS
    assert (row["doc_id"], row["type"], row["actors"], row["actor_norms"]) == ("d1", "DEPLOY",
                                                                              "North Korea; its army", "North Korea; ")
    assert (row["actor_codes"], row["actor_countries"], row["actor_offsets"]) == ("PRKGOV; ", "PRK; ", "0-11;50-58")
    assert json.loads(row["actors_json"])[1]["text"] == "its army" and row["targets"] is None
    assert (row["destination_start"], row["destination_country"], row["quantity_min"], row["time_text"]) == (
        32, "RUS", 500.0, None)
    assert (row["cameo_root"], row["quad_class"], row["goldstein"]) == ("15", 4, -7.2)
    assert (row["n_mentions"], row["mentions"], row["mention_offsets"]) == (2, "sent; dispatch", "12-16;40-48")
    assert (row["killed_min"], row["killed_max"], row["killed_approx"], row["injured_min"]) == (3, None, True, None)
    assert row["trigger_lemma"] == "send"


def test_entity_rows_with_norm() -> None:
    rows = list(entity_rows(_record()))
    assert [list(r) for r in rows] == [ENTITY_COLUMNS, ENTITY_COLUMNS]
    assert rows[0]["norm_kind"] is None
    assert (rows[1]["norm_kind"], rows[1]["norm_value"], rows[1]["norm_precision"]) == ("time", "2023-01-30", "day")


def test_csv_and_parquet_agree_and_are_deterministic(tmp_path: Path) -> None:
    recs = [_record(), {**_record(), "id": "d2", "events": []}]
    ev, en = table_paths(tmp_path / "out.csv")
    assert en.name == "out.entities.csv"
    write_csv(recs, ev, en)
    first = (ev.read_bytes(), en.read_bytes())
    write_csv(recs, ev, en)
    assert (ev.read_bytes(), en.read_bytes()) == first
    with ev.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 1 and rows[0]["quantity_min"] == "500.0"
    with en.open(encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == ENTITY_COLUMNS
        assert [r["doc_id"] for r in reader] == ["d1", "d1", "d2", "d2"]

    pev, pen = tmp_path / "e.parquet", tmp_path / "n.parquet"
    write_parquet(recs, pev, pen)
    t = pq.read_table(pev)
    assert t.column_names == EVENT_COLUMNS and t.num_rows == 1
    assert t.column("quantity_min").to_pylist() == [500.0]
    assert pq.read_table(pen).column("doc_id").to_pylist() == ["d1", "d1", "d2", "d2"]
    b1 = pev.read_bytes()
    write_parquet(recs, pev, pen)
    assert pev.read_bytes() == b1


def test_empty_parquet_keeps_schema(tmp_path: Path) -> None:
    pev, pen = tmp_path / "e.parquet", tmp_path / "n.parquet"
    write_parquet([], pev, pen)
    t = pq.read_table(pev)
    assert t.num_rows == 0 and t.column_names == EVENT_COLUMNS
    assert str(t.schema.field("trigger_start").type) == "int64"
