"""Hand-built one-unit LSTMs whose weights are set by hand, so their behaviour can be explained
gate by gate. Each reads one input feature x_t: 1 where the trigger token appears (or the value of
a numeric sequence), 0 elsewhere.

Saturated gates: σ(±20) is 1 − 2·10⁻⁹ or 2·10⁻⁹, so a gate driven by ±20 is a switch.
Float64 throughout, so "holds its bit" means holding it to nine digits, not to float32 noise.
"""

from __future__ import annotations

import numpy as np

from .recorder import CellWeights, Recorder

SWITCH = 20.0  # a pre-activation of ±SWITCH makes a sigmoid gate fully open / closed

# What each hand-built cell is, for the model picker (the page translates the names).
KINDS = ("memory", "counter", "leaky")


def one_unit_lstm(w_x: dict, b: dict, w_h: dict | None = None) -> Recorder:
    """A single-input, single-unit LSTM from per-gate weights.

    w_x, b, w_h: {"i", "f", "g", "o"} -> float (input weight, bias, recurrent weight; missing ones 0).
    The whole bias goes into b_ih (b_hh = 0): PyTorch adds the two anyway.
    """
    w_h = w_h or {}
    order = ("i", "f", "g", "o")  # PyTorch's gate order
    W_ih = np.array([[w_x.get(k, 0.0)] for k in order], dtype=np.float64)  # (4, 1)
    W_hh = np.array([[w_h.get(k, 0.0)] for k in order], dtype=np.float64)  # (4, 1)
    b_ih = np.array([b.get(k, 0.0) for k in order], dtype=np.float64)  # (4,)
    return Recorder("lstm", [[CellWeights(W_ih, W_hh, b_ih, np.zeros(4))]])


def memory_cell() -> Recorder:
    """Remembers whether it has seen the trigger: a one-bit latch.

    On the trigger (x=1) the input gate opens (i≈1) and the forget gate closes (f≈0), so c becomes
    g = tanh(20) = 1. Everywhere else i≈0 and f≈1, so c_t = c_{t-1}: the bit is held.
    """
    s = SWITCH
    return one_unit_lstm(
        w_x={"i": 2 * s, "f": -2 * s},
        b={"i": -s, "f": s, "g": s, "o": s},
    )


def counter_cell(increment: float = 1.0) -> Recorder:
    """Counts the trigger: the forget gate stays open (f≈1) and the input gate adds `increment`
    each time the trigger appears, so c_t = increment × (occurrences so far)."""
    s = SWITCH
    return one_unit_lstm(
        w_x={"i": 2 * s},
        b={"i": -s, "f": s, "g": float(np.arctanh(increment)) if abs(increment) < 1 else s, "o": s},
    )


def leaky_cell(forget: float = 0.5) -> Recorder:
    """The memory cell's write, but a forget gate stuck at `forget`: the memory fades by that
    factor every step (a contrast to the latch)."""
    s = SWITCH
    return one_unit_lstm(
        w_x={"i": 2 * s},
        b={"i": -s, "f": float(np.log(forget / (1 - forget))), "g": s, "o": s},
    )


def build(name: str) -> Recorder:
    return {"memory": memory_cell, "counter": counter_cell, "leaky": leaky_cell}[name]()


def pulse(steps: int = 40, at: tuple = (3,)) -> np.ndarray:
    """An input that is 1 at the steps in `at` and 0 elsewhere, (steps, 1): write once, then watch."""
    x = np.zeros((steps, 1))
    x[[k for k in at if 0 <= k < steps]] = 1.0
    return x


def memory_half_life(forget: float) -> float:
    """Steps until a held value halves when the forget gate sits at `forget` (c_t = f c_{t-1})."""
    if forget >= 1.0:
        return float("inf")
    if forget <= 0.0:
        return 0.0
    return float(np.log(0.5) / np.log(forget))
