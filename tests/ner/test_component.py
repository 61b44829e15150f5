"""The SHIPPED model (models/newsie-ner) through spaCy, no mocks: windows, offsets, offline load, seed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsie.pipeline import default_ner_path

MODEL = default_ner_path()
pytestmark = pytest.mark.skipif(not (MODEL / "config.json").exists(), reason=f"no shipped model at {MODEL}")

LAST = "On Friday, Vladimir Putin met Kim Jong Un in Moscow."


@pytest.fixture(scope="module")
def light_nlp():
    """Sentencizer + newsie_ner only: the windowing logic without the parser's cost on 20k words."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newsie_ner", config={"model": str(MODEL)})
    return nlp


def test_twenty_thousand_word_document_is_read_to_the_end(light_nlp, seed_text: str) -> None:
    filler = seed_text.replace("\n", " ")
    body = []
    while sum(len(p.split()) for p in body) < 20_000:
        body.append(filler)
    text = " ".join(body) + " " + LAST
    assert len(text.split()) > 20_000
    doc = light_nlp(text)
    start = text.rindex(LAST)
    tail = {(e.text, e.label_) for e in doc.ents if e.start_char >= start}
    assert ("Vladimir Putin", "PERSON") in tail and ("Moscow", "GPE") in tail
    # entities appear all along the document, not only in the first window
    assert len({e.start_char * 10 // len(text) for e in doc.ents}) == 10


def test_offsets_align_and_provenance(light_nlp, seed_text: str) -> None:
    docs = list(light_nlp.pipe([seed_text, LAST, ""], batch_size=3))
    assert [d.text for d in docs] == [seed_text, LAST, ""]
    assert len(docs[0].ents) > 20 and not docs[2].ents
    for doc in docs:
        for ent in doc.ents:
            assert doc.text[ent.start_char:ent.end_char] == ent.text and ent.text.strip() == ent.text
            assert ent._.rule == "newsie_ner"
    # batching across docs gives the same entities as one doc at a time
    single = light_nlp(seed_text)
    assert [(e.start_char, e.end_char, e.label_) for e in single.ents] == [
        (e.start_char, e.end_char, e.label_) for e in docs[0].ents]


def test_loads_offline_without_pickle_or_network(tmp_path: Path) -> None:
    code = (
        "import socket\n"
        "def _no(*a, **k):\n    raise RuntimeError('network access attempted')\n"
        "socket.socket.connect = _no\n"
        "import spacy\n"
        "nlp = spacy.blank('en')\n"
        f"ner = nlp.add_pipe('newsie_ner', config={{'model': {str(MODEL)!r}}})\n"
        "print(ner.model_id, [(e.text, e.label_) for e in nlp('Vladimir Putin visited Pyongyang.').ents])\n"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_HOME": str(tmp_path / "hf")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.startswith("newsie-ner-") and "Pyongyang" in out.stdout
    assert not list(MODEL.glob("*.bin")) and not list(MODEL.glob("*.pt"))  # safetensors only
    assert (MODEL / "model.safetensors").stat().st_size < 60 * 1024 * 1024


def test_model_id_names_the_weights(nlp) -> None:
    from newsie.api import model_id
    from newsie.ner.model import WEIGHTS, sha256_file

    assert "newsie_ner" in nlp.pipe_names
    assert model_id(nlp).startswith("newsie-ner-" + sha256_file(MODEL / WEIGHTS)[:12])


EXPECTED = {
    "PERSON": ["Kim Jong Un", "Kim Yo Jong", "Vladimir Putin"],
    "GPE": ["North Korea", "Russia", "Ukraine", "Pyongyang", "Moscow"],
    "NORP": ["North Korean", "Korean", "Ukrainian"],
    "ORG": ["Daily NK", "Meduza"],
    "DATE": ["Jan. 20", "last November"],
}


#: Misses of the shipped model on the seed, measured at release (MODEL_CARD.md), kept as non-strict xfails
#: so they stay visible.  Empty now: "Meduza" (the model alone says PERSON) is ORG through the news_media
#: gazetteer rule (ner/data/labels.json).
KNOWN_MISSES: set[tuple[str, str]] = set()


@pytest.mark.parametrize(
    ("label", "text"),
    [
        pytest.param(lab, t, marks=pytest.mark.xfail(reason="known miss of the shipped model", strict=False))
        if (lab, t) in KNOWN_MISSES
        else (lab, t)
        for lab, ts in EXPECTED.items()
        for t in ts
    ],
)
def test_seed_entities(seed_doc, label: str, text: str) -> None:
    found = {(e.text, e.label_) for e in seed_doc.ents}
    assert (text, label) in found, sorted(t for t, lab in found if lab == label)


def test_align_does_not_let_a_footnote_number_swallow_its_word() -> None:
    """Regression (dev CARDINAL false positives): "3" of "baths.[3]" became the entity "baths.[3"."""
    import spacy

    from newsie.ner.component import align

    doc = spacy.blank("en")("It has gyms and baths.[3] It opened in 1990 in the U.S.")
    tokens = [t.text for t in doc]
    assert "baths.[3" in tokens  # spaCy keeps it one token: the case this guards
    at = doc.text.index("[3]") + 1
    assert align(doc, at, at + 1, "CARDINAL") is None
    year = doc.text.index("1990")
    assert align(doc, year, year + 4, "DATE").text == "1990"  # exact spans are kept as they are
    us = doc.text.index("U.S.")
    assert align(doc, us, us + 3, "GPE").text == "U.S."  # most of a token: expanded to it
    a = doc.text.index("and b")
    span = align(doc, a, a + 5, "ORG")  # "and b": expanding would more than double it, so contracted
    assert span is not None and span.text == "and"
