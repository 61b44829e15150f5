"""The per-document processing function: order, schema-valid lines, per-document error isolation."""

from __future__ import annotations

import json

import pytest

from newsie.batch.process import FAULT_ENV, process_batch, result_line
from newsie.io.readers import SourceDoc
from newsie.schema import Result


def _docs(seed_text: str) -> list[SourceDoc]:
    paras = [p for p in seed_text.splitlines() if p.strip()][:4]
    return [SourceDoc(id=f"d{i}", text=p, path=f"p{i}.txt", date="2023-02-02") for i, p in enumerate(paras)]


def test_outcomes_in_order_and_valid(nlp, seed_text: str) -> None:
    docs = _docs(seed_text)
    out = process_batch(nlp, docs, batch_size=2)
    assert [o.key for o in out] == [d.key for d in docs]
    results = [Result.model_validate_json(o.record) for o in out]
    assert [r.id for r in results] == ["d0", "d1", "d2", "d3"]
    assert all(r.date.isoformat() == "2023-02-02" and r.path == f"p{i}.txt" for i, r in enumerate(results))
    assert sum(len(r.entities) for r in results) > 0
    assert all(r.newsie and r.model for r in results)
    # compact, deterministic, and without the (already known) text
    assert "text" not in json.loads(out[0].record)
    assert process_batch(nlp, docs, batch_size=4) == out
    assert out[0].words == len(docs[0].text.split())


def test_failing_document_becomes_error_others_keep_records(nlp, seed_text: str,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    mark = "Zqxj"
    docs = _docs(seed_text)
    docs[2] = SourceDoc(id="d2", text=docs[2].text + f" {mark}.", path="p2.txt")
    good = process_batch(nlp, docs)
    monkeypatch.setenv(FAULT_ENV, f"raise:{mark}")
    out = process_batch(nlp, docs)
    assert [o.ok for o in out] == [True, True, False, True]
    assert out[2].error == {"path": "p2.txt", "id": "d2", "stage": "process",
                            "reason": f"RuntimeError: injected fault ({mark})"}
    assert [o.record for i, o in enumerate(out) if i != 2] == [o.record for i, o in enumerate(good) if i != 2]


def test_result_line_roundtrip() -> None:
    r = Result(id="x", date="2023-02-02", newsie="0.1.0", model="m")
    line = result_line(r)
    assert "\n" not in line and Result.model_validate_json(line) == r


def _threads_after_init(threads: int) -> tuple[int, int]:
    import sys

    from newsie.batch.process import _STATE, init_worker

    init_worker(None, threads=threads)
    ner_threads = _STATE["nlp"].get_pipe("newsie_ner").tagger.model.threads
    torch_threads = sys.modules["torch"].get_num_threads() if "torch" in sys.modules else threads
    return ner_threads, torch_threads


def test_init_worker_keeps_its_thread_count_after_the_model_loads() -> None:
    """Regression: the NER component's own thread default overrode the worker's 1 (two busy threads per worker)."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=mp.get_context("spawn")) as pool:
        assert pool.submit(_threads_after_init, 1).result(timeout=300) == (1, 1)


# ----------------------------------------------------------------- issue #21
def test_doc_timeout_turns_a_runaway_document_into_its_error_record(nlp, seed_text: str,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: there was no per-document time limit; the injected 60 s hang stands for a runaway document."""
    import time

    mark = "Qzvw"
    docs = _docs(seed_text)[:2]
    docs[1] = SourceDoc(id="d1", text=docs[1].text + f" {mark}.", path="p1.txt")
    monkeypatch.setenv(FAULT_ENV, f"hang:{mark}")
    t0 = time.monotonic()
    out = process_batch(nlp, docs, batch_size=2, doc_timeout=4)
    assert time.monotonic() - t0 < 50  # the batch (8 s), then the document alone (4 s): not the 60 s hang
    assert [o.ok for o in out] == [True, False]
    assert out[1].error["stage"] == "process" and "DocTimeout" in out[1].error["reason"]
    assert "--doc-timeout 4 s" in out[1].error["reason"]
    import signal

    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no alarm left armed


def test_document_longer_than_spacys_max_length_is_processed(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: --max-chars above 1,000,000 failed every long document with spaCy's E088."""
    text = "Kyiv said on Monday it needs more shells. " * 10
    monkeypatch.setattr(nlp, "max_length", 100)
    (o,) = process_batch(nlp, [SourceDoc(id="long", text=text, path="long.txt")])
    assert o.ok, o.error


def test_unencodable_strings_never_break_the_line() -> None:
    """Regression: a lone surrogate reaching the writer raised UnicodeEncodeError for the whole run."""
    from newsie.batch.process import json_line

    line = json_line({"id": "a\ud800b", "t": "café"})
    line.encode("utf-8")
    assert json.loads(line) == {"id": "a\ud800b", "t": "café"}
    assert json_line({"t": "café"}) == '{"t":"café"}'  # readable when it can be
