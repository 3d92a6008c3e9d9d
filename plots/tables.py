"""Tables: the numbers behind a figure (every chart gets one, for screen readers and to copy), and a
page's own tables drawn as static HTML."""

import html
import re

import numpy as np
import pandas as pd

from .style import MUTED_TEXT


def figure_table(fig, names: dict) -> pd.DataFrame:
    """One long table of every trace's points. `names` gives the translated column headers for
    the keys "series", "x", "y" and "value" (heatmaps); a chart with one x axis and one y axis names
    those columns after the axes' titles instead. A heatmap that writes numbers in its cells gives
    those numbers: what the learner reads there (a confusion matrix's counts, coloured by shares)."""
    names = {**names, **_axis_titles(fig)}
    frames = []
    for k, trace in enumerate(fig.data):
        series = getattr(trace, "name", None) or f"{k + 1}"
        z = getattr(trace, "z", None)
        if z is not None:
            text = getattr(trace, "text", None)
            z = np.asarray(text if text is not None and np.shape(text) == np.shape(z) else z, dtype=object)
            x = trace.x if trace.x is not None else np.arange(z.shape[1])
            y = trace.y if trace.y is not None else np.arange(z.shape[0])
            yy, xx = np.meshgrid(np.asarray(y, dtype=object), np.asarray(x, dtype=object), indexing="ij")
            frames.append(
                pd.DataFrame({names["series"]: series, names["x"]: xx.ravel(), names["y"]: yy.ravel(), names["value"]: z.ravel()})
            )
            continue
        x, y = getattr(trace, "x", None), getattr(trace, "y", None)
        if y is None and x is None:
            continue
        y = np.asarray(y if y is not None else [], dtype=object)
        x = np.asarray(x if x is not None else np.arange(len(y)), dtype=object)
        n = min(len(x), len(y)) if len(y) else len(x)
        frames.append(pd.DataFrame({names["series"]: series, names["x"]: x[:n], names["y"]: y[:n] if len(y) else None}))
    if not frames:
        return pd.DataFrame()
    return pd.concat(frames, ignore_index=True)


def readable(frame: pd.DataFrame, missing: dict | None = None, infinite: dict | None = None):
    """`frame` as the learner reads it, its values kept for sorting: each number to 4 significant
    digits in the form it needs (0.1124, 3.91e-72; a whole number whole), where Streamlit's own
    format wrote 3.9e-72 as a row of zeros cut off by the column; an empty cell as "—", or as
    `missing[column]` says (a value too small for a float64); +inf as `infinite[column]` says (a value
    too large for one), never "inf"."""
    styler = frame.style
    for column in frame.columns:
        above = (infinite or {}).get(column)
        text = number_text if above is None else lambda v, above=above: above if v == np.inf else number_text(v)
        styler = styler.format(text, subset=[column], na_rep=(missing or {}).get(column, "—"))
    return styler


def number_text(v) -> str:
    if isinstance(v, (bool, np.bool_)) or not isinstance(v, (int, float, np.integer, np.floating)):
        return str(v)
    if float(v).is_integer() and abs(v) < 1e12:
        return str(int(v))
    return f"{v:.4g}"


def _axis_titles(fig) -> dict:
    """{"x": title, "y": title} of a chart whose traces all sit on one pair of axes, for those that
    have a title; nothing for a chart of several panels."""
    if any(
        getattr(trace, "xaxis", None) not in (None, "x") or getattr(trace, "yaxis", None) not in (None, "y") for trace in fig.data
    ):
        return {}
    titles = {key: getattr(fig.layout[f"{key}axis"].title, "text", None) for key in ("x", "y")}
    return {key: title for key, title in titles.items() if title}


_NUMBER_CELL = ";white-space:nowrap"
# A text wraps at its spaces only (Chinese between characters, as Chinese does): with
# overflow-wrap:anywhere on the cell, a phone's narrow columns split words ("nega" over "tive",
# "disappoi" over "nting"). A column keeps room for a few words, and a table wider than the screen
# scrolls sideways in its box. Only a run of more characters than any word (300 a's in a row had
# pushed the table sideways and squeezed its other columns) may break anywhere.
_TEXT_CELL = ";min-width:7em"
_LONG_RUN = re.compile(r"\S{21,}")


def _breakable(escaped: str) -> str:
    """An escaped text with each run of over 20 characters without a space in a span that may break anywhere."""
    return _LONG_RUN.sub(lambda m: f'<span style="overflow-wrap:anywhere">{m.group()}</span>', escaped)


# printed whole (ui.STYLE): paper does not scroll; a table kept to one line per cell wraps there instead
_PRINTED = {True: "lab-table", False: "lab-table lab-table-one-line"}


def html_table(
    frame: pd.DataFrame, label: str, max_height: str | None = None, wrap: bool = True, number_format: str | None = None
) -> str:
    """`frame` as a static table for st.html: every cell escaped and shown whole (wrapping where it
    must; a data grid cut long texts short), numbers on the right. It costs the browser a fraction of
    a data grid (/text-pipeline's four grids were about a tenth of a second of its first view). The
    table sits in a box that scrolls beyond `max_height`, and sideways when wider than the page; the
    box is named `label` and takes keyboard focus, so it scrolls without a mouse. `wrap=False` keeps
    each cell on one line (a row of tokens reads across; the box scrolls sideways instead).
    `number_format` (e.g. ".4g") writes every float that way, and a missing one as "—"; a function of a
    column's values (plots.style.alike) writes each column's floats with it."""
    esc = html.escape
    cell = "padding:0.25rem 0.5rem;border:1px solid #e6e6e9;vertical-align:top" + ("" if wrap else ";white-space:nowrap")
    align = ["right" if pd.api.types.is_numeric_dtype(dtype) else "left" for dtype in frame.dtypes]
    head = "".join(
        # keep-all: a Chinese heading breaks at its spaces ("RMSE · 训练"), not between the two characters of a
        # word; and not before a "·", which a narrow column left alone on a line ("RMSE", "·", "验证")
        f'<th scope="col" style="{cell};text-align:{a};font-weight:normal;color:{MUTED_TEXT};word-break:keep-all;'
        f'position:sticky;top:0;background:#ffffff">{esc(str(name)).replace(" · ", "&nbsp;· ")}</th>'
        for name, a in zip(frame.columns, align, strict=True)
    )

    def text(v) -> str:
        if number_format is None or not isinstance(v, float):
            return str(v)
        return "—" if np.isnan(v) else format(v, number_format)

    if callable(number_format):  # a column at a time: its numbers are read against one another
        frame = pd.DataFrame({name: number_format(col.tolist()) if col.dtype.kind == "f" else col for name, col in frame.items()})
    rows = []
    for row in frame.itertuples(index=False):
        # a number is never broken ("5.657e-" over "15"): only texts wrap
        cells = "".join(
            f'<td style="{cell};text-align:{a}{_NUMBER_CELL if a == "right" else _TEXT_CELL if wrap else ""}">'
            f"{_breakable(esc(text(v))) if wrap and a == 'left' else esc(text(v))}</td>"
            for v, a in zip(row, align, strict=True)
        )
        rows.append(f"<tr>{cells}</tr>")
    box = "overflow:auto" + (f";max-height:{max_height}" if max_height else "")
    return (
        f'<div role="region" aria-label="{esc(label)}" tabindex="0" class="{_PRINTED[wrap]}" style="{box}">'
        f'<table style="border-collapse:collapse;width:100%;font-size:0.875rem"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
