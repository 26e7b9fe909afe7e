"""Notice edits: poll the folder's YAML files and count each change as a new version.

Polling the stamps of :func:`~lifeevents.server.paths.scan` every 0.3 seconds
needs no dependency and works the same on every system and file system (network
shares and editors that save by renaming included); a folder of journey files is
small, and a scan costs about 0.02 ms per file. Pages wait for the
next version with :meth:`Watcher.wait` (the server streams it to them as
Server-Sent Events).

>>> import tempfile
>>> from pathlib import Path
>>> with tempfile.TemporaryDirectory() as folder:
...     root = Path(folder).resolve()
...     watcher = Watcher(root)
...     first = watcher.version
...     _ = (root / "neu.yaml").write_text("x")
...     watcher.poll(), watcher.version != first, sorted(watcher.snapshot.files)
(True, True, ['neu.yaml'])
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from pathlib import Path

from lifeevents.server.paths import Snapshot, scan

__all__ = ["POLL_SECONDS", "Watcher"]

#: How often the folder is scanned.
POLL_SECONDS = 0.3


class Watcher:
    """The folder's files and a version that changes whenever one of them does.

    The version is a string unique to this server run (a random prefix, then a
    counter), so a page made by an earlier run always sees a new version.

    Parameters
    ----------
    root : Path
        The folder, already resolved.
    interval : float
        Seconds between scans in the background thread (:meth:`start`).
    scanner : callable
        Lists the folder's files (default: :func:`~lifeevents.server.paths.scan`).

    Examples
    --------
    Without the background thread, :meth:`poll` scans once; a page waiting
    with the current version gets ``None`` when nothing changes in time:

    >>> import tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     watcher = Watcher(Path(folder).resolve())
    ...     seen = watcher.version
    ...     print(watcher.poll(), watcher.wait(seen, timeout=0))
    ...     _ = (Path(folder) / "umzug.yaml").write_text("x")
    ...     print(watcher.poll(), watcher.wait(seen, timeout=0) == watcher.version)
    False None
    True True
    """

    def __init__(
        self,
        root: Path,
        *,
        interval: float = POLL_SECONDS,
        scanner: Callable[[Path], Snapshot] = scan,
    ) -> None:
        self._root = root
        self._interval = interval
        self._scanner = scanner
        self._run_id = secrets.token_hex(4)
        self._count = 0
        self._snapshot = scanner(root)
        self._changed = threading.Condition()
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def snapshot(self) -> Snapshot:
        """The files as last scanned."""
        with self._changed:
            return self._snapshot

    @property
    def version(self) -> str:
        """Changes with every change of the files."""
        with self._changed:
            return f"{self._run_id}-{self._count}"

    def state(self) -> tuple[str, Snapshot]:
        """The version and the files of that version, together."""
        with self._changed:
            return self.version, self._snapshot

    def poll(self) -> bool:
        """Scan once; whether anything changed since the last scan."""
        snapshot = self._scanner(self._root)
        with self._changed:
            if snapshot == self._snapshot:
                return False
            self._snapshot = snapshot
            self._count += 1
            self._changed.notify_all()
            return True

    def wait(self, since: str, timeout: float) -> str | None:
        """The version, once it differs from ``since``; ``None`` after ``timeout`` seconds
        without a change, or when the watcher stops."""
        with self._changed:
            self._changed.wait_for(lambda: self._stopped.is_set() or self.version != since, timeout)
            if self._stopped.is_set():
                return None
            current = self.version
            return current if current != since else None

    @property
    def stopped(self) -> bool:
        return self._stopped.is_set()

    def start(self) -> None:
        """Poll in a background thread until :meth:`stop`."""
        self._thread = threading.Thread(target=self._run, name="lifeevents-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop polling and release every :meth:`wait`."""
        self._stopped.set()
        with self._changed:
            self._changed.notify_all()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        while not self._stopped.wait(self._interval):
            self.poll()
