"""The ``schema`` command: the JSON Schema of journey, region or scenario files."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from lifeevents.cli.runtime import EXIT_OK

if TYPE_CHECKING:
    from lifeevents.cli.options import Commands

__all__ = ["add_command", "run"]


def add_command(commands: Commands) -> None:
    """Add ``schema`` to the sub-command parsers of ``lifeevents``.

    Parameters
    ----------
    commands
        The sub-command parsers.

    Examples
    --------
    >>> parser = argparse.ArgumentParser(prog="lifeevents")
    >>> add_command(parser.add_subparsers(dest="command"))
    >>> arguments = parser.parse_args(["schema", "--region"])
    >>> arguments.region, arguments.scenario
    (True, False)
    """
    command = commands.add_parser(
        "schema",
        help="print the JSON Schema of journey files (or of region files)",
        description="Print the JSON Schema of journey files, for editors and other tools.",
    )
    kinds = command.add_mutually_exclusive_group()
    kinds.add_argument("--region", action="store_true", help="the schema of region files")
    kinds.add_argument("--scenario", action="store_true", help="the schema of scenario files")
    command.set_defaults(handler=run)


def run(arguments: argparse.Namespace) -> int:
    """Print the JSON Schema asked for (journey files by default).

    Parameters
    ----------
    arguments
        The arguments of ``schema`` (see :func:`add_command`).

    Returns
    -------
    int
        0.

    Examples
    --------
    >>> run(argparse.Namespace(region=False, scenario=True))  # doctest: +ELLIPSIS
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
    ...
    0
    """
    from lifeevents.formats.schema import (
        journey_schema_json,
        region_schema_json,
        scenario_schema_json,
    )

    if arguments.region:
        text = region_schema_json()
    elif arguments.scenario:
        text = scenario_schema_json()
    else:
        text = journey_schema_json()
    sys.stdout.write(text)
    return EXIT_OK
