"""The Ray engine: a pool of stateful actors (one model load each) and partitioned, resumable output.

Why actors and not tasks: a task would load the pipeline on every call; an
actor loads it once and then serves batches (``nlp.pipe`` inside, through the
same :func:`newsie.batch.process.process_batch` the local engine runs).

Fault tolerance: actors are created with ``max_restarts=-1`` and
``max_task_retries``: if a worker process dies, Ray restarts the actor (one
model load) and re-runs the batch it was processing; as a unit's outcomes are
only written when its result arrives, a retry never duplicates a record.  A
batch that still fails after the retries (a document that kills every worker
that touches it) is re-run one document at a time and only the culprit becomes
an error record.

Output (``-o OUTDIR``): every ``part_size`` documents the driver writes one
partition, atomically: ``records/part-NNNNN.jsonl`` (or ``events/`` and
``entities/`` ``part-NNNNN.parquet``/``.csv``), ``errors/part-NNNNN.jsonl``,
and last ``_manifest/part-NNNNN.json`` (the keys it holds).  A partition
without a manifest is incomplete; ``--resume`` deletes it and skips the keys
of complete ones.  Concatenating the JSONL parts in name order gives exactly
the local engine's JSONL.
"""

from __future__ import annotations

import json
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from newsie.batch.engine import Unit, units
from newsie.batch.process import Outcome, failed, init_worker, json_line, worker_process_batch
from newsie.io.readers import Item

DEFAULT_PART_SIZE = 1000


def _ray():  # noqa: ANN202 - the ray module
    try:
        import ray
    except ImportError as err:
        raise RuntimeError("the Ray engine needs the optional extra: pip install 'newsie[ray]'") from err
    return ray


class _Extractor:
    """Actor body: one pipeline per actor process."""

    def __init__(self, model: str | None) -> None:
        init_worker(model, threads=1)

    def process(self, docs: list, batch_size: int, doc_timeout: float = 0.0) -> list[Outcome]:
        return worker_process_batch(docs, batch_size, doc_timeout)

    def pid(self) -> int:
        return os.getpid()


class RayEngine:
    """Ordered extraction over a pool of Ray actors (same outcomes as :class:`LocalEngine`)."""

    def __init__(self, model: str | None = None, actors: int = 2, batch_size: int = 16, address: str | None = None,
                 max_task_retries: int = 2, window: int | None = None, init_kwargs: dict[str, Any] | None = None,
                 startup_timeout: float = 900.0, doc_timeout: float = 0.0) -> None:
        ray = _ray()
        self._owns_ray = not ray.is_initialized()  # only a Ray we started is stopped by shutdown()
        if self._owns_ray:
            kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                                      "ignore_reinit_error": True}
            if address:
                kwargs["address"] = address
            else:
                kwargs.update(num_cpus=max(actors, 1), object_store_memory=256 * 1024 * 1024)
            kwargs.update(init_kwargs or {})
            ray.init(**kwargs)
        self.batch_size = max(1, int(batch_size))
        self.doc_timeout = max(0.0, float(doc_timeout))
        self.window = window or 2 * max(actors, 1)
        remote = ray.remote(num_cpus=1, max_restarts=-1, max_task_retries=max_task_retries)(_Extractor)
        self.actors = [remote.remote(model) for _ in range(max(1, actors))]
        self._next = 0
        try:  # fail loudly rather than wait forever for actors the cluster cannot place or start
            ray.get([a.pid.remote() for a in self.actors], timeout=startup_timeout)
        except ray.exceptions.GetTimeoutError as err:
            self.shutdown()
            raise RuntimeError(f"{len(self.actors)} Ray actors did not start within {startup_timeout:.0f} s "
                               "(not enough free CPUs on the cluster?)") from err

    def pids(self) -> list[int]:
        """Process ids of the actors (tests kill one to check retries)."""
        ray = _ray()
        return ray.get([a.pid.remote() for a in self.actors])

    def _submit(self, docs: list) -> Any:
        actor = self.actors[self._next % len(self.actors)]
        self._next += 1
        return actor.process.remote(docs, self.batch_size, self.doc_timeout)

    def _collect(self, unit: Unit, ref: Any) -> list[Outcome]:
        ray = _ray()
        if ref is None:
            return unit.done
        try:
            return ray.get(ref)
        except (ray.exceptions.RayActorError, ray.exceptions.WorkerCrashedError):
            out = []
            for doc in unit.docs:  # find the document that kills its worker
                try:
                    (outcome,) = ray.get(self._submit([doc]))
                except (ray.exceptions.RayActorError, ray.exceptions.WorkerCrashedError):
                    outcome = failed(doc, "worker process died while processing this document")
                out.append(outcome)
            return out

    def run(self, items: Iterable[Item], skip: set[str] | frozenset[str] = frozenset()) -> Iterator[list[Outcome]]:
        """Outcomes of ``items`` in input order, one list per unit."""
        pending: deque[tuple[Unit, Any]] = deque()
        for unit in units(items, self.batch_size, skip):
            pending.append((unit, self._submit(unit.docs) if unit.docs else None))
            while len(pending) >= self.window:
                yield self._collect(*pending.popleft())
        while pending:
            yield self._collect(*pending.popleft())

    def shutdown(self) -> None:
        ray = _ray()
        for a in self.actors:
            ray.kill(a)
        self.actors = []
        if self._owns_ray:
            ray.shutdown()


# --------------------------------------------------------------- partitioned output
class PartitionWriter:
    """Atomic partitions with manifests; see the module docstring for the layout."""

    def __init__(self, out: Path, fmt: str, *, resume: bool, part_size: int = DEFAULT_PART_SIZE) -> None:
        self.out, self.fmt, self.part_size = out, fmt, max(1, part_size)
        self.manifests = out / "_manifest"
        self.done: set[str] = set()
        self.next_part = 0
        subdirs = ["records"] if fmt == "jsonl" else ["events", "entities"]
        self.dirs = [out / d for d in subdirs]
        for d in [*self.dirs, out / "errors", self.manifests]:
            d.mkdir(parents=True, exist_ok=True)
        if resume:
            for m in sorted(self.manifests.glob("part-*.json")):
                self.done.update(json.loads(m.read_text(encoding="utf-8"))["keys"])
                self.next_part = max(self.next_part, int(m.stem.split("-")[1]) + 1)
        complete = {m.stem for m in self.manifests.glob("part-*.json")} if resume else set()
        for d in [*self.dirs, out / "errors", self.manifests]:
            for p in d.iterdir():
                if p.name.split(".")[0] not in complete or p.name.endswith(".tmp"):
                    p.unlink()  # incomplete (or, without --resume, earlier) partitions
        self._buf: list[Outcome] = []

    def add(self, outcomes: list[Outcome]) -> None:
        self._buf.extend(outcomes)
        if len(self._buf) >= self.part_size:
            self.flush()

    def flush(self) -> None:
        if not self._buf:
            return
        from newsie.io.writers import write_table

        name = f"part-{self.next_part:05d}"
        records = [o.record for o in self._buf if o.record is not None]
        errors = [json_line(o.error) for o in self._buf if o.error]
        if self.fmt == "jsonl":
            _atomic_text(self.dirs[0] / f"{name}.jsonl", records)
        else:
            write_table((json.loads(r) for r in records), self.dirs[0] / f"{name}.{self.fmt}",
                        self.dirs[1] / f"{name}.{self.fmt}", self.fmt)
        _atomic_text(self.out / "errors" / f"{name}.jsonl", errors)
        manifest = {"keys": [o.key for o in self._buf], "records": len(records), "errors": len(errors)}
        _atomic_text(self.manifests / f"{name}.json", [json.dumps(manifest)])
        self.done.update(manifest["keys"])
        self.next_part += 1
        self._buf = []

    def error_count(self) -> int:
        return sum(json.loads(m.read_text(encoding="utf-8"))["errors"] for m in self.manifests.glob("part-*.json"))


def _atomic_text(path: Path, lines: list[str]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.writelines(line + "\n" for line in lines)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def run_cli(args: Any, items: Iterable[Item], fmt: str, progress: Any) -> int:
    """``newsie extract --engine ray``: write partitions under ``-o OUTDIR``."""
    if args.output == "-":
        print("newsie extract: --engine ray writes partitions: give -o OUTDIR", file=sys.stderr)
        return 2
    try:
        engine = RayEngine(model=args.model, actors=args.actors, batch_size=args.batch_size, address=args.address,
                           doc_timeout=getattr(args, "doc_timeout", 0.0))
    except RuntimeError as err:
        print(f"newsie extract: {err}", file=sys.stderr)
        return 2
    writer = PartitionWriter(Path(args.output), fmt, resume=args.resume,
                             part_size=getattr(args, "part_size", None) or DEFAULT_PART_SIZE)
    skipped = len(writer.done)
    try:
        for outcomes in engine.run(items, skip=frozenset(writer.done)):
            writer.add(outcomes)
            progress.update(outcomes)
        writer.flush()
    finally:
        engine.shutdown()
    print(progress.summary(skipped), file=sys.stderr)
    return 1 if writer.error_count() else 0


__all__ = ["RayEngine", "PartitionWriter", "run_cli", "DEFAULT_PART_SIZE"]
