"""The Browser style (graph/style.grass) read as Browser reads it, checked against the model.

The rules are checked from the file's text with formulas written out here (WCAG 2 relative
luminance and contrast, HLS hue), not with the helpers that wrote the file.
"""

from __future__ import annotations

import colorsys
import itertools
import math
import re

import pytest

from vivim_graph.model import render
from vivim_graph.model.spec import load_model
from vivim_graph.resources import resource_dir

MODEL = load_model()
RULE = re.compile(r"^(node|node\.\w+|relationship) \{ (.*) \}$", re.M)
AA_NORMAL_TEXT = 4.5  # WCAG 2.x success criterion 1.4.3


def _rules() -> dict[str, dict[str, str]]:
    text = (resource_dir("graph") / "style.grass").read_text(encoding="utf-8")
    rules = {}
    for selector, body in RULE.findall(text):
        props = (p.split(":", 1) for p in body.split(";") if p.strip())
        rules[selector] = {k.strip(): v.strip() for k, v in props}
    return rules


RULES = _rules()


def _rgb(colour: str) -> tuple[float, float, float]:
    assert re.fullmatch(r"#[0-9A-Fa-f]{6}", colour), colour
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return r, g, b


def _relative_luminance(colour: str) -> float:
    """WCAG 2: L = 0.2126 R + 0.7152 G + 0.0722 B of the linearised sRGB channels."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    """WCAG 2: (L1 + 0.05) / (L2 + 0.05), L1 the lighter."""
    lighter, darker = sorted((_relative_luminance(a), _relative_luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _hls(colour: str) -> tuple[float, float, float]:
    h, lightness, s = colorsys.rgb_to_hls(*_rgb(colour))
    return h * 360, lightness, s


def _hue_gap(a: float, b: float) -> float:
    gap = abs(a - b) % 360
    return min(gap, 360 - gap)


def _fill(label: str) -> str:
    return RULES[f"node.{label}"]["color"]


def test_the_style_file_is_the_one_the_model_renders():
    assert render.render(check_only=True) == []


def test_every_label_of_the_model_gets_a_colour_and_a_caption():
    labels = {n.label for n in MODEL.nodes}
    styled = {s.split(".", 1)[1] for s in RULES if s.startswith("node.")}
    assert styled == labels
    for node in MODEL.nodes:
        rule = RULES[f"node.{node.label}"]
        assert {"color", "border-color", "text-color-internal", "caption"} <= set(rule)
        caption = re.fullmatch(r"'\{(\w+)\}'", rule["caption"])
        assert caption, (node.label, rule["caption"])
        names = {p.name for p in node.properties} | {node.key_property}
        assert caption.group(1) in names, (node.label, caption.group(1))
        curated = node.property_for(node.caption)
        if node.caption not in node.key and curated:  # the model chose a caption: kept
            assert caption.group(1) == curated.name, node.label


@pytest.mark.parametrize("module", [m.name for m in MODEL.modules])
def test_labels_of_a_module_share_its_hue_in_distinct_shades(module):
    labels = [n.label for n in MODEL.nodes if n.module == module]
    colour = next(m.color for m in MODEL.modules if m.name == module)
    module_hue, _, _ = _hls(colour)
    shades = [_hls(_fill(label)) for label in labels]
    for label, (hue, _, saturation) in zip(labels, shades, strict=True):
        assert saturation > 0.3, (label, saturation)  # a grey has no hue to share
        # 8-bit channels move a hue by a degree or two at the darkest and lightest shades.
        assert _hue_gap(hue, module_hue) <= 3, (label, hue, module_hue)
    assert len({_fill(label).upper() for label in labels}) == len(labels)
    for (a, sa), (b, sb) in itertools.combinations(zip(labels, shades, strict=True), 2):
        apart = abs(sa[1] - sb[1]) + abs(sa[2] - sb[2])  # lightness + saturation
        assert apart >= 0.02, (a, b, sa, sb)


def test_modules_have_hues_far_apart():
    hues = {m.name: _hls(m.color)[0] for m in MODEL.modules}
    for (a, ha), (b, hb) in itertools.combinations(hues.items(), 2):
        assert _hue_gap(ha, hb) >= 15, (a, ha, b, hb)
    # and the labels follow them: no two modules' labels share a hue
    by_module = {
        m.name: {round(_hls(_fill(n.label))[0]) for n in MODEL.nodes if n.module == m.name}
        for m in MODEL.modules
    }
    for a, b in itertools.combinations(by_module, 2):
        assert all(_hue_gap(x, y) >= 10 for x in by_module[a] for y in by_module[b]), (a, b)


def test_caption_text_contrasts_with_every_fill_at_wcag_aa():
    assert _contrast("#FFFFFF", "#000000") == pytest.approx(21.0)  # the formula, checked
    assert _contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    default = RULES["node"]
    assert _contrast(default["text-color-internal"], default["color"]) >= AA_NORMAL_TEXT
    for node in MODEL.nodes:
        rule = RULES[f"node.{node.label}"]
        ratio = _contrast(rule["text-color-internal"], rule["color"])
        assert ratio >= AA_NORMAL_TEXT, (node.label, rule["color"], ratio)


def test_captions_fit_readable_at_the_default_zoom():
    """Browser cuts a caption to r²π / font-size² characters (its ``fitCaptionIntoCircle``)."""
    default = RULES["node"]
    radius = float(default["diameter"].removesuffix("px")) / 2
    font = float(default["font-size"].removesuffix("px"))
    assert font >= 11  # px at zoom 1: smaller is hard to read on a laptop screen
    assert math.floor(radius**2 * math.pi / font**2) >= 20  # "Valletta", "Senior Engineer"
    assert radius <= 40  # and a drill-down of ~40 nodes still fits a window
