"""Hypothesis example counts that follow the profile (``tests/conftest.py`` loads it).

A fixed ``@settings(max_examples=25)`` holds in every profile, so ``make thorough``
would try no more than the default run. Say instead how many examples a test tries
in the default profile, ``@settings(max_examples=examples(25))``: the number is scaled
by the profile loaded (``HYPOTHESIS_PROFILE``), so ``thorough`` multiplies it too.
"""

from __future__ import annotations

from hypothesis import settings

# The number of examples of the default profile ("ci"), the unit of examples().
DEFAULT_EXAMPLES = 60


def examples(at_default: int, profile: settings | None = None) -> int:
    """``at_default`` examples in the default profile, scaled to ``profile`` (default:
    the one loaded); at least one.

    >>> examples(DEFAULT_EXAMPLES) == settings().max_examples
    True
    >>> examples(15, settings(max_examples=2000))
    500
    >>> examples(1, settings(max_examples=20))  # a test that asks for examples gets one
    1
    """
    current = settings() if profile is None else profile
    return max(1, round(at_default * current.max_examples / DEFAULT_EXAMPLES))
