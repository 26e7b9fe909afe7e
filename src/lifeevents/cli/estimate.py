"""The ``estimate`` command: the built-in estimate of annual cases as a cases file.

Registered by :func:`lifeevents.cli.studies.add_commands`; imports nothing heavy
until the command runs.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

__all__ = ["add_estimate_command"]


def add_estimate_command(commands: Any) -> None:
    """Register ``estimate`` on the sub-command parsers of the CLI.

    Parameters
    ----------
    commands
        The sub-command parsers (:meth:`argparse.ArgumentParser.add_subparsers`).

    Examples
    --------
    >>> parser = argparse.ArgumentParser(prog="lifeevents")
    >>> add_estimate_command(parser.add_subparsers(dest="command"))
    >>> arguments = parser.parse_args(["estimate", "--life-event", "geburt", "-o", "c.csv"])
    >>> arguments.life_event, arguments.output, arguments.grid
    (['geburt'], 'c.csv', False)
    """
    estimate = commands.add_parser(
        "estimate",
        help="the built-in ESTIMATE of annual cases for Kreis Steinfurt, as a cases file",
        description=(
            "Write the built-in estimate of annual cases per life event and municipality "
            "of Kreis Steinfurt (census 2022 population x a sourced rate per 1,000 "
            "inhabitants, NRW or Germany) as a cases file (CSV) with each row's derivation "
            "and source. Only life events with a sourced rate and municipalities with a "
            "trusted census figure are estimated; the others are named on standard error. "
            "An estimate, not a count: see docs/studies.md."
        ),
    )
    estimate.add_argument(
        "--life-event",
        action="extend",
        nargs="+",
        metavar="ID",
        help="life events (default: every one with a sourced rate)",
    )
    estimate.add_argument(
        "--municipality", action="extend", nargs="+", metavar="M", help="municipality ids"
    )
    estimate.add_argument(
        "--grid",
        action="store_true",
        help="split each row over the persona grid by its shares (docs/studies.md)",
    )
    estimate.add_argument("-o", "--output", default="-", help="output .csv, or '-' (default)")
    estimate.set_defaults(handler=_estimate)


def _estimate(arguments: argparse.Namespace) -> int:
    from lifeevents.cli.runtime import UsageError
    from lifeevents.errors import SweepError
    from lifeevents.studies.estimate import estimate_cases
    from lifeevents.studies.persona_grid import load_persona_grid

    if arguments.output != "-" and not arguments.output.lower().endswith(".csv"):
        raise UsageError(f"the estimate is written as .csv, not {arguments.output}")
    try:
        estimate = estimate_cases(arguments.life_event, arguments.municipality)
    except SweepError as error:
        raise UsageError(str(error)) from None
    text = estimate.to_csv(load_persona_grid() if arguments.grid else None)
    print(estimate.summary(), file=sys.stderr)
    if arguments.output == "-":
        sys.stdout.write(text)
        return 0
    from lifeevents.formats.atomic import write_atomic

    write_atomic(arguments.output, text)
    print(f"wrote {arguments.output} ({len(estimate.rows)} estimated rows)", file=sys.stderr)
    return 0
