"""What a sweep analyses: its rows, in a fixed order, and the tasks that compute them.

A sweep crosses life events with variants (which scenarios are applied),
municipalities and personas. Variants of one life event that apply the same
scenarios (because the others do not apply to it, see ``applies_to``) share one
*group*: the journey is changed and analysed once, and each of those rows copies
the result. A group's (municipality, persona) pairs are split into tasks, each of
which changes the journey and analyses its pairs; tasks are independent and can
run anywhere (see :mod:`lifeevents.studies.backends`).

>>> from lifeevents.formats.journey_file import load
>>> from lifeevents.formats.scenario_file import load_scenario
>>> study = plan_sweep([load("geburt")], [load_scenario("urkunden-direkt")],
...                    personas=["alleinerziehend"], municipalities=["rheine", "saerbeck"])
>>> [(row.scenarios, row.municipality, row.persona) for row in study.rows]
[('', 'rheine', 'alleinerziehend'), ('', 'saerbeck', 'alleinerziehend'), \
('urkunden-direkt', 'rheine', 'alleinerziehend'), \
('urkunden-direkt', 'saerbeck', 'alleinerziehend')]
>>> len(study.tasks(parts=1)), len(study.tasks(parts=2))
(2, 4)
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lifeevents.errors import SweepError, UnknownMunicipalityError
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.region import Region
from lifeevents.model.scenario import Scenario
from lifeevents.model.suggestions import did_you_mean
from lifeevents.studies.persona_grid import GRID, PersonaGrid, load_persona_grid, with_persona_grid
from lifeevents.studies.rows import Block, Row, expand

if TYPE_CHECKING:
    from lifeevents.analysis.report import Report

#: Further figures of a report, added to each record (a module-level function, so
#: that it pickles for the processes and Dask backends).
Measure = Callable[["Report"], Mapping[str, Any]]

__all__ = [
    "ALL",
    "MAX_COMBINED_SCENARIOS",
    "SCENARIO_SEPARATOR",
    "Block",
    "Group",
    "Measure",
    "Row",
    "Study",
    "Task",
    "plan_sweep",
    "variants",
]

#: Asks for every persona of each journey, or every municipality of its region.
ALL = "all"

#: Joins scenario ids in the ``scenarios`` and ``applied`` columns (ids have no ``+``).
SCENARIO_SEPARATOR = "+"

#: Scenarios whose every combination a sweep may analyse (2**n variants per journey).
MAX_COMBINED_SCENARIOS = 16


@dataclass(frozen=True)
class Group:
    """One life event with one set of applicable scenarios, for all its pairs.

    Every row with the same life event and the same applicable scenarios reads
    its figures from one group, so the journey is changed and analysed once.

    Attributes
    ----------
    life_event : LifeEvent
        The journey today.
    scenarios : tuple of Scenario
        The scenarios to apply, in order.
    pairs : tuple of (str or None, str)
        The (municipality, persona) pairs to analyse, in row order.
    region : Region or None
        The journey's region.

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.formats.scenario_file import load_scenario
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> study = plan_sweep([loads(DEMO_YAML)], [load_scenario("ewa")])
    >>> [(group.life_event.id, group.scenarios, group.pairs) for group in study.groups]
    [('demo', (), ((None, 'default'), (None, 'mit-auto')))]
    """

    life_event: LifeEvent
    scenarios: tuple[Scenario, ...]
    pairs: tuple[tuple[str | None, str], ...]
    region: Region | None


@dataclass(frozen=True)
class Task:
    """Change a journey by its scenarios, then analyse it for some (municipality, persona)
    pairs: the unit of work a backend runs (picklable, independent of every other).

    Made by :meth:`Study.tasks`; run by :func:`~lifeevents.studies.backends.run_task`.

    Attributes
    ----------
    number : int
        Its place among the study's tasks.
    group : int
        The group whose pairs it analyses.
    life_event : LifeEvent
        The journey today.
    scenarios : tuple of Scenario
        The scenarios to apply, in order.
    pairs : tuple of (str or None, str)
        Its part of the group's (municipality, persona) pairs.
    origin : str or None
        The municipality the citizen leaves (moves).
    region : Region or None
        The journey's region.
    regions : mapping of str to Region
        Every region, for the scenarios.
    measure : Measure or None
        Further figures per report (see :data:`Measure`).
    token : str or None
        Names the study, so a worker may reuse journeys changed for its other tasks.

    Examples
    --------
    >>> import pickle
    >>> from lifeevents import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> first, second = plan_sweep([loads(DEMO_YAML)]).tasks(parts=2)
    >>> second.number, second.group, second.pairs
    (1, 0, ((None, 'mit-auto'),))
    >>> pickle.loads(pickle.dumps(second)).pairs == second.pairs
    True
    """

    number: int
    group: int
    life_event: LifeEvent
    scenarios: tuple[Scenario, ...]
    pairs: tuple[tuple[str | None, str], ...]
    origin: str | None
    region: Region | None
    regions: Mapping[str, Region]
    measure: Measure | None = None
    #: Names this study's life events and scenarios (ids are unique within it), so a
    #: worker may keep journeys changed by some scenarios for tasks that add more.
    token: str | None = None


@dataclass(frozen=True)
class Study:
    """The rows of a sweep in their order and the groups that compute them.

    Made by :func:`plan_sweep`; :meth:`tasks` splits it into units of work.

    Attributes
    ----------
    blocks : tuple of Block
        The rows of the frame in order, a block (one life event and variant, every
        pair of one group) at a time; :attr:`rows` lists them one by one.
    groups : tuple of Group
        The analyses the rows need.
    origin : str or None
        The municipality the citizen leaves (moves).
    regions : mapping of str to Region
        Every region by id.
    measure : Measure or None
        Further figures per report (see :data:`Measure`).
    token : str or None
        A name unique to this study (see :attr:`Task.token`).
    shares : mapping of str to float or None
        For a sweep over the persona grid, each grid persona's share of the
        population (:mod:`lifeevents.studies.persona_grid`); ``None`` otherwise.

    Examples
    --------
    Three variants (today, the fee online, ``ewa``) of two personas are six rows,
    but ``ewa`` does not apply to the demo, so only four journeys are analysed:

    >>> from lifeevents import loads
    >>> from lifeevents.formats.scenario_file import load_scenario, loads_scenario
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> online = loads_scenario("format: lifeevents-scenario/1\\nid: gebuehr-online\\n"
    ...                         "name: Gebühr online\\n"
    ...                         "changes: [{step: gebuehr, channels: [online]}]\\n")
    >>> study = plan_sweep([loads(DEMO_YAML)], [online, load_scenario("ewa")])
    >>> study.row_count, len(study.blocks), len(study.groups), study.analyses
    (6, 3, 2, 4)
    >>> [(task.group, task.pairs) for task in study.tasks(parts=1)]
    [(0, ((None, 'default'), (None, 'mit-auto'))), (1, ((None, 'default'), (None, 'mit-auto')))]
    """

    blocks: tuple[Block, ...]
    groups: tuple[Group, ...]
    origin: str | None
    regions: Mapping[str, Region] = field(repr=False)
    measure: Measure | None = None
    token: str | None = None
    shares: Mapping[str, float] | None = None

    @property
    def rows(self) -> tuple[Row, ...]:
        """Every row of the frame, in order, one :class:`Row` each (made when asked for)."""
        return expand(self.blocks, [group.pairs for group in self.groups])

    @property
    def row_count(self) -> int:
        """How many rows the frame has."""
        return sum(len(self.groups[block.group].pairs) for block in self.blocks)

    @property
    def sizes(self) -> list[int]:
        """The number of pairs of each group."""
        return [len(group.pairs) for group in self.groups]

    @property
    def analyses(self) -> int:
        """How many journeys are analysed (rows that share a group are analysed once)."""
        return sum(len(group.pairs) for group in self.groups)

    def tasks(self, parts: int) -> list[Task]:
        """Each group's pairs in up to ``parts`` consecutive tasks of near-equal size."""
        tasks: list[Task] = []
        for number, group in enumerate(self.groups):
            count = max(1, min(parts, len(group.pairs)))
            size, extra = divmod(len(group.pairs), count)
            start = 0
            for index in range(count):
                end = start + size + (index < extra)
                tasks.append(
                    Task(
                        len(tasks),
                        number,
                        group.life_event,
                        group.scenarios,
                        group.pairs[start:end],
                        self.origin,
                        group.region,
                        self.regions,
                        self.measure,
                        self.token,
                    )
                )
                start = end
        return tasks


def variants(scenarios: Sequence[Scenario], combinations: bool) -> list[tuple[Scenario, ...]]:
    """Today (no scenario) first, then each scenario alone; with ``combinations``, then
    every combination of two or more, by size, in the order given.

    Parameters
    ----------
    scenarios : sequence of Scenario
        The scenarios, with distinct ids.
    combinations : bool
        Whether to add every combination of two or more.

    Returns
    -------
    list of tuple of Scenario
        The variants, each a tuple of scenarios to apply in order.

    Raises
    ------
    SweepError
        For a scenario id given twice, or combinations of more than
        :data:`MAX_COMBINED_SCENARIOS` scenarios.

    Examples
    --------
    >>> from lifeevents.model.scenario import Scenario
    >>> a, b, c = (Scenario(format="lifeevents-scenario/1", id=i, name=i) for i in "abc")
    >>> [[s.id for s in v] for v in variants([a, b, c], combinations=False)]
    [[], ['a'], ['b'], ['c']]
    >>> [[s.id for s in v] for v in variants([a, b, c], combinations=True)][4:]
    [['a', 'b'], ['a', 'c'], ['b', 'c'], ['a', 'b', 'c']]
    """
    ids = [scenario.id for scenario in scenarios]
    repeated = sorted({name for name in ids if ids.count(name) > 1})
    if repeated:
        raise SweepError(f"scenario(s) named more than once: {', '.join(repeated)}")
    if combinations and len(scenarios) > MAX_COMBINED_SCENARIOS:
        raise SweepError(
            f"every combination of {len(scenarios)} scenarios is {2 ** len(scenarios):,} "
            f"variants; combine at most {MAX_COMBINED_SCENARIOS}"
        )
    if not combinations:
        return [(), *((scenario,) for scenario in scenarios)]
    return [
        combination
        for size in range(len(scenarios) + 1)
        for combination in itertools.combinations(scenarios, size)
    ]


def plan_sweep(
    life_events: Sequence[LifeEvent],
    scenarios: Sequence[Scenario] = (),
    *,
    personas: Sequence[str] | str = ALL,
    municipalities: Sequence[str] | str | None = None,
    scenario_combinations: bool = False,
    origin: str | None = None,
    regions: Mapping[str, Region] | None = None,
    persona_grid: PersonaGrid | None = None,
) -> Study:
    """Every row of a sweep, ordered by life event (as given), variant (see
    :func:`variants`), municipality and persona (as given, or file order).

    Parameters
    ----------
    life_events : sequence of LifeEvent
        The journeys, with distinct ids.
    scenarios : sequence of Scenario
        The what-if scenarios.
    personas : "all", "grid" or sequence of str
        :data:`ALL` (each journey's own), ``"grid"`` (every persona of the grid)
        or ids every journey must have.
    municipalities : None, "all" or sequence of str
        ``None`` (the region's default), :data:`ALL` (every one of each journey's
        region) or ids.
    scenario_combinations : bool
        Every combination of the scenarios, not only each alone.
    origin : str, optional
        The municipality the citizen leaves (moves).
    regions : mapping of str to Region, optional
        The regions by id (default: the built-in ones).
    persona_grid : PersonaGrid, optional
        The grid whose personas each journey gets besides its own (default with
        ``personas="grid"``: the built-in one); the study then has
        :attr:`Study.shares`.

    Returns
    -------
    Study
        The rows and the groups that compute them.

    Raises
    ------
    SweepError
        For a persona that does not exist, ids given twice, or municipalities for a
        journey without a region.
    lifeevents.errors.UnknownMunicipalityError
        For a municipality the region does not have.

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> [row.persona for row in plan_sweep([loads(DEMO_YAML)]).rows]
    ['default', 'mit-auto']
    >>> study = plan_sweep([loads(DEMO_YAML)], personas="grid")
    >>> study.row_count, study.rows[0].persona, round(sum(study.shares.values()), 9)
    (24, 'mit-auto_verheiratet_geringes-einkommen_digital', 1.0)
    >>> plan_sweep([loads(DEMO_YAML)], personas=["ohne-auto"])
    Traceback (most recent call last):
    ...
    lifeevents.errors.SweepError: no persona 'ohne-auto' in 'demo'; personas: default, mit-auto, \
'all' or 'grid'
    """
    if regions is None:
        from lifeevents.formats.region_file import builtin_regions

        regions = builtin_regions()
    if not life_events:
        raise SweepError("a sweep needs at least one life event")
    ids = [life_event.id for life_event in life_events]
    repeated = sorted({name for name in ids if ids.count(name) > 1})
    if repeated:
        raise SweepError(f"life event(s) named more than once: {', '.join(repeated)}")
    shares = None
    if personas == GRID or persona_grid is not None:
        grid = persona_grid or load_persona_grid()
        life_events = [with_persona_grid(life_event, grid) for life_event in life_events]
        shares = grid.shares()
        if personas == GRID:
            personas = list(shares)
    chosen = variants(scenarios, scenario_combinations)
    blocks: list[Block] = []
    groups: list[Group] = []
    for life_event in life_events:
        region = regions.get(life_event.region) if life_event.region else None
        pairs = tuple(
            (place, persona)
            for place in _places(life_event, region, municipalities)
            for persona in _personas(life_event, personas)
        )
        numbers: dict[tuple[str, ...], int] = {}
        for variant in chosen:
            applied = tuple(s for s in variant if s.applies(life_event.id))
            key = tuple(scenario.id for scenario in applied)
            if key not in numbers:
                numbers[key] = len(groups)
                groups.append(Group(life_event, applied, pairs, region))
            label = SCENARIO_SEPARATOR.join(scenario.id for scenario in variant)
            blocks.append(Block(life_event.id, label, SCENARIO_SEPARATOR.join(key), numbers[key]))
    return Study(
        tuple(blocks), tuple(groups), origin, regions, token=uuid.uuid4().hex, shares=shares
    )


def _personas(life_event: LifeEvent, personas: Sequence[str] | str) -> list[str]:
    known = life_event.persona_ids()
    if isinstance(personas, str):
        if personas == ALL:
            return known
        personas = [personas]
    for persona in personas:
        if persona not in known:
            raise SweepError(
                f"no persona '{persona}' in '{life_event.id}'"
                f"{did_you_mean(persona, known)}; personas: {', '.join(known)}, 'all' or 'grid'"
            )
    return list(dict.fromkeys(personas))


def _places(
    life_event: LifeEvent, region: Region | None, municipalities: Sequence[str] | str | None
) -> list[str | None]:
    if municipalities is None:
        if region is None:
            return [None]
        if region.region.default_municipality is None:
            raise UnknownMunicipalityError(
                f"region '{region.id}' has no default municipality; name municipalities"
            )
        return [region.region.default_municipality]
    if region is None:
        raise SweepError(
            f"municipalities need a region; '{life_event.id}' names none "
            "(leave municipalities out for it)"
        )
    known = list(region.municipalities)
    if isinstance(municipalities, str):
        if municipalities == ALL:
            return list(known)
        municipalities = [municipalities]
    for place in municipalities:
        if place not in region.municipalities:
            raise UnknownMunicipalityError(
                f"region '{region.id}' has no municipality '{place}'"
                f"{did_you_mean(place, known)}; municipalities: {', '.join(known)}, or 'all'"
            )
    return list(dict.fromkeys(municipalities))
