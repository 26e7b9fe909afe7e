"""The ``list`` command: the built-in life events, scenarios, regions and municipalities.

(The module is not called ``list``, which would hide the built-in of that name
wherever it is imported.)
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from lifeevents.cli.options import add_region_file
from lifeevents.cli.runtime import EXIT_OK
from lifeevents.text.terminal import terminal_safe

if TYPE_CHECKING:
    from lifeevents.cli.options import Commands

__all__ = ["add_command", "run"]


def add_command(commands: Commands) -> None:
    """Add ``list`` to the sub-command parsers of ``lifeevents``.

    Parameters
    ----------
    commands
        The sub-command parsers.

    Examples
    --------
    >>> parser = argparse.ArgumentParser(prog="lifeevents")
    >>> add_command(parser.add_subparsers(dest="command"))
    >>> parser.parse_args(["list", "--region-file", "my-region.yaml"]).region_file
    ['my-region.yaml']
    """
    command = commands.add_parser(
        "list",
        help="show the built-in life events, scenarios, regions and municipalities",
        description="Show the built-in life events, what-if scenarios, regions and municipalities.",
    )
    add_region_file(command)
    command.set_defaults(handler=run)


def run(arguments: argparse.Namespace) -> int:
    """Print the built-in life events and scenarios, and every region with its municipalities.

    Parameters
    ----------
    arguments
        The arguments of ``list`` (see :func:`add_command`).

    Returns
    -------
    int
        0; an invalid region file raises.

    Examples
    --------
    >>> run(argparse.Namespace(region_file=None))  # doctest: +ELLIPSIS
    Life events (built-in journeys):
      arbeitslosigkeit             Verlust des Arbeitsplatzes — personas: default, ...
    ...
        wettringen                 Wettringen (Gemeinde)
    0
    """
    from lifeevents.analysis.validation import validate
    from lifeevents.cli.loading import regions_asked
    from lifeevents.formats.scenario_file import check_scenario
    from lifeevents.library.builtin import builtin_journeys, builtin_scenarios

    regions = regions_asked(arguments)
    lines = ["Life events (built-in journeys):"]
    for name, path in builtin_journeys().items():
        result = validate(path, regions)
        if result.model is None:
            lines.append(f"  {name:<28} (invalid: run 'lifeevents validate {name}')")
            continue
        personas = ", ".join(result.model.persona_ids())
        lines.append(f"  {name:<28} {_one_line(result.model.name)} — personas: {personas}")
    lines.append("")
    lines.append("What-if scenarios (built-in):")
    for name, path in builtin_scenarios().items():
        scenario = check_scenario(path).model
        if scenario is None:
            lines.append(f"  {name:<28} (invalid: run 'lifeevents validate {path}')")
            continue
        meant = f" — for: {', '.join(scenario.applies_to)}" if scenario.applies_to else ""
        lines.append(f"  {name:<28} {_one_line(scenario.name)}{meant}")
    lines.append("")
    lines.append("Regions and municipalities:")
    for region in regions.values():
        default = region.region.default_municipality
        lines.append(
            f"  {region.id:<28} {_one_line(region.region.name)} (default municipality: {default})"
        )
        for municipality_id, municipality in region.municipalities.items():
            kind = "Stadt" if municipality.kind == "stadt" else "Gemeinde"
            lines.append(f"    {municipality_id:<26} {_one_line(municipality.name)} ({kind})")
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK


def _one_line(text: str) -> str:
    return terminal_safe(text, one_line=True)
