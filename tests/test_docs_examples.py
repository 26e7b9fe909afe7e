"""Every YAML example of the documentation loads, validates and analyses.

A reader copies these examples; one that no longer loads is a bug of the docs. Each
``yaml`` block of ``docs/*.md`` is collected (the pages are part of the repository, so
this never skips) and checked by what it is:

- a whole file (it has a ``format:`` line) is checked as that kind of file, without a
  single problem, not even a warning; a journey is then analysed for every persona, a
  scenario applied to every journey of its ``applies_to`` and the result analysed, and
  a region must resolve every office in every municipality;
- a part of a journey (``life_event:``, ``steps:`` …) is completed with placeholders for
  the ids it refers to but does not define, then checked and analysed the same way;
- a part of a region (``event_places:`` …) is put into the built-in region;
- a list of changes is a scenario's ``changes:``, applied to every built-in journey that
  has the step, evidence or office it names;
- a file of yearly cases (``cases:``) is read, checked against the built-in journeys
  and regions, and its yearly figures are computed;
- a block of only comments has nothing to check.

A block that is none of these fails: say here how to check it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from lifeevents.analysis.report import analyze
from lifeevents.errors import InputError
from lifeevents.formats.file_kinds import REGION, SCENARIO, format_of_text
from lifeevents.formats.journey_file import check_text, load
from lifeevents.formats.region_file import check_region_text
from lifeevents.formats.scenario_file import check_scenario_text
from lifeevents.formats.writer import dumps
from lifeevents.graph.journey import journey
from lifeevents.library.builtin import builtin_journeys, regions_folder
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.problems import CheckResult
from lifeevents.model.region import Region
from lifeevents.model.scenario import Scenario
from lifeevents.scenarios import apply
from lifeevents.studies.cases import read_cases_text
from lifeevents.studies.impact import YearlyImpact

DOCS = Path(__file__).resolve().parents[1] / "docs"
JOURNEY = "lifeevents/1"
REGION_NAME = "kreis-steinfurt"
# The top-level keys of a journey file and of a region file.
JOURNEY_KEYS = {"life_event", "region", "authorities", "evidence", "personas", "steps"}
REGION_KEYS = {"region", "municipalities", "sites", "offices", "event_places"}


@dataclass(frozen=True)
class Example:
    """One ``yaml`` block of a docs page."""

    page: str
    line: int  # of the first line inside the block
    text: str

    @property
    def name(self) -> str:
        """Where the example starts, as pytest shows it."""
        return f"{self.page}:{self.line}"

    @property
    def filename(self) -> str:
        """What problems name as their file (their lines count from the block's start)."""
        return f"docs/{self.page} (example from line {self.line})"

    @property
    def completed(self) -> str:
        """What problems of a completed part name (their lines are of the completed file)."""
        return f"docs/{self.page} (part from line {self.line}, completed)"


def examples() -> list[Example]:
    """Every ``yaml`` block of every page under docs/, in page order."""
    found = []
    for page in sorted(DOCS.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        for match in re.finditer(r"^```yaml\n(.*?)^```", text, re.S | re.M):
            line = text.count("\n", 0, match.start(1)) + 1
            found.append(Example(page.name, line, match.group(1)))
    return found


EXAMPLES = examples()


def test_the_docs_have_examples_of_every_file_kind() -> None:
    # Guards the collection itself: a changed fence or folder must not make the test empty.
    kinds = {format_of_text(example.text) for example in EXAMPLES}
    assert {JOURNEY, REGION, SCENARIO} <= kinds
    pages = {example.page for example in EXAMPLES}
    assert {"journey-format-v1.md", "region-format.md", "scenario-format-v1.md"} <= pages


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example.name)
def test_docs_example_is_valid(example: Example) -> None:
    try:
        check_example(example)
    except InputError as error:  # shown like the command line shows it
        pytest.fail(f"{example.filename}: {error}", pytrace=False)


def check_example(example: Example) -> None:
    kind = format_of_text(example.text)
    if kind == JOURNEY:
        analysed(journey_checked(example.text, example.filename))
    elif kind == REGION:
        resolves_everything(region_checked(example.text, example.filename))
    elif kind == SCENARIO:
        scenario = scenario_checked(example.text, example.filename)
        targets = scenario.applies_to or tuple(builtin_journeys())
        for life_event_id in targets:
            analysed(apply(builtin_journey(life_event_id), scenario))
    else:
        check_part(example)


def check_part(example: Example) -> None:
    """Check a block that is part of a file, completed as the module docstring says."""
    part = yaml.safe_load(example.text)
    if part is None:
        lines = [line.strip() for line in example.text.splitlines() if line.strip()]
        assert all(line.startswith("#") for line in lines), example.text
    elif isinstance(part, list):
        scenario = scenario_checked(scenario_text(part), example.completed)
        every = [load(path) for path in builtin_journeys().values()]
        fitting = [life_event for life_event in every if targets_in(part, life_event)]
        assert fitting, f"{example.name}: no built-in journey has what these changes name"
        for life_event in fitting:
            analysed(apply(life_event, scenario))
    elif isinstance(part, dict) and set(part) <= REGION_KEYS - {"region"}:
        builtin = regions_folder() / f"{REGION_NAME}.yaml"
        whole = {**yaml.safe_load(builtin.read_text(encoding="utf-8")), **part}
        resolves_everything(region_checked(yaml.safe_dump(whole), example.completed))
    elif isinstance(part, dict) and set(part) == {"cases"}:
        cases = read_cases_text(example.text, "cases.yaml")  # the suffix says YAML
        known = {name: load(path) for name, path in builtin_journeys().items()}
        totals = YearlyImpact(cases, known).totals()
        assert totals.visits >= 0
    elif isinstance(part, dict) and set(part) <= JOURNEY_KEYS:
        analysed(journey_checked(yaml.safe_dump(journey_around(part)), example.completed))
    else:
        pytest.fail(f"{example.name}: cannot tell what this example is; say how to check it")


# ---------------------------------------------------------------------------
# Checking whole files.


def without_problems(result: CheckResult[Any], name: str) -> Any:
    """The model of ``result``; the docs show files without errors or warnings."""
    assert not result.problems, f"{name}: " + "; ".join(map(str, result.problems))
    assert result.model is not None
    return result.model


def journey_checked(text: str, name: str) -> LifeEvent:
    life_event: LifeEvent = without_problems(check_text(text, name), name)
    return life_event


def region_checked(text: str, name: str) -> Region:
    region: Region = without_problems(check_region_text(text, name), name)
    return region


def scenario_checked(text: str, name: str) -> Scenario:
    scenario: Scenario = without_problems(check_scenario_text(text, name), name)
    return scenario


def analysed(life_event: LifeEvent) -> None:
    """Analyse every persona; the journey also survives a round trip through the writer."""
    for persona in life_event.persona_ids():
        report = analyze(journey(life_event, persona))
        assert 0 <= report.visits.minimum <= report.visits.as_modelled
    assert check_text(dumps(life_event)).ok


def resolves_everything(region: Region) -> None:
    for office_id in region.offices:
        for municipality in region.municipalities:
            assert region.resolve(office_id, municipality).id, (office_id, municipality)


def builtin_journey(life_event_id: str) -> LifeEvent:
    known = builtin_journeys()
    assert life_event_id in known, f"applies_to names an unknown journey '{life_event_id}'"
    return load(known[life_event_id])


# ---------------------------------------------------------------------------
# Completing parts of files.


def scenario_text(changes: list[Any]) -> str:
    document = {"format": SCENARIO, "id": "docs-example", "name": "Beispiel", "changes": changes}
    return yaml.safe_dump(document, allow_unicode=True)


def targets_in(changes: list[Any], life_event: LifeEvent) -> bool:
    """Whether ``life_event`` has every step, evidence and authority the changes name."""
    step_ids = {step.id for step in life_event.steps}
    offices = {step.authority.split("@")[0] for step in life_event.steps}
    for change in changes:
        if "step" in change and change["step"] not in step_ids:
            return False
        if "evidence" in change and change["evidence"] not in life_event.evidence:
            return False
        if "authority" in change and change["authority"] not in offices:
            return False
    return True


def journey_around(part: dict[str, Any]) -> dict[str, Any]:
    """A journey file holding ``part``, with a placeholder for each id it only refers to.

    Steps refer to a region office (``kreis-steinfurt``) or an authority of the part;
    a step it names in ``after`` and evidence it names in ``requires``/``produces`` become
    placeholders; a persona with the attributes of every ``when`` makes each step count.
    """
    steps: list[dict[str, Any]] = list(part.get("steps", []))
    stages = list(dict.fromkeys(step["stage"] for step in steps if "stage" in step))
    header = part.get("life_event", {"id": "docs-example", "name": "Beispiel", "stages": stages})
    stage_ids = header.get("stages") or []
    if not steps:
        steps = [placeholder_step("docs-step", stage_ids)]
    defined = {step["id"] for step in steps}
    referred = [ref for step in steps for ref in step.get("after", []) if ref not in defined]
    steps = [placeholder_step(ref, stage_ids) for ref in dict.fromkeys(referred)] + steps
    evidence = dict(part.get("evidence", {}))
    for step in steps:
        for evidence_id in [*step.get("requires", []), *step.get("produces", [])]:
            evidence.setdefault(evidence_id, {"name": evidence_id})
    attributes = {key: value for step in steps for key, value in step.get("when", {}).items()}
    personas = part.get("personas") or ({"docs-persona": {"attributes": attributes}})
    return {
        "format": JOURNEY,
        "life_event": header,
        "region": part.get("region", REGION_NAME),
        **({"authorities": part["authorities"]} if "authorities" in part else {}),
        "evidence": evidence,
        "personas": personas,
        "steps": steps,
    }


def placeholder_step(step_id: str, stages: list[str]) -> dict[str, Any]:
    step: dict[str, Any] = {
        "id": step_id,
        "name": step_id,
        "authority": "buergerbuero",
        "channels": ["online"],
    }
    if stages:
        step["stage"] = stages[0]
    return step


# ---------------------------------------------------------------------------
# The Python examples of README.md and the docs pages.

ROOT = DOCS.parent
# Put right before a ```python fence, with a reason, for an example that needs what a
# test cannot have (a Dask scheduler on another machine); it is shown, not run.
NOT_RUN = re.compile(r"<!-- not run: (?P<reason>[^>]+) -->\n\s*$")


@dataclass(frozen=True)
class PythonBlock:
    """One ``python`` block of a page, and whether the page says not to run it."""

    line: int
    code: str
    not_run: str | None


def python_pages() -> list[Path]:
    """README.md and every page under docs/ that has a ``python`` block."""
    pages = [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]
    return [page for page in pages if "```python\n" in page.read_text(encoding="utf-8")]


def python_blocks(page: Path) -> list[PythonBlock]:
    text = page.read_text(encoding="utf-8")
    blocks = []
    fences = re.finditer(r"^(?P<indent>[ ]*)```python\n(.*?)^(?P=indent)```", text, re.S | re.M)
    for match in fences:
        before = NOT_RUN.search(text, 0, match.start())
        lines = match.group(2).splitlines(keepends=True)
        code = "".join(line[len(match.group("indent")) :] for line in lines)
        blocks.append(
            PythonBlock(
                line=text.count("\n", 0, match.start()) + 2,
                code=code,
                not_run=before.group("reason") if before else None,
            )
        )
    return blocks


PYTHON_PAGES = python_pages()


def test_the_readme_and_the_getting_started_page_have_python_examples() -> None:
    names = {str(page.relative_to(ROOT)) for page in PYTHON_PAGES}
    assert {"README.md", "docs/getting-started.md", "docs/index.md"} <= names


@pytest.mark.exe
@pytest.mark.parametrize(
    "page", PYTHON_PAGES, ids=lambda page: str(page.relative_to(ROOT)).replace("/", "-")
)
def test_python_examples_run_as_written(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The blocks of a page run in order, in one namespace, in an empty folder.

    A reader copies them into a notebook or a script somewhere else than this
    repository, so built-in names must do and nothing may depend on the folder.
    """
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {"__name__": "__docs_example__"}
    for block in python_blocks(page):
        if block.not_run:
            continue
        where = f"{page.relative_to(ROOT)}:{block.line}"
        try:
            exec(compile(block.code, where, "exec"), namespace)
        except Exception as error:  # the example's own error, said where it is
            pytest.fail(f"{where}: {type(error).__name__}: {error}", pytrace=False)
