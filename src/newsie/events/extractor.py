"""The event extractor: a short driver that runs the stages in data-flow order.

1. ``triggers``     candidate triggers from the lexicon (Matcher patterns, lemma index), anchored on
                    support verbs; typed and CAMEO-coded (``cameo.py``)
2. ``complements``  events inside an ``absorb`` type's complement become part of it
3. ``roles``        role finders (``finders.py`` registry) named in the lexicon, deepest events first;
                    retyping by theme and the CAMEO code follow each fill
4. ``values``       time (tree-governed DATE/TIME entities), quantity, age, casualties
5. ``attribution``  source (frames, "according to", quotations)
6. ``modality``     cues from ``cues.yaml`` on the event's clause
7. ``records``      which candidates become records (absorbed, frames, nameless speakers)
8. ``merge``        cross-sentence merges (``merges.yaml``), then bare nominal mentions are dropped
9. ``records``      schema ``EventRecord`` objects with offsets, rule, actor codes and summary

Every stage is generic and configured by the data files in ``data/``; ``coref.py`` (canonical names,
pronouns) is used by the role finders and attribution.
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc

from newsie.events import attribution, complements, merge, modality, records, roles, values
from newsie.events.actors import ActorCoder, default_actor_coder
from newsie.events.cameo import CameoCoder, default_coder
from newsie.events.model import Candidate, Context
from newsie.events.records import RecordBuilder, summarize
from newsie.events.resources import (
    DATA_DIR,
    load_aliases,
    load_coref,
    load_cues,
    load_lexicon,
    load_merges,
    load_values,
)
from newsie.events.triggers import TriggerFinder
from newsie.schema import EventRecord

__all__ = ["EventExtractor", "summarize"]


class EventExtractor:
    """Callable over a parsed ``Doc``: returns the event records (and is the spaCy component)."""

    def __init__(self, vocab, data_dir: str | Path | None = None) -> None:
        directory = Path(data_dir) if data_dir else DATA_DIR
        self.lexicon = load_lexicon(directory)
        self.cues = load_cues(directory)
        self.aliases = load_aliases(directory)
        self.merges = load_merges(directory)
        self.coref = load_coref(directory)
        self.values = load_values(directory)
        # a customised data directory may bring its own CAMEO tables; otherwise the shipped ones are used
        coding_dir = directory if (directory / "cameo_guards.tsv").exists() else DATA_DIR
        self.cameo: CameoCoder = default_coder(coding_dir)
        actors_dir = coding_dir / "eventdata"
        self.actor_coder: ActorCoder = default_actor_coder(
            actors_dir if (actors_dir / "agents.tsv").exists() else DATA_DIR / "eventdata"
        )
        self.triggers = TriggerFinder(vocab, self.lexicon, self.cameo, self.actor_coder)
        self.records = RecordBuilder(self.actor_coder)
        agents = self.actor_coder.agents
        self._agent_noun = lambda word: word in agents  # "gunmen", "police": nouns of the Phoenix agents file

    def extract(self, doc: Doc) -> list[EventRecord]:
        ctx, cands = self.run_stages(doc)
        return self.actor_coder.localize(doc, self.records.build(ctx, cands))  # 9, local actors: actors.py

    def explain(self, doc: Doc) -> list[Candidate]:
        """Every candidate of the document after all stages, the dropped ones too (``dropped`` says why):
        for debugging rules and for tests of one stage."""
        return self.run_stages(doc)[1]

    def run_stages(self, doc: Doc) -> tuple[Context, list[Candidate]]:
        ctx = Context(doc, self.lexicon, self.cues, self.aliases, self.coref, self._agent_noun, self.values)
        cands = self.triggers.candidates(ctx)  # 1
        ctx.index(cands)
        complements.absorb(ctx, cands)  # 2
        for cand in sorted(cands, key=lambda c: -len(list(doc[c.anchor].ancestors))):  # 3, deepest first
            roles.fill_roles(ctx, cand)
            self.triggers.retype(ctx, cand, refill=roles.fill_roles)
            self.triggers.refine_type(cand)  # by the lexicon's own code, before the verb dictionary refines it
            self.triggers.code_cameo(ctx, cand)
            self.triggers.require_actor(ctx, cand)
        values.assign_times(ctx, cands)  # 4
        quotes = attribution.quote_regions(ctx)
        values.assign_casualties(ctx, cands)
        for cand in cands:
            values.assign_amounts(ctx, cand)
            attribution.assign_source(ctx, cand, quotes)  # 5
            cand.modality, cand.modality_rule = modality.find_modality(ctx, cand)  # 6
        records.select(ctx, cands)  # 7
        for cand in cands:
            cand.id = records.mention_id(ctx, cand)
        merge.apply_merges(ctx, [c for c in cands if c.dropped is None], self.merges.merges)  # 8
        records.drop_bare(ctx, cands)
        return ctx, cands

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.extract(doc)
        return doc
