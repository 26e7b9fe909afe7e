"""Activity names to step ids: an optional mapping file, else a step's id or name.

A mapping file is YAML, read by lifeevents' own safe reader, with one entry per
activity name as the authority's system writes it::

    Anmeldung Wohnsitz: anmelden
    "Kfz: Adressänderung": kfz-ummelden

>>> from lifeevents.formats.journey_file import load
>>> life_event = load("geburt")
>>> activities = ["geburt-beurkunden", "Elterngeld beantragen", "Kaffee", "Standesamt"]
>>> step_lookup(life_event, activities, {"Standesamt": "geburt-beurkunden"})
[5, 10, -1, 5]
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from lifeevents.errors import InputError
from lifeevents.formats.reading import READ_LIMIT, read_limited, too_large
from lifeevents.formats.yaml_reader import read_yaml
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.problems import Problem
from lifeevents.model.suggestions import did_you_mean

__all__ = ["read_mapping", "step_lookup"]


def read_mapping(path: str | os.PathLike[str], life_event: LifeEvent) -> dict[str, str]:
    """Read a mapping file (activity name: step id), every step id checked against the
    life event; raise a located :class:`InputError` for every problem."""
    source = os.fspath(path)
    try:
        raw = read_limited(path)
    except OSError as error:
        reason = error.strerror or str(error) or type(error).__name__
        raise InputError([Problem(source, 1, 1, f"cannot read: {reason}")]) from None
    if len(raw) > READ_LIMIT:
        raise InputError([Problem(source, 1, 1, too_large(os.stat(path).st_size))])
    document = read_yaml(raw, source)
    data = document.data
    if data is None:
        return {}
    if not isinstance(data, dict):
        line, column = document.positions.value(())
        message = "a mapping file maps activity names to step ids, e.g. 'Anmeldung: anmelden'"
        raise InputError([Problem(source, line, column, message)])
    steps = [step.id for step in life_event.steps]
    known = set(steps)
    problems = []
    mapping: dict[str, str] = {}
    for activity, step in data.items():
        if isinstance(step, str) and step in known:
            mapping[str(activity)] = step
            continue
        line, column = document.positions.value((activity,))
        if isinstance(step, str):
            message = f"no step '{step}' in journey '{life_event.id}'{did_you_mean(step, steps)}"
        else:
            message = f"the step of '{activity}' must be a step id (text)"
        problems.append(Problem(source, line, column, message))
    if problems:
        raise InputError(problems)
    return mapping


def step_lookup(
    life_event: LifeEvent, activities: Sequence[str], mapping: Mapping[str, str]
) -> list[int]:
    """For each activity name, the index of its step in ``life_event.steps``, or -1.

    The mapping wins; otherwise a step id, then a step name (exact text) matches.
    """
    index = {step.id: number for number, step in enumerate(life_event.steps)}
    by_name: dict[str, int] = {}
    for number, step in enumerate(life_event.steps):
        by_name.setdefault(step.name, number)
    lookup = []
    for activity in activities:
        if activity in mapping:
            lookup.append(index[mapping[activity]])
        elif activity in index:
            lookup.append(index[activity])
        else:
            lookup.append(by_name.get(activity, -1))
    return lookup
