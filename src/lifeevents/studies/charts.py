"""Pictures of studies: figures per municipality as a heat map, savings per scenario as bars.

Plain functions that return a :class:`matplotlib.figure.Figure`, which Jupyter
shows as it is; :func:`~lifeevents.studies.chart_style.figure_svg` and
:func:`~lifeevents.studies.chart_style.save_figure` write it as SVG or PNG. The
figures are drawn for a projector (large type, values written in the cells and
at the bars) in one fixed style (:mod:`lifeevents.studies.chart_style`), so the
same figure gives the same bytes in every process. SVG keeps its text as text
(it can be searched and read aloud). The words come from the catalogue
(:mod:`lifeevents.text.labels`): German unless ``lang="en"``.

matplotlib is imported when a function runs (``pip install 'lifeevents[studies]'``);
without it they raise :class:`~lifeevents.errors.MissingExtraError`.

>>> import pandas as pd
>>> table = pd.DataFrame({"geburt": [3.0, 4.0], "umzug": [2.0, 1.0]}, index=["Rheine", "Greven"])
>>> figure = heat_map(table, title="Besuche")
>>> [text.get_text() for text in figure.axes[0].texts]
['3', '2', '4', '1']
>>> figure_svg(figure) == figure_svg(heat_map(table, title="Besuche"))
True
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from lifeevents.model.region import Region
from lifeevents.studies.chart_style import (
    PICTURE_SUFFIXES,
    figure_svg,
    matplotlib_module,
    number,
    save_figure,
    style,
)
from lifeevents.text.labels import Language, figure_label, label
from lifeevents.views.style import OKABE_ITO, TEXT_COLOR

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from lifeevents.studies.impact_table import ScenarioImpact

# figure_svg, save_figure, number and PICTURE_SUFFIXES live in chart_style (how every
# picture looks and is written); they are named here too, beside the pictures.
__all__ = [
    "PICTURE_SUFFIXES",
    "figure_svg",
    "heat_map",
    "municipality_heat_map",
    "municipality_names",
    "number",
    "save_figure",
    "savings_bars",
]

_BAR = OKABE_ITO["blue"]
_TOGETHER = OKABE_ITO["vermillion"]
_COLOURS = "Blues"
_EMPTY = "#EEEEEE"


def heat_map(
    table: pd.DataFrame,
    *,
    title: str = "",
    colour_label: str = "",
    per_column: bool = False,
    lang: Language = "de",
) -> Figure:
    """A heat map of a table: its rows down, its columns across, every value in its cell.

    Parameters
    ----------
    table : pandas.DataFrame
        Numbers; the index names the rows, the columns the columns. An empty
        value (NaN) is a grey cell with ``–``.
    title : str
        The title above.
    colour_label : str
        What the colours show, beside the colour bar.
    per_column : bool
        Colour each column on its own scale (columns of different units); no
        colour bar then.
    lang : {"de", "en"}
        The language of the numbers (and of the note on the scales).

    Returns
    -------
    matplotlib.figure.Figure
        One axes with one mesh of ``len(table)`` × ``len(table.columns)`` cells
        (``figure.axes[0].collections[0]``), each value written in its cell.

    Raises
    ------
    ValueError
        For an empty table or values that are not numbers.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"Besuche": [3.0, 1.0], "Stunden": [40.0, 10.0]},
    ...                      index=["Rheine", "Saerbeck"])
    >>> figure = heat_map(table, per_column=True)
    >>> axes = figure.axes[0]
    >>> axes.collections[0].get_array().shape, [t.get_text() for t in axes.get_yticklabels()]
    ((2, 2), ['Rheine', 'Saerbeck'])
    """
    import numpy as np

    values = _numbers(table)
    rows, columns = values.shape
    with style():
        from matplotlib.colors import Normalize
        from matplotlib.figure import Figure

        longest = max((len(str(name)) for name in table.index), default=1)
        heads = [textwrap.fill(str(name), 16, break_long_words=False) for name in table.columns]
        lines = max(head.count("\n") + 1 for head in heads)
        width = min(4.0 + 0.12 * longest + 1.8 * columns, 40.0)
        height = 2.0 + 0.3 * lines + 0.5 * rows
        figure = Figure(figsize=(width, height), layout="constrained")
        axes = figure.add_subplot()
        shown = _scaled(values, per_column)
        colours = matplotlib_module().colormaps[_COLOURS].with_extremes(bad=_EMPTY)
        cells = axes.pcolormesh(
            [c - 0.5 for c in range(columns + 1)],
            [r - 0.5 for r in range(rows + 1)],
            np.ma.masked_invalid(shown),
            cmap=colours,
            norm=Normalize(0.0, 1.0),
            edgecolors="white",
            linewidth=2,
        )
        axes.set_xlim(-0.5, columns - 0.5)
        axes.set_ylim(rows - 0.5, -0.5)
        for row in range(rows):
            for column in range(columns):
                value = float(values[row, column])
                dark = not math.isnan(shown[row, column]) and shown[row, column] > 0.6
                axes.text(
                    column,
                    row,
                    number(value, lang),
                    ha="center",
                    va="center",
                    color="white" if dark else TEXT_COLOR,
                )
        axes.set_xticks(range(columns), heads)
        axes.set_yticks(range(rows), [str(name) for name in table.index])
        axes.xaxis.tick_top()
        axes.tick_params(length=0)
        for side in axes.spines.values():
            side.set_visible(False)
        if title:
            axes.set_title(title, loc="left")
        if per_column:
            axes.set_xlabel(label("charts.scale_per_column", lang))
        else:
            _colour_bar(figure, axes, cells, values, colour_label, lang)
    return figure


def municipality_heat_map(
    frame: pd.DataFrame,
    figure: str | Sequence[str] = "visits.as_modelled",
    *,
    scenarios: str = "",
    region: Region | None = None,
    lang: Language = "de",
) -> Figure:
    """Figures of a sweep per municipality, as a heat map.

    With one ``figure``: municipalities down, life events across. With several:
    municipalities down, the figures across (each on its own colour scale, over
    every life event). A cell is the mean over the rows it covers (personas,
    origins, places of the event), each counted once: a per-journey average, not
    weighted by cases (the yearly impact weighs by cases).

    Parameters
    ----------
    frame : pandas.DataFrame
        A sweep (:func:`~lifeevents.studies.sweeps.sweep`), or any frame with the
        columns ``municipality``, ``life_event``, ``scenarios`` and the figures.
    figure : str or sequence of str
        Columns of ``frame``: figures of ``Report.to_record()``.
    scenarios : str
        Which variant: the ``scenarios`` column's value; ``""`` (default) is today.
    region : Region, optional
        Names the municipalities (default: the built-in region that has them all;
        else the ids are shown).
    lang : {"de", "en"}
        The language of the words.

    Returns
    -------
    matplotlib.figure.Figure
        The heat map (:func:`heat_map`).

    Raises
    ------
    ValueError
        For a column that is missing or not a number, or a variant without rows.

    Examples
    --------
    >>> import lifeevents
    >>> frame = lifeevents.sweep(["geburt", "todesfall"], municipalities=["rheine", "saerbeck"])
    >>> axes = municipality_heat_map(frame, "visits.as_modelled", lang="en").axes[0]
    >>> [t.get_text() for t in axes.get_yticklabels()], axes.collections[0].get_array().shape
    (['Rheine', 'Saerbeck'], (2, 2))
    >>> municipality_heat_map(frame, "visits")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: the frame has no column 'visits'; figures: steps, authorities, ...
    """
    figures = [figure] if isinstance(figure, str) else list(figure)
    if not figures:
        raise ValueError("name at least one figure")
    for name in [*figures, "municipality", "life_event", "scenarios"]:
        if name not in frame.columns:
            known = ", ".join(_figure_columns(frame))
            raise ValueError(f"the frame has no column '{name}'; figures: {known}")
    rows = frame[frame["scenarios"] == scenarios]
    if rows.empty:
        variants = ", ".join(repr(v) for v in dict.fromkeys(frame["scenarios"]))
        raise ValueError(f"no rows with scenarios == {scenarios!r}; variants: {variants}")
    places = list(dict.fromkeys(rows["municipality"]))
    if len(figures) == 1:
        table = rows.pivot_table(
            index="municipality", columns="life_event", values=figures[0], aggfunc="mean"
        )
        table = table.reindex(index=places, columns=list(dict.fromkeys(rows["life_event"])))
    else:
        table = rows.groupby("municipality", sort=False)[figures].mean().reindex(places)
        table.columns = [figure_label(name, lang) for name in figures]
    table.index = municipality_names(places, region)
    variant = scenarios or label("today", lang)
    if len(figures) == 1:
        title = f"{figure_label(figures[0], lang)} ({variant})"
        return heat_map(table, title=title, colour_label=figure_label(figures[0], lang), lang=lang)
    return heat_map(
        table,
        title=f"{label('charts.per_municipality', lang)} ({variant})",
        per_column=True,
        lang=lang,
    )


def savings_bars(
    rows: Sequence[ScenarioImpact],
    *,
    measure: Literal["visits", "hours"] = "visits",
    lang: Language = "de",
) -> Figure:
    """The yearly saving of each scenario (and of all together) as horizontal bars.

    Each bar ends in its saving; where the scenario gives a cost, its name is
    followed by the cost per visit (or citizen hour) saved. The bar of all
    together is coloured apart.

    Parameters
    ----------
    rows : sequence of ScenarioImpact
        The rows of :func:`~lifeevents.studies.impact_table.impact_table`, drawn top down.
    measure : {"visits", "hours"}
        What saving to draw.
    lang : {"de", "en"}
        The language of the words.

    Returns
    -------
    matplotlib.figure.Figure
        One axes with one bar per row.

    Raises
    ------
    ValueError
        Without rows, or for another ``measure``.

    Examples
    --------
    >>> from lifeevents.studies.impact import YearlyTotals
    >>> from lifeevents.studies.impact_table import ScenarioImpact
    >>> today = YearlyTotals(visits=100)
    >>> rows = [ScenarioImpact("a", "Online", ("a",), today, YearlyTotals(visits=80), 1000.0),
    ...         ScenarioImpact("b", "Direkt", ("b",), today, YearlyTotals(visits=90), None),
    ...         ScenarioImpact("a+b", "", ("a", "b"), today, YearlyTotals(visits=75), None)]
    >>> axes = savings_bars(rows, lang="en").axes[0]
    >>> [float(bar.get_width()) for bar in axes.patches]
    [20.0, 10.0, 25.0]
    >>> [t.get_text() for t in axes.get_yticklabels()]
    ['Online\\n50 EUR per visit saved', 'Direkt', 'All together']
    >>> [t.get_text() for t in axes.texts]
    ['20', '10', '25']
    """
    if not rows:
        raise ValueError("no scenarios to draw")
    if measure not in ("visits", "hours"):
        raise ValueError(f"measure is 'visits' or 'hours', not {measure!r}")
    savings = [row.saving if measure == "visits" else row.hours_saved for row in rows]
    names = []
    for row, saving in zip(rows, savings, strict=True):
        name = label("charts.all_together", lang) if row.together else row.name or row.scenario
        if row.cost is not None and saving > 0:
            per = row.cost / (row.years * saving)
            name += f"\n{number(per, lang)} {label(f'charts.eur_per_{measure}_saved', lang)}"
        names.append(name)
    with style():
        from matplotlib.figure import Figure

        longest = max(len(line) for name in names for line in name.split("\n"))
        width = min(9.0 + 0.11 * longest, 24.0)
        figure = Figure(figsize=(width, 2.0 + 0.8 * len(rows)), layout="constrained")
        axes = figure.add_subplot()
        places = list(range(len(rows)))
        colours = [_TOGETHER if row.together else _BAR for row in rows]
        axes.barh(places, savings, color=colours, height=0.6)
        axes.set_yticks(places, names)
        axes.invert_yaxis()
        axes.axvline(0, color=TEXT_COLOR, linewidth=1)
        reach = max((abs(s) for s in savings), default=0.0) or 1.0
        for place, saving in enumerate(savings):
            axes.text(
                saving + 0.02 * reach * (1 if saving >= 0 else -1),
                place,
                number(saving, lang),
                va="center",
                ha="left" if saving >= 0 else "right",
            )
        low, high = min(0.0, *savings), max(0.0, *savings)
        axes.set_xlim(low - (0.25 * reach if low < 0 else 0.0), high + 0.2 * reach)
        if not any(savings):
            axes.set_xticks([0.0], [number(0.0, lang)])  # nothing saved: no scale to read
        axes.set_xlabel(f"{label('saving', lang)}: {label(f'objective_{measure}', lang)}")
        axes.set_title(label("charts.savings_per_scenario", lang), loc="left")
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
    return figure


def _numbers(table: pd.DataFrame) -> Any:
    """The values of ``table`` as a 2-D float array."""
    if table.empty or not len(table.columns):
        raise ValueError("nothing to draw: the table is empty")
    try:
        return table.to_numpy(dtype="float64", na_value=math.nan)
    except (TypeError, ValueError):
        raise ValueError("a heat map shows numbers; the table holds other values") from None


def _scaled(values: Any, per_column: bool) -> Any:
    """Values scaled to 0..1 for the colours: over the table, or per column."""
    import numpy as np

    def scale(part: Any) -> Any:
        finite = part[~np.isnan(part)]
        if finite.size == 0:
            return part
        low, high = float(finite.min()), float(finite.max())
        if high == low:
            return np.where(np.isnan(part), np.nan, 0.5 if high else 0.0)
        return (part - low) / (high - low)

    if per_column:
        return np.column_stack([scale(values[:, i]) for i in range(values.shape[1])])
    return scale(values)


def _colour_bar(
    figure: Figure, axes: Any, image: Any, values: Any, title: str, lang: Language
) -> None:
    """A colour bar with the table's own values at its ends."""
    import numpy as np

    finite = values[~np.isnan(values)]
    if finite.size == 0:
        return
    bar = figure.colorbar(image, ax=axes)
    low, high = float(finite.min()), float(finite.max())
    bar.set_ticks(
        [0.0, 1.0] if high != low else [0.5 if high else 0.0],
        labels=[number(low, lang), number(high, lang)] if high != low else [number(high, lang)],
    )
    if title:
        bar.set_label(title)


def _figure_columns(frame: pd.DataFrame) -> list[str]:
    keys = {
        "life_event",
        "scenarios",
        "applied",
        "municipality",
        "persona",
        "origin",
        "event_place",
    }
    return [str(name) for name in frame.columns if name not in keys]


def municipality_names(places: Sequence[str], region: Region | None = None) -> list[str]:
    """The names of the municipalities ``places``, for labels.

    Parameters
    ----------
    places : sequence of str
        Municipality ids.
    region : Region, optional
        The region that names them (default: the built-in region that has them all).

    Returns
    -------
    list of str
        The names; the ids themselves where no region names them all.

    Examples
    --------
    >>> municipality_names(["rheine", "hoerstel"]), municipality_names(["musterstadt"])
    (['Rheine', 'Hörstel'], ['musterstadt'])
    """
    if region is None or not set(places) <= set(region.municipalities):
        from lifeevents.formats.region_file import builtin_regions

        region = next(
            (r for r in builtin_regions().values() if set(places) <= set(r.municipalities)),
            None,
        )
    if region is None:
        return [str(place) for place in places]
    return [region.municipalities[place].name for place in places]
