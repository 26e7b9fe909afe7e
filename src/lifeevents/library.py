"""The built-in library: regions shipped in the package and the life-event journeys.

Built-in journeys live in the repository's ``journeys/`` folder; a wheel ships
them inside the package as ``lifeevents/journeys``.
"""

from __future__ import annotations

import functools
from pathlib import Path

from lifeevents.located_validation import did_you_mean
from lifeevents.region import Region
from lifeevents.region_loader import load_region

__all__ = ["builtin_journeys", "builtin_regions", "find_journey", "journeys_folder"]

_PACKAGE = Path(__file__).resolve().parent
_SUFFIXES = (".yaml", ".yml")


@functools.cache
def builtin_regions() -> dict[str, Region]:
    """The regions shipped with lifeevents, by id (loaded once)."""
    regions = (load_region(path) for path in sorted((_PACKAGE / "regions").glob("*.yaml")))
    return {region.id: region for region in regions}


def journeys_folder() -> Path:
    """Where the built-in journeys are: inside an installed wheel, or the source checkout."""
    installed = _PACKAGE / "journeys"
    return installed if installed.is_dir() else _PACKAGE.parents[1] / "journeys"


def builtin_journeys() -> dict[str, Path]:
    """Built-in journey files by name (the file name without suffix), sorted."""
    folder = journeys_folder()
    if not folder.is_dir():
        return {}
    return {
        path.stem: path
        for path in sorted(folder.iterdir())
        if path.suffix in _SUFFIXES and path.is_file()
    }


def find_journey(name_or_path: str) -> Path:
    """A path as given if it exists, else the built-in journey of that name.

    Raises :class:`FileNotFoundError` naming the built-in journeys.
    """
    path = Path(name_or_path)
    if path.exists() or path.suffix in _SUFFIXES or "/" in name_or_path:
        return path
    journeys = builtin_journeys()
    if name_or_path in journeys:
        return journeys[name_or_path]
    known = ", ".join(journeys) or "none"
    hint = did_you_mean(name_or_path, list(journeys))
    raise FileNotFoundError(
        f"'{name_or_path}' is neither a file nor a built-in journey{hint}; built-in: {known}"
    )
