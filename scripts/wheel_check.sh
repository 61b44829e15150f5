#!/usr/bin/env bash
# The installable artefact works as a user gets it: build newsie's wheel (and en_newsie's, the spaCy
# pipeline package), install them with their dependencies into a fresh virtual environment OUTSIDE the
# repository (no editable install, the repository not on sys.path, no $NEWSIE_MODELS), run
# `newsie extract` on the seed from another folder, and compare with the repository's run: identical
# records, naming newsie's NER model; spacy.load("en_newsie") gives the same entities and events.
#
# Usage: bash scripts/wheel_check.sh   (after scripts/setup.sh; part of scripts/test.sh)
# Env:   NEWSIE_VENV (the repository's venv, default .venv), WHEEL_CHECK_DIR (work folder, default a
#        fresh temporary one, removed on success), PYTHON (interpreter for the fresh venv).
# Pip's cache is reused, torch==2.13.0 is installed first (a CPU build on local disk, as in setup.sh)
# and every other dependency is pinned by constraints.txt, so a warm cache downloads nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$PWD"
VENV="${NEWSIE_VENV:-.venv}"
PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"
WORK="${WHEEL_CHECK_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/newsie-wheel-check.XXXXXX")}"
SEEDS="$REPO/data/seeds"
fail() { [ -n "${repo_pid:-}" ] && kill "$repo_pid" 2>/dev/null; echo "wheel check: FAILED: $*" >&2; echo "wheel check: work folder kept: $WORK" >&2; exit 1; }
step() { echo "wheel check: $*" >&2; }

case "$WORK" in "$REPO"|"$REPO"/*) fail "the work folder $WORK must be outside the repository";; esac
[ -x "$VENV/bin/python" ] || fail "no $VENV: run scripts/setup.sh first"
[ -d "$SEEDS" ] || fail "no seed folder $SEEDS"
mkdir -p "$WORK/dist" "$WORK/elsewhere"
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
unset NEWSIE_MODELS PYTHONPATH

step "building the wheel"
rm -rf build
"$VENV/bin/python" -m pip wheel -q --no-deps --no-build-isolation -w "$WORK/dist" . >"$WORK/build.log" 2>&1 \
  || { tail -20 "$WORK/build.log" >&2; fail "pip wheel could not build newsie (log: $WORK/build.log)"; }
"$VENV/bin/python" -m pip wheel -q --no-deps --no-build-isolation -w "$WORK/dist" packaging/en_newsie \
  >>"$WORK/build.log" 2>&1 || { tail -20 "$WORK/build.log" >&2; fail "pip wheel could not build en_newsie"; }
rm -rf build src/*.egg-info packaging/en_newsie/build packaging/en_newsie/*.egg-info
wheel=$(ls "$WORK"/dist/newsie-*.whl 2>/dev/null | head -1)
[ -n "$wheel" ] || fail "no newsie wheel in $WORK/dist"
pipeline_wheel=$(ls "$WORK"/dist/en_newsie-*.whl 2>/dev/null | head -1)
[ -n "$pipeline_wheel" ] || fail "no en_newsie wheel in $WORK/dist"
"$VENV/bin/python" - "$wheel" <<'PY' || fail "the wheel lacks files (see above)"
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
need = [f"newsie/models/newsie-ner/{f}" for f in ("config.json", "model.safetensors", "tokenizer.json")] + [
    "newsie/events/data/lexicon.yaml", "newsie/normalize/data/dates.yaml", "newsie/ner/data/labels.json",
    "newsie/ner/data/gazetteer.yaml", "newsie/schema/newsie.schema.json"]
missing = [n for n in need if n not in names]
if missing:
    sys.exit(f"wheel check: {sys.argv[1]} lacks {missing}")
size = sum(i.file_size for i in zipfile.ZipFile(sys.argv[1]).infolist())
print(f"wheel check: {sys.argv[1].rsplit('/', 1)[-1]}: {len(names)} files, "
      f"{__import__('os').path.getsize(sys.argv[1]) / 1e6:.1f} MB ({size / 1e6:.1f} MB unpacked)", file=sys.stderr)
PY

step "the repository's run (in the background while the wheel installs)"
"$VENV/bin/newsie" -q extract "$SEEDS" -o "$WORK/repo.jsonl" >"$WORK/repo.log" 2>&1 &
repo_pid=$!

step "installing it into a fresh venv in $WORK/venv"
"$PYTHON" -m venv "$WORK/venv" || fail "could not create a venv with $PYTHON"
pip=("$WORK/venv/bin/python" -m pip --disable-pip-version-check)
"${pip[@]}" install -q "torch==2.13.0" >"$WORK/install.log" 2>&1 \
  || { tail -20 "$WORK/install.log" >&2; fail "torch==2.13.0 did not install (log: $WORK/install.log)"; }
"${pip[@]}" install -q -c constraints.txt "$wheel" "$pipeline_wheel" >>"$WORK/install.log" 2>&1 \
  || { tail -20 "$WORK/install.log" >&2; fail "the wheel's dependencies did not install (log: $WORK/install.log)"; }

step "running newsie extract from $WORK/elsewhere"
(cd "$WORK/elsewhere" && "$WORK/venv/bin/python" - "$REPO" <<'PY') || fail "the installed newsie is not the wheel's"
import sys
from pathlib import Path
import newsie
from newsie.pipeline import find_ner
repo = Path(sys.argv[1]).resolve()
for what, path in (("newsie", Path(newsie.__file__)), ("the NER weights", find_ner())):
    if repo in path.resolve().parents:
        sys.exit(f"wheel check: {what} come from the repository ({path}), not from the installed wheel")
print(f"wheel check: newsie {newsie.__version__} from {Path(newsie.__file__).parent}, weights {find_ner()}",
      file=sys.stderr)
PY
(cd "$WORK/elsewhere" && "$WORK/venv/bin/newsie" -q extract "$SEEDS" -o "$WORK/wheel.jsonl") \
  || fail "newsie extract failed in the fresh venv"
wait "$repo_pid" || { tail -20 "$WORK/repo.log" >&2; fail "newsie extract failed in the repository venv ($VENV)"; }

step "comparing with the repository's run"
[ -s "$WORK/repo.jsonl" ] || fail "the repository run wrote no records"
if ! cmp -s "$WORK/repo.jsonl" "$WORK/wheel.jsonl"; then
  diff <(tr ',' '\n' <"$WORK/repo.jsonl") <(tr ',' '\n' <"$WORK/wheel.jsonl") | head -20 >&2 || true
  fail "the installed wheel's records differ from the repository's (above: repo < > wheel)"
fi
"$VENV/bin/python" - "$WORK/wheel.jsonl" <<'PY' || fail "the records do not name newsie's NER model"
import json, sys
models = {json.loads(line)["model"] for line in open(sys.argv[1], encoding="utf-8") if line.strip()}
if not models or not all(str(m).startswith("newsie-ner-") for m in models):
    sys.exit(f"wheel check: model ids {sorted(map(str, models))}, expected newsie-ner-<sha12>")
print(f"wheel check: identical records, model {', '.join(sorted(models))}", file=sys.stderr)
PY
step "spacy.load(\"en_newsie\") in the fresh venv"
(cd "$WORK/elsewhere" && "$WORK/venv/bin/python" - "$SEEDS" "$WORK/wheel.jsonl" <<'PY') \
  || fail "spacy.load('en_newsie') does not give the records newsie extract wrote"
import json, sys
from pathlib import Path
import spacy
from newsie.api import doc_to_result, make_doc
record = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8").splitlines()[0])
text = Path(record["path"]).read_text(encoding="utf-8")
nlp = spacy.load("en_newsie")
got = json.loads(doc_to_result(nlp(make_doc(nlp, text, date=record["date"], doc_id=record["id"])), nlp).model_dump_json())
for key in ("entities", "events", "model"):
    if got[key] != record[key]:
        sys.exit(f"wheel check: spacy.load('en_newsie') differs from newsie extract in {key!r}")
print(f"wheel check: spacy.load('en_newsie') = newsie extract ({len(got['entities'])} entities, "
      f"{len(got['events'])} events)", file=sys.stderr)
PY
step "ok"
[ -n "${WHEEL_CHECK_DIR:-}" ] || rm -rf "$WORK"
