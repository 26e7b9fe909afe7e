"""The ``render`` command: draw one persona's journey as a map.

A blueprint, a journey map or a checklist, in the format the output file's
suffix names (or ``--format`` on standard output), and with ``--view diff`` the
journey today against the what-if scenarios named.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, get_args

from lifeevents.cli.options import add_journey_options
from lifeevents.cli.runtime import EXIT_OK, UsageError
from lifeevents.views.options import DEFAULT_OPTIONS, Direction, Highlight, Paper, View

if TYPE_CHECKING:
    from lifeevents.cli.options import Commands

__all__ = ["DIFF_VIEW", "add_command", "run"]

#: The view that draws the journey today against the scenarios named.
DIFF_VIEW = "diff"
_DIFF_FORMATS = ("svg", "html")


def add_command(commands: Commands) -> None:
    """Add ``render`` to the sub-command parsers of ``lifeevents``.

    Parameters
    ----------
    commands
        The sub-command parsers.

    Examples
    --------
    >>> parser = argparse.ArgumentParser(prog="lifeevents")
    >>> add_command(parser.add_subparsers(dest="command"))
    >>> arguments = parser.parse_args(["render", "geburt", "-o", "geburt.svg"])
    >>> arguments.view, arguments.direction, arguments.compact
    ('blueprint', 'LR', None)
    """
    command = commands.add_parser(
        "render",
        help="draw a journey: blueprint, journey map or checklist (svg, png, pdf, mmd, html, …)",
        description=(
            "Draw a journey as a blueprint (lanes per level), a journey map (stages, emotions, "
            "pain points) or a checklist for citizens. The format follows the file suffix."
        ),
    )
    add_journey_options(command, persona_help="persona id")
    command.add_argument(
        "-o",
        "--output",
        required=True,
        help="output file (suffix sets the format), or - for stdout",
    )
    command.add_argument(
        "--format", help="format when writing to stdout (-o -): svg, dot, mmd, html or md"
    )
    command.add_argument(
        "--view",
        choices=[*(view.value for view in View), DIFF_VIEW],
        default=DEFAULT_OPTIONS.view.value,
        help="blueprint (default), journey map, checklist, or diff: today against "
        "--scenario (svg, html)",
    )
    command.add_argument(
        "--direction", choices=get_args(Direction), default=DEFAULT_OPTIONS.direction
    )
    command.add_argument(
        "--highlight",
        metavar="LIST",
        help="comma-separated findings to mark (default all): "
        + ",".join(item.value for item in Highlight),
    )
    command.add_argument(
        "--compact",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="compact style for large journeys (default: automatic above 200 steps)",
    )
    command.add_argument(
        "--paper",
        type=_paper,
        metavar="{A4,A3,A2}",
        help="print the PDF on this paper, landscape: one page while step names stay >= 7 pt, "
        "else pages of stages with lane headers and an index page",
    )
    command.add_argument("-q", "--quiet", action="store_true", help="print nothing")
    command.set_defaults(handler=run)


def _paper(text: str) -> Paper:
    """The paper size of ``--paper`` (any case); argparse reports others as wrong usage.

    Examples
    --------
    >>> _paper("a3")
    <Paper.A3: 'A3'>
    """
    try:
        return Paper(text.upper())
    except ValueError:
        allowed = ", ".join(item.value for item in Paper)
        raise argparse.ArgumentTypeError(
            f"unknown paper '{text}'; choose {allowed} (always landscape)"
        ) from None


def run(arguments: argparse.Namespace) -> int:
    """Draw the journey of the persona asked for, to a file or standard output.

    Wrong usage (an unknown finding to highlight, a format the view cannot be
    written as) is reported before any work.

    Parameters
    ----------
    arguments
        The arguments of ``render`` (see :func:`add_command`).

    Returns
    -------
    int
        0; bad input raises (see :func:`lifeevents.cli.loading.load_for_analysis`).

    Examples
    --------
    >>> parser = argparse.ArgumentParser(prog="lifeevents")
    >>> add_command(parser.add_subparsers(dest="command"))
    >>> run(parser.parse_args(["render", "geburt", "-o", "-", "--format", "mmd"]))
    ... # doctest: +ELLIPSIS
    flowchart LR
    ...
    0
    """
    from lifeevents.analysis.report import analyze
    from lifeevents.cli.loading import load_for_analysis
    from lifeevents.views.api import FORMATS, render_content, render_to_file
    from lifeevents.views.options import RenderOptions

    _highlights(arguments.highlight)  # wrong usage is reported before any work
    if arguments.paper is not None:
        suffix = (
            arguments.format if arguments.output == "-" else arguments.output.rpartition(".")[2]
        )
        if arguments.view not in (View.BLUEPRINT.value, View.JOURNEY.value) or suffix != "pdf":
            raise UsageError(
                "--paper prints a blueprint or journey map as PDF: "
                "use -o FILE.pdf (and --view blueprint or journey)"
            )
    if arguments.view == DIFF_VIEW:
        return _render_difference(arguments)
    if arguments.output == "-" and arguments.format is not None:
        view = View(arguments.view)
        if arguments.format not in FORMATS[view]:
            allowed = ", ".join(FORMATS[view])
            raise UsageError(
                f"the {view.value} view cannot be written as '{arguments.format}'; "
                f"formats: {allowed}"
            )
    loaded = load_for_analysis(arguments)
    if len(loaded.personas) != 1:
        raise UsageError("render draws one persona; name it with --persona")
    trip = loaded.journey(loaded.personas[0], arguments)
    options = RenderOptions(
        view=View(arguments.view),
        lang=arguments.lang,
        direction=arguments.direction,
        highlight=_highlights(arguments.highlight),
        compact=arguments.compact,
        paper=arguments.paper,
    )
    report = analyze(trip)
    if arguments.output == "-":
        fmt = arguments.format or FORMATS[options.view][0]
        content = render_content(report, fmt, options)
        if isinstance(content, bytes):
            raise UsageError(f"'{fmt}' is binary; write it to a file with -o FILE.{fmt}")
        sys.stdout.write(content)
        return EXIT_OK
    path = render_to_file(report, arguments.output, options)
    if not arguments.quiet:
        print(f"wrote {path}", file=sys.stderr)
    return EXIT_OK


def _highlights(text: str | None) -> frozenset[Highlight]:
    """The findings named by ``--highlight`` (default all); a usage error for others.

    Parameters
    ----------
    text
        Comma-separated names of findings, or ``None`` for all.

    Returns
    -------
    frozenset of Highlight
        The findings to mark.

    Examples
    --------
    >>> sorted(item.value for item in _highlights("visits,visits"))
    ['visits']
    >>> _highlights(None) == frozenset(Highlight)
    True
    """
    if text is None:
        return frozenset(Highlight)
    chosen: set[Highlight] = set()
    for item in filter(None, text.split(",")):
        try:
            chosen.add(Highlight(item))
        except ValueError:
            allowed = ",".join(kind.value for kind in Highlight)
            raise UsageError(
                f"--highlight: unknown finding '{item}'; choose from {allowed}"
            ) from None
    return frozenset(chosen)


def _render_difference(arguments: argparse.Namespace) -> int:
    """``render --view diff``: the journey today and with the scenarios, as SVG or HTML."""
    from pathlib import Path

    from lifeevents.analysis.report import analyze
    from lifeevents.cli.loading import Loaded, apply_named, load_for_analysis, regions_asked
    from lifeevents.formats.atomic import write_atomic
    from lifeevents.views.api import render_content
    from lifeevents.views.diff import diff_svg
    from lifeevents.views.diff_page import diff_html
    from lifeevents.views.options import RenderOptions

    if not arguments.scenario:
        raise UsageError("--view diff compares with a scenario; name it with --scenario")
    fmt = arguments.format if arguments.output == "-" else Path(arguments.output).suffix[1:]
    if (fmt or "svg") not in _DIFF_FORMATS:
        raise UsageError(f"the diff view is written as svg or html, not '{fmt}'")
    loaded = load_for_analysis(arguments, apply=False)
    if len(loaded.personas) != 1:
        raise UsageError("render draws one persona; name it with --persona")
    persona = loaded.personas[0]
    applied = apply_named(loaded.life_event, arguments.scenario, regions_asked(arguments), "render")
    today = analyze(loaded.journey(persona, arguments))
    changed_journey = Loaded(applied.life_event, loaded.region, [persona], {}).journey(
        persona, arguments
    )
    changed = analyze(changed_journey)
    overlay = diff_svg(today, changed, arguments.lang)
    if fmt == "html":
        options = RenderOptions(lang=arguments.lang, direction=arguments.direction)
        views = {
            "today": str(render_content(today, "svg", options)),
            "changed": str(render_content(changed, "svg", options)),
            "overlay": overlay,
        }
        content = diff_html(today, changed, views, arguments.lang)
    else:
        content = overlay
    if arguments.output == "-":
        sys.stdout.write(content)
        return EXIT_OK
    write_atomic(arguments.output, content)
    if not arguments.quiet:
        print(f"wrote {arguments.output}", file=sys.stderr)
    return EXIT_OK
