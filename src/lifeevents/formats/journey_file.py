"""Load journey files: safe YAML, model validation, cross-reference checks.

>>> from lifeevents.library.demo import DEMO_YAML
>>> loads(DEMO_YAML).steps[0].name
'Wohnsitz <anmelden> & bestätigen'
>>> loads(DEMO_YAML.replace("[online]", "[onlne]"), "umzug.yaml")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
lifeevents.errors.InputError: umzug.yaml:20:17: step 'rundfunk', channels: 'onlne' is not ...
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from lifeevents.errors import InputError
from lifeevents.formats.located_validation import validate_document
from lifeevents.formats.reading import read_checked
from lifeevents.formats.references import check_references
from lifeevents.formats.region_file import builtin_regions
from lifeevents.formats.text_checks import check_texts
from lifeevents.formats.yaml_reader import Document, read_yaml
from lifeevents.library.builtin import find_journey
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.problems import CheckResult, Problem, Severity, capped, valid_model
from lifeevents.model.region import Region
from lifeevents.model.sources import SourceMap

#: Regions a journey may name, by id (default: the built-in regions).
Regions = Mapping[str, Region]

__all__ = ["Regions", "check", "check_document", "check_text", "load", "loads"]


def check_text(
    text: str | bytes, filename: str = "<string>", regions: Regions | None = None
) -> CheckResult[LifeEvent]:
    """Check journey text and return the model (if valid) with every problem found.

    Parameters
    ----------
    text : str or bytes
        The YAML text of a journey file (bytes must be UTF-8).
    filename : str, optional
        The name the problems show.
    regions : mapping of str to Region, optional
        The regions the file may name, by id (default: the built-in regions).

    Returns
    -------
    CheckResult of LifeEvent
        The model when the text has no errors, and every error and warning, each
        at its line and column. Invalid text is a problem, not an exception.

    See Also
    --------
    loads : the model, or an :class:`~lifeevents.errors.InputError`.

    Examples
    --------
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> typo = DEMO_YAML.replace("after: [anmelden]}", "after: [anmeldne]}", 1)
    >>> result = check_text(typo, "umzug.yaml")
    >>> result.ok, result.model
    (False, None)
    >>> for problem in result.problems:
    ...     print(problem)
    umzug.yaml:16:37: step 'gebuehr' comes after unknown step 'anmeldne' (did you mean 'anmelden'?)
    """
    try:
        document = read_yaml(text, filename)
    except InputError as error:
        return CheckResult(filename, None, error.problems)
    return check_document(document, filename, builtin_regions() if regions is None else regions)


def check(path: str | os.PathLike[str], regions: Regions | None = None) -> CheckResult[LifeEvent]:
    """Check a journey file against the format and the regions it may name.

    A file that cannot be read is a problem, not an exception; so is invalid text.

    Parameters
    ----------
    path : str or os.PathLike
        The journey file.
    regions : mapping of str to Region, optional
        The regions the file may name, by id (default: the built-in regions).

    Returns
    -------
    CheckResult of LifeEvent
        The model when the file has no errors, and every problem found.

    Examples
    --------
    >>> from lifeevents.library.builtin import find_journey
    >>> result = check(find_journey("geburt"))
    >>> result.ok, result.model.name
    (True, 'Geburt eines Kindes')
    >>> [str(problem) for problem in check("fehlt.yaml").problems]  # doctest: +ELLIPSIS
    ['fehlt.yaml:1:1: cannot read: ...']
    """
    return read_checked(path, lambda raw, filename: check_text(raw, filename, regions))


def loads(
    text: str | bytes, filename: str = "<string>", regions: Regions | None = None
) -> LifeEvent:
    """Load journey text; raise :class:`InputError` listing every error.

    Parameters
    ----------
    text : str or bytes
        The YAML text of a journey file (bytes must be UTF-8).
    filename : str, optional
        The name the problems show (and :attr:`LifeEvent.source` keeps).
    regions : mapping of str to Region, optional
        The regions the file may name, by id (default: the built-in regions).

    Returns
    -------
    LifeEvent
        The validated model; warnings are dropped (use :func:`check_text` to see them).

    Raises
    ------
    InputError
        With every error of the text, each at its line and column.

    Examples
    --------
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> umzug = loads(DEMO_YAML, "umzug.yaml")
    >>> umzug.name, len(umzug.steps), umzug.persona_ids()
    ('Umzug', 4, ['default', 'mit-auto'])
    """
    return valid_model(check_text(text, filename, regions))


def load(source: str | os.PathLike[str], regions: Regions | None = None) -> LifeEvent:
    """Load a journey from a file path, a built-in journey name, or YAML text.

    Parameters
    ----------
    source : str or os.PathLike
        A file path, the name of a built-in journey (``"geburt"``), or YAML text
        (a ``str`` of several lines).
    regions : mapping of str to Region, optional
        The regions the file may name, by id (default: the built-in regions).

    Returns
    -------
    LifeEvent
        The validated model.

    Raises
    ------
    InputError
        With every error of the file, each at its line and column.
    FileNotFoundError
        For a name that is neither a file nor a built-in journey.

    Examples
    --------
    >>> geburt = load("geburt")
    >>> geburt.name, geburt.region
    ('Geburt eines Kindes', 'kreis-steinfurt')
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> load(DEMO_YAML) == loads(DEMO_YAML)
    True
    """
    if isinstance(source, str) and "\n" in source:
        return loads(source, regions=regions)
    path = find_journey(source) if isinstance(source, str) else source
    return valid_model(check(path, regions))


def check_document(document: Document, filename: str, regions: Regions) -> CheckResult[LifeEvent]:
    """Check a parsed document as a journey file: the model, references, texts, region.

    Every reader of journeys (YAML here, workbooks in :mod:`lifeevents.export`) ends
    here, so a journey is checked the same way whatever file it came from.

    Parameters
    ----------
    document : Document
        The parsed file, with the position of every value
        (:func:`~lifeevents.formats.yaml_reader.read_yaml`).
    filename : str
        The file as problems name it.
    regions : Regions
        The regions the journey may name, by id; an unknown region is a warning.

    Returns
    -------
    CheckResult
        The model (``None`` when there are errors) and every problem, located; a
        valid model carries its source map.

    Examples
    --------
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> result = check_document(read_yaml(DEMO_YAML, "umzug.yaml"), "umzug.yaml", {})
    >>> result.ok, result.model.id, result.problems
    (True, 'demo', ())
    >>> elsewhere = DEMO_YAML.replace("life_event:", "region: nirgendwo\\nlife_event:")
    >>> result = check_document(read_yaml(elsewhere, "umzug.yaml"), "umzug.yaml", {})
    >>> result.ok, [str(problem) for problem in result.warnings]  # doctest: +ELLIPSIS
    (True, ["umzug.yaml:2:9: warning: region 'nirgendwo' is not known (known regions: none; ..."])
    """
    life_event, problems = validate_document(LifeEvent, document, filename)
    region_id = document.data.get("region") if isinstance(document.data, dict) else None
    region = regions.get(region_id) if isinstance(region_id, str) else None
    problems.extend(
        check_references(document, filename, region.has_office if region is not None else None)
    )
    problems.extend(check_texts(document, filename))
    if isinstance(region_id, str) and region is None:
        line, column = document.positions.value(("region",))
        known = ", ".join(sorted(regions)) or "none"
        problems.append(
            Problem(
                filename,
                line,
                column,
                f"region '{region_id}' is not known (known regions: {known}; pass your own "
                "with --region-file); the authorities of this file must all be defined under "
                "'authorities:'",
                Severity.WARNING,
            )
        )
    problems = capped(problems)
    if life_event is not None and not any(problem.is_error for problem in problems):
        life_event.attach_source(SourceMap(filename, document.positions))
        return CheckResult(filename, life_event, tuple(problems))
    return CheckResult(filename, None, tuple(problems))
