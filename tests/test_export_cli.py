"""``lifeevents export``, ``import`` and ``new`` through a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

TIMEOUT_S = 60


def _run(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lifeevents", *arguments],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=TIMEOUT_S,
        check=False,
    )


def test_export_every_format_and_import_back(tmp_path: Path) -> None:
    for name in ("a.bpmn", "a.graphml", "a.graph.json", "a.journey.json", "a.json", "a.xlsx"):
        result = _run(
            "export", "geburt", "--persona", "verheiratet-digital", "-o", name, cwd=tmp_path
        )
        assert result.returncode == 0, result.stderr
        assert result.stderr == f"wrote {name}\n"
        assert result.stdout == ""
    assert json.loads((tmp_path / "a.json").read_text())["persona"] == "verheiratet-digital"
    assert json.loads((tmp_path / "a.graph.json").read_text())["graph"]["life_event"] == "geburt"
    imported = ("a.bpmn", "a.journey.json", "a.json", "a.xlsx")
    for name in imported:
        result = _run("import", name, "-o", f"{name}.yaml", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    result = _run("validate", *(f"{name}.yaml" for name in imported), cwd=tmp_path)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        (("export", "geburt", "-o", "a.txt"), 2, "cannot export to 'a.txt': the suffix must be"),
        (("export", "gebur", "-o", "a.bpmn"), 2, "did you mean 'geburt'?"),
        (("export", "geburt", "--persona", "x", "-o", "a.bpmn"), 2, "no persona 'x'"),
        (("import", "missing.bpmn", "-o", "a.yaml"), 1, "missing.bpmn:1:1: cannot read"),
        (("import", "bad.bpmn", "-o", "a.yaml"), 1, "bad.bpmn:1:"),
        (("import", "bad.bpmn", "-o", "a.txt"), 2, "name the output *.yaml"),
        (("new", "Umzug"), 2, "'Umzug' is not a life event id"),
    ],
)
def test_bad_input_is_one_clear_line_and_no_file(
    arguments: tuple[str, ...], code: int, message: str, tmp_path: Path
) -> None:
    (tmp_path / "bad.bpmn").write_text("<definitions>")
    result = _run(*arguments, cwd=tmp_path)
    assert result.returncode == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bad.bpmn"]


def test_new_writes_a_valid_template_once(tmp_path: Path) -> None:
    result = _run("new", "umzug-test", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert _run("validate", "umzug-test.yaml", cwd=tmp_path).returncode == 0
    again = _run("new", "umzug-test", cwd=tmp_path)
    assert again.returncode == 2
    assert "exists already" in again.stderr


def test_export_with_a_scenario(tmp_path: Path) -> None:
    # The report of the export is the analysis of the changed journey.
    common = ("umzug-innerhalb-kreis", "--persona", "schalter-mit-auto-und-hund")
    today = _run("export", *common, "-o", "today.json", cwd=tmp_path)
    changed = _run(
        "export", *common, "--scenario", "kfz-im-buergerbuero", "-o", "changed.json", cwd=tmp_path
    )
    assert today.returncode == changed.returncode == 0, changed.stderr
    before = json.loads((tmp_path / "today.json").read_text())
    after = json.loads((tmp_path / "changed.json").read_text())
    saved = before["analysis"]["visits"]["as_modelled"] - after["analysis"]["visits"]["as_modelled"]
    assert saved == 1
    refused = _run("export", "geburt", "--scenario", "kfz-online", "-o", "g.bpmn", cwd=tmp_path)
    assert refused.returncode == 2
    assert "do not apply to life event 'geburt'" in refused.stderr
    assert not (tmp_path / "g.bpmn").exists()
