"""The fixed vocabulary of the journey format: channels, media, levels, transfer.

Every classification the analyses rely on (which channel is physical, which
medium a channel has, which levels are public) lives here and nowhere else; the
words a reader sees for them are in the catalogue (:mod:`lifeevents.text.labels`,
keys ``channel.<value>`` and ``level.<value>``).

>>> Channel.IN_PERSON.is_physical
True
>>> Channel.ONLINE.medium
<Medium.DIGITAL: 'digital'>
>>> Channel.PHONE.medium is None
True
>>> Level.PRIVAT.is_public
False
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Channel", "Level", "Medium", "Transfer"]


class Medium(StrEnum):
    """The medium a channel carries information in (spec: "Medium of a channel").

    Evidence the citizen carries between two steps whose channels have different
    media is a media break (rule 7); the phone has no medium, so it breaks nothing.

    Examples
    --------
    >>> Channel.IN_PERSON.medium, Channel.ONLINE.medium
    (<Medium.PAPER: 'paper'>, <Medium.DIGITAL: 'digital'>)
    >>> sorted(channel.value for channel in Channel if channel.medium is Medium.PAPER)
    ['in_person', 'mail']
    """

    PAPER = "paper"
    DIGITAL = "digital"


class Channel(StrEnum):
    """A way a citizen performs a step.

    Examples
    --------
    In-person and terminal channels are physical: using one is a visit (rule 5).
    Each channel has a medium (:class:`Medium`), except the phone.

    >>> [channel.value for channel in Channel if channel.is_physical]
    ['in_person', 'terminal']
    >>> Channel("online").is_digital, Channel.MAIL.medium
    (True, <Medium.PAPER: 'paper'>)
    """

    IN_PERSON = "in_person"
    TERMINAL = "terminal"
    ONLINE = "online"
    EMAIL = "email"
    VIDEO = "video"
    PHONE = "phone"
    MAIL = "mail"
    PROACTIVE = "proactive"

    @property
    def medium(self) -> Medium | None:
        """Paper, digital, or ``None`` for the phone, which has no medium."""
        return _MEDIUM[self]

    @property
    def is_physical(self) -> bool:
        """Whether using this channel means going to a site (a visit)."""
        return self in _PHYSICAL

    @property
    def is_digital(self) -> bool:
        return _MEDIUM[self] is Medium.DIGITAL


_MEDIUM: dict[Channel, Medium | None] = {
    Channel.IN_PERSON: Medium.PAPER,
    Channel.MAIL: Medium.PAPER,
    Channel.ONLINE: Medium.DIGITAL,
    Channel.EMAIL: Medium.DIGITAL,
    Channel.VIDEO: Medium.DIGITAL,
    Channel.TERMINAL: Medium.DIGITAL,
    Channel.PROACTIVE: Medium.DIGITAL,
    Channel.PHONE: None,
}

_PHYSICAL = frozenset({Channel.IN_PERSON, Channel.TERMINAL})


class Level(StrEnum):
    """Who an authority belongs to. The declaration order is the lane order of maps.

    Examples
    --------
    >>> [level.value for level in Level]
    ['bund', 'land', 'kreis', 'gemeinde', 'sozialversicherung', 'privat']
    >>> Level.KREIS.is_public, Level.PRIVAT.is_public
    (True, False)
    """

    BUND = "bund"
    LAND = "land"
    KREIS = "kreis"
    GEMEINDE = "gemeinde"
    SOZIALVERSICHERUNG = "sozialversicherung"
    PRIVAT = "privat"

    @property
    def is_public(self) -> bool:
        return self is not Level.PRIVAT


class Transfer(StrEnum):
    """How an evidence travels from its issuer to the step that needs it.

    Attributes
    ----------
    CITIZEN : str
        ``"citizen"``: the citizen carries it (a handover, perhaps a media break).
    DIRECT : str
        ``"direct"``: the authorities exchange it; the citizen does nothing.

    Examples
    --------
    >>> from lifeevents import load
    >>> evidence = load("geburt").evidence
    >>> evidence["geburtsurkunde"].transfer, evidence["mitteilung-meldebehoerde"].transfer
    (<Transfer.CITIZEN: 'citizen'>, <Transfer.DIRECT: 'direct'>)
    """

    CITIZEN = "citizen"
    DIRECT = "direct"
