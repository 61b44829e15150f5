#!/usr/bin/env bash
# Set up (if needed) and run batch extraction over data/seeds/, printing JSONL records to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
exec .venv/bin/newsie extract data/seeds -o - "$@"
