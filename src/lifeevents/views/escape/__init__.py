"""Escaping, one module per output language: every text from a journey file passes one.

- :mod:`~lifeevents.views.escape.plain`: one line of plain text (where every other starts),
- :mod:`~lifeevents.views.escape.dot`: Graphviz DOT strings and HTML-like labels,
- :mod:`~lifeevents.views.escape.html`: HTML and SVG text and attributes,
- :mod:`~lifeevents.views.escape.mermaid`: Mermaid labels,
- :mod:`~lifeevents.views.escape.markdown`: Markdown text.
"""
