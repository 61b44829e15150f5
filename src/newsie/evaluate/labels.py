"""Label sets and label maps, read from the YAML data files beside this module.

A :class:`LabelMap` puts gold and predictions into one scheme before scoring,
so a CoNLL-style PER/LOC/ORG gold file can be scored against an OntoNotes
pipeline (``--label-map conll``) without editing either side.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).with_name("data")


@functools.lru_cache(maxsize=8)
def load_data(name: str) -> dict[str, Any]:
    """One YAML data file of the evaluator, parsed (cached: they are read-only)."""
    with (DATA_DIR / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def ontonotes_labels() -> frozenset[str]:
    return frozenset(load_data("labels.yaml")["ontonotes"])


def value_labels() -> frozenset[str]:
    return frozenset(load_data("labels.yaml")["value_labels"])


@dataclass(frozen=True)
class LabelMap:
    """Source label -> target label (``None`` drops the span); target labels pass through."""

    name: str
    labels: frozenset[str]
    mapping: dict[str, str | None] = field(default_factory=dict)
    description: str = ""

    @property
    def accepted(self) -> frozenset[str]:
        """Every label a gold file may use under this map (sources and targets)."""
        return frozenset(self.mapping) | self.labels

    def apply(self, label: str) -> str | None:
        """The label in the target scheme; ``None`` if the map drops it; unknown labels unchanged."""
        if label in self.mapping:
            return self.mapping[label]
        return label

    @property
    def is_identity(self) -> bool:
        return not self.mapping


def builtin_label_maps() -> dict[str, LabelMap]:
    raw = load_data("label_maps.yaml")
    return {name: _from_dict(name, spec) for name, spec in raw.items()}


def _from_dict(name: str, spec: Any, origin: str = "built-in") -> LabelMap:
    if not isinstance(spec, dict) or "labels" not in spec:
        raise ValueError(f"label map {name!r} ({origin}) needs a 'labels' list and an optional 'map'")
    labels = spec["labels"]
    mapping = spec.get("map") or {}
    if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
        raise ValueError(f"label map {name!r} ({origin}): 'labels' must be a list of strings")
    if not isinstance(mapping, dict):
        raise ValueError(f"label map {name!r} ({origin}): 'map' must be a mapping label -> label or null")
    targets = set(labels)
    for src, dst in mapping.items():
        if dst is not None and dst not in targets:
            raise ValueError(f"label map {name!r} ({origin}): {src!r} maps to {dst!r}, not one of {sorted(targets)}")
    return LabelMap(
        name=name,
        labels=frozenset(labels),
        mapping={str(k): (None if v is None else str(v)) for k, v in mapping.items()},
        description=str(spec.get("description", "")),
    )


def load_label_map(spec: str | Path | LabelMap | None) -> LabelMap:
    """A built-in map by name (``ontonotes``, ``conll``, ``ace``) or a YAML/JSON file of the same shape.

    A file holds either one map (``labels`` + ``map``) or a flat mapping
    ``{source: target}`` whose targets become the scheme.
    """
    if isinstance(spec, LabelMap):
        return spec
    builtins = builtin_label_maps()
    if spec is None:
        return builtins["ontonotes"]
    if isinstance(spec, str) and spec in builtins:
        return builtins[spec]
    path = Path(spec)
    if not path.exists():
        raise ValueError(f"unknown label map {str(spec)!r}: not a file and not one of {sorted(builtins)}")
    text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as err:
        raise ValueError(f"label map {path}: cannot parse: {err}") from err
    if isinstance(data, dict) and "labels" not in data and all(
        isinstance(v, str | type(None)) for v in data.values()
    ):
        data = {"labels": sorted({v for v in data.values() if v is not None}), "map": data}
    return _from_dict(path.stem, data, origin=str(path))
