"""Applying a scenario checks the changed journey on its data, not by writing it as YAML
and reading it back; both ways must give the same result (lifeevents.scenarios.apply)."""

from __future__ import annotations

import functools
import importlib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lifeevents.errors import InputError
from lifeevents.formats.journey_file import load
from lifeevents.formats.region_file import builtin_regions
from lifeevents.formats.scenario_file import load_scenario
from lifeevents.library.builtin import builtin_journeys, builtin_scenarios
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.scenario import Scenario
from lifeevents.scenarios.apply import apply_scenarios, checked_as_data, checked_as_text
from profiles import examples


@functools.cache
def _journeys() -> dict[str, LifeEvent]:
    return {name: load(name) for name in builtin_journeys()}


@functools.cache
def _scenarios() -> tuple[Scenario, ...]:
    return tuple(load_scenario(name) for name in builtin_scenarios())


def _outcome(life_event: LifeEvent, scenarios: list[Scenario]) -> Any:
    """What applying gives: the changed model and the ids, or the problems raised."""
    try:
        applied = apply_scenarios(life_event, scenarios)
    except InputError as error:
        return ("error", [str(problem) for problem in error.problems])
    return ("ok", applied.life_event, applied.applied, applied.not_applied)


def _outcome_as_text(life_event: LifeEvent, scenarios: list[Scenario]) -> Any:
    """The same through the text only (how apply checked every result before)."""
    module: Any = importlib.import_module("lifeevents.scenarios.apply")
    checked = module.checked_as_data
    module.checked_as_data = module.checked_as_text
    try:
        return _outcome(life_event, scenarios)
    finally:
        module.checked_as_data = checked


@pytest.mark.parametrize("name", sorted(builtin_journeys()))
def test_every_builtin_scenario_gives_the_same_journey_both_ways(name: str) -> None:
    life_event = _journeys()[name]
    scenarios = [scenario for scenario in _scenarios() if scenario.applies(life_event.id)]
    for count in range(1, len(scenarios) + 1):
        chosen = scenarios[:count]
        fast, slow = _outcome(life_event, chosen), _outcome_as_text(life_event, chosen)
        assert fast == slow
        assert fast[0] == "ok"


def _changes(life_event: LifeEvent, draw: Any) -> list[dict[str, Any]]:
    steps = [step.id for step in life_event.steps]
    evidence = sorted(life_event.evidence)
    authorities = [*sorted(life_event.authorities), "standesamt", "jugendamt", "nirgendwo"]
    some_step = st.sampled_from([*steps, "gibt-es-nicht"])
    some_evidence = st.sampled_from([*evidence, "unbekannt"])
    change = st.one_of(
        st.builds(lambda s: {"step": s, "remove": True}, some_step),
        st.builds(lambda s, a: {"step": s, "after": a}, some_step, st.lists(some_step, max_size=3)),
        st.builds(
            lambda s, r: {"step": s, "requires": r},
            some_step,
            st.lists(some_evidence, max_size=2, unique=True),
        ),
        st.builds(
            lambda s, a: {"step": s, "authority": a}, some_step, st.sampled_from(authorities)
        ),
        st.builds(
            lambda s, v: {"step": s, "visit": v, "lead_time_days": 1},
            some_step,
            st.sampled_from(["termin", "zweiter"]),
        ),
        st.builds(
            lambda s, c: {"step": s, "channels": c},
            some_step,
            st.lists(st.sampled_from(["online", "in_person", "mail"]), min_size=1, unique=True),
        ),
        st.builds(
            lambda e, a: {"evidence": e, "issued_by": a},
            some_evidence,
            st.sampled_from(authorities),
        ),
        st.builds(
            lambda s, a: {
                "add_step": {
                    "id": s,
                    "name": "Neuer Schritt",
                    "authority": a,
                    "channels": ["online"],
                    "after": [steps[0]],
                }
            },
            st.sampled_from(["neu", steps[-1]]),
            st.sampled_from(authorities),
        ),
    )
    result: list[dict[str, Any]] = draw(st.lists(change, min_size=1, max_size=3))
    return result


@settings(max_examples=examples(40), deadline=None)
@given(st.data())
def test_any_scenario_gives_the_same_journey_or_the_same_errors_both_ways(
    data: st.DataObject,
) -> None:
    name = data.draw(st.sampled_from(sorted(builtin_journeys())))
    life_event = _journeys()[name]
    changes = _changes(life_event, data.draw)
    scenario = Scenario.model_validate(
        {"format": "lifeevents-scenario/1", "id": "probe", "name": "Probe", "changes": changes}
    )
    fast, slow = _outcome(life_event, [scenario]), _outcome_as_text(life_event, [scenario])
    assert fast == slow


@settings(max_examples=examples(20), deadline=None)
@given(st.data())
def test_the_data_finds_a_problem_exactly_when_the_text_does(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(builtin_journeys())))
    life_event = _journeys()[name]
    scenario = Scenario.model_validate(
        {
            "format": "lifeevents-scenario/1",
            "id": "probe",
            "name": "Probe",
            "changes": [{**change, "optional": True} for change in _changes(life_event, data.draw)],
        }
    )
    try:
        changed = apply_scenarios(life_event, [scenario]).life_event
    except InputError:
        return  # the change itself does not fit (the draft), before any check
    regions = builtin_regions()
    assert bool(checked_as_data(changed, "x.yaml", regions)) == bool(
        checked_as_text(changed, "x.yaml", regions)
    )
