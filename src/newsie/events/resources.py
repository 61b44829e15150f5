"""Load and validate the event extractor's data files (lexicon, cues, aliases, coref, merges).

Why pydantic models for YAML: users extend these files without touching Python,
so a typo ("complment: absorb", an unknown role finder, a duplicated trigger)
must fail loudly at load time with the file and field named, not silently
produce fewer records.  All files live in ``newsie/events/data/``; a caller may
pass another directory (same file names) to use a customised lexicon.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from newsie.schema import CAMEO_CODES, EVENT_TYPES, EVENT_TYPES_PATH, LIST_ROLES, ROLES, VALUE_ROLES, Modality

DATA_DIR = Path(__file__).with_name("data")
#: the lexicon's role slots, derived from the schema's roles: the extractor finds one filler per slot, so the
#: list roles (``actors``, ``targets``) are named in the singular here and become one-element lists in records;
#: ``source`` is found by attribution, not by role finders
ROLE_NAMES: tuple[str, ...] = tuple(
    r.removesuffix("s") if r in LIST_ROLES else r for r in ROLES if r not in VALUE_ROLES and r != "source"
)

#: the slots that hold a list of participants in a record (``actors`` -> ``actor``, ``targets`` -> ``target``)
LIST_SLOTS: tuple[str, ...] = tuple(r.removesuffix("s") for r in LIST_ROLES)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TriggerEntry(_Strict):
    """One trigger word (lemma + POS) or one multi-token Matcher pattern."""

    lemma: str | None = None
    pos: tuple[str, ...] = ("VERB",)
    pattern: tuple[dict[str, Any], ...] | None = None
    particle: str | None = None
    needs_support: bool = False
    requires_complement: bool = False
    number: Literal["singular", "plural"] | None = None
    object_lemmas: tuple[str, ...] = ()
    exclude_counted_object: bool = False
    cameo: str | None = None
    exclude_object_lemmas: tuple[str, ...] = ()
    exclude_prev_lemmas: tuple[str, ...] = ()
    exclude_next_lemmas: tuple[str, ...] = ()
    active_only: bool = False
    retype: bool = True
    intransitive: bool = False
    #: only with a finite clausal complement ("told the court *that* ..."; not "told them *to* leave")
    requires_clause: bool = False
    #: only when the subject's head is one of these ("stocks fell", not "the soldier fell")
    subject_lemmas: tuple[str, ...] = ()
    #: only with one of these children: a dependency label, or "prep:WORD" ("agreed *to* withdraw", "agreed
    #: *on* a ceasefire", not "I agree"; "told them *to* leave" is an appeal)
    requires_any: tuple[str, ...] = ()
    #: only with an actor-like subject (a named entity, a personal pronoun, an agent noun): "Airbus confirmed
    #: that ...", not "the results confirm ..."
    actor_subject: bool = False
    #: only when an object (or the passive/reduced subject, or the noun a reduced participle modifies) is a named
    #: entity of one of these labels: "selected Northrop Grumman", not "selected an appropriate alternative"
    object_ents: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _one_kind(self) -> TriggerEntry:
        if self.cameo is not None and self.cameo not in CAMEO_CODES:
            raise ValueError(f"cameo {self.cameo!r} is not a CAMEO code (newsie/schema/cameo_codes.tsv)")
        if (self.lemma is None) == (self.pattern is None):
            raise ValueError("a trigger needs exactly one of `lemma` or `pattern`")
        if any(r.startswith("prep:") and not r[5:] for r in self.requires_any):
            raise ValueError(f"requires_any: want a dependency label or prep:WORD, got {self.requires_any}")
        bad = set(self.pos) - {"VERB", "NOUN", "ADJ", "PROPN"}
        if bad:
            raise ValueError(f"unsupported POS {sorted(bad)}")
        return self


class EventType(_Strict):
    """One event type of the lexicon: CAMEO code, triggers, role finders, behaviour."""

    cameo: str | None = None
    gloss: str
    summary: str | None = None
    complement: Literal["absorb", "frame", "keep", "none"] | None = None
    modality: Modality | None = None
    future_modality: Modality | None = None
    require_actor_norm: bool = False
    #: drop records with no actor, or whose actor's head is one of ``anonymous_actors`` ("the source added":
    #: an anonymous source is a record's source, not a speaker worth a record; "researchers say" is kept)
    require_actor: bool = False
    anonymous_actors: tuple[str, ...] = ()
    triggers: tuple[TriggerEntry, ...] = Field(min_length=1)
    roles: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    type_by_theme: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    cameo_by_theme: dict[str, tuple[str, ...]] = Field(default_factory=dict)

    @field_validator("roles")
    @classmethod
    def _role_names(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        bad = set(value) - set(ROLE_NAMES)
        if bad:
            raise ValueError(f"unknown roles {sorted(bad)}; roles are {ROLE_NAMES}")
        return value

    @field_validator("cameo")
    @classmethod
    def _cameo_code(cls, value: str | None) -> str | None:
        if value is not None and value not in CAMEO_CODES:
            raise ValueError(f"{value!r} is not a CAMEO code (newsie/schema/cameo_codes.tsv)")
        return value


class Defaults(_Strict):
    roles: dict[str, tuple[str, ...]]
    complement: Literal["absorb", "frame", "keep", "none"] = "none"
    modality: Modality = "asserted"


class Lexicon(_Strict):
    version: int
    support_verbs: tuple[str, ...]
    #: verbs whose subject noun is the event ("an earthquake *struck*", "a stampede *killed* twelve"): the
    #: nominal trigger is anchored on the verb (time, place, modality from its clause)
    occurrence_verbs: tuple[str, ...] = ()
    #: adverbs of habit ("normally supply", "are often hired"): the clause tells what usually happens, no event
    habitual_adverbs: tuple[str, ...] = ()
    #: words a killing/injury/death relative clause describes as victims ("those injured"): no event
    casualty_victims: tuple[str, ...] = ()
    #: an armed party killing at least this many people in one event is a mass killing (CAMEO 202); 0 = off
    mass_killing_min: int = Field(default=0, ge=0)
    drop_bare_nominals: bool = True
    defaults: Defaults
    events: dict[str, EventType]

    @model_validator(mode="after")
    def _checks(self) -> Lexicon:
        import newsie.events.roles  # noqa: F401 - registers the role finders
        from newsie.events.finders import FINDERS  # finder names are validated against the registry

        seen: dict[tuple[Any, ...], str] = {}
        for name, ev in self.events.items():
            if name not in EVENT_TYPES:
                raise ValueError(f"event type {name!r} is not in the type inventory ({EVENT_TYPES_PATH})")
            for retype in ev.type_by_theme:
                if retype not in self.events:
                    raise ValueError(f"{name}.type_by_theme names unknown type {retype!r}")
            for role, finders in {**self.defaults.roles, **ev.roles}.items():
                for spec in finders:
                    if spec.split(":", 1)[0] not in FINDERS:
                        raise ValueError(f"{name}.{role}: unknown role finder {spec!r}")
            for trig in ev.triggers:
                # entries of one word that differ in a constraint are different senses ("talks on" a situation
                # are consultations, "talks" to take a stake negotiations)
                key = (trig.lemma, tuple(sorted(trig.pos)), trig.particle, repr(trig.pattern), trig.requires_any,
                       trig.object_ents)
                if key in seen:
                    raise ValueError(f"trigger {trig.lemma or trig.pattern} listed twice ({seen[key]}, {name})")
                seen[key] = name
        return self

    def roles_for(self, event_type: str) -> dict[str, tuple[str, ...]]:
        """The role finders for a type: its own, then the defaults for roles it does not name."""
        return {**self.defaults.roles, **self.events[event_type].roles}

    def complement_of(self, event_type: str) -> str:
        return self.events[event_type].complement or self.defaults.complement


class GovernorPhrase(_Strict):
    lemma: str
    child: str
    modality: Modality
    requires_aux: tuple[str, ...] = ()


class ModalityCues(_Strict):
    aux: dict[str, Modality]
    negation: tuple[str, ...]
    conditional_marks: tuple[str, ...]
    governors: dict[str, Modality]
    governor_phrases: tuple[GovernorPhrase, ...] = ()
    modifiers: dict[str, Modality] = Field(default_factory=dict)
    adverbs: dict[str, Modality] = Field(default_factory=dict)
    speech_acts: tuple[str, ...] = ()

    @field_validator("speech_acts")
    @classmethod
    def _known_types(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        bad = [t for t in value if t not in EVENT_TYPES]
        if bad:
            raise ValueError(f"speech_acts: {bad} not in the type inventory ({EVENT_TYPES_PATH.name})")
        return value


class Frames(_Strict):
    lemmas: tuple[str, ...]
    citing_verbs: tuple[str, ...]
    according: tuple[str, ...]


class Cues(_Strict):
    version: int
    modality_rank: tuple[Modality, ...]
    modality: ModalityCues
    frames: Frames

    @model_validator(mode="after")
    def _rank_complete(self) -> Cues:
        missing = set(Modality.__args__) - set(self.modality_rank)  # type: ignore[attr-defined]
        if missing:
            raise ValueError(f"modality_rank lacks {sorted(missing)}")
        return self


class Country(_Strict):
    aliases: tuple[str, ...]
    capital: str | None = None
    extra_capitals: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()


class Aliases(_Strict):
    version: int
    institutions: tuple[str, ...]
    place_modifiers: tuple[str, ...] = ()
    capital_roles: tuple[str, ...] = ("actor", "source")
    anaphoric_speakers: tuple[str, ...] = ()
    countries: dict[str, Country]
    names: dict[str, tuple[str, ...]]

    @model_validator(mode="after")
    def _no_conflicts(self) -> Aliases:
        owner: dict[str, str] = {}
        for canon, phrase in self.phrases():
            key = phrase.lower()
            if owner.setdefault(key, canon) != canon:
                raise ValueError(f"alias {phrase!r} names both {owner[key]!r} and {canon!r}")
        return self

    def phrases(self) -> list[tuple[str, str]]:
        """(canonical, alias phrase) pairs, demonyms excluded (they only name a state on an institution)."""
        out: list[tuple[str, str]] = []
        for canon, c in self.countries.items():
            out.append((canon, canon))
            out.extend((canon, a) for a in c.aliases)
            if c.capital:
                out.append((canon, c.capital))
            out.extend((canon, a) for a in c.extra_capitals)
        for canon, names in self.names.items():
            out.append((canon, canon))
            out.extend((canon, a) for a in names)
        return out

    def capitals(self) -> set[str]:
        """Capital names: metonyms for their state only as actor/source ("Pyongyang said")."""
        return {x for c in self.countries.values() for x in ((c.capital,) if c.capital else ()) + c.extra_capitals}

    def demonyms(self) -> dict[str, str]:
        return {d.lower(): canon for canon, c in self.countries.items() for d in c.demonyms}


class CasualtyCues(_Strict):
    families: tuple[str, ...]
    killed: tuple[str, ...]
    injured: tuple[str, ...]
    zero: tuple[str, ...] = ()
    subject_verbs: tuple[str, ...] = ()

    @field_validator("families")
    @classmethod
    def _known_families(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        known = {t.family for t in EVENT_TYPES.values()}
        bad = [f for f in value if f not in known]
        if bad:
            raise ValueError(f"casualties.families: {bad} are not families of {EVENT_TYPES_PATH.name}")
        return value


class ValuesData(_Strict):
    """``values.yaml``: casualty cues and the words that make the article date an event's time."""

    version: int
    casualties: CasualtyCues
    article_date_words: tuple[str, ...] = ()


class Descriptions(_Strict):
    determiners: tuple[str, ...]
    labels: dict[str, tuple[str, ...]]
    titles: tuple[str, ...] = ()


class EventAnaphors(_Strict):
    """``coref.yaml`` ``event_anaphors``: nouns that name an event already recorded ("the deal", "the ban")."""

    determiners: tuple[str, ...] = ()
    nouns: dict[str, tuple[str, ...]] = {}
    verbs: dict[str, tuple[str, ...]] = {}
    verb_window: int = 2
    clause_nouns: dict[str, tuple[str, ...]] = {}

    @field_validator("nouns", "verbs", "clause_nouns")
    @classmethod
    def _known_types(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        bad = sorted({t for types in value.values() for t in types if t not in EVENT_TYPES})
        if bad:
            raise ValueError(f"event_anaphors: {bad} not in the type inventory ({EVENT_TYPES_PATH.name})")
        return value


class CorefData(_Strict):
    """``coref.yaml``: which antecedents can act, which definite descriptions name an earlier entity, and
    which nouns name an earlier event."""

    version: int
    agent_labels: tuple[str, ...]
    agent_nouns: tuple[str, ...]
    descriptions: Descriptions
    event_anaphors: EventAnaphors = EventAnaphors()


class MergeRule(_Strict):
    name: str
    kind: Literal["follow_up", "anaphoric", "coreference"]
    into: tuple[str, ...] = ()
    from_: tuple[str, ...] = Field(default=(), alias="from")
    into_absorbed: tuple[str, ...] = ()
    window: int = 1
    actor: Literal["compatible", "any"] = "compatible"
    overwrite: tuple[str, ...] = ()
    fill: tuple[str, ...] = ()
    modality: Literal["from", "into"] = "into"
    determiners: tuple[str, ...] = ()
    possessive: bool = False
    # coreference: types that may name one event, types never merged, determiners of a new event
    type_groups: tuple[tuple[str, ...], ...] = ()
    generic_types: tuple[str, ...] = ()
    never_merge: tuple[str, ...] = ()
    new_event_words: tuple[str, ...] = ()
    headline: bool = False
    shared_participant: bool = False
    shared_time: bool = False
    shared_theme: bool = False
    shared_quantity: bool = False
    same_clause: bool = False
    indefinite_words: tuple[str, ...] = ()
    conflicts: tuple[Literal["time", "location", "actor", "target", "theme", "quantity"], ...] = ()

    @model_validator(mode="after")
    def _known_types(self) -> MergeRule:
        named = [*self.into, *self.from_, *self.into_absorbed, *self.generic_types, *self.never_merge,
                 *(t for g in self.type_groups for t in g)]
        bad = sorted({t for t in named if t not in EVENT_TYPES})
        if bad:
            raise ValueError(f"merge {self.name!r}: {bad} not in the type inventory ({EVENT_TYPES_PATH.name})")
        return self


class Merges(_Strict):
    version: int
    merges: tuple[MergeRule, ...]


def _read(directory: Path, name: str) -> dict[str, Any]:
    path = directory / name
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at top level")
    return data


def _validated(model: type[BaseModel], directory: Path, name: str) -> Any:
    try:
        return model.model_validate(_read(directory, name))
    except ValueError as err:
        raise ValueError(f"{directory / name}: {err}") from err


@functools.lru_cache(maxsize=8)
def load_lexicon(directory: Path = DATA_DIR) -> Lexicon:
    return _validated(Lexicon, directory, "lexicon.yaml")


@functools.lru_cache(maxsize=8)
def load_cues(directory: Path = DATA_DIR) -> Cues:
    return _validated(Cues, directory, "cues.yaml")


@functools.lru_cache(maxsize=8)
def load_aliases(directory: Path = DATA_DIR) -> Aliases:
    return _validated(Aliases, directory, "aliases.yaml")


@functools.lru_cache(maxsize=8)
def load_values(directory: Path = DATA_DIR) -> ValuesData:
    """``values.yaml`` of ``directory``; a customised folder without one uses the shipped file."""
    return _validated(ValuesData, directory if (directory / "values.yaml").exists() else DATA_DIR, "values.yaml")


@functools.lru_cache(maxsize=8)
def load_coref(directory: Path = DATA_DIR) -> CorefData:
    """``coref.yaml`` of ``directory``; a customised folder without one uses the shipped file."""
    return _validated(CorefData, directory if (directory / "coref.yaml").exists() else DATA_DIR, "coref.yaml")


@functools.lru_cache(maxsize=8)
def load_merges(directory: Path = DATA_DIR) -> Merges:
    return _validated(Merges, directory, "merges.yaml")
