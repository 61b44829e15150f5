"""Actor coding rules added with the hand-maintained data (``data/actors_extra.tsv``, ``data/agents_extra.tsv``):
codes as GUIDELINES 6.3 writes them, office holders after 2014, companies, coalitions, "from <country>",
"the North", local actors coded when the story has no home country."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsie.events.actors import ActorCoder, ActorDataError, default_actor_coder, normalise_code


@pytest.fixture(scope="module")
def actors():
    return default_actor_coder()


@pytest.mark.parametrize(
    ("code", "want"),
    [("ITAGOVEDU", "ITAGOV"), ("USAGOVMIL", "USAGOV"), ("MNCUSA", "USABUS"), ("GOVEDU", "GOV"),
     ("PSEREBHMS", "PSEREBHMS"), ("IGOUNOHLHWHO", "IGOUNOHLHWHO"), ("RUSMIL", "RUSMIL")],
)
def test_codes_are_written_as_the_guidelines_do(code: str, want: str) -> None:
    assert normalise_code(code) == want


def test_office_holders_after_2014_by_date(actors) -> None:
    assert actors.code("Ash Carter", "2016-05-01") == ("USAGOV", "USA")
    assert actors.code("Boris Johnson", "2017-03-01") == ("GBRGOV", "GBR")
    assert actors.code("Foreign Secretary Philip Hammond", "2015-06-01") == ("GBRGOV", "GBR")


def test_an_undated_story_names_the_office(actors) -> None:
    assert actors.code("President Hollande") == ("FRAGOV", "FRA")


@pytest.mark.parametrize(
    ("phrase", "code"),
    [("Airbus", "FRABUS"), ("Airbus spokesman Stefan Schaffrath", "FRABUS"), ("Boeing", "USABUS"),
     ("Samsung chief executive", "KORBUS")],
)
def test_companies_have_their_home_country(actors, phrase: str, code: str) -> None:
    assert actors.code(phrase, "2012-01-01")[0] == code


def test_a_chief_executive_is_business_not_government(actors) -> None:
    assert actors.code("the chief executive") == ("BUS", None)


@pytest.mark.parametrize(("phrase", "code"), [("KCNA", "PRKMED"), ("KPA soldiers", "PRKMIL"),
                                              ("the Foreign Secretary", "GBRGOV"), ("SDF", "SYRREB")])
def test_state_media_armies_and_titles(actors, phrase: str, code: str) -> None:
    assert actors.code(phrase, "2015-08-21")[0] == code


@pytest.mark.parametrize("phrase", ["the Global Coalition", "Coalition aircraft", "coalition forces",
                                    "the international coalition"])
def test_the_multinational_coalition(actors, phrase: str) -> None:
    assert actors.code(phrase) == ("IGO", None)


def test_a_ruling_coalition_is_no_international_body(actors) -> None:
    assert actors.code("the ruling coalition")[0] != "IGO"


@pytest.mark.parametrize(("phrase", "code"), [("citizens from Jordan and Iraq", "JORCVL"),
                                              ("refugees from Syria", "SYRREF")])
def test_agents_from_a_country(actors, phrase: str, code: str) -> None:
    assert actors.code(phrase)[0] == code


def test_the_north_of_a_korean_story(run_fixed) -> None:
    text = "North Korea and South Korea met on Monday. The North criticised the decision."
    records = run_fixed(text, {"North Korea": "GPE", "South Korea": "GPE", "North": "GPE"})
    rec = next(r for r in records if r.type == "CRITICIZE")
    assert rec.actors[0].country == "PRK"


def test_names_are_coded_when_the_story_has_no_home_country(run_fixed) -> None:
    """A story about two countries has no home country; a later surname still takes its first mention's code."""
    text = ("Pentagon spokesman Jeff Davis spoke about Iraq and Syria on Monday. Syria and Iraq met. "
            "Davis criticised the decision.")
    ents = {"Jeff Davis": "PERSON", "Davis": "PERSON", "Iraq": "GPE", "Syria": "GPE"}
    records = run_fixed(text, ents)
    rec = next(r for r in records if r.type == "CRITICIZE")
    assert rec.actors[0].country == "USA"


def test_coalition_is_not_localized(run_fixed) -> None:
    text = "Iraqi forces met in Baghdad. Coalition aircraft attacked the bridge."
    records = run_fixed(text, {"Iraqi": "NORP", "Baghdad": "GPE"})
    rec = next(r for r in records if r.actors and r.actors[0].text.startswith("Coalition"))
    assert (rec.actors[0].code, rec.actors[0].country) == ("IGO", None)


def test_bad_extra_actor_file_names_file_and_field(tmp_path: Path) -> None:
    src = Path(__file__).resolve().parents[2] / "src" / "newsie" / "events" / "data"
    shutil.copytree(src / "eventdata", tmp_path / "eventdata")
    (tmp_path / "actors_extra.tsv").write_text("# c\nphrase\tcode\tstart\tend\tsource\nx y\tusa\t\t\tnote\n")
    with pytest.raises(ActorDataError, match=r"actors_extra\.tsv:3: field code"):
        ActorCoder(tmp_path / "eventdata")
    (tmp_path / "actors_extra.tsv").write_text("phrase\tcode\tstart\tend\tsource\nx y\tUSA\t2020\t\tnote\n")
    with pytest.raises(ActorDataError, match=r"actors_extra\.tsv:2: field start"):
        ActorCoder(tmp_path / "eventdata")
    (tmp_path / "actors_extra.tsv").unlink()
    (tmp_path / "agents_extra.tsv").write_text("phrase\tcode\tplace\nboss\tBUS\tmiddle\n")
    with pytest.raises(ActorDataError, match=r"agents_extra\.tsv:2: field place"):
        ActorCoder(tmp_path / "eventdata")


def test_a_state_in_a_political_act_is_its_government(run, pick) -> None:
    rec = pick(run("Germany criticised Russia on Monday."), "CRITICIZE")
    assert (rec.actors[0].code, rec.targets[0].code) == ("DEUGOV", "RUSGOV")
    assert rec.actors[0].country == "DEU"


def test_a_state_in_an_attack_stays_bare(run, pick) -> None:
    rec = pick(run("Russia attacked Ukraine on Monday."), "ATTACK")
    assert (rec.actors[0].code, rec.targets[0].code) == ("RUS", "UKR")


def test_we_of_a_quoted_speaker_is_the_speakers_party(run, pick) -> None:
    records = run("Foreign Secretary Philip Hammond said:\n\n“We urge all parties to return to the talks.”",
                  date="2015-03-01")
    rec = pick(records, "APPEAL")
    assert (rec.actors[0].text, rec.actors[0].code, rec.actors[0].country) == ("We", "GBRGOV", "GBR")


def test_we_without_a_speaker_stays_uncoded(run, pick) -> None:
    rec = pick(run("We urge all parties to return to the talks."), "APPEAL")
    assert rec.actors[0].country is None


def test_who_and_eu_acronyms(actors) -> None:
    assert actors.code("WHO") == ("IGOUNOHLHWHO", None)
    assert actors.code("EU")[0] == "IGOEUREEC"
    assert actors.code("the people who fled")[0] != "IGOUNOHLHWHO"


def test_an_unresolved_he_is_the_person_named_last(fixed_nlp) -> None:
    """The document codes "Samsung chief executive Lee Jae-yong" KORBUS; "he" after him takes that code even
    when pronoun resolution gave him no antecedent."""
    from newsie.api import make_doc
    from newsie.events.actors import default_actor_coder
    from newsie.schema import Participant

    text = "Samsung chief executive Lee Jae-yong spoke on Monday. Sales fell. He announced new phones."
    doc = make_doc(fixed_nlp, text, date="2012-01-01")
    for _, proc in fixed_nlp.pipeline:
        doc = proc(doc)
    start = text.index("Lee Jae-yong")
    doc.ents = [doc.char_span(start, start + len("Lee Jae-yong"), label="PERSON")]
    he = text.index("He announced")
    arg = Participant(text="He", start=he, end=he + 2)

    class Rec:
        actors, targets, source, cameo_root = [arg], [], None, "01"

    default_actor_coder().localize(doc, [Rec()])
    assert (arg.code, arg.country) == ("KORBUS", "KOR")
