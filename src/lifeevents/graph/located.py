"""Problems found while building a journey, located at the step of the journey file."""

from __future__ import annotations

from lifeevents.model.life_event import LifeEvent, Step
from lifeevents.model.problems import Problem

__all__ = ["step_problem"]


def step_problem(life_event: LifeEvent, step: Step, key: str, message: str) -> Problem:
    """A problem at ``key`` of ``step`` in the file ``life_event`` was read from.

    Parameters
    ----------
    life_event : LifeEvent
        The journey the step belongs to.
    step : Step
        The step at fault.
    key : str
        The step's key the problem is about (``"id"``, ``"authority"``, ...).
    message : str
        What is wrong; the step's id is put before it.

    Returns
    -------
    Problem
        Located at the key in the file, or at ``<life event id>:1:1`` for a journey
        built in code.

    Examples
    --------
    >>> from lifeevents.formats.journey_file import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> umzug = loads(DEMO_YAML, "umzug.yaml")
    >>> print(step_problem(umzug, umzug.step("kfz"), "requires", "no Meldebestätigung"))
    umzug.yaml:18:39: step 'kfz': no Meldebestätigung
    """
    source = life_event.source
    index = life_event.steps.index(step)
    if source is None:
        return Problem(f"<{life_event.id}>", 1, 1, f"step '{step.id}': {message}")
    return source.problem(("steps", index, key), f"step '{step.id}': {message}")
