"""Actor codes and countries from the Phoenix dictionaries (newsie.events.actors), on phrases written here."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import spacy

from newsie.events.actors import ActorCoder, ActorDataError, default_actor_coder, iso3, tokenize


@pytest.fixture(scope="module")
def actors() -> ActorCoder:
    return default_actor_coder()


@pytest.mark.parametrize(
    ("phrase", "code", "country"),
    [
        ("Germany", "DEU", "DEU"),
        ("the United States", "USA", "USA"),
        ("U.S.", "USA", "USA"),
        ("Czech Republic", "CZE", "CZE"),
        ("Eswatini", "SWZ", "SWZ"),  # not in the 2014 dictionary: found through pycountry's names
    ],
)
def test_countries(actors, phrase: str, code: str, country: str) -> None:
    assert actors.code(phrase, "2023-02-02") == (code, country)


@pytest.mark.parametrize(
    ("phrase", "code"), [("Pyongyang", "PRK"), ("Berlin", "DEU"), ("Kyiv", "UKR"), ("Kandahar", "AFG")]
)
def test_capitals_and_cities_stand_for_their_state(actors, phrase: str, code: str) -> None:
    assert actors.code(phrase, "2023-02-02") == (code, code)


@pytest.mark.parametrize(
    ("phrase", "code", "country"),
    [
        ("North Korean authorities", "PRKGOV", "PRK"),
        ("Ukrainian troops", "UKRMIL", "UKR"),
        ("Iraqi police", "IRQCOP", "IRQ"),
        ("Syrian rebels", "SYRREB", "SYR"),
        ("Russia's army", "RUSMIL", "RUS"),
        ("the US military", "USAMIL", "USA"),
    ],
)
def test_demonyms_and_institutions(actors, phrase: str, code: str, country: str) -> None:
    assert actors.code(phrase, "2023-02-02") == (code, country)


def test_agents_without_a_country(actors) -> None:
    assert actors.code("rebels") == ("REB", None)
    assert actors.code("the police") == ("COP", None)
    assert actors.code("the government") == ("GOV", None)


def test_office_holders_by_date(actors) -> None:
    assert actors.code("Joe Biden", "2023-02-02") == ("USAGOV", "USA")
    # before his federal office the dictionary has him as an elite, not the government
    assert actors.code("Joe Biden", "2005-06-01") == ("USAELI", "USA")
    assert actors.code("Hubert H. Humphrey", "1967-01-01") == ("USAGOV", "USA")
    assert actors.code("Hubert H. Humphrey", "1972-01-01") == ("USAELI", "USA")
    # out of every dated range and no default: no code rather than a guess
    assert actors.code("Hubert H. Humphrey", "1985-01-01") == (None, None)
    assert actors.code("Vladimir Putin", "2023-02-02") == ("RUSGOV", "RUS")


def test_dates_are_read_in_several_forms(actors) -> None:
    import datetime as dt

    assert actors.code("Joe Biden", dt.date(2023, 2, 2))[0] == "USAGOV"
    assert actors.code("Joe Biden", "20230202")[0] == "USAGOV"
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        actors.code("Joe Biden", "last week")


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("the United Nations", "IGOUNO"),
        ("the U.N.", "IGOUNO"),
        ("NATO", "IGOWSTNAT"),
        ("the International Atomic Energy Agency", "IGOUNOIAE"),
    ],
)
def test_international_bodies(actors, phrase: str, code: str) -> None:
    assert actors.code(phrase, "2023-02-02") == (code, None)


@pytest.mark.parametrize(
    ("phrase", "code", "country"),
    [
        ("ISIL", "IMGMUSISI", None),
        ("the Taliban", "AFGREB", "AFG"),
        ("Hamas", "PSEREBHMS", "PSE"),
        ("Boko Haram", "NGAREB", "NGA"),
        ("Hezbollah", "LBNREB", "LBN"),
    ],
)
def test_armed_groups(actors, phrase: str, code: str, country: str | None) -> None:
    assert actors.code(phrase, "2023-02-02") == (code, country)


def test_pronoun_us_is_not_the_united_states(actors) -> None:
    assert actors.code("us") == (None, None)
    assert actors.code("US") == ("USA", "USA")


def test_unknown_phrase(actors) -> None:
    assert actors.code("a blue car in the street") == (None, None)
    assert actors.code("") == (None, None)


def test_spans_are_accepted(actors) -> None:
    doc = spacy.blank("en")("Yesterday North Korean authorities said")
    assert actors.code(doc[1:4], "2023-02-02") == ("PRKGOV", "PRK")


def test_tokenize_matches_the_converter() -> None:
    assert tokenize("Ban Ki - moon") == ["ban", "ki-moon"]
    assert tokenize("the U.S. Army") == ["the", "u.s.", "army"]


def test_iso3() -> None:
    assert iso3("PRKGOV") == "PRK"
    assert iso3("IGOUNO") is None
    assert iso3("REB") is None
    assert iso3(None) is None


def test_bad_actor_file_names_file_and_field(tmp_path: Path) -> None:
    src = Path(__file__).resolve().parents[2] / "src" / "newsie" / "events" / "data" / "eventdata"
    data = tmp_path / "eventdata"
    shutil.copytree(src, data)
    path = data / "actors_nonstate.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "some group\tReb\t\t\n", encoding="utf-8")
    with pytest.raises(ActorDataError, match=r"actors_nonstate\.tsv:\d+: field code"):
        ActorCoder(data)
    path.write_text(
        path.read_text(encoding="utf-8").replace("\tReb\t\t\n", "\tREB\t2020\t\n"), encoding="utf-8"
    )
    with pytest.raises(ActorDataError, match=r"actors_nonstate\.tsv:\d+: field start"):
        ActorCoder(data)


@pytest.mark.parametrize(
    ("phrase", "code", "country"),
    [
        ("Russian troops in Ukraine", "RUSMIL", "RUS"),  # was UKRMIL: the last name of the whole phrase
        ("the protesters who gathered near the US embassy", "OPP", None),  # the embassy is not theirs
        ("Al-Qaeda in Iraq", "IMGMUSALQ", None),  # a name across the cut word still counts
    ],
)
def test_the_heads_own_phrase_decides(actors, phrase: str, code: str, country: str | None) -> None:
    assert actors.code(phrase, "2023-02-02") == (code, country)
