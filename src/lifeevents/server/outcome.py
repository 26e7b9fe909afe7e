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

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from lifeevents.errors import InputError, LifeeventsError
from lifeevents.model.problems import Problem
from lifeevents.server.choice import Choice, applicable_scenarios, personas_of, prepare
from lifeevents.server.drawing import Shown, draw
from lifeevents.server.workspace import Entry, Files, Workspace
from lifeevents.text.labels import Language

__all__ = [
    "Memory",
    "Offer",
    "Outcome",
    "outcome",
]


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
    prepared = prepare(files, choice, workspace)
    if prepared is None:
        return Outcome(choice, None)
    choice, entry, region = prepared.choice, prepared.entry, prepared.region
    offer = Offer(
        personas=personas_of(prepared.known),
        municipalities=tuple(
            (key, place.name) for key, place in (region.municipalities if region else {}).items()
        ),
        uses_origin=choice.origin is not None,
        uses_event_place=choice.event_place is not None,
        scenarios=applicable_scenarios(files, prepared.known, workspace),
    )
    problems = prepared.errors
    warnings = tuple(problem for item in prepared.involved for problem in item.warnings)
    if not problems and entry.life_event is not None:
        key = (choice, lang, tuple((item.key, item.version) for item in prepared.involved))
        try:
            shown = memory.drawn(key, choice, lambda: draw(prepared, files, lang))
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
