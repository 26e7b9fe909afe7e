"""The ``compare`` command: a journey today against what-if scenarios, figure by figure.

Each scenario alone and all together, for every persona (by default) and the
municipalities asked for, as text, JSON or CSV.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from lifeevents.cli.options import add_journey, add_persona, add_place_options, add_scenario
from lifeevents.cli.runtime import EXIT_OK
from lifeevents.text.terminal import json_safe

if TYPE_CHECKING:
    from lifeevents.cli.options import Commands

__all__ = ["add_command", "run"]


def add_command(commands: Commands) -> None:
    """Add ``compare`` to the sub-command parsers of ``lifeevents``.

    Parameters
    ----------
    commands
        The sub-command parsers.

    Examples
    --------
    >>> parser = argparse.ArgumentParser(prog="lifeevents")
    >>> add_command(parser.add_subparsers(dest="command"))
    >>> arguments = parser.parse_args(["compare", "geburt", "--scenario", "urkunden-direkt"])
    >>> arguments.scenario, arguments.persona, arguments.event_place
    (['urkunden-direkt'], 'all', None)
    """
    command = commands.add_parser(
        "compare",
        help="compare a journey today with what-if scenarios: every figure and its change",
        description=(
            "Analyse a journey today, with each scenario alone and with all together, for "
            "each persona and municipality asked for, and show the change of every figure."
        ),
    )
    add_journey(command)
    add_scenario(
        command, "a what-if scenario (file or built-in name); may be repeated", required=True
    )
    add_persona(command, "persona id, or 'all' (default) for every persona", default="all")
    add_place_options(command)
    command.add_argument("--format", choices=("text", "json", "csv"), default="text")
    command.set_defaults(handler=run, event_place=None)


def run(arguments: argparse.Namespace) -> int:
    """Print the comparison of the journey today with the scenarios named.

    Parameters
    ----------
    arguments
        The arguments of ``compare`` (see :func:`add_command`).

    Returns
    -------
    int
        0; bad input raises (see :func:`lifeevents.cli.loading.load_for_analysis`).

    Examples
    --------
    >>> parser = argparse.ArgumentParser(prog="lifeevents")
    >>> add_command(parser.add_subparsers(dest="command"))
    >>> run(parser.parse_args(
    ...     ["compare", "geburt", "--scenario", "urkunden-direkt", "--persona", "default",
    ...      "--format", "csv"]
    ... ))  # doctest: +ELLIPSIS
    persona,municipality,variant,applied,steps,...
    default,greven,today,,11,9,1,1,0,1,True,7,0,5,4,5,...
    default,greven,urkunden-direkt,urkunden-direkt,11,9,1,1,0,1,True,7,0,2,1,2,...
    0
    """
    import json

    from lifeevents.cli.loading import load_for_analysis, regions_asked, scenarios_named
    from lifeevents.scenarios.compare import compare, comparison_csv, format_text

    loaded = load_for_analysis(arguments, apply=False)
    scenarios = scenarios_named(arguments.scenario)
    rows = compare(
        loaded.life_event,
        scenarios,
        personas=loaded.personas,
        municipalities=loaded.municipalities(arguments),
        origin=arguments.origin,
        regions=regions_asked(arguments),
    )
    for scenario in scenarios:
        if not scenario.applies(loaded.life_event.id):
            print(
                f"lifeevents compare: note: scenario '{scenario.id}' does not apply to "
                f"'{loaded.life_event.id}' (see its applies_to); not applied",
                file=sys.stderr,
            )
    if arguments.format == "json":
        text = json.dumps([row.to_dict() for row in rows], indent=2, ensure_ascii=False) + "\n"
        sys.stdout.write(json_safe(text))
    elif arguments.format == "csv":
        sys.stdout.write(comparison_csv(rows))
    else:
        sys.stdout.write(format_text(rows, arguments.lang))
    return EXIT_OK
