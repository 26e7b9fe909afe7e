"""Authorities and evidence as a journey meets them: after region and municipality resolution."""

from __future__ import annotations

from dataclasses import dataclass

from lifeevents.model.vocabulary import Level, Transfer

__all__ = ["ResolvedAuthority", "ResolvedEvidence"]


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


@dataclass(frozen=True)
class ResolvedEvidence:
    """An evidence with its issuer resolved (``graph.graph["evidence"]`` maps ids to these)."""

    id: str
    name: str
    issuer: ResolvedAuthority | None
    identity: bool
    transfer: Transfer
