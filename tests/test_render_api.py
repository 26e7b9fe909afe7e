"""render(), `lifeevents render` and `lifeevents workshop`: formats, atomic files, determinism."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import lifeevents
from lifeevents.errors import UnsupportedFormatError
from lifeevents.views.api import FORMATS, BinaryFormat, TextFormat

SPEC_EXAMPLE = Path(__file__).parent / "data" / "spec-example.yaml"


def run(*arguments: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lifeevents", *arguments],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        check=False,
    )


@pytest.fixture(scope="module")
def report() -> lifeevents.Report:
    life_event = lifeevents.load(SPEC_EXAMPLE)
    return lifeevents.analyze(lifeevents.journey(life_event, "digital"))


@pytest.mark.exe
@pytest.mark.parametrize(
    ("view", "fmt"), [(view, fmt) for view, formats in FORMATS.items() for fmt in formats]
)
def test_every_view_and_format(
    report: lifeevents.Report, view: str, fmt: TextFormat | BinaryFormat
) -> None:
    content = lifeevents.render(report, fmt, view=view)
    if fmt == "png":
        assert isinstance(content, bytes)
        assert content.startswith(b"\x89PNG")
    elif fmt == "pdf":
        assert isinstance(content, bytes)
        assert content.startswith(b"%PDF")
    else:
        assert isinstance(content, str)
        assert "Geburt" in content
    if fmt == "svg":
        assert isinstance(content, str)
        root = ET.fromstring(content)
        assert root.tag.endswith("svg")
        assert root.find("{http://www.w3.org/2000/svg}title") is not None


@pytest.mark.exe
def test_save_accepts_a_journey_and_writes_files(tmp_path: Path) -> None:
    trip = lifeevents.journey(lifeevents.load(SPEC_EXAMPLE), "digital")
    written = lifeevents.save(trip, tmp_path / "map.svg", lang="en", direction="TB")
    assert written == tmp_path / "map.svg"
    assert (tmp_path / "map.svg").read_text(encoding="utf-8").startswith("<?xml")
    assert [path.name for path in tmp_path.iterdir()] == ["map.svg"]


def test_unknown_suffix_and_view_format_leave_no_file(
    report: lifeevents.Report, tmp_path: Path
) -> None:
    with pytest.raises(UnsupportedFormatError, match=r"\.svg"):
        lifeevents.save(report, tmp_path / "map.gif")
    with pytest.raises(UnsupportedFormatError, match="checklist view"):
        lifeevents.save(report, tmp_path / "map.svg", view="checklist")
    assert list(tmp_path.iterdir()) == []


def test_render_returns_content_and_points_to_save_for_files(
    report: lifeevents.Report, tmp_path: Path
) -> None:
    with pytest.raises(TypeError, match=r"lifeevents\.save"):
        lifeevents.render(report, tmp_path / "map.svg")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match=r"lifeevents\.save"):
        lifeevents.render(report, "map.svg")  # type: ignore[call-overload]
    with pytest.raises(UnsupportedFormatError, match="unknown format 'gif'"):
        lifeevents.render(report, "gif")  # type: ignore[call-overload]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.exe
def test_cli_render_is_deterministic_and_atomic(tmp_path: Path) -> None:
    for attempt in ("first", "second"):
        for suffix in ("svg", "png", "pdf", "html", "mmd"):
            completed = run(
                "render", str(SPEC_EXAMPLE), "--persona", "digital", "-o", f"{attempt}.{suffix}",
                cwd=tmp_path,
            )  # fmt: skip
            assert completed.returncode == 0, completed.stderr
    for suffix in ("svg", "png", "pdf", "html", "mmd"):
        first = (tmp_path / f"first.{suffix}").read_bytes()
        assert first == (tmp_path / f"second.{suffix}").read_bytes(), suffix
    # No temporary files left behind.
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith(".")) == []


def test_cli_render_usage_and_input_errors(tmp_path: Path) -> None:
    bad_suffix = run("render", str(SPEC_EXAMPLE), "-o", str(tmp_path / "x.gif"))
    assert bad_suffix.returncode == 2
    assert "cannot tell the format" in bad_suffix.stderr
    unknown_persona = run("render", str(SPEC_EXAMPLE), "--persona", "x", "-o", "x.svg")
    assert unknown_persona.returncode == 2
    broken = tmp_path / "broken.yaml"
    broken.write_text(SPEC_EXAMPLE.read_text().replace("in_person", "in_persn"), encoding="utf-8")
    invalid = run("render", str(broken), "-o", str(tmp_path / "x.svg"))
    assert invalid.returncode == 1
    assert f"{broken}:" in invalid.stderr
    assert "Traceback" not in invalid.stderr
    assert not (tmp_path / "x.svg").exists()


def test_cli_render_to_stdout() -> None:
    completed = run("render", str(SPEC_EXAMPLE), "--view", "checklist", "-o", "-")
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.lstrip().startswith("#")
    binary = run("render", str(SPEC_EXAMPLE), "-o", "-", "--format", "png")
    assert binary.returncode == 2


@pytest.mark.exe
def test_cli_workshop_writes_every_persona_and_an_index(tmp_path: Path) -> None:
    completed = run("workshop", str(SPEC_EXAMPLE), "-o", str(tmp_path / "out"))
    assert completed.returncode == 0, completed.stderr
    assert "[2/2] geburt · digital" in completed.stderr  # progress
    names = sorted(path.name for path in (tmp_path / "out" / "geburt").iterdir())
    assert names == sorted(
        f"{persona}-{suffix}"
        for persona in ("default", "digital")
        for suffix in (
            "blueprint.svg", "blueprint.html", "journey.svg", "checklist.md", "checklist.html",
        )
    )  # fmt: skip
    index = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    assert "geburt/digital-blueprint.svg" in index
    assert "Besuche (Minimum)" in completed.stdout
