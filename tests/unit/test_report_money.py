"""Money on the report's axes: short, with the currency, never in scientific notation.

Each label is read back with the rule written here (k = 10^3, M = 10^6, B = 10^9,
T = 10^12) and must land within the rounding its precision allows.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vivim_graph.errors import QueryError
from vivim_graph.report.money import main_currency, money_label, one_currency

SCALE = {"": 1, "k": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}
LABEL = re.compile(r"^(-?)(€|\$|£|USD |XYZ )(\d+(?:\.\d+)?)([kMBT]?)$")


def _read_back(label: str) -> tuple[str, float]:
    match = LABEL.match(label)
    assert match, label
    sign, symbol, digits, suffix = match.groups()
    value = float(digits) * SCALE[suffix]
    return symbol.strip(), -value if sign else value


@given(
    st.floats(min_value=-5e13, max_value=5e13, allow_nan=False),
    st.sampled_from(["EUR", "USD", "GBP", "XYZ"]),
)
def test_labels_carry_the_currency_and_read_back_close(value, currency):
    label = money_label(value, currency)
    assert "e" not in label.lower().replace("usd", "").replace("xyz", "")  # no 1e+07
    symbol, back = _read_back(label)
    assert symbol == {"EUR": "€", "USD": "$", "GBP": "£"}.get(currency, currency)
    size = abs(value)
    if size >= 1000:  # two decimals of the scale: within 1 % (1.234M -> 1.23M)
        assert abs(back - value) <= 0.01 * size + 1e-9, (value, label)
    elif size >= 10:  # whole units
        assert abs(back - value) <= 0.5, (value, label)
    elif size >= 1e-6:  # two significant digits, six decimals at most
        assert abs(back - value) <= max(0.05 * size, 5e-7), (value, label)


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (1_234_567, "€1.23M"),
        (350_000, "€350k"),
        (1_894_685, "€1.89M"),
        (0.0421, "€0.042"),
        (-2_500, "-€2.5k"),
        (0, "€0"),
        (0.1, "€0.10"),
        (1_250_000, "€1.25M"),
        (42, "€42"),
    ],
)
def test_examples_a_finance_reader_expects(value, label):
    assert money_label(value, "EUR") == label


def test_rows_in_several_currencies_are_refused_by_name():
    assert one_currency(["EUR", "EUR", None], "milestone costs") == "EUR"
    with pytest.raises(QueryError, match=r"milestone costs.*EUR.*USD"):
        one_currency(["EUR", "USD"], "milestone costs")
    with pytest.raises(QueryError, match="cost per user"):
        one_currency([None], "cost per user")
    assert main_currency(["USD", "EUR", "EUR"], "budget") == "EUR"
    assert main_currency(["USD", "EUR"], "budget") == "EUR"  # tie: alphabetical
