"""Equality of normalised values (gold ``norm`` vs ``span._.norm``), shared by entity and event scoring.

Why not ``==`` on the models: provenance (``rule``) and display details must not
decide correctness, numbers need a tolerance, and a gold value may leave a
detail open (no ``mod``, no ``unit``) that the prediction is then free to fill.
"""

from __future__ import annotations

import math
from typing import Any

from pydantic import TypeAdapter, ValidationError

from newsie.schema import AgeValue, NameValue, QuantityValue, TimeValue, Value

_VALUE = TypeAdapter(Value)


def as_value(obj: Any) -> QuantityValue | AgeValue | TimeValue | NameValue | None:
    """A schema value model from a model, a dict (e.g. from JSON) or ``None``; anything else is ``None``."""
    if obj is None or isinstance(obj, QuantityValue | AgeValue | TimeValue | NameValue):
        return obj
    if isinstance(obj, dict):
        try:
            return _VALUE.validate_python(obj)
        except ValidationError:
            return None
    return None


def numbers_equal(a: float | None, b: float | None) -> bool:
    """Both open, or both numbers equal up to a relative 1e-6 (``1.5e6`` vs ``1500000.0000001``)."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def time_values_equal(gold: str | None, pred: str | None) -> bool:
    """TIMEX3 values compare as strings, case-insensitively (``xxxx-01-20`` == ``XXXX-01-20``)."""
    if gold is None or pred is None:
        return False
    return gold.strip().upper() == pred.strip().upper()


def units_equal(gold: Any, pred: Any) -> bool | None:
    """Same quantity unit (case-insensitive)?  ``None`` when the gold value is not a quantity with a unit.

    Scored apart from the value: the unit is the counted noun ("10,000
    [jobs]" vs "cuts"), an annotation choice that should not hide whether
    the number itself was read right.
    """
    g, p = as_value(gold), as_value(pred)
    if not isinstance(g, QuantityValue) or g.unit is None:
        return None
    return isinstance(p, QuantityValue) and p.unit is not None and g.unit.casefold() == p.unit.casefold()


def values_equal(gold: Any, pred: Any, *, with_unit: bool = False) -> bool:
    """Is the predicted value right for the gold value?

    - time: same TIMEX3 ``value``; and same ``mod`` when gold gives one;
    - quantity: same ``min``/``max``; with ``with_unit``, also the gold ``unit``
      (else units are scored apart, see :func:`units_equal`);
    - age: same ``min``/``max``;
    - name: same ``name`` (case-insensitive).
    A missing prediction or a different kind is wrong.
    """
    g, p = as_value(gold), as_value(pred)
    if g is None or p is None or g.kind != p.kind:
        return False
    if isinstance(g, TimeValue):
        assert isinstance(p, TimeValue)
        return time_values_equal(g.value, p.value) and (g.mod is None or g.mod == p.mod)
    if isinstance(g, QuantityValue):
        assert isinstance(p, QuantityValue)
        unit_ok = not with_unit or units_equal(g, p) is not False
        return numbers_equal(g.min, p.min) and numbers_equal(g.max, p.max) and unit_ok
    if isinstance(g, AgeValue):
        assert isinstance(p, AgeValue)
        return numbers_equal(g.min, p.min) and numbers_equal(g.max, p.max)
    assert isinstance(g, NameValue) and isinstance(p, NameValue)
    return g.name.casefold() == p.name.casefold()
