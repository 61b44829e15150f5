"""Trigger coverage (issue #16): every CAMEO root, the news types CAMEO lacks, speech acts, sense guards.

Rule components are tested on fixed entities (no NER): the base parser reads the sentence and the
entities are set by hand, so a test fails only when the rules change.  All sentences are written for
these tests.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsie.events.cameo import refine_type
from newsie.events.extractor import EventExtractor
from newsie.pipeline import load_base
from newsie.schema import EVENT_TYPES, EventRecord


@pytest.fixture(scope="module")
def fixed():
    """``fixed(text, {"phrase": "LABEL"})`` -> records of the extractor on the parse with those entities."""
    nlp = load_base(exclude=("ner",))
    extractor = EventExtractor(nlp.vocab)

    def _run(text: str, ents: dict[str, str] | None = None, date: str = "2023-02-02") -> list[EventRecord]:
        doc: Doc = nlp(text)
        spans = []
        for phrase, label in (ents or {}).items():
            start = text.index(phrase)
            span = doc.char_span(start, start + len(phrase), label=label)
            assert span is not None, f"{phrase!r} is not a token span of {text!r}"
            spans.append(span)
        doc.ents = spans
        doc._.date = date
        return extractor.extract(doc)

    return _run


def _one(records: list[EventRecord], type_: str) -> EventRecord:
    found = [r for r in records if r.type == type_]
    assert len(found) == 1, f"want one {type_}; got {[(r.type, r.trigger.text, r.cameo) for r in records]}"
    return found[0]


# One sentence per CAMEO root, through the extractor: (sentence, entities, type, code).
ROOTS = [
    ("Russia said on Monday that the border would stay open.", {"Russia": "GPE"}, "STATEMENT", "010"),
    ("Germany urged Russia to withdraw its troops.", {"Germany": "GPE", "Russia": "GPE"}, "APPEAL", "020"),
    ("Iran promised to cooperate with the inspectors.", {"Iran": "GPE"}, "PROMISE", "030"),
    ("Macron met Xi in Beijing on Tuesday.", {"Macron": "PERSON", "Xi": "PERSON", "Beijing": "GPE"}, "MEET", "040"),
    ("Biden praised Zelensky for his courage.", {"Biden": "PERSON", "Zelensky": "PERSON"}, "PRAISE", "051"),
    ("Israel and Egypt shared intelligence on the militants.", {"Israel": "GPE", "Egypt": "GPE"},
     "SHARE_INFORMATION", "064"),
    ("The United States sent humanitarian aid to Ukraine.", {"The United States": "GPE", "Ukraine": "GPE"},
     "TRANSFER", "073"),
    ("Hamas released the hostages on Sunday.", {"Hamas": "ORG"}, "RELEASE", "0841"),
    ("Police investigated the bombing of the embassy.", {}, "INVESTIGATE", "090"),
    ("Protesters demanded the resignation of the mayor.", {}, "DEMAND", "100"),
    ("France condemned the attack on the embassy.", {"France": "GPE"}, "CRITICIZE", "111"),
    ("Russia rejected the proposal on Friday.", {"Russia": "GPE"}, "REJECT", "120"),
    ("North Korea threatened to strike Seoul.", {"North Korea": "GPE", "Seoul": "GPE"}, "THREATEN", "130"),
    ("Thousands protested in Paris against the pension reform.", {"Paris": "GPE"}, "PROTEST", "140"),
    ("Russia deployed troops to the border.", {"Russia": "GPE"}, "DEPLOY", "154"),
    ("The EU imposed sanctions on Iran.", {"EU": "ORG", "Iran": "GPE"}, "SANCTION", "163"),
    ("Police arrested the protest leader in Minsk.", {"Minsk": "GPE"}, "ARREST", "173"),
    ("Gunmen kidnapped two aid workers in Mali.", {"Mali": "GPE"}, "ABDUCT", "181"),
    ("Russian forces shelled Kharkiv overnight.", {"Russian": "NORP", "Kharkiv": "GPE"}, "SHELLING", "194"),
    ("Government forces massacred villagers in Darfur.", {"Darfur": "GPE"}, "MASS_KILLING", "202"),
]


def test_every_cameo_root_has_a_sentence() -> None:
    assert sorted({code[:2] for *_, code in ROOTS}) == [f"{n:02d}" for n in range(1, 21)]


@pytest.mark.parametrize(("sentence", "ents", "type_", "code"), ROOTS, ids=[r[3][:2] for r in ROOTS])
def test_cameo_root_through_the_extractor(fixed, sentence, ents, type_, code) -> None:
    rec = _one(fixed(sentence, ents), type_)
    assert rec.cameo == code and rec.cameo_root == code[:2]
    assert rec.quad_class is not None and rec.goldstein is not None


# News types CAMEO lacks (and business/justice/disaster/personnel/election types): (sentence, ents, type).
NEWS_TYPES = [
    ("Two climbers died on the mountain last week.", {}, "DIE"),
    ("Prosecutors charged the former minister with fraud.", {}, "CHARGE"),
    ("The trial of the former president opened in Lima.", {"Lima": "GPE"}, "TRIAL"),
    ("A jury convicted the driver of manslaughter.", {}, "CONVICT"),
    ("The judge sentenced him to ten years in prison.", {}, "SENTENCE"),
    ("The court acquitted the journalist.", {}, "ACQUIT"),
    ("Cisco sued Apple over the trademark.", {"Cisco": "ORG", "Apple": "ORG"}, "SUE"),
    ("The court ruled that the law was unconstitutional.", {}, "RULING"),
    ("A strong earthquake shook the coast of Chile.", {"Chile": "GPE"}, "EARTHQUAKE"),
    ("The typhoon destroyed hundreds of homes.", {}, "STORM"),
    ("Flooding forced thousands from their homes.", {}, "FLOOD"),
    ("A wildfire destroyed dozens of homes near Athens.", {"Athens": "GPE"}, "FIRE"),
    ("Two trains collided near Milan on Monday.", {"Milan": "GPE"}, "CRASH"),
    ("A bridge collapsed in Genoa.", {"Genoa": "GPE"}, "COLLAPSE"),
    ("An explosion at the plant injured four workers.", {}, "EXPLOSION"),
    ("A stampede at the stadium killed twelve fans.", {}, "STAMPEDE"),
    ("The outbreak of cholera spread to the capital.", {}, "OUTBREAK"),
    ("Rescuers evacuated the residents of the village.", {}, "RESCUE"),
    ("Microsoft acquired the game maker for $69 billion.", {"Microsoft": "ORG"}, "ACQUIRE"),
    ("The two banks announced a merger in March.", {}, "MERGE"),
    ("Toyota will invest in a battery plant in Kentucky.", {"Toyota": "ORG", "Kentucky": "GPE"}, "INVEST"),
    ("The airline purchased forty new aircraft.", {}, "PURCHASE"),
    ("Siemens sold its stake in the venture.", {"Siemens": "ORG"}, "SELL"),
    ("Airbus announced layoffs at its plants.", {"Airbus": "ORG"}, "JOB_CUTS"),
    ("The company reported a loss for the quarter.", {}, "REPORT_RESULT"),
    ("The retailer filed for bankruptcy on Monday.", {}, "BANKRUPTCY"),
    ("Apple settled the lawsuit with the band.", {"Apple": "ORG"}, "SETTLE"),
    ("Apple unveiled the new iPhone in San Francisco.", {"Apple": "ORG", "San Francisco": "GPE"},
     "LAUNCH_PRODUCT"),
    ("The finance minister resigned on Friday.", {}, "RESIGN"),
    ("The president appointed a new defence minister.", {}, "APPOINT"),
    ("The club sacked its manager after the defeat.", {}, "DISMISS"),
    ("Voters elected a new parliament in October.", {}, "ELECT"),
    ("The Senate voted on the bill on Tuesday.", {"Senate": "ORG"}, "VOTE"),
    ("The carmaker announced a restructuring of its European plants.", {}, "RESTRUCTURE"),
    ("Stocks fell sharply in Tokyo on Monday.", {"Tokyo": "GPE"}, "MARKET_MOVE"),
    ("The chairman will relinquish his role in May.", {}, "RESIGN"),
]


@pytest.mark.parametrize(("sentence", "ents", "type_"), NEWS_TYPES, ids=[t for *_, t in NEWS_TYPES])
def test_news_types_without_cameo(fixed, sentence, ents, type_) -> None:
    rec = _one(fixed(sentence, ents), type_)
    assert EVENT_TYPES[type_].family in {
        "casualty", "justice", "disaster", "business", "personnel", "election", "investigate",
    }
    assert rec.cameo == EVENT_TYPES[type_].cameo


# Speech acts: the reporting verb and its complement decide the type.
SPEECH_ACTS = [
    ("Britain criticised the decision of the court.", {"Britain": "GPE"}, "CRITICIZE"),
    ("The UN called on both sides to respect the truce.", {"UN": "ORG"}, "APPEAL"),
    ("Amnesty urged the government to free the activists.", {"Amnesty": "ORG"}, "APPEAL"),
    ("The unions demanded higher wages.", {}, "DEMAND"),
    ("The ministry denied that troops had crossed the border.", {}, "DENY"),
    ("Kyiv warned that Moscow may launch an offensive.", {"Kyiv": "GPE", "Moscow": "GPE"}, "WARN"),
    ("Moscow threatened to cut gas supplies.", {"Moscow": "GPE"}, "THREATEN"),
    ("A company spokesman declined to comment on the report.", {}, "DECLINE_COMMENT"),
    ("Washington accused Beijing of spying.", {"Washington": "GPE", "Beijing": "GPE"}, "ACCUSE"),
]


@pytest.mark.parametrize(("sentence", "ents", "type_"), SPEECH_ACTS, ids=[t for *_, t in SPEECH_ACTS])
def test_speech_act_types(fixed, sentence, ents, type_) -> None:
    records = fixed(sentence, ents)
    _one(records, type_)
    assert not [r for r in records if r.type == "STATEMENT"], "a typed speech act is no plain statement"


def test_appeal_absorbs_the_act_asked_for(fixed) -> None:
    records = fixed("Germany urged Russia to withdraw its troops.", {"Germany": "GPE", "Russia": "GPE"})
    assert [r.type for r in records] == ["APPEAL"]


# Sense guards: the object or subject decides (each a negative test).
def test_send_troops_send_aid_send_a_painting(fixed) -> None:
    assert _one(fixed("Russia sent troops to the border.", {"Russia": "GPE"}), "DEPLOY").cameo.startswith("15")
    assert _one(fixed("Japan sent aid to Turkey.", {"Japan": "GPE", "Turkey": "GPE"}), "TRANSFER").cameo \
        .startswith("07")
    assert fixed("She sent a painting to a museum in Paris.", {"Paris": "GPE"}) == []


def test_sending_a_child_to_a_doctor_is_no_deployment(fixed) -> None:
    assert fixed("The parents sent the child to a specialist.") == []


def test_accident_is_no_killing(fixed) -> None:
    records = fixed("Three people were killed in a car accident near Lyon.", {"Lyon": "GPE"})
    assert not [r for r in records if r.type in ("KILL", "ATTACK", "ASSAULT")]


def test_vehicle_hitting_someone_is_no_assault(fixed) -> None:
    assert not [r for r in fixed("A truck hit a cyclist in Berlin.", {"Berlin": "GPE"})
                if r.cameo and r.cameo.startswith(("18", "19"))]


def test_sports_head_butt_is_no_attack(fixed) -> None:
    records = fixed("Zidane attacked Materazzi during the World Cup final.", {"Zidane": "PERSON", "Materazzi": "PERSON"})
    assert records == []


def test_execute_a_ruling_is_no_killing(fixed) -> None:
    assert not [r for r in fixed("The government must execute the ruling of the court.") if r.type == "KILL"]


def test_habitual_selling_of_goods_is_no_sale(fixed) -> None:
    assert not [r for r in fixed("The dealers sell only the new models.") if r.type == "SELL"]


def test_talks_are_negotiations(fixed) -> None:
    rec = _one(fixed("Iran held talks with the agency in Vienna.", {"Iran": "GPE", "Vienna": "GPE"}), "NEGOTIATE")
    assert rec.cameo == "046"


def test_dictionary_trigger_needs_an_actor(fixed) -> None:
    """A verb only the CAMEO dictionary knows is an event with an actor-like subject, not with a thing."""
    assert _one(fixed("The rebels freed two prisoners."), "RELEASE").cameo == "0841"
    assert not [r for r in fixed("The new rules freed two prisoners.") if r.type == "RELEASE"]


def test_conditional_clause_is_no_dictionary_trigger(fixed) -> None:
    records = fixed("Officials said the workers would go if Russia ended the war.", {"Russia": "GPE"})
    assert not [r for r in records if r.cameo == "0871"]


def test_type_refined_by_the_lexicon_code() -> None:
    assert refine_type("ATTACK", "195") == "AIRSTRIKE"
    assert refine_type("CRITICIZE", "112") == "ACCUSE"
    assert refine_type("MEET", "042") == "VISIT"
    assert refine_type("OFFENSIVE", "190") == "OFFENSIVE"  # same code: the type stays
    assert refine_type("AGREE", "019") == "AGREE"  # another family: the type stays
    assert refine_type("TRANSFER", "072") == "TRANSFER"


def test_firing_shells_and_exchanging_artillery_fire_is_shelling(fixed) -> None:
    rec = _one(fixed("The army fired three shells at the village."), "SHELLING")
    assert rec.cameo == "194" and rec.targets[0].text == "village"
    rec = _one(fixed("The two armies exchanged artillery fire on Thursday."), "SHELLING")
    assert not rec.targets  # "on Thursday" is a time, not a target


def test_generic_plural_disaster_is_no_event(fixed) -> None:
    assert fixed("Deadly stampedes have taken place during the pilgrimage before.") == []
    _one(fixed("A stampede took place at the festival."), "STAMPEDE")


def test_dictionary_verb_supporting_a_lexicon_noun_is_no_second_record(fixed) -> None:
    records = fixed("Johnson joined Kerry in Paris for talks on Syria.",
                    {"Johnson": "PERSON", "Kerry": "PERSON", "Paris": "GPE", "Syria": "GPE"})
    assert [r.trigger.text for r in records] == ["talks"]


def test_market_move_needs_a_market_subject(fixed) -> None:
    assert not [r for r in fixed("The soldier fell from the truck.") if r.type == "MARKET_MOVE"]


def test_refusal_absorbs_the_refused_act(fixed) -> None:
    records = fixed("The union refused to meet the demands.")
    assert [r.type for r in records] == ["REJECT"]


def test_work_stoppage_is_a_protest(fixed) -> None:
    _one(fixed("Employees held a work stoppage at four sites on Wednesday."), "PROTEST")


def test_statement_needs_a_speaker_but_not_a_name(fixed) -> None:
    _one(fixed("Researchers say many children lack iodine."), "STATEMENT")
    assert fixed("The source added that the economy was strong.") == []


def test_call_on_is_an_appeal_call_off_a_cancellation(fixed) -> None:
    _one(fixed("The UN called on both sides to respect the truce.", {"UN": "ORG"}), "APPEAL")
    assert not [r for r in fixed("The union called off the strike.") if r.type == "APPEAL"]


def test_did_not_comment_is_declining_to_comment(fixed) -> None:
    _one(fixed("Papermaster did not comment on the situation.", {"Papermaster": "PERSON"}), "DECLINE_COMMENT")


def test_told_that_is_a_statement_told_to_is_not(fixed) -> None:
    _one(fixed("Tedeschi told the court that the girl had suffered.", {"Tedeschi": "PERSON"}), "STATEMENT")
    assert not [r for r in fixed("Tedeschi told them to leave.", {"Tedeschi": "PERSON"}) if r.type == "STATEMENT"]


def test_advised_to_is_an_appeal(fixed) -> None:
    records = fixed("Doctors advised the parents to send the child to a specialist.")
    assert [r.type for r in records] == ["APPEAL"]


def test_military_strikes_with_a_support_verb_are_airstrikes(fixed) -> None:
    rec = _one(fixed("Coalition forces conducted 12 strikes against ISIL near Mosul.",
                     {"ISIL": "ORG", "Mosul": "GPE"}), "AIRSTRIKE")
    assert rec.cameo == "195"
    assert not [r for r in fixed("Teachers went on strike in Chicago.", {"Chicago": "GPE"}) if r.type == "AIRSTRIKE"]


def test_an_election_is_held_a_candidate_is_elected(fixed) -> None:
    _one(fixed("Voters went to the polls on Sunday."), "ELECTION")
    _one(fixed("The election will take place in October."), "ELECTION")


def test_granting_asylum(fixed) -> None:
    assert _one(fixed("Sweden granted asylum to the defector.", {"Sweden": "GPE"}), "GRANT_ASYLUM").cameo == "075"


# Types reached only through the CAMEO verb dictionary (a pattern + an actor-like subject).
DICTIONARY_TYPES = [
    ("Russia expelled two British diplomats.", {"Russia": "GPE", "British": "NORP"}, "DEPORT"),
    ("The government banned the opposition party.", {}, "BAN"),
    ("Iran severed diplomatic relations with Saudi Arabia.", {"Iran": "GPE", "Saudi Arabia": "GPE"},
     "CUT_RELATIONS"),
    ("Israel withdrew its troops from Gaza.", {"Israel": "GPE", "Gaza": "GPE"}, "YIELD"),
    ("The United States vetoed the resolution.", {"The United States": "GPE"}, "VETO"),
    ("Gunmen shot the mayor in Acapulco.", {"Acapulco": "GPE"}, "SHOOTING"),
    ("Qatar mediated between Hamas and Israel.", {"Qatar": "GPE", "Hamas": "ORG", "Israel": "GPE"}, "MEDIATE"),
    ("The rebels declared a ceasefire on Friday.", {}, "CEASEFIRE"),
    ("The Islamic State claimed responsibility for the attack.", {"The Islamic State": "ORG"},
     "CLAIM_RESPONSIBILITY"),
]


@pytest.mark.parametrize(("sentence", "ents", "type_"), DICTIONARY_TYPES, ids=[t for *_, t in DICTIONARY_TYPES])
def test_types_from_the_verb_dictionary(fixed, sentence, ents, type_) -> None:
    rec = _one(fixed(sentence, ents), type_)
    assert rec.cameo[:2] == EVENT_TYPES[type_].cameo[:2]  # the root; "087" has no type of its own: YIELD


def test_a_reporting_verb_with_an_event_object_is_that_event(fixed) -> None:
    """"declared a ceasefire" is a CEASEFIRE, not a statement; "declared that" stays a statement."""
    assert not [r for r in fixed("The rebels declared a ceasefire on Friday.") if r.type == "STATEMENT"]
    _one(fixed("Russia declared that the border would stay open.", {"Russia": "GPE"}), "STATEMENT")


def test_weapon_detail_of_a_force_pattern_keeps_the_type(fixed) -> None:
    rec = _one(fixed("Ukrainian troops attacked Russian positions on Tuesday.",
                     {"Ukrainian": "NORP", "Russian": "NORP"}), "ATTACK")
    assert rec.cameo == "193"
