"""Designed vs observed: event logs of real cases checked against a journey.

Reading logs (:mod:`~lifeevents.observed.csv_log`, :mod:`~lifeevents.observed.xes_log`),
mapping activities to steps (:mod:`~lifeevents.observed.mapping`), conformance per
case (:mod:`~lifeevents.observed.conformance`), the report over all cases
(:mod:`~lifeevents.observed.report`) and a synthetic log generator
(:mod:`~lifeevents.observed.synthetic`). Everything but the command-line wiring
needs the optional extra ``lifeevents[observed]`` (pyarrow, numpy, pandas); the
names below load on first use, so importing this package costs nothing.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from lifeevents.lazy import lazy_exports

if TYPE_CHECKING:
    from lifeevents.observed.conformance import Conformance, conform
    from lifeevents.observed.csv_log import read_csv_log
    from lifeevents.observed.log import EventLog, LogColumns, read_log
    from lifeevents.observed.mapping import read_mapping
    from lifeevents.observed.report import ObservedReport
    from lifeevents.observed.synthetic import Deviations, SimulatedLog, simulate
    from lifeevents.observed.xes_log import read_xes_log

__all__ = [
    "Conformance",
    "Deviations",
    "EventLog",
    "LogColumns",
    "ObservedReport",
    "SimulatedLog",
    "conform",
    "read_csv_log",
    "read_log",
    "read_mapping",
    "read_xes_log",
    "simulate",
]

_HOMES = {
    "Conformance": "lifeevents.observed.conformance",
    "conform": "lifeevents.observed.conformance",
    "read_csv_log": "lifeevents.observed.csv_log",
    "EventLog": "lifeevents.observed.log",
    "LogColumns": "lifeevents.observed.log",
    "read_log": "lifeevents.observed.log",
    "read_mapping": "lifeevents.observed.mapping",
    "ObservedReport": "lifeevents.observed.report",
    "Deviations": "lifeevents.observed.synthetic",
    "SimulatedLog": "lifeevents.observed.synthetic",
    "simulate": "lifeevents.observed.synthetic",
    "read_xes_log": "lifeevents.observed.xes_log",
}

__getattr__, __dir__ = lazy_exports(sys.modules[__name__], _HOMES)
