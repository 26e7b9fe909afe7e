"""The notebooks in notebooks/ run top to bottom without an error, and are stored clean.

They are stored without outputs (so a diff shows only what a person changed) and run
here, each in an empty folder of its own, with the kernel of this environment. What
each must show is checked below: a notebook that silently stops drawing its map fails.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
# What a notebook must show besides plain text, by its name.
SHOWS = {
    "01-quick-start": {"text/html"},  # the map inline (fitted HTML), the report
    "02-personas-and-municipalities": {"text/html"},  # frames and the heat map
    "03-what-if-and-impact": {"text/html"},
    "04-designed-vs-observed": {"image/svg+xml", "text/html"},  # the observed map
    "05-extending-the-model": {"text/html"},
    "06-exports": set(),
}
# Notebooks that show a journey's map inline (a journey displays as fitted HTML).
SHOWS_A_MAP = {"01-quick-start", "03-what-if-and-impact", "05-extending-the-model"}


def test_there_are_notebooks() -> None:
    assert {path.stem for path in NOTEBOOKS} == set(SHOWS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_is_stored_without_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    assert not [cell.source[:40] for cell in code if cell.outputs or cell.execution_count]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_is_listed_in_the_docs(path: Path) -> None:
    assert f"notebooks/{path.name}" in (ROOT / "docs" / "notebooks.md").read_text(encoding="utf-8")


@pytest.mark.exe
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_runs(path: Path, tmp_path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": tmp_path}}
    ).execute()
    outputs = [output for cell in notebook.cells for output in cell.get("outputs", [])]
    assert not [output for output in outputs if output.get("output_type") == "error"]
    mime_types = {key for output in outputs for key in output.get("data", {})}
    assert SHOWS[path.stem] <= mime_types
    # Every code cell shows something: a cell whose result vanished is a broken example.
    silent = [
        cell.source[:60] for cell in notebook.cells if cell.cell_type == "code" and not cell.outputs
    ]
    assert not silent
    html = [
        output["data"]["text/html"] for output in outputs if "text/html" in output.get("data", {})
    ]
    html = ["".join(part) if isinstance(part, list) else part for part in html]
    if path.stem in SHOWS_A_MAP:
        assert any("<svg" in part and 'class="lifeevents-map"' in part for part in html)
    if path.stem == "01-quick-start":
        # The report cell shows a compact summary: figures and findings, no map.
        assert any("<table>" in part and "<svg" not in part for part in html)
