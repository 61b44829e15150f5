"""The dev scorer: restriction to gold_labels, determiner stripping, micro/per-label arithmetic."""

from __future__ import annotations

from newsie.ner.devscore import gold_spans, score, table


def _ex(text: str, spans: list, gold_labels: list[str]) -> dict:
    return {"id": "x", "text": text, "spans": spans, "gold_labels": gold_labels}


def test_scores_only_gold_labels_and_strips_the() -> None:
    text = "the Pentagon said Joe Biden met Xi on Monday."
    ex = _ex(text, [[0, 12, "ORG", "gold"], [18, 27, "PERSON", "gold"], [31, 33, "PERSON", "gold"],
                    [37, 43, "DATE", "silver"]], ["ORG", "PERSON"])
    assert len(gold_spans(ex)) == 3
    pred = [(4, 12, "ORG"), (18, 27, "PERSON"), (31, 33, "GPE"), (37, 43, "DATE")]
    res = score([ex], [pred])
    assert res["ORG"]["tp"] == 1  # "the Pentagon" gold == "Pentagon" predicted after stripping
    assert res["PERSON"] == {"p": 100.0, "r": 50.0, "f": 66.67, "tp": 1, "fp": 0, "fn": 1}
    assert "DATE" not in res and "GPE" not in res  # labels the example does not annotate are not scored
    assert res["micro"]["tp"] == 2 and res["micro"]["fn"] == 1 and res["micro"]["fp"] == 0


def test_examples_without_gold_labels_are_skipped_and_table_renders() -> None:
    ex = _ex("Paris", [[0, 5, "GPE", "silver"]], [])
    res = score([ex], [[(0, 5, "GPE")]])
    assert res["micro"]["tp"] == 0 and res["micro"]["fp"] == 0
    out = table({"systems": {"a": score([_ex("Paris", [[0, 5, "GPE", "gold"]], ["GPE"])], [[(0, 5, "GPE")]])}})
    assert "| GPE | 100.0 | 1 |" in out and "micro" in out
