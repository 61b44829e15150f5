"""GUM reader: an inline CoNLL-U snippet (always runs) and the real corpus (needs ../shared)."""

from __future__ import annotations

from pathlib import Path

from newsie.tooling.corpora import gum
from newsie.tooling.corpora.labels import load_map

# README 1.5: sentence 10 of GUM_news_taxes (Discourse= value dropped), plus a person with a title.
SNIPPET = "\n".join(
    [
        "# newdoc id = GUM_news_snippet",
        "# newpar",
        "# sent_id = GUM_news_snippet-1",
        "# text = The request was advanced by the Municipality of Livorno in 2010.",
        "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(22-event-giv:inact-n____-cf2-2-coref",
        "2\trequest\trequest\tNOUN\tNN\t_\t4\tnsubj:pass\t_\tEntity=22)",
        "3\twas\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_",
        "4\tadvanced\tadvance\tVERB\tVBN\t_\t0\troot\t_\t_",
        "5\tby\tby\tADP\tIN\t_\t7\tcase\t_\t_",
        "6\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\tEntity=(23-organization-giv:inact-n____-cf3-2,4-coref-Province_of_Livorno",
        "7\tMunicipality\tMunicipality\tPROPN\tNNP\t_\t4\tobl:agent\t_\t_",
        "8\tof\tof\tADP\tIN\t_\t9\tcase\t_\t_",
        "9\tLivorno\tLivorno\tPROPN\tNNP\t_\t7\tnmod\t_\tEntity=(24-place-giv:act-snnns-cf1*-1-coref-Livorno)23)",
        "10\tin\tin\tADP\tIN\t_\t11\tcase\t_\t_",
        '11\t2010\t2010\tNUM\tCD\t_\t4\tobl\t_\tEntity=(51-time-new-nnnnn-cf4-1-sgl)|SpaceAfter=No|XML=<date when:::"2010"></date>',
        "12\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_",
        "",
        "# sent_id = GUM_news_snippet-2",
        "# text = Minister Stefania Giannini's office agreed.",
        "1\tMinister\tminister\tPROPN\tNNP\t_\t2\tcompound\t_\tEntity=(30-person-new-nnnnn-cf1-1,2,3-coref-Stefania_Giannini",
        "2\tStefania\tStefania\tPROPN\tNNP\t_\t5\tnmod:poss\t_\t_",
        "3\tGiannini\tGiannini\tPROPN\tNNP\t_\t2\tflat\t_\tSpaceAfter=No",
        "4\t's\t's\tPART\tPOS\t_\t2\tcase\t_\tEntity=30)",
        "5\toffice\toffice\tNOUN\tNN\t_\t6\tnsubj\t_\t_",
        "6\tagreed\tagree\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No",
        "7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_",
        "",
    ]
)


def _spans(tmp_path: Path) -> tuple[str, list[tuple[str, str]]]:
    path = tmp_path / "GUM_news_snippet.conllu"
    path.write_text(SNIPPET, encoding="utf-8")
    doc = gum._close_last(next(gum.parse(path)))
    spans = gum.doc_spans(doc, load_map("gum"))
    return doc.text, [(doc.text[s:e], lab) for s, e, lab in spans]


def test_snippet_offsets_and_named_mentions(tmp_path):
    text, spans = _spans(tmp_path)
    assert text.startswith("The request was advanced by the Municipality of Livorno in 2010.")
    # the outer named organisation wins over the nested place; "The request" is not a name
    assert ("Municipality of Livorno", "ORG") in spans
    assert ("Livorno", "GPE") not in spans
    assert ("2010", "DATE") in spans
    # title and possessive trimmed from the person mention
    assert ("Stefania Giannini", "PERSON") in spans
    assert not any(t.startswith("The request") for t, _ in spans)


def test_snippet_sentences(tmp_path):
    path = tmp_path / "GUM_news_snippet.conllu"
    path.write_text(SNIPPET, encoding="utf-8")
    doc = gum._close_last(next(gum.parse(path)))
    assert [doc.text[s:e] for s, e in doc.sentences] == [
        "The request was advanced by the Municipality of Livorno in 2010.",
        "Minister Stefania Giannini's office agreed.",
    ]


def test_real_gum(corpora):
    docs = {d.doc: d for d in gum.read(corpora)}
    assert len(docs) == 95
    taxes = docs["GUM_news_taxes"]
    found = {(taxes.text[s:e], lab) for s, e, lab in taxes.spans}
    assert ("Municipality of Livorno", "ORG") in found
    assert ("2010", "DATE") in found
    assert ("Italy", "GPE") in found
    dev = gum.dev_docs(corpora / "gum")
    assert "GUM_news_iodine" in dev and docs["GUM_news_iodine"].meta["split"] == "dev"
    for d in docs.values():
        for s, e, lab in d.spans:
            assert d.text[s:e] == d.text[s:e].strip() and lab in d.gold_labels + ["PRODUCT", "NORP"]
