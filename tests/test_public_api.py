"""The curated API: every public name resolves, no name hides a module, every error is exported."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys

import lifeevents
import lifeevents.errors


def test_every_public_name_resolves_and_is_documented() -> None:
    for name in lifeevents.__all__:
        value = getattr(lifeevents, name)
        if name != "__version__":
            assert inspect.getdoc(value), name


def test_no_public_name_equals_a_module_name() -> None:
    modules = {info.name for info in pkgutil.iter_modules(lifeevents.__path__)}
    assert modules.isdisjoint(lifeevents.__all__), modules & set(lifeevents.__all__)


def test_importing_any_module_keeps_the_public_functions() -> None:
    # Importing every module (as a user exploring the package would) must not replace
    # lifeevents.journey or lifeevents.render by a module.
    code = (
        "import importlib, pkgutil, types, lifeevents\n"
        "for info in pkgutil.walk_packages(lifeevents.__path__, 'lifeevents.'):\n"
        "    if not info.name.startswith(('lifeevents.cli', 'lifeevents.__main__')):\n"
        "        importlib.import_module(info.name)\n"
        "for name in lifeevents.__all__:\n"
        "    assert not isinstance(getattr(lifeevents, name), types.ModuleType), name\n"
        "import lifeevents.views.mermaid\n"
        "print('ok')\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "ok"


def test_every_exception_is_exported_and_derives_from_the_base() -> None:
    defined = {
        name
        for name, value in vars(lifeevents.errors).items()
        if isinstance(value, type) and issubclass(value, BaseException)
    }
    assert defined == set(lifeevents.errors.__all__)
    for name in defined:
        assert issubclass(getattr(lifeevents, name), lifeevents.LifeeventsError), name


def test_no_exception_class_outside_errors_is_public() -> None:
    # Exceptions the API raises live in lifeevents.errors; others are private
    # (a leading underscore) or belong to the command line, which never lets them out.
    for info in pkgutil.walk_packages(lifeevents.__path__, "lifeevents."):
        if info.name == "lifeevents.errors" or info.name.startswith(
            ("lifeevents.cli", "lifeevents.__main__")
        ):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if (
                isinstance(value, type)
                and issubclass(value, BaseException)
                and value.__module__ == module.__name__
                and not name.startswith("_")
            ):
                raise AssertionError(f"{info.name}.{name} should live in lifeevents.errors")
