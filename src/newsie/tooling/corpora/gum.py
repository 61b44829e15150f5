"""GUM reader: CoNLL-U with CorefUD ``Entity=`` brackets -> named OntoNotes spans.

GUM marks *every* referring NP, nested, with one of 10 types.  OntoNotes wants
flat names, so (README section 4): keep mentions whose head (a word whose
syntactic head is outside the mention) is a PROPN, trim them to the name
(``minspan``, then leading determiners/lowercase modifiers/titles and trailing
possessives), split ``place`` with the Wikipedia identity and the gazetteer,
send countries typed ``organization`` to GPE, and type ``time`` mentions with
the TEI ``<date>``/``<time>`` markup.  The outermost named span wins.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsie.tooling.corpora.common import SourceDoc, SpanT, flatten
from newsie.tooling.corpora.labels import LabelMap, gazetteer, load_map

CORPUS = "gum"
BRACKET = re.compile(r"\(([^()]+)\)?|(\d+)\)")

@dataclass
class Word:
    start: int
    end: int
    form: str
    upos: str
    head: int  # sentence-local id of the head, 0 = root
    local: int  # sentence-local id
    sent: int
    xml: str = ""
    deprel: str = ""


@dataclass
class Mention:
    first: int  # global word index
    last: int
    etype: str
    minspan: list[int]
    identity: str


@dataclass
class GumDoc:
    id: str
    text: str = ""
    words: list[Word] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


def parse(path: Path) -> Iterator[GumDoc]:
    """Parse a GUM ``.conllu`` file (README 1.4 recipe) into words and mentions."""
    doc: GumDoc | None = None
    stack: dict[str, list[tuple[int, list[str]]]] = {}
    mwt_end, pos, sent_idx, sent_start = 0, 0, -1, 0
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("# newdoc id = "):
            if doc:
                yield doc
            doc, stack, sent_idx = GumDoc(id=line[14:].strip()), {}, -1
        elif doc is None:
            continue
        elif line == "# newpar":
            if doc.text:
                doc.text = doc.text.rstrip(" ") + "\n"
        elif line.startswith("# sent_id"):
            mwt_end, sent_idx, sent_start = 0, sent_idx + 1, len(doc.text)
        elif not line:
            if sent_idx >= 0 and (not doc.sentences or len(doc.sentences) <= sent_idx):
                doc.sentences.append((sent_start, len(doc.text.rstrip(" \n"))))
        elif not line.startswith("#"):
            c = line.split("\t")
            if "." in c[0]:
                continue
            misc = dict(kv.partition("=")[::2] for kv in c[9].split("|")) if c[9] != "_" else {}
            sep = "" if misc.get("SpaceAfter") == "No" else " "
            if "-" in c[0]:
                mwt_end, pos = int(c[0].split("-")[1]), len(doc.text)
                doc.text += c[1] + sep
                continue
            if int(c[0]) <= mwt_end:
                start = pos
                pos += len(c[1])
            else:
                start = len(doc.text)
                doc.text += c[1] + sep
            widx = len(doc.words)
            doc.words.append(
                Word(start, start + len(c[1]), c[1], c[3], int(c[6]), int(c[0]), sent_idx, misc.get("XML", ""), c[7])
            )
            for m in BRACKET.finditer(misc.get("Entity", "")):
                if m.group(1):
                    f = m.group(1).split("-")
                    stack.setdefault(f[0], []).append((widx, f))
                    eid = f[0] if m.group(0).endswith(")") else None
                else:
                    eid = m.group(2)
                if eid:
                    first, f = stack[eid].pop()
                    minspan = [int(x) for x in f[5].split(",") if x.isdigit()] if len(f) > 5 else []
                    ident = urllib.parse.unquote(f[7]) if len(f) > 7 else ""
                    doc.mentions.append(Mention(first, widx, f[1], minspan, ident))
    if doc:
        yield doc


def _close_last(doc: GumDoc) -> GumDoc:
    """Add the final sentence when the file does not end with a blank line."""
    n_sents = max((w.sent for w in doc.words), default=-1) + 1
    if len(doc.sentences) < n_sents:
        start = doc.words[[w.sent for w in doc.words].index(n_sents - 1)].start
        doc.sentences.append((start, len(doc.text.rstrip())))
    return doc


def _is_named(doc: GumDoc, m: Mention) -> bool:
    ws = doc.words[m.first : m.last + 1]
    if len({w.sent for w in ws}) != 1:
        return False
    ids = {w.local for w in ws}
    return any(w.upos == "PROPN" and w.head not in ids for w in ws)


def _trim_name(doc: GumDoc, m: Mention, person: bool) -> tuple[int, int] | None:
    """Word index range of the name inside a named mention, or None."""
    lo, hi = m.first, m.last
    if m.minspan:
        # minspan bounds the end only (it drops relative clauses and PPs); the start is
        # trimmed below, because minspan can also drop part of a name ("Vrije")
        b = m.first + max(m.minspan) - 1
        if any(doc.words[i].upos == "PROPN" for i in range(lo, b + 1)):
            hi = b
    titles = gazetteer().person_titles
    words = doc.words
    while lo <= hi and (
        words[lo].upos in ("DET", "PUNCT", "ADP", "CCONJ", "PRON", "SCONJ")
        or (words[lo].upos != "PROPN" and not words[lo].form[:1].isupper() and not words[lo].form[:1].isdigit())
        or (person and words[lo].form.lower() in titles and lo < hi)
    ):
        lo += 1
    while hi >= lo and (words[hi].upos in ("PUNCT", "PART", "ADP", "CCONJ", "DET") or words[hi].form in ("'s", "’s")):
        hi -= 1
    if lo > hi or not any(words[i].upos == "PROPN" for i in range(lo, hi + 1)):
        return None
    if person:
        return _person_name(words, lo, hi, titles)
    return lo, hi


def _person_name(words: list[Word], lo: int, hi: int, titles: frozenset[str]) -> tuple[int, int] | None:
    """The personal name in ``Minister of Education Stefania Giannini``: the last PROPN and its ``flat`` group.

    UD links the parts of a name with ``flat``; titles and roles hang off it
    with other relations, and OntoNotes leaves them out of PERSON spans.
    """
    last = next((i for i in range(hi, lo - 1, -1) if words[i].upos == "PROPN"
                 and words[i].form.lower() not in titles), None)  # fmt: skip
    if last is None:
        return None
    sent = words[last].sent
    by_local = {w.local: i for i, w in enumerate(words[lo : hi + 1], start=lo) if w.sent == sent}
    head = last
    if words[last].deprel.startswith("flat") and words[last].head in by_local:
        head = by_local[words[last].head]
    group = [head] + [i for i in range(lo, hi + 1) if words[i].deprel.startswith("flat")
                      and by_local.get(words[i].head) == head]  # fmt: skip
    a, b = min(group), max(group)
    while a < b and words[a].form.lower() in titles:
        a += 1
    return a, b


def _time_label(doc: GumDoc, m: Mention) -> str | None:
    ws = doc.words[m.first : m.last + 1]
    xml = " ".join(w.xml for w in ws)
    if "<time " in xml:
        return "TIME"
    if "<date " in xml:
        return "DATE"
    low = {w.form.lower() for w in ws}
    gaz = gazetteer()
    if low & gaz.time_words:
        return "TIME"
    if low & gaz.date_words or any(re.fullmatch(r"\d{4}s?|'\d\ds|\d{1,2}(st|nd|rd|th)?", w.form) for w in ws):
        return "DATE"
    return None


def doc_spans(doc: GumDoc, lmap: LabelMap) -> list[SpanT]:
    """Flat OntoNotes spans of one GUM document."""
    spans: list[SpanT] = []
    for m in doc.mentions:
        if m.etype == "time":
            label = _time_label(doc, m)
            if not label:
                continue
            ws = doc.words[m.first : m.last + 1]
            if len({w.sent for w in ws}) != 1:
                continue
            lo, hi = 0, len(ws) - 1
            while hi > lo and (ws[hi].upos == "PUNCT" or ws[hi].form in ("'s", "’s")):
                hi -= 1
            spans.append((ws[lo].start, ws[hi].end, label))
            continue
        if lmap.labels.get(m.etype) is None or not _is_named(doc, m):
            continue
        rng = _trim_name(doc, m, person=m.etype == "person")
        if rng is None:
            continue
        s, e = doc.words[rng[0]].start, doc.words[rng[1]].end
        for sep in (" (", ", "):  # apposition inside a name mention: keep the head name
            cut = doc.text.find(sep, s, e)
            if cut > s and m.etype != "place":
                e = cut
        label = lmap.map(m.etype, doc.text[s:e], m.identity or None)
        if label:
            spans.append((s, e, label))
    # "Livorno, Tuscany" is one GUM mention over two names: keep the inner ones
    # "X and the Y" coordinations are mentions too: keep the conjuncts when they are named
    spans = [sp for sp in spans if " and " not in doc.text[sp[0] : sp[1]]
             or not any(o != sp and sp[0] <= o[0] and o[1] <= sp[1] for o in spans)]  # fmt: skip
    places = ("GPE", "LOC", "FAC")
    spans = [sp for sp in spans if ", " not in doc.text[sp[0] : sp[1]] or sp[2] not in places
             or not any(o != sp and sp[0] <= o[0] and o[1] <= sp[1] and o[2] in places for o in spans)]  # fmt: skip
    return flatten(spans)


def dev_docs(corpus_dir: Path) -> set[str]:
    """GUM's own dev documents, from ``splits.md``."""
    out, section = set(), None
    for line in (corpus_dir / "splits.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section = line[3:].strip()
        elif section == "dev" and line.strip().startswith("*"):
            out.add(line.strip()[1:].strip())
    return out


def read(corpora_dir: Path) -> Iterator[SourceDoc]:
    """Every GUM document in ``corpora_dir/gum/dep`` as a :class:`SourceDoc`."""
    lmap = load_map(CORPUS)
    base = corpora_dir / "gum"
    dev = dev_docs(base)
    for path in sorted((base / "dep").glob("*.conllu")):
        for doc in map(_close_last, parse(path)):
            yield SourceDoc(
                corpus=CORPUS,
                doc=doc.id,
                text=doc.text.rstrip(),
                sentences=doc.sentences,
                spans=doc_spans(doc, lmap),
                gold_labels=list(lmap.gold_labels),
                meta={"split": "dev" if doc.id in dev else None},
            )
