"""``newsie show FILE [--date D] [-o report.html]``: one article -> a self-contained HTML report.

FILE is read by the same readers as ``newsie extract`` (txt, md, html, json,
sidecar metadata), so the report shows exactly what a batch run would extract;
a JSON/JSONL file shows its first record unless ``--id`` picks another.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

log = logging.getLogger("newsie.show")


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the options (cheap: no heavy imports)."""
    from newsie.batch.cli import _iso_date

    parser.add_argument("file", metavar="FILE", help="an article file (.txt .md .html .json .jsonl) or - for stdin")
    parser.add_argument("--date", type=_iso_date, default=None, help="article date if the file's metadata has none")
    parser.add_argument("-o", "--output", default=None, metavar="HTML",
                        help="where to write the report (default: FILE's name with .html in the current folder; "
                             "- writes it to stdout)")
    parser.add_argument("--id", default=None, help="which record of a JSON/JSONL file to show")
    parser.add_argument("--model", default=None,
                        help="NER model folder (default: $NEWSIE_MODELS/newsie-ner, else the installed package's)")


def run(args: argparse.Namespace) -> int:
    """Render the report; 1 if the file is not a readable article."""
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from newsie.api import doc_to_result, make_doc
    from newsie.io.readers import ReaderOptions, ReadError, iter_items
    from newsie.pipeline import load
    from newsie.render.report import render_report

    doc_item = None
    for item in iter_items([args.file], ReaderOptions(default_date=args.date)):
        if isinstance(item, ReadError):
            if args.id is None or item.id == args.id:
                print(f"newsie show: {item.path}: {item.reason}", file=sys.stderr)
                return 1
            continue
        if args.id is None or item.id == args.id:
            doc_item = item
            break
    if doc_item is None:
        print(f"newsie show: no document{' with id ' + args.id if args.id else ''} in {args.file}", file=sys.stderr)
        return 1
    nlp = load(args.model)
    doc = nlp(make_doc(nlp, doc_item.text, date=doc_item.date, doc_id=doc_item.id))
    result = doc_to_result(doc, nlp, path=doc_item.path, title=doc_item.title, url=doc_item.url)
    html = render_report(doc, result)
    if args.output == "-":
        sys.stdout.write(html)
        sys.stdout.flush()
        where = "stdout"
    else:
        out = Path(args.output) if args.output else Path(Path(doc_item.id).name + ".html")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, encoding="utf-8")
        where = str(out)
    log.info("%d entities, %d event records -> %s", len(result.entities), len(result.events), where)
    return 0


__all__ = ["configure", "run"]
