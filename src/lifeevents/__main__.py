"""``python -m lifeevents``: the command line."""

from lifeevents.cli import console

console()
