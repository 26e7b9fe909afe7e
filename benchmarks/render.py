"""Benchmark of the blueprint drawing: DOT text plus Graphviz, to SVG (not part of the tests).

Targets (issue "Journey maps"): a 25-step journey draws in under 1 s, a
1,000-step synthetic journey (persona "car") in under 10 s.

    make bench            # or: .venv/bin/python benchmarks/render.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import synthetic_life_event
from timing import median_time

from lifeevents.analysis.report import Report, analyze
from lifeevents.graph.journey import journey
from lifeevents.views.blueprint import blueprint_engine, blueprint_source, render_blueprint
from lifeevents.views.graphviz_output import render_graphviz


def measure(label: str, report: Report, target: float, repeat: int) -> None:
    source = blueprint_source(report)
    engine = blueprint_engine(report)
    text = median_time(lambda: blueprint_source(report), repeat)
    layout = median_time(lambda: render_graphviz(source, "svg", engine=engine), repeat)
    total = median_time(lambda: render_blueprint(report, "svg"), repeat)
    print(
        f"{label:<34} {report.steps:>6} {text:>9.2f} s {layout:>9.2f} s {total:>9.2f} s "
        f"{target:>7.0f} s {total / target:>7.2f}"
    )


def main() -> None:
    print(
        f"{'journey (persona car)':<34} {'steps':>6} {'DOT text':>11} {'Graphviz':>11} "
        f"{'total':>11} {'target':>9} {'ratio':>7}"
    )
    measure("synthetic, 25 steps", analyze(journey(synthetic_life_event(25), "car")), 1.0, 5)
    measure(
        "synthetic, 1,000 steps (compact)",
        analyze(journey(synthetic_life_event(1_000), "car")),
        10.0,
        3,
    )


if __name__ == "__main__":
    main()
