"""The ``analyze`` command: the figures of a journey, as text or JSON.

Visits as modelled and at minimum, handovers, media breaks, once-only violations,
schedule and deadlines, for one persona or every one (``--persona all``) and one
municipality or every one of the region (``--municipality all``), after the
what-if scenarios asked for (``--scenario``).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from lifeevents.cli.options import add_journey_options
from lifeevents.cli.runtime import EXIT_OK
from lifeevents.text.labels import label
from lifeevents.text.terminal import json_safe

if TYPE_CHECKING:
    from lifeevents.analysis.report import Report
    from lifeevents.cli.options import Commands

__all__ = ["add_command", "run"]


def add_command(commands: Commands) -> None:
    """Add ``analyze`` to the sub-command parsers of ``lifeevents``.

    Parameters
    ----------
    commands
        The sub-command parsers.

    Examples
    --------
    >>> parser = argparse.ArgumentParser(prog="lifeevents")
    >>> add_command(parser.add_subparsers(dest="command"))
    >>> arguments = parser.parse_args(["analyze", "geburt", "--persona", "all"])
    >>> arguments.persona, arguments.format, arguments.lang
    ('all', 'text', 'de')
    """
    command = commands.add_parser(
        "analyze",
        help="count visits, handovers, media breaks and once-only violations of a journey",
        description=(
            "Analyse a journey by the definitions of journey-format-v1: visits as modelled "
            "and at minimum, channel handovers, media breaks, authority handovers, once-only "
            "violations, schedule and deadlines, digital shares."
        ),
    )
    add_journey_options(command, persona_help="persona id, or 'all' for every persona")
    command.add_argument("--format", choices=("text", "json"), default="text")
    command.set_defaults(handler=run)


def run(arguments: argparse.Namespace) -> int:
    """Print the report of each persona and municipality asked for.

    Parameters
    ----------
    arguments
        The arguments of ``analyze`` (see :func:`add_command`).

    Returns
    -------
    int
        0; bad input raises (see :func:`lifeevents.cli.loading.load_for_analysis`).

    Examples
    --------
    >>> parser = argparse.ArgumentParser(prog="lifeevents")
    >>> add_command(parser.add_subparsers(dest="command"))
    >>> run(parser.parse_args(["analyze", "geburt", "--format", "json"]))  # doctest: +ELLIPSIS
    {
      "life_event": "geburt",
    ...
    0
    """
    import json

    from lifeevents.analysis.report import analyze
    from lifeevents.cli.loading import load_for_analysis
    from lifeevents.text.report import format_report

    loaded = load_for_analysis(arguments)
    reports: list[Report] = [
        analyze(loaded.journey(persona, arguments, place))
        for place in loaded.municipalities(arguments)
        for persona in loaded.personas
    ]
    if reports and reports[0].journey.uses_origin and arguments.origin is None:
        print(
            f"lifeevents analyze: note: this journey involves the municipality the citizen "
            f"leaves ('@origin'); without --origin it is taken to be "
            f"{reports[0].journey.municipality}",
            file=sys.stderr,
        )
    if arguments.format == "json":
        data: Any = [
            {**report.to_dict(), "scenarios": list(loaded.scenarios)}
            if arguments.scenario
            else report.to_dict()
            for report in reports
        ]
        if arguments.persona != "all" and arguments.municipality != "all":
            data = data[0]
        sys.stdout.write(json_safe(json.dumps(data, indent=2, ensure_ascii=False)) + "\n")
    else:
        if arguments.scenario:
            applied = ", ".join(loaded.scenarios) or "–"
            sys.stdout.write(f"{label('scenarios', arguments.lang)}: {applied}\n\n")
        sys.stdout.write("\n".join(format_report(report, arguments.lang) for report in reports))
    return EXIT_OK
