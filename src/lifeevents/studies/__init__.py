"""Studies across the Kreis: sweeps of life events, scenarios, municipalities and
personas to data frames (serially, in processes or on a Dask cluster).

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
    from lifeevents.studies.plan import SweepError
    from lifeevents.studies.sweeps import KEY_COLUMNS, sweep

__all__ = ["KEY_COLUMNS", "SweepError", "sweep"]

_HOMES = {
    "KEY_COLUMNS": "lifeevents.studies.sweeps",
    "SweepError": "lifeevents.studies.plan",
    "sweep": "lifeevents.studies.sweeps",
}

__getattr__, __dir__ = lazy_exports(sys.modules[__name__], _HOMES)
