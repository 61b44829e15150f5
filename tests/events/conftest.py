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


RULE_COMPONENTS = ("newsie_numbers", "newsie_normalize", "newsie_events")


@pytest.fixture(scope="session")
def fixed_nlp():
    """en_core_web_sm's tagger and parser plus newsie's rule components: no NER, entities are given by the test."""
    from newsie import extensions
    from newsie.pipeline import load_base

    extensions.register()
    nlp = load_base(exclude=("ner",))
    for name in RULE_COMPONENTS:
        nlp.add_pipe(name)
    return nlp


@pytest.fixture(scope="session")
def run_fixed(fixed_nlp) -> Callable[..., list[EventRecord]]:
    """``run_fixed(text, {"Germany": "GPE", "yesterday": "DATE"}, date=...)`` -> the event records, with the named
    entities fixed by the test (every occurrence of each phrase) instead of predicted by the NER."""
    import re

    from spacy.util import filter_spans

    def _run(text: str, ents: dict[str, str] | None = None, date: str | None = "2023-02-02") -> list[EventRecord]:
        doc = make_doc(fixed_nlp, text, date=date)
        for name, proc in fixed_nlp.pipeline:
            if name not in RULE_COMPONENTS:
                doc = proc(doc)
        spans = []
        for phrase, label in (ents or {}).items():
            for m in re.finditer(re.escape(phrase), text):
                span = doc.char_span(m.start(), m.end(), label=label)
                assert span is not None, f"{phrase!r} is not a token span of the test text"
                spans.append(span)
        doc.ents = filter_spans(spans)
        for name in RULE_COMPONENTS:
            doc = fixed_nlp.get_pipe(name)(doc)
        return list(doc._.events)

    return _run


@pytest.fixture(scope="session")
def explain_fixed(fixed_nlp):
    """``explain_fixed(text, ents)`` -> every candidate after all stages (absorbed and dropped ones too)."""
    import re

    from spacy.util import filter_spans

    events = fixed_nlp.get_pipe("newsie_events")

    def _explain(text: str, ents: dict[str, str] | None = None, date: str | None = "2023-02-02"):
        doc = make_doc(fixed_nlp, text, date=date)
        for name, proc in fixed_nlp.pipeline:
            if name != "newsie_events" and name not in RULE_COMPONENTS:
                doc = proc(doc)
        spans = [doc.char_span(m.start(), m.end(), label=label)
                 for phrase, label in (ents or {}).items() for m in re.finditer(re.escape(phrase), text)]
        doc.ents = filter_spans([s for s in spans if s is not None])
        for name in RULE_COMPONENTS[:-1]:
            doc = fixed_nlp.get_pipe(name)(doc)
        return doc, events.extractor.explain(doc)

    return _explain
