"""Once-only violations (spec rule 9): the citizen hands the state data it already holds.

A pair (evidence, step) is a violation when the step requires the evidence, the
evidence is issued by an authority of a public level, it is not an identity
document, the citizen carries it (``transfer: citizen``), and the step's
authority is not its issuer.

>>> import networkx as nx
>>> from lifeevents.model.authorities import ResolvedAuthority
>>> from lifeevents.graph.journey import ResolvedEvidence
>>> from lifeevents.model.life_event import Step
>>> from lifeevents.model.vocabulary import Level, Transfer
>>> amt = ResolvedAuthority("amt", "Bürgerbüro", Level.GEMEINDE, "rathaus")
>>> kreis = ResolvedAuthority("kreis", "Straßenverkehrsamt", Level.KREIS, "kreishaus")
>>> meldung = ResolvedEvidence("meldung", "Meldebestätigung", amt, False, Transfer.CITIZEN)
>>> graph = nx.DiGraph(evidence={"meldung": meldung})
>>> step = Step(id="kfz", name="Kfz ummelden", authority="kreis", channels=["in_person"],
...             requires=["meldung"])
>>> graph.add_node("kfz", step=step, authority=kreis)
>>> [violation.to_dict() for violation in once_only_violations(graph)]
[{'evidence': 'meldung', 'step': 'kfz', 'issued_by': 'amt'}]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from lifeevents.graph.journey import ResolvedEvidence
from lifeevents.model.authorities import ResolvedAuthority
from lifeevents.model.vocabulary import Transfer

__all__ = ["OnceOnlyViolation", "once_only_violations"]


@dataclass(frozen=True)
class OnceOnlyViolation:
    """The citizen hands a step evidence that another public authority issued (rule 9).

    Attributes
    ----------
    evidence : str
        The id of the evidence the step requires.
    step : str
        The id of the step that requires it.
    issuer : ResolvedAuthority
        The public authority that issued it and could pass it on itself.

    See Also
    --------
    once_only_violations : finds them in a journey graph.

    Examples
    --------
    The Straßenverkehrsamt asks for the Meldebestätigung that the Bürgerbüro issued:

    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> violation = once_only_violations(journey(loads(DEMO_YAML), "mit-auto").graph)[0]
    >>> violation.step, violation.evidence, violation.issuer.name
    ('kfz', 'meldung', 'Bürgerbüro')
    >>> violation.to_dict()
    {'evidence': 'meldung', 'step': 'kfz', 'issued_by': 'amt'}
    """

    evidence: str
    step: str
    issuer: ResolvedAuthority

    def to_dict(self) -> dict[str, Any]:
        """The item as in ``once_only_violations.items`` of the machine-readable analysis."""
        return {"evidence": self.evidence, "step": self.step, "issued_by": self.issuer.id}


def once_only_violations(graph: nx.DiGraph[str]) -> list[OnceOnlyViolation]:
    """Every violating (evidence, step) pair, in step order, then requirement order.

    Parameters
    ----------
    graph : networkx.DiGraph
        A journey graph: nodes carry their ``step`` and resolved ``authority``, and
        ``graph.graph["evidence"]`` maps evidence ids to
        :class:`~lifeevents.graph.journey.ResolvedEvidence`.

    Returns
    -------
    list of OnceOnlyViolation
        Empty when the citizen never hands over what the state already holds.

    Examples
    --------
    Without a car the demo citizen carries nothing to another authority; with one,
    the Meldebestätigung goes from the Bürgerbüro to the Straßenverkehrsamt:

    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> life_event = loads(DEMO_YAML)
    >>> once_only_violations(journey(life_event).graph)
    []
    >>> [item.to_dict() for item in once_only_violations(journey(life_event, "mit-auto").graph)]
    [{'evidence': 'meldung', 'step': 'kfz', 'issued_by': 'amt'}]
    """
    nodes: dict[str, dict[str, Any]] = dict(iter(graph.nodes(data=True)))
    return _once_only_violations(graph.graph.get("evidence", {}), nodes.items())


def _once_only_violations(
    evidence: Mapping[str, ResolvedEvidence], nodes: Iterable[tuple[str, Mapping[str, Any]]]
) -> list[OnceOnlyViolation]:
    found = []
    for node, data in nodes:
        for evidence_id in data["step"].requires:
            item = evidence.get(evidence_id)
            if (
                item is not None
                and item.issuer is not None
                and item.issuer.level.is_public
                and not item.identity
                and item.transfer is Transfer.CITIZEN
                and data["authority"].id != item.issuer.id
            ):
                found.append(OnceOnlyViolation(evidence_id, node, item.issuer))
    return found
