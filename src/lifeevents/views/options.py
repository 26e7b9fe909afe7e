"""Typed options of every renderer (no string-keyed parameter dicts).

Examples
--------
>>> options = RenderOptions(view=View.JOURNEY, lang="en")
>>> options.direction, Highlight.VISITS in options.highlight
('LR', True)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from lifeevents.text.labels import DEFAULT_LANGUAGE, Language

__all__ = [
    "COMPACT_THRESHOLD",
    "DEFAULT_OPTIONS",
    "SFDP_THRESHOLD",
    "Direction",
    "Highlight",
    "Paper",
    "RenderOptions",
    "View",
]

#: Above this many steps the blueprint switches to compact style (evidence names in tooltips).
COMPACT_THRESHOLD = 200
#: Above this many steps the layout falls back from dot to sfdp.
SFDP_THRESHOLD = 2_500

Direction = Literal["LR", "TB"]


class View(StrEnum):
    """Which map to draw: the blueprint, the journey map or the checklist.

    Examples
    --------
    >>> View("journey") is View.JOURNEY
    True
    """

    BLUEPRINT = "blueprint"
    JOURNEY = "journey"
    CHECKLIST = "checklist"


class Paper(StrEnum):
    """A paper size for a printed map, always landscape (:mod:`lifeevents.views.paper`).

    Examples
    --------
    >>> Paper("A3").size
    (1191, 842)
    """

    A4 = "A4"
    A3 = "A3"
    A2 = "A2"

    @property
    def size(self) -> tuple[int, int]:
        """Width and height in points (1/72 inch), landscape."""
        return _PAPER_SIZES[self]


_PAPER_SIZES = {Paper.A4: (842, 595), Paper.A3: (1191, 842), Paper.A2: (1684, 1191)}


class Highlight(StrEnum):
    """What the analyses mark on a map.

    Examples
    --------
    >>> sorted(item.value for item in Highlight)[:2]
    ['authority_handovers', 'deadlines']
    """

    AUTHORITY_HANDOVERS = "authority_handovers"
    MEDIA_BREAKS = "media_breaks"
    ONCE_ONLY = "once_only"
    VISITS = "visits"
    DEADLINES = "deadlines"


@dataclass(frozen=True)
class RenderOptions:
    """How to draw a journey.

    Parameters
    ----------
    view : View, default View.BLUEPRINT
        Which map.
    lang : Language, default "de"
        The language of words and names.
    direction : {"LR", "TB"}, default "LR"
        The blueprint's direction: lanes top to bottom (``LR``) or left to right.
    highlight : frozenset[Highlight], default every highlight
        Which findings the map marks.
    compact : bool, optional
        The compact style; None chooses it above :data:`COMPACT_THRESHOLD` steps.
    title : str, optional
        A title instead of the life event's name.
    paper : Paper, optional
        Print a PDF on this paper (landscape): one scaled page while the step names
        stay legible, else pages of stages with an index. None: one page of the
        drawing's own size.

    Examples
    --------
    >>> RenderOptions(compact=True).is_compact(3)
    True
    >>> RenderOptions(paper="a3").paper  # type: ignore[arg-type]
    <Paper.A3: 'A3'>
    """

    view: View = View.BLUEPRINT
    lang: Language = DEFAULT_LANGUAGE
    direction: Direction = "LR"
    highlight: frozenset[Highlight] = field(default_factory=lambda: frozenset(Highlight))
    compact: bool | None = None
    title: str | None = None
    paper: Paper | None = None

    def __post_init__(self) -> None:
        # A paper size given as text ("a4") becomes a Paper; an unknown one is an error here.
        if self.paper is not None and not isinstance(self.paper, Paper):
            name = str(self.paper).upper()
            if name not in Paper.__members__:
                allowed = ", ".join(item.value for item in Paper)
                raise ValueError(
                    f"unknown paper {self.paper!r}; choose one of: {allowed} (landscape)"
                )
            object.__setattr__(self, "paper", Paper(name))

    def is_compact(self, steps: int) -> bool:
        """Whether a journey of ``steps`` steps is drawn in the compact style.

        Parameters
        ----------
        steps : int
            The number of applicable steps.

        Returns
        -------
        bool
            ``compact`` when given, else whether ``steps`` exceeds :data:`COMPACT_THRESHOLD`.

        Examples
        --------
        >>> RenderOptions().is_compact(COMPACT_THRESHOLD), RenderOptions().is_compact(1_000)
        (False, True)
        """
        return self.compact if self.compact is not None else steps > COMPACT_THRESHOLD


#: The options every renderer uses when none are given (frozen, so one shared value is safe).
DEFAULT_OPTIONS = RenderOptions()
