"""The ``lifeevents`` command line: the parser, and the dispatch to one module per command.

Each command lives in its own module of :mod:`lifeevents.cli`, which adds its
sub-parser (``add_command``) and runs it (its handler): ``validate``,
``analyze``, ``render``, ``workshop``, ``compare``, ``list`` (in
:mod:`~lifeevents.cli.listing`) and ``schema``; the optional parts add groups of
commands (:mod:`~lifeevents.cli.observed`: ``conform``, ``simulate``;
:mod:`~lifeevents.cli.export`: ``export``, ``import``, ``new``;
:mod:`~lifeevents.cli.studies`: ``sweep``, ``matrix``, ``recommend``;
:mod:`~lifeevents.cli.impact`: ``impact``). The options
several commands share are declared once, in :mod:`lifeevents.cli.options`.

Building the parser needs argparse only: the engine, the renderers and pydantic
load inside the handlers that use them, so that ``--help``, ``list`` and
``validate`` start fast (benchmarks/startup.py).

Exit codes follow the spec: 0 success, 1 invalid input (every problem printed as
``FILE:LINE:COLUMN: message``) or an error of the operating system, 2 wrong usage,
130 interrupted; see :mod:`lifeevents.cli.runtime`.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from lifeevents.cli import (
    analyze,
    compare,
    export,
    impact,
    listing,
    observed,
    render,
    schema,
    studies,
    validate,
    workshop,
)
from lifeevents.cli.runtime import EXIT_USAGE, run_command, terminal_streams
from lifeevents.server import command as serve

__all__ = ["build_parser", "console", "main"]

#: Each adds its commands to the sub-command parsers, in the order ``--help`` lists them.
_COMMANDS = (
    validate.add_command,
    analyze.add_command,
    render.add_command,
    workshop.add_command,
    compare.add_command,
    listing.add_command,
    schema.add_command,
    observed.add_commands,
    export.add_commands,
    studies.add_commands,
    impact.add_command,
    serve.add_commands,
)


class _VersionAction(argparse.Action):
    """``--version``, reading the installed version only when asked (importlib.metadata is slow)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from lifeevents.version import __version__

        print(f"lifeevents {__version__}")  # on standard output, as argparse's own action
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The parser of the ``lifeevents`` command line, with every command.

    Returns
    -------
    argparse.ArgumentParser
        The parser; each command's arguments carry its ``handler``.

    Examples
    --------
    >>> arguments = build_parser().parse_args(["analyze", "geburt", "--persona", "all"])
    >>> arguments.command, arguments.handler.__module__
    ('analyze', 'lifeevents.cli.analyze')
    """
    parser = argparse.ArgumentParser(
        prog="lifeevents",
        description=(
            "Model citizens' life events as graphs of administrative steps, "
            "find avoidable visits, handovers and media breaks, and draw the journey."
        ),
    )
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in _COMMANDS:
        add(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Parameters
    ----------
    argv
        The arguments, without the program's name (default: those of the process).

    Returns
    -------
    int
        The exit code: 0 success, 1 invalid input, 2 wrong usage (see
        :mod:`lifeevents.cli.runtime`).

    Examples
    --------
    >>> main(["schema", "--region", "--scenario"])
    2
    """
    with terminal_streams():
        parser = build_parser()
        try:
            arguments = parser.parse_args(argv)
        except SystemExit as stop:  # --help, --version, or wrong usage (argparse says why)
            return stop.code if isinstance(stop.code, int) else EXIT_USAGE
        from lifeevents.formats.gc_pause import collection_paused

        handler: Callable[[argparse.Namespace], int] = arguments.handler
        with collection_paused():
            return run_command(arguments.command, handler, arguments)


def console() -> NoReturn:
    """The ``lifeevents`` program: :func:`main`, then exit with its code.

    A command lives briefly and keeps most of what it builds, so the cyclic
    collector stays off for the whole process: its scans would cost about half of
    a 10,000-step analysis, and the one scan on switching it back on before exit
    about a sixth more.

    Examples
    --------
    It reads the process's arguments and ends the process, so it runs here in
    its own process (as ``python -m lifeevents``): a journey that does not
    exist is wrong usage, exit code 2:

    >>> import subprocess
    >>> done = subprocess.run([sys.executable, "-m", "lifeevents", "analyze", "no-such-journey"],
    ...                       capture_output=True, text=True)
    >>> done.returncode, done.stdout
    (2, '')
    >>> done.stderr.split(";")[0]
    "lifeevents analyze: 'no-such-journey' is neither a file nor a built-in journey"
    """
    gc.disable()
    code = main()
    # At exit Python runs one more full collection, even with the collector off, which
    # scans everything the command built (about a tenth of a 10,000-step analysis).
    # Frozen objects are left out of it; the process ends without them being scanned.
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    console()
