"""Typed options of every renderer (no string-keyed parameter dicts)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from lifeevents.text.labels import Language

__all__ = [
    "COMPACT_THRESHOLD",
    "DEFAULT_OPTIONS",
    "SFDP_THRESHOLD",
    "Direction",
    "Highlight",
    "RenderOptions",
    "View",
]

#: Above this many steps the blueprint switches to compact style (evidence names in tooltips).
COMPACT_THRESHOLD = 200
#: Above this many steps the layout falls back from dot to sfdp.
SFDP_THRESHOLD = 2_500

Direction = Literal["LR", "TB"]


class View(StrEnum):
    BLUEPRINT = "blueprint"
    JOURNEY = "journey"
    CHECKLIST = "checklist"


class Highlight(StrEnum):
    """What the analyses mark on a map."""

    AUTHORITY_HANDOVERS = "authority_handovers"
    MEDIA_BREAKS = "media_breaks"
    ONCE_ONLY = "once_only"
    VISITS = "visits"
    DEADLINES = "deadlines"


@dataclass(frozen=True)
class RenderOptions:
    """How to draw a journey.

    ``compact=None`` chooses compact style automatically above
    :data:`COMPACT_THRESHOLD` steps.
    """

    view: View = View.BLUEPRINT
    lang: Language = "de"
    direction: Direction = "LR"
    highlight: frozenset[Highlight] = field(default_factory=lambda: frozenset(Highlight))
    compact: bool | None = None
    title: str | None = None

    def is_compact(self, steps: int) -> bool:
        return self.compact if self.compact is not None else steps > COMPACT_THRESHOLD


#: The options every renderer uses when none are given (frozen, so one shared value is safe).
DEFAULT_OPTIONS = RenderOptions()
