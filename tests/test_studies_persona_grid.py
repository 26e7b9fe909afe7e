"""The persona grid: every combination once, shares that sum to 1, the shared vocabulary
of the built-in journeys, sweeps over the grid, and bad grid files."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lifeevents.errors import InputError
from lifeevents.formats.journey_file import load
from lifeevents.library.builtin import builtin_journeys
from lifeevents.studies import KEY_COLUMNS, sweep
from lifeevents.studies.persona_grid import (
    load_persona_grid,
    loads_persona_grid,
    with_persona_grid,
)
from profiles import examples

LIFEEVENTS = [sys.executable, "-m", "lifeevents"]


def _grid_text(levels: list[list[float]]) -> str:
    """A grid file with one dimension per list, its levels with these weights."""
    lines = ["format: lifeevents-persona-grid/1", "dimensions:"]
    for number, weights in enumerate(levels):
        total = sum(weights)
        lines.append(f"  - id: d{number}")
        lines.append("    levels:")
        for index, weight in enumerate(weights):
            share = weight / total
            lines.append(
                f"      - {{id: l{index}, share: {share!r}, attributes: {{a{number}: {index}}}}}"
            )
    return "\n".join(lines) + "\n"


@settings(max_examples=examples(40), deadline=None)
@given(
    st.lists(
        st.lists(st.integers(min_value=1, max_value=50), min_size=2, max_size=4),
        min_size=1,
        max_size=4,
    )
)
def test_every_combination_once_and_shares_sum_to_one(levels: list[list[int]]) -> None:
    grid = loads_persona_grid(_grid_text([[float(w) for w in ws] for ws in levels]), "g.yaml")
    personas = grid.personas
    assert len(personas) == math.prod(len(weights) for weights in levels)
    combinations = [persona.levels for persona in personas]
    assert len(set(combinations)) == len(combinations)
    assert len({persona.id for persona in personas}) == len(personas)
    assert math.isclose(math.fsum(grid.shares().values()), 1.0, rel_tol=1e-9)
    for persona in personas:
        # each persona carries exactly the attributes of its levels
        expected = {f"a{n}": int(level[1:]) for n, level in enumerate(persona.levels)}
        assert persona.attributes == expected


def test_the_built_in_grid_by_hand() -> None:
    grid = load_persona_grid()
    assert [d.id for d in grid.dimensions] == ["auto", "familie", "einkommen", "kanal"]
    assert all(d.verified and d.source and d.url for d in grid.dimensions)
    assert len(grid.personas) == 2 * 3 * 2 * 2
    persona = grid.persona("ohne-auto_unverheiratet_auskommen_schalter")
    # 22 % without a car x 44.5 % unmarried (100 - 51.5 - 4) x 81.7 % x 44 % at the counter
    assert math.isclose(persona.share, 0.22 * 0.445 * 0.817 * 0.44)
    assert persona.attributes == {
        "has_car": False,
        "married": False,
        "single_parent": False,
        "low_income": False,
        "digital": False,
    }
    assert persona.prefer == ("in_person", "phone", "mail")


def test_every_built_in_journey_fits_the_grid() -> None:
    """Every attribute a built-in journey's steps ask about is set for every grid
    persona, so no step silently vanishes for want of an attribute."""
    grid = load_persona_grid()
    for name in builtin_journeys():
        life_event = load(name)
        asked = {key for step in life_event.steps for key in step.when}
        assert name in grid.fits, name
        for persona in grid.for_life_event(life_event).values():
            assert asked <= set(persona.attributes), (name, asked - set(persona.attributes))


def test_hand_written_personas_stay_and_keep_their_results() -> None:
    geburt = load("geburt")
    gridded = with_persona_grid(geburt)
    assert list(gridded.personas)[: len(geburt.personas)] == list(geburt.personas)
    own = sweep(geburt, personas="all")
    again = sweep(gridded, personas=geburt.persona_ids())
    assert own.values.tolist() == again.values.tolist()


def test_a_grid_persona_equals_the_hand_written_one_with_its_attributes() -> None:
    frame = sweep("geburt", personas="grid").set_index("persona")
    own = sweep("geburt").set_index("persona")
    figures = [name for name in own.columns if name not in KEY_COLUMNS]
    grid_row = frame.loc["mit-auto_verheiratet_auskommen_digital", figures]
    assert grid_row.tolist() == own.loc["verheiratet-digital", figures].tolist()


def test_a_grid_sweep_is_a_stable_frame() -> None:
    first = sweep(["geburt", "todesfall"], personas="grid", municipalities=["rheine", "saerbeck"])
    second = sweep(["geburt", "todesfall"], personas="grid", municipalities=["rheine", "saerbeck"])
    pd.testing.assert_frame_equal(first, second)
    assert list(first.columns[: len(KEY_COLUMNS) + 1]) == [*KEY_COLUMNS, "share"]
    assert len(first) == 2 * 2 * 24
    grid = load_persona_grid()
    assert first["persona"].tolist()[:24] == [persona.id for persona in grid.personas]
    sums = first.groupby(["life_event", "municipality"])["share"].sum()
    assert all(math.isclose(value, 1.0) for value in sums)
    # the married archetype is the surviving spouse in the bereavement journey
    death = first[(first["life_event"] == "todesfall") & (first["municipality"] == "rheine")]
    married = death[death["persona"].str.contains("_verheiratet_")]
    unmarried = death[death["persona"].str.contains("_unverheiratet_")]
    assert married["steps"].min() != unmarried["steps"].min()


def test_own_grid_with_equal_weights(tmp_path: Path) -> None:
    path = tmp_path / "grid.yaml"
    path.write_text(
        "format: lifeevents-persona-grid/1\n"
        "dimensions:\n"
        "  - id: familie\n"
        "    levels:\n"
        "      - {id: verheiratet, attributes: {married: true, single_parent: false}}\n"
        "      - {id: allein, attributes: {married: false, single_parent: true}}\n",
        encoding="utf-8",
    )
    frame = sweep("geburt", persona_grid=path)
    assert frame["persona"].tolist() == ["verheiratet", "allein"]
    assert frame["share"].tolist() == [0.5, 0.5]
    assert load_persona_grid(path).dimensions[0].equal_weights


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("format: x\n", "1:9: a persona grid file starts with 'format: lifeevents-persona-grid/1'"),
        (
            "format: lifeevents-persona-grid/1\ndimensions:\n  - {id: a, levels: [{id: x}]}\n",
            "3:21: dimension 'a' needs a list of at least two levels",
        ),
        (
            "format: lifeevents-persona-grid/1\ndimensions:\n"
            "  - {id: a, levels: [{id: x_y}, {id: z, share: 0.5}]}\n",
            "3:27: level id 'x_y' may not hold '_'",
        ),
        (
            "format: lifeevents-persona-grid/1\ndimensions:\n"
            "  - {id: a, levels: [{id: x, share: 0.5}, {id: z}]}\n",
            "give every level of 'a' a share, or none",
        ),
        (
            "format: lifeevents-persona-grid/1\ndimensions:\n"
            "  - {id: a, levels: [{id: x, prefer: [fax]}, {id: z}]}\n",
            "prefer is a list of channels",
        ),
        (
            "format: lifeevents-persona-grid/1\ndimensions:\n"
            "  - {id: a, levels: [{id: x}, {id: z, share: 2}]}\n",
            "share is a number from 0 to 1, not 2",
        ),
        ("format: lifeevents-persona-grid/1\ndimensions: [1]\n", "each dimension is a mapping"),
    ],
)
def test_bad_grid_files_are_located(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        loads_persona_grid(text, "g.yaml")
    assert message in str(caught.value)
    assert str(caught.value).startswith("g.yaml:")


def test_a_grid_persona_named_like_a_journey_persona_is_refused() -> None:
    from lifeevents.errors import SweepError

    text = (
        "format: lifeevents-persona-grid/1\ndimensions:\n"
        "  - {id: a, levels: [{id: alleinerziehend}, {id: verheiratet-digital}]}\n"
    )
    with pytest.raises(SweepError, match="already has persona"):
        with_persona_grid(load("geburt"), loads_persona_grid(text))


def _run(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*LIFEEVENTS, *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_cli_sweeps_the_grid(tmp_path: Path) -> None:
    done = _run("sweep", "geburt", "--persona", "grid", "-o", "grid.csv", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    written = pd.read_csv(tmp_path / "grid.csv", keep_default_na=False)
    expected = sweep("geburt", personas="grid")
    assert list(written.columns) == list(expected.columns)
    assert written["persona"].tolist() == expected["persona"].tolist()
    assert math.isclose(written["share"].sum(), 1.0)


def test_cli_grid_errors(tmp_path: Path) -> None:
    done = _run("sweep", "geburt", "--persona", "grid", "default", "-o", "s.csv", cwd=tmp_path)
    assert done.returncode == 2
    assert "'grid' stands alone" in done.stderr
    bad = tmp_path / "g.yaml"
    bad.write_text("format: lifeevents-persona-grid/1\ndimensions: 3\n", encoding="utf-8")
    done = _run("sweep", "geburt", "--persona-grid", str(bad), "-o", "s.csv", cwd=tmp_path)
    assert done.returncode == 1
    assert f"{bad}:2:13:" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "s.csv").exists()


def test_the_grid_study_is_planned_with_its_shares() -> None:
    from lifeevents.studies.plan import plan_sweep

    study = plan_sweep([load("ruhestand")], personas="grid", municipalities=["rheine"])
    assert study.shares == load_persona_grid().shares()
    assert [row.persona for row in study.rows] == list(study.shares)
    assert plan_sweep([load("ruhestand")]).shares is None


def test_processes_give_the_serial_grid_frame() -> None:
    serial = sweep("umzug-innerhalb-kreis", personas="grid", municipalities=["ochtrup", "lotte"])
    parallel = sweep(
        "umzug-innerhalb-kreis",
        personas="grid",
        municipalities=["ochtrup", "lotte"],
        backend="processes",
        workers=2,
    )
    pd.testing.assert_frame_equal(serial, parallel)
