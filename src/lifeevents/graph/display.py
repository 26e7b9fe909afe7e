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

__all__ = ["MimeBundle", "mimebundle", "register"]

MimeBundle = dict[str, Any]
Renderer = Callable[[Any], MimeBundle]

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
        Gives the MIME bundle of one instance: a dict of MIME type to content.

    Examples
    --------
    >>> class Note:
    ...     def __repr__(self) -> str:
    ...         return "<Note>"
    >>> register(Note, lambda note: {"text/markdown": "**Wartezeit**"})
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
    >>> register(Note, lambda note: {"text/markdown": "**Wartezeit**"})
    >>> mimebundle(Note(), exclude=["text/markdown"])
    {'text/plain': '<Note>'}
    >>> mimebundle(object(), include=["text/html"])  # nothing registered, nothing asked for
    {}
    """
    for provider in _PROVIDERS:
        importlib.import_module(provider)
    renderer = next((found for cls, found in _RENDERERS.items() if isinstance(subject, cls)), None)
    bundle: MimeBundle = {"text/plain": repr(subject)}
    if renderer is not None:
        bundle.update(renderer(subject))
    if include is not None:
        wanted = set(include)
        bundle = {key: value for key, value in bundle.items() if key in wanted}
    if exclude is not None:
        unwanted = set(exclude)
        bundle = {key: value for key, value in bundle.items() if key not in unwanted}
    return bundle
