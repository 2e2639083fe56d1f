"""Independent named queries sent as one statement (``catalog.combined``): each query's text
is kept whole inside a subquery of its own, with only its parameters renamed."""

from __future__ import annotations

import dataclasses

import pytest

from vivim_graph.errors import QueryError
from vivim_graph.queries import catalog


def _query(name: str, text: str, columns: tuple[str, ...]) -> catalog.NamedQuery:
    template = catalog.get("impact/lookup_node")
    return dataclasses.replace(
        template, name=name, text=text, columns=dict.fromkeys(columns, "any")
    )


def test_the_combined_text_nests_each_query_and_renames_only_its_parameters():
    first = _query(
        "a",
        "// $not_a_parameter in a comment\n"
        "MATCH (n:Location {code: $code}) WHERE n.note <> '$literal'\n"
        "RETURN n.code AS code, $code AS asked\n",
        ("code", "asked"),
    )
    second = _query("b", "UNWIND $code AS c RETURN c AS `value`", ("value",))
    assert catalog.combined_text([first, second]) == (
        "CALL () {\n"
        "  CALL () {\n"
        "// $not_a_parameter in a comment\n"
        "MATCH (n:Location {code: $q0_code}) WHERE n.note <> '$literal'\n"
        "RETURN n.code AS code, $q0_code AS asked\n"
        "  }\n"
        "  RETURN collect({`code`: `code`, `asked`: `asked`}) AS rows0\n"
        "}\n"
        "CALL () {\n"
        "  CALL () {\n"
        "UNWIND $q1_code AS c RETURN c AS `value`\n"
        "  }\n"
        "  RETURN collect({`value`: `value`}) AS rows1\n"
        "}\n"
        "RETURN rows0, rows1"
    )


def test_parameters_are_bound_per_query_and_renamed_so_equal_names_do_not_clash():
    together = catalog.combined(
        [
            (
                "impact/provider_switch_lines",
                {"from_provider": "hetzner", "to_provider": "ovhcloud"},
            ),
            (
                "impact/provider_switch_lines",
                {"from_provider": "ovhcloud", "to_provider": "hetzner"},
            ),
        ]
    )
    assert together.parameters == {
        "q0_from_provider": "hetzner",
        "q0_to_provider": "ovhcloud",
        "q0_service": None,  # the default, bound as the query alone binds it
        "q1_from_provider": "ovhcloud",
        "q1_to_provider": "hetzner",
        "q1_service": None,
    }
    assert "$from_provider" not in together.text
    assert together.text.count("$q0_from_provider") == 1
    assert together.text.count("$q1_from_provider") == 1
    # each part keeps the query's own text (collected) to show and rerun alone
    query, bound = together.parts[1]
    assert query.text == catalog.collected(catalog.get("impact/provider_switch_lines")).text
    assert bound["from_provider"] == "ovhcloud"


def test_a_wrong_parameter_is_refused_before_anything_is_sent():
    with pytest.raises(QueryError, match="has no parameter nope"):
        catalog.combined([("milestone_cost_summary", {}), ("impact/lookup_node", {"nope": 1})])
