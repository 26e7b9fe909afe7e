"""The common ground of every file model: value types, frozen parts, sources, the file's place.

Journey, region and scenario files share these: ids and texts with their syntax,
parts that refuse unknown keys, parts that cite their sources, and a whole file's
model that remembers where it was read from (:class:`FileModel`).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
)

from lifeevents.model.sources import SourceMap

__all__ = [
    "Attribute",
    "AuthorityRef",
    "FileModel",
    "Ident",
    "LeikaKey",
    "ModelPart",
    "Slug",
    "SourcedPart",
    "Text",
]

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


class ModelPart(BaseModel):
    """Base of every part: immutable, and unknown keys are errors (typos must not vanish).

    Every part of a journey, region or scenario file is a ``ModelPart``: a frozen
    :class:`pydantic.BaseModel` that forbids keys it does not define.

    Examples
    --------
    >>> from pydantic import ValidationError
    >>> from lifeevents.model.life_event import Persona
    >>> try:
    ...     Persona(nmae="Mit Auto")
    ... except ValidationError as error:
    ...     print(error.errors()[0]["type"], error.errors()[0]["loc"])
    extra_forbidden ('nmae',)
    >>> persona = Persona(name="Mit Auto")
    >>> try:
    ...     persona.name = "Ohne Auto"
    ... except ValidationError as error:
    ...     print(error.errors()[0]["type"])
    frozen_instance
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


class SourcedPart(ModelPart):
    """A part that states facts: where they come from, and whether they are confirmed.

    Attributes
    ----------
    sources : tuple of str
        Where the facts come from (an address, a document, the domain notes).
    verified : bool or None
        ``False`` when a fact is not confirmed by a source: treat it as a modelling
        assumption (see ``docs/data-sources.md``); ``None`` when not stated.

    Examples
    --------
    >>> from lifeevents import load
    >>> beurkunden = load("geburt").step("geburt-beurkunden")
    >>> beurkunden.sources[0], beurkunden.verified
    ('domain README, Geburt: Standesamt of the place of birth', False)
    """

    sources: tuple[Text, ...] = Field(default=(), description="where the facts come from")
    verified: StrictBool | None = Field(
        default=None, description="false when a fact is not confirmed by a source"
    )


class FileModel(ModelPart):
    """A whole file's model, which remembers where it was read from.

    Problems found after loading (once a persona is applied, or a scenario changes
    the model) are located through :attr:`source`. The place is not part of
    equality: the same file read under two names gives equal models.

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> umzug = loads(DEMO_YAML, "umzug.yaml")
    >>> umzug.source.filename
    'umzug.yaml'
    >>> umzug == loads(DEMO_YAML, "kopie.yaml")
    True
    >>> type(umzug).model_validate(umzug.model_dump()).source is None  # built in code
    True
    """

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
