"""Event coreference (merge.py): event anaphora from coref.yaml, indefinite nominals, shared themes,
one clause's nominal, participants in different roles."""

from __future__ import annotations

from newsie.events.resources import CorefData, load_coref


def test_definite_noun_is_a_mention_of_the_earlier_record(run, pick) -> None:
    records = run("Apple sued Samsung in California on Monday. Lawyers expect the case to last two years.")
    rec = pick(records, "SUE")
    assert [m.text for m in rec.mentions] == ["sued", "case"] and rec.mentions[1].sentence == 1
    assert "event_anaphor" in rec.rule


def test_event_anaphor_makes_no_record_of_its_own(run) -> None:
    assert not [r for r in run("Lawyers expect the case to last two years.") if r.type == "SUE"]


def test_event_anaphor_types_are_validated() -> None:
    data = load_coref().model_dump()
    data["event_anaphors"]["nouns"]["deal"] = ["NO_SUCH_TYPE"]
    try:
        CorefData.model_validate(data)
    except ValueError as err:
        assert "NO_SUCH_TYPE" in str(err)
    else:  # pragma: no cover
        raise AssertionError("an unknown type was accepted")


def test_headline_event_and_indefinite_body_mention(run, pick) -> None:
    records = run("Attack on convoy\nAn attack on a convoy near Mosul killed 12 soldiers on Monday.")
    rec = pick(records, "ATTACK")
    assert [m.text for m in rec.mentions] == ["Attack", "attack"]


def test_indefinite_mention_elsewhere_is_a_new_event(run) -> None:
    records = run("Rebels attacked a convoy near Mosul on Monday. Hours later an attack hit a market.")
    assert len([r for r in records if r.type == "ATTACK"]) == 2


def test_same_theme_links_two_verbal_mentions(run, pick) -> None:
    records = run("The foundation donated 500 paintings to the city museum in March. "
                  "The paintings were donated to mark its anniversary.")
    rec = pick(records, "TRANSFER")
    assert [m.text for m in rec.mentions] == ["donated", "donated"]


def test_nominal_in_the_verbs_clause_is_the_same_event(run, pick) -> None:
    records = run("US aircraft attacked the bridge near Mosul on Monday in an airstrike.")
    rec = pick(records, "AIRSTRIKE")  # the specific type of the nominal
    assert [m.text for m in rec.mentions] == ["attacked", "airstrike"]


def test_actor_and_target_in_different_mentions_do_not_conflict(run, pick) -> None:
    records = run("The European Union imposed sanctions on Monday. "
                  "The sanctions on Syria freeze the assets of 12 officials.")
    rec = pick(records, "SANCTION")
    assert len(rec.mentions) == 2
    assert [a.norm for a in rec.actors] == ["European Union"] and [t.norm for t in rec.targets] == ["Syria"]


def test_restating_verb_is_a_mention_of_the_event_just_reported(run, pick) -> None:
    rec = pick(run("Merkel met Macron in Paris on Monday. The two leaders discussed trade and migration."), "MEET")
    assert [m.text for m in rec.mentions] == ["met", "discussed"]


def test_restating_verb_far_from_the_event_is_not_its_mention(run, pick) -> None:
    records = run("Merkel met Macron in Paris on Monday. Officials praised the outcome. Ministers arrived later. "
                  "Journalists waited outside. Diplomats discussed the budget on Friday.")
    assert [m.text for m in pick(records, "MEET").mentions] == ["met"]


def test_headline_verb_names_the_first_body_event_of_its_type(run, pick) -> None:
    records = run("Chief engineer leaves Apple\n"
                  "Apple's chief engineer Mark Papermaster is stepping down, the company said on Monday.")
    rec = pick(records, "RESIGN")
    assert sorted(m.text for m in rec.mentions) == ["leaves", "stepping"]


def test_definite_noun_joins_a_record_of_another_type_it_can_name(run, pick) -> None:
    records = run("Apple and EMI settled their dispute on Monday. This agreement ends a decade of litigation.")
    rec = pick(records, "SETTLE")
    assert [m.text for m in rec.mentions] == ["settled", "agreement"]
    assert not [r for r in records if r.type == "AGREE"]


def test_consequence_verb_right_after_an_attack_is_its_mention(run, pick) -> None:
    records = run("Coalition aircraft bombed an ISIL convoy near Mosul on Monday. Three trucks were destroyed.")
    rec = pick(records, "ATTACK")
    assert [m.text for m in rec.mentions] == ["bombed", "destroyed"]


def test_indefinite_noun_in_its_verbs_clause_is_its_mention(run, pick) -> None:
    rec = pick(run("The agency said in a statement that the search would continue."), "STATEMENT")
    assert [m.text for m in rec.mentions] == ["said", "statement"]
