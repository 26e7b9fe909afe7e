"""Who acts in a step: the citizen, or an authority or someone else on their own.

The journey format has no field for it; the model says it in three ways, and a
step that is no visit (a visit is always the citizen's) counts as done without
the citizen when one of them holds:

1. its chosen channel is ``proactive`` ("the authority acts without the citizen
   doing anything", journey-format-v1);
2. its ``duration_minutes``, the citizen's own effort, is 0;
3. the journey records the citizen's effort for some of its steps, but not for
   this one, which takes nothing from the citizen (every evidence it requires
   travels directly between the offices): the hospital reporting the birth, a
   notice arriving by post.

A step the citizen might have to do is never taken for one done for them: a
journey without any recorded effort relies on the first two only.

Examples
--------
>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
>>> [node for node in report.journey.graph if not citizen_acts(report, node)]
[]
"""

from __future__ import annotations

from lifeevents.analysis.report import Report
from lifeevents.model.vocabulary import Channel, Transfer

__all__ = ["citizen_acts"]

_PHYSICAL = frozenset({Channel.IN_PERSON, Channel.TERMINAL})


def citizen_acts(report: Report, node: str) -> bool:
    """Whether the citizen does step ``node`` (False: it is done for them).

    Parameters
    ----------
    report : Report
        The analysed journey.
    node : str
        An applicable step.

    Returns
    -------
    bool
        False for a proactive step, a step of no effort (0 minutes), and a step
        without recorded effort in a journey that records it elsewhere, when
        the step is no visit and needs nothing from the citizen.

    Examples
    --------
    The hospital reports the birth; the parents register the child's name:

    >>> from lifeevents import analyze, journey, loads
    >>> report = analyze(journey(loads('''
    ... format: lifeevents/1
    ... life_event: {id: geburt, name: Geburt}
    ... authorities:
    ...   klinik: {name: Klinik, level: privat}
    ...   amt: {name: Standesamt, level: gemeinde, site: rathaus}
    ... evidence:
    ...   anzeige: {name: Geburtsanzeige, transfer: direct}
    ... steps:
    ...   - {id: anzeige, name: Klinik zeigt die Geburt an, authority: klinik,
    ...      channels: [mail], produces: [anzeige]}
    ...   - {id: name, name: Namen bestimmen, authority: amt, channels: [in_person],
    ...      requires: [anzeige], duration_minutes: 30}
    ...   - {id: melde, name: Melderegister, authority: amt, channels: [proactive]}
    ... ''')))
    >>> [(node, citizen_acts(report, node)) for node in ("anzeige", "name", "melde")]
    [('anzeige', False), ('name', True), ('melde', False)]
    """
    graph = report.journey.graph
    data = graph.nodes[node]
    step = data["step"]
    channel: Channel = data["channel"]
    if channel in _PHYSICAL:
        return True  # a visit: the citizen goes there
    if channel is Channel.PROACTIVE or step.duration_minutes == 0:
        return False
    if step.duration_minutes is not None:
        return True
    recorded = any(graph.nodes[other]["step"].duration_minutes is not None for other in graph)
    if not recorded:
        return True
    evidence = report.journey.life_event.evidence
    return any(
        evidence.get(item) is None or evidence[item].transfer is not Transfer.DIRECT
        for item in step.requires
    )
