"""Wikinews silver sentences: parsing, glued records, exclusions."""

from __future__ import annotations

from newsie.tooling.corpora import wikinews

HEADER = "\t".join(["qasrl_id", "sentence"] + [f"c{i}" for i in range(9)])


def _setup(tmp_path):
    base = tmp_path / "wikinews-sentences"
    (base / "qadiscourse" / "Dataset").mkdir(parents=True)
    (base / "qamr" / "data").mkdir(parents=True)
    blank = ["_"] * 9
    rows = [
        HEADER,
        "\t".join(["Wiki1k:wikinews:100:0:0", "Obama instructed Eric Holder , the US attorney general ."] + blank),
        # a glued record (README 5.1): the second id is stuck to the last "_"
        "\t".join(["Wiki1k:wikinews:100:0:1", "He said it was `` fine '' ."] + blank[:-1]
                  + ["_Wiki1k:wikinews:100:1:0", "Sinn F\ufffdin won seats in the election ."] + blank),
        "\t".join(["Wiki1k:wikinews:861970:0:0", "This is from a held-out article today ."] + blank),
    ]
    for split in ("train", "dev", "test"):
        (base / "qadiscourse" / "Dataset" / f"wikinews_{split}.tsv").write_text(
            "\n".join(rows if split == "train" else rows[:1]), encoding="utf-8"
        )
    (base / "qamr" / "data" / "wiki-sentences.tsv").write_text(
        "Wiki1k:wikinews:100:1:0\tSinn Féin won seats in the election .\n"
        "Wiki1k:wikipedia:5:0:0\tAn encyclopaedic sentence is here .",
        encoding="utf-8",
    )
    return tmp_path


def test_sentences_and_docs(tmp_path):
    root = _setup(tmp_path)
    sents = wikinews.sentences(root)
    assert set(sents) == {"Wiki1k:wikinews:100:0:0", "Wiki1k:wikinews:100:0:1", "Wiki1k:wikinews:100:1:0",
                          "Wiki1k:wikinews:861970:0:0"}  # fmt: skip
    assert "Féin" in sents["Wiki1k:wikinews:100:1:0"]  # QAMR text preferred over the broken one
    docs = list(wikinews.read(root))
    assert [d.doc for d in docs] == ["wikinews:100"]  # 861970 is held out
    lines = docs[0].text.split("\n\n")
    assert lines == [
        "Obama instructed Eric Holder, the US attorney general.",
        'He said it was "fine".',
        "Sinn Féin won seats in the election.",
    ]
    assert docs[0].spans == [] and docs[0].gold_labels == []


def test_real_wikinews(corpora):
    docs = list(wikinews.read(corpora))
    assert 600 <= len(docs) <= 672
    assert not any(d.doc == "wikinews:861970" for d in docs)
