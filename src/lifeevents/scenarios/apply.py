"""Apply scenarios to a journey: a new life event, the input unchanged (scenario-format-v1).

>>> from lifeevents.formats.journey_file import loads
>>> from lifeevents.formats.scenario_file import loads_scenario
>>> today = loads('''
... format: lifeevents/1
... life_event: {id: umzug, name: Umzug}
... authorities: {amt: {name: Amt, level: gemeinde, site: rathaus}}
... steps:
...   - {id: anmelden, name: Anmelden, authority: amt, channels: [in_person]}
...   - {id: hund, name: Hund anmelden, authority: amt, channels: [in_person], after: [anmelden]}
...   - {id: parken, name: Parkausweis, authority: amt, channels: [in_person], after: [hund]}
... ''')
>>> scenario = loads_scenario('''
... format: lifeevents-scenario/1
... id: ohne-hund
... name: Hund ohne Besuch
... changes: [{step: hund, remove: true}, {step: anmelden, channels: [online]}]
... ''')
>>> changed = apply(today, scenario)
>>> [(step.id, step.after) for step in changed.steps]
[('anmelden', ()), ('parken', ('anmelden',))]
>>> changed.steps[0].channels, today.steps[0].channels
((<Channel.ONLINE: 'online'>,), (<Channel.IN_PERSON: 'in_person'>,))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pydantic

from lifeevents.analysis.validation import journey_problems
from lifeevents.errors import InputError, ScenarioNotApplicableError
from lifeevents.formats.journey_file import Regions, check_document, check_text
from lifeevents.formats.region_file import builtin_regions
from lifeevents.formats.writer import dumps, to_data
from lifeevents.formats.yaml_reader import Document, Positions
from lifeevents.model.life_event import Authority, Evidence, LifeEvent, OfficeChange, Step
from lifeevents.model.problems import CheckResult, Problem
from lifeevents.model.region import Region
from lifeevents.model.scenario import (
    AddStep,
    AuthorityChange,
    Change,
    EvidenceChange,
    Scenario,
    StepChange,
)
from lifeevents.model.sources import SourceMap

__all__ = ["Applied", "apply", "apply_scenarios", "checked_as_data", "checked_as_text"]


@dataclass(frozen=True)
class Applied:
    """The changed life event, and which scenarios were applied and which were not.

    Attributes
    ----------
    life_event : LifeEvent
        The life event with the changes of every applied scenario.
    applied : tuple of str
        The ids of the scenarios applied, in order.
    not_applied : tuple of str
        The ids of the scenarios skipped because their ``applies_to`` excludes the
        life event.

    See Also
    --------
    apply_scenarios : makes one.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.formats.scenario_file import loads_scenario
    >>> from lifeevents.library.demo import DEMO_SCENARIO_YAML, DEMO_YAML
    >>> life_event = loads(DEMO_YAML)
    >>> kfz_online = loads_scenario(DEMO_SCENARIO_YAML)
    >>> births_only = loads_scenario('''
    ... format: lifeevents-scenario/1
    ... id: geburt-digital
    ... name: Geburt digital
    ... applies_to: [geburt]
    ... ''')
    >>> result = apply_scenarios(life_event, [kfz_online, births_only])
    >>> result.applied, result.not_applied
    (('kfz-online',), ('geburt-digital',))
    >>> result.life_event.steps[2].channels[0]
    <Channel.ONLINE: 'online'>
    """

    life_event: LifeEvent
    applied: tuple[str, ...]
    not_applied: tuple[str, ...]


def apply(life_event: LifeEvent, *scenarios: Scenario, regions: Regions | None = None) -> LifeEvent:
    """``life_event`` with the changes of ``scenarios``, in order (a new model; pure).

    Raises :class:`ScenarioNotApplicableError` for a scenario that is not meant for
    this life event (``applies_to``), and :class:`~lifeevents.errors.InputError`,
    located in the scenario file, for a change whose target does not exist or a
    result that is not a valid journey.

    Parameters
    ----------
    life_event : LifeEvent
        The journey today; it is not changed.
    *scenarios : Scenario
        The what-ifs, applied one after the other.
    regions : dict, optional
        Regions by id for checking the result (default: the built-in regions).

    Returns
    -------
    LifeEvent
        A new life event, checked like a journey file.

    Raises
    ------
    ScenarioNotApplicableError
        When a scenario's ``applies_to`` excludes the life event.
    InputError
        When a change's target does not exist or the result is not a valid journey,
        located in the scenario file.

    See Also
    --------
    apply_scenarios : skips inapplicable scenarios instead of raising.
    lifeevents.scenarios.compare.compare : the figures today and with each scenario.

    Examples
    --------
    What if the vehicle could be re-registered online? One visit fewer, but the
    Meldebestätigung now goes from paper to an online form:

    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.formats.scenario_file import loads_scenario
    >>> from lifeevents.library.demo import DEMO_SCENARIO_YAML, DEMO_YAML
    >>> life_event = loads(DEMO_YAML)
    >>> kfz_online = loads_scenario(DEMO_SCENARIO_YAML)
    >>> changed = apply(life_event, kfz_online)
    >>> [channel.value for channel in changed.steps[2].channels]
    ['online', 'in_person']
    >>> [channel.value for channel in life_event.steps[2].channels]
    ['in_person']
    >>> today = analyze(journey(life_event, "mit-auto"))
    >>> then = analyze(journey(changed, "mit-auto"))
    >>> today.visits.as_modelled, then.visits.as_modelled
    (3, 2)
    >>> len(today.media_breaks), len(then.media_breaks)
    (0, 1)

    A change whose target does not exist is located in the scenario file:

    >>> apply(life_event, loads_scenario('''
    ... format: lifeevents-scenario/1
    ... id: ohne-hund
    ... name: Hund ohne Besuch
    ... changes: [{step: hund, remove: true}]
    ... ''', "ohne-hund.yaml"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lifeevents.errors.InputError: ohne-hund.yaml:5:11: step 'hund' does not exist in 'demo'; ...
    """
    result = apply_scenarios(life_event, scenarios, regions=regions)
    if result.not_applied:
        raise ScenarioNotApplicableError(
            f"scenario(s) {', '.join(result.not_applied)} do not apply to life event "
            f"'{life_event.id}' (see their applies_to)"
        )
    return result.life_event


def apply_scenarios(
    life_event: LifeEvent, scenarios: Sequence[Scenario], *, regions: Regions | None = None
) -> Applied:
    """Like :func:`apply`, but a scenario not meant for the life event is skipped and
    listed in :attr:`Applied.not_applied` (the comparison says so), never silently.

    Parameters
    ----------
    life_event : LifeEvent
        The journey today; it is not changed.
    scenarios : sequence of Scenario
        The what-ifs, applied one after the other.
    regions : dict, optional
        Regions by id for checking the result (default: the built-in regions).

    Returns
    -------
    Applied
        The changed life event and the ids of the scenarios applied and skipped.

    Raises
    ------
    InputError
        When a change's target does not exist or the result is not a valid journey,
        located in the scenario file.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.formats.scenario_file import loads_scenario
    >>> from lifeevents.library.demo import DEMO_SCENARIO_YAML, DEMO_YAML
    >>> life_event = loads(DEMO_YAML)
    >>> kfz_online = loads_scenario(DEMO_SCENARIO_YAML)
    >>> result = apply_scenarios(life_event, [kfz_online])
    >>> result.applied, result.not_applied
    (('kfz-online',), ())
    >>> apply_scenarios(life_event, []).life_event is life_event
    True
    """
    if not isinstance(life_event, LifeEvent):
        raise TypeError(f"apply() needs a LifeEvent (from lifeevents.load()), not {life_event!r}")
    known = builtin_regions() if regions is None else regions
    region = known.get(life_event.region) if life_event.region else None
    applied: list[str] = []
    not_applied: list[str] = []
    for scenario in scenarios:
        if not isinstance(scenario, Scenario):
            raise TypeError(
                f"apply() needs scenarios (from lifeevents.load_scenario()), not {scenario!r}"
            )
        if not scenario.applies(life_event.id):
            not_applied.append(scenario.id)
            continue
        source = life_event.source
        life_event = _checked(_apply_one(life_event, scenario, region), scenario, known, source)
        applied.append(scenario.id)
    return Applied(life_event, tuple(applied), tuple(not_applied))


def _apply_one(life_event: LifeEvent, scenario: Scenario, region: Region | None) -> LifeEvent:
    draft = _Draft(
        life_event,
        region,
        list(life_event.steps),
        dict(life_event.evidence),
        dict(life_event.authorities),
        dict(life_event.office_changes),
    )
    problems: list[Problem] = []
    for index, change in enumerate(scenario.changes):
        try:
            problem = draft.change(change)
        except pydantic.ValidationError as error:
            problem = "the change does not fit: " + "; ".join(
                f"{'.'.join(map(str, detail['loc']))}: {detail['msg']}"
                for detail in error.errors(include_url=False)
            )
        if problem is not None:
            problems.append(_at_change(scenario, index, problem))
    if problems:
        raise InputError(problems)
    return draft.life_event()


@dataclass
class _Draft:
    """The parts of a life event while a scenario's changes are applied to them."""

    original: LifeEvent
    region: Region | None
    steps: list[Step]
    evidence: dict[str, Evidence]
    authorities: dict[str, Authority]
    offices: dict[str, OfficeChange]

    def change(self, change: Change) -> str | None:
        """Apply one change; why it cannot be applied, or ``None``."""
        target = change.target
        found = True
        if isinstance(change, StepChange):
            position = next((i for i, step in enumerate(self.steps) if step.id == target), None)
            found = position is not None
            if position is not None and change.remove:
                self.steps = _removed(self.steps, position)
            elif position is not None:
                self.steps[position] = _updated(Step, self.steps[position], change.updates())
        elif isinstance(change, EvidenceChange):
            found = target in self.evidence
            if found:
                self.evidence[target] = _updated(Evidence, self.evidence[target], change.updates())
        elif isinstance(change, AuthorityChange):
            found = self._change_authority(target, change.updates())
            if found and target in self.authorities and change.scope is not None:
                return f"'scope' is a field of region offices; '{target}' is defined in the journey"
        elif isinstance(change, AddStep):
            if any(step.id == target for step in self.steps):
                if change.optional:
                    return None
                return (
                    f"step '{target}' exists already in '{self.original.id}'; "
                    f"change it with 'step: {target}'"
                )
            self.steps.append(change.add_step)
        if found or change.optional:
            return None
        what = {"step": "step", "evidence": "evidence", "authority": "authority or office"}
        return (
            f"{what[change.target_key]} '{target}' does not exist in '{self.original.id}'; "
            "check the id, or mark the change 'optional: true'"
        )

    def _change_authority(self, target: str, updates: dict[str, Any]) -> bool:
        if target in self.authorities:
            local = {name: value for name, value in updates.items() if name != "scope"}
            self.authorities[target] = _updated(Authority, self.authorities[target], local)
            return True
        if self.region is not None and self.region.has_office(target):
            earlier = self.offices.get(target, OfficeChange())
            self.offices[target] = _updated(OfficeChange, earlier, updates)
            return True
        return False

    def life_event(self) -> LifeEvent:
        data = {
            name: getattr(self.original, name)
            for name in LifeEvent.model_fields
            if name in self.original.model_fields_set
        }
        data.update(steps=tuple(self.steps), evidence=self.evidence, authorities=self.authorities)
        if self.offices:
            data["office_changes"] = self.offices
        return LifeEvent.model_validate(data)


def _updated(model: type[Any], part: pydantic.BaseModel, updates: dict[str, Any]) -> Any:
    """``part`` with ``updates``, validated again as ``model`` (fields set stay set)."""
    fields = {name: getattr(part, name) for name in part.model_fields_set}
    return model.model_validate({**fields, **updates})


def _removed(steps: list[Step], position: int) -> list[Step]:
    """Rule 3: remove the step; each of its predecessors (by ``after`` or evidence)
    becomes an ``after`` predecessor of each of its successors. Evidence only it
    produced is then held by the citizen already (no step produces it)."""
    gone = steps[position]
    rest = steps[:position] + steps[position + 1 :]
    producers: dict[str, list[str]] = {}
    for step in rest:
        for evidence_id in step.produces:
            producers.setdefault(evidence_id, []).append(step.id)
    predecessors = [*gone.after, *(p for e in gone.requires for p in producers.get(e, ()))]
    result = []
    for step in rest:
        follows = gone.id in step.after or any(e in gone.produces for e in step.requires)
        if not follows:
            result.append(step)
            continue
        after = [other for other in step.after if other != gone.id]
        after += [other for other in predecessors if other != step.id and other not in after]
        result.append(_updated(Step, step, {"after": tuple(after)}))
    return result


def _checked(
    life_event: LifeEvent, scenario: Scenario, regions: Regions, source: SourceMap | None
) -> LifeEvent:
    """The changed journey, checked like a file: problems are located in the scenario.
    ``source`` is where the journey came from (kept: unchanged parts stay where they were).

    The checks run on the model's plain data first, as if read from a file without
    positions: the data is what writing the journey as YAML and reading it back gives
    (``loads(dumps(x)) == x``), so the same checks find a problem there exactly when
    they find one in the text. Only then, to report each problem exactly as a file
    would, the journey is written and checked again as text.
    """
    journey_file = source.filename if source is not None else f"<{life_event.id}>"
    name = f"{journey_file} with {scenario.id}"
    if checked_as_data(life_event, name, regions):
        problems = checked_as_text(life_event, name, regions)
        raise InputError(
            _at_change(
                scenario,
                _change_about(scenario, problem.message),
                f"applied to {journey_file}, this scenario makes the journey invalid: "
                f"{problem.message}",
            )
            for problem in problems
        )
    if source is not None:
        life_event.attach_source(source)  # unchanged parts keep their place in the journey file
    return life_event


def checked_as_text(life_event: LifeEvent, name: str, regions: Regions) -> list[Problem]:
    """Every problem of ``life_event`` written as a journey file and checked as text
    (what :func:`apply` reports for a scenario that makes the journey invalid).

    Parameters
    ----------
    life_event : LifeEvent
        A journey, such as a changed one.
    name : str
        The file name the problems show.
    regions : mapping of str to Region
        The regions it may name.

    Returns
    -------
    list of Problem
        The errors of the file and of its personas; empty for a valid journey.

    Examples
    --------
    >>> from lifeevents.formats.journey_file import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> checked_as_text(loads(DEMO_YAML), "umzug.yaml", {})
    []
    """
    return _problems(check_text(dumps(life_event), name, regions), regions)


def checked_as_data(life_event: LifeEvent, name: str, regions: Regions) -> list[Problem]:
    """:func:`checked_as_text` without writing and reading the text: the same checks on
    the model's plain data. A problem is found here exactly when it is found there;
    only where it is located differs (the data has no lines).

    Parameters
    ----------
    life_event : LifeEvent
        A journey, such as a changed one.
    name : str
        The file name the problems show.
    regions : mapping of str to Region
        The regions it may name.

    Returns
    -------
    list of Problem
        The errors found; empty for a valid journey.

    Examples
    --------
    >>> from lifeevents.formats.journey_file import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> checked_as_data(loads(DEMO_YAML), "umzug.yaml", {})
    []
    """
    document = Document(to_data(life_event), Positions())
    return _problems(check_document(document, name, regions), regions)


def _problems(result: CheckResult[LifeEvent], regions: Regions) -> list[Problem]:
    problems = list(result.errors)
    if result.model is not None:
        region = regions.get(result.model.region) if result.model.region else None
        problems += journey_problems(result.model, region)
    return problems


def _change_about(scenario: Scenario, message: str) -> int | None:
    """The change whose target a problem names, if any."""
    for index, change in enumerate(scenario.changes):
        if f"'{change.target}'" in message:
            return index
    return None


def _at_change(scenario: Scenario, index: int | None, message: str) -> Problem:
    source = scenario.source
    if source is None:
        return Problem(f"<scenario {scenario.id}>", 1, 1, message)
    path: tuple[str | int, ...] = ("changes", index) if index is not None else ("changes",)
    return source.problem(path, message)
