"""The Ray engine on a local 2-CPU Ray: same outcomes as the local engine, error records, killed-worker retry.

Skips (with the reason) where the optional ``newsie[ray]`` extra is not installed.
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from newsie.batch.engine import LocalEngine
from newsie.batch.process import FAULT_ENV, Outcome
from newsie.batch.ray_engine import PartitionWriter
from newsie.io.readers import ReadError, SourceDoc

FAIL, SLOW = "Zqxjfail", "Slowmark"


def _docs(seed_text: str, n: int, tag: str = "") -> list[SourceDoc]:
    paras = [p for p in seed_text.splitlines() if p.strip()]
    return [SourceDoc(id=f"{tag}d{i}", text=f"{paras[i % len(paras)]} {tag}", path=f"{tag}d{i}.txt",
                      date="2023-02-02") for i in range(n)]


@pytest.fixture(scope="module")
def ray_engine():
    ray = pytest.importorskip("ray", reason="the Ray engine needs the optional extra newsie[ray]")
    from newsie.batch.ray_engine import RayEngine

    old = os.environ.get(FAULT_ENV)
    os.environ[FAULT_ENV] = f"raise:{FAIL};sleep:{SLOW}"  # inherited by the Ray workers started below
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, object_store_memory=128 * 1024 * 1024)
    engine = RayEngine(actors=2, batch_size=2)
    try:
        yield engine
    finally:
        ray.shutdown()
        if old is None:
            os.environ.pop(FAULT_ENV, None)
        else:
            os.environ[FAULT_ENV] = old


def _flat(batches) -> list[Outcome]:
    return [o for b in batches for o in b]


@pytest.mark.slow
def test_same_outcomes_as_local_engine_with_error_records(ray_engine, nlp, seed_text: str) -> None:
    docs = _docs(seed_text, 7)
    docs[4] = SourceDoc(id="d4", text=docs[4].text + f" {FAIL}.", path="d4.txt")
    items = [*docs[:2], ReadError(path="bad.html", reason="no article text found in HTML"), *docs[2:]]
    local = _flat(LocalEngine(workers=1, batch_size=2).run(items))
    remote = _flat(ray_engine.run(items))
    assert remote == local
    assert [o.ok for o in remote] == [True, True, False, True, True, False, True, True]
    assert remote[5].error["reason"] == f"RuntimeError: injected fault ({FAIL})"


@pytest.mark.slow
def test_killed_worker_is_retried_without_loss_or_duplication(ray_engine, nlp, seed_text: str) -> None:
    items = _docs(seed_text, 8, tag=SLOW)  # each takes 0.5 s: batches are in flight when the kill lands
    expected = _flat(LocalEngine(workers=1, batch_size=2).run(items))
    pids = ray_engine.pids()
    got: list[Outcome] = []
    for i, batch in enumerate(ray_engine.run(items)):
        got.extend(batch)
        if i == 0:
            os.kill(pids[1], signal.SIGKILL)
    assert got == expected
    assert ray_engine.pids()[1] != pids[1]  # the actor was restarted


@pytest.mark.slow
def test_cli_partitions_equal_local_jsonl(ray_engine, nlp, seed_text: str, tmp_path: Path) -> None:
    from newsie.cli import main

    ray_engine.shutdown()  # free the 2 CPUs for the CLI's own actors
    src = tmp_path / "in"
    src.mkdir()
    for d in _docs(seed_text, 5):
        (src / f"{d.id}.txt").write_text(d.text, encoding="utf-8")
    (src / "x.txt").write_bytes(b"")
    common = ["--date", "2023-02-02", "--batch-size", "2", "--no-progress"]
    assert main(["extract", str(src), "-o", str(tmp_path / "local.jsonl"), *common]) == 1
    out = tmp_path / "ray"
    assert main(["extract", str(src), "-o", str(out), "--engine", "ray", "--part-size", "3", *common]) == 1
    parts = sorted((out / "records").glob("part-*.jsonl"))
    assert len(parts) == 2
    assert b"".join(p.read_bytes() for p in parts) == (tmp_path / "local.jsonl").read_bytes()
    errors = b"".join(p.read_bytes() for p in sorted((out / "errors").glob("part-*.jsonl")))
    assert errors == (tmp_path / "local.errors.jsonl").read_bytes()


def test_partition_writer_resume_drops_incomplete_parts(tmp_path: Path) -> None:
    def oc(k: str, ok: bool = True) -> Outcome:
        return Outcome(key=k, record=json.dumps({"id": k}) if ok else None,
                       error=None if ok else {"path": k, "reason": "x"})

    w = PartitionWriter(tmp_path, "jsonl", resume=False, part_size=2)
    w.add([oc("a"), oc("b", ok=False)])
    w.add([oc("c")])
    assert w.error_count() == 1
    (tmp_path / "records" / "part-00001.jsonl").write_text('{"id": "c"}\n')  # crash before its manifest
    w2 = PartitionWriter(tmp_path, "jsonl", resume=True, part_size=2)
    assert w2.done == {"a", "b"} and w2.next_part == 1
    assert sorted(p.name for p in (tmp_path / "records").iterdir()) == ["part-00000.jsonl"]
    w2.add([oc("c")])
    w2.flush()
    assert (tmp_path / "records" / "part-00001.jsonl").read_text() == '{"id": "c"}\n'
    PartitionWriter(tmp_path, "jsonl", resume=False)
    assert not any((tmp_path / "records").iterdir())  # a fresh run starts clean
