"""The blueprint's stage headers: one per stage that has a step, each bar over all of its steps.

Checked on the drawn SVG (parsed) of every built-in journey and persona: the
headers are exactly the stages with an applicable step of the persona, numbered
as in the journey file (as in the journey map); every step stands under its
stage's header, left of the next one; a stage that spans several ranks has a bar
from its header past the right edge of its last step, ending before the next
header.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest

from builtin_blueprints import CASES, builtin_blueprint
from lifeevents.analysis.report import analyze
from lifeevents.formats.journey_file import loads
from lifeevents.graph.journey import journey
from lifeevents.views.blueprint import blueprint_source, render_blueprint
from lifeevents.views.columns import stage_columns
from lifeevents.views.element_ids import ElementIds
from lifeevents.views.wording import Wording

SVG = "{http://www.w3.org/2000/svg}"


def _box(element: ET.Element) -> tuple[float, float]:
    """The horizontal extent (x0, x1) of what an SVG group draws."""
    xs: list[float] = []
    for item in element.iter():
        if item.get("points"):
            xs += [float(point.split(",")[0]) for point in (item.get("points") or "").split()]
        elif item.tag == f"{SVG}path":
            numbers = re.findall(r"-?\d+(?:\.\d+)?", item.get("d", ""))
            xs += [float(number) for number in numbers[0::2]]
        elif item.tag == f"{SVG}ellipse":
            cx, rx = float(item.get("cx", "0")), float(item.get("rx", "0"))
            xs += [cx - rx, cx + rx]
    assert xs, f"nothing drawn in {element.get('id')}"
    return min(xs), max(xs)


def _groups(root: ET.Element) -> dict[str, ET.Element]:
    return {group.get("id", ""): group for group in root.iter(f"{SVG}g")}


@pytest.mark.exe
@pytest.mark.parametrize(("name", "persona"), CASES)
def test_stage_headers_have_their_steps_under_them_and_bars_span_them(
    name: str, persona: str
) -> None:
    report, svg = builtin_blueprint(name, persona)
    elements = _groups(ET.fromstring(svg))
    ids = ElementIds(report.journey.graph)
    columns = [column for column in stage_columns(report, Wording.of(report)) if column.steps]
    headers = [elements[f"column-{index}"] for index in range(len(columns))]
    assert f"column-{len(columns)}" not in elements, "a header without steps"
    stages = list(report.journey.life_event.life_event.stages)
    for column, header in zip(columns, headers, strict=True):
        title = " ".join(text.text or "" for text in header.iter(f"{SVG}text"))
        assert title == column.title
        # Numbered as in the journey file, whichever stages this persona leaves out.
        assert title.startswith(f"{stages.index(column.key) + 1} · ")
    for index, (column, header) in enumerate(zip(columns, headers, strict=True)):
        left, right = _box(header)
        following = _box(headers[index + 1])[0] if index + 1 < len(headers) else math.inf
        steps = [_box(elements[ids.step(node)]) for node in column.steps]
        for node, (x0, x1) in zip(column.steps, steps, strict=True):
            assert left < (x0 + x1) / 2, f"{node} starts left of its header {column.title}"
            assert x1 < following, f"{node} reaches under the next header after {column.title}"
        bar = elements.get(f"column-{index}-bar")
        if bar is None:  # one rank: its steps stand under the title itself
            for node, (x0, x1) in zip(column.steps, steps, strict=True):
                assert left < (x0 + x1) / 2 < right, f"{node} is not under {column.title}"
        else:
            start, end = _box(bar)
            assert start >= right - 1, f"the bar of {column.title} does not start at it"
            assert end >= max(x1 for _, x1 in steps), f"the bar of {column.title} is short"
            assert end < following, f"the bar of {column.title} runs into the next header"


STAGED = """\
format: lifeevents/1
life_event: {id: demo, name: Demo, stages: [vorher, mitte, nachher]}
authorities: {amt: {name: Amt, level: gemeinde, site: rathaus}}
personas:
  ohne: {name: Ohne Mitte, attributes: {mitte: false}}
steps:
  - {id: a, name: A, authority: amt, channels: [mail], stage: vorher}
  - {id: b, name: B, authority: amt, channels: [mail], stage: mitte, when: {mitte: true}}
  - {id: c, name: C, authority: amt, channels: [mail], stage: nachher, after: [a]}
  - {id: d, name: D, authority: amt, channels: [mail], stage: nachher, after: [c]}
"""


def test_a_stage_without_steps_of_the_persona_has_no_header() -> None:
    report = analyze(journey(loads(STAGED, "staged.yaml", regions={}), "ohne"))
    source = blueprint_source(report)
    assert "2 · Mitte" not in source
    assert '"column-1"' in source
    assert '"column-2"' not in source
    assert "3 · Nachher" in source  # the file's number, not the position
    # The last stage spans two ranks: its bar runs to the right margin.
    assert 'id="column-1-bar"' in source


@pytest.mark.exe
def test_a_bar_ends_right_of_its_last_step_in_the_svg() -> None:
    report = analyze(journey(loads(STAGED, "staged.yaml", regions={}), "ohne"))
    elements = _groups(ET.fromstring(render_blueprint(report, "svg")))
    ids = ElementIds(report.journey.graph)
    assert _box(elements["column-1-bar"])[1] > _box(elements[ids.step("d")])[1]


def test_a_stage_left_empty_by_a_step_drawn_right_of_it_has_no_header() -> None:
    # b belongs to "vorher" but depends on a of "nachher": it stands in a's column, which
    # leaves "vorher" without a step to stand under its header.
    text = """\
format: lifeevents/1
life_event: {id: demo, name: Demo, stages: [vorher, nachher]}
authorities: {amt: {name: Amt, level: gemeinde, site: rathaus}}
steps:
  - {id: a, name: A, authority: amt, channels: [mail], stage: nachher}
  - {id: b, name: B, authority: amt, channels: [mail], stage: vorher, after: [a]}
"""
    source = blueprint_source(analyze(journey(loads(text, "pushed.yaml", regions={}))))
    assert "1 · Vorher" not in source
    assert "2 · Nachher" in source
    assert '"column-1"' not in source
