from __future__ import annotations

from newsie.evaluate.values import as_value, units_equal, values_equal
from newsie.schema import AgeValue, NameValue, QuantityValue, TimeValue


def test_time_values():
    g = TimeValue(value="2023-01-20", precision="day")
    assert values_equal(g, TimeValue(value="2023-01-20", rule="dates:abs"))
    assert not values_equal(g, TimeValue(value="2023-01-21"))
    assert values_equal(TimeValue(value="XXXX-01-20"), TimeValue(value="xxxx-01-20"))
    assert not values_equal(TimeValue(value="P1W", mod="LESS_THAN"), TimeValue(value="P1W"))
    assert values_equal(TimeValue(value="P1W"), TimeValue(value="P1W", mod="LESS_THAN"))


def test_quantity_values():
    g = QuantityValue(min=300, max=500, unit="person")
    assert values_equal(g, QuantityValue(min=300.0, max=500.0000001, unit="Person"))
    assert values_equal(g, QuantityValue(min=300, max=500))  # the unit is scored apart ...
    assert not values_equal(g, QuantityValue(min=300, max=500), with_unit=True)  # ... unless asked
    assert units_equal(g, QuantityValue(min=1, max=1, unit="PERSON")) is True
    assert units_equal(g, QuantityValue(min=300, max=500)) is False
    assert units_equal(QuantityValue(min=3, max=3), QuantityValue(min=3, max=3, unit="x")) is None
    assert values_equal(QuantityValue(min=3, max=3), QuantityValue(min=3, max=3, unit="x"))
    assert not values_equal(QuantityValue(min=3, max=None), QuantityValue(min=3, max=3))


def test_age_name_and_kind_mismatch():
    assert values_equal(AgeValue(min=19, max=27), AgeValue(min=19, max=27, approx=True))
    assert not values_equal(AgeValue(min=19, max=27), QuantityValue(min=19, max=27))
    assert values_equal(NameValue(name="North Korea"), NameValue(name="north korea"))
    assert not values_equal(TimeValue(value="2023"), None)


def test_as_value_from_dict():
    assert as_value({"kind": "time", "value": "2022-11"}) == TimeValue(value="2022-11")
    assert as_value({"kind": "nonsense"}) is None
    assert as_value("2022") is None
