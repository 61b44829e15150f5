from __future__ import annotations

import datetime

import pytest
import spacy
from spacy.language import Language

from newsie.evaluate.gold import GoldFormatError
from newsie.evaluate.runner import determiner_config, evaluate, strip_determiner
from newsie.schema import EventRecord, GoldDocument, TimeValue

from .conftest import SENTENCE, span, write_jsonl

TEXT = "The United States said on Monday that 300 troops met The Guardian reporters in Kyiv."


@Language.component("newsie_eval_test_annotator")
def _annotate(doc):
    """Test pipeline: a DATE norm anchored on doc._.date (so it is right only if the date was set) and one event."""
    for ent in doc.ents:
        if ent.label_ == "DATE" and doc._.date is not None:
            ent._.norm = TimeValue(value=(doc._.date - datetime.timedelta(days=3)).isoformat())
        if ent.label_ == "CARDINAL":
            ent._.norm = {"kind": "quantity", "min": 300, "max": 300}
    said = next(t for t in doc if t.text == "said")
    doc._.events = [
        {"type": "STATEMENT", "trigger": {"text": "said", "start": said.idx, "end": said.idx + 4},
         "actors": [{"text": "United States", "start": 4, "end": 17}], "sentence": 0, "evidence": doc.text,
         "rule": "test"},
    ]
    return doc


def _pipeline(with_events: bool) -> Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "GPE", "pattern": "The United States"},
        {"label": "DATE", "pattern": "Monday"},
        {"label": "CARDINAL", "pattern": "300"},
        {"label": "ORG", "pattern": "The Guardian"},
        {"label": "GPE", "pattern": "Kyiv"},
    ])
    if with_events:
        nlp.add_pipe("newsie_eval_test_annotator")
    return nlp


def _gold() -> GoldDocument:
    said = TEXT.index("said")
    return GoldDocument.model_validate({
        "id": "t1", "text": TEXT, "date": "2023-02-02",
        "entities": [
            span(TEXT, "United States", "GPE"),
            span(TEXT, "Monday", "DATE", norm={"kind": "time", "value": "2023-01-30"}),
            span(TEXT, "300", "CARDINAL", norm={"kind": "quantity", "min": 300, "max": 300}),
            span(TEXT, "The Guardian", "ORG"),
            span(TEXT, "Kyiv", "GPE"),
        ],
        "events": [EventRecord.model_validate({
            "type": "STATEMENT", "trigger": {"text": "said", "start": said, "end": said + 4},
            "actors": [span(TEXT, "United States", "GPE") | {"label": "GPE"}], "sentence": 0, "evidence": TEXT,
            "rule": "gold"}).model_dump()],
    })


def test_evaluate_end_to_end_with_events_norms_and_baseline():
    result = evaluate([_gold()], _pipeline(True), baselines=[("ruler", _pipeline(False))])
    newsie, ruler = result.system("newsie"), result.system("ruler")
    assert (result.n_docs, result.n_gold_entities, result.n_gold_events) == (1, 5, 1)
    # newsie is scored as predicted: "The United States" is a boundary error
    assert (newsie.entities.strict.tp, newsie.entities.strict.fp, newsie.entities.strict.fn) == (4, 1, 1)
    assert newsie.entities.partial.tp == 5
    # norms: DATE anchored with the article date (2023-02-02 minus 3 days) and CARDINAL both right
    assert (newsie.entities.values.correct, newsie.entities.values.total) == (2, 2)
    assert newsie.value_errors == []
    ev = newsie.events
    assert ev is not None and ev.trigger_classification.f1 == 1.0
    assert ev.argument_classification_per_role["actors"].tp == 1 and ev.record_exact.tp == 1
    # the baseline's sentence-initial "The" is stripped; "The Guardian" mid-sentence keeps its article
    assert ruler.determiners_stripped and ruler.n_stripped == 1
    assert (ruler.entities.strict.tp, ruler.entities.strict.fp, ruler.entities.strict.fn) == (5, 0, 0)
    assert ruler.events is None
    assert ruler.entities.values.total == 2 and ruler.entities.n_pred_norms == 0
    assert any("lose a leading determiner" in n for n in result.notes)
    d = result.to_dict()
    assert [s["name"] for s in d["systems"]] == ["newsie", "ruler"]
    assert d["systems"][0]["entities"]["strict"]["f1"] == pytest.approx(0.8)


def test_without_determiner_stripping_the_baseline_loses_the_span():
    result = evaluate([_gold()], baselines=[("ruler", _pipeline(False))], include_newsie=False,
                      strip_determiners=False)
    ruler = result.system("ruler")
    assert ruler.n_stripped == 0 and ruler.entities.strict.tp == 4
    assert any("not stripped" in n for n in result.notes)
    with pytest.raises(KeyError):
        result.system("newsie")


def test_label_map_conll(tmp_path):
    t = SENTENCE
    gold = {"id": "c1", "text": t, "entities": [
        span(t, "North Korea", "LOC"), span(t, "Russia", "LOC"), span(t, "Pyongyang", "LOC"),
        span(t, "Vladimir Putin", "PER")]}
    path = write_jsonl(tmp_path / "conll.jsonl", [gold])
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([
        {"label": "GPE", "pattern": "North Korea"}, {"label": "GPE", "pattern": "Russia"},
        {"label": "PERSON", "pattern": "Vladimir Putin"}, {"label": "DATE", "pattern": "a week"},
    ])
    result = evaluate(path, nlp, label_map="conll")
    s = result.system("newsie").entities
    assert result.label_map == "conll"
    assert set(s.strict_per_label) == {"LOC", "PER"}  # DATE dropped by the map, not a false positive
    assert (s.strict.tp, s.strict.fp, s.strict.fn) == (3, 0, 1)
    with pytest.raises(GoldFormatError, match=r"conll.jsonl:1: \[137:151\] unknown entity label 'PER'"):
        evaluate(path, nlp)  # without the map, PER is not an OntoNotes label


def test_sm_on_a_real_sentence(sm, sentence_gold):
    result = evaluate([sentence_gold], sm)
    s = result.system("newsie").entities
    # en_core_web_sm 3.8.0 finds all five, but includes the possessive in "Vladimir Putin’s"
    assert (s.strict.tp, s.strict.fp, s.strict.fn) == (4, 1, 1)
    assert (s.partial.tp, s.partial.fp, s.partial.fn) == (5, 0, 0)
    assert result.system("newsie").events.trigger_identification.fn == 0


def test_newsie_evaluate_is_the_public_function(sentence_gold):
    import importlib

    import newsie

    assert newsie.evaluate is evaluate and "evaluate" in newsie.__all__
    # the CLI still finds the subpackage module (sys.modules, not the package attribute)
    assert importlib.import_module("newsie.evaluate.cli").run.__module__ == "newsie.evaluate.cli"
    result = newsie.evaluate([sentence_gold], _pipeline(False))
    assert result.system("newsie").entities.strict.fn == 5  # the ruler knows none of this sentence's names


def test_determiner_rules_follow_the_gold_convention():
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([
        {"label": "DATE", "pattern": "a year"},
        {"label": "GPE", "pattern": "the United States"},
        {"label": "DATE", "pattern": "the next four years"},
        {"label": "ORG", "pattern": "an Airbus unit"},
    ])
    doc = nlp("He spent a year in the United States and an Airbus unit will stay for the next four years.")
    got = [doc.text[slice(*strip_determiner(e, determiner_config()))] for e in doc.ents]
    # "a" may mean "one" in a value span, so "a year" keeps it
    assert got == ["a year", "United States", "Airbus unit", "next four years"]


def test_no_gold_documents_gives_empty_scores_not_an_error():
    result = evaluate([], _pipeline(True), baselines=[("ruler", _pipeline(False))])
    assert result.n_docs == 0 and result.n_gold_entities == 0
    assert result.system("newsie").entities.strict.f1 == 0.0
    assert result.system("newsie").events.n_gold == 0


def test_event_only_documents_do_not_score_entities():
    """A document labelled for events only: the system's entities there are neither false positives nor hits."""
    gold = _gold()
    event_only = GoldDocument.model_validate({**gold.model_dump(), "id": "t2", "entities": [], "layers": ["events"]})
    result = evaluate([gold, event_only], _pipeline(True))
    newsie = result.system("newsie")
    assert (result.n_docs, result.n_entity_docs, result.n_gold_entities, result.n_gold_events) == (2, 1, 5, 2)
    assert (newsie.entities.strict.tp, newsie.entities.strict.fp, newsie.entities.strict.fn) == (4, 1, 1)
    assert newsie.events.trigger_classification.tp == 2
    assert any("entities scored on the 1 of 2 documents" in n for n in result.notes)


def test_split_selects_documents_from_splits_yaml(tmp_path):
    import json

    gold = _gold()
    docs = [gold.model_dump(mode="json"), {**gold.model_dump(mode="json"), "id": "t9"}]
    path = tmp_path / "g.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    (tmp_path / "splits.yaml").write_text("dev: [t9]\ntest: [t1]\n", encoding="utf-8")
    assert evaluate(tmp_path, _pipeline(True), split="dev").doc_ids == ["t9"]
    assert evaluate(path, _pipeline(True), split="test").doc_ids == ["t1"]
    assert evaluate(path, _pipeline(True), split="all").n_docs == 2
    (tmp_path / "splits.yaml").write_text("dev: [t9, t1]\ntest: [t1]\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="document 't1' is in 'dev' and 'test'"):
        evaluate(path, _pipeline(True), split="dev")
    (tmp_path / "splits.yaml").write_text("dev: [t9, t7]\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"lists documents not in the gold: \['t7'\]"):
        evaluate(path, _pipeline(True), split="dev")
    (tmp_path / "splits.yaml").unlink()
    with pytest.raises(GoldFormatError, match="needs a splits.yaml"):
        evaluate(path, _pipeline(True), split="dev")



def test_test_split_lists_no_errors_whoever_calls() -> None:
    """Regression: only the CLI hid the test split's errors; the library's to_dict/format_report listed them."""
    from newsie.evaluate.entities import EntityScores
    from newsie.evaluate.events import EventError
    from newsie.evaluate.report import format_report
    from newsie.evaluate.runner import Evaluation, SystemResult

    err = EventError("d", "FN", "ATTACK", 0, 6, "attack", "[attack] on the market")
    for split, listed in (("test", 0), ("dev", 1)):
        sys_ = SystemResult("newsie", "m", EntityScores(), None, event_errors=[err])
        ev = Evaluation(n_docs=1, n_gold_entities=0, n_gold_events=1, label_map="ontonotes", systems=[sys_],
                        split=split)
        assert len(ev.to_dict(None)["systems"][0]["event_errors"]) == listed
        assert ("errors (newsie)" in format_report(ev, errors=5)) == bool(listed)
