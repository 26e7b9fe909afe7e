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
from lifeevents.model.life_event import Ident, ModelPart, OfficeChange, Slug, SourcedPart, Text
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
    id: Slug
    name: Text
    name_en: Text | None = None
    key: OfficialKey | None = Field(default=None, description="official key (Kreisschlüssel)")
    default_municipality: Ident | None = None
    description: Text | None = None


class Municipality(_RegionPart):
    name: Text
    kind: Literal["stadt", "gemeinde"]
    status: Text | None = None
    key: OfficialKey | None = Field(default=None, description="official municipality key (AGS)")


class Site(_RegionPart):
    name: Text
    municipality: Ident | None = None
    address: Text | None = None


class Delegation(_RegionPart):
    """A municipality that runs a region office itself."""

    name: Text
    level: Level = Level.GEMEINDE
    site: Ident = "rathaus"


class Office(_RegionPart):
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
    """

    places: dict[Ident, Ident] = Field(
        description="home municipality -> municipality where the event usually happens"
    )


class Region(ModelPart):
    """A whole region file."""

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
