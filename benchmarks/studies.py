"""Benchmarks of studies (lifeevents.studies): prints times and ratios, not part of the tests.

Targets (issue 14): at least 5,000 analyses a second on one core for the built-in
journeys, building the graph included; the full Kreis study in under 60 s on two
cores; two processes at least 1.7 times one; a Dask LocalCluster of two workers at
least 1.6 times serial. The issue's full Kreis study is every built-in journey x 24
municipalities x the persona grid x every combination of the built-in scenarios
(958,464 rows); the backends (serial, two processes, a running two-worker
LocalCluster) are compared in rounds on the smaller study with each journey's own
personas instead of the grid (172,032 rows), so that several rounds fit in a few
minutes, then on the full study (``--grid-rounds``), each with its CPU split: the
parent's and each worker's CPU seconds.

The machine may be shared: every figure is printed with the load average, the
engine is timed in CPU time (what one core does, whatever else runs), and the
backends are timed in rounds that alternate them, so that a change of load hits
each alike. A parallel speed-up measured while other jobs keep both cores busy
says little about the code: read it only at a load average well below 2.

    .venv/bin/python benchmarks/studies.py [--quick] [--rounds N] [--grid-rounds N]
                                           [--no-engine]
"""

from __future__ import annotations

import argparse
import copy
import importlib
import os
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from lifeevents.analysis.report import analyze
from lifeevents.formats.journey_file import load
from lifeevents.formats.region_file import builtin_regions
from lifeevents.formats.scenario_file import load_scenario
from lifeevents.graph.journey import journey
from lifeevents.library.builtin import builtin_journeys, builtin_scenarios
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.scenario import Scenario
from lifeevents.studies.plan import plan_sweep
from lifeevents.studies.sweeps import sweep


def load_average() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def engine(life_events: Sequence[LifeEvent], passes: int = 5) -> None:
    """journey() + analyze() for every persona in every municipality, one core."""
    towns = list(builtin_regions()["kreis-steinfurt"].municipalities)

    def one_pass(models: list[LifeEvent]) -> int:
        count = 0
        for life_event in models:
            for persona in life_event.persona_ids():
                for town in towns:
                    analyze(journey(life_event, persona, municipality=town))
                    count += 1
        return count

    rates = []
    for _ in range(passes):
        # Fresh models each pass: what the engine keeps per journey is worked out again,
        # as in a study that loads its journeys once.
        models = [copy.deepcopy(life_event) for life_event in life_events]
        start = time.process_time()
        count = one_pass(models)
        rates.append(count / (time.process_time() - start))
    print(
        f"engine: {count:,} analyses a pass (journeys x personas x {len(towns)} municipalities), "
        f"{statistics.median(rates):,.0f} analyses/s CPU time on one core (median of "
        f"{passes}; best {max(rates):,.0f}; target 5,000), {load_average()}"
    )


def scenarios_applied(
    life_events: Sequence[LifeEvent], scenarios: Sequence[Scenario], rounds: int = 5
) -> None:
    """Applying one scenario: checked on the model's data, or written as YAML and read back."""
    pairs = [(e, s) for e in life_events for s in scenarios if s.applies(e.id)]
    module: Any = importlib.import_module("lifeevents.scenarios.apply")
    on_data = module.checked_as_data

    def per_application() -> float:
        start = time.process_time()
        for life_event, scenario in pairs:
            module.apply_scenarios(life_event, [scenario])
        return (time.process_time() - start) / len(pairs) * 1000

    ratios = []
    for _ in range(rounds):
        module.checked_as_data = module.checked_as_text
        try:
            as_text = per_application()
        finally:
            module.checked_as_data = on_data
        as_data = per_application()
        ratios.append(as_text / as_data)
    print(
        f"scenarios: {len(pairs)} applications; last round {as_text:.1f} ms as text, "
        f"{as_data:.1f} ms on the data; ratio {statistics.median(ratios):.1f}x (median of "
        f"{rounds} alternating rounds), {load_average()}"
    )


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


#: The study's options besides the life events: every municipality, every combination
#: of the scenarios; the grid study adds the persona grid.
OWN_PERSONAS: dict[str, Any] = {"municipalities": "all", "scenario_combinations": True}
PERSONA_GRID: dict[str, Any] = {**OWN_PERSONAS, "personas": "grid"}


class Study:
    """One Kreis study, swept on any backend (two workers)."""

    def __init__(
        self,
        label: str,
        life_events: Sequence[LifeEvent],
        scenarios: Sequence[Scenario],
        options: dict[str, Any],
    ) -> None:
        self.label, self.life_events, self.scenarios, self.options = (
            label,
            life_events,
            scenarios,
            options,
        )
        plan = plan_sweep(life_events, scenarios, **options)
        print(
            f"study, {label}: {plan.row_count:,} rows, {plan.analyses:,} analyses, "
            f"{len(plan.groups)} groups"
        )

    def run(self, backend: str, client: Any = None, **changed: Any) -> float:
        """The wall time of one sweep (with ``changed`` options)."""
        return timed(
            lambda: sweep(
                self.life_events,
                scenarios=self.scenarios,
                backend=backend,  # type: ignore[arg-type]
                client=client,
                workers=2,
                **{**self.options, **changed},
            )
        )


def start_up(study: Study) -> None:
    """The first sweep on processes starts the two worker processes, which later sweeps
    of the same Python process reuse; a LocalCluster of its own starts with each call."""
    print(
        f"  processes, first sweep (starts the workers): {study.run('processes'):5.1f} s, "
        f"{load_average()}"
    )
    print(
        f"  dask, a LocalCluster of its own:             {study.run('dask'):5.1f} s, "
        f"{load_average()}"
    )


@contextmanager
def running_cluster(study: Study) -> Iterator[Any]:
    """A client of a running two-worker LocalCluster whose workers have swept a part of
    ``study`` (one municipality), as the reused worker processes have.

    It is started for each Dask sweep timed and closed after it, so that its idle
    scheduler and workers (some 5 % of a core each, the scheduler in this process) do
    not slow the serial and processes sweeps timed between.
    """
    distributed: Any = importlib.import_module("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        study.run("dask", client, municipalities=["rheine"])
        yield client


def compare(study: Study, rounds: int) -> None:
    """Serial, two processes and a running two-worker LocalCluster in alternating rounds,
    then where the CPU time goes."""
    times: dict[str, list[float]] = {"serial": [], "processes": [], "dask": []}
    for number in range(1, rounds + 1):
        times["serial"].append(study.run("serial"))
        times["processes"].append(study.run("processes"))
        with running_cluster(study) as client:
            times["dask"].append(study.run("dask", client))
        print(
            f"  round {number}: serial {times['serial'][-1]:5.1f} s, processes(2) "
            f"{times['processes'][-1]:5.1f} s, dask(2, running cluster) "
            f"{times['dask'][-1]:5.1f} s, {load_average()}"
        )
    serial = statistics.median(times["serial"])
    processes = statistics.median(times["processes"])
    dask = statistics.median(times["dask"])
    print(f"  median serial {serial:.1f} s (target: the full study in under 60 s)")
    print(f"  processes(2) / serial: {serial / processes:.2f}x (target 1.7)")
    print(f"  dask(2) / serial:      {serial / dask:.2f}x (target 1.6)")
    print(f"  (parallel ratios mean something only at a load well below 2; {load_average()})")
    cpu_shares(study)


def cpu_shares(study: Study) -> None:
    """Where the CPU time of a study goes (Linux): what a busy machine changes far less.

    The parent plans the study (a block per life event and variant), sends the
    chunks of tasks, collects the records (columns made by the workers) and builds
    the frame. Two workers cannot take less wall time than the busier worker's CPU
    time plus what the parent does alone after it (the frame): the wall time beyond
    the busier worker is that, starting and waiting.
    """
    if not os.path.isdir("/proc/self"):
        return
    from lifeevents.studies import backends

    start = time.process_time()
    wall = study.run("serial")
    print(
        f"  CPU time: serial {time.process_time() - start:.2f} s (wall {wall:.2f} s), "
        f"{load_average()}"
    )
    pools = [pid for pool in backends._POOLS.values() for pid in pool._processes]
    split("processes", study, pools, None)
    with running_cluster(study) as client:
        split("dask", study, list(client.run(os.getpid).values()), client)


def split(backend: str, study: Study, pids: Sequence[int], client: Any) -> None:
    """The CPU seconds of the parent and of each worker process in one sweep."""
    before, start = cpu_seconds(pids), time.process_time()
    wall = study.run(backend, client)
    parent = time.process_time() - start
    workers = [seconds - before[pid] for pid, seconds in cpu_seconds(pids).items()]
    print(
        f"  CPU time: {backend}(2): parent {parent:.2f} s, workers "
        f"{' + '.join(f'{seconds:.2f}' for seconds in workers)} s; wall {wall:.2f} s = "
        f"busier worker + {wall - max(workers):.2f} s, {load_average()}"
    )


def cpu_seconds(pids: Sequence[int]) -> dict[int, float]:
    """The user and system CPU seconds of each process so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    found = {}
    for pid in pids:
        text = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
        fields = text.rsplit(")", 1)[1].split()
        found[pid] = (int(fields[11]) + int(fields[12])) / ticks
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a few journeys only")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds of backends")
    parser.add_argument(
        "--grid-rounds", type=int, default=1, help="rounds of the persona-grid study (0: none)"
    )
    parser.add_argument("--no-engine", action="store_true", help="only the studies")
    arguments = parser.parse_args()
    names = list(builtin_journeys())[:3] if arguments.quick else list(builtin_journeys())
    life_events = [load(name) for name in names]
    scenarios = [load_scenario(name) for name in builtin_scenarios()]
    if not arguments.no_engine:
        engine(life_events)
        scenarios_applied(life_events, scenarios)
    import pandas  # noqa: F401  (imported once, before any timing)

    own = Study("own personas", life_events, scenarios, OWN_PERSONAS)
    start_up(own)
    compare(own, arguments.rounds)
    if arguments.grid_rounds > 0:
        grid = Study("persona grid (the full study)", life_events, scenarios, PERSONA_GRID)
        compare(grid, arguments.grid_rounds)


if __name__ == "__main__":
    main()
