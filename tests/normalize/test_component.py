"""End to end through newsie.load(): the seed article, with and without its date, and number-span repair."""

from __future__ import annotations

import functools

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


# ------------------------------------------------------------ issue 19: the reference time through a document
@functools.cache
def _base():
    from newsie.pipeline import load_base

    return load_base(exclude=("ner",))


def _marked(text: str, date, dates: list[str], label: str = "DATE"):
    """A parsed doc (spaCy base, no NER) with the given substrings as DATE entities, normalised.

    The NER is not what these tests are about: they fix the entities and check how the normaliser reads
    them in order (tense and lemmas come from the base pipeline).
    """
    from newsie.normalize.component import Normaliser

    nlp = _base()
    doc = nlp(text)
    doc._.date = date
    spans, at = [], 0
    for d in dates:
        start = text.index(d, at)
        spans.append(doc.char_span(start, start + len(d), label=label))
        at = start + len(d)
    doc.ents = spans
    return Normaliser(nlp)(doc)


def _values(doc) -> dict[str, str | None]:
    """Entities and the completer's spans outside them (the pieces of a joined entity are in :func:`_timex`)."""
    inside = {i for e in doc.ents for i in range(e.start, e.end)}
    found = [*doc.ents, *(s for s in doc.spans.get("newsie_timex", []) if s.start not in inside)]
    return {e.text: (e._.norm.value if e._.norm is not None else None) for e in found}


def test_reference_moves_to_the_last_date() -> None:
    text = ("Talks began on June 8, 2020. Two days later the union walked out, and the next day the company "
            "closed the plant. The same day, shares fell. Yesterday the two sides met again.")
    doc = _marked(text, "2020-07-01", ["June 8, 2020", "Two days later", "the next day", "The same day",
                                       "Yesterday"])
    assert _values(doc) == {"June 8, 2020": "2020-06-08", "Two days later": "2020-06-10",
                            "the next day": "2020-06-11", "The same day": "2020-06-11",
                            "Yesterday": "2020-06-30"}  # deictic: the article date, not the reference


def test_reference_starts_at_the_article_date() -> None:
    doc = _marked("The court ruled that day, and late in the day the minister resigned.", "2021-05-12",
                  ["that day", "late in the day"])
    values = _values(doc)
    assert values == {"that day": "2021-05-12", "late in the day": "2021-05-12"}
    assert doc.ents[1]._.norm.mod == "END"


def test_coarser_mention_keeps_the_day() -> None:
    """"2009" after "March 3, 2009" does not lose the day: "the next day" is still March 4."""
    doc = _marked("The board met on March 3, 2009. Profits in 2009 fell, and the next day it resigned.",
                  "2009-03-20", ["March 3, 2009", "2009", "the next day"])
    assert _values(doc)["the next day"] == "2009-03-04"


def test_biography_lends_its_year() -> None:
    text = "Born in 1811, she moved to Paris in 1831. On July 14 she opened a shop, and in October she married."
    doc = _marked(text, "2005-01-10", ["1811", "1831", "July 14", "October"])
    assert _values(doc) == {"1811": "1811", "1831": "1831", "July 14": "1831-07-14", "October": "1831-10"}


def test_news_mentioning_an_old_year_keeps_the_article_date() -> None:
    """A news article (its year written, reporting verbs) that mentions 1991 still reads "June 3" near its date."""
    text = ("Paris, May 20, 2010. The band, formed in 1991, said on Monday it will tour again. "
            "Its manager said the first concert is on June 3.")
    doc = _marked(text, "2010-05-20", ["May 20, 2010", "1991", "Monday", "June 3"])
    assert _values(doc)["June 3"] == "2010-06-03"


def test_travel_guide_months_have_no_year() -> None:
    text = ("The ferry runs from July to September, and in winter the island is quiet. "
            "Book early for August, when the festival fills every room.")
    doc = _marked(text, "2012-03-01", ["from July to September", "winter", "August"])
    assert _values(doc) == {"from July to September": "XXXX-07/XXXX-09", "winter": "XXXX-WI",
                            "August": "XXXX-08"}


def test_news_months_keep_the_article_year() -> None:
    """The same months in news (reporting verbs) are dated, as before."""
    text = "The ferry will run from July to September, officials said. They said August is fully booked."
    doc = _marked(text, "2012-03-01", ["from July to September", "August"])
    assert _values(doc) == {"from July to September": "2012-07/2012-09", "August": "2012-08"}


def test_offset_cue_after_the_span() -> None:
    """NER often leaves "later" out of "Two years later": the word after the span makes it a point."""
    doc = _marked("He graduated in 1998. Two years later he joined the army.", "2015-01-01", ["1998", "Two years"])
    assert _values(doc)["Two years"] == "2000"


def test_completer_adds_missed_dates() -> None:
    """Dates the NER missed go to doc.spans["newsie_timex"]; doc.ents is untouched."""
    doc = _marked("The rule, passed in 2017, is currently under review; it was signed 7/8/07.", "2020-02-02", [])
    assert list(doc.ents) == []
    assert _values(doc) == {"2017": "2017", "currently": "PRESENT_REF", "7/8/07": "2007-07-08"}


def test_without_article_date_nothing_moves() -> None:
    text = "Talks began on June 8, 2020. Two days later the union walked out, and the next day it returned."
    doc = _marked(text, None, ["June 8, 2020", "Two days later", "the next day"])
    norms = [e._.norm for e in doc.ents]
    assert norms[0].value == "2020-06-08"
    assert (norms[1].value, norms[1].precision) == ("P2D", "duration")  # as without the reference model
    assert norms[2] is None or not norms[2].anchored


@pytest.mark.parametrize(("sentence", "text", "value"), [
    # written on Monday 2023-01-30: a present-tense "until Friday" looks forward, a past-tense one back
    ("The consultation is open until Friday.", "Friday", "2023-02-03"),
    ("On Friday, the minister said the plan had failed.", "Friday", "2023-01-27"),
    ("The museum will reopen next week.", "next week", "2023-W06"),
    ("Officials met this week to discuss the budget.", "this week", "2023-W05"),
])
def test_tense_and_prepositions(nlp, sentence, text, value) -> None:
    from newsie.api import make_doc

    doc = nlp(make_doc(nlp, sentence, date="2023-01-30"))
    assert _ent(doc, text)._.norm.value == value


def test_numeric_date_that_ner_called_cardinal() -> None:
    doc = _marked("The plane was unveiled on 7/8/07 in Everett.", "2007-07-09", ["7/8/07"], label="CARDINAL")
    assert [e.label_ for e in doc.ents] == ["CARDINAL"]  # doc.ents untouched
    assert [(s.text, s._.norm.value) for s in doc.spans["newsie_timex"]] == [("7/8/07", "2007-07-08")]


def test_span_joining_a_date_and_an_offset() -> None:
    """NER took "November 11, three days later than planned" as one DATE: its head date is the value."""
    doc = _marked("The launch took place on November 11, three days later than planned.", "2005-11-12",
                  ["November 11, three days later than planned"])
    assert doc.ents[0]._.norm.value == "2005-11-11"


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


def _labelled(text: str, date, ents: list[tuple[str, str]]):
    """Like :func:`_marked`, with a label per entity: ``[("the 2022 World Cup", "EVENT"), ...]``."""
    from newsie.normalize.component import Normaliser

    nlp = _base()
    doc = nlp(text)
    doc._.date = date
    spans, at = [], 0
    for sub, label in ents:
        start = text.index(sub, at)
        spans.append(doc.char_span(start, start + len(sub), label=label))
        at = start + len(sub)
    doc.ents = spans
    return Normaliser(nlp)(doc)


def _timex(doc) -> dict[str, str | None]:
    return {s.text: (s._.norm.value if s._.norm is not None else None) for s in doc.spans["newsie_timex"]}


@pytest.mark.parametrize(("sentence", "ents", "expected"), [
    # a year inside an event's name (TimeML tags it; the NER calls the whole name EVENT)
    ("The stadium hosted the 2022 World Cup final.", [("the 2022 World Cup", "EVENT")], {"2022": "2022"}),
    # a named period with fixed bounds
    ("The factory made tanks during World War II.", [("World War II", "EVENT")],
     {"World War II": "1939-09-01/1945-09-02"}),
    # season nouns; "spring" only after a season cue
    ("The town has long, dry summers and wet winters.", [], {"summers": "XXXX-SU", "winters": "XXXX-WI"}),
    ("Visitors drink from the spring behind the church.", [], {}),
    # a year with an era
    ("The temple was finished in 438 BC after years of work.", [], {"438 BC": "BC0438"}),
    # a named date
    ("Airport security changed after 9/11.", [], {"9/11": "2001-09-11"}),
    # a lone CARDINAL shaped like a year that counts nothing is a year; one that counts people is not
    ("The east wing came later: 1669, the guide says.", [("1669", "CARDINAL")], {"1669": "1669"}),
    ("The hall seats 1500 people.", [("1500", "CARDINAL")], {}),
    # the end of a range that runs to today
    ("She has coached the club (2013 - present) without a break.", [("2013", "DATE")], {"present": "PRESENT_REF"}),
])
def test_completer_classes(sentence: str, ents, expected) -> None:
    doc = _labelled(sentence, "2010-06-01", ents)
    assert _timex(doc) == expected


def test_completer_three_digit_years_only_in_historical_text() -> None:
    """"about 373" is a year in a life of a 4th-century monk; "about 300 men" is not; news gets neither."""
    text = "Jerome was born in 347 and died in 420. He left Rome about 373, with about 300 men."
    doc = _labelled(text, "2005-01-01", [("347", "DATE"), ("420", "DATE")])
    assert _timex(doc) == {"373": "0373"}
    news = _labelled("The index rose about 373, with about 300 firms up.", "2005-01-01", [])
    assert _timex(news) == {}


def test_generic_text_keeps_modal_advice_yearless() -> None:
    """A travel guide's "should visit from early October to late April" is any year's; each end keeps its mod."""
    doc = _marked("Divers should visit from early October to late April. The reef is calm and the water is warm.",
                  "2006-07-04", ["early October to late April"])
    assert doc.ents[0]._.norm.value == "XXXX-10/XXXX-04"
    pieces = {s.text: (s._.norm.value, s._.norm.mod) for s in doc.spans["newsie_timex"]}
    assert pieces == {"early October": ("XXXX-10", "START"), "late April": ("XXXX-04", "END")}


def test_entity_joining_two_dates_is_split() -> None:
    """NER joined a holiday, a day and a year in one DATE; the parts that resolve are TIMEX pieces."""
    doc = _marked("The flag was raised on Waitangi Day - February 6 - this year, officials said.", "2015-05-07",
                  ["Waitangi Day - February 6 - this year"])
    assert doc.ents[0]._.norm is None
    assert _timex(doc) == {"February 6": "2015-02-06", "this year": "2015"}


def test_interval_pieces_share_the_year() -> None:
    doc = _marked("The show runs January 23 - March 9 2014 in the museum.", "2014-01-28",
                  ["January 23 - March 9 2014"])
    assert doc.ents[0]._.norm.value == "2014-01-23/2014-03-09"
    assert _timex(doc) == {"January 23": "2014-01-23", "March 9 2014": "2014-03-09"}


def test_tense_from_the_sentence_when_no_verb_governs() -> None:
    """"Thursday night" under "willing to skip" has no tense of its own; the sentence's "admitted" is past."""
    doc = _marked("The student admitted she was willing to skip class Thursday night.", "2014-01-28",
                  ["Thursday night"])
    assert doc.ents[0]._.norm.value == "2014-01-23TNI"


def test_a_past_tense_report_reads_untensed_weekdays_as_past() -> None:
    """A caption with no verb in a report told in the past: its "Friday" is the one gone."""
    text = ("Crowds packed the hall. Police closed the road, and organisers moved the stalls outside, a "
            "spokesman said. Vendors sold out early. The far end of the floor, shortly after opening Friday.")
    doc = _marked(text, "2016-09-07", ["Friday"])
    assert doc.ents[0]._.norm.value == "2016-09-02"


def test_a_guide_addressing_the_reader_is_generic_even_with_a_recent_year() -> None:
    text = ("You can reach the islands by ferry, which reopened in 2012 after repairs. If you visit, bring your "
            "own water; your guide will meet you at the pier. Boats run in October and April.")
    doc = _marked(text, "2012-05-01", ["2012", "October and April"])
    assert _timex(doc) == {"October": "XXXX-10", "April": "XXXX-04"}
    # the same sentence in a report (no second person, reported speech) keeps the article's year
    news = _marked("The ferry reopened in 2012 after repairs, officials said. Boats ran in October and April.",
                   "2012-05-01", ["2012", "October and April"])
    assert _timex(news) == {"October": "2011-10", "April": "2012-04"}


def test_three_digit_year_ranges_in_historical_text() -> None:
    """"He ruled 306 - 337" in an emperor's life is a range of years; a season takes a three-digit year too."""
    text = "Constantine was born in 272 and died in 337. He ruled 306 - 337 and spent the winter of 312 in Rome."
    doc = _marked(text, "2005-01-01", ["272", "337", "306 - 337", "the winter of 312"])
    values = {e.text: e._.norm.value for e in doc.ents}
    assert values["306 - 337"] == "0306/0337"
    assert values["the winter of 312"] == "0312-WI"
