"""Which files the server may read: YAML files inside its folder, nothing else.

Every path that comes from a request goes through :func:`confined`, which refuses
anything that could lead outside the folder: ``..`` and ``.`` segments, absolute
paths, empty segments, backslashes, NUL bytes, hidden names, and, after every
symbolic link is resolved, any file whose real place is not inside the folder.
Percent-encoding is decoded once, by the HTTP layer, before the path gets here;
what remains (``%2e%2e`` from a doubly encoded ``..``) is a literal name.

:func:`scan` lists the YAML files of the folder, with a stamp per file that
changes whenever the file does; it lists exactly the files :func:`confined`
lets through.

>>> from pathlib import Path
>>> confined(Path("/srv/journeys"), "../etc/passwd") is None
True
>>> confined(Path("/srv/journeys"), "/etc/passwd") is None
True
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "MAX_ENTRIES",
    "MAX_FILES",
    "YAML_SUFFIXES",
    "Snapshot",
    "Stamp",
    "confined",
    "scan",
    "yaml_file",
]

#: The files the server lists, watches and reads.
YAML_SUFFIXES = (".yaml", ".yml")
#: At most this many YAML files are listed and watched.
MAX_FILES = 500
#: A scan stops after this many directory entries (a folder such as a home directory).
MAX_ENTRIES = 20_000
# Folders never descended into, beside the hidden ones (".git", ".venv", ...).
_SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__"})

#: What changes when a file changes: modification time (ns), size, inode.
Stamp = tuple[int, int, int]


def _usable_name(name: str) -> bool:
    """A name a URL and a page can carry, and that is not hidden."""
    if not name or name.startswith(".") or "\\" in name or "\x00" in name:
        return False
    try:
        name.encode("utf-8")  # an undecodable file name holds surrogates
    except UnicodeEncodeError:
        return False
    return True


def confined(root: Path, relative: str) -> Path | None:
    """The existing file or folder ``relative`` names inside ``root``, resolved; else ``None``.

    Parameters
    ----------
    root : Path
        The folder, already resolved (``Path.resolve()``).
    relative : str
        A path relative to ``root`` with ``/`` between its parts, percent-decoded.

    Returns
    -------
    Path or None
        The real path, inside ``root``; ``None`` for a path that is refused or
        does not exist.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     root = Path(folder).resolve()
    ...     _ = (root / "a.yaml").write_text("x")
    ...     confined(root, "a.yaml") == root / "a.yaml", confined(root, "./a.yaml")
    (True, None)
    """
    parts = relative.split("/")
    if any(part in ("", ".", "..") or not _usable_name(part) for part in parts):
        return None
    try:
        real = root.joinpath(*parts).resolve(strict=True)
    except (OSError, RuntimeError):  # missing, a symlink loop, a name too long
        return None
    return real if real.is_relative_to(root) else None


def yaml_file(root: Path, relative: str) -> Path | None:
    """A regular YAML file inside ``root`` (see :func:`confined`), else ``None``.

    Parameters
    ----------
    root : Path
        The folder, already resolved.
    relative : str
        A path relative to ``root`` with ``/`` between its parts, percent-decoded.

    Returns
    -------
    Path or None
        The real path of a regular file ending in ``.yaml`` or ``.yml``; ``None``
        for anything else (another suffix, a folder, a refused or missing path).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     root = Path(folder).resolve()
    ...     (root / "sub.yaml").mkdir()
    ...     for name in ("a.yaml", "a.txt"):
    ...         _ = (root / name).write_text("x")
    ...     [yaml_file(root, name) is not None for name in ("a.yaml", "a.txt", "sub.yaml")]
    [True, False, False]
    """
    real = confined(root, relative) if relative.endswith(YAML_SUFFIXES) else None
    if real is None:
        return None
    try:
        return real if stat.S_ISREG(real.stat().st_mode) else None
    except OSError:
        return None


@dataclass(frozen=True)
class Snapshot:
    """The YAML files of a folder at one moment: relative path (with ``/``) to stamp.

    Made by :func:`scan`; two snapshots are equal when no file changed between them.

    Attributes
    ----------
    files : mapping of str to Stamp
        Each YAML file's path inside the folder, sorted, to its :data:`Stamp`.
    complete : bool
        False when the caps (:data:`MAX_FILES`, :data:`MAX_ENTRIES`) cut the scan short.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     root = Path(folder).resolve()
    ...     _ = (root / "a.yaml").write_text("x")
    ...     before = scan(root)
    ...     _ = (root / "a.yaml").write_text("xy")
    ...     list(before.files), before.complete, scan(root) == before
    (['a.yaml'], True, False)
    """

    files: Mapping[str, Stamp]
    #: False when the caps (:data:`MAX_FILES`, :data:`MAX_ENTRIES`) cut the scan short.
    complete: bool = True


def _stamp(status: os.stat_result) -> Stamp | None:
    if not stat.S_ISREG(status.st_mode):
        return None
    return (status.st_mtime_ns, status.st_size, status.st_ino)


def _file_stamp(entry: os.DirEntry[str], root: Path, relative: str) -> Stamp | None:
    """The stamp of a YAML file found in the folder; a link only if it leads inside."""
    try:
        if not entry.is_symlink():
            return _stamp(entry.stat(follow_symlinks=False))
        real = confined(root, relative)
        return _stamp(real.stat()) if real is not None else None
    except OSError:  # gone since it was listed
        return None


def scan(root: Path) -> Snapshot:
    """The YAML files inside ``root`` (resolved) and its subfolders, sorted.

    Hidden files and folders, ``node_modules`` and ``__pycache__`` are left out,
    symbolic links to folders are not followed, and a symbolic link to a file is
    listed only when the file it leads to is inside ``root``.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     root = Path(folder).resolve()
    ...     (root / "sub").mkdir()
    ...     for name in ("b.yaml", "sub/a.yml", ".hidden.yaml", "notes.txt"):
    ...         _ = (root / name).write_text("x")
    ...     sorted(scan(root).files)
    ['b.yaml', 'sub/a.yml']
    """
    files: dict[str, Stamp] = {}
    entries = 0
    folders: list[tuple[str, ...]] = [()]
    while folders:
        inside = folders.pop()
        try:
            with os.scandir(root.joinpath(*inside)) as listing:
                found = sorted(listing, key=lambda entry: entry.name)
        except OSError:  # gone, or not readable
            continue
        entries += len(found)
        if entries > MAX_ENTRIES:
            return Snapshot(dict(sorted(files.items())), complete=False)
        subfolders = []
        for entry in found:
            if not _usable_name(entry.name):
                continue
            if entry.name.endswith(YAML_SUFFIXES):
                relative = "/".join((*inside, entry.name))
                stamp = _file_stamp(entry, root, relative)
                if stamp is not None:
                    if len(files) == MAX_FILES:
                        return Snapshot(dict(sorted(files.items())), complete=False)
                    files[relative] = stamp
            elif entry.name not in _SKIPPED_FOLDERS and entry.is_dir(follow_symlinks=False):
                subfolders.append((*inside, entry.name))
        folders.extend(reversed(subfolders))  # depth first, in name order
    return Snapshot(dict(sorted(files.items())))
