"""A choice on the page (journey, persona, places, view, scenarios), completed against the files."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from lifeevents.model.life_event import LifeEvent
from lifeevents.model.problems import Problem
from lifeevents.model.region import Region
from lifeevents.model.scenario import Scenario
from lifeevents.server.workspace import Entry, Files, Kind, Workspace

__all__ = [
    "VIEWS",
    "Choice",
    "Prepared",
    "applicable_scenarios",
    "personas_of",
    "prepare",
]

#: The pictures the page draws: the blueprint, the journey map, and (with scenarios)
#: the difference between today and with the scenarios.
VIEWS = ("blueprint", "journey", "diff")


@dataclass(frozen=True)
class Choice:
    """What the page asks for; every field as the query string gives it.

    Examples
    --------
    >>> choice = Choice.from_query({"journey": ["file:a.yaml"], "scenario": ["builtin:ewa"]})
    >>> choice.journey, choice.view, choice.scenarios
    ('file:a.yaml', 'blueprint', ('builtin:ewa',))
    >>> choice.query()
    'journey=file%3Aa.yaml&view=blueprint&scenario=builtin%3Aewa'
    """

    journey: str | None = None
    persona: str | None = None
    municipality: str | None = None
    origin: str | None = None
    event_place: str | None = None
    view: str = VIEWS[0]
    scenarios: tuple[str, ...] = ()

    @classmethod
    def from_query(cls, query: Mapping[str, Sequence[str]]) -> Choice:
        """The choice of a parsed query string (:func:`urllib.parse.parse_qs`)."""

        def one(name: str) -> str | None:
            values = query.get(name)
            return values[0] if values and values[0] else None

        view = one("view")
        return cls(
            journey=one("journey"),
            persona=one("persona"),
            municipality=one("municipality"),
            origin=one("origin"),
            event_place=one("event_place"),
            view=view if view in VIEWS else VIEWS[0],
            scenarios=tuple(dict.fromkeys(value for value in query.get("scenario", ()) if value)),
        )

    def query(self) -> str:
        """The query string that asks for this choice again."""
        pairs = [
            (name, value)
            for name, value in (
                ("journey", self.journey),
                ("persona", self.persona),
                ("municipality", self.municipality),
                ("origin", self.origin),
                ("event_place", self.event_place),
                ("view", self.view),
            )
            if value is not None
        ]
        pairs.extend(("scenario", key) for key in self.scenarios)
        return urlencode(pairs)


@dataclass(frozen=True)
class Prepared:
    """A choice completed against the files, with what drawing it needs.

    Made by :func:`prepare`; ``involved`` are the journey's and the chosen
    scenarios' entries, ``errors`` their problems.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.server.paths import scan
    >>> from lifeevents.server.workspace import Workspace
    >>> folder = tempfile.TemporaryDirectory()
    >>> root = Path(folder.name).resolve()
    >>> _ = (root / "umzug.yaml").write_text(DEMO_YAML, encoding="utf-8")
    >>> workspace = Workspace(root, Path("workshop"))
    >>> files = workspace.files(scan(root))
    >>> prepared = prepare(files, Choice(persona="nobody"), workspace)
    >>> prepared.choice.persona, prepared.known.id, prepared.errors
    ('default', 'demo', ())
    >>> folder.cleanup()
    """

    choice: Choice
    entry: Entry
    #: The journey now, else its last valid version (for the form), else ``None``.
    known: LifeEvent | None
    region: Region | None
    scenarios: tuple[Entry, ...]

    @property
    def involved(self) -> tuple[Entry, ...]:
        return (self.entry, *self.scenarios)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(problem for item in self.involved for problem in item.errors)


def prepare(files: Files, choice: Choice, workspace: Workspace) -> Prepared | None:
    """Complete ``choice`` against the files: the journey (else the first valid one),
    a persona and places it has, scenarios that exist; ``None`` without journeys.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.server.paths import scan
    >>> from lifeevents.server.workspace import Workspace
    >>> folder = tempfile.TemporaryDirectory()
    >>> root = Path(folder.name).resolve()
    >>> _ = (root / "umzug.yaml").write_text(DEMO_YAML, encoding="utf-8")
    >>> workspace = Workspace(root, Path("workshop"))
    >>> files = workspace.files(scan(root))
    >>> prepare(files, Choice(journey="gone.yaml"), workspace).entry.name
    'umzug.yaml'
    >>> folder.cleanup()
    """
    entry = files.entry(choice.journey)
    if entry is None or entry.kind is not Kind.JOURNEY:
        valid = [item for item in files.journeys if item.life_event is not None]
        entry = next(iter(valid or files.journeys), None)
    if entry is None:
        return None
    known = entry.life_event or workspace.last_valid(entry.key)
    life_event = known if isinstance(known, LifeEvent) else None
    region = files.region_models.get(life_event.region or "") if life_event else None
    choice = _completed(choice, entry, life_event, region, files)
    scenarios = tuple(item for item in map(files.entry, choice.scenarios) if item is not None)
    return Prepared(choice, entry, life_event, region, scenarios)


def _completed(
    choice: Choice,
    entry: Entry,
    life_event: LifeEvent | None,
    region: Region | None,
    files: Files,
) -> Choice:
    """The choice with what the files do not have replaced by defaults."""
    personas = life_event.persona_ids() if life_event is not None else []
    persona = choice.persona
    if personas and persona not in personas:
        persona = personas[0]
    places = region.municipalities if region is not None else {}

    def place(value: str | None) -> str | None:
        return value if value in places else None

    municipality = place(choice.municipality)
    if municipality is None and region is not None:
        municipality = place(region.region.default_municipality) or next(iter(places), None)
    scenarios = tuple(
        key
        for key in choice.scenarios
        if (item := files.entry(key)) is not None and item.kind is Kind.SCENARIO
    )
    view = choice.view if choice.view != "diff" or scenarios else VIEWS[0]
    return Choice(
        entry.key,
        persona,
        municipality,
        place(choice.origin),
        place(choice.event_place),
        view,
        scenarios,
    )


def personas_of(life_event: LifeEvent | None) -> tuple[tuple[str, str], ...]:
    """Each persona of ``life_event`` as (id, name) for the form (the id if unnamed).

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> personas_of(loads(DEMO_YAML))
    (('default', 'default'), ('mit-auto', 'Mit Auto'))
    """
    if life_event is None:
        return ()
    return tuple(
        (persona, life_event.persona(persona).name or persona)
        for persona in life_event.persona_ids()
    )


def applicable_scenarios(
    files: Files, life_event: LifeEvent | None, workspace: Workspace
) -> tuple[Entry, ...]:
    """The scenarios meant for the journey; the folder's invalid ones too (to show why).

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from lifeevents import load
    >>> from lifeevents.server.paths import scan
    >>> from lifeevents.server.workspace import Workspace
    >>> folder = tempfile.TemporaryDirectory()
    >>> root = Path(folder.name).resolve()
    >>> _ = (root / "kaputt.yaml").write_text("format: lifeevents-scenario/1\\n", encoding="utf-8")
    >>> workspace = Workspace(root, Path("workshop"))
    >>> files = workspace.files(scan(root))
    >>> names = [entry.name for entry in applicable_scenarios(files, load("geburt"), workspace)]
    >>> "kaputt.yaml" in names, len(names) > 1
    (True, True)
    >>> folder.cleanup()
    """
    offered = []
    for entry in files.scenarios:
        known = entry.scenario or workspace.last_valid(entry.key)
        if isinstance(known, Scenario):
            if life_event is not None and known.applies(life_event.id):
                offered.append(entry)
        elif entry.relative is not None:
            offered.append(entry)
    return tuple(offered)
