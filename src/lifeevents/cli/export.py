"""The ``export``, ``import`` and ``new`` commands of the command line.

:func:`add_commands` only builds argument parsers and imports nothing heavy, so
``lifeevents --help`` stays fast; each handler imports the engine when it runs.
Handlers raise :class:`~lifeevents.errors.InputError` for bad input and
:class:`~lifeevents.errors.UnsupportedFormatError` for wrong usage, which the
command line turns into exit codes 1 and 2.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from lifeevents.cli.options import (
    JOURNEY_HELP_BRIEF,
    add_event_place,
    add_journey,
    add_municipality,
    add_origin,
    add_persona,
    add_region_file,
    add_scenario,
)
from lifeevents.cli.runtime import UsageError
from lifeevents.errors import UnsupportedFormatError

if TYPE_CHECKING:
    from lifeevents.cli.options import Commands

__all__ = ["add_commands"]

_EXPORT_SUFFIXES = ".bpmn, .ttl, .jsonld, .graphml, .graph.json, .journey.json, .json, .xlsx"


def add_commands(commands: Commands) -> None:
    """Add ``export``, ``import`` and ``new`` to the sub-command parsers of ``lifeevents``.

    Parameters
    ----------
    commands
        The sub-command parsers.

    Examples
    --------
    >>> parser = argparse.ArgumentParser(prog="lifeevents")
    >>> add_commands(parser.add_subparsers(dest="command"))
    >>> arguments = parser.parse_args(["export", "geburt", "-o", "geburt.bpmn"])
    >>> arguments.output, arguments.persona, arguments.scenario
    ('geburt.bpmn', 'default', None)
    >>> parser.parse_args(["new", "umzug", "--xlsx"]).xlsx
    True
    """
    export = commands.add_parser(
        "export",
        help=f"write a journey for other tools: {_EXPORT_SUFFIXES}",
        description=(
            "Write a journey for one persona in a format other tools read; the suffix of "
            f"OUTPUT chooses it ({_EXPORT_SUFFIXES}). See docs/export.md."
        ),
    )
    add_journey(export, JOURNEY_HELP_BRIEF)
    export.add_argument(
        "-o", "--output", required=True, help="output file; its suffix sets the format"
    )
    add_persona(export)
    add_municipality(export)
    add_origin(export)
    add_event_place(export)
    add_region_file(export, "your own region file")
    add_scenario(export)
    export.add_argument("-q", "--quiet", action="store_true", help="print nothing")
    export.set_defaults(handler=_export)

    importer = commands.add_parser(
        "import",
        help="turn a workbook (.xlsx), BPMN written by 'export', or JSON into a journey file",
        description=(
            "Read a journey from a workbook (.xlsx), a .bpmn file written by 'lifeevents "
            "export', a .journey.json or report .json file, and write it as a journey file "
            "(YAML)."
        ),
    )
    importer.add_argument("source", metavar="FILE", help="the file to read")
    importer.add_argument("-o", "--output", required=True, help="journey file to write (.yaml)")
    importer.add_argument("-q", "--quiet", action="store_true", help="print nothing")
    importer.set_defaults(handler=_import)

    new = commands.add_parser(
        "new",
        help="write a small journey file (or workbook, --xlsx) to fill in",
        description="Write the template of a new journey file, ready to fill in and validate.",
    )
    new.add_argument("name", metavar="NAME", help="the life event's id (a-z, 0-9, '-')")
    kind = new.add_mutually_exclusive_group()
    kind.add_argument("--yaml", action="store_true", help="a YAML journey file (the default)")
    kind.add_argument(
        "--xlsx", action="store_true", help="a workbook with explanations and drop-down lists"
    )
    new.add_argument("-o", "--output", help="file to write (default: NAME.yaml or NAME.xlsx)")
    new.set_defaults(handler=_new)


def _export(arguments: argparse.Namespace) -> int:
    from lifeevents.errors import UnknownNameError
    from lifeevents.export.files import export_content, export_format
    from lifeevents.export.loading import load_journey

    fmt = export_format(arguments.output)  # before any work: a wrong suffix is usage
    try:
        trip = load_journey(
            arguments.journey,
            arguments.persona,
            arguments.municipality,
            arguments.origin,
            arguments.region_file or (),
            arguments.event_place,
            scenarios=arguments.scenario or (),
        )
    except UnknownNameError as error:
        raise UsageError(str(error)) from None
    from lifeevents.formats.atomic import write_atomic

    write_atomic(arguments.output, export_content(trip, fmt))
    if not arguments.quiet:
        print(f"wrote {arguments.output}", file=sys.stderr)
    return 0


def _import(arguments: argparse.Namespace) -> int:
    from pathlib import Path

    from lifeevents.export.files import import_file
    from lifeevents.formats.writer import dump

    if Path(arguments.output).suffix not in (".yaml", ".yml"):
        raise UnsupportedFormatError("import writes journey files: name the output *.yaml")
    life_event = import_file(arguments.source)
    dump(life_event, arguments.output)
    if not arguments.quiet:
        print(f"wrote {arguments.output} ({len(life_event.steps)} steps)", file=sys.stderr)
    return 0


def _new(arguments: argparse.Namespace) -> int:
    from pathlib import Path

    from lifeevents.export.template import yaml_template
    from lifeevents.formats.atomic import write_atomic

    suffix = ".xlsx" if arguments.xlsx else ".yaml"
    output = Path(arguments.output or f"{arguments.name}{suffix}")
    if output.exists():
        raise UsageError(f"{output} exists already; choose another name with -o")
    try:
        content: str | bytes = yaml_template(arguments.name)
    except ValueError as error:
        raise UsageError(str(error)) from None
    if arguments.xlsx:
        try:
            from lifeevents.export.xlsx import template_workbook_bytes
        except ImportError as error:
            message = f"--xlsx needs openpyxl ({error}): pip install 'lifeevents[export]'"
            raise UsageError(message) from None
        from lifeevents.formats.journey_file import loads

        content = template_workbook_bytes(loads(content, regions={}))
    write_atomic(output, content)
    print(f"wrote {output}; fill it in, then run: lifeevents validate {output}", file=sys.stderr)
    return 0
