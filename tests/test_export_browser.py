"""Every built-in journey's BPMN opens in bpmn-js (headless Chromium) without import warnings.

The checks are in ``tests/browser/browser.test.mjs`` (group "BPMN in bpmn-js");
like ``tests/test_browser.py`` this needs Chromium and the npm packages of
``tests/browser`` (``make browser-deps``) and skips without them. The screenshot in
``docs/export.md`` is made by the same group; the docs say how.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from export_support import builtin_trips
from lifeevents.export.bpmn import bpmn_text
from test_browser import INSTALL, NODE_MODULES, _need_browser, _run_node

pytestmark = pytest.mark.browser


def test_bpmn_opens_in_bpmn_js(tmp_path: Path) -> None:
    _need_browser()
    if not (NODE_MODULES / "bpmn-js" / "dist" / "bpmn-viewer.production.min.js").is_file():
        pytest.skip(f"needs bpmn-js in {NODE_MODULES}: {INSTALL}")
    files = []
    for label, trip in builtin_trips():
        path = tmp_path / f"{label}.bpmn"
        path.write_text(bpmn_text(trip), encoding="utf-8")
        lanes = len({data["authority"].id for _, data in trip.graph.nodes(data=True)}) or 1
        expected = {"tasks": trip.graph.number_of_nodes(), "lanes": lanes}
        Path(f"{path}.expect.json").write_text(json.dumps(expected), encoding="utf-8")
        files.append(path)
    _run_node("LIFEEVENTS_BPMN_FILES", files)
