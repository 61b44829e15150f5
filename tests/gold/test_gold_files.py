"""Checks on the hand-labelled gold files in data/gold (no /work/shared needed)."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from newsie.schema import AgeValue, GoldDocument, QuantityValue, TimeValue

GOLD = Path(__file__).resolve().parents[2] / "data" / "gold"
FILES = ["seed.jsonl", "news.jsonl"]
MIN_NEWS = 3
ONTONOTES = {
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
    "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
}
VALUE_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
EVENT_TYPES = {
    "ORDER", "DEPLOY", "RECRUIT", "SELECT", "PROMISE", "DECIDE", "CANCEL", "STATEMENT", "PRAISE", "CRITICIZE",
    "WARN", "THREATEN", "ATTACK", "OFFENSIVE", "COUNTER_OFFENSIVE", "TRANSFER", "SPEECH", "MEET", "AGREE",
    "ARREST", "KILL", "INJURE", "PROTEST", "SANCTION", "ELECT", "APPOINT",
    # defined in data/gold/GUIDELINES.md, section "Event types added for news"
    "LAYOFF", "RESTRUCTURE", "DIVEST", "ACQUIRE", "SUE", "LAUNCH", "VOTE", "REJECT", "DEMAND", "DECLINE",
    "RESIGN", "REPORT_RESULT", "NEGOTIATE", "LISTING",
}
ROLES = ("actor", "target", "theme", "location", "destination", "source", "time", "quantity", "age")
TIMEX = r"^(\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?|\d{4}-(SP|SU|FA|WI|Q[1-4]|W\d{2})|\d{3}X?|P(\d+|X)[YMWDH]|" \
        r"PT(\d+|X)[HM]|PRESENT_REF|PAST_REF|FUTURE_REF|\d{4}-\d{2}-\d{2}T(MO|MI|AF|EV|NI))$"


def _lines(name: str) -> list[str]:
    return [ln for ln in (GOLD / name).read_text(encoding="utf-8").splitlines() if ln.strip()]


def _docs() -> list[tuple[str, dict[str, Any]]]:
    return [(f"{name}:{i}", json.loads(ln)) for name in FILES for i, ln in enumerate(_lines(name))]


DOCS = _docs()
IDS = [key for key, _ in DOCS]


@cache
def _nlp() -> Any:
    """spaCy en_core_web_sm, the sentence splitter the gold sentence indices refer to."""
    from newsie.pipeline import load_base

    return load_base()


@cache
def _sentences(text: str) -> list[tuple[int, int, str]]:
    return [(s.start_char, s.end_char, s.text.strip()) for s in _nlp()(text).sents]


def test_files_exist_and_counts() -> None:
    assert len(_lines("seed.jsonl")) == 1
    assert len(_lines("news.jsonl")) >= MIN_NEWS
    ids = [d["id"] for _, d in DOCS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("doc", [d for _, d in DOCS], ids=IDS)
def test_validates(doc: dict[str, Any]) -> None:
    gold = GoldDocument.model_validate(doc)
    assert gold.date is not None and gold.source and gold.licence
    assert isinstance(doc["date"], str) and dt.date.fromisoformat(doc["date"])
    assert gold.entities and gold.events


@pytest.mark.parametrize("doc", [d for _, d in DOCS], ids=IDS)
def test_entity_spans(doc: dict[str, Any]) -> None:
    text = doc["text"]
    prev_end = -1
    for ent in sorted(doc["entities"], key=lambda e: (e["start"], e["end"])):
        assert ent["label"] in ONTONOTES, ent
        assert 0 <= ent["start"] < ent["end"] <= len(text)
        assert text[ent["start"]:ent["end"]] == ent["text"], ent
        assert ent["text"] == ent["text"].strip(), ent
        assert not ent["text"].lower().startswith("the "), ent  # no leading determiner
        if ent["label"] not in VALUE_LABELS:  # "a year" (= one year) keeps its "a"
            assert not ent["text"].lower().startswith(("a ", "an ")), ent
        assert ent["start"] >= prev_end, f"overlapping entity {ent}"
        prev_end = ent["end"]


@pytest.mark.parametrize("doc", [d for _, d in DOCS], ids=IDS)
def test_entity_values(doc: dict[str, Any]) -> None:
    gold = GoldDocument.model_validate(doc)
    for ent in gold.entities:
        if ent.label in ("DATE", "TIME"):
            assert isinstance(ent.norm, TimeValue), ent
        if ent.label in ("MONEY", "PERCENT", "QUANTITY", "ORDINAL"):
            assert isinstance(ent.norm, QuantityValue), ent
        if ent.label == "CARDINAL" and ent.norm is not None:  # a score like "52-35" has no single value
            assert isinstance(ent.norm, QuantityValue | AgeValue), ent
        if isinstance(ent.norm, TimeValue):
            assert re.match(TIMEX, ent.norm.value), ent.norm
        if ent.label not in VALUE_LABELS:
            assert ent.norm is None or ent.norm.kind == "name", ent


@pytest.mark.parametrize("doc", [d for _, d in DOCS], ids=IDS)
def test_event_spans_and_sentences(doc: dict[str, Any]) -> None:
    text = doc["text"]
    sents = _sentences(text)
    ent_spans = {(e["start"], e["end"]): e["label"] for e in doc["entities"]}
    ids = set()
    for ev in GoldDocument.model_validate(doc).events:
        assert ev.id and ev.id not in ids
        ids.add(ev.id)
        assert ev.type in EVENT_TYPES, ev.type
        assert ev.rule == "gold" and ev.summary
        assert text[ev.trigger.start:ev.trigger.end] == ev.trigger.text
        start, end, sent_text = sents[ev.sentence]
        assert start <= ev.trigger.start < end, (ev.id, ev.sentence)
        assert ev.evidence == sent_text, ev.id
        for role in ROLES:
            arg = getattr(ev, role)
            if arg is None:
                continue
            assert text[arg.start:arg.end] == arg.text, (ev.id, role)
            assert arg.sentence is not None and sents[arg.sentence][0] <= arg.start < sents[arg.sentence][1]
            if getattr(arg, "label", None):
                assert ent_spans.get((arg.start, arg.end)) == arg.label, (ev.id, role)
        if ev.time is not None and ev.time.value:
            assert re.match(TIMEX, ev.time.value), ev.time
        for merged in ev.merged_from:
            mtype, msent, offs, mtext = merged.split(":", 3)
            ms, me = (int(x) for x in offs.split("-"))
            assert mtype in EVENT_TYPES and text[ms:me] == mtext
            assert sents[int(msent)][0] <= ms < sents[int(msent)][1]


def test_seed_required_events() -> None:
    seed = GoldDocument.model_validate(json.loads(_lines("seed.jsonl")[0]))
    assert seed.date == dt.date(2023, 2, 2)
    by_type: dict[str, list[Any]] = {}
    for ev in seed.events:
        by_type.setdefault(ev.type, []).append(ev)
    order = by_type["ORDER"][0]
    assert order.actor and order.actor.norm == "North Korea"
    assert order.time and order.time.value == "2023-01-20"
    assert order.quantity and (order.quantity.min, order.quantity.max) == (300, 500)
    assert order.age and (order.age.min, order.age.max) == (19, 27)
    assert order.destination and order.destination.text == "eastern Ukraine"
    assert order.source and order.source.text == "Daily NK"
    assert order.modality == "expected" and order.merged_from
    assert any(e.modality == "cancelled" for e in by_type["DEPLOY"])
    assert by_type["DECIDE"][0].modality == "planned"
    assert by_type["COUNTER_OFFENSIVE"][0].modality == "conditional"
    assert by_type["SPEECH"][0].time and by_type["SPEECH"][0].time.mod == "END"
    assert {"PROMISE", "SELECT", "RECRUIT", "PRAISE", "CRITICIZE", "TRANSFER", "WARN"} <= set(by_type)


@pytest.mark.parametrize("doc", [d for _, d in DOCS], ids=IDS)
def test_role_spans_have_no_leading_determiner(doc: dict[str, Any]) -> None:
    for ev in doc["events"]:
        for role in ("actor", "target", "location", "destination", "source"):
            if role in ev:
                assert not ev[role]["text"].lower().startswith("the "), (ev["id"], role)


def test_seed_text_is_the_seed_file() -> None:
    seed = json.loads(_lines("seed.jsonl")[0])
    seed_file = GOLD.parents[1] / seed["source"]
    assert seed["text"] == seed_file.read_text(encoding="utf-8")


def _build_module() -> Any:
    import importlib.util
    import sys

    sys.path.insert(0, str(GOLD))
    spec = importlib.util.spec_from_file_location("newsie_gold_build", GOLD / "build_gold.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_seed_jsonl_is_built_from_its_spec() -> None:
    """seed.jsonl is exactly what build_gold.py makes of spec_seed.py (no hand edits to the JSONL)."""
    build = _build_module()
    built = build.build_doc(build.load_spec(GOLD / "spec_seed.py"), _nlp())
    assert built == json.loads(_lines("seed.jsonl")[0])


@pytest.mark.corpora
def test_news_jsonl_is_built_from_specs_and_meantime(corpora: Path) -> None:
    """news.jsonl texts are the MEANTIME rebuilds and the records are what the specs say."""
    build = _build_module()
    stored = [json.loads(ln) for ln in _lines("news.jsonl")]
    specs = build.OUTPUTS["news.jsonl"]
    assert len(specs) == len(stored)
    for name, doc in zip(specs, stored, strict=True):
        assert build.build_doc(build.load_spec(GOLD / name), _nlp()) == doc, name
