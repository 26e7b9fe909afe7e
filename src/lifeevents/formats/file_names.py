"""Safe, unique, deterministic file names from ids, and proof that a path stays in its folder.

Persona ids may contain any character but white space, such as ``/``, ``..``,
``:`` or control characters. :func:`file_stems` keeps an id that is already a
safe file name (ASCII letters, digits, ``-``, ``_`` and inner dots, at most 64
characters, not a name Windows reserves) and otherwise replaces each run of
other characters by ``-`` and appends the first hex digits of the id's SHA-256,
so different ids never share a name, not even on file systems that ignore case.

>>> file_stems(["umzug-mit-auto", "../../etc/passwd", "Ehepaar", "ehepaar"])
... # doctest: +NORMALIZE_WHITESPACE, +ELLIPSIS
{'umzug-mit-auto': 'umzug-mit-auto', '../../etc/passwd': 'etc-passwd-3754d6cb',
 'Ehepaar': 'Ehepaar-...', 'ehepaar': 'ehepaar-...'}
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path

from lifeevents.errors import OutsideOutputError

__all__ = ["confined", "file_stems"]

_SAFE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,62}[A-Za-z0-9_-])?")
_UNSAFE_RUN = re.compile(r"[^A-Za-z0-9_-]+")
_WINDOWS_RESERVED = re.compile(r"(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?")
_KEPT_PART = 40


def _is_safe(identifier: str) -> bool:
    return _SAFE.fullmatch(identifier) is not None and not _WINDOWS_RESERVED.fullmatch(identifier)


def _hashed(identifier: str, digits: int) -> str:
    kept = _UNSAFE_RUN.sub("-", identifier).strip("-_")[:_KEPT_PART].rstrip("-_")
    digest = hashlib.sha256(identifier.encode("utf-8", "surrogatepass")).hexdigest()[:digits]
    return f"{kept}-{digest}" if kept else f"id-{digest}"


def file_stems(identifiers: Iterable[str]) -> dict[str, str]:
    """A safe file name stem for each id: unique (ignoring case) and the same on every run.

    Parameters
    ----------
    identifiers : iterable of str
        Ids such as persona ids (repeats are ignored).

    Returns
    -------
    dict of str to str
        The stem of each id: the id itself when it is a safe file name, else its
        safe characters and the first hex digits of its SHA-256.

    Examples
    --------
    The demo journey's personas keep their ids; an id with a ``/`` does not:

    >>> file_stems(["default", "mit-auto", "mit/ohne"])
    {'default': 'default', 'mit-auto': 'mit-auto', 'mit/ohne': 'mit-ohne-c99d5b27'}
    """
    ids = list(dict.fromkeys(identifiers))
    stems = {
        identifier: identifier if _is_safe(identifier) else _hashed(identifier, 8)
        for identifier in ids
    }
    for digits in (8, 16, 64):
        by_folded: dict[str, list[str]] = {}
        for identifier, stem in stems.items():
            by_folded.setdefault(stem.casefold(), []).append(identifier)
        clashes = [group for group in by_folded.values() if len(group) > 1]
        if not clashes:
            return stems
        for group in clashes:
            for identifier in group:
                stems[identifier] = _hashed(identifier, digits)
    raise AssertionError("SHA-256 prefixes of 64 digits collided")  # pragma: no cover


def confined(root: str | os.PathLike[str], path: str | os.PathLike[str]) -> Path:
    """``path`` if it lies inside ``root`` once both are resolved (symbolic links followed).

    Parameters
    ----------
    root : str or os.PathLike
        The output folder.
    path : str or os.PathLike
        A file to be written there.

    Returns
    -------
    pathlib.Path
        ``path``, unchanged (not resolved).

    Raises
    ------
    OutsideOutputError
        When ``path`` resolves to a place outside ``root``.

    Examples
    --------
    >>> confined("out", "out/geburt/default-blueprint.svg").name
    'default-blueprint.svg'
    >>> confined("out", "out/../elsewhere.svg")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lifeevents.errors.OutsideOutputError: out/../elsewhere.svg is outside the ...
    """
    resolved_root = Path(root).resolve()
    resolved = Path(path).resolve()
    if resolved != resolved_root and not resolved.is_relative_to(resolved_root):
        raise OutsideOutputError(f"{path} is outside the output folder {root}")
    return Path(path)
