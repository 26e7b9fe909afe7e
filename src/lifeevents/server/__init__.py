"""``lifeevents serve``: the workshop web app, a local page over a folder of journey files.

It shows the map, the figures and the findings of the journey, persona,
municipality and scenarios chosen, and reloads the open page when a file in the
folder changes. It reads files and never writes one; it serves nothing outside
the folder. See ``docs/serve.md``.

The modules, from the bottom up: :mod:`~lifeevents.server.paths` (which paths
may be read), :mod:`~lifeevents.server.watch` (noticing edits),
:mod:`~lifeevents.server.workspace` (the checked files),
:mod:`~lifeevents.server.outcome` (what a choice shows),
:mod:`~lifeevents.server.page` (the HTML), :mod:`~lifeevents.server.app` (HTTP)
and :mod:`~lifeevents.server.command` (the command line). This package imports
nothing itself, so registering the command keeps ``lifeevents --help`` fast.
"""
