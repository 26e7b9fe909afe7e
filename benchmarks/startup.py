"""Start-up and scale of the command line, each next to its yardstick (not part of the tests).

Targets (issue "Reproducible set-up"), medians on the project's 2-core machine:

- ``lifeevents --help`` at most 0.25 s and ``lifeevents validate geburt`` at most
  0.4 s, printed next to a bare ``python -c pass``;
- ``lifeevents analyze`` of a 10,000-step journey at most as long as a bare
  ``yaml.load(..., Loader=yaml.CSafeLoader)`` of the same file, each in a fresh
  process (ratio <= 1.0), and time growing near-linearly from 1,000 to 10,000 steps.

Every figure is the median of several runs of a fresh process, in CPU time (user +
system of the child), which other load on the machine disturbs less than wall time;
wall times are printed too.

    make bench            # or: .venv/bin/python benchmarks/startup.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import synthetic_life_event

from lifeevents.formats.writer import dump

PYTHON = sys.executable
LIFEEVENTS = [PYTHON, "-m", "lifeevents"]
HELP_TARGET_S = 0.25
VALIDATE_TARGET_S = 0.4


def run_times(command: Sequence[str], repeat: int) -> tuple[float, float]:
    """Median CPU time (user + system) and median wall time of ``command``, in seconds."""
    cpu: list[float] = []
    wall: list[float] = []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(cpu), statistics.median(wall)


def show(label: str, times: tuple[float, float], target: float | None = None) -> None:
    cpu, wall = times
    goal = f"  (target <= {target:.2f} s: {cpu / target:.2f}x)" if target else ""
    print(f"{label:<44} {cpu:>7.3f} s cpu {wall:>7.3f} s wall{goal}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs per figure (median)")
    repeat = parser.parse_args().repeat

    print("Start-up")
    show("python -c pass", run_times([PYTHON, "-c", "pass"], repeat))
    show("lifeevents --help", run_times([*LIFEEVENTS, "--help"], repeat), HELP_TARGET_S)
    show("lifeevents list", run_times([*LIFEEVENTS, "list"], repeat))
    show(
        "lifeevents validate geburt",
        run_times([*LIFEEVENTS, "validate", "geburt"], repeat),
        VALIDATE_TARGET_S,
    )

    print("\nScale: lifeevents analyze vs a bare yaml.load (CSafeLoader) of the same file")
    analyze_cpu: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for steps in (1_000, 10_000):
            path = Path(folder) / f"synthetic-{steps}.yaml"
            dump(synthetic_life_event(steps), path)
            size = os.path.getsize(path) / 1024 / 1024
            load = run_times(
                [
                    PYTHON,
                    "-c",
                    "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8'), "
                    "Loader=yaml.CSafeLoader)",
                    str(path),
                ],
                max(3, repeat // 2),
            )
            analyze = run_times(
                [*LIFEEVENTS, "analyze", str(path), "--persona", "car"], max(3, repeat // 2)
            )
            analyze_cpu[steps] = analyze[0]
            show(f"{steps:,} steps ({size:.1f} MB): yaml.load", load)
            show(f"{steps:,} steps: lifeevents analyze", analyze)
            print(f"{'':<44} ratio analyze / yaml.load: {analyze[0] / load[0]:.2f} (target <= 1.0)")
    growth = analyze_cpu[10_000] / analyze_cpu[1_000]
    print(f"growth analyze(10,000) / analyze(1,000): {growth:.1f} (linear: 10; start-up included)")


if __name__ == "__main__":
    main()
