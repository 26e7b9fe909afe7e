"""The escaping modules, one per output language: properties over any text, and the assets.

Each escaper is checked by undoing it: what a reader of the output language
gets back must be the text (on one line, where the escaper cleans), and no
character that means something in that language may be left bare.
"""

from __future__ import annotations

import html
import re
import string

from hypothesis import given
from hypothesis import strategies as st

from lifeevents.views.assets import read_asset, style_sheet
from lifeevents.views.escape.dot import DotValue, HtmlLabel, attribute_list, label_text, quoted
from lifeevents.views.escape.html import escape, escape_line, escape_text, script_json
from lifeevents.views.escape.markdown import markdown_text
from lifeevents.views.escape.mermaid import mermaid_text
from lifeevents.views.escape.plain import clean

# Text with every character that matters to one of the languages, and controls.
PIECES = st.sampled_from(
    ['"', "'", "\\", "<", ">", "&", "#", ";", "\n", "\r", "\r\n", "\t", "\x00", "\x1b",
     "\x85", "\u2028", " ", "  ", "{", "}", "|", "[", "]", ":", "%", "`", "*", "_",
     "ä", "ß", "\\N", "\\l", "&amp;", "#quot;", "www.", "https://", "a@b", "x", "Amt"]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=12).map("".join) | st.text(max_size=40)
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _undo_dot_string(body: str) -> str:
    """What Graphviz reads from a quoted string's body (escString: ``\\n``, ``\\\\``, ``\\"``)."""
    out, index = [], 0
    while index < len(body):
        char = body[index]
        if char == "\\":
            following = body[index + 1]
            out.append({"n": "\n", "\\": "\\", '"': '"'}[following])
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out)


@given(TEXTS)
def test_clean_gives_one_line_without_controls_or_runs_of_spaces(text: str) -> None:
    line = clean(text)
    assert line == line.strip()
    assert "  " not in line
    assert not re.search("[\x00-\x1f\x7f-\x9f\u2028\u2029]", line)
    assert line.split() == clean(line).split()


@given(TEXTS)
def test_quoted_dot_strings_read_back_as_the_cleaned_lines(text: str) -> None:
    result = quoted(text)
    assert result.startswith('"')
    assert result.endswith('"')
    body = result[1:-1]
    assert "\n" not in body
    assert "\r" not in body
    # Every quote inside is escaped: an odd number of backslashes before it.
    for match in re.finditer('"', body):
        run = len(body[: match.start()]) - len(body[: match.start()].rstrip("\\"))
        assert run % 2 == 1, (text, result)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert _undo_dot_string(body) == "\n".join(clean(line) for line in lines)


@given(TEXTS)
def test_label_text_has_no_markup_and_reads_back(text: str) -> None:
    result = label_text(text)
    assert not set(result) & set('<>"')
    assert re.fullmatch(r"(?:[^&]|&(?:amp|lt|gt|quot|#x27);)*", result), result
    assert html.unescape(result.replace("\\\\", "\\")) == clean(text)


def test_attribute_list_quotes_text_and_keeps_html_labels() -> None:
    attributes: dict[str, DotValue] = {
        "label": HtmlLabel("<B>x</B>"),
        "tooltip": 'a "b"',
        "width": 0.25,
        "no": None,
    }
    assert attribute_list(attributes) == '[label=<<B>x</B>>, tooltip="a \\"b\\"", width=0.25]'


@given(TEXTS)
def test_html_escapes_read_back(text: str) -> None:
    assert html.unescape(escape(text)) == text
    assert html.unescape(escape_text(text)) == CONTROL.sub("", text)
    assert not CONTROL.search(escape_text(text))
    assert html.unescape(escape_line(text)) == clean(text)
    for result in (escape(text), escape_text(text), escape_line(text)):
        assert not set(result) & set("<>\"'")


@given(st.recursive(TEXTS | st.integers(), lambda inner: st.lists(inner, max_size=3)))
def test_script_json_cannot_close_its_script(value: object) -> None:
    text = script_json(value)
    assert not set(text) & set("<>&")
    assert not CONTROL.search(text)
    assert "\u2028" not in text
    assert "\u2029" not in text


@given(TEXTS)
def test_mermaid_text_leaves_no_risky_character(text: str) -> None:
    result = mermaid_text(text, extra=",")
    bare = re.sub(r"#(?:quot|lt|gt|amp|\d+);", "", result)
    assert not set(bare) & set('"<>&#;%`{}|[]\\:,')
    assert "\n" not in result


@given(TEXTS)
def test_markdown_text_escapes_every_markup_character(text: str) -> None:
    result = markdown_text(text)
    bare = re.sub(r"\\.|&#\d+;", "", result)
    assert not set(bare) & set("\\`*_[]<>#|~&$")
    assert "\n" not in result


def test_assets_are_package_data_and_every_placeholder_is_filled() -> None:
    for name in ("page.js", "difference.js", "difference.css"):
        assert read_asset(name).startswith(("(function", "body"))
    sheets = {
        "page.css": {"text_color": "#111111"},
        "checklist.css": {
            "text_color": "#111111",
            "trip_color": "#222222",
            "deadlines_color": "#333333",
        },
    }
    for name, colors in sheets.items():
        text = style_sheet(name, **colors)
        assert "$" not in text
        for color in colors.values():
            assert color in text
        placeholders = {
            match[1] or match[2] for match in string.Template.pattern.findall(read_asset(name))
        }
        assert placeholders == set(colors), name
