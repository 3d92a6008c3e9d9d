"""The LSTM cell as an SVG picture: the cell-state highway on top, the four gates below, and (when
values are given) the live numbers of one unit at one time step drawn on it."""

from html import escape

from .style import COLORS, FONT, TEXT_COLORS

# Gate boxes: centre x, symbol.
GATES = {"f": (220, "σ"), "i": (330, "σ"), "g": (440, "tanh"), "o": (550, "σ")}
HIGHWAY_Y, BUS_Y, GATE_Y = 80, 300, 230


def _num(values, key):
    v = values.get(key) if values else None
    if v is None:
        return ""
    return v if isinstance(v, str) else f"{v:+.2f}" if key in ("g", "c", "h", "h_prev", "c_prev", "x") else f"{v:.2f}"


def cell_svg(
    values: dict | None = None,
    names: dict | None = None,
    title: str = "LSTM cell",
    live: bool = False,
    peephole: bool = False,
    forget: str = "gate",
) -> str:
    """SVG markup of the LSTM cell.

    values: one unit's numbers at one step, keys x, h_prev, c_prev, i, f, g, o, c, h (all optional).
    names: display names of the gates, e.g. {"f": "forget gate"} (translated by the caller).
    live: mark each number as <tspan data-v="key"> and each gate box with data-gate="key", so a
    script can update the values in place (the explorer steps through time in the browser).
    peephole: draw the peephole connections (Gers & Schmidhuber): c_{t-1} into i and f, c_t into o.
    forget: "gate" (the usual LSTM), "none" (the 1997 LSTM: c_{t-1} flows into the sum untouched; the
    text names["no_forget"] says so) or "coupled" (CIFG: i_t = 1 − f_t, drawn as a 1− node fed by f).
    """
    names = names or {}
    e = escape
    parts = [
        f'<svg viewBox="0 0 780 370" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{e(title)}" '
        f'style="max-width:780px;width:100%;font-family:{e(FONT)}">',
        f"<title>{e(title)}</title>",
        '<defs><marker id="arr" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker></defs>',
        '<rect x="100" y="40" width="580" height="290" rx="18" fill="#f7f7f9" stroke="#bbb"/>',
    ]

    def line(points, color="#444", width=2, arrow=True, dashed=False):
        d = " ".join(f"{'M' if k == 0 else 'L'}{x},{y}" for k, (x, y) in enumerate(points))
        end = ' marker-end="url(#arr)"' if arrow else ""
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        parts.append(f'<path d="{d}" fill="none" stroke="{color}" stroke-width="{width}"{dash}{end}/>')

    def op(x, y, symbol):
        parts.append(f'<circle cx="{x}" cy="{y}" r="14" fill="white" stroke="#444" stroke-width="2"/>')
        parts.append(f'<text x="{x}" y="{y + 6}" text-anchor="middle" font-size="18">{symbol}</text>')

    texts = []  # drawn after every line, so that no line crosses a word (each has a white halo)

    def label(x, y, text, size=14, color="#222", anchor="middle", weight="normal", slot=None):
        body = e(text + _num(values, slot)) if slot and not live else e(text)
        if slot and live:
            body += f'<tspan data-v="{slot}">{e(_num(values, slot))}</tspan>'
        texts.append(
            f'<text x="{x}" y="{y}" text-anchor="{anchor}" font-size="{size}" fill="{color}" font-weight="{weight}" '
            f'stroke="white" stroke-width="4" paint-order="stroke">{body}</text>'
        )

    # the cell-state highway: c_{t-1} --(x f)--(+ i*g)--> c_t
    if forget == "none":  # nothing scales the old cell state: it only ever adds
        line([(20, HIGHWAY_Y), (426, HIGHWAY_Y)], COLORS["c"], 4, arrow=False)
        if names.get("no_forget"):
            label(220, HIGHWAY_Y + 26, names["no_forget"], size=12, color=TEXT_COLORS["c"])
    else:
        line([(20, HIGHWAY_Y), (206, HIGHWAY_Y)], COLORS["c"], 4, arrow=False)
        line([(234, HIGHWAY_Y), (426, HIGHWAY_Y)], COLORS["c"], 4, arrow=False)
        op(220, HIGHWAY_Y, "×")
    line([(454, HIGHWAY_Y), (760, HIGHWAY_Y)], COLORS["c"], 4)
    op(440, HIGHWAY_Y, "+")
    label(24, HIGHWAY_Y - 12, "cₜ₋₁ ", anchor="start", color=TEXT_COLORS["c"], weight="bold", slot="c_prev")
    label(756, HIGHWAY_Y - 12, "cₜ ", anchor="end", color=TEXT_COLORS["c"], weight="bold", slot="c")

    # input bus: [h_{t-1}, x_t] feeds every gate
    line([(20, BUS_Y), (550, BUS_Y)], "#777", 2, arrow=False)
    line([(160, 360), (160, BUS_Y)], "#777", 2, arrow=False)
    label(24, BUS_Y + 22, "hₜ₋₁ ", anchor="start", color=TEXT_COLORS["h"], weight="bold", slot="h_prev")
    label(170, 356, "xₜ ", anchor="start", weight="bold", slot="x")

    gates = {k: v for k, v in GATES.items() if not (forget == "none" and k == "f") and not (forget == "coupled" and k == "i")}
    for gate, (x, symbol) in gates.items():
        value = values.get(gate) if values else None
        strength = 0.15 if not isinstance(value, float) else 0.15 + 0.85 * min(1.0, abs(value))
        line([(x, BUS_Y), (x, GATE_Y + 22)], "#777", 2)
        gate_slot = f' data-gate="{gate}"' if live else ""
        parts.append(
            f'<rect x="{x - 38}" y="{GATE_Y - 22}" width="76" height="44" rx="8" fill="{COLORS[gate]}" '
            f'fill-opacity="{strength:.2f}" stroke="{COLORS[gate]}" stroke-width="2"{gate_slot}/>'
        )
        label(x, GATE_Y + 6, symbol, size=16, weight="bold")
        label(
            x - 6, GATE_Y + 42, f"{gate}ₜ ", size=14, color=TEXT_COLORS[gate], anchor="end", weight="bold", slot=gate
        )  # beside the arrow
        if names.get(gate):
            label(x, GATE_Y - 30, names[gate], size=12, color="#555")

    if forget != "none":  # f_t scales the old cell state
        line([(220, GATE_Y - 22), (220, HIGHWAY_Y + 14)], COLORS["f"], 2)
    # i_t × g_t is what gets written
    op(440, 150, "×")
    if forget == "coupled":  # no input gate of its own: i_t = 1 − f_t
        x = GATES["i"][0]
        line([(258, GATE_Y), (x - 16, GATE_Y)], COLORS["f"], 2)
        parts.append(f'<circle cx="{x}" cy="{GATE_Y}" r="16" fill="white" stroke="{COLORS["i"]}" stroke-width="2"/>')
        parts.append(f'<text x="{x}" y="{GATE_Y + 5}" text-anchor="middle" font-size="13">1−</text>')
        label(x - 6, GATE_Y + 42, "iₜ ", size=14, color=TEXT_COLORS["i"], anchor="end", weight="bold", slot="i")
        line([(x, GATE_Y - 16), (x, 150), (426, 150)], COLORS["i"], 2)
    else:
        line([(330, GATE_Y - 22), (330, 150), (426, 150)], COLORS["i"], 2)
    line([(440, GATE_Y - 22), (440, 164)], COLORS["g"], 2)
    line([(440, 136), (440, HIGHWAY_Y + 14)], "#444", 2)
    # h_t = o_t × tanh(c_t)
    parts.append(f'<ellipse cx="640" cy="140" rx="30" ry="16" fill="white" stroke="{COLORS["c"]}" stroke-width="2"/>')
    label(640, 145, "tanh", size=13)
    line([(640, HIGHWAY_Y), (640, 124)], COLORS["c"], 2)
    op(640, 230, "×")
    line([(640, 156), (640, 216)], "#444", 2)
    line([(588, GATE_Y), (626, GATE_Y)], COLORS["o"], 2)
    line([(640, 244), (640, 330), (760, 330)], COLORS["h"], 3)
    label(756, 320, "hₜ ", anchor="end", color=TEXT_COLORS["h"], weight="bold", slot="h")
    if peephole:  # the gates also read the cell state: w_ci ⊙ c_{t-1}, w_cf ⊙ c_{t-1}, w_co ⊙ c_t
        side = GATE_Y - 8  # into each box's side, clear of the gate names above the boxes
        line([(170, HIGHWAY_Y), (170, side), (182, side)], COLORS["c"], 2, dashed=True)  # c_{t-1} -> f
        line([(170, 120), (276, 120), (276, side), (292, side)], COLORS["c"], 2, dashed=True)  # c_{t-1} -> i
        line([(598, HIGHWAY_Y), (598, side), (588, side)], COLORS["c"], 2, dashed=True)  # c_t -> o
        label(164, 150, names.get("peephole", "peepholes"), size=12, color=TEXT_COLORS["c"], anchor="end")
    return "".join(parts + texts) + "</svg>"
