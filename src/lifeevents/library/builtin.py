"""Where the built-in files are: regions shipped in the package, journeys and scenarios.

Built-in journeys live in the repository's ``journeys/`` folder and built-in
scenarios in ``scenarios/``; a wheel ships them inside the package as
``lifeevents/library/journeys`` and ``lifeevents/library/scenarios``.
"""

from __future__ import annotations

from pathlib import Path

from lifeevents.model.suggestions import did_you_mean

__all__ = [
    "builtin_journeys",
    "builtin_scenarios",
    "find_journey",
    "find_scenario",
    "journeys_folder",
    "regions_folder",
    "scenarios_folder",
]

_PACKAGE = Path(__file__).resolve().parent
_SUFFIXES = (".yaml", ".yml")


def regions_folder() -> Path:
    """Where the built-in region files are (inside the package)."""
    return _PACKAGE / "regions"


def _folder(installed: str, checkout: str) -> Path:
    """A data folder inside an installed wheel, or in the source checkout."""
    inside = _PACKAGE / installed
    return inside if inside.is_dir() else _PACKAGE.parents[2] / checkout


def _files(folder: Path) -> dict[str, Path]:
    if not folder.is_dir():
        return {}
    return {
        path.stem: path
        for path in sorted(folder.iterdir())
        if path.suffix in _SUFFIXES and path.is_file()
    }


def _find(name_or_path: str, builtin: dict[str, Path], what: str) -> Path:
    path = Path(name_or_path)
    if path.exists() or path.suffix in _SUFFIXES or "/" in name_or_path:
        return path
    if name_or_path in builtin:
        return builtin[name_or_path]
    known = ", ".join(builtin) or "none"
    hint = did_you_mean(name_or_path, list(builtin))
    raise FileNotFoundError(
        f"'{name_or_path}' is neither a file nor a built-in {what}{hint}; built-in: {known}"
    )


def journeys_folder() -> Path:
    """Where the built-in journeys are: inside an installed wheel, or the source checkout."""
    return _folder("journeys", "journeys")


def builtin_journeys() -> dict[str, Path]:
    """Built-in journey files by name (the file name without suffix), sorted."""
    return _files(journeys_folder())


def find_journey(name_or_path: str) -> Path:
    """A path as given if it exists, else the built-in journey of that name.

    Raises :class:`FileNotFoundError` naming the built-in journeys.
    """
    return _find(name_or_path, builtin_journeys(), "journey")


def scenarios_folder() -> Path:
    """Where the built-in scenarios are: inside an installed wheel, or the source checkout."""
    return _folder("scenarios", "scenarios")


def builtin_scenarios() -> dict[str, Path]:
    """Built-in scenario files by name (the file name without suffix), sorted."""
    return _files(scenarios_folder())


def find_scenario(name_or_path: str) -> Path:
    """A path as given if it exists, else the built-in scenario of that name.

    Raises :class:`FileNotFoundError` naming the built-in scenarios.
    """
    return _find(name_or_path, builtin_scenarios(), "scenario")
