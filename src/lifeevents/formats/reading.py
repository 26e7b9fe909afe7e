"""Reading input files safely: regular files only, never more than :data:`READ_LIMIT` bytes.

A file that cannot be read becomes a located problem, not an exception, so that
``validate`` reports it among the others.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from lifeevents.model.problems import CheckResult, Problem

__all__ = ["READ_LIMIT", "read_checked", "read_limited", "too_large"]

ModelT = TypeVar("ModelT")


#: Input files are read up to this size; a larger file is reported, never read whole.
READ_LIMIT = 4 * 1024 * 1024


def read_limited(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a regular file, at most ``READ_LIMIT + 1`` of them.

    Devices and pipes (``/dev/zero``, a FIFO) are refused: they could be endless
    or block forever.
    """
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise OSError("not a regular file")
    with Path(path).open("rb") as stream:
        return stream.read(READ_LIMIT + 1)


def too_large(size: int) -> str:
    """The problem of a file over :data:`READ_LIMIT` bytes."""
    return (
        f"the file is {size / 1024 / 1024:.1f} MiB; input files may be at most "
        f"{READ_LIMIT // 1024 // 1024} MiB (split it, or check that this is the right file)"
    )


def read_checked(
    path: str | os.PathLike[str],
    check_document: Callable[[str | bytes, str], CheckResult[ModelT]],
) -> CheckResult[ModelT]:
    """Read a file and check it; a file that cannot be read is a problem, not an exception."""
    filename = os.fspath(path)
    try:
        raw = read_limited(path)
        if len(raw) > READ_LIMIT:
            message = too_large(os.stat(path).st_size)
            return CheckResult(filename, None, (Problem(filename, 1, 1, message),))
    except OSError as error:
        reason = error.strerror or str(error) or type(error).__name__
        return CheckResult(filename, None, (Problem(filename, 1, 1, f"cannot read: {reason}"),))
    return check_document(raw, filename)
