"""The persona grid: archetypes shared by every journey, one per combination of a few
attributes, each with its share of the population.

A grid file (``lifeevents-persona-grid/1``; the built-in one is
``library/data/persona-grid.yaml``) has *dimensions*, each with *levels* that set
persona attributes (and a channel preference). Every combination of one level per
dimension is a persona; its id joins the level ids with ``_``, its share is the
product of the levels' shares. **That product assumes the dimensions are
independent**, which they are not; docs/studies.md says what the shares mean. A
dimension whose levels give no share weighs them equally, and says so
(:attr:`GridDimension.equal_weights`).

Attributes a journey asks about that the grid does not vary come from the file's
``life_events:`` entry for it (fixed ``attributes`` and ``follow``, which copies a
grid attribute under the journey's own name); for a journey the file does not name,
from the journey's own persona ``default``.

>>> grid = load_persona_grid()
>>> [dimension.id for dimension in grid.dimensions]
['auto', 'familie', 'einkommen', 'kanal']
>>> len(grid.personas), round(sum(grid.shares().values()), 12)
(24, 1.0)
>>> first = grid.personas[0]
>>> first.id, round(first.share, 6)
('mit-auto_verheiratet_geringes-einkommen_digital', 0.041166)
"""

from __future__ import annotations

import functools
import itertools
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lifeevents.errors import InputError, SweepError
from lifeevents.model.life_event import LifeEvent, Persona
from lifeevents.model.problems import Problem
from lifeevents.model.vocabulary import Channel

__all__ = [
    "GRID",
    "GridDimension",
    "GridLevel",
    "GridPersona",
    "PersonaGrid",
    "load_persona_grid",
    "loads_persona_grid",
    "with_persona_grid",
]

#: Asks a sweep for the persona grid instead of each journey's own personas.
GRID = "grid"

_FORMAT = "lifeevents-persona-grid/1"
#: Joins level ids into a persona id (level ids may not hold it).
_JOIN = "_"


@dataclass(frozen=True)
class GridLevel:
    """One value of a dimension: the attributes it sets and its share.

    Attributes
    ----------
    id, name : str
        Its id (part of the persona id) and German name.
    share : float or None
        Its share of the population; ``None`` when the dimension has no shares.
    attributes : dict
        The persona attributes it sets.
    prefer : tuple of str
        The channel preference it sets (empty: none).

    Examples
    --------
    >>> level = load_persona_grid().dimensions[0].levels[0]
    >>> level.id, level.share, level.attributes
    ('mit-auto', 0.78, {'has_car': True})
    """

    id: str
    name: str
    share: float | None
    attributes: dict[str, Any] = field(default_factory=dict)
    prefer: tuple[str, ...] = ()


@dataclass(frozen=True)
class GridDimension:
    """An attribute (or a few that belong together) the grid varies, with its source.

    Attributes
    ----------
    id, name : str
        Its id and German name.
    levels : tuple of GridLevel
        Its values, in file order.
    source, url, note : str
        Where the shares come from, and caveats.
    verified : bool
        Whether the source's text shows the shares.

    Examples
    --------
    >>> family = load_persona_grid().dimensions[1]
    >>> [(level.id, family.share(level)) for level in family.levels]
    [('verheiratet', 0.515), ('unverheiratet', 0.445), ('alleinerziehend', 0.04)]
    >>> family.equal_weights
    False
    """

    id: str
    name: str
    levels: tuple[GridLevel, ...]
    source: str = ""
    url: str = ""
    verified: bool = False
    note: str = ""

    @property
    def equal_weights(self) -> bool:
        """Whether the levels give no share, so each weighs ``1 / len(levels)``."""
        return all(level.share is None for level in self.levels)

    def share(self, level: GridLevel) -> float:
        """The share of ``level``: its own, or an equal part without shares."""
        return 1 / len(self.levels) if level.share is None else level.share


@dataclass(frozen=True)
class GridPersona:
    """One combination of levels: a persona of every journey, with its share.

    Attributes
    ----------
    id, name : str
        The level ids joined by ``_``; the level names joined by ``, ``.
    levels : tuple of str
        The level id of each dimension.
    attributes : dict
        The attributes the levels set.
    prefer : tuple of str
        The channel preference (the last level that sets one).
    share : float
        The product of the levels' shares (independence assumed).

    Examples
    --------
    >>> grid = load_persona_grid()
    >>> persona = grid.persona("ohne-auto_alleinerziehend_geringes-einkommen_schalter")
    >>> persona.name
    'ohne Auto, alleinerziehend, geringes Einkommen, am Schalter'
    >>> persona.attributes["single_parent"], persona.prefer[0], round(persona.share, 6)
    (True, 'in_person', 0.000709)
    """

    id: str
    name: str
    levels: tuple[str, ...]
    attributes: dict[str, Any]
    prefer: tuple[str, ...]
    share: float


@dataclass(frozen=True)
class _Fit:
    """How a named journey fits the grid: fixed attributes and copied ones."""

    attributes: dict[str, Any]
    follow: dict[str, str]


@dataclass(frozen=True)
class PersonaGrid:
    """The dimensions of a grid file and how each named journey fits it.

    Attributes
    ----------
    dimensions : tuple of GridDimension
        In file order; personas vary the last dimension fastest.
    file : str
        The grid file, as problems and labels name it.

    Examples
    --------
    >>> grid = load_persona_grid()
    >>> grid.file
    'persona-grid.yaml'
    >>> grid.shares()["mit-auto_verheiratet_auskommen_digital"] == 0.78 * 0.515 * 0.817 * 0.56
    True
    """

    dimensions: tuple[GridDimension, ...]
    file: str = "<persona-grid>"
    fits: Mapping[str, _Fit] = field(default_factory=dict, repr=False)

    @functools.cached_property
    def personas(self) -> tuple[GridPersona, ...]:
        """Every combination of levels, the last dimension varying fastest."""
        found = []
        for combination in itertools.product(*(d.levels for d in self.dimensions)):
            attributes: dict[str, Any] = {}
            prefer: tuple[str, ...] = ()
            for level in combination:
                attributes.update(level.attributes)
                prefer = level.prefer or prefer
            share = math.prod(
                dimension.share(level)
                for dimension, level in zip(self.dimensions, combination, strict=True)
            )
            found.append(
                GridPersona(
                    _JOIN.join(level.id for level in combination),
                    ", ".join(level.name for level in combination),
                    tuple(level.id for level in combination),
                    attributes,
                    prefer,
                    share,
                )
            )
        return tuple(found)

    def persona(self, persona_id: str) -> GridPersona:
        """The persona of that id (``KeyError`` if there is none)."""
        for persona in self.personas:
            if persona.id == persona_id:
                return persona
        raise KeyError(persona_id)

    def shares(self) -> dict[str, float]:
        """Each persona's share by id, in persona order (they sum to 1)."""
        return {persona.id: persona.share for persona in self.personas}

    def for_life_event(self, life_event: LifeEvent) -> dict[str, Persona]:
        """The grid's personas as personas of ``life_event``, by id.

        Each starts from the attributes the file fixes for the journey (or, for a
        journey it does not name, those of the journey's persona ``default``), then
        takes the grid attributes, then the ``follow`` copies.
        """
        fit = self.fits.get(life_event.id)
        if fit is None:
            own = life_event.personas.get("default")
            fit = _Fit(dict(own.attributes) if own else {}, {})
        made = {}
        for persona in self.personas:
            attributes = {**fit.attributes, **persona.attributes}
            for name, source in fit.follow.items():
                if source in attributes:
                    attributes[name] = attributes[source]
            made[persona.id] = Persona(
                name=persona.name,
                description=f"Raster-Persona ({self.file}), Anteil {persona.share:.4%}",
                attributes=attributes,
                prefer=tuple(Channel(channel) for channel in persona.prefer),
            )
        return made


def with_persona_grid(life_event: LifeEvent, grid: PersonaGrid | None = None) -> LifeEvent:
    """``life_event`` with the grid's personas added to its own (which stay).

    Parameters
    ----------
    life_event : LifeEvent
        A journey.
    grid : PersonaGrid, optional
        Default: the built-in grid.

    Returns
    -------
    LifeEvent
        A copy; the original is unchanged.

    Raises
    ------
    SweepError
        When the journey already has a persona of a grid persona's id.

    Examples
    --------
    >>> from lifeevents.formats.journey_file import load
    >>> geburt = with_persona_grid(load("geburt"))
    >>> len(geburt.personas), "alleinerziehend" in geburt.personas
    (28, True)
    >>> geburt.persona("mit-auto_verheiratet_auskommen_digital").attributes["married"]
    True
    """
    grid = grid or load_persona_grid()
    personas = grid.for_life_event(life_event)
    clash = sorted(set(personas) & set(life_event.personas))
    if clash:
        raise SweepError(
            f"'{life_event.id}' already has persona(s) named like the grid's: {', '.join(clash)}"
        )
    return life_event.model_copy(update={"personas": {**life_event.personas, **personas}})


def load_persona_grid(path: str | os.PathLike[str] | None = None) -> PersonaGrid:
    """Read a grid file (default: the built-in grid).

    Parameters
    ----------
    path : str or os.PathLike, optional
        A ``lifeevents-persona-grid/1`` YAML file.

    Returns
    -------
    PersonaGrid
        The grid.

    Raises
    ------
    lifeevents.errors.InputError
        For a file that cannot be read or is not a valid grid (located).

    Examples
    --------
    >>> load_persona_grid("missing.yaml")
    Traceback (most recent call last):
    ...
    lifeevents.errors.InputError: missing.yaml:1:1: cannot read: No such file or directory
    """
    if path is None:
        from lifeevents.library.figures import persona_grid_file

        path = persona_grid_file()
        name = path.name
    else:
        name = os.fspath(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InputError([Problem(name, 1, 1, f"cannot read: {error.strerror}")]) from None
    return loads_persona_grid(data, name)


def loads_persona_grid(text: str | bytes, filename: str = "<persona-grid>") -> PersonaGrid:
    """Parse a grid file's text; see the module for the format.

    Parameters
    ----------
    text : str or bytes
        The YAML text.
    filename : str
        The file as problems name it.

    Returns
    -------
    PersonaGrid
        The grid.

    Raises
    ------
    lifeevents.errors.InputError
        Every problem found, located (``FILE:LINE:COLUMN``).

    Examples
    --------
    Without shares, a dimension weighs its levels equally:

    >>> grid = loads_persona_grid(
    ...     "format: lifeevents-persona-grid/1\\n"
    ...     "dimensions:\\n"
    ...     "  - id: auto\\n"
    ...     "    levels:\\n"
    ...     "      - {id: mit-auto, attributes: {has_car: true}}\\n"
    ...     "      - {id: ohne-auto, attributes: {has_car: false}}\\n")
    >>> grid.shares(), grid.dimensions[0].equal_weights
    ({'mit-auto': 0.5, 'ohne-auto': 0.5}, True)
    >>> loads_persona_grid("format: lifeevents-persona-grid/1\\ndimensions:\\n"
    ...                    "  - {id: a, levels: [{id: x, share: 0.5}, {id: y, share: 0.6}]}\\n",
    ...                    "g.yaml")
    Traceback (most recent call last):
    ...
    lifeevents.errors.InputError: g.yaml:3:5: the shares of dimension 'a' sum to 1.1, not 1
    """
    from lifeevents.studies.grid_file import parse_grid

    dimensions, fits = parse_grid(text, filename)
    return PersonaGrid(
        tuple(
            GridDimension(
                dimension["id"],
                dimension["name"],
                tuple(GridLevel(**level) for level in dimension["levels"]),
                dimension["source"],
                dimension["url"],
                dimension["verified"],
                dimension["note"],
            )
            for dimension in dimensions
        ),
        filename,
        {key: _Fit(attributes, follow) for key, (attributes, follow) in fits.items()},
    )
