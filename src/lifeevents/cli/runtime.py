"""One error path for the command line: exit codes, UTF-8 escaped output, signals.

Every error becomes a one-line message (or located ``FILE:LINE:COLUMN:`` lines)
on standard error and an exit code: 1 for invalid input and for errors of the
operating system (a folder that cannot be written, a full disk), 2 for wrong
usage, 130 when interrupted (Ctrl-C) and 143 when terminated (SIGTERM). Standard
output and standard error are UTF-8 whatever the locale, and control characters
in anything printed are shown escaped (see :mod:`lifeevents.text.terminal`).

Heavy modules are imported only on the error path, so start-up stays fast.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from types import FrameType
from typing import Any, TextIO

from lifeevents.cli.streams import EscapingWriter, StreamWriteError
from lifeevents.errors import InputError
from lifeevents.model.problems import Problem
from lifeevents.text.terminal import terminal_safe

__all__ = [
    "EXIT_INTERRUPTED",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_TERMINATED",
    "EXIT_USAGE",
    "Terminated",
    "UsageError",
    "print_problems",
    "run_command",
    "terminal_streams",
]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


class UsageError(Exception):
    """Wrong usage of the command line (exit code 2).

    Raised by a handler for what the arguments name but does not exist (a
    journey, a persona, a format); :func:`run_command` prints it as one line.

    Examples
    --------
    >>> from contextlib import redirect_stderr
    >>> def handler(arguments):
    ...     raise UsageError("name journeys (files or built-in names), or use --all")
    >>> with redirect_stderr(sys.stdout):
    ...     code = run_command("workshop", handler, None)
    lifeevents workshop: name journeys (files or built-in names), or use --all
    >>> code
    2
    """


class Terminated(BaseException):
    """The process received SIGTERM (or SIGHUP): unwind, removing temporary files.

    A :class:`BaseException`, like :class:`KeyboardInterrupt`, so that no
    ``except Exception`` stops it on its way up; :func:`run_command` ends with
    exit code 143.

    Examples
    --------
    >>> from contextlib import redirect_stderr
    >>> def handler(arguments):
    ...     raise Terminated(15)
    >>> with redirect_stderr(sys.stdout):
    ...     code = run_command("sweep", handler, None)
    lifeevents sweep: terminated
    >>> code, issubclass(Terminated, Exception)
    (143, False)
    """


def _utf8(stream: TextIO | None) -> TextIO | None:
    if stream is None:
        return None
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with suppress(ValueError, OSError):  # a stream that cannot change stays as it is
            reconfigure(encoding="utf-8", errors="backslashreplace")
    return stream


def print_problems(problems: Sequence[Problem]) -> None:
    r"""Print problems on standard error, one line each (``FILE:LINE:COLUMN: message``).

    A line break in a file name or a value is shown escaped, so that every problem
    stays on its own line.

    Parameters
    ----------
    problems
        The problems to print, in their order.

    Examples
    --------
    >>> from contextlib import redirect_stderr
    >>> with redirect_stderr(sys.stdout):
    ...     print_problems([Problem("a.yaml", 3, 5, "unknown step 'x'\nnext")])
    a.yaml:3:5: unknown step 'x'\nnext
    """
    for problem in problems:
        print(terminal_safe(str(problem), one_line=True), file=sys.stderr)


@contextmanager
def terminal_streams() -> Iterator[None]:
    """Standard output and error as UTF-8, with control characters escaped, for a block.

    Each stream is reconfigured to UTF-8 (where it can be) and wrapped in an
    :class:`~lifeevents.cli.streams.EscapingWriter`; both are put back afterwards.

    Examples
    --------
    A name with an escape sequence that would colour the terminal:

    >>> with terminal_streams():
    ...     print("Bürgerbüro\\x1b[31m")
    Bürgerbüro\\x1b[31m
    >>> type(sys.stdout).__name__ != "EscapingWriter"
    True
    """
    saved = sys.stdout, sys.stderr
    out, err = _utf8(sys.stdout), _utf8(sys.stderr)
    if out is not None:
        sys.stdout = EscapingWriter(out)
    if err is not None:
        sys.stderr = EscapingWriter(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


@contextmanager
def signals_as_exceptions() -> Iterator[None]:
    """SIGTERM and SIGHUP raise :class:`Terminated`, so ``finally`` blocks clean up."""

    def terminate(signum: int, frame: FrameType | None) -> None:
        raise Terminated(signum)

    names = ("SIGTERM", "SIGHUP")
    previous: dict[int, Any] = {}
    for name in names:
        number = getattr(signal, name, None)
        if number is not None:
            with suppress(ValueError):  # not the main thread: leave signals alone
                previous[number] = signal.signal(number, terminate)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _silence_stdout() -> None:
    """After stdout failed, point it at the null device so the exit flush cannot fail again."""
    with suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.__stdout__.fileno() if sys.__stdout__ else 1)
        os.close(null)


def _say(command: str, message: str) -> None:
    with suppress(OSError):  # standard error is gone too: the exit code is all that is left
        print(f"lifeevents {command}: {message}", file=sys.stderr)


def run_command(command: str, handler: Callable[[Any], int], arguments: Any) -> int:
    """Run one command's handler and turn every error into a message and an exit code.

    Invalid input prints its located problems (exit code 1), wrong usage one
    line (2), an error of the operating system one line naming the file (1);
    Ctrl-C gives 130, SIGTERM 143, and a closed pipe (``| head``) 0. Any other
    exception is a bug and is raised.

    Parameters
    ----------
    command : str
        The command's name, for the messages.
    handler : callable
        Runs the command with ``arguments``; returns the exit code.
    arguments
        The parsed arguments.

    Returns
    -------
    int
        The exit code.

    Examples
    --------
    >>> from contextlib import redirect_stderr
    >>> from lifeevents.errors import InputError
    >>> def handler(arguments):
    ...     raise InputError([Problem("umzug.yaml", 20, 17, "'fax' is not an allowed channel")])
    >>> with redirect_stderr(sys.stdout):
    ...     code = run_command("validate", handler, None)
    umzug.yaml:20:17: 'fax' is not an allowed channel
    >>> code, run_command("validate", lambda arguments: EXIT_OK, None)
    (1, 0)
    """
    try:
        with signals_as_exceptions():
            code = handler(arguments)
            sys.stdout.flush()
            return code
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error of ours.
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        _say(command, "interrupted")
        return EXIT_INTERRUPTED
    except Terminated:
        _say(command, "terminated")
        return EXIT_TERMINATED
    except Exception as error:  # classified below; anything else is a bug and re-raised
        return _report(command, error)


def _report(command: str, error: Exception) -> int:
    from lifeevents.errors import (
        GraphvizError,
        GraphvizNotFoundError,
        OutsideOutputError,
        UnknownMunicipalityError,
        UnsupportedFormatError,
    )

    if isinstance(error, InputError):
        print_problems(error.problems)
        return EXIT_INVALID
    if isinstance(error, UsageError | UnknownMunicipalityError | UnsupportedFormatError):
        _say(command, str(error))
        return EXIT_USAGE
    if isinstance(error, GraphvizNotFoundError | GraphvizError | OutsideOutputError):
        _say(command, str(error))
        return EXIT_INVALID
    if isinstance(error, StreamWriteError):
        _silence_stdout()
        _say(command, f"cannot write the output: {error.strerror or error}")
        return EXIT_INVALID
    if isinstance(error, OSError):
        _say(command, _os_message(error))
        return EXIT_INVALID
    raise error


def _os_message(error: OSError) -> str:
    reason = error.strerror or str(error) or type(error).__name__
    if error.filename is None:
        return reason
    where = os.fsdecode(error.filename)
    if error.filename2 is not None:
        where += f" → {os.fsdecode(error.filename2)}"
    return f"{where}: {reason}"
