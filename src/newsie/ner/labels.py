"""The label map and casing classes of the NER model, read from ``data/labels.json``.

Why a data file: the label inventory is shared by training, the shipped model's
``config.json``, the component and the dev scorer; keeping it in one validated
JSON file means a label change is a data change that a test checks, not an edit
scattered over modules.  This module imports nothing heavy (no torch).
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

DATA_PATH = Path(__file__).with_name("data") / "labels.json"
GAZETTEER_PATH = DATA_PATH.with_name("gazetteer.yaml")


@functools.lru_cache(maxsize=1)
def label_data() -> dict[str, Any]:
    """The parsed ``labels.json`` (cached; treat as read-only)."""
    return json.loads(DATA_PATH.read_text(encoding="utf-8"))


def entity_labels() -> list[str]:
    return list(label_data()["labels"])


def bio_tags(labels: list[str] | None = None) -> list[str]:
    """``O`` followed by ``B-X``/``I-X`` for each entity label, in label-file order."""
    labels = entity_labels() if labels is None else labels
    tags = ["O"]
    for lab in labels:
        tags += [f"B-{lab}", f"I-{lab}"]
    return tags


CASE_SPECIAL, CASE_LOWER, CASE_TITLE, CASE_UPPER, CASE_MIXED, CASE_DIGIT, CASE_OTHER = range(7)
N_CASE = 7


def case_class(piece: str) -> int:
    """The casing pattern of a subword's ORIGINAL characters (the tokenizer lowercases them).

    Single capital letters count as Title ("U" in "U.S."), so that UPPER means an
    all-caps word of two or more letters (acronyms, shouting headlines).
    """
    letters = [c for c in piece if c.isalpha()]
    if not letters:
        return CASE_DIGIT if any(c.isdigit() for c in piece) else CASE_OTHER
    if all(c.islower() for c in letters):
        return CASE_LOWER
    if all(c.isupper() for c in letters):
        return CASE_UPPER if len(letters) > 1 else CASE_TITLE
    if letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return CASE_TITLE
    return CASE_MIXED


def strip_leading(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading words listed in ``strip_leading`` ("the") from the span ``text[start:end]``."""
    words = {w.lower() for w in label_data()["strip_leading"]}
    changed = True
    while changed:
        changed = False
        piece = text[start:end]
        head, sep, _rest = piece.partition(" ")
        if sep and head.lower() in words:
            start += len(head) + 1
            while start < end and text[start].isspace():
                start += 1
            changed = True
    return start, end


def norm_name(name: str) -> str:
    """Gazetteer key of a name: whitespace folded, leading "the" and possessive dropped, lower case."""
    name = name.replace("’", "'").replace("\u00a0", " ").strip()
    name = re.sub(r"\s+", " ", name)
    name = re.sub(r"^(the|The|THE)\s+", "", name)
    name = re.sub(r"\s*('s|')$", "", name)
    return name.lower()


def gazetteer_lists(path: Path | None = None) -> dict[str, Any]:
    """The raw lists of ``data/gazetteer.yaml`` (countries, states, cities, norp, news media, ...).

    Why here and not with the corpus builders: the NER's post-decoding relabel rules read these lists at
    run time, and the corpus tooling reuses them to map corpus labels.
    """
    import yaml

    return yaml.safe_load((path or GAZETTEER_PATH).read_text(encoding="utf-8"))
