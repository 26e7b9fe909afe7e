"""The hint after an unknown name: "(did you mean 'online'?)".

Every layer names unknown things (channels, journeys, municipalities, columns of
an event log), so the closest-match rule lives at the bottom, once.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from lifeevents.model.limits import MAX_HINT_LENGTH

__all__ = ["did_you_mean"]

# difflib costs ~0.1 ms per candidate; beyond this many, keep the likeliest.
_HINT_CANDIDATES = 100


def did_you_mean(value: object, choices: Sequence[str]) -> str:
    """A hint naming the closest choice, or an empty string.

    Parameters
    ----------
    value : object
        The unknown name, as the user wrote it.
    choices : sequence of str
        The names that exist.

    Returns
    -------
    str
        `` (did you mean '...'?)``, ready to append to a message, or ``""`` when no
        choice is close (or the name is longer than
        :data:`~lifeevents.model.limits.MAX_HINT_LENGTH`).

    Examples
    --------
    >>> did_you_mean("onlne", ["online", "in_person"])
    " (did you mean 'online'?)"
    >>> f"unknown channel 'fax'{did_you_mean('fax', ['online', 'in_person'])}"
    "unknown channel 'fax'"
    """
    text = str(value)
    if len(text) > MAX_HINT_LENGTH:
        return ""  # comparing costs length²; a name this long is no typo of a short one
    candidates = [choice for choice in choices if len(choice) <= MAX_HINT_LENGTH]
    if len(candidates) > _HINT_CANDIDATES:
        # difflib costs ~0.1 ms per candidate; keep those sharing the longest start.
        candidates = sorted(
            candidates,
            key=lambda choice: (-_common_prefix(choice, text), abs(len(choice) - len(text))),
        )[:_HINT_CANDIDATES]
    close = difflib.get_close_matches(text, candidates, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _common_prefix(first: str, second: str) -> int:
    """How many leading characters two strings share."""
    for index, (left, right) in enumerate(zip(first, second, strict=False)):
        if left != right:
            return index
    return min(len(first), len(second))
