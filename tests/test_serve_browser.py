"""``lifeevents serve`` in headless Chromium: live reload, located problems, no console errors.

This module starts the real command (``python -m lifeevents serve FOLDER --port 0``)
over a folder with the demo journey and a scenario, and runs ``node --test
tests/browser/`` against it; the checks are in ``tests/browser/serve.test.mjs``.
It needs Debian's Chromium and the npm packages of ``tests/browser`` (``make
browser-deps``) and skips without them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lifeevents.library.demo import DEMO_YAML
from serve_support import SCENARIO_YAML
from test_browser import _need_browser, _run_node

pytestmark = pytest.mark.browser


def test_workshop_page_in_chromium(tmp_path: Path) -> None:
    _need_browser()
    if shutil.which("dot") is None:
        pytest.skip("needs the Graphviz dot binary (make test installs it)")
    folder = tmp_path / "werkstatt"
    folder.mkdir()
    journey = folder / "demo.yaml"
    journey.write_text(DEMO_YAML, encoding="utf-8")
    (folder / "kasse-online.yaml").write_text(SCENARIO_YAML, encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, "-m", "lifeevents", "serve", str(folder), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), server.stderr
        config = tmp_path / "serve.json"
        config.write_text(
            json.dumps(
                {
                    "url": f"{url}?journey=file%3Ademo.yaml&persona=mit-auto",
                    "journey": str(journey),
                    "scenario": "file:kasse-online.yaml",
                }
            ),
            encoding="utf-8",
        )
        _run_node("LIFEEVENTS_SERVE_FILES", [config])
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=60)
    assert "Traceback" not in stderr, stderr
