"""Where a YAML syntax error is, said for people who write YAML.

The parser's own messages name its internals ("while scanning a simple key");
these helpers point at the line to fix and say what to do. They also find where
flow brackets nest too deep in text a parser read ahead of its events, so our
nesting limit is reported at its place whichever parser (libyaml or pure Python,
with its own limit) stopped first.
"""

from __future__ import annotations

import yaml

__all__ = ["first_too_deep", "syntax_problem"]

#: A 1-based (line, column).
Mark = tuple[int, int]


def first_too_deep(text: str, begin: int, end: int, depth: int, limit: int) -> Mark | None:
    """Where flow brackets between ``begin`` and ``end`` first nest past ``limit``.

    ``depth`` is the nesting at ``begin``. Quoted text and comments are skipped; this
    looks only at text a parser read ahead of its events before it stopped.

    Examples
    --------
    >>> first_too_deep("a: " + "[" * 70, 0, 73, 1, 64)
    (1, 67)
    >>> first_too_deep("a: '" + "[" * 70 + "'", 0, 75, 1, 64) is None
    True
    """
    position = begin
    while position < min(end + 1, len(text)):
        character = text[position]
        if character in "[{":
            depth += 1
            if depth > limit:
                line = text.count("\n", 0, position) + 1
                return line, position - (text.rfind("\n", 0, position) + 1) + 1
        elif character in "]}":
            depth -= 1
        elif character in "'\"" and (position == 0 or text[position - 1] in " \t\n[{,:"):
            position = _after_quoted(text, position)
            continue
        elif character == "#" and (position == 0 or text[position - 1] in " \t\n"):
            newline = text.find("\n", position)
            position = len(text) if newline < 0 else newline
            continue
        position += 1
    return None


def _after_quoted(text: str, start: int) -> int:
    """The index after the quoted scalar that opens at ``start`` (or the text's end)."""
    quote = text[start]
    position = start + 1
    while position < len(text):
        if quote == '"' and text[position] == "\\":
            position += 2
            continue
        if text[position] == quote:
            if quote == "'" and text[position + 1 : position + 2] == "'":
                position += 2
                continue
            return position + 1
        position += 1
    return len(text)


def syntax_problem(error: yaml.MarkedYAMLError, text: str) -> tuple[Mark, str]:
    """Where a syntax error is and what to do, in words for people who write YAML.

    Examples
    --------
    >>> text = "steps:\\n\\t- id: a\\n"
    >>> try:
    ...     yaml.safe_load(text)
    ... except yaml.MarkedYAMLError as error:
    ...     print(syntax_problem(error, text))
    ((2, 1), 'tabs are not allowed for indentation in YAML; use spaces')
    """
    problem, context = error.problem_mark, error.context_mark
    mark = problem or context
    where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    detail = " ".join(part for part in (error.context, error.problem) if part)
    lines = text.splitlines()
    if (
        problem is not None
        and problem.line < len(lines)
        and lines[problem.line][problem.column : problem.column + 1] == "\t"
    ):
        return where, "tabs are not allowed for indentation in YAML; use spaces"
    if problem is not None and context is not None and problem.line >= len(lines):
        # The file ended while something was still open: point at where it was opened.
        opened = (context.line + 1, context.column + 1)
        return opened, f"YAML syntax error: {detail} (opened here, never closed)"
    return where, f"YAML syntax error: {detail}"
