"""resolve_date: table-driven TIMEX3 cases, anchoring by tense, no-anchor behaviour, properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsie.normalize.dates import FAR_NEAR_DAYS, normalise, resolve_date

A = dt.date(2023, 2, 2)  # the seed's date, a Thursday

# text, tense, value, precision, mod, anchored
ANCHORED = [
    ("Jan. 20", "past", "2023-01-20", "day", None, True),
    ("January 20th", "past", "2023-01-20", "day", None, True),
    ("20 January", "past", "2023-01-20", "day", None, True),
    ("the 20th of January", "past", "2023-01-20", "day", None, True),
    ("June 20", "future", "2023-06-20", "day", None, True),
    ("Jan. 20", "future", "2023-01-20", "day", None, True),  # 13 days back beats 352 ahead (FAR_NEAR_DAYS)
    ("Dec. 20", "past", "2022-12-20", "day", None, True),
    ("Dec. 20", None, "2022-12-20", "day", None, True),
    ("March 3", "past", "2023-03-03", "day", None, True),  # tense-consistent reading 11 months away loses
    ("Friday, Jan. 20", "past", "2023-01-20", "day", None, True),
    ("January 20, 2023", None, "2023-01-20", "day", None, False),
    ("20 January 2021", "future", "2021-01-20", "day", None, False),
    ("2023-01-20", None, "2023-01-20", "day", None, False),
    ("7/8/07", None, "2007-07-08", "day", None, False),
    ("last November", "past", "2022-11", "month", None, True),
    ("November", "past", "2022-11", "month", None, True),
    ("November", "future", "2023-11", "month", None, True),
    ("next March", None, "2023-03", "month", None, True),  # TimeML: the first March after the DCT
    ("next January", None, "2024-01", "month", None, True),
    ("this March", None, "2023-03", "month", None, True),
    ("late February", "future", "2023-02", "month", "END", True),
    ("early June", None, "2023-06", "month", "START", True),
    ("mid-June", None, "2023-06", "month", "MID", True),
    ("November 2022", None, "2022-11", "month", None, False),
    ("2023", None, "2023", "year", None, False),
    ("early 2009", None, "2009", "year", "START", False),
    ("mid-2011", None, "2011", "year", "MID", False),
    ("the end of this year", None, "2023", "year", "END", True),
    ("the beginning of the year", None, "2023", "year", "START", True),
    ("last year", None, "2022", "year", None, True),
    ("next year", None, "2024", "year", None, True),
    ("the previous year", None, "2022", "year", None, True),
    ("this week", None, "2023-W05", "week", None, True),
    ("last week", None, "2023-W04", "week", None, True),
    ("next week", None, "2023-W06", "week", None, True),
    ("this weekend", None, "2023-W05-WE", "week", None, True),
    ("last month", None, "2023-01", "month", None, True),
    ("the past decade", None, "201", "decade", None, True),
    ("the 1990s", None, "199", "decade", None, False),
    ("the '90s", None, "199", "decade", None, False),
    ("the 20th century", None, "19", "century", None, False),
    ("the first quarter of 2009", None, "2009-Q1", "season", None, False),
    ("the fourth quarter of last year", None, "2022-Q4", "season", None, True),
    ("the last quarter", None, "2022-Q4", "season", None, True),
    ("third-quarter", "past", "2022-Q3", "season", None, True),
    ("the first half of 2022", None, "2022-H1", "season", None, False),
    ("last summer", None, "2022-SU", "season", None, True),
    ("spring 2021", None, "2021-SP", "season", None, False),
    ("the last week of March", "future", "2023-W12", "week", None, True),
    ("on Thursday", "past", "2023-02-02", "day", None, True),
    ("Monday", "past", "2023-01-30", "day", None, True),
    ("Friday", "past", "2023-01-27", "day", None, True),
    ("Friday", "future", "2023-02-03", "day", None, True),
    ("Friday", None, "2023-02-03", "day", None, True),  # the document's week
    ("Monday", None, "2023-01-30", "day", None, True),
    ("last Thursday", None, "2023-01-26", "day", None, True),
    ("next Monday", None, "2023-02-06", "day", None, True),
    ("Tuesday night", "past", "2023-01-31TNI", "time", None, True),
    ("today", None, "2023-02-02", "day", None, True),
    ("yesterday", None, "2023-02-01", "day", None, True),
    ("tomorrow", None, "2023-02-03", "day", None, True),
    ("this morning", None, "2023-02-02TMO", "time", None, True),
    ("last night", None, "2023-02-01TNI", "time", None, True),
    ("a week ago", "past", "2023-01-26", "day", None, True),
    ("three days ago", "past", "2023-01-30", "day", None, True),
    ("two months ago", "past", "2022-12", "month", None, True),
    ("five years ago", "past", "2018", "year", None, True),
    ("two weeks from now", "future", "2023-02-16", "day", None, True),
    ("3 p.m. Thursday", "past", "2023-02-02T15:00", "time", None, True),
    ("10:30 a.m. yesterday", "past", "2023-02-01T10:30", "time", None, True),
    ("noon", None, "2023-02-02T12:00", "time", None, True),
    ("midday", None, "2023-02-02TMI", "time", None, True),
    ("18:00 UTC", None, "2023-02-02T18:00Z", "time", None, True),
    ("16:00 UTC today", None, "2023-02-02T16:00Z", "time", None, True),
    ("the current financial quarter", None, "2023-Q1", "season", None, True),
    ("Christmas", "past", "2022-12-25", "day", None, True),
    ("December 8 last year", None, "2022-12-08", "day", None, True),
    ("New Year's Day", "past", "2023-01-01", "day", None, True),
    ("the month of July", "past", "2022-07", "month", None, True),
    ("between 2014 and 2016", None, "2014/2016", "year", None, False),
    ("1955-2011", None, "1955/2011", "year", None, False),
    ("from May to July", "past", "2022-05/2022-07", "month", None, True),
    ("Wednesday afternoon", "past", "2023-02-01TAF", "time", None, True),
]


@pytest.mark.parametrize(("text", "tense", "value", "precision", "mod", "anchored"), ANCHORED)
def test_resolve_anchored(text: str, tense, value: str, precision: str, mod, anchored: bool) -> None:
    tv = resolve_date(text, A, tense)
    assert tv is not None, text
    assert (tv.value, tv.precision, tv.mod, tv.anchored) == (value, precision, mod, anchored)
    assert tv.rule and tv.rule.startswith("dates:")


# text, value, precision, mod, direction, fuzzy
DURATIONS_AND_REFS = [
    ("the next few weeks", "PXW", "duration", None, "future", True),
    ("the next couple weeks", "P2W", "duration", "APPROX", "future", False),
    ("a two hour", "PT2H", "duration", None, None, False),
    ("a two-hour", "PT2H", "duration", None, None, False),
    ("the past two years", "P2Y", "duration", None, "past", False),
    ("three weeks", "P3W", "duration", None, None, False),
    ("just a few days", "PXD", "duration", None, None, True),
    ("decades", "PXDE", "duration", None, None, True),
    ("Less than a week", "P1W", "duration", "LESS_THAN", None, False),
    ("more than two years", "P2Y", "duration", "MORE_THAN", None, False),
    ("48 hours", "PT48H", "duration", None, None, False),
    ("fifty-year", "P50Y", "duration", None, None, False),
    ("four or more hours", "PT4H", "duration", "EQUAL_OR_MORE", None, False),
    ("twenty-five years", "P25Y", "duration", None, None, False),
    ("1.5 years", "P1.5Y", "duration", None, None, False),
    ("the first two years", "P2Y", "duration", None, None, False),
    ("annual", "P1Y", "duration", "EVERY", None, False),
    ("every day", "P1D", "duration", "EVERY", None, False),
    ("a few days later", "PXD", "duration", None, "future", True),  # an open count stays a duration
    ("recently", "PAST_REF", "ref", None, "past", False),
    ("in the past", "PAST_REF", "ref", None, "past", False),
    ("in recent U.S. history", "PAST_REF", "ref", None, "past", False),
    ("currently", "PRESENT_REF", "ref", None, None, False),
    ("the future", "FUTURE_REF", "ref", None, "future", False),
    ("soon", "FUTURE_REF", "ref", None, "future", False),
    ("a few days ago", "PAST_REF", "ref", None, "past", True),
]


@pytest.mark.parametrize(("text", "value", "precision", "mod", "direction", "fuzzy"), DURATIONS_AND_REFS)
def test_durations_and_refs(text: str, value: str, precision: str, mod, direction, fuzzy: bool) -> None:
    tv = resolve_date(text, A, None)
    assert tv is not None, text
    assert (tv.value, tv.precision, tv.mod, tv.direction, tv.fuzzy) == (value, precision, mod, direction, fuzzy)


# Without a document date only what the text fixes is kept, and nothing is anchored.
UNANCHORED = [
    ("Jan. 20", "XXXX-01-20"),
    ("last November", "XXXX-11"),
    ("late February", "XXXX-02"),
    ("on Thursday", "XXXX-WXX-4"),
    ("yesterday", "XXXX-XX-XX"),
    ("last week", "XXXX-WXX"),
    ("last year", "XXXX"),
    ("the fourth quarter", "XXXX-Q4"),
    ("2023", "2023"),
    ("January 20, 2023", "2023-01-20"),
]


@pytest.mark.parametrize(("text", "value"), UNANCHORED)
def test_no_anchor(text: str, value: str) -> None:
    tv = resolve_date(text, None, "past")
    assert tv is not None and tv.value == value and tv.anchored is False


@pytest.mark.parametrize("text", ["19 to 27", "300", "Pyongyang", "", "the", "aged 19", "Feb. 30", "13/45/2020"])
def test_not_dates(text: str) -> None:
    """dateparser reads "19 to 27" as 1927; newsie declines."""
    assert resolve_date(text, A, "past") is None


def test_normalise() -> None:
    assert normalise("Jan. 20 , 2023") == "jan 20 2023"
    assert normalise("last year's") == "last year"
    assert normalise("the 70s and") == "the 70s"


# ------------------------------------------------------------ properties
anchors = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))
tenses = st.sampled_from(["past", "present", "future", None])
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@given(st.text(max_size=50), st.one_of(st.none(), anchors), tenses)
@settings(max_examples=300, deadline=None)
def test_no_crash_on_any_string(text: str, anchor, tense) -> None:
    tv = resolve_date(text, anchor, tense)
    if tv is not None and anchor is None:
        assert tv.anchored is False


@given(st.integers(1, 12), st.integers(1, 28), anchors, tenses)
@settings(max_examples=200, deadline=None)
def test_month_day_fits_tense(month: int, day: int, anchor: dt.date, tense) -> None:
    tv = resolve_date(f"{MONTHS[month - 1]} {day}", anchor, tense)
    got = dt.date.fromisoformat(tv.value)
    assert (got.month, got.day) == (month, day) and tv.anchored
    assert abs((got - anchor).days) <= 366
    past = max(dt.date(y, month, day) for y in (anchor.year - 1, anchor.year) if dt.date(y, month, day) <= anchor)
    if tense == "past" and (anchor - past).days <= FAR_NEAR_DAYS[0]:
        assert got == past
    if tense == "future":
        assert got >= anchor or (anchor - got).days <= FAR_NEAR_DAYS[1]


@given(st.integers(0, 6), anchors, st.sampled_from(["past", "future"]))
@settings(max_examples=200, deadline=None)
def test_weekday_fits_tense(wd: int, anchor: dt.date, tense: str) -> None:
    got = dt.date.fromisoformat(resolve_date(f"on {WEEKDAYS[wd]}", anchor, tense).value)
    assert got.weekday() == wd
    if tense == "past":
        assert 0 <= (anchor - got).days < 7
    else:
        assert 0 <= (got - anchor).days < 7


@given(st.integers(1, 400), anchors)
@settings(max_examples=100, deadline=None)
def test_days_ago(n: int, anchor: dt.date) -> None:
    assert resolve_date(f"{n} days ago", anchor, "past").value == (anchor - dt.timedelta(days=n)).isoformat()


@pytest.mark.parametrize(("sentence", "date_text", "tense"), [
    ("The government on Jan. 20 ordered companies to pick out personnel.", "Jan. 20", "past"),
    ("Putin is expected to deliver the speech in late February.", "late February", "future"),
    ("Moscow may launch a renewed offensive in the next few weeks.", "the next few weeks", "future"),
    ("The company will open the plant on Friday.", "Friday", "future"),
    ("A source cited by Daily NK on Thursday said the plan changed.", "Thursday", "past"),
    ("The talks have resumed this week.", "this week", "past"),
    ("Prices are rising this month.", "this month", "present"),
    ("The referendum is to be held on March 3.", "March 3", "future"),  # the be-to future
])
def test_tense_of(nlp, sentence: str, date_text: str, tense: str) -> None:
    from newsie.api import make_doc
    from newsie.normalize.dates import tense_of

    doc = nlp(make_doc(nlp, sentence, date="2023-02-02"))
    start = sentence.index(date_text)
    span = doc.char_span(start, start + len(date_text), alignment_mode="expand")
    assert tense_of(span) == tense


# ------------------------------------------------------------ issue 19: reference time and the classes around it
def test_lexicon_errors_name_file_and_field() -> None:
    import copy

    from newsie.normalize import lexicon
    from newsie.normalize.dates import validate_dates_lexicon

    good = lexicon.load("dates.yaml")
    validate_dates_lexicon(good)
    bad = copy.deepcopy(good)
    bad["anaphoric"]["the next day"] = ["day", "one", None]
    with pytest.raises(ValueError, match=r"dates\.yaml: anaphoric\.the next day"):
        validate_dates_lexicon(bad)
    bad = copy.deepcopy(good)
    bad["time_zones"]["utc"] = "UTC"
    with pytest.raises(ValueError, match=r"dates\.yaml: time_zones\.utc"):
        validate_dates_lexicon(bad)


R = dt.date(2021, 3, 3)  # a reference day the text has moved to (a Wednesday)


@pytest.mark.parametrize(("text", "value", "precision", "mod"), [
    # anaphoric days: "Voting began on March 3, 2021; the same day the count was suspended."
    ("the same day", "2021-03-03", "day", None),
    ("that day", "2021-03-03", "day", None),
    ("the day", "2021-03-03", "day", None),
    ("the start of the day", "2021-03-03", "day", "START"),  # "From the start of the day, queues formed."
    ("late in the day", "2021-03-03", "day", "END"),  # "Late in the day the polls closed."
    ("the next day", "2021-03-04", "day", None),
    ("the following morning", "2021-03-04TMO", "time", None),
    ("that year", "2021", "year", None),
    ("the same period a year earlier", "2020", "year", None),  # "Sales rose 4% from the same period a year earlier."
    # points given as offsets: "Two days earlier, the mayor had resigned."; "A week later he returned."
    ("two days earlier", "2021-03-01", "day", None),
    ("a week later", "2021-03-10", "day", None),
    ("three months later", "2021-06", "month", None),
    # the reference's month gives "the 29th" ("The vote was moved to the 29th.")
    ("the 29th", "2021-03-29", "day", None),
    ("in March the same year", "2021-03", "month", None),
])
def test_reference_time(text: str, value: str, precision: str, mod) -> None:
    from newsie.normalize.dates import Reference

    tv = resolve_date(text, A, "past", reference=Reference(R))
    assert tv is not None, text
    assert (tv.value, tv.precision, tv.mod, tv.anchored) == (value, precision, mod, True)


def test_deictic_expressions_keep_the_article_date() -> None:
    """"Yesterday" and "20 years ago" count from the article date even after the text moved to 2021."""
    from newsie.normalize.dates import Reference

    ref = Reference(R)
    assert resolve_date("yesterday", A, "past", reference=ref).value == "2023-02-01"
    assert resolve_date("last week", A, "past", reference=ref).value == "2023-W04"
    # "20 years ago" is a point, the year (TimeML), not the duration P20Y
    tv = resolve_date("20 years ago", A, "past", reference=ref)
    assert (tv.value, tv.precision) == ("2003", "year")
    assert resolve_date("a decade ago", A, "past").value == "2013"


def test_a_coarse_reference_cannot_give_a_day() -> None:
    """After "in 2021" only year arithmetic is possible: "two days later" stays a duration."""
    from newsie.normalize.dates import Reference

    year_ref = Reference(dt.date(2021, 1, 1), "year")
    assert resolve_date("a year later", A, "past", reference=year_ref).value == "2022"
    tv = resolve_date("two days later", A, "past", reference=year_ref)
    assert (tv.value, tv.precision) == ("P2D", "duration")


def test_far_reference_lends_its_year() -> None:
    """A biography: "In 1831 he was arrested again. On July 14 he led a march; in October he was tried." The
    reference (1831) lends its year, moving forward: "30 May" after October 1831 is May 1832."""
    from newsie.normalize.dates import Reference

    doc_date = dt.date(2004, 6, 1)
    ref = Reference(dt.date(1831, 1, 1), "year", far=True)
    assert resolve_date("July 14", doc_date, "past", reference=ref).value == "1831-07-14"
    october = Reference(dt.date(1831, 10, 1), "month", far=True)
    assert resolve_date("30 May", doc_date, "past", reference=october).value == "1832-05-30"
    near = Reference(dt.date(2004, 3, 1), "month", far=False)  # news: the article date decides
    assert resolve_date("March 14", doc_date, "past", reference=near).value == "2004-03-14"


def test_no_invented_years_in_generic_text() -> None:
    """A travel guide: "The ferry runs from July to September; in winter the island is quiet." """
    for text, value in [("July", "XXXX-07"), ("in winter", "XXXX-WI"), ("July to September", "XXXX-07/XXXX-09"),
                        ("mid-August", "XXXX-08"), ("summers", "XXXX-SU")]:
        tv = resolve_date(text, A, "present", generic=True)
        assert tv is not None and (tv.value, tv.anchored) == (value, False), text
    # a month tied to the article date by its own words is still dated
    assert resolve_date("last November", A, None, generic=True).value == "2022-11"
    assert resolve_date("the 1990s", A, None, generic=True).value == "199"


@pytest.mark.parametrize(("text", "value", "precision", "mod"), [
    # durations and sets: "Prices have risen for over a decade."; "Shares fell for the fourth week in a row."
    ("over a decade", "P1DE", "duration", "MORE_THAN"),  # P1DE is P10Y
    ("over the weekend", "2023-W04-WE", "week", None),  # "over" only bounds a duration (past: the last one)
    ("the fourth week in a row", "P4W", "duration", None),
    ("a third straight year", "P3Y", "duration", None),
    ("single-day", "P1D", "duration", None),  # "the largest single-day drop"
    ("every year", "P1Y", "duration", "EVERY"),
    # times keep their zone and part of day: "The polls close at 18:00 UTC."; "Fans gathered Thursday night."
    ("18:00 UTC", "2023-02-02T18:00Z", "time", None),
    ("9 pm EST", "2023-02-02T21:00-05:00", "time", None),
    ("Thursday night", "2023-02-02TNI", "time", None),
    # forms that had no value: "The club was founded in '80."; "Jazz in the '30s"; holidays
    ("in '80", "1980", "year", None),
    ("in '15", "2015", "year", None),
    ("the '30s", "193", "decade", None),
    ("Thanksgiving", "2022-11-24", "day", None),  # "Sales peaked at Thanksgiving."
    ("Christmas Day", "2022-12-25", "day", None),
    ("Easter 2024", "2024-03-31", "day", None),
    ("AD 842", "0842", "year", None),
    ("the twentieth century", "19", "century", None),
    ("the 1800s", "18", "century", None),
    ("the sixties", "196", "decade", None),
    ("1930's", "193", "decade", None),
    ("March to August 2011", "2011-03/2011-08", "month", None),
    ("5-6 September 2019", "2019-09-05/2019-09-06", "day", None),
    ("from July to September", "2022-07/2022-09", "month", None),  # the end follows the start
    # TimeML: "the start of this year" is the year with mod START (what the scorer reads as its first half)
    ("the start of this year", "2023", "year", "START"),
])
def test_new_forms(text: str, value: str, precision: str, mod) -> None:
    tv = resolve_date(text, A, "past")
    assert tv is not None, text
    assert (tv.value, tv.precision, tv.mod) == (value, precision, mod)


def test_no_anchor_ignores_reference() -> None:
    """Without an article date the output is as before: the reference and the generic flag do nothing."""
    from newsie.normalize.dates import Reference

    for text, value in UNANCHORED:
        tv = resolve_date(text, None, "past", reference=Reference(R), generic=True)
        assert tv is not None and tv.value == value and tv.anchored is False
    tv = resolve_date("two days later", None, "past", reference=Reference(R))
    assert (tv.value, tv.precision) == ("P2D", "duration")


@pytest.mark.parametrize(("text", "value", "precision"), [
    # eras: "The temple was finished in 438 BC."; "Pericles ruled Athens in the 5th century BC.";
    # "The baths date from the 2nd century AD."; "The harbour was rebuilt between 490 and 479 B.C."
    ("438 BC", "BC0438", "year"),
    ("480 B.C.", "BC0480", "year"),
    ("the 5th century BC", "BC04", "century"),
    ("the fifth century BCE", "BC04", "century"),
    ("the 430s BC", "BC043", "decade"),
    ("the 2nd century AD", "01", "century"),
    ("AD 79", "0079", "year"),
    ("between 490 and 479 B.C.", "BC0490/BC0479", "year"),  # BC years count down: still start/end
    ("from 27 BC to AD 14", "BC0027/0014", "year"),
])
def test_eras(text: str, value: str, precision: str) -> None:
    for anchor in (A, None):  # an era fixes the year: the same value with or without an article date
        tv = resolve_date(text, anchor, "past")
        assert tv is not None, text
        assert (tv.value, tv.precision, tv.anchored) == (value, precision, False)


def test_generic_text_ignores_its_history_paragraph() -> None:
    """A guide's "The fort was built in 1602. The museum opens in June." : June of any year, not 1602's."""
    from newsie.normalize.dates import Reference

    far = Reference(dt.date(1602, 1, 1), "year", 0, far=True)
    assert resolve_date("June", A, "present", reference=far, generic=True).value == "XXXX-06"
    # in a text with a narrative time the far reference still lends its year
    assert resolve_date("June", A, "past", reference=far).value == "1602-06"


def test_back_is_ago() -> None:
    """"We met two years back." / "a few months back": counted from the article date, like "ago"."""
    assert resolve_date("two years back", A, "past").value == "2021"
    assert resolve_date("a few months back", A, "past").value == "PAST_REF"
