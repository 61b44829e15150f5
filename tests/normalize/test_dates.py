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
])
def test_tense_of(nlp, sentence: str, date_text: str, tense: str) -> None:
    from newsie.api import make_doc
    from newsie.normalize.dates import tense_of

    doc = nlp(make_doc(nlp, sentence, date="2023-02-02"))
    start = sentence.index(date_text)
    span = doc.char_span(start, start + len(date_text), alignment_mode="expand")
    assert tense_of(span) == tense
