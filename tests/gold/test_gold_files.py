"""Checks on the hand-labelled gold files in data/gold (no /work/shared needed)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from newsie.schema import (
    EVENT_TYPES,
    PARTICIPANT_ROLES,
    ROLES,
    AgeValue,
    GoldDocument,
    QuantityValue,
    TimeValue,
)

GOLD = Path(__file__).resolve().parents[2] / "data" / "gold"
#: the 5 older documents (entities + events) and, once annotated, the held-out event gold (events only)
FILES = ["seed.jsonl", "news.jsonl", *(["events.jsonl"] if (GOLD / "events.jsonl").is_file() else [])]
MIN_NEWS = 3
ONTONOTES = {
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
    "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
}
#: held-out documents with no codable event, kept as negatives (GUIDELINES 6.6)
NO_EVENT_DOCS = {"gum-news-soccer", "gum-news-expo"}  # match reports; a fan convention (entertainment)
VALUE_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
TIMEX = r"^((\d{4}|XXXX)(-(\d{2}|XX)(-(\d{2}|XX)(T\d{2}:\d{2})?)?)?|\d{4}-(SP|SU|FA|WI|Q[1-4]|W\d{2})|(\d{4}|XXXX)-W(\d{2}|XX)(-[1-7])?|\d{3}X?|P(\d+|X)[YMWDH]|" \
        r"PT(\d+|X)[HM]|PRESENT_REF|PAST_REF|FUTURE_REF|\d{4}-\d{2}-\d{2}T(MO|MI|AF|EV|NI))$"


def _lines(name: str) -> list[str]:
    return [ln for ln in (GOLD / name).read_text(encoding="utf-8").splitlines() if ln.strip()]


def _docs() -> list[tuple[str, dict[str, Any]]]:
    return [(f"{name}:{i}", json.loads(ln)) for name in FILES for i, ln in enumerate(_lines(name))]


DOCS = _docs()
IDS = [key for key, _ in DOCS]


def test_files_exist_and_counts() -> None:
    assert len(_lines("seed.jsonl")) == 1
    assert len(_lines("news.jsonl")) >= MIN_NEWS
    ids = [d["id"] for _, d in DOCS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("doc", [d for _, d in DOCS], ids=IDS)
def test_validates(doc: dict[str, Any]) -> None:
    gold = GoldDocument.model_validate(doc)
    assert gold.source and gold.licence and gold.topic
    # only the documents listed as negatives may have no codable event (match reports, GUIDELINES 6.6)
    assert gold.events or gold.id in NO_EVENT_DOCS
    if gold.date is not None:  # re3d press releases carry no date
        assert isinstance(doc["date"], str) and dt.date.fromisoformat(doc["date"])
    if "entities" in gold.layers:
        assert gold.entities and gold.date is not None
    else:
        assert gold.layers == ["events"] and not gold.entities


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
def test_event_spans(doc: dict[str, Any]) -> None:
    """Every mention and role span slices the text; no stored sentence numbers (computed at scoring time)."""
    text = doc["text"]
    ent_spans = {(e["start"], e["end"]): e["label"] for e in doc["entities"]}
    ids = set()
    for ev in GoldDocument.model_validate(doc).events:
        assert ev.id and ev.id not in ids
        ids.add(ev.id)
        assert ev.type in EVENT_TYPES, ev.type
        assert ev.sentence is None and ev.evidence is None, ev.id
        assert ev.mentions[0] == ev.trigger
        for m in ev.mentions:
            assert text[m.start:m.end] == m.text and m.sentence is None, (ev.id, m)
        assert len({(m.start, m.end) for m in ev.mentions}) == len(ev.mentions), f"{ev.id}: a mention listed twice"
        for role in ROLES:
            for arg in ev.participants(role):
                assert text[arg.start:arg.end] == arg.text, (ev.id, role)
                assert arg.sentence is None, (ev.id, role)
                if getattr(arg, "label", None):
                    assert ent_spans.get((arg.start, arg.end)) == arg.label, (ev.id, role)
        if ev.time is not None and ev.time.value:
            assert re.match(TIMEX, ev.time.value), ev.time


def test_seed_required_events() -> None:
    seed = GoldDocument.model_validate(json.loads(_lines("seed.jsonl")[0]))
    assert seed.date == dt.date(2023, 2, 2)
    by_type: dict[str, list[Any]] = {}
    for ev in seed.events:
        by_type.setdefault(ev.type, []).append(ev)
    order = by_type["ORDER"][0]
    assert [a.norm for a in order.actors] == ["North Korea"]
    assert order.time and order.time.value == "2023-01-20"
    assert order.quantity and (order.quantity.min, order.quantity.max) == (300, 500)
    assert order.age and (order.age.min, order.age.max) == (19, 27)
    assert order.destination and order.destination.text == "eastern Ukraine"
    assert order.source and order.source.text == "Daily NK"
    assert order.modality == "expected" and [m.text for m in order.mentions] == ["ordered", "tossed"]
    assert any(e.modality == "cancelled" for e in by_type["DEPLOY"])
    assert by_type["DECIDE"][0].modality == "planned"
    assert by_type["COUNTER_OFFENSIVE"][0].modality == "conditional"
    assert by_type["SPEECH"][0].time and by_type["SPEECH"][0].time.mod == "END"
    assert {"PROMISE", "SELECT", "RECRUIT", "PRAISE", "CRITICIZE", "TRANSFER", "WARN"} <= set(by_type)


@pytest.mark.parametrize("doc", [d for _, d in DOCS], ids=IDS)
def test_role_spans_have_no_leading_determiner(doc: dict[str, Any]) -> None:
    for ev in doc["events"]:
        for role in PARTICIPANT_ROLES:
            for arg in ev.get(role) if isinstance(ev.get(role), list) else [ev.get(role)]:
                if arg is not None:
                    assert not arg["text"].lower().startswith("the "), (ev["id"], role)


def test_seed_text_is_the_seed_file() -> None:
    seed = json.loads(_lines("seed.jsonl")[0])
    seed_file = GOLD.parents[1] / seed["source"]
    assert seed["text"] == seed_file.read_text(encoding="utf-8")


MEANTIME_FILES = {  # the MEANTIME source of each news.jsonl document (SOURCES.md)
    "meantime-61389": "corpus_airbus/61389_Airbus_announces_job_cuts_of_10,000.xml",
    "meantime-58383": "corpus_apple/58383_Cisco_sues_Apple.xml",
    "meantime-118147": "corpus_gm/118147_US_automaker_bailout_deal_fails_to_pass_Senate.xml",
    "meantime-1007169": "corpus_gm/1007169_Mary_Barra_appointed_as_General_Motors_chief.xml",
}


@pytest.mark.corpora
def test_news_texts_are_the_meantime_rebuilds(corpora: Path) -> None:
    """news.jsonl texts are exactly what meantime_text.py rebuilds from the MEANTIME tokens."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("meantime_text", GOLD / "meantime_text.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    stored = {d["id"]: d for d in (json.loads(ln) for ln in _lines("news.jsonl"))}
    assert set(stored) == set(MEANTIME_FILES)
    for doc_id, rel in MEANTIME_FILES.items():
        text, _, _ = mod.rebuild(corpora / "meantime" / "intra-doc_annotation" / rel)
        assert text == stored[doc_id]["text"], doc_id
