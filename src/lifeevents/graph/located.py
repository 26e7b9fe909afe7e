"""Problems found while building a journey, located at the step of the journey file."""

from __future__ import annotations

from lifeevents.model.life_event import LifeEvent, Step
from lifeevents.model.problems import Problem

__all__ = ["step_problem"]


def step_problem(life_event: LifeEvent, step: Step, key: str, message: str) -> Problem:
    """A problem at ``key`` of ``step`` in the file ``life_event`` was read from."""
    source = life_event.source
    index = life_event.steps.index(step)
    if source is None:
        return Problem(f"<{life_event.id}>", 1, 1, f"step '{step.id}': {message}")
    return source.problem(("steps", index, key), f"step '{step.id}': {message}")
