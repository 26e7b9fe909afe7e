"""Spec rule 3: which office a step's authority reference names, for a municipality.

File-local authorities win; otherwise the region's office for the municipality
(``@origin``: the municipality left, ``@event``: the place of the event).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lifeevents.errors import InputError, UnknownMunicipalityError
from lifeevents.graph.located import step_problem
from lifeevents.model.authorities import ResolvedAuthority, ResolvedEvidence
from lifeevents.model.life_event import LifeEvent, Step
from lifeevents.model.life_event import authority_id as model_authority_id
from lifeevents.model.region import Region
from lifeevents.model.suggestions import did_you_mean

__all__ = ["AuthorityResolver", "checked_municipality", "site_pattern"]


def site_pattern(
    life_event: LifeEvent, region: Region, municipality: str
) -> tuple[int, ...] | None:
    """Which steps share a site in ``municipality``, as a tuple of site numbers.

    For each step in file order, the number of its site in order of first
    appearance; ``origin`` is taken to be the same municipality, and the place of
    the event the usual one. Two municipalities with equal patterns give journeys
    that differ only in the names of sites and offices, so any check that compares
    sites only for equality (such as rule 5) has the same outcome in both.

    Parameters
    ----------
    life_event : LifeEvent
        The journey file's model (every step, whichever persona it applies to).
    region : Region
        The region whose offices the steps name.
    municipality : str
        The home municipality.

    Returns
    -------
    tuple of int or None
        The pattern, or ``None`` when a step's authority does not resolve there.

    Examples
    --------
    In the built-in region, Rheine has its own Jugendamt in the town hall, where the
    Standesamt is (site 0); for Laer the Kreisjugendamt in the Kreishaus is responsible:

    >>> from lifeevents import load
    >>> from lifeevents.formats.region_file import builtin_regions
    >>> geburt, steinfurt = load("geburt"), builtin_regions()["kreis-steinfurt"]
    >>> rheine = site_pattern(geburt, steinfurt, "rheine")
    >>> laer = site_pattern(geburt, steinfurt, "laer")
    >>> rheine[:6], laer[:6], rheine == laer
    ((0, 0, 1, 2, 3, 0), (0, 0, 1, 2, 3, 4), False)
    """
    event_place = region.usual_event_place(life_event.id, municipality) or municipality
    resolver = AuthorityResolver(life_event, region, municipality, municipality, event_place)
    numbers: dict[str, int] = {}
    pattern = []
    for step in life_event.steps:
        resolved = resolver.reference(step.authority)
        if resolved is None:
            return None
        pattern.append(numbers.setdefault(resolved.site, len(numbers)))
    return tuple(pattern)


def checked_municipality(region: Region, name: str | None) -> str:
    """``name`` if ``region`` has that municipality; :class:`UnknownMunicipalityError` if not.

    Parameters
    ----------
    region : Region
        The region.
    name : str or None
        A municipality id; ``None`` when neither the caller nor the region chose one.

    Returns
    -------
    str
        ``name``.

    Raises
    ------
    UnknownMunicipalityError
        For ``None`` or a name the region lacks, listing its municipalities.

    Examples
    --------
    >>> from lifeevents.formats.region_file import builtin_regions
    >>> steinfurt = builtin_regions()["kreis-steinfurt"]
    >>> checked_municipality(steinfurt, "laer")
    'laer'
    >>> checked_municipality(steinfurt, "lear")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lifeevents.errors.UnknownMunicipalityError: region ... 'lear' (did you mean 'laer'?); ...
    """
    if name is None:
        raise UnknownMunicipalityError(
            f"region '{region.id}' has no default municipality; choose one of: "
            + ", ".join(region.municipalities)
        )
    if name not in region.municipalities:
        raise UnknownMunicipalityError(
            f"region '{region.id}' has no municipality '{name}'"
            f"{did_you_mean(name, list(region.municipalities))}; municipalities: "
            + ", ".join(region.municipalities)
        )
    return name


@dataclass(frozen=True)
class AuthorityResolver:
    """Resolves authority references: file-local authorities first, then region offices.

    Spec rule 3: a reference names an authority of the file, else an office of the
    region for the home municipality (``@origin``: the municipality left,
    ``@event``: the place of the event), with the journey's office changes applied.

    Attributes
    ----------
    life_event : LifeEvent
        The journey file's model.
    region : Region or None
        The region whose offices references may name.
    municipality, origin, event_place : str or None
        Where plain, ``@origin`` and ``@event`` references are resolved
        (all three set whenever there is a region).

    Examples
    --------
    >>> from lifeevents import load
    >>> from lifeevents.formats.region_file import builtin_regions
    >>> steinfurt = builtin_regions()["kreis-steinfurt"]
    >>> resolver = AuthorityResolver(load("geburt"), steinfurt, "laer", "laer", "rheine")
    >>> resolver.reference("standesamt@event").name, resolver.reference("jugendamt").name
    ('Standesamt Rheine', 'Kreisjugendamt')
    >>> resolver.reference("notariat") is None  # neither in the file nor in the region
    True
    """

    life_event: LifeEvent
    region: Region | None
    municipality: str | None
    origin: str | None
    event_place: str | None = None
    # Each reference resolved once: many steps and evidence name the same authority.
    _resolved: dict[str, ResolvedAuthority | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def reference(self, reference: str) -> ResolvedAuthority | None:
        """The authority ``reference`` names here, or ``None`` if nobody defines it."""
        if reference not in self._resolved:
            self._resolved[reference] = self._resolve(reference)
        return self._resolved[reference]

    def _resolve(self, reference: str) -> ResolvedAuthority | None:
        authority_id = model_authority_id(reference)
        authority = self.life_event.authorities.get(authority_id)
        if authority is not None:
            return ResolvedAuthority(
                id=authority_id,
                name=authority.name,
                level=authority.level,
                site=authority.site or authority_id,
            )
        if self.region is None or not self.region.has_office(authority_id):
            return None
        if reference.endswith("@origin"):
            where = self.origin
        elif reference.endswith("@event"):
            where = self.event_place
        else:
            where = self.municipality
        assert where is not None  # journey() sets all three whenever there is a region
        return self.region.resolve(
            authority_id, where, self.life_event.office_changes.get(authority_id)
        )

    def step(self, step: Step) -> ResolvedAuthority:
        """The authority of ``step``; :class:`InputError` at the step if it is unknown."""
        resolved = self.reference(step.authority)
        if resolved is None:
            region = f" or in region '{self.region.id}'" if self.region else ""
            message = f"unknown authority '{step.authority}': not defined in this file{region}"
            raise InputError([step_problem(self.life_event, step, "authority", message)])
        return resolved

    def evidence(self) -> dict[str, ResolvedEvidence]:
        """Every evidence of the file with its issuer resolved, by id."""
        return {
            evidence_id: ResolvedEvidence(
                id=evidence_id,
                name=evidence.name,
                issuer=self.reference(evidence.issued_by) if evidence.issued_by else None,
                identity=evidence.identity,
                transfer=evidence.transfer,
            )
            for evidence_id, evidence in self.life_event.evidence.items()
        }
