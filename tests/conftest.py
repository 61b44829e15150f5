"""Shared fixtures.  Tests run offline: HF_HUB_OFFLINE is set before anything imports transformers."""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import importlib.util  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
# The weights are package data (newsie.models, mapped to models/ by pyproject.toml).  Sources put on
# PYTHONPATH without an install have no newsie.models: point the documented override at the repository's.
if importlib.util.find_spec("newsie.models") is None:
    os.environ.setdefault("NEWSIE_MODELS", str(REPO / "models"))
SEED_PATH = REPO / "data" / "seeds" / "000_98ee1529b32d8bca.txt"
SEED_DATE = "2023-02-02"
CORPORA = Path(os.environ.get("NEWSIE_CORPORA", REPO.parent / "shared" / "corpora"))


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp():
    """The full newsie pipeline (real models), loaded once per test session."""
    import newsie

    return newsie.load()


@pytest.fixture(scope="session")
def seed_doc(nlp, seed_text):
    from newsie.api import make_doc

    return nlp(make_doc(nlp, seed_text, date=SEED_DATE, doc_id="seed"))


@pytest.fixture(scope="session")
def corpora() -> Path:
    """``../shared/corpora``; tests that need it skip (with the reason) on a clone without it."""
    if not (CORPORA / "README.md").exists():
        pytest.skip(f"needs the shared corpora at {CORPORA} (not part of a public clone)")
    return CORPORA
