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

from dataclasses import dataclass
from typing import Any

import networkx as nx

from lifeevents.graph.journey import ResolvedEvidence
from lifeevents.model.authorities import ResolvedAuthority
from lifeevents.model.vocabulary import Transfer

__all__ = ["OnceOnlyViolation", "once_only_violations"]


@dataclass(frozen=True)
class OnceOnlyViolation:
    evidence: str
    step: str
    issuer: ResolvedAuthority

    def to_dict(self) -> dict[str, Any]:
        return {"evidence": self.evidence, "step": self.step, "issued_by": self.issuer.id}


def once_only_violations(graph: nx.DiGraph[str]) -> list[OnceOnlyViolation]:
    """Every violating (evidence, step) pair, in step order, then requirement order."""
    evidence: dict[str, ResolvedEvidence] = graph.graph.get("evidence", {})
    found = []
    for node, data in graph.nodes(data=True):
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
