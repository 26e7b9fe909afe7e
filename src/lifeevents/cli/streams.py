"""Standard output and error for the command line: escaped, and failures told apart."""

from __future__ import annotations

import io
from typing import TextIO

from lifeevents.text.terminal import terminal_safe

__all__ = ["EscapingWriter", "StreamWriteError"]


class StreamWriteError(OSError):
    """Writing to a standard stream failed (a full disk, a closed terminal).

    An :class:`OSError`, told apart from errors with files so that the command
    line says the output could not be written.

    Examples
    --------
    >>> import errno
    >>> class Full(io.StringIO):
    ...     def write(self, text):
    ...         raise OSError(errno.ENOSPC, "No space left on device")
    >>> EscapingWriter(Full()).write("Umzug")
    Traceback (most recent call last):
    ...
    lifeevents.cli.streams.StreamWriteError: [Errno 28] No space left on device
    """


class EscapingWriter(io.TextIOBase):
    """A text stream that passes everything written through :func:`terminal_safe`.

    Failures to write (but a closed pipe) are raised as :class:`StreamWriteError`,
    so the command line can tell them from errors with input or output files.

    Parameters
    ----------
    stream : TextIO
        The stream written to.

    Examples
    --------
    >>> buffer = io.StringIO()
    >>> writer = EscapingWriter(buffer)
    >>> writer.write("Umzug\\x1b]0;fertig\\x07\\n")
    17
    >>> buffer.getvalue()
    'Umzug\\\\x1b]0;fertig\\\\x07\\n'
    """

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            self.stream.write(terminal_safe(text))
        except BrokenPipeError:
            raise
        except OSError as error:
            raise StreamWriteError(error.errno, error.strerror) from error
        return len(text)

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise StreamWriteError(error.errno, error.strerror) from error

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.stream.encoding
