"""The label data file is valid and the casing classes behave as the model expects."""

from __future__ import annotations

import json

import pytest

from newsie.ner import labels as L

ONTONOTES = {
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
    "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
}


def test_label_file_is_valid() -> None:
    data = json.loads(L.DATA_PATH.read_text(encoding="utf-8"))
    assert set(data["labels"]) == ONTONOTES and len(data["labels"]) == 18
    assert len(data["case_classes"]) == L.N_CASE and data["case_classes"][0] == "special"
    assert all(isinstance(w, str) and w == w.lower() for w in data["strip_leading"])
    tags = L.bio_tags()
    assert tags[0] == "O" and len(tags) == 37 and len(set(tags)) == 37


@pytest.mark.parametrize(
    ("piece", "cls"),
    [("kim", L.CASE_LOWER), ("Kim", L.CASE_TITLE), ("NK", L.CASE_UPPER), ("U", L.CASE_TITLE),
     ("iPhone", L.CASE_MIXED), ("2023", L.CASE_DIGIT), ("3rd", L.CASE_LOWER), (".", L.CASE_OTHER),
     ("Zürich", L.CASE_TITLE), ("", L.CASE_OTHER)],
)
def test_case_class(piece: str, cls: int) -> None:
    assert L.case_class(piece) == cls


def test_strip_leading_the() -> None:
    text = "in the United States and The Hague"
    s = text.index("the United")
    assert text[slice(*L.strip_leading(text, s, s + len("the United States")))] == "United States"
    s = text.index("The Hague")
    assert text[slice(*L.strip_leading(text, s, len(text)))] == "Hague"
    assert L.strip_leading(text, 0, 2) == (0, 2)  # no space inside: left alone
    assert L.strip_leading("the", 0, 3) == (0, 3)  # a bare "the" is not emptied
