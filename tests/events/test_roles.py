"""Role finders on small real news-style sentences (one rule per test)."""

from __future__ import annotations


def test_subject_and_object(run, pick) -> None:
    rec = pick(run("Police arrested 12 protesters in Paris on Saturday."), "ARREST")
    assert rec.actors[0].text == "Police" and rec.actors[0].rule == "subject"
    assert rec.targets[0].text == "12 protesters" and rec.targets[0].rule == "object"
    assert rec.location.text == "Paris" and rec.time.text == "Saturday"


def test_passive_agent_and_passive_subject(run, pick) -> None:
    rec = pick(run("Two journalists were arrested by the military police in Minsk."), "ARREST")
    assert rec.actors[0].text.startswith("military police") and rec.actors[0].rule == "agent"
    assert rec.targets[0].text == "Two journalists" and rec.targets[0].rule == "passive_subject"


def test_controlled_subject_through_xcomp_chain(run, pick) -> None:
    rec = pick(run("China has decided to send 500 engineers to Pakistan."), "DECIDE")
    assert rec.actors[0].norm == "China"
    assert rec.theme.text == "500 engineers" and rec.theme.rule.startswith("embedded:DEPLOY")
    assert rec.destination.norm == "Pakistan"
    assert (rec.quantity.min, rec.quantity.max) == (500, 500)


def test_order_absorbs_the_chain_to_be_sent(run, pick) -> None:
    records = run("The North Korean authorities ordered the factories to recruit 200 workers to be sent to Russia.")
    rec = pick(records, "ORDER")
    assert [r.type for r in records] == ["ORDER"], "recruit/sent are part of the order"
    assert rec.actors[0].norm == "North Korea" and rec.targets[0].text == "factories"
    assert rec.theme.text == "recruit 200 workers to be sent to Russia"
    assert rec.destination.text == "Russia"


def test_nominal_trigger_with_support_verb(run, pick) -> None:
    rec = pick(run("The rebels launched a major offensive against the capital on Monday."), "OFFENSIVE")
    assert rec.trigger.text == "offensive" and rec.actors[0].text == "rebels"
    assert rec.targets[0].text == "capital" and rec.time.text == "Monday"


def test_possessor_of_nominal_trigger(run, pick) -> None:
    rec = pick(run("Russia's invasion of Ukraine began in February 2022."), "OCCUPY")
    assert rec.actors[0].norm == "Russia" and rec.cameo == "192"


def test_misparsed_dative_recipient_and_theme_retyping(run, pick) -> None:
    rec = pick(run("The United States will send Ukraine more rockets."), "TRANSFER")
    assert rec.actors[0].norm == "United States" and rec.destination.norm == "Ukraine"
    assert rec.theme.text == "more rockets" and rec.cameo == "072" and rec.modality == "planned"


def test_deploying_weapons_is_not_a_transfer(run, pick) -> None:
    rec = pick(run("Russia will deploy nuclear weapons in Belarus, Putin said on Saturday."), "DEPLOY")
    assert rec.location.norm == "Belarus" and rec.source.norm == "Vladimir Putin" and rec.modality == "planned"


def test_send_people_stays_deploy(run, pick) -> None:
    rec = pick(run("Britain sent 200 soldiers to Estonia."), "DEPLOY")
    assert rec.destination.norm == "Estonia" and rec.theme.text == "200 soldiers"
    assert rec.quantity.unit == "soldiers"


def test_object_owner_as_target(run, pick) -> None:
    rec = pick(run("The minister criticised China's decision to expel the diplomats."), "CRITICIZE")
    assert rec.targets[0].norm == "China" and rec.theme.text.startswith("China's decision")


def test_statement_content_and_named_speaker(run, pick) -> None:
    rec = pick(run("Joe Biden said the economy was strong."), "STATEMENT")
    assert rec.actors[0].norm == "Joe Biden"
    assert rec.theme.text == "the economy was strong"


def test_statement_by_unnamed_speaker_is_dropped(run) -> None:
    assert run("The source added that the economy was strong.") == []


def test_clause_place_fallback(run, pick) -> None:
    rec = pick(run("Thousands of people protested against the war in Tbilisi."), "PROTEST")
    assert rec.location.text == "Tbilisi" and rec.location.rule == "clause_place"
    assert rec.theme.text.startswith("war")


def test_capital_is_a_place_unless_it_acts(run, pick) -> None:
    visit = pick(run("The minister is expected to visit Berlin on Monday."), "VISIT")
    assert visit.targets[0].text == "Berlin" and visit.targets[0].norm == "Berlin"
    attack = pick(run("Moscow may attack Kyiv next week."), "ATTACK")
    assert attack.actors[0].norm == "Russia" and attack.targets[0].norm == "Kyiv"


def test_relative_pronoun_is_its_noun(run, pick) -> None:
    rec = pick(run("The army said the soldiers who were injured on Sunday are recovering."), "INJURE")
    assert rec.targets[0].text == "soldiers" and "coref:relative" in rec.targets[0].rule


def test_participle_modifier_noun_is_the_patient(run, pick) -> None:
    rec = pick(run("Rights groups visited 125 prisoners detained in Israeli prisons."), "ARREST")
    assert not rec.actors and rec.targets[0].text.startswith("125 prisoners")


def test_nominal_of_same_type_is_absorbed(run) -> None:
    records = run("Leaders of the states agreed to a deal with the prime minister on Friday.")
    assert [r.type for r in records] == ["AGREE"]
    assert records[0].theme.text.startswith("deal")


def test_speaker_is_not_their_own_source(run, pick) -> None:
    rec = pick(run("Joe Biden noted the risks, saying the economy was strong."), "STATEMENT")
    assert rec.actors[0].norm == "Joe Biden" and rec.source is None


def test_purpose_clause_takes_time_and_place(run, pick) -> None:
    rec = pick(run("Hundreds of protesters gathered in Tehran on Friday to protest against the government."), "PROTEST")
    assert rec.location.text == "Tehran" and rec.location.rule == "clause_place:purpose"
    assert rec.time.text == "Friday" and rec.time.rule.startswith("time:purpose")
