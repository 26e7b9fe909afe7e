"""Run a sweep's tasks serially, in local processes, or on a Dask cluster.

Every backend runs the same function (:func:`run_task`) on the same tasks and puts
the outcomes back in task order, so the frame does not depend on the backend or
on which task finished first. A task that meets invalid input (a scenario that
cannot be applied, a journey that cannot be built) returns its located problems
instead of raising in a worker; once all tasks are done, the problems of the first
such task in order are raised as :class:`~lifeevents.errors.InputError`.

>>> from lifeevents.formats.journey_file import load
>>> from lifeevents.studies.plan import plan_sweep
>>> study = plan_sweep([load("geburt")], municipalities=["rheine", "greven"])
>>> groups = run_study(study, "serial")
>>> len(groups), len(groups[0]) == len(study.rows)
(1, True)
>>> sorted(groups[0][0])[:3]
['authorities', 'authority_handovers', 'authority_handovers.crossing_levels']
"""

from __future__ import annotations

import atexit
import importlib
import math
import os
import pickle
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from lifeevents.analysis.report import analyze
from lifeevents.errors import CapExceededError, InputError, SweepError
from lifeevents.graph.journey import journey
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.problems import Problem
from lifeevents.scenarios.apply import apply_scenarios
from lifeevents.studies.chunks import chunks
from lifeevents.studies.plan import Study, Task
from lifeevents.studies.records import Records

__all__ = ["BACKENDS", "Backend", "Outcome", "Progress", "default_workers", "run_study", "run_task"]

Backend = Literal["serial", "processes", "dask"]
BACKENDS: tuple[Backend, ...] = ("serial", "processes", "dask")

#: Told ``(analyses done, analyses in all)`` each time a task finishes.
Progress = Callable[[int, int], None]

#: Tasks per worker, so that a slow task does not leave the other workers idle.
_TASKS_PER_WORKER = 4

#: The journey's own columns of each record: where it was analysed.
PLACE_COLUMNS = ("municipality", "origin", "event_place")


@dataclass(frozen=True)
class Outcome:
    """The records of one task's pairs in order, or the problems that stopped it.

    What :func:`run_task` sends back from a worker: plain data that pickles, never
    an exception.

    Attributes
    ----------
    number : int
        The number of the :class:`~lifeevents.studies.plan.Task`, to put outcomes back
        in task order.
    records : Records
        One record per (municipality, persona) pair of the task, in pair order
        (a sequence of dicts, kept a column at a time, so that the frame is built
        without work per record); empty when the task failed.
    problems : tuple of Problem
        The located problems that stopped the task; empty when it succeeded.
    cap : bool
        Whether the problems are a size cap exceeded
        (:class:`~lifeevents.errors.CapExceededError`) rather than invalid input.

    Examples
    --------
    A scenario whose change names a step the journey lacks stops its task:

    >>> from lifeevents import loads
    >>> from lifeevents.formats.scenario_file import loads_scenario
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.studies.plan import plan_sweep
    >>> wrong = loads_scenario(
    ...     "format: lifeevents-scenario/1\\nid: x\\nname: X\\n"
    ...     "changes: [{step: nope, channels: [online]}]\\n", "x.yaml")
    >>> today, with_x = plan_sweep([loads(DEMO_YAML)], [wrong]).tasks(parts=1)
    >>> outcome = run_task(with_x)
    >>> outcome.number, len(outcome.records), outcome.cap
    (1, 0, False)
    >>> print(outcome.problems[0])  # doctest: +ELLIPSIS
    x.yaml:4:11: step 'nope' does not exist in 'demo'; check the id, ...
    >>> len(run_task(today).records), run_task(today).problems
    (2, ())
    """

    number: int
    records: Records = field(default_factory=Records)
    problems: tuple[Problem, ...] = ()
    cap: bool = False


def run_task(task: Task) -> Outcome:
    """Apply the task's scenarios, then analyse each of its (municipality, persona) pairs.

    Each record holds the places (``municipality``, ``origin``, ``event_place``),
    :meth:`Report.to_record() <lifeevents.analysis.report.Report.to_record>`, and the
    task's own ``measure`` of the report, if any. Every backend runs this function.

    Parameters
    ----------
    task : Task
        One task of a :class:`~lifeevents.studies.plan.Study`.

    Returns
    -------
    Outcome
        The records in pair order, or the located problems of invalid input
        (never raised, so that they come back from a worker whole).

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.studies.plan import plan_sweep
    >>> [task] = plan_sweep([loads(DEMO_YAML)]).tasks(parts=1)
    >>> task.pairs
    ((None, 'default'), (None, 'mit-auto'))
    >>> [record["visits.as_modelled"] for record in run_task(task).records]
    [2, 3]
    """
    try:
        changed = _changed(task)
        records = []
        for place, persona in task.pairs:
            report = analyze(
                journey(
                    changed, persona, municipality=place, origin=task.origin, region=task.region
                )
            )
            trip = report.journey
            record = {
                "municipality": trip.municipality,
                "origin": trip.origin,
                "event_place": trip.event_place,
                **report.to_record(),
            }
            if task.measure is not None:
                record.update(task.measure(report))
            records.append(record)
        return Outcome(task.number, Records.of(records))
    except InputError as error:  # pickled back whole: InputError itself does not unpickle
        return Outcome(
            task.number, problems=error.problems, cap=isinstance(error, CapExceededError)
        )


# Journeys changed by the first scenarios of a task, kept in each process for the
# tasks of the same study that apply more (a combination extends a shorter one):
# applying a scenario re-checks the whole journey and costs far more than analysing.
# Only the study of the latest task is kept: a process serves one study after another,
# and the journeys of a study that is done are of no more use.
_CHANGED: dict[str, OrderedDict[tuple[str, tuple[str, ...]], LifeEvent]] = {}
_CHANGED_KEPT = 256


def _changed(task: Task) -> LifeEvent:
    """The task's life event with its scenarios applied in order (prefixes reused)."""
    if task.token is None:
        if not task.scenarios:
            return task.life_event
        return apply_scenarios(task.life_event, task.scenarios, regions=task.regions).life_event
    kept = _CHANGED.get(task.token)
    if kept is None:
        _CHANGED.clear()
        kept = _CHANGED[task.token] = OrderedDict()
    changed, done = task.life_event, 0
    ids = tuple(scenario.id for scenario in task.scenarios)
    for length in range(len(ids), 0, -1):
        found = kept.get((task.life_event.id, ids[:length]))
        if found is not None:
            changed, done = found, length
            break
    for length in range(done + 1, len(ids) + 1):
        scenario = task.scenarios[length - 1]
        changed = apply_scenarios(changed, [scenario], regions=task.regions).life_event
        kept[(task.life_event.id, ids[:length])] = changed
    if ids:
        kept.move_to_end((task.life_event.id, ids))
    while len(kept) > _CHANGED_KEPT:
        kept.popitem(last=False)
    return changed


def default_workers() -> int:
    """The processors this process may run on: the default number of workers.

    Returns
    -------
    int
        The CPUs of this process's affinity mask where the system tells it, else
        every processor (at least 1).

    Examples
    --------
    >>> default_workers() >= 1
    True
    """
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def run_study(
    study: Study,
    backend: Backend = "serial",
    *,
    client: Any = None,
    workers: int | None = None,
    progress: Progress | None = None,
) -> list[Records]:
    """The records of each group of ``study``, in pair order, computed by ``backend``.

    Parameters
    ----------
    study : Study
        What to analyse (:func:`~lifeevents.studies.plan.plan_sweep`).
    backend : {"serial", "processes", "dask"}
        Here, in local processes (spawned), or on a Dask cluster.
    client : distributed.Client, optional
        A client for ``"dask"`` (default: a :class:`~distributed.LocalCluster` of
        ``workers`` processes for this call).
    workers : int, optional
        The number of processes (default: :func:`default_workers`).
    progress : callable, optional
        Told ``(analyses done, analyses in all)`` each time a task finishes.

    Returns
    -------
    list of Records
        Per group of the study, one record (a dict) per pair (see :func:`run_task`),
        kept a column at a time; the same for every backend.

    Raises
    ------
    SweepError
        For an unknown backend, a client without ``"dask"``, or fewer than one worker.
    lifeevents.errors.InputError
        The problems of the first task (in task order) that met invalid input.

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.studies.plan import plan_sweep
    >>> study = plan_sweep([loads(DEMO_YAML)])
    >>> groups = run_study(study, "serial", progress=lambda done, total: print(done, total))
    2 2
    >>> [record["steps"] for record in groups[0]]
    [3, 4]
    >>> run_study(study, "threads")
    Traceback (most recent call last):
    ...
    lifeevents.errors.SweepError: unknown backend 'threads'; choose one of: serial, processes, dask
    """
    if backend not in BACKENDS:
        raise SweepError(f"unknown backend {backend!r}; choose one of: {', '.join(BACKENDS)}")
    if client is not None and backend != "dask":
        raise SweepError(f"a Dask client needs backend='dask', not {backend!r}")
    if workers is not None and workers < 1:
        raise SweepError(f"workers must be at least 1, not {workers}")
    count = workers or default_workers()
    if backend == "serial":
        tasks = study.tasks(parts=1)
        outcomes = _counted(map(run_task, tasks), tasks, progress)
    else:
        parts = math.ceil(_TASKS_PER_WORKER * count / max(1, len(study.groups)))
        tasks = study.tasks(parts=parts)
        if backend == "processes":
            outcomes = _in_processes(tasks, count, progress)
        else:
            outcomes = _on_dask(tasks, client, count, progress)
    return _by_group(study, tasks, outcomes)


def _counted(
    outcomes: Iterable[Outcome], tasks: Sequence[Task], progress: Progress | None
) -> list[Outcome]:
    """Collect outcomes as they come, telling ``progress`` how far the study is."""
    total = sum(len(task.pairs) for task in tasks)
    done = 0
    collected = []
    for outcome in outcomes:
        collected.append(outcome)
        done += len(tasks[outcome.number].pairs)
        if progress is not None:
            progress(done, total)
    return collected


def _run_chunk(tasks: list[Task]) -> list[Outcome]:
    return [run_task(task) for task in tasks]


# Worker processes are kept for the next sweep of this process (by their number):
# starting them imports the engine in each, which costs more than a small study.
_POOLS: dict[int, Any] = {}


def _process_context() -> Any:
    """forkserver where there is one: each worker is forked from a clean process that
    has imported the engine already, where spawn imports it in every worker (a plain
    fork of a process with threads, such as a Dask client or a notebook kernel, can
    deadlock). Elsewhere spawn, which behaves the same on every platform."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    multiprocessing.set_forkserver_preload([__name__])
    return multiprocessing.get_context("forkserver")


def _in_processes(tasks: list[Task], workers: int, progress: Progress | None) -> list[Outcome]:
    from concurrent.futures import ProcessPoolExecutor, as_completed

    pool = _POOLS.pop(workers, None)
    if pool is None:
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=_process_context())
    try:
        futures = [pool.submit(_run_chunk, chunk) for chunk in chunks(tasks, workers)]
        outcomes = _counted(
            (outcome for future in as_completed(futures) for outcome in future.result()),
            tasks,
            progress,
        )
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    # Kept only after a sweep that went well (a broken pool is never reused).
    _POOLS[workers] = pool
    return outcomes


def _close_pools() -> None:
    """At exit, while the modules the pools need are still there."""
    while _POOLS:
        _, pool = _POOLS.popitem()
        pool.shutdown()


atexit.register(_close_pools)


def _on_dask(
    tasks: list[Task], client: Any, workers: int, progress: Progress | None
) -> list[Outcome]:
    try:
        # Untyped in part: looked up as a plain module, so mypy --strict stays quiet.
        distributed: Any = importlib.import_module("distributed")
    except ImportError as error:
        raise SweepError(
            f"the Dask backend needs dask.distributed ({error}): pip install 'lifeevents[studies]'"
        ) from None
    if client is not None:
        return _submitted(client, tasks, progress)
    # A cluster of its own, on this machine only, for this call; its workers do not
    # sample what they run for a dashboard nobody sees (some 5 % of their time).
    dask: Any = importlib.import_module("dask")
    with (
        dask.config.set({"distributed.worker.profile.enabled": False}),
        distributed.LocalCluster(
            n_workers=min(workers, len(tasks)),
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as own,
    ):
        return _submitted(own, tasks, progress)


def _run_pickled_chunk(payload: bytes) -> list[Outcome]:
    return _run_chunk(pickle.loads(payload))


def _submitted(client: Any, tasks: list[Task], progress: Progress | None) -> list[Outcome]:
    distributed: Any = importlib.import_module("distributed")
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    # Pickled here, once: the scheduler passes bytes on, where it would unpickle and
    # pickle again every journey of a chunk (in this process, while the workers wait).
    payloads = [pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL) for chunk in chunks(tasks, workers)]
    futures = client.map(_run_pickled_chunk, payloads, pure=False)
    try:
        finished = distributed.as_completed(futures)
        return _counted(
            (outcome for future in finished for outcome in future.result()), tasks, progress
        )
    except BaseException:
        client.cancel(futures)
        raise


def _by_group(study: Study, tasks: Sequence[Task], outcomes: Iterable[Outcome]) -> list[Records]:
    """The records per group in pair order; the problems of the first failed task raised."""
    ordered = sorted(outcomes, key=lambda outcome: outcome.number)
    failed = next((outcome for outcome in ordered if outcome.problems), None)
    if failed is not None:
        error = CapExceededError if failed.cap else InputError
        raise error(failed.problems)
    parts: list[list[Records]] = [[] for _ in study.groups]
    for outcome in ordered:
        parts[tasks[outcome.number].group].append(outcome.records)
    return [Records.joined(group) for group in parts]
