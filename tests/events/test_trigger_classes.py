"""Issue #16/#17, trigger precision and typing: rule classes tuned on the dev split, each on a sentence of its own."""

from __future__ import annotations


def _types(records) -> list[str]:
    return [r.type for r in records]


def test_killing_told_by_a_relative_clause_is_the_attacks_casualties(run_fixed, pick) -> None:
    records = run_fixed("Rebels condemned the attack on the camp that killed 12 residents.", {})
    assert "KILL" not in _types(records)


def test_struck_and_killed_by_an_airstrike_is_one_event(run_fixed) -> None:
    records = run_fixed("The commander was struck and killed by a coalition airstrike near Tabqa.", {"Tabqa": "GPE"})
    assert "KILL" not in _types(records)


def test_victims_named_by_a_relative_clause_are_no_event(run_fixed) -> None:
    text = "We express our condolences to the families of those who were injured or who died in Ankara."
    records = run_fixed(text, {"Ankara": "GPE"})
    assert not {"INJURE", "DIE"} & set(_types(records))


def test_participle_used_as_adjective_is_no_event(run_fixed) -> None:
    records = run_fixed("The investigating officer will present the findings on Monday.", {"Monday": "DATE"})
    assert "INVESTIGATE" not in _types(records)


def test_discard_phrase_keeps_a_lawsuit(run_fixed, pick) -> None:
    text = "The Beatles' label Apple Corps sued Apple Computer in the High Court on Monday."
    records = run_fixed(text, {"Apple Corps": "ORG", "Apple Computer": "ORG", "Monday": "DATE"})
    pick(records, "SUE")


def test_habitual_adverb_is_no_event(run_fixed) -> None:
    records = run_fixed("Manufacturers normally supply technical assistance to investigators.", {})
    assert "TRANSFER" not in _types(records)


def test_agree_needs_a_commitment(run_fixed, pick) -> None:
    assert "AGREE" not in _types(run_fixed('"I agree," Roche wrote.', {"Roche": "PERSON"}))
    pick(run_fixed("Germany and France agreed to withdraw their troops.", {"Germany": "GPE", "France": "GPE"}), "AGREE")


def test_agentless_passive_request_is_a_procedure(run_fixed) -> None:
    records = run_fixed("Each caller will be asked to identify themselves before the briefing.", {})
    assert "APPEAL" not in _types(records)


def test_telling_someone_to_act_is_an_appeal(run_fixed, pick) -> None:
    text = "Indonesia's transport minister told airlines not to buy European aircraft on Monday."
    rec = pick(run_fixed(text, {"Indonesia": "GPE", "European": "NORP", "Monday": "DATE"}), "APPEAL")
    assert rec.actors


def test_requesting_help_is_an_appeal(run_fixed, pick) -> None:
    records = run_fixed("The agency BEA has requested financial assistance from Airbus.", {"BEA": "ORG", "Airbus": "ORG"})
    pick(records, "APPEAL")
    assert "DEMAND" not in _types(records)


def test_kidnapping_is_an_abduction(run_fixed, pick) -> None:
    rec = pick(run_fixed("Gunmen kidnapped two Moroccans in Baghdad in October 2005.",
                         {"Moroccans": "NORP", "Baghdad": "GPE", "October 2005": "DATE"}), "ABDUCT")
    assert rec.cameo == "181"


def test_condolences_are_sympathy(run_fixed, pick) -> None:
    pick(run_fixed("The United States offered its condolences to the families of the victims.",
                   {"The United States": "GPE"}), "SYMPATHIZE")


def test_welcoming_a_decision_is_praise_welcoming_guests_is_not(run_fixed, pick) -> None:
    pick(run_fixed("Britain welcomed the decision of the EU.", {"Britain": "GPE", "EU": "ORG"}), "PRAISE")
    assert "PRAISE" not in _types(run_fixed("Jobs welcomed everyone to the event.", {"Jobs": "PERSON"}))


def test_announcing_an_event_is_a_statement_too(run_fixed, pick) -> None:
    text = "The Department of Defense announced today the death of a soldier in Jordan."
    records = run_fixed(text, {"The Department of Defense": "ORG", "Jordan": "GPE", "today": "DATE"})
    pick(records, "STATEMENT")


def test_findings_that_confirm_are_no_statement(run_fixed) -> None:
    records = run_fixed("The results confirm the existence of a deficiency in the population.", {})
    assert "STATEMENT" not in _types(records)


def test_a_commercial_order_is_a_purchase(run_fixed, pick) -> None:
    text = "Airbus has won an order from Qatar Airways for up to 60 jets."
    records = run_fixed(text, {"Airbus": "ORG", "Qatar Airways": "ORG", "up to 60": "CARDINAL"})
    assert "ORDER" not in _types(records)
    assert "PURCHASE" in _types(records)


def test_a_declared_commitment_is_a_promise(run_fixed, pick) -> None:
    text = "The United States remains committed to assisting the refugees."
    pick(run_fixed(text, {"The United States": "GPE"}), "PROMISE")
    assert "PROMISE" not in _types(run_fixed("The man committed a crime in Paris.", {"Paris": "GPE"}))


def test_barrel_bomb_attacks_are_air_strikes(run_fixed, pick) -> None:
    text = "Hammond condemned the barrel bomb attacks by the Syrian regime in Aleppo on Monday."
    records = run_fixed(text, {"Hammond": "PERSON", "Syrian": "NORP", "Aleppo": "GPE", "Monday": "DATE"})
    rec = pick(records, "AIRSTRIKE")
    assert rec.cameo == "195"


def test_not_saying_whether_is_declining_to_comment(run_fixed, pick) -> None:
    text = "Papermaster left the company, but Apple did not say whether he decided to leave."
    records = run_fixed(text, {"Papermaster": "PERSON", "Apple": "ORG"})
    pick(records, "DECLINE_COMMENT")
    assert not {"STATEMENT", "DECIDE"} & set(_types(records))


def test_a_judge_barring_someone_is_a_ruling(run_fixed, pick) -> None:
    text = "A federal judge barred him from working until April 2009."
    pick(run_fixed(text, {"April 2009": "DATE"}), "RULING")
    assert "RULING" not in _types(run_fixed("Police barred protesters from the square.", {}))


def test_a_maker_selling_planes_and_receiving_orders_sells(run_fixed, pick) -> None:
    text = "In 2004, Airbus sold more planes than Boeing."
    pick(run_fixed(text, {"Airbus": "ORG", "Boeing": "ORG", "2004": "DATE"}), "SELL")
    pick(run_fixed("Boeing has received far more orders than Airbus.", {"Airbus": "ORG", "Boeing": "ORG"}), "SELL")


def test_weighing_an_option_is_consider_an_opinion_is_not(run_fixed, pick) -> None:
    pick(run_fixed("Local air carriers are considering the possibility of fleet expansions.", {}), "CONSIDER")
    assert "CONSIDER" not in _types(run_fixed("We consider he has reached the wrong conclusion.", {}))
    assert "CONSIDER" not in _types(run_fixed("The group is considered a threat by Iraq.", {"Iraq": "GPE"}))


def test_postponing_a_visit_is_cancel(run_fixed, pick) -> None:
    text = "President Yudhoyono has postponed a diplomatic visit to Europe."
    pick(run_fixed(text, {"Yudhoyono": "PERSON", "Europe": "LOC"}), "CANCEL")


def test_talks_on_a_situation_and_discussing_with_are_consultations(run_fixed, pick) -> None:
    text = "Ministers from Britain and France held talks on the humanitarian situation in Aleppo."
    records = run_fixed(text, {"Britain": "GPE", "France": "GPE", "Aleppo": "GPE"})
    assert "NEGOTIATE" not in _types(records)
    pick(run_fixed("The carrier has discussed this possibility with the BEA.", {"BEA": "ORG"}), "MEET")
    pick(run_fixed("We have been in touch with senior officials.", {}), "MEET")


def test_selecting_a_thing_is_no_selection_choosing_a_product_is_a_purchase(run_fixed, pick) -> None:
    assert "SELECT" not in _types(run_fixed("After we have selected an appropriate alternative, we will act.", {}))
    text = "Qatar Airways chose the Airbus A350 over the Boeing 787."
    records = run_fixed(text, {"Qatar Airways": "ORG", "Airbus A350": "PRODUCT", "Boeing 787": "PRODUCT"})
    pick(records, "PURCHASE")
    assert "SELECT" not in _types(records)
    text = "The Air Force selected Northrop Grumman to build the tanker."
    pick(run_fixed(text, {"Air Force": "ORG", "Northrop Grumman": "ORG"}), "SELECT")


def test_a_meeting_date_is_no_theme(run_fixed, pick) -> None:
    rec = pick(run_fixed("Johnson met Kerry in Paris on Monday.", {"Johnson": "PERSON", "Kerry": "PERSON",
                                                                    "Paris": "GPE", "Monday": "DATE"}), "MEET")
    assert rec.theme is None


def test_unneeded_and_generic_purchases_are_no_event(run_fixed, pick) -> None:
    assert "PURCHASE" not in _types(run_fixed("We do not need to buy aircraft from Europe.", {"Europe": "LOC"}))
    text = "A fee must be paid by airlines that buy the plane from Europe."
    assert "PURCHASE" not in _types(run_fixed(text, {"Europe": "LOC"}))
    pick(run_fixed("The airline that bought the plane will pay the fee.", {}), "PURCHASE")


def test_stating_one_will_use_force_is_a_threat(run_fixed, pick) -> None:
    text = "North Korea stated it would attack any loudspeakers near the border."
    rec = pick(run_fixed(text, {"North Korea": "GPE"}), "THREATEN")
    assert rec.cameo == "138"
    text = "North Korea stated it would not attack any loudspeakers near the border."
    assert "THREATEN" not in _types(run_fixed(text, {"North Korea": "GPE"}))


def test_a_party_killing_many_is_a_mass_killing(run_fixed, pick) -> None:
    text = "ISIL has killed 70 members of the tribe in Anbar."
    pick(run_fixed(text, {"ISIL": "ORG", "Anbar": "GPE"}), "MASS_KILLING")
    pick(run_fixed("Rebels killed 3 soldiers near the town.", {}), "KILL")


def test_disputing_a_claim_is_a_denial(run_fixed, pick) -> None:
    text = "Karbouly also disputed the prosecution's version of his arrest."
    pick(run_fixed(text, {"Karbouly": "PERSON"}), "DENY")
    assert "DENY" not in _types(run_fixed("Both countries disputed the island for decades.", {}))


def test_under_investigation_is_an_investigation(run_fixed, pick) -> None:
    pick(run_fixed("The soldier died on Monday and the incident is under investigation.", {"Monday": "DATE"}),
         "INVESTIGATE")
