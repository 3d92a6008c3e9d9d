"""Confusion-matrix and metric charts. Pure: data and translated labels in, Plotly figure (or HTML) out."""

from __future__ import annotations

import html

import numpy as np
import plotly.graph_objects as go
from plotly.colors import sample_colorscale, unlabel_rgb

from lstm_core.metrics import rounded, row_fractions

from .style import COLORS, COUNT_COLORS, MUTED_TEXT, colon, figure, hex_colour, styled, text_on


def cell_texts(matrix, normalised: bool = False) -> list[list[str]]:
    """The number written in each cell of a (C, C) confusion matrix: a count, or a row fraction to two
    decimals (more where two would round a fraction that is not 0 or 1 to one). A class with no items
    has no fractions (0/0): its row shows "—", as 0.00 would claim that none of its items went anywhere."""
    matrix = np.asarray(matrix, dtype=np.float64)  # (C, C)
    if not normalised:
        return [[f"{int(v):,d}" for v in row] for row in matrix]
    return [[rounded(v, 2) if row.sum() else "—" for v in row] for row in matrix]


def confusion_matrix_figure(
    matrix,
    class_names: list[str],
    title: str,
    true_label: str,
    predicted_label: str,
    normalised: bool = False,
    height: int | None = None,
) -> go.Figure:
    """Heat map of a (C, C) confusion matrix, rows = true class, columns = predicted class, with the
    number written in every cell (counts, or row fractions when `normalised`)."""
    matrix = np.asarray(matrix, dtype=np.float64)  # (C, C)
    text = cell_texts(matrix, normalised)
    # colour by row fraction in both views, so a large class does not wash out a small one
    colour = row_fractions(matrix)
    heatmap = dict(
        type="heatmap",
        z=colour,
        x=class_names,
        y=class_names,
        text=text,
        texttemplate="%{text}",
        textfont=dict(size=16 if len(class_names) <= 4 else 11),
        colorscale=COUNT_COLORS,
        zmin=0,
        zmax=1,
        showscale=False,
        hovertemplate=f"{true_label}{colon(true_label)}%{{y}}<br>{predicted_label}{colon(predicted_label)}%{{x}}<br>%{{text}}<extra></extra>",
    )
    layout = dict(
        xaxis=dict(title=dict(text=predicted_label), side="bottom", type="category"),
        yaxis=dict(title=dict(text=true_label), autorange="reversed", type="category"),
    )
    # built from dicts (style.figure): each change of a count on /metrics redraws two of them
    return figure([heatmap], layout, title, height or (320 if len(class_names) <= 4 else 480))


def confusion_table_html(
    matrix,
    class_names: list[str],
    title: str,
    true_label: str,
    predicted_label: str,
    cell_names=None,
    normalised: bool = False,
) -> str:
    """A (C, C) confusion matrix as a table, rows = true class, columns = predicted class, each cell
    coloured as confusion_matrix_figure colours its heat map and named by `cell_names` (C, C) when
    given ("TP", "recall"). A table, not a chart, where the matrix is what is taught: the cells carry
    their names, a screen reader reads it as it is, and the page draws it without loading plotly.js.
    Every text is escaped."""
    matrix = np.asarray(matrix, dtype=np.float64)  # (C, C)
    colour = row_fractions(matrix)
    text = cell_texts(matrix, normalised)
    esc = html.escape
    axis = f"font-weight:normal;color:{MUTED_TEXT};font-size:0.9rem;padding:0.25rem"
    header = "font-weight:normal;padding:0.25rem 0.4rem"
    rows = []
    for i, name in enumerate(class_names):
        cells = []
        for j in range(len(class_names)):
            rgb = unlabel_rgb(sample_colorscale(COUNT_COLORS, [colour[i, j]])[0])
            background = hex_colour(rgb)
            label = "" if cell_names is None else f'<div style="font-size:0.85rem">{esc(cell_names[i][j])}</div>'
            cells.append(
                f'<td style="background:{background};color:{text_on(background)};border:2px solid #ffffff;'
                f'padding:0.5rem;min-width:4.5rem;text-align:center">'
                f'{label}<div style="font-size:1.5rem;font-variant-numeric:tabular-nums">{text[i][j]}</div></td>'
            )
        side = (
            f'<th scope="rowgroup" rowspan="{len(class_names)}" style="{axis};writing-mode:sideways-lr">{esc(true_label)}</th>'
            if i == 0
            else ""
        )
        rows.append(f'<tr>{side}<th scope="row" style="{header};text-align:right">{esc(name)}</th>{"".join(cells)}</tr>')
    columns = "".join(f'<th scope="col" style="{header}">{esc(name)}</th>' for name in class_names)
    # the title above the table, not its <caption>: a caption wraps at the table's narrow width
    return (
        f'<div style="font-size:1.1rem;margin-bottom:0.75rem">{esc(title)}</div>'
        f'<table aria-label="{esc(title)}" style="border-collapse:collapse;margin:0 0 0.5rem 0">'
        f'<thead><tr><td colspan="2"></td><th scope="colgroup" colspan="{len(class_names)}" style="{axis}">'
        f'{esc(predicted_label)}</th></tr><tr><td colspan="2"></td>{columns}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


BARGAP = 0.1  # between the pairs (plotly.js: 0.2); the bars take the rest, each number centred on its bar


def metric_bars_figure(rows: list[tuple[str, float | None, float | None]], title: str, first: str, second: str) -> go.Figure:
    """Side-by-side bars of metrics for two classifiers: rows of (metric name, first, second). None is a
    metric that is 0/0 (always answering negative has no precision): no bar, labelled "—", as the
    normalised confusion matrix writes a 0/0 share; 0.000 would claim that none of its flags was right."""
    names = [r[0] for r in rows]

    def bars(name: str, values: list, color: str) -> go.Bar:
        shown = ["—" if v is None else f"{v:.3f}" for v in values]
        return go.Bar(
            name=name,
            x=names,
            y=[0 if v is None else v for v in values],
            marker_color=color,
            text=shown,
            # Each number stands upright above its bar: plotly.js shrinks a bar's text to the bar's width
            # (its level width, whatever its angle: hence "inside"), and on a phone (5 pairs in 270 px,
            # 22 px a bar) a level "0.990" was 9 px high and touched its neighbour's "0.948". Upright,
            # it needs the width of one line of text. A "—" would stand as a "|": an annotation writes it.
            texttemplate=["" if v is None else "%{text}" for v in values],
            textangle=-90,
            textposition="outside",
            constraintext="inside",
            hovertemplate="%{x}" + colon(names[0]) + "%{text}",
        )

    traces = [bars(first, [r[1] for r in rows], COLORS["baseline"]), bars(second, [r[2] for r in rows], COLORS["lstm"])]
    fig = go.Figure(traces)
    # each category is one unit wide: the bargap then the pair, the first bar left of the middle
    for i, row in enumerate(rows):
        for trace, value in enumerate(row[1:]):
            if value is None:
                x = i + (trace - 0.5) * (1 - BARGAP) / 2
                fig.add_annotation(x=x, y=0, text="—", showarrow=False, yanchor="bottom", xref="x", yref="y")
    # room above 1 for an upright "1.000"; ticks where a metric can be
    fig.update_yaxes(range=[0, 1.3], tickvals=[0, 0.2, 0.4, 0.6, 0.8, 1])
    styled(fig, title, 360)
    fig.update_layout(barmode="group", bargap=BARGAP)  # styled() left room above the plot for the title and the legend
    return fig
