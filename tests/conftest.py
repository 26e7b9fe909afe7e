"""Shared test configuration: hypothesis profiles and the `dot` marker.

`HYPOTHESIS_PROFILE=thorough make thorough` runs the property tests with many
more examples than the default CI profile.
"""

from __future__ import annotations

import os
import shutil

import pytest
from hypothesis import HealthCheck, settings

from profiles import DEFAULT_EXAMPLES

settings.register_profile(
    "ci",
    max_examples=DEFAULT_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.register_profile("dev", max_examples=20, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if shutil.which("dot"):
        return
    skip = pytest.mark.skip(reason="needs the Graphviz dot binary (make test installs it)")
    for item in items:
        if "exe" in item.keywords:
            item.add_marker(skip)
