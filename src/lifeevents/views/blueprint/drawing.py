"""What one blueprint render knows: the report, its words and names, the look, the highlights.

:func:`~lifeevents.views.blueprint.api.blueprint_source` builds one
:class:`Drawing` and hands it to the writer, the frame and the key.

Examples
--------
>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> from lifeevents.views.options import RenderOptions
>>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
>>> drawing = Drawing.of(report, RenderOptions(), Wording.of(report), sfdp=False)
>>> [level.value for level in drawing.lanes], drawing.visit_number
(['kreis', 'gemeinde', 'privat'], {'anmelden': 1, 'gebuehr': 1, 'kfz': 2})
>>> drawing.once_only, sorted(drawing.handovers)
({'kfz': ['meldung']}, [('anmelden', 'kfz')])
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from lifeevents.analysis.handovers import AuthorityHandover, MediaBreak
from lifeevents.analysis.report import Report
from lifeevents.model.vocabulary import Level
from lifeevents.views.blueprint.look import COMPACT, FULL, Look
from lifeevents.views.columns import step_days
from lifeevents.views.element_ids import ElementIds
from lifeevents.views.options import Highlight, RenderOptions
from lifeevents.views.style import LANE_ORDER
from lifeevents.views.wording import Wording

__all__ = ["Drawing"]


@dataclass(frozen=True)
class Drawing:
    """One blueprint render: the report, its options, words and names, look and highlights.

    Parameters
    ----------
    report : Report
        The analysed journey.
    options : RenderOptions
        How to draw it.
    wording : Wording
        The words and names, built once for this render.
    ids : ElementIds
        The element ids of steps and edges.
    sfdp : bool
        Whether the graph is for ``sfdp`` (no lanes, no columns).
    look : Look
        The full or the compact sizes.
    lanes : tuple[Level, ...]
        The levels that have steps, in lane order.
    day : dict[str, int]
        The schedule day of every step.
    day_text : dict[str, tuple[str, ...]]
        The day of every step as every view says it, and its note if any
        (:func:`~lifeevents.views.columns.step_days`); worked out once, as the
        size estimates of :mod:`~lifeevents.views.blueprint.fit` read it again and again.
    visit_number : dict[str, int]
        The trip of the minimum visit plan of each step made in one (when highlighted).
    once_only : dict[str, list[str]]
        Evidence each step asks for again (when highlighted).
    at_risk : frozenset[str]
        Steps whose deadline is at risk (when highlighted).
    handovers : dict[tuple[str, str], AuthorityHandover]
        Authority handovers by edge (when highlighted).
    media_breaks : dict[tuple[str, str], MediaBreak]
        Media breaks by edge (when highlighted).

    Examples
    --------
    Made by :meth:`of`; a highlight left out leaves its part empty:

    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.views.options import Highlight, RenderOptions
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> options = RenderOptions(highlight=frozenset({Highlight.ONCE_ONLY}))
    >>> drawing = Drawing.of(report, options, Wording.of(report), sfdp=False)
    >>> drawing.once_only, drawing.visit_number, drawing.handovers
    ({'kfz': ['meldung']}, {}, {})
    >>> drawing.look.compact, drawing.day
    (False, {'anmelden': 0, 'gebuehr': 0, 'kfz': 0, 'rundfunk': 0})
    """

    report: Report
    options: RenderOptions
    wording: Wording
    ids: ElementIds
    sfdp: bool
    look: Look
    lanes: tuple[Level, ...]
    day: dict[str, int]
    day_text: dict[str, tuple[str, ...]]
    visit_number: dict[str, int]
    once_only: dict[str, list[str]]
    at_risk: frozenset[str]
    handovers: dict[tuple[str, str], AuthorityHandover]
    media_breaks: dict[tuple[str, str], MediaBreak]

    @classmethod
    def of(cls, report: Report, options: RenderOptions, wording: Wording, *, sfdp: bool) -> Drawing:
        """Everything the writer needs, from the report and the options.

        Parameters
        ----------
        report : Report
            The analysed journey.
        options : RenderOptions
            How to draw it: the highlights and the compact style are read here.
        wording : Wording
            The words and names of the render.
        sfdp : bool
            Whether the graph is for ``sfdp`` (always compact).

        Returns
        -------
        Drawing
            The render's context.

        Examples
        --------
        >>> from lifeevents import analyze, journey, loads
        >>> from lifeevents.library.demo import DEMO_YAML
        >>> report = analyze(journey(loads(DEMO_YAML)))
        >>> options = RenderOptions(highlight=frozenset())
        >>> drawing = Drawing.of(report, options, Wording.of(report), sfdp=True)
        >>> drawing.look.compact, drawing.visit_number, drawing.handovers
        (True, {}, {})
        """
        graph: nx.DiGraph[str] = report.journey.graph
        highlight = options.highlight
        levels = {data["level"] for _, data in graph.nodes(data=True)}
        visit_number: dict[str, int] = {}
        if Highlight.VISITS in highlight:
            for number, visit in enumerate(report.visits.plan, start=1):
                visit_number.update(dict.fromkeys(visit.steps, number))
        once_only: dict[str, list[str]] = {}
        if Highlight.ONCE_ONLY in highlight:
            for violation in report.once_only_violations:
                once_only.setdefault(violation.step, []).append(violation.evidence)
        return cls(
            report=report,
            options=options,
            wording=wording,
            ids=ElementIds(graph),
            sfdp=sfdp,
            look=COMPACT if sfdp or options.is_compact(report.steps) else FULL,
            lanes=tuple(level for level in LANE_ORDER if level in levels),
            day={entry.step: entry.day for entry in report.schedule.steps},
            day_text=step_days(report, wording),
            visit_number=visit_number,
            once_only=once_only,
            at_risk=(
                frozenset(report.schedule.deadlines_at_risk)
                if Highlight.DEADLINES in highlight
                else frozenset()
            ),
            handovers=(
                {(item.source, item.target): item for item in report.authority_handovers}
                if Highlight.AUTHORITY_HANDOVERS in highlight
                else {}
            ),
            media_breaks=(
                {(item.source, item.target): item for item in report.media_breaks}
                if Highlight.MEDIA_BREAKS in highlight
                else {}
            ),
        )

    @property
    def graph(self) -> nx.DiGraph[str]:
        """The journey graph."""
        return self.report.journey.graph
