"""Checks between the parts of a journey file: references, duplicates, cycles, visits.

The checks read the parsed YAML data, not the validated model, so they still run
(and report) when some other part of the file is malformed: authors see every
problem of a file at once. Values of the wrong type are skipped here; model
validation reports them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from lifeevents.formats.yaml_reader import Document
from lifeevents.library.leika import leika
from lifeevents.model.life_event import authority_id
from lifeevents.model.order import is_acyclic
from lifeevents.model.problems import Problem, Severity
from lifeevents.model.suggestions import did_you_mean

__all__ = ["OfficeCatalog", "check_references", "conditions_compatible"]

# Did-you-mean hints cost a scan of all choices each; past this many, messages go without.
_HINT_BUDGET = 50
# Producers of one evidence compared pairwise; past this many, one summary problem instead.
_PRODUCER_LIMIT = 50

# Whitespace as str.isspace() tells it (re's \s uses the same Unicode definition).
_SPACE = re.compile(r"\s")

#: Whether an authority id not defined in the file is an office the file's region provides.
OfficeCatalog = Callable[[str], bool]


def conditions_compatible(first: Mapping[str, Any], second: Mapping[str, Any]) -> bool:
    """Whether two ``when`` conditions can hold together (no attribute with two values).

    Two steps that produce one evidence must not both apply to one persona; this
    tells whether some persona could meet both conditions.

    Parameters
    ----------
    first, second : mapping of str to object
        Two ``when`` conditions: attribute names and the values they require.

    Returns
    -------
    bool
        ``False`` when one attribute is required with two different values
        (``true`` and ``1`` count as different).

    Examples
    --------
    >>> conditions_compatible({"married": True}, {"car": True})
    True
    >>> conditions_compatible({"married": True}, {"married": False})
    False
    """
    return all(
        first[key] == second[key] and isinstance(first[key], bool) == isinstance(second[key], bool)
        for key in first.keys() & second.keys()
    )


@dataclass(frozen=True)
class _StepView:
    """What the checks need of one step, read defensively from raw data."""

    index: int
    raw: dict[str, Any]
    # The id and each list's texts are read once: the checks ask every step for them
    # several times, and a large file has many steps.
    id: str | None = field(init=False)
    _strings: dict[str, list[tuple[int, str]]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        value = self.raw.get("id")
        object.__setattr__(self, "id", value if isinstance(value, str) else None)
        object.__setattr__(self, "_strings", {})

    def strings(self, key: str) -> list[tuple[int, str]]:
        found = self._strings.get(key)
        if found is None:
            value = self.raw.get(key)
            found = self._strings[key] = (
                [(position, item) for position, item in enumerate(value) if isinstance(item, str)]
                if isinstance(value, list)
                else []
            )
        return found

    def text(self, key: str) -> str | None:
        value = self.raw.get(key)
        return value if isinstance(value, str) else None

    @property
    def when(self) -> dict[str, Any]:
        value = self.raw.get("when")
        return value if isinstance(value, dict) else {}


class _Checker:
    def __init__(self, document: Document, filename: str, offices: OfficeCatalog | None) -> None:
        data = document.data if isinstance(document.data, dict) else {}
        self.data = data
        self.positions = document.positions
        self.filename = filename
        self.offices = offices
        self.problems: list[Problem] = []
        raw_steps = data.get("steps")
        self.steps = [
            _StepView(index, raw)
            for index, raw in enumerate(raw_steps if isinstance(raw_steps, list) else [])
            if isinstance(raw, dict)
        ]
        self.authorities = _mapping(data.get("authorities"))
        self.evidence = _mapping(data.get("evidence"))
        self.personas = _mapping(data.get("personas"))
        self.hints_left = _HINT_BUDGET

    def hint(self, value: str, choices: list[str]) -> str:
        """A did-you-mean, for the first few unknown names only: each costs a scan of choices."""
        if self.hints_left <= 0:
            return ""
        self.hints_left -= 1
        return did_you_mean(value, choices)

    def report(
        self, path: tuple[str | int, ...], message: str, severity: Severity = Severity.ERROR
    ) -> None:
        line, column = self.positions.value(path)
        self.problems.append(Problem(self.filename, line, column, message, severity))

    def run(self) -> list[Problem]:
        step_ids = self.check_step_ids()
        self.check_authority_references()
        self.check_evidence_references()
        self.check_after(step_ids)
        self.check_stages()
        self.check_producers()
        self.check_cycles()
        self.check_visit_sites()
        self.check_conditions()
        self.check_unused_evidence()
        self.check_leika_keys()
        return sorted(self.problems)

    def check_leika_keys(self) -> None:
        for step in self.steps:
            key = step.raw.get("leika")
            key = str(key) if isinstance(key, int) and not isinstance(key, bool) else key
            if isinstance(key, str) and key.isdigit() and len(key) == 14 and leika(key) is None:
                self.report(
                    ("steps", step.index, "leika"),
                    f"step '{step.id}': LeiKa key {key} is not in the LeiKa catalogue shipped "
                    "with lifeevents (KDN OZG-Datenbank NRW, June 2023); check the key",
                    Severity.WARNING,
                )

    def check_step_ids(self) -> set[str]:
        first_index: dict[str, int] = {}
        for step in self.steps:
            if step.id is None:
                continue
            if step.id in first_index:
                line, _ = self.positions.value(("steps", first_index[step.id], "id"))
                self.report(
                    ("steps", step.index, "id"),
                    f"the step id '{step.id}' is used twice (first on line {line}); "
                    "give each step its own id",
                )
            else:
                first_index[step.id] = step.index
        return set(first_index)

    def authority_known(self, authority_id: str) -> bool:
        return authority_id in self.authorities or (
            self.offices is not None and self.offices(authority_id)
        )

    def check_authority_references(self) -> None:
        choices = list(self.authorities)
        for step in self.steps:
            reference = step.text("authority")
            if reference is None:
                continue
            base, _, suffix = reference.partition("@")
            if (suffix and suffix not in {"origin", "event"}) or not base or _SPACE.search(base):
                continue  # the model reports the syntax
            path = ("steps", step.index, "authority")
            if (
                suffix
                and base in self.authorities
                and not (self.offices is not None and self.offices(base))
            ):
                place = (
                    "the municipality the citizen leaves"
                    if suffix == "origin"
                    else "the municipality where the event happens"
                )
                self.report(
                    path,
                    f"step '{step.id}': '@{suffix}' picks the office of {place}, but "
                    f"'{base}' is defined in this file, not by a region; "
                    "define a second authority instead",
                )
            elif not self.authority_known(base):
                self.report(path, f"step '{step.id}': {self.unknown_authority(base, choices)}")
        changed = self.data.get("office_changes")
        for office_id in changed if isinstance(changed, dict) else {}:
            if not (self.offices is not None and self.offices(office_id)):
                self.report(
                    ("office_changes", office_id),
                    f"office_changes: '{office_id}' is not an office of the journey's region",
                )
        for evidence_id, raw in self.evidence.items():
            issuer = raw.get("issued_by") if isinstance(raw, dict) else None
            if isinstance(issuer, str) and not self.authority_known(authority_id(issuer)):
                self.report(
                    ("evidence", evidence_id, "issued_by"),
                    f"evidence '{evidence_id}': {self.unknown_authority(issuer, choices)}",
                )

    def unknown_authority(self, reference: str, choices: list[str]) -> str:
        region = self.data.get("region")
        where = (
            f"under 'authorities:' or as an office of region '{region}'"
            if isinstance(region, str) and self.offices is not None
            else "under 'authorities:'"
        )
        hint = self.hint(reference, choices)
        return f"unknown authority '{reference}'{hint}; define it {where}"

    def check_evidence_references(self) -> None:
        choices = list(self.evidence)
        for step in self.steps:
            for key in ("requires", "produces"):
                for position, evidence_id in step.strings(key):
                    if evidence_id not in self.evidence:
                        self.report(
                            ("steps", step.index, key, position),
                            f"step '{step.id}': unknown evidence '{evidence_id}'"
                            f"{self.hint(evidence_id, choices)}; define it under 'evidence:'",
                        )

    def check_after(self, step_ids: set[str]) -> None:
        choices = sorted(step_ids)
        for step in self.steps:
            for position, other in step.strings("after"):
                if other not in step_ids:
                    self.report(
                        ("steps", step.index, "after", position),
                        f"step '{step.id}' comes after unknown step '{other}'"
                        f"{self.hint(other, choices)}",
                    )

    def check_stages(self) -> None:
        header = self.data.get("life_event")
        stages = header.get("stages") if isinstance(header, dict) else None
        if not isinstance(stages, list) or not stages:
            return
        names = [stage for stage in stages if isinstance(stage, str)]
        stage_names = header.get("stage_names") if isinstance(header, dict) else None
        for key in stage_names if isinstance(stage_names, dict) else {}:
            if key not in names:
                line, column = self.positions.key(("life_event", "stage_names", key))
                self.problems.append(
                    Problem(
                        self.filename,
                        line,
                        column,
                        f"stage_names: unknown stage '{key}'{self.hint(key, names)} "
                        f"(stages of this life event: {', '.join(names)})",
                    )
                )
        for step in self.steps:
            stage = step.text("stage")
            if stage is not None and stage not in names:
                self.report(
                    ("steps", step.index, "stage"),
                    f"step '{step.id}': unknown stage '{stage}'{self.hint(stage, names)} "
                    f"(stages of this life event: {', '.join(names)})",
                )

    def check_producers(self) -> None:
        producers: dict[str, list[tuple[_StepView, int]]] = {}
        for step in self.steps:
            for position, evidence_id in step.strings("produces"):
                earlier_producers = producers.get(evidence_id, [])
                if len(earlier_producers) == _PRODUCER_LIMIT:
                    self.report(
                        ("steps", step.index, "produces", position),
                        f"evidence '{evidence_id}' is produced by more than {_PRODUCER_LIMIT} "
                        "steps; only the first ones were checked for conditions that can hold "
                        "together",
                        Severity.WARNING,
                    )
                if len(earlier_producers) >= _PRODUCER_LIMIT:
                    continue
                for earlier, _ in earlier_producers:
                    if conditions_compatible(earlier.when, step.when):
                        self.report(
                            ("steps", step.index, "produces", position),
                            f"evidence '{evidence_id}' is produced by step '{earlier.id}' and "
                            f"by step '{step.id}', and both can apply to one persona; "
                            "let one step produce it, or give them contradicting 'when' conditions",
                        )
                        break
                producers.setdefault(evidence_id, []).append((step, position))

    def check_cycles(self) -> None:
        index_of: dict[str, int] = {}
        produced_by: dict[str, list[str]] = {}
        for step in self.steps:
            if step.id is not None and step.id not in index_of:
                index_of[step.id] = step.index
                for _, evidence_id in step.strings("produces"):
                    produced_by.setdefault(evidence_id, []).append(step.id)
        # Each dependency and what makes it one (the last reason given, as networkx keeps).
        via: dict[tuple[str, str], str] = {}
        for step in self.steps:
            if step.id is None or index_of.get(step.id) != step.index:
                continue
            for _, other in step.strings("after"):
                if other in index_of:
                    via[other, step.id] = "after"
            for _, evidence_id in step.strings("requires"):
                for producer in produced_by.get(evidence_id, []):
                    via[producer, step.id] = f"evidence '{evidence_id}'"
        if is_acyclic(index_of, via):
            return  # the usual case, decided without importing networkx
        import networkx as nx

        graph: nx.DiGraph[str] = nx.DiGraph()
        graph.add_nodes_from(index_of)
        graph.add_edges_from(
            (source, target, {"via": how}) for (source, target), how in via.items()
        )
        for component in nx.strongly_connected_components(graph):
            first = min(component, key=index_of.__getitem__)
            if len(component) == 1 and not graph.has_edge(first, first):
                continue
            cycle = nx.find_cycle(graph.subgraph(component), source=first)
            links = "".join(
                f" → {target} (by {graph.edges[source, target]['via']})"
                for source, target, *_ in cycle
            )
            self.report(
                ("steps", index_of[first], "id"),
                f"steps depend on each other in a circle: {first}{links}; "
                "remove one 'after' or evidence link",
            )

    def site_of(self, reference: str) -> str | None:
        base = authority_id(reference)
        raw = self.authorities.get(base)
        if isinstance(raw, dict):
            site = raw.get("site", base)
            return site if isinstance(site, str) else None
        return None  # region offices are checked when a journey is resolved

    def check_visit_sites(self) -> None:
        first_site: dict[str, tuple[str, str]] = {}
        for step in self.steps:
            visit = step.text("visit")
            reference = step.text("authority")
            if visit is None or reference is None:
                continue
            site = self.site_of(reference)
            if site is None:
                continue
            if visit not in first_site:
                first_site[visit] = (site, str(step.id))
            elif first_site[visit][0] != site:
                other_site, other_step = first_site[visit]
                self.report(
                    ("steps", step.index, "visit"),
                    f"visit '{visit}' spans two sites: step '{other_step}' is at '{other_site}', "
                    f"step '{step.id}' at '{site}'; one visit happens at one site",
                )

    def check_conditions(self) -> None:
        known = {
            key
            for raw in self.personas.values()
            if isinstance(raw, dict) and isinstance(raw.get("attributes"), dict)
            for key in raw["attributes"]
        }
        for step in self.steps:
            for key in step.when:
                if key not in known:
                    self.report(
                        ("steps", step.index, "when", key),
                        f"step '{step.id}': no persona has the attribute '{key}'"
                        f"{self.hint(key, sorted(known))}, so this step applies to nobody",
                        Severity.WARNING,
                    )

    def check_unused_evidence(self) -> None:
        used = {
            evidence_id
            for step in self.steps
            for key in ("requires", "produces")
            for _, evidence_id in step.strings(key)
        }
        for evidence_id in self.evidence:
            if evidence_id not in used:
                self.report(
                    ("evidence", evidence_id),
                    f"evidence '{evidence_id}' is neither required nor produced by any step",
                    Severity.WARNING,
                )


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def check_references(
    document: Document, filename: str, offices: OfficeCatalog | None = None
) -> list[Problem]:
    """Every cross-reference problem of a parsed journey file, sorted by position.

    Errors such as unknown steps, evidence, authorities and stages, step ids used
    twice, one evidence produced by two steps that can both apply, dependency
    cycles and visits spanning two sites; warnings such as conditions no persona
    can meet, unused evidence and LeiKa keys not in the catalogue. The checks read
    the raw data, so they report even when other parts of the file are malformed.

    Parameters
    ----------
    document : Document
        The parsed journey file.
    filename : str
        The name the problems show.
    offices : callable, optional
        Whether an authority id not defined in the file is an office of the file's
        region; ``None`` when the file names no region the library knows.

    Returns
    -------
    list of Problem
        Errors and warnings, sorted by position.

    Examples
    --------
    >>> from lifeevents.formats.yaml_reader import read_yaml
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> check_references(read_yaml(DEMO_YAML, "umzug.yaml"), "umzug.yaml")
    []
    >>> office = DEMO_YAML.replace("authority: kreis,", "authority: strassenverkehrsamt,")
    >>> document = read_yaml(office, "umzug.yaml")
    >>> for problem in check_references(document, "umzug.yaml"):
    ...     print(problem)  # doctest: +NORMALIZE_WHITESPACE
    umzug.yaml:17:51: step 'kfz': unknown authority 'strassenverkehrsamt';
    define it under 'authorities:'

    A region that has the office makes the reference valid:

    >>> check_references(document, "umzug.yaml", offices={"strassenverkehrsamt"}.__contains__)
    []
    """
    return _Checker(document, filename, offices).run()
