"""The columns of a map, left to right: the life event's stages, or schedule days.

The journey map, the blueprint and the Mermaid journey all put the steps of a
journey into these columns.

Examples
--------
>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> from lifeevents.views.wording import Wording
>>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
>>> [(column.title, column.steps) for column in stage_columns(report, Wording.of(report))]
[('1 · Ummelden', ('anmelden', 'gebuehr')), ('2 · Danach', ('kfz', 'rundfunk'))]
"""

from __future__ import annotations

from dataclasses import dataclass

from lifeevents.analysis.report import Report
from lifeevents.views.wording import Wording

__all__ = ["STAGE_NUMBERS", "Column", "stage_columns"]

#: The graph attribute of an excerpt that numbers its stages as in the whole journey.
STAGE_NUMBERS = "stage_numbers"


@dataclass(frozen=True)
class Column:
    """One column of a map: a stage (or a day, when the life event has no stages).

    Parameters
    ----------
    key : str
        The stage id, or ``day-N``.
    title : str
        The heading: ``1 · Vor der Geburt``, or ``Tag 3``.
    steps : tuple[str, ...]
        The steps of the column, in schedule order.

    Examples
    --------
    >>> Column("day-3", "Tag 3", ("b",)).title
    'Tag 3'
    """

    key: str
    title: str
    steps: tuple[str, ...]


def stage_columns(report: Report, wording: Wording) -> list[Column]:
    """The map's columns, left to right, each with its steps in schedule order.

    Columns are the life event's stages, then stages that only steps name. A
    step without a stage joins the stage of the step before it in the schedule
    (the first stage when none comes before). A life event without stages gets
    one column per schedule day.

    Parameters
    ----------
    report : Report
        The analysed journey.
    wording : Wording
        The words and names of the render (stage names, the word "day").

    Returns
    -------
    list[Column]
        The columns, left to right; a stage without applicable steps is kept, empty.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> life_event = loads('''
    ... format: lifeevents/1
    ... life_event: {id: demo, name: Demo}
    ... authorities: {amt: {name: Amt, level: gemeinde}}
    ... steps:
    ...   - {id: a, name: A, authority: amt, channels: [mail], lead_time_days: 3}
    ...   - {id: b, name: B, authority: amt, channels: [mail], after: [a]}
    ... ''')
    >>> report = analyze(journey(life_event))
    >>> [(column.title, column.steps) for column in stage_columns(report, Wording.of(report))]
    [('Tag 0', ('a',)), ('Tag 3', ('b',))]
    """
    graph = report.journey.graph
    order = [entry.step for entry in report.schedule.steps]
    stages = list(report.journey.life_event.life_event.stages)
    for node in order:
        stage = graph.nodes[node]["stage"]
        if stage is not None and stage not in stages:
            stages.append(stage)
    if not stages:
        days: dict[int, list[str]] = {}
        for entry in report.schedule.steps:
            days.setdefault(entry.day, []).append(entry.step)
        return [
            Column(f"day-{day}", f"{wording.day} {day}", tuple(steps))
            for day, steps in sorted(days.items())
        ]
    members: dict[str, list[str]] = {stage: [] for stage in stages}
    current = stages[0]
    for node in order:
        current = graph.nodes[node]["stage"] or current
        members[current].append(node)
    # A page of a printed map draws an excerpt of the journey (lifeevents.views.excerpt);
    # its stages keep the numbers they have in the whole journey.
    numbers: dict[str, int] = graph.graph.get(STAGE_NUMBERS, {})
    return [
        Column(
            stage,
            f"{numbers.get(stage, number)} · {wording.names.stage(stage)}",
            tuple(members[stage]),
        )
        for number, stage in enumerate(stages, start=1)
    ]
