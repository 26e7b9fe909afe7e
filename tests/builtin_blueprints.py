"""Every built-in journey and persona, analysed and drawn as a blueprint SVG once per test run.

The legibility and the stage-column tests measure the same drawings; drawing each
of them once keeps the suite fast.
"""

from __future__ import annotations

from functools import cache

from lifeevents.analysis.report import Report, analyze
from lifeevents.formats.journey_file import load
from lifeevents.graph.journey import journey
from lifeevents.library.builtin import builtin_journeys
from lifeevents.views.blueprint import render_blueprint

#: (journey name, persona id) of every built-in journey and persona.
CASES = [
    (name, persona)
    for name, path in sorted(builtin_journeys().items())
    for persona in load(path).persona_ids()
]


@cache
def builtin_blueprint(name: str, persona: str) -> tuple[Report, str]:
    """The analysed journey and its blueprint SVG with the default options."""
    report = analyze(journey(load(builtin_journeys()[name]), persona))
    return report, render_blueprint(report, "svg").decode("utf-8")
