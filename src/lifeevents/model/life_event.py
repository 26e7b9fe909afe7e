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
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    field_validator,
)

from lifeevents.errors import UnknownPersonaError
from lifeevents.model.base import (
    Attribute,
    AuthorityRef,
    FileModel,
    Ident,
    LeikaKey,
    ModelPart,
    Slug,
    SourcedPart,
    Text,
)
from lifeevents.model.vocabulary import Channel, Level, Transfer

__all__ = [
    "FORMAT",
    "Authority",
    "Evidence",
    "LifeEvent",
    "LifeEventInfo",
    "OfficeChange",
    "Persona",
    "Step",
]

FORMAT = "lifeevents/1"

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


class LifeEventInfo(ModelPart):
    """The ``life_event:`` header.

    Attributes
    ----------
    id : str
        The life event's id: lower-case letters, digits and ``-``.
    name : str
        Its German name; ``name_en`` its English one (optional).
    lebenslage : str or None
        The OZG Lebenslage it belongs to.
    description : str or None
        A description for readers.
    stages : tuple of str
        The stage ids, in order: the columns of the journey map.
    stage_names : dict of str to str
        Display names of stages (German); default: the id as a heading.

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> header = loads(DEMO_YAML).life_event
    >>> header.id, header.name, header.stages
    ('demo', 'Umzug', ('ummelden', 'danach'))
    """

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
    """An office or organisation a step is performed with.

    Attributes
    ----------
    name : str
        The display name (German); ``name_en`` the English one (optional).
    level : Level
        Who it belongs to: the lane of the map.
    site : str or None
        Its physical place; steps at one site may share a visit (default: a site
        of its own, named by the authority's id).

    See Also
    --------
    lifeevents.model.region.Office : an office of the region, which steps may name too.

    Examples
    --------
    The Bürgerbüro and the Stadtkasse of the demo share the town hall:

    >>> from lifeevents import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> authorities = loads(DEMO_YAML).authorities
    >>> authorities["amt"].site == authorities["kasse"].site, authorities["kreis"].level
    (True, <Level.KREIS: 'kreis'>)
    """

    name: Text
    name_en: Text | None = None
    level: Level
    site: Ident | None = Field(
        default=None,
        description="physical place; steps at one site may share a visit (default: own site)",
    )


class Evidence(SourcedPart):
    """A document or piece of data a step requires or produces.

    Attributes
    ----------
    name : str
        The display name (German); ``name_en`` the English one (optional).
    issued_by : str or None
        The authority reference of the issuer; ``None`` for a private document.
    identity : bool
        Whether it is an identity document (never a once-only violation).
    transfer : Transfer
        How it reaches the steps that require it: carried by the citizen (default)
        or sent directly between authorities.

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> meldung = loads(DEMO_YAML).evidence["meldung"]
    >>> meldung.name, meldung.issued_by, meldung.transfer
    ('Meldebestätigung', 'amt', <Transfer.CITIZEN: 'citizen'>)
    """

    name: Text
    name_en: Text | None = None
    issued_by: AuthorityRef | None = Field(
        default=None, description="authority id of the issuer (omit for private documents)"
    )
    identity: StrictBool = Field(default=False, description="an identity document")
    transfer: Transfer = Transfer.CITIZEN


class Persona(ModelPart):
    """A kind of citizen: attributes for ``when`` and a channel preference.

    Attributes
    ----------
    name : str or None
        The display name.
    description : str or None
        Who this is, for readers.
    attributes : dict of str to bool, int, float or str
        What the steps' ``when`` conditions ask about (rule 1).
    prefer : tuple of Channel
        Channels in order of preference (rule 2); empty: each step's usual one.

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> umzug = loads(DEMO_YAML)
    >>> mit_auto = umzug.persona("mit-auto")
    >>> mit_auto.attributes, mit_auto.matches(umzug.step("kfz").when)
    ({'has_car': True}, True)
    >>> umzug.persona("default").matches(umzug.step("kfz").when)
    False
    """

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
    """One thing the citizen (or an authority for them) does.

    Attributes
    ----------
    id : str
        The step's id, unique in the file.
    name : str
        The display name (German); ``name_en`` the English one (optional).
    authority : str
        An authority id of the file or an office of the region, optionally with
        ``@origin`` (the municipality left) or ``@event`` (the place of the event).
    stage : str or None
        The stage it belongs to (one of ``life_event.stages``).
    channels : tuple of Channel
        The channels offered; the first is today's usual one.
    after : tuple of str
        Steps that must come first.
    requires, produces : tuple of str
        Evidence ids the step needs and those it creates.
    lead_time_days : int
        Days until what the step produces is ready (rule 4).
    deadline_days : int or None
        The latest day (from the start) to begin the step.
    legal_basis : str or None
        The law that requires it.
    leika : str or None
        The 14-digit LeiKa key of the service.
    when : dict of str to bool, int, float or str
        The persona attributes the step applies to (rule 1); empty: every persona.
    visit : str or None
        Steps with the same ``visit`` id are done in one visit (rule 5).
    duration_minutes : int or None
        The citizen's own effort.
    fee_eur : float or None
        The fee.
    emotion : int or None
        How the citizen feels, from -2 (very negative) to +2 (very positive).
    pain_points : tuple of str
        What goes wrong for citizens.
    notes : str or None
        Anything else.

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> kfz = loads(DEMO_YAML).step("kfz")
    >>> kfz.authority, kfz.requires, kfz.when, kfz.usual_channel
    ('kreis', ('meldung',), {'has_car': True}, <Channel.IN_PERSON: 'in_person'>)
    """

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
    region office becomes; an addition to format v1).

    Attributes
    ----------
    name, name_en : str or None
        A new display name.
    level : Level or None
        A new level.
    scope : {"municipality", "region", "external"} or None
        A new scope, as in the region file.
    site : str or None
        A new site, as in the region file (the scope decides how it resolves).

    Examples
    --------
    The scenario "a vehicle registration counter in every town hall" makes the
    Straßenverkehrsamt an office of each municipality, in its town hall:

    >>> from lifeevents import apply, load, load_scenario
    >>> umzug = apply(load("umzug-innerhalb-kreis"), load_scenario("zulassung-im-rathaus"))
    >>> change = umzug.office_changes["strassenverkehrsamt"]
    >>> change.scope, change.site
    ('municipality', 'rathaus')
    """

    name: Text | None = None
    name_en: Text | None = None
    level: Level | None = None
    scope: Literal["municipality", "region", "external"] | None = Field(
        default=None, description="as in the region file: e.g. 'municipality' for one per town"
    )
    site: Ident | None = Field(
        default=None, description="the office's site, as in the region file (scope decides)"
    )


class LifeEvent(FileModel):
    """A whole journey file: one life event with its authorities, evidence, personas, steps.

    Attributes
    ----------
    format : str
        Always ``"lifeevents/1"``.
    life_event : LifeEventInfo
        The header: id, name, stages.
    region : str or None
        The id of the region whose offices the steps may name.
    authorities, evidence, personas : dict
        The file's authorities, evidence and personas, by id.
    steps : tuple of Step
        The steps, in file order.
    office_changes : dict of str to OfficeChange
        Region offices changed for this journey (by scenarios).

    See Also
    --------
    lifeevents.load, lifeevents.loads : read one, checking also what the model alone
        cannot (the references between its parts).

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> umzug = loads(DEMO_YAML)
    >>> umzug.id, umzug.name, umzug.region, [step.id for step in umzug.steps]
    ('demo', 'Umzug', None, ['anmelden', 'gebuehr', 'kfz', 'rundfunk'])
    >>> umzug.persona_ids(), umzug.step("rundfunk").channels
    (['default', 'mit-auto'], (<Channel.ONLINE: 'online'>,))
    """

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
        raise UnknownPersonaError(f"no persona {persona_id!r} in {self.id}; personas: {known}")

    def persona_ids(self) -> list[str]:
        """Persona ids in file order, ``default`` first unless the file defines it."""
        ids = list(self.personas)
        return ids if "default" in ids else ["default", *ids]

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(f"no step {step_id!r} in {self.id}")
