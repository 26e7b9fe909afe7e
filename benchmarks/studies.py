"""Benchmarks of studies (lifeevents.studies): prints times and ratios, not part of the tests.

Targets (issue 14): at least 5,000 analyses a second on one core for the built-in
journeys; the full Kreis study in under 60 s on two cores; two processes at least
1.7 times one; a Dask LocalCluster of two workers at least 1.6 times serial.
Here "the full Kreis study" is every built-in journey x 24 municipalities x its
own personas x every combination of the built-in scenarios (no persona grid yet).

    .venv/bin/python benchmarks/studies.py [--quick]
"""

from __future__ import annotations

import argparse
import time

from lifeevents.formats.journey_file import load
from lifeevents.formats.scenario_file import load_scenario
from lifeevents.library.builtin import builtin_journeys, builtin_scenarios
from lifeevents.studies.plan import plan_sweep
from lifeevents.studies.sweeps import sweep


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a few journeys only")
    arguments = parser.parse_args()
    names = list(builtin_journeys())[:3] if arguments.quick else list(builtin_journeys())
    life_events = [load(name) for name in names]
    scenarios = [load_scenario(name) for name in builtin_scenarios()]
    study = plan_sweep(life_events, scenarios, municipalities="all", scenario_combinations=True)
    print(f"{len(study.rows):,} rows, {study.analyses:,} analyses, {len(study.groups)} groups")
    timings = {}
    for backend in ("serial", "processes", "dask"):
        start = time.perf_counter()
        frame = sweep(
            life_events,
            municipalities="all",
            scenarios=scenarios,
            scenario_combinations=True,
            backend=backend,
            workers=2,
        )
        timings[backend] = time.perf_counter() - start
        print(
            f"{backend:>9}: {timings[backend]:6.1f} s, "
            f"{study.analyses / timings[backend]:,.0f} analyses/s, {len(frame):,} rows"
        )
    print(f"processes(2) / serial: {timings['serial'] / timings['processes']:.2f}x (target 1.7)")
    print(f"dask(2) / serial:      {timings['serial'] / timings['dask']:.2f}x (target 1.6)")


if __name__ == "__main__":
    main()
