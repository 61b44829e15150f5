"""``newsie extract``: files and folders (or stdin) -> JSONL / CSV / Parquet, with an errors file.

Exit status: 0 when every document was processed, 1 when at least one input
became an error record (the others are still written), 2 for usage errors.

Output policy for oversized inputs: a document longer than ``--max-chars``
(default 1,000,000 characters) is reported in the errors file and skipped,
never silently truncated; a file larger than 4 bytes per allowed character is
rejected without being read (and a read stops there whatever the file system
says its size is).

Safety of the outputs (issue #21): every flag value and every output path is
checked before anything is opened for writing; an exclusive lock per output
file (:mod:`newsie.batch.lock`) makes a second run on the same output exit 2
naming the holder's pid; the run's own output files are never read as inputs;
SIGINT/SIGTERM stop the workers, keep everything journaled, print how to
resume and exit 130/143.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import math
import os
import shlex
import signal
import stat
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

FORMATS = ("jsonl", "csv", "parquet")
#: Default ``--doc-timeout`` (seconds): generous, far above a long news article (seconds) and above a
#: 150k-word document on one core (minutes); it is there to stop a runaway document, not a slow one.
DEFAULT_DOC_TIMEOUT = 1800.0
#: Largest ``--max-chars``: above it one document alone would need many gigabytes in a worker.
MAX_MAX_CHARS = 100_000_000


def _iso_date(value: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from err


def _int_in(lo: int, hi: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError as err:
            raise argparse.ArgumentTypeError(f"not an integer: {value!r}") from err
        if not lo <= n <= hi:
            raise argparse.ArgumentTypeError(f"must be between {lo:,} and {hi:,}, not {n:,}")
        return n

    parse.__name__ = "integer"
    return parse


def _seconds(value: str) -> float:
    try:
        x = float(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from err
    if not math.isfinite(x) or x < 0:
        raise argparse.ArgumentTypeError(f"must be a finite number of seconds >= 0 (0: no limit), not {value!r}")
    return x


def _nonempty(value: str) -> str:
    if not value.strip():
        raise argparse.ArgumentTypeError("must not be empty")
    return value


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the options (cheap: no heavy imports)."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively); - is stdin")
    parser.add_argument("-o", "--output", default="-", metavar="OUT",
                        help="output file, or folder (existing or ending in /); - is stdout (JSONL only)")
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="output format (default: from OUT's suffix, else jsonl). CSV/Parquet: one row per "
                             "event in OUT and one row per entity in OUT with .entities before the suffix")
    parser.add_argument("--date", type=_iso_date, default=None,
                        help="article date for documents whose metadata and sidecar give none")
    parser.add_argument("--glob", type=_nonempty, default=None, metavar="PATTERN",
                        help="only files whose name matches (e.g. '*.txt'); default: all supported suffixes")
    parser.add_argument("--workers", type=_int_in(1, 256), default=1, help="worker processes (local engine)")
    parser.add_argument("--batch-size", type=_int_in(1, 10_000), default=16,
                        help="documents per batch (nlp.pipe inside a worker)")
    parser.add_argument("--resume", action="store_true", help="continue an interrupted run into the same OUT")
    parser.add_argument("--errors", type=_nonempty, default=None, metavar="ERRFILE",
                        help="JSONL of inputs that failed (default: OUT.errors.jsonl; stderr when OUT is -)")
    parser.add_argument("--max-chars", type=_int_in(1, MAX_MAX_CHARS), default=None,
                        help="longest document accepted; longer ones are errors, not truncated (default 1000000)")
    parser.add_argument("--doc-timeout", type=_seconds, default=DEFAULT_DOC_TIMEOUT, metavar="SECONDS",
                        help="a document still running after this long becomes an error record "
                             f"(default {DEFAULT_DOC_TIMEOUT:g}; 0: no limit)")
    parser.add_argument("--model", type=_nonempty, default=None,
                        help="NER model directory (default: models/newsie-ner)")
    parser.add_argument("--stdin-format", choices=("txt", "md", "html", "json", "jsonl"), default="txt",
                        help="how to read - (stdin)")
    for name in ("text", "id", "date", "title", "url"):
        parser.add_argument(f"--{name}-field", type=_nonempty, default=name, metavar="NAME",
                            help=f"JSON/JSONL field holding the {name}")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    parser.add_argument("--engine", choices=("local", "ray"), default="local", help="local processes or Ray")
    parser.add_argument("--address", type=_nonempty, default=None,
                        help="Ray cluster address (default: start a local Ray)")
    parser.add_argument("--actors", type=_int_in(1, 1024), default=2, help="Ray actors (one model load each)")
    parser.add_argument("--part-size", type=_int_in(1, 10_000_000), default=1000,
                        help="documents per output partition (--engine ray)")


def reader_options(args: argparse.Namespace, exclude: frozenset[str] = frozenset()):  # -> ReaderOptions
    """Reader options from the flags; ``exclude``: real paths of the run's own outputs (never inputs)."""
    from newsie.io.readers import DEFAULT_MAX_CHARS, JsonFields, ReaderOptions

    return ReaderOptions(
        default_date=args.date, glob=args.glob,
        max_chars=args.max_chars if args.max_chars is not None else DEFAULT_MAX_CHARS,
        fields=JsonFields(text=args.text_field, id=args.id_field, date=args.date_field, title=args.title_field,
                          url=args.url_field),
        stdin_format=args.stdin_format,
        exclude=exclude,
    )


def default_errors_path(out: Path) -> Path:
    """``results.jsonl`` -> ``results.errors.jsonl``."""
    return out.with_name(f"{out.stem}.errors.jsonl")


class Progress:
    """Documents, words/s and errors on stderr (bar only on a TTY) and the one-line summary."""

    def __init__(self, enabled: bool) -> None:
        self.docs = self.errors = self.words = 0
        self.start = time.perf_counter()
        self._bar = None
        if enabled:
            from tqdm import tqdm

            self._bar = tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True, desc="newsie extract")

    def update(self, outcomes: list) -> None:
        for o in outcomes:
            self.docs += 1
            self.words += o.words
            self.errors += 0 if o.ok else 1
        if self._bar is not None:
            secs = max(time.perf_counter() - self.start, 1e-9)
            self._bar.set_postfix(words_s=f"{self.words / secs:,.0f}", errors=self.errors, refresh=False)
            self._bar.update(len(outcomes))

    def summary(self, skipped: int = 0) -> str:
        if self._bar is not None:
            self._bar.close()
        secs = max(time.perf_counter() - self.start, 1e-9)
        extra = f", {skipped} already done (resumed)" if skipped else ""
        return (f"newsie extract: {self.docs - self.errors} documents ok, {self.errors} errors{extra}; "
                f"{self.words} words in {secs:.1f} s ({self.docs / secs:.2f} docs/s, {self.words / secs:,.0f} words/s)")


def _to_stream(batches: Iterator[list], out: TextIO, err: TextIO, progress: Progress) -> None:
    from newsie.batch.process import json_line

    for outcomes in batches:
        for o in outcomes:
            if o.record is not None:
                out.write(o.record + "\n")
            else:
                err.write(json_line(o.error) + "\n")
        out.flush()
        err.flush()
        progress.update(outcomes)


# ------------------------------------------------------------------ interruption
class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM, raised in the main thread so that the run unwinds through its ``finally`` blocks.

    A ``KeyboardInterrupt`` (not an ``Exception``) so that no per-document
    ``except Exception`` turns a stop request into an error record.
    """

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signal.Signals(signum).name)


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """SIGINT/SIGTERM raise :class:`Interrupted`; a second signal during the clean-up is ignored."""
    sigs = (signal.SIGINT, signal.SIGTERM)

    def on_signal(signum: int, _frame: Any) -> None:
        for s in sigs:
            signal.signal(s, signal.SIG_IGN)  # the clean-up (stop workers, close files) must not be cut short
        raise Interrupted(signum)

    try:
        previous = {s: signal.signal(s, on_signal) for s in sigs}
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def resume_hint() -> str:
    """The command to continue an interrupted run (this command with ``--resume``)."""
    argv = sys.argv[1:]
    if "extract" in argv:
        argv = argv[argv.index("extract"):]
        return shlex.join(["newsie", *argv, *([] if "--resume" in argv else ["--resume"])])
    return "the same newsie extract command with --resume"


def _interrupted_message(err: Interrupted, written: str) -> str:
    return f"newsie extract: interrupted by {signal.Signals(err.signum).name}; {written}"


# ------------------------------------------------------------------ validation
def check_args(args: argparse.Namespace) -> list[str]:
    """Problems with flag combinations and paths that argparse cannot see (each a full message)."""
    problems = []
    if args.paths.count("-") > 1:
        problems.append("stdin (-) can be given once")
    if args.model is not None and not (Path(args.model) / "config.json").is_file():
        problems.append(f"--model {args.model}: no newsie NER model there (expected config.json)")
    if args.address is not None and args.engine != "ray":
        problems.append("--address needs --engine ray")
    return problems


def _nearest_existing(path: Path) -> Path:
    p = path.absolute()
    while not p.exists() and p != p.parent:
        p = p.parent
    return p


def output_problems(targets: list[tuple[str, Path]], inputs: list[str]) -> list[str]:
    """Why the files a run would write cannot be written (checked before anything is opened).

    Each target must be a regular file or not exist yet, in a folder that exists
    or can be created and is writable, distinct from every other target and
    from every file given as an input.
    """
    problems: list[str] = []
    seen: dict[str, str] = {}
    input_files = {os.path.realpath(p) for p in inputs if p != "-" and os.path.isfile(p)}
    for what, path in targets:
        real = os.path.realpath(path)
        if real in seen:
            problems.append(f"the {what} {path} is the same file as the {seen[real]}")
            continue
        seen[real] = what
        if real in input_files:
            problems.append(f"the {what} {path} is also an input (it would be overwritten)")
        try:
            st = path.stat()
        except FileNotFoundError:
            st = None
        except OSError as err:
            problems.append(f"the {what} {path} cannot be written: {err.strerror or err}")
            continue
        if st is not None:
            if stat.S_ISDIR(st.st_mode):
                problems.append(f"the {what} {path} is a directory")
            elif not stat.S_ISREG(st.st_mode):
                problems.append(f"the {what} {path} is not a regular file")
            elif not os.access(path, os.W_OK):
                problems.append(f"the {what} {path} is not writable")
            continue
        anc = _nearest_existing(path.parent)
        if not anc.is_dir():
            problems.append(f"the {what} {path} cannot be created: {anc} is not a directory")
        elif not os.access(anc, os.W_OK | os.X_OK):
            problems.append(f"the {what} {path} cannot be created: {anc} is not writable")
    return problems


def run(args: argparse.Namespace) -> int:
    """Run the extraction; see the module docstring for the exit status."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from newsie.io.readers import iter_items

    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower().lstrip(".")
        fmt = suffix if suffix in FORMATS else "jsonl"
    problems = check_args(args)
    if args.output == "-":
        if fmt != "jsonl":
            problems.append("CSV/Parquet need -o FILE (two tables are written)")
        if args.resume:
            problems.append("--resume needs -o FILE")
        if args.engine == "ray":
            problems.append("--engine ray writes partitions: give -o OUTDIR")
        targets = [("errors file", Path(args.errors))] if args.errors else []
    elif args.engine == "ray":
        targets = [("output folder's partitions", Path(args.output) / "_partitions")]
    else:
        targets = output_layout(args.output, fmt, args.errors).targets()
    problems += output_problems(targets, args.paths)
    if problems:
        for p in problems:
            print(f"newsie extract: {p}", file=sys.stderr)
        return 2
    exclude = frozenset(os.path.realpath(p) for _, p in targets)
    if args.engine == "ray":
        exclude |= {os.path.realpath(args.output)}
    items = iter_items(args.paths, reader_options(args, exclude))
    progress = Progress(enabled=sys.stderr.isatty() and not args.no_progress)

    from newsie.batch.lock import LockBusy, OutputLock

    try:
        # The journal is named after the output, so the output's lock covers it: one lock file less.
        lock = OutputLock([p for what, p in targets if what in ("output", "errors file", "output folder's partitions")])
    except LockBusy as err:
        print(f"newsie extract: {err}; wait for it to finish or choose another output", file=sys.stderr)
        return 2
    except OSError as err:  # checked writable a moment ago; a race or a file system refusing locks
        print(f"newsie extract: cannot lock the output: {err}", file=sys.stderr)
        return 2
    try:
        with interruptible():
            return _dispatch(args, items, fmt, progress)
    except Interrupted as err:  # outside the record loop (model loading, table conversion)
        hint = f"to continue: {resume_hint()}" if args.output != "-" else "nothing to resume (-o -)"
        print(_interrupted_message(err, hint), file=sys.stderr)
        return 128 + err.signum
    finally:
        lock.release()


def _dispatch(args: argparse.Namespace, items: Any, fmt: str, progress: Progress) -> int:
    if args.engine == "ray":
        from newsie.batch.ray_engine import run_cli

        return run_cli(args, items, fmt, progress)

    from newsie.batch.engine import LocalEngine

    engine = LocalEngine(model=args.model, workers=args.workers, batch_size=args.batch_size,
                         doc_timeout=args.doc_timeout)
    if args.output == "-":
        err_fh: TextIO = open(args.errors, "w", encoding="utf-8") if args.errors else sys.stderr  # noqa: SIM115
        try:
            _to_stream(engine.run(items), sys.stdout, err_fh, progress)
        except Interrupted as err:
            print(_interrupted_message(err, f"{progress.docs} documents written"), file=sys.stderr)
            return 128 + err.signum
        finally:
            if err_fh is not sys.stderr:
                err_fh.close()
        print(progress.summary(), file=sys.stderr)
        return 1 if progress.errors else 0
    return _run_to_file(args, engine, items, fmt, progress)


@dataclass(frozen=True)
class Layout:
    """Where one run writes: the JSONL stream (final or staging), the tables, the errors file."""

    jsonl: Path
    tables: tuple[Path, Path] | None
    errors: Path

    def targets(self) -> list[tuple[str, Path]]:
        """Every file the run writes, named for messages (the journal lives beside ``jsonl``)."""
        from newsie.batch.resume import journal_path

        out = [("output", self.jsonl), ("errors file", self.errors), ("journal", journal_path(self.jsonl))]
        if self.tables is not None:
            out = [("output", self.tables[0]), ("entities table", self.tables[1]),
                   ("staging file", self.jsonl), *out[1:]]
        return out


def output_layout(output: str, fmt: str, errors: str | None = None) -> Layout:
    """Files for ``-o OUT``: a file name, or a folder (existing, or written with a trailing /).

    File: ``x.jsonl`` (+ ``x.errors.jsonl``) or ``x.csv`` + ``x.entities.csv``.
    Folder: ``records.jsonl`` or ``events.EXT`` + ``entities.EXT``, and ``errors.jsonl``.
    """
    from newsie.io.writers import table_paths

    out = Path(output)
    is_dir = output.endswith(("/", os.sep)) or out.is_dir()
    if is_dir:
        tables = (out / f"events.{fmt}", out / f"entities.{fmt}") if fmt != "jsonl" else None
        jsonl = out / "records.jsonl" if fmt == "jsonl" else out / f"events.{fmt}.partial.jsonl"
        err = out / "errors.jsonl"
    else:
        tables = table_paths(out) if fmt != "jsonl" else None
        jsonl = out if fmt == "jsonl" else out.with_name(out.name + ".partial.jsonl")
        err = default_errors_path(out)
    return Layout(jsonl=jsonl, tables=tables, errors=Path(errors) if errors else err)


def _run_to_file(args: argparse.Namespace, engine: Any, items: Any, fmt: str, progress: Progress) -> int:
    from newsie.batch.process import json_line
    from newsie.batch.resume import Journal
    from newsie.io.writers import read_jsonl, write_table

    layout = output_layout(args.output, fmt, args.errors)
    journal = Journal(layout.jsonl, layout.errors, resume=args.resume)
    skipped = len(journal.done)
    complete = False
    try:
        for outcomes in engine.run(items, skip=frozenset(journal.done)):
            journal.commit(
                [o.key for o in outcomes],
                [o.record for o in outcomes if o.record is not None],
                [json_line(o.error) for o in outcomes if o.error],
            )
            progress.update(outcomes)
        complete = True
    except Interrupted as err:
        written = f"{len(journal.done)} inputs done and journaled in {layout.jsonl}"
        print(_interrupted_message(err, f"{written}; to continue: {resume_hint()}"), file=sys.stderr)
        return 128 + err.signum
    finally:
        # For tables the journal outlives the conversion, so a crash during it can still --resume.
        journal.close(complete=complete and layout.tables is None)
    if layout.tables is not None:
        write_table(read_jsonl(layout.jsonl), *layout.tables, fmt)
        layout.jsonl.unlink()
        journal.path.unlink(missing_ok=True)
    print(progress.summary(skipped), file=sys.stderr)
    # Errors of an earlier, interrupted part of the run count too: the errors file is the truth.
    with layout.errors.open(encoding="utf-8") as fh:
        n_errors = sum(1 for line in fh if line.strip())
    return 1 if n_errors else 0


__all__ = ["configure", "run", "default_errors_path", "reader_options", "Progress", "output_layout", "Layout",
           "output_problems", "check_args", "interruptible", "Interrupted", "resume_hint", "DEFAULT_DOC_TIMEOUT"]
