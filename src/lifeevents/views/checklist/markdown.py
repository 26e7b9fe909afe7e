"""The checklist as Markdown with task lists (``- [ ]``).

Every text goes through :func:`~lifeevents.views.escape.markdown.markdown_text`,
so nothing from a journey file becomes markup or a link.

Examples
--------
>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> text = checklist_markdown(analyze(journey(loads(DEMO_YAML), "mit-auto")))
>>> print(text.split("### Mitbringen")[1].split("###")[0].strip())
- [ ] **Meldebestätigung** (von: Bürgerbüro)
"""

from __future__ import annotations

from lifeevents.analysis.report import Report
from lifeevents.views.checklist.content import Item, build
from lifeevents.views.escape.markdown import markdown_text
from lifeevents.views.options import DEFAULT_OPTIONS, RenderOptions
from lifeevents.views.wording import Wording

__all__ = ["checklist_markdown"]


def checklist_markdown(report: Report, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    """The checklist as Markdown with task lists (``- [ ]``), in ``options.lang``.

    Parameters
    ----------
    report : Report
        The analysed journey.
    options : RenderOptions, optional
        The language, and a title to use instead of ``Checkliste: <life event>``.

    Returns
    -------
    str
        The Markdown text, ending in a line break.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> text = checklist_markdown(analyze(journey(loads(DEMO_YAML))))
    >>> print(text.splitlines()[0])
    # Checkliste: Umzug
    >>> print(next(line for line in text.splitlines() if "anmelden" in line))
    - [ ] **Wohnsitz \\<anmelden\\> \\& bestätigen** – bei Bürgerbüro
    """
    checklist = build(report, Wording.of(report, options.lang))
    lines = [
        f"# {markdown_text(options.title or checklist.title)}",
        "",
        markdown_text(checklist.meta),
        "",
    ]
    for paragraph in checklist.intro:
        lines.extend([markdown_text(paragraph), ""])
    for section in checklist.sections:
        lines.extend([f"## {markdown_text(section.heading)}", ""])
        for paragraph in section.paragraphs:
            lines.extend([markdown_text(paragraph), ""])
        for caption, items in section.lists:
            if caption:
                lines.extend([f"### {markdown_text(caption)}", ""])
            for item in items:
                lines.extend(_item(item))
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _item(item: Item) -> list[str]:
    box = "- [ ] " if item.checkbox else "- "
    line = f"{box}**{markdown_text(item.lead)}**"
    if item.rest:
        line += f" {markdown_text(item.rest)}"
    return [line, *(f"  - {markdown_text(note)}" for note in item.notes)]
