"""The CSV text `import --offline` writes reads back, under RFC 4180, as the values it wrote."""

from __future__ import annotations

import csv
import io
import random

from vivim_graph.load.offline import HEADER_TYPES, csv_field
from vivim_graph.model.spec import load_model

ALPHABET = ["a", "Z", " ", ",", '"', "'", "\n", "\r", ";", "\\", "é", "€", "0", "|"]


def corpus(n: int = 2000) -> list[str]:
    rng = random.Random(17)
    texts = ["", " ", '"', '""', ",", "\n", "\r\n", "null", "NULL"]
    texts += ["".join(rng.choice(ALPHABET) for _ in range(rng.randrange(1, 12))) for _ in range(n)]
    return texts


def test_strings_read_back_exactly_and_empty_is_not_null():
    texts = corpus()
    line = ",".join(csv_field(t) for t in texts) + "\n"
    (row,) = list(csv.reader(io.StringIO(line, newline="")))
    assert row == texts
    assert csv_field(None) == "" and csv_field("") == '""'  # NULL unset, "" an empty string


def test_numbers_and_booleans_are_the_importers_literals():
    rng = random.Random(3)
    floats = [rng.uniform(-1e6, 1e6) for _ in range(500)] + [0.1, 1e-300, 5e20]
    assert all(float(csv_field(f)) == f for f in floats)  # shortest text, same double
    assert [csv_field(v) for v in (True, False, 0, -7, 2**62)] == [
        "true",
        "false",
        "0",
        "-7",
        str(2**62),
    ]
    assert csv_field(float("nan")) == "NaN" and csv_field(float("-inf")) == "-Infinity"


def test_every_model_type_has_a_header_type():
    kinds = {p.type for n in load_model().nodes for p in n.properties}
    assert kinds - {"list"} <= set(HEADER_TYPES)
