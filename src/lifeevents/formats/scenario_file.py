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
    """Check scenario text and return the model (if valid) with every problem found.

    Parameters
    ----------
    text : str or bytes
        The YAML text of a scenario file (``lifeevents-scenario/1``).
    filename : str, optional
        The name the problems show.

    Returns
    -------
    CheckResult of Scenario
        The model when the text has no errors, and every problem found. Whether the
        targets of the changes exist is checked when the scenario is applied.

    Examples
    --------
    >>> text = "format: lifeevents-scenario/1\\nid: Kfz-Online\\nname: Kfz online\\n"
    >>> result = check_scenario_text(text, "kfz.yaml")
    >>> result.ok, result.model
    (False, None)
    >>> print(result.problems[0])  # doctest: +NORMALIZE_WHITESPACE
    kfz.yaml:2:5: id: 'Kfz-Online' is not a valid id here; use lower-case letters,
    digits and '-' only
    """
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
    """Check a scenario file; a file that cannot be read is a problem, not an exception.

    Parameters
    ----------
    path : str or os.PathLike
        The scenario file.

    Returns
    -------
    CheckResult of Scenario
        The model when the file has no errors, and every problem found.

    Examples
    --------
    >>> from lifeevents.library.builtin import find_scenario
    >>> result = check_scenario(find_scenario("kfz-online"))
    >>> result.ok, result.model.id
    (True, 'kfz-online')
    """
    return read_checked(path, check_scenario_text)


def loads_scenario(text: str | bytes, filename: str = "<string>") -> Scenario:
    """Load scenario text; raise :class:`InputError` listing every error.

    Parameters
    ----------
    text : str or bytes
        The YAML text of a scenario file (``lifeevents-scenario/1``).
    filename : str, optional
        The name the problems show (and :attr:`Scenario.source` keeps).

    Returns
    -------
    Scenario
        The validated model.

    Raises
    ------
    InputError
        With every error of the text, each at its line and column.

    Examples
    --------
    A what-if for the demo journey: pay the fee online instead of at the cash desk.

    >>> from lifeevents import analyze, apply, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> online = loads_scenario(
    ...     "format: lifeevents-scenario/1\\nid: gebuehr-online\\nname: Gebühr online\\n"
    ...     "changes: [{step: gebuehr, channels: [online]}]\\n"
    ... )
    >>> umzug = loads(DEMO_YAML)
    >>> before = analyze(journey(umzug)).visits.as_modelled
    >>> after = analyze(journey(apply(umzug, online))).visits.as_modelled
    >>> before, after
    (2, 1)
    """
    return valid_model(check_scenario_text(text, filename))


def load_scenario(source: str | os.PathLike[str]) -> Scenario:
    """Load a scenario from a file path or a built-in scenario name.

    Parameters
    ----------
    source : str or os.PathLike
        A file path, or the name of a built-in scenario (``"kfz-online"``).

    Returns
    -------
    Scenario
        The validated model.

    Raises
    ------
    InputError
        With every error of the file, each at its line and column.
    FileNotFoundError
        For a name that is neither a file nor a built-in scenario.

    Examples
    --------
    >>> scenario = load_scenario("kfz-online")
    >>> scenario.applies("umzug-innerhalb-kreis"), scenario.applies("geburt")
    (True, False)
    """
    path = find_scenario(source) if isinstance(source, str) else source
    return valid_model(check_scenario(path))


def load_scenarios(names: Sequence[str]) -> list[Scenario]:
    """Load scenarios by file path or built-in name, in order.

    Parameters
    ----------
    names : sequence of str
        File paths or built-in scenario names.

    Returns
    -------
    list of Scenario
        The scenarios, in the order of ``names``.

    Raises
    ------
    FileNotFoundError
        For a name that is neither a file nor a built-in scenario (naming the
        built-in ones).
    InputError
        For an invalid file.

    Examples
    --------
    >>> [scenario.id for scenario in load_scenarios(["urkunden-direkt", "kfz-online"])]
    ['urkunden-direkt', 'kfz-online']
    """
    return [load_scenario(find_scenario(name)) for name in names]
