"""The report over all cases: JSON, CSV, text, and data frames.

``summary`` holds: ``cases``, ``events``, ``conforming`` and
``conforming_share``; ``extra_visits`` (``distribution``: extra visits -> cases,
and ``mean``); ``skipped``, ``deadline_missed`` (step, cases) and
``unknown_activities`` (activity, cases), most frequent first;
``deviations``, the most common deviations of any kind; ``edges``, per dependency
edge the cases where both steps happened, the median observed gap in days next to
the modelled ``lead_time_days``, and how often it was out of order; and
``channels``, per step the events by channel actually used.

>>> from lifeevents import journey, load
>>> from lifeevents.observed.synthetic import Deviations, simulate
>>> from lifeevents.observed.conformance import conform
>>> from lifeevents.observed.log import build_log, LogColumns
>>> import pyarrow as pa
>>> life_event = load("geburt")
>>> played = simulate(journey(life_event, "verheiratet-digital", municipality="rheine"), 5, seed=2)
>>> log = build_log("sim.csv", LogColumns(),
...     {key: pa.array([row[i] for row in played.rows])
...      for i, key in enumerate(["case", "activity", "timestamp"])}, lambda i, k: (i + 2, 1))
>>> report = ObservedReport(conform(log, life_event, persona="verheiratet-digital"))
>>> report.summary()["conforming_share"]
1.0
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lifeevents.observed.conformance import Conformance
from lifeevents.observed.log import CHANNELS
from lifeevents.text.labels import Language, words

if TYPE_CHECKING:
    import pandas as pd

    from lifeevents.model.life_event import LifeEvent

__all__ = ["CSV_COLUMNS", "ObservedReport"]

#: Columns of the per-case CSV; lists are joined by ``;`` and edges written ``u>v``.
CSV_COLUMNS = (
    "case",
    "persona",
    "municipality",
    "events",
    "visits_made",
    "visits_minimum",
    "extra_visits",
    "skipped",
    "unknown_activities",
    "out_of_order",
    "deadline_missed",
    "conforming",
)


@dataclass(frozen=True)
class ObservedReport:
    """Designed vs observed for one journey and one log.

    The outputs of ``lifeevents conform``: :meth:`to_dict` (JSON), :meth:`to_csv`
    (one line per case), :meth:`to_text`, and data frames (:meth:`frame`,
    :meth:`edge_frame`).

    Parameters
    ----------
    conformance : Conformance
        The checks of every case, from :func:`~lifeevents.observed.conformance.conform`.
    top : int, optional
        How many of the most common deviations the summary lists.

    Examples
    --------
    Twenty cases of the demo journey with a car, some skipping a step or going
    somewhere twice:

    >>> import tempfile
    >>> from pathlib import Path
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.observed import Deviations, conform, read_log, simulate
    >>> life_event = loads(DEMO_YAML)
    >>> played = simulate(journey(life_event, "mit-auto"), 20, seed=1,
    ...                   deviations=Deviations(skip=0.5, extra_trip=0.3))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder, "umzug.csv")
    ...     _ = path.write_text(played.to_csv(), encoding="utf-8")
    ...     result = conform(read_log(path), life_event)
    >>> report = ObservedReport(result, top=3)
    >>> summary = report.summary()
    >>> summary["conforming_share"], summary["extra_visits"]
    (0.5, {'distribution': {'-1': 1, '0': 13, '1': 6}, 'mean': 0.25})
    >>> for line in report.to_text().splitlines()[1:6]:
    ...     print(line)
      konform: 10 (50,0 %)
      zusätzliche Besuche (gemacht - Minimum): -1: 1, 0: 13, 1: 6
      häufigste Abweichungen:
               6  zusätzliche Besuche: mehr Besuche als das Minimum
               2  ausgelassen: gebuehr
    >>> print(report.to_text("en").splitlines()[1])
      conforming: 10 (50.0 %)
    >>> print(*report.to_csv().splitlines()[1:3], sep="\\n")
    1,mit-auto,,4,3,2,1,rundfunk,,,,false
    2,mit-auto,,3,1,2,-1,kfz,,,,false
    >>> print(report.edge_frame()[["from", "to", "cases", "median_gap_days"]])
           from        to  cases  median_gap_days
    0  anmelden   gebuehr     18              0.0
    1  anmelden       kfz     18              0.0
    2  anmelden  rundfunk     19              0.0
    """

    conformance: Conformance
    top: int = 10

    def summary(self) -> dict[str, Any]:
        """The aggregates over all cases (see the module documentation)."""
        import numpy as np

        result = self.conformance
        steps, edges = result.steps, result.edges
        cases = result.log.cases
        conforming = int(result.conforming.sum())
        extra = result.extra_visits
        values, counts = np.unique(extra, return_counts=True)
        skipped = result.skipped.sum(axis=0).tolist()
        late = result.deadline_missed.sum(axis=0).tolist()
        disorder = result.out_of_order.sum(axis=0).tolist()
        unknown = Counter(result.log.activities[i] for i in result.unknown_activity.tolist())
        deviations = [
            *({"kind": "skipped", "item": steps[i], "cases": n} for i, n in enumerate(skipped)),
            *(
                {"kind": "out_of_order", "item": f"{u} -> {v}", "cases": n}
                for (u, v), n in zip(edges, disorder, strict=True)
            ),
            *({"kind": "deadline_missed", "item": steps[i], "cases": n}
              for i, n in enumerate(late)),
            *({"kind": "unknown_activity", "item": a, "cases": n} for a, n in unknown.items()),
            {"kind": "extra_visits", "item": "more visits than the minimum",
             "cases": int((extra > 0).sum())},
        ]  # fmt: skip
        return {
            "cases": cases,
            "events": result.log.events,
            "conforming": conforming,
            "conforming_share": round(conforming / cases, 6) if cases else 0.0,
            "extra_visits": {
                "distribution": {str(v): int(n) for v, n in zip(values, counts, strict=True)},
                "mean": round(float(extra.mean()), 6) if cases else 0.0,
            },
            "skipped": _ranked("step", zip(steps, skipped, strict=True)),
            "deadline_missed": _ranked("step", zip(steps, late, strict=True)),
            "unknown_activities": _ranked("activity", unknown.items()),
            "deviations": sorted(
                (item for item in deviations if item["cases"]),
                key=lambda item: (-item["cases"], item["kind"], item["item"]),
            )[: self.top],
            "edges": self._edges(),
            "channels": {
                steps[i]: {CHANNELS[k].value: int(n) for k, n in enumerate(row) if n}
                for i, row in enumerate(result.step_channels.tolist())
                if any(row)
            },
        }

    def _edges(self) -> list[dict[str, Any]]:
        import numpy as np

        result = self.conformance
        items = []
        for j, (u, v) in enumerate(result.edges):
            seen = result.edge_observed[:, j]
            gaps = result.gap_days[seen, j]
            items.append(
                {
                    "from": u,
                    "to": v,
                    "lead_time_days": int(result.lead_time_days[j]),
                    "cases": int(seen.sum()),
                    "median_gap_days": float(np.median(gaps)) if len(gaps) else None,
                    "out_of_order": int(result.out_of_order[:, j].sum()),
                }
            )
        return items

    def to_dict(self) -> dict[str, Any]:
        """The JSON output: ``life_event, cases, events, per_case, summary``."""
        result = self.conformance
        return {
            "life_event": result.life_event_id,
            "log": result.log.source,
            "cases": result.log.cases,
            "events": result.log.events,
            "per_case": list(result.per_case()),
            "summary": self.summary(),
        }

    def to_csv(self) -> str:
        """One line per case (:data:`CSV_COLUMNS`)."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for case in self.conformance.per_case():
            case["out_of_order"] = [f"{item['from']}>{item['to']}" for item in case["out_of_order"]]
            writer.writerow(
                [
                    ";".join(value)
                    if isinstance(value, list)
                    else str(value).lower()
                    if isinstance(value, bool)
                    else ""
                    if value is None
                    else value
                    for value in (case[column] for column in CSV_COLUMNS)
                ]
            )
        return buffer.getvalue()

    def to_text(self, lang: Language = "de", life_event: LifeEvent | None = None) -> str:
        """A short text report for people.

        Parameters
        ----------
        lang : {"de", "en"}, optional
            The language of the words and of the numbers (``1.234`` and ``50,0 %``,
            or ``1,234`` and ``50.0 %``).
        life_event : LifeEvent, optional
            The life event checked: the report then names it and its steps (in
            English where the file gives English names) instead of showing ids.

        Returns
        -------
        str
            The counts, the share of conforming cases, the extra visits, the most
            common deviations and the gaps per dependency, one per line.
        """
        summary = self.summary()
        result = self.conformance
        text = words(lang)

        def number(value: float, spec: str) -> str:
            shown = format(value, spec)
            return shown.translate(_GERMAN_NUMBERS) if lang == "de" else shown

        step_names = _step_names(life_event, lang)

        def named(item: str) -> str:
            return " -> ".join(step_names.get(part, part) for part in item.split(" -> "))

        event_name = result.life_event_id
        if life_event is not None:
            info = life_event.life_event
            event_name = info.name_en if lang == "en" and info.name_en else info.name
        header = text["observed.header"].format(
            life_event=event_name,
            cases=number(summary["cases"], ","),
            events=number(summary["events"], ","),
            log=result.log.source,
        )
        lines = [
            header,
            f"  {text['observed.conforming']}: {number(summary['conforming'], ',')} "
            f"({number(100 * summary['conforming_share'], '.1f')} %)",
            f"  {text['observed.extra_visits']}: "
            + ", ".join(
                f"{k}: {number(v, ',')}" for k, v in summary["extra_visits"]["distribution"].items()
            ),
        ]
        if summary["deviations"]:
            lines.append(f"  {text['observed.deviations']}:")
            for item in summary["deviations"]:
                kind = item["kind"]
                # The JSON's item of extra visits is a sentence: shown in the reader's language.
                what = text["observed.more_visits"] if kind == "extra_visits" else item["item"]
                if kind in ("skipped", "out_of_order", "deadline_missed"):
                    what = named(what)
                lines.append(
                    f"    {number(item['cases'], '>8,')}  {text['observed.kind.' + kind]}: {what}"
                )
        lines.append(f"  {text['observed.gaps']}:")
        for edge in summary["edges"]:
            median = edge["median_gap_days"]
            shown = "-" if median is None else number(median, "g")
            cases = text["observed.cases"].format(cases=number(edge["cases"], ","))
            lines.append(
                f"    {named(edge['from'])} -> {named(edge['to'])}: "
                f"{shown} / {edge['lead_time_days']} ({cases})"
            )
        return "\n".join(lines) + "\n"

    def frame(self) -> pd.DataFrame:
        """One row per case, as a pandas DataFrame."""
        return self.conformance.to_frame()

    def edge_frame(self) -> pd.DataFrame:
        """One row per dependency edge, as a pandas DataFrame."""
        import pandas as pd

        return pd.DataFrame(self._edges())


# German numbers swap the English separators: 1.234,5 for 1,234.5.
_GERMAN_NUMBERS = str.maketrans(",.", ".,")


def _ranked(name: str, counts: Any) -> list[dict[str, Any]]:
    return [
        {name: item, "cases": int(n)}
        for item, n in sorted(counts, key=lambda pair: (-pair[1], pair[0]))
        if n
    ]


def _step_names(life_event: LifeEvent | None, lang: Language) -> dict[str, str]:
    """Each step's name in ``lang`` (the German one where the file gives no English one)."""
    if life_event is None:
        return {}
    return {
        step.id: step.name_en if lang == "en" and step.name_en else step.name
        for step in life_event.steps
    }
