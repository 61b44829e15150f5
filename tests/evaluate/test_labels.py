from __future__ import annotations

import json

import pytest

from newsie.evaluate.labels import builtin_label_maps, load_label_map, ontonotes_labels, value_labels


def test_builtin_maps():
    maps = builtin_label_maps()
    assert {"ontonotes", "conll", "ace"} <= set(maps)
    conll = maps["conll"]
    assert conll.apply("PERSON") == "PER"
    assert conll.apply("GPE") == "LOC"
    assert conll.apply("DATE") is None
    assert conll.apply("PER") == "PER"  # target labels pass through
    assert not conll.is_identity
    assert load_label_map(None).is_identity
    assert load_label_map(None).accepted == ontonotes_labels()
    assert len(ontonotes_labels()) == 18
    assert {"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT"} == value_labels()


def test_every_builtin_map_covers_all_ontonotes_labels():
    for name, m in builtin_label_maps().items():
        if not m.is_identity:
            assert ontonotes_labels() <= set(m.mapping), name


def test_map_from_yaml_and_flat_json(tmp_path):
    y = tmp_path / "mine.yaml"
    y.write_text("labels: [PER, PLACE]\nmap: {PERSON: PER, GPE: PLACE, DATE: null}\n", encoding="utf-8")
    m = load_label_map(str(y))
    assert m.name == "mine" and m.apply("GPE") == "PLACE" and m.apply("DATE") is None
    j = tmp_path / "flat.json"
    j.write_text(json.dumps({"PERSON": "PER", "ORG": "ORG", "CARDINAL": None}), encoding="utf-8")
    f = load_label_map(j)
    assert f.labels == frozenset({"PER", "ORG"}) and f.apply("CARDINAL") is None


def test_bad_maps_are_clear_errors(tmp_path):
    with pytest.raises(ValueError, match="unknown label map 'nope'"):
        load_label_map("nope")
    bad = tmp_path / "bad.yaml"
    bad.write_text("labels: [PER]\nmap: {GPE: LOC}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="'GPE' maps to 'LOC'"):
        load_label_map(bad)
