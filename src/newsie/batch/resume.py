"""Crash-safe incremental output with a journal, so ``--resume`` after ``kill -9`` loses and repeats nothing.

How: records are appended to the output (and error) file in input order; after
each unit's lines are flushed, one journal line records the keys of the
documents just written and the byte sizes of both files at that point.  The
journal line is written only after the data it describes, so after any crash
the last complete journal line describes a consistent prefix: on resume both
files are truncated back to the sizes it recorded (dropping a half-written
record), and documents whose key (id + content hash) is in the journal are
skipped.  An unchanged input therefore yields byte-for-byte the output of an
uninterrupted run.  The journal is removed when the run completes.

A fresh run opens (and so truncates) its files only when it has something to
write, or when it completes: a run that fails before its first record (model
not found, interrupted while loading) leaves an existing output untouched.
Callers hold the output's lock (:mod:`newsie.batch.lock`) around a Journal.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path


def journal_path(out: Path) -> Path:
    return out.with_name(out.name + ".journal")


class Journal:
    """Owns the output file, the errors file and their journal for one run."""

    def __init__(self, out: Path, errors: Path, *, resume: bool, durable: bool = True) -> None:
        self.out_path, self.err_path = out, errors
        self.path = journal_path(out)
        self.durable = durable
        self.done: set[str] = set()
        self.resumed = False
        self._sizes = (0, 0, 0)
        self._files: tuple[_Text, _Text, _Text] | None = None
        if resume and self.path.exists():
            self._sizes = self._replay()
            self.resumed = True
            self._open()  # drop the unjournaled tail now: it is garbage whatever happens next
        elif resume:
            print(f"newsie extract: no journal at {self.path}; starting from scratch", file=sys.stderr)

    def _open(self) -> tuple[_Text, _Text, _Text]:
        if self._files is None:
            out_size, err_size, good_journal = self._sizes
            self.out_path.parent.mkdir(parents=True, exist_ok=True)
            self.err_path.parent.mkdir(parents=True, exist_ok=True)
            self._files = (_open_at(self.out_path, out_size), _open_at(self.err_path, err_size),
                           _open_at(self.path, good_journal))
        return self._files

    def _replay(self) -> tuple[int, int, int]:
        """Read the complete journal lines: done keys, file sizes to truncate to, journal size."""
        out_size = err_size = good = 0
        with self.path.open("rb") as fh:
            for raw in fh:
                if not raw.endswith(b"\n"):
                    break  # half-written journal line: the data it would describe is dropped
                try:
                    entry = json.loads(raw)
                except json.JSONDecodeError:
                    break
                self.done.update(entry["keys"])
                out_size, err_size = entry["out"], entry["err"]
                good += len(raw)
        for p, size in ((self.out_path, out_size), (self.err_path, err_size)):
            actual = p.stat().st_size if p.exists() else 0
            if actual < size:
                raise RuntimeError(f"cannot resume: {p} is shorter ({actual} B) than its journal says ({size} B)")
        return out_size, err_size, good

    def commit(self, keys: Iterable[str], records: Iterable[str], errors: Iterable[str]) -> None:
        """Append lines (without newlines) and then the journal entry describing them."""
        keys = list(keys)
        out, err, jnl = self._open()
        for fh, lines in ((out, records), (err, errors)):
            for line in lines:
                fh.write(line + "\n")
            fh.flush()
            if self.durable:
                os.fsync(fh.fileno())
        entry = {"keys": keys, "out": out.tell(), "err": err.tell()}
        jnl.write(json.dumps(entry, ensure_ascii=True, separators=(",", ":")) + "\n")
        jnl.flush()
        if self.durable:
            os.fsync(jnl.fileno())
        self.done.update(keys)

    def close(self, *, complete: bool) -> None:
        """Close the files; ``complete`` creates them if nothing was written and removes the journal."""
        files = self._open() if complete else self._files
        for fh in files or ():
            fh.close()
        self._files = None
        if complete:
            self.path.unlink(missing_ok=True)


def _open_at(path: Path, size: int) -> _Text:
    """Open ``path`` for appending after truncating it to ``size`` bytes (0: a fresh file)."""
    fh = path.open("a+b")
    fh.truncate(size)
    fh.seek(size)
    return _Text(fh)


class _Text:
    """Minimal text wrapper over a binary file whose ``tell()`` is a byte offset (TextIOWrapper's is not)."""

    def __init__(self, fh) -> None:  # noqa: ANN001 - a binary file object
        self._fh = fh

    def write(self, s: str) -> int:
        return self._fh.write(s.encode("utf-8"))

    def flush(self) -> None:
        self._fh.flush()

    def fileno(self) -> int:
        return self._fh.fileno()

    def tell(self) -> int:
        return self._fh.tell()

    def close(self) -> None:
        self._fh.close()


__all__ = ["Journal", "journal_path"]
