"""The yearly impact per scenario as one self-contained HTML page (``lifeevents impact -o x.html``).

The page holds the table of :func:`~lifeevents.studies.impact_table.impact_table`
(each figure today and with the scenario, the saving, the cost and the cost per
visit saved), the savings as bars and, when the cases cover several
municipalities, the visits saved per municipality and scenario as a heat map.
The pictures are inline SVG (:mod:`lifeevents.studies.charts`): no script, no
style sheet or font from elsewhere, so the page works offline and prints. Every
word comes from the catalogue; every text from a file is escaped.

>>> from lifeevents import loads
>>> from lifeevents.formats.scenario_file import loads_scenario
>>> from lifeevents.library.demo import DEMO_SCENARIO_YAML, DEMO_YAML
>>> from lifeevents.studies.cases import read_cases_text
>>> from lifeevents.studies.impact import YearlyImpact
>>> cases = read_cases_text("life_event,municipality,persona,cases\\n"
...                         "demo,musterstadt,mit-auto,10\\n")
>>> impact = YearlyImpact(cases, {"demo": loads(DEMO_YAML)})
>>> page = impact_html(impact, [loads_scenario(DEMO_SCENARIO_YAML)], source="cases.csv")
>>> page.startswith("<!DOCTYPE html>"), page.count("<svg"), "Fahrzeug online ummelden" in page
(True, 1, True)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from lifeevents.model.scenario import Scenario
from lifeevents.studies.charts import (
    figure_svg,
    heat_map,
    municipality_names,
    number,
    savings_bars,
)
from lifeevents.studies.impact import YearlyImpact
from lifeevents.studies.impact_table import FIGURES, ScenarioImpact, impact_table
from lifeevents.text.labels import Language, label

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["impact_html", "municipality_savings"]

# The catalogue word of each figure of the table.
_FIGURE_WORDS = {
    "visits": "visits_modelled",
    "kreis_visits": "kreis_visits",
    "hours": "citizen_hours",
    "authority_handovers": "authority_handovers",
    "media_breaks": "media_breaks",
    "once_only_violations": "once_only",
}

_STYLE = (
    "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em;color:#1a1a1a}"
    "table{border-collapse:collapse;font-size:0.9em}"
    "th,td{border:1px solid #ccc;padding:4px 6px}td{text-align:right}"
    "thead th{background:#f3f3f3}tbody th{text-align:left;font-weight:normal}"
    "tr.together th,tr.together td{font-weight:bold;border-top:2px solid #1a1a1a}"
    "td.saving{background:#eef5fb}"
    "figure{margin:1.5em 0}figure svg{max-width:100%;height:auto}"
    ".notes{color:#444;max-width:60em}"
)

_SVG_START = re.compile(r"\A.*?(?=<svg)", re.DOTALL)
_SVG_IDS = re.compile(r'(id="|url\(#|href="#)([^")]+)')


def municipality_savings(
    impact: YearlyImpact, scenarios: Sequence[Scenario], rows: Sequence[ScenarioImpact]
) -> pd.DataFrame:
    """Visits saved a year in each municipality, with each row's scenarios.

    Parameters
    ----------
    impact : YearlyImpact
        The year's cases.
    scenarios : sequence of Scenario
        The scenarios the rows name.
    rows : sequence of ScenarioImpact
        The rows of :func:`~lifeevents.studies.impact_table.impact_table`.

    Returns
    -------
    pandas.DataFrame
        Municipality ids down (in the order the cases name them), each row's
        ``scenario`` across.

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.formats.scenario_file import loads_scenario
    >>> from lifeevents.library.demo import DEMO_SCENARIO_YAML, DEMO_YAML
    >>> from lifeevents.studies.cases import read_cases_text
    >>> cases = read_cases_text("life_event,municipality,persona,cases\\n"
    ...                         "demo,musterstadt,mit-auto,10\\ndemo,seedorf,default,4\\n")
    >>> impact = YearlyImpact(cases, {"demo": loads(DEMO_YAML)})
    >>> scenarios = [loads_scenario(DEMO_SCENARIO_YAML)]
    >>> municipality_savings(impact, scenarios, impact_table(impact, scenarios))
                 kfz-online
    musterstadt        10.0
    seedorf             0.0
    """
    import pandas as pd

    by_id = {scenario.id: scenario for scenario in scenarios}
    today = impact.by_municipality()
    columns = {}
    for row in rows:
        after = impact.by_municipality([by_id[name] for name in row.scenarios])
        columns[row.scenario] = [today[place].visits - after[place].visits for place in today]
    return pd.DataFrame(columns, index=list(today))


def impact_html(
    impact: YearlyImpact,
    scenarios: Sequence[Scenario],
    *,
    years: int = 1,
    source: str = "",
    lang: Language = "de",
) -> str:
    """The page of the yearly impact of each scenario, and of all together.

    Parameters
    ----------
    impact : YearlyImpact
        The year's cases and their journeys.
    scenarios : sequence of Scenario
        The scenarios (at least one), in the order of the rows.
    years : int
        The years a cost is counted over.
    source : str
        Where the cases come from (the file), as the page names it.
    lang : {"de", "en"}
        The language of the page's words (names from the files stay as written).

    Returns
    -------
    str
        A self-contained HTML page: inline style and SVG, no script, nothing loaded.

    Examples
    --------
    >>> import re
    >>> from lifeevents.formats.journey_file import load
    >>> from lifeevents.formats.scenario_file import load_scenario
    >>> from lifeevents.studies.cases import read_cases_text
    >>> cases = read_cases_text("life_event,municipality,cases\\n"
    ...                         "todesfall,saerbeck,100\\ntodesfall,rheine,300\\n")
    >>> impact = YearlyImpact(cases, {"todesfall": load("todesfall")})
    >>> page = impact_html(impact, [load_scenario("urkunden-direkt"), load_scenario("ewa")],
    ...                    lang="en")
    >>> re.findall("<h[12]>([^<]*)", page)
    ['Yearly impact per scenario', 'Table', 'Pictures']
    >>> page.count("<tr class='together'>"), page.count("<svg")
    (1, 2)
    """
    rows = impact_table(impact, scenarios, years=years)
    title = label("impact.title", lang)
    inputs = label("impact.inputs", lang).format(
        cases=number(rows[0].today.cases, lang),
        source=source or "–",
        years=years,
        minutes=number(impact.travel_minutes, lang),
    )
    notes = []
    if any(row.together for row in rows):
        notes.append(label("impact.together_note", lang))
    if any(row.cost is None for row in rows):
        notes.append(label("impact.no_cost", lang))
    if rows[0].today.steps_without_minutes:
        notes.append(
            f"{label('steps_without_minutes', lang)}: "
            f"{number(rows[0].today.steps_without_minutes, lang)}"
        )
    pictures = [_inline(figure_svg(savings_bars(rows, lang=lang)), "bars")]
    savings = municipality_savings(impact, scenarios, rows)
    if len(savings) > 1:
        savings.index = _place_names(impact, list(savings.index))
        savings.columns = [_name(row, lang) for row in rows]
        chart = heat_map(
            savings,
            title=label("impact.savings_by_municipality", lang),
            colour_label=f"{label('saving', lang)}: {label('objective_visits', lang)}",
            lang=lang,
        )
        pictures.append(_inline(figure_svg(chart), "places"))
    figures = "".join(f"<figure>{picture}</figure>" for picture in pictures)
    items = "".join(f"<li>{escape(note)}</li>" for note in notes)
    return (
        f"<!DOCTYPE html>\n<html lang='{lang}'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(title)}</h1><p>{escape(inputs)}</p>"
        f"<h2>{escape(label('impact.table', lang))}</h2>{_table(rows, lang)}"
        f"<ul class='notes'>{items}</ul>"
        f"<h2>{escape(label('impact.pictures', lang))}</h2>{figures}</body></html>\n"
    )


def _table(rows: Sequence[ScenarioImpact], lang: Language) -> str:
    today, with_ = escape(label("impact.today", lang)), escape(label("impact.with", lang))
    heads = "".join(
        f"<th colspan='2'>{escape(label(_FIGURE_WORDS[figure], lang))}</th>" for figure in FIGURES
    )
    ends = [
        label("saving", lang) + ": " + label("objective_visits", lang),
        label("impact.hours_saved", lang),
        label("cost_eur", lang),
        label("impact.cost_per_visit_saved", lang),
    ]
    first = (
        f"<tr><th rowspan='2'>{escape(label('scenario', lang))}</th>"
        f"<th rowspan='2'>{escape(label('cases_per_year', lang))}</th>{heads}"
        + "".join(f"<th rowspan='2'>{escape(end)}</th>" for end in ends)
        + "</tr>"
    )
    second = "<tr>" + f"<th>{today}</th><th>{with_}</th>" * len(FIGURES) + "</tr>"
    body = "".join(_row(row, lang) for row in rows)
    return f"<table><thead>{first}{second}</thead><tbody>{body}</tbody></table>"


def _row(row: ScenarioImpact, lang: Language) -> str:
    cells = [number(row.today.cases, lang)]
    for figure in FIGURES:
        cells += [
            number(getattr(row.today, figure), lang),
            number(getattr(row.after, figure), lang),
        ]
    per = row.cost_per_visit_saved
    ends = [
        number(row.saving, lang),
        number(row.hours_saved, lang),
        "" if row.cost is None else number(row.cost, lang),
        "" if per is None else number(per, lang),
    ]
    tds = "".join(f"<td>{escape(cell)}</td>" for cell in cells)
    tds += "".join(
        f"<td class='saving'>{escape(cell)}</td>" if i < 2 else f"<td>{escape(cell)}</td>"
        for i, cell in enumerate(ends)
    )
    css = " class='together'" if row.together else ""
    hover = escape(row.scenario)
    return f"<tr{css}><th title='{hover}'>{escape(_name(row, lang))}</th>{tds}</tr>"


def _name(row: ScenarioImpact, lang: Language) -> str:
    return label("charts.all_together", lang) if row.together else row.name or row.scenario


def _inline(svg: str, prefix: str) -> str:
    """An SVG document as an element of the page: without its XML declaration and
    doctype, its ids prefixed so that two pictures on one page never share one."""
    element = _SVG_START.sub("", svg, count=1)
    return _SVG_IDS.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", element).strip()


def _place_names(impact: YearlyImpact, places: list[str]) -> list[str]:
    """The municipalities' names, from the region of the life events that has them all."""
    regions = [
        impact.regions[life_event.region]
        for life_event in impact.life_events.values()
        if life_event.region and life_event.region in impact.regions
    ]
    region = next((r for r in regions if set(places) <= set(r.municipalities)), None)
    return municipality_names(places, region)
