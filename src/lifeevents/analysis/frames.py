"""One journey's analysis as data frames: the schedule, and each kind of finding.

:meth:`Report.to_frame() <lifeevents.analysis.report.Report.to_frame>` is
:func:`schedule_frame`. Every cell is a plain value (text, number, truth value);
several evidence ids in one cell are joined by spaces (ids have none), as in the
flat graph exports. A kind of finding without items is an empty frame with its
columns, so frames of several journeys concatenate.

>>> from lifeevents.analysis.report import analyze
>>> from lifeevents.graph.journey import journey
>>> from lifeevents.formats.journey_file import load
>>> report = analyze(journey(load("todesfall"), "default", municipality="saerbeck"))
>>> schedule_frame(report).columns.tolist()
['step', 'name', 'authority', 'authority_name', 'level', 'site', 'channel', 'day']
>>> frames = findings_frames(report)
>>> frames["once_only_violations"][["evidence", "step"]].values.tolist()[0]
['sterbeurkunde', 'grabstelle-erwerben']
>>> len(frames["once_only_violations"]) == report.to_record()["once_only_violations"]
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lifeevents.analysis.report import Report

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FINDING_COLUMNS", "SCHEDULE_COLUMNS", "findings_frames", "schedule_frame"]

#: The columns of :func:`schedule_frame`: each step, its resolved authority, its day.
SCHEDULE_COLUMNS = (
    "step",
    "name",
    "authority",
    "authority_name",
    "level",
    "site",
    "channel",
    "day",
)

#: The columns of each frame of :func:`findings_frames`: the keys of the finding's
#: ``to_dict`` (as in ``lifeevents analyze --format json``).
FINDING_COLUMNS: dict[str, tuple[str, ...]] = {
    "channel_handovers": ("from", "to", "from_channel", "to_channel"),
    "media_breaks": ("from", "to", "evidence"),
    "authority_handovers": (
        "from",
        "to",
        "evidence",
        "from_authority",
        "to_authority",
        "crosses_levels",
    ),
    "once_only_violations": ("evidence", "step", "issued_by"),
}


def schedule_frame(report: Report) -> pd.DataFrame:
    """The schedule: one row per applicable step, by start day, then dependency order.

    Parameters
    ----------
    report : Report
        An analysed journey.

    Returns
    -------
    pandas.DataFrame
        The columns of :data:`SCHEDULE_COLUMNS`, one row per applicable step.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> frame = schedule_frame(analyze(journey(loads(DEMO_YAML), "mit-auto")))
    >>> frame[["step", "authority_name", "channel", "day"]].values.tolist()
    [['anmelden', 'Bürgerbüro', 'in_person', 0], ['gebuehr', 'Stadtkasse', 'in_person', 0], \
['kfz', 'Straßenverkehrsamt', 'in_person', 0], ['rundfunk', 'Beitragsservice', 'online', 0]]
    """
    import pandas as pd

    rows = [{**entry.to_dict(), "name": entry.name} for entry in report.schedule.steps]
    return pd.DataFrame.from_records(
        [[row[column] for column in SCHEDULE_COLUMNS] for row in rows],
        columns=list(SCHEDULE_COLUMNS),
    )


def findings_frames(report: Report) -> dict[str, pd.DataFrame]:
    """Each kind of finding (keys of :data:`FINDING_COLUMNS`) as a frame, one row each.

    Parameters
    ----------
    report : Report
        An analysed journey.

    Returns
    -------
    dict of str to pandas.DataFrame
        One frame per kind of finding, with the columns of :data:`FINDING_COLUMNS`;
        a kind without findings is an empty frame with those columns.

    Examples
    --------
    The Meldebestätigung is carried from the Bürgerbüro to the Kreis:

    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> frames = findings_frames(analyze(journey(loads(DEMO_YAML), "mit-auto")))
    >>> frames["authority_handovers"].loc[0, ["from", "to", "evidence"]].tolist()
    ['anmelden', 'kfz', 'meldung']
    >>> frames["media_breaks"].empty, list(frames["media_breaks"].columns)
    (True, ['from', 'to', 'evidence'])
    """
    import pandas as pd

    frames = {}
    for kind, columns in FINDING_COLUMNS.items():
        items: tuple[Any, ...] = getattr(report, kind)
        rows = [[_plain(item.to_dict()[column]) for column in columns] for item in items]
        frames[kind] = pd.DataFrame.from_records(rows, columns=list(columns))
    return frames


def _plain(value: Any) -> Any:
    return " ".join(value) if isinstance(value, list) else value
