"""``newsie train`` end to end on a few hand-made sentences with a TINY random encoder (seconds)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROWS = [
    ("Kim Jong Un met Vladimir Putin in Moscow on Jan. 20.",
     [("Kim Jong Un", "PERSON"), ("Vladimir Putin", "PERSON"), ("Moscow", "GPE"), ("Jan. 20", "DATE")]),
    ("North Korea sent 300 soldiers to Russia last November.",
     [("North Korea", "GPE"), ("300", "CARDINAL"), ("Russia", "GPE"), ("last November", "DATE")]),
    ("Daily NK reported that Ukrainian forces captured two North Korean soldiers.",
     [("Daily NK", "ORG"), ("Ukrainian", "NORP"), ("two", "CARDINAL"), ("North Korean", "NORP")]),
    ("Meduza said the Kremlin denied it.", [("Meduza", "ORG"), ("Kremlin", "ORG")]),
]


def write_corpus(folder: Path, copies: int = 4) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    recs = []
    for i, (text, ents) in enumerate(ROWS):
        spans = [[text.index(s), text.index(s) + len(s), lab, "silver" if lab == "DATE" else "gold"] for s, lab in ents]
        recs.append({"id": f"t{i}", "corpus": "tiny", "doc": f"d{i}", "text": text, "spans": spans,
                     "gold_labels": ["PERSON", "GPE", "ORG", "NORP", "CARDINAL"], "split": "train"})
    (folder / "train.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs * copies))
    (folder / "dev.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs))
    return folder


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> Path:
    from newsie.cli import main

    root = tmp_path_factory.mktemp("ner-train")
    corpus = write_corpus(root / "corpus")
    rc = main(["train", "--corpus", str(corpus), "--out", str(root / "run"), "--tiny", "--epochs", "2",
               "--batch-size", "4", "--lr", "1e-3", "--export", str(root / "export")])
    assert rc == 0
    return root


def test_train_logs_dev_f1_per_epoch_and_saves_best(trained: Path) -> None:
    events = [json.loads(line) for line in (trained / "run" / "train.jsonl").read_text().splitlines()]
    evals = [e for e in events if e["event"] == "eval"]
    assert [e["reason"] for e in evals] == ["epoch 1", "end"]
    assert all(0.0 <= e["dev_f1"] <= 100.0 for e in evals)
    losses = [e["loss"] for e in events if e["event"] == "train"]
    assert losses and all(loss > 0 for loss in losses)
    config = json.loads((trained / "export" / "config.json").read_text())
    assert config["dev"]["f"] == max(e["dev_f1"] for e in evals)
    assert (trained / "export" / "model.safetensors").exists()


def test_training_is_deterministic(trained: Path, tmp_path: Path) -> None:
    from newsie.tooling.train import train

    a = train(trained / "corpus", tmp_path / "a", tiny=True, max_steps=2, batch_size=4, log=lambda _m: None)
    b = train(trained / "corpus", tmp_path / "b", tiny=True, max_steps=2, batch_size=4, log=lambda _m: None)
    assert (tmp_path / "a" / "last" / "model.safetensors").read_bytes() == (
        tmp_path / "b" / "last" / "model.safetensors").read_bytes()
    assert a["steps"] == b["steps"] == 2


def test_component_runs_the_trained_model_over_long_text(trained: Path) -> None:
    """The tiny model is not accurate, but spans must align with the text and come from every window."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ner = nlp.add_pipe("newsie_ner", config={"model": str(trained / "export")})
    assert ner.model_id.startswith("newsie-ner-")
    text = " ".join(t for t, _ in ROWS) * 30  # about 1,200 words: several windows
    doc = nlp(text)
    for ent in doc.ents:
        assert ent.text == text[ent.start_char:ent.end_char] and ent._.rule == "newsie_ner"
    docs = list(nlp.pipe([ROWS[0][0], text[:3000]], batch_size=2))
    assert [d.text for d in docs] == [ROWS[0][0], text[:3000]]


def test_export_records_quantize_choice(trained: Path, tmp_path: Path) -> None:
    import spacy

    from newsie.tooling.export import export

    dest = export(trained / "export", tmp_path / "shipped", quantize=True, scores={"newsie": {"f": 1.0}})
    config = json.loads((dest / "config.json").read_text())
    assert config["quantize"] == "encoder" and config["dev_scores"]["newsie"]["f"] == 1.0
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("newsie_ner", config={"model": str(dest)})
    assert ner.model_id.endswith("-int8")
    ner.set_quantized("attention")
    assert ner.model_id.endswith("-int8-attention")
    ner.set_quantized(False)
    assert not ner.model_id.endswith("-int8")
    assert nlp(ROWS[0][0]).text == ROWS[0][0]


def test_data_parallel_workers_match_a_single_process(trained: Path, tmp_path: Path) -> None:
    """Two CPU ranks (gloo) split each batch and sum gradients: same updates as one process.

    Dropout is off so both runs see the same function; only float summation order differs.
    """
    from safetensors.torch import load_file

    from newsie.tooling.train import train

    kw = {"tiny": True, "max_steps": 3, "batch_size": 4, "lr": 1e-3, "dropout": 0.0, "eval_every": 100}
    one = train(trained / "corpus", tmp_path / "one", log=lambda _m: None, **kw)
    two = train(trained / "corpus", tmp_path / "two", workers=2, **kw)
    assert one["steps"] == two["steps"] == 3
    a = load_file(str(tmp_path / "one" / "last" / "model.safetensors"))
    b = load_file(str(tmp_path / "two" / "last" / "model.safetensors"))
    assert a.keys() == b.keys()
    for k in a:
        assert (a[k].float() - b[k].float()).abs().max() < 2e-3, k
    events = [json.loads(line) for line in (tmp_path / "two" / "train.jsonl").read_text().splitlines()]
    assert events[0]["workers"] == 2


def test_student_starts_from_a_trained_model_with_fewer_layers(trained: Path, tmp_path: Path) -> None:
    """--init + --keep-layers: the student is the teacher's own layers, then trained again and saved smaller."""
    from newsie.cli import main

    teacher = trained / "run" / "best"
    assert json.loads((teacher / "config.json").read_text())["bert"]["num_hidden_layers"] == 1
    rc = main(["train", "--corpus", str(trained / "corpus"), "--out", str(tmp_path / "student"), "--tiny",
               "--init", str(teacher), "--keep-layers", "0", "--max-steps", "2", "--batch-size", "4"])
    assert rc == 0
    config = json.loads((tmp_path / "student" / "best" / "config.json").read_text())
    assert config["train"]["init"] == str(teacher) and config["train"]["keep_layers"] == [0]
    start = json.loads((tmp_path / "student" / "train.jsonl").read_text().splitlines()[0])
    assert start["init"] == str(teacher) and start["layers"] == 1


def test_init_refuses_a_model_with_other_settings(trained: Path, tmp_path: Path) -> None:
    from newsie.cli import main

    with pytest.raises(ValueError, match="use_case differ"):
        main(["train", "--corpus", str(trained / "corpus"), "--out", str(tmp_path / "s"), "--tiny", "--no-case",
              "--init", str(trained / "run" / "best"), "--max-steps", "1"])
