"""The Neo4j Browser style (GraSS), derived from ``graph/model.yaml`` alone.

- **Colour.** Each module keeps the hue of its colour in the model; every label of the
  module gets its own shade of that hue (lightness spread over a wide range, saturation
  alternating between neighbouring steps), so a drill-down inside one module, such as the
  Malta tour stop (all ``people``), still tells Location, TeamMember, Role and the rest apart.
  Labels joined by a relationship type of the model (drawn next to each other) get shades
  far apart (``shade_levels``).
- **Text.** The caption colour is black or white, whichever contrasts more with the fill by
  WCAG 2 relative luminance; one of the two always reaches 4.58:1, above AA's 4.5:1.
- **Caption.** The model's caption column; where the model names only the numeric key, the
  first natural key, else the first required text property that says what the node is.
- **Size.** Browser fits ``r²π / font-size²`` characters of a caption into a node: 66 px and
  12 px fit 23 characters in up to three lines, readable at Browser's default zoom.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass

from vivim_graph.model.spec import GraphModel, NodeSpec

DIAMETER_PX = 66
FONT_PX = 12
LIGHTNESS = (0.24, 0.80)  # darkest and lightest shade of a module
SATURATION = (0.50, 0.85)  # alternating between neighbouring shades
BLACK, WHITE = "#000000", "#FFFFFF"
# Required text columns that every table carries and that say nothing about the node.
_BOOKKEEPING = {"currency", "source_key", "source_flag", "notes", "description"}


@dataclass(frozen=True)
class LabelStyle:
    label: str
    module: str
    color: str  # fill
    border: str
    text: str  # caption colour inside the node
    caption: str  # property shown as the caption


def to_rgb(color: str) -> tuple[float, float, float]:
    value = color.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"colour {color!r} is not #RRGGBB")
    r, g, b = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return r, g, b


def to_hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02X}" for c in rgb)


def hue_of(color: str) -> float:
    """The hue in degrees [0, 360)."""
    h, _, _ = colorsys.rgb_to_hls(*to_rgb(color))
    return h * 360


def _luminance(color: str) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in to_rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_color(fill: str) -> str:
    return BLACK if contrast(fill, BLACK) >= contrast(fill, WHITE) else WHITE


def shades(module_color: str, count: int) -> list[str]:
    """``count`` distinct fills of the module colour's hue, darkest first."""
    hue = hue_of(module_color) / 360
    if count == 1:
        return [module_color.upper()]
    low, high = LIGHTNESS
    levels = []
    for i in range(count):
        lightness = low + (high - low) * i / (count - 1)
        saturation = SATURATION[i % 2]
        levels.append(to_hex(colorsys.hls_to_rgb(hue, lightness, saturation)))
    return levels


def _neighbours(model: GraphModel, labels: set[str]) -> dict[str, set[str]]:
    """Labels of one module joined by a relationship type of the model."""
    pairs = [(n.table, r.target) for n in model.nodes for r in n.references]
    pairs += [(j.source.table, j.target.table) for j in model.joins]
    out: dict[str, set[str]] = {label: set() for label in labels}
    for a, b in pairs:
        la, lb = model.label_of(a), model.label_of(b)
        if la != lb and la in labels and lb in labels:
            out[la].add(lb)
            out[lb].add(la)
    return out


def shade_levels(model: GraphModel, nodes: list[NodeSpec]) -> dict[str, int]:
    """Which shade (0 darkest) each label takes, so labels drawn side by side differ.

    Best connected first, each label takes a free shade at least a quarter of the range
    from its neighbours' shades where it can, and among those the one farthest from every
    shade taken: a hub and its spokes spread over the whole range, not bunched at one end.
    """
    labels = [n.label for n in nodes]
    neighbours = _neighbours(model, set(labels))
    order = sorted(labels, key=lambda label: (-len(neighbours[label]), labels.index(label)))
    enough = max(2, len(labels) // 4)
    taken: dict[str, int] = {}

    def gap(level: int, others: list[int]) -> int:
        return min((abs(level - o) for o in others), default=len(labels))

    for label in order:
        near = [taken[n] for n in neighbours[label] if n in taken]
        free = [v for v in range(len(labels)) if v not in taken.values()]
        taken[label] = max(
            free, key=lambda v: (min(gap(v, near), enough), gap(v, list(taken.values())), -v)
        )
    return taken


def _border(fill: str) -> str:
    h, lightness, s = colorsys.rgb_to_hls(*to_rgb(fill))
    return to_hex(colorsys.hls_to_rgb(h, max(0.0, lightness - 0.15), s))


def caption_property(node: NodeSpec) -> str:
    """The property Browser shows on the node (see the module docstring)."""
    if node.caption not in node.key and (prop := node.property_for(node.caption)):
        return prop.name
    for column in node.natural_keys:
        if prop := node.property_for(column):
            return prop.name
    for prop in node.properties:
        descriptive = prop.column not in _BOOKKEEPING and prop.column not in node.key
        if prop.type == "string" and prop.required and descriptive:
            return prop.name
    return node.key_property


def label_styles(model: GraphModel) -> dict[str, LabelStyle]:
    """Every label of the model with its style, in the model's order."""
    styles: dict[str, LabelStyle] = {}
    for module in model.modules:
        nodes = [n for n in model.nodes if n.module == module.name]
        fills, levels = shades(module.color, len(nodes)), shade_levels(model, nodes)
        for node in nodes:
            fill = fills[levels[node.label]]
            caption = caption_property(node)
            border, text = _border(fill), text_color(fill)
            styles[node.label] = LabelStyle(node.label, module.name, fill, border, text, caption)
    return {n.label: styles[n.label] for n in model.nodes}


def grass(model: GraphModel) -> str:
    """Neo4j Browser style: a shade of the module's hue and a readable caption per label."""
    blocks = [
        f"node {{ diameter: {DIAMETER_PX}px; color: #A5ABB6; border-color: #9AA1AC;"
        f" border-width: 2px; text-color-internal: {BLACK}; font-size: {FONT_PX}px; }}",
        "relationship { color: #A5ABB6; shaft-width: 1px; font-size: 9px; padding: 3px;"
        f" text-color-external: {BLACK}; text-color-internal: {WHITE}; caption: '<type>'; }}",
    ]
    for style in label_styles(model).values():
        blocks.append(
            f"node.{style.label} {{ color: {style.color}; border-color: {style.border}; "
            f"text-color-internal: {style.text}; caption: '{{{style.caption}}}'; }}"
        )
    # Last, and free of quotes: Browser's grass parser knows no comments. A comment before
    # the first rule becomes part of its selector, and a quote in it flips the parser's
    # string state for the rest of the file.
    blocks += [
        "/* Generated from graph/model.yaml by vivim-graph model render, do not edit.",
        "   In Neo4j Browser: drag this file onto the Browser window, or run :style and",
        "   paste it. One hue per module, a shade per label, captions show each node by name. */",
    ]
    return "\n".join(blocks) + "\n"
