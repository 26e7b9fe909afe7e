"""The hypothesis profiles govern every property test's number of examples."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import settings

from profiles import DEFAULT_EXAMPLES, examples

HERE = Path(__file__).resolve().parent


def test_no_test_fixes_its_number_of_examples() -> None:
    # A literal count would hold in `make thorough` too; examples(n) scales with the profile.
    fixed = [
        f"{path.name}:{text.count(chr(10), 0, match.start()) + 1}"
        for path in sorted(HERE.glob("*.py"))
        if path.name not in ("conftest.py", "profiles.py")  # the profiles and their unit
        for text in [path.read_text(encoding="utf-8")]
        for match in re.finditer(r"max_examples\s*=\s*[0-9]", text)
    ]
    assert fixed == []


def test_thorough_tries_more_of_every_test_and_the_default_as_many_as_asked() -> None:
    default, thorough = settings.get_profile("ci"), settings.get_profile("thorough")
    assert default.max_examples == DEFAULT_EXAMPLES
    for asked in (1, 2, 15, 25, 100, 150):
        assert examples(asked, default) == asked
        assert examples(asked, thorough) > asked
