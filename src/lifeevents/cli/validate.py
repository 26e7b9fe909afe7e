"""The ``validate`` command: check journey, region, scenario files and workbooks.

Every problem is printed as ``FILE:LINE:COLUMN: message``; the exit code is 1 when
any file is invalid. A file's ``format:`` line says what it is; a workbook
(``.xlsx``) is checked as a journey.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from lifeevents.cli.options import add_region_file
from lifeevents.cli.runtime import EXIT_INVALID, EXIT_OK, print_problems
from lifeevents.errors import InputError
from lifeevents.model.problems import CheckResult, Problem
from lifeevents.text.terminal import terminal_safe

if TYPE_CHECKING:
    from pathlib import Path

    from lifeevents.cli.options import Commands
    from lifeevents.formats.journey_file import Regions

__all__ = ["add_command", "journey_files", "run"]

JOURNEY_SUFFIXES = (".yaml", ".yml")


def add_command(commands: Commands) -> None:
    """Add ``validate`` to the sub-command parsers of ``lifeevents``.

    Parameters
    ----------
    commands
        The sub-command parsers.

    Examples
    --------
    >>> parser = argparse.ArgumentParser(prog="lifeevents")
    >>> add_command(parser.add_subparsers(dest="command"))
    >>> parser.parse_args(["validate", "-q", "geburt", "journeys/"]).paths
    ['geburt', 'journeys/']
    """
    command = commands.add_parser(
        "validate",
        help="check journey files and report every problem with file, line and column",
        description=(
            "Check journey files, folders of them, or built-in journeys by name, "
            "against format lifeevents/1."
        ),
    )
    command.add_argument(
        "paths", nargs="+", metavar="PATH", help="journey file, folder, or built-in name"
    )
    command.add_argument("-q", "--quiet", action="store_true", help="problems only")
    add_region_file(command)
    command.set_defaults(handler=run)


def run(arguments: argparse.Namespace) -> int:
    """Check every file named; print its problems, or that it is valid.

    Parameters
    ----------
    arguments
        The arguments of ``validate`` (see :func:`add_command`).

    Returns
    -------
    int
        0 when every file is valid, 1 otherwise or when no file was found.

    Examples
    --------
    >>> arguments = argparse.Namespace(paths=["geburt"], quiet=False, region_file=None)
    >>> run(arguments)  # doctest: +ELLIPSIS
    /.../geburt.yaml: valid (geburt, ... steps)
    0
    """
    from lifeevents.cli.loading import regions_asked

    regions = regions_asked(arguments)
    results: list[CheckResult[Any]] = []
    for path in journey_files(arguments.paths):
        result, summary = _check_file(path, regions)
        results.append(result)
        print_problems(result.problems)
        if result.model is not None and result.ok and not arguments.quiet:
            print(f"{terminal_safe(result.filename, one_line=True)}: valid ({summary})")
    if not results:
        searched = ", ".join(arguments.paths)
        print(f"lifeevents: no journey files (*.yaml, *.yml) in {searched}", file=sys.stderr)
        return EXIT_INVALID
    invalid = sum(not result.ok for result in results)
    if invalid:
        print(f"{invalid} of {len(results)} file(s) invalid", file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def journey_files(names: Sequence[str]) -> Iterator[Path]:
    """Files named, built-in journeys named, and journey files in folders named (sorted).

    Parameters
    ----------
    names
        Files, folders and names of built-in journeys.

    Yields
    ------
    Path
        Each file, in the order named; a name that is none of these as a path, to be
        reported as a file that cannot be read.

    Examples
    --------
    >>> [path.name for path in journey_files(["geburt", "no-such-file.yaml"])]
    ['geburt.yaml', 'no-such-file.yaml']
    """
    from pathlib import Path

    from lifeevents.library.builtin import find_journey

    for name in names:
        path = Path(name)
        if path.is_dir():
            yield from sorted(
                found
                for found in path.rglob("*")
                if found.suffix in JOURNEY_SUFFIXES and found.is_file()
            )
        else:
            try:
                yield find_journey(name)
            except FileNotFoundError:
                yield path  # reported as a located "cannot read" problem


def _check_file(path: Path, regions: Regions) -> tuple[CheckResult[Any], str]:
    """Check a journey, region or scenario file, as its ``format:`` line says it is;
    a workbook (``.xlsx``, see :mod:`lifeevents.export.workbook_reader`) as a journey."""
    if path.suffix == ".xlsx":
        from lifeevents.export.workbook_reader import validate_workbook

        workbook = validate_workbook(path, regions=regions)
        model = workbook.model
        return workbook, f"{model.id}, {len(model.steps)} steps" if model else ""
    from lifeevents.formats import file_kinds

    kind = file_kinds.format_of(path)
    if kind == file_kinds.REGION:
        from lifeevents.formats.region_file import check_region

        region = check_region(path)
        count = len(region.model.municipalities) if region.model else 0
        return region, f"region {region.model.id if region.model else ''}, {count} municipalities"
    if kind == file_kinds.SCENARIO:
        return _check_scenario(path, regions)
    from lifeevents.analysis.validation import validate

    journey = validate(path, regions)
    model = journey.model
    return journey, f"{model.id}, {len(model.steps)} steps" if model else ""


def _check_scenario(path: Path, regions: Regions) -> tuple[CheckResult[Any], str]:
    """A scenario file, and applied to each built-in journey it names (their ids)."""
    from lifeevents.formats.journey_file import load
    from lifeevents.formats.scenario_file import check_scenario
    from lifeevents.library.builtin import builtin_journeys
    from lifeevents.scenarios import apply_scenarios

    result = check_scenario(path)
    scenario = result.model
    if scenario is None:
        return result, ""
    builtin = {load(file).id: file for file in builtin_journeys().values()}
    tried = [life_event for life_event in scenario.applies_to or () if life_event in builtin]
    problems: list[Problem] = []
    for life_event_id in tried:
        try:
            apply_scenarios(load(builtin[life_event_id], regions), [scenario], regions=regions)
        except InputError as error:
            problems.extend(error.problems)
    if problems:
        return CheckResult(result.filename, None, (*result.problems, *problems)), ""
    checked = f"; applies to {', '.join(tried)}" if tried else ""
    return result, f"scenario {scenario.id}, {len(scenario.changes)} changes{checked}"
