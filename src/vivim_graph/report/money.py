"""Money on chart axes: "€1.25M", "€350k", "€0.04", never scientific notation.

matplotlib's default formatter switches to an offset or to "1e7" once numbers grow; a
finance reader wants the currency and a short scale. The currency comes from the rows
plotted (their ``currency`` column), never assumed.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from typing import Any

from vivim_graph.errors import QueryError

SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CHF": "CHF ", "INR": "₹"}
_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k"))


def _trim(text: str, keep: int = 0) -> str:
    """Drop trailing zeros, keeping ``keep`` decimals (cents read as "0.10", not "0.1")."""
    if "." not in text:
        return text
    whole, decimals = text.split(".")
    decimals = decimals.rstrip("0").ljust(keep, "0")
    return f"{whole}.{decimals}" if decimals else whole


def compact_number(value: float) -> str:
    """1234567 -> "1.23M", 350000 -> "350k", 12 -> "12", 0.1 -> "0.10"; no exponent."""
    size = abs(value)
    if size == 0:
        return "0"
    sign = "-" if value < 0 else ""
    for limit, suffix in _SCALES:
        if size >= limit:
            return f"{sign}{_trim(f'{size / limit:.2f}')}{suffix}"
    if size >= 10:
        return f"{sign}{size:.0f}"
    # Small amounts (cost per user): two significant digits, at most six decimals.
    decimals = min(6, max(2, 1 - math.floor(math.log10(size))))
    return f"{sign}{_trim(f'{size:.{decimals}f}', keep=2)}"


def money_label(value: float, currency: str) -> str:
    """An amount in major units (euros, not cents) as a short axis label."""
    symbol = SYMBOLS.get(currency, f"{currency} ")
    text = compact_number(value)
    return f"-{symbol}{text[1:]}" if text.startswith("-") else f"{symbol}{text}"


def money_axis(axis: Any, currency: str) -> None:
    """Format a matplotlib axis (``ax.yaxis``) as money in ``currency``."""
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda value, _pos: money_label(value, currency)))


def count_axis(axis: Any) -> None:
    """Counts (users) on an axis, log scale included: "1k", "100k", "1M"."""
    from matplotlib.ticker import FuncFormatter, NullFormatter

    axis.set_major_formatter(FuncFormatter(lambda value, _pos: compact_number(value)))
    axis.set_minor_formatter(NullFormatter())


def one_currency(currencies: Iterable[str | None], what: str) -> str:
    """The currency of the rows behind a chart; several would make one axis meaningless."""
    found = sorted({c for c in currencies if c})
    if len(found) != 1:
        raise QueryError(
            f"{what}: expected the rows in one currency, found {found or 'none'}",
            hint="convert the amounts to one currency in the seed data before charting them",
        )
    return found[0]


def main_currency(currencies: Iterable[str | None], what: str) -> str:
    """The currency most rows are in (ties: alphabetical), for charts of one currency's rows."""
    counts = Counter(c for c in currencies if c)
    if not counts:
        raise QueryError(f"{what}: no row carries a currency")
    return min(counts, key=lambda c: (-counts[c], c))
