"""Property tests of the whole engine over generated journeys."""

from __future__ import annotations

import json
import random
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from lifeevents.analysis.report import analyze
from lifeevents.analysis.visits import grouping_problems
from lifeevents.errors import InputError
from lifeevents.graph.journey import journey
from lifeevents.model.life_event import LifeEvent
from strategies import journey_data

COUNTS = (
    ("steps",),
    ("authorities",),
    ("visits", "as_modelled"),
    ("visits", "minimum"),
    ("visits", "redundant"),
    ("visits", "avoidable"),
    ("channel_handovers", "count"),
    ("media_breaks", "count"),
    ("authority_handovers", "count"),
    ("authority_handovers", "crossing_levels"),
    ("once_only_violations", "count"),
    ("duration_days",),
    ("digital_share",),
    ("online_available_share",),
)


def counts(report: dict[str, Any]) -> dict[tuple[str, ...], Any]:
    found: dict[tuple[str, ...], Any] = {}
    for path in COUNTS:
        value: Any = report
        for key in path:
            value = value[key]
        found[path] = value
    found[("deadlines",)] = len(report["deadlines_at_risk"])
    return found


def reports(data: dict[str, Any]) -> dict[str, dict[str, Any]] | None:
    """Every persona's report, or None when the modelled visits are infeasible (an input error)."""
    life_event = LifeEvent.model_validate(data)
    try:
        return {
            persona: analyze(journey(life_event, persona)).to_dict()
            for persona in life_event.persona_ids()
        }
    except InputError:
        return None


def renamed(data: dict[str, Any], seed: int) -> dict[str, Any]:
    """The same journey with every step, evidence and authority id renamed, steps shuffled."""
    rng = random.Random(seed)
    text = json.dumps(data)
    data = json.loads(text)
    step_ids = {step["id"]: f"step-{index}" for index, step in enumerate(data["steps"])}
    authority_ids = {key: f"amt-{index}" for index, key in enumerate(data["authorities"])}
    evidence_ids = {key: f"nachweis-{index}" for index, key in enumerate(data.get("evidence", {}))}
    for key, value in data["authorities"].items():
        value.setdefault("site", key)  # the default site is the id: keep the place, not the name
    data["authorities"] = {authority_ids[key]: value for key, value in data["authorities"].items()}
    for item in data.get("evidence", {}).values():
        if "issued_by" in item:
            item["issued_by"] = authority_ids[item["issued_by"]]
    data["evidence"] = {evidence_ids[key]: value for key, value in data.get("evidence", {}).items()}
    for step in data["steps"]:
        step["id"] = step_ids[step["id"]]
        step["authority"] = authority_ids[step["authority"]]
        for key, table in (
            ("after", step_ids),
            ("requires", evidence_ids),
            ("produces", evidence_ids),
        ):
            if key in step:
                step[key] = [table[item] for item in step[key]]
    rng.shuffle(data["steps"])
    return data


@given(journey_data(), st.integers(0, 1000))
def test_counts_invariant_under_renaming_and_shuffling(data: dict[str, Any], seed: int) -> None:
    original = reports(data)
    shuffled = reports(renamed(data, seed))
    assert (original is None) == (shuffled is None)
    if original is None or shuffled is None:
        return
    for persona in original:
        assert counts(original[persona]) == counts(shuffled[persona])


@given(journey_data())
def test_report_is_consistent(data: dict[str, Any]) -> None:
    life_event = LifeEvent.model_validate(data)
    for persona in life_event.persona_ids():
        trip = journey(life_event, persona)
        try:
            report = analyze(trip)
        except InputError:
            continue
        result = report.to_dict()
        visits = result["visits"]
        plan_groups = [entry["steps"] for entry in visits["plan"]]
        assert grouping_problems(trip.graph, plan_groups) == []
        assert visits["minimum"] == len(plan_groups) <= visits["as_modelled"]
        assert visits["redundant"] == visits["as_modelled"] - visits["minimum"]
        assert 0 <= visits["avoidable"] <= visits["as_modelled"]
        assert result["steps"] == len(result["schedule"]) == trip.graph.number_of_nodes()
        assert result["media_breaks"]["count"] <= result["channel_handovers"]["count"]
        assert (
            result["authority_handovers"]["crossing_levels"]
            <= result["authority_handovers"]["count"]
        )
        assert 0.0 <= result["digital_share"] <= 1.0
        assert 0.0 <= result["online_available_share"] <= 1.0
        assert set(result["deadlines_at_risk"]) <= set(trip.graph)
        assert result["duration_days"] >= max(
            (entry["day"] for entry in result["schedule"]), default=0
        )
