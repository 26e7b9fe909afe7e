"""Compare a journey today with what-if scenarios: every figure, each scenario alone and
all together, per persona and municipality.

>>> from lifeevents.formats.journey_file import load
>>> from lifeevents.formats.scenario_file import load_scenario
>>> rows = compare(load("umzug-innerhalb-kreis"), [load_scenario("kfz-im-buergerbuero")],
...                personas=["schalter-mit-auto-und-hund"], municipalities=["saerbeck"])
>>> row = rows[0]
>>> row.today.visits.as_modelled - row.variants[0].report.visits.as_modelled
1
>>> row.delta()["kfz-im-buergerbuero"]["visits.as_modelled"]
-1
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lifeevents.analysis.report import Report, analyze
from lifeevents.formats.journey_file import Regions
from lifeevents.formats.region_file import builtin_regions
from lifeevents.graph.journey import journey
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.scenario import Scenario
from lifeevents.scenarios.apply import apply_scenarios
from lifeevents.text.labels import Language, figure_label, label
from lifeevents.text.names import DisplayNames

__all__ = ["ALL_TOGETHER", "ComparisonRow", "Variant", "compare", "comparison_csv", "format_text"]

#: The id of the variant with every applicable scenario applied, in the given order.
ALL_TOGETHER = "all"


@dataclass(frozen=True)
class Variant:
    """The journey with one scenario (or all of them) applied, and its analysis.

    Attributes
    ----------
    id : str
        The scenario's id, or :data:`ALL_TOGETHER` for every scenario at once.
    applied, not_applied : tuple of str
        The scenarios applied, and those skipped for their ``applies_to``.
    report : Report
        The analysis of the changed journey.
    name, name_en : str or None
        The scenario's display names (German, English); None for
        :data:`ALL_TOGETHER` and for a variant made in code.

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.formats.scenario_file import loads_scenario
    >>> from lifeevents.library.demo import DEMO_SCENARIO_YAML, DEMO_YAML
    >>> kfz_online = loads_scenario(DEMO_SCENARIO_YAML)
    >>> row = compare(loads(DEMO_YAML), [kfz_online], personas=["mit-auto"])[0]
    >>> variant = row.variants[0]
    >>> variant.id, variant.applied, variant.report.visits.as_modelled
    ('kfz-online', ('kfz-online',), 2)
    """

    id: str
    applied: tuple[str, ...]
    not_applied: tuple[str, ...]
    report: Report
    name: str | None = None
    name_en: str | None = None

    def display_name(self, lang: Language = "de") -> str:
        """The name a reader sees: the scenario's name in ``lang``, else a word or the id.

        Examples
        --------
        >>> from lifeevents import analyze, journey, loads
        >>> from lifeevents.library.demo import DEMO_YAML
        >>> report = analyze(journey(loads(DEMO_YAML)))
        >>> Variant("ewa", (), (), report, "Elektronische Anmeldung").display_name("en")
        'Elektronische Anmeldung'
        >>> Variant(ALL_TOGETHER, (), (), report).display_name("en")
        'all scenarios together'
        """
        if self.id == ALL_TOGETHER and self.name is None:
            return label("compare.all_together", lang)
        if lang == "en" and self.name_en:
            return self.name_en
        return self.name or self.id


@dataclass(frozen=True)
class ComparisonRow:
    """One persona in one municipality: today and every variant.

    Attributes
    ----------
    persona : str
        The persona id.
    municipality : str or None
        The home municipality (``None`` for a journey without a region).
    today : Report
        The analysis of the journey as it is.
    variants : tuple of Variant
        Each scenario alone, then (for two or more) all together.

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.formats.scenario_file import loads_scenario
    >>> from lifeevents.library.demo import DEMO_SCENARIO_YAML, DEMO_YAML
    >>> kfz_online = loads_scenario(DEMO_SCENARIO_YAML)
    >>> row = compare(loads(DEMO_YAML), [kfz_online], personas=["mit-auto"])[0]
    >>> row.persona, row.today.visits.as_modelled
    ('mit-auto', 3)
    >>> changes = row.delta()["kfz-online"]
    >>> changes["visits.as_modelled"], changes["media_breaks"], changes["digital_share"]
    (-1, 1, 0.25)
    >>> list(row.to_dict())
    ['persona', 'municipality', 'today', 'scenarios', 'delta']
    """

    persona: str
    municipality: str | None
    today: Report
    variants: tuple[Variant, ...]

    def delta(self) -> dict[str, dict[str, int | float]]:
        """Per variant, each figure's change against today (booleans left out)."""
        today = self.today.to_record()
        return {
            variant.id: {
                name: value - today[name]
                for name, value in variant.report.to_record().items()
                if not isinstance(value, bool)
            }
            for variant in self.variants
        }

    def to_dict(self) -> dict[str, Any]:
        """``today`` and each scenario as in ``lifeevents analyze``, and ``delta``."""
        return {
            "persona": self.persona,
            "municipality": self.municipality,
            "today": self.today.to_dict(),
            "scenarios": [
                {
                    "id": variant.id,
                    "applied": list(variant.applied),
                    "not_applied": list(variant.not_applied),
                    **variant.report.to_dict(),
                }
                for variant in self.variants
            ],
            "delta": self.delta(),
        }


def compare(
    life_event: LifeEvent,
    scenarios: Sequence[Scenario],
    *,
    personas: Sequence[str] | None = None,
    municipalities: Sequence[str | None] | None = None,
    origin: str | None = None,
    regions: Regions | None = None,
) -> list[ComparisonRow]:
    """Today, each scenario alone and (for two or more) all together, for each persona
    (default: all) and municipality (default: the region's default, or none).

    A scenario whose ``applies_to`` excludes the journey is kept as a variant that
    changes nothing and lists it in ``not_applied``; it is never dropped silently.

    Parameters
    ----------
    life_event : LifeEvent
        The journey today.
    scenarios : sequence of Scenario
        The what-ifs to compare.
    personas : sequence of str, optional
        The personas to compare (default: every persona of the life event).
    municipalities : sequence of str or None, optional
        The home municipalities (default: the region's default municipality, or
        none for a journey without a region).
    origin : str, optional
        The municipality of ``@origin`` references (default: the municipality).
    regions : dict, optional
        Regions by id (default: the built-in regions).

    Returns
    -------
    list of ComparisonRow
        One per municipality and persona, municipalities first.

    Raises
    ------
    InputError
        When a scenario cannot be applied (see
        :func:`~lifeevents.scenarios.apply.apply`) or a journey cannot be analysed.

    See Also
    --------
    comparison_csv, format_text : the rows as CSV and as readable tables.

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.formats.scenario_file import loads_scenario
    >>> from lifeevents.library.demo import DEMO_SCENARIO_YAML, DEMO_YAML
    >>> kfz_online = loads_scenario(DEMO_SCENARIO_YAML)
    >>> rows = compare(loads(DEMO_YAML), [kfz_online])
    >>> [(row.persona, [variant.id for variant in row.variants]) for row in rows]
    [('default', ['kfz-online']), ('mit-auto', ['kfz-online'])]

    Without a car, the scenario changes nothing:

    >>> [row.delta()["kfz-online"]["visits.as_modelled"] for row in rows]
    [0, -1]
    """
    known = builtin_regions() if regions is None else regions
    region = known.get(life_event.region) if life_event.region else None
    variants: list[tuple[Scenario | None, LifeEvent, tuple[str, ...], tuple[str, ...]]] = []
    for scenario in scenarios:
        alone = apply_scenarios(life_event, [scenario], regions=known)
        variants.append((scenario, alone.life_event, alone.applied, alone.not_applied))
    if len(scenarios) > 1:
        together = apply_scenarios(life_event, scenarios, regions=known)
        variants.append((None, together.life_event, together.applied, together.not_applied))
    rows = []
    for municipality in municipalities if municipalities is not None else [None]:
        for persona in personas if personas is not None else life_event.persona_ids():
            today = analyze(
                journey(
                    life_event, persona, municipality=municipality, origin=origin, region=region
                )
            )
            rows.append(
                ComparisonRow(
                    persona,
                    today.journey.municipality,
                    today,
                    tuple(
                        Variant(
                            ALL_TOGETHER if scenario is None else scenario.id,
                            applied,
                            not_applied,
                            analyze(
                                journey(
                                    changed,
                                    persona,
                                    municipality=municipality,
                                    origin=origin,
                                    region=region,
                                )
                            ),
                            None if scenario is None else scenario.name,
                            None if scenario is None else scenario.name_en,
                        )
                        for scenario, changed, applied, not_applied in variants
                    ),
                )
            )
    return rows


def comparison_csv(rows: Sequence[ComparisonRow]) -> str:
    """One line per row and variant (today first): every figure and its change.

    Parameters
    ----------
    rows : sequence of ComparisonRow
        As :func:`compare` gives them.

    Returns
    -------
    str
        CSV text with a header line: ``persona, municipality, variant, applied``,
        every figure of :meth:`Report.to_record
        <lifeevents.analysis.report.Report.to_record>`, then ``delta.`` and each
        numeric figure. Empty for no rows.

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.formats.scenario_file import loads_scenario
    >>> from lifeevents.library.demo import DEMO_SCENARIO_YAML, DEMO_YAML
    >>> kfz_online = loads_scenario(DEMO_SCENARIO_YAML)
    >>> text = comparison_csv(compare(loads(DEMO_YAML), [kfz_online], personas=["mit-auto"]))
    >>> header, today, variant = text.splitlines()
    >>> header.split(",")[:7]
    ['persona', 'municipality', 'variant', 'applied', 'steps', 'authorities', 'visits.as_modelled']
    >>> variant.split(",")[:7]
    ['mit-auto', '', 'kfz-online', 'kfz-online', '4', '4', '2']
    """
    if not rows:
        return ""
    figures = list(rows[0].today.to_record())
    numeric = [name for name in figures if not isinstance(rows[0].today.to_record()[name], bool)]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["persona", "municipality", "variant", "applied", *figures]
        + [f"delta.{name}" for name in numeric]
    )
    for row in rows:
        delta = row.delta()
        today = row.today.to_record()
        writer.writerow(
            [row.persona, row.municipality or "", "today", "", *today.values()] + [0] * len(numeric)
        )
        for variant in row.variants:
            record = variant.report.to_record()
            writer.writerow(
                [row.persona, row.municipality or "", variant.id, " ".join(variant.applied)]
                + [record[name] for name in figures]
                + [delta[variant.id][name] for name in numeric]
            )
    return out.getvalue()


def format_text(rows: Sequence[ComparisonRow], lang: Language = "de") -> str:
    """A readable table per row: figures down, today and the variants across.

    Parameters
    ----------
    rows : sequence of ComparisonRow
        As :func:`compare` gives them.
    lang : {"de", "en"}, optional
        The language of the figures' labels.

    Returns
    -------
    str
        One block per row, titled with the life event, persona and municipality;
        each variant's figure is followed by its change, shares in percentage points.

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.formats.scenario_file import loads_scenario
    >>> from lifeevents.library.demo import DEMO_SCENARIO_YAML, DEMO_YAML
    >>> kfz_online = loads_scenario(DEMO_SCENARIO_YAML)
    >>> rows = compare(loads(DEMO_YAML), [kfz_online], personas=["mit-auto"])
    >>> lines = format_text(rows, "en").splitlines()
    >>> for line in lines[:4] + lines[6:8] + lines[10:12]:
    ...     print(line)
    Umzug · Persona: Mit Auto
    <BLANKLINE>
                                            today  kfz-online
    --------------------------------------  -----  ------------
    Visits (as modelled)                    3      2 (-1)
    Visits (minimum)                        2      1 (-1)
    Channel handovers                       1      2 (+1)
    Media breaks                            0      1 (+1)
    """
    blocks = []
    for row in rows:
        today = row.today.to_record()
        records = [variant.report.to_record() for variant in row.variants]
        delta = row.delta()
        headers = ["", label("today", lang), *(v.id for v in row.variants)]
        lines = []
        for name, value in today.items():
            if isinstance(value, bool):
                continue
            cells = [figure_label(name, lang), _number(value)]
            for variant, record in zip(row.variants, records, strict=True):
                change = delta[variant.id][name]
                cells.append(
                    _number(record[name]) + (f" ({_signed(change, lang)})" if change else "")
                )
            lines.append(cells)
        widths = [max(len(cells[i]) for cells in [headers, *lines]) for i in range(len(headers))]
        names = DisplayNames(row.today, lang)
        title = f"{names.life_event()} · {label('persona', lang)}: {names.persona()}"
        municipality = names.municipality()
        if municipality:
            title += f" · {label('municipality', lang)}: {municipality}"
        shown = {variant.id: variant.display_name(lang) for variant in row.variants}
        # The table's columns carry the ids typed after --scenario; the key names them.
        key = [f"  {variant.id}: {shown[variant.id]}" for variant in row.variants]
        notes = [
            f"  ({shown[variant.id]}: "
            + ", ".join(shown.get(item, item) for item in variant.not_applied)
            + f" {label('not_applied', lang)})"
            for variant in row.variants
            if variant.not_applied
        ]
        table = [
            "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()
            for cells in [headers, ["-" * width for width in widths], *lines]
        ]
        blocks.append("\n".join([title, "", *table, "", *key, *notes]))
    return "\n\n".join(blocks) + "\n"


def _number(value: int | float) -> str:
    return f"{value:.0%}" if isinstance(value, float) else str(value)


def _signed(value: int | float, lang: Language) -> str:
    if isinstance(value, float):
        return f"{value * 100:+.0f} {label('percentage_points', lang)}"
    return f"{value:+d}"
