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

from lifeevents.model.life_event import (
    Attribute,
    AuthorityRef,
    FileModel,
    Ident,
    LeikaKey,
    ModelPart,
    Slug,
    SourcedPart,
    Step,
    Text,
)
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
    """Set fields of a step, or remove it (``remove: true``)."""

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
    """Set fields of an evidence, e.g. ``transfer: direct`` (authorities exchange it)."""

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
    """Set fields of a file-local authority or of a region office, e.g. its ``site``."""

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
    """Add a step, with the same fields as in a journey file."""

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
    """What the change costs, where a public figure exists (with its source)."""

    one_off_eur: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = None
    yearly_eur: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = None


class Scenario(FileModel, SourcedPart):
    """A whole scenario file."""

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
