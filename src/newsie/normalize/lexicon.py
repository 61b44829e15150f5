"""Loading the normaliser's YAML data files (lexicons, date words, Matcher patterns).

Why a module of its own: the rules' vocabulary lives in data files so it can be
reviewed and extended without touching code; every consumer goes through
:func:`load` so each file is parsed once per process.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).with_name("data")
FILES = ("numbers.yaml", "dates.yaml", "patterns.yaml")


@functools.cache
def load(name: str) -> dict[str, Any]:
    """Parse ``data/<name>`` once; raise ``FileNotFoundError`` with the path if it is missing."""
    return read(DATA_DIR / name)


def read(path: Path) -> dict[str, Any]:
    """Parse one data file (uncached: a saved pipeline's copy); a mapping at top level or ValueError naming it."""
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at top level")
    return data


def by_length(words: list[str] | dict[str, Any]) -> list[str]:
    """Keys longest first, so multi-word cues ("no more than") win over their tails ("than")."""
    return sorted(words, key=lambda w: (-len(w), w))
