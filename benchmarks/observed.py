"""Reading and checking a 1,000,000-event log against a journey, next to pm4py (issue #16).

Target: reading a CSV log of 1,000,000 events (100,000 cases) and checking every
case against a built-in journey (``read_csv_log`` + ``conform`` + the summary) at
least 2x faster than pm4py's directly-follows-graph discovery on the same file
(``pandas.read_csv`` + ``pm4py.format_dataframe`` + ``pm4py.discover_dfg``),
measured side by side in one run. Both sides parse the timestamps; imports are
not timed (a warm-up run comes first); figures are medians of ``--repeat`` runs.

pm4py is AGPL-3.0 and lifeevents MIT: pm4py is never a dependency of the library
or of its development environment. It runs only in a separate, throwaway
environment given with ``--pm4py-env`` (``--create-pm4py-env`` makes one there
with pip); without it the pm4py side is skipped with a message.

    .venv/bin/python benchmarks/observed.py --pm4py-env /tmp/pm4py-env --create-pm4py-env
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from timing import median_time

from lifeevents import journey, load
from lifeevents.observed.conformance import conform
from lifeevents.observed.csv_log import read_csv_log
from lifeevents.observed.report import ObservedReport
from lifeevents.observed.synthetic import Deviations, simulate

TARGET_RATIO = 2.0
JOURNEY, PERSONA = "geburt", "verheiratet-digital"  # 10 steps: 10 events a case

PM4PY_SIDE = """
import json, statistics, sys, time
import pandas as pd
import pm4py

path, repeat = sys.argv[1], int(sys.argv[2])

def discover():
    frame = pd.read_csv(path)
    frame = pm4py.format_dataframe(
        frame, case_id="case_id", activity_key="activity", timestamp_key="timestamp"
    )
    return pm4py.discover_dfg(frame)

discover()  # warm-up
times = []
for _ in range(repeat):
    start = time.perf_counter()
    dfg, _, _ = discover()
    times.append(time.perf_counter() - start)
print(json.dumps({"seconds": statistics.median(times), "edges": len(dfg),
                  "version": pm4py.__version__}))
"""


def make_log(path: Path, cases: int) -> None:
    trip = journey(load(JOURNEY), PERSONA)
    deviations = Deviations(
        skip=0.1, swap=0.1, extra_trip=0.1, channel=0.1, late=0.1, unknown=0.1, delay_days=3
    )
    path.write_text(simulate(trip, cases, seed=1, deviations=deviations).to_csv(), "utf-8")


def ours(path: Path) -> dict[str, object]:
    log = read_csv_log(path)
    return ObservedReport(conform(log, load(JOURNEY))).summary()


def pm4py_python(env: Path | None, create: bool) -> Path | None:
    if env is None:
        return None
    python = env / "bin" / "python"
    if not python.exists() and create:
        print(f"creating a throwaway pm4py environment in {env} (pip install pm4py) ...")
        subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "pm4py"], check=True)
    return python if python.exists() else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--log", type=Path, help="use this CSV log instead of simulating one")
    parser.add_argument("--pm4py-env", type=Path, help="a separate venv with pm4py installed")
    parser.add_argument("--create-pm4py-env", action="store_true", help="pip install it there")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = arguments.log or Path(folder) / "log.csv"
        if arguments.log is None:
            start = time.perf_counter()
            make_log(path, arguments.cases)
            print(f"simulated {arguments.cases:,} cases in {time.perf_counter() - start:.1f} s")
        summary = ours(path)  # warm-up, and the figures
        print(
            f"log: {summary['events']:,} events, {summary['cases']:,} cases, "
            f"{path.stat().st_size / 1024**2:.0f} MiB; conforming {summary['conforming_share']:.1%}"
        )
        mine = median_time(lambda: ours(path), arguments.repeat)
        print(f"lifeevents read + conform + summary: {mine:.2f} s")
        python = pm4py_python(arguments.pm4py_env, arguments.create_pm4py_env)
        if python is None:
            print(
                "pm4py: skipped (AGPL-3.0, never installed with lifeevents); give a separate "
                "environment with --pm4py-env DIR [--create-pm4py-env]"
            )
            return
        result = subprocess.run(
            [str(python), "-c", PM4PY_SIDE, str(path), str(arguments.repeat)],
            check=True,
            capture_output=True,
            text=True,
        )
        theirs = json.loads(result.stdout.strip().splitlines()[-1])
        ratio = theirs["seconds"] / mine
        print(
            f"pm4py {theirs['version']} read_csv + format_dataframe + discover_dfg: "
            f"{theirs['seconds']:.2f} s ({theirs['edges']} edges)"
        )
        verdict = "meets" if ratio >= TARGET_RATIO else "MISSES"
        print(f"ratio pm4py / lifeevents: {ratio:.1f}x ({verdict} the target >= {TARGET_RATIO}x)")


if __name__ == "__main__":
    main()
