"""The builder on a tiny corpora folder: contract, dev/train separation, determinism."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsie.tooling.corpora import build as builder
from newsie.tooling.corpora.common import ONTONOTES_LABELS

WIKIGOLD_DOC = """-DOCSTART- O

{name} I-PER
lives O
in O
Singapore I-LOC
and O
likes O
French I-MISC
food O
. O

"""


def _corpora(tmp_path: Path) -> Path:
    root = tmp_path / "corpora"
    wg = root / "wikigold" / "CONLL-format" / "data"
    wg.mkdir(parents=True)
    names = [f"Person{i}" for i in range(40)]
    (wg / "wikigold.conll.txt").write_text("".join(WIKIGOLD_DOC.format(name=n) for n in names), encoding="utf-8")
    return root


def _check_contract(rows: list[dict], split: str) -> None:
    for ex in rows:
        assert set(ex) == {"id", "corpus", "doc", "text", "spans", "gold_labels", "split"}
        assert ex["split"] == split and len(ex["text"].split()) <= 120
        prev = 0
        for s, e, lab, src in ex["spans"]:
            assert prev <= s < e <= len(ex["text"]) and lab in ONTONOTES_LABELS and src in ("gold", "silver")
            prev = e
        if split == "dev":
            assert all(src == "gold" for *_, src in ex["spans"])


def test_build_gold_only_is_deterministic(tmp_path):
    root = _corpora(tmp_path)
    out1, out2 = tmp_path / "a", tmp_path / "b"
    stats = builder.build(root, out1, silver=False)
    builder.build(root, out2, silver=False)
    for name in ("train.jsonl", "dev.jsonl", "stats.json"):
        assert (out1 / name).read_bytes() == (out2 / name).read_bytes()
    train = [json.loads(x) for x in (out1 / "train.jsonl").read_text().splitlines()]
    dev = [json.loads(x) for x in (out1 / "dev.jsonl").read_text().splitlines()]
    _check_contract(train, "train")
    _check_contract(dev, "dev")
    assert train and dev  # 12% of 40 docs go to dev
    assert not {e["doc"] for e in train} & {e["doc"] for e in dev}
    ex = train[0]
    assert [(ex["text"][s:e], lab) for s, e, lab, _ in ex["spans"]][1:] == [("Singapore", "GPE"), ("French", "NORP")]
    assert stats["corpora"]["wikigold"]["train"]["docs"] + stats["corpora"]["wikigold"]["dev"]["docs"] == 40


@pytest.fixture(scope="module")
def teacher():
    """en_core_web_sm's real NER, a faster stand-in for the md teacher."""
    from newsie.pipeline import load_base

    nlp = load_base()
    nlp.select_pipes(enable=["ner"])
    return nlp


def test_build_with_teacher(tmp_path, teacher):
    root = _corpora(tmp_path)
    stats = builder.build(root, tmp_path / "s", silver=True, teacher=teacher)
    train = [json.loads(x) for x in (tmp_path / "s" / "train.jsonl").read_text().splitlines()]
    _check_contract(train, "train")
    # gold labels of wikigold are never taken from the teacher
    for ex in train:
        for *_, lab, src in ex["spans"]:
            assert not (src == "silver" and lab in ex["gold_labels"])
    assert stats["teacher"].startswith("en_core_web_sm")


def test_real_build_meantime_re3d(corpora, tmp_path):
    stats = builder.build(corpora, tmp_path / "r", silver=False, corpora=["meantime", "re3d"])
    mt = stats["corpora"]["meantime"]
    # 90 documents less the exclude list (4 older gold + 16 held-out event gold documents)
    assert mt["dev"]["docs"] >= 20 and mt["train"]["docs"] >= 40
    assert mt["dev"]["spans"]["silver"] == {}
    docs = {json.loads(x)["doc"] for f in ("train.jsonl", "dev.jsonl") for x in (tmp_path / "r" / f).read_text().splitlines()}
    assert docs and not {d for c, d in builder.excluded_docs() if c == "meantime"} & docs


def test_teacher_cache_gives_identical_output(tmp_path, teacher):
    root = _corpora(tmp_path)
    cache = tmp_path / "cache.jsonl"
    builder.build(root, tmp_path / "c1", teacher=teacher, teacher_cache=cache)
    first = json.loads((tmp_path / "c1" / "build_log.json").read_text())["teacher_labelled"]
    builder.build(root, tmp_path / "c2", teacher=teacher, teacher_cache=cache)
    second = json.loads((tmp_path / "c2" / "build_log.json").read_text())["teacher_labelled"]
    assert first > 0 and second == 0  # every text came from the cache the second time
    assert (tmp_path / "c1" / "train.jsonl").read_bytes() == (tmp_path / "c2" / "train.jsonl").read_bytes()


def test_gold_evaluation_documents_are_excluded_from_training(monkeypatch, tmp_path):
    """Every MEANTIME article in data/gold/news.jsonl is on the exclude list, and build/prune drop it."""
    repo = Path(__file__).resolve().parents[3]
    gold = [json.loads(x) for x in (repo / "data" / "gold" / "news.jsonl").read_text().splitlines()]
    excluded = builder.excluded_docs()
    numbers = {doc.split("_", 1)[0] for corpus, doc in excluded if corpus == "meantime"}
    assert {g["id"].removeprefix("meantime-") for g in gold if g["id"].startswith("meantime-")} <= numbers

    # wikigold docs are named by their position; exclude one and check build and prune agree
    root = _corpora(tmp_path)
    full = tmp_path / "full"
    builder.build(root, full, silver=False)
    rows = [json.loads(x) for f in ("train.jsonl", "dev.jsonl") for x in (full / f).read_text().splitlines()]
    victim = rows[0]["doc"]
    monkeypatch.setattr(builder, "excluded_docs", lambda: {("wikigold", str(victim))})
    rebuilt, pruned = tmp_path / "rebuilt", tmp_path / "pruned"
    builder.build(root, rebuilt, silver=False)
    builder.prune(full, pruned)
    for name in ("train.jsonl", "dev.jsonl"):
        assert (rebuilt / name).read_bytes() == (pruned / name).read_bytes()
        assert f'"doc": "{victim}"' not in (rebuilt / name).read_text()
    assert len(rows) > sum(len((rebuilt / f).read_text().splitlines()) for f in ("train.jsonl", "dev.jsonl"))
