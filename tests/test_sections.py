"""Long documents in sections: bounded pieces for the base components, the one document's tokens kept."""

from __future__ import annotations

import pytest

from newsie import sections
from newsie.api import make_doc


def _long_doc(nlp, seed_text: str, times: int = 3):
    return make_doc(nlp, "\n\n".join([seed_text.strip()] * times), date="2023-02-02")


def test_cut_points_prefer_line_breaks_and_bound_every_section(nlp, seed_text: str) -> None:
    doc = _long_doc(nlp, seed_text)
    cuts = [*sections.cut_points(doc, 300), len(doc)]
    assert cuts[0] == 0 and len(cuts) > 3
    assert all(0 < b - a <= 300 for a, b in zip(cuts, cuts[1:], strict=False))
    assert all(doc[c - 1].is_space and "\n" in doc[c - 1].text for c in cuts[1:-1])
    blank = nlp.make_doc("word " * 1000)  # no line break, no full stop: hard cuts
    assert [*sections.cut_points(blank, 300)] == [0, 300, 600, 900]


def test_sections_keep_the_whole_documents_tokens_and_bound_the_pieces(nlp, seed_text: str,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression (#21): the base components took a 150k-word document in one piece (over 3 GB)."""
    whole = _long_doc(nlp, seed_text)
    for _name, proc in sections.base_components(nlp):
        whole = proc(whole)
    seen: list[int] = []
    tagger = nlp.get_pipe("tagger")
    real_call = type(tagger).__call__
    monkeypatch.setattr(type(tagger), "__call__", lambda self, doc: (seen.append(len(doc)), real_call(self, doc))[1])
    doc = sections.analyse_in_sections(nlp, _long_doc(nlp, seed_text), size=300)
    assert seen and max(seen) <= 300 and len(seen) > 3
    assert doc.text == whole.text and [t.text for t in doc] == [t.text for t in whole]
    assert doc.has_annotation("DEP") and doc.has_annotation("TAG") and doc.has_annotation("LEMMA")
    same = sum(a.tag_ == b.tag_ and a.lemma_ == b.lemma_ for a, b in zip(doc, whole, strict=True))
    assert same / len(doc) > 0.97
    assert all(s.end - s.start <= 300 for s in doc.sents)


def test_extract_many_on_a_long_document_in_sections(nlp, seed_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsie

    text = "\n\n".join([seed_text.strip()] * 3)
    plain = newsie.extract(text, date="2023-02-02", nlp=nlp)
    monkeypatch.setattr(sections, "SECTION_TOKENS", 300)
    short = "Kyiv said on Monday it needs more shells."
    res = list(newsie.extract_many([text, short], date="2023-02-02", nlp=nlp, batch_size=2))
    assert [len(r.entities) > 0 for r in res] == [True, True]
    long = res[0]
    assert all(text[e.start:e.end] == e.text for e in long.entities)
    assert abs(len(long.entities) - len(plain.entities)) <= 0.05 * len(plain.entities)
    assert abs(len(long.events) - len(plain.events)) <= 0.1 * len(plain.events) + 1
