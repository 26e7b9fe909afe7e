"""``python -m lifeevents``: the command line."""

from lifeevents.cli.main import console

console()
