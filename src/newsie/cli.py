"""``newsie`` command line: ``extract``, ``evaluate``, ``train``, ``show``.

Each subcommand lives beside the code it drives and exposes two functions,
``configure(parser)`` (cheap: no heavy imports) and ``run(args) -> int``, so
``newsie --help`` stays fast and the subpackages own their options.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from newsie import __version__

#: subcommand -> (module, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("newsie.batch.cli", "extract entities and events from files or folders"),
    "evaluate": ("newsie.evaluate.cli", "score newsie (and baselines) against hand-labelled gold"),
    "train": ("newsie.ner.cli", "build the training corpus and train the transformer NER"),
    "show": ("newsie.render.cli", "write a self-contained HTML report for one article"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsie", description="Entities and structured event records from English news, offline."
    )
    parser.add_argument("--version", action="version", version=f"newsie {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        sp = sub.add_parser(name, help=help_text, description=help_text)
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as err:
            if err.name != module_name:
                raise
            sp.set_defaults(_run=_missing(name))
            continue
        module.configure(sp)
        sp.set_defaults(_run=module.run)
    return parser


def _missing(name: str):
    def run(_args: argparse.Namespace) -> int:
        print(f"newsie {name}: not available in this build", file=sys.stderr)
        return 2

    return run


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 0
    return int(args._run(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
