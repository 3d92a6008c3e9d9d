"""How each cell kind looks: the presentation half of `lstm_core.cells.REGISTRY`, keyed by the same
kinds (tests/test_cell_registry.py fails if a registered kind has no look here).

A look holds what the maths does not: which quantities share a line chart, what a screen reader
announces after each step, how the stepper writes the numbers into the equations that have no
terms of their own (c_t, h_t, the CIFG's i_t), the colour and dash of the kind's line where pages
compare cells, and its live diagram. Quantity colours stay one per quantity (style.COLORS).

A formula is a list of pieces: "@q" is q_t of the shown unit, "@q-" is q_{t-1}; anything else is text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .diagram import cell_svg
from .explorer_diagrams import gru_svg, rnn_svg
from .style import COLORS

TIMES, MINUS = " × ", "−"


@dataclass(frozen=True)
class CellLook:
    line_groups: tuple  # quantities sharing a line chart: gates (bounded) apart from states
    announced: tuple  # what a screen reader hears after each step: the gate that decides what is kept, the memory
    formulas: dict  # {quantity: pieces} for the quantities without terms
    diagram: Callable  # (translated names, title) -> live SVG (data-v / data-gate slots)
    line: tuple = ("#7F7F7F", "solid")  # (colour, dash) where a page draws one line per kind
    term_products: dict = field(default_factory=dict)  # {quantity: (a, b)}: terms shown multiplied, GRU's r ⊙ (W h + b)


LSTM_C = ["@f", TIMES, "@c-", " + ", "@i", TIMES, "@g"]
LSTM_H = ["@o", " × tanh(", "@c", ")"]
GRU_H = [f"(1 {MINUS} ", "@z", ")" + TIMES, "@n", " + ", "@z", TIMES, "@h-"]
_LSTM_GATES = (("i", "f", "g", "o"), ("c", "h"))
_GRU_GATES = (("r", "z", "n"), ("h",))


def _lstm_diagram(**options):
    def draw(names, title):
        return cell_svg(names=names, title=title, live=True, **options)

    return draw


def _gru_diagram(names, title):
    return gru_svg(names, title)


def _rnn_diagram(nonlinearity):
    def draw(names, title):
        return rnn_svg(nonlinearity, title)

    return draw


LOOKS = {
    "lstm": CellLook(_LSTM_GATES, ("f", "c"), {"c": LSTM_C, "h": LSTM_H}, _lstm_diagram(), (COLORS["lstm"], "solid")),
    "peephole": CellLook(
        _LSTM_GATES, ("f", "c"), {"c": LSTM_C, "h": LSTM_H}, _lstm_diagram(peephole=True), (COLORS["peephole"], "dot")
    ),
    "gru": CellLook(_GRU_GATES, ("z", "h"), {"h": GRU_H}, _gru_diagram, (COLORS["gru"], "dash"), {"n": ("r", "wh_b")}),
    "gru_reset_before": CellLook(_GRU_GATES, ("z", "h"), {"h": GRU_H}, _gru_diagram, (COLORS["gru"], "dashdot")),
    "rnn_tanh": CellLook((("a",), ("h",)), ("h",), {"h": ["tanh(", "@a", ")"]}, _rnn_diagram("tanh"), (COLORS["rnn"], "solid")),
    "rnn_relu": CellLook((("a",), ("h",)), ("h",), {"h": ["max(0, ", "@a", ")"]}, _rnn_diagram("relu"), (COLORS["rnn"], "dash")),
    "lstm1997": CellLook(
        (("i", "g", "o"), ("c", "h")), ("i", "c"), {"c": ["@c-", " + ", "@i", TIMES, "@g"], "h": LSTM_H},
        _lstm_diagram(forget="none"), ("#000000", "dashdot"),
    ),
    "cifg": CellLook(
        _LSTM_GATES, ("f", "c"), {"i": [f"1 {MINUS} ", "@f"], "c": LSTM_C, "h": LSTM_H},
        # long dashes, short gaps: plotly's "longdash" (15 px on, 15 off) left one dash and a gap in a legend's sample
        _lstm_diagram(forget="coupled"), ("#56B4E9", "12px,3px"),
    ),
}  # fmt: skip


def look(kind: str) -> CellLook:
    try:
        return LOOKS[kind]
    except KeyError:
        raise KeyError(f"no look declared for cell kind {kind!r} in plots/cell_looks.py") from None
