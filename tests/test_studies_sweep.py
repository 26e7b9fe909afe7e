"""Sweeps to data frames (lifeevents.studies): rows by hand, every row equal to analyze()
of its combination, the same frame from every backend and in any completion order."""

from __future__ import annotations

import random
from functools import cache

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lifeevents.analysis.report import analyze
from lifeevents.errors import InputError, UnknownMunicipalityError
from lifeevents.formats.journey_file import load, loads
from lifeevents.formats.region_file import builtin_regions
from lifeevents.formats.scenario_file import load_scenario, loads_scenario
from lifeevents.graph.journey import journey
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.scenario import Scenario
from lifeevents.scenarios import apply_scenarios
from lifeevents.studies import KEY_COLUMNS, SweepError, sweep
from lifeevents.studies.backends import _by_group, run_task
from lifeevents.studies.plan import plan_sweep
from lifeevents.studies.sweeps import study_frame
from profiles import examples

KREIS = builtin_regions()["kreis-steinfurt"]
JOURNEYS = ("geburt", "todesfall", "umzug-innerhalb-kreis")
SCENARIOS = ("urkunden-direkt", "kombinierter-geburtsantrag", "kfz-online", "ewa")
FIGURES = [
    "steps",
    "authorities",
    "visits.as_modelled",
    "visits.minimum",
    "visits.redundant",
    "visits.avoidable",
    "visits.minimum_exact",
    "channel_handovers",
    "media_breaks",
    "authority_handovers",
    "authority_handovers.crossing_levels",
    "once_only_violations",
    "duration_days",
    "deadlines_at_risk",
    "digital_share",
    "online_available_share",
]


@cache
def _journey(name: str) -> LifeEvent:
    return load(name)


@cache
def _scenario(name: str) -> Scenario:
    return load_scenario(name)


def test_columns_are_the_keys_then_every_figure_of_to_record() -> None:
    frame = sweep("todesfall", personas="default")
    assert list(frame.columns) == [*KEY_COLUMNS, *FIGURES]
    report = analyze(journey(_journey("todesfall"), "default", region=KREIS))
    assert list(frame.columns[len(KEY_COLUMNS) :]) == list(report.to_record())
    assert len(frame) == 1
    assert frame.loc[0, "municipality"] == KREIS.region.default_municipality


def test_hand_computed_rows() -> None:
    # todesfall has four once-only violations today; urkunden-direkt lets the
    # registry office pass the death certificate on, which removes all four
    # (the same figures test_scenarios checks through compare).
    frame = sweep(
        "todesfall",
        personas=["default"],
        municipalities=["rheine", "saerbeck"],
        scenarios=["urkunden-direkt"],
    )
    assert frame[
        ["scenarios", "applied", "municipality", "once_only_violations"]
    ].values.tolist() == [
        ["", "", "rheine", 4],
        ["", "", "saerbeck", 4],
        ["urkunden-direkt", "urkunden-direkt", "rheine", 0],
        ["urkunden-direkt", "urkunden-direkt", "saerbeck", 0],
    ]


def test_a_scenario_for_another_life_event_is_named_but_not_applied() -> None:
    frame = sweep("todesfall", personas="default", scenarios=["ewa"])
    assert frame["scenarios"].tolist() == ["", "ewa"]
    assert frame["applied"].tolist() == ["", ""]
    figures = frame[FIGURES]
    assert figures.iloc[0].tolist() == figures.iloc[1].tolist()


def test_all_municipalities_and_personas() -> None:
    frame = sweep("geburt", municipalities="all")
    personas = _journey("geburt").persona_ids()
    assert len(frame) == 24 * len(personas)
    assert frame["municipality"].tolist() == [m for m in KREIS.municipalities for _ in personas]
    assert frame["persona"].tolist() == personas * 24


def test_combinations_count_and_order() -> None:
    frame = sweep(
        "geburt",
        personas="default",
        scenarios=["urkunden-direkt", "kombinierter-geburtsantrag", "ewa"],
        scenario_combinations=True,
    )
    assert frame["scenarios"].tolist() == [
        "",
        "urkunden-direkt",
        "kombinierter-geburtsantrag",
        "ewa",
        "urkunden-direkt+kombinierter-geburtsantrag",
        "urkunden-direkt+ewa",
        "kombinierter-geburtsantrag+ewa",
        "urkunden-direkt+kombinierter-geburtsantrag+ewa",
    ]
    # ewa does not apply to geburt: the rows with it repeat the rows without it.
    assert frame["applied"].tolist()[5] == "urkunden-direkt"
    rows = frame.set_index("scenarios")[FIGURES]
    assert rows.loc["urkunden-direkt+ewa"].tolist() == rows.loc["urkunden-direkt"].tolist()


def test_scenarios_share_one_analysis_per_applied_set() -> None:
    study = plan_sweep(
        [_journey("todesfall")],
        [_scenario("urkunden-direkt"), _scenario("ewa"), _scenario("kfz-online")],
        personas=["default"],
        scenario_combinations=True,
    )
    assert len(study.rows) == 8
    assert len(study.groups) == 2  # today, and with urkunden-direkt
    assert study.analyses == 2


@st.composite
def _combinations(draw: st.DrawFn, most_scenarios: int = 3) -> dict[str, object]:
    names = draw(st.lists(st.sampled_from(JOURNEYS), min_size=1, max_size=2, unique=True))
    places = draw(
        st.lists(st.sampled_from(list(KREIS.municipalities)), min_size=1, max_size=3, unique=True)
    )
    personas: str | list[str] = "all"
    if len(names) == 1:
        known = _journey(names[0]).persona_ids()
        personas = draw(st.lists(st.sampled_from(known), min_size=1, max_size=3, unique=True))
    scenarios = draw(st.lists(st.sampled_from(SCENARIOS), max_size=most_scenarios, unique=True))
    return {
        "life_events": [_journey(name) for name in names],
        "municipalities": places,
        "personas": personas,
        "scenarios": [_scenario(name) for name in scenarios],
        "scenario_combinations": draw(st.booleans()),
    }


@given(_combinations(), st.data())
def test_each_row_is_analyze_of_its_combination(
    arguments: dict[str, object], data: st.DataObject
) -> None:
    frame = sweep(**arguments)  # type: ignore[arg-type]
    index = data.draw(st.integers(0, len(frame) - 1))
    row = frame.iloc[index]
    life_event = _journey(row["life_event"])
    named = [_scenario(name) for name in row["scenarios"].split("+") if name]
    applied = apply_scenarios(life_event, named)
    assert "+".join(applied.applied) == row["applied"]
    report = analyze(
        journey(applied.life_event, row["persona"], municipality=row["municipality"], region=KREIS)
    )
    assert row[FIGURES].tolist() == list(report.to_record().values())
    assert (row["origin"], row["event_place"]) == (
        report.journey.origin,
        report.journey.event_place,
    )


# Fewer examples: each one applies scenarios once per task (some 30 ms each).
@settings(max_examples=examples(20))
@given(_combinations(most_scenarios=2), st.integers(1, 6), st.randoms(use_true_random=False))
def test_same_frame_for_any_split_and_completion_order(
    arguments: dict[str, object], parts: int, shuffle: random.Random
) -> None:
    study = plan_sweep(**arguments)  # type: ignore[arg-type]
    serial = study_frame(study, _by_group(study, study.tasks(1), map(run_task, study.tasks(1))))
    tasks = study.tasks(parts)
    outcomes = [run_task(task) for task in tasks]
    shuffle.shuffle(outcomes)
    pd.testing.assert_frame_equal(study_frame(study, _by_group(study, tasks, outcomes)), serial)


def test_processes_backend_gives_the_serial_frame() -> None:
    arguments = {
        "municipalities": ["rheine", "greven", "saerbeck"],
        "scenarios": ["urkunden-direkt", "kfz-online"],
        "scenario_combinations": True,
    }
    serial = sweep(["geburt", "umzug-innerhalb-kreis"], **arguments)  # type: ignore[arg-type]
    parallel = sweep(
        ["geburt", "umzug-innerhalb-kreis"],
        backend="processes",
        workers=2,
        **arguments,  # type: ignore[arg-type]
    )
    pd.testing.assert_frame_equal(parallel, serial)


def test_dask_backend_on_a_two_worker_local_cluster_gives_the_serial_frame() -> None:
    distributed = pytest.importorskip("distributed")
    arguments = {
        "municipalities": ["rheine", "greven", "saerbeck", "ochtrup"],
        "scenarios": ["urkunden-direkt", "kfz-online"],
        "scenario_combinations": True,
    }
    serial = sweep(["geburt", "umzug-innerhalb-kreis"], **arguments)  # type: ignore[arg-type]
    # Threads in this process keep the test fast; the workers still receive every
    # task pickled (as on a real cluster), since the cluster runs its own event loop.
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=False,
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert len(client.scheduler_info()["workers"]) == 2
        on_dask = sweep(
            ["geburt", "umzug-innerhalb-kreis"],
            backend="dask",
            client=client,
            **arguments,  # type: ignore[arg-type]
        )
    pd.testing.assert_frame_equal(on_dask, serial)


def test_dask_backend_starts_its_own_local_cluster_without_a_client() -> None:
    pytest.importorskip("distributed")
    arguments = {"personas": "default", "municipalities": ["rheine", "saerbeck"]}
    serial = sweep("todesfall", **arguments)  # type: ignore[arg-type]
    own = sweep("todesfall", backend="dask", workers=2, **arguments)  # type: ignore[arg-type]
    pd.testing.assert_frame_equal(own, serial)


def test_the_package_exports_sweep() -> None:
    import lifeevents

    assert lifeevents.sweep is sweep


def test_progress_is_told_every_analysis() -> None:
    told: list[tuple[int, int]] = []
    frame = sweep(
        "geburt",
        municipalities=["rheine", "greven"],
        scenarios=["urkunden-direkt", "ewa"],
        progress=lambda done, total: told.append((done, total)),
    )
    # ewa does not apply to geburt: its rows are today's, analysed once.
    total = len(frame) * 2 // 3
    assert told[-1] == (total, total)
    assert [done for done, _ in told] == sorted(done for done, _ in told)


_BROKEN = """\
format: lifeevents-scenario/1
id: kaputt
name: Kaputt
changes: [{step: gibt-es-nicht, remove: true}]
"""


@pytest.mark.parametrize("backend", ["serial", "processes"])
def test_a_scenario_that_cannot_be_applied_is_a_located_input_error(backend: str) -> None:
    scenario = loads_scenario(_BROKEN, "kaputt.yaml")
    with pytest.raises(InputError) as caught:
        sweep("geburt", personas="default", scenarios=[scenario], backend=backend, workers=2)  # type: ignore[arg-type]
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == ("kaputt.yaml", 4)
    assert "gibt-es-nicht" in problem.message


@pytest.mark.parametrize(
    ("arguments", "error", "words"),
    [
        ({"personas": ["niemand"]}, SweepError, "no persona 'niemand' in 'geburt'"),
        ({"municipalities": ["rhein"]}, UnknownMunicipalityError, "did you mean 'rheine'"),
        ({"scenarios": ["ewa", "ewa"]}, SweepError, "more than once: ewa"),
        ({"backend": "threads"}, SweepError, "unknown backend 'threads'"),
        ({"client": object()}, SweepError, "needs backend='dask'"),
        ({"workers": 0}, SweepError, "at least 1"),
    ],
)
def test_wrong_arguments(arguments: dict[str, object], error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        sweep("geburt", **arguments)  # type: ignore[arg-type]


def test_municipalities_need_a_region() -> None:
    alone = loads(
        "format: lifeevents/1\nlife_event: {id: x, name: X}\n"
        "authorities: {amt: {name: Amt, level: gemeinde}}\n"
        "steps: [{id: a, name: A, authority: amt, channels: [online]}]\n"
    )
    assert sweep(alone)["municipality"].tolist() == [None]
    with pytest.raises(SweepError, match="'x' names none"):
        sweep(alone, municipalities="all")


def test_too_many_scenarios_to_combine() -> None:
    many = [
        Scenario(format="lifeevents-scenario/1", id=f"s{number}", name="S") for number in range(17)
    ]
    with pytest.raises(SweepError, match="131,072 variants"):
        sweep("geburt", scenarios=many, scenario_combinations=True)
