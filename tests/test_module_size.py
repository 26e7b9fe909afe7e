"""No god-modules: every module of the package stays at most 500 lines (docs/architecture.md)."""

from __future__ import annotations

from pathlib import Path

import lifeevents

MAX_LINES = 500
# One concept with its proofs (the exact search for the fewest visits and its bounds).
EXCEPTIONS = {"analysis/visits.py"}


def test_no_module_is_over_500_lines() -> None:
    package = Path(lifeevents.__file__).parent
    modules = sorted(package.rglob("*.py"))
    assert len(modules) > 100  # the walk found the package
    too_long = {
        path.relative_to(package).as_posix(): lines
        for path in modules
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert set(too_long) <= EXCEPTIONS, too_long
