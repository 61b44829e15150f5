"""The local engine: ordered, batched, optionally multi-process extraction with crash isolation.

Why this shape:

* Output order is the input order whatever the worker count, because results
  are consumed strictly in submission order (a small window of batches is in
  flight; a slow batch holds back only the writing, not the workers).
* Workers are ``spawn``-ed processes (fork after torch/thinc initialisation is
  unsafe), each loading the model once and using one torch thread; the
  per-document work is :func:`newsie.batch.process.process_batch`, the same
  function the Ray engine runs.
* A worker that dies (segfault, OOM kill) breaks the process pool.  The pool
  is rebuilt, the batch at the head of the queue is re-run one document at a
  time to find the document that kills the worker (it becomes an error record),
  and the rest is resubmitted: nobody else's records are lost.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from newsie.batch.process import (
    Outcome,
    error_outcome,
    failed,
    init_worker,
    worker_process_batch,
)
from newsie.io.readers import Item, ReadError, SourceDoc


@dataclass
class Unit:
    """A step of the ordered output: a batch of documents to process, or already-known outcomes."""

    docs: list[SourceDoc] = field(default_factory=list)
    done: list[Outcome] = field(default_factory=list)


def units(items: Iterable[Item], batch_size: int, skip: set[str] | frozenset[str] = frozenset()) -> Iterator[Unit]:
    """Group consecutive documents into batches; read errors stay at their place; skip done keys."""
    batch: list[SourceDoc] = []
    for item in items:
        if item.key in skip:
            continue
        if isinstance(item, ReadError):
            if batch:
                yield Unit(docs=batch)
                batch = []
            yield Unit(done=[error_outcome(item)])
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            yield Unit(docs=batch)
            batch = []
    if batch:
        yield Unit(docs=batch)


class LocalEngine:
    """Runs units in this process (``workers <= 1``) or in a pool of spawned processes."""

    def __init__(self, model: str | None = None, workers: int = 1, batch_size: int = 32,
                 window: int | None = None, doc_timeout: float = 0.0) -> None:
        self.model = model
        self.workers = max(1, int(workers))
        self.batch_size = max(1, int(batch_size))
        self.window = window or 2 * self.workers
        self.doc_timeout = max(0.0, float(doc_timeout))
        self.restarts = 0

    # ---------------------------------------------------------------- serial
    def _serial(self, stream: Iterable[Unit]) -> Iterator[list[Outcome]]:
        init_worker(self.model, threads=1)
        for unit in stream:
            yield unit.done if not unit.docs else worker_process_batch(unit.docs, self.batch_size, self.doc_timeout)

    # -------------------------------------------------------------- parallel
    def _pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=mp.get_context("spawn"), initializer=init_worker,
                                   initargs=(self.model, 1, True))

    def _parallel(self, stream: Iterable[Unit]) -> Iterator[list[Outcome]]:
        pool = self._pool()
        pending: deque[tuple[Unit, Future | None]] = deque()

        def submit(unit: Unit) -> Future | None:
            if not unit.docs:
                return None
            return pool.submit(worker_process_batch, unit.docs, self.batch_size, self.doc_timeout)

        def head() -> list[Outcome]:
            nonlocal pool
            unit, fut = pending.popleft()
            if fut is None:
                return unit.done
            try:
                return fut.result()
            except BrokenProcessPool:
                pool = self._restart(pool)
                out = []
                for doc in unit.docs:  # find the document that kills its worker
                    try:
                        (outcome,) = pool.submit(worker_process_batch, [doc], self.batch_size,
                                                 self.doc_timeout).result()
                    except BrokenProcessPool:
                        pool = self._restart(pool)
                        outcome = failed(doc, "worker process died while processing this document")
                    out.append(outcome)
                for i, (u, _f) in enumerate(pending):
                    pending[i] = (u, submit(u))
                return out

        try:
            for unit in stream:
                pending.append((unit, submit(unit)))
                while len(pending) >= self.window:
                    yield head()
            while pending:
                yield head()
        except BaseException:
            # Interrupted (SIGINT/SIGTERM turned into an exception), or the consumer stopped
            # (GeneratorExit): nothing more will be written, so the workers are stopped now
            # instead of finishing (or hanging on) batches nobody will read.
            stop_workers(pool)
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _restart(self, pool: ProcessPoolExecutor) -> ProcessPoolExecutor:
        pool.shutdown(wait=True, cancel_futures=True)
        self.restarts += 1
        return self._pool()

    def run(self, items: Iterable[Item], skip: set[str] | frozenset[str] = frozenset()) -> Iterator[list[Outcome]]:
        """Outcomes of ``items`` in input order, one list per unit (the granularity of journal commits)."""
        stream = units(items, self.batch_size, skip)
        if self.workers <= 1:
            yield from self._serial(stream)
        else:
            yield from self._parallel(stream)


def stop_workers(pool: ProcessPoolExecutor, grace: float = 5.0) -> None:
    """Terminate a pool's worker processes (SIGTERM, then SIGKILL after ``grace`` seconds)."""
    procs = list((getattr(pool, "_processes", None) or {}).values())  # the executor exposes no public handle
    for p in procs:
        if p.is_alive():
            p.terminate()
    for p in procs:
        p.join(grace)
        if p.is_alive():
            p.kill()
            p.join(grace)


__all__ = ["LocalEngine", "Unit", "units", "stop_workers"]
