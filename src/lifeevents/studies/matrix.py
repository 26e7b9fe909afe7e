"""Who is responsible for each step in each municipality: the responsibility matrix.

For every step of a journey and every municipality of its region, the matrix
holds the resolved authority (id, name, level, site) as :func:`lifeevents.graph.journey`
resolves it there (origin: the municipality itself; place of the event: the
region's usual one). A step is resolved from the personas that take it; a step no
persona of the file takes has no cells.

Definitions (see docs/studies.md):

- A cell is the place's *own* body when the authority resolves to the office of
  the municipality the reference points at (the home municipality, the one left
  for ``@origin``, the place of the event for ``@event``), or to a delegation of a
  region office to it; otherwise it is a *shared* body (a Kreis office, a
  file-local authority).
- A step's responsibility **differs** between municipalities when its cells do not
  all have the same level and the same kind: all the place's own body, or all
  one and the same shared body. Equal responsibility served at different sites
  (the Kreis's three vehicle registration offices) does not differ.
- A life event **needs Kreis and Gemeinde** in a municipality when its steps there
  include authorities of both levels.

>>> from lifeevents.formats.journey_file import load
>>> matrix = responsibility_matrix(load("geburt"))
>>> row = matrix.row("vaterschaft-anerkennen")
>>> row.differs, row.cell("rheine").name, row.cell("saerbeck").name
(True, 'Jugendamt der Stadt Rheine', 'Kreisjugendamt')
>>> matrix.row("geburt-beurkunden").differs
False
>>> len(matrix.needs_kreis_and_gemeinde()), len(matrix.municipalities)
(24, 24)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lifeevents.graph.journey import journey
from lifeevents.model.authorities import ResolvedAuthority
from lifeevents.model.life_event import LifeEvent, Step
from lifeevents.model.region import Region
from lifeevents.model.vocabulary import Level

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Cell", "Matrix", "StepRow", "responsibility_matrix"]


@dataclass(frozen=True)
class Cell:
    """The authority responsible for one step in one municipality.

    Attributes
    ----------
    authority : ResolvedAuthority
        The authority as :func:`lifeevents.journey` resolves it there.
    own : bool
        Whether it is the place's own body (its own office, or a region office
        delegated to it), not a shared one (see the module).

    Examples
    --------
    Rheine has its own youth office; Saerbeck is served by the Kreis's:

    >>> from lifeevents import load
    >>> row = responsibility_matrix(load("geburt")).row("vaterschaft-anerkennen")
    >>> rheine, saerbeck = row.cell("rheine"), row.cell("saerbeck")
    >>> rheine.name, rheine.own, rheine.text()
    ('Jugendamt der Stadt Rheine', True, 'jugendamt@rheine (gemeinde)')
    >>> saerbeck.name, saerbeck.own, saerbeck.text()
    ('Kreisjugendamt', False, 'jugendamt (kreis)')
    >>> rheine.kind == saerbeck.kind
    False
    """

    authority: ResolvedAuthority
    own: bool

    @property
    def name(self) -> str:
        return self.authority.name

    @property
    def level(self) -> Level:
        return self.authority.level

    @property
    def kind(self) -> tuple[Level, str]:
        """What is compared between municipalities: the level, and the place's own
        body (``""``) or which shared body."""
        return (self.level, "" if self.own else self.authority.id)

    def text(self) -> str:
        """``id (level)``, as in the CSV."""
        return f"{self.authority.id} ({self.level.value})"


@dataclass(frozen=True)
class StepRow:
    """One step across the municipalities (a cell is ``None`` where no persona takes it).

    Attributes
    ----------
    step : str
        The step id.
    name : str
        The step's name.
    municipalities : tuple of str
        The municipality ids, in the matrix's order.
    cells : tuple of Cell or None
        The cell of each municipality, in the same order.

    Examples
    --------
    Every municipality registers a birth at its own registry office, so
    responsibility does not differ, though the offices do:

    >>> from lifeevents import load
    >>> matrix = responsibility_matrix(load("geburt"), municipalities=["rheine", "saerbeck"])
    >>> row = matrix.row("geburt-beurkunden")
    >>> [cell.text() for cell in row.cells if cell is not None]
    ['standesamt@rheine (gemeinde)', 'standesamt@saerbeck (gemeinde)']
    >>> row.differs, row.levels
    (False, (<Level.GEMEINDE: 'gemeinde'>,))
    >>> matrix.row("vaterschaft-anerkennen").differs
    True
    """

    step: str
    name: str
    municipalities: tuple[str, ...]
    cells: tuple[Cell | None, ...]

    @property
    def differs(self) -> bool:
        """Whether responsibility differs between municipalities (see the module)."""
        return len({cell.kind for cell in self.cells if cell is not None}) > 1

    @property
    def levels(self) -> tuple[Level, ...]:
        """The levels of its authorities, in the order of :class:`Level`."""
        found = {cell.level for cell in self.cells if cell is not None}
        return tuple(level for level in Level if level in found)

    def cell(self, municipality: str) -> Cell | None:
        return self.cells[self.municipalities.index(municipality)]


@dataclass(frozen=True)
class Matrix:
    """Steps × municipalities of one life event: who is responsible where.

    Made by :func:`responsibility_matrix`; :meth:`to_frame` gives it as a table,
    :func:`~lifeevents.studies.matrix_page.matrix_html` as a page.

    Attributes
    ----------
    life_event : str
        The life event's id.
    name : str
        The life event's name.
    region : str
        The region's id.
    municipalities : tuple of str
        The municipality ids, the columns.
    municipality_names : tuple of str
        Their names, in the same order.
    rows : tuple of StepRow
        One row per step of the file, in file order.

    Examples
    --------
    >>> from lifeevents import load
    >>> matrix = responsibility_matrix(load("geburt"), municipalities=["rheine", "saerbeck"])
    >>> matrix.municipality_names, len(matrix.rows)
    (('Rheine', 'Saerbeck'), 15)
    >>> [row.step for row in matrix.differing][:2]
    ['vaterschaft-anerkennen', 'sorgeerklaerung']
    >>> matrix.needs_kreis_and_gemeinde()
    ('rheine', 'saerbeck')
    >>> frame = matrix.to_frame()
    >>> list(frame.columns)
    ['life_event', 'step', 'name', 'differs', 'levels', 'rheine', 'saerbeck']
    >>> frame.loc[0, "levels"], frame.loc[0, "saerbeck"]
    ('kreis gemeinde', 'jugendamt (kreis)')
    """

    life_event: str
    name: str
    region: str
    municipalities: tuple[str, ...]
    municipality_names: tuple[str, ...]
    rows: tuple[StepRow, ...]

    def row(self, step: str) -> StepRow:
        """The row of ``step`` (:class:`KeyError` for an unknown step)."""
        for row in self.rows:
            if row.step == step:
                return row
        raise KeyError(f"no step {step!r} in {self.life_event}")

    @property
    def differing(self) -> tuple[StepRow, ...]:
        """The steps whose responsibility differs between municipalities."""
        return tuple(row for row in self.rows if row.differs)

    def needs_kreis_and_gemeinde(self) -> tuple[str, ...]:
        """The municipalities in which the life event involves both levels."""
        found = []
        for index, municipality in enumerate(self.municipalities):
            levels = {cell.level for row in self.rows if (cell := row.cells[index]) is not None}
            if {Level.KREIS, Level.GEMEINDE} <= levels:
                found.append(municipality)
        return tuple(found)

    def to_frame(self) -> pd.DataFrame:
        """One row per step: ``life_event, step, name, differs, levels`` and one column per
        municipality with ``authority-id (level)`` (empty where no persona takes the step)."""
        import pandas as pd

        columns = ["life_event", "step", "name", "differs", "levels", *self.municipalities]
        records = [
            [
                self.life_event,
                row.step,
                row.name,
                row.differs,
                " ".join(level.value for level in row.levels),
                *(cell.text() if cell is not None else "" for cell in row.cells),
            ]
            for row in self.rows
        ]
        return pd.DataFrame.from_records(records, columns=columns)


def responsibility_matrix(
    life_event: LifeEvent,
    region: Region | None = None,
    *,
    municipalities: Sequence[str] | None = None,
) -> Matrix:
    """The matrix of ``life_event`` over ``municipalities``.

    Each step's cell in a municipality comes from the first persona (in file
    order) that takes the step there.

    Parameters
    ----------
    life_event : LifeEvent
        The journey.
    region : Region, optional
        Its region (default: the built-in region the file names).
    municipalities : sequence of str, optional
        The columns (default: every municipality of the region, in its order).

    Returns
    -------
    Matrix
        One row per step, one cell per municipality.

    Raises
    ------
    ValueError
        For a journey without a region.
    lifeevents.errors.LifeeventsError
        The errors of :func:`lifeevents.journey` (an unknown municipality, an
        authority that does not resolve).

    Examples
    --------
    >>> from lifeevents import load, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> matrix = responsibility_matrix(load("geburt"))
    >>> len(matrix.municipalities), len(matrix.differing)
    (24, 4)
    >>> responsibility_matrix(loads(DEMO_YAML))
    Traceback (most recent call last):
    ...
    ValueError: a responsibility matrix needs a region; 'demo' names none
    """
    if region is None and life_event.region is not None:
        from lifeevents.formats.region_file import builtin_regions

        region = builtin_regions().get(life_event.region)
    if region is None:
        raise ValueError(f"a responsibility matrix needs a region; '{life_event.id}' names none")
    places = tuple(municipalities) if municipalities is not None else tuple(region.municipalities)
    columns: list[dict[str, Cell]] = [_cells(life_event, region, place) for place in places]
    rows = tuple(
        StepRow(
            step.id,
            step.name,
            places,
            tuple(column.get(step.id) for column in columns),
        )
        for step in life_event.steps
    )
    names = tuple(region.municipalities[place].name for place in places)
    return Matrix(life_event.id, life_event.name, region.id, places, names, rows)


def _cells(life_event: LifeEvent, region: Region, municipality: str) -> dict[str, Cell]:
    """Each step's cell in ``municipality``, from the first persona that takes it."""
    cells: dict[str, Cell] = {}
    for persona in life_event.persona_ids():
        trip = journey(life_event, persona, municipality=municipality, region=region)
        for step_id in trip.graph:
            if step_id not in cells:
                step: Step = trip.graph.nodes[step_id]["step"]
                authority = trip.authority(step_id)
                place = (
                    trip.origin
                    if step.at_origin
                    else trip.event_place
                    if step.at_event
                    else trip.municipality
                )
                cells[step_id] = Cell(authority, authority.id.endswith(f"@{place}"))
    return cells
