"""The model card is rendered from measured JSON files (numbers are copied, not typed)."""

from __future__ import annotations

import json
from pathlib import Path

from newsie.tooling.card import render
from newsie.tooling.devscore import prf


def _system(f_tp: int, words_per_s: float) -> dict:
    m = prf(f_tp, 10, 10)
    return {"PERSON": m, "micro": m, "by_corpus": {"gum": m}, "words_per_s": words_per_s}


def test_card_numbers_come_from_the_files(tmp_path: Path) -> None:
    model, run, abl = tmp_path / "m", tmp_path / "run", tmp_path / "abl"
    for d in (model, run, abl):
        d.mkdir()
    (model / "config.json").write_text(json.dumps({"quantize": "encoder"}))
    scores = {"examples": 3, "words": 99, "systems": {
        "newsie": _system(90, 500.0), "newsie-int8": _system(89, 800.0), "en_core_web_md": _system(40, 900.0)},
        "bootstrap": {"reference": "en_core_web_md", "resamples": 50, "documents": 3, "systems": {
            "newsie": {"PERSON": {"delta": 5.25, "lo": -1.0, "hi": 9.5, "p_at_least_ref": 0.9},
                       "micro": {"delta": 5.25, "lo": -1.0, "hi": 9.5, "p_at_least_ref": 0.9}}}}}
    (run / "devscore.json").write_text(json.dumps(scores))
    (abl / "devscore.json").write_text(json.dumps({"systems": {"newsie": _system(70, 1.0)}}))
    events = [{"event": "start", "t": 0, "train": 5, "words": 50, "seed": 13, "lr": 1e-4, "batch_size": 16,
               "steps_per_epoch": 7, "workers": 2, "threads": 1},
              {"event": "eval", "t": 60, "step": 7, "epoch": 1.0, "dev_f1": 81.8},
              {"event": "done", "t": 61, "best_step": 7, "minutes": 1.0}]
    (run / "train.jsonl").write_text("".join(json.dumps(e) + "\n" for e in events))
    (abl / "train.jsonl").write_text(json.dumps({"event": "eval", "t": 60, "step": 7, "dev_f1": 80.0}) + "\n")
    text = render(model, run, abl, notes="Earlier finding: X.")
    assert f"F1 **{prf(90, 10, 10)['f']}**" in text
    assert f"**{prf(70, 10, 10)['f']}**" in text  # the ablation number
    assert "| 7 | 81.8 | 80.0 | 1.8 |" in text  # equal-step ablation row
    assert "`quantize: encoder`" in text and "| 7 | 1.0 | 81.8 | 1.0 |" in text
    assert f"`newsie-int8`: micro F1 {prf(89, 10, 10)['f']}" in text and "800.0 words/s" in text
    assert "2 data-parallel process(es) x 1 thread(s)" in text and "epoch 1.0" in text
    assert "Earlier finding: X." in text
    assert "-int8" in text and "(not run)" in text  # no bench.json -> said so
    assert "50 paired resamples of the 3 dev documents" in text and "| PERSON | +5.2 [-1.0, +9.5] (90%) |" in text


def test_card_reports_student_and_silver_ablation_from_the_runs(tmp_path: Path) -> None:
    model, run = tmp_path / "m", tmp_path / "run"
    model.mkdir()
    run.mkdir()
    train = {"corpus": "runs/c", "init": "runs/teacher", "keep_layers": [0, 1, 2, 5]}
    (model / "config.json").write_text(json.dumps({"quantize": False, "bert": {"num_hidden_layers": 4}, "train": train}))
    (run / "devscore.json").write_text(json.dumps({"examples": 3, "words": 99, "systems": {"newsie": _system(90, 5.0)}}))
    start = {"event": "start", "t": 0, "steps": 800, "steps_per_epoch": 1600, "workers": 2, "seed": 13, "lr": 5e-5}
    (run / "train.jsonl").write_text(json.dumps(start) + "\n")
    silver = []
    for w, f in ((0.5, 70.0), (0.0, 68.5)):
        r = tmp_path / f"silver-{w}"
        (r / "best").mkdir(parents=True)
        (r / "best" / "config.json").write_text(json.dumps({"train": {"silver_weight": w}}))
        evals = [start, {"event": "eval", "t": 9, "step": 800, "dev_f1": f, "per_label": {"CARDINAL": f - 10}}]
        (r / "train.jsonl").write_text("".join(json.dumps(e) + "\n" for e in evals))
        silver.append(r)
    text = render(model, run, silver_runs=silver)
    assert "a 4-layer student: encoder layers [0, 1, 2, 5] (of 6)" in text and "`runs/teacher`" in text
    assert "--init runs/teacher --keep-layers 0,1,2,5" in text and "--lr 5e-05" in text
    assert "| **micro** | 70.0 | 68.5 | +1.5 |" in text and "| CARDINAL | 60.0 | 58.5 | +1.5 |" in text
    assert "800 steps, 0.5 epoch" in text and "silver 0.5 | silver 0.0" in text


def test_architecture_follows_the_init_chain_to_the_dropped_layers(tmp_path: Path) -> None:
    from newsie.tooling.card import _architecture

    first = tmp_path / "student"
    first.mkdir()
    (first / "config.json").write_text(json.dumps({"train": {"init": "runs/six", "keep_layers": [0, 1, 2, 5]}}))
    text = _architecture({"bert": {"num_hidden_layers": 4}, "train": {"init": str(first)}})
    assert text.startswith("a 4-layer student: encoder layers [0, 1, 2, 5] (of 6) of the trained 6-layer model `runs/six`")
    assert text.endswith(f"then trained again from `{first}`")
    assert _architecture({"bert": {"num_hidden_layers": 6}, "train": {}}) == "all 6 encoder layers fine-tuned"


def test_architecture_stops_on_a_model_that_names_itself_as_init(tmp_path: Path) -> None:
    """Regression: training from models/newsie-ner and exporting over it made the init chain a loop."""
    from newsie.tooling.card import _architecture

    model = tmp_path / "newsie-ner"
    model.mkdir()
    (model / "config.json").write_text(json.dumps({"train": {"init": str(model)}}))
    assert _architecture({"bert": {"num_hidden_layers": 4}, "train": {"init": str(model)}}) == (
        f"all 4 encoder layers fine-tuned, then trained again from `{model}`")
