"""Fixtures for the events tests: run the pipeline on a text, pick one record."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsie.api import make_doc
from newsie.schema import EventRecord


@pytest.fixture(scope="session")
def run(nlp) -> Callable[..., list[EventRecord]]:
    """``run(text, date=...)`` -> the event records of the full pipeline on ``text``."""

    def _run(text: str, date: str | None = "2023-02-02") -> list[EventRecord]:
        return list(nlp(make_doc(nlp, text, date=date))._.events)

    return _run


@pytest.fixture(scope="session")
def pick() -> Callable[..., EventRecord]:
    """``pick(records, TYPE, trigger=None)`` -> the single matching record (fails listing the records)."""

    def _pick(records: list[EventRecord], type_: str, trigger: str | None = None) -> EventRecord:
        found = [r for r in records if r.type == type_ and (trigger is None or r.trigger.text == trigger)]
        assert len(found) == 1, f"want one {type_} {trigger or ''}; got {[(r.type, r.trigger.text) for r in records]}"
        return found[0]

    return _pick
