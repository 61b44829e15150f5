"""CAMEO coding of trigger tokens (newsie.events.cameo) on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsie.events.cameo import CameoCoder, DataError, compatible, default_coder, known_code, type_for_code
from newsie.pipeline import load_base


@pytest.fixture(scope="module")
def parse():
    nlp = load_base(exclude=("ner",))
    return nlp


@pytest.fixture(scope="module")
def coder() -> CameoCoder:
    return default_coder()


def _match(parse, coder: CameoCoder, sentence: str, trigger: str):
    doc = parse(sentence)
    toks = [t for t in doc if t.text == trigger]
    assert len(toks) == 1, f"{trigger!r} not once in {sentence!r}"
    return coder.match(toks[0])


def _code(parse, coder: CameoCoder, sentence: str, trigger: str) -> str | None:
    found = _match(parse, coder, sentence, trigger)
    return found.code if found is not None else None


# One sentence per CAMEO root (01-20): (sentence, trigger, expected code).
ROOTS = [
    ("The ministry said on Monday that the border would stay open.", "said", "010"),
    ("The UN appealed for calm after the vote.", "appealed", "020"),
    ("Iran promised to cooperate with the inspectors.", "promised", "030"),
    ("The two leaders met in Geneva on Tuesday.", "met", "040"),
    ("Germany praised the agreement.", "praised", "051"),
    ("Kenya extradited the suspect to Uganda.", "extradited", "063"),
    ("The United States sent humanitarian aid to Turkey.", "sent", "073"),
    ("Rebels released the prisoners on Monday.", "released", "0841"),
    ("Police investigated the killing of the journalist.", "investigated", "090"),
    ("Protesters demanded the resignation of the minister.", "demanded", "100"),
    ("The EU condemned the attacks.", "condemned", "111"),
    ("Iran rejected the proposal.", "rejected", "120"),
    ("North Korea threatened the United States.", "threatened", "130"),
    ("Thousands of workers protested in the capital.", "protested", "140"),
    ("Russia deployed troops along the border.", "deployed", "154"),
    ("The EU imposed sanctions on the regime.", "imposed", "163"),
    ("Police arrested five suspects in the city.", "arrested", "173"),
    ("A militant carried out a suicide bombing in the market.", "carried", "1831"),
    ("Soldiers opened fire on the crowd.", "opened", "193"),
    ("The army massacred hundreds of villagers.", "massacred", "202"),
]


@pytest.mark.parametrize(("sentence", "trigger", "code"), ROOTS, ids=[f"root{r[2][:2]}" for r in ROOTS])
def test_every_root_is_reachable(parse, coder, sentence: str, trigger: str, code: str) -> None:
    assert _code(parse, coder, sentence, trigger) == code


def test_the_root_sentences_cover_all_twenty_roots() -> None:
    assert sorted({code[:2] for _, _, code in ROOTS}) == [f"{n:02d}" for n in range(1, 21)]


@pytest.mark.parametrize(
    ("sentence", "trigger", "code"),
    [
        ("The government imposed sanctions on the company.", "imposed", "163"),
        ("Russia sent troops to the border.", "sent", "154"),
        ("The charity sent aid to the flood victims.", "sent", "070"),
        ("The rebels declared a ceasefire.", "declared", "0871"),
        ("Warplanes bombed the village.", "bombed", "195"),
        ("Gunmen kidnapped two aid workers.", "kidnapped", "181"),
        ("The prisoners were released on Friday.", "released", "0841"),  # passive: subject is the object
        ("The leaders called off the summit.", "called", "160"),  # phrasal verb key "call off"
    ],
)
def test_finer_codes_from_objects_and_particles(parse, coder, sentence: str, trigger: str, code: str) -> None:
    assert _code(parse, coder, sentence, trigger) == code


@pytest.mark.parametrize(
    ("sentence", "trigger", "code"),
    [
        ("The attack lasted an hour.", "attack", "190"),
        ("The talks ended without a deal.", "talks", "040"),
        ("Peace talks resumed in Doha.", "talks", "046"),
        ("The sanctions hurt the economy.", "sanctions", "163"),
        ("A ceasefire took effect at midnight.", "ceasefire", "0871"),
        ("The car bombing killed six people.", "bombing", "1832"),
        ("The air strike destroyed a bridge.", "strike", "195"),
    ],
)
def test_nominal_triggers(parse, coder, sentence: str, trigger: str, code: str) -> None:
    assert _code(parse, coder, sentence, trigger) == code


# ---- sense guards: each is data (cameo_guards.tsv, cameo_nouns.tsv, discards) with a negative test


def test_send_troops_aid_and_a_painting_differ(parse, coder) -> None:
    assert _code(parse, coder, "Russia sent troops to the region.", "sent") == "154"
    assert _code(parse, coder, "Russia sent aid to the region.", "sent")[:2] == "07"
    found = _match(parse, coder, "She sent a painting to a museum.", "sent")
    assert found is not None and found.code is None


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Two people were killed in a car accident.", "killed"),
        ("Three hikers were killed by an avalanche.", "killed"),
        ("The flood killed twelve people.", "killed"),
        ("The truck hit a pedestrian.", "hit"),
        ("An earthquake struck the region.", "struck"),
        ("The singer died of cancer.", "died"),
        ("Four workers were injured in a fire.", "injured"),
        ("He had a heart attack at home.", "attack"),
        ("The company fired 200 workers.", "fired"),
        ("The director shot a film in Paris.", "shot"),
        ("Oil prices hit a record high on Monday.", "hit"),
        ("The senators killed the bill.", "killed"),
        ("The government vowed to fight corruption.", "fight"),
        ("Firefighters battled the blaze for hours.", "battled"),
    ],
)
def test_accidents_and_other_senses_are_not_assaults(parse, coder, sentence: str, trigger: str) -> None:
    found = _match(parse, coder, sentence, trigger)
    assert found is not None and found.code is None, found
    assert found.rule.startswith(("guard:", "pattern:", "noun:"))


def test_the_guards_do_not_block_real_violence(parse, coder) -> None:
    assert _code(parse, coder, "Gunmen killed two policemen.", "killed")[:2] in ("18", "19")
    assert _code(parse, coder, "The soldiers hit the rebel base.", "hit")[:2] == "19"
    assert _code(parse, coder, "Soldiers fired on the crowd.", "fired")[:2] == "19"
    assert _code(parse, coder, "Troops fought rebels near the border.", "fought")[:2] == "19"
    assert _code(parse, coder, "A sniper shot a soldier.", "shot")[:2] == "19"


def test_sports_copy_is_not_codable(parse, coder) -> None:
    found = _match(parse, coder, "Zidane head-butted Materazzi during the World Cup final.", "butted")
    assert found is not None and found.code is None and found.rule.startswith("discard:")
    found = _match(parse, coder, "Manchester United attacked down the left wing.", "attacked")
    assert found is not None and found.code is None
    # a political sentence with the same verb is coded
    assert _code(parse, coder, "Rebels attacked the army base.", "attacked")[:2] == "19"


def test_discard_phrases_match_plurals_and_case() -> None:
    from newsie.events.cameo import default_discards

    discards = default_discards()
    assert discards.sentence("Two BASKETBALLS were stolen.") is not None
    assert discards.sentence("He scored in the World Cup final.") is not None
    assert discards.sentence("Rebels attacked the base.") is None
    assert discards.story("Manchester United won.") is not None


def test_history_and_disasters_in_the_sentence_do_not_discard_it(parse, coder) -> None:
    assert _code(parse, coder, "Rebels attacked the base, the worst attack since World War II.", "attacked")
    assert _code(parse, coder, "Russia deployed troops after the typhoon.", "deployed") == "154"


def test_a_noun_modifier_is_no_trigger(parse, coder) -> None:
    assert _match(parse, coder, "Gunmen kidnapped two aid workers.", "aid") is None


def test_irregular_form_maps_to_lemma(parse, coder) -> None:
    doc = parse("They brought a message.")
    assert "bring" in coder.verb_keys(doc[1])


def test_type_for_code() -> None:
    assert type_for_code("0841") == "RELEASE"
    assert type_for_code("1831") == "BOMBING"
    assert type_for_code("163") == "SANCTION"
    assert type_for_code("195") == "AIRSTRIKE"
    assert type_for_code("154") == "DEPLOY"
    assert type_for_code(None) is None


def test_compatible() -> None:
    assert compatible("190", "195")
    assert compatible("084", "0841")
    assert compatible("080", "0841")
    assert compatible("100", "1011")
    assert not compatible("100", "111")  # "1" is not the significant part of 100: another root
    assert not compatible("190", "183")  # another root
    assert not compatible("084", "083")  # a sibling, not finer
    assert not compatible("0841", "084")  # coarser


def test_known_code_maps_upstream_codes_onto_the_table() -> None:
    assert known_code("0841") == "0841"
    assert known_code("1952") == "195"
    assert known_code(None) is None


def test_guards_and_discards_block_but_a_null_default_does_not(parse, coder) -> None:
    assert _match(parse, coder, "The truck hit a pedestrian.", "hit").blocks
    assert _match(parse, coder, "Zidane head-butted Materazzi during the World Cup final.", "butted").blocks
    assert _match(parse, coder, "She sent a painting to a museum.", "sent").blocks  # a guard (issue #16)


def _copy_data(tmp_path: Path) -> Path:
    import shutil

    src = Path(__file__).resolve().parents[2] / "src" / "newsie" / "events" / "data"
    dst = tmp_path / "data"
    shutil.copytree(src, dst)
    return dst


def test_bad_guard_file_names_file_and_field(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    path = data / "cameo_guards.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "kill\tobject:car\tbad slot\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"cameo_guards\.tsv:\d+: constraints: unknown constraint slot"):
        CameoCoder(data)


def test_bad_noun_code_names_file_and_field(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    path = data / "cameo_nouns.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "noun\traid\t\t19x\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"cameo_nouns\.tsv:\d+: field code"):
        CameoCoder(data)


def test_unknown_synonym_set_is_refused(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    path = data / "cameo_guards.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "kill\tsubj:&NOPE\ttypo\n", encoding="utf-8")
    with pytest.raises(DataError, match="unknown synonym set '&NOPE'"):
        CameoCoder(data)


def test_an_arrest_after_a_traffic_accident_is_still_an_arrest(parse, coder) -> None:
    # regression: the upstream discard "traffic accident" used to make the whole sentence not codable
    assert _code(parse, coder, "Police arrested the driver after a traffic accident.", "arrested") == "173"
