"""Run lifeevents commands in one process and keep everything they print and write.

``test_determinism.py`` starts this script once per ``PYTHONHASHSEED``, in an empty
folder, and compares the folders byte by byte. One process per seed runs every
command (through :func:`lifeevents.cli.main.main`, exactly as ``lifeevents`` does),
because a process per command would cost half a second each.

Usage: ``python determinism_driver.py COMMANDS`` where ``COMMANDS`` is JSON: a list of
``[label, [argument, ...]]``. The standard output and error of each command go to
``LABEL.stdout`` and ``LABEL.stderr``, and every exit code to ``exit-codes.json``.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from lifeevents.cli.main import main

EXIT_CODES = "exit-codes.json"


def run(commands: Sequence[tuple[str, Sequence[str]]]) -> dict[str, int]:
    """Run each command in this process, its output streams going to files named by label."""
    codes: dict[str, int] = {}
    saved = sys.stdout, sys.stderr
    for label, arguments in commands:
        with open(f"{label}.stdout", "wb") as out, open(f"{label}.stderr", "wb") as err:
            stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
            stderr = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
            sys.stdout, sys.stderr = stdout, stderr
            try:
                codes[label] = main(list(arguments))
            finally:
                sys.stdout, sys.stderr = saved
                stdout.detach()
                stderr.detach()
    Path(EXIT_CODES).write_text(json.dumps(codes, indent=1, sort_keys=True), encoding="utf-8")
    return codes


if __name__ == "__main__":
    run([(label, arguments) for label, arguments in json.loads(sys.argv[1])])
