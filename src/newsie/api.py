"""The public library surface: ``load``, ``extract``, ``extract_many``, ``doc_to_result``.

Kept small on purpose: everything else is reachable through ``newsie.load()``
(a normal spaCy ``Language``) and the schema models.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsie import __version__, extensions
from newsie.pipeline import load
from newsie.schema import Entity, Result

DocInput = str | Mapping[str, Any] | tuple[str, Mapping[str, Any]]


def model_id(nlp: Language) -> str:
    """A stable identifier of the NER model behind ``nlp`` (for provenance in outputs)."""
    if "newsie_ner" in nlp.pipe_names:
        return str(getattr(nlp.get_pipe("newsie_ner"), "model_id", "newsie_ner"))
    recorded = (nlp.meta.get("newsie") or {}).get("model")  # newsie.load(ner="cnn"): the base pipeline's id
    if recorded:
        return str(recorded)
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', 'pipeline')}-{nlp.meta.get('version', '?')}"


def make_doc(nlp: Language, text: str, *, date: Any = None, doc_id: str | None = None) -> Doc:
    """Tokenize ``text`` and set ``doc._.date``/``doc._.doc_id`` before the pipeline runs."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    doc = nlp.make_doc(text)
    doc._.date = date
    doc._.doc_id = doc_id
    return doc


def sentence_index(doc: Doc) -> dict[int, int]:
    """Map each token index to the index of its sentence (0-based)."""
    out: dict[int, int] = {}
    if not doc.has_annotation("SENT_START"):
        return {i: 0 for i in range(len(doc))}
    for s_i, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            out[i] = s_i
    return out


def doc_to_result(doc: Doc, nlp: Language | None = None, *, include_text: bool = False, **meta: Any) -> Result:
    """Convert a processed ``Doc`` to the schema's :class:`Result`."""
    sent_of = sentence_index(doc)
    entities = [
        Entity(
            text=ent.text,
            start=ent.start_char,
            end=ent.end_char,
            label=ent.label_,
            sentence=sent_of.get(ent.start),
            norm=ent._.norm,
            rule=ent._.rule or ("newsie_ner" if nlp is not None and "newsie_ner" in nlp.pipe_names else "ner"),
        )
        for ent in doc.ents
    ]
    return Result(
        id=doc._.doc_id,
        date=doc._.date,
        text=doc.text if include_text else None,
        entities=entities,
        events=list(doc._.events),
        newsie=__version__,
        model=model_id(nlp) if nlp is not None else None,
        **meta,
    )


def extract(
    text: str, *, date: _dt.date | str | None = None, doc_id: str | None = None, nlp: Language | None = None
) -> Result:
    """Entities and events of one document.

    ``date`` is the article date (``datetime.date`` or ISO string); relative
    dates ("last November") are anchored to it, and left unanchored without it.
    """
    nlp = nlp or load()
    doc = nlp(make_doc(nlp, text, date=date, doc_id=doc_id))
    return doc_to_result(doc, nlp)


def _normalise_input(item: DocInput, default_date: Any) -> tuple[str, dict[str, Any]]:
    if isinstance(item, str):
        return item, {"date": default_date}
    if isinstance(item, tuple):
        text, meta = item
        return text, {"date": default_date, **dict(meta)}
    if isinstance(item, Mapping):
        if "text" not in item:
            raise KeyError("document mapping needs a 'text' field")
        meta = {k: v for k, v in item.items() if k != "text"}
        meta.setdefault("date", default_date)
        if meta["date"] is None:
            meta["date"] = default_date
        return item["text"], meta
    raise TypeError(f"cannot extract from {type(item).__name__}")


def extract_many(
    docs: Iterable[DocInput],
    *,
    date: _dt.date | str | None = None,
    batch_size: int = 32,
    nlp: Language | None = None,
) -> Iterator[Result]:
    """Stream results for many documents via ``nlp.pipe`` (batched), in input order.

    Items are strings, ``(text, meta)`` tuples or mappings with ``text`` and
    optional ``id``, ``date``, ``title``, ``url``, ``path``; ``date`` is the
    fallback article date for items without one.
    """
    nlp = nlp or load()

    def docs_with_meta() -> Iterator[tuple[Doc, dict[str, Any]]]:
        for item in docs:
            text, meta = _normalise_input(item, date)
            doc = make_doc(nlp, text, date=meta.get("date"), doc_id=meta.get("id"))
            yield doc, meta

    for doc, meta in nlp.pipe(docs_with_meta(), as_tuples=True, batch_size=batch_size):
        extra = {k: meta.get(k) for k in ("path", "title", "url") if meta.get(k) is not None}
        if "path" in extra:
            extra["path"] = str(extra["path"])
        yield doc_to_result(doc, nlp, **extra)


__all__ = ["load", "extract", "extract_many", "doc_to_result", "make_doc", "model_id", "extensions", "Path"]
