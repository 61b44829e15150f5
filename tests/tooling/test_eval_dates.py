"""The date scorer: day intervals from GUM and TIMEX3 values, the GUM XML reader, and the scores on tuning sets."""

from __future__ import annotations

import datetime as dt

import pytest

from newsie.tooling import eval_dates as E


@pytest.mark.parametrize(("value", "first", "last"), [
    ("2003", (2003, 1, 1), (2003, 12, 31)),
    ("2003-07", (2003, 7, 1), (2003, 7, 31)),
    ("2008-02", (2008, 2, 1), (2008, 2, 29)),
    ("2003-07-04T10:00Z", (2003, 7, 4), (2003, 7, 4)),
    ("--07", (None, 7, 1), (None, 7, 31)),
    ("XXXX-07", (None, 7, 1), (None, 7, 31)),
    ("XXXX-WI", (None, 12, 1), (None, 3, 31)),
    ("2009-W05", (2009, 1, 26), (2009, 2, 1)),
    ("2009-W05-WE", (2009, 1, 31), (2009, 2, 1)),
    ("2009-Q4", (2009, 10, 1), (2009, 12, 31)),
    ("2009-H1", (2009, 1, 1), (2009, 6, 30)),
    ("2010-SU", (2010, 6, 1), (2010, 9, 30)),  # GUM's summer: June to September
    ("2010-WI", (2010, 12, 1), (2011, 3, 31)),
    ("199", (1990, 1, 1), (1999, 12, 31)),
    ("19", (1900, 1, 1), (1999, 12, 31)),
    ("0347", (347, 1, 1), (347, 12, 31)),
])
def test_iso_bounds(value: str, first, last) -> None:
    assert E.iso_bounds(value) == (first, last)


def test_not_intervals() -> None:
    assert E.iso_bounds("P2Y") is None
    assert E.timex_key("P2Y") == "P2Y"  # compared as a string
    assert E.timex_key("PAST_REF") == "PAST_REF"


def test_gum_and_timex_meet_on_intervals() -> None:
    assert E.gum_key({"when": "2015-08"}) == E.timex_key("2015-08")
    assert E.gum_key({"from": "2015-08-03", "to": "2015-08-09"}) == E.timex_key("2015-W32")
    assert E.gum_key({"notAfter": "2015-08-02"}) == E.timex_key("2015-08-02", "BEFORE")
    assert E.gum_key({"from": "1922", "to": "2013"}) == E.timex_key("1922/2013")
    dct = dt.date(2015, 8, 2)
    assert E.timex_key("PAST_REF", dct=dct) == E.gum_key({"notAfter": "2015-08-02"})
    assert E.timex_key("PRESENT_REF", dct=dct) == E.gum_key({"when": "2015-08-02"})


def test_early_and_late_are_parts() -> None:
    assert E.timex_key("2006-10", "START") == ((2006, 10, 1), (2006, 10, 15))
    assert E.timex_key("XXXX-04", "END") == ((None, 4, 15), (None, 4, 30))
    assert E.timex_key("195", "END") == ((1955, 1, 1), (1959, 12, 31))
    assert E.timex_key("19", "END") == ((1975, 1, 1), (1999, 12, 31))
    assert E.timex_key("195", "END", use_mod=False) == ((1950, 1, 1), (1959, 12, 31))  # MEANTIME


GUM_XML = """<text id="GUM_news_test" partition="train" type="news" dateCreated="2015-08-02">
<head>
<s type="frag">
<date when="2015-08-02">
Sunday\tNP
,\t,
August\tNP
2\tCD
,\t,
2015\tCD
</date>
</s>
</head>
<p>
<s type="decl">
It\tPP
opened\tVVD
<date from="2015-07-27" to="2015-08-02">
last\tJJ
week\tNN
</date>
.\tSENT
</s>
</p>
</text>
"""


def test_read_gum(tmp_path) -> None:
    (tmp_path / "gum" / "xml").mkdir(parents=True)
    (tmp_path / "gum" / "xml" / "GUM_news_test.xml").write_text(GUM_XML, encoding="utf-8")
    (doc,) = E.read_gum(tmp_path, "train")
    assert E.read_gum(tmp_path, "dev") == []
    assert doc.dct == dt.date(2015, 8, 2) and doc.group == "news"
    assert [doc.words[d.start:d.end] for d in doc.dates] == [["Sunday", ",", "August", "2", ",", "2015"],
                                                              ["last", "week"]]
    assert doc.dates[1].key == ((2015, 7, 27), (2015, 8, 2))
    assert "\n" in doc.words  # the heading is a line of its own
    assert E._spaces(["August", "2", ",", "2015"]) == [True, False, True, False]


def test_dateparser_baseline_formats_by_period() -> None:
    anchor = dt.date(2023, 2, 2)
    assert E.dateparser_key("January 20, 2023", anchor, "past") == E.timex_key("2023-01-20")
    assert E.dateparser_key("November 2022", anchor, None) == E.timex_key("2022-11")


def test_dateparser_misreads_an_age_range() -> None:
    """Why dateparser is not wrapped blindly: its default parse reads the age range "19 to 27" as a date."""
    import dateparser

    from newsie.normalize.dates import resolve_date

    assert dateparser.parse("19 to 27") is not None
    assert resolve_date("19 to 27", dt.date(2023, 2, 2), None) is None


def test_unknown_set(tmp_path) -> None:
    with pytest.raises(ValueError, match="unknown set"):
        E.read_set(tmp_path, "gum-test")


def test_cli_without_corpora(tmp_path) -> None:
    assert E.main(["--set", "gum-train", "--corpora", str(tmp_path)]) == 2


@pytest.mark.corpora
def test_tuning_sets_beat_dateparser(corpora, nlp) -> None:
    """MEANTIME airbus + apple (tuning sets; corpus_gm and GUM dev are held out and not run by tests)."""
    results = E.evaluate(corpora, ["meantime-airbus", "meantime-apple"], nlp=nlp, cache=False)
    for name, result in results.items():
        c = result["groups"]["ALL"]
        table = E.format_table(name, result)
        print(table)
        assert c["newsie"] / c["found"] >= 0.85, table
        assert c["newsie"] / c["gold"] >= 0.75, table
        assert c["newsie"] > c["dateparser"], table


def test_bc_values_are_negative_years() -> None:
    """TIMEX3's BC values read as the negative years GUM writes ("-0438")."""
    assert E.iso_bounds("BC0438") == E.iso_bounds("-0438") == ((-438, 1, 1), (-438, 12, 31))
    assert E.iso_bounds("BC04") == ((-499, 1, 1), (-400, 12, 31))  # the 5th century BC
    assert E.iso_bounds("BC043") == ((-439, 1, 1), (-430, 12, 31))  # the 430s BC


def test_gum_decade_end_written_as_january_first() -> None:
    """GUM writes some decades/centuries' last year as its January 1: the end is that year's last day."""
    assert E.gum_key({"from": "1960-01-01", "to": "1969-01-01"}) == ((1960, 1, 1), (1969, 12, 31))
    assert E.gum_key({"from": "1000-01-01", "to": "1099-01-01"}) == ((1000, 1, 1), (1099, 12, 31))
    # a short interval between two New Year's Days is left as written
    assert E.gum_key({"from": "2001-01-01", "to": "2002-01-01"}) == ((2001, 1, 1), (2002, 1, 1))
