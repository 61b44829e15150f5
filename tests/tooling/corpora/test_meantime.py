"""MEANTIME reader: an inline CAT XML snippet (README 2.2) and the real corpus."""

from __future__ import annotations

from newsie.tooling.corpora import meantime
from newsie.tooling.corpora.labels import load_map

TOKENS = [
    (0, "GM"), (0, "names"), (0, "Mary"), (0, "Barra"), (0, "chief"),
    (1, "December"), (1, "10"), (1, ","), (1, "2013"),
    (2, "The"), (2, "United"), (2, "States"), (2, "'s"), (2, "largest"), (2, "car"), (2, "manufacturer"),
    (2, "General"), (2, "Motors"), (2, "today"), (2, "named"), (2, "Mary"), (2, "Barra"), (2, ","), (2, "51"),
    (2, ","), (2, "after"), (2, "a"), (2, "#"), (2, "13"), (2, "billion"), (2, "loss"), (2, "."),
]  # fmt: skip


def _xml() -> str:
    toks = "\n".join(
        f'<token number="{i}" sentence="{s}" t_id="{i + 1}">{w}</token>' for i, (s, w) in enumerate(TOKENS)
    )

    def anchors(*ids: int) -> str:
        return "".join(f'<token_anchor t_id="{i}"/>' for i in ids)

    return f"""<?xml version="1.0" ?><Document doc_id="1" doc_name="1_test" lang="en" url="u">
{toks}
<Markables>
<ENTITY_MENTION comment="" head="" m_id="1" syntactic_type="NAM">{anchors(3, 4)}</ENTITY_MENTION>
<ENTITY_MENTION comment="" head="" m_id="2" syntactic_type="">{anchors(*range(10, 19))}</ENTITY_MENTION>
<ENTITY_MENTION comment="" head="" m_id="3" syntactic_type="NAM">{anchors(11, 12)}</ENTITY_MENTION>
<ENTITY_MENTION comment="" head="" m_id="4" syntactic_type="NAM">{anchors(21, 22)}</ENTITY_MENTION>
<ENTITY_MENTION comment="" head="" m_id="5" syntactic_type="NOM">{anchors(15, 16)}</ENTITY_MENTION>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="9" type="DATE" value="2013-12-10">{anchors(6, 7, 8, 9)}</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="10" type="DATE" value="2013-12-10">{anchors(19)}</TIMEX3>
<VALUE m_id="14" type="QUANTITY">{anchors(24)}</VALUE>
<VALUE m_id="15" type="MONEY">{anchors(28, 29, 30)}</VALUE>
<ENTITY ent_type="PER" m_id="118" TAG_DESCRIPTOR="Mary Barra"/>
<ENTITY ent_type="ORG" m_id="119" TAG_DESCRIPTOR="General Motors"/>
<ENTITY ent_type="LOC" m_id="120" TAG_DESCRIPTOR="United States"/>
<ENTITY ent_type="PRO" m_id="121" TAG_DESCRIPTOR="car"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><source m_id="4"/><target m_id="118"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><target m_id="119"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="3"/><target m_id="120"/></REFERS_TO>
<REFERS_TO r_id="4"><source m_id="5"/><target m_id="121"/></REFERS_TO>
</Relations>
</Document>"""


def test_snippet(tmp_path):
    path = tmp_path / "corpus_gm" / "1_test.xml"
    path.parent.mkdir()
    path.write_text(_xml(), encoding="utf-8")
    (doc,) = meantime.parse_file(path, load_map("meantime"))  # every sentence is annotated here
    lines = doc.text.split("\n")
    assert lines[0] == "GM names Mary Barra chief" and lines[1] == "December 10, 2013"
    found = [(doc.text[s:e], lab) for s, e, lab in doc.spans]
    assert ("Mary Barra", "PERSON") in found
    assert ("United States", "GPE") in found  # inner mention first
    assert ("General Motors", "ORG") in found  # the outer NP keeps only its name run
    assert ("December 10, 2013", "DATE") in found and ("today", "DATE") in found
    assert ("51", "CARDINAL") in found  # a bare QUANTITY count is CARDINAL
    assert ("£13 billion", "MONEY") in found  # "#" before a number is a pound sign
    assert not any(lab == "PRODUCT" for _, lab in found)  # "car" is not a name


def test_real_meantime(corpora):
    every = list(meantime.read(corpora))
    docs = [d for d in every if d.gold_labels]
    rest = [d for d in every if not d.gold_labels]
    assert len(docs) == 90 and len(rest) >= 80
    # only the headline, dateline and first 4 body sentences are annotated
    assert all(len(d.sentences) <= 7 for d in docs) and all(not d.spans for d in rest)
    barra = next(d for d in docs if d.doc.startswith("1007169_"))
    found = {(barra.text[s:e], lab) for s, e, lab in barra.spans}
    assert ("Mary Barra", "PERSON") in found
    assert ("General Motors", "ORG") in found
    labels = {lab for d in docs for *_, lab in d.spans}
    assert {"PERSON", "ORG", "GPE", "DATE", "MONEY", "PERCENT", "PRODUCT"} <= labels
