"""Label maps and gazetteers are data: validate every YAML file and the place split."""

from __future__ import annotations

import pytest
import yaml

from newsie.ner.labels import GAZETTEER_PATH
from newsie.tooling.corpora.common import ONTONOTES_LABELS
from newsie.tooling.corpora.labels import DATA_DIR, gazetteer, load_map, validate_map

MAPS = sorted(p.stem for p in DATA_DIR.glob("*.yaml") if p.stem not in ("gazetteer", "splits"))


@pytest.mark.parametrize("corpus", MAPS)
def test_every_label_map_is_valid(corpus):
    lmap = load_map(corpus)
    assert set(lmap.gold_labels) <= set(ONTONOTES_LABELS)
    # only Re-DocRED (partial annotation) claims no label complete
    assert lmap.gold_labels or corpus == "redocred"


def test_validate_rejects_bad_maps():
    with pytest.raises(ValueError):
        validate_map({"labels": {"PER": "PERSONS"}, "gold_labels": ["PERSON"]}, "x")
    with pytest.raises(ValueError):
        validate_map({"labels": {"PER": "PERSON"}, "gold_labels": ["MISC"]}, "x")


def test_gazetteer_file_has_all_lists():
    data = yaml.safe_load((GAZETTEER_PATH).read_text(encoding="utf-8"))
    for key in ("countries", "states", "cities", "locations", "norp", "languages", "person_titles"):
        assert data[key], key


def test_splits_cover_every_map():
    shares = yaml.safe_load((DATA_DIR / "splits.yaml").read_text(encoding="utf-8"))["dev_share"]
    for corpus in MAPS:
        assert corpus.replace("_", "-") in shares


@pytest.mark.parametrize(
    ("name", "identity", "label"),
    [
        ("North Korea", None, "GPE"),
        ("Livorno", "Livorno", "GPE"),
        ("Fort Lee", "Fort_Lee,_New_Jersey", "GPE"),
        ("Middle East", None, "LOC"),
        ("Hudson River", None, "LOC"),
        ("Westchester County Airport", None, "FAC"),
        ("Maui County", None, "GPE"),
        ("American", None, "NORP"),
        ("South Australian", None, "NORP"),
        ("Bowling Green", None, "GPE"),
    ],
)
def test_place_split(name, identity, label):
    assert gazetteer().place_label(name, identity) == label


def test_rules_in_a_map():
    lmap = load_map("wikigold")
    assert lmap.map("MISC", "French") == "NORP"
    assert lmap.map("MISC", "World War II") is None
    assert lmap.map("ORG", "Iraq") == "GPE"
    assert lmap.map("ORG", "Falcons") == "ORG"
    with pytest.raises(KeyError):
        lmap.map("FOO", "x")
