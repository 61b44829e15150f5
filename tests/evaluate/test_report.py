from __future__ import annotations

from newsie.evaluate.entities import EntSpan, score_entities
from newsie.evaluate.events import score_events
from newsie.evaluate.report import format_report
from newsie.evaluate.runner import Evaluation, SystemResult

TEXT = "Alice met Bob in New York on Monday."


def _evaluation() -> Evaluation:
    gold = [EntSpan(0, 5, "PERSON"), EntSpan(10, 13, "PERSON"), EntSpan(17, 25, "GPE")]
    a, a_err = score_entities([("d1", TEXT, gold, [EntSpan(0, 5, "PERSON"), EntSpan(14, 25, "GPE")])])
    b, b_err = score_entities([("d1", TEXT, gold, gold)])
    ev, ev_err = score_events([("d1", TEXT, [], [])])
    return Evaluation(
        n_docs=1, n_gold_entities=3, n_gold_events=0, label_map="ontonotes", n_entity_docs=1,
        systems=[SystemResult("newsie", "m1", a, ev, a_err, ev_err),
                 SystemResult("sm", "m2", b, None, b_err, [], determiners_stripped=True, n_stripped=2)],
        notes=["baseline entity spans: a leading the is stripped"],
    )


def test_table_puts_systems_side_by_side():
    text = format_report(_evaluation())
    lines = text.splitlines()
    assert lines[0] == ("newsie evaluate: split all: 1 documents (1 with entity gold), 3 gold entities, 0 gold events; "
                        "labels: ontonotes")
    assert "note: baseline entity spans: a leading the is stripped" in lines
    assert "note: sm: 2 entity spans lost a leading determiner" in lines
    strict = lines.index("entities, strict (exact span + label):")
    header = lines[strict + 1]
    assert "newsie" in header and "sm" in header
    person = next(ln for ln in lines[strict:] if ln.startswith("PERSON"))
    assert person.split() == ["PERSON", "2", "|", "100.0", "50.0", "66.7", "|", "100.0", "100.0", "100.0"]
    micro = next(ln for ln in lines[strict:] if ln.startswith("micro"))
    assert micro.split()[:6] == ["micro", "3", "|", "50.0", "33.3", "40.0"]
    assert "events (newsie): 0 gold events (0 mentions), 0 records" in text
    assert "coreference MUC" in text and "types with no gold here" in text
    assert "events (sm)" not in text  # baselines have no event scores
    assert "errors (" not in text


def test_error_listing_with_context():
    text = format_report(_evaluation(), errors=2)
    assert "errors (newsie): 3 entity errors (strict), first 2:" in text
    listed = [ln.split()[:2] for ln in text.splitlines() if ln.startswith("  F")]
    assert listed == [["FN", "PERSON"], ["FP", "GPE"]]  # text order: Bob, then "in New York"
    assert "FP GPE" in text and "[in New York]" in text and "<boundary: gold GPE 'New York'>" in text
    assert "errors (sm): 0 entity errors (strict), first 0:" in text
    assert "FN GPE" not in text
