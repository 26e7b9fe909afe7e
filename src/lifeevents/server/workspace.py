"""The files the page offers, each checked: journeys, scenarios and regions of the folder.

Each YAML file of the folder is checked as what its ``format:`` line says it is
(region, scenario, else journey), exactly as ``lifeevents validate`` checks it,
and the result is kept until the file's stamp changes. Region files of the
folder join the built-in regions (a folder region wins on an equal id), so
journeys that name them resolve. When the folder holds no journey file, the
built-in journeys are offered instead; the built-in scenarios are always offered.

Problems name a file as the command line would: the folder as given, then the
path inside it (``journeys/umzug.yaml:12:5: ...``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from lifeevents.analysis.validation import journey_problems, validate
from lifeevents.formats import file_kinds
from lifeevents.formats.journey_file import Regions, check_text
from lifeevents.formats.reading import read_checked
from lifeevents.formats.region_file import builtin_regions, check_region_text
from lifeevents.formats.scenario_file import check_scenario, check_scenario_text
from lifeevents.library.builtin import builtin_journeys, builtin_scenarios
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.problems import CheckResult, Problem
from lifeevents.model.region import Region
from lifeevents.model.scenario import Scenario
from lifeevents.server.paths import Snapshot, Stamp, yaml_file

__all__ = ["BUILTIN", "FILE", "Entry", "Files", "Kind", "Workspace"]

#: Key prefixes: a file of the folder, or a built-in journey or scenario by name.
FILE = "file:"
BUILTIN = "builtin:"


class Kind(StrEnum):
    """What a file offered on the page is: a journey, a scenario or a region.

    A YAML file of the folder is what its ``format:`` line says
    (:mod:`lifeevents.formats.file_kinds`); anything else is checked as a journey.

    Examples
    --------
    >>> [kind.value for kind in Kind]
    ['journey', 'scenario', 'region']
    >>> Kind("scenario") is Kind.SCENARIO
    True
    """

    JOURNEY = "journey"
    SCENARIO = "scenario"
    REGION = "region"


@dataclass(frozen=True)
class Entry:
    """One checked file: its key, what it is, its problems and (when valid) its model.

    Attributes
    ----------
    key : str
        :data:`FILE` and the path inside the folder, or :data:`BUILTIN` and a name:
        what the page's form sends back.
    kind : Kind
        What the file is.
    name : str
        The path inside the folder, or the built-in name.
    filename : str
        The file as its problems name it.
    problems : tuple of Problem
        Every error and warning of the file.
    model : LifeEvent, Scenario, Region or None
        The model read, when the file has no errors.
    version : object
        Changes whenever the file (or a region it may name) does.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.server.paths import scan
    >>> folder = tempfile.TemporaryDirectory()
    >>> root = Path(folder.name).resolve()
    >>> _ = (root / "umzug.yaml").write_text(DEMO_YAML, encoding="utf-8")
    >>> files = Workspace(root, Path("workshop")).files(scan(root))
    >>> entry = files.entry("file:umzug.yaml")
    >>> entry.kind, entry.relative, entry.filename, entry.life_event.id, entry.errors
    (<Kind.JOURNEY: 'journey'>, 'umzug.yaml', 'workshop/umzug.yaml', 'demo', ())
    >>> builtin = files.entry("builtin:ewa")
    >>> builtin.kind, builtin.relative, builtin.scenario.id
    (<Kind.SCENARIO: 'scenario'>, None, 'ewa')
    >>> folder.cleanup()
    """

    key: str
    kind: Kind
    #: The path inside the folder, or the built-in name.
    name: str
    #: The file as its problems name it.
    filename: str
    problems: tuple[Problem, ...]
    model: LifeEvent | Scenario | Region | None
    #: Changes whenever the file (or a region it may name) does.
    version: object = None

    @property
    def relative(self) -> str | None:
        """The path inside the folder; ``None`` for a built-in file."""
        return self.key.removeprefix(FILE) if self.key.startswith(FILE) else None

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if not problem.is_error)

    @property
    def life_event(self) -> LifeEvent | None:
        return self.model if isinstance(self.model, LifeEvent) else None

    @property
    def scenario(self) -> Scenario | None:
        return self.model if isinstance(self.model, Scenario) else None


@dataclass(frozen=True)
class Files:
    """Every file the page offers, checked at one moment.

    Made by :meth:`Workspace.files`.

    Attributes
    ----------
    journeys, scenarios, regions : tuple of Entry
        The files of each kind: the folder's first, then the built-in ones offered.
    region_models : mapping of str to Region
        Built-in regions and the valid region files of the folder, by id.
    builtin_journeys : bool
        True when the folder holds no journey and the built-in ones are offered.
    complete : bool
        False when the folder has more files than are watched.

    Examples
    --------
    A folder with one journey offers it, and every built-in scenario:

    >>> import tempfile
    >>> from pathlib import Path
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.server.paths import scan
    >>> folder = tempfile.TemporaryDirectory()
    >>> root = Path(folder.name).resolve()
    >>> _ = (root / "umzug.yaml").write_text(DEMO_YAML, encoding="utf-8")
    >>> files = Workspace(root, Path("workshop")).files(scan(root))
    >>> [entry.key for entry in files.journeys], files.builtin_journeys, files.complete
    (['file:umzug.yaml'], False, True)
    >>> "builtin:ewa" in [entry.key for entry in files.scenarios]
    True
    >>> [entry.name for entry in files.folder_files], list(files.region_models)
    (['umzug.yaml'], ['kreis-steinfurt'])
    >>> files.entry("file:other.yaml") is None
    True
    >>> folder.cleanup()
    """

    journeys: tuple[Entry, ...]
    scenarios: tuple[Entry, ...]
    regions: tuple[Entry, ...]
    #: Built-in regions and the valid region files of the folder, by id.
    region_models: Mapping[str, Region]
    #: True when the folder holds no journey and the built-in ones are offered.
    builtin_journeys: bool
    #: False when the folder has more files than are watched.
    complete: bool

    def entry(self, key: str | None) -> Entry | None:
        """The journey or scenario of ``key``, if offered."""
        for entry in (*self.journeys, *self.scenarios):
            if entry.key == key:
                return entry
        return None

    @property
    def folder_files(self) -> tuple[Entry, ...]:
        """The files of the folder (not the built-in ones), sorted by path."""
        found = (*self.journeys, *self.scenarios, *self.regions)
        return tuple(sorted((entry for entry in found if entry.relative), key=lambda e: e.name))


def _read(
    path: Path, shown: str, check: Callable[[str | bytes], CheckResult[Any]]
) -> CheckResult[Any]:
    """Read the real file (confined), and name it ``shown`` in every problem."""
    result = read_checked(path, lambda raw, _: check(raw))
    if result.filename == shown:
        return result
    # The file could not be read: read_checked named the real path.
    problems = tuple(replace(problem, file=shown) for problem in result.problems)
    return CheckResult(shown, result.model, problems)


def _journey(raw: str | bytes, shown: str, regions: Regions) -> CheckResult[LifeEvent]:
    """A journey checked completely, as :func:`lifeevents.analysis.validation.validate`
    checks a file: the file itself, then every persona in its region."""
    result = check_text(raw, shown, regions)
    life_event = result.model
    if life_event is None:
        return result
    region = regions.get(life_event.region) if life_event.region is not None else None
    extra = journey_problems(life_event, region)
    if not extra:
        return result
    return CheckResult(shown, None, tuple(sorted({*result.problems, *extra})))


def _entry(key: str, kind: Kind, name: str, result: CheckResult[Any], version: object) -> Entry:
    model = result.model if result.ok else None
    return Entry(key, kind, name, result.filename, result.problems, model, version)


class Workspace:
    """The folder's files, checked once per version of each; safe to share between threads.

    It also remembers the last valid model of every journey and scenario, so the
    page can offer a file's personas and places while the file is broken.

    Parameters
    ----------
    root : Path
        The folder (resolved here).
    shown_as : Path
        The folder as problems name it (as given on the command line).

    Examples
    --------
    A journey saved broken keeps its last valid model:

    >>> import tempfile
    >>> from pathlib import Path
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.server.paths import scan
    >>> folder = tempfile.TemporaryDirectory()
    >>> root = Path(folder.name).resolve()
    >>> workspace = Workspace(root, Path("workshop"))
    >>> _ = (root / "umzug.yaml").write_text(DEMO_YAML, encoding="utf-8")
    >>> workspace.files(scan(root)).journeys[0].errors
    ()
    >>> broken = DEMO_YAML.replace("channels: [online]", "channels: [fax]")
    >>> _ = (root / "umzug.yaml").write_text(broken, encoding="utf-8")
    >>> entry = workspace.files(scan(root)).journeys[0]
    >>> print(entry.errors[0])  # doctest: +ELLIPSIS
    workshop/umzug.yaml:20:17: step 'rundfunk', channels: 'fax' is not an allowed channel; ...
    >>> entry.life_event, workspace.last_valid(entry.key).id
    (None, 'demo')
    >>> folder.cleanup()
    """

    def __init__(self, root: Path, shown_as: Path) -> None:
        self.root = root.resolve()
        self.shown_as = shown_as
        self._lock = threading.Lock()
        self._checked: dict[tuple[str, object], Entry] = {}
        self._kinds: dict[tuple[str, Stamp], Kind] = {}
        self._last_valid: dict[str, LifeEvent | Scenario] = {}

    def shown_name(self, relative: str) -> Path:
        """The path of a file of the folder as problems name it (the folder as given)."""
        return self.shown_as / relative

    def last_valid(self, key: str) -> LifeEvent | Scenario | None:
        """The last valid model of a journey or scenario since the server started."""
        with self._lock:
            return self._last_valid.get(key)

    def files(self, snapshot: Snapshot) -> Files:
        """Every file of ``snapshot`` checked (from the cache where unchanged)."""
        with self._lock:
            used: dict[tuple[str, object], Entry] = {}
            kinds = {
                relative: self._kind(relative, stamp) for relative, stamp in snapshot.files.items()
            }
            self._kinds = {
                (relative, snapshot.files[relative]): kind for relative, kind in kinds.items()
            }

            def check(
                kind: Kind, regions: Regions | None = None, after: object = None
            ) -> list[Entry]:
                return [
                    self._check(used, relative, kind, (snapshot.files[relative], after), regions)
                    for relative, found in kinds.items()
                    if found is kind
                ]

            regions = check(Kind.REGION)
            region_models = dict(builtin_regions())
            region_models.update(
                (entry.model.id, entry.model)
                for entry in regions
                if isinstance(entry.model, Region)
            )
            # A journey's problems depend on the regions it may name too.
            regions_version = tuple((entry.key, entry.version) for entry in regions)
            journeys = check(Kind.JOURNEY, region_models, regions_version)
            builtin = not journeys
            if builtin:
                journeys = [
                    self._builtin(used, name, path, Kind.JOURNEY, region_models, regions_version)
                    for name, path in builtin_journeys().items()
                ]
            scenarios = check(Kind.SCENARIO)
            scenarios.extend(
                self._builtin(used, name, path, Kind.SCENARIO, None, None)
                for name, path in builtin_scenarios().items()
            )
            self._checked = used
            for entry in (*journeys, *scenarios):
                if isinstance(entry.model, LifeEvent | Scenario):
                    self._last_valid[entry.key] = entry.model
            return Files(
                tuple(journeys),
                tuple(scenarios),
                tuple(regions),
                region_models,
                builtin,
                snapshot.complete,
            )

    def _kind(self, relative: str, stamp: Stamp) -> Kind:
        """What the file says it is, by its ``format:`` line (read once per version)."""
        known = self._kinds.get((relative, stamp))
        if known is not None:
            return known
        path = yaml_file(self.root, relative)
        kind = file_kinds.format_of(path) if path is not None else None
        if kind == file_kinds.REGION:
            return Kind.REGION
        return Kind.SCENARIO if kind == file_kinds.SCENARIO else Kind.JOURNEY

    def _check(
        self,
        used: dict[tuple[str, object], Entry],
        relative: str,
        kind: Kind,
        version: object,
        regions: Regions | None,
    ) -> Entry:
        key = FILE + relative
        cached = self._checked.get((key, version))
        if cached is None or cached.kind is not kind:
            shown = str(self.shown_name(relative))
            path = yaml_file(self.root, relative)
            result: CheckResult[Any]
            if path is None:  # gone, or now leads outside
                problem = Problem(shown, 1, 1, "cannot read: not a file inside the folder")
                result = CheckResult(shown, None, (problem,))
            elif kind is Kind.JOURNEY:
                result = _read(path, shown, lambda raw: _journey(raw, shown, regions or {}))
            elif kind is Kind.SCENARIO:
                result = _read(path, shown, lambda raw: check_scenario_text(raw, shown))
            else:
                result = _read(path, shown, lambda raw: check_region_text(raw, shown))
            cached = _entry(key, kind, relative, result, version)
        used[key, version] = cached
        return cached

    def _builtin(
        self,
        used: dict[tuple[str, object], Entry],
        name: str,
        path: Path,
        kind: Kind,
        regions: Regions | None,
        version: object,
    ) -> Entry:
        key = BUILTIN + name
        cached = self._checked.get((key, version))
        if cached is None:
            result = validate(path, regions) if kind is Kind.JOURNEY else check_scenario(path)
            cached = _entry(key, kind, name, result, version)
        used[key, version] = cached
        return cached
