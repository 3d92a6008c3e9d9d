"""Cell diagrams for the GRU and the vanilla RNN, in the style of `plots.diagram.cell_svg` (which
draws the LSTM). Each number is a <tspan data-v="key"> and each gate box has data-gate="key", so
the explorer's script updates them in place as the learner steps through time."""

from html import escape

from .style import COLORS, FONT, TEXT_COLORS

TOP_Y, GATE_Y, BUS_Y = 80, 230, 300


class _Svg:
    def __init__(self, title: str, width=780, height=370):
        self.parts = [
            f'<svg viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg" role="img" '
            f'aria-label="{escape(title)}" style="max-width:{width}px;width:100%;font-family:{escape(FONT)}">',
            f"<title>{escape(title)}</title>",
            '<defs><marker id="arr2" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
            'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker></defs>',
            f'<rect x="100" y="40" width="{width - 200}" height="290" rx="18" fill="#f7f7f9" stroke="#bbb"/>',
        ]
        self.texts = []  # drawn after every line, so that no line crosses a word (each has a white halo)

    def line(self, points, color="#444", width=2, arrow=True):
        d = " ".join(f"{'M' if k == 0 else 'L'}{x},{y}" for k, (x, y) in enumerate(points))
        end = ' marker-end="url(#arr2)"' if arrow else ""
        self.parts.append(f'<path d="{d}" fill="none" stroke="{color}" stroke-width="{width}"{end}/>')

    def op(self, x, y, symbol, r=14, size=18):
        self.parts.append(f'<circle cx="{x}" cy="{y}" r="{r}" fill="white" stroke="#444" stroke-width="2"/>')
        self.parts.append(f'<text x="{x}" y="{y + 6}" text-anchor="middle" font-size="{size}">{escape(symbol)}</text>')

    def label(self, x, y, text, slot=None, size=14, color="#222", anchor="middle", weight="bold"):
        body = escape(text) + (f'<tspan data-v="{slot}"></tspan>' if slot else "")
        self.texts.append(
            f'<text x="{x}" y="{y}" text-anchor="{anchor}" font-size="{size}" fill="{color}" font-weight="{weight}" '
            f'stroke="white" stroke-width="4" paint-order="stroke">{body}</text>'
        )

    def gate(self, x, key, symbol, name=None, width=76):
        color = COLORS[key]
        self.line([(x, BUS_Y), (x, GATE_Y + 22)], "#777", 2)
        self.parts.append(
            f'<rect x="{x - width // 2}" y="{GATE_Y - 22}" width="{width}" height="44" rx="8" fill="{color}" '
            f'fill-opacity="0.15" stroke="{color}" stroke-width="2" data-gate="{key}"/>'
        )
        self.label(x, GATE_Y + 6, symbol, size=16)
        self.label(x - 6, GATE_Y + 42, f"{key}ₜ ", slot=key, color=TEXT_COLORS[key], anchor="end")  # beside the arrow
        if name:
            self.label(x, GATE_Y - 30, name, size=12, color="#555", weight="normal")

    def inputs(self, right_end):
        self.line([(20, BUS_Y), (right_end, BUS_Y)], "#777", 2, arrow=False)
        self.line([(160, 360), (160, BUS_Y)], "#777", 2, arrow=False)
        self.label(24, BUS_Y + 22, "hₜ₋₁ ", slot="h_prev", color=TEXT_COLORS["h"], anchor="start")
        self.label(170, 356, "xₜ ", slot="x", anchor="start")

    def svg(self) -> str:
        return "".join(self.parts + self.texts) + "</svg>"


def gru_svg(names: dict | None = None, title: str = "GRU cell") -> str:
    """h_{t-1} runs along the top; z_t mixes it with the candidate n_t: h_t = (1 − z_t) n_t + z_t h_{t-1}."""
    names = names or {}
    s = _Svg(title)
    # the top line: h_{t-1} --(× z)--(+ (1−z) n)--> h_t
    s.line([(20, TOP_Y), (286, TOP_Y)], COLORS["h"], 4, arrow=False)
    s.line([(314, TOP_Y), (526, TOP_Y)], COLORS["h"], 4, arrow=False)
    s.line([(554, TOP_Y), (760, TOP_Y)], COLORS["h"], 4)
    s.op(300, TOP_Y, "×")
    s.op(540, TOP_Y, "+")
    s.label(24, TOP_Y - 12, "hₜ₋₁ ", slot="h_prev", color=TEXT_COLORS["h"], anchor="start")
    s.label(756, TOP_Y - 12, "hₜ ", slot="h", color=TEXT_COLORS["h"], anchor="end")
    s.inputs(540)
    s.gate(300, "z", "σ", names.get("z"))
    s.gate(420, "r", "σ", names.get("r"))
    s.gate(540, "n", "tanh", names.get("n"))
    # z_t scales h_{t-1}; 1 − z_t scales the candidate
    s.line([(300, GATE_Y - 22), (300, TOP_Y + 14)], COLORS["z"], 2)
    s.line([(300, 150), (406, 150)], COLORS["z"], 2)
    s.op(420, 150, "1−", r=16, size=13)
    s.line([(436, 150), (526, 150)], COLORS["z"], 2)
    s.op(540, 150, "×")
    s.line([(540, GATE_Y - 22), (540, 164)], COLORS["n"], 2)
    s.line([(540, 136), (540, TOP_Y + 14)], "#444", 2)
    # the reset gate reaches into the candidate's recurrent term
    s.line([(458, GATE_Y), (500, GATE_Y)], COLORS["r"], 2)
    s.line([(600, TOP_Y), (600, 330), (760, 330)], COLORS["h"], 3)
    s.label(756, 320, "hₜ ", slot="h", color=TEXT_COLORS["h"], anchor="end")
    return s.svg()


def rnn_svg(nonlinearity: str = "tanh", title: str = "RNN cell") -> str:
    """One weighted sum a_t of x_t and h_{t-1}, squashed: h_t = tanh(a_t). No gates, no cell state."""
    s = _Svg(title)
    s.inputs(390)
    s.line([(390, BUS_Y), (390, GATE_Y + 22)], "#777", 2)
    s.parts.append(
        f'<rect x="300" y="{GATE_Y - 22}" width="180" height="44" rx="8" fill="{COLORS["a"]}" fill-opacity="0.15" '
        f'stroke="{COLORS["a"]}" stroke-width="2"/>'
    )
    s.label(390, GATE_Y + 6, "W x + W h + b", size=14)
    s.label(384, GATE_Y + 42, "aₜ ", slot="a", color=TEXT_COLORS["a"], anchor="end")
    s.line([(390, GATE_Y - 22), (390, 166)], "#444", 2)
    s.parts.append(f'<ellipse cx="390" cy="150" rx="34" ry="16" fill="white" stroke="{COLORS["h"]}" stroke-width="2"/>')
    s.label(390, 155, "tanh" if nonlinearity == "tanh" else "max(0,·)", size=13, weight="normal")
    s.line([(390, 134), (390, TOP_Y), (760, TOP_Y)], COLORS["h"], 4)
    s.label(756, TOP_Y - 12, "hₜ ", slot="h", color=TEXT_COLORS["h"], anchor="end")
    return s.svg()
