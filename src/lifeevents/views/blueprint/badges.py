"""What the badges of a blueprint's step say: visit, once-only violation, deadline at risk.

The writer draws them (:func:`~lifeevents.views.blueprint.look.badge_cell`)
and the size estimate counts their lines
(:func:`~lifeevents.views.blueprint.sizes.step_sizes`), both from
:func:`step_badges`. A badge is one short line where it can be: its glyph and
frame say what kind it is (the key explains them), the text says the rest; the
tooltip says everything in full sentences.

Examples
--------
>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> from lifeevents.views.options import RenderOptions
>>> from lifeevents.views.wording import Wording
>>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
>>> drawing = Drawing.of(report, RenderOptions(), Wording.of(report), sfdp=False)
>>> step_badges(drawing, "kfz")
[('visit', '2. von 2 im kürzesten Plan'), ('once_only', 'verlangt Meldebestätigung')]
"""

from __future__ import annotations

from lifeevents.views.blueprint.drawing import Drawing
from lifeevents.views.blueprint.look import Look

__all__ = ["badge_wrap", "step_badges"]


def badge_wrap(look: Look) -> int:
    """Characters per line of a badge: about as wide as a step's name at its larger size.

    Parameters
    ----------
    look : Look
        The full or the compact sizes.

    Returns
    -------
    int
        Characters per line.

    Examples
    --------
    >>> from lifeevents.views.blueprint.look import FULL
    >>> badge_wrap(FULL)
    28
    """
    return look.detail_wrap


def step_badges(drawing: Drawing, node: str) -> list[tuple[str, str]]:
    """The badges of one step, in drawing order: kind (a key of ``BADGES``) and text.

    Parameters
    ----------
    drawing : Drawing
        The render: its highlights, words and names, and whether it is compact.
    node : str
        The step.

    Returns
    -------
    list[tuple[str, str]]
        ``visit``, ``once_only`` and ``deadline`` badges, each where it applies.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.views.options import RenderOptions
    >>> from lifeevents.views.wording import Wording
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> options = RenderOptions(lang="en", compact=True)
    >>> drawing = Drawing.of(report, options, Wording.of(report, "en"), sfdp=False)
    >>> step_badges(drawing, "kfz"), step_badges(drawing, "rundfunk")
    ([('visit', 'visit 2/2'), ('once_only', 'once-only')], [])
    """
    wording = drawing.wording
    words = wording.words
    compact = drawing.look.compact
    badges: list[tuple[str, str]] = []
    if node in drawing.visit_number:
        number, total = drawing.visit_number[node], drawing.report.visits.minimum
        if compact:
            text = words["blueprint.visit_short"].format(number=number, total=total)
        else:
            # Its trip in the plan with the fewest trips, and what else the step offers:
            # the number is the plan's, not a claim that this visit cannot be avoided.
            text = wording.counted("blueprint.visit_needed", total, number=number, total=total)
            offered = [
                wording.names.channel(channel)
                for channel in drawing.graph.nodes[node]["channels"]
                if not channel.is_physical
            ]
            if offered:  # on a line of its own (badge_lines)
                text += "\n" + words["blueprint.visit_also"].format(channels=", ".join(offered))
        badges.append(("visit", text))
    if node in drawing.once_only:
        if compact:
            text = words["blueprint.once_only"]
        else:
            evidence = ", ".join(wording.names.evidence(item) for item in drawing.once_only[node])
            text = words["blueprint.once_only_badge"].format(evidence=evidence)
        badges.append(("once_only", text))
    if node in drawing.at_risk:
        text = f"{words['blueprint.deadline']} {drawing.graph.nodes[node]['deadline_days']}"
        if not compact:
            text += f", {words['starts_day']} {drawing.day[node]}"
        badges.append(("deadline", text))
    return badges
