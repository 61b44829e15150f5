"""Every custom attribute newsie puts on spaCy objects, declared in one place.

Why one module: medspacy's lesson is that extensions scattered over components
collide and are hard to discover.  Components import :func:`register` and call
it; it is idempotent so re-importing or reloading a pipeline is harmless.

Attributes
----------
``Doc._.date``      the article (document creation) date, a :class:`datetime.date`
                    or ``None``.  Accepts an ISO 8601 string on assignment.
``Doc._.doc_id``    the caller's document id (string) or ``None``.
``Doc._.events``    the event records (:class:`newsie.schema.EventRecord`) found
                    by ``newsie_events``; an empty list before it runs.
``Span._.norm``     the normalised value of an entity (a :mod:`newsie.schema`
                    value model: quantity, age, time, name), or ``None``.

Values are kept in ``doc.user_data`` as plain JSON-able data (ISO date string,
dicts) and rebuilt into typed objects by the getters, so ``Doc.to_bytes()``,
``DocBin`` and ``nlp.pipe(n_process=N)`` keep working: msgpack cannot carry a
``datetime.date`` or a pydantic model.  Assign (``doc._.events = [...]``) rather
than mutate the returned list.
``Span._.rule``     which model or rule produced (or last changed) the span,
                    for provenance, e.g. ``"newsie_ner"`` or ``"numbers:range"``.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from pydantic import TypeAdapter
from spacy.tokens import Doc, Span

from newsie.schema import EventRecord, Value

_VALUE = TypeAdapter(Value)
_DATE_KEY = ("newsie", "date")
_EVENTS_KEY = ("newsie", "events")
_ID_KEY = ("newsie", "doc_id")


def coerce_date(value: Any) -> _dt.date | None:
    """Turn ``None``, a ``date``/``datetime`` or an ISO 8601 string into a ``date``.

    Raises ``ValueError`` with the offending value for anything else, because a
    silently dropped article date would silently un-anchor every relative date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return _dt.date.fromisoformat(text[:10])
        except ValueError:
            try:
                return _dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
            except ValueError as err:
                raise ValueError(f"document date {value!r} is not an ISO 8601 date") from err
    raise ValueError(f"document date must be a date or ISO 8601 string, not {type(value).__name__}")


def _get_date(doc: Doc) -> _dt.date | None:
    iso = doc.user_data.get(_DATE_KEY)
    return None if iso is None else _dt.date.fromisoformat(iso)


def _set_date(doc: Doc, value: Any) -> None:
    date = coerce_date(value)
    doc.user_data[_DATE_KEY] = None if date is None else date.isoformat()


def _get_events(doc: Doc) -> list[EventRecord]:
    return [EventRecord.model_validate(d) for d in doc.user_data.get(_EVENTS_KEY, [])]


def _set_events(doc: Doc, value: list) -> None:
    doc.user_data[_EVENTS_KEY] = [
        (EventRecord.model_validate(v) if isinstance(v, dict) else v).model_dump(mode="json") for v in value
    ]


def _norm_key(span: Span) -> tuple[str, str, int, int]:
    return ("newsie", "norm", span.start_char, span.end_char)


def _get_norm(span: Span) -> Any:
    data = span.doc.user_data.get(_norm_key(span))
    return None if data is None else _VALUE.validate_python(data)


def _set_norm(span: Span, value: Any) -> None:
    key = _norm_key(span)
    if value is None:
        span.doc.user_data.pop(key, None)
    else:
        span.doc.user_data[key] = _VALUE.dump_python(_VALUE.validate_python(value), mode="json")


def _get_id(doc: Doc) -> str | None:
    return doc.user_data.get(_ID_KEY)


def _set_id(doc: Doc, value: Any) -> None:
    doc.user_data[_ID_KEY] = None if value is None else str(value)


def register() -> None:
    """Declare all newsie extensions (idempotent)."""
    if not Doc.has_extension("date"):
        Doc.set_extension("date", getter=_get_date, setter=_set_date)
    if not Doc.has_extension("events"):
        Doc.set_extension("events", getter=_get_events, setter=_set_events)
    if not Doc.has_extension("doc_id"):
        Doc.set_extension("doc_id", getter=_get_id, setter=_set_id)
    if not Span.has_extension("norm"):
        Span.set_extension("norm", getter=_get_norm, setter=_set_norm)
    if not Span.has_extension("rule"):
        Span.set_extension("rule", default=None)


register()
