"""MEANTIME reader (CAT XML, English Wikinews news) -> OntoNotes spans.

Entity mentions get their type from the ENTITY they REFER_TO; they are whole
NPs (``Apple Computer CEO Steve Jobs``), so each is trimmed to a *name run*
(capitalised tokens with inner ``of``/``&``/``and``), persons to the part after
the last title word.  Inner mentions are resolved first, and an outer mention
keeps only what is left of its name run outside them.  TIMEX3 DATE/DURATION/SET
-> DATE, TIME -> TIME; VALUE MONEY/PERCENT map directly and QUANTITY becomes
QUANTITY only with a unit word (else CARDINAL, README section 4).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from newsie.tooling.corpora.common import SourceDoc, SpanT, detokenize, flatten, overlaps
from newsie.tooling.corpora.labels import LabelMap, gazetteer, load_map

CORPUS = "meantime"


def _name_runs(words: list[str], person: bool) -> list[tuple[int, int]]:
    """Runs ``[i, j)`` of name-like tokens: capitalised/digits with inner connectors."""
    titles = gazetteer().person_titles
    connect = gazetteer().name_connectors
    runs: list[tuple[int, int]] = []
    i, n = 0, len(words)
    while i < n:
        w = words[i]
        if w[:1].isupper() and not (person and w.lower() in titles):
            j = i + 1
            while j < n:
                x = words[j]
                if person and x.lower() in titles:
                    break
                if x[:1].isupper() or x[:1].isdigit() or x.lower() in connect and j + 1 < n and words[j + 1][:1].isupper() and x != "'s":
                    j += 1
                else:
                    break
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _value_label(words: list[str], vtype: str, units: frozenset[str]) -> str | None:
    if vtype == "MONEY":
        return "MONEY"
    if vtype == "PERCENT":
        return "PERCENT"
    if vtype == "QUANTITY":
        return "QUANTITY" if any(w.lower().strip(".") in units for w in words) else "CARDINAL"
    return None


def parse_file(path: Path, lmap: LabelMap) -> list[SourceDoc]:
    """One MEANTIME XML file -> its annotated part, plus the unannotated rest if any.

    MEANTIME annotates only the first sentences of each article (headline,
    dateline and four body sentences): the first document returned covers the
    sentences up to the last one holding a markable, with gold spans; the
    second (same document id plus ``#rest``) holds the remaining text with no
    gold spans and ``gold_labels=[]``, for teacher silver only.
    """
    root = ET.parse(path).getroot()
    tokens = root.findall("token")
    tid_index = {t.get("t_id"): i for i, t in enumerate(tokens)}
    forms = [t.text or "" for t in tokens]
    for i, f in enumerate(forms):  # "# 13 billion" is "£13 billion" (README section 4)
        if f == "#" and i + 1 < len(forms) and forms[i + 1][:1].isdigit():
            forms[i] = "£"
    sent_of = [int(t.get("sentence")) for t in tokens]
    # text: one line each for headline and dateline, then the body sentences
    pieces: list[str] = []
    offsets: list[tuple[int, int]] = []
    sentences: list[tuple[int, int]] = []
    pos = 0
    for sid in sorted(set(sent_of)):
        idx = [i for i, s in enumerate(sent_of) if s == sid]
        text, offs = detokenize([forms[i] for i in idx])
        sep = "" if not pieces else ("\n" if sid <= 2 else " ")
        pos += len(sep)
        pieces.append(sep + text)
        sentences.append((pos, pos + len(text)))
        offsets.extend((pos + a, pos + b) for a, b in offs)
        pos += len(text)
    doc_text = "".join(pieces)
    order = sorted(range(len(tokens)), key=lambda i: (sent_of[i], i))
    tok_off = {orig: offsets[k] for k, orig in enumerate(order)}

    markables = root.find("Markables")
    relations = root.find("Relations")
    by_id = {m.get("m_id"): m for m in markables} if markables is not None else {}
    ent_type: dict[str, str] = {}
    for rel in relations.findall("REFERS_TO") if relations is not None else []:
        tgt = rel.find("target")
        target = by_id.get(tgt.get("m_id")) if tgt is not None else None
        if target is None or target.tag != "ENTITY":
            continue
        for src in rel.findall("source"):
            ent_type[src.get("m_id")] = target.get("ent_type", "")

    def anchors(m: ET.Element) -> list[int] | None:
        idx = sorted(tid_index[a.get("t_id")] for a in m.findall("token_anchor") if a.get("t_id") in tid_index)
        if not idx or idx != list(range(idx[0], idx[-1] + 1)):
            return None  # no tokens, or discontinuous
        return idx

    units = frozenset(lmap.options.get("units", []))
    spans: list[SpanT] = []
    mentions: list[tuple[int, list[int], str]] = []
    for m in markables if markables is not None else []:
        idx = anchors(m) if m.tag in ("ENTITY_MENTION", "TIMEX3", "VALUE") else None
        if idx is None:
            continue
        words = [forms[i] for i in idx]
        if m.tag == "TIMEX3":
            label = lmap.labels.get(f"TIMEX3:{m.get('type')}")
            if label:
                spans.append((tok_off[idx[0]][0], tok_off[idx[-1]][1], label))
        elif m.tag == "VALUE":
            label = _value_label(words, m.get("type", ""), units)
            if label:
                spans.append((tok_off[idx[0]][0], tok_off[idx[-1]][1], label))
        else:
            etype = ent_type.get(m.get("m_id"))
            if etype and lmap.labels.get(etype) is not None:
                mentions.append((len(idx), idx, etype, m.get("syntactic_type") or ""))
    # entity mentions: innermost first; an outer mention keeps its name run only outside inner names
    taken: list[tuple[int, int]] = []
    sent_start = {i for i in range(len(tokens)) if i == 0 or sent_of[i - 1] != sent_of[i]}
    for _, idx, etype, stype in sorted(mentions, key=lambda x: (x[0], x[1][0])):
        if stype and stype not in ("NAM", "PRE.NAM"):
            continue  # pronouns, common nouns, conjunctions
        words = [forms[i] for i in idx]
        runs = _name_runs(words, person=etype == "PER")
        runs = [(a + 1, b) if words[a] in ("The", "A", "An") else (a, b) for a, b in runs]
        runs = [(a, b) for a, b in runs if a < b and not (b - a == 1 and words[a].lower() in gazetteer().pronouns)]
        if not stype:  # untyped syntax: a lone sentence-initial capital is no evidence of a name
            runs = [(a, b) for a, b in runs if b - a > 1 or idx[a] not in sent_start]
        if not runs:
            continue
        runs = [(idx[a], idx[b - 1]) for a, b in runs]
        runs = [r for r in runs if not any(overlaps((r[0], r[1] + 1), t) for t in taken)]
        if not runs:
            continue
        first, last = runs[-1] if etype == "PER" else max(runs, key=lambda r: (r[1] - r[0], -r[0]))
        while last > first and forms[last] in ("'s", "’s", "-", "&", "and", "of"):
            last -= 1
        s, e = tok_off[first][0], tok_off[last][1]
        label = lmap.map(etype, doc_text[s:e])
        if label in ("ORG", "PERSON", "PRODUCT") and gazetteer().is_norp(doc_text[s:e]):
            label = "NORP"  # "European" trimmed out of "European aircraft manufacturer"
        if label:
            spans.append((s, e, label))
            taken.append((first, last + 1))
    # the annotated extent: sentences up to the last one with an anchored markable
    last_sent = max(
        (sent_of[tid_index[a.get("t_id")]] for m in (markables if markables is not None else [])
         for a in m.findall("token_anchor") if a.get("t_id") in tid_index),
        default=max(sent_of, default=0),
    )  # fmt: skip
    n_annot = sorted(set(sent_of)).index(last_sent) + 1 if sent_of else 0
    cut = sentences[n_annot - 1][1] if n_annot else len(doc_text)
    name = root.get("doc_name") or path.stem
    meta = {"subcorpus": path.parent.name, "url": root.get("url", "")}
    docs = [
        SourceDoc(
            corpus=CORPUS,
            doc=name,
            text=doc_text[:cut],
            sentences=sentences[:n_annot],
            spans=flatten([sp for sp in spans if sp[1] <= cut]),
            gold_labels=list(lmap.gold_labels),
            meta=meta,
        )
    ]
    rest = sentences[n_annot:]
    if rest:
        start = rest[0][0]
        docs.append(
            SourceDoc(
                corpus=CORPUS,
                doc=name,  # same document: the split is decided per document
                text=doc_text[start:],
                sentences=[(a - start, b - start) for a, b in rest],
                spans=[],
                gold_labels=[],
                meta={**meta, "part": "unannotated"},
            )
        )
    return docs


def read(corpora_dir: Path) -> Iterator[SourceDoc]:
    """Every MEANTIME intra-document file."""
    lmap = load_map(CORPUS)
    for path in sorted((corpora_dir / "meantime" / "intra-doc_annotation").glob("corpus_*/*.xml")):
        yield from parse_file(path, lmap)

