"""``newsie train``: build the corpus (unless given one) and fine-tune the NER model.

``configure`` only declares options (cheap); ``run`` imports torch and friends.
The result is a model directory (``<out>/best``) in the format
``models/newsie-ner`` ships; ``--export`` copies it there.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", type=Path, default=None,
                        help="a built corpus folder with train.jsonl/dev.jsonl (built into --corpus-out when omitted)")
    parser.add_argument("--corpus-out", type=Path, default=Path("runs/corpus"), help="where to build the corpus")
    parser.add_argument("--corpora-dir", type=Path, default=None,
                        help="source corpora for the build (default $NEWSIE_CORPORA, else ../shared/corpora from the current folder)")
    parser.add_argument("--out", type=Path, default=Path("runs/ner"), help="training output (best/, last/, train.jsonl)")
    parser.add_argument("--export", type=Path, default=None, help="copy the best checkpoint here (e.g. models/newsie-ner)")
    parser.add_argument("--no-case", action="store_true", help="ablation: no casing embedding")
    parser.add_argument("--tiny", action="store_true", help="tiny random encoder (tests/smoke runs)")
    parser.add_argument("--epochs", type=float, default=3.0)
    parser.add_argument("--max-steps", type=int, default=None, help="step budget (overrides --epochs)")
    parser.add_argument("--max-minutes", type=float, default=None, help="stop, evaluate and save after this long")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--max-length", type=int, default=256)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--silver-weight", type=float, default=0.5, help="loss weight of words in silver spans")
    parser.add_argument("--eval-every", type=int, default=None, help="also evaluate/checkpoint every N steps")
    parser.add_argument("--threads", type=int, default=None,
                        help="torch threads per process (default: torch's; 1 with --workers > 1)")
    parser.add_argument("--workers", type=int, default=1,
                        help="data-parallel CPU processes (use one per core; same recipe, same effective batch)")
    parser.add_argument("--max-train", type=int, default=None, help="use only the first N training examples")
    parser.add_argument("--max-dev", type=int, default=None, help="evaluate on the first N dev examples")
    parser.add_argument("--init", type=Path, default=None,
                        help="start from this trained newsie model directory instead of the bare encoder")
    parser.add_argument("--keep-layers", type=_layer_list, default=None,
                        help="keep only these encoder layers, e.g. 0,1,2,5 (a smaller, faster student; with --init)")


def _build_corpus(corpora_dir: Path, out: Path) -> Path:
    """Build the corpus with ``newsie.tooling.corpora.build.build(corpora_dir, out_dir)`` (teacher silver on)."""
    try:
        from newsie.tooling.corpora.build import build
    except ImportError as err:
        raise SystemExit(f"newsie train: no --corpus given and the corpus builder is unavailable ({err})") from err
    if not corpora_dir.is_dir():
        raise SystemExit(f"newsie train: no --corpus given and no source corpora at {corpora_dir}")
    build(corpora_dir, out)
    return out


def run(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from newsie.tooling.train import train

    corpus = args.corpus
    if corpus is None:
        src = args.corpora_dir or Path(os.environ.get("NEWSIE_CORPORA", Path("..") / "shared" / "corpora"))
        corpus = _build_corpus(src, args.corpus_out)
    for name in ("train.jsonl", "dev.jsonl"):
        if not (corpus / name).exists():
            print(f"newsie train: {corpus / name} missing", file=sys.stderr)
            return 2
    summary = train(
        corpus, args.out, use_case=not args.no_case, tiny=args.tiny, epochs=args.epochs, max_steps=args.max_steps,
        max_minutes=args.max_minutes, batch_size=args.batch_size, lr=args.lr, max_length=args.max_length,
        seed=args.seed, silver_weight=args.silver_weight, eval_every=args.eval_every, threads=args.threads,
        workers=args.workers, max_train=args.max_train, max_dev=args.max_dev, init=args.init,
        keep_layers=args.keep_layers,
    )
    best = args.out / "best"
    if args.export and best.exists():
        args.export.mkdir(parents=True, exist_ok=True)
        for f in best.iterdir():
            shutil.copyfile(f, args.export / f.name)
        print(f"exported {best} -> {args.export}")
    print(f"best dev micro F1 {summary['best'].get('dev', {}).get('micro', {}).get('f')} "
          f"at step {summary['best'].get('step')} ({summary['minutes']} min)")
    return 0


def _layer_list(value: str) -> list[int]:
    """``"0,1,2,5"`` -> ``[0, 1, 2, 5]`` (argparse type for ``--keep-layers``)."""
    try:
        return [int(x) for x in value.split(",") if x.strip()]
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"--keep-layers wants comma-separated layer numbers, got {value!r}") from err
