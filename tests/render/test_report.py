"""The HTML report: self-contained, entities via displaCy, evidence highlighted at the records' offsets."""

from __future__ import annotations

import re
from pathlib import Path

from newsie.api import doc_to_result, make_doc
from newsie.cli import main
from newsie.render.report import events_table, highlight_evidence, render_report
from newsie.schema import EventRecord, Mention, Participant, TimeArgument

TEXT = "Russia said Russia would send 500 workers to Donetsk <soon> & more. Kyiv objected on Monday."


def _record(doc) -> EventRecord:
    sent = next(iter(doc.sents))
    second = TEXT.index("Russia", 1)  # the second "Russia" is the actor: position matters, not the word
    return EventRecord(
        type="DEPLOY", trigger=Mention(text="send", start=TEXT.index("send"), end=TEXT.index("send") + 4),
        actors=[Participant(text="Russia", start=second, end=second + 6, code="RUSGOV", country="RUS")],
        destination=Participant(text="Donetsk", start=TEXT.index("Donetsk"), end=TEXT.index("Donetsk") + 7),
        time=TimeArgument(text="Monday", start=TEXT.index("Monday"), end=TEXT.index("Monday") + 6),
        sentence=0, evidence=sent.text, rule="test:deploy",
    )


def test_highlight_uses_offsets_and_escapes(nlp) -> None:
    doc = nlp(make_doc(nlp, TEXT, date="2023-02-02"))
    out = highlight_evidence(_record(doc), doc)
    assert out.startswith('Russia said <mark class="arg" title="actor">Russia<span class="rolelabel">actor')
    assert '<mark class="trigger" title="trigger">send</mark>' in out
    assert "&lt;soon&gt; &amp; more" in out and "<soon>" not in out
    assert "Monday" not in out  # the time is in the other sentence: not invented in this evidence


def test_report_is_self_contained(nlp) -> None:
    doc = nlp(make_doc(nlp, TEXT, date="2023-02-02", doc_id="t1"))
    result = doc_to_result(doc, nlp, path="t1.txt")
    result.events = [_record(doc)]
    page = render_report(doc, result)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert not re.search(r"<script|<link|<img|src=|@import|url\(", page, re.I)
    assert "test:deploy" in page and "DEPLOY" in page and "<th>destination</th>" in page
    assert "<th>actors</th>" in page and "RUSGOV, RUS" in page
    for ent in doc.ents:  # displaCy marks every entity with its label
        assert f">{ent.label_}</span>" in page
    assert "No event records" in events_table(doc, [])


def test_show_cli(nlp, seed_text: str, tmp_path: Path, capsys) -> None:
    src = tmp_path / "story.md"
    src.write_text(f"---\ntitle: Trench promises\ndate: 2023-02-02\n---\n{seed_text}", encoding="utf-8")
    out = tmp_path / "r" / "report.html"
    assert main(["show", str(src), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<title>Trench promises</title>" in page and "2023-02-02" in page
    assert page.count('class="entity"') > 0
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["show", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "x.html")]) == 1
    assert "empty file" in capsys.readouterr().err and not (tmp_path / "x.html").exists()
