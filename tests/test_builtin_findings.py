"""The built-in journeys show what a domain reader expects (issue: built-in library)."""

from __future__ import annotations

from lifeevents.analysis.report import Report, analyze
from lifeevents.formats.journey_file import load
from lifeevents.graph.journey import journey
from lifeevents.library.builtin import builtin_journeys
from lifeevents.model.vocabulary import Level


def report(name: str, persona: str, municipality: str | None = None) -> Report:
    return analyze(journey(load(builtin_journeys()[name]), persona, municipality=municipality))


def test_birth_carries_the_birth_certificates_to_the_benefit_offices() -> None:
    # Elterngeld takes the free "Geburtsbescheinigung für Elterngeld", the
    # Familienkasse the birth certificate: both issued by the Standesamt.
    result = report("geburt", "default", "saerbeck")
    targets = {
        (evidence, handover.target_authority.id)
        for handover in result.authority_handovers
        for evidence in handover.evidence
    }
    assert ("geburtsbescheinigung-elterngeld", "elterngeldstelle") in targets
    assert ("geburtsurkunde", "familienkasse") in targets
    violated = {v.evidence for v in result.once_only_violations}
    assert {"geburtsurkunde", "geburtsbescheinigung-elterngeld"} <= violated


def test_birth_differs_where_the_youth_welfare_office_differs() -> None:
    # Rheine runs its own Jugendamt (at the Rathaus); Saerbeck is served by the Kreis.
    # Elterngeld is the Kreis's in both (issue 11): the town's Jugendamt no longer
    # makes the crossings fewer, only the visits.
    rheine = report("geburt", "unverheiratet-schalter", "rheine")
    saerbeck = report("geburt", "unverheiratet-schalter", "saerbeck")
    assert rheine.visits.minimum < saerbeck.visits.minimum
    assert rheine.crossing_levels == saerbeck.crossing_levels


def test_school_enrolment_crosses_gemeinde_and_kreis() -> None:
    result = report("einschulung", "default", "greven")
    graph = result.journey.graph
    levels = {data["level"] for _, data in graph.nodes(data=True)}
    assert {Level.GEMEINDE, Level.KREIS} <= levels
    crossings = [
        (source, target)
        for source, target in graph.edges
        if {graph.nodes[source]["level"], graph.nodes[target]["level"]}
        == {Level.GEMEINDE, Level.KREIS}
    ]
    assert crossings, "no dependency between a Gemeinde step and a Kreis step"


def test_moving_within_a_municipality_needs_no_deregistration() -> None:
    # BMG: the new registration office informs the old one (a once-only case in law).
    life_event = load(builtin_journeys()["umzug-innerhalb-kreis"])
    direct = [
        evidence for evidence in life_event.evidence.values() if evidence.transfer == "direct"
    ]
    assert direct, "the information of the old Meldebehörde should be a direct transfer"
