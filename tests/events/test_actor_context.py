"""Actor coding in context (issue #16): acronyms, companies, and local actors coded with the story's country."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsie.events.actors import default_actor_coder
from newsie.events.extractor import EventExtractor
from newsie.pipeline import load_base


@pytest.fixture(scope="module")
def actors():
    return default_actor_coder()


@pytest.fixture(scope="module")
def fixed():
    """``fixed(text, {"phrase": "LABEL"})`` -> (doc, records) on the base parse with those entities (no NER)."""
    nlp = load_base(exclude=("ner",))
    extractor = EventExtractor(nlp.vocab)

    def _run(text: str, ents: dict[str, str], date: str = "2023-02-02"):
        doc: Doc = nlp(text)
        spans = []
        for phrase, label in ents.items():
            start = text.index(phrase)
            while any(s.start_char < start + len(phrase) and start < s.end_char for s in spans):
                start = text.index(phrase, start + 1)  # "Davis" after "Jeff Davis": the next mention
            spans.append(doc.char_span(start, start + len(phrase), label=label))
        doc.ents = spans
        doc._.date = date
        return doc, extractor.extract(doc)

    return _run


def test_a_short_name_must_be_written_as_an_acronym(actors) -> None:
    assert actors.code("the UN")[0] == "IGOUNO"
    assert actors.code("Kim Jong Un")[0] != "IGOUNO"  # "Un" is a name, not the United Nations


@pytest.mark.parametrize("phrase", ["Acme Computer", "Acme Holdings"])
def test_company_names_are_business(actors, phrase: str) -> None:
    assert actors.code(phrase) == ("BUS", None)


def test_multinational_companies_have_their_home_country(actors) -> None:
    assert actors.code("Penske Automotive Group") == ("USABUS", "USA")  # GUIDELINES 6.6: no MNC codes


def test_lower_case_business_words_are_no_company(actors) -> None:
    assert actors.code("the group")[0] != "BUS"


def test_home_country_weighs_named_actors_and_headline(fixed, actors) -> None:
    doc, _ = fixed("Italian court rules on school taxes. The ruling affects schools in Rome and Syria.",
                   {"Italian": "NORP", "Rome": "GPE", "Syria": "GPE"})
    assert actors.home_country(doc) == "ITA"


def test_local_actors_get_the_story_country(fixed) -> None:
    text = "Italian schools must pay the tax. The regional government criticised the decision."
    _, records = fixed(text, {"Italian": "NORP"})
    rec = next(r for r in records if r.type == "CRITICIZE")
    assert (rec.actors[0].code, rec.actors[0].country) == ("ITAGOV", "ITA")


def test_a_named_country_is_kept_not_localized(fixed) -> None:
    text = "Italian officials met on Monday. France criticised the decision."
    _, records = fixed(text, {"Italian": "NORP", "France": "GPE"})
    rec = next(r for r in records if r.type == "CRITICIZE")
    assert rec.actors[0].country == "FRA"


def test_things_are_not_localized(fixed) -> None:
    text = "Italian schools must pay the tax. The ministry rejected the proposal."
    _, records = fixed(text, {"Italian": "NORP"})
    rec = next(r for r in records if r.type == "REJECT")
    assert all(t.country is None for t in rec.targets)  # "the proposal" is no actor


def test_a_name_takes_the_code_its_first_mention_gives(fixed) -> None:
    """"Pentagon spokesman Jeff Davis" codes the later "Davis" (a surname names a person)."""
    text = "Pentagon spokesman Jeff Davis spoke on Monday. Davis criticised the decision."
    _, records = fixed(text, {"Jeff Davis": "PERSON", "Davis": "PERSON"})
    rec = next(r for r in records if r.type == "CRITICIZE")
    assert rec.actors[0].country == "USA"


def test_an_acronym_in_brackets_takes_the_code_of_its_name(fixed) -> None:
    text = "The United Nations Children's Fund (UNCF) met in Geneva. The UNCF criticised the decision."
    ents = {"United Nations Children's Fund": "ORG"}
    doc, records = fixed(text, ents)
    rec = next(r for r in records if r.type == "CRITICIZE")
    assert rec.actors[0].code is not None and rec.actors[0].code.startswith("IGOUNO")


@pytest.mark.parametrize("phrase", ["the U.S.-led coalition", "the Saudi-led alliance"])
def test_a_led_coalition_is_international(actors, phrase: str) -> None:
    assert actors.code(phrase) == ("IGO", None)


def test_forces_of_a_state_are_not_a_coalition(actors) -> None:
    assert actors.code("U.S. forces")[1] == "USA"
