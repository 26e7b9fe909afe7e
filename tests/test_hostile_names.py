"""Property: hostile names and ids stay text in every output format and in everything printed.

Names and ids are built from pieces that mean something to a terminal (ESC, BEL,
CSI, bidirectional overrides, line breaks), to file systems (``/``, ``..``,
``C:\\``), and to every output language (HTML and SVG tags and entities,
Markdown links and emphasis, bare URLs, Mermaid keywords and entities, DOT
quotes). Whatever the journey, each output must parse as what it claims to be
and carry the pieces only as text, and the command line must print no raw
control character. Examples follow the hypothesis profile (a quarter of its
examples: each one draws a map with Graphviz).
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ElementTree
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lifeevents.analysis.report import analyze
from lifeevents.cli.main import main
from lifeevents.formats.journey_file import loads
from lifeevents.formats.writer import dumps
from lifeevents.graph.journey import journey
from lifeevents.model.life_event import LifeEvent
from lifeevents.views.api import render_content
from lifeevents.views.options import RenderOptions, View
from profiles import examples

PIECES = (
    "\x1b[2J",
    "\x1b]0;title\x07",
    "\x9b31m",
    "\u202e",
    "\r",
    "\n",
    "\u2028",
    "/",
    "\\",
    "..",
    "C:\\",
    "<img src=x onerror=alert(1)>",
    "<b>",
    "</svg>",
    "&amp;",
    "&#60;",
    '"',
    "'",
    "`",
    "*",
    "_",
    "[x](javascript:alert(1))",
    "#",
    "|",
    "~",
    "$",
    "@",
    "{",
    "}",
    ";",
    "-->",
    "]]>",
    "www.example.org",
    "https://example.org",
    "a@example.org",
    "#quot;",
    "end",
    "classDef",
    "ä",
    "x",
    " ",
)
_ID_PIECES = [piece for piece in PIECES if not re.search(r"\s", piece)]

names = st.lists(st.sampled_from(PIECES), min_size=1, max_size=5).map("".join)
ids = st.lists(st.sampled_from(_ID_PIECES), min_size=1, max_size=4).map("".join)

#: Markup of the pieces that must never reach an output unescaped.
ACTIVE = {
    "svg": re.compile(r"<img|<b>"),
    "html": re.compile(r"<img|<b>"),
    "md": re.compile(r"(?<!\\)<|(?<!\\)\]\(javascript"),
}
#: In files: control characters (bidirectional marks are text there). In print: those too.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
PRINTED_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2028\u2029]")


@st.composite
def hostile_journeys(draw: st.DrawFn) -> dict[str, Any]:
    authority_ids = draw(
        st.lists(ids.filter(lambda i: "@" not in i), min_size=1, max_size=2, unique=True)
    )
    step_ids = draw(st.lists(ids, min_size=2, max_size=3, unique=True))
    evidence_ids = draw(st.lists(ids, max_size=2, unique=True))
    steps: list[dict[str, Any]] = []
    for index, step_id in enumerate(step_ids):
        step: dict[str, Any] = {
            "id": step_id,
            "name": draw(names),
            "authority": draw(st.sampled_from(authority_ids)),
            "channels": [draw(st.sampled_from(["in_person", "online", "mail"]))],
        }
        if index:
            step["after"] = [step_ids[index - 1]]
            step["requires"] = evidence_ids
        elif evidence_ids:
            step["produces"] = evidence_ids
        steps.append(step)
    return {
        "format": "lifeevents/1",
        "life_event": {"id": "hostile", "name": draw(names)},
        "authorities": {
            authority_id: {"name": draw(names), "level": "gemeinde"}
            for authority_id in authority_ids
        },
        "evidence": {evidence_id: {"name": draw(names)} for evidence_id in evidence_ids},
        "personas": {persona: {} for persona in draw(st.lists(ids, max_size=2, unique=True))},
        "steps": steps,
    }


def _check_text_output(fmt: str, content: str) -> None:
    assert not CONTROL.search(content), (fmt, CONTROL.search(content))
    if fmt in ACTIVE:
        assert not ACTIVE[fmt].search(content), (fmt, ACTIVE[fmt].search(content))
    if fmt == "svg":
        ElementTree.fromstring(content.encode("utf-8"))  # well-formed XML
    if fmt == "md":
        assert "https://example" not in content
        assert "www.example" not in content


@pytest.mark.exe
@settings(max_examples=examples(15))
@given(data=hostile_journeys())
def test_hostile_names_stay_text(
    data: dict[str, Any],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    text = dumps(LifeEvent.model_validate(data))
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    life_event = loads(text, str(path), regions={})
    report = analyze(journey(life_event, life_event.persona_ids()[-1]))
    outputs = [
        (View.BLUEPRINT, "svg"),
        (View.BLUEPRINT, "html"),
        (View.JOURNEY, "svg"),
        (View.BLUEPRINT, "dot"),
        (View.BLUEPRINT, "mmd"),
        (View.JOURNEY, "dot"),
        (View.JOURNEY, "mmd"),
        (View.CHECKLIST, "md"),
        (View.CHECKLIST, "html"),
    ]
    for view, fmt in outputs:
        content = render_content(report, fmt, RenderOptions(view=view))
        assert isinstance(content, str)
        _check_text_output(fmt, content)

    out = folder / "out"
    printed = io.StringIO()
    for arguments in (
        ["validate", str(path)],
        ["analyze", str(path), "--persona", "all"],
        ["analyze", str(path), "--persona", "all", "--lang", "en", "--format", "json"],
        ["workshop", str(path), "-o", str(out), "--formats", "md,mmd"],
    ):
        with redirect_stdout(printed), redirect_stderr(printed):
            assert main(arguments) == 0, printed.getvalue()
    assert not PRINTED_CONTROL.search(printed.getvalue())
    for written in Path(out).rglob("*"):
        assert written.resolve().is_relative_to(out.resolve())
        if written.suffix == ".md":
            _check_text_output("md", written.read_text(encoding="utf-8"))
