"""Typed model of a scenario file, format ``lifeevents-scenario/1``.

A scenario is a what-if: changes applied to a journey before it is analysed
(``scenario-format-v1.md``). Each change names its target by key: ``step``,
``evidence``, ``authority`` (a file-local authority or a region office), or
``add_step``; it may set any field the journey format allows on that target.

>>> scenario = Scenario.model_validate({
...     "format": "lifeevents-scenario/1", "id": "kfz-online", "name": "Kfz online",
...     "changes": [{"step": "kfz-ummeldung", "channels": ["online", "in_person"]},
...                 {"step": "hundesteuer", "remove": True}],
... })
>>> [type(change).__name__ for change in scenario.changes]
['StepChange', 'StepChange']
>>> scenario.changes[0].updates()
{'channels': (<Channel.ONLINE: 'online'>, <Channel.IN_PERSON: 'in_person'>)}
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import ConfigDict, Discriminator, Field, StrictBool, StrictInt, Tag

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
from lifeevents.model.life_event import Step
from lifeevents.model.vocabulary import Channel, Level, Transfer

__all__ = [
    "SCENARIO_FORMAT",
    "AddStep",
    "AuthorityChange",
    "Change",
    "EvidenceChange",
    "Scenario",
    "ScenarioCost",
    "StepChange",
]

SCENARIO_FORMAT = "lifeevents-scenario/1"

_OPTIONAL = "skip this change silently where the journey has no such target"


class _Change(ModelPart):
    """What every change has: whether a missing target is fine."""

    optional: StrictBool = Field(default=False, description=_OPTIONAL)

    #: The key naming the target; its value is the target id.
    target_key: ClassVar[str] = ""

    @property
    def target(self) -> str:
        value: str = getattr(self, self.target_key)
        return value

    def updates(self) -> dict[str, Any]:
        """The fields this change sets, by name (only those written in the file)."""
        skip = {"optional", "remove", self.target_key}
        return {name: getattr(self, name) for name in self.model_fields_set - skip}


class StepChange(_Change):
    """Set fields of a step, or remove it (``remove: true``).

    Attributes
    ----------
    step : str
        The id of the step to change.
    remove : bool
        Remove the step; its predecessors become ``after`` predecessors of its
        successors (scenario rule 3).
    optional : bool
        Skip the change silently where the journey has no such step.
    name, channels, after, ... : optional
        Any field of :class:`~lifeevents.model.life_event.Step`; only those written
        are set (see :meth:`updates`).

    Examples
    --------
    Without the cash desk's step, the demo journey needs one visit fewer:

    >>> from lifeevents import analyze, apply, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> change = StepChange(step="gebuehr", remove=True)
    >>> scenario = Scenario(format="lifeevents-scenario/1", id="x", name="X", changes=[change])
    >>> umzug = loads(DEMO_YAML)
    >>> [analyze(journey(trip)).visits.as_modelled for trip in (umzug, apply(umzug, scenario))]
    [2, 1]
    >>> StepChange(step="gebuehr", channels=["online"]).updates()
    {'channels': (<Channel.ONLINE: 'online'>,)}
    """

    target_key: ClassVar[str] = "step"
    step: Ident
    remove: StrictBool = Field(default=False, description="remove the step (rule 3)")
    name: Text | None = None
    name_en: Text | None = None
    authority: AuthorityRef | None = None
    stage: Ident | None = None
    channels: tuple[Channel, ...] | None = None
    after: tuple[Ident, ...] | None = None
    requires: tuple[Ident, ...] | None = None
    produces: tuple[Ident, ...] | None = None
    lead_time_days: Annotated[StrictInt, Field(ge=0)] | None = None
    deadline_days: Annotated[StrictInt, Field(ge=0)] | None = None
    legal_basis: Text | None = None
    leika: LeikaKey | None = None
    when: dict[str, Attribute] | None = None
    visit: Ident | None = None
    duration_minutes: Annotated[StrictInt, Field(ge=0)] | None = None
    fee_eur: Annotated[float, Field(ge=0, strict=True, allow_inf_nan=False)] | None = None
    emotion: Annotated[StrictInt, Field(ge=-2, le=2)] | None = None
    pain_points: tuple[Text, ...] | None = None
    notes: Text | None = None
    sources: tuple[Text, ...] | None = None
    verified: StrictBool | None = None


class EvidenceChange(_Change):
    """Set fields of an evidence, e.g. ``transfer: direct`` (authorities exchange it).

    Attributes
    ----------
    evidence : str
        The id of the evidence to change.
    optional : bool
        Skip the change silently where the journey has no such evidence.
    name, issued_by, identity, transfer, ... : optional
        Any field of :class:`~lifeevents.model.life_event.Evidence`; only those
        written are set.

    Examples
    --------
    When the Bürgerbüro sends the Meldebestätigung itself, the citizen no longer
    hands the state data it already holds (rule 9):

    >>> from lifeevents import analyze, apply, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> change = EvidenceChange(evidence="meldung", transfer="direct")
    >>> scenario = Scenario(format="lifeevents-scenario/1", id="x", name="X", changes=[change])
    >>> umzug = loads(DEMO_YAML)
    >>> [len(analyze(journey(trip, "mit-auto")).once_only_violations)
    ...  for trip in (umzug, apply(umzug, scenario))]
    [1, 0]
    """

    target_key: ClassVar[str] = "evidence"
    evidence: Ident
    name: Text | None = None
    name_en: Text | None = None
    issued_by: AuthorityRef | None = None
    identity: StrictBool | None = None
    transfer: Transfer | None = None
    sources: tuple[Text, ...] | None = None
    verified: StrictBool | None = None


class AuthorityChange(_Change):
    """Set fields of a file-local authority or of a region office, e.g. its ``site``.

    Attributes
    ----------
    authority : str
        The id of the authority or region office to change.
    optional : bool
        Skip the change silently where the journey has no such authority.
    name, name_en, level, site : optional
        New values; a region office becomes an
        :class:`~lifeevents.model.life_event.OfficeChange` of the journey.
    scope : {"municipality", "region", "external"}, optional
        Region offices only, as in the region file.

    Examples
    --------
    With the Straßenverkehrsamt in the town hall, all three visits of the demo
    could be made in one:

    >>> from lifeevents import analyze, apply, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> change = AuthorityChange(authority="kreis", site="rathaus")
    >>> scenario = Scenario(format="lifeevents-scenario/1", id="x", name="X", changes=[change])
    >>> umzug = loads(DEMO_YAML)
    >>> [analyze(journey(trip, "mit-auto")).visits.minimum
    ...  for trip in (umzug, apply(umzug, scenario))]
    [2, 1]
    """

    target_key: ClassVar[str] = "authority"
    authority: Ident
    name: Text | None = None
    name_en: Text | None = None
    level: Level | None = None
    scope: Literal["municipality", "region", "external"] | None = Field(
        default=None, description="region offices only, as in the region file"
    )
    site: Ident | None = None
    sources: tuple[Text, ...] | None = None
    verified: StrictBool | None = None


class AddStep(_Change):
    """Add a step, with the same fields as in a journey file.

    Attributes
    ----------
    add_step : Step
        The new step, added after the journey's steps.
    optional : bool
        Skip the change silently where the journey has a step of that id already
        (without it, that is an error).

    Examples
    --------
    >>> from lifeevents import apply, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> termin = {"id": "termin", "name": "Termin online buchen", "authority": "amt",
    ...           "channels": ["online"]}
    >>> scenario = Scenario.model_validate({"format": "lifeevents-scenario/1", "id": "x",
    ...                                     "name": "X", "changes": [{"add_step": termin}]})
    >>> scenario.changes[0].target
    'termin'
    >>> [step.id for step in apply(loads(DEMO_YAML), scenario).steps]
    ['anmelden', 'gebuehr', 'kfz', 'rundfunk', 'termin']
    """

    target_key: ClassVar[str] = "add_step"
    add_step: Step

    @property
    def target(self) -> str:
        return self.add_step.id


def _kind(value: Any) -> str | None:
    """Which change a mapping is, by the key that names its target."""
    if isinstance(value, dict):
        for key in ("step", "evidence", "authority", "add_step"):
            if key in value:
                return f"kind:{key}"
        return None
    kind: str | None = getattr(value, "target_key", None)
    return f"kind:{kind}" if kind else None


Change = Annotated[
    Annotated[StepChange, Tag("kind:step")]
    | Annotated[EvidenceChange, Tag("kind:evidence")]
    | Annotated[AuthorityChange, Tag("kind:authority")]
    | Annotated[AddStep, Tag("kind:add_step")],
    Discriminator(
        _kind,
        custom_error_type="change_kind",
        custom_error_message=(
            "a change names its target with one of the keys step, evidence, authority or add_step"
        ),
    ),
]


class ScenarioCost(SourcedPart):
    """What the change costs, where a public figure exists (with its source).

    Attributes
    ----------
    one_off_eur : float or None
        The one-off cost in euros; ``None`` where no public figure exists.
    yearly_eur : float or None
        The cost per year in euros.
    sources : tuple of str
        Where the figures come from.

    Examples
    --------
    No built-in scenario names a cost. A figure must not be negative:

    >>> from pydantic import ValidationError
    >>> try:
    ...     ScenarioCost(one_off_eur=-1.0)
    ... except ValidationError as error:
    ...     print(error.errors()[0]["type"])
    greater_than_equal
    """

    one_off_eur: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = None
    yearly_eur: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = None


class Scenario(FileModel, SourcedPart):
    """A whole scenario file.

    Attributes
    ----------
    format : str
        Always ``"lifeevents-scenario/1"``.
    id : str
        The scenario's id.
    name : str
        The display name (German); ``name_en`` the English one (optional).
    description, notes : str or None
        Text for readers.
    applies_to : tuple of str or None
        The life event ids it is meant for; ``None``: every journey.
    changes : tuple of StepChange, EvidenceChange, AuthorityChange or AddStep
        The changes, applied in order.
    cost : ScenarioCost or None
        What the change costs, where a public figure exists.

    See Also
    --------
    lifeevents.load_scenario : read a scenario file or a built-in scenario.
    lifeevents.apply : apply scenarios to a journey.

    Examples
    --------
    >>> from lifeevents import load_scenario
    >>> scenario = load_scenario("urkunden-direkt")
    >>> scenario.applies_to
    ('geburt', 'todesfall')
    >>> [change.target for change in scenario.changes]
    ['geburtsurkunde', 'geburtsbescheinigung-elterngeld', 'sterbeurkunde']
    >>> scenario.applies("geburt"), scenario.cost is None
    (True, True)
    """

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        title="lifeevents scenario file",
        json_schema_extra={"$comment": "format lifeevents-scenario/1, see scenario-format-v1.md"},
    )

    format: Literal["lifeevents-scenario/1"]
    id: Slug
    name: Text
    name_en: Text | None = None
    description: Text | None = None
    applies_to: tuple[Slug, ...] | None = Field(
        default=None, description="life event ids; default: every journey it is applied to"
    )
    changes: tuple[Change, ...] = ()
    cost: ScenarioCost | None = None
    notes: Text | None = None

    def applies(self, life_event_id: str) -> bool:
        """Whether this scenario is meant for the life event (rule 5)."""
        return self.applies_to is None or life_event_id in self.applies_to
