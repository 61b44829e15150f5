"""Token-per-line readers: inline Wikigold / UNER snippets and the real files."""

from __future__ import annotations

from newsie.corpora import conll
from newsie.corpora.labels import load_map

WIKIGOLD = """883JIA I-ORG
FM I-ORG
, O
is O
a O
Chinese I-MISC
radio O
station O
in O
Singapore I-LOC
. O

-DOCSTART- O

The O
band O
played O
at O
Carnegie I-LOC
Hall I-LOC
in O
1999 O
. O
"""

UNER = """# newdoc id = answers-1
# sent_id = answers-1-0001
# text = where can I get morcillas in tampa bay, I like the argentinian type?
1\twhere\tO\t-\t-
2\tcan\tO\t-\t-
3\tI\tO\t-\t-
4\tget\tO\t-\t-
5\tmorcillas\tO\t-\t-
6\tin\tO\t-\t-
7\ttampa\tB-LOC\t-\tstephen
8\tbay\tI-LOC\t-\tstephen
9\t,\tO\t-\t-
10\tI\tO\t-\t-
11\tlike\tO\t-\t-
12\tthe\tO\t-\t-
13\targentinian\tO\t-\t-
14\ttype\tO\t-\t-
15\t?\tO\t-\t-
"""


def test_wikigold_snippet(tmp_path):
    path = tmp_path / "w.txt"
    path.write_text(WIKIGOLD, encoding="utf-8")
    raws = conll.parse_conll(path, token_col=0, tag_col=1, sep=" ", docstart="-DOCSTART-", doc_prefix="w")
    assert len(raws) == 2
    docs = [conll.to_source_doc("wikigold", r, load_map("wikigold")) for r in raws]
    assert docs[0].text == "883JIA FM, is a Chinese radio station in Singapore."
    assert [(docs[0].text[s:e], lab) for s, e, lab in docs[0].spans] == [
        ("883JIA FM", "ORG"), ("Chinese", "NORP"), ("Singapore", "GPE"),
    ]  # fmt: skip
    assert [(docs[1].text[s:e], lab) for s, e, lab in docs[1].spans] == [("Carnegie Hall", "FAC")]


def test_uner_snippet_aligns_to_surface_text(tmp_path):
    path = tmp_path / "u.iob2"
    path.write_text(UNER, encoding="utf-8")
    (raw,) = conll.parse_conll(path, token_col=1, tag_col=2, sep="\t", docstart=None, doc_prefix="u")
    doc = conll.to_source_doc("uner-ewt", raw, load_map("uner_ewt"))
    assert raw.id == "answers-1"
    assert doc.text.startswith("where can I get morcillas in tampa bay, I like")
    # not in the gazetteer; "bay" is a natural-feature keyword, so LOC
    assert [(doc.text[s:e], lab) for s, e, lab in doc.spans] == [("tampa bay", "LOC")]


def test_real_wikigold_and_uner(corpora):
    wg = list(conll.read_wikigold(corpora))
    assert len(wg) == 145
    assert sum(1 for d in wg for *_, lab in d.spans if lab == "PERSON") == 934  # every PER entity kept
    un = list(conll.read_uner_ewt(corpora))
    assert len(un) == 634
    assert sum(1 for d in un for *_, lab in d.spans if lab == "PERSON") == 792
