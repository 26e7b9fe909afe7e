"""Every exception the lifeevents API raises, under one base class.

Catch :class:`LifeeventsError` to handle any of them. Each class also derives
from the built-in exception it refines (``ValueError``, ``RuntimeError``), so
existing ``except ValueError`` code keeps working. This module imports nothing
heavy, so the command line can name these classes without loading the engine;
each is also exported by the package (``lifeevents.InputError``).

Examples
--------
>>> from lifeevents.model.problems import Problem
>>> error = InputError([Problem("a.yaml", 1, 1, "empty file")])
>>> print(error)
a.yaml:1:1: empty file
>>> isinstance(error, LifeeventsError), isinstance(error, ValueError)
(True, True)
>>> issubclass(UnknownMunicipalityError, LifeeventsError)
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lifeevents.model.problems import Problem

__all__ = [
    "CapExceededError",
    "GraphvizError",
    "GraphvizNotFoundError",
    "InfeasibleGroupingError",
    "InputError",
    "LifeeventsError",
    "MissingExtraError",
    "OutsideOutputError",
    "ScenarioNotApplicableError",
    "SweepError",
    "UnknownFileError",
    "UnknownMunicipalityError",
    "UnknownNameError",
    "UnknownPersonaError",
    "UnsupportedFormatError",
    "VisitSearchBudgetError",
    "WorkbookCellError",
]

GRAPHVIZ_INSTALL_HINT = (
    "Graphviz's 'dot' program was not found. Install Graphviz, e.g. "
    "'sudo apt-get install graphviz' (Debian/Ubuntu), 'brew install graphviz' (macOS), "
    "or run 'make setup' in the lifeevents repository."
)


class LifeeventsError(Exception):
    """The base class of every exception raised by lifeevents.

    Catch it to handle any failure of the library in one place; the subclasses say
    what went wrong, and each also derives from the built-in exception it refines
    (``ValueError``, ``RuntimeError``, ``LookupError``, ``ImportError``).

    Examples
    --------
    >>> import lifeevents
    >>> try:
    ...     lifeevents.loads("format: lifeevents/1\\n", "leer.yaml")
    ... except lifeevents.LifeeventsError as error:
    ...     print(type(error).__name__, str(error).partition(";")[0], sep=": ")
    InputError: leer.yaml:1:1: 'life_event' is missing
    """


class UnknownMunicipalityError(LifeeventsError, ValueError):
    """A municipality the journey's region does not have (or none given where one is needed).

    Raised by :func:`lifeevents.journey` for ``municipality``, ``origin`` or
    ``event_place``; the message lists the region's municipalities and the closest
    one to a typo.

    Examples
    --------
    >>> import lifeevents
    >>> geburt = lifeevents.load("geburt")
    >>> try:
    ...     lifeevents.journey(geburt, municipality="rhein")
    ... except lifeevents.UnknownMunicipalityError as error:
    ...     print(str(error).partition(";")[0])
    region 'kreis-steinfurt' has no municipality 'rhein' (did you mean 'rheine'?)
    """


class UnsupportedFormatError(LifeeventsError, ValueError):
    """A format (or file suffix) the chosen view cannot be written in.

    Examples
    --------
    >>> import lifeevents
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> trip = lifeevents.journey(lifeevents.loads(DEMO_YAML))
    >>> try:
    ...     lifeevents.render(trip, "png", view="checklist")
    ... except lifeevents.UnsupportedFormatError as error:
    ...     print(error)
    the checklist view cannot be written as 'png'; formats: md, html
    """


class GraphvizNotFoundError(LifeeventsError, RuntimeError):
    """The Graphviz ``dot`` program is not installed (or not on ``PATH``).

    Raised when a map is drawn as SVG, PNG or PDF (or as an HTML page, which embeds
    the SVG); DOT, Mermaid and Markdown text need no Graphviz.

    Parameters
    ----------
    message : str, optional
        What to say; by default, how to install Graphviz.

    Examples
    --------
    >>> print(GraphvizNotFoundError())  # doctest: +ELLIPSIS
    Graphviz's 'dot' program was not found. Install Graphviz, e.g. 'sudo apt-get install ...
    >>> issubclass(GraphvizNotFoundError, GraphvizError)  # catch both, or LifeeventsError
    False
    """

    def __init__(self, message: str = GRAPHVIZ_INSTALL_HINT) -> None:
        super().__init__(message)


class GraphvizError(LifeeventsError, RuntimeError):
    """Graphviz failed: bad DOT text, a crash, or the time limit ran out.

    The message holds Graphviz's exit code and the start of its error output.
    Raised by :func:`lifeevents.views.graphviz_output.render_graphviz`;
    :func:`lifeevents.render` and :func:`lifeevents.save` report it as an
    :class:`InputError` located at the journey file instead.

    Examples
    --------
    Calling Graphviz can fail in two ways, so catch both (or :class:`LifeeventsError`):

    >>> failures = (GraphvizNotFoundError, GraphvizError)
    >>> all(issubclass(failure, RuntimeError) for failure in failures)
    True
    """


class InputError(LifeeventsError, ValueError):
    """Invalid input: every problem found, each with ``FILE:LINE:COLUMN``.

    Raised by the loaders (:func:`lifeevents.load`, :func:`lifeevents.loads`,
    :func:`lifeevents.load_region`, :func:`lifeevents.load_scenario`) and where a
    journey cannot be built from a valid file (an unknown authority, a cycle).

    Parameters
    ----------
    problems : iterable of Problem
        The problems, in the order they are shown.

    Attributes
    ----------
    problems : tuple of Problem
        The :class:`~lifeevents.model.problems.Problem` objects; the message is one
        problem per line.

    Examples
    --------
    >>> import lifeevents
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> try:
    ...     lifeevents.loads(DEMO_YAML.replace("[online]", "[onlne]"), "umzug.yaml")
    ... except lifeevents.InputError as error:
    ...     problems = error.problems
    >>> [(problem.file, problem.line, problem.column) for problem in problems]
    [('umzug.yaml', 20, 17)]
    >>> print(problems[0].message.partition(" (")[0])
    step 'rundfunk', channels: 'onlne' is not an allowed channel
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


class CapExceededError(InputError):
    """Input that would need work beyond one of the caps of
    :mod:`lifeevents.model.limits`: located problems naming the cap.

    An :class:`InputError`, so code that reports input errors reports these too.

    Examples
    --------
    >>> from lifeevents.model.problems import Problem
    >>> error = CapExceededError([Problem("gross.yaml", 3, 5, "more than 50,000 dependencies")])
    >>> isinstance(error, InputError), error.problems[0].line
    (True, 3)
    """


class UnknownNameError(LifeeventsError, LookupError):
    """A name the user gave that does not exist (exit code 2 on the command line).

    Raised for a journey, scenario or persona named on the command line or to the
    export functions; the message lists the names that exist.

    Examples
    --------
    >>> from lifeevents.export.loading import load_journey
    >>> try:
    ...     load_journey("gebutr")
    ... except UnknownNameError as error:
    ...     print(str(error).partition(";")[0])
    'gebutr' is neither a file nor a built-in journey (did you mean 'geburt'?)
    """


class OutsideOutputError(LifeeventsError, ValueError):
    """A file would be written outside its output folder (e.g. through a symbolic link).

    Examples
    --------
    >>> from lifeevents.formats.file_names import confined
    >>> try:
    ...     confined("out", "out/../elsewhere.svg")
    ... except OutsideOutputError as error:
    ...     print(error)
    out/../elsewhere.svg is outside the output folder out
    """


class ScenarioNotApplicableError(LifeeventsError, ValueError):
    """A scenario whose ``applies_to`` does not list the journey's life event (rule 5).

    Examples
    --------
    >>> import lifeevents
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> umzug = lifeevents.loads(DEMO_YAML)
    >>> kfz_online = lifeevents.load_scenario("kfz-online")
    >>> try:
    ...     lifeevents.apply(umzug, kfz_online)
    ... except lifeevents.ScenarioNotApplicableError as error:
    ...     print(error)
    scenario(s) kfz-online do not apply to life event 'demo' (see their applies_to)
    """


class VisitSearchBudgetError(LifeeventsError, ValueError):
    """The exact search for the fewest visits explored more states than its budget allows.

    The budget is :data:`~lifeevents.model.limits.MAX_VISIT_SEARCH_STATES`;
    :func:`lifeevents.analyze` reports it as a :class:`CapExceededError` located at
    the journey's steps.

    Examples
    --------
    >>> from lifeevents.model.limits import MAX_VISIT_SEARCH_STATES
    >>> MAX_VISIT_SEARCH_STATES
    50000
    >>> issubclass(VisitSearchBudgetError, ValueError)
    True
    """


class InfeasibleGroupingError(LifeeventsError, ValueError):
    """A grouping breaks rule 5; for the modelled one the spec calls that an input error.

    Parameters
    ----------
    problems : sequence of str
        Why the grouping is infeasible, one reason each.

    Attributes
    ----------
    problems : tuple of str
        The reasons; the message joins them with ``"; "``.

    Examples
    --------
    The Bürgerbüro and the Straßenverkehrsamt of the demo journey are at two sites,
    so one visit cannot take in both:

    >>> from lifeevents import journey, loads
    >>> from lifeevents.analysis.visits import visit_days
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> trip = journey(loads(DEMO_YAML), "mit-auto")
    >>> try:
    ...     visit_days(trip.graph, [["anmelden", "kfz"], ["gebuehr"]])
    ... except InfeasibleGroupingError as error:
    ...     print(error.problems[0])
    visit (anmelden, kfz) is at more than one site: anmelden at rathaus, kfz at kreishaus
    """

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        super().__init__("; ".join(self.problems))


class MissingExtraError(LifeeventsError, ImportError):
    """An optional extra (such as ``lifeevents[observed]``) is not installed.

    The message names the missing packages and the ``pip install`` command.

    Examples
    --------
    >>> error = MissingExtraError("event logs need pandas: install the extra with "
    ...                           "pip install 'lifeevents[observed]'")
    >>> isinstance(error, ImportError)  # code that catches ImportError keeps working
    True
    """


class SweepError(LifeeventsError, ValueError):
    """A sweep asked for something that does not exist or cannot be combined.

    Examples
    --------
    >>> import lifeevents
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> try:
    ...     lifeevents.sweep([lifeevents.loads(DEMO_YAML)], personas=["nobody"])
    ... except SweepError as error:
    ...     print(str(error).split(";")[0])
    no persona 'nobody' in 'demo'
    """


class UnknownPersonaError(LifeeventsError, KeyError):
    """A persona the journey does not define (a :class:`KeyError`, as a mapping would raise).

    Examples
    --------
    >>> import lifeevents
    >>> try:
    ...     lifeevents.journey(lifeevents.load("geburt"), "nobody")
    ... except UnknownPersonaError as error:
    ...     print(error.args[0].split(";")[0])
    no persona 'nobody' in geburt
    """


class UnknownFileError(LifeeventsError, FileNotFoundError):
    """Neither a file nor a built-in journey or scenario of that name.

    The message lists the built-in names and the closest one.

    Examples
    --------
    >>> import lifeevents
    >>> try:
    ...     lifeevents.load("gebutr")
    ... except UnknownFileError as error:
    ...     print(str(error).split(";")[0])
    'gebutr' is neither a file nor a built-in journey (did you mean 'geburt'?)
    """


class WorkbookCellError(LifeeventsError, ValueError):
    """A workbook cell holds a value no journey can take (a formula, a date, a typo).

    The workbook reader turns it into a problem located at the cell, so callers of
    :func:`lifeevents.export.workbook_reader.check_workbook` see an
    :class:`InputError` instead.

    Examples
    --------
    >>> WorkbookCellError("a formula (=A1)").message
    'a formula (=A1)'
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
