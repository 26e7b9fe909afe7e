"""Real-browser tests: the interactive HTML page and the Mermaid code in headless Chromium.

This module writes the inputs (the spec example, every built-in journey with every
persona, and a journey whose names are markup) into ``tmp_path`` and runs
``node --test tests/browser/`` on them; the checks themselves are in
``tests/browser/browser.test.mjs``. It needs Debian's Chromium and the npm packages
of ``tests/browser`` (``make browser-deps`` installs both) and skips without them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from journeys import life_event
from lifeevents.analysis.report import Report, analyze
from lifeevents.formats.journey_file import load
from lifeevents.formats.scenario_file import load_scenario
from lifeevents.graph.journey import journey
from lifeevents.library.builtin import builtin_journeys
from lifeevents.text.labels import Language
from lifeevents.views.element_ids import ElementIds
from lifeevents.views.html import interactive_html
from lifeevents.views.options import Direction, RenderOptions, View

pytestmark = pytest.mark.browser

TESTS = Path(__file__).parent
BROWSER_TESTS = TESTS / "browser"
NODE_MODULES = BROWSER_TESTS / "node_modules"
CHROMIUM = Path(os.environ.get("LIFEEVENTS_CHROMIUM", "/usr/bin/chromium"))
SPEC_EXAMPLE = TESTS / "data" / "spec-example.yaml"
INSTALL = "run `make browser-deps` (make test does)"

# Names that are markup, quotes and DOT/Mermaid syntax: they must stay text everywhere.
HOSTILE_JOURNEY = """\
evidence:
  nachweis: {name: "</script><script>alert(2)</script>", issued_by: buergerbuero}
personas:
  "<b>persona</b>": {prefer: [online]}
steps:
  - id: "<img/src=x/onerror=alert(3)>"
    name: "<script>alert(1)</script>"
    authority: buergerbuero
    channels: [in_person]
    produces: [nachweis]
    legal_basis: "§ 1 <!-- & ]]> -->"
    pain_points: ["--> ; %% }}; \\\\N \\" end"]
  - id: zwei
    name: "<img src=x onerror=alert(4)> & \\"x\\" ]]> -->"
    authority: kreis
    channels: [online, in_person]
    requires: [nachweis]
  - id: drei
    name: "click A call alert(5) %%{init: {}}%% ;"
    authority: kasse
    channels: [mail]
    after: [zwei]
"""


def _reports() -> Iterator[tuple[str, Report]]:
    """Every input of the browser tests, each with a file-name-safe label."""
    spec = load(SPEC_EXAMPLE)
    for persona in spec.persona_ids():
        yield f"spec-example-{persona}", analyze(journey(spec, persona))
    # One persona per built-in journey keeps the run short; tests/test_render_html.py
    # renders every persona without a browser.
    for name, path in builtin_journeys().items():
        loaded = load(path)
        persona = loaded.persona_ids()[-1]
        yield f"{name}-{persona}", analyze(journey(loaded, persona))
    yield "hostile", analyze(journey(life_event(HOSTILE_JOURNEY), "<b>persona</b>"))


def _dot_string(text: str) -> str:
    # In a DOT string only \" and backslash sequences such as \N and \l are special.
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _map_svg(report: Report) -> str:
    """A stand-in for the blueprint: Graphviz SVG whose steps carry the shared element ids."""
    graph = report.journey.graph
    ids = ElementIds(graph)
    lines = ['digraph journey { rankdir=LR; node [shape=box, fontname="DejaVu Sans"];']
    for node, attributes in graph.nodes(data=True):
        lines.append(
            f"{_dot_string(node)} [id={_dot_string(ids.step(node))}, "
            f"class={_dot_string('step level-' + attributes['level'].value)}, "
            f"label={_dot_string(attributes['name'])}, tooltip={_dot_string(attributes['name'])}];"
        )
    for source, target in graph.edges:
        lines.append(
            f"{_dot_string(source)} -> {_dot_string(target)} "
            f"[id={_dot_string(ids.edge(source, target))}];"
        )
    lines.append("}")
    result = subprocess.run(
        ["dot", "-Tsvg"], input="\n".join(lines), capture_output=True, text=True, check=True
    )
    return result.stdout


def _need_browser() -> None:
    if shutil.which("node") is None:
        pytest.skip("needs Node.js (node) on PATH")
    if not CHROMIUM.exists():
        pytest.skip(f"needs Chromium at {CHROMIUM}: {INSTALL}")
    if not (NODE_MODULES / "playwright-core").is_dir():
        pytest.skip(f"needs playwright-core in {NODE_MODULES}: {INSTALL}")


def _run_node(env_name: str, files: list[Path]) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("LIFEEVENTS_") or key == "LIFEEVENTS_CHROMIUM"
    }
    env[env_name] = os.pathsep.join(str(path) for path in files)
    result = subprocess.run(
        ["node", "--test", str(BROWSER_TESTS)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # The group for these files ran, once per file, and nothing failed.
    assert f"# pass {len(files)}" in output, output
    assert "# fail 0" in output, output


def _blueprint_svg(report: Report, options: RenderOptions) -> str:
    """The real blueprint SVG; the stand-in above only while blueprint.py is missing."""
    try:
        from lifeevents.views.blueprint import render_blueprint
    except ImportError:
        return _map_svg(report)
    return render_blueprint(report, "svg", options).decode("utf-8")


def test_html_pages_in_chromium(tmp_path: Path) -> None:
    _need_browser()
    if shutil.which("dot") is None:
        pytest.skip("needs the Graphviz dot binary for the map SVG (make test installs it)")
    pages = []
    for name, report in _reports():
        options = RenderOptions(lang="en") if name == "hostile" else RenderOptions()
        page = tmp_path / f"{name}.html"
        html = interactive_html(report, _blueprint_svg(report, options), options)
        page.write_text(html, encoding="utf-8")
        # The panel shows the names the map shows: English ones where the file has them.
        ids = ElementIds(report.journey.graph)
        expected = {
            ids.step(node): (options.lang == "en" and data["step"].name_en) or data["name"]
            for node, data in report.journey.graph.nodes(data=True)
        }
        Path(f"{page}.expect.json").write_text(json.dumps(expected), encoding="utf-8")
        pages.append(page)
    _run_node("LIFEEVENTS_HTML_FILES", pages)


def test_mermaid_code_in_chromium(tmp_path: Path) -> None:
    _need_browser()
    if not (NODE_MODULES / "mermaid" / "dist" / "mermaid.min.js").is_file():
        pytest.skip(f"needs mermaid in {NODE_MODULES}: {INSTALL}")
    try:
        from lifeevents.views.mermaid import generate_code
    except ImportError:
        pytest.skip("lifeevents.views.mermaid.generate_code does not exist yet")
    sources = []
    for name, report in _reports():
        lang: Language = "en" if name == "hostile" else "de"
        direction: Direction = "TB" if name == "hostile" else "LR"
        # The views Mermaid can draw; the checklist is text, not a diagram.
        for view in (View.BLUEPRINT, View.JOURNEY):
            source = tmp_path / f"{name}-{view.value}.mmd"
            code = generate_code(report, direction=direction, lang=lang, view=view)
            source.write_text(code, encoding="utf-8")
            sources.append(source)
    _run_node("LIFEEVENTS_MMD_FILES", sources)


def test_difference_pages_in_chromium(tmp_path: Path) -> None:
    # lifeevents render --view diff -o FILE.html: the toggle works, no console errors, no
    # request leaves the page; for every built-in scenario on a journey it names.
    _need_browser()
    if shutil.which("dot") is None:
        pytest.skip("needs the Graphviz dot binary (make test installs it)")
    from lifeevents.library.builtin import builtin_scenarios

    pages = []
    for name in builtin_scenarios():
        scenario = load_scenario(name)
        assert scenario.applies_to is not None
        journey_name = scenario.applies_to[0]
        page = tmp_path / f"{name}.html"
        completed = subprocess.run(
            [
                sys.executable,
                "-m",
                "lifeevents",
                "render",
                journey_name,
                "--persona",
                load(journey_name).persona_ids()[-1],
                "--scenario",
                name,
                "--view",
                "diff",
                "-o",
                str(page),
                "-q",
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert completed.returncode == 0, completed.stderr
        pages.append(page)
    _run_node("LIFEEVENTS_DIFF_FILES", pages)
