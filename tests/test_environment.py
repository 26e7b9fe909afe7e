"""The environment `make setup` built is exactly the one the lock describes.

A fresh clone must test against the versions CI tested: this compares every
package the lock pins for this interpreter and platform with what is installed.
`make test-latest` runs the suite against the newest releases on purpose and
sets LIFEEVENTS_SKIP_LOCK_CHECK to skip this one check.
"""

from __future__ import annotations

import os
import re
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

LOCK = Path(__file__).resolve().parents[1] / "requirements" / "dev.txt"


def locked_requirements(text: str) -> list[Requirement]:
    """Every pinned requirement of a pip lock file (hash options and comments dropped).

    >>> lock = "a==1 \\\\\\n    --hash=sha256:00\\n# x\\nb==2 ; python_version < '3'\\n"
    >>> [str(r) for r in locked_requirements(lock)]
    ['a==1', 'b==2; python_version < "3"']
    """
    joined = re.sub(r"\\\n", " ", text)
    requirements = []
    for line in joined.splitlines():
        spec = re.sub(r"\s--hash=\S+", "", line.split("#", 1)[0]).strip()
        if spec:
            requirements.append(Requirement(spec))
    return requirements


def test_lock_pins_every_package_with_hashes() -> None:
    text = LOCK.read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip() for line in re.sub(r"\\\n", " ", text).splitlines())
    pinned = [line for line in entries if line]
    assert pinned, "the lock is empty"
    for line in pinned:
        assert "==" in line, f"not pinned to one version: {line}"
        assert "--hash=sha256:" in line, f"no hash: {line}"


@pytest.mark.skipif(
    os.environ.get("LIFEEVENTS_SKIP_LOCK_CHECK") == "1",
    reason="make test-latest tests the newest releases, not the lock",
)
def test_installed_versions_are_the_locked_ones() -> None:
    wrong = []
    checked = 0
    for requirement in locked_requirements(LOCK.read_text(encoding="utf-8")):
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        (pin,) = requirement.specifier
        try:
            installed = metadata.version(requirement.name)
        except metadata.PackageNotFoundError:
            installed = "not installed"
        checked += 1
        if installed != pin.version:
            wrong.append(f"{canonicalize_name(requirement.name)}: lock {pin.version}, {installed}")
    assert checked > 10
    assert not wrong, "installed packages differ from requirements/dev.txt (run make setup):\n" + (
        "\n".join(wrong)
    )
