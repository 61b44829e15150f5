"""spaCy pipeline package ``en_newsie``: ``spacy.load("en_newsie")`` builds newsie's pipeline.

The pipeline is :func:`newsie.pipeline.build` (the NER weights are package data of
``newsie``); ``exclude``, ``disable`` and ``enable`` work as for any spaCy package.
Unlike ``newsie.load()`` the result is not cached: each call is a new ``Language``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsie import __version__


def _names(value: str | Iterable[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def load(
    *,
    vocab: Any = True,
    disable: str | Iterable[str] = (),
    enable: str | Iterable[str] = (),
    exclude: str | Iterable[str] = (),
    config: Any = None,
    **overrides: Any,
) -> Any:
    """What ``spacy.load("en_newsie", ...)`` calls; config overrides and a custom vocab are refused, not ignored."""
    if config or overrides:
        raise ValueError("en_newsie: config overrides are not supported; build the pipeline with newsie.pipeline.build")
    if vocab is not True:
        raise ValueError("en_newsie: a custom vocab is not supported")
    from newsie.pipeline import build

    nlp = build()
    for name in _names(exclude):
        nlp.remove_pipe(name)
    wanted = set(_names(enable))
    off = set(_names(disable)) | ({n for n in nlp.pipe_names if n not in wanted} if wanted else set())
    for name in off:
        nlp.disable_pipe(name)
    return nlp


__all__ = ["__version__", "load"]
