from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.tokens import DocBin

from newsie.evaluate.gold import GoldFormatError, load_gold, load_gold_located, read_brat
from newsie.evaluate.labels import ontonotes_labels

from .conftest import SENTENCE, span, write_jsonl

ONTO = ontonotes_labels()


def _issues(err: pytest.ExceptionInfo[GoldFormatError]) -> list[str]:
    return [str(i) for i in err.value.issues]


def test_jsonl_round_trip(tmp_path, sentence_gold):
    path = write_jsonl(tmp_path / "g.jsonl", [sentence_gold, {**sentence_gold, "id": "s2", "entities": []}])
    docs = load_gold(path, ONTO)
    assert [d.id for d in docs] == ["s1", "s2"]
    assert str(docs[0].date) == "2023-02-02"
    ents = docs[0].entities
    assert [SENTENCE[e.start:e.end] for e in ents] == [e.text for e in ents]
    assert ents[0].norm.value == "P1W"


def test_jsonl_errors_name_file_line_and_span(tmp_path, sentence_gold):
    shifted = {**sentence_gold, "id": "bad1", "entities": [dict(sentence_gold["entities"][1], start=24, end=35)]}
    outside = {**sentence_gold, "id": "bad2", "entities": [{"start": 150, "end": 999, "label": "GPE"}]}
    unknown = {**sentence_gold, "id": "bad3", "entities": [span(SENTENCE, "Russia", "COUNTRY")]}
    overlapping = {
        **sentence_gold, "id": "bad4",
        "entities": [span(SENTENCE, "North Korea", "GPE"), span(SENTENCE, "Korea", "GPE")],
    }
    path = write_jsonl(tmp_path / "bad.jsonl", [sentence_gold, shifted, outside, unknown, overlapping])
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("{not json\n")
        fh.write(json.dumps({"id": "x", "text": "t", "entities": [{"start": 0, "end": 1}]}) + "\n")
    with pytest.raises(GoldFormatError) as err:
        load_gold(path, ONTO)
    msgs = _issues(err)
    p = str(path)
    assert any(m.startswith(f"{p}:2: [24:35]") and "does not match the text there" in m for m in msgs)
    assert any(m.startswith(f"{p}:3: [150:999]") and "past the end of the text" in m for m in msgs)
    assert any(m.startswith(f"{p}:4:") and "unknown entity label 'COUNTRY'" in m for m in msgs)
    assert any(m.startswith(f"{p}:5:") and "overlaps entity GPE 'North Korea'" in m for m in msgs)
    assert any(m.startswith(f"{p}:6:") and "not valid JSON" in m for m in msgs)
    assert any(m.startswith(f"{p}:7:") and "entities.0.label" in m for m in msgs)
    assert len(msgs) == 6  # line 1 is clean


def test_event_spans_are_checked(tmp_path, sentence_gold):
    ev = {
        "type": "PROMISE", "trigger": {"text": "promise", "start": 35, "end": 43},
        "sentence": 0, "evidence": SENTENCE, "rule": "gold",
    }
    path = write_jsonl(tmp_path / "e.jsonl", [{**sentence_gold, "events": [ev]}])
    with pytest.raises(GoldFormatError, match=r"event 0 \(PROMISE\) trigger text 'promise'"):
        load_gold(path, ONTO)


def test_mention_and_participant_spans_are_checked(tmp_path, sentence_gold):
    start = SENTENCE.index("promised")
    trig = {"text": "promised", "start": start, "end": start + 8}
    ev = {"id": "e7", "type": "PROMISE", "trigger": trig,
          "mentions": [trig, {"text": "Russia", "start": 3, "end": 9}],
          "actors": [{"text": "North Korea", "start": 0, "end": 11}]}
    path = write_jsonl(tmp_path / "m.jsonl", [{**sentence_gold, "events": [ev]}])
    with pytest.raises(GoldFormatError) as err:
        load_gold(path, ONTO)
    messages = [i.message for i in err.value.issues]
    assert any(m.startswith("event 0 (e7) mention text 'Russia'") for m in messages), messages
    assert any(m.startswith("event 0 (e7) actors text 'North Korea'") for m in messages), messages


def test_duplicate_ids_across_files(tmp_path, sentence_gold):
    write_jsonl(tmp_path / "a.jsonl", [sentence_gold])
    write_jsonl(tmp_path / "b.jsonl", [sentence_gold])
    with pytest.raises(GoldFormatError, match="duplicate document id 's1'"):
        load_gold(tmp_path, ONTO)


def _write_brat(folder: Path, gold: dict, name: str = "s1") -> Path:
    (folder / f"{name}.txt").write_text(gold["text"], encoding="utf-8")
    lines = [f"T{i}\t{e['label']} {e['start']} {e['end']}\t{e['text']}" for i, e in enumerate(gold["entities"], 1)]
    lines += ["R1\tLocated Arg1:T2 Arg2:T3", "#1\tAnnotatorNotes T1\tchecked"]
    ann = folder / f"{name}.ann"
    ann.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ann


def test_brat_reader_on_a_real_sentence(tmp_path, sentence_gold):
    ann = _write_brat(tmp_path, sentence_gold)
    [doc] = load_gold(ann, ONTO)
    assert doc.id == "s1" and doc.text == SENTENCE
    want = [(e["start"], e["end"], e["label"]) for e in sentence_gold["entities"]]
    assert [(e.start, e.end, e.label) for e in doc.entities] == want
    # the .txt path names the same document
    assert load_gold(tmp_path / "s1.txt", ONTO)[0].entities == doc.entities


def test_brat_keeps_crlf_offsets(tmp_path):
    text = "Seoul said.\r\nKim Jong Un left."
    (tmp_path / "c.txt").write_bytes(text.encode("utf-8"))
    start = text.index("Kim")
    (tmp_path / "c.ann").write_text(f"T1\tPERSON {start} {start + 11}\tKim Jong Un\n", encoding="utf-8")
    [doc] = load_gold(tmp_path / "c.ann", ONTO)
    assert doc.text[doc.entities[0].start:doc.entities[0].end] == "Kim Jong Un"


def test_brat_errors_name_the_ann_line(tmp_path, sentence_gold):
    ann = _write_brat(tmp_path, sentence_gold)
    with open(ann, "a", encoding="utf-8") as fh:
        fh.write("T9\tGPE 23 28;29 34\tNorth Korea\n")
        fh.write("T10\tGPE 24 35\tNorth Korea\n")
        fh.write("T11\tPLACE 86 92\tRussia\n")
    with pytest.raises(GoldFormatError) as err:
        read_brat(ann, ONTO)
    msgs = _issues(err)
    assert any(m.startswith(f"{ann}:8:") and "discontinuous" in m for m in msgs)
    assert any(m.startswith(f"{ann}:9: [24:35]") and "does not match" in m for m in msgs)
    assert any(m.startswith(f"{ann}:10: [86:92]") and "unknown entity label 'PLACE'" in m for m in msgs)


def test_brat_overlap_is_an_error(tmp_path, sentence_gold):
    ann = _write_brat(tmp_path, sentence_gold)
    with open(ann, "a", encoding="utf-8") as fh:
        fh.write("T9\tGPE 29 34\tKorea\n")
    with pytest.raises(GoldFormatError, match=r"\[29:34\] entity GPE 'Korea' overlaps"):
        read_brat(ann, ONTO)


def _docbin(sm, gold: dict, path: Path) -> Path:
    doc = sm.make_doc(gold["text"])
    doc.ents = [doc.char_span(e["start"], e["end"], label=e["label"]) for e in gold["entities"]]
    doc.user_data["date"] = gold["date"]
    doc.user_data["id"] = gold["id"]
    DocBin(store_user_data=True, docs=[doc, sm.make_doc("No entities here.")]).to_disk(path)
    return path


def test_docbin_reader_on_a_real_sentence(tmp_path, sm, sentence_gold):
    path = _docbin(sm, sentence_gold, tmp_path / "g.spacy")
    located = load_gold_located([path], ONTO)
    assert [(x.doc.id, x.line) for x in located] == [("s1", 1), ("g#1", 2)]
    doc = located[0].doc
    assert str(doc.date) == "2023-02-02" and doc.text == SENTENCE
    want = [(e["start"], e["end"], e["label"]) for e in sentence_gold["entities"]]
    assert [(e.start, e.end, e.label) for e in doc.entities] == want


def test_docbin_unknown_label_and_corrupt_file(tmp_path, sm, sentence_gold):
    gold = {**sentence_gold, "entities": [span(SENTENCE, "Russia", "COUNTRY")]}
    path = _docbin(sm, gold, tmp_path / "g.spacy")
    with pytest.raises(GoldFormatError, match=r"g.spacy:1: \[86:92\] unknown entity label 'COUNTRY'"):
        load_gold(path, ONTO)
    bad = tmp_path / "bad.spacy"
    bad.write_bytes(b"not a docbin")
    with pytest.raises(GoldFormatError, match="not a spaCy DocBin"):
        load_gold(bad, ONTO)


def test_folder_mixes_formats_and_ignores_other_files(tmp_path, sm, sentence_gold):
    write_jsonl(tmp_path / "a.jsonl", [{**sentence_gold, "id": "j1"}])
    sub = tmp_path / "brat"
    sub.mkdir()
    _write_brat(sub, sentence_gold, name="b1")
    _docbin(sm, {**sentence_gold, "id": "d1"}, tmp_path / "c.spacy")
    (tmp_path / "README.md").write_text("notes", encoding="utf-8")
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    ids = sorted(d.id for d in load_gold(tmp_path, ONTO))
    assert ids == ["b1", "c#1", "d1", "j1"]


def test_missing_and_unsupported_paths(tmp_path):
    with pytest.raises(GoldFormatError, match="no such file or folder"):
        load_gold(tmp_path / "nope.jsonl")
    (tmp_path / "x.csv").write_text("a,b", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="unsupported gold format"):
        load_gold(tmp_path / "x.csv")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(GoldFormatError, match="no gold files"):
        load_gold(empty)


def test_entity_only_formats_declare_their_layer(tmp_path, sentence_gold):
    """BRAT and DocBin gold carry entities only, so a system's events there are not counted as false positives."""
    text = sentence_gold["text"]
    (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    (tmp_path / "d.ann").write_text(f"T1\tGPE 23 34\t{text[23:34]}\n", encoding="utf-8")
    (doc,) = load_gold(tmp_path / "d.ann", ONTO)
    assert doc.layers == ["entities"] and doc.entities[0].label == "GPE"
