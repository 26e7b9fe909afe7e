"""Rich display of journeys and reports in Jupyter, without the model knowing renderers.

:class:`~lifeevents.graph.journey.Journey` and
:class:`~lifeevents.analysis.report.Report` define ``_repr_mimebundle_`` by
asking this registry; :mod:`lifeevents.views.jupyter` registers the renderers.
It is imported by name on the first display, so that neither the model nor
``import lifeevents`` loads the renderers. Without a registered renderer an
object shows as plain text.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["MimeBundle", "Wanted", "mimebundle", "register"]

MimeBundle = dict[str, Any]
#: Whether the front end asked for a MIME type (IPython's ``include`` and ``exclude``).
Wanted = Callable[[str], bool]
#: Gives the MIME bundle of one object, building only the types asked for.
Renderer = Callable[[Any, Wanted], MimeBundle]

_RENDERERS: dict[type, Renderer] = {}
#: Modules that register renderers when imported.
_PROVIDERS = ("lifeevents.views.jupyter",)


def register(cls: type, renderer: Renderer) -> None:
    """Use ``renderer`` to display instances of ``cls``.

    :mod:`lifeevents.views.jupyter` registers the map of a
    :class:`~lifeevents.graph.journey.Journey` and the report of a
    :class:`~lifeevents.analysis.report.Report` this way.

    Parameters
    ----------
    cls : type
        The class whose instances (and those of its subclasses) the renderer shows.
    renderer : callable
        Gives the MIME bundle of one instance (a dict of MIME type to content),
        called with the instance and a predicate that tells whether a MIME type
        was asked for: it builds only those (drawing a map for ``text/plain``
        alone would waste seconds).

    Examples
    --------
    >>> class Note:
    ...     def __repr__(self) -> str:
    ...         return "<Note>"
    >>> register(Note, lambda note, wanted: {"text/markdown": "**Wartezeit**"})
    >>> mimebundle(Note())
    {'text/plain': '<Note>', 'text/markdown': '**Wartezeit**'}
    """
    _RENDERERS[cls] = renderer


def mimebundle(
    subject: object, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
) -> MimeBundle:
    """The MIME bundle of ``subject`` (IPython's ``_repr_mimebundle_`` protocol).

    Imports the modules that register renderers on first use, so that nothing
    loads the renderers before an object is displayed.

    Parameters
    ----------
    subject : object
        What to display.
    include, exclude : iterable of str, optional
        The MIME types to keep, or to leave out (as IPython passes them).

    Returns
    -------
    dict of str to object
        ``text/plain`` (the ``repr``) and whatever the renderer registered for the
        subject's class adds.

    Examples
    --------
    >>> class Note:
    ...     def __repr__(self) -> str:
    ...         return "<Note>"
    >>> register(Note, lambda note, wanted: {"text/markdown": "**Wartezeit**"})
    >>> mimebundle(Note(), exclude=["text/markdown"])
    {'text/plain': '<Note>'}
    >>> mimebundle(object(), include=["text/html"])  # nothing registered, nothing asked for
    {}
    """
    for provider in _PROVIDERS:
        importlib.import_module(provider)
    renderer = next((found for cls, found in _RENDERERS.items() if isinstance(subject, cls)), None)
    included = None if include is None else frozenset(include)
    excluded = frozenset(() if exclude is None else exclude)

    def wanted(mime_type: str) -> bool:
        return (included is None or mime_type in included) and mime_type not in excluded

    bundle: MimeBundle = {"text/plain": repr(subject)}
    if renderer is not None:
        bundle.update(renderer(subject, wanted))
    return {key: value for key, value in bundle.items() if wanted(key)}
