"""Pages of the documentation site generated from the code (a MkDocs hook).

``mkdocs.yml`` names this file under ``hooks:``. While MkDocs collects the pages of
``docs/``, :func:`on_files` adds the pages below, so the site always shows what the
installed package says, never a copy that drifts:

- ``reference/formats.md``: the journey, region and scenario file formats, one table
  per part, from the JSON Schemas that ``lifeevents schema`` prints
  (``lifeevents.formats.schema``);
- ``reference/usage.md``: the ``--help`` of ``lifeevents`` and of every command, from
  the argparse parser the command line runs (``lifeevents.cli.main.build_parser``);
- ``reference/api.md``: every public name of ``lifeevents.__all__`` with its
  docstring, rendered by mkdocstrings;
- ``reference/pictures/rechenbeispiel-*.svg``: the maps of the worked example of
  ``docs/analyses.md`` (its ``yaml`` block with ``id: rechenbeispiel``), drawn by the
  renderer, each with one kind of finding marked.

``tests/test_docs_site.py`` imports this module and checks the pages it writes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

__all__ = [
    "GENERATED",
    "PICTURES",
    "api_page",
    "formats_page",
    "on_files",
    "on_page_content",
    "usage_page",
    "without_roles",
    "worked_example",
    "worked_example_pictures",
]

# The three file kinds, as ``lifeevents schema`` prints them.
_SCHEMAS = (
    ("journey", "Journey files (`lifeevents/1`)", "lifeevents schema", "journey_schema"),
    (
        "region",
        "Region files (`lifeevents-region/1`)",
        "lifeevents schema --region",
        "region_schema",
    ),
    (
        "scenario",
        "Scenario files (`lifeevents-scenario/1`)",
        "lifeevents schema --scenario",
        "scenario_schema",
    ),
)
# Help text is wrapped to this width whatever the terminal, so the page is the same on
# every machine.
_HELP_WIDTH = "100"


# ---------------------------------------------------------------------------
# The formats, from the JSON Schemas.


def _cell(text: str) -> str:
    """``text`` safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def _code(text: str) -> str:
    """``text`` as inline code, whatever backticks it holds."""
    fence = "``" if "`" in text else "`"
    pad = " " if "`" in text else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _anchor(kind: str, name: str) -> str:
    """The anchor of part ``name`` of the files of ``kind`` (parts of one name may differ)."""
    return f"{kind}-{name.lower()}"


def _type_of(schema: dict[str, Any], kind: str) -> str:
    """A short Markdown description of the type ``schema`` allows, linking its parts."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{_anchor(kind, name)})"
    if "const" in schema:
        return _code(json.dumps(schema["const"], ensure_ascii=False))
    if "enum" in schema:
        values = [_code(json.dumps(value, ensure_ascii=False)) for value in schema["enum"]]
        return " \\| ".join(values)
    if "anyOf" in schema or "oneOf" in schema:
        options = list(schema.get("anyOf", schema.get("oneOf", [])))
        shown = [_type_of(option, kind) for option in options if option.get("type") != "null"]
        optional = len(shown) < len(options)
        return " or ".join(shown) + (" or null" if optional else "")
    json_type = schema.get("type")
    if json_type == "array":
        return f"list of {_type_of(schema.get('items', {}), kind)}"
    if json_type == "object":
        entries = list(schema.get("patternProperties", {}).values())
        if not entries and isinstance(schema.get("additionalProperties"), dict):
            entries = [schema["additionalProperties"]]
        if entries:
            return f"map: id → {_type_of(entries[0], kind)}"
        return "object"
    text = str(json_type) if json_type else "any"
    if "pattern" in schema:
        text += f" matching {_code(schema['pattern'])}"
    limits = [
        f"{word} {schema[key]}"
        for key, word in (
            ("minimum", "≥"),
            ("exclusiveMinimum", ">"),
            ("maximum", "≤"),
            ("exclusiveMaximum", "<"),
        )
        if key in schema
    ]
    if limits:
        text += " (" + ", ".join(limits) + ")"
    return text


def _description(schema: dict[str, Any]) -> str:
    """The description of a property, or of the single non-null type it allows."""
    if schema.get("description"):
        return str(schema["description"])
    for option in schema.get("anyOf", []):
        if option.get("description"):
            return str(option["description"])
    items = schema.get("items")
    if isinstance(items, dict) and items.get("description"):
        return str(items["description"])
    return ""


def _part(kind: str, title: str, schema: dict[str, Any]) -> Iterator[str]:
    """The heading, description and property table of one object of a schema."""
    yield f"### {title} {{ #{_anchor(kind, title)} }}"
    yield ""
    if schema.get("description"):
        yield str(schema["description"]).strip()
        yield ""
    properties: dict[str, Any] = schema.get("properties", {})
    if not properties:
        yield f"Type: {_type_of(schema, kind)}."
        yield ""
        return
    required = set(schema.get("required", []))
    yield "| key | type | required | default | meaning |"
    yield "|---|---|---|---|---|"
    for key, value in properties.items():
        default = (
            _code(json.dumps(value["default"], ensure_ascii=False)) if "default" in value else ""
        )
        yield (
            f"| `{key}` | {_cell(_type_of(value, kind))} | {'yes' if key in required else ''} "
            f"| {_cell(default)} | {_cell(_description(value))} |"
        )
    yield ""


def formats_page() -> str:
    """The reference of the three file formats, from their JSON Schemas.

    Returns
    -------
    str
        A Markdown page: per file kind the top-level keys, then each part (``$defs``).
    """
    from lifeevents.formats import schema as schemas

    lines = [
        "# File formats: reference",
        "",
        "Generated from the JSON Schemas the package builds from its model while this site",
        "is built, so it is never out of date. The schemas check single values (keys, types,",
        "ranges, the syntax of ids); references between parts (a step's `authority`, the",
        "evidence it `requires`) are checked by `lifeevents validate`. What the keys *mean*",
        "for the analyses is written in the [journey format](../journey-format-v1.md), the",
        "[region format](../region-format.md) and the [scenario format](../scenario-format-v1.md).",
        "",
        "Editors that speak the YAML language server protocol check and complete files with",
        "these schemas; see [writing journeys](../writing-journeys.md).",
        "",
    ]
    for kind, title, command, function_name in _SCHEMAS:
        schema: dict[str, Any] = getattr(schemas, function_name)()
        lines += [f"## {title} {{ #{kind}-files }}", "", f"The schema itself: `{command}`.", ""]
        lines += _part(kind, "The file", schema)
        for name, part in schema.get("$defs", {}).items():
            lines += _part(kind, name, part)
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# The command line, from its parser.


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def usage_page() -> str:
    """The ``--help`` of ``lifeevents`` and of every command.

    Returns
    -------
    str
        A Markdown page with one section per command, in the parser's order.
    """
    from lifeevents.cli.main import build_parser

    before = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = _HELP_WIDTH
    try:
        parser = build_parser()
        sections = [("lifeevents", parser.format_help())]
        sections += [
            (f"lifeevents {name}", command.format_help())
            for name, command in _subparsers(parser).items()
        ]
    finally:
        if before is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = before
    lines = [
        "# Command line: every option",
        "",
        "The `--help` of every command, generated from the parser the command line runs",
        "while this site is built. What the commands do, with examples, exit codes and caps:",
        "[the command line](../command-line.md).",
        "",
    ]
    for title, text in sections:
        lines += [f"## `{title}`", "", "```text", text.rstrip(), "```", ""]
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# The API, from the docstrings.

_GROUPS: tuple[tuple[str, Callable[[Any], bool]], ...] = (
    ("Errors", lambda value: isinstance(value, type) and issubclass(value, Exception)),
    ("Models and results", lambda value: isinstance(value, type)),
    ("Functions", callable),
)


def api_page() -> str:
    """mkdocstrings directives for every name of ``lifeevents.__all__``.

    Returns
    -------
    str
        A Markdown page: functions, then models and results, then errors, each with the
        docstring of the module that defines it.
    """
    import lifeevents

    groups: dict[str, list[str]] = {title: [] for title, _ in _GROUPS}
    for name in lifeevents.__all__:
        if name == "__version__":
            continue
        value = getattr(lifeevents, name)
        home = f"{value.__module__}.{value.__qualname__}"
        title = next(title for title, belongs in _GROUPS if belongs(value))
        groups[title].append(f"::: {home}\n    options:\n      heading: {name}\n")
    lines = [
        "# Python API",
        "",
        "Everything `import lifeevents` offers (`lifeevents.__all__`), rendered from the",
        "docstrings while this site is built; every example in them runs as a doctest in",
        "`make test`. Each name is imported from its module on first use, so",
        "`lifeevents.journey` is `lifeevents.graph.journey.journey`.",
        "",
        "```python",
        "import lifeevents",
        "",
        'trip = lifeevents.journey(lifeevents.load("geburt"), "unverheiratet-schalter")',
        "print(lifeevents.analyze(trip).visits.minimum)",
        "```",
        "",
    ]
    for title in ("Functions", "Models and results", "Errors"):
        lines += [f"## {title}", "", *groups[title]]
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# The pictures of the worked example.

#: Each picture of the worked example: its name and the findings it marks (None: all).
PICTURES: dict[str, list[str] | None] = {
    "all": None,
    "visits": ["visits"],
    "authority_handovers": ["authority_handovers"],
    "media_breaks": ["media_breaks"],
    "once_only": ["once_only"],
    "deadlines": ["deadlines"],
}
_EXAMPLE_ID = "id: rechenbeispiel"


def worked_example(analyses_page: str) -> str:
    """The journey file of the worked example: the ``yaml`` block naming ``rechenbeispiel``.

    >>> worked_example("text\\n```yaml\\nlife_event: {id: rechenbeispiel}\\n```\\n")
    'life_event: {id: rechenbeispiel}\\n'
    """
    for block in re.findall(r"^```yaml\n(.*?)^```", analyses_page, re.S | re.M):
        if _EXAMPLE_ID in block:
            return str(block)
    raise ValueError(f"docs/analyses.md has no yaml block with '{_EXAMPLE_ID}'")


def worked_example_pictures(analyses_page: str) -> dict[str, str]:
    """The SVG maps of the worked example, by their path in the site."""
    import lifeevents

    trip = lifeevents.journey(lifeevents.loads(worked_example(analyses_page), "rechenbeispiel"))
    return {
        f"reference/pictures/rechenbeispiel-{name}.svg": lifeevents.render(
            trip, "svg", lang="en", highlight=highlight
        )
        for name, highlight in PICTURES.items()
    }


# ---------------------------------------------------------------------------
# The hook.

#: Where each generated page lies in the site, and what writes it.
GENERATED: dict[str, Callable[[], str]] = {
    "reference/formats.md": formats_page,
    "reference/usage.md": usage_page,
    "reference/api.md": api_page,
}


def on_files(files: Any, config: Any) -> Any:
    """Add the generated pages to the pages MkDocs found in ``docs/``."""
    from mkdocs.structure.files import File

    for path, write in GENERATED.items():
        files.append(File.generated(config, path, content=write()))
    analyses = Path(config["docs_dir"], "analyses.md").read_text(encoding="utf-8")
    for path, svg in worked_example_pictures(analyses).items():
        files.append(File.generated(config, path, content=svg))
    return files


# Docstrings name other objects the Sphinx way (:func:`~lifeevents.journey`); the site
# shows the name as code, without the role (and, for ``~``, only its last part).
_ROLE = re.compile(r":(?:func|class|meth|mod|attr|data|exc|obj):<code>(~?)([^<]*)</code>")


def without_roles(html: str) -> str:
    """``html`` with the Sphinx roles of docstrings turned into plain code.

    >>> without_roles(":func:<code>~lifeevents.graph.journey</code>")
    '<code>journey</code>'
    """
    return _ROLE.sub(
        lambda match: f"<code>{match[2].rsplit('.', 1)[-1] if match[1] else match[2]}</code>",
        html,
    )


def on_page_content(html: str, **_: Any) -> str:
    """Clean the rendered docstrings of a page (see :func:`without_roles`)."""
    return without_roles(html)
