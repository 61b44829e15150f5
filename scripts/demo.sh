#!/usr/bin/env bash
# Set up (if needed), extract entities and event records from data/seeds/, print a readable summary
# and write the full JSONL records to a file it names (NEWSIE_DEMO_OUT, default out/demo.jsonl).
#   bash scripts/demo.sh            summary on stdout, records in out/demo.jsonl
#   bash scripts/demo.sh --jsonl    the JSONL records on stdout instead (what `newsie extract -o -` prints)
# Further arguments go to `newsie extract`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
if [ "${1:-}" = "--jsonl" ]; then
  shift
  exec .venv/bin/newsie extract data/seeds -o - "$@"
fi
out="${NEWSIE_DEMO_OUT:-out/demo.jsonl}"
mkdir -p "$(dirname "$out")"
.venv/bin/newsie -q extract data/seeds -o "$out" "$@"
.venv/bin/python -m newsie.render.summary "$out"
echo
echo "full records (JSONL, one line per document): $out"
