"""Sweeps: every combination of life events, scenarios, municipalities and personas as
one :class:`pandas.DataFrame`, computed serially, in processes or on a Dask cluster.

>>> frame = sweep("todesfall", personas=["default"], municipalities=["rheine", "saerbeck"],
...               scenarios=["urkunden-direkt"])
>>> frame[["scenarios", "municipality", "once_only_violations"]].values.tolist()
[['', 'rheine', 4], ['', 'saerbeck', 4], ['urkunden-direkt', 'rheine', 0], \
['urkunden-direkt', 'saerbeck', 0]]
>>> list(frame.columns[:7])
['life_event', 'scenarios', 'applied', 'municipality', 'persona', 'origin', 'event_place']
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from typing import TYPE_CHECKING, Any

from lifeevents.model.life_event import LifeEvent
from lifeevents.model.region import Region
from lifeevents.model.scenario import Scenario
from lifeevents.studies.backends import Backend, Progress, run_study
from lifeevents.studies.persona_grid import GRID, PersonaGrid, load_persona_grid
from lifeevents.studies.plan import ALL, Study, plan_sweep
from lifeevents.studies.records import Records
from lifeevents.studies.rows import row_positions

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["KEY_COLUMNS", "SHARE_COLUMN", "LifeEvents", "Scenarios", "study_frame", "sweep"]

#: The columns that say which combination a row is, before the figures.
KEY_COLUMNS = (
    "life_event",
    "scenarios",
    "applied",
    "municipality",
    "persona",
    "origin",
    "event_place",
)

#: The column a sweep over the persona grid adds after the keys: the persona's share
#: of the population (empty for a journey's own personas).
SHARE_COLUMN = "share"

#: Life events as loaded models, built-in names or journey files.
LifeEvents = LifeEvent | str | os.PathLike[str] | Sequence[LifeEvent | str | os.PathLike[str]]
#: Scenarios as loaded models, built-in names or scenario files.
Scenarios = Sequence[Scenario | str | os.PathLike[str]]


def sweep(
    life_events: LifeEvents,
    *,
    personas: Sequence[str] | str = ALL,
    municipalities: Sequence[str] | str | None = None,
    scenarios: Scenarios = (),
    scenario_combinations: bool = False,
    origin: str | None = None,
    regions: Mapping[str, Region] | None = None,
    persona_grid: PersonaGrid | str | os.PathLike[str] | None = None,
    backend: Backend = "serial",
    client: Any = None,
    workers: int | None = None,
    progress: Progress | bool | None = None,
) -> pd.DataFrame:
    """Analyse every combination and return one row per combination.

    Parameters
    ----------
    life_events
        One or more life events: loaded models, built-in names (``"geburt"``) or files.
    personas
        ``"all"`` (default: each journey's own personas), ``"grid"`` (the persona
        grid, see :mod:`lifeevents.studies.persona_grid`) or persona ids that every
        journey has (grid ids too when a ``persona_grid`` is given).
    municipalities
        ``None`` (default: the region's default municipality), ``"all"`` (every
        municipality of each journey's region) or municipality ids.
    scenarios
        What-if scenarios (models, built-in names or files). Each row's
        ``scenarios`` column names the scenarios asked for, joined by ``+``
        (empty: today); ``applied`` those of them that apply to the life event.
    scenario_combinations
        Without it: today and each scenario alone. With it: every combination of
        the scenarios, including all of them together (2**n variants).
    origin
        The municipality the citizen leaves (moves); default: the municipality.
    regions
        Regions by id (default: the built-in ones).
    persona_grid
        The grid for ``personas="grid"`` (default: the built-in one) as a
        :class:`~lifeevents.studies.persona_grid.PersonaGrid` or a grid file; giving
        one with ``personas="all"`` sweeps the grid too.
    backend
        ``"serial"``, ``"processes"`` (local processes) or ``"dask"``.
    client
        A :class:`distributed.Client` for ``"dask"``; default: a
        :class:`~distributed.LocalCluster` of ``workers`` processes for this call.
    workers
        Processes for ``"processes"`` and the own LocalCluster (default: every processor).
    progress
        A callable told ``(analyses done, analyses in all)``, or ``True`` for a bar on
        standard error.

    Returns
    -------
    pandas.DataFrame
        The columns of :data:`KEY_COLUMNS`, with the grid :data:`SHARE_COLUMN`, then
        one per figure of
        :meth:`Report.to_record() <lifeevents.analysis.report.Report.to_record>`.
        Rows are ordered by life event (as given), variant (today, each scenario,
        then combinations by size), municipality and persona; every backend gives
        the same frame.

    Raises
    ------
    SweepError
        For a persona or municipality that does not exist, or bad arguments.
    lifeevents.errors.InputError
        For a journey or scenario file that is invalid, or a scenario that cannot
        be applied (located in its file).

    Examples
    --------
    The demo journey for each of its personas, today and with the fee paid online:

    >>> import lifeevents
    >>> from lifeevents.formats.scenario_file import loads_scenario
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> online = loads_scenario("format: lifeevents-scenario/1\\nid: gebuehr-online\\n"
    ...                         "name: Gebühr online\\n"
    ...                         "changes: [{step: gebuehr, channels: [online]}]\\n")
    >>> frame = lifeevents.sweep([lifeevents.loads(DEMO_YAML)], scenarios=[online])
    >>> frame[["scenarios", "persona", "visits.as_modelled"]].values.tolist()
    [['', 'default', 2], ['', 'mit-auto', 3], ['gebuehr-online', 'default', 1], \
['gebuehr-online', 'mit-auto', 2]]
    >>> frame.groupby("scenarios")["visits.as_modelled"].sum().to_dict()
    {'': 5, 'gebuehr-online': 3}

    The persona grid, weighted by each archetype's share of the population:

    >>> frame = lifeevents.sweep("geburt", personas="grid")
    >>> len(frame), float(round(frame["share"].sum(), 9))
    (24, 1.0)
    >>> float(round((frame["share"] * frame["visits.as_modelled"]).sum(), 3))
    1.343
    """
    loaded = _life_events(life_events, regions)
    grid = None
    if personas == GRID or persona_grid is not None:
        grid = (
            persona_grid
            if isinstance(persona_grid, PersonaGrid)
            else load_persona_grid(persona_grid)
        )
        if personas == ALL:
            personas = GRID
    study = plan_sweep(
        loaded,
        _scenarios(scenarios),
        personas=personas,
        municipalities=municipalities,
        scenario_combinations=scenario_combinations,
        origin=origin,
        regions=regions,
        persona_grid=grid,
    )
    with _progress(progress) as tell:
        groups = run_study(study, backend, client=client, workers=workers, progress=tell)
    return study_frame(study, groups)


def study_frame(study: Study, groups: Sequence[Sequence[Mapping[str, Any]]]) -> pd.DataFrame:
    """The frame of ``study`` from the records of its groups.

    Rows that share a group copy its figures; the keys come from the study's
    :class:`~lifeevents.studies.rows.Block` s. The frame is built a column at a
    time from the records and the blocks (each row picks its record and its
    block), never a row at a time: the same frame as one row per
    :class:`~lifeevents.studies.rows.Row`, in a fraction of the time.

    Parameters
    ----------
    study : Study
        The plan (:func:`~lifeevents.studies.plan.plan_sweep`).
    groups : sequence of sequence of mapping
        The records of each group (:func:`~lifeevents.studies.backends.run_study`).

    Returns
    -------
    pandas.DataFrame
        The columns of :data:`KEY_COLUMNS` (with :data:`SHARE_COLUMN` for a grid
        study), then the figures, one row per row of the study.

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.studies.backends import run_study
    >>> from lifeevents.studies.plan import plan_sweep
    >>> study = plan_sweep([loads(DEMO_YAML)])
    >>> frame = study_frame(study, run_study(study))
    >>> frame[["persona", "steps", "once_only_violations"]].values.tolist()
    [['default', 3, 0], ['mit-auto', 4, 1]]
    """
    import pandas as pd

    first = next((group[0] for group in groups if len(group)), {})
    figures = [name for name in first if name not in KEY_COLUMNS]
    block, record = row_positions(study.blocks, study.sizes)
    if not len(record):
        frame = pd.DataFrame.from_records([], columns=[*KEY_COLUMNS, *figures])
        return _with_shares(frame, study, None)
    # Each column is made once per record (or block), so that pandas infers its type
    # from the same values as from every row, then repeated for the rows by position.
    places = ("municipality", "origin", "event_place")
    by_record = pd.DataFrame(
        {
            "persona": [persona for group in study.groups for _, persona in group.pairs],
            **{name: _column(groups, name) for name in (*places, *figures)},
        }
    )
    by_block = pd.DataFrame(
        {
            "life_event": [item.life_event for item in study.blocks],
            "scenarios": [item.scenarios for item in study.blocks],
            "applied": [item.applied for item in study.blocks],
        }
    )
    keys = {name: by_block[name].array.take(block) for name in by_block.columns}
    keys.update({name: by_record[name].array.take(record) for name in ("persona", *places)})
    # The figures in one take per type (pandas keeps columns of one type together).
    taken = by_record[figures].take(record)
    taken.index = pd.RangeIndex(len(record))
    frame = pd.concat([pd.DataFrame({name: keys[name] for name in KEY_COLUMNS}), taken], axis=1)
    return _with_shares(frame, study, (by_record["persona"], record))


def _column(groups: Sequence[Sequence[Mapping[str, Any]]], name: str) -> list[Any]:
    """The values of ``name`` in every record, group after group (whole columns of
    :class:`~lifeevents.studies.records.Records`, which the workers made)."""
    values: list[Any] = []
    for group in groups:
        if isinstance(group, Records):
            values.extend(group.column(name))
        else:
            values.extend(record[name] for record in group)
    return values


def _with_shares(frame: pd.DataFrame, study: Study, personas: Any) -> pd.DataFrame:
    """``frame`` with the persona grid's population shares after the keys, if the
    study has a grid (``personas``: each record's persona and each row's record)."""
    if study.shares is not None:
        if personas is None:
            shares = frame["persona"].map(study.shares)
        else:
            by_record, record = personas
            shares = by_record.map(study.shares).array.take(record)
        frame.insert(len(KEY_COLUMNS), SHARE_COLUMN, shares)
    return frame


def _life_events(given: LifeEvents, regions: Mapping[str, Region] | None) -> list[LifeEvent]:
    from lifeevents.formats.journey_file import load

    items = [given] if isinstance(given, LifeEvent | str | os.PathLike) else list(given)
    return [item if isinstance(item, LifeEvent) else load(item, regions) for item in items]


def _scenarios(given: Scenarios) -> list[Scenario]:
    from lifeevents.formats.scenario_file import load_scenario

    if isinstance(given, str | os.PathLike):
        given = [given]
    return [item if isinstance(item, Scenario) else load_scenario(item) for item in given]


@contextmanager
def _progress(progress: Progress | bool | None) -> Iterator[Progress | None]:
    if progress is True:
        from lifeevents.studies.progress import progress_bar

        with progress_bar(description="sweep", force=True) as tell:
            yield tell
        return
    with nullcontext(progress or None) as tell:
        yield tell
