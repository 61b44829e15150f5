"""Copy a training checkpoint into the shipped model folder (``models/newsie-ner``).

Why a separate step: training writes ``best/`` per run; which run ships (case
embedding or not, int8 or not) is decided afterwards on dev scores, and that
decision is recorded in the shipped ``config.json`` (``quantize``, ``dev_scores``).

``python -m newsie.tooling.export runs/ner-main/best models/newsie-ner [--quantize [SCHEME]] [--scores scores.json]``
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from newsie.ner import TOKENIZER_FILES, WEIGHTS


def export(src: Path, dest: Path, *, quantize: bool | str = False, scores: dict | None = None) -> Path:
    """Copy weights + tokenizer + config from ``src`` to ``dest`` and set the shipping options."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in (WEIGHTS, *TOKENIZER_FILES):
        shutil.copyfile(src / name, dest / name)
    config = json.loads((src / "config.json").read_text(encoding="utf-8"))
    from newsie.ner.model import quant_scheme

    config["quantize"] = quant_scheme(quantize) or False
    config["checkpoint"] = str(src)
    if scores is not None:
        config["dev_scores"] = scores
    (dest / "config.json").write_text(json.dumps(config, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return dest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", type=Path)
    ap.add_argument("dest", type=Path)
    ap.add_argument("--quantize", nargs="?", const="encoder", default=False, metavar="SCHEME",
                    help="ship with dynamic int8 switched on (scheme: encoder (default) or attention)")
    ap.add_argument("--scores", type=Path, default=None, help="a devscore --out JSON to record (micro F1 per system)")
    args = ap.parse_args(argv)
    scores = None
    if args.scores:
        res = json.loads(args.scores.read_text(encoding="utf-8"))
        scores = {name: r["micro"] for name, r in res["systems"].items()}
    export(args.src, args.dest, quantize=args.quantize, scores=scores)
    print(f"exported {args.src} -> {args.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
