"""``newsie.evaluate(...)``: run newsie (and baseline pipelines) over gold texts and score them.

Each system is run over the same gold texts with :func:`newsie.api.make_doc`
(so the article date is set before the pipeline, as in production) and its
``doc.ents``/``doc._.events`` are scored against the gold.  Baselines get
entity scores only: they have no event component, and scoring their empty
event lists would only print zeros.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Span

from newsie.api import make_doc, model_id
from newsie.evaluate.entities import EntityError, EntityScorer, EntityScores, EntSpan
from newsie.evaluate.events import EventError, EventScorer, EventScores
from newsie.evaluate.gold import GoldFormatError, GoldIssue, load_gold, load_splits, select_split, splits_path
from newsie.evaluate.labels import LabelMap, load_data, load_label_map
from newsie.schema import EventRecord, GoldDocument

GoldInput = str | Path | GoldDocument | dict[str, Any]


@dataclass
class SystemResult:
    """The scores of one pipeline over the gold."""

    name: str
    model: str
    entities: EntityScores
    events: EventScores | None
    entity_errors: list[EntityError] = field(default_factory=list)
    value_errors: list[EntityError] = field(default_factory=list)
    event_errors: list[EventError] = field(default_factory=list)
    argument_errors: list[EventError] = field(default_factory=list)
    determiners_stripped: bool = False
    n_stripped: int = 0

    def to_dict(self, errors: int | None = None) -> dict[str, Any]:
        """JSON-ready scores; ``errors`` caps the listed errors (``None``: all, 0: none)."""
        cut = slice(None) if errors is None else slice(errors)
        return {
            "name": self.name,
            "model": self.model,
            "determiners_stripped": self.determiners_stripped,
            "n_stripped": self.n_stripped,
            "entities": self.entities.to_dict(),
            "events": None if self.events is None else self.events.to_dict(),
            "entity_errors": [e.to_dict() for e in self.entity_errors[cut]],
            "value_errors": [e.to_dict() for e in self.value_errors[cut]],
            "event_errors": [e.to_dict() for e in self.event_errors[cut]],
            "argument_errors": [e.to_dict() for e in self.argument_errors[cut]],
        }


@dataclass
class Evaluation:
    """Everything ``newsie evaluate`` prints, as Python objects."""

    n_docs: int
    n_gold_entities: int
    n_gold_events: int
    label_map: str
    systems: list[SystemResult]
    notes: list[str] = field(default_factory=list)
    split: str = "all"
    n_entity_docs: int = 0
    doc_ids: list[str] = field(default_factory=list)

    def system(self, name: str) -> SystemResult:
        for s in self.systems:
            if s.name == name:
                return s
        raise KeyError(f"no system {name!r} (have {[s.name for s in self.systems]})")

    def error_limit(self, errors: int | None) -> int | None:
        """How many errors may be listed: none on the ``test`` split (scored, never inspected), else ``errors``."""
        return 0 if self.split == "test" else errors

    def to_dict(self, errors: int | None = None) -> dict[str, Any]:
        """JSON-ready scores; ``errors`` caps the listed errors (``None``: all; always none on ``test``)."""
        errors = self.error_limit(errors)
        return {
            "split": self.split,
            "n_docs": self.n_docs,
            "n_entity_docs": self.n_entity_docs,
            "doc_ids": list(self.doc_ids),
            "n_gold_entities": self.n_gold_entities,
            "n_gold_events": self.n_gold_events,
            "label_map": self.label_map,
            "notes": list(self.notes),
            "systems": [s.to_dict(errors) for s in self.systems],
        }


# --------------------------------------------------------------- conversion
DeterminerRules = tuple[tuple[frozenset[str], frozenset[str]], ...]


def determiner_config() -> DeterminerRules:
    """``(words, labels)`` rules from ``data/labels.yaml``: which leading words are stripped on which labels."""
    return tuple(
        (frozenset(w.lower() for w in rule["words"]), frozenset(rule["labels"]))
        for rule in load_data("labels.yaml")["determiners"]
    )


def strip_determiner(ent: Span, rules: DeterminerRules) -> tuple[int, int]:
    """Character offsets of ``ent`` without a leading determiner, where a rule applies.

    Only if another token remains, and a capitalised "The" only at sentence
    start (inside a sentence it is part of a name such as "The Guardian").
    """
    if len(ent) > 1:
        first = ent[0]
        if first.text.islower() or first.is_sent_start:
            for words, labels in rules:
                if first.lower_ in words and ent.label_ in labels:
                    return ent[1].idx, ent.end_char
    return ent.start_char, ent.end_char


def describe_determiner_rules(rules: DeterminerRules) -> str:
    """``'the' on all 18 labels; 'a'/'an' on PERSON, ...`` for the report's note."""
    parts = []
    for words, labels in rules:
        on = "all labels" if labels >= load_label_map(None).labels else ", ".join(sorted(labels))
        parts.append(f"{'/'.join(repr(w) for w in sorted(words))} on {on}")
    return "; ".join(parts)


def gold_spans(doc: GoldDocument, label_map: LabelMap) -> list[EntSpan]:
    out = []
    for e in doc.entities:
        label = label_map.apply(e.label)
        if label is not None:
            out.append(EntSpan(e.start, e.end, label, e.norm))
    return out


def coerce_events(events: Iterable[Any]) -> list[EventRecord]:
    """``doc._.events`` as :class:`EventRecord` objects (dicts are validated, so a bad record fails loudly)."""
    return [e if isinstance(e, EventRecord) else EventRecord.model_validate(e) for e in events]


def _as_gold(
    gold: GoldInput | Iterable[GoldInput], labels: frozenset[str] | None, split: str | None = None
) -> list[GoldDocument]:
    """Gold documents from paths/objects; with ``split`` (not ``all``) only that split of ``splits.yaml``.

    ``splits.yaml`` is looked up beside the first gold path (see
    :func:`newsie.evaluate.gold.splits_path`), so ``newsie evaluate data/gold
    --split test`` reads ``data/gold/splits.yaml``.
    """
    items: list[GoldInput] = [gold] if isinstance(gold, str | Path | GoldDocument | dict) else list(gold)
    out: list[GoldDocument] = []
    paths: list[str | Path] = []
    for item in items:
        if isinstance(item, GoldDocument):
            out.append(item)
        elif isinstance(item, dict):
            out.append(GoldDocument.model_validate(item))
        else:
            paths.append(item)
    if paths:
        out.extend(load_gold(paths, labels))
    if split is None or split == "all":
        return out
    where = splits_path(paths)
    if where is None:
        raise GoldFormatError([GoldIssue(str(paths[0]) if paths else "(gold objects)", None,
                                         f"--split {split} needs a splits.yaml beside the gold")])
    return select_split(out, split, load_splits(where), str(where))


# ------------------------------------------------------------------- runner
def run_system(
    name: str,
    nlp: Language,
    gold: Sequence[GoldDocument],
    label_map: LabelMap,
    *,
    strip_determiners: bool = False,
    score_events: bool = True,
    batch_size: int = 8,
) -> SystemResult:
    """Run ``nlp`` over the gold texts and score its entities (and events)."""
    rules = determiner_config()
    ents = EntityScorer()
    events = EventScorer() if score_events else None
    n_stripped = 0
    docs = (make_doc(nlp, g.text, date=g.date, doc_id=g.id) for g in gold)
    for g, doc in zip(gold, nlp.pipe(docs, batch_size=batch_size), strict=True):
        if events is not None and "events" in g.layers:
            events.add(g.id, g.text, list(g.events), coerce_events(doc._.events), g.topic)
        if "entities" not in g.layers:
            continue  # event-only gold: the system's entities there are neither right nor wrong
        pred: list[EntSpan] = []
        for ent in doc.ents:
            label = label_map.apply(ent.label_)
            if label is None:
                continue
            start, end = ent.start_char, ent.end_char
            if strip_determiners:
                start, end = strip_determiner(ent, rules)
                n_stripped += start != ent.start_char
            pred.append(EntSpan(start, end, label, ent._.norm))
        ents.add(g.id, g.text, gold_spans(g, label_map), pred)
    return SystemResult(
        name=name,
        model=model_id(nlp),
        entities=ents.result(),
        events=None if events is None else events.result(),
        entity_errors=ents.errors,
        value_errors=ents.value_errors,
        event_errors=[] if events is None else events.errors,
        argument_errors=[] if events is None else events.argument_errors,
        determiners_stripped=strip_determiners,
        n_stripped=n_stripped,
    )


def evaluate(
    gold: GoldInput | Iterable[GoldInput],
    nlp: Language | None = None,
    *,
    baselines: Sequence[str | tuple[str, Language]] = (),
    label_map: str | Path | LabelMap | None = None,
    strip_determiners: bool = True,
    include_newsie: bool = True,
    batch_size: int = 8,
    split: str | None = None,
) -> Evaluation:
    """Score newsie (``nlp``, default :func:`newsie.load`) and baselines against gold documents.

    ``gold`` is a path (file or folder, any supported format), a
    :class:`GoldDocument`, a dict, or an iterable of those.  ``baselines``
    are pipeline names for :func:`newsie.pipeline.load_baseline` (``sm``,
    ``md``, a package name) or ``(name, Language)`` pairs.  With
    ``strip_determiners`` a leading "the"/"a"/"an" is removed from baseline
    entity spans (see ``data/labels.yaml``) so that their scores reflect the
    gold's convention; newsie's own spans are scored as they are.  ``split``
    (``dev``, ``test``, ``seen``, ``all``) scores one split of ``splits.yaml``.
    Entities are scored only on documents whose ``layers`` include
    ``entities``, events only on those that include ``events``.
    """
    from newsie.pipeline import load, load_baseline

    lmap = load_label_map(label_map)
    docs = _as_gold(gold, lmap.accepted, split)
    systems: list[SystemResult] = []
    if include_newsie:
        systems.append(run_system("newsie", nlp or load(), docs, lmap, batch_size=batch_size))
    for spec in baselines:
        name, pipe = (spec, load_baseline(spec)) if isinstance(spec, str) else spec
        systems.append(
            run_system(name, pipe, docs, lmap, strip_determiners=strip_determiners, score_events=False,
                       batch_size=batch_size)
        )
    notes = []
    if baselines:
        if strip_determiners:
            notes.append(
                f"baseline entity spans lose a leading determiner ({describe_determiner_rules(determiner_config())}) "
                "to follow the gold convention; --no-strip-determiners to keep it"
            )
        else:
            notes.append("baseline entity spans scored as predicted (determiners not stripped)")
    if not lmap.is_identity:
        notes.append(f"labels mapped with '{lmap.name}': {lmap.description}")
    entity_docs = [d for d in docs if "entities" in d.layers]
    if len(entity_docs) < len(docs):
        notes.append(f"entities scored on the {len(entity_docs)} of {len(docs)} documents with an entity layer "
                     "(the others are event-only gold)")
    n_ents = sum(len(gold_spans(d, lmap)) for d in entity_docs)
    return Evaluation(
        n_docs=len(docs),
        n_gold_entities=n_ents,
        n_gold_events=sum(len(d.events) for d in docs if "events" in d.layers),
        label_map=lmap.name,
        systems=systems,
        notes=notes,
        split=split or "all",
        n_entity_docs=len(entity_docs),
        doc_ids=[d.id for d in docs],
    )
