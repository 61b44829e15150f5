from __future__ import annotations

import json

import pytest

from newsie.cli import main

from .conftest import write_jsonl


def test_cli_baseline_only_with_json_and_errors(tmp_path, capsys, sentence_gold):
    gold = write_jsonl(tmp_path / "g.jsonl", [sentence_gold])
    out = tmp_path / "scores" / "s.json"
    rc = main(["evaluate", str(gold), "--no-newsie", "--baseline", "sm", "--json", str(out), "--errors", "2"])
    printed = capsys.readouterr().out
    assert rc == 0
    assert "newsie evaluate: split all: 1 documents (1 with entity gold), 5 gold entities" in printed
    assert "note: baseline entity spans lose a leading determiner ('the' on all labels; 'a'/'an' on EVENT" in printed
    assert "errors (sm): 2 entity errors (strict), first 2:" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [s["name"] for s in data["systems"]] == ["sm"]
    strict = data["systems"][0]["entities"]["strict"]
    assert (strict["tp"], strict["fp"], strict["fn"]) == (4, 1, 1)
    assert data["systems"][0]["events"] is None


def test_cli_json_to_stdout(tmp_path, capsys, sentence_gold):
    gold = write_jsonl(tmp_path / "g.jsonl", [sentence_gold])
    assert main(["evaluate", str(gold), "--no-newsie", "--baseline", "sm", "--json", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["n_docs"] == 1 and data["label_map"] == "ontonotes"


def test_cli_reports_gold_errors_with_exit_2(tmp_path, capsys, sentence_gold):
    bad = {**sentence_gold, "entities": [dict(sentence_gold["entities"][1], start=24, end=35)]}
    gold = write_jsonl(tmp_path / "bad.jsonl", [bad])
    assert main(["evaluate", str(gold), "--no-newsie", "--baseline", "sm"]) == 2
    err = capsys.readouterr().err
    assert f"{gold}:1: [24:35] entity GPE text 'North Korea' does not match" in err


def test_cli_usage_errors(tmp_path, capsys, sentence_gold):
    gold = write_jsonl(tmp_path / "g.jsonl", [sentence_gold])
    assert main(["evaluate", str(gold), "--no-newsie"]) == 2
    assert "--no-newsie needs at least one --baseline" in capsys.readouterr().err
    assert main(["evaluate", str(gold), "--no-newsie", "--baseline", "sm", "--label-map", "nope"]) == 2
    assert "unknown label map 'nope'" in capsys.readouterr().err
    assert main(["evaluate", str(gold), "--no-newsie", "--baseline", "no_such_pipeline_xyz"]) == 2
    assert "no_such_pipeline_xyz" in capsys.readouterr().err


def test_cli_on_the_repository_gold(repo, nlp, capsys, tmp_path):
    """`newsie evaluate data/gold/ --baseline sm` on the hand-labelled gold shipped in the repository."""
    from newsie.evaluate.gold import load_gold_located

    gold_dir = repo / "data" / "gold"
    if not gold_dir.is_dir() or not any(gold_dir.glob("*.jsonl")):
        pytest.skip("data/gold/ has no gold files yet")
    n_docs = len(load_gold_located([gold_dir]))
    if n_docs == 0:
        pytest.skip("data/gold/ holds no gold documents yet")
    out = tmp_path / "gold.json"
    assert main(["evaluate", str(gold_dir), "--baseline", "sm", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"newsie evaluate: split all: {n_docs} documents" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    newsie, sm = data["systems"]
    assert (newsie["name"], sm["name"]) == ("newsie", "sm")
    # every system finds most of the gold entities at least by overlap (a broken reader or offset bug would not)
    assert newsie["entities"]["partial"]["f1"] > 0.6 and sm["entities"]["partial"]["f1"] > 0.6
    assert newsie["events"]["n_gold"] == data["n_gold_events"]


def _split_gold(tmp_path, sentence_gold):
    """A gold folder with two event-only documents, one per split, and its splits.yaml."""
    text = sentence_gold["text"]
    said = text.index(" ") + 1
    docs = []
    for doc_id in ("dev-doc", "test-doc"):
        docs.append({"id": doc_id, "text": text, "layers": ["events"], "topic": "politics", "events": [
            {"id": "e1", "type": "STATEMENT", "trigger": {"text": text[said:said + 4], "start": said, "end": said + 4}}]})
    (tmp_path / "gold").mkdir()
    gold = write_jsonl(tmp_path / "gold" / "events.jsonl", docs)
    (tmp_path / "gold" / "splits.yaml").write_text("dev: [dev-doc]\ntest: [test-doc]\n", encoding="utf-8")
    return gold.parent


def test_cli_split_test_is_scored_but_lists_no_errors(tmp_path, capsys, sentence_gold):
    gold = _split_gold(tmp_path, sentence_gold)
    out = tmp_path / "test.json"
    assert main(["evaluate", str(gold), "--no-newsie", "--baseline", "sm", "--split", "test", "--errors", "5",
                 "--json", str(out)]) == 0
    captured = capsys.readouterr()
    assert "newsie evaluate: split test: 1 documents (0 with entity gold)" in captured.out
    assert "entities: no entity gold in these documents" in captured.out and "entities, strict" not in captured.out
    assert "--split test lists no errors" in captured.err and "errors (sm)" not in captured.out
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["split"] == "test" and data["doc_ids"] == ["test-doc"]
    assert data["systems"][0]["entity_errors"] == []  # the held-out split is never inspected
    assert main(["evaluate", str(gold), "--no-newsie", "--baseline", "sm", "--split", "seen"]) == 2
    assert "no split 'seen'" in capsys.readouterr().err
