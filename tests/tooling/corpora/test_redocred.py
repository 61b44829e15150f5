"""Re-DocRED: partial mentions mapped, NORP/NUM refinements, offsets from token positions."""

from __future__ import annotations

from newsie.tooling.corpora import redocred
from newsie.tooling.corpora.labels import load_map

DOC = {
    "title": "Willi Schneider (skeleton racer)",
    "sents": [
        ["Wilfried", '"', "Willi", '"', "Schneider", "(", "born", "13", "March", "1963", "in", "Mediaș", ",",
         "Transylvania", ")", "is", "a", "German", "skeleton", "racer", "."],
        ["He", "won", "55.5", "%", "of", "$", "20", "at", "10:30", "with", "the", "Catholic", "Church", "in", "English", "."],
    ],  # fmt: skip
    "vertexSet": [
        [{"type": "PER", "pos": [0, 5], "sent_id": 0, "name": "x"}],
        [{"type": "TIME", "pos": [7, 10], "sent_id": 0, "name": "x"}],
        [{"type": "LOC", "pos": [11, 12], "sent_id": 0, "name": "x"}],
        [{"type": "LOC", "pos": [17, 18], "sent_id": 0, "name": "x"}],
        [{"type": "NUM", "pos": [2, 4], "sent_id": 1, "name": "x"}],
        [{"type": "NUM", "pos": [5, 7], "sent_id": 1, "name": "x"}],
        [{"type": "TIME", "pos": [8, 9], "sent_id": 1, "name": "x"}],
        [{"type": "ORG", "pos": [10, 13], "sent_id": 1, "name": "x"}],
        [{"type": "MISC", "pos": [14, 15], "sent_id": 1, "name": "x"}],
    ],
    "labels": [],
}


def test_doc_to_source():
    doc = redocred.doc_to_source(DOC, load_map("redocred"), "dev")
    assert doc.text.split("\n")[0].startswith('Wilfried "Willi" Schneider (born 13 March 1963 in Mediaș, Transylvania)')
    found = [(doc.text[s:e], lab) for s, e, lab in doc.spans]
    assert found == [
        ('Wilfried "Willi" Schneider', "PERSON"),
        ("13 March 1963", "DATE"),
        ("Mediaș", "GPE"),
        ("German", "NORP"),
        ("55.5%", "PERCENT"),
        ("$20", "MONEY"),
        ("10:30", "TIME"),
        ("Catholic Church", "ORG"),
        ("English", "LANGUAGE"),  # a language word typed MISC is the language, not the nationality
    ]
    assert doc.gold_labels == []  # partial annotation: the teacher fills the rest


def test_real_redocred(corpora):
    docs = list(redocred.read(corpora))
    assert len(docs) == 1000
    first = docs[0]
    assert ("German", "NORP") in {(first.text[s:e], lab) for s, e, lab in first.spans}
