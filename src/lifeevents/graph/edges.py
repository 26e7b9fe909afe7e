"""Spec rule 2: the dependency edges between the steps that apply to a persona.

A step that does not apply passes its applicable predecessors on to its
successors (``bridged`` edges), so the order the file asks for is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from lifeevents.errors import CapExceededError
from lifeevents.graph.located import step_problem
from lifeevents.model.life_event import LifeEvent, Step
from lifeevents.model.limits import MAX_DEPENDENCIES
from lifeevents.model.vocabulary import Transfer

__all__ = ["dependency_edges"]


def dependency_edges(
    life_event: LifeEvent, applicable: set[str], persona_id: str
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Dependency edges between applicable steps, bridging steps that do not apply.

    Parameters
    ----------
    life_event : LifeEvent
        The journey.
    applicable : set of str
        The ids of the steps that apply to the persona (rule 1).
    persona_id : str
        The persona, named in the error when a cap is exceeded.

    Yields
    ------
    tuple of (str, str, dict)
        ``(source, target, attributes)`` for each edge, by target in file order,
        then by source in file order; the attributes are those of the journey
        graph's edges (see :mod:`lifeevents.graph.journey`).

    Raises
    ------
    CapExceededError
        When the edges, counting those passed on through steps that do not apply,
        exceed :data:`~lifeevents.model.limits.MAX_DEPENDENCIES`.

    Examples
    --------
    The Meldebestätigung travels from ``anmelden`` to ``kfz``, carried by the
    citizen:

    >>> from lifeevents.formats.journey_file import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> umzug = loads(DEMO_YAML)
    >>> for source, target, edge in dependency_edges(umzug, {"anmelden", "kfz"}, "mit-auto"):
    ...     print(source, target, edge["kind"], edge["citizen_evidence"])
    anmelden kfz evidence ('meldung',)
    """
    producer: dict[str, str] = {}
    for step in life_event.steps:
        if step.id in applicable:
            for evidence_id in step.produces:
                producer.setdefault(evidence_id, step.id)

    # Applicable steps that a step (applicable or not) must follow, with what travels.
    def direct_predecessors(step: Step) -> dict[str, tuple[bool, list[str]]]:
        found: dict[str, tuple[bool, list[str]]] = {}
        for other in step.after:
            found[other] = (True, [])
        for evidence_id in step.requires:
            source = producer.get(evidence_id)
            if source is not None and source != step.id:
                is_after, carried = found.get(source, (False, []))
                found[source] = (is_after, [*carried, evidence_id])
        return found

    # Non-applicable steps pass their applicable ancestors on to their successors.
    by_id = {step.id: step for step in life_event.steps}
    frontier = _Frontier(life_event, applicable, by_id, direct_predecessors)
    file_order = {step.id: index for index, step in enumerate(life_event.steps)}
    total = 0
    for step in life_event.steps:
        if step.id not in applicable:
            continue
        edges: dict[str, dict[str, Any]] = {}
        for source, (is_after, carried) in direct_predecessors(step).items():
            if source in applicable:
                edges[source] = _edge(life_event, is_after, carried, bridged=False)
            else:
                for ancestor in frontier.ancestors(source):
                    if ancestor not in edges:
                        edges[ancestor] = _edge(life_event, True, [], bridged=True)
        total += len(edges)
        if total > MAX_DEPENDENCIES:
            raise CapExceededError(
                [
                    step_problem(
                        life_event,
                        step,
                        "id",
                        f"more than {MAX_DEPENDENCIES:,} dependencies for persona "
                        f"'{persona_id}', counting those passed on through steps that do "
                        "not apply to the persona (at most "
                        f"{MAX_DEPENDENCIES:,}; docs/command-line.md, caps): let fewer "
                        "steps depend on a step that does not always apply",
                    )
                ]
            )
        for source in sorted(edges, key=file_order.__getitem__) if len(edges) > 1 else edges:
            yield source, step.id, edges[source]


class _Frontier:
    """The applicable ancestors of steps that do not apply, found without recursion.

    A step that does not apply and has one predecessor, itself not applicable,
    shares that predecessor's set. The sets together may hold at most four times
    :data:`~lifeevents.model.limits.MAX_DEPENDENCIES` entries.
    """

    def __init__(
        self,
        life_event: LifeEvent,
        applicable: set[str],
        by_id: dict[str, Step],
        direct_predecessors: Callable[[Step], dict[str, tuple[bool, list[str]]]],
    ) -> None:
        self.life_event = life_event
        self.applicable = applicable
        self.by_id = by_id
        self.direct_predecessors = direct_predecessors
        self.found: dict[str, set[str]] = {}
        self.entries = 0

    def ancestors(self, start: str) -> set[str]:
        """Applicable steps that ``start`` (not applicable) must follow, through others."""
        stack = [(start, False)]
        open_steps: set[str] = set()
        while stack:
            step_id, expanded = stack.pop()
            if step_id in self.found:
                continue
            step = self.by_id.get(step_id)
            if step is None:
                self.found[step_id] = set()
                continue
            sources = list(self.direct_predecessors(step))
            if not expanded:
                open_steps.add(step_id)
                stack.append((step_id, True))
                stack.extend(
                    (source, False)
                    for source in sources
                    if source not in self.applicable
                    and source not in self.found
                    and source not in open_steps
                )
                continue
            open_steps.discard(step_id)
            self.found[step_id] = self._combine(step, sources)
        return self.found[start]

    def _combine(self, step: Step, sources: list[str]) -> set[str]:
        # A predecessor still open lies on a cycle, which check() reports; it adds nothing.
        passed = [self.found[source] for source in sources if source in self.found]
        direct = [source for source in sources if source in self.applicable]
        if not direct and len(passed) == 1:
            return passed[0]
        result = set(direct).union(*passed)
        self.entries += len(result)
        if self.entries > 4 * MAX_DEPENDENCIES:
            message = (
                f"the steps that do not apply to a persona pass on more than "
                f"{4 * MAX_DEPENDENCIES:,} dependencies in all (at most "
                f"{MAX_DEPENDENCIES:,} per persona, four times that while bridging; "
                "docs/command-line.md, caps): let fewer steps depend on steps that do not "
                "always apply"
            )
            raise CapExceededError([step_problem(self.life_event, step, "id", message)])
        return result


def _edge(
    life_event: LifeEvent, is_after: bool, carried: list[str], *, bridged: bool
) -> dict[str, Any]:
    citizen: tuple[str, ...] = ()
    if carried:  # most edges carry nothing
        # Evidence a model built in code forgot to declare counts as carried by the citizen.
        citizen = tuple(
            evidence_id
            for evidence_id in carried
            if evidence_id not in life_event.evidence
            or life_event.evidence[evidence_id].transfer is Transfer.CITIZEN
        )
    return {
        "kind": "evidence" if carried else "precedence",
        "evidence": tuple(carried),
        "citizen_evidence": citizen,
        "after": is_after,
        "bridged": bridged,
    }
