"""Timing for the benchmark scripts."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

__all__ = ["median_time"]


def median_time(action: Callable[[], object], repeat: int) -> float:
    """The median of ``repeat`` runs, in seconds (the median resists a busy machine)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
