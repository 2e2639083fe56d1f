"""The parsed model kept in the user's cache: served only for the same text, never stale."""

from __future__ import annotations

import shutil

import pytest

from vivim_graph.errors import ModelError
from vivim_graph.model import spec


@pytest.fixture
def model_copy(tmp_path, monkeypatch):
    monkeypatch.setenv("VIVIM_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "model.yaml"
    shutil.copyfile(spec.model_path(), path)
    return path


def _cached_files(model_copy):
    return sorted((model_copy.parent / "cache" / "model").glob("*.json"))


def test_the_first_read_fills_the_cache_and_the_second_gives_the_same_model(model_copy):
    first = spec._read_model(model_copy)
    assert len(_cached_files(model_copy)) == 1
    second = spec._read_model(model_copy)
    assert second == first
    assert [n.label for n in second.nodes] == [n.label for n in first.nodes]


def test_an_edited_model_is_parsed_again_not_served_from_the_cache(model_copy):
    before = spec._read_model(model_copy)
    label = before.nodes[0].label
    text = model_copy.read_text(encoding="utf-8")
    assert f"label: {label}\n" in text
    model_copy.write_text(text.replace(f"label: {label}\n", "label: Renamed\n", 1), "utf-8")
    after = spec._read_model(model_copy)
    assert after.nodes[0].label == "Renamed"
    assert len(_cached_files(model_copy)) == 2


def test_a_corrupt_cache_file_is_ignored(model_copy):
    expected = spec._read_model(model_copy)
    (cached,) = _cached_files(model_copy)
    cached.write_text("{not json", encoding="utf-8")
    assert spec._read_model(model_copy) == expected


def test_a_broken_model_is_refused_whatever_the_cache(model_copy):
    model_copy.write_text("nodes: [\n", encoding="utf-8")
    with pytest.raises(ModelError, match="not valid YAML"):
        spec._read_model(model_copy)
    assert _cached_files(model_copy) == []


def test_a_relationship_two_foreign_keys_would_make_alike_is_refused(model_copy):
    """Two foreign keys of one table with the same type and target: sync and check could not
    tell their relationships apart, so the model is refused, naming both columns."""
    model = spec._read_model(model_copy)
    node = next(n for n in model.nodes if len(n.references) >= 2)
    first, second = node.references[:2]
    line = _flow(second.type, second.columns, second.target, second.target_columns)
    text = model_copy.read_text(encoding="utf-8")
    assert text.count(line) >= 1
    twin = _flow(first.type, second.columns, first.target, first.target_columns)
    start = text.index(f"- table: {node.table}\n")
    model_copy.write_text(text[:start] + text[start:].replace(line, twin, 1), "utf-8")
    with pytest.raises(ModelError) as error:
        spec._read_model(model_copy)
    message = str(error.value)
    assert f"is made by both {node.table}.{','.join(first.columns)}" in message
    assert f"and {node.table}.{','.join(second.columns)}" in message


def _flow(kind: str, columns, target: str, target_columns) -> str:
    """A reference as graph/model.yaml writes it (flow style, one line)."""
    return (
        f"{{type: {kind}, columns: [{', '.join(columns)}], target: {target}, "
        f"target_columns: [{', '.join(target_columns)}]}}"
    )
