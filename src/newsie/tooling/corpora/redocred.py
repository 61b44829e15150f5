"""Re-DocRED reader (Wikipedia intros with typed mentions) -> OntoNotes spans.

The mentions are *partial* annotation (README 10.3): DocRED marked the mentions
of the entities it chose, so an unmarked name is not a certain ``O``.  The label
map therefore claims no label complete (``gold_labels: []``) and the teacher
fills what gold does not cover.  Types are refined per mention: nationality
and religion words -> NORP, ``%`` -> PERCENT, currency -> MONEY, clock -> TIME.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from newsie.tooling.corpora.common import SourceDoc, SpanT, detokenize, flatten, strip_det_poss, trim_span
from newsie.tooling.corpora.labels import LabelMap, gazetteer, load_map

CORPUS = "redocred"
_CURRENCY = re.compile(r"[$£€¥]|\b(USD|EUR|GBP|dollars?|pounds?|euros?|yen)\b")
_CLOCK = re.compile(r"\b\d{1,2}:\d\d\b|\b(a\.m\.|p\.m\.)")


def mention_label(lmap: LabelMap, mtype: str, surface: str) -> str | None:
    """The OntoNotes label of one typed mention, or None (masked)."""
    gaz = gazetteer()
    if mtype == "MISC" and gaz.is_language(surface):
        return "LANGUAGE"  # README 10.3: languages are MISC, nationality adjectives mostly LOC
    if mtype in ("ORG", "LOC", "MISC") and gaz.is_norp(surface) and not gaz.is_country(surface):
        return "NORP"  # "German" (LOC), "Catholic" (ORG): OntoNotes NORP
    if mtype == "NUM":
        if "%" in surface or "percent" in surface.lower():
            return "PERCENT"
        if _CURRENCY.search(surface):
            return "MONEY"
        return "CARDINAL"
    if mtype == "TIME":
        return "TIME" if _CLOCK.search(surface) else "DATE"
    return lmap.map(mtype, surface)


def doc_to_source(doc: dict, lmap: LabelMap, split: str) -> SourceDoc:
    """One Re-DocRED document: sentences on their own lines, mentions mapped and flattened."""
    parts: list[str] = []
    sent_ranges: list[tuple[int, int]] = []
    sent_offs: list[list[tuple[int, int]]] = []
    pos = 0
    for tokens in doc["sents"]:
        text, offs = detokenize(tokens)
        if parts:
            parts.append("\n")
            pos += 1
        sent_ranges.append((pos, pos + len(text)))
        sent_offs.append([(pos + a, pos + b) for a, b in offs])
        parts.append(text)
        pos += len(text)
    full = "".join(parts)
    spans: list[SpanT] = []
    for entity in doc["vertexSet"]:
        for m in entity:
            a, b = m["pos"]
            offs = sent_offs[m["sent_id"]]
            if not (0 <= a < b <= len(offs)):
                continue
            s, e = offs[a][0], offs[b - 1][1]
            if m["type"] in ("PER", "ORG", "LOC", "MISC"):
                s, e = strip_det_poss(full, s, e)
            else:
                s, e = trim_span(full, s, e)
            if s >= e:
                continue
            label = mention_label(lmap, m["type"], full[s:e])
            if label:
                spans.append((s, e, label))
    return SourceDoc(
        corpus=CORPUS,
        doc=f"{split}:{doc['title']}",
        text=full,
        sentences=sent_ranges,
        spans=flatten(spans),
        gold_labels=list(lmap.gold_labels),
        meta={"title": doc["title"]},
    )


def read(corpora_dir: Path) -> Iterator[SourceDoc]:
    """Re-DocRED dev + test documents."""
    lmap = load_map(CORPUS)
    for split in ("dev", "test"):
        path = corpora_dir / "redocred" / "data" / f"{split}_revised.json"
        for doc in json.loads(path.read_text(encoding="utf-8")):
            yield doc_to_source(doc, lmap, split)
