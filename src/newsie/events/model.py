"""Working state of one extraction: the document context and the event candidates.

Candidates are mutable while the passes run (roles, absorption, modality,
source, merging) and are turned into schema :class:`~newsie.schema.EventRecord`
objects only at the end, so every pass can see what the others decided.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from newsie.events.resources import Aliases, CorefData, Cues, Lexicon, ValuesData, load_coref, load_values
from newsie.events.syntax import paragraph_ids


@dataclass
class Fill:
    """A role filler: a document span plus label, canonical name and the rule that found it."""

    start_tok: int
    end_tok: int
    head: int
    rule: str
    label: str | None = None
    norm: str | None = None
    literal: str | None = None  # the name itself when ``norm`` is a metonymy (capital -> state)
    #: coordinated participants ("Germany and France"): one fill per conjunct, each with its own name
    members: list[Fill] = field(default_factory=list)

    def participants(self) -> list[Fill]:
        """The participants this filler stands for: its conjuncts, or itself."""
        return self.members or [self]

    def same_span(self, other: Fill) -> bool:
        return self.start_tok == other.start_tok and self.end_tok == other.end_tok


@dataclass
class ValueFill:
    """A time / quantity / age filler with its normalised value (``None`` when no norm exists)."""

    start_tok: int
    end_tok: int
    rule: str
    value: Any = None


@dataclass
class CasualtyFill:
    """People killed or injured in an event: a range summed over coordinated groups, with the counted spans."""

    kind: str  # "killed" | "injured"
    min: float | None
    max: float | None
    approx: bool
    parts: list[ValueFill]
    rule: str


@dataclass
class Candidate:
    """One event trigger being turned into a record."""

    type: str
    lemma: str
    cameo: str | None
    start: int
    end: int
    head: int
    anchor: int
    nominal: bool
    supported: bool
    sent: int
    entry_rule: str
    retype: bool = True
    roles: dict[str, Fill] = field(default_factory=dict)
    time: ValueFill | None = None
    quantity: ValueFill | None = None
    age: ValueFill | None = None
    casualties: dict[str, CasualtyFill] = field(default_factory=dict)
    source: Fill | None = None
    framed_by: int | None = None
    modality: str = "asserted"
    modality_rule: str | None = None
    absorbed_by: Candidate | None = None
    absorbed: list[Candidate] = field(default_factory=list)
    merged: list[Candidate] = field(default_factory=list)  # other mentions of the same event (record mentions)
    merge_rules: list[str] = field(default_factory=list)
    id: str = ""
    dropped: str | None = None

    def all_absorbed(self) -> list[Candidate]:
        """Absorbed candidates, transitively, nearest first."""
        out: list[Candidate] = []
        queue = list(self.absorbed)
        while queue:
            c = queue.pop(0)
            out.append(c)
            queue.extend(c.absorbed)
        return out


class Context:
    """Per-document look-ups: sentences, paragraphs, entity index, resources."""

    def __init__(self, doc: Doc, lexicon: Lexicon, cues: Cues, aliases: Aliases, coref: CorefData | None = None,
                 agent_noun: Callable[[str], bool] | None = None, values: ValuesData | None = None) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.cues = cues
        self.aliases = aliases
        self.coref = coref if coref is not None else load_coref()
        self.values = values if values is not None else load_values()
        #: is this word (lower-case) an agent noun of the actor dictionaries ("gunmen", "police")?
        self.agent_noun: Callable[[str], bool] = agent_noun or (lambda word: False)
        self.para = paragraph_ids(doc)
        self.sents: list[Span] = list(doc.sents) if doc.has_annotation("SENT_START") or doc.has_annotation(
            "DEP") else [doc[:]]
        self.sent_of: list[int] = [0] * len(doc)
        for n, s in enumerate(self.sents):
            for i in range(s.start, s.end):
                self.sent_of[i] = n
        self.ent_at: list[Span | None] = [None] * len(doc)
        self.ents: list[Span] = list(doc.ents)  # Doc.ents builds new Spans on every access: read it once
        for ent in self.ents:
            for i in range(ent.start, ent.end):
                self.ent_at[i] = ent
        self.candidates: list[Candidate] = []
        self.by_anchor: dict[int, Candidate] = {}
        self.trigger_heads: set[int] = set()

    def index(self, cands: list[Candidate]) -> None:
        """Record the candidates and index them by anchor (and trigger head) for the later stages."""
        self.candidates = cands
        self.by_anchor = {c.anchor: c for c in cands}
        for c in cands:
            self.by_anchor.setdefault(c.head, c)
        self.trigger_heads = {c.head for c in cands}

    def ent(self, tok: Token | int) -> Span | None:
        return self.ent_at[tok if isinstance(tok, int) else tok.i]

    def ents_overlapping(self, start: int, end: int) -> list[Span]:
        """Entities overlapping tokens ``[start, end)``, in document order.

        Costs the length of the range (through ``ent_at``), not the number of
        entities in the document: a scan of ``self.ents`` per event made the
        event step quadratic in document length.
        """
        out: list[Span] = []
        for i in range(max(start, 0), min(end, len(self.ent_at))):
            ent = self.ent_at[i]
            if ent is not None and (not out or out[-1] is not ent):
                out.append(ent)
        return out

    def same_para(self, a: int, b: int) -> bool:
        return self.para[a] == self.para[b]
