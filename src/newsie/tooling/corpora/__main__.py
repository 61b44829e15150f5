"""``python -m newsie.tooling.corpora build --corpora ../shared/corpora --out runs/corpus [--no-silver]``.

``python -m newsie.tooling.corpora prune runs/corpus --out runs/corpus-pruned`` applies the
``exclude`` list of ``splits.yaml`` to a corpus built before the list changed.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    parser = argparse.ArgumentParser(prog="python -m newsie.tooling.corpora", description="build the NER training corpus")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="read the corpora, add teacher silver labels, write train/dev JSONL")
    b.add_argument("--corpora", type=Path, required=True, help="the shared corpora folder")
    b.add_argument("--out", type=Path, required=True, help="output folder")
    b.add_argument("--no-silver", action="store_true", help="gold spans only (no teacher)")
    b.add_argument("--only", nargs="*", default=None, help="restrict to these corpus names")
    b.add_argument("--batch-size", type=int, default=64)
    b.add_argument("--teacher-cache", type=Path, default=None, help="JSON-lines cache of raw teacher predictions")
    b.add_argument("--ready", action="store_true", help="write OUT/READY when done")
    p = sub.add_parser("prune", help="apply splits.yaml's exclude list to a built corpus (no teacher rerun)")
    p.add_argument("corpus", type=Path, help="a built corpus folder")
    p.add_argument("--out", type=Path, required=True, help="output folder")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    from newsie.tooling.corpora.build import build, prune

    if args.command == "prune":
        result = prune(args.corpus, args.out)
        print(json.dumps(result["totals"], indent=1))
        (args.out / "READY").write_text("complete\n", encoding="utf-8")
        return 0

    result = build(args.corpora, args.out, silver=not args.no_silver, corpora=args.only, batch_size=args.batch_size,
                   teacher_cache=args.teacher_cache)  # fmt: skip
    print(json.dumps(result["totals"], indent=1))
    if args.ready:
        (args.out / "READY").write_text("complete\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
