"""The conversion of the shared CAMEO/Phoenix dictionaries (scripts/convert_eventdata.py) and its output.

The determinism test needs ``../shared/eventdata`` and skips without it; the parser and spot checks run on
the committed data alone.
"""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "eventdata" / "petrarch2"
DATA = REPO / "src" / "newsie" / "events" / "data" / "eventdata"
FILES = (
    "verbs.json",
    "actors_countries.tsv",
    "actors_international.tsv",
    "actors_nonstate.tsv",
    "agents.tsv",
    "discards.tsv",
)


@pytest.fixture(scope="module")
def conv():
    spec = importlib.util.spec_from_file_location(
        "convert_eventdata", REPO / "scripts" / "convert_eventdata.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def verbs() -> dict:
    return json.loads((DATA / "verbs.json").read_text(encoding="utf-8"))


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_conversion_is_deterministic_and_matches_committed_data(conv, tmp_path: Path) -> None:
    if not (SHARED / "CAMEO.2.0.txt").exists():
        pytest.skip(f"needs the shared event data at {SHARED} (not part of a public clone)")
    a, b = tmp_path / "a", tmp_path / "b"
    conv.convert(SHARED, a)
    conv.convert(SHARED, b)
    for name in FILES:
        first = (a / name).read_bytes()
        assert first == (b / name).read_bytes(), name
        assert first == (DATA / name).read_bytes(), f"{name}: committed data is stale, rerun the converter"


def test_committed_data_is_small() -> None:
    total = sum((DATA / name).stat().st_size for name in FILES)
    assert total < 3_000_000
    assert all((DATA / name).stat().st_size < 2_000_000 for name in FILES)


PREPS = {"before", "in", "on", "of", "to", "from", "for", "by", "against", "with", "down", "over"}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "- * PRISONERS                                         [0841]        # RELEASE",
            ("0841", ["obj:prisoners"]),
        ),
        ("- * {HUMANITARIAN AID}   [073]  # SEND", ("073", ["obj:aid+humanitarian"])),
        ("- * (IN {TRAINING ACCIDENT})  [---]  # KILLED_AND", (None, ["prep:in:accident+training"])),
        ("- {SUICIDE &WEAPON} *  [1831]  # KILL", ("1831", ["subj:&WEAPON+suicide"])),
        ("- * WARRANT (FOR ARREST)  [173]  # DELIVER", ("173", ["obj:warrant", "prep:for:arrest"])),
        ("- * DOWN   [1712]  # BURN", ("1712", ["prt:down"])),
        ("- * FROM &DETENTION  [0841]  # RELEASE", ("0841", ["prep:from:&DETENTION"])),
        ("- * (BEFORE COURT)  [:173]  # APPEAR", ("173", ["prep:before:court"])),
        ("- * {PEACE &PROPOSAL}   [027:038]", ("027", ["obj:&PROPOSAL+peace"])),
        ("- * (GUNFIRE)  [193]  # KILL", ("193", ["prep:*:gunfire"])),
    ],
)
def test_parse_pattern(conv, line: str, expected: tuple) -> None:
    code, cons = conv.parse_pattern(line, PREPS)
    assert (code, cons) == expected


@pytest.mark.parametrize(
    "line",
    [
        "- * WHEN A SMALL &AIRCRAFT CRASHED                    [---]         # KILL",  # a clause
        "- * MESSAGE OFFICIAL  [010]",  # two bare nouns: which is the object?
        "- * ATTACK   [19x]",  # not a code
    ],
)
def test_unreadable_patterns_are_dropped(conv, line: str) -> None:
    assert conv.parse_pattern(line, PREPS) is None


def test_verb_lines(conv) -> None:
    assert conv.parse_verb_line("BRING {BRINGS BRINGING BROUGHT }") == (
        "bring",
        ["brings", "bringing", "brought"],
        None,
        False,
    )
    assert conv.parse_verb_line("+CALL_OFF [160]") == ("call off", [], "160", True)
    assert conv.parse_verb_line("MURDER [190] ") == ("murder", [], "190", True)
    assert conv.parse_verb_line("WIRE_+TAP {WIRE_+TAPS}") is None  # pre-verb compound
    assert conv.parse_verb_line("+KIDNAPPED_AND_KILLED {} [180]") is None  # two verbs


def test_actor_restrictions(conv) -> None:
    assert conv.parse_restriction("USAGOV >090120") == ("USAGOV", "20090120", "")
    assert conv.parse_restriction("USAELI 19290101-650120") == ("USAELI", "19290101", "19650120")
    assert conv.parse_restriction("AFG") == ("AFG", "", "")
    assert conv.parse_restriction("---") is None


def test_agent_plurals(conv) -> None:
    assert conv.plural("authority") == "authorities"
    assert conv.plural("troop") == "troops"
    assert conv.plural("boss") == "bosses"
    assert conv.plural("day") == "days"


# ---- spot checks of the committed data (no ../shared needed)


def _block_patterns(verbs: dict, key: str) -> list:
    return [p for i in verbs["verbs"][key]["blocks"] for p in verbs["blocks"][i]["patterns"]]


def test_verbs_spot_checks(verbs: dict) -> None:
    assert len(verbs["verbs"]) > 1500
    assert sum(len(b["patterns"]) for b in verbs["blocks"]) > 4000
    assert verbs["verbs"]["release"]["code"] == "084"
    assert verbs["verbs"]["send"]["code"] is None  # "sent a painting" is no event by itself
    assert ["0841", ["obj:prisoners"]] in _block_patterns(verbs, "release")
    assert ["163", ["obj:sanctions"]] in _block_patterns(verbs, "impose")
    assert ["154", ["obj:&MILITARY"]] in _block_patterns(verbs, "deploy")
    assert [None, ["prep:in:accident"]] in _block_patterns(verbs, "kill")
    assert "call off" in verbs["verbs"] and "carry out" in verbs["verbs"]
    assert verbs["forms"]["brought"] == "bring"
    assert "machine gun" in verbs["synsets"]["&WEAPON"]["members"]
    assert "troops" in verbs["synsets"]["&MILITARY"]["members"]


def test_actor_spot_checks() -> None:
    countries = {(r["phrase"], r["code"], r["start"], r["end"]) for r in _rows("actors_countries.tsv")}
    assert ("north korean", "PRK", "", "") in countries
    assert ("berlin", "DEU", "", "") in countries
    assert ("joe biden", "USAGOV", "20090120", "") in countries
    assert ("hubert h. humphrey", "USAGOV", "19650120", "19690120") in countries
    intl = {(r["phrase"], r["code"]) for r in _rows("actors_international.tsv")}
    assert ("united nations", "IGOUNO") in intl
    nonstate = {(r["phrase"], r["code"]) for r in _rows("actors_nonstate.tsv")}
    assert ("taliban", "AFGREB") in nonstate
    agents = {(r["phrase"], r["code"], r["place"]) for r in _rows("agents.tsv")}
    assert ("authorities", "GOV", "suffix") in agents
    assert ("troops", "MIL", "suffix") in agents
    discards = {r["phrase"]: r["scope"] for r in _rows("discards.tsv")}
    assert "basketball" in discards
    assert not any(p.isdigit() for p in discards)  # bare years would discard ordinary news
    assert "world cup" in discards and "basketball" in discards
    # news topics newsie codes are not discards: "the worst attack since World War II" is an attack
    assert "world war ii" not in discards and "typhoon" not in discards and "champion" not in discards
    assert "traffic accident" not in discards  # accidents are handled by the verb guards
