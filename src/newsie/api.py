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

from newsie import __version__, extensions, sections
from newsie.pipeline import load
from newsie.schema import Entity, Result

DocInput = str | Mapping[str, Any] | tuple[str, Mapping[str, Any]]


class ItemError(ValueError):
    """One item of :func:`extract_many` cannot be processed; the message names it (index, and id if any).

    Decision (issue #21): ``extract_many`` raises, naming the item, rather than
    yielding an error in place of a :class:`Result` -- its callers get only
    ``Result`` objects, and the items before the bad one have been yielded.
    Callers who want per-item error records use ``newsie extract`` or
    :func:`newsie.batch.process.process_batch`, which isolate each document.
    """

    def __init__(self, index: int, item_id: Any, reason: str) -> None:
        self.index, self.item_id, self.reason = index, item_id, reason
        name = f"item {index}" + (f" (id {item_id!r})" if item_id is not None else "")
        super().__init__(f"extract_many: {name}: {reason}")


def check_date(value: Any, what: str = "date") -> _dt.date | None:
    """``None``, a ``date``/``datetime``, or a whole ISO 8601 date/datetime string; anything else raises.

    Stricter than reading metadata: ``"2023-02-02garbage"`` is a mistake by
    the caller, not a date with a time part, and anchoring every relative date
    of the document to a guess would hide it.
    """
    if value is None or isinstance(value, _dt.date):
        return value.date() if isinstance(value, _dt.datetime) else value
    if isinstance(value, str):
        text = value.strip()
        for parse in (_dt.date.fromisoformat, lambda t: _dt.datetime.fromisoformat(t).date()):
            try:
                return parse(text)
            except ValueError:
                continue
        raise ValueError(f"{what} {value!r} is not an ISO 8601 date (YYYY-MM-DD)")
    raise ValueError(f"{what} must be a date or an ISO 8601 string, not {type(value).__name__}")


def check_batch_size(value: Any) -> int:
    """A positive ``int`` (``bool`` excluded), else ``ValueError``: 0 used to return nothing at all."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"batch_size must be a positive integer, not {value!r}")
    return value


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
    date = check_date(date)
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

    Arguments are checked before any work (``ValueError``).  A bad item (not
    text, a bad date) raises :class:`ItemError` naming its index and id when
    the stream reaches it; an exception inside the pipeline is re-raised as an
    :class:`ItemError` naming the batch of items it happened in.
    """
    date = check_date(date)
    check_batch_size(batch_size)
    nlp = nlp or load()
    return _extract_stream(docs, date, batch_size, nlp)


def _extract_stream(docs: Iterable[DocInput], date: _dt.date | None, batch_size: int,
                    nlp: Language) -> Iterator[Result]:
    consumed = 0

    def docs_with_meta() -> Iterator[tuple[Doc, dict[str, Any]]]:
        nonlocal consumed
        for n, item in enumerate(docs):
            consumed = n + 1
            meta: dict[str, Any] = {}
            try:
                text, meta = _normalise_input(item, date)
                meta["date"] = check_date(meta.get("date"), "date")
                doc = make_doc(nlp, text, date=meta.get("date"), doc_id=meta.get("id"))
            except Exception as err:  # noqa: BLE001 - re-raised naming the item
                raise ItemError(n, meta.get("id"), f"{type(err).__name__}: {err}") from err
            yield doc, meta

    done = 0
    stream = sections.pipe(nlp, docs_with_meta(), batch_size)  # nlp.pipe, long documents in sections
    while True:
        try:
            doc, meta = next(stream)
        except StopIteration:
            return
        except ItemError:
            raise
        except Exception as err:  # noqa: BLE001 - re-raised naming the batch it happened in
            last = max(consumed - 1, done)
            raise ItemError(done, None, f"processing failed in items {done}-{last}: "
                            f"{type(err).__name__}: {err}") from err
        extra = {k: meta.get(k) for k in ("path", "title", "url") if meta.get(k) is not None}
        if "path" in extra:
            extra["path"] = str(extra["path"])
        done += 1
        yield doc_to_result(doc, nlp, **extra)


__all__ = ["load", "extract", "extract_many", "doc_to_result", "make_doc", "model_id", "extensions", "Path",
           "ItemError", "check_date", "check_batch_size"]
