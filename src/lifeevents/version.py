"""The installed version of lifeevents (importlib.metadata is slow to import: only on demand)."""

from importlib.metadata import version as _version

__all__ = ["__version__"]

__version__ = _version("lifeevents")
