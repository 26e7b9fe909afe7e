"""The ``serve`` command: registered on the command line, run by :mod:`lifeevents.cli`.

:func:`add_commands` builds the argument parser only and imports nothing else of
the server, so ``lifeevents --help`` stays fast. Ctrl-C ends the server; the
command line turns it into exit code 130 (SIGTERM into 143).
"""

from __future__ import annotations

import argparse
import gc
import sys
from typing import TYPE_CHECKING, Any

from lifeevents.text.labels import DEFAULT_LANGUAGE, LANGUAGES

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["add_commands"]

_DEFAULT_PORT = 8765  # lifeevents.server.app.DEFAULT_PORT, without importing the server


def _folder(text: str) -> Path:
    from pathlib import Path

    path = Path(text)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"'{text}' is not a folder")
    return path


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (0 to 65535)")
    return port


def add_commands(commands: Any) -> None:
    """Register ``serve`` on the sub-command parsers of the command line.

    Parameters
    ----------
    commands
        The sub-command parsers (:meth:`argparse.ArgumentParser.add_subparsers`).

    Examples
    --------
    >>> import argparse
    >>> parser = argparse.ArgumentParser(prog="lifeevents")
    >>> add_commands(parser.add_subparsers(dest="command"))
    >>> arguments = parser.parse_args(["serve", "--port", "0", "--lang", "en"])
    >>> str(arguments.folder), arguments.host, arguments.port, arguments.lang
    ('.', '127.0.0.1', 0, 'en')
    >>> parser.parse_args(["serve", "--port", "70000"])  # argparse names the error
    Traceback (most recent call last):
    ...
    SystemExit: 2
    """
    serve = commands.add_parser(
        "serve",
        help="a local web page for a workshop: map, figures and findings, live as files change",
        description=(
            "Serve a web page over the journey and scenario files of FOLDER: choose the "
            "journey, persona, municipality and scenarios, see the map, the figures and the "
            "findings. Saving a file refreshes the open page; a broken file shows its "
            "FILE:LINE:COLUMN problems. Reads files, never writes them. See docs/serve.md."
        ),
    )
    serve.add_argument(
        "folder",
        nargs="?",
        default=".",
        type=_folder,
        metavar="FOLDER",
        help="folder of journey files (default: the current folder; without journey files "
        "there, the built-in journeys are offered)",
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this computer only)",
    )
    serve.add_argument(
        "--port",
        type=_port,
        default=_DEFAULT_PORT,
        help=f"port (default {_DEFAULT_PORT}; 0 picks a free one); the address is printed",
    )
    serve.add_argument(
        "--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="language of the page"
    )
    serve.set_defaults(handler=_serve)


def _serve(arguments: argparse.Namespace) -> int:
    from lifeevents.server.app import is_loopback, workshop_server

    with workshop_server(
        arguments.folder, host=arguments.host, port=arguments.port, lang=arguments.lang
    ) as server:
        print(server.url, flush=True)
        _, files = server.files()
        journeys = "built-in" if files.builtin_journeys else str(len(files.journeys))
        broken = sum(bool(entry.errors) for entry in files.folder_files)
        print(
            f"lifeevents serve: {arguments.folder}: {journeys} journeys, "
            f"{len(files.scenarios)} scenarios, {broken} file(s) with problems; "
            "Ctrl-C stops",
            file=sys.stderr,
            flush=True,
        )
        if not is_loopback(arguments.host):
            print(
                f"lifeevents serve: note: listening on {arguments.host}: every computer "
                "that reaches it can read the files of the folder",
                file=sys.stderr,
                flush=True,
            )
        # The command line pauses the cyclic collector for short commands; a server
        # lives long and draws again and again, so it collects as usual.
        collecting = gc.isenabled()
        gc.enable()
        try:
            server.serve_forever(poll_interval=0.25)
        finally:
            if not collecting:
                gc.disable()
    return 0
