"""Targets that are parties (issue #16/#17): the addressee object of a speech act, the passive subject of a
directive or accusation, and the place phrase on a participant as the event's location."""

from __future__ import annotations


def test_the_addressee_of_a_statement_is_its_target(run_fixed, pick) -> None:
    records = run_fixed("Mr. Tedeschi told the court that the parents knew about the illness.",
                        {"Tedeschi": "PERSON"})
    rec = pick(records, "STATEMENT")
    assert [t.text for t in rec.targets] == ["court"] and rec.targets[0].rule == "object_party"


def test_the_passive_subject_of_an_order_is_its_target(run_fixed, pick) -> None:
    records = run_fixed("The Air Force was ordered by Congress to work with Boeing.",
                        {"Air Force": "ORG", "Congress": "ORG", "Boeing": "ORG"})
    rec = pick(records, "ORDER")
    assert [t.text for t in rec.targets] == ["Air Force"] and rec.targets[0].rule == "passive_party"
    assert rec.actors[0].text == "Congress"


def test_the_accused_of_a_passive_accusation(run_fixed, pick) -> None:
    rec = pick(run_fixed("The parents are accused of neglecting their child.", {}), "ACCUSE")
    assert [t.text for t in rec.targets] == ["parents"]


def test_a_place_on_the_target_locates_the_event(run, pick) -> None:
    """The full parse hangs "in the town of Kherson" on "families"; the place is still where the event was."""
    rec = pick(run("The army evacuated about 300 families in the town of Kherson after the shelling."), "RESCUE")
    assert rec.location is not None and "Kherson" in rec.location.text
    assert rec.location.rule == "participant_place:target"


def test_a_things_place_is_not_the_events(run_fixed, pick) -> None:
    records = run_fixed("Britain condemned the attacks in Syria.", {"Britain": "GPE", "Syria": "GPE"})
    rec = pick(records, "CRITICIZE")
    assert rec.location is None or not rec.location.rule.startswith("participant_place")


def test_the_parties_between_of_a_reciprocal_event(run, pick) -> None:
    rec = pick(run("The settlement between Sony and the two unions was announced on Monday."), "SETTLE")
    assert [a.text for a in rec.actors] == ["Sony", "two unions"]
    assert all(a.rule.startswith("between") for a in rec.actors)


def test_the_announcer_of_a_death_is_not_the_dead(run, pick) -> None:
    rec = pick(run("The Department of Defense announced today the death of a soldier in Jordan."), "DIE")
    assert [t.text for t in rec.targets] != ["Department of Defense"]
    assert "soldier" in rec.targets[0].text


def test_a_condemned_thing_is_no_target(run, pick) -> None:
    assert pick(run("Britain condemned the attacks on Monday."), "CRITICIZE").targets == []
    rec = pick(run("Britain criticised Russia on Monday."), "CRITICIZE")
    assert [t.text for t in rec.targets] == ["Russia"]


def test_a_passive_subject_pronoun_is_a_party(run, pick) -> None:
    rec = pick(run("He was arrested in May and accused of murder."), "ACCUSE")
    assert [t.text for t in rec.targets] == ["He"] and rec.targets[0].rule.startswith("passive_party")


def test_who_is_called_on_in_a_for_to_clause(run, pick) -> None:
    rec = pick(run("Britain appealed for all parties to return to the talks."), "APPEAL")
    assert [t.text for t in rec.targets] == ["all parties"] and rec.targets[0].rule == "for_subject"


def test_the_speaker_quoted_as_saying(run, pick) -> None:
    rec = pick(run("Reuters quoted Smith as saying that the talks had failed."), "STATEMENT")
    assert [a.text for a in rec.actors] == ["Smith"] and rec.actors[0].rule == "subject:quoted"


def test_a_group_noun_owning_a_nominal_attack_is_its_actor(run_fixed, pick) -> None:
    rec = pick(run_fixed("On Monday, the coalition's four airstrikes destroyed two bridges.", {}), "AIRSTRIKE")
    assert [a.text for a in rec.actors] == ["coalition"] and rec.actors[0].rule == "possessor:group"
    rec = pick(run_fixed("A coalition airstrike hit the bridge on Monday.", {}), "AIRSTRIKE")
    assert [a.text for a in rec.actors] == ["coalition"]


def test_an_attack_on_a_named_facility_is_located_there(run_fixed, pick) -> None:
    rec = pick(run_fixed("Gunmen carried out an attack on Camp Bastion on Monday.",
                         {"Camp Bastion": "FAC", "Monday": "DATE"}), "ATTACK")
    assert rec.location is not None and rec.location.text == "Camp Bastion" and rec.location.rule == "facility:on"
    assert rec.targets == []
    rec = pick(run_fixed("Gunmen carried out an attack on Kenya.", {"Kenya": "GPE"}), "ATTACK")
    assert [t.text for t in rec.targets] == ["Kenya"]


def test_an_attack_that_kills_is_the_cause_not_the_killer(run_fixed, pick) -> None:
    rec = pick(run_fixed("The senseless attack on the market killed ten residents.", {}), "KILL")
    assert rec.actors == []
    rec = pick(run_fixed("A coalition airstrike killed the commander.", {}), "KILL")
    assert [a.text for a in rec.actors] == ["coalition"] and "event-owner" in rec.actors[0].rule


def test_the_party_of_a_nominal_criticism_is_its_target(run_fixed, pick) -> None:
    rec = pick(run_fixed("The letter contrasts with his criticism of Siemens.", {"Siemens": "ORG"}), "CRITICIZE")
    assert [t.text for t in rec.targets] == ["Siemens"] and rec.targets[0].rule == "party_of:of"
    rec = pick(run_fixed("France repeated its condemnation of Maduro's crackdown.",
                         {"France": "GPE", "Maduro": "PERSON"}), "CRITICIZE")
    assert [t.text for t in rec.targets] == ["Maduro"]


def test_a_participant_ends_before_its_place_phrase(run_fixed, pick) -> None:
    rec = pick(run_fixed("The rebels killed 40 members of the Zaid tribe in Homs on Monday.",
                         {"Zaid": "NORP", "Homs": "GPE", "Monday": "DATE"}), "KILL")
    assert [t.text for t in rec.targets] == ["40 members of the Zaid tribe"]


def test_who_is_in_talks_is_their_actor(run_fixed, pick) -> None:
    rec = pick(run_fixed("Volvo is in talks with two Chinese investors.", {"Volvo": "ORG", "Chinese": "NORP"}),
               "NEGOTIATE")
    assert [a.text for a in rec.actors] == ["Volvo"] and rec.actors[0].rule == "state_subject"


def test_the_speaker_of_an_inverted_said_is_after_it(run_fixed, pick) -> None:
    rec = pick(run_fixed("Local museums, said Hartley, are required to show the donated works.",
                         {"Hartley": "PERSON"}), "STATEMENT")
    assert [a.text for a in rec.actors] == ["Hartley"]


def test_where_a_craft_crashed_into_is_the_crash_location(run_fixed, pick) -> None:
    rec = pick(run_fixed("The jetliner crashed into the Java Sea on Sunday.", {"Java Sea": "LOC", "Sunday": "DATE"}),
               "CRASH")
    assert rec.location is not None and rec.location.text == "Java Sea"


def test_a_location_is_the_named_place_in_its_phrase(run_fixed, pick) -> None:
    rec = pick(run_fixed("Police arrested two men in the town of Dover on Monday.",
                         {"Dover": "GPE", "Monday": "DATE"}), "ARREST")
    assert rec.location is not None and rec.location.text == "Dover"


def test_who_should_act_in_a_recommendation_is_its_target(run_fixed, pick) -> None:
    rec = pick(run_fixed("The agency recommended that hospitals should stop the treatment.", {}), "APPEAL")
    assert [t.text for t in rec.targets] == ["hospitals"] and rec.targets[0].rule == "complement_subject"


def test_the_party_of_a_nominal_request_asks(run_fixed, pick) -> None:
    rec = pick(run_fixed("The judge upheld the request of the City of Leeds asking schools to pay taxes.",
                         {"City of Leeds": "GPE"}), "DEMAND")
    assert [a.text for a in rec.actors] == ["City of Leeds"] and rec.targets == []
    rec = pick(run_fixed("The rebels demanded of the government that it release the prisoners.", {}), "DEMAND")
    assert [t.text for t in rec.targets] == ["government"]
