"""Studies across the Kreis: sweeps of life events, scenarios, municipalities and
personas to data frames (serially, in processes or on a Dask cluster), frames of
one journey, the persona grid, the built-in estimate of annual cases, the
responsibility matrix, yearly impact and recommendations within a budget.

Everything but the command-line wiring needs the optional extra
``lifeevents[studies]`` (pandas, dask[distributed], rich); the names below load on
first use, so importing this package (as the command line does) costs nothing.
See docs/studies.md.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from lifeevents.lazy import lazy_exports

if TYPE_CHECKING:
    from lifeevents.analysis.frames import findings_frames, schedule_frame
    from lifeevents.errors import SweepError
    from lifeevents.studies.cases import AnnualCases, read_cases
    from lifeevents.studies.estimate import estimate_cases
    from lifeevents.studies.impact import YearlyImpact, YearlyTotals
    from lifeevents.studies.matrix import Matrix, responsibility_matrix
    from lifeevents.studies.persona_grid import load_persona_grid, with_persona_grid
    from lifeevents.studies.selection import Recommendation, recommend
    from lifeevents.studies.sweeps import KEY_COLUMNS, sweep

__all__ = [
    "KEY_COLUMNS",
    "AnnualCases",
    "Matrix",
    "Recommendation",
    "SweepError",
    "YearlyImpact",
    "YearlyTotals",
    "estimate_cases",
    "findings_frames",
    "load_persona_grid",
    "read_cases",
    "recommend",
    "responsibility_matrix",
    "schedule_frame",
    "sweep",
    "with_persona_grid",
]

_HOMES = {
    "AnnualCases": "lifeevents.studies.cases",
    "read_cases": "lifeevents.studies.cases",
    "findings_frames": "lifeevents.analysis.frames",
    "schedule_frame": "lifeevents.analysis.frames",
    "YearlyImpact": "lifeevents.studies.impact",
    "YearlyTotals": "lifeevents.studies.impact",
    "Matrix": "lifeevents.studies.matrix",
    "responsibility_matrix": "lifeevents.studies.matrix",
    "SweepError": "lifeevents.errors",
    "Recommendation": "lifeevents.studies.selection",
    "recommend": "lifeevents.studies.selection",
    "KEY_COLUMNS": "lifeevents.studies.sweeps",
    "sweep": "lifeevents.studies.sweeps",
    "estimate_cases": "lifeevents.studies.estimate",
    "load_persona_grid": "lifeevents.studies.persona_grid",
    "with_persona_grid": "lifeevents.studies.persona_grid",
}

__getattr__, __dir__ = lazy_exports(sys.modules[__name__], _HOMES)
