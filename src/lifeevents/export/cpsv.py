"""A journey as CPSV-AP 3.2 RDF (Turtle, JSON-LD): a life event grouping public services.

Needs the optional extra ``export`` (rdflib): ``pip install 'lifeevents[export]'``.

- The life event is a ``cv:LifeEvent`` (also typed ``cv:Event``, which the
  shapes of ``cpsv:PublicService`` ask for) with ``cv:hasRelatedService``.
- Each applicable step with a public authority is a ``cpsv:PublicService``:
  title, a description, ``dct:identifier`` (the step id), its competent
  authority, ``cv:isGroupedBy`` the life event, one ``cv:Channel`` per offered
  channel, the evidence it requires (``cpsv:hasInput``, ``cv:Evidence``) and
  produces (``cpsv:produces``, ``cv:Output``), ``cv:processingTime`` (lead time
  as an ISO 8601 duration, ``P14D``), its LeiKa key as an ``adms:identifier``,
  its legal basis as an ``eli:LegalResource`` (``cv:hasLegalResource``), and
  ``dct:requires`` for the services that come before it (spec rule 3).
- Steps with private parties (landlord, bank, hospital) are no public
  services: CPSV-AP requires a public competent authority. They are left out,
  and the order runs through them: a service requires the nearest public
  services before it.
- Authorities are ``cv:PublicOrganisation`` with ``skos:prefLabel`` and
  ``dct:spatial``: the municipality of the journey for Gemeinde offices, the
  region for Kreis offices, Germany otherwise.

>>> from lifeevents import journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> text = turtle(journey(loads(DEMO_YAML), "mit-auto"))
>>> "<urn:lifeevents:demo:service:kfz> a cpsv:PublicService" in text
True
>>> "Beitragsservice" in text  # a private body: no public service
False
"""

from __future__ import annotations

import json
import os
from typing import Any
from urllib.parse import quote

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib import namespace as rdf_namespaces

from lifeevents.formats.atomic import write_atomic
from lifeevents.graph.journey import Journey, topological_order
from lifeevents.model.authorities import ResolvedAuthority
from lifeevents.model.vocabulary import Level
from lifeevents.text.labels import Language, label

__all__ = ["BASE", "cpsv_graph", "json_ld", "turtle", "write_cpsv"]

# rdflib's namespaces warn when inspected for unknown names (as doctest collection does),
# so they are reached through their module rather than imported.
DCTERMS, RDF, SKOS = rdf_namespaces.DCTERMS, rdf_namespaces.RDF, rdf_namespaces.SKOS
DURATION = URIRef("http://www.w3.org/2001/XMLSchema#duration")
CV = Namespace("http://data.europa.eu/m8g/")
CPSV = Namespace("http://purl.org/vocab/cpsv#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
ADMS = Namespace("http://www.w3.org/ns/adms#")
#: Base of the IRIs of everything a journey describes (ids are percent-encoded).
BASE = "urn:lifeevents:"
GERMANY = URIRef("http://publications.europa.eu/resource/authority/country/DEU")
#: The language of every text literal (``@de``), and of the catalogue's words in them.
LANGUAGE: Language = "de"


def _iri(*parts: str) -> URIRef:
    return URIRef(BASE + ":".join(quote(part, safe="") for part in parts))


def _text(value: str) -> Literal:
    return Literal(value, lang=LANGUAGE)


def cpsv_graph(trip: Journey) -> Graph:
    """The journey as an rdflib graph of CPSV-AP 3.2 classes and properties.

    Parameters
    ----------
    trip : Journey
        The journey of one persona (and municipality).

    Returns
    -------
    rdflib.Graph
        The life event, a public service per applicable step with a public
        authority, the authorities, channels, evidence and places (see the module
        documentation); IRIs start with :data:`BASE`.

    Examples
    --------
    The demo's broadcasting fee is paid to a private body, so three of its four
    steps are public services:

    >>> from rdflib.namespace import DCTERMS, RDF
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> graph = cpsv_graph(journey(loads(DEMO_YAML), "mit-auto"))
    >>> services = graph.subjects(RDF.type, CPSV.PublicService)
    >>> sorted(str(graph.value(service, DCTERMS.identifier)) for service in services)
    ['anmelden', 'gebuehr', 'kfz']
    """
    graph = Graph()
    for prefix, namespace in (("cv", CV), ("cpsv", CPSV), ("eli", ELI), ("adms", ADMS)):
        graph.bind(prefix, namespace)
    graph.bind("dct", DCTERMS)
    graph.bind("skos", SKOS)
    life_event = trip.life_event
    event = _iri(life_event.id)
    graph.add((event, RDF.type, CV.LifeEvent))
    graph.add((event, RDF.type, CV.Event))
    graph.add((event, DCTERMS.identifier, Literal(life_event.id)))
    graph.add((event, DCTERMS.title, _text(life_event.name)))
    if life_event.life_event.lebenslage:
        graph.add(
            (
                event,
                DCTERMS.description,
                _text(
                    label("cpsv.lebenslage", LANGUAGE).format(
                        lebenslage=life_event.life_event.lebenslage
                    )
                ),
            )
        )
    public = {
        node for node, data in trip.graph.nodes(data=True) if data["authority"].level.is_public
    }
    before = _public_predecessors(trip, public)
    evidence = trip.graph.graph["evidence"]
    for position, node in enumerate(trip.graph):
        if node not in public:
            continue
        data = trip.graph.nodes[node]
        step = data["step"]
        service = _iri(life_event.id, "service", node)
        graph.add((event, CV.hasRelatedService, service))
        graph.add((service, RDF.type, CPSV.PublicService))
        graph.add((service, DCTERMS.identifier, Literal(node)))
        graph.add((service, DCTERMS.title, _text(data["name"])))
        authority: ResolvedAuthority = data["authority"]
        description = step.notes or label("cpsv.step_of", LANGUAGE).format(
            step=data["name"], authority=authority.name, life_event=life_event.name
        )
        graph.add((service, DCTERMS.description, _text(description)))
        graph.add((service, CV.isGroupedBy, event))
        graph.add((service, CV.hasCompetentAuthority, _organisation(graph, trip, authority)))
        graph.add(
            (service, CV.processingTime, Literal(f"P{step.lead_time_days}D", datatype=DURATION))
        )
        for channel in step.channels:
            name = label(f"channel.{channel.value}", LANGUAGE)
            _channel(graph, service, node, channel.value, name, life_event.id)
        for evidence_id in step.requires:
            if evidence_id in evidence:
                item = _iri(life_event.id, "evidence", evidence_id)
                graph.add((service, CPSV.hasInput, item))
                graph.add((item, RDF.type, CV.Evidence))
                graph.add((item, DCTERMS.identifier, Literal(evidence_id)))
                graph.add((item, DCTERMS.title, _text(evidence[evidence_id].name)))
        for evidence_id in step.produces:
            if evidence_id in evidence:
                output = _iri(life_event.id, "output", evidence_id)
                graph.add((service, CPSV.produces, output))
                graph.add((output, RDF.type, CV.Output))
                graph.add((output, DCTERMS.identifier, Literal(evidence_id)))
                graph.add((output, DCTERMS.title, _text(evidence[evidence_id].name)))
        if step.leika:
            # Labelled by position: rdflib's own labels are random, and JSON-LD shows them.
            identifier = BNode(f"leika{position}")
            graph.add((service, ADMS.identifier, identifier))
            graph.add((identifier, RDF.type, ADMS.Identifier))
            graph.add((identifier, SKOS.notation, Literal(step.leika)))
            # A name, not a word to translate: the catalogue the key comes from.
            graph.add((identifier, DCTERMS.creator, _text("LeiKa (Leistungskatalog)")))
        if step.legal_basis:
            law = _iri("legal", step.legal_basis)
            graph.add((service, CV.hasLegalResource, law))
            graph.add((law, RDF.type, ELI.LegalResource))
            graph.add((law, DCTERMS.title, _text(step.legal_basis)))
        for other in before[node]:
            graph.add((service, DCTERMS.requires, _iri(life_event.id, "service", other)))
    return graph


def _public_predecessors(trip: Journey, public: set[str]) -> dict[str, list[str]]:
    """For each step, the nearest public steps before it, through private ones."""
    found: dict[str, list[str]] = {}
    for node in topological_order(trip.graph):
        nearest: dict[str, None] = {}
        for predecessor in trip.graph.pred[node]:
            if predecessor in public:
                nearest.setdefault(predecessor)
            else:
                nearest.update(dict.fromkeys(found[predecessor]))
        found[node] = list(nearest)
    return found


def _channel(
    graph: Graph, service: URIRef, node: str, channel: str, label: str, event: str
) -> None:
    item = _iri(event, "service", node, "channel", channel)
    concept = _iri("channel", channel)
    graph.add((service, CV.hasChannel, item))
    graph.add((item, RDF.type, CV.Channel))
    graph.add((item, DCTERMS.identifier, Literal(channel)))
    graph.add((item, DCTERMS.type, concept))
    graph.add((concept, RDF.type, SKOS.Concept))
    graph.add((concept, SKOS.prefLabel, _text(label)))


def _organisation(graph: Graph, trip: Journey, authority: ResolvedAuthority) -> URIRef:
    organisation = _iri("authority", authority.id)
    graph.add((organisation, RDF.type, CV.PublicOrganisation))
    graph.add((organisation, SKOS.prefLabel, _text(authority.name)))
    graph.add((organisation, DCTERMS.identifier, Literal(authority.id)))
    graph.add((organisation, DCTERMS.spatial, _location(graph, trip, authority.level)))
    return organisation


def _location(graph: Graph, trip: Journey, level: Level) -> URIRef:
    region = trip.region
    if level is Level.GEMEINDE and region is not None and trip.municipality:
        place = _iri("location", region.id, trip.municipality)
        name = region.municipalities[trip.municipality].name
    elif level is Level.KREIS and region is not None:
        place = _iri("location", region.id)
        name = region.region.name
    else:
        # The German name of the EU authority table's country DEU, as it names it.
        place, name = GERMANY, "Deutschland"
    graph.add((place, RDF.type, DCTERMS.Location))
    graph.add((place, SKOS.prefLabel, _text(name)))
    return place


def turtle(trip: Journey) -> str:
    """The CPSV-AP graph as Turtle.

    Parameters
    ----------
    trip : Journey
        The journey of one persona (and municipality).

    Returns
    -------
    str
        The :func:`cpsv_graph` in Turtle syntax.

    Examples
    --------
    Applying for a care grade takes 14 days, an ISO 8601 duration in CPSV-AP:

    >>> from lifeevents import journey, load
    >>> text = turtle(journey(load("pflegefall")))
    >>> "<urn:lifeevents:pflegefall:service:pflegegrad-beantragen> a cpsv:PublicService" in text
    True
    >>> 'cv:processingTime "P14D"^^xsd:duration' in text
    True
    """
    return cpsv_graph(trip).serialize(format="turtle")


def json_ld(trip: Journey) -> str:
    """The CPSV-AP graph as JSON-LD (with the prefixes as its context), in one order.

    Nodes and values are sorted, so the same journey gives the same bytes.

    Parameters
    ----------
    trip : Journey
        The journey of one persona (and municipality).

    Returns
    -------
    str
        A JSON document with ``@context`` (the prefixes) and ``@graph``.

    Examples
    --------
    >>> import json
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> document = json.loads(json_ld(journey(loads(DEMO_YAML))))
    >>> document["@context"]["cv"], document["@context"]["cpsv"]
    ('http://data.europa.eu/m8g/', 'http://purl.org/vocab/cpsv#')
    """
    graph = cpsv_graph(trip)
    context = {prefix: str(iri) for prefix, iri in graph.namespaces()}
    document = json.loads(graph.serialize(format="json-ld", context=context))
    return json.dumps(_in_order(document), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _in_order(value: Any, ordered: bool = False) -> Any:
    """``value`` with every array sorted but the ``@list`` ones: rdflib lists nodes and
    values in the order of Python sets, which changes with the hash seed.

    >>> _in_order({"@graph": [{"@id": "b"}, {"@id": "a"}], "@list": [2, 1]})
    {'@graph': [{'@id': 'a'}, {'@id': 'b'}], '@list': [2, 1]}
    """
    if isinstance(value, dict):
        return {key: _in_order(item, ordered=key == "@list") for key, item in value.items()}
    if isinstance(value, list):
        items = [_in_order(item) for item in value]
        return items if ordered else sorted(items, key=_sort_key)
    return value


def _sort_key(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def write_cpsv(trip: Journey, path: str | os.PathLike[str]) -> None:
    """Write Turtle (``.ttl``) or JSON-LD (any other suffix) to ``path`` atomically.

    Parameters
    ----------
    trip : Journey
        The journey of one persona (and municipality).
    path : str or os.PathLike
        The file to write; replaced if it exists.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> trip = journey(loads(DEMO_YAML))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_cpsv(trip, Path(folder, "umzug.ttl"))
    ...     text = Path(folder, "umzug.ttl").read_text(encoding="utf-8")
    >>> text == turtle(trip)
    True
    """
    text = turtle(trip) if os.fspath(path).endswith(".ttl") else json_ld(trip)
    write_atomic(path, text)
