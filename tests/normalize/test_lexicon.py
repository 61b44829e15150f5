"""The normaliser's data files load, have the expected shapes, and their Matcher patterns compile."""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.matcher import Matcher

from newsie.normalize import lexicon


@pytest.mark.parametrize("name", lexicon.FILES)
def test_data_file_loads(name: str) -> None:
    assert isinstance(lexicon.load(name), dict)


def test_numbers_lexicon_shapes() -> None:
    lex = lexicon.load("numbers.yaml")
    for key in ("approx_prefixes", "max_prefixes", "min_prefixes", "percent_words"):
        assert all(isinstance(w, str) and w == w.lower() for w in lex[key]), key
    assert all(isinstance(v, int | float) and v > 0 for v in lex["scales"].values())
    for lo, hi in lex["vague_plurals"].values():
        assert 0 < lo < hi
    for lo, hi in lex["vague_multipliers"].values():
        assert 0 < lo <= hi
    assert all(len(code) == 3 or code == "USD_CENT" for code in lex["currency_prefixes"].values())
    ages = lex["ages"]
    for lo, hi in ages["words"].values():
        assert lo >= 0 and (hi is None or lo <= hi)
    assert all(v % 10 == 0 for v in ages["decade_words"].values())


def test_dates_lexicon_shapes() -> None:
    lex = lexicon.load("dates.yaml")
    assert sorted(set(lex["months"].values())) == list(range(1, 13))
    assert sorted(set(lex["weekdays"].values())) == list(range(1, 8))
    assert set(lex["refs"]) == {"PAST_REF", "PRESENT_REF", "FUTURE_REF"}
    seen: set[str] = set()
    for words in lex["refs"].values():
        assert not seen & set(words), "a word may not name two REF values"
        seen |= set(words)
    for _code, precision in lex["units"].values():
        assert precision in {"time", "day", "week", "month", "season", "year", "decade", "century"}
    assert set(lex["mods"].values()) <= {"START", "MID", "END"}
    for offset, part in lex["relative_days"].values():
        assert isinstance(offset, int) and (part is None or part in lex["parts_of_day"].values())


def test_patterns_compile() -> None:
    data = lexicon.load("patterns.yaml")
    matcher = Matcher(English().vocab, validate=True)
    names = [rule["name"] for rule in data["rules"]]
    assert len(names) == len(set(names))
    for rule in data["rules"]:
        assert ("pattern" in rule) != ("prefixes" in rule), rule["name"]
        assert rule["label"] == "keep" or rule["label"] in data["numeric_labels"] + ["DATE", "TIME"]
        if "pattern" in rule:
            matcher.add(rule["name"], [rule["pattern"]])
        else:
            assert set(rule["prefixes"]) <= set(lexicon.load("numbers.yaml"))
