"""The options several commands share, each declared once.

A journey, a persona, what-if scenarios, the municipality, where the citizen
comes from, where the event happens, the language and the user's region files
mean the same in every command; only the words of their help differ where a
command reads them its own way (``compare`` takes every persona by default,
``conform`` reads the municipality of each case from the log), and those words
are passed in. Everything here needs argparse only, so that ``lifeevents --help``
stays fast.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TypeAlias

from lifeevents.text.labels import DEFAULT_LANGUAGE, LANGUAGES

if TYPE_CHECKING:
    #: The sub-command parsers of ``lifeevents``, on which each command adds its own.
    Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

__all__ = [
    "add_event_place",
    "add_journey",
    "add_journey_options",
    "add_lang",
    "add_municipality",
    "add_origin",
    "add_persona",
    "add_place_options",
    "add_region_file",
    "add_scenario",
]

JOURNEY_HELP = "journey file or built-in journey name"
#: The same, in the words of the ``export``, ``conform`` and ``simulate`` commands.
JOURNEY_HELP_BRIEF = "journey file or built-in name"
MUNICIPALITY_HELP = "home municipality (after the event)"
EVENT_PLACE_HELP = "where the birth, death or marriage happens ('@event' offices)"
REGION_FILE_HELP = "your own region file (format lifeevents-region/1); may be repeated"
SCENARIO_HELP = "apply this what-if scenario first (file or built-in name); may be repeated"


def add_journey(parser: argparse.ArgumentParser, help_text: str = JOURNEY_HELP) -> None:
    """Add the journey the command works on: a file or a built-in journey's name.

    Parameters
    ----------
    parser
        The command's parser.
    help_text
        Its help.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_journey(parser)
    >>> parser.parse_args(["geburt"]).journey
    'geburt'
    """
    parser.add_argument("journey", metavar="FILE-or-NAME", help=help_text)


def add_persona(
    parser: argparse.ArgumentParser, help_text: str = "persona id", default: str | None = "default"
) -> None:
    """Add ``--persona``: whose journey it is.

    Parameters
    ----------
    parser
        The command's parser.
    help_text
        Its help.
    default
        The persona without the option (``None``: the command decides).

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_persona(parser)
    >>> parser.parse_args([]).persona
    'default'
    """
    parser.add_argument("--persona", default=default, help=help_text)


def add_scenario(
    parser: argparse.ArgumentParser, help_text: str = SCENARIO_HELP, *, required: bool = False
) -> None:
    """Add ``--scenario``: what-if scenarios (files or built-in names), in the order given.

    Parameters
    ----------
    parser
        The command's parser.
    help_text
        Its help.
    required
        Whether the command needs at least one.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_scenario(parser)
    >>> parser.parse_args(["--scenario", "ewa", "--scenario", "kfz-online"]).scenario
    ['ewa', 'kfz-online']
    >>> print(parser.parse_args([]).scenario)
    None
    """
    parser.add_argument(
        "--scenario", action="append", required=required, metavar="FILE-or-NAME", help=help_text
    )


def add_municipality(parser: argparse.ArgumentParser, help_text: str = MUNICIPALITY_HELP) -> None:
    """Add ``--municipality``: where the citizen lives after the event.

    Parameters
    ----------
    parser
        The command's parser.
    help_text
        Its help.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_municipality(parser)
    >>> parser.parse_args(["--municipality", "rheine"]).municipality
    'rheine'
    """
    parser.add_argument("--municipality", help=help_text)


def add_origin(parser: argparse.ArgumentParser) -> None:
    """Add ``--origin``: the municipality the citizen leaves when moving.

    Parameters
    ----------
    parser
        The command's parser.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_origin(parser)
    >>> print(parser.parse_args([]).origin)
    None
    """
    parser.add_argument("--origin", help="municipality the citizen leaves (moving)")


def add_event_place(parser: argparse.ArgumentParser, help_text: str = EVENT_PLACE_HELP) -> None:
    """Add ``--event-place``: where a birth, death or marriage happens.

    Parameters
    ----------
    parser
        The command's parser.
    help_text
        Its help.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_event_place(parser)
    >>> parser.parse_args(["--event-place", "rheine"]).event_place
    'rheine'
    """
    parser.add_argument("--event-place", metavar="MUNICIPALITY", help=help_text)


def add_lang(parser: argparse.ArgumentParser) -> None:
    """Add ``--lang``: the language of the output (German by default).

    Parameters
    ----------
    parser
        The command's parser.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_lang(parser)
    >>> parser.parse_args([]).lang
    'de'
    """
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="language of the output"
    )


def add_region_file(parser: argparse.ArgumentParser, help_text: str = REGION_FILE_HELP) -> None:
    """Add ``--region-file``: the user's own region files, besides the built-in ones.

    Parameters
    ----------
    parser
        The command's parser.
    help_text
        Its help.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_region_file(parser)
    >>> parser.parse_args(["--region-file", "a.yaml", "--region-file", "b.yaml"]).region_file
    ['a.yaml', 'b.yaml']
    """
    parser.add_argument("--region-file", action="append", metavar="FILE", help=help_text)


def add_place_options(parser: argparse.ArgumentParser) -> None:
    """Add where and in which language: shared by analyze, render, workshop and compare.

    ``--municipality``, ``--origin``, ``--event-place``, ``--lang`` and
    ``--region-file``, in this order.

    Parameters
    ----------
    parser
        The command's parser.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_place_options(parser)
    >>> sorted(vars(parser.parse_args([])))
    ['event_place', 'lang', 'municipality', 'origin', 'region_file']
    """
    add_municipality(
        parser,
        "home municipality (after the event); 'all' for every one of the region (analyze, compare)",
    )
    add_origin(parser)
    add_event_place(
        parser,
        "where the birth, death or marriage happens ('@event' offices; default: the "
        "region's usual place, else the home municipality)",
    )
    add_lang(parser)
    add_region_file(parser)


def add_journey_options(parser: argparse.ArgumentParser, *, persona_help: str) -> None:
    """Add one journey for one persona, with scenarios and places: shared by analyze and render.

    Parameters
    ----------
    parser
        The command's parser.
    persona_help
        The help of ``--persona``.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_journey_options(parser, persona_help="persona id")
    >>> arguments = parser.parse_args(["geburt", "--scenario", "urkunden-direkt"])
    >>> arguments.journey, arguments.persona, arguments.scenario
    ('geburt', 'default', ['urkunden-direkt'])
    """
    add_journey(parser)
    add_persona(parser, persona_help)
    add_scenario(parser, f"{SCENARIO_HELP}, applied in order")
    add_place_options(parser)
