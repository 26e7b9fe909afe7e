"""Load region files (``lifeevents-region/1``) with located, plain-language errors."""

from __future__ import annotations

import functools
import os
from typing import Any

from lifeevents.errors import InputError
from lifeevents.formats.located_validation import validate_document
from lifeevents.formats.reading import read_checked
from lifeevents.formats.text_checks import check_texts
from lifeevents.formats.yaml_reader import Document, read_yaml
from lifeevents.library.builtin import regions_folder
from lifeevents.model.problems import CheckResult, Problem, capped, valid_model
from lifeevents.model.region import Region
from lifeevents.model.suggestions import did_you_mean

__all__ = ["builtin_regions", "check_region", "check_region_text", "load_region", "loads_region"]


def check_region_text(text: str | bytes, filename: str = "<string>") -> CheckResult[Region]:
    """Check region text: format, then references to municipalities.

    Parameters
    ----------
    text : str or bytes
        The YAML text of a region file (``lifeevents-region/1``).
    filename : str, optional
        The name the problems show.

    Returns
    -------
    CheckResult of Region
        The model when the text has no errors, and every problem found.

    Examples
    --------
    >>> text = (
    ...     "format: lifeevents-region/1\\n"
    ...     "region: {id: kreis-x, name: Kreis X, default_municipality: adstadt}\\n"
    ...     "municipalities: {astadt: {name: Astadt, kind: stadt}}\\n"
    ... )
    >>> result = check_region_text(text, "kreis-x.yaml")
    >>> result.ok
    False
    >>> print(result.problems[0])  # doctest: +NORMALIZE_WHITESPACE
    kreis-x.yaml:2:60: region: unknown municipality 'adstadt' (did you mean 'astadt'?);
    list it under 'municipalities:'
    """
    try:
        document = read_yaml(text, filename)
    except InputError as error:
        return CheckResult(filename, None, error.problems)
    region, problems = validate_document(Region, document, filename)
    problems.extend(_municipality_references(document, filename))
    problems.extend(check_texts(document, filename))  # names every map must be able to show
    problems = capped(problems)
    if any(problem.is_error for problem in problems):
        return CheckResult(filename, None, tuple(problems))
    return CheckResult(filename, region, tuple(problems))


def check_region(path: str | os.PathLike[str]) -> CheckResult[Region]:
    """Check a region file; a file that cannot be read is a problem, not an exception.

    Parameters
    ----------
    path : str or os.PathLike
        The region file.

    Returns
    -------
    CheckResult of Region
        The model when the file has no errors, and every problem found.

    Examples
    --------
    >>> from lifeevents.library.builtin import regions_folder
    >>> result = check_region(regions_folder() / "kreis-steinfurt.yaml")
    >>> result.ok, result.model.region.name
    (True, 'Kreis Steinfurt')
    """
    return read_checked(path, check_region_text)


def load_region(path: str | os.PathLike[str]) -> Region:
    """Load a region file; raise :class:`~lifeevents.errors.InputError` with every error.

    For a region of your own: pass it to :func:`lifeevents.journey` as ``region``,
    and to the journey loaders in ``regions`` (by id) so files can name it.

    Parameters
    ----------
    path : str or os.PathLike
        The region file (``lifeevents-region/1``).

    Returns
    -------
    Region
        The validated model.

    Raises
    ------
    InputError
        With every error of the file, each at its line and column.

    Examples
    --------
    >>> from lifeevents.library.builtin import regions_folder
    >>> steinfurt = load_region(regions_folder() / "kreis-steinfurt.yaml")
    >>> steinfurt.id, len(steinfurt.municipalities), steinfurt.region.default_municipality
    ('kreis-steinfurt', 24, 'greven')
    """
    return valid_model(check_region(path))


def loads_region(text: str | bytes, filename: str = "<string>") -> Region:
    """Load region text; raise :class:`~lifeevents.errors.InputError` with every error.

    Parameters
    ----------
    text : str or bytes
        The YAML text of a region file (``lifeevents-region/1``).
    filename : str, optional
        The name the problems show.

    Returns
    -------
    Region
        The validated model.

    Raises
    ------
    InputError
        With every error of the text, each at its line and column.

    Examples
    --------
    >>> region = loads_region(
    ...     "format: lifeevents-region/1\\n"
    ...     "region: {id: kreis-x, name: Kreis X, default_municipality: astadt}\\n"
    ...     "municipalities: {astadt: {name: Astadt, kind: stadt}}\\n"
    ...     "offices: {buergerbuero: {name: Bürgerbüro, level: gemeinde,"
    ...     " scope: municipality, site: rathaus}}\\n"
    ... )
    >>> office = region.resolve("buergerbuero", "astadt")
    >>> office.id, office.name, office.site
    ('buergerbuero@astadt', 'Bürgerbüro Astadt', 'rathaus@astadt')
    """
    return valid_model(check_region_text(text, filename))


def _municipality_references(document: Document, filename: str) -> list[Problem]:
    data = document.data if isinstance(document.data, dict) else {}
    municipalities = data.get("municipalities")
    known = list(municipalities) if isinstance(municipalities, dict) else []
    problems: list[Problem] = []

    def expect(path: tuple[str | int, ...], value: Any, what: str, key: bool = False) -> None:
        if isinstance(value, str) and value not in known:
            line, column = document.positions.key(path) if key else document.positions.value(path)
            problems.append(
                Problem(
                    filename,
                    line,
                    column,
                    f"{what}: unknown municipality '{value}'{did_you_mean(value, known)}; "
                    "list it under 'municipalities:'",
                )
            )

    header = data.get("region")
    if isinstance(header, dict):
        expect(("region", "default_municipality"), header.get("default_municipality"), "region")
    for site_id, site in _items(data.get("sites")):
        expect(("sites", site_id, "municipality"), site.get("municipality"), f"site '{site_id}'")
    for office_id, office in _items(data.get("offices")):
        for field in ("site_by_municipality", "delegations"):
            table = office.get(field)
            for name in table if isinstance(table, dict) else {}:
                expect(("offices", office_id, field, name), name, f"office '{office_id}'", True)
    for life_event_id, entry in _items(data.get("event_places")):
        places = entry.get("places")
        for home, there in places.items() if isinstance(places, dict) else ():
            where = ("event_places", life_event_id, "places", home)
            what = f"event places of '{life_event_id}'"
            expect(where, home, what, True)
            expect(where, there, what)
    return problems


def _items(value: Any) -> list[tuple[str, dict[str, Any]]]:
    if not isinstance(value, dict):
        return []
    return [(key, item) for key, item in value.items() if isinstance(item, dict)]


@functools.cache
def builtin_regions() -> dict[str, Region]:
    """The regions shipped with lifeevents, by id (loaded once).

    Examples
    --------
    >>> list(builtin_regions())
    ['kreis-steinfurt']
    """
    regions = (load_region(path) for path in sorted(regions_folder().glob("*.yaml")))
    return {region.id: region for region in regions}
