"""The explorer's stepper: one self-contained HTML page (no network, no libraries) that holds a whole
trace as JSON and steps through it in the browser, so moving to the next time step costs a few DOM
updates instead of a server round trip (the issue's 100 ms budget; bench/explorer_latency.py).

It draws the cell diagram with the live values, the equations with the numbers substituted for one
unit, a heatmap (time × units) per quantity with the current step outlined, and the chosen unit's
gates and states across the sequence with a cursor.

Pure functions: data in, HTML string out. Everything the learner supplied (tokens) reaches the page
only inside JSON that cannot close the <script> tag, and is put into the DOM with textContent.
"""

from __future__ import annotations

import base64
import html
import json
import math
import re
from pathlib import Path

import numpy as np

from lstm_core import cells

from .cell_looks import look
from .style import COLORS, DASHES, FONT, SIGNED, SVG_DASHES, TEXT_COLORS

# The page and its script live in a plain file beside this one (easier to read than a Python string).
_TEMPLATE = (Path(__file__).parent / "explorer_component.html").read_text(encoding="utf-8")


def heat_px(hidden_size: int) -> int:
    """Height of one heatmap: a few pixels per unit, within bounds."""
    return int(min(160, max(40, 6 * hidden_size)))


# --- the equations' LaTeX as HTML (KaTeX is not available inside the component) ----------------

_COMMANDS = {"sigma": "σ", "tanh": "tanh", "odot": "⊙", "max": "max", "cdot": "·", "times": "×"}
_UPRIGHT = {"tanh", "max"}


def latex_to_html(latex: str) -> str:
    """The small LaTeX subset of `lstm_core.equations` as HTML (italic letters, <sub> subscripts)."""
    out, k, n = [], 0, len(latex)

    def group(start):
        """The {…} group or single character at `start` -> (inner text, index after it)."""
        if start < n and latex[start] == "{":
            depth, j = 1, start + 1
            while j < n and depth:
                depth += {"{": 1, "}": -1}.get(latex[j], 0)
                j += 1
            return latex[start + 1 : j - 1], j
        return latex[start : start + 1], start + 1

    while k < n:
        ch = latex[k]
        if ch == "\\":
            m = re.match(r"\\([A-Za-z]+)", latex[k:])
            if not m:
                k += 2
                continue
            name = m.group(1)
            k += len(m.group(0))
            if name == "operatorname":
                inner, k = group(k)
                out.append(f'<span class="up">{html.escape(inner)}</span>')
            else:
                symbol = html.escape(_COMMANDS.get(name, name))
                out.append(f'<span class="up">{symbol}</span>' if name in _UPRIGHT else symbol)
        elif ch in "_^":
            inner, k = group(k + 1)
            tag = "sub" if ch == "_" else "sup"
            out.append(f"<{tag}>{latex_to_html(inner).replace(' − ', '−').replace(' + ', '+')}</{tag}>")
        elif ch in "{}":
            k += 1
        elif ch.isalpha():
            out.append(f"<i>{html.escape(ch)}</i>")
            k += 1
        elif ch in "=+-":
            out.append({"=": " = ", "+": " + ", "-": " − "}[ch])
            k += 1
        elif ch.isspace():
            k += 1
        else:
            out.append(html.escape(ch))
            k += 1
    return "".join(out)


# --- data -------------------------------------------------------------------------------------


def _flat(a: np.ndarray) -> list:
    """Rounded values for JSON; non-finite ones as null (JSON has no NaN)."""
    a = np.round(np.asarray(a, dtype=np.float64), 4)
    if np.all(np.isfinite(a)):
        return a.ravel().tolist()
    return [v if math.isfinite(v) else None for v in a.ravel().tolist()]


NULL16 = -32768  # the packed code of a non-finite value


def _packed(a: np.ndarray) -> dict:
    """Values as base64 int16 codes times a scale: a third of the bytes of JSON numbers (this is
    what makes a T=100, H=64 trace cheap to send on every change of variant), and precise to
    max|a| / 32767, far below the two decimals shown. Non-finite values become NULL16."""
    a = np.asarray(a, dtype=np.float64).ravel()
    finite = np.isfinite(a)
    top = float(np.max(np.abs(a[finite]))) if finite.any() else 0.0
    scale = top / 32767 if top > 0 else 1.0
    codes = np.where(finite, np.round(np.where(finite, a, 0.0) / scale), NULL16).astype("<i2")
    return {"scale": scale, "b64": base64.b64encode(codes.tobytes()).decode("ascii")}


def unpack(packed: dict) -> np.ndarray:
    """The inverse of the packing, as the page's script does it (for tests)."""
    codes = np.frombuffer(base64.b64decode(packed["b64"]), dtype="<i2")
    return np.where(codes == NULL16, np.nan, codes * packed["scale"])


def payload(kind: str, record: dict, terms: dict, labels, x_values, unit: int, start: int = 0, sigma: str = "σ") -> dict:
    """What the page needs: record {quantity: (T, B, H)} of one layer (batch item 0 is shown),
    terms from `lstm_core.contributions.gate_terms` for `unit`, one label per step, and x_t as a
    number per step when the input is one number (else None: the label stands for x_t). `sigma`
    names the gates' activation in the numbers (a Keras model may use hard_sigmoid)."""
    spec, shown = cells.spec(kind), look(kind)
    order = [q for q in spec.latex if q in record]
    T, _, H = record[order[0]].shape
    return {
        "kind": kind,
        "sigma": sigma,
        "T": int(T),
        "H": int(H),
        "unit": int(unit),
        "start": int(min(max(start, 0), T - 1)),
        "order": order,
        "signed": [q for q in order if q in SIGNED],
        "groups": [list(g) for g in shown.line_groups],
        "colors": {q: COLORS[q] for q in order},
        "textColors": {q: TEXT_COLORS[q] for q in order},
        "dashes": {q: SVG_DASHES[DASHES[q]] for q in order},
        "announce": [q for q in shown.announced if q in order],
        "labels": [str(s) for s in labels],
        "x": _flat(np.asarray(x_values).ravel()) if x_values is not None else None,
        "q": {q: _packed(record[q][:, 0, :]) for q in order},  # each (T*H,) time-major, packed
        "terms": {q: {name: _flat(v) for name, v in terms[q].items()} for q in terms},
        "termOrder": {q: list(names) for q, names in spec.terms.items()},
        "termProducts": {q: list(pair) for q, pair in shown.term_products.items()},
        "formulas": {q: list(pieces) for q, pieces in shown.formulas.items() if q in order},
    }


def _json_for_script(obj) -> str:
    """JSON that is safe inside <script>: no '<', '>' or '&' can close or open a tag."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def explorer_html(data: dict, text: dict, diagram_svg: str) -> str:
    """The whole component. `text`: translated UI strings (see ui/strings/explorer.py, "explorer.c.*"
    and the quantity names); `diagram_svg`: a live diagram (data-v / data-gate slots)."""
    eq_rows = "".join(
        f'<div class="eq"><span class="sym" style="color:{TEXT_COLORS[q]}">{latex_to_html(latex.split("=", 1)[0])}</span>'
        f'<span class="tmpl"> = {latex_to_html(latex.split("=", 1)[1])}</span>'
        f'<div class="num" data-eq="{q}"></div></div>'
        for q, latex in cells.spec(data["kind"]).latex.items()
        if q in data["order"]
    )
    e = html.escape
    fills = {
        "/*FONT*/": FONT,
        "/*LANG*/": e(text["html_lang"]),
        "/*HEAT_PX*/": str(heat_px(data["H"])),
        "<!--DIAGRAM-->": diagram_svg,
        "<!--EQUATIONS-->": eq_rows,
        "<!--KIND-->": e(data["kind"]),
        "/*DATA*/": _json_for_script(data),
        "/*TEXT*/": _json_for_script(text),
    }
    shown = ("doc_title", "eq_title", "heat_title", "lines_title", "first", "prev", "play", "next", "last", "slider")
    shown += ("keys", "taps")
    for key in shown:
        fills[f"<!--{key.upper()}-->"] = e(text[key])
    # one pass, so nothing inserted (a learner's token, say) is ever scanned for placeholders again
    return re.sub(r"/\*[A-Z_]+\*/|<!--[A-Z_]+-->", lambda m: fills.get(m.group(0), m.group(0)), _TEMPLATE)


# Teacher mode, for a projector: the diagram takes the whole width above the equations (it scales with
# its width: labels of 8 px at 1,400 px beside the equations), and the text grows as the page's does.
PROJECTOR_CSS = """<style>
  #main { grid-template-columns: minmax(0, 1fr); }
  body { font-size: 17.5px; } #readout, h2 { font-size: 19px; } .num, .hm .t, #lines .plot, #lines .key { font-size: 16px; }
  .keys, .hm .legend, .hm .axis { font-size: 14px; } #tip { font-size: 15px; }
  .hm .legend { height: 18px; }  /* the page's 14 px row would cut the larger numbers under the heatmap */
</style>"""


def for_projector(page: str) -> str:
    """The component's page as teacher mode shows it (PROJECTOR_CSS after its own styles)."""
    return page.replace("</head>", PROJECTOR_CSS + "</head>", 1)
