"""Regions: which office is responsible, depending on where the citizen lives.

The format (``lifeevents-region/1``) is described in ``docs/region-format.md``.
A :class:`Region` resolves an office id and a municipality to a
:class:`~lifeevents.model.authorities.ResolvedAuthority`.

>>> region = Region.model_validate({
...     "format": "lifeevents-region/1",
...     "region": {"id": "kreis-x", "name": "Kreis X", "default_municipality": "a"},
...     "municipalities": {"a": {"name": "Astadt", "kind": "stadt"},
...                        "b": {"name": "Bdorf", "kind": "gemeinde"}},
...     "offices": {
...         "buergerbuero": {"name": "Bürgerbüro", "level": "gemeinde",
...                          "scope": "municipality", "site": "rathaus"},
...         "jugendamt": {"name": "Kreisjugendamt", "level": "kreis", "scope": "region",
...                       "site": "kreishaus",
...                       "delegations": {"a": {"name": "Jugendamt Astadt"}}},
...     },
... })
>>> office = region.resolve("buergerbuero", "b")
>>> office.id, office.name, office.site
('buergerbuero@b', 'Bürgerbüro Bdorf', 'rathaus@b')
>>> region.resolve("jugendamt", "a").name, region.resolve("jugendamt", "b").name
('Jugendamt Astadt', 'Kreisjugendamt')
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from lifeevents.model.authorities import ResolvedAuthority
from lifeevents.model.base import Ident, ModelPart, Slug, SourcedPart, Text
from lifeevents.model.life_event import OfficeChange
from lifeevents.model.vocabulary import Level

__all__ = [
    "REGION_FORMAT",
    "Delegation",
    "EventPlaces",
    "Municipality",
    "Office",
    "Region",
    "RegionInfo",
    "Site",
]

REGION_FORMAT = "lifeevents-region/1"

OfficialKey = Annotated[str, Field(pattern=r"^[0-9]{2,12}$", description="official key, digits")]


class _RegionPart(SourcedPart):
    notes: Text | None = None


class RegionInfo(_RegionPart):
    """The ``region:`` header of a region file.

    Attributes
    ----------
    id : str
        The id journey files name in ``region:``.
    name : str
        The display name (German); ``name_en`` the English one (optional).
    key : str or None
        The official key (Kreisschlüssel), digits.
    default_municipality : str or None
        The municipality used when none is chosen.
    description, notes : str or None
        Text for readers.

    Examples
    --------
    >>> from lifeevents.formats.region_file import builtin_regions
    >>> header = builtin_regions()["kreis-steinfurt"].region
    >>> header.name, header.key, header.default_municipality
    ('Kreis Steinfurt', '05566', 'greven')
    """

    id: Slug
    name: Text
    name_en: Text | None = None
    key: OfficialKey | None = Field(default=None, description="official key (Kreisschlüssel)")
    default_municipality: Ident | None = None
    description: Text | None = None


class Municipality(_RegionPart):
    """A town (``stadt``) or municipality (``gemeinde``) of the region.

    Attributes
    ----------
    name : str
        The display name.
    kind : {"stadt", "gemeinde"}
        Town or municipality.
    status : str or None
        Its legal status, such as ``große kreisangehörige Stadt``.
    key : str or None
        The official municipality key (AGS), digits, only if known.

    Examples
    --------
    >>> from lifeevents.formats.region_file import builtin_regions
    >>> municipalities = builtin_regions()["kreis-steinfurt"].municipalities
    >>> len(municipalities), municipalities["laer"].name, municipalities["laer"].kind
    (24, 'Laer', 'gemeinde')
    """

    name: Text
    kind: Literal["stadt", "gemeinde"]
    status: Text | None = None
    key: OfficialKey | None = Field(default=None, description="official municipality key (AGS)")


class Site(_RegionPart):
    """A named place where offices are, for display.

    Attributes
    ----------
    name : str
        The display name.
    municipality : str or None
        The municipality it is in.
    address : str or None
        Its address.

    Examples
    --------
    >>> from lifeevents.formats.region_file import builtin_regions
    >>> kreishaus = builtin_regions()["kreis-steinfurt"].sites["kreishaus"]
    >>> kreishaus.name, kreishaus.municipality, kreishaus.verified
    ('Kreishaus Steinfurt', 'steinfurt', False)
    """

    name: Text
    municipality: Ident | None = None
    address: Text | None = None


class Delegation(_RegionPart):
    """A municipality that runs a region office itself.

    Attributes
    ----------
    name : str
        The display name of the municipality's office.
    level : Level
        Its level (default ``gemeinde``).
    site : str
        Its site in the municipality (default ``rathaus``).

    Examples
    --------
    >>> from lifeevents.formats.region_file import builtin_regions
    >>> steinfurt = builtin_regions()["kreis-steinfurt"]
    >>> sorted(steinfurt.offices["jugendamt"].delegations)
    ['emsdetten', 'greven', 'ibbenbueren', 'rheine']
    >>> steinfurt.resolve("jugendamt", "greven").name
    'Jugendamt der Stadt Greven'
    """

    name: Text
    level: Level = Level.GEMEINDE
    site: Ident = "rathaus"


class Office(_RegionPart):
    """An office of the region, which journey files name as an authority.

    Attributes
    ----------
    name : str
        The display name (German); ``name_en`` the English one (optional).
    level : Level
        Who it belongs to.
    scope : {"municipality", "region", "external"}
        One office in every municipality, one for the whole region, or one beyond
        the region for everyone. With the municipality, it decides which office is
        responsible and where it is (the table in ``docs/region-format.md``).
    site : str or None
        Its site (for ``municipality`` scope: a site in each municipality).
    site_by_municipality : dict of str to str
        A site that depends on the municipality (``region`` scope).
    delegations : dict of str to Delegation
        Municipalities that run the office themselves (``region`` scope).

    Examples
    --------
    >>> from lifeevents.formats.region_file import builtin_regions
    >>> offices = builtin_regions()["kreis-steinfurt"].offices
    >>> offices["buergerbuero"].scope, offices["jugendamt"].scope, offices["familienkasse"].scope
    ('municipality', 'region', 'external')
    """

    name: Text
    name_en: Text | None = None
    level: Level
    scope: Literal["municipality", "region", "external"]
    site: Ident | None = None
    site_by_municipality: dict[Ident, Ident] = Field(default_factory=dict)
    delegations: dict[Ident, Delegation] = Field(default_factory=dict)


class EventPlaces(_RegionPart):
    """Where the events of one life event usually happen, by home municipality.

    A birth happens in a maternity unit, a marriage where the couple chooses: the
    Standesamt of such an event is that of the place of the event (``@event``
    references), which for most municipalities is not the home one.

    Attributes
    ----------
    places : dict of str to str
        Home municipality -> municipality where the event usually happens.

    Examples
    --------
    An illustration with the municipalities of the module's example, not facts
    about any Kreis (the built-in region names no event places):

    >>> places = EventPlaces(places={"b": "a"})
    >>> places.places.get("b"), places.places.get("a")
    ('a', None)
    """

    places: dict[Ident, Ident] = Field(
        description="home municipality -> municipality where the event usually happens"
    )


class Region(ModelPart):
    """A whole region file.

    Attributes
    ----------
    format : str
        Always ``"lifeevents-region/1"``.
    region : RegionInfo
        The header: id, name, default municipality.
    municipalities : dict of str to Municipality
        The region's municipalities, by id.
    sites : dict of str to Site
        Named places, by id.
    offices : dict of str to Office
        The offices journey files may name, by id.
    event_places : dict of str to EventPlaces
        By life event id: where its events usually happen.

    See Also
    --------
    lifeevents.load_region : read a region file.
    lifeevents.formats.region_file.builtin_regions : the regions shipped with lifeevents.

    Examples
    --------
    >>> from lifeevents.formats.region_file import builtin_regions
    >>> steinfurt = builtin_regions()["kreis-steinfurt"]
    >>> steinfurt.id, steinfurt.has_office("standesamt")
    ('kreis-steinfurt', True)
    >>> standesamt = steinfurt.resolve("standesamt", "laer")
    >>> standesamt.id, standesamt.name, standesamt.site
    ('standesamt@laer', 'Standesamt Laer', 'rathaus@laer')
    """

    model_config = ConfigDict(frozen=True, extra="forbid", title="lifeevents region file")

    format: Literal["lifeevents-region/1"]
    region: RegionInfo
    municipalities: dict[Ident, Municipality] = Field(min_length=1)
    sites: dict[Ident, Site] = Field(default_factory=dict)
    offices: dict[Ident, Office] = Field(default_factory=dict)
    event_places: dict[Ident, EventPlaces] = Field(
        default_factory=dict,
        description="by life event id: where its events usually happen ('@event' references)",
    )

    @property
    def id(self) -> str:
        return self.region.id

    def usual_event_place(self, life_event_id: str, municipality: str) -> str | None:
        """Where an event of ``life_event_id`` usually happens for people of ``municipality``
        (``None``: the region does not say, so in the home municipality)."""
        entry = self.event_places.get(life_event_id)
        return entry.places.get(municipality) if entry is not None else None

    def has_office(self, office_id: str) -> bool:
        return office_id in self.offices

    def resolve(
        self, office_id: str, municipality: str, changes: OfficeChange | None = None
    ) -> ResolvedAuthority:
        """The office responsible in ``municipality`` (see the table in region-format.md),
        with the fields ``changes`` sets (a scenario's change of the office) replaced."""
        office = self.offices[office_id]
        if changes is not None:
            updates = changes.model_dump(exclude_none=True, exclude={"sources", "verified"})
            office = office.model_copy(update=updates)
        place = self.municipalities[municipality]
        if office.scope == "municipality":
            return ResolvedAuthority(
                id=f"{office_id}@{municipality}",
                name=f"{office.name} {place.name}",
                level=office.level,
                site=f"{office.site or 'rathaus'}@{municipality}",
            )
        delegation = office.delegations.get(municipality)
        if office.scope == "region" and delegation is not None:
            return ResolvedAuthority(
                id=f"{office_id}@{municipality}",
                name=delegation.name,
                level=delegation.level,
                site=f"{delegation.site}@{municipality}",
            )
        site = office.site_by_municipality.get(municipality, office.site or office_id)
        return ResolvedAuthority(id=office_id, name=office.name, level=office.level, site=site)
