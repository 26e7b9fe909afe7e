"""Write a study's data frame as CSV, Parquet or an Excel workbook: atomically, and the
same bytes for the same frame (no clock in the file).

The suffix of the file name chooses the format (:data:`FRAME_SUFFIXES`). Parquet
needs pyarrow and ``.xlsx`` openpyxl (both in ``lifeevents[studies]``);
:func:`frame_format` says so before any work is done.

>>> import pandas as pd
>>> frame_bytes(pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}), ".csv")
b'a,b\\n1,x\\n2,y\\n'
>>> frame_bytes(pd.DataFrame({"a": [1]}), ".xlsx") == frame_bytes(pd.DataFrame({"a": [1]}), ".xlsx")
True
"""

from __future__ import annotations

import datetime
import importlib.util
import io
import os
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from lifeevents.errors import UnsupportedFormatError
from lifeevents.formats.atomic import write_atomic

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FRAME_SUFFIXES", "frame_bytes", "frame_format", "write_frame"]

#: File suffixes a frame can be written as, and the package each needs.
FRAME_SUFFIXES = {".csv": None, ".parquet": "pyarrow", ".xlsx": "openpyxl"}

# The earliest time a ZIP entry can carry; workbooks get it instead of the clock.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
# The time a workbook says it was created and modified (openpyxl stamps the clock on
# "modified" when it saves; :func:`_without_clock` puts this one back).
_FIXED_TIME = datetime.datetime(2000, 1, 1)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def frame_format(path: str | os.PathLike[str]) -> str:
    """The suffix of ``path`` if a frame can be written so here.

    Called before a study runs, so that a wrong name or a missing package is told
    before any work is done.

    Parameters
    ----------
    path : str or os.PathLike
        The output file; its suffix names the format (:data:`FRAME_SUFFIXES`).

    Returns
    -------
    str
        The suffix in lower case, e.g. ``".csv"``.

    Raises
    ------
    lifeevents.errors.UnsupportedFormatError
        For another suffix, or when the package the format needs is not installed.

    Examples
    --------
    >>> frame_format("studie.CSV")
    '.csv'
    >>> frame_format("studie.json")
    Traceback (most recent call last):
    ...
    lifeevents.errors.UnsupportedFormatError: cannot write '.json': name the output *.csv, \
*.parquet, *.xlsx
    """
    suffix = Path(path).suffix.lower()
    if suffix not in FRAME_SUFFIXES:
        raise UnsupportedFormatError(
            f"cannot write '{suffix or Path(path).name}': name the output "
            + ", ".join(f"*{known}" for known in FRAME_SUFFIXES)
        )
    for package in ("pandas", FRAME_SUFFIXES[suffix]):
        if package is not None and importlib.util.find_spec(package) is None:
            raise UnsupportedFormatError(
                f"writing {suffix} needs {package}: pip install 'lifeevents[studies]'"
            )
    return suffix


def frame_bytes(frame: pd.DataFrame, suffix: str, sheet: str = "study") -> bytes:
    """``frame`` in the format of ``suffix`` (without its index), the same bytes each time.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table.
    suffix : {".csv", ".parquet", ".xlsx"}
        The format (see :func:`frame_format`). CSV is UTF-8 with Unix line ends.
    sheet : str
        The name of the worksheet of ``.xlsx``.

    Returns
    -------
    bytes
        The file's content.

    Raises
    ------
    lifeevents.errors.UnsupportedFormatError
        For another suffix.

    Examples
    --------
    >>> import io
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"persona": ["default", "mit-auto"], "visits": [2, 3]})
    >>> print(frame_bytes(frame, ".csv").decode("utf-8"), end="")
    persona,visits
    default,2
    mit-auto,3
    >>> workbook = frame_bytes(frame, ".xlsx", sheet="umzug")
    >>> pd.read_excel(io.BytesIO(workbook), sheet_name="umzug").equals(frame)
    True
    """
    if suffix == ".csv":
        text: str = frame.to_csv(index=False, lineterminator="\n")
        return text.encode("utf-8")
    buffer = io.BytesIO()
    if suffix == ".parquet":
        frame.to_parquet(buffer, index=False)
        return buffer.getvalue()
    if suffix == ".xlsx":
        return _workbook(frame, sheet)
    raise UnsupportedFormatError(f"cannot write a frame as '{suffix}'")


def write_frame(frame: pd.DataFrame, path: str | os.PathLike[str], sheet: str = "study") -> None:
    """Write ``frame`` to ``path`` atomically, in the format its suffix names.

    An error never leaves a half-written file (:func:`~lifeevents.formats.atomic.write_atomic`).

    Parameters
    ----------
    frame : pandas.DataFrame
        The table.
    path : str or os.PathLike
        The file: ``.csv``, ``.parquet`` or ``.xlsx``.
    sheet : str
        The name of the worksheet of ``.xlsx``.

    Raises
    ------
    lifeevents.errors.UnsupportedFormatError
        As :func:`frame_format`, before anything is written.
    OSError
        When the file cannot be written.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"persona": ["default", "mit-auto"], "visits": [2, 3]})
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_frame(frame, Path(folder) / "studie.parquet")
    ...     pd.read_parquet(Path(folder) / "studie.parquet").equals(frame)
    True
    """
    write_atomic(path, frame_bytes(frame, frame_format(path), sheet))


def _workbook(frame: pd.DataFrame, sheet: str) -> bytes:
    import pandas as pd

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False, sheet_name=sheet)
        properties = writer.book.properties
        properties.created = _FIXED_TIME
        properties.creator = "lifeevents"
        writer.sheets[sheet].freeze_panes = "A2"
    return _without_clock(buffer.getvalue())


def _without_clock(data: bytes) -> bytes:
    """The same ZIP archive with every entry dated :data:`_ZIP_EPOCH` and the workbook's
    modification time :data:`_FIXED_TIME`."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=_ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":
                stamp = _FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                content = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", content)
            target.writestr(info, content)
    return out.getvalue()
