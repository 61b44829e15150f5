"""Label maps and gazetteers, loaded from ``data/*.yaml`` (the gazetteer from the runtime's ``newsie/ner/data/gazetteer.yaml``).

Each corpus's mapping from its own types to OntoNotes labels is data
(``data/<corpus>.yaml``): ``labels`` maps a source type to an OntoNotes label,
to ``null`` (drop), or to a *rule* written ``@name``:

``@place``   split a location into GPE / LOC / FAC (and NORP for nationality
             words, which several corpora tag as locations) with the gazetteer;
``@misc``    NORP for nationality/religion/party words, LANGUAGE for language
             names, otherwise drop;
``@norp``    NORP when the word is in the NORP list, otherwise drop;
``@org``     ORG, but GPE when the name is a country (countries acting as agents).

``gold_labels`` lists the OntoNotes labels the corpus annotates by hand: only
those are trusted as complete, and the teacher may add silver spans of the other
labels.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from newsie.ner.labels import gazetteer_lists, norm_name
from newsie.tooling.corpora.common import ONTONOTES_LABELS

DATA_DIR = Path(__file__).with_name("data")
_COMPASS = {"south", "north", "east", "west", "northern", "southern", "eastern", "western", "central"}
RULES = ("@place", "@misc", "@norp", "@org", "@language")


_norm = norm_name


@dataclass(frozen=True)
class Gazetteer:
    """Name lists for the place split and for NORP / LANGUAGE words."""

    gpe: frozenset[str]
    countries: frozenset[str]
    loc: frozenset[str]
    norp: frozenset[str]
    languages: frozenset[str]
    loc_keywords: frozenset[str]
    fac_keywords: frozenset[str]
    gpe_keywords: frozenset[str]
    person_titles: frozenset[str]
    pronouns: frozenset[str]
    date_words: frozenset[str]
    time_words: frozenset[str]
    name_connectors: frozenset[str]

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        data = gazetteer_lists(path)
        low = lambda key: frozenset(_norm(x) for x in data[key])  # noqa: E731
        return cls(
            gpe=low("countries") | low("states") | low("cities"),
            countries=low("countries"),
            loc=low("locations"),
            norp=low("norp"),
            languages=low("languages"),
            loc_keywords=frozenset(x.lower() for x in data["loc_keywords"]),
            fac_keywords=frozenset(x.lower() for x in data["fac_keywords"]),
            gpe_keywords=frozenset(x.lower() for x in data["gpe_keywords"]),
            person_titles=frozenset(x.lower() for x in data["person_titles"]),
            pronouns=frozenset(x.lower() for x in data["pronouns"]),
            date_words=frozenset(x.lower() for x in data["date_words"]),
            time_words=frozenset(x.lower() for x in data["time_words"]),
            name_connectors=frozenset(x.lower() for x in data["name_connectors"]),
        )

    def is_norp(self, name: str) -> bool:
        return _norm(name) in self.norp

    def is_language(self, name: str) -> bool:
        return _norm(name) in self.languages

    def is_country(self, name: str) -> bool:
        return _norm(name) in self.countries

    def place_label(self, name: str, identity: str | None = None) -> str:
        """GPE / LOC / FAC / NORP for a location name (and optional Wikipedia title).

        Exact gazetteer matches first (the Wikipedia title, then the surface);
        then keywords (``... Airport`` FAC, ``Lake ...`` LOC, ``... County``
        GPE); otherwise GPE, because unknown place names in news are mostly
        towns and cities.
        """
        for cand in (identity, name):
            if not cand:
                continue
            key = _norm(cand.replace("_", " "))
            key_nocomma = key.split(",")[0].strip()
            if key in self.gpe or key_nocomma in self.gpe:
                return "GPE"
            if cand is identity and "," in key and key.rsplit(",", 1)[1].strip() in self.gpe:
                return "GPE"  # Wikipedia "Fort_Lee,_New_Jersey": a town in a state
            if key in self.loc:
                return "LOC"
        key = _norm(name)
        if key in self.norp and key not in self.gpe:
            return "NORP"
        words = re.findall(r"[\w.]+", key)
        if not words:
            return "GPE"
        if words[-1] in self.fac_keywords or words[0] in ("fort", "camp"):
            return "FAC"
        if words[0] in self.loc_keywords or words[-1] in self.loc_keywords:
            return "LOC"
        if words[-1] in self.gpe_keywords or words[0] in self.gpe_keywords:
            return "GPE"
        if len(words) == 2 and words[-1] in self.norp and words[0] in _COMPASS:
            return "NORP"  # "South Australian"
        return "GPE"


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@dataclass(frozen=True)
class LabelMap:
    """A corpus's source-type -> OntoNotes mapping plus the labels it annotates by hand."""

    corpus: str
    labels: dict[str, str | None]
    gold_labels: tuple[str, ...]
    options: dict[str, Any]

    def map(self, source_type: str, name: str, identity: str | None = None) -> str | None:
        """The OntoNotes label for a span of ``source_type`` with surface ``name``, or None (drop)."""
        if source_type not in self.labels:
            raise KeyError(f"{self.corpus}: source type {source_type!r} missing from data/{self.corpus}.yaml")
        target = self.labels[source_type]
        if target is None or not target.startswith("@"):
            return target
        gaz = gazetteer()
        if target == "@place":
            return gaz.place_label(name, identity)
        if target == "@org":
            return "GPE" if gaz.is_country(identity or "") or gaz.is_country(name) else "ORG"
        if target == "@norp":
            return "NORP" if gaz.is_norp(name) else None
        if target == "@language":
            return "LANGUAGE" if gaz.is_language(name) else None
        if target == "@misc":
            if gaz.is_norp(name):
                return "NORP"
            if gaz.is_language(name):
                return "LANGUAGE"
            return None
        raise ValueError(f"unknown rule {target}")


def load_map(corpus: str) -> LabelMap:
    """Load and validate ``data/<corpus>.yaml``."""
    path = DATA_DIR / f"{corpus}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    validate_map(data, path.name)
    return LabelMap(
        corpus=corpus,
        labels=dict(data["labels"]),
        gold_labels=tuple(data["gold_labels"]),
        options=dict(data.get("options") or {}),
    )


def validate_map(data: dict, where: str) -> None:
    """Raise ValueError unless ``data`` is a well-formed label map."""
    if not isinstance(data, dict) or "labels" not in data or "gold_labels" not in data:
        raise ValueError(f"{where}: needs 'labels' and 'gold_labels'")
    for src, tgt in data["labels"].items():
        if tgt is not None and tgt not in ONTONOTES_LABELS and tgt not in RULES:
            raise ValueError(f"{where}: {src!r} -> {tgt!r} is neither an OntoNotes label, null nor a rule")
    for lab in data["gold_labels"]:
        if lab not in ONTONOTES_LABELS:
            raise ValueError(f"{where}: gold label {lab!r} is not an OntoNotes label")
