"""The LaTeX of every cell equation, kept in one place.

The cells in `cells.py` compute exactly these lines, in this order (each kind's CellSpec holds its
dict), and the pages render these very strings, so what a learner reads is what the code runs (PyTorch's conventions throughout).
"""

# The input's and the hidden state's halves of a gate are each one group: a column too narrow for the
# whole equation (a phone or a projector in teacher mode) breaks it between them, not before "b_hi)".
LSTM = {
    "i": r"i_t = \sigma({W_{ii} x_t + b_{ii}} + {W_{hi} h_{t-1} + b_{hi}})",
    "f": r"f_t = \sigma({W_{if} x_t + b_{if}} + {W_{hf} h_{t-1} + b_{hf}})",
    "g": r"g_t = \tanh({W_{ig} x_t + b_{ig}} + {W_{hg} h_{t-1} + b_{hg}})",
    "o": r"o_t = \sigma({W_{io} x_t + b_{io}} + {W_{ho} h_{t-1} + b_{ho}})",
    "c": r"c_t = f_t \odot c_{t-1} + i_t \odot g_t",
    "h": r"h_t = o_t \odot \tanh(c_t)",
}

# Gers & Schmidhuber's peepholes: the gates also look at the cell state (o at the new one).
PEEPHOLE = {
    "i": r"i_t = \sigma(W_{ii} x_t + W_{hi} h_{t-1} + w_{ci} \odot c_{t-1} + b_i)",
    "f": r"f_t = \sigma(W_{if} x_t + W_{hf} h_{t-1} + w_{cf} \odot c_{t-1} + b_f)",
    "g": r"g_t = \tanh(W_{ig} x_t + W_{hg} h_{t-1} + b_g)",
    "c": r"c_t = f_t \odot c_{t-1} + i_t \odot g_t",
    "o": r"o_t = \sigma(W_{io} x_t + W_{ho} h_{t-1} + w_{co} \odot c_t + b_o)",
    "h": r"h_t = o_t \odot \tanh(c_t)",
}

# Hochreiter & Schmidhuber 1997: no forget gate, the cell state only adds (the "constant error carousel").
LSTM_1997 = {
    "i": LSTM["i"],
    "g": LSTM["g"],
    "o": LSTM["o"],
    "c": r"c_t = c_{t-1} + i_t \odot g_t",
    "h": LSTM["h"],
}

# Greff et al. 2017's coupled input-forget gate: the cell writes exactly as much as it forgets.
CIFG = {
    "f": LSTM["f"],
    "i": r"i_t = 1 - f_t",
    "g": LSTM["g"],
    "o": LSTM["o"],
    "c": LSTM["c"],
    "h": LSTM["h"],
}

GRU = {
    "r": r"r_t = \sigma(W_{ir} x_t + b_{ir} + W_{hr} h_{t-1} + b_{hr})",
    "z": r"z_t = \sigma(W_{iz} x_t + b_{iz} + W_{hz} h_{t-1} + b_{hz})",
    "n": r"n_t = \tanh(W_{in} x_t + b_{in} + r_t \odot (W_{hn} h_{t-1} + b_{hn}))",
    "h": r"h_t = (1 - z_t) \odot n_t + z_t \odot h_{t-1}",
}

# Cho et al.'s original GRU (Keras's reset_after=False): r_t resets h_{t-1} before its product.
GRU_RESET_BEFORE = {
    "r": GRU["r"],
    "z": GRU["z"],
    "n": r"n_t = \tanh(W_{in} x_t + b_{in} + W_{hn} (r_t \odot h_{t-1}) + b_{hn})",
    "h": GRU["h"],
}

RNN_TANH = {
    "a": r"a_t = W_{ih} x_t + b_{ih} + W_{hh} h_{t-1} + b_{hh}",
    "h": r"h_t = \tanh(a_t)",
}

RNN_RELU = {
    "a": RNN_TANH["a"],
    "h": r"h_t = \max(0, a_t)",
}


def latex_scientific(number: str) -> str:
    """A number as Python writes it ("2.2e-26") in LaTeX: 2.2 \\times 10^{-26}. Left as it is, KaTeX
    sets the "e" as a variable and the "-" as a minus sign: "2.2e − 26"."""
    mantissa, e, exponent = number.partition("e")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}" if e else number
