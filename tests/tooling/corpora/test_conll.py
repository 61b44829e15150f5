"""Token-per-line readers: inline Wikigold / UNER snippets and the real files."""

from __future__ import annotations

from newsie.tooling.corpora import conll
from newsie.tooling.corpora.labels import load_map

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


CROSSNER = "Three\tO\nUnited\tB-country\nStates\tI-country\npresidents\tO\n,\tO\nincluding\tO\nBill\tB-politician\nClinton\tI-politician\n,\tO\nwon\tO\nthe\tO\n1996\tB-election\nUnited\tI-election\nStates\tI-election\npresidential\tI-election\nelection\tI-election\n.\tO\n\nThe\tO\nliberal\tB-politicalparty\nparty\tI-politicalparty\nand\tO\nthe\tO\nRepublican\tB-misc\nvoters\tO\n.\tO\n"  # noqa: E501
BTC = "RT\tO\n@\tB-ORG\nBBCNews\tB-ORG\n:\tO\n#Pistorius\tB-PER\ntrial\tO\nin\tO\nPretoria\tB-LOC\nhttp://t.co/x\tO\n"
SEC = """-DOCSTART- -X- O O

This DT - O
AGREEMENT NNP - O
between IN - O
SILICON NNP - I-ORG
VALLEY NNP - I-ORG
BANK NNP - I-ORG
(" NNP - O
Bank NNP - I-ORG
"), , - O
Borrower NNP - I-PER
and CC - O
Frank NNP - I-PER
Wouters NNP - I-PER
, , - O
a DT - O
California NNP - I-LOC
company NN - O
. . - O
"""


def _write(tmp_path, rel: str, content: str):
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")


def test_crossner_snippet(tmp_path):
    for domain in ("politics", "science", "music", "literature", "ai"):
        for split in ("train", "dev", "test"):
            _write(tmp_path, f"crossner/ner_data/{domain}/{split}.txt", CROSSNER if domain == "politics" else "")
    docs = list(conll.read_crossner(tmp_path))
    assert len(docs) == 2  # the same two sentences repeat in dev/test: kept once
    first = [(docs[0].text[s:e], lab) for s, e, lab in docs[0].spans]
    assert first == [("United States", "GPE"), ("Bill Clinton", "PERSON")]  # election titles are dropped
    second = [(docs[1].text[s:e], lab) for s, e, lab in docs[1].spans]
    assert second == [("Republican", "NORP")]  # lower-case generic party dropped, misc member word -> NORP


def test_btc_snippet(tmp_path):
    for section in ("g", "e", "a", "b", "f", "h"):
        _write(tmp_path, f"btc/CONLL-format/data/{section}.conll", BTC if section == "g" else "")
    (doc,) = list(conll.read_btc(tmp_path))
    assert doc.doc == "g-00000"
    assert [(doc.text[s:e], lab) for s, e, lab in doc.spans] == [("Pistorius", "PERSON"), ("Pretoria", "GPE")]


def test_sec_snippet(tmp_path):
    _write(tmp_path, "sec-filings/CONLL-format/data/train/FIN5.txt", SEC)
    _write(tmp_path, "sec-filings/CONLL-format/data/test/FIN3.txt", "")
    (doc,) = list(conll.read_sec_filings(tmp_path))
    assert [(doc.text[s:e], lab) for s, e, lab in doc.spans] == [
        ("SILICON VALLEY BANK", "ORG"), ("Frank Wouters", "PERSON"), ("California", "GPE"),
    ]  # fmt: skip


def test_real_crossner_sec_btc(corpora):
    cx = list(conll.read_crossner(corpora))
    assert 5000 < len(cx) <= 5327
    sec = list(conll.read_sec_filings(corpora))
    assert len(sec) == 8
    assert not any(d.text[s:e].lower() in ("borrower", "lender", "bank") for d in sec for s, e, _ in d.spans)
    btc = list(conll.read_btc(corpora))
    assert len(btc) >= 9300
    assert not any(d.text[s:e].startswith(("@", "#")) for d in btc for s, e, _ in d.spans)
