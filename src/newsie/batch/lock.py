"""One writer per output: an advisory ``flock`` beside each file a run writes, naming its holder.

Why: two ``newsie extract`` runs on the same ``-o`` used to interleave their
appends and journals, silently writing every record twice.  Each run now takes
an exclusive, non-blocking ``fcntl.flock`` on ``FILE.lock`` for every file it
writes (output, errors file; the journal and table staging files are named
after the output, so they are covered by its lock) *before* it opens anything
for writing.  A second run finds the lock taken and stops with exit status 2,
naming the holder's pid, which the holder writes into the lock file.

The kernel releases a ``flock`` when its holder dies (even by SIGKILL), so a
crashed run never leaves a stale lock behind: the lock *file* may stay, but it
is free, and ``--resume`` takes it again.  Locks are advisory: they stop other
``newsie`` runs, not other programs.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path


class LockBusy(Exception):
    """Another process holds the lock of an output."""

    def __init__(self, target: Path, lock: Path, holder: str) -> None:
        self.target, self.lock, self.holder = target, lock, holder
        super().__init__(f"{target} is being written by another newsie run ({holder}; lock file {lock})")


def lock_path(target: Path) -> Path:
    return target.with_name(target.name + ".lock")


class OutputLock:
    """Exclusive locks on the lock files of ``targets``, taken all or none, released by :meth:`release`."""

    def __init__(self, targets: list[Path]) -> None:
        self._held: list[tuple[Path, int]] = []
        seen: set[str] = set()
        try:
            for target in targets:
                lock = lock_path(target)
                key = os.path.realpath(lock)
                if key in seen:
                    continue
                seen.add(key)
                self._held.append((lock, _acquire(target, lock)))
        except BaseException:
            self.release(remove=False)
            raise

    def release(self, remove: bool = True) -> None:
        """Drop the locks; ``remove`` deletes the lock files too (a finished run leaves no trace)."""
        for lock, fd in reversed(self._held):
            if remove:
                with contextlib.suppress(OSError):
                    if os.fstat(fd).st_ino == os.stat(lock).st_ino:
                        lock.unlink()
            os.close(fd)
        self._held = []

    def __enter__(self) -> OutputLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _acquire(target: Path, lock: Path) -> int:
    """Lock ``lock`` (creating it), write our pid into it; raise :class:`LockBusy` naming the holder."""
    lock.parent.mkdir(parents=True, exist_ok=True)  # an output folder still to be made (creates, truncates nothing)
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise LockBusy(target, lock, holder) from None
        except BaseException:
            os.close(fd)
            raise
        # A holder that finished may have unlinked the file between our open and our flock:
        # then we hold a lock on a deleted inode that nobody else will see; try again.
        try:
            same = os.fstat(fd).st_ino == os.stat(lock).st_ino
        except FileNotFoundError:
            same = False
        if same:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"pid {os.getpid()}\n".encode(), 0)
            return fd
        os.close(fd)


def _read_holder(fd: int) -> str:
    try:
        text = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    except OSError:
        text = ""
    return text or "pid unknown"


__all__ = ["OutputLock", "LockBusy", "lock_path"]
