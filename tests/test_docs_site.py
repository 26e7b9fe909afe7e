"""The documentation site: every page in the navigation, the generated pages complete.

``make docs`` builds the site with ``--strict`` (broken links and anchors fail it);
these tests check what the build cannot: that no page is left out of the navigation
of ``mkdocs.yml``, that the pages ``mk/docs_pages.py`` generates from the code cover
all of it (every key of every schema, every command, every public name), and that the
hand-computed figures of the worked example in ``docs/analyses.md`` are the library's.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

import lifeevents
from lifeevents.formats.schema import journey_schema, region_schema, scenario_schema

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def docs_pages_module() -> ModuleType:
    """mk/docs_pages.py, the MkDocs hook (it lives outside the package)."""
    spec = importlib.util.spec_from_file_location("docs_pages", ROOT / "mk" / "docs_pages.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PAGES = docs_pages_module()


def nav_entries(nav: Any) -> Iterator[str]:
    """Every page path named in the ``nav`` of mkdocs.yml, at any depth."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_entries(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_entries(value)


def mkdocs_config() -> dict[str, Any]:
    config: dict[str, Any] = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return config


def test_every_page_is_in_the_navigation_and_every_entry_exists() -> None:
    config = mkdocs_config()
    in_nav = list(nav_entries(config["nav"]))
    assert len(in_nav) == len(set(in_nav)), "a page is in the navigation twice"
    generated = set(PAGES.GENERATED)
    written = {str(page.relative_to(DOCS)) for page in DOCS.rglob("*.md")}
    assert not generated & written, "a generated page would replace a written one"
    # Every life event's maps are linked from the gallery's index, not from the nav.
    assert written - set(in_nav) == set()
    assert set(in_nav) - written - generated == set()


def test_the_site_needs_no_network() -> None:
    config = mkdocs_config()
    assert config["theme"]["font"] is False  # no Google fonts
    assert config["strict"] is True
    plugins = [
        next(iter(plugin)) if isinstance(plugin, dict) else plugin for plugin in config["plugins"]
    ]
    assert "search" in plugins  # built into the site
    handler = config["plugins"][plugins.index("mkdocstrings")]["mkdocstrings"]
    assert "import" not in handler["handlers"]["python"]  # no inventories fetched


def test_the_formats_page_has_every_key_of_every_schema() -> None:
    page = PAGES.formats_page()
    for schema in (journey_schema(), region_schema(), scenario_schema()):
        for part in (schema, *schema["$defs"].values()):
            for key in part.get("properties", {}):
                assert f"| `{key}` |" in page, key
        for name in schema["$defs"]:
            assert f"### {name} {{ #" in page, name
    # Every link inside the page points at a heading of the page, of its own kind.
    anchors = re.findall(r"\{ #([a-z0-9-]+) \}", page)
    assert len(anchors) == len(set(anchors))
    assert set(re.findall(r"\]\(#([^)]+)\)", page)) <= set(anchors)
    region = page.split("## Region files", 1)[1].split("## Scenario files", 1)[0]
    assert set(re.findall(r"\]\(#([a-z]+)-", region)) == {"region"}


def test_the_usage_page_has_every_command_and_option() -> None:
    from lifeevents.cli.main import build_parser

    page = PAGES.usage_page()
    parser = build_parser()
    commands = PAGES._subparsers(parser)
    assert {"validate", "analyze", "render", "serve", "schema"} <= set(commands)
    for name, command in commands.items():
        assert f"## `lifeevents {name}`" in page
        for action in command._actions:
            for option in action.option_strings:
                assert option in page, (name, option)
    assert PAGES.usage_page() == page  # the same whatever the terminal's width


def test_the_api_page_documents_every_public_name() -> None:
    page = PAGES.api_page()
    for name in lifeevents.__all__:
        if name != "__version__":
            assert re.search(
                rf"^::: lifeevents\.[\w.]+\.{name}\n    options:\n      heading: {name}$",
                page,
                re.M,
            ), name


def test_sphinx_roles_are_shown_as_code() -> None:
    html = (
        ":func:<code>lifeevents.load</code>, :class:<code>~lifeevents.graph.journey.Journey</code>"
    )
    assert PAGES.without_roles(html) == "<code>lifeevents.load</code>, <code>Journey</code>"


# ---------------------------------------------------------------------------
# The worked example of docs/analyses.md.


def worked_example_figures() -> dict[str, str]:
    """The ``figure | value`` rows of the table after the marker in docs/analyses.md."""
    text = (DOCS / "analyses.md").read_text(encoding="utf-8")
    table = text.split("<!-- worked-example-figures -->", 1)[1].split("\n\n", 1)[0]
    rows = re.findall(r"^\| `([\w.]+)` \| ([\d.]+) \|", table, re.M)
    return dict(rows)


def test_the_worked_example_figures_are_the_librarys() -> None:
    text = (DOCS / "analyses.md").read_text(encoding="utf-8")
    life_event = lifeevents.loads(PAGES.worked_example(text), "docs/analyses.md")
    record = lifeevents.analyze(lifeevents.journey(life_event)).to_record()
    figures = worked_example_figures()
    assert len(figures) >= 14
    for key, value in figures.items():
        assert float(record[key]) == pytest.approx(float(value)), key
    # Every kind of finding occurs, so that each picture shows something.
    findings = ("visits.redundant", "channel_handovers", "media_breaks", "authority_handovers")
    for key in (*findings, "once_only_violations", "deadlines_at_risk"):
        assert record[key] > 0, key


@pytest.mark.exe
def test_the_worked_example_pictures_mark_each_finding() -> None:
    text = (DOCS / "analyses.md").read_text(encoding="utf-8")
    pictures = PAGES.worked_example_pictures(text)
    assert len(pictures) == len(PAGES.PICTURES)
    assert all(svg.lstrip().startswith(("<?xml", "<svg")) for svg in pictures.values())
    assert len(set(pictures.values())) == len(pictures)  # each marks something else
    for path in pictures:
        assert path in text  # and the page shows it


# ---------------------------------------------------------------------------
# The README and the pages for new users.


def test_the_readme_links_and_picture_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", readme)
    local = [target for target in targets if "://" not in target]
    assert [target for target in local if not (ROOT / target).exists()] == []
    assert re.search(r"!\[[^\]]+\]\(docs/gallery/[\w/-]+\.svg\)", readme)


@pytest.mark.parametrize(
    "term",
    [
        "Lebenslage",
        "Zuständigkeit",
        "Medienbruch",
        "Once-Only-Prinzip",
        "Reifegrad",
        "LeiKa",
        "OZG",
        "FIM",
        "EfA",
    ],
)
def test_the_glossary_explains_each_term_with_a_source(term: str) -> None:
    concepts = (DOCS / "concepts.md").read_text(encoding="utf-8")
    row = re.search(rf"^\| \*\*{re.escape(term)}\*\* \|(.*)$", concepts, re.M)
    assert row, term
    cells = [cell.strip() for cell in row.group(1).split(" | ")]
    assert len(cells) == 3, term  # English, meaning, source
    assert all(cells), term


def test_the_kurzanleitung_covers_the_workshop_path() -> None:
    page = (DOCS / "kurzanleitung.md").read_text(encoding="utf-8")
    for command in (
        "lifeevents render",
        "lifeevents validate",
        "lifeevents analyze",
        "lifeevents serve",
    ):
        assert command in page
