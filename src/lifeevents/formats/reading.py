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
    or block forever. One byte more than the limit tells the caller that the file
    is too large without reading it whole.

    Parameters
    ----------
    path : str or os.PathLike
        The file to read.

    Returns
    -------
    bytes
        The file's first ``READ_LIMIT + 1`` bytes (all of a file within the limit).

    Raises
    ------
    OSError
        When the file cannot be read or is not a regular file.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "umzug.yaml"
    ...     _ = path.write_text(DEMO_YAML, encoding="utf-8")
    ...     read_limited(path) == DEMO_YAML.encode("utf-8")
    True
    >>> read_limited(tempfile.gettempdir())  # a folder
    Traceback (most recent call last):
    ...
    OSError: not a regular file
    """
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise OSError("not a regular file")
    with Path(path).open("rb") as stream:
        return stream.read(READ_LIMIT + 1)


def too_large(size: int) -> str:
    """The problem of a file over :data:`READ_LIMIT` bytes.

    Parameters
    ----------
    size : int
        The file's size in bytes.

    Returns
    -------
    str
        The message, with the size and the limit in MiB.

    Examples
    --------
    >>> print(too_large(5 * 1024 * 1024))  # doctest: +NORMALIZE_WHITESPACE
    the file is 5.0 MiB; input files may be at most 4 MiB (split it, or check that
    this is the right file)
    """
    return (
        f"the file is {size / 1024 / 1024:.1f} MiB; input files may be at most "
        f"{READ_LIMIT // 1024 // 1024} MiB (split it, or check that this is the right file)"
    )


def read_checked(
    path: str | os.PathLike[str],
    check_document: Callable[[str | bytes, str], CheckResult[ModelT]],
) -> CheckResult[ModelT]:
    """Read a file and check it; a file that cannot be read is a problem, not an exception.

    Parameters
    ----------
    path : str or os.PathLike
        The file to read (at most :data:`READ_LIMIT` bytes).
    check_document : callable
        Checks the bytes read, given them and the file name (such as
        :func:`~lifeevents.formats.journey_file.check_text`).

    Returns
    -------
    CheckResult
        What ``check_document`` returns, or a result without a model whose one
        problem says why the file could not be read.

    Examples
    --------
    >>> import tempfile
    >>> from lifeevents.formats.journey_file import check_text
    >>> from lifeevents.library.builtin import find_journey
    >>> read_checked(find_journey("geburt"), check_text).ok
    True
    >>> result = read_checked(tempfile.gettempdir(), check_text)
    >>> result.model, result.problems[0].message
    (None, 'cannot read: not a regular file')
    """
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
