"""The extractor's use of the CAMEO coder and the actor coder (records' ``cameo``, participants' codes)."""

from __future__ import annotations


def test_finer_cameo_code_of_the_records_branch(run, pick) -> None:
    rec = pick(run("Ukrainian troops attacked Russian positions on Tuesday."), "ATTACK")
    assert rec.cameo == "193"  # the dictionary's "attack ... positions"; the lexicon says 190
    assert rec.cameo_root == "19"
    assert "+cameo:pattern:" in rec.rule


def test_a_code_from_another_branch_is_not_taken(run, pick) -> None:
    # the dictionary reads "attacked the proposal" as criticism (111); an ATTACK record keeps its branch
    rec = pick(run("Rebels attacked the proposal on Monday."), "ATTACK")
    assert rec.cameo == "190"
    assert "+cameo:" not in rec.rule


def test_participants_get_actor_codes_and_countries(run, pick) -> None:
    rec = pick(run("Ukrainian troops attacked Russian positions on Tuesday."), "ATTACK")
    assert [(a.code, a.country) for a in rec.actors] == [("UKRMIL", "UKR")]
    assert [a.country for a in rec.targets] == ["RUS"]


def test_office_holders_are_coded_on_the_article_date(run, pick) -> None:
    rec = pick(run("Joe Biden met Vladimir Putin in Geneva.", date="2023-02-02"), "MEET")
    assert rec.actors[0].code == "USAGOV"
    rec = pick(run("Joe Biden met Vladimir Putin in Geneva.", date="2005-06-01"), "MEET")
    assert rec.actors[0].code == "USAELI"


def test_an_accident_is_no_killing(run) -> None:
    records = run("Two people were killed in a car accident on Sunday.")
    assert not [r for r in records if r.type == "KILL"]
    # the same verb with an attacker is a killing
    assert [r for r in run("Gunmen killed two people on Sunday.") if r.type == "KILL"]


def test_sports_copy_is_not_coded(run) -> None:
    assert not [r for r in run("Zidane attacked Materazzi during the World Cup final.") if r.type == "ATTACK"]
    assert [r for r in run("Rebels attacked the army base on Monday.") if r.type == "ATTACK"]
