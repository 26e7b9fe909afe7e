"""Typed model of a journey file, format ``lifeevents/1``.

The model mirrors ``journey-format-v1.md`` one to one: a :class:`LifeEvent` is
the whole file; steps refer to authorities, evidence and steps by id. The model
only checks what a single value can tell (types, ranges, id syntax); references
between parts are checked by :mod:`lifeevents.formats.journey_file`.

>>> step = Step(id="anmelden", name="Wohnsitz anmelden", authority="buergerbuero",
...             channels=["in_person", "online"])
>>> step.usual_channel
<Channel.IN_PERSON: 'in_person'>
>>> Step(id="x", name="X", authority="a", channels=["onlne"])  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: ... for Step
...
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    field_validator,
)

from lifeevents.model.sources import SourceMap
from lifeevents.model.vocabulary import Channel, Level, Transfer

__all__ = [
    "FORMAT",
    "Attribute",
    "Authority",
    "AuthorityRef",
    "Evidence",
    "FileModel",
    "Ident",
    "LifeEvent",
    "LifeEventInfo",
    "ModelPart",
    "OfficeChange",
    "Persona",
    "Slug",
    "SourcedPart",
    "Step",
    "Text",
]

FORMAT = "lifeevents/1"

#: Value of a persona attribute or a ``when`` condition.
Attribute = StrictBool | StrictInt | StrictFloat | StrictStr

Slug = Annotated[
    str,
    Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="lower-case letters, digits and '-'"),
]
Ident = Annotated[StrictStr, Field(min_length=1, pattern=r"^\S+$", description="an id, no spaces")]
AuthorityRef = Annotated[
    StrictStr,
    Field(
        min_length=1,
        pattern=r"^[^\s@]+(@origin|@event)?$",
        description=(
            "authority or region office id; suffix '@origin' for the municipality left, "
            "'@event' for the municipality where the event happens"
        ),
    ),
]
Text = Annotated[StrictStr, Field(min_length=1)]
LeikaKey = Annotated[str, Field(pattern=r"^[0-9]{14}$", description="14-digit LeiKa key")]


#: Suffixes of authority references that pick another municipality than the home one.
PLACE_SUFFIXES = ("@origin", "@event")


def authority_id(reference: str) -> str:
    """The authority or office id of a reference, without its place suffix.

    >>> authority_id("standesamt@event"), authority_id("buergerbuero@origin"), authority_id("amt")
    ('standesamt', 'buergerbuero', 'amt')
    """
    for suffix in PLACE_SUFFIXES:
        if reference.endswith(suffix):
            return reference[: -len(suffix)]
    return reference


class ModelPart(BaseModel):
    """Base of every part: immutable, and unknown keys are errors (typos must not vanish)."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


class SourcedPart(ModelPart):
    sources: tuple[Text, ...] = Field(default=(), description="where the facts come from")
    verified: StrictBool | None = Field(
        default=None, description="false when a fact is not confirmed by a source"
    )


class LifeEventInfo(ModelPart):
    """The ``life_event:`` header."""

    id: Slug
    name: Text
    name_en: Text | None = None
    lebenslage: Text | None = Field(default=None, description="OZG Lebenslage")
    description: Text | None = None
    stages: tuple[Ident, ...] = Field(default=(), description="ordered stage ids")
    stage_names: dict[Ident, Text] = Field(
        default_factory=dict,
        description="display names of stages (German), e.g. {uebergang: Übergang}; "
        "default: the id as a heading",
    )


class Authority(SourcedPart):
    """An office or organisation a step is performed with."""

    name: Text
    name_en: Text | None = None
    level: Level
    site: Ident | None = Field(
        default=None,
        description="physical place; steps at one site may share a visit (default: own site)",
    )


class Evidence(SourcedPart):
    """A document or piece of data a step requires or produces."""

    name: Text
    name_en: Text | None = None
    issued_by: AuthorityRef | None = Field(
        default=None, description="authority id of the issuer (omit for private documents)"
    )
    identity: StrictBool = Field(default=False, description="an identity document")
    transfer: Transfer = Transfer.CITIZEN


class Persona(ModelPart):
    """A kind of citizen: attributes for ``when`` and a channel preference."""

    name: Text | None = None
    description: Text | None = None
    attributes: dict[str, Attribute] = Field(default_factory=dict)
    prefer: tuple[Channel, ...] = ()

    def matches(self, when: dict[str, Attribute]) -> bool:
        """Whether every condition holds; an attribute the persona lacks does not match.

        >>> Persona(attributes={"married": True}).matches({"married": True})
        True
        >>> Persona().matches({"married": False})
        False
        """
        return all(
            key in self.attributes and same_attribute(self.attributes[key], value)
            for key, value in when.items()
        )

    def choose(self, offered: tuple[Channel, ...]) -> Channel:
        """Rule 2: the first preferred channel offered, else the step's first channel.

        >>> offered = (Channel.MAIL, Channel.ONLINE)
        >>> Persona(prefer=["online", "in_person"]).choose(offered)
        <Channel.ONLINE: 'online'>
        >>> Persona().choose(offered)
        <Channel.MAIL: 'mail'>
        """
        return next((channel for channel in self.prefer if channel in offered), offered[0])


def same_attribute(left: Attribute, right: Attribute) -> bool:
    """Equality that keeps ``true`` and ``1`` apart, as YAML authors expect."""
    return isinstance(left, bool) == isinstance(right, bool) and left == right


class Step(SourcedPart):
    """One thing the citizen (or an authority for them) does."""

    id: Ident
    name: Text
    name_en: Text | None = None
    authority: AuthorityRef
    stage: Ident | None = None
    channels: tuple[Channel, ...] = Field(
        min_length=1, description="offered channels; the first is today's usual one"
    )
    after: tuple[Ident, ...] = ()
    requires: tuple[Ident, ...] = ()
    produces: tuple[Ident, ...] = ()
    lead_time_days: Annotated[StrictInt, Field(ge=0)] = 0
    deadline_days: Annotated[StrictInt, Field(ge=0)] | None = None
    legal_basis: Text | None = None
    leika: LeikaKey | None = None
    when: dict[str, Attribute] = Field(default_factory=dict)
    visit: Ident | None = None
    duration_minutes: Annotated[StrictInt, Field(ge=0)] | None = Field(
        default=None, description="the citizen's own effort"
    )
    fee_eur: Annotated[float, Field(ge=0, strict=True, allow_inf_nan=False)] | None = None
    emotion: Annotated[StrictInt, Field(ge=-2, le=2)] | None = Field(
        default=None, description="-2 (very negative) to +2 (very positive)"
    )
    pain_points: tuple[Text, ...] = ()
    notes: Text | None = None

    @field_validator("leika", mode="before")
    @classmethod
    def _leika_as_text(cls, value: Any) -> Any:
        # An unquoted key is read as a number by YAML; the digits are what matter.
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value

    @field_validator("channels", "after", "requires", "produces", "pain_points")
    @classmethod
    def _no_repeats(cls, value: tuple[Any, ...]) -> tuple[Any, ...]:
        if len(set(value)) == len(value):
            return value  # the usual case, told without counting
        # Counted once: list.count per item is quadratic on a long hostile list.
        repeated = sorted(str(item) for item, count in Counter(value).items() if count > 1)
        if repeated:
            raise ValueError(f"lists {', '.join(repeated)} more than once")
        return value

    @property
    def usual_channel(self) -> Channel:
        return self.channels[0]

    @property
    def authority_id(self) -> str:
        """The reference without an ``@origin`` or ``@event`` suffix."""
        return authority_id(self.authority)

    @property
    def at_origin(self) -> bool:
        return self.authority.endswith("@origin")

    @property
    def at_event(self) -> bool:
        return self.authority.endswith("@event")


class OfficeChange(SourcedPart):
    """Fields of a region office changed for this journey (what a scenario's change of a
    region office becomes; an addition to format v1)."""

    name: Text | None = None
    name_en: Text | None = None
    level: Level | None = None
    scope: Literal["municipality", "region", "external"] | None = Field(
        default=None, description="as in the region file: e.g. 'municipality' for one per town"
    )
    site: Ident | None = Field(
        default=None, description="the office's site, as in the region file (scope decides)"
    )


class FileModel(ModelPart):
    """A whole file's model, which remembers where it was read from (for located errors
    found after loading); that place is not part of equality."""

    _source: SourceMap | None = PrivateAttr(default=None)

    @property
    def source(self) -> SourceMap | None:
        """Where this model was read from (``None`` for one built in code)."""
        return self._source

    def attach_source(self, source: SourceMap | None) -> None:
        """Remember where this model was read from (the loaders call this)."""
        self._source = source

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]


class LifeEvent(FileModel):
    """A whole journey file: one life event with its authorities, evidence, personas, steps."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        title="lifeevents journey file",
        json_schema_extra={"$comment": "format lifeevents/1, see journey-format-v1.md"},
    )

    format: Literal["lifeevents/1"]
    life_event: LifeEventInfo
    region: Slug | None = None
    authorities: dict[Ident, Authority] = Field(default_factory=dict)
    evidence: dict[Ident, Evidence] = Field(default_factory=dict)
    personas: dict[Ident, Persona] = Field(default_factory=dict)
    steps: tuple[Step, ...] = Field(min_length=1)
    office_changes: dict[Ident, OfficeChange] = Field(
        default_factory=dict,
        description="region offices changed for this journey, by office id (scenarios)",
    )

    @property
    def id(self) -> str:
        return self.life_event.id

    @property
    def name(self) -> str:
        return self.life_event.name

    def persona(self, persona_id: str = "default") -> Persona:
        """The persona of that id; ``default`` exists even when the file has none."""
        if persona_id in self.personas:
            return self.personas[persona_id]
        if persona_id == "default":
            return Persona()
        known = ", ".join(self.persona_ids())
        raise KeyError(f"no persona {persona_id!r} in {self.id}; personas: {known}")

    def persona_ids(self) -> list[str]:
        """Persona ids in file order, ``default`` first unless the file defines it."""
        ids = list(self.personas)
        return ids if "default" in ids else ["default", *ids]

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(f"no step {step_id!r} in {self.id}")
