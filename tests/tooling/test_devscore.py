"""The dev scorer: restriction to gold_labels, determiner stripping, micro/per-label arithmetic, bootstrap."""

from __future__ import annotations

from newsie.tooling.devscore import bootstrap, bootstrap_table, example_counts, gold_spans, score, table


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


def _docs() -> list[dict]:
    """Ten one-span documents (two examples each): "Ann" PERSON and "Rome" GPE."""
    out = []
    for d in range(10):
        for k, (text, label) in enumerate([("Ann", "PERSON"), ("Rome", "GPE")]):
            out.append({"id": f"d{d}:{k}", "doc": f"d{d}", "corpus": "c", "text": text,
                        "spans": [[0, len(text), label, "gold"]], "gold_labels": ["PERSON", "GPE"]})
    return out


def test_bootstrap_is_paired_and_resamples_whole_documents() -> None:
    exs = _docs()
    perfect = [[(0, len(e["text"]), e["spans"][0][2])] for e in exs]
    # the reference misses PERSON in 3 of 10 documents (d0, d1, d2)
    ref = [[] if e["spans"][0][2] == "PERSON" and i < 6 else p
           for i, (e, p) in enumerate(zip(exs, perfect, strict=True))]
    counts = {"ref": example_counts(exs, ref), "same": example_counts(exs, ref), "better": example_counts(exs, perfect)}
    boot = bootstrap(exs, counts, "ref", resamples=200)

    assert boot["documents"] == 10 and boot["unit"] == "document"
    same = boot["systems"]["same"]
    assert same["PERSON"] == {"delta": 0.0, "lo": 0.0, "hi": 0.0, "p_at_least_ref": 1.0}  # paired: no noise
    better = boot["systems"]["better"]["PERSON"]
    assert better["delta"] == round(100 - 200 * 7 / 17, 2)  # F1 1.0 vs 2*7/(2*7+3)
    assert 0 <= better["lo"] <= better["delta"] <= better["hi"] and better["p_at_least_ref"] == 1.0
    assert boot["systems"]["better"]["GPE"]["delta"] == 0.0
    assert "micro" in boot["systems"]["better"]
    assert "| PERSON | +0.0 [+0.0, +0.0] (100%) | +17.6 [" in bootstrap_table(boot, ["PERSON"])


def test_bootstrap_interval_is_wide_when_the_difference_rests_on_one_document() -> None:
    exs = _docs()
    gold = [[(0, len(e["text"]), e["spans"][0][2])] for e in exs]
    worse_once = [[] if i == 0 else g for i, g in enumerate(gold)]  # one PERSON span missed, in document d0
    boot = bootstrap(exs, {"ref": example_counts(exs, worse_once), "sys": example_counts(exs, gold)}, "ref", 500)
    d = boot["systems"]["sys"]["PERSON"]
    assert d["delta"] > 0 and d["lo"] == 0.0  # about a third of resamples leave d0 out: no difference there
    assert 0.99 < d["p_at_least_ref"] <= 1.0
