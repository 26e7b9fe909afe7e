"""An excerpt of an analysed journey: some of its columns, for one page of a printed map.

The excerpt keeps the whole journey's analysis (key figures, visit plan,
findings), so that a page marks its steps as the whole map does; only the graph,
the schedule and the stages shrink to the columns of the page. Stages keep
their numbers in the whole journey (:data:`~lifeevents.views.columns.STAGE_NUMBERS`).

Examples
--------
>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> from lifeevents.views.columns import stage_columns
>>> from lifeevents.views.wording import Wording
>>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
>>> columns = stage_columns(report, Wording.of(report))
>>> part = excerpt(report, columns[1:])
>>> sorted(part.journey.graph), [column.title for column in stage_columns(part, Wording.of(part))]
(['kfz', 'rundfunk'], ['2 · Danach'])
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TypeVar

import networkx as nx

from lifeevents.analysis.handovers import AuthorityHandover, ChannelHandover, MediaBreak
from lifeevents.analysis.report import Report
from lifeevents.views.columns import STAGE_NUMBERS, Column

__all__ = ["excerpt", "stage_keys"]


def excerpt(report: Report, columns: Sequence[Column]) -> Report:
    """The report with only the steps of ``columns`` (columns of :func:`stage_columns`).

    Parameters
    ----------
    report : Report
        The analysed journey.
    columns : sequence of Column
        Columns of the whole journey, left to right.

    Returns
    -------
    Report
        The same analysis; its journey's graph, its schedule and its life event's
        stages hold only the columns' steps, its findings only those among them.
        A step keeps the column it has in the whole journey, a stage its number
        and a planned visit its number; the visits and the duration are the
        whole journey's.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.views.columns import stage_columns
    >>> from lifeevents.views.wording import Wording
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> part = excerpt(report, stage_columns(report, Wording.of(report))[:1])
    >>> [entry.step for entry in part.schedule.steps], part.steps, part.visits.minimum
    (['anmelden', 'gebuehr'], 2, 2)
    """
    trip = report.journey
    steps = [step for column in columns for step in column.steps]
    graph: nx.DiGraph[str] = trip.graph.subgraph(steps).copy()
    info = trip.life_event.life_event
    by_stage = bool(info.stages) or any(data["stage"] for _, data in trip.graph.nodes(data=True))
    life_event = trip.life_event
    if by_stage:
        everything = stage_keys(report)
        for column in columns:
            for step in column.steps:
                graph.nodes[step]["stage"] = column.key
        graph.graph[STAGE_NUMBERS] = {
            column.key: everything.index(column.key) + 1 for column in columns
        }
        kept_stages = tuple(dict.fromkeys(column.key for column in columns))
        life_event = life_event.model_copy(
            update={"life_event": info.model_copy(update={"stages": kept_stages})}
        )
    kept = set(steps)
    schedule = dataclasses.replace(
        report.schedule,
        steps=tuple(entry for entry in report.schedule.steps if entry.step in kept),
        deadlines_at_risk=tuple(node for node in report.schedule.deadlines_at_risk if node in kept),
    )
    visits = report.visits
    # Every planned visit stays (empty when none of its steps is here): visits keep their numbers.
    visits = dataclasses.replace(
        visits,
        plan=tuple(
            dataclasses.replace(
                planned, steps=tuple(node for node in planned.steps if node in kept)
            )
            for planned in visits.plan
        ),
        modelled=tuple(tuple(node for node in group if node in kept) for group in visits.modelled),
    )
    fields = {field.name: getattr(report, field.name) for field in dataclasses.fields(report)}
    fields.update(
        journey=dataclasses.replace(trip, graph=graph, life_event=life_event),
        schedule=schedule,
        visits=visits,
        # Findings between two steps of the page (names of other steps are not at hand).
        channel_handovers=_between(report.channel_handovers, kept),
        media_breaks=_between(report.media_breaks, kept),
        authority_handovers=_between(report.authority_handovers, kept),
        once_only_violations=tuple(
            item for item in report.once_only_violations if item.step in kept
        ),
    )
    return Report(**fields)


_Edge = TypeVar("_Edge", ChannelHandover, MediaBreak, AuthorityHandover)


def _between(items: tuple[_Edge, ...], kept: set[str]) -> tuple[_Edge, ...]:
    return tuple(item for item in items if item.source in kept and item.target in kept)


def stage_keys(report: Report) -> list[str]:
    """The keys of the whole journey's stage columns, left to right.

    Parameters
    ----------
    report : Report
        The analysed journey.

    Returns
    -------
    list of str
        The life event's stages, then those only steps name.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> stage_keys(analyze(journey(loads(DEMO_YAML))))
    ['ummelden', 'danach']
    """
    info = report.journey.life_event.life_event
    keys = list(info.stages)
    for entry in report.schedule.steps:
        stage = report.journey.graph.nodes[entry.step]["stage"]
        if stage is not None and stage not in keys:
            keys.append(stage)
    return keys
