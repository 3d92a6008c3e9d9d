"""One look for every chart: colour-blind-safe colours (Okabe & Ito), one colour per gate across the
whole app, and a font stack that renders Chinese labels."""

import math
import re

import plotly.graph_objects as go
import plotly.io as pio
from plotly.colors import get_colorscale

# Okabe-Ito palette: distinguishable with every common colour-vision deficiency.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000"]

COLORS = {
    "i": "#0072B2",  # input gate: blue
    "f": "#E69F00",  # forget gate: orange
    "g": "#009E73",  # candidate: green
    "o": "#CC79A7",  # output gate: purple
    "c": "#D55E00",  # cell state: vermillion
    "h": "#56B4E9",  # hidden state: sky blue
    "r": "#000000",  # GRU reset gate: its own colour (no LSTM gate does its job)
    "z": "#E69F00",  # GRU update gate: the forget gate's colour, as h_t = (1 - z) n + z h_{t-1} keeps h where z = 1
    "n": "#009E73",  # GRU candidate
    "a": "#7F7F7F",  # RNN pre-activation
    "rnn": "#D55E00",
    "lstm": "#0072B2",
    "gru": "#009E73",
    "peephole": "#CC79A7",
    "train": "#0072B2",
    "val": "#E69F00",
    "test": "#009E73",
    "baseline": "#7F7F7F",
}

# Colour is never the only cue: each quantity also has its own line style, so a learner who cannot
# tell two colours apart tells the lines apart (docs/accessibility.md has the colour-vision check).
DASHES = {
    "i": "solid",
    "f": "dash",
    "g": "dot",
    "o": "dashdot",
    "c": "solid",
    "h": "dash",
    "r": "dash",
    "z": "solid",
    "n": "dot",
    "a": "dashdot",
}
# the same, as SVG stroke-dasharray for the explorer's own line charts
SVG_DASHES = {"solid": "", "dash": "7 4", "dot": "2 3", "dashdot": "7 3 2 3"}

# Text in a quantity's colour (labels on the diagrams, equation symbols, heatmap titles): the palette
# darkened (same hue and saturation, lower lightness) until it reaches WCAG AA's 4.5:1 on white and
# on the diagrams' #f7f7f9. Lines and fills keep the brighter palette, which only needs 3:1 as graphics.
# Sky blue shares the input gate's hue: darkened only to 4.5:1 it read as i's blue (#1674A9 beside
# #0072B2), so h's text is a darker navy, apart from i's in lightness.
TEXT_COLORS = {
    "i": "#0072B2",
    "f": "#946700",
    "g": "#007F5D",
    "o": "#B84685",
    "c": "#B65000",
    "h": "#0F4D71",
    "r": "#000000",
    "z": "#946700",
    "n": "#007F5D",
    "a": "#666666",
}
TEXT = "#1f2430"  # chart text: 15.5:1 on white
MUTED_TEXT = "#555555"  # secondary chart text (axis notes): 7.5:1 on white


def hex_colour(rgb) -> str:
    """'#RRGGBB' for red, green and blue from 0 to 255 (rounded)."""
    return "#" + "".join(f"{round(c):02x}" for c in rgb)


def relative_luminance(colour: str) -> float:
    """WCAG 2.1's relative luminance of a '#RRGGBB' colour."""
    srgb = [int(colour[k : k + 2], 16) / 255 for k in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in srgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio, 1 to 21 (AA: 4.5 for text, 3 for large text and graphics)."""
    hi, lo = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def text_on(background: str) -> str:
    """Black or white, whichever reads better on `background`: one of them always reaches 4.58:1
    (a softer dark grey would not: on mid-luminance colours both it and white fall near 4:1)."""
    return "#000000" if contrast_ratio("#000000", background) >= contrast_ratio("#ffffff", background) else "#ffffff"


def signed(v: float, digits: int = 3) -> str:
    """+0.123 / −0.123 with a true minus sign; a value that rounds to zero is +0.000, never −0.000. Here,
    not with the tables: pages that open without pandas write signed numbers too (a forget-gate bias)."""
    text = f"{abs(v):.{digits}f}"
    return ("−" if v < 0 and float(text) != 0 else "+") + text


def alike(values, digits: int = 4) -> list[str]:
    """Numbers read against one another (a table column, the scores one sentence compares), written with
    the same decimals: as many as give each of them at least `digits` significant digits, then as few as
    drop only zeros from all ("38.97" beside "43.40", never "43.4"; "104" beside "622"). Thousands are
    grouped, a negative number takes a true minus sign, and a missing or infinite one is "—"."""
    finite = [abs(float(v)) for v in values if math.isfinite(float(v))]
    smallest = min((v for v in finite if v), default=1.0)
    decimals = min(max(0, digits - 1 - math.floor(math.log10(smallest))), 12)
    texts = {v: f"{v:,.{decimals}f}" for v in finite}
    while decimals and all(text.endswith("0") for text in texts.values()):
        decimals -= 1
        texts = {v: f"{v:,.{decimals}f}" for v in finite}

    def text(v) -> str:
        v = float(v)
        if not math.isfinite(v):
            return "—"
        return ("−" if v < 0 and float(texts[abs(v)].replace(",", "")) != 0 else "") + texts[abs(v)]

    return [text(v) for v in values]


# A diverging scale for signed values (c, h, g).
SIGNED_SCALE = "RdBu_r"
# Scales spelled out for figures built from dicts (figure()), as plotly.py's validation spells out a
# name: plotly.js has scales of its own under some of the same names ("Blues", "RdBu").
SIGNED_COLORS = get_colorscale(SIGNED_SCALE)
COUNT_COLORS = get_colorscale("Blues")
SIGNED = {"g", "c", "h", "a", "n"}

FONT = "Inter, 'Source Sans', 'Source Sans Pro', 'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"


# Built once and made the default: assigning a template to each figure copies and re-validates it
# (about 7 ms a figure, most of a page's rerun under a classroom's load); a default costs nothing.
TEMPLATE = go.layout.Template(pio.templates["plotly_white"])
TEMPLATE.layout.font = dict(family=FONT, size=13, color=TEXT)  # titles, ticks, legends inherit it
TEMPLATE.layout.colorway = OKABE_ITO
# plotly.js's default, "hide past div", measures every tick label once per tick label (O(n²) bounding
# boxes, each a forced layout): 80 of the 350 ms /gradient-flow's six charts took to draw in a
# Chromium profile. Our margins keep tick labels inside the chart, so there is nothing to hide.
TEMPLATE.layout.xaxis.ticklabeloverflow = "allow"
TEMPLATE.layout.yaxis.ticklabeloverflow = "allow"
# A line's hover label without a hovertemplate of its own: its value to 4 significant digits, as the
# chart's data table writes it (plots.tables.number_text), and its whole name. plotly.js's defaults
# wrote float noise ("0.8333333", "3.827668×10⁻¹⁴") and cut names at 15 characters, so a run's train
# and validation lines both hovered as "run 1: LSTM,...". (y only: an x axis may hold dates.)
TEMPLATE.layout.yaxis.hoverformat = ".4~g"
TEMPLATE.layout.hoverlabel.namelength = -1
pio.templates["lstm_lab"] = TEMPLATE
pio.templates.default = "lstm_lab"


def styled(fig: go.Figure, title: str | None = None, height: int | None = None) -> go.Figure:
    """Apply the app's look to a figure (returns it, for chaining). Call it once the axes have their
    titles and labels: the margins are made to fit them."""
    # only what _look reads: fig.to_dict() would deep-copy the template too, which costs more than the rest
    layout = {k: fig.layout[k].to_plotly_json() for k in fig.layout if k.startswith(("xaxis", "yaxis"))}
    layout.update(legend=fig.layout.legend.to_plotly_json(), showlegend=fig.layout.showlegend)
    layout["annotations"] = [a.to_plotly_json() for a in fig.layout.annotations]  # make_subplots's panel titles
    traces = [
        dict(type=t.type, y=t.y, showscale=getattr(t, "showscale", None), showlegend=t.showlegend, visible=t.visible)
        for t in fig.data
    ]
    return fig.update_layout(_look(layout, traces, title, height))


def figure(traces: list[dict], layout: dict, title: str | None = None, height: int | None = None) -> go.Figure:
    """A figure from plain dicts, in the app's look as styled() gives it; `layout`'s own keys win
    over the look's (within margin and legend, key by key). plotly.py's check of every property on
    the way in is skipped: with styled(), it was nine tenths of building /gradient-flow's figures,
    which a slider move there rebuilds (py-spy, under a class's load). tests/test_plots.py checks
    every figure built this way instead."""
    look = _look(layout, traces, title, height)
    for key, value in layout.items():
        look[key] = {**look[key], **value} if isinstance(look.get(key), dict) else value
    return go.Figure(data=traces, layout=look, _validate=False)


def _look(layout: dict, traces: list[dict], title: str | None, height: int | None) -> dict:
    """The layout keys of the app's look, for a figure with this layout and these traces (as dicts)."""
    look = dict(
        # the title sits at the very top and the legend just above the plot area, so they never overlap;
        # 4 px from the top (1% of a figure's height was 52 px of /text-pipeline's 200-row heat map: on its first row)
        title=dict(text=title, x=0, xanchor="left", y=1 - 4 / height if height else 0.99, yanchor="top") if title else None,
        margin=dict(t=_top_margin(layout, traces, title), **_label_margins(layout, traces)),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0),
    )
    if height:
        look["height"] = height
    return look


# The top margin holds what is above the plot and no more: the title's lines, then a legend above the
# plot or the top row's panel titles. Every titled chart had kept 90 px, room for a title and a legend:
# a heat map or a one-line chart, which has no legend, showed 60-70 px of nothing under its title.
# Pixels at the template's 13 px font (teacher mode's larger fonts scale the margin: ui/chart.js).
TITLE_LINE = 24  # a line of the figure's title: plotly.js writes it 1.4 times the font, 1.3 em a line
LEGEND_ROW = 36  # a row of legend entries, and its 2 % of the plot's height above the plot
PANEL_TITLE = 28  # a panel's title (plots.style.panels), sitting on its panel
TOP_GAP = 14  # between the title and the plot (the top tick label reaches 7 px above it)
LEAST_TOP = 40  # and no less: the toolbar's strip is above the chart, but a tick label needs its half line


def _top_margin(layout: dict, traces: list[dict], title: str | None) -> int:
    """Pixels above the plot area for the title's lines (a wrapped title's further lines ui/chart.js
    adds) and what sits on the plot's top edge: a legend there, or the top panels' titles."""
    above = LEGEND_ROW if _legend_above(layout, traces) else PANEL_TITLE if _panel_titles(layout) else 0
    if not title:
        return max(LEAST_TOP, above)
    title_px = 2 + TITLE_LINE * (1 + len(re.findall(r"<br\s*/?>", title, flags=re.I)))
    return max(LEAST_TOP, round(title_px + (6 + above if above else TOP_GAP)))


# trace types whose showlegend is false unless set (plotly.js's defaults): a heat map shows a colour bar
_NO_LEGEND = {"heatmap", "contour", "histogram2d", "histogram2dcontour"}


def _legend_above(layout: dict, traces: list[dict]) -> bool:
    """Whether plotly.js draws a legend, and above the plot (the look's place for it, unless moved)."""
    legend = layout.get("legend") or {}
    if legend.get("y", 1.02) < 1 or legend.get("visible") is False:
        return False
    if layout.get("showlegend") is not None:
        return bool(layout["showlegend"])
    # plotly.js: two entries or more, or one whose showlegend is set true
    shown = [t for t in traces if t.get("visible") is not False]
    own = [t.get("showlegend") for t in shown]  # None: unset
    entries = [s if s is not None else t.get("type", "scatter") not in _NO_LEGEND for t, s in zip(shown, own, strict=True)]
    return sum(entries) + (True in own) > 1


def _panel_titles(layout: dict) -> bool:
    """Whether a panel's title (an annotation sitting on a plot's top edge) is on the figure's top edge."""
    return any(
        a.get("yref", "paper") == "paper" and a.get("yanchor") == "bottom" and a.get("y") == 1.0 and not a.get("showarrow", True)
        for a in layout.get("annotations") or ()
    )


def colon(label: str) -> str:
    """The colon after a label in a hover box: full-width after a Chinese one ("真实类别：负面", "时间步 t 3：0.5"),
    as every sentence of the Chinese pages writes it; ": " after any other."""
    return "：" if any(ch >= "\u2e80" for ch in str(label)) else ": "


def _text_px(text: str, size: int = 13) -> float:
    """A label's rough width in pixels: CJK characters are square, Latin ones about half as wide."""
    return sum(size if ord(ch) >= 0x2E80 else 0.5 * size for ch in str(text))


def _label_margins(layout: dict, traces: list[dict]) -> dict:
    """Left, right and bottom margins that fit the axes' labels before plotly.js draws. Too small, and
    its automargin grows them after the first pass and draws the chart again: a third of a chart's
    drawing time, and most of it on a freshly opened page. A short guess costs only that second pass
    (automargin stays on); a long one, a few pixels of plot."""
    axes = {k: v for k, v in layout.items() if k.startswith(("xaxis", "yaxis"))}
    titled = {k: bool((v.get("title") or {}).get("text")) for k, v in axes.items()}
    left = 50
    for key, axis in axes.items():
        if not key.startswith("yaxis") or axis.get("side") == "right":
            continue
        if axis.get("type") == "category":  # its labels are known: the trace's y values
            labels = {y for trace in traces if trace.get("y") is not None for y in trace["y"]}
            left = max(left, max(map(_text_px, labels), default=0) + (41 if titled[key] else 11))
        elif titled[key]:  # numbers: "10⁻⁵" on a log axis in powers, a few digits otherwise
            left = max(left, 76 if axis.get("type") == "log" and axis.get("exponentformat") == "power" else 62)
    coloured = any(t.get("type") == "heatmap" and t.get("showscale") is not False for t in traces)  # its colour bar sits right
    bottom = 56 if any(titled[k] for k in axes if k.startswith("xaxis")) else 40
    return dict(l=round(left), r=104 if coloured else 20, b=bottom)


# --- figures from plain dicts: their panels and lines ------------------------------------------


def scatter(**props) -> dict:
    """A scatter trace (lines, markers or both) as a dict: go.Scatter's properties."""
    return dict(type="scatter", **props)


def _suffix(k: int) -> str:
    return "" if k == 1 else str(k)  # plotly names panel k's axes x, y, then x2, y2, ...


def panel(k: int) -> dict:
    """The axes of the k-th panel (from 1) of panels()'s layout, to put a trace or a line in it."""
    return dict(xaxis=f"x{_suffix(k)}", yaxis=f"y{_suffix(k)}")


def panels(titles: tuple, *, stacked: bool, spacing: float) -> dict:
    """make_subplots's layout for len(titles) panels, titled, as a dict: stacked (sharing the x
    axis, whose tick labels only the bottom panel shows) or side by side. Panel k's axes are
    layout["xaxis" + suffix] and layout["yaxis" + suffix], suffix "" for the first, "2" for the second."""
    n = len(titles)
    size = (1 - (n - 1) * spacing) / n
    layout = {"annotations": []}
    for k, title in enumerate(titles, start=1):
        start = 1 - size - (k - 1) * (size + spacing) if stacked else (k - 1) * (size + spacing)
        own = [round(start, 9), round(start + size, 9)]
        x = {"anchor": f"y{_suffix(k)}", "domain": [0.0, 1.0] if stacked else own}
        if stacked and k < n:
            x.update(matches=f"x{_suffix(n)}", showticklabels=False)
        layout[f"xaxis{_suffix(k)}"] = x
        layout[f"yaxis{_suffix(k)}"] = {"anchor": f"x{_suffix(k)}", "domain": own if stacked else [0.0, 1.0]}
        layout["annotations"].append(
            dict(text=title, font=dict(size=16), showarrow=False, xref="paper", yref="paper", xanchor="center",
                 yanchor="bottom", x=0.5 if stacked else sum(own) / 2, y=own[1] if stacked else 1.0)
        )  # fmt: skip
    return layout


def hline(
    layout: dict, y: float, line: dict, *, k: int = 1, text: str | None = None, below: bool = False, left: bool = False
) -> dict:
    """Add a horizontal line across panel k at y (fig.add_hline's shape), with `text` at its right
    end (or its left) above it (or below). Returns the layout. Call it once the panel's y axis has its type: on a log
    axis an annotation's y is the log of its value (a shape's is the value), and a label given 0.167
    stood at 10^0.167 ≈ 1.47, over another line."""
    axes = panel(k)
    log = layout.get(f"yaxis{_suffix(k)}", {}).get("type") == "log"
    layout.setdefault("shapes", []).append(
        dict(type="line", xref=f"{axes['xaxis']} domain", x0=0, x1=1, yref=axes["yaxis"], y0=y, y1=y, line=line)
    )
    if text is not None:
        layout.setdefault("annotations", []).append(
            dict(text=text, showarrow=False, xref=f"{axes['xaxis']} domain", x=0 if left else 1,
                 xanchor="left" if left else "right", yref=axes["yaxis"], y=math.log10(y) if log else y,
                 yanchor="top" if below else "bottom")
        )  # fmt: skip
    return layout
