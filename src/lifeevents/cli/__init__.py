"""The command line, one module per command group.

The entry point is :func:`lifeevents.cli.main.console`.
"""
