"""The ``make demo`` summary: entities by type, one line per event, for schema 1.x and 2.0 records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsie.render.summary import event_line, format_event, main, read_records, summarise

V1 = {
    "type": "ORDER", "modality": "expected", "trigger": {"text": "ordered", "start": 0, "end": 7},
    "actor": {"text": "Pyongyang", "norm": "North Korea", "start": 0, "end": 9},
    "target": {"text": "soldiers", "start": 10, "end": 18},
    "time": {"text": "Jan. 20", "value": "2023-01-20", "start": 20, "end": 27},
    "quantity": {"text": "300 to 500", "start": 30, "end": 40},
    "age": {"text": "19 to 27", "start": 41, "end": 49},
    "source": {"text": "Daily NK", "start": 50, "end": 58},
}
V2 = {
    "type": "MEET", "modality": "asserted",
    "actors": [{"text": "Kim Jong Un"}, {"text": "Putin", "norm": "Vladimir Putin"}],
    "targets": [],
    "times": [{"text": "Friday", "value": "2023-02-03"}],
    "quantities": [],
}


def test_event_line_reads_schema_1_records() -> None:
    line = event_line(V1)
    assert (line.date, line.type, line.actors, line.targets) == ("2023-01-20", "ORDER", ("North Korea",), ("soldiers",))
    assert line.quantities == ("300 to 500", "aged 19 to 27") and line.source == "Daily NK"
    assert format_event(line) == (
        "2023-01-20  ORDER         North Korea -> soldiers | 300 to 500, aged 19 to 27 | expected | source: Daily NK")


def test_event_line_reads_schema_2_lists() -> None:
    line = event_line(V2)
    assert line.actors == ("Kim Jong Un", "Vladimir Putin") and line.targets == () and line.date == "2023-02-03"
    assert "Kim Jong Un + Vladimir Putin -> ?" in format_event(line) and "source" not in format_event(line)


def test_summary_groups_entities_by_type(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ents = [{"text": t, "label": lab} for t, lab in
            [("Russia", "GPE"), ("Moscow", "GPE"), ("Russia", "GPE"), ("Kim Jong Un", "PERSON")]]
    record = {"path": "a.txt", "date": "2023-02-02", "model": "newsie-ner-abc", "entities": ents, "events": [V1, V2]}
    text = summarise(record)
    assert text.splitlines()[0] == "a.txt  2023-02-02  model newsie-ner-abc"
    assert "GPE           3  Russia, Moscow" in text and "PERSON        1  Kim Jong Un" in text
    assert text.index("GPE") < text.index("PERSON") and "events (2)" in text
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(record) + "\n\n", encoding="utf-8")
    assert main([str(path)]) == 0 and capsys.readouterr().out.strip() == text
    path.write_text(json.dumps(record) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"r.jsonl:2: not a JSON record"):
        read_records(path)
    assert main([str(path)]) == 2
