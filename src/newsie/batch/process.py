"""The one per-document processing function, shared by every engine (local processes, Ray actors).

Why one function: the local engine and the Ray engine must produce the same
records and the same per-document error records for the same input; keeping
the pipeline call, the serialisation and the error isolation here makes that
true by construction rather than by two copies kept in sync.

:func:`process_batch` runs ``nlp.pipe`` over a batch (through
:func:`newsie.api.extract_many`, so there is no second pipeline driver).  If
the batch raises, every document of the batch is re-run alone, so one bad
document becomes one error record and never costs the others their records.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language

from newsie.api import extract_many
from newsie.io.readers import ReadError, SourceDoc
from newsie.schema import Result

#: Environment variable for fault injection in tests: ``raise:MARK`` makes any
#: document containing MARK raise inside the pipeline, ``exit:MARK`` kills the
#: worker process (``os._exit``), as a segfault in a native library would;
#: ``sleep:MARK`` slows such documents by 0.5 s (to kill a run mid-way);
#: ``hang:MARK`` makes them run for 60 s (a runaway document, for ``--doc-timeout``).
#: Several entries are separated by ``;``.  Unset in normal use.
FAULT_ENV = "NEWSIE_FAULT_INJECT"


@dataclass(frozen=True)
class Outcome:
    """What became of one input: a JSON record line or an error dict (never both)."""

    key: str
    record: str | None = None
    error: dict[str, Any] | None = None
    words: int = 0

    @property
    def ok(self) -> bool:
        return self.record is not None


def json_line(data: Any) -> str:
    """Compact JSON (no newline) that is always valid UTF-8.

    Non-ASCII stays readable; a string UTF-8 cannot encode (a lone surrogate
    from a library caller or an exception message) falls back to ``\\uXXXX``
    escapes for that line instead of crashing the writer for the whole run.
    """
    line = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return line


def result_line(result: Result) -> str:
    """One compact, deterministic JSON line (no newline) for a :class:`Result`.

    ``text`` is left out unless it was asked for: the input already holds it and
    it would double the output size.
    """
    data = result.model_dump(mode="json", exclude={"text"} if result.text is None else set())
    return json_line(data)


class DocTimeout(Exception):
    """A document (or batch) ran past ``--doc-timeout``."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`DocTimeout` in this thread after ``seconds`` (0: no limit).

    Uses ``SIGALRM``, so it works only in a process's main thread (the local
    engine's workers and the serial engine); elsewhere (a Ray actor's thread)
    it is a no-op and documents run without a limit.  The alarm interrupts
    Python code between bytecodes, which is where every newsie rule loop runs;
    a single long native call (one transformer window) finishes first.
    """
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def on_alarm(_signum: int, _frame: Any) -> None:
        raise DocTimeout(f"document took longer than --doc-timeout {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def error_outcome(item: ReadError) -> Outcome:
    """A read error as an :class:`Outcome`, so engines keep reader errors in input order."""
    return Outcome(key=item.key, error=item.to_dict())


def _faults() -> list[tuple[str, str]]:
    spec = os.environ.get(FAULT_ENV, "")
    out = []
    for part in spec.split(";"):
        kind, _, mark = part.partition(":")
        if kind in ("raise", "exit", "sleep", "hang") and mark:
            out.append((kind, mark))
    return out


def _inject(docs: Sequence[SourceDoc]) -> None:
    faults = _faults()
    if not faults:
        return
    for doc in docs:
        for kind, mark in faults:
            if mark in doc.text:
                if kind == "exit":
                    os._exit(70)
                if kind in ("sleep", "hang"):
                    time.sleep(0.5 if kind == "sleep" else 60)
                    continue
                raise RuntimeError(f"injected fault ({mark})")


def _run(nlp: Language, docs: Sequence[SourceDoc], batch_size: int, doc_timeout: float = 0.0) -> list[str]:
    longest = max(len(d.text) for d in docs)
    if longest >= nlp.max_length:
        # The reader already enforced --max-chars; spaCy's own guard (E088) must not reject what it let through.
        nlp.max_length = longest + 1
    with time_limit(doc_timeout * len(docs)):
        _inject(docs)
        items = [{"text": d.text, **d.meta()} for d in docs]
        return [result_line(r) for r in extract_many(items, nlp=nlp, batch_size=batch_size)]


def process_batch(nlp: Language, docs: Sequence[SourceDoc], batch_size: int = 32,
                  doc_timeout: float = 0.0) -> list[Outcome]:
    """Run the pipeline over ``docs``; one :class:`Outcome` per document, in order.

    A failing batch is retried document by document so that only the document
    that fails is reported (stage ``process``) and the rest keep their records.
    ``doc_timeout`` (seconds, 0 = none) bounds each document: a batch gets
    ``doc_timeout`` per document, and on a time-out each document is re-run
    with its own limit, so only the runaway document becomes an error record.
    """
    if not docs:
        return []
    try:
        lines = _run(nlp, docs, batch_size, doc_timeout)
    except Exception:  # noqa: BLE001 - isolate below, per document
        lines = None
    if lines is not None and len(lines) == len(docs):
        return [Outcome(key=d.key, record=line, words=d.words) for d, line in zip(docs, lines, strict=True)]
    out: list[Outcome] = []
    for d in docs:
        try:
            (line,) = _run(nlp, [d], batch_size, doc_timeout)
            out.append(Outcome(key=d.key, record=line, words=d.words))
        except Exception as err:  # noqa: BLE001 - a document's failure is data, not a crash
            out.append(failed(d, f"{type(err).__name__}: {err}"))
    return out


def failed(doc: SourceDoc, reason: str) -> Outcome:
    """An error outcome for a document that could not be processed."""
    err = ReadError(path=doc.path, reason=reason, id=doc.id, stage="process")
    return Outcome(key=doc.key, error=err.to_dict(), words=doc.words)


# ------------------------------------------------------- per-process model cache
_STATE: dict[str, Any] = {}


def _die_with_parent() -> None:
    """Linux: have the kernel send SIGTERM to this worker when its parent dies (even by SIGKILL).

    Why: a worker of a parent killed outright used to keep running, holding
    its ~600 MB, until it tried to report back.
    """
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, int(signal.SIGTERM), 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the parent's shutdown path still ends the workers
        pass


def init_worker(model: str | None = None, threads: int = 1, pool_worker: bool = False) -> None:
    """Per-process set-up: ``threads`` NER threads (workers are the parallelism) and one model load.

    The NER component picks its own thread count when it loads (``NEWSIE_THREADS``
    or up to 4), which used to override the worker's 1 and made each worker use
    two cores: ``--workers 2`` then ran four busy threads on two cores and
    scaled badly.  The count is now passed through the environment variable the
    component reads when it creates its ONNX Runtime session (or sets torch's
    threads, on the PyTorch runtime), and torch's count is set again after the
    load when torch is in the process (spaCy's thinc imports it when installed).
    """
    import os
    import sys

    if pool_worker:
        # The parent owns interruption: Ctrl-C reaches the whole process group, and a worker that
        # raised KeyboardInterrupt mid-batch would only add a traceback; the parent stops the workers.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        _die_with_parent()
    os.environ["NEWSIE_THREADS"] = str(threads)
    from newsie.pipeline import load

    _STATE["nlp"] = load(model)
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(threads)


def worker_process_batch(docs: Sequence[SourceDoc], batch_size: int, doc_timeout: float = 0.0) -> list[Outcome]:
    """:func:`process_batch` with this process's model (set up by :func:`init_worker`)."""
    if "nlp" not in _STATE:
        init_worker()
    return process_batch(_STATE["nlp"], docs, batch_size, doc_timeout)


__all__ = ["Outcome", "process_batch", "result_line", "json_line", "error_outcome", "failed", "init_worker",
           "worker_process_batch", "time_limit", "DocTimeout", "FAULT_ENV"]
