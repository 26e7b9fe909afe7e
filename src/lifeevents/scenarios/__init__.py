"""What-if scenarios: apply them to journeys and compare the figures."""

from lifeevents.scenarios.apply import Applied, apply, apply_scenarios

__all__ = ["Applied", "apply", "apply_scenarios"]
