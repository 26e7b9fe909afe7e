"""Visits to sites: as modelled, the minimum, and a plan (spec "Meaning", rule 5).

A *visit step* is a node whose chosen channel is physical. A *grouping* partitions
the visit steps into groups, each done in one trip on one day. It is feasible when
(a) each group lies at one site, (b) contracting every group to one node leaves the
graph acyclic and (c) no path between two members of a group has a positive sum of
``lead_time_days`` over the steps it leaves.

The minimum is found by simulating the citizen: non-visit steps happen as soon as
their predecessors are done; a *trip* to a site does, as a closure, every visit step
there whose predecessors are done before the trip or are done in this trip with no
lead time. Each trip is one group of a feasible grouping, and every feasible grouping
with *k* groups can be replayed as at most *k* trips (see ``_exact_trips``), so the
fewest trips over all orders of sites is the minimum of rule 5. An A* search over the
done-sets finds it exactly; beyond ``exact_limit`` visit steps a greedy choice of the
next site is used instead.

The graph contract: nodes carry ``lead_time_days`` (int), ``channel`` (the chosen
``Channel``), ``channels`` (the offered ones), ``site`` (str) and ``visit`` (the
modelled visit id or ``None``); the graph is acyclic.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypedDict

from lifeevents.analysis.shape import KEEP_UP_TO, Shape, shape_of
from lifeevents.errors import InfeasibleGroupingError, VisitSearchBudgetError
from lifeevents.graph.journey import JourneyParts
from lifeevents.model.limits import MAX_VISIT_SEARCH_STATES
from lifeevents.model.vocabulary import Channel

# networkx only explains a cycle (an input error): validation runs without it.
if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "EXACT_LIMIT",
    "MinimumGrouping",
    "PlannedVisit",
    "PlannedVisitDict",
    "VisitsDict",
    "VisitsResult",
    "grouping_problems",
    "minimum_grouping",
    "modelled_grouping_problems",
    "modelled_grouping_problems_of_parts",
    "modelled_groups",
    "visit_days",
    "visits",
    "visits_of_nodes",
]

# Channel.is_physical as a tuple: looking an enum member up in a set hashes it in Python.
_PHYSICAL = tuple(channel for channel in Channel if channel.is_physical)

# The spec requires an exact minimum for journeys with up to this many visit steps.
EXACT_LIMIT = 30


@dataclass(frozen=True)
class MinimumGrouping:
    """A feasible grouping with the fewest groups found; ``exact`` says it is optimal.

    Attributes
    ----------
    groups : tuple of tuple of str
        The groups (one trip each) in the order of the trips, steps in topological order.
    exact : bool
        Whether the grouping is proven to have the fewest groups (the exact search
        ran); ``False`` when the greedy choice was used.

    See Also
    --------
    minimum_grouping : finds one for a journey graph.

    Examples
    --------
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> minimum_grouping(journey(loads(DEMO_YAML), "mit-auto").graph)
    MinimumGrouping(groups=(('anmelden', 'gebuehr'), ('kfz',)), exact=True)
    """

    groups: tuple[tuple[str, ...], ...]
    exact: bool


class PlannedVisitDict(TypedDict):
    """One entry of ``visits.plan`` in the machine-readable analysis.

    Attributes
    ----------
    site : str
        Where the trip goes.
    day : int
        Its earliest day.
    steps : list of str
        The steps done there, in dependency order.

    Examples
    --------
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> visits(journey(loads(DEMO_YAML)).graph).to_dict()["plan"][0]
    {'site': 'rathaus', 'day': 0, 'steps': ['anmelden', 'gebuehr']}
    """

    site: str
    day: int
    steps: list[str]


class VisitsDict(TypedDict):
    """The ``visits`` object of the machine-readable analysis.

    Attributes
    ----------
    as_modelled, minimum, redundant, avoidable : int
        The figures of :class:`VisitsResult`.
    minimum_exact : bool
        Whether ``minimum`` is proven to be the fewest.
    plan : list of PlannedVisitDict
        The trips of the minimum plan.

    Examples
    --------
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> figures = visits(journey(loads(DEMO_YAML)).graph).to_dict()
    >>> {key: value for key, value in figures.items() if key != "plan"}
    {'as_modelled': 2, 'minimum': 1, 'redundant': 1, 'avoidable': 0, 'minimum_exact': True}
    """

    as_modelled: int
    minimum: int
    redundant: int
    avoidable: int
    minimum_exact: bool
    plan: list[PlannedVisitDict]


@dataclass(frozen=True)
class PlannedVisit:
    """One trip of the minimum plan: the site, its earliest day and its steps.

    Attributes
    ----------
    site : str
        Where the trip goes (a site id as resolved for the journey).
    day : int
        The earliest day of the trip by rule 4.
    steps : tuple of str
        The steps done in the trip, in dependency order.

    Examples
    --------
    With a car, the demo citizen goes to the town hall and to the Kreishaus:

    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> for trip in visits(journey(loads(DEMO_YAML), "mit-auto").graph).plan:
    ...     print(trip)
    PlannedVisit(site='rathaus', day=0, steps=('anmelden', 'gebuehr'))
    PlannedVisit(site='kreishaus', day=0, steps=('kfz',))
    """

    site: str
    day: int
    steps: tuple[str, ...]


@dataclass(frozen=True)
class VisitsResult:
    """The visit figures of rule 5 and a minimum plan (by day, then dependency order).

    Attributes
    ----------
    as_modelled : int
        Visits as the journey file groups them (steps sharing a ``visit`` id are one).
    minimum : int
        The fewest visits of any feasible grouping (see ``minimum_exact``).
    redundant : int
        ``as_modelled - minimum``: visits that better grouping would save.
    avoidable : int
        Modelled visits whose every step also offers a channel without a visit.
    minimum_exact : bool
        Whether ``minimum`` is proven (exact search) rather than found greedily.
    plan : tuple of PlannedVisit
        The trips of a minimum grouping, by day, then in dependency order.
    modelled : tuple of tuple of str
        The groups as modelled.

    See Also
    --------
    visits : computes it for a journey graph.

    Examples
    --------
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> result = visits(journey(loads(DEMO_YAML)).graph)
    >>> result.as_modelled, result.minimum, result.redundant, result.avoidable
    (2, 1, 1, 0)
    >>> result.modelled, result.plan[0].steps
    ((('anmelden',), ('gebuehr',)), ('anmelden', 'gebuehr'))
    """

    as_modelled: int
    minimum: int
    redundant: int
    avoidable: int
    minimum_exact: bool
    plan: tuple[PlannedVisit, ...]
    modelled: tuple[tuple[str, ...], ...]

    def to_dict(self) -> VisitsDict:
        """The ``visits`` object of the machine-readable analysis (:class:`VisitsDict`)."""
        return {
            "as_modelled": self.as_modelled,
            "minimum": self.minimum,
            "redundant": self.redundant,
            "avoidable": self.avoidable,
            "minimum_exact": self.minimum_exact,
            "plan": [
                {"site": visit.site, "day": visit.day, "steps": list(visit.steps)}
                for visit in self.plan
            ],
        }


# ---------------------------------------------------------------------------
# Public functions. Each builds the index once and hands it to the helpers below.


def visits(graph: nx.DiGraph[str], *, exact_limit: int = EXACT_LIMIT) -> VisitsResult:
    """Count the visits of a journey graph (rule 5) and plan the fewest trips.

    Raises ``InfeasibleGroupingError`` when the modelled grouping is not feasible. The
    minimum is exact up to ``exact_limit`` visit steps (see ``minimum_grouping``).

    Parameters
    ----------
    graph : networkx.DiGraph
        An acyclic journey graph with the node attributes of the module's graph
        contract (``lead_time_days``, ``channel``, ``channels``, ``site``, ``visit``).
    exact_limit : int, optional
        Up to this many visit steps the minimum is searched exactly; beyond, greedily.

    Returns
    -------
    VisitsResult
        The figures of rule 5 and a plan of the fewest trips.

    Raises
    ------
    InfeasibleGroupingError
        When the modelled ``visit`` groups are not a feasible grouping.
    VisitSearchBudgetError
        When the exact search exceeds its budget of states.

    Examples
    --------
    The demo citizen goes to the town hall twice, to the Bürgerbüro and to its cash
    desk; one trip would do:

    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> result = visits(journey(loads(DEMO_YAML)).graph)
    >>> result.as_modelled, result.minimum, result.redundant, result.avoidable
    (2, 1, 1, 0)
    >>> result.to_dict()["plan"]
    [{'site': 'rathaus', 'day': 0, 'steps': ['anmelden', 'gebuehr']}]
    """
    return _visits_of(_Index.of(graph), exact_limit)


def visits_of_nodes(
    nodes: Mapping[str, Mapping[str, Any]], shape: Shape, *, exact_limit: int = EXACT_LIMIT
) -> VisitsResult:
    """:func:`visits` of a graph given by its node data and shape (what ``analyze`` reads).

    Parameters
    ----------
    nodes : mapping of str to mapping
        Each node's attributes (``dict(graph.nodes(data=True))``).
    shape : Shape
        The graph's shape (:func:`~lifeevents.analysis.shape.shape_of`).
    exact_limit : int, optional
        As for :func:`visits`.

    Returns
    -------
    VisitsResult
        The same as :func:`visits` of the graph.

    Examples
    --------
    >>> from lifeevents import journey, loads
    >>> from lifeevents.analysis.shape import shape_of
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> graph = journey(loads(DEMO_YAML)).graph
    >>> nodes, shape = dict(graph.nodes(data=True)), shape_of(dict(graph.adjacency()))
    >>> visits_of_nodes(nodes, shape) == visits(graph)
    True
    """
    return _visits_of(_Index.of_nodes(nodes, shape), exact_limit)


# What the search found for a shape, lead times, visit steps, sites and modelled visits.
# The search only compares and sorts sites, so their ranks among the journey's sites
# stand for them: journeys in many municipalities share one search. At most
# MAX_SEARCHED are kept, then forgotten.
_Searched = tuple[list[tuple[str, ...]], MinimumGrouping, list[int], list[int]]
_SEARCHED: dict[tuple[Any, ...], _Searched] = {}
MAX_SEARCHED = 8192


def _visits_of(ix: _Index, exact_limit: int = EXACT_LIMIT) -> VisitsResult:
    """:func:`visits` of an index (:func:`lifeevents.analysis.report.analyze` has one)."""
    site_rank = {site: number for number, site in enumerate(sorted(set(ix.site)))}
    pattern = tuple([site_rank[site] for site in ix.site])
    key = (ix.shape, ix.lead, ix.is_visit, pattern, ix.visit_id, exact_limit)
    known = _SEARCHED.get(key)
    if known is None:
        modelled = _modelled(ix)
        # Every visit step a trip of its own is always feasible (the graph is acyclic).
        problems = _problems(ix, modelled) if any(len(group) > 1 for group in modelled) else []
        if problems:
            raise InfeasibleGroupingError(problems)
        found = _minimum(ix, modelled, exact_limit=exact_limit)
        days, rank, _ = _schedule_groups(ix, found.groups)
        known = (modelled, found, days, rank)
        if len(ix.ids) <= KEEP_UP_TO:  # only for shapes that are kept (see shape_of)
            if len(_SEARCHED) >= MAX_SEARCHED:
                _SEARCHED.clear()
            _SEARCHED[key] = known
    modelled, found, days, rank = known
    # By day, then in dependency order: a visit is never listed before one it depends on.
    order = sorted(range(len(found.groups)), key=lambda g: (days[g], rank[g]))
    plan = [
        PlannedVisit(site=ix.site[ix.pos[found.groups[g][0]]], day=days[g], steps=found.groups[g])
        for g in order
    ]
    avoidable = sum(
        1
        for group in modelled
        if all(
            any(channel not in _PHYSICAL for channel in ix.offered[ix.pos[step]]) for step in group
        )
    )
    return VisitsResult(
        as_modelled=len(modelled),
        minimum=len(found.groups),
        redundant=len(modelled) - len(found.groups),
        avoidable=avoidable,
        minimum_exact=found.exact,
        plan=tuple(plan),
        modelled=tuple(modelled),
    )


def modelled_groups(graph: nx.DiGraph[str]) -> list[tuple[str, ...]]:
    """The groups as modelled: visit steps sharing a ``visit`` id, other visit steps alone.

    Members and groups follow the lexicographic topological order (groups by their
    first member). A ``visit`` id on a step that is not a visit step is ignored: that
    step is not done in a trip.

    Parameters
    ----------
    graph : networkx.DiGraph
        A journey graph (see the module's graph contract).

    Returns
    -------
    list of tuple of str
        One group per modelled visit.

    Examples
    --------
    The demo gives no ``visit`` ids, so every visit step is a trip of its own; the
    online step is no visit at all:

    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> modelled_groups(journey(loads(DEMO_YAML), "mit-auto").graph)
    [('anmelden',), ('gebuehr',), ('kfz',)]
    """
    return _modelled(_Index.of(graph))


def grouping_problems(graph: nx.DiGraph[str], groups: Sequence[Sequence[str]]) -> list[str]:
    """Why ``groups`` is not a feasible grouping of the visit steps (empty: it is).

    The groups must partition the visit steps. Runs in time linear in the graph; see
    ``_problems`` for why checking (c) on the edges inside a group is enough.

    Parameters
    ----------
    graph : networkx.DiGraph
        A journey graph (see the module's graph contract).
    groups : sequence of sequence of str
        The proposed grouping: each group is one trip.

    Returns
    -------
    list of str
        One reason per violation of rule 5 (a)-(c) or of the partition; empty when
        the grouping is feasible.

    Examples
    --------
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> graph = journey(loads(DEMO_YAML), "mit-auto").graph
    >>> grouping_problems(graph, [("anmelden", "gebuehr"), ("kfz",)])
    []
    >>> grouping_problems(graph, [("anmelden", "kfz"), ("gebuehr",)])
    ['visit (anmelden, kfz) is at more than one site: anmelden at rathaus, kfz at kreishaus']
    >>> grouping_problems(graph, [("anmelden", "gebuehr")])
    ['visit step kfz is in no group']
    """
    return _problems(_Index.of(graph), groups)


def modelled_grouping_problems(graph: nx.DiGraph[str]) -> list[str]:
    """Why the modelled grouping is not feasible (empty: it is); what :func:`visits` raises.

    Validation needs only this, not the minimum, so it skips the search.

    Parameters
    ----------
    graph : networkx.DiGraph
        A journey graph (see the module's graph contract).

    Returns
    -------
    list of str
        The reasons, as :func:`grouping_problems` gives them for the modelled groups.

    Examples
    --------
    Steps without ``visit`` ids are trips of their own, which is always feasible:

    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> modelled_grouping_problems(journey(loads(DEMO_YAML)).graph)
    []

    One visit for registering and paying fails when the registration takes a day:

    >>> text = DEMO_YAML.replace("authority: amt,", "authority: amt, visit: termin, "
    ...                          "lead_time_days: 1,")
    >>> text = text.replace("authority: kasse,", "authority: kasse, visit: termin,")
    >>> modelled_grouping_problems(journey(loads(text)).graph)  # doctest: +NORMALIZE_WHITESPACE
    ['visit (anmelden, gebuehr): gebuehr needs anmelden, whose lead time of 1 days does not
      fit into one day']
    """
    if all(visit is None for _, visit in graph.nodes(data="visit")):
        return []  # every visit step a trip of its own: always feasible
    ix = _Index.of(graph)
    return _problems(ix, _modelled(ix))


def modelled_grouping_problems_of_parts(parts: JourneyParts) -> list[str]:
    """:func:`modelled_grouping_problems` of the journey ``parts`` would make (acyclic),
    without building its graph.

    Parameters
    ----------
    parts : JourneyParts
        Nodes and edges of a journey before its graph is built
        (:func:`~lifeevents.graph.journey.journey_parts`); they must be acyclic.

    Returns
    -------
    list of str
        The same reasons as :func:`modelled_grouping_problems` of the built graph.

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.graph.journey import journey_parts
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> text = DEMO_YAML.replace("authority: amt,", "authority: amt, visit: termin, "
    ...                          "lead_time_days: 1,")
    >>> text = text.replace("authority: kasse,", "authority: kasse, visit: termin,")
    >>> parts = journey_parts(loads(text), "mit-auto")
    >>> [reason.split(":")[0] for reason in modelled_grouping_problems_of_parts(parts)]
    ['visit (anmelden, gebuehr)']
    """
    if all(data["visit"] is None for _, data in parts.nodes):
        return []
    ix = _Index.of_parts(parts)
    return _problems(ix, _modelled(ix))


def minimum_grouping(graph: nx.DiGraph[str], *, exact_limit: int = EXACT_LIMIT) -> MinimumGrouping:
    """A feasible grouping with the fewest groups: exact up to ``exact_limit`` visit steps.

    Beyond it the greedy simulation of ``_greedy_trips`` is used (``exact`` is false),
    and the modelled grouping replaces it when that is feasible and smaller. The result
    is always feasible; groups follow the order of the trips, steps the topological
    order.

    Parameters
    ----------
    graph : networkx.DiGraph
        A journey graph (see the module's graph contract).
    exact_limit : int, optional
        Up to this many visit steps the search is exact.

    Returns
    -------
    MinimumGrouping
        The groups and whether they are proven minimal.

    Examples
    --------
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> graph = journey(loads(DEMO_YAML), "mit-auto").graph
    >>> minimum_grouping(graph).groups
    (('anmelden', 'gebuehr'), ('kfz',))
    >>> minimum_grouping(graph, exact_limit=0).exact
    False
    """
    ix = _Index.of(graph)
    return _minimum(ix, _modelled(ix), exact_limit=exact_limit)


def visit_days(graph: nx.DiGraph[str], groups: Sequence[Sequence[str]]) -> list[int]:
    """The earliest day of each group when rule 4 holds and a group shares one day.

    Groups are contracted; a predecessor ``u`` outside a group holds it back until
    ``start(u) + lead_time_days(u)``. Raises ``InfeasibleGroupingError`` when
    ``groups`` is not feasible.

    Parameters
    ----------
    graph : networkx.DiGraph
        A journey graph (see the module's graph contract).
    groups : sequence of sequence of str
        A feasible grouping of the visit steps.

    Returns
    -------
    list of int
        The earliest day of each group, in the order of ``groups``.

    Examples
    --------
    An unmarried couple at the birth of their child: as modelled they go to the town
    hall on day 0 (custody and paternity declarations) and on day 2 (the birth is
    registered once the clinic's notice is there). In one trip, the first waits too:

    >>> from lifeevents import journey, load
    >>> graph = journey(load("geburt"), "unverheiratet-schalter").graph
    >>> groups = modelled_groups(graph)
    >>> groups[:2]  # doctest: +NORMALIZE_WHITESPACE
    [('sorgeerklaerung', 'vaterschaft-anerkennen'),
     ('geburt-beurkunden', 'geburtsurkunden-ausstellen')]
    >>> visit_days(graph, groups)
    [0, 2, 5]
    >>> visit_days(graph, minimum_grouping(graph).groups)
    [2, 5]
    """
    ix = _Index.of(graph)
    problems = _problems(ix, groups)
    if problems:
        raise InfeasibleGroupingError(problems)
    return _days(ix, groups)


# ---------------------------------------------------------------------------
# Graph index: integer positions in a deterministic topological order, so every
# algorithm below is independent of node insertion order and can use bitmasks.


@dataclass(frozen=True)
class _Index:
    ids: tuple[str, ...]
    pos: dict[str, int]
    preds: tuple[tuple[int, ...], ...]
    succs: tuple[tuple[int, ...], ...]
    lead: tuple[int, ...]
    is_visit: tuple[bool, ...]
    site: tuple[str, ...]
    visit_id: tuple[str | None, ...]
    offered: tuple[tuple[Channel, ...], ...]
    shape: Shape

    @classmethod
    def of(cls, graph: nx.DiGraph[str]) -> _Index:
        # Plain mappings of networkx's views (their .get() goes through the Mapping ABC).
        return cls.of_nodes(dict(iter(graph.nodes(data=True))), shape_of(dict(graph.adjacency())))

    @classmethod
    def of_parts(cls, parts: JourneyParts) -> _Index:
        succ: dict[str, list[str]] = {node: [] for node, _ in parts.nodes}
        for source, target, _ in parts.edges:
            succ[source].append(target)
        return cls.of_nodes(dict(parts.nodes), shape_of(succ))

    @classmethod
    def of_nodes(cls, nodes: Mapping[str, Mapping[str, Any]], shape: Shape) -> _Index:
        """From node attributes and the graph's shape."""
        ids = shape.by_id
        if ids is None:
            raise ValueError("the dependencies form a cycle")  # journeys are acyclic
        data = [nodes[node] for node in ids]
        channels: list[Channel] = [item["channel"] for item in data]
        return cls(
            ids,
            shape.by_id_position,
            *shape.links,
            tuple([int(item["lead_time_days"]) for item in data]),
            tuple([channel in _PHYSICAL for channel in channels]),
            tuple([str(item["site"]) for item in data]),
            tuple([item["visit"] for item in data]),
            tuple([tuple(item["channels"]) for item in data]),
            shape,
        )

    def joins(self, u: int, w: int) -> bool:
        """Whether a trip that does ``u`` can also do its successor ``w`` (rule 5 a, c)."""
        return (
            self.is_visit[u]
            and self.is_visit[w]
            and self.site[u] == self.site[w]
            and self.lead[u] == 0
        )

    def visit_steps(self) -> list[int]:
        return [v for v, visit in enumerate(self.is_visit) if visit]

    def names(self, members: Iterable[int]) -> tuple[str, ...]:
        return tuple(self.ids[v] for v in sorted(members))

    def label(self, members: Iterable[int]) -> str:
        return "(" + ", ".join(self.names(members)) + ")"


def _modelled(ix: _Index) -> list[tuple[str, ...]]:
    by_id: dict[str, list[int]] = {}
    groups: list[list[int]] = []
    for v in ix.visit_steps():
        visit_id = ix.visit_id[v]
        if visit_id is None:
            groups.append([v])
        elif visit_id in by_id:
            by_id[visit_id].append(v)
        else:
            by_id[visit_id] = [v]
            groups.append(by_id[visit_id])  # the same list: later members join in place
    return [ix.names(group) for group in groups]


# ---------------------------------------------------------------------------
# Feasibility (rule 5 a-c).


def _problems(ix: _Index, groups: Sequence[Sequence[str]]) -> list[str]:
    """(a) per group; (b) by contracting; (c) on the edges inside a group.

    (c) needs no paths: once (b) holds, a path between two members never leaves the
    group (leaving and coming back would be a cycle after contraction), so its
    lead-time sum is positive exactly when one of its edges starts at a member with a
    positive lead time; such an edge is itself such a path. Where (b) fails, a path
    with lead time that leaves the group is reported under (b) only.
    """
    problems = _membership_problems(ix, groups)
    if problems:
        return problems  # (a)-(c) presuppose a partition of the visit steps
    members = [sorted(ix.pos[step] for step in group) for group in groups]
    group_of = {v: g for g, group in enumerate(members) for v in group}
    for group in members:
        if len({ix.site[v] for v in group}) > 1:
            where = ", ".join(f"{ix.ids[v]} at {ix.site[v]}" for v in group)
            problems.append(f"visit {ix.label(group)} is at more than one site: {where}")
        for u in group:
            if ix.lead[u] == 0:
                continue
            problems.extend(
                f"visit {ix.label(group)}: {ix.ids[w]} needs {ix.ids[u]}, whose lead "
                f"time of {ix.lead[u]} days does not fit into one day"
                for w in ix.succs[u]
                if group_of.get(w) == group_of[u]
            )
    if not _contracted_is_acyclic(ix, groups):
        problems.extend(_cycle_problems(ix, members, group_of))
    return problems


def _membership_problems(ix: _Index, groups: Sequence[Sequence[str]]) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    for number, group in enumerate(groups, start=1):
        if not group:
            problems.append(f"group {number} is empty")
        for step in group:
            if step not in ix.pos:
                problems.append(f"{step} is not a step of the journey")
            elif not ix.is_visit[ix.pos[step]]:
                problems.append(f"{step} is not a visit step (its chosen channel is not physical)")
            elif step in seen:
                problems.append(f"{step} is in more than one group")
            seen.add(step)
    problems.extend(
        f"visit step {ix.ids[v]} is in no group" for v in ix.visit_steps() if ix.ids[v] not in seen
    )
    return problems


def _cycle_problems(ix: _Index, members: list[list[int]], group_of: dict[int, int]) -> list[str]:
    """Rule 5 (b): one message per strongly connected part of the contracted graph."""
    # A unit is a group (0..k-1) or a node outside every group (k + position).
    k = len(members)
    # One real edge per contracted edge, so that a cycle can be told in steps.
    via: dict[tuple[int, int], tuple[int, int]] = {}
    for u, successors in enumerate(ix.succs):
        for w in successors:
            uu, uw = group_of.get(u, k + u), group_of.get(w, k + w)
            if uu != uw:
                via.setdefault((uu, uw), (u, w))
    import networkx as nx

    contracted: nx.DiGraph[int] = nx.DiGraph()
    contracted.add_edges_from(via)
    if nx.is_directed_acyclic_graph(contracted):
        return []  # the usual case: no cycle to look for
    problems: list[str] = []
    parts: list[set[int]] = [c for c in nx.strongly_connected_components(contracted) if len(c) > 1]

    def earliest_group(part: set[int]) -> int:
        # Every cycle holds a group of two or more steps, as the graph itself is acyclic.
        return min((g for g in part if g < k and len(members[g]) > 1), key=lambda g: members[g][0])

    for start, part in sorted(
        ((earliest_group(part), part) for part in parts), key=lambda item: members[item[0]][0]
    ):
        cycle = _cycle_through(contracted, part, start)
        edges = [via[(cycle[i], cycle[i + 1])] for i in range(len(cycle) - 1)]
        on_cycle = [g for g in cycle[:-1] if g < k and len(members[g]) > 1]
        if len(on_cycle) == 1:
            # Only single steps in between: a real path from one member to another.
            path = [edges[0][0]] + [w for _, w in edges]
            outside = ", ".join(ix.ids[v] for v in path[1:-1])
            problems.append(
                f"visit {ix.label(members[start])}: the dependency path "
                f"{' -> '.join(ix.ids[v] for v in path)} passes through {outside}, "
                "outside the visit"
            )
            continue
        # "~" marks where the cycle moves from one step of a visit to another.
        text = ix.ids[edges[0][0]]
        for i, (_, w) in enumerate(edges):
            text += f" -> {ix.ids[w]}"
            leave = edges[(i + 1) % len(edges)][0]
            if leave != w:
                text += f" ~ {ix.ids[leave]}"
        labels = " and ".join(ix.label(members[g]) for g in on_cycle)
        problems.append(
            f"visits {labels} cannot each be one trip: contracted, they form the "
            f"dependency cycle {text} ('~' joins steps of one visit)"
        )
    return problems


def _cycle_through(contracted: nx.DiGraph[int], part: set[int], start: int) -> list[int]:
    """A shortest cycle start -> ... -> start inside one strongly connected part."""
    parent: dict[int, int] = {}
    queue: deque[int] = deque([start])
    while queue:
        u = queue.popleft()
        for w in sorted(contracted.successors(u)):
            if w == start:
                cycle = [start, u]
                while cycle[-1] != start:
                    cycle.append(parent[cycle[-1]])
                return cycle[::-1]
            if w in part and w not in parent:
                parent[w] = u
                queue.append(w)
    raise AssertionError("a strongly connected part has a cycle through each of its nodes")


# ---------------------------------------------------------------------------
# Minimum grouping.


def _minimum(ix: _Index, modelled: list[tuple[str, ...]], *, exact_limit: int) -> MinimumGrouping:
    if sum(ix.is_visit) <= exact_limit:
        return MinimumGrouping(tuple(ix.names(t) for t in _exact_trips(ix)), exact=True)
    groups = [ix.names(trip) for trip in _greedy_trips(ix)]
    # The modelled grouping is a candidate too, so the heuristic never reports a
    # negative number of redundant visits.
    if len(modelled) < len(groups) and not _problems(ix, modelled):
        groups = modelled
    return MinimumGrouping(tuple(groups), exact=False)


def _exact_trips(ix: _Index) -> list[list[int]]:
    """The trips of an optimal simulation, by A* over done-sets.

    Why it is exact. Trips are feasible groups: one site; an edge inside a trip starts
    at a step without lead time (c); and the trips, with the non-visit steps done
    between them, are in an order every edge follows (b). Conversely, take a feasible
    grouping, list its groups in a topological order of the contracted graph and send
    the citizen to their sites in that order: by induction every predecessor of a group
    outside it is done before its trip (visit steps in earlier groups, other steps in
    between, since by (b) they cannot depend on the group itself), and inside it only
    lead-free edges bind, so the trip takes the whole group. Doing more never hurts (a
    trip from a larger done-set takes at least the same steps), so k groups give at
    most k trips.

    Search: g = trips so far, h = max(sites with steps left, the longest chain of
    steps left counted in pieces no trip can join). Both drop by at most one per trip,
    so h is consistent and the first goal popped is optimal. A trip that takes every
    step left at its site is forced: prepending it to an optimal continuation makes
    every later trip to that site empty, so it costs nothing.
    """
    # Only visit steps and their ancestors can hold a trip back.
    order = sorted(_ancestors_of_visits(ix))
    local = {v: i for i, v in enumerate(order)}
    n = len(order)
    visit = [ix.is_visit[v] for v in order]
    pred_mask = [0] * n
    # (predecessor, 1 if the step starts a new piece of h's chains after it, else 0):
    # a visit step starts one unless its trip can continue from the predecessor.
    pieces: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    sites = sorted({ix.site[v] for v in order if ix.is_visit[v]})
    site_nodes: dict[str, list[int]] = {s: [] for s in sites}
    site_mask = dict.fromkeys(sites, 0)
    lead_free = dict.fromkeys(sites, 0)
    for i, v in enumerate(order):
        for p in ix.preds[v]:
            j = local[p]
            pred_mask[i] |= 1 << j
            pieces[i].append((j, int(visit[i] and not ix.joins(p, v))))
        if visit[i]:
            s = ix.site[v]
            site_nodes[s].append(i)
            site_mask[s] |= 1 << i
            if ix.lead[v] == 0:
                lead_free[s] |= 1 << i
    all_visits = sum(site_mask.values())
    others = [i for i in range(n) if not visit[i]]

    def settle(done: int) -> int:
        # Non-visit steps happen once their predecessors are done; one pass in
        # topological order reaches the fixpoint.
        for i in others:
            if not done >> i & 1 and not pred_mask[i] & ~done:
                done |= 1 << i
        return done

    def trip(done: int, s: str) -> int:
        taken = 0
        for i in site_nodes[s]:
            if not done >> i & 1 and not pred_mask[i] & ~done & ~(taken & lead_free[s]):
                taken |= 1 << i
        return taken

    def estimate(done: int) -> int:
        left = all_visits & ~done
        bound = sum(1 for s in sites if site_mask[s] & left)
        chain = [0] * n
        for i in range(n):
            if done >> i & 1:
                continue
            value = 1 if visit[i] else 0
            for j, step in pieces[i]:
                if not done >> j & 1:
                    value = max(value, chain[j] + step)
            chain[i] = value
            bound = max(bound, value)
        return bound

    start = settle(0)
    best = {start: 0}
    came_from: dict[int, tuple[int, int]] = {}
    counter = 0
    # Ties on g + h go to the deeper state (-g first): it is closer to a goal.
    heap = [(estimate(start), 0, counter, start)]
    while heap:
        _, neg_g, _, state = heapq.heappop(heap)
        g = -neg_g
        if best[state] < g:
            continue  # a shorter way here was found after this entry was pushed
        if state & all_visits == all_visits:
            return _unwind(came_from, state, order)
        moves: list[int] = []
        for s in sites:
            left = site_mask[s] & ~state
            if not left:
                continue
            taken = trip(state, s)
            if taken == left:
                moves = [taken]
                break
            if taken:
                moves.append(taken)
        for taken in moves:
            nxt = settle(state | taken)
            if best.get(nxt, g + 2) > g + 1:
                best[nxt] = g + 1
                came_from[nxt] = (state, taken)
                counter += 1
                if counter > MAX_VISIT_SEARCH_STATES:
                    raise VisitSearchBudgetError(
                        f"the exact search for the fewest visits gave up after "
                        f"{MAX_VISIT_SEARCH_STATES:,} states (at most that many; "
                        "docs/command-line.md, caps): the visit steps depend on each other in "
                        "too many ways; model fewer visit steps or fewer dependencies between "
                        "them"
                    )
                heapq.heappush(heap, (g + 1 + estimate(nxt), -(g + 1), counter, nxt))
    raise AssertionError("while visit steps are left, one of them is always ready")


def _ancestors_of_visits(ix: _Index) -> set[int]:
    seen = set(ix.visit_steps())
    stack = list(seen)
    while stack:
        for p in ix.preds[stack.pop()]:
            if p not in seen:
                seen.add(p)
                stack.append(p)
    return seen


def _unwind(came_from: dict[int, tuple[int, int]], state: int, order: list[int]) -> list[list[int]]:
    trips: list[list[int]] = []
    while state in came_from:
        state, taken = came_from[state]
        trips.append([v for i, v in enumerate(order) if taken >> i & 1])
    return trips[::-1]


def _greedy_trips(ix: _Index) -> list[list[int]]:
    """The same simulation with a greedy choice of site, near-linear in the graph.

    Next site: one whose ready steps are all its steps left (a forced, safe trip), else
    the one whose ready steps start the longest chain of trips still needed (critical
    path first, as in list scheduling), then the one with the most ready steps, then by
    name. Counters of predecessors not yet done replace any rescanning. On random
    journey-like graphs with 30 visit steps it needs about 5 % more trips than the
    exact minimum; "most ready steps" alone needed about 20 % more.
    """
    # tail[v]: trips needed by the longest chain from v, counted as in _exact_trips.
    tail = [0] * len(ix.ids)
    for v in reversed(range(len(ix.ids))):
        if not ix.is_visit[v]:
            tail[v] = max((tail[w] for w in ix.succs[v]), default=0)
        else:
            tail[v] = max((tail[w] + (not ix.joins(v, w)) for w in ix.succs[v]), default=1)
    missing = [len(p) for p in ix.preds]
    left: dict[str, int] = {}
    for v in ix.visit_steps():
        left[ix.site[v]] = left.get(ix.site[v], 0) + 1
    ready: dict[str, list[int]] = {s: [] for s in left}
    longest = dict.fromkeys(left, 0)  # the largest tail among ready[s]
    # A lazy heap of key(s): an entry is stale once it differs from the current key.
    heap: list[tuple[bool, int, int, str]] = []

    def key(s: str) -> tuple[bool, int, int, str]:
        return (len(ready[s]) < left[s], -longest[s], -len(ready[s]), s)

    def make_ready(v: int) -> None:
        s = ix.site[v]
        ready[s].append(v)
        longest[s] = max(longest[s], tail[v])
        heapq.heappush(heap, key(s))

    def finished(edges: Iterable[int]) -> None:
        # One predecessor of each w is done: ready visit steps wait for a trip, other
        # steps happen at once and release their own successors.
        stack = list(edges)
        while stack:
            w = stack.pop()
            missing[w] -= 1
            if missing[w] > 0:
                continue
            if ix.is_visit[w]:
                make_ready(w)
            else:
                stack.extend(ix.succs[w])

    for v in [v for v, count in enumerate(missing) if count == 0]:
        if ix.is_visit[v]:
            make_ready(v)
        else:
            finished(ix.succs[v])
    trips: list[list[int]] = []
    while heap:
        entry = heapq.heappop(heap)
        s = entry[-1]
        if entry != key(s) or not ready[s]:
            continue
        taken: list[int] = []
        stack, ready[s], longest[s] = ready[s], [], 0
        later: list[int] = []
        while stack:
            u = stack.pop()
            taken.append(u)
            for w in ix.succs[u]:
                if ix.joins(u, w):
                    missing[w] -= 1
                    if missing[w] == 0:
                        stack.append(w)  # only lead-free members of this trip held it back
                else:
                    later.append(w)  # it waits until the trip is over
        left[s] -= len(taken)
        trips.append(sorted(taken))
        finished(later)
        heapq.heappush(heap, key(s))
    return trips


# ---------------------------------------------------------------------------
# Days.


def _days(ix: _Index, groups: Sequence[Sequence[str]]) -> list[int]:
    """Rule 4 on the contracted graph (Kahn's algorithm over groups and other steps)."""
    return _schedule_groups(ix, groups)[0]


def _contracted_is_acyclic(ix: _Index, groups: Sequence[Sequence[str]]) -> bool:
    """Rule 5 (b) alone, in one linear pass; explaining a cycle costs more (see below)."""
    return _schedule_groups(ix, groups)[2]


def _schedule_groups(
    ix: _Index, groups: Sequence[Sequence[str]]
) -> tuple[list[int], list[int], bool]:
    """Each group's earliest day, its rank in a topological order of the contracted graph,
    and whether that order reached every unit (False: contracting makes a cycle)."""
    k = len(groups)
    group_of = {ix.pos[step]: g for g, group in enumerate(groups) for step in group}
    members: dict[int, list[int]] = {
        g: [ix.pos[step] for step in group] for g, group in enumerate(groups)
    }

    # The unit of each step: its group, or k + its position for a step in no group.
    unit = [group_of.get(v, k + v) for v in range(len(ix.ids))]
    waiting = [0] * (k + len(ix.ids))
    for u, successors in enumerate(ix.succs):
        for w in successors:
            if unit[u] != unit[w]:
                waiting[unit[w]] += 1
    earliest = [0] * len(waiting)
    rank = [0] * k
    dequeued = 0
    reached = 0
    queue = deque(
        x for x in range(len(waiting)) if waiting[x] == 0 and (x < k or x - k not in group_of)
    )
    while queue:
        x = queue.popleft()
        reached += 1
        if x < k:
            rank[x] = dequeued
            dequeued += 1
        for v in members.get(x, [x - k]):
            for w in ix.succs[v]:
                y = unit[w]
                if y != x:
                    earliest[y] = max(earliest[y], earliest[x] + ix.lead[v])
                    waiting[y] -= 1
                    if waiting[y] == 0:
                        queue.append(y)
    units = k + len(ix.ids) - len(group_of)
    return earliest[:k], rank, reached == units
