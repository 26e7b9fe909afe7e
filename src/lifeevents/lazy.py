"""Import a package's public names on first use (PEP 562), so start-up stays fast.

A package lists where each of its names lives; :func:`lazy_exports` returns the
module-level ``__getattr__`` and ``__dir__`` that import the home module when
a name is first looked up, and cache it in the package.

>>> import types
>>> package = types.ModuleType("demo")
>>> package.__getattr__, package.__dir__ = lazy_exports(package, {"sqrt": "math"})
>>> package.sqrt(9.0)
3.0
>>> "sqrt" in vars(package)
True
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: ModuleType, homes: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``, whose names live in ``homes``.

    Parameters
    ----------
    package : ModuleType
        The package (``sys.modules[__name__]`` in its ``__init__.py``).
    homes : mapping of str to str
        Each public name to the module that defines it.

    Returns
    -------
    tuple of (callable, callable)
        The package's ``__getattr__`` (imports the home module on first use and
        keeps the value in the package; :class:`AttributeError` for another name)
        and ``__dir__`` (the package's names and every lazy one).

    Examples
    --------
    >>> import types
    >>> package = types.ModuleType("demo_package")
    >>> attribute, names = lazy_exports(package, {"dumps": "json", "sqrt": "math"})
    >>> attribute("sqrt")(16.0), "sqrt" in vars(package), "dumps" in vars(package)
    (4.0, True, False)
    >>> [name for name in names() if not name.startswith("__")]
    ['dumps', 'sqrt']
    >>> attribute("cos")
    Traceback (most recent call last):
    ...
    AttributeError: module 'demo_package' has no attribute 'cos'
    """

    def attribute(name: str) -> Any:
        if name not in homes:
            raise AttributeError(f"module '{package.__name__}' has no attribute '{name}'")
        value = getattr(importlib.import_module(homes[name]), name)
        setattr(package, name, value)  # later look-ups skip this function
        return value

    def names() -> list[str]:
        return sorted({*vars(package), *homes})

    return attribute, names
