"""The one typed schema for newsie output: documents, entities, values, event records.

Shared by the extractor (``doc._.events`` holds :class:`EventRecord` objects),
the writers (JSONL/CSV/Parquet are dumps of :class:`Result`) and the evaluator
(gold files are :class:`GoldDocument`).  ``SCHEMA_VERSION`` is bumped on any
incompatible change; the exported JSON Schema lives beside this file
(``newsie.schema.json``) and a test checks it is current.
"""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.0"
SCHEMA_PATH = Path(__file__).with_name("newsie.schema.json")

Modality = Literal["asserted", "planned", "expected", "possible", "conditional", "cancelled", "negated"]
Precision = Literal[
    "day", "week", "month", "season", "year", "decade", "century", "time", "duration", "ref", "unknown"
]


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
class Trigger(Span):
    lemma: str | None = None


class Argument(Span):
    """An event role filler: span, entity label, canonical name, provenance."""

    label: str | None = None
    norm: str | None = None
    sentence: int | None = None
    rule: str | None = None


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


class EventRecord(_Model):
    """One event record (schema v1).  Field names are part of the public contract."""

    id: str | None = None
    type: str = Field(pattern=r"^[A-Z][A-Z0-9_]*$")
    cameo: str | None = None
    trigger: Trigger
    actor: Argument | None = None
    target: Argument | None = None
    theme: Argument | None = None
    location: Argument | None = None
    destination: Argument | None = None
    source: Argument | None = None
    time: TimeArgument | None = None
    quantity: QuantityArgument | None = None
    age: AgeArgument | None = None
    modality: Modality = "asserted"
    sentence: int = Field(ge=0)
    evidence: str
    rule: str
    summary: str = ""
    merged_from: list[str] = Field(default_factory=list)


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
    """A hand-labelled document: the gold format read by ``newsie evaluate``."""

    id: str
    text: str
    date: _dt.date | None = None
    source: str | None = None
    licence: str | None = None
    entities: list[GoldEntity] = Field(default_factory=list)
    events: list[EventRecord] = Field(default_factory=list)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a :class:`Result` and a :class:`GoldDocument` (one file, two roots)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "newsie",
        "version": SCHEMA_VERSION,
        "oneOf": [{"$ref": "#/$defs/Result"}, {"$ref": "#/$defs/GoldDocument"}],
        "$defs": {
            **Result.model_json_schema(ref_template="#/$defs/{model}")["$defs"],
            **GoldDocument.model_json_schema(ref_template="#/$defs/{model}")["$defs"],
            "Result": {k: v for k, v in Result.model_json_schema(ref_template="#/$defs/{model}").items() if k != "$defs"},
            "GoldDocument": {
                k: v for k, v in GoldDocument.model_json_schema(ref_template="#/$defs/{model}").items() if k != "$defs"
            },
        },
    }


def write_json_schema(path: Path = SCHEMA_PATH) -> Path:
    path.write_text(json.dumps(json_schema(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


__all__ = [
    "SCHEMA_VERSION", "SCHEMA_PATH", "Span", "QuantityValue", "AgeValue", "TimeValue", "NameValue", "Value",
    "Entity", "Trigger", "Argument", "TimeArgument", "QuantityArgument", "AgeArgument", "EventRecord",
    "Result", "GoldEntity", "GoldDocument", "Modality", "Precision", "json_schema", "write_json_schema",
]
