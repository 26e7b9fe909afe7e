"""Tell journey, region and scenario files apart by their ``format:`` line.

``lifeevents validate`` checks each file as what it says it is, so a region file
is not checked as a journey (which gave six unrelated errors).

>>> format_of_text("# a region\\nformat: lifeevents-region/1\\nregion: {}\\n")
'lifeevents-region/1'
>>> format_of_text("life_event: {}\\n") is None
True
"""

from __future__ import annotations

import os
import re

__all__ = ["REGION", "SCENARIO", "format_of", "format_of_text"]

REGION = "lifeevents-region/1"
SCENARIO = "lifeevents-scenario/1"

# A top-level `format:` key, its value plain or quoted.
_FORMAT = re.compile(r"""^format:[ \t]*(["']?)([A-Za-z0-9./_-]+)\1[ \t]*(?:#.*)?$""", re.M)
_SNIFF_BYTES = 64 * 1024


def format_of_text(text: str) -> str | None:
    """The value of the top-level ``format:`` key, if a line says it plainly.

    A quick look, not a parse: the line must start with ``format:`` and hold the
    value plain or quoted, as every lifeevents file writes it.

    Parameters
    ----------
    text : str
        The start of a file.

    Returns
    -------
    str or None
        The format, such as ``"lifeevents/1"``, or ``None`` when no line says it.

    Examples
    --------
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> format_of_text(DEMO_YAML)
    'lifeevents/1'
    >>> format_of_text("format: 'lifeevents-scenario/1'  # a what-if\\n")
    'lifeevents-scenario/1'
    >>> format_of_text("  format: nested\\n") is None
    True
    """
    match = _FORMAT.search(text)
    return match.group(2) if match else None


def format_of(path: str | os.PathLike[str]) -> str | None:
    """The ``format:`` of a file, read from its first 64 KiB.

    Parameters
    ----------
    path : str or os.PathLike
        The file.

    Returns
    -------
    str or None
        The format, or ``None`` when no line says it or the file cannot be read
        (the checker that reads it all reports why).

    Examples
    --------
    >>> from lifeevents.library.builtin import find_scenario, regions_folder
    >>> format_of(regions_folder() / "kreis-steinfurt.yaml") == REGION
    True
    >>> format_of(find_scenario("kfz-online")) == SCENARIO
    True
    >>> format_of("fehlt.yaml") is None
    True
    """
    try:
        with open(path, "rb") as stream:
            head = stream.read(_SNIFF_BYTES)
    except OSError:
        return None
    return format_of_text(head.decode("utf-8", "replace"))
