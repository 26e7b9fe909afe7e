"""Pictures of studies: the heat map's cells, the savings bars, byte-stable SVG, writing files."""

from __future__ import annotations

import math
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

import lifeevents
from lifeevents.errors import UnsupportedFormatError
from lifeevents.studies.charts import (
    figure_svg,
    heat_map,
    municipality_heat_map,
    municipality_names,
    number,
    save_figure,
    savings_bars,
)
from lifeevents.studies.impact import YearlyTotals
from lifeevents.studies.impact_table import ScenarioImpact

SVG = "{http://www.w3.org/2000/svg}"


def _mesh(figure: Figure) -> Any:
    """The values the heat map colours (a masked array, scaled 0..1)."""
    return figure.axes[0].collections[0].get_array()


def _widths(axes: Axes) -> list[float]:
    return [float(bar.get_width()) for bar in axes.patches if isinstance(bar, Rectangle)]


def _cells(figure: Figure) -> list[list[str]]:
    """The numbers written in the heat map's cells, row by row."""
    axes = figure.axes[0]
    texts = [text.get_text() for text in axes.texts]
    columns = len(axes.get_xticklabels())
    return [texts[i : i + columns] for i in range(0, len(texts), columns)]


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return lifeevents.sweep(
        ["geburt", "todesfall"],
        municipalities=["rheine", "greven", "saerbeck"],
        scenarios=["urkunden-direkt"],
    )


def test_heat_map_of_one_figure_is_municipalities_by_life_events(frame: pd.DataFrame) -> None:
    figure = municipality_heat_map(frame, "once_only_violations", lang="en")
    axes = figure.axes[0]
    assert [t.get_text() for t in axes.get_yticklabels()] == ["Rheine", "Greven", "Saerbeck"]
    assert [t.get_text() for t in axes.get_xticklabels()] == ["geburt", "todesfall"]
    assert _mesh(figure).shape == (3, 2)
    today = frame[frame["scenarios"] == ""]
    expected = today.groupby(["municipality", "life_event"])["once_only_violations"].mean()
    for row, place in enumerate(["rheine", "greven", "saerbeck"]):
        for column, life_event in enumerate(["geburt", "todesfall"]):
            assert _cells(figure)[row][column] == number(expected[place, life_event], "en")
    assert "Once-only violations" in axes.get_title(loc="left")
    assert len(figure.axes) == 2  # the colour bar


def test_heat_map_of_a_variant(frame: pd.DataFrame) -> None:
    variant = frame[frame["scenarios"] == "urkunden-direkt"]
    figure = municipality_heat_map(frame, "once_only_violations", scenarios="urkunden-direkt")
    todesfall = variant[variant["life_event"] == "todesfall"]["once_only_violations"].mean()
    assert _cells(figure)[0][1] == number(todesfall)
    assert "urkunden-direkt" in figure.axes[0].get_title(loc="left")


def test_heat_map_of_several_figures_scales_each_column(frame: pd.DataFrame) -> None:
    figures = ["visits.as_modelled", "media_breaks", "authority_handovers"]
    figure = municipality_heat_map(frame, figures)
    axes = figure.axes[0]
    assert [t.get_text() for t in axes.get_xticklabels()] == [
        "Besuche (wie\nmodelliert)",
        "Medienbrüche",
        "Bürger als Bote\n(Behördenwechsel)",
    ]
    assert _mesh(figure).shape == (3, 3)
    assert len(figure.axes) == 1  # no colour bar: each column has its own scale
    assert axes.get_xlabel() == "Farben je Spalte skaliert"


def test_heat_map_cells_and_empty_values() -> None:
    table = pd.DataFrame({"a": [1.0, math.nan], "b": [3.0, 4.0]}, index=["x", "y"])
    figure = heat_map(table, title="T", colour_label="C")
    assert _cells(figure) == [["1", "3"], ["–", "4"]]
    assert bool(_mesh(figure).mask[1, 0])  # drawn as the grey of "no value"
    assert figure.axes[1].get_ylabel() == "C"
    assert [t.get_text() for t in figure.axes[1].get_yticklabels()] == ["1", "4"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda f: municipality_heat_map(f, "visits"), "no column 'visits'"),
        (lambda f: municipality_heat_map(f, []), "at least one figure"),
        (lambda f: municipality_heat_map(f, scenarios="ewa"), "no rows with scenarios == 'ewa'"),
        (lambda f: heat_map(pd.DataFrame()), "nothing to draw"),
        (lambda f: heat_map(pd.DataFrame({"a": ["x"]})), "shows numbers"),
    ],
)
def test_heat_map_errors(frame: pd.DataFrame, call: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call(frame)  # type: ignore[operator]


def _rows() -> list[ScenarioImpact]:
    today = YearlyTotals(cases=10, visits=100, hours=50)
    return [
        ScenarioImpact("a", "Online", ("a",), today, YearlyTotals(visits=80, hours=40), 3000.0, 3),
        ScenarioImpact("b", "", ("b",), today, YearlyTotals(visits=110, hours=55), 500.0, 3),
        ScenarioImpact("a+b", "", ("a", "b"), today, YearlyTotals(visits=90, hours=45), None, 3),
    ]


def test_savings_bars() -> None:
    axes = savings_bars(_rows(), lang="en").axes[0]
    assert _widths(axes) == [20.0, -10.0, 10.0]
    assert [t.get_text() for t in axes.get_yticklabels()] == [
        "Online\n50 EUR per visit saved",  # 3000 EUR over 3 years / (3 × 20 visits)
        "b",  # no name: the id; a cost but no saving: no cost per visit saved
        "All together",
    ]
    assert [t.get_text() for t in axes.texts] == ["20", "-10", "10"]
    colours = {bar.get_facecolor() for bar in axes.patches[:2]}
    assert len(colours) == 1
    assert axes.patches[2].get_facecolor() not in colours
    low, high = axes.get_xlim()
    assert low < -10
    assert high > 20


def test_savings_bars_of_hours() -> None:
    axes = savings_bars(_rows(), measure="hours").axes[0]
    assert _widths(axes) == [10.0, -5.0, 5.0]
    assert axes.get_yticklabels()[0].get_text() == "Online\n100 EUR je eingesparter Stunde"
    assert axes.get_xlabel() == "Einsparung: Bürgerstunden pro Jahr"
    with pytest.raises(ValueError, match="measure"):
        savings_bars(_rows(), measure="euros")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no scenarios"):
        savings_bars([])


def test_names_are_never_markup_or_maths() -> None:
    today = YearlyTotals(visits=10)
    name = "$x^2$ <script>alert(1)</script> & co"
    rows = [ScenarioImpact("x", name, ("x",), today, YearlyTotals(visits=5), None)]
    svg = figure_svg(savings_bars(rows))
    root = ElementTree.fromstring(svg.encode("utf-8"))
    texts = ["".join(element.itertext()) for element in root.iter(f"{SVG}text")]
    assert name in texts
    assert "<script" not in svg


def test_svg_is_the_same_in_two_processes(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "import pandas as pd\n"
        "from lifeevents.studies.charts import heat_map, save_figure\n"
        "table = pd.DataFrame({'geburt': [3.5, 4.0], 'tod': [1.0, None]},"
        " index=['Rheine', 'Hörstel'])\n"
        "save_figure(heat_map(table, title='Besuche', colour_label='Besuche'), sys.argv[1])\n"
    )
    outputs = []
    for seed in ("1", "2"):
        target = tmp_path / f"map-{seed}.svg"
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-c", code, str(target)], check=True, env=environment, timeout=120
        )
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    root = ElementTree.fromstring(outputs[0])
    assert root.tag == f"{SVG}svg"
    text = outputs[0].decode("utf-8")
    assert "Hörstel" in text
    assert "<dc:date>" not in text


def test_save_figure(tmp_path: Path) -> None:
    figure = heat_map(pd.DataFrame({"a": [1.0]}, index=["x"]))
    save_figure(figure, tmp_path / "a.png")
    assert (tmp_path / "a.png").read_bytes().startswith(b"\x89PNG\r\n")
    with pytest.raises(UnsupportedFormatError, match=r"\*.svg or \*.png"):
        save_figure(figure, tmp_path / "a.pdf")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.png"]


def test_numbers_and_names() -> None:
    assert [number(v) for v in (0.04, -0.04, 2.26, 1e6)] == ["0", "0", "2,3", "1.000.000"]
    assert number(-1234.56, "en") == "-1,234.6"
    assert municipality_names(["saerbeck", "greven"]) == ["Saerbeck", "Greven"]


def test_without_matplotlib_the_error_says_what_to_install() -> None:
    code = (
        "import sys\n"
        "sys.modules['matplotlib'] = None  # as if it were not installed\n"
        "import pandas as pd\n"
        "from lifeevents.errors import MissingExtraError\n"
        "from lifeevents.studies.charts import heat_map\n"
        "try:\n"
        "    heat_map(pd.DataFrame({'a': [1.0]}))\n"
        "except MissingExtraError as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert "pip install 'lifeevents[studies]'" in done.stdout


def test_savings_bars_when_nothing_is_saved() -> None:
    today = YearlyTotals(visits=10)
    rows = [ScenarioImpact("x", "X", ("x",), today, today, 100.0)]
    axes = savings_bars(rows).axes[0]
    assert _widths(axes) == [0.0]
    assert [t.get_text() for t in axes.texts] == ["0"]
    assert [t.get_text() for t in axes.get_xticklabels()] == ["0"]
    assert axes.get_yticklabels()[0].get_text() == "X"  # a cost, but nothing saved
