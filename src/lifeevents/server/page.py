"""The HTML of the workshop page and of the source view of a file.

Every text that comes from a file (names, paths, problems, the file itself) is
escaped here with :func:`text`; the SVG of a map is Graphviz output whose labels
the views escaped already. The pages load only the server's own stylesheet and
script (``/static/``); the Content-Security-Policy of :mod:`lifeevents.server.app`
allows nothing else. Every word comes from the catalogue (keys ``serve.*``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from urllib.parse import quote

from lifeevents.model.life_event import LifeEvent
from lifeevents.model.problems import Problem
from lifeevents.model.scenario import Scenario
from lifeevents.server.choice import VIEWS, Choice
from lifeevents.server.drawing import Shown, model_name
from lifeevents.server.outcome import Outcome
from lifeevents.server.workspace import Entry, Files, Kind, Workspace
from lifeevents.text.labels import Language, label

__all__ = ["main_page", "message_page", "source_page", "text"]

# Control characters (but tab and line breaks) are parse errors in HTML; never shown.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_VIEW_WORDS = {"blueprint": "serve.view_blueprint", "journey": "serve.view_journey"}


def text(value: str) -> str:
    """Text (or an attribute value) for HTML: markup escaped, control characters left out.

    Parameters
    ----------
    value : str
        Any text from a file: a name, a path, a problem, a line.

    Returns
    -------
    str
        The text with ``& < > " '`` escaped and control characters (but tab and
        line breaks) removed.

    Examples
    --------
    >>> text('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    """
    return html.escape(_CONTROL.sub("", value), quote=True)


def _word(key: str, lang: Language, **fields: str) -> str:
    """A catalogue word, escaped, with its ``{fields}`` (escaped too) filled in."""
    return text(label(key, lang)).format(**{name: text(value) for name, value in fields.items()})


def source_link(relative: str, line: int | None = None) -> str:
    """The address of the source view of a file of the folder (at a line)."""
    return f"/source/{quote(relative)}" + (f"#L{line}" if line else "")


def _document(title: str, lang: Language, version: str, body: Iterable[str]) -> str:
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{lang}">',
            '<head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{text(title)}</title>",
            '<link rel="icon" href="data:,">',  # no request for /favicon.ico
            '<link rel="stylesheet" href="/static/serve.css">',
            "</head>",
            f'<body data-version="{text(version)}">',
            *body,
            '<script src="/static/serve.js"></script>',
            "</body>",
            "</html>",
            "",
        ]
    )


def _live(lang: Language) -> str:
    online, offline = label("serve.live", lang), label("serve.offline", lang)
    return (
        f'<p id="live" class="live" role="status" data-online="{text(online)}" '
        f'data-offline="{text(offline)}">{text(online)}</p>'
    )


def _option(value: str, shown: str, chosen: str | None) -> str:
    selected = " selected" if value == chosen else ""
    return f'<option value="{text(value)}"{selected}>{text(shown)}</option>'


def _select(name: str, caption: str, options: Iterable[str]) -> str:
    return (
        f'<label class="field">{caption}<select name="{name}" id="choose-{name}">'
        + "".join(options)
        + "</select></label>"
    )


def _journey_name(entry: Entry, known: LifeEvent | None, lang: Language) -> str:
    """A journey as the list names it: its life event's name, and where it is."""
    where = entry.name if entry.relative else label("serve.builtin", lang)
    name = f"{model_name(known, lang)} ({where})" if known is not None else entry.name
    if entry.errors:
        name += " – " + label("serve.invalid", lang).format(count=str(len(entry.errors)))
    return name


def _form(outcome: Outcome, files: Files, workspace: Workspace, lang: Language) -> list[str]:
    choice, offer = outcome.choice, outcome.offer
    lines = ['<form id="choice" method="get" action="/">']
    journeys = []
    for entry in files.journeys:
        known = entry.life_event or workspace.last_valid(entry.key)
        model = known if isinstance(known, LifeEvent) else None
        journeys.append(_option(entry.key, _journey_name(entry, model, lang), choice.journey))
    lines.append(_select("journey", _word("serve.journey", lang), journeys))
    if offer.personas:
        personas = (_option(key, name, choice.persona) for key, name in offer.personas)
        lines.append(_select("persona", _word("persona", lang), personas))
    places = offer.municipalities
    for name, word, wanted, value in (
        ("municipality", "municipality", True, choice.municipality),
        ("origin", "origin", offer.uses_origin, choice.origin),
        ("event_place", "event_place", offer.uses_event_place, choice.event_place),
    ):
        if places and wanted:
            first = [] if name == "municipality" else [_option("", "–", value or "")]
            options = [*first, *(_option(key, shown, value) for key, shown in places)]
            lines.append(_select(name, _word(word, lang), options))
    lines.append(f'<fieldset class="views"><legend>{_word("serve.view", lang)}</legend>')
    for view in VIEWS:
        if view == "diff" and not choice.scenarios:
            continue
        checked = " checked" if view == choice.view else ""
        word = _VIEW_WORDS.get(view, "serve.view_diff")
        lines.append(
            f'<label><input type="radio" name="view" value="{view}"{checked}>'
            f"{_word(word, lang)}</label>"
        )
    lines.append("</fieldset>")
    lines.append(f'<fieldset class="scenarios"><legend>{_word("scenarios", lang)}</legend>')
    for entry in offer.scenarios:
        checked = " checked" if entry.key in choice.scenarios else ""
        known = entry.scenario or workspace.last_valid(entry.key)
        name = model_name(known, lang) if isinstance(known, Scenario) else entry.name
        where = entry.name if entry.relative else label("serve.builtin", lang)
        shown = f"{name} ({where})"
        if entry.errors:
            shown += " – " + label("serve.invalid", lang).format(count=str(len(entry.errors)))
        lines.append(
            f'<label><input type="checkbox" name="scenario" value="{text(entry.key)}"{checked}>'
            f"{text(shown)}</label>"
        )
    if not offer.scenarios:
        lines.append(f'<p class="quiet">{_word("serve.no_scenarios", lang)}</p>')
    lines.append("</fieldset>")
    lines.append(f'<button type="submit" class="submit">{_word("serve.show", lang)}</button>')
    lines.append("</form>")
    return lines


def _files_section(files: Files, workspace: Workspace, lang: Language) -> list[str]:
    folder = str(workspace.shown_as)
    lines = [
        '<section class="files" aria-labelledby="files-heading">',
        f'<h2 id="files-heading">{_word("serve.files", lang, folder=folder)}</h2>',
    ]
    entries = files.folder_files
    if not entries:
        lines.append(f'<p class="quiet">{_word("serve.no_files", lang)}</p>')
    lines.append("<ul>")
    for entry in entries:
        relative = entry.relative or ""
        kind = _word(f"serve.kind_{entry.kind.value}", lang)
        if entry.errors:
            count = str(len(entry.errors))
            status = f'<span class="bad">{_word("serve.invalid", lang, count=count)}</span>'
        else:
            status = f'<span class="good">{_word("serve.valid", lang)}</span>'
        lines.append(
            f'<li><a href="{text(source_link(relative))}">{text(relative)}</a> '
            f'<span class="kind">{kind}</span> {status}</li>'
        )
    lines.append("</ul>")
    if not files.complete:
        lines.append(f'<p class="quiet">{_word("serve.truncated", lang)}</p>')
    lines.append("</section>")
    return lines


def _problem_items(problems: Iterable[Problem], links: Mapping[str, str]) -> list[str]:
    """One list item per problem, ``FILE:LINE:COLUMN`` linked to the line in the file."""
    items = []
    for problem in problems:
        place = str(problem).removesuffix(problem.message).removesuffix(": ")
        relative = links.get(problem.file)
        if relative is not None:
            place = f'<a href="{text(source_link(relative, problem.line))}">{text(place)}</a>'
        else:
            place = text(place)
        items.append(f"<li><code>{place}</code>: {text(problem.message)}</li>")
    return items


def _links(files: Files, workspace: Workspace) -> dict[str, str]:
    """The file names problems use, to the files of the folder they name."""
    return {
        str(workspace.shown_name(entry.relative)): entry.relative
        for entry in files.folder_files
        if entry.relative is not None
    }


def _shown(shown: Shown, choice: Choice | None, lang: Language) -> list[str]:
    """The map, its figures and its findings; ``choice`` links the interactive view."""
    lines = [f'<p class="subtitle">{text(shown.subtitle)}</p>']
    lines.extend(f'<p class="note">{text(note)}</p>' for note in shown.notes)
    lines.append('<div class="map-tools">')
    lines.append(
        f'<label><input type="checkbox" class="fit" checked>{_word("serve.fit", lang)}</label>'
    )
    if choice is not None and choice.view in _VIEW_WORDS:
        lines.append(
            f'<a href="/view.html?{text(choice.query())}" target="_blank" rel="noopener">'
            f"{_word('serve.interactive', lang)}</a>"
        )
    lines.append("</div>")
    lines.append(f'<figure class="map fitted">{shown.svg}</figure>')
    lines.append('<div class="facts">')
    with_changes = any(changed is not None for _, _, changed in shown.figures)
    head = [_word("figure", lang)]
    head.extend(
        [_word("today", lang), _word("with_scenarios", lang)]
        if with_changes
        else [_word("value", lang)]
    )
    lines.extend(
        [
            '<section class="figures" aria-labelledby="figures-heading">',
            f'<h2 id="figures-heading">{_word("serve.figures", lang)}</h2>',
            "<table><thead><tr>"
            + "".join(f'<th scope="col">{cell}</th>' for cell in head)
            + "</tr></thead><tbody>",
        ]
    )
    for name, today, changed in shown.figures:
        values = [today] if changed is None else [today, changed]
        marked = ' class="changed"' if changed is not None and changed != today else ""
        lines.append(
            f'<tr{marked}><th scope="row">{text(name)}</th>'
            + "".join(f'<td class="number">{text(value)}</td>' for value in values)
            + "</tr>"
        )
    lines.extend(["</tbody></table>", "</section>"])
    lines.extend(
        [
            '<section class="findings" aria-labelledby="findings-heading">',
            f'<h2 id="findings-heading">{_word("findings", lang)}</h2>',
        ]
    )
    if not shown.findings:
        lines.append(f"<p>{_word('none', lang)}</p>")
    for heading, sentences in shown.findings:
        lines.append(f"<h3>{text(heading)}</h3><ul>")
        lines.extend(f"<li>{text(sentence)}</li>" for sentence in sentences)
        lines.append("</ul>")
    lines.extend(["</section>", "</div>"])
    return lines


def main_page(
    outcome: Outcome, files: Files, workspace: Workspace, lang: Language, version: str
) -> str:
    """The workshop page: the form, the files, and the drawing or the problems.

    Parameters
    ----------
    outcome : Outcome
        What the choice shows (:func:`~lifeevents.server.outcome.outcome`).
    files : Files
        The files, checked.
    workspace : Workspace
        The folder.
    lang : {"de", "en"}
        The language of the page.
    version : str
        The version of the files; the page's script reloads when it changes.

    Returns
    -------
    str
        The HTML page.

    Examples
    --------
    A journey with an error: each problem links to its line in the source view:

    >>> import re, tempfile
    >>> from pathlib import Path
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.server.choice import Choice
    >>> from lifeevents.server.outcome import Memory, outcome
    >>> from lifeevents.server.paths import scan
    >>> from lifeevents.server.workspace import Workspace
    >>> folder = tempfile.TemporaryDirectory()
    >>> root = Path(folder.name).resolve()
    >>> broken = DEMO_YAML.replace("channels: [online]", "channels: [fax]")
    >>> _ = (root / "umzug.yaml").write_text(broken, encoding="utf-8")
    >>> workspace = Workspace(root, Path("workshop"))
    >>> files = workspace.files(scan(root))
    >>> shown = outcome(files, Choice(), "en", Memory(), workspace)
    >>> page = main_page(shown, files, workspace, "en", "v1")
    >>> re.findall('<a href="(/source/[^"]*)">([^<]*)</a></code>', page)
    [('/source/umzug.yaml#L20', 'workshop/umzug.yaml:20:17')]
    >>> '<body data-version="v1">' in page
    True
    >>> folder.cleanup()
    """
    shown = outcome.shown or outcome.last_good
    known = workspace.last_valid(outcome.entry.key) if outcome.entry is not None else None
    title = label("serve.app", lang)
    if shown is not None:
        title = shown.title
    elif isinstance(known, LifeEvent):  # broken now, valid before
        title = model_name(known, lang)
    links = _links(files, workspace)
    main = ["<main>", f"<h1>{text(title)}</h1>"]
    if files.builtin_journeys:
        main.append(f'<p class="note">{_word("serve.builtin_journeys", lang)}</p>')
    if outcome.entry is None:
        main.append(f"<p>{_word('serve.no_journeys', lang)}</p>")
    elif outcome.shown is not None:
        main.extend(_shown(outcome.shown, outcome.choice, lang))
    else:
        main.extend(
            [
                '<section id="problems" class="problems" aria-labelledby="problems-heading">',
                f'<h2 id="problems-heading">{_word("serve.problems", lang)}</h2>',
                "<ul>",
                *_problem_items(outcome.problems, links),
                "</ul>",
                f"<p>{_word('serve.problems_hint', lang)}</p>",
                "</section>",
            ]
        )
        if outcome.last_good is not None:
            when = outcome.last_good.drawn_at
            main.extend(
                [
                    '<details id="last-good" class="last-good">',
                    f"<summary>{_word('serve.last_good', lang, time=when)}</summary>",
                    *_shown(outcome.last_good, None, lang),
                    "</details>",
                ]
            )
        else:
            main.append(f'<p class="quiet">{_word("serve.no_last_good", lang)}</p>')
    if outcome.warnings:
        main.extend(
            [
                '<section class="warnings" aria-labelledby="warnings-heading">',
                f'<h2 id="warnings-heading">{_word("serve.warnings", lang)}</h2>',
                "<ul>",
                *_problem_items(outcome.warnings, links),
                "</ul>",
                "</section>",
            ]
        )
    main.append("</main>")
    aside = [
        "<aside>",
        f'<p class="app">{_word("serve.app", lang)}</p>',
        _live(lang),
        *_form(outcome, files, workspace, lang),
        *_files_section(files, workspace, lang),
        "</aside>",
    ]
    return _document(title, lang, version, ['<div class="layout">', *aside, *main, "</div>"])


def source_page(
    entry: Entry, content: str, files: Files, workspace: Workspace, lang: Language, version: str
) -> str:
    """A file of the folder with numbered lines; the lines with problems marked.

    Parameters
    ----------
    entry : Entry
        The file's entry (its problems).
    content : str
        The file's text.
    files : Files
        The files, checked (to link problems of other files).
    workspace : Workspace
        The folder.
    lang : {"de", "en"}
        The language of the page.
    version : str
        The version of the files.

    Returns
    -------
    str
        The HTML page: one list item per line (``id="L<number>"``), each problem
        below its line.

    Examples
    --------
    >>> import re, tempfile
    >>> from pathlib import Path
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.server.paths import scan
    >>> from lifeevents.server.workspace import Workspace
    >>> folder = tempfile.TemporaryDirectory()
    >>> root = Path(folder.name).resolve()
    >>> broken = DEMO_YAML.replace("channels: [online]", "channels: [fax]")
    >>> _ = (root / "umzug.yaml").write_text(broken, encoding="utf-8")
    >>> workspace = Workspace(root, Path("workshop"))
    >>> files = workspace.files(scan(root))
    >>> content = (root / "umzug.yaml").read_text(encoding="utf-8")
    >>> page = source_page(files.journeys[0], content, files, workspace, "en", "v1")
    >>> re.findall('<li id="(L[0-9]+)" class="marked">', page)
    ['L20']
    >>> folder.cleanup()
    """
    relative = entry.relative or entry.name
    at_line: dict[int, list[Problem]] = {}
    for problem in entry.problems:
        at_line.setdefault(problem.line, []).append(problem)
    back = "/"
    if entry.kind is Kind.JOURNEY:
        back += "?" + Choice(journey=entry.key).query()
    body = [
        '<main class="source">',
        f'<p><a href="{text(back)}">{_word("serve.back", lang)}</a></p>',
        _live(lang),
        f"<h1>{text(relative)}</h1>",
    ]
    if entry.problems:
        body.extend(
            [
                '<section id="problems" class="problems">',
                "<ul>",
                *_problem_items(entry.problems, _links(files, workspace)),
                "</ul>",
                "</section>",
            ]
        )
    body.append('<ol class="lines">')
    lines = content.splitlines() or [""]
    for number, line in enumerate(lines, start=1):
        found = at_line.get(number, [])
        marked = ' class="marked"' if found else ""
        messages = "".join(
            f'<span class="message">{text(f"{problem.column}: {problem.message}")}</span>'
            for problem in found
        )
        body.append(f'<li id="L{number}"{marked}><code>{text(line)}</code>{messages}</li>')
    body.extend(["</ol>", "</main>"])
    return _document(f"{relative} – {label('serve.app', lang)}", lang, version, body)


def message_page(message_key: str, lang: Language, version: str) -> str:
    """A short page with one sentence (not found, a view that is not possible now).

    Parameters
    ----------
    message_key : str
        The sentence's key in the catalogue (``serve.*``).
    lang : {"de", "en"}
        The language of the page.
    version : str
        The version of the files.

    Returns
    -------
    str
        The HTML page, with a link back to the map.

    Examples
    --------
    >>> page = message_page("serve.not_found", "en", "v1")
    >>> "<h1>Not found</h1>" in page, '<a href="/">' in page
    (True, True)
    """
    body = [
        '<main class="message">',
        f"<h1>{_word(message_key, lang)}</h1>",
        f'<p><a href="/">{_word("serve.back", lang)}</a></p>',
        "</main>",
    ]
    return _document(label(message_key, lang), lang, version, body)
