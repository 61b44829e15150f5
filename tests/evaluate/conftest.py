"""Fixtures of the evaluator tests: a real sentence, small pipelines, gold writers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SENTENCE = (
    "Less than a week after North Korea promised to “always stand in the same trench” with Russia, "
    "it seems even Pyongyang is losing faith in Vladimir Putin’s war machine."
)


def span(text: str, needle: str, label: str, nth: int = 0, **extra: object) -> dict:
    """A gold entity dict for the ``nth`` occurrence of ``needle`` (offsets computed, never typed)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"start": start, "end": start + len(needle), "label": label, "text": needle, **extra}


def write_jsonl(path: Path, docs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def sm():
    """en_core_web_sm, the baseline every test shares (loaded once)."""
    from newsie.pipeline import load_baseline

    return load_baseline("sm")


@pytest.fixture()
def sentence_gold() -> dict:
    """Hand-labelled gold for :data:`SENTENCE` (newsie convention: no possessive 's in PERSON)."""
    t = SENTENCE
    return {
        "id": "s1",
        "text": t,
        "date": "2023-02-02",
        "entities": [
            span(t, "Less than a week", "DATE", norm={"kind": "time", "value": "P1W", "mod": "LESS_THAN"}),
            span(t, "North Korea", "GPE"),
            span(t, "Russia", "GPE"),
            span(t, "Pyongyang", "GPE"),
            span(t, "Vladimir Putin", "PERSON"),
        ],
    }
