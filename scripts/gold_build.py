"""Build ``data/gold/events.jsonl`` from ``data/gold/authoring/*.yaml`` (GUIDELINES section 6.5).

Usage::

    python scripts/gold_build.py                 # write events.jsonl (errors name file, event id, field)
    python scripts/gold_build.py --check         # only check that events.jsonl is current (exit 1 if not)
    python scripts/gold_build.py --record-test   # also re-record data/gold/test.sha256 (deliberate!)

The test split's hash (``test.sha256``, one ``sha256  doc_id`` line per test
document over its canonical JSON) is re-recorded only with
``--record-test``: a change to the test gold must be a decision, visible in
the commit, never a side effect of rebuilding.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsie.evaluate.gold import SPLITS_FILE, gold_sha256, load_gold, load_splits
from newsie.tooling.goldbuild import AuthoringError, build_all, to_jsonl

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"
HASH_FILE = "test.sha256"


def test_hash_lines(gold_dir: Path) -> str:
    """The content of ``test.sha256`` for the gold now in ``gold_dir`` (all JSONL files, test split ids)."""
    splits = load_splits(gold_dir / SPLITS_FILE)
    docs = {d.id: d for d in load_gold(sorted(gold_dir.glob("*.jsonl")))}
    return "".join(f"{gold_sha256(docs[i])}  {i}\n" for i in sorted(splits["test"]) if i in docs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 when events.jsonl is stale")
    ap.add_argument("--record-test", action="store_true", help=f"re-record {HASH_FILE} from the built gold")
    args = ap.parse_args(argv)
    try:
        docs = build_all(args.gold)
    except AuthoringError as err:
        print(err, file=sys.stderr)
        return 2
    content = to_jsonl(docs)
    out = args.gold / "events.jsonl"
    if args.check:
        current = out.is_file() and out.read_text(encoding="utf-8") == content
        print(f"{out}: {'current' if current else 'STALE: run scripts/gold_build.py'}")
        return 0 if current else 1
    out.write_text(content, encoding="utf-8")
    print(f"wrote {out}: {len(docs)} documents, {sum(len(d.events) for d in docs)} events, "
          f"{sum(len(e.mentions) for d in docs for e in d.events)} mentions")
    hashes = test_hash_lines(args.gold)
    hash_path = args.gold / HASH_FILE
    if args.record_test:
        hash_path.write_text(hashes, encoding="utf-8")
        print(f"recorded {hash_path} ({hashes.count(chr(10))} test documents)")
    elif not hash_path.is_file() or hash_path.read_text(encoding="utf-8") != hashes:
        print(f"note: the test gold differs from {hash_path}; re-record deliberately with --record-test",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
