"""Write files atomically, so an error never leaves a half-written output.

The file is written under a hidden temporary name in the target's folder and
then renamed over the target, which readers see as one step. It gets the
permissions any other tool would give a new file: ``0o666`` less the umask
(``-rw-r--r--`` under the usual umask 022), not the private ``0o600`` of
:func:`tempfile.mkstemp`.

>>> import os, stat, tempfile
>>> folder = tempfile.mkdtemp()
>>> old = os.umask(0o022)
>>> write_atomic(os.path.join(folder, "map.svg"), "<svg/>")
>>> _ = os.umask(old)
>>> stat.filemode(os.stat(os.path.join(folder, "map.svg")).st_mode)
'-rw-r--r--'
>>> os.listdir(folder)
['map.svg']
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

__all__ = ["write_atomic"]

# Readable and writable by everyone, less the umask: what open(..., "w") creates.
_NEW_FILE_MODE = 0o666


def write_atomic(path: str | os.PathLike[str], content: str | bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file in the same folder.

    Text is written as UTF-8 with ``\\n`` line ends on every platform, so outputs
    diff cleanly in git. If writing fails, the target is left as it was and the
    temporary file is removed.

    Parameters
    ----------
    path : str or os.PathLike
        The file to write; its folder must exist.
    content : str or bytes
        Text (written as UTF-8) or bytes.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     target = pathlib.Path(folder) / "umzug.mmd"
    ...     write_atomic(target, "flowchart LR\\n")
    ...     write_atomic(target, "flowchart TB\\n")  # replaces it in one step
    ...     target.read_bytes(), sorted(path.name for path in target.parent.iterdir())
    (b'flowchart TB\\n', ['umzug.mmd'])
    """
    target = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    temporary, handle = _create_temporary(target)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _create_temporary(target: Path) -> tuple[Path, int]:
    """A new, empty hidden file beside ``target``, opened for writing (never an old one)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
        try:
            return temporary, os.open(temporary, flags, _NEW_FILE_MODE)
        except FileExistsError:
            continue  # another writer took this name: draw again
