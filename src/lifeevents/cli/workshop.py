"""The ``workshop`` command: every persona of the journeys named, analysed and drawn.

For a working group: the findings as text, and the blueprint, journey map and
checklist of each persona in ``OUTPUT/<life event>/``, with an index.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from lifeevents.cli.options import add_place_options
from lifeevents.cli.runtime import EXIT_OK, UsageError
from lifeevents.errors import InputError
from lifeevents.model.problems import Problem

if TYPE_CHECKING:
    from lifeevents.cli.options import Commands
    from lifeevents.model.life_event import LifeEvent

__all__ = ["add_command", "run"]


def add_command(commands: Commands) -> None:
    """Add ``workshop`` to the sub-command parsers of ``lifeevents``.

    Parameters
    ----------
    commands
        The sub-command parsers.

    Examples
    --------
    >>> parser = argparse.ArgumentParser(prog="lifeevents")
    >>> add_command(parser.add_subparsers(dest="command"))
    >>> arguments = parser.parse_args(["workshop", "--all"])
    >>> arguments.journeys, arguments.all, arguments.output
    ([], True, 'out')
    """
    command = commands.add_parser(
        "workshop",
        help="analyse life events for every persona and write all maps and an index",
        description=(
            "The main job for a working group: for each journey and each persona, print the "
            "findings and write the blueprint (svg, html), the journey map (svg) and the "
            "checklist (md, html) into OUTPUT/<life event>/, with an index.html and index.md."
        ),
    )
    command.add_argument(
        "journeys",
        nargs="*",
        metavar="FILE-or-NAME",
        help="journeys (default with --all: every one)",
    )
    command.add_argument("--all", action="store_true", help="every built-in journey")
    command.add_argument("-o", "--output", default="out", help="output folder")
    add_place_options(command)
    command.add_argument(
        "--formats", metavar="LIST", help="only these formats, e.g. svg,png (default: svg,html,md)"
    )
    command.add_argument("-q", "--quiet", action="store_true", help="no text reports")
    command.set_defaults(handler=run)


def run(arguments: argparse.Namespace) -> int:
    """Analyse and draw every persona of the journeys named; print the reports.

    Wrong usage (unknown formats, then unknown journeys) is reported before any
    work; every invalid journey is reported before anything is written.

    Parameters
    ----------
    arguments
        The arguments of ``workshop`` (see :func:`add_command`).

    Returns
    -------
    int
        0; bad input raises.

    Raises
    ------
    UsageError
        For unknown formats, an unknown journey, or no journey named.
    InputError
        Every problem of every invalid journey, before anything is written.

    Examples
    --------
    The checklists of the demo journey's two personas, without the text reports
    (progress goes to standard error):

    >>> import tempfile
    >>> from pathlib import Path
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> parser = argparse.ArgumentParser(prog="lifeevents")
    >>> add_command(parser.add_subparsers(dest="command"))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     journey_file, output = Path(folder) / "umzug.yaml", Path(folder) / "out"
    ...     _ = journey_file.write_text(DEMO_YAML, encoding="utf-8")
    ...     arguments = parser.parse_args(
    ...         ["workshop", str(journey_file), "--formats", "md", "-o", str(output), "-q"]
    ...     )
    ...     code = run(arguments)
    ...     written = sorted(path.relative_to(output).as_posix() for path in output.rglob("*.md"))
    >>> code, written
    (0, ['demo/default-checklist.md', 'demo/mit-auto-checklist.md', 'index.md'])
    """
    from pathlib import Path

    from lifeevents.analysis.validation import validate
    from lifeevents.cli.loading import regions_asked
    from lifeevents.errors import UnsupportedFormatError
    from lifeevents.library.builtin import builtin_journeys, find_journey
    from lifeevents.text.report import format_report
    from lifeevents.views.workshop import DEFAULT_OUTPUTS, run_workshop, workshop_outputs

    # Wrong usage first, before any work: formats, then the journeys named.
    outputs = DEFAULT_OUTPUTS
    if arguments.formats is not None:
        try:
            outputs = workshop_outputs(filter(None, arguments.formats.split(",")))
        except UnsupportedFormatError as error:
            raise UsageError(f"--formats: {error}") from None
    regions = regions_asked(arguments)
    names = list(builtin_journeys()) if arguments.all else arguments.journeys
    if not names:
        raise UsageError("name journeys (files or built-in names), or use --all")
    paths: dict[Path, Path] = {}
    for name in names:
        try:
            path = find_journey(name)
        except FileNotFoundError as error:
            raise UsageError(str(error)) from None
        paths.setdefault(path.resolve(), path)  # a journey named twice is drawn once
    life_events: dict[str, LifeEvent] = {}
    problems: list[Problem] = []
    for path in paths.values():
        result = validate(path, regions)
        if result.model is None:
            problems.extend(result.problems)
            continue
        earlier = life_events.setdefault(result.model.id, result.model)
        if earlier is not result.model:
            problems.append(_same_id(result.model, earlier))
    if problems:
        raise InputError(problems)
    entries = run_workshop(
        list(life_events.values()),
        Path(arguments.output),
        regions=regions,
        municipality=arguments.municipality,
        origin=arguments.origin,
        event_place=arguments.event_place,
        lang=arguments.lang,
        outputs=outputs,
        progress=lambda message: print(message, file=sys.stderr, flush=True),
    )
    if not arguments.quiet:
        sys.stdout.write(
            "\n".join(format_report(entry.report, arguments.lang) for entry in entries)
        )
    print(
        f"wrote {sum(len(entry.files) for entry in entries)} files and an index to "
        f"{arguments.output}/",
        file=sys.stderr,
    )
    return EXIT_OK


def _same_id(life_event: LifeEvent, earlier: LifeEvent) -> Problem:
    """Two journeys of one workshop with one id would share their folder."""
    source, first = life_event.source, earlier.source
    where = first.filename if first is not None else "another journey"
    message = f"life event id '{life_event.id}' is also the id of {where}; give each its own"
    if source is None:
        return Problem(f"<{life_event.id}>", 1, 1, message)
    return source.problem(("life_event", "id"), message)
