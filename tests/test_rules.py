"""Hand-computed examples for spec rules 1-4 and 6-10 (visits: test_visits.py)."""

from __future__ import annotations

import pytest

from journeys import life_event
from lifeevents.analysis.handovers import authority_handovers, channel_handovers, media_breaks
from lifeevents.analysis.once_only import once_only_violations
from lifeevents.analysis.schedule import schedule
from lifeevents.analysis.shares import digital_share, online_available_share
from lifeevents.errors import InputError
from lifeevents.graph.journey import journey
from lifeevents.model.vocabulary import Channel


def test_rule_1_when_needs_every_attribute_and_a_missing_one_does_not_match() -> None:
    event = life_event("""
        personas:
          married: {attributes: {married: true}}
          car: {attributes: {car: true}}
        steps:
          - {id: a, name: A, authority: buergerbuero, channels: [online]}
          - {id: b, name: B, authority: buergerbuero, channels: [online], when: {married: true}}
          - {id: c, name: C, authority: buergerbuero, channels: [online],
             when: {married: true, car: true}}
          - {id: d, name: D, authority: buergerbuero, channels: [online], when: {married: false}}
    """)
    assert list(journey(event, "married").graph) == ["a", "b"]
    # 'car' lacks 'married': neither b nor d (married: false) applies.
    assert list(journey(event, "car").graph) == ["a"]
    assert list(journey(event).graph) == ["a"]


def test_rule_2_first_preferred_channel_offered_else_first_channel() -> None:
    event = life_event("""
        personas:
          digital: {prefer: [online, mail]}
        steps:
          - {id: a, name: A, authority: buergerbuero, channels: [in_person, mail, online]}
          - {id: b, name: B, authority: buergerbuero, channels: [in_person, mail]}
          - {id: c, name: C, authority: buergerbuero, channels: [phone]}
    """)
    trip = journey(event, "digital")
    assert [trip.channel(step) for step in "abc"] == [Channel.ONLINE, Channel.MAIL, Channel.PHONE]
    plain = journey(event)
    assert [plain.channel(step) for step in "abc"] == [
        Channel.IN_PERSON,
        Channel.IN_PERSON,
        Channel.PHONE,
    ]


def test_rule_3_evidence_and_after_edges_and_evidence_held_already() -> None:
    event = life_event("""
        evidence:
          urkunde: {name: Urkunde, issued_by: standesamt}
          ausweis: {name: Ausweis, identity: true}
        steps:
          - {id: a, name: A, authority: standesamt, channels: [in_person], produces: [urkunde]}
          - {id: b, name: B, authority: kasse, channels: [mail], requires: [urkunde, ausweis]}
          - {id: c, name: C, authority: kasse, channels: [mail], after: [b]}
    """)
    graph = journey(event).graph
    assert sorted(graph.edges) == [("a", "b"), ("b", "c")]
    assert graph.edges["a", "b"]["kind"] == "evidence"
    assert graph.edges["a", "b"]["evidence"] == ("urkunde",)  # ausweis is held already
    assert graph.edges["b", "c"]["kind"] == "precedence"


def test_rule_3_non_applicable_steps_keep_order_transitively_without_evidence() -> None:
    # a -> x -> y -> d, with x and y not applicable; a also produces what x requires.
    event = life_event("""
        personas:
          p: {attributes: {married: false}}
        evidence:
          urkunde: {name: Urkunde, issued_by: standesamt}
        steps:
          - {id: a, name: A, authority: standesamt, channels: [mail], produces: [urkunde]}
          - {id: x, name: X, authority: kasse, channels: [mail], requires: [urkunde],
             when: {married: true}}
          - {id: y, name: Y, authority: kasse, channels: [online], after: [x],
             when: {married: true}}
          - {id: d, name: D, authority: kreis, channels: [online], after: [y]}
    """)
    graph = journey(event, "p").graph
    assert list(graph.edges) == [("a", "d")]
    edge = graph.edges["a", "d"]
    assert edge["bridged"]
    assert edge["kind"] == "precedence"
    assert edge["evidence"] == ()
    assert authority_handovers(graph) == []  # a bridged edge is never an evidence edge
    assert media_breaks(graph) == []


def test_rule_3_cycle_is_an_input_error() -> None:
    with pytest.raises(InputError, match="circle"):
        life_event("""
            steps:
              - {id: a, name: A, authority: kasse, channels: [mail], after: [b]}
              - {id: b, name: B, authority: kasse, channels: [mail], after: [a]}
        """)


def test_rule_4_schedule_duration_and_deadlines() -> None:
    # a (lead 3) -> b (lead 2) -> d; c (lead 10) -> d.  start: a 0, b 3, c 0, d max(5, 10)=10.
    event = life_event("""
        steps:
          - {id: a, name: A, authority: kasse, channels: [mail], lead_time_days: 3}
          - {id: b, name: B, authority: kasse, channels: [mail], after: [a], lead_time_days: 2,
             deadline_days: 3}
          - {id: c, name: C, authority: kasse, channels: [mail], lead_time_days: 10}
          - {id: d, name: D, authority: kasse, channels: [mail], after: [b, c], lead_time_days: 1,
             deadline_days: 9}
    """)
    result = schedule(journey(event).graph)
    assert {entry.step: entry.day for entry in result.steps} == {"a": 0, "b": 3, "c": 0, "d": 10}
    assert result.duration_days == 11  # d starts on day 10 and takes 1 day
    assert result.deadlines_at_risk == ("d",)  # b: 3 > 3 is false; d: 10 > 9
    assert [entry.step for entry in result.steps] == ["a", "c", "b", "d"]  # by day


def test_rules_6_to_8_handovers_media_breaks_and_direct_evidence() -> None:
    event = life_event("""
        evidence:
          meldung: {name: Meldebestätigung, issued_by: buergerbuero}
          direkt: {name: Direktmeldung, issued_by: buergerbuero, transfer: direct}
          vertrag: {name: Vertrag, issued_by: bank}
        steps:
          - {id: anmelden, name: Anmelden, authority: buergerbuero, channels: [in_person],
             produces: [meldung, direkt]}
          - {id: kfz, name: Kfz, authority: kreis, channels: [online], requires: [meldung, direkt]}
          - {id: info, name: Info, authority: kreis, channels: [email], requires: [direkt]}
          - {id: konto, name: Konto, authority: bank, channels: [phone], produces: [vertrag]}
          - {id: pass, name: Pass, authority: buergerbuero, channels: [in_person],
             requires: [vertrag], after: [anmelden]}
    """)
    graph = journey(event).graph
    # Rule 6: every dependency edge with different chosen channels.
    assert [(h.source, h.target) for h in channel_handovers(graph)] == [
        ("anmelden", "kfz"),
        ("anmelden", "info"),
        ("konto", "pass"),
    ]
    # Rule 7: anmelden (paper) -> kfz (digital) carries meldung by citizen: a break.
    # anmelden -> info carries only a direct evidence: none. konto (phone) has no medium.
    breaks = media_breaks(graph)
    assert [(b.source, b.target, b.evidence) for b in breaks] == [("anmelden", "kfz", ("meldung",))]
    # Rule 8: once per edge, citizen-carried evidence only, by resolved authority.
    handovers = authority_handovers(graph)
    assert [(h.source, h.target, h.evidence, h.crosses_levels) for h in handovers] == [
        ("anmelden", "kfz", ("meldung",), True),
        ("konto", "pass", ("vertrag",), True),
    ]
    # anmelden -> pass is a precedence edge between the same authority: no handover.


def test_rule_9_once_only_conditions() -> None:
    event = life_event("""
        evidence:
          meldung: {name: Meldebestätigung, issued_by: buergerbuero}
          ausweis: {name: Personalausweis, issued_by: buergerbuero, identity: true}
          direkt: {name: Direkt, issued_by: buergerbuero, transfer: direct}
          vertrag: {name: Vertrag, issued_by: bank}
          eigen: {name: Eigenes}
        steps:
          - {id: kfz, name: Kfz, authority: kreis, channels: [online],
             requires: [meldung, ausweis, direkt, vertrag, eigen]}
          - {id: pass, name: Pass, authority: buergerbuero, channels: [in_person],
             requires: [meldung]}
    """)
    violations = once_only_violations(journey(event).graph)
    # Only meldung at kfz: public issuer, no identity, citizen-carried, another authority.
    # Held already (no producing step) still counts: the state issued it.
    assert [(v.evidence, v.step, v.issuer.id) for v in violations] == [
        ("meldung", "kfz", "buergerbuero")
    ]


def test_rule_10_shares() -> None:
    event = life_event("""
        personas:
          digital: {prefer: [online]}
        steps:
          - {id: a, name: A, authority: kasse, channels: [mail, online]}
          - {id: b, name: B, authority: kasse, channels: [in_person, proactive]}
          - {id: c, name: C, authority: kasse, channels: [phone]}
          - {id: d, name: D, authority: kasse, channels: [terminal]}
    """)
    plain = journey(event).graph
    # digital: terminal only (d) -> 1/4; online or proactive offered: a, b -> 2/4.
    assert digital_share(plain) == pytest.approx(0.25)
    assert online_available_share(plain) == pytest.approx(0.5)
    assert digital_share(journey(event, "digital").graph) == pytest.approx(0.5)  # a online, d


def test_authorities_compared_by_resolved_identity() -> None:
    # Two file-local ids with one resolved identity cannot exist, but two steps of one
    # authority spelt the same are one authority: no handover between them.
    event = life_event("""
        evidence:
          bescheid: {name: Bescheid, issued_by: kasse}
        steps:
          - {id: a, name: A, authority: kasse, channels: [mail], produces: [bescheid]}
          - {id: b, name: B, authority: kasse, channels: [online], requires: [bescheid]}
    """)
    graph = journey(event).graph
    assert authority_handovers(graph) == []
    assert once_only_violations(graph) == []  # issuer is the step's own authority
    assert len(media_breaks(graph)) == 1
