"""The gold builder: span anchoring rules, error messages naming file/event/field, time precision, a whole file."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsie.tooling.goldbuild import (
    AuthoringError,
    DocumentMeta,
    build_all,
    build_document,
    find_span,
    time_precision,
    to_jsonl,
)

DOC = ("North Korea puts military on alert\nFriday, August 21, 2015\n"
       "North and South Korea exchanged artillery fire yesterday. The exchange of fire followed a warning. "
       "Seoul said the “war” threat was real; the war-like rhetoric continued.")


def test_text_that_occurs_once() -> None:
    start, end = find_span(DOC, {"text": "exchanged artillery fire"})
    assert DOC[start:end] == "exchanged artillery fire"


def test_whole_words_only() -> None:
    # "war" also occurs inside "warning" and "war-like"; as a word it is the quoted one and "war-like"'s
    assert find_span(DOC, {"text": "warning"}) == (DOC.index("warning"), DOC.index("warning") + 7)
    with pytest.raises(ValueError, match="occurs 2 times"):
        find_span(DOC, {"text": "war"})
    start, _ = find_span(DOC, {"text": "war", "near": "“war” threat"})
    assert start == DOC.index("“war”") + 1


def test_near_rules() -> None:
    start, end = find_span(DOC, {"text": "exchange", "near": "The exchange of fire"})
    assert (start, end) == (DOC.index("The exchange") + 4, DOC.index("The exchange") + 12)
    with pytest.raises(ValueError, match="near 'Korea' occurs 2 times"):
        find_span(DOC, {"text": "North", "near": "Korea"})
    with pytest.raises(ValueError, match="occurs 0 times in near"):
        find_span(DOC, {"text": "Seoul", "near": "The exchange of fire"})
    with pytest.raises(ValueError, match="occurs 0 times in the document"):
        find_span(DOC, {"text": "Pyongyang"})


def test_whitespace_quotes_and_dashes_are_lenient_but_the_span_is_the_documents() -> None:
    start, end = find_span(DOC, {"text": "alert Friday"})  # a line break written as a space
    assert DOC[start:end] == "alert\nFriday"
    start, end = find_span(DOC, {"text": 'the "war" threat'})
    assert DOC[start:end] == "the “war” threat"
    start, end = find_span(DOC, {"text": "war–like"})
    assert DOC[start:end] == "war-like"


@pytest.mark.parametrize(("value", "expected"), [
    ("2015-08-20", ("day", True)), ("2015-08", ("month", True)), ("2015", ("year", True)),
    ("XXXX-01-08", ("day", False)), ("XXXX-WXX-6", ("day", False)), ("P3D", ("duration", False)), ("PAST_REF", ("ref", False)),
    ("2015-08-20TNI", ("time", True)), ("2015-W34", ("week", True)), ("2015-SU", ("season", True)),
    ("201X", ("decade", True)), ("yesterday", ("unknown", False)),
])
def test_time_precision(value: str, expected: tuple[str, bool]) -> None:
    assert time_precision(value) == expected


META = DocumentMeta("doc1", "conflict", "https://example.org/doc1", "2015-08-21", "CC BY 2.5")

GOOD = """\
id: doc1
events:
  - id: e1
    type: SHELLING
    cameo: "194"
    modality: asserted
    mentions:
      - {text: exchange, near: "The exchange of fire"}
      - text: exchanged artillery fire
    actors:
      - {text: North, near: "North and South", code: PRKMIL, country: PRK}
      - {text: South Korea, code: KORMIL, country: KOR}
    targets: []
    time: {text: yesterday, value: "2015-08-20"}
    casualties: {killed: {min: 2, max: null, approx: true, parts: [{text: "2015"}]}, injured: null}
    note: a doubt that is not gold
  - id: e2
    type: STATEMENT
    cameo: "010"
    mentions: [{text: said}]
    actors: [{text: Seoul, code: KORGOV, country: KOR}]
"""


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "doc1.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_a_whole_document(tmp_path: Path) -> None:
    doc, issues = build_document(_write(tmp_path, GOOD), DOC, META)
    assert issues == [] and doc is not None
    assert (doc.layers, doc.topic, doc.source, str(doc.date)) == (["events"], "conflict", META.url, "2015-08-21")
    shelling, statement = doc.events
    assert [m.text for m in shelling.mentions] == ["exchanged artillery fire", "exchange"]  # text order
    assert shelling.trigger == shelling.mentions[0] and shelling.trigger.sentence is None
    assert [(a.text, a.code, a.country) for a in shelling.actors] == [("North", "PRKMIL", "PRK"),
                                                                      ("South Korea", "KORMIL", "KOR")]
    assert (shelling.cameo_root, shelling.quad_class) == ("19", 4)
    assert (shelling.time.value, shelling.time.precision, shelling.time.anchored) == ("2015-08-20", "day", True)
    assert shelling.casualties.killed.min == 2 and shelling.casualties.killed.parts[0].text == "2015"
    assert statement.modality == "asserted" and "note" not in to_jsonl([doc])


@pytest.mark.parametrize(("old", "new", "message"), [
    ("type: SHELLING", "type: SHELLFIRE", "doc1.yaml: event e1: type: 'SHELLFIRE' is not in the type inventory"),
    ('cameo: "194"', "cameo: 194", "doc1.yaml: event e1: cameo: 194 must be a quoted string"),
    ('cameo: "194"', 'cameo: "1999"', "doc1.yaml: event e1: cameo: '1999' is not a CAMEO code"),
    ("{text: South Korea,", "{text: Korea,", "doc1.yaml: event e1: actors[1]: text 'Korea' occurs 2 times"),
    ("country: KOR}\n    targets", "country: Korea}\n    targets", "doc1.yaml: event e1: actors.1.country"),
    ("  - id: e2", "  - id: e1", "doc1.yaml: event e1: id: used by another event"),
    ("mentions: [{text: said}]", "mentions: [{text: exchange, near: The exchange of fire}]",
     f"event e2: mentions: 'exchange' at {DOC.index('exchange of')} is also a mention of event e1"),
    ("note: a doubt", "notes: a doubt", "doc1.yaml: event e1: event: unknown key(s) ['notes']"),
    ("{text: yesterday,", "{txt: yesterday,", "doc1.yaml: event e1: time: unknown key(s) ['txt']"),
    ("mentions: [{text: said}]", "mentions: []", "doc1.yaml: event e2: mentions: an event needs at least one"),
])
def test_errors_name_file_event_and_field(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in GOOD
    doc, issues = build_document(_write(tmp_path, GOOD.replace(old, new, 1)), DOC, META)
    assert doc is None and any(message in i for i in issues), issues


def test_build_all_collects_every_problem(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "doc1.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / "documents.yaml").write_text(
        "- {id: doc1, topic: conflict, url: 'https://example.org/doc1', date: '2015-08-21', licence: x}\n",
        encoding="utf-8")
    (tmp_path / "authoring").mkdir()
    (tmp_path / "authoring" / "doc1.yaml").write_text(GOOD, encoding="utf-8")
    assert [d.id for d in build_all(tmp_path)] == ["doc1"]
    (tmp_path / "authoring" / "doc2.yaml").write_text("id: doc2\nevents: []\n", encoding="utf-8")
    (tmp_path / "authoring" / "doc1.yaml").write_text(GOOD.replace("type: STATEMENT", "type: SPEAK"),
                                                       encoding="utf-8")
    with pytest.raises(AuthoringError) as err:
        build_all(tmp_path)
    assert len(err.value.issues) == 2
    assert "doc2.yaml: no entry 'doc2' in documents.yaml" in err.value.issues
