"""The one typed schema for newsie output: documents, entities, values, event records.

Shared by the extractor (``doc._.events`` holds :class:`EventRecord` objects),
the writers (JSONL/CSV/Parquet are dumps of :class:`Result`) and the evaluator
(gold files are :class:`GoldDocument`).  ``SCHEMA_VERSION`` is bumped on any
incompatible change; the exported JSON Schema lives beside this file
(``newsie.schema.json``) and a test checks it is current.

This module is also the one place that defines the event vocabulary every
other module uses: :data:`Modality`, :data:`ROLES`, :data:`EVENT_TYPES` (read
from ``event_types.tsv``) and :data:`CAMEO_CODES` (read from
``cameo_codes.tsv``, converted from the shared CAMEO table by
``scripts/convert_cameo_codes.py``).  Both tables are validated when this
module is imported, with errors that name the file and line, because a record
whose type or code is not in them cannot be mapped by a user.

Schema 2.0 (from 1.0): records list every participant (``actors``,
``targets``: lists of :class:`Participant` with CAMEO actor ``code`` and ISO
``country``), every mention of the event (``mentions``: trigger first,
replacing ``merged_from``), ``casualties`` as ranges, and the CAMEO root,
quad class and Goldstein score derived from ``cameo`` by a validator so they
cannot disagree with it.  ``sentence``, ``evidence`` and ``rule`` are optional
because gold stores none of them (sentence numbers are computed at scoring
time).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "2.0"
SCHEMA_PATH = Path(__file__).with_name("newsie.schema.json")
EVENT_TYPES_PATH = Path(__file__).with_name("event_types.tsv")
CAMEO_CODES_PATH = Path(__file__).with_name("cameo_codes.tsv")

Modality = Literal["asserted", "planned", "expected", "possible", "conditional", "cancelled", "negated"]
Precision = Literal[
    "day", "week", "month", "season", "year", "decade", "century", "time", "duration", "ref", "unknown"
]
Layer = Literal["entities", "events"]

#: the role fields of an :class:`EventRecord`, in the order writers, renderers and scorers list them
ROLES: tuple[str, ...] = ("actors", "targets", "theme", "location", "destination", "source", "time", "quantity", "age")
#: roles holding a list of participants (each one a scoring unit)
LIST_ROLES: tuple[str, ...] = ("actors", "targets")
#: roles whose fillers are :class:`Participant` (they carry an actor ``code`` and a ``country``)
PARTICIPANT_ROLES: tuple[str, ...] = ("actors", "targets", "location", "destination", "source")
#: roles whose fillers carry a normalised value (time value, numeric range)
VALUE_ROLES: tuple[str, ...] = ("time", "quantity", "age")


# --------------------------------------------------------------- vocabularies
class SchemaDataError(ValueError):
    """A row of ``event_types.tsv`` or ``cameo_codes.tsv`` that cannot be used (message names file and line)."""


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code: its root (first two digits), quad class (1-4) and Goldstein score."""

    code: str
    root: str
    quad_class: int
    goldstein: float
    description: str


@dataclass(frozen=True)
class EventType:
    """One row of the type inventory: the family it belongs to and its default CAMEO code (or none)."""

    type: str
    family: str
    cameo: str | None
    description: str


def _tsv_rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """``(line number, row)`` of a tab-separated file whose ``#`` lines are comments; header checked."""
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if header is None:
            header = cells
            if tuple(header) != columns:
                raise SchemaDataError(f"{path}:{lineno}: header {header} is not {list(columns)}")
            continue
        if len(cells) != len(columns):
            raise SchemaDataError(f"{path}:{lineno}: {len(cells)} columns, expected {len(columns)} ({list(columns)})")
        rows.append((lineno, dict(zip(columns, (c.strip() for c in cells), strict=True))))
    if header is None:
        raise SchemaDataError(f"{path}: no header line")
    return rows


def load_cameo_codes(path: Path = CAMEO_CODES_PATH) -> dict[str, CameoCode]:
    """The CAMEO code table, validated: code of 2-4 digits, root its first two, quad 1-4, Goldstein -10..10."""
    out: dict[str, CameoCode] = {}
    for lineno, row in _tsv_rows(path, ("code", "root", "quad_class", "goldstein", "description")):
        where = f"{path}:{lineno}"
        code = row["code"]
        if not re.fullmatch(r"\d{2,4}", code):
            raise SchemaDataError(f"{where}: field code: {code!r} is not 2-4 digits")
        if row["root"] != code[:2]:
            raise SchemaDataError(f"{where}: field root: {row['root']!r} is not the first two digits of {code}")
        if code in out:
            raise SchemaDataError(f"{where}: field code: duplicate {code}")
        try:
            quad, goldstein = int(row["quad_class"]), float(row["goldstein"])
        except ValueError as err:
            raise SchemaDataError(f"{where}: field quad_class/goldstein: {err}") from None
        if quad not in (1, 2, 3, 4):
            raise SchemaDataError(f"{where}: field quad_class: {quad} not in 1..4")
        if not -10 <= goldstein <= 10:
            raise SchemaDataError(f"{where}: field goldstein: {goldstein} not in -10..10")
        out[code] = CameoCode(code, row["root"], quad, goldstein, row["description"])
    return out


def load_event_types(path: Path = EVENT_TYPES_PATH, cameo: dict[str, CameoCode] | None = None) -> dict[str, EventType]:
    """The event type inventory, validated: upper-case unique types, a family, a known CAMEO code or none."""
    codes = CAMEO_CODES if cameo is None else cameo
    out: dict[str, EventType] = {}
    for lineno, row in _tsv_rows(path, ("type", "family", "cameo", "description")):
        where = f"{path}:{lineno}"
        name = row["type"]
        if not re.fullmatch(r"[A-Z][A-Z0-9_]*", name):
            raise SchemaDataError(f"{where}: field type: {name!r} is not UPPER_CASE")
        if name in out:
            raise SchemaDataError(f"{where}: field type: duplicate {name}")
        if not re.fullmatch(r"[a-z][a-z_]*", row["family"]):
            raise SchemaDataError(f"{where}: field family: {row['family']!r} is not a lower-case name")
        if row["cameo"] and row["cameo"] not in codes:
            raise SchemaDataError(f"{where}: field cameo: {row['cameo']!r} is not a CAMEO code ({CAMEO_CODES_PATH.name})")
        if not row["description"]:
            raise SchemaDataError(f"{where}: field description: empty")
        out[name] = EventType(name, row["family"], row["cameo"] or None, row["description"])
    return out


CAMEO_CODES: dict[str, CameoCode] = load_cameo_codes()
EVENT_TYPES: dict[str, EventType] = load_event_types()


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Span(_Model):
    """A character span of the document: ``text == doc_text[start:end]``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} before start {self.start}")
        return self


# --------------------------------------------------------------------- values
class QuantityValue(_Model):
    """A number or range: ``min == max`` for an exact number; either bound may be open."""

    kind: Literal["quantity"] = "quantity"
    min: float | None = None
    max: float | None = None
    approx: bool = False
    unit: str | None = None
    rule: str | None = None

    @model_validator(mode="after")
    def _bounds(self) -> QuantityValue:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min} > max {self.max}")
        return self


class AgeValue(_Model):
    """An age range in years (``min``/``max`` open where the text leaves them open)."""

    kind: Literal["age"] = "age"
    min: float | None = None
    max: float | None = None
    approx: bool = False
    rule: str | None = None


class TimeValue(_Model):
    """A TIMEX3-style value: ``2023-01-20``, ``2022-11``, ``XXXX-01-20``, ``P2W``, ``PAST_REF``."""

    kind: Literal["time"] = "time"
    value: str
    precision: Precision = "unknown"
    mod: str | None = None
    anchored: bool = False
    rule: str | None = None
    #: for durations/REFs counted from the document date: "the next few weeks" is future
    direction: Literal["past", "future"] | None = None
    #: the text leaves the count open ("few weeks" -> PXW)
    fuzzy: bool = False


class NameValue(_Model):
    """A canonical name for a named entity (``Pyongyang`` -> ``North Korea``)."""

    kind: Literal["name"] = "name"
    name: str
    rule: str | None = None


Value = Annotated[QuantityValue | AgeValue | TimeValue | NameValue, Field(discriminator="kind")]


# ------------------------------------------------------------------- entities
class Entity(Span):
    """A named or numeric entity with its OntoNotes label and provenance."""

    label: str
    sentence: int | None = None
    norm: Value | None = None
    rule: str | None = None


# --------------------------------------------------------------------- events
class Mention(Span):
    """One mention of an event (verbal or nominal): the trigger is the record's first mention.

    ``sentence`` is the spaCy sentence index (``None`` in gold: computed at scoring time).
    """

    sentence: int | None = Field(default=None, ge=0)
    lemma: str | None = None
    rule: str | None = None


class Argument(Span):
    """An event role filler: span, entity label, canonical name, provenance."""

    label: str | None = None
    norm: str | None = None
    sentence: int | None = None
    rule: str | None = None


class Participant(Argument):
    """A party to an event (actor, target, place, source) with its CAMEO actor code and country.

    ``code`` is a CAMEO/Phoenix actor code (``RUSGOV``, ``PRKMIL``, ``IGOUNO``,
    ``IMGMUSISI``); ``country`` the ISO 3166-1 alpha-3 code of the party's
    state, ``None`` for international bodies, transnational groups and unknown.
    """

    code: str | None = Field(default=None, pattern=r"^[A-Z0-9]{3,15}$")
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")


class TimeArgument(Span):
    value: str | None = None
    precision: Precision = "unknown"
    mod: str | None = None
    anchored: bool = False
    sentence: int | None = None
    rule: str | None = None


class QuantityArgument(Span):
    min: float | None = None
    max: float | None = None
    approx: bool = False
    unit: str | None = None
    sentence: int | None = None
    rule: str | None = None


class AgeArgument(Span):
    min: float | None = None
    max: float | None = None
    approx: bool = False
    sentence: int | None = None
    rule: str | None = None


class CasualtyCount(_Model):
    """How many people were killed (or injured): a range, summed over coordinated groups.

    ``60 soldiers and 15 civilians were killed`` -> ``min = max = 75`` with the
    two counts in ``parts``; ``at least 107`` -> ``min = 107, max = None``.
    """

    min: float | None = Field(default=None, ge=0)
    max: float | None = Field(default=None, ge=0)
    approx: bool = False
    parts: list[QuantityArgument] = Field(default_factory=list)

    @model_validator(mode="after")
    def _bounds(self) -> CasualtyCount:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"casualty count min {self.min} > max {self.max}")
        return self


class Casualties(_Model):
    """Casualties of an attack, killing, death, injury or disaster."""

    killed: CasualtyCount | None = None
    injured: CasualtyCount | None = None


class EventRecord(_Model):
    """One event record (schema 2.0).  Field names are part of the public contract.

    ``type`` must be a row of :data:`EVENT_TYPES` and ``cameo`` a code of
    :data:`CAMEO_CODES`; ``cameo_root``, ``quad_class`` and ``goldstein`` are
    filled from ``cameo`` on validation (given values must agree).
    ``mentions`` lists every mention of the event, the trigger first (filled
    with the trigger alone when empty).
    """

    id: str | None = None
    type: str = Field(pattern=r"^[A-Z][A-Z0-9_]*$")
    cameo: str | None = None
    cameo_root: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    trigger: Mention
    mentions: list[Mention] = Field(default_factory=list)
    actors: list[Participant] = Field(default_factory=list)
    targets: list[Participant] = Field(default_factory=list)
    theme: Argument | None = None
    location: Participant | None = None
    destination: Participant | None = None
    source: Participant | None = None
    time: TimeArgument | None = None
    quantity: QuantityArgument | None = None
    age: AgeArgument | None = None
    casualties: Casualties | None = None
    modality: Modality = "asserted"
    sentence: int | None = Field(default=None, ge=0)
    evidence: str | None = None
    rule: str | None = None
    summary: str = ""

    @model_validator(mode="after")
    def _vocabulary(self) -> EventRecord:
        if self.type not in EVENT_TYPES:
            raise ValueError(f"type {self.type!r} is not in the event type inventory ({EVENT_TYPES_PATH.name})")
        derived: dict[str, Any] = {"cameo_root": None, "quad_class": None, "goldstein": None}
        if self.cameo is not None:
            code = CAMEO_CODES.get(self.cameo)
            if code is None:
                raise ValueError(f"cameo {self.cameo!r} is not a CAMEO code ({CAMEO_CODES_PATH.name})")
            derived = {"cameo_root": code.root, "quad_class": code.quad_class, "goldstein": code.goldstein}
        for name, value in derived.items():
            given = getattr(self, name)
            if given is not None and given != value:
                raise ValueError(f"{name} {given!r} disagrees with cameo {self.cameo!r} (which gives {value!r})")
            setattr(self, name, value)
        if not self.mentions:
            self.mentions = [self.trigger.model_copy()]
        elif (self.mentions[0].start, self.mentions[0].end) != (self.trigger.start, self.trigger.end):
            raise ValueError(f"mentions[0] {self.mentions[0].text!r} is not the trigger {self.trigger.text!r}")
        return self

    def participants(self, role: str) -> list[Participant]:
        """The participants of ``role`` as a list (``actors``/``targets`` as they are, a single role as 0-1 item)."""
        value = getattr(self, role)
        if isinstance(value, list):
            return list(value)
        return [] if value is None else [value]


# ------------------------------------------------------------------ documents
class Result(_Model):
    """Everything newsie extracted from one document (one JSONL line)."""

    schema_version: str = SCHEMA_VERSION
    id: str | None = None
    path: str | None = None
    title: str | None = None
    url: str | None = None
    date: _dt.date | None = None
    text: str | None = None
    entities: list[Entity] = Field(default_factory=list)
    events: list[EventRecord] = Field(default_factory=list)
    newsie: str | None = None
    model: str | None = None


class GoldEntity(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    label: str
    text: str | None = None
    norm: Value | None = None


class GoldDocument(_Model):
    """A hand-labelled document: the gold format read by ``newsie evaluate``.

    ``layers`` says what was labelled: an event-only document has no entity
    gold, so a scorer must not count the system's entities there as false
    positives.  ``topic`` groups documents for per-topic scores.
    """

    id: str
    text: str
    date: _dt.date | None = None
    source: str | None = None
    licence: str | None = None
    topic: str | None = None
    layers: list[Layer] = Field(default_factory=lambda: ["entities", "events"])
    entities: list[GoldEntity] = Field(default_factory=list)
    events: list[EventRecord] = Field(default_factory=list)

    @model_validator(mode="after")
    def _layers(self) -> GoldDocument:
        if self.entities and "entities" not in self.layers:
            raise ValueError(f"document {self.id!r} has entities but its layers {self.layers} do not list 'entities'")
        if self.events and "events" not in self.layers:
            raise ValueError(f"document {self.id!r} has events but its layers {self.layers} do not list 'events'")
        return self


def vocabulary() -> dict[str, Any]:
    """The type inventory, CAMEO table and role names as JSON-ready dicts (exported with the JSON Schema)."""
    return {
        "x-newsie-roles": list(ROLES),
        "x-newsie-event-types": {
            t.type: {"family": t.family, "cameo": t.cameo, "description": t.description} for t in EVENT_TYPES.values()
        },
        "x-newsie-cameo-codes": {
            c.code: {"root": c.root, "quad_class": c.quad_class, "goldstein": c.goldstein,
                     "description": c.description}
            for c in CAMEO_CODES.values()
        },
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a :class:`Result` and a :class:`GoldDocument` (one file, two roots).

    The event type inventory and the CAMEO table ride along as ``x-newsie-*``
    keys so a user of the JSON output can map types and codes without newsie.
    """
    result = Result.model_json_schema(ref_template="#/$defs/{model}")
    gold = GoldDocument.model_json_schema(ref_template="#/$defs/{model}")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "newsie",
        "version": SCHEMA_VERSION,
        "oneOf": [{"$ref": "#/$defs/Result"}, {"$ref": "#/$defs/GoldDocument"}],
        "$defs": {
            **result["$defs"],
            **gold["$defs"],
            "Result": {k: v for k, v in result.items() if k != "$defs"},
            "GoldDocument": {k: v for k, v in gold.items() if k != "$defs"},
        },
        **vocabulary(),
    }


def write_json_schema(path: Path = SCHEMA_PATH) -> Path:
    path.write_text(json.dumps(json_schema(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


__all__ = [
    "SCHEMA_VERSION", "SCHEMA_PATH", "EVENT_TYPES_PATH", "CAMEO_CODES_PATH", "ROLES", "LIST_ROLES",
    "PARTICIPANT_ROLES", "VALUE_ROLES", "EVENT_TYPES", "CAMEO_CODES", "EventType", "CameoCode", "SchemaDataError",
    "load_event_types", "load_cameo_codes", "vocabulary", "Span", "QuantityValue", "AgeValue", "TimeValue",
    "NameValue", "Value", "Entity", "Mention", "Argument", "Participant", "TimeArgument", "QuantityArgument",
    "AgeArgument", "CasualtyCount", "Casualties", "EventRecord", "Result", "GoldEntity", "GoldDocument",
    "Modality", "Precision", "Layer", "json_schema", "write_json_schema",
]
