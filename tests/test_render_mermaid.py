"""Mermaid code: hand-checked diagrams, a structural checker, escaping, determinism, snapshots.

The code is also drawn by Mermaid itself in a real browser (tests/test_browser.py);
the checker here catches broken structure without a browser.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from lifeevents.analysis.report import analyze
from lifeevents.formats.journey_file import load
from lifeevents.graph.journey import journey
from lifeevents.text.labels import Language
from lifeevents.views.escape.mermaid import mermaid_text
from lifeevents.views.mermaid import generate_code
from lifeevents.views.options import Direction, View
from test_render_journey_map import (
    HOSTILE_NAME,
    check_snapshot,
    hostile_report,
    move_report,
    spec_report,
)

HERE = Path(__file__).parent

# Characters that must never appear raw in user text inside Mermaid code.
_RISKY = set('"<>&#;%`{}|[]\\:')
_ENTITY = re.compile(r"#(?:quot|lt|gt|amp|\d+);")
_SHAPE = re.compile(
    r'^    (?P<id>step_\d+)(?P<open>\[\[|\[/|\(\[|\{\{|\[|\(|>)"(?P<label>[^"]*)"'
    r"(?P<close>\]\]|/\]|\\\]|\]\)|\}\}|\]|\))$"
)
_EDGE = re.compile(
    r'^  (?P<source>step_\d+) (?:-->\|"(?P<label>[^"]*)"\||-\.->) (?P<target>step_\d+)$'
)


def assert_safe(text: str) -> None:
    """Text from the journey: after removing entity codes (and our <br/>), nothing risky."""
    plain = _ENTITY.sub("", text.replace("<br/>", ""))
    assert not set(plain) & _RISKY, f"unescaped character in {text!r}"
    assert "\n" not in text


@dataclass
class Flowchart:
    nodes: dict[str, str] = field(default_factory=dict)
    shapes: dict[str, tuple[str, str]] = field(default_factory=dict)
    lanes: list[tuple[str, list[str]]] = field(default_factory=list)
    edges: list[tuple[str, str, str | None]] = field(default_factory=list)
    link_styles: dict[int, str] = field(default_factory=dict)
    classes: dict[str, set[str]] = field(default_factory=dict)


def check_flowchart(code: str) -> Flowchart:
    """Parse the flowchart we write, failing on anything out of its structure.

    Subgraphs are balanced and not nested, every node is defined once (inside a
    lane), every label is quoted and escaped, edges and classes name defined nodes,
    linkStyle indices name existing edges.
    """
    lines = code.splitlines()
    assert re.fullmatch(r"flowchart (LR|TB)", lines[0])
    assert lines[1].startswith("  accTitle: ")
    assert_safe(lines[1][len("  accTitle: ") :])
    chart = Flowchart()
    lane: list[str] | None = None
    defined: list[str] = []
    for line in lines[2:]:
        if match := re.fullmatch(r'  subgraph (lane_[a-z]+)\["([^"]*)"\]', line):
            assert lane is None, "nested subgraph"
            assert_safe(match[2])
            lane = []
            chart.lanes.append((match[1], lane))
        elif line == "  end":
            assert lane is not None, "end without subgraph"
            lane = None
        elif match := _SHAPE.fullmatch(line):
            assert lane is not None, "node outside a lane"
            assert_safe(match["label"])
            defined.append(match["id"])
            lane.append(match["id"])
            chart.nodes[match["id"]] = match["label"]
            chart.shapes[match["id"]] = (match["open"], match["close"])
        elif match := _EDGE.fullmatch(line):
            assert lane is None
            if match["label"] is not None:
                assert_safe(match["label"])
            chart.edges.append((match["source"], match["target"], match["label"]))
        elif match := re.fullmatch(r"  linkStyle ([\d,]+) (\S+(?: \d+)?)", line):
            for index in match[1].split(","):
                chart.link_styles[int(index)] = match[2]
        elif match := re.fullmatch(
            r"  style (lane_[a-z]+) fill:#\w{6},stroke:#\w{6},color:#\w{6}", line
        ):
            assert match[1] in [name for name, _ in chart.lanes]
        elif match := re.fullmatch(r"  classDef (\w+) [-a-z]+:[^;\s]+(?:,[-a-z]+:[^;,]+)*", line):
            chart.classes.setdefault(match[1], set())
        elif match := re.fullmatch(r"  class ([\w,]+) (\w+)", line):
            assert match[2] in chart.classes, f"class {match[2]} used before classDef"
            chart.classes[match[2]] |= set(match[1].split(","))
        else:
            raise AssertionError(f"unexpected line {line!r}")
    assert lane is None, "subgraph without end"
    assert len(defined) == len(set(defined)), "a node defined twice"
    for source, target, _ in chart.edges:
        assert source in chart.nodes
        assert target in chart.nodes
    assert all(index < len(chart.edges) for index in chart.link_styles)
    assert all(members <= set(chart.nodes) for members in chart.classes.values())
    return chart


def check_journey(code: str) -> list[tuple[str, list[tuple[str, int, str]]]]:
    """Parse the journey we write: a title, then sections of ``task: score: actor``."""
    lines = code.splitlines()
    assert lines[0] == "journey"
    assert lines[1].startswith("  title ")
    assert_safe(lines[1][len("  title ") :])
    sections: list[tuple[str, list[tuple[str, int, str]]]] = []
    for line in lines[2:]:
        if line.startswith("  section "):
            title = line[len("  section ") :]
            assert_safe(title)
            sections.append((title, []))
        elif match := re.fullmatch(r"    ([^:]+): ([1-5]): ([^:]+)", line):
            assert sections, "task before any section"
            task, actor = match[1], match[3]
            assert_safe(task)
            assert_safe(actor)
            assert "," not in actor
            # A task starting with a keyword would be read as a statement.
            assert not re.match(r"(?i)(journey|title|section|acc)", task)
            sections[-1][1].append((task, int(match[2]), actor))
        else:
            raise AssertionError(f"unexpected line {line!r}")
    assert all(tasks for _, tasks in sections), "an empty section"
    return sections


# ---------------------------------------------------------------------------
# Blueprint.


def test_spec_example_digital_blueprint_hand_checked() -> None:
    chart = check_flowchart(generate_code(spec_report("digital")))
    # Lanes in level order; nodes by graph position (file order of applicable steps).
    assert chart.lanes == [
        ("lane_kreis", ["step_1"]),
        ("lane_gemeinde", ["step_0", "step_2", "step_3"]),
    ]
    assert chart.nodes == {
        "step_1": "⌨ Elterngeld beantragen<br/>Elterngeldstelle",
        "step_0": "✉ Geburt anzeigen<br/>Standesamt",
        "step_2": "⌂ Namen des Kindes bestimmen<br/>Standesamt",
        "step_3": "⌂ Geburtsurkunden abholen<br/>Standesamt",
    }
    assert chart.shapes["step_0"] == ("[/", "/]")  # mail
    assert chart.shapes["step_1"] == ("([", "])")  # online
    assert chart.shapes["step_2"] == ("[", "]")  # in person
    assert chart.edges == [
        ("step_0", "step_1", "Geburtsurkunde"),
        ("step_0", "step_2", None),
        ("step_0", "step_3", None),
    ]
    # Post (paper) to online (digital) with the citizen carrying the certificate from
    # one authority to another: both a media break and an authority handover.
    assert chart.link_styles == {0: "stroke:#D55E00,stroke-width:4px,stroke-dasharray:8 4"}
    assert chart.classes["onceOnly"] == {"step_1"}
    assert chart.classes["ch_mail"] == {"step_0"}


def test_move_blueprint_marks_handovers_once_only_and_deadlines() -> None:
    code = generate_code(move_report(), direction="TB")
    chart = check_flowchart(code)
    assert code.startswith("flowchart TB\n")
    assert [name for name, _ in chart.lanes] == [
        "lane_kreis",
        "lane_gemeinde",
        "lane_sozialversicherung",
        "lane_privat",
    ]
    assert chart.edges == [
        ("step_0", "step_2", "Wohnungsgeberbestätigung"),
        ("step_1", "step_2", None),
        ("step_2", "step_3", None),
        ("step_2", "step_4", "Meldebestätigung"),
        ("step_2", "step_5", None),
    ]
    # Handovers (thick, vermillion): landlord to Bürgerbüro, Bürgerbüro to district.
    assert chart.link_styles == {
        0: "stroke:#D55E00,stroke-width:4px",
        3: "stroke:#D55E00,stroke-width:4px",
    }
    assert chart.classes["onceOnly"] == {"step_4"}
    assert chart.classes["deadlineRisk"] == {"step_2"}
    assert chart.nodes["step_2"].startswith("⚠ ⌂ Wohnsitz anmelden")


def test_english_lane_names() -> None:
    chart = check_flowchart(generate_code(move_report(), lang="en"))
    code = generate_code(move_report(), lang="en")
    assert '["District"]' in code
    assert '["Private"]' in code
    assert chart.nodes["step_2"].startswith("⚠ ⌂ Register the address")


# ---------------------------------------------------------------------------
# Journey.


def test_spec_example_journey_has_one_section_per_stage_with_steps() -> None:
    sections = check_journey(generate_code(spec_report("default"), view=View.JOURNEY))
    assert sections == [
        (
            "2 · Geburt",
            [
                ("Geburt anzeigen", 3, "Standesamt"),
                ("Namen des Kindes bestimmen", 3, "Standesamt"),
                ("Geburtsurkunden abholen", 3, "Standesamt"),
            ],
        )
    ]


def test_move_journey_scores_come_from_emotions() -> None:
    code = generate_code(move_report(), view=View.JOURNEY, lang="en")
    assert code.splitlines()[1] == "  title Moving (test) · Journey map · Persona#58; base case"
    assert check_journey(code) == [
        (
            "1 · Vorbereiten",
            [
                ("Bestätigung vom Vermieter holen", 3, "Vermieter"),
                ("Termin buchen", 2, "Bürgerbüro"),
            ],
        ),
        (
            "2 · Ummelden",
            [("Register the address", 1, "Bürgerbüro"), ("Hundesteuer ummelden", 3, "Steueramt")],
        ),
        (
            "3 · Danach",
            [
                ("Fahrzeug ummelden", 4, "Straßenverkehrsamt"),
                ("Krankenkasse informieren", 5, "Krankenkasse"),
            ],
        ),
    ]


def test_checklist_view_is_not_a_diagram() -> None:
    with pytest.raises(ValueError, match="checklist"):
        generate_code(move_report(), view=View.CHECKLIST)


# ---------------------------------------------------------------------------
# Escaping and determinism.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('a "b"', "a #quot;b#quot;"),
        ("<img src=x onerror=alert(1)>", "#lt;img src=x onerror=alert(1)#gt;"),
        ("R&D #1; 50%", "R#amp;D #35;1#59; 50#37;"),
        ("`code` {x} [y] a|b", "#96;code#96; #123;x#125; #91;y#93; a#124;b"),
        ("back\\slash: yes", "back#92;slash#58; yes"),
        ("line\nbreak\t tab", "line break tab"),
        ("%%{init: {}}%%", "#37;#37;#123;init#58; #123;#125;#125;#37;#37;"),
        ("ﬂ°lt¶ß", "ﬂ\u200c°lt¶\u200cß"),
    ],
)
def test_mermaid_text_escapes(text: str, expected: str) -> None:
    assert mermaid_text(text) == expected


@pytest.mark.parametrize("view", [View.BLUEPRINT, View.JOURNEY])
@pytest.mark.parametrize("direction", ["LR", "TB"])
def test_hostile_names_keep_the_structure(view: View, direction: Direction) -> None:
    code = generate_code(hostile_report(), view=view, direction=direction)
    if view is View.BLUEPRINT:
        chart = check_flowchart(code)
        assert len(chart.nodes) == 6
    else:
        assert sum(len(tasks) for _, tasks in check_journey(code)) == 6
    assert "<script>" not in code
    assert HOSTILE_NAME not in code


def test_keywords_at_the_start_of_a_task_are_defused() -> None:
    report = move_report()
    graph = report.journey.graph
    names = ["title deed", "section 8", "journey", "accTitle x", "end"]
    for node, name in zip(graph, names, strict=False):
        graph.nodes[node]["step"] = graph.nodes[node]["step"].model_copy(update={"name": name})
    code = generate_code(report, view=View.JOURNEY)
    tasks = [task for _, items in check_journey(code) for task, _, _ in items]
    assert "#116;itle deed" in tasks
    assert "#115;ection 8" in tasks
    assert "#106;ourney" in tasks
    assert "#97;ccTitle x" in tasks
    assert "end" in tasks


def test_output_is_deterministic_across_runs_and_hash_seeds() -> None:
    first = generate_code(move_report()) + generate_code(move_report(), view=View.JOURNEY)
    assert first == generate_code(move_report()) + generate_code(move_report(), view=View.JOURNEY)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        "import test_render_journey_map as t; "
        "from lifeevents.views.mermaid import generate_code; "
        "from lifeevents.views.options import View; "
        "sys.stdout.write(generate_code(t.move_report()) "
        "+ generate_code(t.move_report(), view=View.JOURNEY))"
    )
    other = subprocess.run(
        [sys.executable, "-c", code, str(HERE)],
        env={**os.environ, "PYTHONHASHSEED": "4"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout
    assert other == first


@pytest.mark.parametrize("persona", ["default", "digital"])
@pytest.mark.parametrize("view", [View.BLUEPRINT, View.JOURNEY])
def test_spec_example_snapshot(persona: str, view: View) -> None:
    code = generate_code(spec_report(persona), view=view)
    check_snapshot(f"spec-example-{persona}-{view.value}.mmd", code)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_builtin_journey_passes_the_checker(lang: Language) -> None:
    for path in sorted((HERE.parent / "journeys").glob("*.yaml")):
        life_event = load(path)
        for persona in life_event.persona_ids():
            report = analyze(journey(life_event, persona))
            check_flowchart(generate_code(report, lang=lang))
            check_journey(generate_code(report, lang=lang, view=View.JOURNEY))
