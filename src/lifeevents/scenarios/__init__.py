"""What-if scenarios: apply them to journeys and compare the figures."""

from lifeevents.scenarios.apply import (
    Applied,
    ScenarioNotApplicableError,
    apply,
    apply_scenarios,
)

__all__ = ["Applied", "ScenarioNotApplicableError", "apply", "apply_scenarios"]
