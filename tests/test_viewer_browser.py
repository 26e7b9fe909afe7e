"""The map viewer of the HTML page in headless Chromium, for every built-in journey.

This module renders the blueprint (German) and the journey map (English) of every
built-in journey as an HTML page into ``tmp_path``, writes beside each page what the
browser should find (``PAGE.expect.json``), and runs ``node --test tests/browser/``
on them; the checks are in ``tests/browser/viewer.test.mjs``: at 1920x1080 the map
opens fitted with every step inside the window, zoom and fit work, the stage and
lane filters dim the right steps, search finds a step, a finding selects its step,
and nothing logs an error. It needs Debian's Chromium, the npm packages of
``tests/browser`` (``make browser-deps``) and Graphviz, and skips without them.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from lifeevents.analysis.report import Report, analyze
from lifeevents.formats.journey_file import load
from lifeevents.graph.journey import journey
from lifeevents.library.builtin import builtin_journeys
from lifeevents.text.findings import FindingKind, findings, opportunities
from lifeevents.views.api import render_content
from lifeevents.views.columns import stage_columns
from lifeevents.views.element_ids import ElementIds
from lifeevents.views.options import RenderOptions, View
from lifeevents.views.wording import Wording
from test_browser import _need_browser, _run_node

pytestmark = pytest.mark.browser

# The finding sections of the page (channel handovers are left out there).
_LISTED = frozenset(
    {
        FindingKind.AUTHORITY_HANDOVER,
        FindingKind.MEDIA_BREAK,
        FindingKind.ONCE_ONLY,
        FindingKind.DEADLINE,
    }
)


def _expectations(report: Report, options: RenderOptions) -> dict[str, Any]:
    """What the page must do, worked out here from the model, not read from the page."""
    graph = report.journey.graph
    ids = ElementIds(graph)
    wording = Wording.of(report, options.lang)
    columns = [column for column in stage_columns(report, wording) if column.steps]
    column_of = {node: column.key for column in columns for node in column.steps}
    steps = {
        ids.step(node): {
            "name": wording.names.step(node),
            "column": column_of[node],
            "lane": data["level"].value,
        }
        for node, data in graph.nodes(data=True)
    }
    # A stage and a lane that leave some steps out when the journey has more than one.
    stage = columns[min(1, len(columns) - 1)].key
    lanes = sorted({step["lane"] for step in steps.values()})
    lane = lanes[-1]
    # The last step by schedule: far from the first screen's middle on a wide map.
    searched = ids.step(report.schedule.steps[-1].step)
    # The page lists these findings and every opportunity.
    listed = [
        item for item in findings(report, options.lang) if item.kind in _LISTED
    ] + opportunities(report, options.lang)
    return {
        "steps": steps,
        "findings": any(item.steps for item in listed),
        "stage": stage,
        "lane": lane,
        "search": searched,
    }


def test_viewer_in_chromium(tmp_path: Path) -> None:
    _need_browser()
    if shutil.which("dot") is None:
        pytest.skip("needs the Graphviz dot binary (make test installs it)")
    pages = []
    for name, path in builtin_journeys().items():
        loaded = load(path)
        report = analyze(journey(loaded, loaded.persona_ids()[0]))
        for options in (
            RenderOptions(view=View.BLUEPRINT),
            RenderOptions(view=View.JOURNEY, lang="en"),
        ):
            page = tmp_path / f"{name}-{options.view.value}.html"
            html = render_content(report, "html", options)
            assert isinstance(html, str)
            page.write_text(html, encoding="utf-8")
            expected = _expectations(report, options)
            Path(f"{page}.expect.json").write_text(json.dumps(expected), encoding="utf-8")
            pages.append(page)
    _run_node("LIFEEVENTS_VIEWER_FILES", pages)
