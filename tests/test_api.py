"""Public API smoke tests on the seed article, with the real pipeline."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest

import newsie
from newsie.api import make_doc
from newsie.schema import Result


def test_load_is_cached_per_process(nlp) -> None:
    assert newsie.load() is nlp
    assert nlp.pipe_names[:2] == ["tok2vec", "tagger"]
    assert "parser" in nlp.pipe_names


def test_extract_seed(seed_text: str) -> None:
    res = newsie.extract(seed_text, date="2023-02-02", doc_id="seed")
    assert isinstance(res, Result)
    assert res.id == "seed" and res.date == dt.date(2023, 2, 2)
    assert res.newsie == newsie.__version__ and res.model
    assert len(res.entities) > 20
    for ent in res.entities:
        assert seed_text[ent.start : ent.end] == ent.text
        assert ent.sentence is not None and ent.rule
    texts = {e.text for e in res.entities}
    assert "North Korea" in texts


def test_doc_date_accepts_iso_and_date(nlp) -> None:
    doc = make_doc(nlp, "Text.", date="2023-02-02T10:00:00Z")
    assert doc._.date == dt.date(2023, 2, 2)
    doc._.date = dt.datetime(2020, 1, 1, 5, 0)
    assert doc._.date == dt.date(2020, 1, 1)
    with pytest.raises(ValueError, match="not an ISO 8601 date"):
        doc._.date = "02/02/2023"


def test_extract_many_streams_in_order_with_metadata(seed_text: str) -> None:
    items = [
        {"text": "Kim Jong Un visited Moscow on Jan. 20.", "id": "a", "date": "2023-02-02"},
        ("Vladimir Putin spoke in Moscow.", {"id": "b"}),
        "North Korea sent 300 men to Ukraine.",
    ]
    results = list(newsie.extract_many(iter(items), date="2024-01-01", batch_size=2))
    assert [r.id for r in results] == ["a", "b", None]
    assert results[0].date == dt.date(2023, 2, 2)
    assert results[1].date == dt.date(2024, 1, 1)
    assert all(isinstance(r, Result) for r in results)


def test_extract_rejects_non_text() -> None:
    with pytest.raises(TypeError):
        newsie.extract(b"bytes")  # type: ignore[arg-type]


def test_load_works_offline_in_fresh_process() -> None:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    out = subprocess.run(
        [sys.executable, "-c", "import newsie; print(newsie.load().pipe_names)"],
        capture_output=True, text=True, env=env, timeout=300, check=True,
    )
    assert "parser" in out.stdout


def test_newsie_attributes_survive_doc_serialisation(seed_doc) -> None:
    """Regression: user_data held a date and pydantic objects, which msgpack (to_bytes, n_process) cannot carry."""
    from spacy.tokens import Doc

    again = Doc(seed_doc.vocab).from_bytes(seed_doc.to_bytes())
    assert again._.date == seed_doc._.date == dt.date(2023, 2, 2)
    assert again._.events == seed_doc._.events
    assert [(e.text, e._.norm) for e in again.ents] == [(e.text, e._.norm) for e in seed_doc.ents]
    assert any(e._.norm is not None for e in again.ents)


# ----------------------------------------------------------------- issue #21: library misuse
def test_extract_rejects_a_date_with_trailing_garbage(nlp) -> None:
    """Regression: extract(date="2023-02-02garbage") was accepted (read as 2023-02-02)."""
    with pytest.raises(ValueError, match="2023-02-02garbage"):
        newsie.extract("Kyiv said on Monday it needs more shells.", date="2023-02-02garbage", nlp=nlp)
    with pytest.raises(ValueError, match="garbage"):
        list(newsie.extract_many(["Kyiv said so."], date="garbage", nlp=nlp))
    res = newsie.extract("Kyiv said on Monday it needs more shells.", date="2023-02-02T10:00:00Z", nlp=nlp)
    assert res.date == dt.date(2023, 2, 2)


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "8"])
def test_extract_many_rejects_a_bad_batch_size(nlp, bad) -> None:
    """Regression: extract_many(batch_size=0) silently returned nothing."""
    with pytest.raises(ValueError, match="batch_size"):
        list(newsie.extract_many(["Kyiv said so."], batch_size=bad, nlp=nlp))


def test_extract_many_names_the_bad_item(nlp) -> None:
    """Regression: one bad item aborted the stream without saying which (decision: raise, naming it)."""
    from newsie.api import ItemError

    good = "Kyiv said on Monday it needs more shells."
    stream = newsie.extract_many([good, {"id": "x", "text": good, "date": "02/02/2023"}, good], nlp=nlp,
                                 batch_size=1)
    assert next(stream).entities  # the items before the bad one are delivered
    with pytest.raises(ItemError, match=r"item 1 \(id 'x'\).*02/02/2023") as info:
        next(stream)
    assert (info.value.index, info.value.item_id) == (1, "x")
    with pytest.raises(ItemError, match=r"item 2: .*int"):
        list(newsie.extract_many([good, good, 42], nlp=nlp))  # type: ignore[list-item]
