"""How a sweep's frame is built: from blocks of rows and columns of records, never a row
at a time. The frame must equal the straightforward one (a dict of keys and figures
per row), types included; the blocks must list the rows; the records must read as
the dicts they stand for; the chunks must carry every task once, keeping families
together."""

from __future__ import annotations

import itertools
from functools import cache
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lifeevents.formats.journey_file import load, loads
from lifeevents.formats.region_file import builtin_regions
from lifeevents.formats.scenario_file import load_scenario
from lifeevents.library.demo import DEMO_YAML
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.scenario import Scenario
from lifeevents.studies import KEY_COLUMNS, SweepError
from lifeevents.studies.backends import run_study
from lifeevents.studies.chunks import (
    CHUNKS_PER_WORKER,
    MERGED_SHARE,
    MIN_MERGED,
    chunks,
    task_cost,
)
from lifeevents.studies.persona_grid import load_persona_grid
from lifeevents.studies.plan import Study, plan_sweep
from lifeevents.studies.records import Records
from lifeevents.studies.rows import row_positions
from lifeevents.studies.sweeps import SHARE_COLUMN, study_frame
from profiles import examples

KREIS = builtin_regions()["kreis-steinfurt"]
JOURNEYS = ("geburt", "todesfall", "umzug-innerhalb-kreis", "ruhestand")
SCENARIOS = ("urkunden-direkt", "kombinierter-geburtsantrag", "kfz-online", "ewa")


@cache
def _journey(name: str) -> LifeEvent:
    return loads(DEMO_YAML) if name == "demo" else load(name)


@cache
def _scenario(name: str) -> Scenario:
    return load_scenario(name)


def straightforward_frame(study: Study, groups: list[Records]) -> pd.DataFrame:
    """The frame as anyone would first write it: the keys and figures of each row, one
    row after another, into a list per column; the grid's shares mapped from the
    personas."""
    first = next((group[0] for group in groups if len(group)), {})
    figures = [name for name in first if name not in KEY_COLUMNS]
    columns: dict[str, list[Any]] = {name: [] for name in [*KEY_COLUMNS, *figures]}
    for row in study.rows:
        record = groups[row.group][row.pair]
        columns["life_event"].append(row.life_event)
        columns["scenarios"].append(row.scenarios)
        columns["applied"].append(row.applied)
        columns["persona"].append(row.persona)
        for name in ("municipality", "origin", "event_place", *figures):
            columns[name].append(record[name])
    frame = pd.DataFrame(columns)
    if study.shares is not None:
        frame.insert(len(KEY_COLUMNS), SHARE_COLUMN, frame["persona"].map(study.shares))
    return frame


@st.composite
def _studies(draw: st.DrawFn) -> Study:
    names = draw(st.lists(st.sampled_from(JOURNEYS), min_size=1, max_size=2, unique=True))
    places = draw(
        st.lists(st.sampled_from(list(KREIS.municipalities)), min_size=1, max_size=3, unique=True)
    )
    personas: str | list[str] = draw(st.sampled_from(["all", "grid"]))
    grid = None
    if personas == "all" and len(names) == 1:
        known = _journey(names[0]).persona_ids()
        personas = draw(st.lists(st.sampled_from(known), min_size=1, max_size=3, unique=True))
    elif personas == "all" and draw(st.booleans()):
        grid = load_persona_grid()  # the journeys' own personas and the grid's (shares NaN)
    scenarios = draw(st.lists(st.sampled_from(SCENARIOS), max_size=3, unique=True))
    return plan_sweep(
        [_journey(name) for name in names],
        [_scenario(name) for name in scenarios],
        personas=personas,
        municipalities=places,
        scenario_combinations=draw(st.booleans()),
        persona_grid=grid,
    )


# Each example analyses its study (up to some hundred journeys).
@settings(max_examples=examples(15), deadline=None)
@given(_studies())
def test_the_frame_equals_the_straightforward_one(study: Study) -> None:
    groups = run_study(study)
    built = study_frame(study, groups)
    pd.testing.assert_frame_equal(built, straightforward_frame(study, groups), check_exact=True)
    # Records given as plain dicts (as a caller may) give the same frame.
    plain = [list(group) for group in groups]
    pd.testing.assert_frame_equal(study_frame(study, plain), built, check_exact=True)


def test_the_frame_of_a_journey_without_a_region_equals_the_straightforward_one() -> None:
    # municipality, origin and place of the event are None in every row (an object column)
    study = plan_sweep(
        [_journey("demo")], [_scenario("ewa")], scenario_combinations=True, personas="grid"
    )
    groups = run_study(study)
    built = study_frame(study, groups)
    assert built["municipality"].dtype == object
    pd.testing.assert_frame_equal(built, straightforward_frame(study, groups), check_exact=True)


def test_a_study_without_rows_has_the_columns_only() -> None:
    study = plan_sweep([_journey("geburt")], personas=[])
    assert study.row_count == 0
    frame = study_frame(study, run_study(study))
    assert frame.empty
    assert list(frame.columns) == list(KEY_COLUMNS)


@given(_studies())
def test_the_blocks_list_the_rows(study: Study) -> None:
    block, record = row_positions(study.blocks, study.sizes)
    rows = study.rows
    assert len(rows) == study.row_count == len(block) == len(record)
    offsets = list(itertools.accumulate(study.sizes, initial=0))
    assert [offsets[row.group] + row.pair for row in rows] == record.tolist()
    for row, number in zip(rows, block.tolist(), strict=True):
        found = study.blocks[number]
        assert (found.life_event, found.scenarios, found.applied, found.group) == (
            row.life_event,
            row.scenarios,
            row.applied,
            row.group,
        )
        assert (row.municipality, row.persona) == study.groups[row.group].pairs[row.pair]


_VALUES = st.one_of(st.none(), st.integers(), st.floats(allow_nan=False), st.text(max_size=3))


@given(
    st.lists(st.text(max_size=4), min_size=1, max_size=4, unique=True).flatmap(
        lambda names: st.lists(st.fixed_dictionaries(dict.fromkeys(names, _VALUES)))
    ),
    st.integers(-6, 6),
    st.integers(0, 5),
)
def test_records_read_as_the_dicts_they_hold(
    dicts: list[dict[str, Any]], index: int, cut: int
) -> None:
    records = Records.of(dicts)
    assert len(records) == len(dicts)
    assert list(records) == dicts
    assert records == dicts
    assert records[cut:] == dicts[cut:]
    if -len(dicts) <= index < len(dicts):
        assert records[index] == dicts[index]
    else:
        with pytest.raises(IndexError):
            records[index]
    joined = Records.joined([Records.of(dicts[:cut]), Records.of(dicts[cut:])])
    assert joined == dicts
    if dicts:
        assert joined.column(next(iter(dicts[0]))) == [d[next(iter(dicts[0]))] for d in dicts]


def test_records_need_the_same_keys() -> None:
    with pytest.raises(SweepError, match="same figures"):
        Records.of([{"a": 1}, {"b": 2}])


@given(_studies(), st.integers(1, 8), st.integers(1, 6))
def test_chunks_carry_every_task_once_and_keep_families_together(
    study: Study, parts: int, workers: int
) -> None:
    tasks = study.tasks(parts)
    found = chunks(tasks, workers)
    numbers = [task.number for chunk in found for task in chunk]
    assert sorted(numbers) == [task.number for task in tasks]
    for chunk in found:
        assert [task.number for task in chunk] == sorted(task.number for task in chunk)
    costs = [sum(map(task_cost, chunk)) for chunk in found]
    assert costs == sorted(costs, reverse=True)
    share = sum(costs) / (workers * CHUNKS_PER_WORKER)
    family_chunks: dict[tuple[str, str | None], set[int]] = {}
    family_costs: dict[tuple[str, str | None], int] = {}
    for number, chunk in enumerate(found):
        for task in chunk:
            family = (task.life_event.id, task.scenarios[0].id if task.scenarios else None)
            family_chunks.setdefault(family, set()).add(number)
            family_costs[family] = family_costs.get(family, 0) + task_cost(task)
    for family, where in family_chunks.items():
        # A family is cut only when it costs more than two chunks' share.
        assert len(where) == 1 or family_costs[family] > 2 * share
    for chunk, cost in zip(found, costs, strict=True):
        # Families share a chunk only up to half a share (or MIN_MERGED within a share),
        # so that the chunks sent last are small.
        families = {
            (task.life_event.id, task.scenarios[0].id if task.scenarios else None) for task in chunk
        }
        if len(families) > 1:
            assert cost <= max(MERGED_SHARE * share, min(share, MIN_MERGED))
