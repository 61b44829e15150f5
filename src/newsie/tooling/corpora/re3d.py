"""re3d reader (Dstl defence/security documents, mongoexport JSON lines) -> OntoNotes spans.

Competing labels on one span are resolved by argmax confidence and spans below
``options.min_confidence`` are dropped (README 3.1).  re3d's conventions are
then bent to OntoNotes (README section 4): person spans lose titles and roles
(``Foreign Secretary Boris Johnson`` -> ``Boris Johnson``); generic groups typed
Organisation (``Iraqi forces``) are dropped so the nested Nationality row
(``Iraqi``, usually confidence 0) becomes NORP; weapons/vehicles are PRODUCT
only when they look like a model name.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from newsie.tooling.corpora.common import SourceDoc, SpanT, flatten, split_sentences, strip_det_poss
from newsie.tooling.corpora.labels import LabelMap, gazetteer, load_map

CORPUS = "re3d"
_TIME_WORDS = re.compile(r"\d{1,2}[:.]\d\d|\b(a\.m\.|p\.m\.|am|pm|morning|afternoon|evening|night|hours|GMT|PST|UTC)\b", re.I)  # noqa: E501
_WORD = re.compile(r"[^\s\u200e\u200f]+")  # left-to-right marks occur inside re3d texts


def _json_lines(path: Path) -> Iterator[dict]:
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if line.strip():
            yield json.loads(line)


def _capitalised_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if w[:1].isupper()]


def _person(text: str, s: int, e: int) -> tuple[int, int] | None:
    """Strip leading titles/roles; None when no personal name remains."""
    gaz = gazetteer()
    s, e = strip_det_poss(text, s, e)
    words = list(_WORD.finditer(text[s:e]))
    i = 0
    while i < len(words) - 1 and (
        words[i].group(0).lower().strip(",") in gaz.person_titles
        or gaz.is_norp(words[i].group(0))
        or gaz.is_country(words[i].group(0))
        or not words[i].group(0)[:1].isupper()
    ):
        i += 1
    if not words:
        return None
    # the name follows the last title/role word: "Pentagon Press Secretary Peter Cook"
    core = gaz.person_titles - {"of", "the", "for", "and"}
    last_title = max((k for k, w in enumerate(words) if w.group(0).lower().strip(",.") in core), default=-1)
    if last_title >= 0:
        i = last_title + 1
        if i >= len(words):
            return None
    s2 = s + words[i].start()
    name = text[s2:e]
    if name.lower() in gaz.pronouns:
        return None
    if not name[:1].isupper() or name.lower().strip(",") in gaz.person_titles:
        return None
    if gaz.place_label(name) != "GPE" or gaz.is_norp(name) or name.lower() in gaz.gpe:
        return None  # "Minister for the Middle East": the role's remainder is a place
    if ", " in name:  # "Tobias Ellwood, Minister" style tails
        return None
    return s2, e


def _strip_lower_prefix(text: str, s: int, e: int) -> tuple[int, int]:
    """``city of Mosul`` -> ``Mosul``, ``inclusive Government`` -> ``Government``: names start capitalised."""
    while s < e and not (text[s].isupper() or text[s].isdigit()):
        nxt = text.find(" ", s, e)
        if nxt < 0:
            return e, e
        s = nxt + 1
    return s, e


def _named_org(name: str) -> bool:
    """An Organisation span with a real name, not a generic group like ``Iraqi forces``."""
    gaz = gazetteer()
    if name.lower() in gaz.pronouns:
        return False  # "We" (a government speaking)
    for w in _capitalised_words(name):
        w2 = w.strip(",.'’s")
        if not w2 or gaz.is_norp(w2) or gaz.is_country(w2) or w2 in ("The", "A", "An", "Our", "Coalition"):
            continue
        return True
    return gaz.is_country(name)


def doc_spans(text: str, rows: list[dict], lmap: LabelMap) -> list[SpanT]:
    """Flat OntoNotes spans for one re3d document from its entity rows."""
    min_conf = float(lmap.options.get("min_confidence", 0.5))
    units = frozenset(lmap.options.get("units", []))
    best: dict[tuple[int, int], dict] = {}
    norp_rows: list[tuple[int, int]] = []
    for r in rows:
        key = (r["begin"], r["end"])
        if r["type"] == "Nationality":
            norp_rows.append(key)
        if key not in best or (r["confidence"], r["type"]) > (best[key]["confidence"], best[key]["type"]):
            best[key] = r
    spans: list[SpanT] = []
    for (b, e), r in sorted(best.items()):
        if r["confidence"] < min_conf:
            continue
        rtype = r["type"]
        target = lmap.labels.get(rtype)
        if rtype not in lmap.labels:
            raise KeyError(f"re3d type {rtype!r} missing from data/re3d.yaml")
        if target is None:
            continue
        if rtype == "Person":
            rng = _person(text, b, e)
            if rng:
                spans.append((*rng, "PERSON"))
            continue
        s, t = strip_det_poss(text, b, e)
        if rtype in ("Organisation", "Location"):
            s, t = _strip_lower_prefix(text, s, t)
        name = text[s:t]
        if not name:
            continue
        if rtype == "Organisation":
            if not _named_org(name):
                continue
        elif rtype == "Location":
            if not _capitalised_words(name):
                continue
            if ", " in name:  # "Mosul district, Ninewa province": two places
                pos = s
                for part in name.split(", "):
                    ps, pe = strip_det_poss(text, pos, pos + len(part))
                    if text[ps:pe][:1].isupper():
                        spans.append((ps, pe, lmap.map(rtype, text[ps:pe]) or "GPE"))
                    pos += len(part) + 2
                continue
        elif rtype in ("Weapon", "MilitaryPlatform", "Vehicle"):
            if not re.search(r"[A-Z].*\d|\d.*[A-Z]|^[A-Z][a-z]+ [A-Z]", name):
                continue  # "tank", "artillery systems": generic
        elif rtype == "Temporal":
            s, t = b, e
            label = "TIME" if _TIME_WORDS.search(text[b:e]) else "DATE"
            spans.append((s, t, label))
            continue
        elif rtype == "Quantity":
            label = "QUANTITY" if any(w.lower().strip(".,") in units for w in text[b:e].split()) else "CARDINAL"
            if "%" in text[b:e] or "per cent" in text[b:e] or "percent" in text[b:e]:
                label = "PERCENT"
            spans.append((b, e, label))
            continue
        elif rtype in ("Money", "Nationality"):
            s, t = b, e
        label = lmap.map(rtype, text[s:t])
        if label:
            spans.append((s, t, label))
    kept = flatten(spans)
    # nested nationality rows (any confidence) become NORP where nothing else is kept
    for b, e in norp_rows:
        if all(e <= k[0] or b >= k[1] for k in kept) and text[b:e][:1].isupper():
            kept.append((b, e, "NORP"))
    return flatten(kept)


def read(corpora_dir: Path) -> Iterator[SourceDoc]:
    """Every re3d document of the five licensed source folders."""
    lmap = load_map(CORPUS)
    base = corpora_dir / "re3d"
    for folder in sorted(p for p in base.iterdir() if (p / "documents.json").exists()):
        by_doc: dict[str, list[dict]] = defaultdict(list)
        for row in _json_lines(folder / "entities.json"):
            by_doc[row["documentId"]].append(row)
        for d in sorted(_json_lines(folder / "documents.json"), key=lambda d: d["_id"]):
            text = d["text"]
            yield SourceDoc(
                corpus=CORPUS,
                doc=d["_id"],
                text=text,
                sentences=split_sentences(text),
                spans=doc_spans(text, by_doc.get(d["_id"], []), lmap),
                gold_labels=list(lmap.gold_labels),
                meta={"source": folder.name, "url": d.get("sourceUrl", "")},
            )
