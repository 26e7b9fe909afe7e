"""Standard output and error for the command line: escaped, and failures told apart."""

from __future__ import annotations

import io
from typing import TextIO

from lifeevents.text.terminal import terminal_safe

__all__ = ["EscapingWriter", "StreamWriteError"]


class StreamWriteError(OSError):
    """Writing to a standard stream failed (a full disk, a closed terminal)."""


class EscapingWriter(io.TextIOBase):
    """A text stream that passes everything written through :func:`terminal_safe`.

    Failures to write (but a closed pipe) are raised as :class:`StreamWriteError`,
    so the command line can tell them from errors with input or output files.
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
