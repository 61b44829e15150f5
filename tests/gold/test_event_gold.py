"""The held-out event gold as data: built from the authoring YAML, split, frozen by hash, sourced, excluded from NER.

Needs nothing outside the repository: the texts are in ``data/gold/texts``.
Until the annotations are in (``data/gold/authoring`` empty) the tests assert
what exists: no ``events.jsonl`` without authoring files, and the split and
source bookkeeping of the 30 selected documents.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from newsie.evaluate.gold import gold_sha256, load_gold, load_splits
from newsie.schema import GoldDocument
from newsie.tooling.goldbuild import build_all, load_documents, to_jsonl

GOLD = Path(__file__).resolve().parents[2] / "data" / "gold"
OLD_FILES = ("seed.jsonl", "news.jsonl")
EVENTS = GOLD / "events.jsonl"
AUTHORING = sorted((GOLD / "authoring").glob("*.yaml")) if (GOLD / "authoring").is_dir() else []
METAS = load_documents(GOLD / "documents.yaml")
TOPIC_MINIMUM = {"conflict": 6, "politics": 6, "crime": 5, "business": 5, "disaster": 4, "other": 4}


def _all_gold() -> list[GoldDocument]:
    return load_gold(sorted(GOLD.glob("*.jsonl")))


def test_events_jsonl_is_what_the_authoring_files_build() -> None:
    """events.jsonl is never edited by hand: it is exactly scripts/gold_build.py's output."""
    if not AUTHORING:
        assert not EVENTS.exists(), "events.jsonl without data/gold/authoring/*.yaml to build it from"
        return
    built = to_jsonl(build_all(GOLD))
    assert EVENTS.read_text(encoding="utf-8") == built, "events.jsonl is stale: run python scripts/gold_build.py"


def test_every_authoring_file_is_a_selected_document_with_its_text() -> None:
    assert {p.stem for p in AUTHORING} <= set(METAS)
    texts = {p.stem for p in (GOLD / "texts").glob("*.txt")}
    assert texts == set(METAS), "documents.yaml and data/gold/texts must list the same documents"


def test_selection_spread_over_topics() -> None:
    topics = [m.topic for m in METAS.values()]
    assert len(METAS) == 58  # 30 first (dev 10, test 20), 28 added to dev on 2026-12-08
    for topic, minimum in TOPIC_MINIMUM.items():
        assert topics.count(topic) >= minimum, topic


def test_event_documents_are_event_only_with_topic_and_source() -> None:
    if not EVENTS.exists():
        pytest.skip("no events.jsonl yet (annotations not in)")
    for doc in load_gold([EVENTS]):
        meta = METAS[doc.id]
        assert doc.layers == ["events"] and not doc.entities
        assert (doc.topic, doc.source, doc.licence) == (meta.topic, meta.url, meta.licence)
        assert doc.text == (GOLD / "texts" / f"{doc.id}.txt").read_text(encoding="utf-8")


def test_mentions_lie_in_the_text_and_belong_to_one_event() -> None:
    """Each event id groups mentions of one record (so of one type); a mention is never in two events."""
    for doc in _all_gold():
        owner: dict[tuple[int, int], str] = {}
        ids = [e.id for e in doc.events]
        assert len(ids) == len(set(ids)), doc.id
        for ev in doc.events:
            assert ev.mentions and ev.mentions[0] == ev.trigger
            for m in ev.mentions:
                assert doc.text[m.start:m.end] == m.text, (doc.id, ev.id, m)
                assert owner.setdefault((m.start, m.end), ev.id or "") == ev.id, (doc.id, ev.id, m.text)
            if doc.id in METAS:  # held-out gold: mentions in text order, the first is the trigger
                assert [m.start for m in ev.mentions] == sorted(m.start for m in ev.mentions), (doc.id, ev.id)


def test_counts() -> None:
    docs = _all_gold()
    n_events = sum(len(d.events) for d in docs)
    assert len(docs) >= 5 and n_events >= 56  # the older five documents
    if EVENTS.exists() and len(load_gold([EVENTS])) == len(METAS):
        assert len(docs) >= 35 and n_events >= 300, (len(docs), n_events)


def test_splits_partition_the_gold() -> None:
    splits = load_splits(GOLD / "splits.yaml")
    assert set(splits) == {"dev", "test", "seen"}
    assert (len(splits["dev"]), len(splits["test"]), len(splits["seen"])) == (38, 20, 5)
    assert set(splits["dev"]) | set(splits["test"]) == set(METAS)
    in_gold = {d.id for d in _all_gold()}
    assert set(splits["seen"]) == {json.loads(ln)["id"] for f in OLD_FILES
                                   for ln in (GOLD / f).read_text(encoding="utf-8").splitlines() if ln.strip()}
    assert in_gold <= set(splits["dev"]) | set(splits["test"]) | set(splits["seen"])


def test_test_split_gold_is_frozen() -> None:
    """test.sha256 holds the hash of every test document's gold: changing it must be a deliberate re-record."""
    splits = load_splits(GOLD / "splits.yaml")
    docs = {d.id: d for d in _all_gold()}
    expected = "".join(f"{gold_sha256(docs[i])}  {i}\n" for i in sorted(splits["test"]) if i in docs)
    recorded = (GOLD / "test.sha256").read_text(encoding="utf-8") if (GOLD / "test.sha256").exists() else ""
    assert recorded == expected, (
        "the test split's gold changed (data/gold/test.sha256 no longer matches). If the change is a deliberate "
        "correction by the guidelines, re-record it with `python scripts/gold_build.py --record-test` and say "
        "why in the commit message; never change test gold to fit system output."
    )


def test_sources_name_every_document() -> None:
    sources = (GOLD / "SOURCES.md").read_text(encoding="utf-8")
    for doc_id, meta in METAS.items():
        assert f"`{doc_id}`" in sources, doc_id
        assert meta.url and meta.url in sources, doc_id


def test_held_out_documents_are_excluded_from_ner_training() -> None:
    """Every held-out document is on the NER corpus build's exclude list (under the reader's document id)."""
    from newsie.tooling.corpora.build import excluded_docs

    excluded = excluded_docs()
    rows = yaml.safe_load((GOLD / "documents.yaml").read_text(encoding="utf-8"))
    for row in rows:
        corpus, loc = row["corpus"], row["source_file"]
        doc = loc.rsplit("/", 1)[-1]
        assert (corpus, doc) in excluded, (row["id"], corpus, doc)


def test_every_gold_line_validates_against_the_exported_json_schema() -> None:
    """Users read the gold without newsie: each line must satisfy newsie.schema.json's GoldDocument."""
    import jsonschema

    from newsie.schema import SCHEMA_PATH

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator({"$ref": "#/$defs/GoldDocument", "$defs": schema["$defs"]})
    for path in sorted(GOLD.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                errors = [e.message for e in validator.iter_errors(json.loads(line))]
                assert not errors, f"{path.name}:{n}: {errors[:3]}"
