"""The rows of a sweep: planned as blocks, one per life event and variant, not one by one.

A sweep of every built-in journey over the persona grid, 24 municipalities and
every combination of the built-in scenarios has close to a million rows, but only
some two thousand *blocks*: every row of a block has the same life event, variant
and group, and the block holds one row for each of the group's (municipality,
persona) pairs, in pair order. The frame's key columns are built from the blocks a
column at a time (:func:`row_positions`); a :class:`Row` per row is made only when
asked for (:attr:`Study.rows <lifeevents.studies.plan.Study.rows>`).

>>> blocks = (Block("geburt", "", "", 0), Block("geburt", "ewa", "", 0),
...           Block("geburt", "urkunden-direkt", "urkunden-direkt", 1))
>>> pairs = [[("rheine", "default"), ("greven", "default")]] * 2
>>> [row.scenarios for row in expand(blocks, pairs)]
['', '', 'ewa', 'ewa', 'urkunden-direkt', 'urkunden-direkt']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["Block", "Row", "expand", "row_positions"]


@dataclass(frozen=True)
class Row:
    """The keys of one row of a sweep and where its figures come from.

    Attributes
    ----------
    life_event : str
        The life event's id.
    scenarios : str
        The scenarios asked for, joined by ``+`` (empty: today).
    applied : str
        Those of them that apply to the life event, joined the same way.
    municipality : str or None
        The home municipality; ``None`` for a journey without a region.
    persona : str
        The persona's id.
    group : int
        The group whose analysis gives the row's figures.
    pair : int
        The index of the row's (municipality, persona) pair in that group.

    Examples
    --------
    The built-in scenario ``ewa`` is meant for other journeys, so its rows
    copy today's figures (group 0):

    >>> from lifeevents import loads
    >>> from lifeevents.formats.scenario_file import load_scenario
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.studies.plan import plan_sweep
    >>> study = plan_sweep([loads(DEMO_YAML)], [load_scenario("ewa")])
    >>> study.rows[-1]
    Row(life_event='demo', scenarios='ewa', applied='', municipality=None, persona='mit-auto', \
group=0, pair=1)
    """

    life_event: str
    scenarios: str
    applied: str
    municipality: str | None
    persona: str
    group: int
    pair: int


@dataclass(frozen=True)
class Block:
    """Consecutive rows of a sweep: one life event and variant, every pair of one group.

    Attributes
    ----------
    life_event : str
        The life event's id.
    scenarios : str
        The scenarios asked for, joined by ``+`` (empty: today).
    applied : str
        Those of them that apply to the life event, joined the same way.
    group : int
        The group whose analysis gives the rows' figures; the block has one row per
        pair of that group, in pair order.

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.formats.scenario_file import load_scenario
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.studies.plan import plan_sweep
    >>> plan_sweep([loads(DEMO_YAML)], [load_scenario("ewa")]).blocks
    (Block(life_event='demo', scenarios='', applied='', group=0), \
Block(life_event='demo', scenarios='ewa', applied='', group=0))
    """

    life_event: str
    scenarios: str
    applied: str
    group: int


def expand(
    blocks: Sequence[Block], pairs: Sequence[Sequence[tuple[str | None, str]]]
) -> tuple[Row, ...]:
    """One :class:`Row` per row of ``blocks``, in order.

    Parameters
    ----------
    blocks : sequence of Block
        The blocks, in row order.
    pairs : sequence of sequence of (str or None, str)
        Each group's (municipality, persona) pairs.

    Returns
    -------
    tuple of Row
        The rows.

    Examples
    --------
    >>> expand([Block("demo", "", "", 0)], [[(None, "default"), (None, "mit-auto")]])[1]
    Row(life_event='demo', scenarios='', applied='', municipality=None, persona='mit-auto', \
group=0, pair=1)
    """
    return tuple(
        Row(block.life_event, block.scenarios, block.applied, place, persona, block.group, index)
        for block in blocks
        for index, (place, persona) in enumerate(pairs[block.group])
    )


def row_positions(
    blocks: Sequence[Block], sizes: Sequence[int]
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """For every row, its block and its record: where its keys and figures come from.

    Parameters
    ----------
    blocks : sequence of Block
        The blocks, in row order.
    sizes : sequence of int
        The number of pairs (records) of each group.

    Returns
    -------
    block : numpy.ndarray
        The index of each row's block.
    record : numpy.ndarray
        The index of each row's record among the records of all groups, one group
        after another, each in pair order.

    Examples
    --------
    >>> blocks = [Block("a", "", "", 0), Block("a", "x", "x", 1), Block("a", "y", "", 0)]
    >>> block, record = row_positions(blocks, [2, 3])
    >>> block.tolist(), record.tolist()
    ([0, 0, 1, 1, 1, 2, 2], [0, 1, 2, 3, 4, 0, 1])
    """
    import numpy as np

    if not blocks:
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
    counts = np.asarray(sizes, dtype=np.intp)
    offsets = np.cumsum(counts) - counts  # each group's first record
    groups = np.fromiter((block.group for block in blocks), dtype=np.intp, count=len(blocks))
    lengths = counts[groups]
    starts = np.cumsum(lengths) - lengths  # each block's first row
    block = np.repeat(np.arange(len(blocks), dtype=np.intp), lengths)
    # A row's record: its group's first record plus its place within the block.
    record = np.arange(int(lengths.sum()), dtype=np.intp) + np.repeat(
        offsets[groups] - starts, lengths
    )
    return block, record
