"""Benchmarks of the journey engine: prints times and ratios (not part of the test suite).

Targets (issue "Journey engine"): a typical 25-step journey analyses in under 2 ms;
10,000 steps in under 2 s; time(10,000) / time(1,000) at most 15.

    make bench            # or: .venv/bin/python benchmarks/run.py
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import synthetic_life_event
from timing import median_time

from lifeevents.analysis import shape, visits
from lifeevents.analysis.report import analyze
from lifeevents.graph.journey import journey
from lifeevents.model.life_event import LifeEvent


def main() -> None:
    print(f"{'steps':>7}  {'journey+analyze':>16}  {'topological_sort':>16}  {'ratio':>7}")
    timings: dict[int, float] = {}
    for steps, repeat in ((25, 200), (100, 50), (1_000, 7), (10_000, 3)):
        life_event = synthetic_life_event(steps)
        graph = journey(life_event, "car").graph

        # Each run on a fresh copy with nothing kept from earlier runs: what the engine
        # keeps per journey and per shape (a study's gain) would hide the growth.
        copies = [copy.deepcopy(life_event) for _ in range(repeat)]

        def full(copies: list[LifeEvent] = copies) -> object:
            shape._SHAPES.clear()
            visits._SEARCHED.clear()
            return analyze(journey(copies.pop(), "car"))

        def bare(graph=graph) -> object:  # type: ignore[no-untyped-def]
            return list(nx.topological_sort(graph))

        full_time = median_time(full, repeat)
        bare_time = median_time(bare, repeat)
        timings[steps] = full_time
        print(
            f"{steps:>7}  {full_time * 1000:>13.2f} ms  {bare_time * 1000:>13.3f} ms  "
            f"{full_time / bare_time:>7.1f}"
        )
    growth = timings[10_000] / timings[1_000]
    print(f"growth time(10,000) / time(1,000): {growth:.1f} (target <= 15)")
    print(f"25 steps: {timings[25] * 1000:.2f} ms (target < 2 ms)")
    print(f"10,000 steps: {timings[10_000]:.2f} s (target < 2 s)")


if __name__ == "__main__":
    main()
