"""The blueprint view and the Graphviz runner: lanes, steps, highlights, safety, determinism.

Tests marked ``exe`` run Graphviz's ``dot`` (tests/conftest.py skips them without it).
SVG is parsed with :mod:`xml.etree`: Graphviz writes no entity declarations.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from textwrap import dedent

import pytest

from builtin_blueprints import builtin_blueprint
from lifeevents.analysis.report import Report, analyze
from lifeevents.errors import GraphvizError, GraphvizNotFoundError
from lifeevents.formats.journey_file import load, loads
from lifeevents.graph.journey import journey
from lifeevents.library.builtin import builtin_journeys
from lifeevents.text.labels import Language
from lifeevents.views.blueprint import api as blueprint_api
from lifeevents.views.blueprint import (
    blueprint_description,
    blueprint_engine,
    blueprint_source,
    blueprint_title,
    render_blueprint,
)
from lifeevents.views.element_ids import ElementIds
from lifeevents.views.graphviz_output import add_svg_text_alternative, render_graphviz
from lifeevents.views.options import Direction, Highlight, RenderOptions
from lifeevents.views.style import LANE_ORDER

HERE = Path(__file__).parent
REPO = HERE.parent
SPEC_EXAMPLE = HERE / "data" / "spec-example.yaml"
MOVE = REPO / "journeys" / "umzug-innerhalb-gemeinde.yaml"
SNAPSHOT = HERE / "snapshots" / "blueprint-spec-example-digital.dot"
SVG = "{http://www.w3.org/2000/svg}"

sys.path.insert(0, str(REPO / "benchmarks"))
from synthetic import synthetic_life_event  # noqa: E402

# Names that break DOT, HTML-like labels, XML or Graphviz's own escapes when not escaped.
HOSTILE = dedent(r"""
    format: lifeevents/1
    life_event: {id: hostile, name: "Böse <b>\"Lage\"</b> {x} \\N", stages: [vorher]}
    authorities:
      amt: {name: "Amt <script>alert(1)</script>", level: gemeinde, site: rathaus}
      kreis: {name: "Kreis \"Q\" {a|b} \\", level: kreis, site: kreishaus}
    evidence:
      doc: {name: "Doc </TD></TABLE>> ]; x -> y; \\", issued_by: amt}
    personas:
      p: {name: "Per\"sona\" <i>x</i> -- -->", prefer: [online]}
    steps:
      - {id: a, name: "<script>alert(1)</script>", authority: amt, stage: vorher,
         channels: [in_person], produces: [doc], legal_basis: "§ 1 \"x\" \\l"}
      - {id: b, name: "Quote \" brace { } back\\slash \\N and\nnew line", authority: kreis,
         channels: [online], requires: [doc], lead_time_days: 1}
      - {id: c, name: "trailing backslash \\", authority: kreis, channels: [mail],
         after: [a], requires: [doc], deadline_days: 0}
""")

needs_dot = pytest.mark.exe


def report_of(path: Path, persona: str) -> Report:
    return analyze(journey(load(path), persona))


def parse(svg: bytes) -> ET.Element:
    return ET.fromstring(svg)


def groups(root: ET.Element) -> dict[str, ET.Element]:
    """SVG groups by id (Graphviz writes our node and edge ids as the group ids)."""
    return {g.get("id", ""): g for g in root.iter(f"{SVG}g")}


def classes(element: ET.Element) -> set[str]:
    return set((element.get("class") or "").split())


def box(element: ET.Element) -> tuple[float, float, float, float]:
    """The bounding box (x0, x1, y0, y1) of a node's outline."""
    xs: list[float] = []
    ys: list[float] = []
    for item in element.iter():
        if item.get("points"):
            for point in (item.get("points") or "").split():
                x, y = point.split(",")
                xs.append(float(x))
                ys.append(float(y))
        elif item.tag == f"{SVG}ellipse":
            cx, cy, rx, ry = (float(item.get(key, "0")) for key in ("cx", "cy", "rx", "ry"))
            xs += [cx - rx, cx + rx]
            ys += [cy - ry, cy + ry]
        elif item.tag == f"{SVG}path":
            numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", item.get("d", ""))]
            xs += numbers[0::2]
            ys += numbers[1::2]
    assert xs, f"no outline in {element.get('id')}"
    return min(xs), max(xs), min(ys), max(ys)


def separator_lines(root: ET.Element, horizontal: bool) -> dict[int, float]:
    """Position of each lane boundary line, from the separator nodes on it."""
    positions: dict[int, list[float]] = {}
    for g in root.iter(f"{SVG}g"):
        title = g.find(f"{SVG}title")
        if "node" in classes(g) and title is not None and (title.text or "").startswith("sep-"):
            boundary = int((title.text or "").split("-")[1])
            x0, x1, y0, y1 = box(g)
            positions.setdefault(boundary, []).append(
                (y0 + y1) / 2 if horizontal else (x0 + x1) / 2
            )
    lines = {}
    for boundary, values in positions.items():
        assert max(values) - min(values) < 1, f"lane line {boundary} is not straight"
        lines[boundary] = values[0]
    return lines


# ---------------------------------------------------------------------------
# Lanes, steps, edges.


def builtin_reports() -> Iterator[tuple[str, Report]]:
    """Each built-in journey for its last persona (the most specific one)."""
    for name, path in sorted(builtin_journeys().items()):
        life_event = load(path)
        yield name, analyze(journey(life_event, life_event.persona_ids()[-1]))


@needs_dot
@pytest.mark.parametrize("direction", ["LR", "TB"])
def test_every_step_lies_in_its_lane_and_lanes_keep_their_order(direction: Direction) -> None:
    horizontal = direction == "LR"
    reports = list(builtin_reports()) if horizontal else [("move", report_of(MOVE, "default"))]
    for name, report in reports:
        graph = report.journey.graph
        svg = render_graphviz(blueprint_source(report, RenderOptions(direction=direction)), "svg")
        root = parse(svg)
        elements = groups(root)
        lanes = [
            level for level in LANE_ORDER if any(graph.nodes[n]["level"] is level for n in graph)
        ]
        found = {key for key, g in elements.items() if "lane" in classes(g)}
        assert found == {f"lane-{level.value}" for level in lanes}, name
        lines = separator_lines(root, horizontal)
        assert len(lines) == len(lanes) + 1  # header row | lanes | key
        ordered = [lines[boundary] for boundary in sorted(lines)]
        assert ordered == sorted(ordered), f"{name}: lanes out of order"
        ids = ElementIds(graph)
        for node in graph:
            lane = lanes.index(graph.nodes[node]["level"]) + 1
            x0, x1, y0, y1 = box(elements[ids.step(node)])
            low, high = (y0, y1) if horizontal else (x0, x1)
            assert lines[lane - 1] < low, f"{name}: {node} above its lane"
            assert high < lines[lane], f"{name}: {node} below its lane"


@needs_dot
def test_a_node_per_applicable_step_with_its_classes() -> None:
    report = report_of(MOVE, "digital-mit-auto")
    graph = report.journey.graph
    elements = groups(parse(render_blueprint(report, "svg")))
    ids = ElementIds(graph)
    steps = {key for key, g in elements.items() if "step" in classes(g)}
    assert steps == {ids.step(node) for node in graph}
    for node, data in graph.nodes(data=True):
        assert {"step", f"level-{data['level'].value}", f"channel-{data['channel'].value}"} <= (
            classes(elements[ids.step(node)])
        )
    at_visit = {node for planned in report.visits.plan for node in planned.steps}
    assert {node for node in graph if "visit" in classes(elements[ids.step(node)])} == at_visit


@needs_dot
@pytest.mark.parametrize("persona", ["digital-mit-auto", "schalter-mit-auto-und-hund"])
def test_every_handover_and_media_break_has_a_highlighted_edge(persona: str) -> None:
    report = report_of(MOVE, persona)
    ids = ElementIds(report.journey.graph)
    elements = groups(parse(render_blueprint(report, "svg")))
    assert report.authority_handovers
    for handover in report.authority_handovers:
        edge = elements[ids.edge(handover.source, handover.target)]
        assert {"dependency", "evidence", "authority-handover"} <= classes(edge)
    for media_break in report.media_breaks:
        edge = elements[ids.edge(media_break.source, media_break.target)]
        assert "media-break" in classes(edge)
    highlighted = {key for key, g in elements.items() if "authority-handover" in classes(g)}
    assert len(highlighted) == len(report.authority_handovers)
    for violation in report.once_only_violations:
        assert "once-only" in classes(elements[ids.step(violation.step)])


def test_labels_name_findings_and_visits_number_the_minimum_plan() -> None:
    report = report_of(MOVE, "schalter-mit-auto-und-hund")
    source = blueprint_source(report)
    assert "Bürger trägt Wohnungsgeberbestätigung" in source
    minimum, modelled = report.visits.minimum, report.visits.as_modelled
    assert minimum > 1
    assert modelled > 1
    assert f"2. von {minimum} im kürzesten Plan" in source
    assert f"heute {modelled} getrennte Besuche" in source  # once, in the key
    assert "wie modelliert:" not in source
    assert "nötige" not in source  # the plan's number, not a claim that the visit is needed
    english = blueprint_source(report, RenderOptions(lang="en"))
    assert f"2 of {minimum} in shortest plan" in english
    assert f"today {modelled} separate visits" in english
    assert "citizen carries" in english
    assert "Municipality" in english


VISIT_WITH_OTHER_CHANNELS = dedent("""
    format: lifeevents/1
    life_event: {id: demo, name: Demo}
    authorities: {amt: {name: Amt, level: gemeinde, site: rathaus}}
    personas:
      schalter: {name: Schalter, prefer: [in_person, online, phone]}
    steps:
      - {id: a, name: Antrag stellen, authority: amt, channels: [phone, in_person, online],
         lead_time_days: 3}
      - {id: b, name: Ausweis abholen, authority: amt, channels: [in_person], after: [a]}
""")


def test_a_visit_badge_names_the_other_channels_its_step_offers() -> None:
    report = analyze(journey(loads(VISIT_WITH_OTHER_CHANNELS, "v.yaml", regions={}), "schalter"))
    assert report.visits.minimum == 2
    expected: list[tuple[Language, str, str]] = [
        ("de", "1. von 2 im kürzesten Plan", "auch Telefon, online möglich"),
        ("en", "1 of 2 in shortest plan", "phone, online also possible"),
    ]
    for lang, badge, also in expected:
        source = blueprint_source(report, RenderOptions(lang=lang))
        first, second = (_label_words(source, step) for step in ("step-0", "step-1"))
        assert badge in first, lang
        assert also in first, lang
        # Only physical channels: the second visit's badge says nothing more.
        assert "2. von 2" in second or "2 of 2" in second
        assert "möglich" not in second, lang
        assert "possible" not in second, lang


def _label_words(source: str, step: str) -> str:
    """The words a step's HTML-like label shows, on one line."""
    line = next(line for line in source.splitlines() if line.startswith(f'  "{step}" ['))
    label = re.search(r"label=<(.*)>, tooltip=", line)
    assert label is not None
    return " ".join(re.sub(r"<[^>]+>", " ", label.group(1)).split())


@needs_dot
@pytest.mark.parametrize("name", ["todesfall", "zuzug-in-den-kreis"])
def test_edge_words_are_numbers_on_their_edges_explained_once(name: str) -> None:
    life_event = load(builtin_journeys()[name])
    report = analyze(journey(life_event, life_event.persona_ids()[-1]))
    source = blueprint_source(report)
    ids = ElementIds(report.journey.graph)
    root = parse(render_graphviz(source, "svg"))
    elements = groups(root)
    numbers: dict[str, set[str]] = {}
    for handover in report.authority_handovers:
        edge = elements[ids.edge(handover.source, handover.target)]
        # The number is drawn inside the edge's own group, near its arrowhead.
        shown = [text.text or "" for text in edge.iter(f"{SVG}text")]
        assert len(shown) == 1, (handover, shown)
        assert shown[0].isdigit(), (handover, shown)
        numbers.setdefault(shown[0], set()).add(handover.source)
    assert numbers
    # The key says each number's words once, and no edge carries words of its own.
    key = " ".join(text.text or "" for text in root.iter(f"{SVG}text"))
    for words_of_key in re.findall(r"Bürger trägt [^<;]+", key):
        assert key.count(words_of_key) == 1, words_of_key
    edges = [line for line in source.splitlines() if re.match(r'\s+"step-\d+" -> "step-\d+"', line)]
    assert not [line for line in edges if re.search(r"(?<![a-z])label=<", line)]
    assert [line for line in edges if "headlabel=<" in line]


@needs_dot
@pytest.mark.parametrize("name", sorted(builtin_journeys()))
def test_every_marker_is_clear_of_the_steps_and_of_the_other_markers(name: str) -> None:
    # Steps are drawn over the edges: a number that falls on a step (a short edge between
    # neighbouring columns) is hidden under its white box. Two edges that enter a step
    # side by side would stack their numbers ("1" over "2") unless staggered.
    for persona in load(builtin_journeys()[name]).persona_ids():
        root = ET.fromstring(builtin_blueprint(name, persona)[1])
        elements = groups(root)
        steps = {
            key: box(group) for key, group in elements.items() if re.fullmatch(r"step-\d+", key)
        }
        markers = {key: box(group) for key, group in elements.items() if key.endswith("headlabel")}
        for key, (x0, x1, y0, y1) in markers.items():
            for step, (a0, a1, b0, b1) in steps.items():
                # A corner may touch (3 pt); a number under a step would overlap by its size.
                overlap = min(x1, a1) - max(x0, a0), min(y1, b1) - max(y0, b0)
                assert min(overlap) <= 3, (name, persona, key, step, overlap)
        for first, second in itertools.combinations(sorted(markers), 2):
            (x0, x1, y0, y1), (a0, a1, b0, b1) = markers[first], markers[second]
            overlap = min(x1, a1) - max(x0, a0), min(y1, b1) - max(y0, b0)
            assert min(overlap) <= 1, (name, persona, first, second, overlap)


@needs_dot
def test_steps_stand_under_their_stage() -> None:
    life_event = load(builtin_journeys()["todesfall"])
    for persona in life_event.persona_ids():
        report = analyze(journey(life_event, persona))
        graph = report.journey.graph
        root = parse(render_blueprint(report, "svg"))
        elements = groups(root)
        ids = ElementIds(graph)
        stages = list(report.journey.life_event.life_event.stages)
        # Each column title starts its column; a step stands right of its stage's title
        # and left of the next stage's title.
        starts = [box(elements[f"column-{index}"])[0] for index in range(len(stages))]
        for node, data in graph.nodes(data=True):
            if not data["stage"]:
                continue
            index = stages.index(data["stage"])
            x0, x1, _, _ = box(elements[ids.step(node)])
            middle = (x0 + x1) / 2
            assert middle > starts[index], (persona, node)
            if index + 1 < len(stages):
                assert middle < starts[index + 1], (persona, node)


def test_highlights_can_be_switched_off() -> None:
    report = report_of(MOVE, "digital-mit-auto")
    plain = blueprint_source(report, RenderOptions(highlight=frozenset()))
    for marker in ("authority-handover", "media-break", "once-only", "im kürzesten Plan"):
        assert marker not in plain
    only_breaks = blueprint_source(
        report, RenderOptions(highlight=frozenset({Highlight.MEDIA_BREAKS}))
    )
    assert "media-break" in only_breaks
    assert "authority-handover" not in only_breaks


def test_title_figures_and_text_alternative() -> None:
    report = report_of(MOVE, "digital-mit-auto")
    assert blueprint_title(report) == (
        "Umzug innerhalb der Gemeinde · Blueprint · Persona: Digital zuerst, mit Auto · "
        "Gemeinde: Greven"
    )
    description = blueprint_description(report)
    assert "Besuche (wie modelliert): 1" in description
    assert (
        "- Vermieter/in (Wohnungsgeber) → Bürgerbüro Greven: Bürger trägt Wohnungsgeberbestätigung"
        in description
    )
    assert "Medienbrüche" in blueprint_source(report)


# ---------------------------------------------------------------------------
# Safety and determinism.


@needs_dot
def test_hostile_names_are_drawn_as_text() -> None:
    report = analyze(journey(loads(HOSTILE, "hostile.yaml", regions={}), "p"))
    source = blueprint_source(report)
    completed = subprocess.run(["dot", "-Tsvg"], input=source.encode(), capture_output=True)
    assert completed.returncode == 0, completed.stderr
    assert not completed.stderr, completed.stderr
    svg = render_blueprint(report, "svg")
    root = parse(svg)
    assert not [element for element in root.iter() if "script" in element.tag.lower()]
    texts = " ".join(element.text or "" for element in root.iter(f"{SVG}text"))
    for shown in (
        "<script>alert(1)</script>",
        "Amt <script>alert(1)</script>",
        'Quote " brace { } back\\slash',
        "\\N and new line",
        "trailing backslash \\",
        'Kreis "Q" {a|b} \\',
        "</TD></TABLE>> ]; x -> y; \\",
        'Böse <b>"Lage"</b> {x} \\N',
    ):
        assert shown in texts, shown
    steps = [g for g in root.iter(f"{SVG}g") if "step" in classes(g)]
    assert len(steps) == 3
    # The tooltip keeps the name too, and the persona's "--" cannot end an XML comment.
    assert any(
        "<script>alert(1)</script>" in (a.get("{http://www.w3.org/1999/xlink}title") or "")
        for a in root.iter(f"{SVG}a")
    )


@needs_dot
def test_every_format_is_well_formed_and_carries_no_clock() -> None:
    # Same bytes across processes and hash seeds: tests/test_determinism.py. Here: the
    # formats are what they say, and the PDF carries a fixed date, not the clock.
    report = report_of(SPEC_EXAMPLE, "digital")
    svg, png, pdf = (render_blueprint(report, fmt) for fmt in ("svg", "png", "pdf"))
    assert parse(svg).tag == f"{SVG}svg"
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert pdf.startswith(b"%PDF")
    assert b"/CreationDate (D:19700101000000" in pdf


@needs_dot
def test_svg_has_title_and_description_first() -> None:
    report = report_of(SPEC_EXAMPLE, "digital")
    root = parse(render_blueprint(report, "svg"))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "map-title"
    assert root.get("aria-describedby") == "map-desc"
    title, description = root[0], root[1]
    assert title.tag == f"{SVG}title"
    assert title.text == blueprint_title(report)
    assert description.tag == f"{SVG}desc"
    assert description.text == blueprint_description(report)
    assert "Geburtsurkunde" in (description.text or "")
    assert "Geburt anzeigen" in " ".join(t.text or "" for t in root.iter(f"{SVG}text"))


def test_text_alternative_is_escaped_into_svg() -> None:
    svg = '<?xml version="1.0"?>\n<svg width="1pt"\n viewBox="0 0 1 1" xmlns="http://www.w3.org/2000/svg">\n<g/>\n</svg>\n'
    result = add_svg_text_alternative(svg, title='A <b> & "c"', description="x\x01 --> y")
    root = ET.fromstring(result)
    assert root[0].text == 'A <b> & "c"'
    assert root[1].text == "x --> y"


# ---------------------------------------------------------------------------
# Large journeys and the runner.


@needs_dot
def test_compact_drawing_of_300_steps_has_no_edge_labels() -> None:
    report = analyze(journey(synthetic_life_event(300), "car"))
    options = RenderOptions()
    assert options.is_compact(report.steps)
    assert blueprint_engine(report, options) == "dot"
    source = blueprint_source(report, options)
    edges = [line for line in source.splitlines() if re.match(r'\s+"step-\d+" -> "step-\d+"', line)]
    assert len(edges) == report.journey.graph.number_of_edges()
    assert not [line for line in edges if "label=" in line]
    root = parse(render_graphviz(source, "svg"))
    dependencies = [g for g in root.iter(f"{SVG}g") if "dependency" in classes(g)]
    assert len(dependencies) == len(edges)
    assert not any(list(g.iter(f"{SVG}text")) for g in dependencies)
    assert "blueprint compact" in source


@needs_dot
def test_very_large_journeys_go_to_sfdp_without_lanes(monkeypatch: pytest.MonkeyPatch) -> None:
    report = analyze(journey(synthetic_life_event(60), "car"))
    assert blueprint_engine(report) == "dot"
    monkeypatch.setattr(blueprint_api, "SFDP_THRESHOLD", 50)  # as if 60 steps were thousands
    assert blueprint_engine(report) == "sfdp"
    source = blueprint_source(report)
    for frame in ("sep-", "lane-", "rank=same"):
        assert frame not in source
    root = parse(render_blueprint(report, "svg"))
    assert len([g for g in root.iter(f"{SVG}g") if "step" in classes(g)]) == report.steps


@needs_dot
def test_dot_errors_and_timeouts_are_reported() -> None:
    with pytest.raises(GraphvizError, match="syntax error"):
        render_graphviz("digraph { a -> }", "svg")
    with pytest.raises(GraphvizError, match="took longer than"):
        render_graphviz(blueprint_source(report_of(MOVE, "default")), "svg", timeout=0.001)
    with pytest.raises(ValueError, match="unknown format"):
        render_graphviz("digraph {}", "gif")  # type: ignore[arg-type]


def test_missing_dot_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(GraphvizNotFoundError, match="apt-get install graphviz"):
        render_graphviz("digraph {}", "svg")


# ---------------------------------------------------------------------------
# Snapshot (UPDATE_SNAPSHOTS=1 rewrites it).


def test_spec_example_snapshot() -> None:
    source = blueprint_source(report_of(SPEC_EXAMPLE, "digital"))
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(source, encoding="utf-8")
    assert SNAPSHOT.exists(), f"missing snapshot {SNAPSHOT}; run with UPDATE_SNAPSHOTS=1"
    assert source == SNAPSHOT.read_text(encoding="utf-8"), (
        f"{SNAPSHOT.name} differs from the snapshot; if the change is intended, "
        "rerun with UPDATE_SNAPSHOTS=1 and review the diff"
    )
