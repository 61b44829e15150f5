"""End to end through newsie.load(): the seed article, with and without its date, and number-span repair."""

from __future__ import annotations

import pytest

from newsie.schema import AgeValue, QuantityValue, TimeValue


def _ent(doc, text: str):
    found = [e for e in doc.ents if e.text == text]
    assert found, f"{text!r} not an entity: {[(e.text, e.label_) for e in doc.ents]}"
    return found[0]


def test_pipeline_order(nlp) -> None:
    names = nlp.pipe_names
    assert names.index("newsie_numbers") < names.index("newsie_normalize")
    ner = "newsie_ner" if "newsie_ner" in names else "ner"
    assert names.index(ner) < names.index("newsie_numbers")


@pytest.mark.parametrize(("text", "value", "precision", "mod"), [
    ("Jan. 20", "2023-01-20", "day", None),
    ("last November", "2022-11", "month", None),
    ("late February", "2023-02", "month", "END"),
])
def test_seed_dates(seed_doc, text: str, value: str, precision: str, mod) -> None:
    norm = _ent(seed_doc, text)._.norm
    assert isinstance(norm, TimeValue)
    assert (norm.value, norm.precision, norm.mod, norm.anchored) == (value, precision, mod, True)
    assert norm.rule.startswith("dates:")


def test_seed_range_is_one_cardinal(seed_doc) -> None:
    ent = _ent(seed_doc, "Between 300 and 500")
    assert ent.label_ == "CARDINAL"
    norm = ent._.norm
    assert isinstance(norm, QuantityValue) and (norm.min, norm.max) == (300, 500)
    assert norm.unit == "men"


def test_seed_age_range(seed_doc) -> None:
    ent = _ent(seed_doc, "19 to 27")
    assert ent.label_ == "CARDINAL"  # never a DATE ("1927")
    assert isinstance(ent._.norm, AgeValue) and (ent._.norm.min, ent._.norm.max) == (19, 27)


def test_seed_every_numeric_entity_normalised(seed_doc) -> None:
    labels = {"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"}
    missing = [e.text for e in seed_doc.ents if e.label_ in labels and e._.norm is None]
    assert not missing


def test_seed_without_date(nlp, seed_text) -> None:
    from newsie.api import make_doc

    doc = nlp(make_doc(nlp, seed_text, date=None))
    norm = _ent(doc, "Jan. 20")._.norm
    assert (norm.value, norm.anchored) == ("XXXX-01-20", False)
    assert _ent(doc, "last November")._.norm.value == "XXXX-11"


def test_result_carries_norms(nlp, seed_text) -> None:
    """The values survive into the schema Result (what the writers dump)."""
    from newsie.api import extract

    result = extract(seed_text, date="2023-02-02", nlp=nlp)
    by_text = {e.text: e for e in result.entities}
    assert by_text["Jan. 20"].norm.value == "2023-01-20"
    assert by_text["19 to 27"].norm.kind == "age"


@pytest.mark.parametrize(("sentence", "text", "label", "lo", "hi", "approx", "unit"), [
    ("About 300 troops were sent.", "About 300", "CARDINAL", 300, 300, True, "troops"),
    ("More than 1,000 tanks were sent.", "More than 1,000", "CARDINAL", 1000, None, False, "tanks"),
    ("They sent 300 to 500 troops.", "300 to 500", "CARDINAL", 300, 500, False, "troops"),
    ("Tens of thousands of people protested.", "Tens of thousands", "CARDINAL", 10_000, 100_000, True, "people"),
    ("The deal is worth $3.5 billion.", "$3.5 billion", "MONEY", 3.5e9, 3.5e9, False, "USD"),
    ("Turnout fell to 40%.", "40%", "PERCENT", 40, 40, False, "%"),
])
def test_numbers_in_sentences(nlp, sentence, text, label, lo, hi, approx, unit) -> None:
    from newsie.api import make_doc

    doc = nlp(make_doc(nlp, sentence, date="2023-02-02"))
    ent = _ent(doc, text)
    assert ent.label_ == label
    norm = ent._.norm
    assert (norm.min, norm.max, norm.approx, norm.unit) == (lo, hi, approx, unit)


def test_day_and_part_of_day_merge(nlp) -> None:
    from newsie.api import make_doc

    doc = nlp(make_doc(nlp, "Workers walked out on Wednesday afternoon.", date="2007-03-01"))
    ent = _ent(doc, "Wednesday afternoon")
    assert ent.label_ == "TIME" and ent._.norm.value == "2007-02-28TAF"


def test_ordinal(nlp) -> None:
    from newsie.api import make_doc

    doc = nlp(make_doc(nlp, "It was the third attack this year.", date="2023-02-02"))
    assert _ent(doc, "third")._.norm.min == 3
    assert _ent(doc, "this year")._.norm.value == "2023"


def test_year_old_after_cardinal(nlp) -> None:
    """Whatever span NER gives the number, "-year-old" after it makes it an age."""
    from spacy.tokens import Span

    from newsie.api import make_doc
    from newsie.normalize.component import normalise_span

    doc = nlp(make_doc(nlp, "The 19-year-old soldier died.", date="2023-02-02"))
    nineteen = next(t for t in doc if t.text == "19")
    value = normalise_span(Span(doc, nineteen.i, nineteen.i + 1, label="CARDINAL"))
    assert isinstance(value, AgeValue) and value.min == value.max == 19


def _number_run(n: int):
    """A blank-pipeline doc "1 1 ... 1 to 1 ... 1" (``n`` ones each side), tagged as one CARDINAL."""
    import spacy
    from spacy.tokens import Span

    blank = spacy.blank("en")
    doc = blank(" ".join(["1"] * n + ["to"] + ["1"] * n))
    doc.ents = [Span(doc, 0, len(doc), label="CARDINAL")]
    return blank, doc


def test_number_matcher_is_linear_in_a_run_of_numbers() -> None:
    """Regression (#21): unbounded ``"OP": "+"`` patterns made "1 1 1 ..." (100 KB) take over 6 minutes.

    Counted in matches, not seconds: the unbounded range pattern matches every
    (start, end) pair around "to" (quadratic); a bounded one a constant number.
    """
    from newsie.normalize.component import NumberSpans

    counts = []
    for n in (100, 400):
        blank, doc = _number_run(n)
        comp = NumberSpans(blank)
        counts.append(len(comp.matcher(doc)))
        assert comp(doc).ents[0].end == len(doc)  # still one entity over the whole run
    assert counts[1] <= 4 * 1.5 * counts[0], counts


def test_unbounded_pattern_operator_is_rejected_naming_file_and_rule() -> None:
    from newsie.normalize.component import check_pattern

    with pytest.raises(ValueError, match=r"patterns\.yaml: rule 'x' token 1: unbounded OP '\+'"):
        check_pattern("x", [{"LOWER": "aged"}, {"LIKE_NUM": True, "OP": "+"}])
    check_pattern("x", [{"LOWER": "aged"}, {"LIKE_NUM": True, "OP": "{1,6}"}])


def _lines_run(fn, filename: str) -> int:
    """Lines executed in ``filename`` while ``fn`` runs (an operation count, independent of machine load)."""
    import sys

    count = 0

    def tracer(frame, event, _arg):  # noqa: ANN001, ANN202
        nonlocal count
        if frame.f_code.co_filename != filename:
            return None
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        fn()
    finally:
        sys.settrace(None)
    return count


def test_number_spans_work_is_linear_in_the_number_of_entities() -> None:
    """Regression (#21): each candidate scanned (and rebuilt) the whole entity list: quadratic on long documents."""
    import spacy
    from spacy.tokens import Span

    import newsie.normalize.component as component

    counts, changed = [], []
    for n in (40, 160):
        blank = spacy.blank("en")
        doc = blank(" ".join(["about 5 men ,"] * n))
        doc.ents = [Span(doc, 4 * k + 1, 4 * k + 2, label="CARDINAL") for k in range(n)]
        comp = component.NumberSpans(blank)
        counts.append(_lines_run(lambda comp=comp, doc=doc: comp(doc), component.__file__))
        changed.append(sum(e.text == "about 5" for e in doc.ents))
    assert changed == [40, 160]  # every "about 5" became one entity
    assert counts[1] <= 4 * 1.5 * counts[0], counts
