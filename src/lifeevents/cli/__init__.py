"""The command line, one module per command (see :mod:`lifeevents.cli.main`).

The entry point is :func:`lifeevents.cli.main.console`.
"""
