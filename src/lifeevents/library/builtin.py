"""Where the built-in files are: regions shipped in the package, journeys and scenarios.

Built-in journeys live in the repository's ``journeys/`` folder and built-in
scenarios in ``scenarios/``; a wheel ships them inside the package as
``lifeevents/library/journeys`` and ``lifeevents/library/scenarios``.
"""

from __future__ import annotations

from pathlib import Path

from lifeevents.errors import UnknownFileError
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
    """Where the built-in region files are (inside the package).

    Returns
    -------
    pathlib.Path
        The folder of the ``lifeevents-region/1`` files shipped with lifeevents.

    Examples
    --------
    >>> sorted(path.name for path in regions_folder().glob("*.yaml"))
    ['kreis-steinfurt.yaml']
    """
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
    raise UnknownFileError(
        f"'{name_or_path}' is neither a file nor a built-in {what}{hint}; built-in: {known}"
    )


def journeys_folder() -> Path:
    """Where the built-in journeys are: inside an installed wheel, or the source checkout.

    Returns
    -------
    pathlib.Path
        ``lifeevents/library/journeys`` in a wheel, else the checkout's ``journeys/``.

    Examples
    --------
    >>> (journeys_folder() / "geburt.yaml").is_file()
    True
    """
    return _folder("journeys", "journeys")


def builtin_journeys() -> dict[str, Path]:
    """Built-in journey files by name (the file name without suffix), sorted.

    Returns
    -------
    dict of str to pathlib.Path
        The path of each ``.yaml`` or ``.yml`` file in :func:`journeys_folder`.

    Examples
    --------
    >>> journeys = builtin_journeys()
    >>> "geburt" in journeys, journeys["geburt"].name
    (True, 'geburt.yaml')
    """
    return _files(journeys_folder())


def find_journey(name_or_path: str) -> Path:
    """A path as given if it exists, else the built-in journey of that name.

    Parameters
    ----------
    name_or_path : str
        A file path, or the name of a built-in journey (``"geburt"``). A name that
        ends in ``.yaml`` or ``.yml`` or holds a ``/`` is taken as a path even if
        no such file exists (reading it then reports why).

    Returns
    -------
    pathlib.Path
        The file to read.

    Raises
    ------
    FileNotFoundError
        For a name that is neither, naming the built-in journeys and the closest
        one to a typo.

    Examples
    --------
    >>> find_journey("geburt").name
    'geburt.yaml'
    >>> find_journey("meine-reise.yaml").exists()  # a path, read (and reported) later
    False
    >>> find_journey("gebutr")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lifeevents.errors.UnknownFileError: 'gebutr' is neither ... (did you mean 'geburt'?); ...
    """
    return _find(name_or_path, builtin_journeys(), "journey")


def scenarios_folder() -> Path:
    """Where the built-in scenarios are: inside an installed wheel, or the source checkout.

    Returns
    -------
    pathlib.Path
        ``lifeevents/library/scenarios`` in a wheel, else the checkout's ``scenarios/``.

    Examples
    --------
    >>> (scenarios_folder() / "kfz-online.yaml").is_file()
    True
    """
    return _folder("scenarios", "scenarios")


def builtin_scenarios() -> dict[str, Path]:
    """Built-in scenario files by name (the file name without suffix), sorted.

    Returns
    -------
    dict of str to pathlib.Path
        The path of each ``.yaml`` or ``.yml`` file in :func:`scenarios_folder`.

    Examples
    --------
    >>> builtin_scenarios()["kfz-online"].name
    'kfz-online.yaml'
    """
    return _files(scenarios_folder())


def find_scenario(name_or_path: str) -> Path:
    """A path as given if it exists, else the built-in scenario of that name.

    Parameters
    ----------
    name_or_path : str
        A file path, or the name of a built-in scenario (``"kfz-online"``); as for
        :func:`find_journey`, a ``.yaml`` or ``.yml`` name or one with a ``/`` is a path.

    Returns
    -------
    pathlib.Path
        The file to read.

    Raises
    ------
    FileNotFoundError
        For a name that is neither, naming the built-in scenarios.

    Examples
    --------
    >>> find_scenario("kfz-online").name
    'kfz-online.yaml'
    >>> find_scenario("kfz-onlin")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lifeevents.errors.UnknownFileError: 'kfz-onlin' is neither ... (did you mean 'kfz-online'?); ...
    """
    return _find(name_or_path, builtin_scenarios(), "scenario")
