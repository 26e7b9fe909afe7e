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

    Attributes
    ----------
    id : str
        The resolved identity: the file's authority id, or a region office's id,
        with ``@municipality`` where each municipality has its own office.
    name : str
        The display name.
    level : Level
        Who the authority belongs to (the lane of the map).
    site : str
        Where the citizen goes; steps at one site can share a visit (rule 5).

    Examples
    --------
    Each step of a journey has one (see :meth:`lifeevents.Journey.authority`):

    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> trip = journey(loads(DEMO_YAML), "mit-auto")
    >>> kfz = trip.authority("kfz")
    >>> kfz.id, kfz.name, kfz.level, kfz.site
    ('kreis', 'Straßenverkehrsamt', <Level.KREIS: 'kreis'>, 'kreishaus')
    >>> trip.authority("anmelden").site == trip.authority("gebuehr").site  # one town hall
    True

    A region office resolves per municipality:

    >>> from lifeevents import load
    >>> geburt = journey(load("geburt"), "unverheiratet-schalter", municipality="rheine")
    >>> standesamt = geburt.authority("geburt-beurkunden")
    >>> standesamt.id, standesamt.name, standesamt.site
    ('standesamt@rheine', 'Standesamt Rheine', 'rathaus@rheine')
    """

    id: str
    name: str
    level: Level
    site: str


@dataclass(frozen=True)
class ResolvedEvidence:
    """An evidence with its issuer resolved (``graph.graph["evidence"]`` maps ids to these).

    Attributes
    ----------
    id : str
        The evidence id in the journey file.
    name : str
        The display name.
    issuer : ResolvedAuthority or None
        Who issues it; ``None`` for a private document.
    identity : bool
        Whether it is an identity document.
    transfer : Transfer
        How it travels to the steps that need it: carried by the citizen, or sent
        directly between authorities.

    Examples
    --------
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> trip = journey(loads(DEMO_YAML), "mit-auto")
    >>> meldung = trip.graph.graph["evidence"]["meldung"]
    >>> meldung.name, meldung.issuer.name, meldung.transfer
    ('Meldebestätigung', 'Bürgerbüro', <Transfer.CITIZEN: 'citizen'>)
    """

    id: str
    name: str
    issuer: ResolvedAuthority | None
    identity: bool
    transfer: Transfer
