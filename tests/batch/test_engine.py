"""The local engine: unit grouping, serial == parallel (order independent of workers), worker-crash isolation."""

from __future__ import annotations

import pytest

from newsie.batch.engine import LocalEngine, units
from newsie.batch.process import FAULT_ENV
from newsie.io.readers import ReadError, SourceDoc


def _docs(seed_text: str, n: int = 6) -> list[SourceDoc]:
    paras = [p for p in seed_text.splitlines() if p.strip()]
    return [SourceDoc(id=f"d{i}", text=paras[i % len(paras)] + f" Item {i}.", path=f"d{i}.txt") for i in range(n)]


def test_units_keep_read_errors_in_place_and_skip_done() -> None:
    a, b, c = (SourceDoc(id=x, text=f"Text {x}.", path=x) for x in "abc")
    err = ReadError(path="bad.txt", reason="empty file")
    got = list(units([a, err, b, c], batch_size=2, skip={b.key}))
    assert [([d.id for d in u.docs], [o.error["path"] for o in u.done]) for u in got] == [
        (["a"], []), ([], ["bad.txt"]), (["c"], [])]


@pytest.mark.slow
def test_parallel_equals_serial_and_survives_a_worker_crash(nlp, seed_text: str,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _docs(seed_text)
    docs[3] = SourceDoc(id="d3", text=docs[3].text + " Qzxv.", path="d3.txt")
    items = [*docs[:2], ReadError(path="x.bin", reason="binary file (NUL bytes)"), *docs[2:]]
    serial = [o for batch in LocalEngine(workers=1, batch_size=2).run(items) for o in batch]
    assert [o.ok for o in serial] == [True, True, False, True, True, True, True]

    monkeypatch.setenv(FAULT_ENV, "exit:Qzxv")  # spawned workers inherit it: the doc kills its worker
    engine = LocalEngine(workers=2, batch_size=2)
    parallel = [o for batch in engine.run(items) for o in batch]
    assert [o.key for o in parallel] == [o.key for o in serial]
    assert engine.restarts >= 1
    crashed = parallel[4]
    assert crashed.error == {"path": "d3.txt", "id": "d3", "stage": "process",
                             "reason": "worker process died while processing this document"}
    assert [o for i, o in enumerate(parallel) if i != 4] == [o for i, o in enumerate(serial) if i != 4]
