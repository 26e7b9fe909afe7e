"""The responsibility matrix: a small region worked by hand, the Kreis Steinfurt Jugendamt,
and ``lifeevents matrix`` through a real subprocess."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from lifeevents.formats.journey_file import load, loads
from lifeevents.formats.region_file import builtin_regions
from lifeevents.model.region import Region
from lifeevents.model.vocabulary import Level
from lifeevents.studies.matrix import Matrix, responsibility_matrix
from lifeevents.studies.matrix_page import matrix_html

REGION = Region.model_validate(
    {
        "format": "lifeevents-region/1",
        "region": {"id": "kreis-x", "name": "Kreis X", "default_municipality": "a"},
        "municipalities": {
            "a": {"name": "Astadt", "kind": "stadt"},
            "b": {"name": "Bdorf", "kind": "gemeinde"},
            "c": {"name": "Cdorf", "kind": "gemeinde"},
        },
        "offices": {
            "buergerbuero": {"name": "Bürgerbüro", "level": "gemeinde", "scope": "municipality"},
            "jugendamt": {
                "name": "Kreisjugendamt",
                "level": "kreis",
                "scope": "region",
                "site": "kreishaus",
                "delegations": {"a": {"name": "Jugendamt <Astadt>"}},
            },
            "zulassung": {
                "name": "Zulassungsstelle",
                "level": "kreis",
                "scope": "region",
                "site": "kreishaus",
                "site_by_municipality": {"c": "nebenstelle"},
            },
        },
    }
)

# By hand: anmelden is at each municipality's own Bürgerbüro (never differs);
# sorge at the Kreisjugendamt except in Astadt, whose own Jugendamt is a Gemeinde
# office (differs); zulassen at one Kreis office, served at two sites (does not
# differ); bank at a file-local private authority (never differs); kita applies
# to no persona of the file (no cells). Every municipality involves Kreis and
# Gemeinde (the Bürgerbüro and the Zulassungsstelle).
JOURNEY = """\
format: lifeevents/1
life_event: {id: x, name: X}
region: kreis-x
authorities: {bank: {name: Bank, level: privat}}
personas: {eltern: {attributes: {kinder: true}}}
steps:
  - {id: anmelden, name: Anmelden, authority: buergerbuero, channels: [in_person]}
  - {id: sorge, name: Sorge, authority: jugendamt, channels: [in_person]}
  - {id: zulassen, name: Zulassen, authority: zulassung, channels: [online]}
  - {id: bank, name: Bank, authority: bank, channels: [online]}
  - {id: kita, name: Kita, authority: jugendamt, channels: [online], when: {krippe: true}}
"""


def _matrix() -> Matrix:
    return responsibility_matrix(loads(JOURNEY, regions={"kreis-x": REGION}), REGION)


def test_small_region_by_hand() -> None:
    matrix = _matrix()
    assert matrix.municipalities == ("a", "b", "c")
    assert [row.step for row in matrix.differing] == ["sorge"]
    sorge = matrix.row("sorge")
    assert [cell.name for cell in sorge.cells if cell] == [
        "Jugendamt <Astadt>",
        "Kreisjugendamt",
        "Kreisjugendamt",
    ]
    assert [cell.own for cell in sorge.cells if cell] == [True, False, False]
    assert sorge.levels == (Level.KREIS, Level.GEMEINDE)
    assert {cell.authority.site for cell in matrix.row("zulassen").cells if cell} == {
        "kreishaus",
        "nebenstelle",
    }
    assert all(cell and cell.own for cell in matrix.row("anmelden").cells)
    assert matrix.row("kita").cells == (None, None, None)
    assert matrix.needs_kreis_and_gemeinde() == ("a", "b", "c")


def test_kreis_and_gemeinde_only_where_both_levels_appear() -> None:
    only_kreis = JOURNEY.replace(
        "  - {id: anmelden, name: Anmelden, authority: buergerbuero, channels: [in_person]}\n", ""
    )
    matrix = responsibility_matrix(loads(only_kreis, regions={"kreis-x": REGION}), REGION)
    # Only Astadt's own Jugendamt is a Gemeinde office.
    assert matrix.needs_kreis_and_gemeinde() == ("a",)


def test_frame_columns_and_cells() -> None:
    frame = _matrix().to_frame()
    assert list(frame.columns) == ["life_event", "step", "name", "differs", "levels", "a", "b", "c"]
    sorge = frame.set_index("step").loc["sorge"]
    assert (sorge["a"], sorge["b"], sorge["levels"]) == (
        "jugendamt@a (gemeinde)",
        "jugendamt (kreis)",
        "kreis gemeinde",
    )
    assert frame.set_index("step").loc["kita", "a"] == ""


def test_greven_and_rheine_run_their_own_jugendamt_saerbeck_has_the_kreis() -> None:
    matrix = responsibility_matrix(load("geburt"))
    assert len(matrix.municipalities) == 24
    row = matrix.row("sorgeerklaerung")
    assert row.differs
    for town in ("greven", "rheine"):
        cell = row.cell(town)
        assert cell is not None
        assert (cell.own, cell.level, cell.authority.id) == (
            True,
            Level.GEMEINDE,
            f"jugendamt@{town}",
        )
    saerbeck = row.cell("saerbeck")
    assert saerbeck is not None
    assert (saerbeck.own, saerbeck.level, saerbeck.name) == (False, Level.KREIS, "Kreisjugendamt")
    # The Standesamt is always the one of the place of birth: the same rule everywhere.
    assert not matrix.row("geburt-beurkunden").differs


def test_page_escapes_and_marks() -> None:
    page = matrix_html([_matrix()], "en")
    assert "Jugendamt &lt;Astadt&gt;" in page
    assert "<Astadt>" not in page
    assert page.count("class='differs'") == 1
    assert "Steps whose responsibility differs between municipalities: 1" in page


def test_without_region_is_an_error() -> None:
    alone = loads(
        "format: lifeevents/1\nlife_event: {id: y, name: Y}\n"
        "authorities: {amt: {name: Amt, level: gemeinde}}\n"
        "steps: [{id: a, name: A, authority: amt, channels: [online]}]\n"
    )
    with pytest.raises(ValueError, match="needs a region"):
        responsibility_matrix(alone)


def _run(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lifeevents", *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_cli_csv_and_html(tmp_path: Path) -> None:
    done = _run("matrix", "geburt", "einschulung", "-o", "m.csv", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    frame = pd.read_csv(tmp_path / "m.csv", keep_default_na=False)
    kreis = builtin_regions()["kreis-steinfurt"]
    assert list(frame.columns[5:]) == list(kreis.municipalities)
    sorge = frame[frame["step"] == "sorgeerklaerung"].iloc[0]
    assert (sorge["greven"], sorge["saerbeck"]) == (
        "jugendamt@greven (gemeinde)",
        "jugendamt (kreis)",
    )
    assert done.stderr.splitlines()[0] == (
        "geburt: Kreis und Gemeinde beteiligt: 24 von 24 Gemeinden · "
        "Schritte, je Gemeinde verschieden geregelt: 4"
    )
    page = _run(
        "matrix",
        "geburt",
        "--municipality",
        "rheine",
        "saerbeck",
        "-q",
        "-o",
        "m.html",
        cwd=tmp_path,
    )
    assert (page.returncode, page.stderr) == (0, "")
    html = (tmp_path / "m.html").read_text(encoding="utf-8")
    assert "Jugendamt der Stadt Rheine" in html
    assert "Greven" not in html.split("<tbody>")[0]  # only the two columns asked for
    assert pd.read_csv(io.StringIO((tmp_path / "m.csv").read_text(encoding="utf-8"))).shape[0] == 25


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["geburt", "-o", "m.svg"], "name the output *.csv or *.html"),
        (["geburt", "--municipality", "rhein", "-o", "m.csv"], "no municipality 'rhein'"),
        (["gebur", "-o", "m.csv"], "'gebur' is neither a file nor a built-in journey"),
    ],
)
def test_cli_usage_errors(tmp_path: Path, arguments: list[str], message: str) -> None:
    done = _run("matrix", *arguments, cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr
    assert len(done.stderr.splitlines()) == 1
