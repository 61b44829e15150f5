"""The data files validate, name only existing role finders, and cover the required event types."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsie.events import resources
from newsie.events.roles import FINDERS

REQUIRED_TYPES = {
    "ORDER", "DEPLOY", "RECRUIT", "SELECT", "PROMISE", "DECIDE", "CANCEL", "STATEMENT", "PRAISE", "CRITICIZE",
    "WARN", "THREATEN", "ATTACK", "OFFENSIVE", "COUNTER_OFFENSIVE", "TRANSFER", "SPEECH", "MEET", "AGREE",
    "ARREST", "KILL", "INJURE", "PROTEST", "SANCTION", "ELECT", "APPOINT",
}


def test_shipped_files_validate() -> None:
    lex = resources.load_lexicon()
    cues = resources.load_cues()
    aliases = resources.load_aliases()
    merges = resources.load_merges()
    assert set(lex.events) >= REQUIRED_TYPES
    assert set(cues.modality_rank) == {"asserted", "planned", "expected", "possible", "conditional", "cancelled",
                                       "negated"}
    assert aliases.demonyms()["north korean"] == "North Korea"
    assert {m.name for m in merges.merges} >= {"order_then_deploy", "anaphoric_nominal"}


def test_every_role_finder_exists_and_nominal_triggers_present() -> None:
    lex = resources.load_lexicon()
    nominal = set()
    for name in lex.events:
        for role, specs in lex.roles_for(name).items():
            for spec in specs:
                assert spec.split(":")[0] in FINDERS, f"{name}.{role}: {spec}"
        nominal |= {t.lemma for t in lex.events[name].triggers if t.lemma and "NOUN" in t.pos}
    assert {"order", "offensive", "speech", "attack"} <= nominal


def test_cameo_codes_are_cameo_shaped() -> None:
    for name, ev in resources.load_lexicon().events.items():
        codes = [ev.cameo, *[t.cameo for t in ev.triggers], *ev.cameo_by_theme]
        for code in filter(None, codes):
            assert code.isdigit() and 2 <= len(code) <= 4 and 1 <= int(code[:2]) <= 20, (name, code)


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(resources.DATA_DIR, target)
    return target


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("    complement: absorb\n", "    complment: absorb\n", "complment"),
        ("theme: [complement_clause, embedded:theme]", "theme: [no_such_finder]", "unknown role finder"),
        ("  ORDER:\n", "  Order:\n", "'Order' is not in the type inventory"),
        ("  ORDER:\n", "  LAYOFF:\n", "'LAYOFF' is not in the type inventory"),  # v1 name, now JOB_CUTS
        ('    cameo: "154"\n', '    cameo: "1999"\n', "'1999' is not a CAMEO code"),
        ('{lemma: shell, pos: [VERB], cameo: "194"}', '{lemma: shell, pos: [VERB], cameo: "19x"}',
         "'19x' is not a CAMEO code"),
        ("      - {lemma: instruct, pos: [VERB]}\n",
         "      - {lemma: instruct, pos: [VERB]}\n      - {lemma: instruct, pos: [VERB]}\n", "listed twice"),
    ],
)
def test_broken_lexicon_fails_loudly(tmp_path: Path, old: str, new: str, message: str) -> None:
    data = _copy_data(tmp_path)
    path = data / "lexicon.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        resources.load_lexicon(data)


def test_alias_conflict_is_rejected(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    path = data / "aliases.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  Somebody: [Pyongyang]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="names both"):
        resources.load_aliases(data)


@pytest.mark.parametrize(
    ("name", "old", "new", "loader", "message"),
    [
        ("values.yaml", "families: [fight,", "families: [fights,", "load_values", "fights"),
        ("coref.yaml", "agent_labels:", "agent_label:", "load_coref", "agent_label"),
        ("merges.yaml", "[PROTEST, STRIKE]", "[PROTEST, STRIKES]", "load_merges", "STRIKES"),
        ("cues.yaml", "speech_acts: [STATEMENT,", "speech_acts: [STATEMENTS,", "load_cues", "STATEMENTS"),
    ],
)
def test_issue17_data_fails_loudly_with_file_and_field(tmp_path: Path, name, old, new, loader, message) -> None:
    data = _copy_data(tmp_path)
    path = data / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ValueError, match=message) as err:
        getattr(resources, loader)(data)
    assert name in str(err.value)
