"""Silver labels from the en_core_web_md teacher, merged so that gold wins.

A corpus annotates only some OntoNotes labels (its ``gold_labels``).  For the
others the teacher fills in: a teacher span is kept only if its label is *not*
one the corpus annotates by hand and it overlaps no gold span.  The teacher's
span convention is aligned with OntoNotes first: a leading determiner is
dropped from name spans and a trailing possessive from all spans
(``the North Korea's`` -> ``North Korea``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from newsie.tooling.corpora.common import ONTONOTES_LABELS, SpanT, overlaps, strip_det_poss, trim_span

#: Name labels: OntoNotes excludes a leading "the" from these (not from DATE: "the past week").
NAME_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)


def load_teacher() -> Any:
    """en_core_web_md with only its NER running (its NER has its own embedding layer)."""
    from newsie.pipeline import load_baseline

    nlp = load_baseline("md")
    nlp.select_pipes(enable=["ner"])
    return nlp


def teacher_name(nlp: Any) -> str:
    meta = getattr(nlp, "meta", {}) or {}
    return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


def fix_convention(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """The teacher span with OntoNotes boundaries, or None if nothing is left."""
    if label in NAME_LABELS:
        start, end = strip_det_poss(text, start, end)
    else:
        start, end = trim_span(text, start, end)
        for poss in ("'s", "’s"):
            if text.endswith(poss, start, end) and end - start > len(poss):
                end -= len(poss)
                break
    if start >= end:
        return None
    surface = text[start:end]
    if surface.count('"') % 2 or surface.count("“") != surface.count("”"):
        return None  # a span cut across a quotation: the teacher lost its boundaries
    if surface.rsplit(" ", 1)[-1] in _DANGLING:
        return None  # 'Wrecking Ball" - inspired segment of'
    return start, end


_DANGLING = frozenset({"of", "the", "a", "an", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from"})


def raw_teacher_spans(nlp: Any, texts: Sequence[str], *, batch_size: int = 64) -> list[list[SpanT]]:
    """The teacher's entities for each text, as predicted (character offsets)."""
    return [
        [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents if ent.label_ in ONTONOTES_LABELS]
        for doc in nlp.pipe(texts, batch_size=batch_size)
    ]


def fixed(text: str, spans: Sequence[SpanT]) -> list[SpanT]:
    """Apply :func:`fix_convention` to raw teacher spans, dropping those that vanish."""
    out: list[SpanT] = []
    for s, e, lab in spans:
        rng = fix_convention(text, s, e, lab)
        if rng:
            out.append((rng[0], rng[1], lab))
    return out


def teacher_spans(nlp: Any, texts: Sequence[str], *, batch_size: int = 64) -> list[list[SpanT]]:
    """Teacher entities for each text (character offsets, convention fixed)."""
    raw = raw_teacher_spans(nlp, texts, batch_size=batch_size)
    return [fixed(text, spans) for text, spans in zip(texts, raw, strict=True)]


class TeacherCache:
    """Raw teacher predictions keyed by (teacher, text), kept in a JSON-lines file.

    Why: labelling ~800k words takes most of a build's time on a shared CPU,
    while a rebuild after a label-map change re-labels mostly identical texts.
    Raw predictions are cached, and the convention fix is re-applied on every
    build, so changing :func:`fix_convention` needs no cache flush.
    """

    def __init__(self, path: Path, teacher_id: str) -> None:
        self.path, self.teacher_id = path, teacher_id
        self.entries: dict[str, list[SpanT]] = {}
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                self.entries[row["key"]] = [tuple(x) for x in row["spans"]]

    def key(self, text: str) -> str:
        return hashlib.sha1(f"{self.teacher_id}\x1f{text}".encode()).hexdigest()

    def get(self, text: str) -> list[SpanT] | None:
        return self.entries.get(self.key(text))

    def add(self, items: Sequence[tuple[str, list[SpanT]]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as fh:
            for text, spans in items:
                k = self.key(text)
                if k not in self.entries:
                    self.entries[k] = list(spans)
                    fh.write(json.dumps({"key": k, "spans": [list(x) for x in spans]}) + "\n")


def merge(gold: Iterable[SpanT], gold_labels: Iterable[str], silver: Iterable[SpanT]) -> list[list[Any]]:
    """Gold spans plus the teacher spans that gold does not cover, as ``[s, e, label, source]``.

    A teacher span survives only if its label is outside ``gold_labels`` (the
    corpus would have annotated it otherwise) and it overlaps no gold span.
    """
    gold = sorted(gold)
    complete = set(gold_labels)
    merged: list[list[Any]] = [[s, e, lab, "gold"] for s, e, lab in gold]
    for s, e, lab in sorted(silver):
        if lab in complete or any(overlaps((s, e), (g[0], g[1])) for g in gold):
            continue
        if any(overlaps((s, e), (m[0], m[1])) for m in merged):
            continue
        merged.append([s, e, lab, "silver"])
    merged.sort(key=lambda x: (x[0], x[1]))
    return merged
