"""re3d: confidence resolution, title stripping, generic groups, nested NORP."""

from __future__ import annotations

from newsie.tooling.corpora import re3d
from newsie.tooling.corpora.labels import load_map

TEXT = "Foreign Secretary Boris Johnson said Iraqi forces retook Mosul district, Ninewa province on 3 May."


def _row(value: str, typ: str, conf: float, nth: int = 0) -> dict:
    b = TEXT.index(value)
    for _ in range(nth):
        b = TEXT.index(value, b + 1)
    return {"begin": b, "end": b + len(value), "type": typ, "confidence": conf, "value": value}


def test_doc_spans():
    rows = [
        _row("Foreign Secretary Boris Johnson", "Person", 1.0),
        _row("Iraqi forces", "Organisation", 1.0),
        _row("Iraqi", "Nationality", 0.0),
        _row("Mosul district, Ninewa province", "Location", 0.9),
        _row("Mosul district, Ninewa province", "Organisation", 0.1),
        _row("3 May", "Temporal", 1.0),
        _row("said", "Weapon", 0.2),
    ]
    spans = [(TEXT[s:e], lab) for s, e, lab in re3d.doc_spans(TEXT, rows, load_map("re3d"))]
    assert spans == [
        ("Boris Johnson", "PERSON"),
        ("Iraqi", "NORP"),
        ("Mosul district", "GPE"),
        ("Ninewa province", "GPE"),
        ("3 May", "DATE"),
    ]


def test_real_re3d(corpora):
    docs = list(re3d.read(corpora))
    assert len(docs) == 88
    for d in docs:
        for s, e, _ in d.spans:
            assert 0 <= s < e <= len(d.text)
    persons = {d.text[s:e] for d in docs for s, e, lab in d.spans if lab == "PERSON"}
    assert "Boris Johnson" in persons and "Tobias Ellwood" in persons
    assert not any(p.startswith(("Foreign Secretary", "Minister")) for p in persons)


def test_quantities_with_rate_and_volume_units_are_quantity() -> None:
    """Regression: "7,000 m3/s" (no-break space before the unit) was mapped to CARDINAL."""
    text = "It passes 7,000\u00a0m3/s (247,203\u00a0cu\u00a0ft/s) into 36 gates of an 84 MW plant."
    rows = [{"begin": text.index(v), "end": text.index(v) + len(v), "type": "Quantity", "confidence": 1.0, "value": v}
            for v in ("7,000\u00a0m3/s", "247,203\u00a0cu\u00a0ft/s", "36", "84 MW")]
    spans = [(text[s:e], lab) for s, e, lab in re3d.doc_spans(text, rows, load_map("re3d"))]
    assert spans == [("7,000\u00a0m3/s", "QUANTITY"), ("247,203\u00a0cu\u00a0ft/s", "QUANTITY"), ("36", "CARDINAL"),
                     ("84 MW", "QUANTITY")]
