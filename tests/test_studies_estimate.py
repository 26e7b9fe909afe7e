"""The built-in estimate of annual cases: recomputed by hand from the data files, what it
leaves out, the sources of every figure, and its use wherever cases are read."""

from __future__ import annotations

import csv
import math
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from lifeevents.formats.journey_file import load
from lifeevents.formats.region_file import builtin_regions
from lifeevents.library.builtin import builtin_journeys
from lifeevents.library.figures import data_folder
from lifeevents.studies.cases import read_cases, read_cases_text
from lifeevents.studies.estimate import estimate_cases
from lifeevents.studies.impact import YearlyImpact
from lifeevents.studies.persona_grid import load_persona_grid, with_persona_grid
from lifeevents.studies.sweeps import sweep

LIFEEVENTS = [sys.executable, "-m", "lifeevents"]


def _population_file() -> dict[str, dict[str, str]]:
    with (data_folder() / "population-census-2022.csv").open(encoding="utf-8") as file:
        return {row["municipality"]: row for row in csv.DictReader(file)}


def _rates_file() -> dict[str, object]:
    text = (data_folder() / "event-rates.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def test_one_row_by_hand_from_the_data_files() -> None:
    rheine = int(_population_file()["rheine"]["population"])
    rates = _rates_file()
    births = rates["rates"]["geburt"]["events"]  # type: ignore[index]
    nrw = rates["populations"]["nrw-zensus-2022"]["population"]  # type: ignore[index]
    assert (rheine, births, nrw) == (76344, 164496, 17891698)
    by_hand = 76344 * 164496 / 17891698
    row = estimate_cases().row("geburt", "rheine")
    assert math.isclose(row.cases, by_hand, rel_tol=1e-12)
    assert round(row.cases, 1) == 701.9
    assert "76344 Einwohner" in row.derivation
    assert "164496 / 17891698" in row.derivation


def test_the_yearly_impact_of_an_estimated_row_by_hand() -> None:
    cases = list(estimate_cases(["todesfall"], ["saerbeck"]).to_cases())
    impact = YearlyImpact(tuple(cases), {"todesfall": load("todesfall")})
    today = impact.totals()
    per_case = sweep("todesfall", personas=["default"], municipalities=["saerbeck"])
    deaths = 6865 * 234176 / 17891698
    assert math.isclose(today.cases, deaths)
    assert math.isclose(today.visits, deaths * per_case["visits.as_modelled"].iloc[0])
    assert math.isclose(
        today.once_only_violations, deaths * per_case["once_only_violations"].iloc[0]
    )


def test_what_it_leaves_out_and_why() -> None:
    estimate = estimate_cases()
    assert sorted(estimate.left_out) == ["horstmar", "wettringen"]
    assert {"umzug-innerhalb-gemeinde", "umzug-innerhalb-kreis", "pflegefall"} <= set(
        estimate.blocked
    )
    assert "zuzug-in-den-kreis" not in estimate.blocked
    estimated = {row.life_event for row in estimate.rows}
    assert not estimated & set(estimate.blocked)
    assert {row.municipality for row in estimate.rows} == set(_population_file()) - {
        "horstmar",
        "wettringen",
    }
    assert all(row.verified and row.rate_source and row.population_source for row in estimate.rows)
    assert all(reason for reason in estimate.blocked.values())


def test_every_figure_carries_its_source() -> None:
    region = builtin_regions()["kreis-steinfurt"]
    for municipality, row in _population_file().items():
        assert municipality in region.municipalities
        assert row["source"]
        assert row["url"].startswith("https://")
        assert row["verified"] in ("true", "false")
        assert row["population"] or row["verified"] == "false"
    rates = _rates_file()
    journeys = set(builtin_journeys())
    for key, rate in rates["rates"].items():  # type: ignore[attr-defined]
        assert key in journeys
        assert rate["source"]
        assert rate["url"].startswith("https://")
        assert isinstance(rate["verified"], bool)
        assert isinstance(rate["year"], int)
        assert rate["population"] in rates["populations"]  # type: ignore[operator]
    assert set(rates["rates"]) | set(rates["blocked"]) == journeys  # type: ignore[call-overload]
    grid = load_persona_grid()
    assert all(d.source and d.url.startswith("https://") for d in grid.dimensions)


def test_usable_wherever_cases_are_read() -> None:
    from_name = read_cases("estimate")
    assert from_name == estimate_cases().to_cases()
    text = estimate_cases().to_csv()
    back = read_cases_text(text, "estimate.csv")
    assert [(c.life_event, c.municipality, c.persona) for c in back] == [
        (c.life_event, c.municipality, c.persona) for c in from_name
    ]
    assert all(
        math.isclose(a.cases, b.cases, abs_tol=5e-4) for a, b in zip(back, from_name, strict=True)
    )
    assert all("Schätzung" in line for line in text.splitlines()[1:])


def test_split_over_the_grid_keeps_the_total() -> None:
    grid = load_persona_grid()
    estimate = estimate_cases(["geburt"], ["greven"])
    split = estimate.to_cases(grid)
    assert len(split) == len(grid.personas)
    assert math.isclose(sum(c.cases for c in split), estimate.rows[0].cases)
    impact = YearlyImpact(split, {"geburt": with_persona_grid(load("geburt"), grid)})
    assert math.isclose(impact.totals().cases, estimate.rows[0].cases)


def test_unknown_names_are_refused() -> None:
    from lifeevents.errors import SweepError

    with pytest.raises(SweepError, match="no estimate for 'hochzeit'"):
        estimate_cases(["hochzeit"])
    with pytest.raises(SweepError, match="no census figure for 'münster'"):
        estimate_cases(municipalities=["münster"])


def _run(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*LIFEEVENTS, *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        check=False,
    )


def test_cli_writes_the_estimate_and_recommend_reads_it(tmp_path: Path) -> None:
    done = _run("estimate", "--life-event", "geburt", "-o", "cases.csv", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "ESTIMATE" in done.stderr
    assert "horstmar, wettringen" in done.stderr
    assert (tmp_path / "cases.csv").read_text(encoding="utf-8") == estimate_cases(
        ["geburt"]
    ).to_csv()
    scenario = (
        Path(__file__).parents[1] / "scenarios" / "kombinierter-geburtsantrag.yaml"
    ).read_text(encoding="utf-8")
    costed = scenario.replace("\nname:", "\ncost: {one_off_eur: 1000}\nname:", 1)
    (tmp_path / "s.yaml").write_text(costed, encoding="utf-8")
    by_file = _run(
        "recommend",
        "--budget",
        "5000",
        "--cases",
        "cases.csv",
        "--scenario",
        "s.yaml",
        "--format",
        "json",
        cwd=tmp_path,
    )
    assert by_file.returncode == 0, by_file.stderr
    by_name = _run(
        "recommend",
        "--budget",
        "5000",
        "--cases",
        "estimate",
        "--scenario",
        "s.yaml",
        "--format",
        "json",
        cwd=tmp_path,
    )
    assert by_name.returncode == 0, by_name.stderr
    assert by_name.stderr.startswith("cases: the built-in ESTIMATE for Kreis Steinfurt")


def test_cli_wrong_usage(tmp_path: Path) -> None:
    done = _run("estimate", "--life-event", "hochzeit", cwd=tmp_path)
    assert done.returncode == 2
    assert "no estimate for 'hochzeit'" in done.stderr
    assert "Traceback" not in done.stderr
    done = _run("estimate", "-o", "cases.xlsx", cwd=tmp_path)
    assert done.returncode == 2
    assert not (tmp_path / "cases.xlsx").exists()
