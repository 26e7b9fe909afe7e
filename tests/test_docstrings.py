"""Every public function and class has a numpydoc docstring with a doctested Examples section.

"Public" is every name in a module's ``__all__`` that the module itself defines (a
name it re-exports is checked in its home module). The docstring must be the
object's own (a class does not inherit one) and hold an ``Examples`` section with
at least one ``>>>`` line, which ``pytest --doctest-modules`` runs.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from types import ModuleType

import pytest

import lifeevents

#: The numpydoc heading, as :func:`inspect.cleandoc` leaves it.
EXAMPLES = "Examples\n--------"


def _module_names() -> list[str]:
    """The package and every module in it, in walk order.

    Excluded: ``lifeevents.__main__`` only, because importing it runs the command
    line (and exits); it defines no public names.
    """
    found = ["lifeevents"]
    for info in pkgutil.walk_packages(lifeevents.__path__, "lifeevents."):
        if info.name != "lifeevents.__main__":
            found.append(info.name)
    return found


MODULES = _module_names()


def public_objects(module: ModuleType) -> list[tuple[str, object]]:
    """The functions and classes of ``module.__all__`` that ``module`` defines."""
    found: list[tuple[str, object]] = []
    for name in getattr(module, "__all__", ()):
        value = getattr(module, name)
        if (inspect.isfunction(value) or inspect.isclass(value)) and (
            value.__module__ == module.__name__
        ):
            found.append((name, value))
    return found


def lacks_examples(value: object) -> bool:
    """Whether the object's own docstring has no Examples section with a doctest."""
    own = inspect.cleandoc(getattr(value, "__doc__", None) or "")
    _, heading, section = own.partition(EXAMPLES)
    return not heading or ">>>" not in section


@pytest.mark.parametrize("module_name", MODULES)
def test_public_functions_and_classes_have_examples(module_name: str) -> None:
    module = importlib.import_module(module_name)
    missing = [name for name, value in public_objects(module) if lacks_examples(value)]
    assert not missing, f"{module_name}: no Examples section with a doctest in: {missing}"


def test_the_walk_reaches_every_layer() -> None:
    # Guards against a check that passes because it found nothing to check.
    layers = {"model", "library", "formats", "graph", "analysis", "text", "views"}
    layers |= {"scenarios", "export", "observed", "studies", "server", "cli"}
    reached = {name.split(".")[1] for name in MODULES if name.count(".") >= 2}
    assert layers <= reached, layers - reached
    checked = sum(len(public_objects(importlib.import_module(name))) for name in MODULES)
    assert checked > 300


def _documented() -> None:
    """A function with its example.

    Examples
    --------
    >>> _documented()
    """


def _heading_only() -> None:
    """A function whose Examples section shows nothing.

    Examples
    --------
    Nothing here.
    """


class _Base:
    """A class with its example.

    Examples
    --------
    >>> _Base()  # doctest: +ELLIPSIS
    <...>
    """


class _Inherits(_Base):
    pass


def test_the_check_finds_what_is_missing() -> None:
    assert not lacks_examples(_documented)
    assert lacks_examples(_heading_only)
    assert lacks_examples(lambda: None)
    # A class without a docstring of its own fails, though its base has one.
    assert not lacks_examples(_Base)
    assert inspect.getdoc(_Inherits) == inspect.getdoc(_Base)
    assert lacks_examples(_Inherits)
