"""``newsie`` command line: ``extract``, ``evaluate``, ``show`` and (with the ``[train]`` extra) ``train``.

Each runtime subcommand lives beside the code it drives and exposes two
functions, ``configure(parser)`` (cheap: no heavy imports) and ``run(args) -> int``,
so ``newsie --help`` imports neither spaCy nor torch.  ``train`` belongs to the
training tooling (:mod:`newsie.tooling`): its module is imported only when
``newsie train`` runs, which then parses its own options.

Diagnostics go through :mod:`logging` on stderr (``-v`` debug, ``-q`` warnings, ``-qq`` errors);
results go to stdout or the files named.  Also runnable as ``python -m newsie``.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from newsie import __version__

log = logging.getLogger("newsie")

#: subcommand -> (module, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("newsie.batch.cli", "extract entities and events from files or folders"),
    "evaluate": ("newsie.evaluate.cli", "score newsie (and baselines) against hand-labelled gold"),
    "train": ("newsie.tooling.cli", "build the training corpus and train the transformer NER (needs newsie[train])"),
    "show": ("newsie.render.cli", "write a self-contained HTML report for one article"),
}
#: subcommands whose module is imported only when they run (they parse their own options)
DELEGATED = frozenset({"train"})


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsie", description="Entities and structured event records from English news, offline."
    )
    parser.add_argument("--version", action="version", version=f"newsie {__version__}")
    add_logging_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        if name in DELEGATED:
            sub.add_parser(name, help=help_text, add_help=False)
            continue
        sp = sub.add_parser(name, help=help_text, description=help_text)
        add_logging_options(sp, suppress_defaults=True)
        module = importlib.import_module(module_name)
        module.configure(sp)
        sp.set_defaults(_run=module.run)
    return parser


def add_logging_options(parser: argparse.ArgumentParser, suppress_defaults: bool = False) -> None:
    """``-v``/``-q``, accepted before or after the subcommand (``newsie -v extract ...`` or ``newsie extract -v``)."""
    default = argparse.SUPPRESS if suppress_defaults else 0
    parser.add_argument("-v", "--verbose", action="count", default=default, help="debug diagnostics on stderr")
    parser.add_argument("-q", "--quiet", action="count", default=default, help="fewer diagnostics on stderr (-q: warnings and errors, -qq: errors)")


class _Formatter(logging.Formatter):
    """``newsie show: message`` for information, ``newsie show: warning: message`` above it."""

    def format(self, record: logging.LogRecord) -> str:
        where = record.name.replace(".", " ")
        level = "" if record.levelno < logging.WARNING else f"{record.levelname.lower()}: "
        return f"{where}: {level}{record.getMessage()}"


def setup_logging(verbose: int = 0, quiet: int = 0) -> None:
    """Diagnostics of the ``newsie`` loggers on stderr: INFO by default, DEBUG with -v, WARNING with -q, ERROR with -qq.

    Only newsie's loggers are configured: other libraries keep their own defaults.
    """
    level = logging.DEBUG if verbose else logging.INFO
    if quiet:
        level = logging.WARNING if quiet == 1 else logging.ERROR
    logger = logging.getLogger("newsie")
    for handler in list(logger.handlers):
        if getattr(handler, "_newsie_cli", False):
            logger.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    handler._newsie_cli = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False


def _missing_inputs(paths: Sequence[str]) -> list[str]:
    """Input paths of ``extract`` that do not exist (``-`` is stdin)."""
    return [p for p in paths if p != "-" and not Path(p).exists()]


def _run_delegated(name: str, argv: list[str]) -> int:
    """Parse and run a tooling subcommand with its own parser (``prog`` ``newsie NAME``)."""
    module_name = SUBCOMMANDS[name][0]
    try:
        module = importlib.import_module(module_name)
    except ImportError as err:
        log.error("%s needs the training tooling and its extra: pip install 'newsie[train]' (%s)", name, err)
        return 2
    parser = argparse.ArgumentParser(prog=f"newsie {name}", description=SUBCOMMANDS[name][1])
    add_logging_options(parser)
    module.configure(parser)
    args = parser.parse_args(argv)
    setup_logging(args.verbose, args.quiet)
    return int(module.run(args) or 0)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    command = getattr(args, "command", None)
    if command in DELEGATED:
        return _run_delegated(command, argv[argv.index(command) + 1:])
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    setup_logging(getattr(args, "verbose", 0), getattr(args, "quiet", 0))
    if not command:
        parser.print_help()
        return 0
    if command == "extract":
        missing = _missing_inputs(args.paths)
        if missing:  # before any model is loaded
            for path in missing:
                print(f"newsie extract: {path}: no such file or folder", file=sys.stderr)
            return 2
    return int(args._run(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
