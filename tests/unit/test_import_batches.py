"""How the importer cuts rows into write batches (``take_batches``), checked against its
written rule for any number of rows and any batch size: every row once, in order; no batch
over ``batch_size``; every batch but a lone one at least half a batch, so no write gets a
list of a shorter size class than the batches before it (Neo4j plans a statement again for
each power of ten of a list's length)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vivim_graph.load.importer import take_batches


def cut(arrivals: list[int], batch_size: int) -> list[list[int]]:
    """Rows arriving in groups of the given sizes, batches taken after each group (as the
    importer takes them after each table batch), the rest at the end."""
    pending: list[int] = []
    batches: list[list[int]] = []
    counter = 0
    for size in arrivals:
        pending.extend(range(counter, counter + size))
        counter += size
        batches.extend(take_batches(pending, batch_size))
    batches.extend(take_batches(pending, batch_size, last=True))
    assert pending == []
    return batches


@given(st.lists(st.integers(0, 300), max_size=30), st.integers(1, 120))
def test_every_row_once_in_order_and_no_batch_shorter_than_half(arrivals, batch_size):
    batches = cut(arrivals, batch_size)
    rows = [r for b in batches for r in b]
    assert rows == list(range(sum(arrivals)))
    assert all(1 <= len(b) <= batch_size for b in batches)
    if len(batches) > 1:
        assert all(len(b) >= batch_size // 2 for b in batches), [len(b) for b in batches]


def test_the_seed_counts_make_two_even_batches():
    """5,647 node rows in batches of 5,000: two of 2,824 and 2,823, not 5,000 and 647."""
    assert [len(b) for b in cut([5647], 5000)] == [2824, 2823]
    assert [len(b) for b in cut([4000, 4000, 4000], 5000)] == [5000, 3500, 3500]
    assert [len(b) for b in cut([300], 5000)] == [300]
