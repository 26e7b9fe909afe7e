"""An authority as a journey meets it: after region and municipality resolution."""

from __future__ import annotations

from dataclasses import dataclass

from lifeevents.model.vocabulary import Level

__all__ = ["ResolvedAuthority"]


@dataclass(frozen=True, order=True)
class ResolvedAuthority:
    """An authority's resolved identity, display name, level and physical site.

    Two references are the same authority exactly when their resolved ``id`` is
    equal (spec: compare by resolved identity, not by spelling).
    """

    id: str
    name: str
    level: Level
    site: str
