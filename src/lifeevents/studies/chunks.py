"""How a study's tasks travel to the workers: in chunks, by family, the largest first.

A worker process keeps the journeys changed by scenarios for the tasks of the same
study that apply more (:func:`~lifeevents.studies.backends.run_task` finds the
journey with ``a+b`` applied and applies only ``c`` for ``a+b+c``). Every prefix of
a task's scenarios starts with its first scenario, so the tasks of one life event
whose scenarios start with the same one (a *family*) find their prefixes among
themselves: a chunk holds whole families where it can, so that no two workers apply
the same scenarios. Chunks are sent the largest first, and small families share a
chunk only up to half a chunk's share (but enough to be worth sending), so that the
last chunks are small and the workers finish close together (the outcomes are put
back in task order, so the order they are sent in does not change the frame).

Every built-in journey with two scenarios and their combination, on 2 workers: the
geburt tasks that start with ``urkunden-direkt`` (task 1: it alone, task 3: with
``kombinierter-geburtsantrag``) travel together, the small journeys share chunks:

>>> from lifeevents import load
>>> from lifeevents.formats.scenario_file import load_scenario
>>> from lifeevents.library.builtin import builtin_journeys
>>> from lifeevents.studies.plan import plan_sweep
>>> scenarios = [load_scenario("urkunden-direkt"), load_scenario("kombinierter-geburtsantrag")]
>>> study = plan_sweep([load(name) for name in builtin_journeys()], scenarios,
...                    scenario_combinations=True, municipalities="all")
>>> [[(task.life_event.id, "+".join(s.id for s in task.scenarios)) for task in chunk]
...  for chunk in chunks(study.tasks(parts=1), workers=2)][:2]  # doctest: +NORMALIZE_WHITESPACE
[[('geburt', 'urkunden-direkt'), ('geburt', 'urkunden-direkt+kombinierter-geburtsantrag')],
 [('arbeitslosigkeit', ''), ('eheschliessung', '')]]
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from lifeevents.studies.plan import Task

__all__ = ["APPLY_COST", "CHUNKS_PER_WORKER", "MERGED_SHARE", "MIN_MERGED", "chunks", "task_cost"]

#: Chunks per worker a study is cut into, about: several, so that a slow one does not
#: leave the others idle; not many more, as each travels with its journeys.
CHUNKS_PER_WORKER = 4

#: Small families share a chunk up to this part of a chunk's share: they are sent
#: last, and the smaller the last chunks, the closer together the workers finish.
MERGED_SHARE = 0.5

#: ... or up to this cost in analyses, if a share allows: sending a chunk (its tasks
#: there, its records back) costs about as much as 20 analyses.
MIN_MERGED = 200

#: Applying a scenario costs about as much as this many analyses.
APPLY_COST = 40


def task_cost(task: Task) -> int:
    """About how long ``task`` takes, in analyses (its pairs, and a scenario applied).

    Parameters
    ----------
    task : Task
        A task of a study.

    Returns
    -------
    int
        Its pairs, plus :data:`APPLY_COST` when it applies scenarios.

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.studies.plan import plan_sweep
    >>> [task_cost(task) for task in plan_sweep([loads(DEMO_YAML)]).tasks(parts=1)]
    [2]
    """
    return len(task.pairs) + (APPLY_COST if task.scenarios else 0)


def chunks(tasks: Sequence[Task], workers: int) -> list[list[Task]]:
    """The tasks in chunks for ``workers``, the most costly chunk first.

    Each family (the tasks of one life event whose scenarios start with the same
    one, or apply none) stays in one chunk unless it costs more than two chunks'
    share (``1 / (workers * CHUNKS_PER_WORKER)`` of the study): then it is cut
    into consecutive parts of near-equal cost. Consecutive small families share a
    chunk up to :data:`MERGED_SHARE` of that share, or up to :data:`MIN_MERGED`
    (at most the share) if that is more.

    Parameters
    ----------
    tasks : sequence of Task
        The study's tasks in task order (:meth:`~lifeevents.studies.plan.Study.tasks`).
    workers : int
        The number of workers.

    Returns
    -------
    list of list of Task
        Every task once, in task order within a chunk; chunks by cost, the largest
        first (ties in task order).

    Examples
    --------
    One group of today and one with a scenario, each in three tasks (a small study
    spread over two workers): the scenario's family costs more than two chunks'
    share, so it is cut (each part applies the scenario again); today's is not:

    >>> from lifeevents import load
    >>> from lifeevents.formats.scenario_file import load_scenario
    >>> from lifeevents.studies.plan import plan_sweep
    >>> study = plan_sweep([load("todesfall")], [load_scenario("urkunden-direkt")],
    ...                    municipalities="all", personas=["default"])
    >>> [[task.number for task in chunk] for chunk in chunks(study.tasks(parts=3), 2)]
    [[3], [4], [5], [0, 1, 2]]
    """
    if not tasks:
        return []
    total = sum(task_cost(task) for task in tasks)
    share = total / max(1, workers * CHUNKS_PER_WORKER)
    # Life event ids are unique within a study.
    families: dict[tuple[str, str | None], list[Task]] = {}
    for task in tasks:
        first = task.scenarios[0].id if task.scenarios else None
        families.setdefault((task.life_event.id, first), []).append(task)
    merged_up_to = max(MERGED_SHARE * share, min(share, MIN_MERGED))
    pieces: list[list[Task]] = []
    for family in families.values():
        pieces.extend(_cut(family, math.ceil(sum(map(task_cost, family)) / (2 * share))))
    merged: list[tuple[int, list[Task]]] = []
    for piece in pieces:
        cost = sum(map(task_cost, piece))
        if merged and merged[-1][0] + cost <= merged_up_to:
            merged[-1] = (merged[-1][0] + cost, merged[-1][1] + piece)
        else:
            merged.append((cost, piece))
    ordered = sorted(merged, key=lambda chunk: -chunk[0])
    return [sorted(chunk, key=lambda task: task.number) for _, chunk in ordered]


def _cut(family: list[Task], parts: int) -> list[list[Task]]:
    """``family`` in up to ``parts`` consecutive pieces of near-equal cost."""
    if parts <= 1:
        return [family]
    total = sum(map(task_cost, family))
    pieces: list[list[Task]] = [[]]
    done = 0
    for task in family:
        if pieces[-1] and done >= total * len(pieces) / parts:
            pieces.append([])
        pieces[-1].append(task)
        done += task_cost(task)
    return pieces
