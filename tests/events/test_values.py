"""Issue #17, class 4: values.  The time from the record's own clause, then its mentions, then (marked) the article
date; never a number that is not a date; casualties as ranges summed over coordinated groups.  Entities fixed.
"""

from __future__ import annotations

import pytest


def _casualties(rec) -> dict:
    c = rec.casualties
    if c is None:
        return {}
    return {kind: (v.min, v.max, v.approx, [p.text for p in v.parts])
            for kind, v in (("killed", c.killed), ("injured", c.injured)) if v is not None}


def test_relative_date_anchored_on_the_dateline(run_fixed, pick) -> None:
    """Before: no article date, so "yesterday" had no value (dev: gum-news-korea)."""
    text = "North Korea shells border town\nFriday, August 21, 2015\nNorth Korea shelled a border town yesterday."
    rec = pick(run_fixed(text, {"North Korea": "GPE", "Friday, August 21, 2015": "DATE", "yesterday": "DATE"},
                         date=None), "SHELLING")
    assert rec.time.text == "yesterday" and rec.time.value == "2015-08-20"
    assert "dateline_date" in (rec.time.rule or "") or rec.time.value == "2015-08-20"


def test_a_number_is_no_time(run_fixed, pick) -> None:
    """An age tagged DATE is no time (a guard: the bare-number rule; this sentence already passed before)."""
    rec = pick(run_fixed("Thomas Sam, 42, was arrested in Sydney.", {"Thomas Sam": "PERSON", "42": "DATE",
                                                                      "Sydney": "GPE"}), "ARREST")
    assert rec.time is None


def test_time_of_the_own_clause(run_fixed, pick) -> None:
    rec = pick(run_fixed("Thomas Sam, 42, was arrested in Sydney on Thursday night.",
                         {"Thomas Sam": "PERSON", "42": "DATE", "Sydney": "GPE", "Thursday night": "TIME"}), "ARREST")
    assert rec.time.text == "Thursday night"


def test_time_fronted_over_a_parenthetical_frame(run_fixed) -> None:
    """Before (dev re3d-centcom-iraqi-forces): "the past 24 hours" was the time of "said", not of the strikes."""
    text = "Also in the past 24 hours, Davis said, the U.S.-led\ncoalition attacked five ISIL targets."
    records = run_fixed(text, {"the past 24 hours": "TIME", "Davis": "PERSON", "U.S.-led": "GPE", "ISIL": "ORG"})
    attack = next(r for r in records if r.type == "ATTACK")
    assert attack.time is not None and attack.time.text == "the past 24 hours"
    assert all(r.time is None for r in records if r.type == "STATEMENT")


def test_today_without_a_date_entity_is_the_article_date(run_fixed, pick) -> None:
    rec = pick(run_fixed("Police arrested the mayor today.", {}, date="2023-02-02"), "ARREST")
    assert rec.time.value == "2023-02-02" and rec.time.rule == "time:article_date:today"


def test_nominal_subject_takes_its_clause_time(run_fixed, pick) -> None:
    rec = pick(run_fixed("The attack on the market began on Monday.", {"Monday": "DATE"}), "ATTACK")
    assert rec.time.text == "Monday" and rec.time.rule.startswith("time:subject_clause")


@pytest.mark.parametrize(
    ("text", "ents", "type_", "want"),
    [
        # the case: "60 X and 15 Y were killed" kept only 60
        ("Gunmen attacked a market in Kabul. 60 soldiers and 15 civilians were killed.",
         {"Kabul": "GPE", "60": "CARDINAL", "15": "CARDINAL"}, "ATTACK",
         {"killed": (75, 75, False, ["60", "15"])}),
        ("A suicide bomber attacked a market in Kabul on Monday. At least 60 soldiers and 15 civilians were killed "
         "and about 40 people were wounded.",
         {"Kabul": "GPE", "Monday": "DATE", "At least 60": "CARDINAL", "15": "CARDINAL", "about 40": "CARDINAL"},
         "ATTACK", {"killed": (75, None, False, ["At least 60", "15"]), "injured": (40, 40, True, ["about 40"])}),
        # "N dead and M wounded" gave nothing structured
        ("Gunmen attacked a bus in Kabul, leaving 12 dead and 30 wounded.",
         {"Kabul": "GPE", "12": "CARDINAL", "30": "CARDINAL"}, "ATTACK",
         {"killed": (12, 12, False, ["12"]), "injured": (30, 30, False, ["30"])}),
        ("North Korea shelled the border town yesterday. No injuries or deaths were reported.",
         {"North Korea": "GPE", "yesterday": "DATE"}, "SHELLING",  # "shelled": CAMEO 194, the finer type
         {"killed": (0, 0, False, []), "injured": (0, 0, False, [])}),
        ("The blast killed 5 people and injured 20 others in Kabul.",
         # GUIDELINES 6.6: the injuries conjoined with the blast's killing are its casualties too (no INJURE record)
         {"5": "CARDINAL", "20": "CARDINAL", "Kabul": "GPE"}, "KILL",
         {"killed": (5, 5, False, ["5"]), "injured": (20, 20, False, ["20"])}),
    ],
)
def test_casualties(run_fixed, pick, text, ents, type_, want) -> None:
    rec = pick(run_fixed(text, ents), type_)
    assert _casualties(rec) == want


def test_no_casualties_for_a_meeting(run_fixed, pick) -> None:
    rec = pick(run_fixed("Putin met Xi in Beijing. 12 people were killed in a storm.",
                         {"Putin": "PERSON", "Xi": "PERSON", "Beijing": "GPE", "12": "CARDINAL"}), "MEET")
    assert rec.casualties is None
