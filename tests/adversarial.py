"""Small journey files with adversarial shapes: a few kilobytes, minutes of work unless capped.

Shared by ``tests/test_hardening.py`` (each through the real command line) and
``benchmarks/malformed.py`` (each must finish in under 2 s).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["SHAPES", "Shape"]

_HEAD = (
    "format: lifeevents/1\nlife_event: {id: form, name: Form}\n"
    "authorities: {a: {name: A, level: bund}}\n"
)


def _step(step_id: str, extra: str = "") -> str:
    return f"  - {{id: {step_id}, name: S, authority: a, channels: [online]{extra}}}\n"


def many_personas(count: int = 10_000) -> str:
    """Every persona checked in every municipality of the region: 240,000 journeys."""
    personas = "".join(f"  p{i}: {{attributes: {{k: {i}}}}}\n" for i in range(count))
    return _HEAD + "region: kreis-steinfurt\npersonas:\n" + personas + "steps:\n" + _step("s")


def skipped_between(width: int = 1_000) -> str:
    """One step that does not apply between 1,000 predecessors and 1,000 successors.

    The issue's reproduction had 2,000 and 2,000 (4 million bridged dependencies); half
    of that is as far over the cap and spends less time in the YAML reader.
    """
    before = "".join(_step(f"a{i}") for i in range(width))
    after_all = ", ".join(f"a{i}" for i in range(width))
    middle = _step("mid", f", when: {{k: 2}}, after: [{after_all}]")
    successors = "".join(_step(f"b{i}", ", after: [mid]") for i in range(width))
    return _HEAD + "personas: {p: {attributes: {k: 1}}}\nsteps:\n" + before + middle + successors


def skipped_chain(length: int = 1_500) -> str:
    """A chain of 1,500 steps that do not apply: deeper than Python's recursion limit."""
    steps = [_step("s0")]
    steps += [_step(f"s{i}", f", when: {{k: 2}}, after: [s{i - 1}]") for i in range(1, length)]
    steps.append(_step("end", f", after: [s{length - 1}]"))
    return _HEAD + "personas: {p: {attributes: {k: 1}}}\nsteps:\n" + "".join(steps)


def growing_skipped_chain(length: int = 1_000) -> str:
    """Skipped steps that each add one applicable predecessor: quadratic bridging sets."""
    steps = [_step(f"a{i}") for i in range(length)]
    steps.append(_step("n0", ", when: {k: 2}, after: [a0]"))
    steps += [
        _step(f"n{i}", f", when: {{k: 2}}, after: [n{i - 1}, a{i}]") for i in range(1, length)
    ]
    steps += [_step(f"z{i}", f", after: [n{length - 1}]") for i in range(20)]
    return _HEAD + "personas: {p: {attributes: {k: 1}}}\nsteps:\n" + "".join(steps)


def each_after_all(count: int = 100) -> str:
    """100 steps, each after all earlier ones: dot lays it out for minutes."""
    steps = [
        _step(f"s{i}", f", after: [{', '.join(f's{j}' for j in range(i))}]" if i else "")
        for i in range(count)
    ]
    return _HEAD + "steps:\n" + "".join(steps)


def hubs(count: int = 100, hub_count: int = 5) -> str:
    """A chain, every step of it also after the same few first steps: long edges for dot."""
    steps = [_step(f"h{i}") for i in range(hub_count)]
    hub_list = ", ".join(f"h{j}" for j in range(hub_count))
    steps += [
        _step(f"c{i}", f", after: [{f'c{i - 1}, ' if i else ''}{hub_list}]") for i in range(count)
    ]
    return _HEAD + "steps:\n" + "".join(steps)


def long_unknown_names(count: int = 60, length: int = 20_000) -> str:
    """Unknown authority references of 20,000 characters next to similar long ids."""
    authorities = "".join(
        f"  ? {'b' * (length - 1)}{i}\n  : {{name: B, level: bund}}\n" for i in range(count)
    )
    steps = "".join(
        f"  - {{id: s{i}, name: S, authority: {'b' * (length - 2)}x{i}, channels: [online]}}\n"
        for i in range(count)
    )
    return (
        "format: lifeevents/1\nlife_event: {id: form, name: Form}\nauthorities:\n"
        + authorities
        + "steps:\n"
        + steps
    )


def long_name(length: int = 200_000) -> str:
    """A step name longer than any label Graphviz takes (16 KiB)."""
    return (
        _HEAD
        + "steps:\n"
        + f"  - {{id: s, name: {'N' * length}, authority: a, channels: [online]}}\n"
    )


@dataclass(frozen=True)
class Shape:
    """An adversarial input and what ``validate`` must say about it."""

    name: str
    generate: Callable[[], str]
    valid: bool
    message: str = ""  # part of the located error when not valid


SHAPES: tuple[Shape, ...] = (
    Shape("many-personas", many_personas, False, "a journey may have at most 100"),
    Shape("skipped-between", skipped_between, False, "more than 50,000 dependencies"),
    Shape("skipped-chain", skipped_chain, True),
    Shape("growing-skipped-chain", growing_skipped_chain, False, "pass on more than 200,000"),
    Shape("each-after-all", each_after_all, True),
    Shape("hubs", hubs, True),
    Shape("long-unknown-names", long_unknown_names, False, "unknown authority"),
    Shape("long-name", long_name, False, "ids and names may have at most 300"),
)
