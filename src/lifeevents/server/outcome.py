"""What a choice shows: the map, the figures and the findings, or the problems in the files.

A :class:`Choice` is what the page's form asks for (journey, persona, places,
view, scenarios). :func:`outcome` completes it against the files (an unknown
persona becomes the first one, and so on), applies the scenarios with
:func:`lifeevents.scenarios.apply_scenarios`, analyses the journey and draws it
with :func:`lifeevents.render`. When the journey or a chosen scenario has
problems, the outcome carries them, located, and the last good drawing of the
same choice since the server started (:class:`Memory`).
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from lifeevents.analysis.report import Report, analyze
from lifeevents.errors import InputError, LifeeventsError
from lifeevents.graph.journey import journey
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.problems import Problem
from lifeevents.model.region import Region
from lifeevents.model.scenario import Scenario
from lifeevents.scenarios import apply_scenarios
from lifeevents.server.workspace import Entry, Files, Kind, Workspace
from lifeevents.text.findings import FindingKind, findings, opportunities
from lifeevents.text.labels import Language, label
from lifeevents.text.names import DisplayNames
from lifeevents.text.report import summary_rows
from lifeevents.views.api import render
from lifeevents.views.diff import diff_svg

__all__ = [
    "VIEWS",
    "Choice",
    "Memory",
    "Offer",
    "Outcome",
    "Shown",
    "interactive_page",
    "model_name",
    "outcome",
    "svg_element",
]

#: The pictures the page draws: the blueprint, the journey map, and (with scenarios)
#: the difference between today and with the scenarios.
VIEWS = ("blueprint", "journey", "diff")

# Finding sections in the order of the text report and the HTML view.
_SECTIONS = (
    (FindingKind.AUTHORITY_HANDOVER, "authority_handovers"),
    (FindingKind.MEDIA_BREAK, "media_breaks"),
    (FindingKind.ONCE_ONLY, "once_only"),
    (FindingKind.DEADLINE, "deadlines"),
)


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
class Shown:
    """A good drawing: the map with its figures and findings.

    Made by :func:`outcome` for a valid choice; :func:`~lifeevents.server.page.main_page`
    shows it.

    Attributes
    ----------
    title : str
        The journey's name.
    subtitle : str
        Persona, municipality and scenarios, in words.
    svg : str
        The ``<svg>`` element of the map (:func:`svg_element`).
    figures : tuple of (str, str, str or None)
        (label, today, with the scenarios or ``None``) per figure.
    findings : tuple of (str, tuple of str)
        (heading, sentences) per kind of finding, then the opportunities.
    notes : tuple of str
        Notes above the map (a scenario that does not apply).
    drawn_at : str
        When it was drawn (local time, ``HH:MM:SS``).
    asks_origin, asks_event_place : bool
        Whether the journey has offices of the municipality left, or of the
        event's place (the form then asks for them).

    Examples
    --------
    >>> shown = Shown("Umzug", "Persona: default", "<svg></svg>",
    ...               figures=(("Besuche", "2", "1"),), findings=())
    >>> [(name, today, changed) for name, today, changed in shown.figures if today != changed]
    [('Besuche', '2', '1')]
    """

    title: str
    subtitle: str
    #: The ``<svg>`` element of the map (no XML prolog, no comments).
    svg: str
    #: (label, today, with the scenarios or ``None``) per figure.
    figures: tuple[tuple[str, str, str | None], ...]
    #: (heading, sentences) per kind of finding, then the opportunities.
    findings: tuple[tuple[str, tuple[str, ...]], ...]
    notes: tuple[str, ...] = ()
    #: When it was drawn (local time, ``HH:MM:SS``).
    drawn_at: str = ""
    #: Whether the journey has offices of the municipality left, or of the event's place.
    asks_origin: bool = False
    asks_event_place: bool = False


@dataclass(frozen=True)
class Offer:
    """What the page's form offers for the journey chosen.

    Attributes
    ----------
    personas : tuple of (str, str)
        (id, name) of each persona of the journey (or of its last valid version).
    municipalities : tuple of (str, str)
        (id, name) of each municipality of its region.
    uses_origin, uses_event_place : bool
        Whether to ask for the municipality left, or the place of the event.
    scenarios : tuple of Entry
        The scenarios meant for the journey, and the folder's invalid ones.

    Examples
    --------
    The demo journey names no region, so no municipality is offered:

    >>> offer = Offer(personas=(("default", "default"), ("mit-auto", "Mit Auto")))
    >>> [name for _, name in offer.personas], offer.municipalities
    (['default', 'Mit Auto'], ())
    """

    personas: tuple[tuple[str, str], ...] = ()
    municipalities: tuple[tuple[str, str], ...] = ()
    uses_origin: bool = False
    uses_event_place: bool = False
    scenarios: tuple[Entry, ...] = ()


@dataclass(frozen=True)
class Outcome:
    """What the page shows for a choice (completed against the files).

    Made by :func:`outcome`.

    Attributes
    ----------
    choice : Choice
        The choice, completed: what the form shows as chosen.
    entry : Entry or None
        The journey's file; ``None`` when no journey is offered.
    offer : Offer
        What the form offers.
    shown : Shown or None
        The drawing; ``None`` when the files have problems.
    problems : tuple of Problem
        The errors of the journey and the chosen scenarios, located.
    warnings : tuple of Problem
        Their warnings.
    last_good : Shown or None
        With problems: the last good drawing of this choice (or journey), if any.

    Examples
    --------
    A folder whose one journey has an error shows no drawing, but its problem:

    >>> import tempfile
    >>> from pathlib import Path
    >>> from lifeevents.server.paths import scan
    >>> from lifeevents.server.workspace import Workspace
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     root = Path(folder).resolve()
    ...     _ = (root / "a.yaml").write_text("format: lifeevents/1\\n", encoding="utf-8")
    ...     workspace = Workspace(root, Path("workshop"))
    ...     files = workspace.files(scan(root))
    ...     result = outcome(files, Choice(), "en", Memory(), workspace)
    >>> result.entry.key, result.shown, len(result.problems) > 0, result.last_good
    ('file:a.yaml', None, True, None)
    >>> result.problems[0].file
    'workshop/a.yaml'
    """

    choice: Choice
    entry: Entry | None
    offer: Offer = field(default_factory=Offer)
    shown: Shown | None = None
    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    #: With problems: the last good drawing of this choice (or journey), if any.
    last_good: Shown | None = None


class Memory:
    """Drawings of the latest versions of the files, and the last good drawing per choice.

    Safe to share between threads; drawing happens one at a time.

    Parameters
    ----------
    size : int
        How many drawings to keep (four times as many choices are remembered).

    Examples
    --------
    >>> memory = Memory()
    >>> choice = Choice(journey="file:umzug.yaml")
    >>> shown = Shown("Umzug", "", "<svg></svg>", figures=(), findings=())
    >>> memory.drawn("version 1", choice, lambda: shown) is shown
    True
    >>> memory.drawn("version 1", choice, lambda: 1 / 0) is shown  # not drawn again
    True
    >>> memory.last_good(Choice(journey="file:umzug.yaml", persona="mit-auto")) is shown
    True
    >>> memory.last_good(Choice(journey="file:other.yaml")) is None
    True
    """

    def __init__(self, size: int = 32) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._drawn: OrderedDict[object, Shown] = OrderedDict()
        self._good: OrderedDict[object, Shown] = OrderedDict()
        self._good_of_journey: dict[str | None, Shown] = {}

    def drawn(self, key: object, choice: Choice, draw: Callable[[], Shown]) -> Shown:
        """The drawing of ``key`` (drawn now if new), remembered as good for ``choice``."""
        with self._lock:
            shown = self._drawn.get(key)
            if shown is None:
                shown = draw()
            _keep(self._drawn, key, shown, self._size)
            _keep(self._good, choice, shown, self._size * 4)
            self._good_of_journey[choice.journey] = shown
            return shown

    def last_good(self, choice: Choice) -> Shown | None:
        """The last good drawing of this choice, else of its journey."""
        with self._lock:
            return self._good.get(choice) or self._good_of_journey.get(choice.journey)


def _keep(store: OrderedDict[object, Shown], key: object, shown: Shown, size: int) -> None:
    store[key] = shown
    store.move_to_end(key)
    while len(store) > size:
        store.popitem(last=False)


@dataclass(frozen=True)
class _Prepared:
    """A choice completed against the files, with what drawing it needs."""

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


def _prepare(files: Files, choice: Choice, workspace: Workspace) -> _Prepared | None:
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
    return _Prepared(choice, entry, life_event, region, scenarios)


def outcome(
    files: Files, choice: Choice, lang: Language, memory: Memory, workspace: Workspace
) -> Outcome:
    """What ``choice`` shows with ``files``: the drawing, or the problems and the last good one.

    The choice is completed first: another journey when it names none that is
    offered, the first persona for an unknown one, the region's default
    municipality. A valid choice is analysed and drawn (with Graphviz), once
    per version of the files involved.

    Parameters
    ----------
    files : Files
        The files, checked (:meth:`~lifeevents.server.workspace.Workspace.files`).
    choice : Choice
        What the page asks for.
    lang : {"de", "en"}
        The language of the words.
    memory : Memory
        The drawings so far.
    workspace : Workspace
        The folder (for the last valid version of a broken file).

    Returns
    -------
    Outcome
        The drawing, or the problems, located, and the last good drawing.

    Examples
    --------
    The journey saved with an unknown channel: its problem, and the personas of
    its last valid version for the form:

    >>> import tempfile
    >>> from pathlib import Path
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.server.paths import scan
    >>> from lifeevents.server.workspace import Workspace
    >>> folder = tempfile.TemporaryDirectory()
    >>> root = Path(folder.name).resolve()
    >>> workspace = Workspace(root, Path("workshop"))
    >>> _ = (root / "umzug.yaml").write_text(DEMO_YAML, encoding="utf-8")
    >>> _ = workspace.files(scan(root))
    >>> broken = DEMO_YAML.replace("channels: [online]", "channels: [fax]")
    >>> _ = (root / "umzug.yaml").write_text(broken, encoding="utf-8")
    >>> files = workspace.files(scan(root))
    >>> shown = outcome(files, Choice(persona="ohne-auto"), "en", Memory(), workspace)
    >>> shown.choice.journey, shown.choice.persona, shown.shown, shown.last_good
    ('file:umzug.yaml', 'default', None, None)
    >>> print(shown.problems[0])  # doctest: +ELLIPSIS
    workshop/umzug.yaml:20:17: step 'rundfunk', channels: 'fax' is not an allowed channel; ...
    >>> shown.offer.personas
    (('default', 'default'), ('mit-auto', 'Mit Auto'))
    >>> folder.cleanup()
    """
    prepared = _prepare(files, choice, workspace)
    if prepared is None:
        return Outcome(choice, None)
    choice, entry, region = prepared.choice, prepared.entry, prepared.region
    offer = Offer(
        personas=_personas(prepared.known),
        municipalities=tuple(
            (key, place.name) for key, place in (region.municipalities if region else {}).items()
        ),
        uses_origin=choice.origin is not None,
        uses_event_place=choice.event_place is not None,
        scenarios=_applicable(files, prepared.known, workspace),
    )
    problems = prepared.errors
    warnings = tuple(problem for item in prepared.involved for problem in item.warnings)
    if not problems and entry.life_event is not None:
        key = (choice, lang, tuple((item.key, item.version) for item in prepared.involved))
        try:
            shown = memory.drawn(key, choice, lambda: _draw(prepared, files, lang))
        except InputError as error:
            problems = tuple(error.problems)
        except LifeeventsError as error:  # Graphviz missing or failing, a cap exceeded
            problems = (Problem(entry.filename, 1, 1, str(error)),)
        else:
            offer = replace(
                offer, uses_origin=shown.asks_origin, uses_event_place=shown.asks_event_place
            )
            return Outcome(choice, entry, offer, shown, (), warnings)
    return Outcome(choice, entry, offer, None, problems, warnings, memory.last_good(choice))


def interactive_page(
    files: Files, choice: Choice, lang: Language, workspace: Workspace
) -> str | None:
    """The interactive HTML view of the choice (:func:`lifeevents.render` as ``html``).

    Parameters
    ----------
    files : Files
        The files, checked.
    choice : Choice
        What the page asks for (the ``journey`` view, else the blueprint).
    lang : {"de", "en"}
        The language of the words.
    workspace : Workspace
        The folder.

    Returns
    -------
    str or None
        The page (drawn with Graphviz); ``None`` when the files have problems
        (the main page shows them) or the journey cannot be drawn.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.server.paths import scan
    >>> from lifeevents.server.workspace import Workspace
    >>> folder = tempfile.TemporaryDirectory()
    >>> root = Path(folder.name).resolve()
    >>> workspace = Workspace(root, Path("workshop"))
    >>> _ = (root / "umzug.yaml").write_text(DEMO_YAML, encoding="utf-8")
    >>> _ = workspace.files(scan(root))
    >>> broken = DEMO_YAML.replace("channels: [online]", "channels: [fax]")
    >>> _ = (root / "umzug.yaml").write_text(broken, encoding="utf-8")
    >>> files = workspace.files(scan(root))
    >>> interactive_page(files, Choice(), "en", workspace) is None
    True
    >>> folder.cleanup()
    """
    prepared = _prepare(files, choice, workspace)
    if prepared is None or prepared.errors or prepared.entry.life_event is None:
        return None
    try:
        analysed = _analysed(prepared, files, lang)
        view = "journey" if prepared.choice.view == "journey" else "blueprint"
        return render(analysed.changed or analysed.today, "html", view=view, lang=lang)
    except LifeeventsError:
        return None


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


def _personas(life_event: LifeEvent | None) -> tuple[tuple[str, str], ...]:
    if life_event is None:
        return ()
    return tuple(
        (persona, life_event.persona(persona).name or persona)
        for persona in life_event.persona_ids()
    )


def _applicable(
    files: Files, life_event: LifeEvent | None, workspace: Workspace
) -> tuple[Entry, ...]:
    """The scenarios meant for the journey; the folder's invalid ones too (to show why)."""
    offered = []
    for entry in files.scenarios:
        known = entry.scenario or workspace.last_valid(entry.key)
        if isinstance(known, Scenario):
            if life_event is not None and known.applies(life_event.id):
                offered.append(entry)
        elif entry.relative is not None:
            offered.append(entry)
    return tuple(offered)


@dataclass(frozen=True)
class _Analysed:
    today: Report
    changed: Report | None
    applied: tuple[str, ...]
    notes: tuple[str, ...]


def _analysed(prepared: _Prepared, files: Files, lang: Language) -> _Analysed:
    """Apply the scenarios and analyse, today and with them; raises the library's errors."""
    life_event = prepared.entry.life_event
    assert life_event is not None  # only valid journeys are analysed
    choice = prepared.choice
    scenarios = [item.scenario for item in prepared.scenarios if item.scenario is not None]
    by_id = {scenario.id: scenario for scenario in scenarios}
    applied = apply_scenarios(life_event, scenarios, regions=files.region_models)

    def analysed(event: LifeEvent) -> Report:
        return analyze(
            journey(
                event,
                choice.persona or "default",
                municipality=choice.municipality,
                origin=choice.origin,
                region=prepared.region,
                event_place=choice.event_place,
            )
        )

    return _Analysed(
        today=analysed(life_event),
        changed=analysed(applied.life_event) if applied.applied else None,
        applied=tuple(model_name(by_id[item], lang) for item in applied.applied),
        notes=tuple(
            label("serve.not_applied", lang).format(scenario=model_name(by_id[item], lang))
            for item in applied.not_applied
        ),
    )


def _draw(prepared: _Prepared, files: Files, lang: Language) -> Shown:
    """The map, figures and findings of a valid choice; raises the library's errors."""
    analysed = _analysed(prepared, files, lang)
    today, changed = analysed.today, analysed.changed
    report = changed or today
    if prepared.choice.view == "diff" and changed is not None:
        svg = diff_svg(today, changed, lang)
    else:
        view = "journey" if prepared.choice.view == "journey" else "blueprint"
        svg = render(report, "svg", view=view, lang=lang)
    names = DisplayNames(report, lang)
    subtitle = [f"{label('persona', lang)}: {names.persona()}"]
    municipality = names.municipality()
    if municipality:
        subtitle.append(f"{label('municipality', lang)}: {municipality}")
    if analysed.applied:
        subtitle.append(f"{label('scenarios', lang)}: {', '.join(analysed.applied)}")
    rows_changed = summary_rows(changed, lang) if changed is not None else None
    figures = tuple(
        (name, value, rows_changed[index][1] if rows_changed is not None else None)
        for index, (name, value) in enumerate(summary_rows(today, lang))
    )
    return Shown(
        title=names.life_event(),
        subtitle=" · ".join(subtitle),
        svg=svg_element(svg),
        figures=figures,
        findings=_findings(report, lang),
        notes=analysed.notes,
        drawn_at=time.strftime("%H:%M:%S"),
        asks_origin=today.journey.uses_origin,
        asks_event_place=today.journey.uses_event_place,
    )


def model_name(model: LifeEvent | Scenario, lang: Language) -> str:
    """The name of a journey or scenario in ``lang`` (English where the file gives it).

    Parameters
    ----------
    model : LifeEvent or Scenario
        The journey or scenario.
    lang : {"de", "en"}
        The language asked for.

    Returns
    -------
    str
        ``name_en`` for English where the file gives one, else ``name``.

    Examples
    --------
    >>> from lifeevents.formats.journey_file import loads
    >>> from lifeevents.formats.scenario_file import load_scenario
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> model_name(loads(DEMO_YAML), "en")
    'Umzug'
    >>> model_name(load_scenario("ewa"), "en")
    'Electronic residence registration (eWA)'
    """
    if isinstance(model, LifeEvent):
        info = model.life_event
        return info.name_en if lang == "en" and info.name_en else info.name
    return model.name_en if lang == "en" and model.name_en else model.name


def _findings(report: Report, lang: Language) -> tuple[tuple[str, tuple[str, ...]], ...]:
    found = findings(report, lang)
    sections = [
        (label(key, lang), tuple(item.text for item in found if item.kind is kind))
        for kind, key in _SECTIONS
    ]
    sections.append(
        (label("opportunities", lang), tuple(item.text for item in opportunities(report, lang)))
    )
    return tuple((heading, texts) for heading, texts in sections if texts)


_SVG_START = re.compile(r"<svg[\s>]", re.IGNORECASE)
# XML comments cannot contain "--", so the first "-->" ends one in XML and HTML alike.
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def svg_element(svg: str) -> str:
    """The ``<svg>`` element of an SVG document, to put inside HTML: no XML declaration,
    no doctype, no comments (Graphviz writes node names into them).

    Parameters
    ----------
    svg : str
        An SVG document, as Graphviz writes it.

    Returns
    -------
    str
        From ``<svg`` on, without comments; empty when there is no ``<svg>``.

    Examples
    --------
    >>> svg_element('<?xml version="1.0"?>\\n<!-- a --><svg><!-- b --><g/></svg>\\n')
    '<svg><g/></svg>'
    """
    match = _SVG_START.search(svg)
    return _COMMENT.sub("", svg[match.start() :]).strip() if match else ""
