"""A progress bar on standard error for long studies (rich), only where someone watches.

:func:`progress_bar` yields a :data:`~lifeevents.studies.backends.Progress`
callback. On a terminal it draws a bar with the count, the rate and the time
left; elsewhere (a pipe, a log file, CI) it yields ``None`` and prints nothing,
so logs hold no control sequences.

>>> import io
>>> with progress_bar(io.StringIO(), "sweep") as tell:
...     tell is None
True
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from lifeevents.studies.backends import Progress

__all__ = ["progress_bar"]


@contextmanager
def progress_bar(
    stream: TextIO | None = None, description: str = "", *, force: bool = False
) -> Iterator[Progress | None]:
    """A bar on ``stream`` (default: standard error) while the block runs.

    The bar is removed when the block ends (rich's transient progress).

    Parameters
    ----------
    stream : file-like, optional
        Where to draw (default: standard error).
    description : str
        The text before the bar.
    force : bool
        Draw even when ``stream`` is not a terminal.

    Yields
    ------
    Progress or None
        A callable told ``(done, total)``, for
        :func:`~lifeevents.studies.backends.run_study`; ``None`` unless ``stream``
        is a terminal or ``force`` is true.

    Examples
    --------
    >>> import io
    >>> with progress_bar(io.StringIO(), "sweep") as tell:
    ...     print(tell)
    None
    >>> drawn = io.StringIO()
    >>> with progress_bar(drawn, "sweep", force=True) as tell:
    ...     tell(1, 2)
    >>> "sweep" in drawn.getvalue() and "1/2" in drawn.getvalue()
    True
    """
    stream = sys.stderr if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    if not force and not (isatty is not None and isatty()):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
    from rich.progress import Progress as Bar

    console = Console(file=stream, force_terminal=force or None)
    with Bar(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task(description, total=None)

        def tell(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield tell
