"""``newsie extract``: files and folders (or stdin) -> JSONL / CSV / Parquet, with an errors file.

Exit status: 0 when every document was processed, 1 when at least one input
became an error record (the others are still written), 2 for usage errors.

Output policy for oversized inputs: a document longer than ``--max-chars``
(default 1,000,000 characters) is reported in the errors file and skipped,
never silently truncated; a file larger than 4 bytes per allowed character is
rejected without being read.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

FORMATS = ("jsonl", "csv", "parquet")


def _iso_date(value: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from err


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
    parser.add_argument("--glob", default=None, metavar="PATTERN",
                        help="only files whose name matches (e.g. '*.txt'); default: all supported suffixes")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (local engine)")
    parser.add_argument("--batch-size", type=int, default=16, help="documents per batch (nlp.pipe inside a worker)")
    parser.add_argument("--resume", action="store_true", help="continue an interrupted run into the same OUT")
    parser.add_argument("--errors", default=None, metavar="ERRFILE",
                        help="JSONL of inputs that failed (default: OUT.errors.jsonl; stderr when OUT is -)")
    parser.add_argument("--max-chars", type=int, default=None,
                        help="longest document accepted; longer ones are errors, not truncated (default 1000000)")
    parser.add_argument("--model", default=None, help="NER model directory (default: models/newsie-ner)")
    parser.add_argument("--stdin-format", choices=("txt", "md", "html", "json", "jsonl"), default="txt",
                        help="how to read - (stdin)")
    for name in ("text", "id", "date", "title", "url"):
        parser.add_argument(f"--{name}-field", default=name, metavar="NAME",
                            help=f"JSON/JSONL field holding the {name}")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    parser.add_argument("--engine", choices=("local", "ray"), default="local", help="local processes or Ray")
    parser.add_argument("--address", default=None, help="Ray cluster address (default: start a local Ray)")
    parser.add_argument("--actors", type=int, default=2, help="Ray actors (one model load each)")
    parser.add_argument("--part-size", type=int, default=1000,
                        help="documents per output partition (--engine ray)")


def reader_options(args: argparse.Namespace):  # -> ReaderOptions
    from newsie.io.readers import DEFAULT_MAX_CHARS, JsonFields, ReaderOptions

    return ReaderOptions(
        default_date=args.date, glob=args.glob,
        max_chars=args.max_chars if args.max_chars is not None else DEFAULT_MAX_CHARS,
        fields=JsonFields(text=args.text_field, id=args.id_field, date=args.date_field, title=args.title_field,
                          url=args.url_field),
        stdin_format=args.stdin_format,
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
    for outcomes in batches:
        for o in outcomes:
            if o.record is not None:
                out.write(o.record + "\n")
            else:
                err.write(json.dumps(o.error, ensure_ascii=False, separators=(",", ":")) + "\n")
        out.flush()
        err.flush()
        progress.update(outcomes)


def run(args: argparse.Namespace) -> int:
    """Run the extraction; see the module docstring for the exit status."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from newsie.io.readers import iter_items

    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower().lstrip(".")
        fmt = suffix if suffix in FORMATS else "jsonl"
    if args.workers < 1 or args.batch_size < 1:
        print("newsie extract: --workers and --batch-size must be >= 1", file=sys.stderr)
        return 2
    if args.paths.count("-") > 1:
        print("newsie extract: stdin (-) can be given once", file=sys.stderr)
        return 2
    items = iter_items(args.paths, reader_options(args))
    progress = Progress(enabled=sys.stderr.isatty() and not args.no_progress)

    if args.engine == "ray":
        from newsie.batch.ray_engine import run_cli

        return run_cli(args, items, fmt, progress)

    from newsie.batch.engine import LocalEngine

    engine = LocalEngine(model=args.model, workers=args.workers, batch_size=args.batch_size)
    if args.output == "-":
        if fmt != "jsonl":
            print("newsie extract: CSV/Parquet need -o FILE (two tables are written)", file=sys.stderr)
            return 2
        if args.resume:
            print("newsie extract: --resume needs -o FILE", file=sys.stderr)
            return 2
        err_fh: TextIO = open(args.errors, "w", encoding="utf-8") if args.errors else sys.stderr  # noqa: SIM115
        try:
            _to_stream(engine.run(items), sys.stdout, err_fh, progress)
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
                [json.dumps(o.error, ensure_ascii=False, separators=(",", ":")) for o in outcomes if o.error],
            )
            progress.update(outcomes)
        complete = True
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


__all__ = ["configure", "run", "default_errors_path", "reader_options", "Progress", "output_layout", "Layout"]
