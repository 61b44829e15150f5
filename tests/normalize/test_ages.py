"""parse_age on age phrases, and age_of on parsed sentences (the helper the events extractor calls)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsie.normalize.ages import age_of, parse_age
from newsie.schema import AgeValue

# text, min, max, approx
CASES = [
    ("aged 19 to 27", 19, 27, False),
    ("aged between 19 and 27", 19, 27, False),
    ("ages 18-25", 18, 25, False),
    ("a 19-year-old", 19, 19, False),
    ("a 19 - year - old", 19, 19, False),
    ("19-year-old men", 19, 19, False),
    ("nineteen-year-old", 19, 19, False),
    ("45 years old", 45, 45, False),
    ("at the age of 45", 45, 45, False),
    ("in their 20s", 20, 29, True),
    ("in his early thirties", 30, 33, True),
    ("in her late 40s", 47, 49, True),
    ("under 18", None, 17, False),
    ("over 65", 66, None, False),
    ("aged 18 or older", 18, None, False),
    ("younger than 16", None, 15, False),
    ("teenagers", 13, 19, True),
    ("19 to 27", 19, 27, False),
    ("about 30", 30, 30, True),
    ("the age of 56", 56, 56, False),
]


@pytest.mark.parametrize(("text", "lo", "hi", "approx"), CASES)
def test_parse_age(text: str, lo, hi, approx: bool) -> None:
    value = parse_age(text)
    assert value is not None, text
    assert (value.min, value.max, value.approx) == (lo, hi, approx)
    assert value.rule and value.rule.startswith("ages:")


@pytest.mark.parametrize("text", ["300 men", "200", "", "men", "$40", "5 km"])
def test_parse_age_rejects(text: str) -> None:
    assert parse_age(text) is None


@given(st.integers(0, 120), st.integers(0, 120))
@settings(max_examples=100, deadline=None)
def test_age_ranges_round_trip(a: int, b: int) -> None:
    for text in (f"aged {a} to {b}", f"aged between {a} and {b}"):
        value = parse_age(text)
        assert (value.min, value.max) == (min(a, b), max(a, b))


@given(st.text(max_size=40))
@settings(max_examples=200, deadline=None)
def test_parse_age_no_crash(text: str) -> None:
    value = parse_age(text)
    if value is not None and value.min is not None and value.max is not None:
        assert value.min <= value.max


# sentence, the person/group word, the age's text, min, max
ATTACHED = [
    ("Between 300 and 500 Korean men aged 19 to 27 are expected to be sent.", "men", "19 to 27", 19, 27),
    ("Recruits aged between 18 and 25 were sent.", "Recruits", "between 18 and 25", 18, 25),
    ("Police arrested two 19-year-old men on Friday.", "men", "19-year-old", 19, 19),
    ("Soldiers in their 20s were captured.", "Soldiers", "in their 20s", 20, 29),
    ("Children under 18 were evacuated.", "Children", "under 18", None, 17),
    ("Teenagers protested in the capital.", "Teenagers", "Teenagers", 13, 19),
    ("John Smith, 45, was arrested.", "Smith", "45", 45, 45),
]


@pytest.mark.parametrize(("sentence", "word", "age_text", "lo", "hi"), ATTACHED)
def test_age_of(nlp, sentence: str, word: str, age_text: str, lo, hi) -> None:
    from newsie.api import make_doc

    doc = nlp(make_doc(nlp, sentence, date="2023-02-02"))
    token = next(t for t in doc if t.text == word)
    found = age_of(token)
    assert found is not None, sentence
    span, value = found
    # the phrase, or the age entity inside it when the NER tagged one ("20s" in "in their 20s")
    assert span.text == age_text or (span.text in age_text and isinstance(span._.norm, AgeValue))
    assert (value.min, value.max) == (lo, hi)
    assert age_of(doc[token.i:token.i + 1]) == found  # a span works as well as its root token


def test_age_of_none_without_age(nlp) -> None:
    from newsie.api import make_doc

    doc = nlp(make_doc(nlp, "The men were sent to the front in 2022.", date="2023-02-02"))
    assert age_of(next(t for t in doc if t.text == "men")) is None
