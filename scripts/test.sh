#!/usr/bin/env bash
# Set up (if needed), lint, run the whole test suite offline, then check the installable wheel
# (scripts/wheel_check.sh: fresh venv outside the repository, same records as the repository's run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
.venv/bin/ruff check src tests benchmarks scripts packaging
# the wheel check first, so that pytest's summary is the closing line; NEWSIE_SKIP_WHEEL_CHECK=1 skips it
if [ -z "${NEWSIE_SKIP_WHEEL_CHECK:-}" ]; then
  bash scripts/wheel_check.sh
fi
exec .venv/bin/python -m pytest -q "$@"
