"""Load scenario files (``lifeevents-scenario/1``) with located, plain-language errors.

Whether each change's target exists is checked when the scenario is applied to a
journey (:func:`lifeevents.scenarios.apply`), since a scenario may serve several
journeys; those errors point into the scenario file too.

>>> scenario = loads_scenario('''
... format: lifeevents-scenario/1
... id: kfz-online
... name: Fahrzeug-Ummeldung online
... changes:
...   - {step: kfz-ummeldung, channels: [online, in_person]}
... ''')
>>> scenario.id, len(scenario.changes)
('kfz-online', 1)
>>> loads_scenario("format: lifeevents-scenario/1\\nid: x\\nname: X\\nchanges: [{stepp: a}]\\n",
...                "x.yaml")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
lifeevents.errors.InputError: x.yaml:4:11: change 1: a change names its target ...
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from lifeevents.errors import InputError
from lifeevents.formats.located_validation import validate_document
from lifeevents.formats.reading import read_checked
from lifeevents.formats.yaml_reader import read_yaml
from lifeevents.library.builtin import find_scenario
from lifeevents.model.problems import CheckResult, capped, valid_model
from lifeevents.model.scenario import Scenario
from lifeevents.model.sources import SourceMap

__all__ = [
    "check_scenario",
    "check_scenario_text",
    "load_scenario",
    "load_scenarios",
    "loads_scenario",
]


def check_scenario_text(text: str | bytes, filename: str = "<string>") -> CheckResult[Scenario]:
    """Check scenario text and return the model (if valid) with every problem found."""
    try:
        document = read_yaml(text, filename)
    except InputError as error:
        return CheckResult(filename, None, error.problems)
    scenario, problems = validate_document(Scenario, document, filename)
    problems = capped(problems)
    if scenario is None or any(problem.is_error for problem in problems):
        return CheckResult(filename, None, tuple(problems))
    scenario.attach_source(SourceMap(filename, document.positions))
    return CheckResult(filename, scenario, tuple(problems))


def check_scenario(path: str | os.PathLike[str]) -> CheckResult[Scenario]:
    """Check a scenario file; a file that cannot be read is a problem, not an exception."""
    return read_checked(path, check_scenario_text)


def loads_scenario(text: str | bytes, filename: str = "<string>") -> Scenario:
    """Load scenario text; raise :class:`InputError` listing every error."""
    return valid_model(check_scenario_text(text, filename))


def load_scenario(source: str | os.PathLike[str]) -> Scenario:
    """Load a scenario from a file path or a built-in scenario name (``"kfz-online"``);
    raise :class:`InputError` listing every error."""
    path = find_scenario(source) if isinstance(source, str) else source
    return valid_model(check_scenario(path))


def load_scenarios(names: Sequence[str]) -> list[Scenario]:
    """Load scenarios by file path or built-in name, in order.

    Raises :class:`FileNotFoundError` for a name that is neither (naming the built-in
    ones) and :class:`InputError` for an invalid file.
    """
    return [load_scenario(find_scenario(name)) for name in names]
