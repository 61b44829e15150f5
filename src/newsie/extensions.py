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

Why pydantic is imported only inside the getters: spaCy imports every factory
entry point (and so this module) whenever any ``Language`` is created, and the
schema models are needed only when a value is read or written.

If another package already declared one of these names with its own getter,
:func:`register` raises :class:`ExtensionConflict` instead of silently sharing
(or overwriting) the attribute: two meanings of ``doc._.date`` would corrupt both.
"""

from __future__ import annotations

import datetime as _dt
import functools
from typing import Any

from spacy.tokens import Doc, Span

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


@functools.cache
def _value_adapter() -> Any:
    from pydantic import TypeAdapter

    from newsie.schema import Value

    return TypeAdapter(Value)


def _get_events(doc: Doc) -> list:
    from newsie.schema import EventRecord

    return [EventRecord.model_validate(d) for d in doc.user_data.get(_EVENTS_KEY, [])]


def _set_events(doc: Doc, value: list) -> None:
    from newsie.schema import EventRecord

    doc.user_data[_EVENTS_KEY] = [
        (EventRecord.model_validate(v) if isinstance(v, dict) else v).model_dump(mode="json") for v in value
    ]


def _norm_key(span: Span) -> tuple[str, str, int, int]:
    return ("newsie", "norm", span.start_char, span.end_char)


def _get_norm(span: Span) -> Any:
    data = span.doc.user_data.get(_norm_key(span))
    return None if data is None else _value_adapter().validate_python(data)


def _set_norm(span: Span, value: Any) -> None:
    key = _norm_key(span)
    if value is None:
        span.doc.user_data.pop(key, None)
    else:
        adapter = _value_adapter()
        span.doc.user_data[key] = adapter.dump_python(adapter.validate_python(value), mode="json")


def _get_id(doc: Doc) -> str | None:
    return doc.user_data.get(_ID_KEY)


def _set_id(doc: Doc, value: Any) -> None:
    doc.user_data[_ID_KEY] = None if value is None else str(value)


def _rule_key(span: Span) -> tuple[str, str, int, int]:
    return ("newsie", "rule", span.start_char, span.end_char)


def _get_rule(span: Span) -> str | None:
    return span.doc.user_data.get(_rule_key(span))


def _set_rule(span: Span, value: str | None) -> None:
    if value is None:
        span.doc.user_data.pop(_rule_key(span), None)
    else:
        span.doc.user_data[_rule_key(span)] = str(value)


class ExtensionConflict(RuntimeError):
    """Another package declared a ``Doc``/``Span`` extension newsie needs, with other accessors."""


#: (class, attribute, getter, setter): every extension newsie declares.
EXTENSIONS = (
    (Doc, "date", _get_date, _set_date),
    (Doc, "events", _get_events, _set_events),
    (Doc, "doc_id", _get_id, _set_id),
    (Span, "norm", _get_norm, _set_norm),
    (Span, "rule", _get_rule, _set_rule),
)


def _ours(func: Any, expected: Any) -> bool:
    """Same function, also after this module was reloaded (compared by module and name)."""
    return func is expected or (
        getattr(func, "__module__", None) == __name__ and getattr(func, "__qualname__", None) == expected.__qualname__
    )


def register() -> None:
    """Declare all newsie extensions (idempotent); raise :class:`ExtensionConflict` on a foreign one."""
    for cls, name, getter, setter in EXTENSIONS:
        if cls.has_extension(name):
            _default, method, have_getter, have_setter = cls.get_extension(name)
            if method is None and _ours(have_getter, getter) and _ours(have_setter, setter):
                continue
            raise ExtensionConflict(
                f"{cls.__name__}._.{name} is already declared by another package "
                f"(getter {getattr(have_getter, '__module__', None)}.{getattr(have_getter, '__qualname__', None)}); "
                f"newsie needs this name: remove the other declaration or use {cls.__name__}.remove_extension({name!r})"
            )
        cls.set_extension(name, getter=getter, setter=setter)


register()
