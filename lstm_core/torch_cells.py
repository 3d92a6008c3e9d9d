"""A torch recurrent layer for the cells torch.nn does not have (the 1997 LSTM, the CIFG...).

It runs the cell's own step from `cells.py` on torch ops, one time step at a time, so what /train
trains is exactly what the explorer draws. It mirrors torch.nn.LSTM where the app relies on it:
parameter names (weight_ih_l0, ..._reverse), `num_layers`, `bidirectional`, `batch_first`, packed
sequences in and out, and (output, h_n) or (output, (h_n, c_n)) returned; `from_torch` and
`to_torch` treat it like the fused modules. It is slower than the fused kernels (a Python loop over
time), which the /train caps keep small.

`init_linear_` is the seeded initialisation of the dense head every model reads out through.
"""

from __future__ import annotations

import math

import torch
from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pad_packed_sequence

from . import cells


class CellLayer(torch.nn.Module):
    def __init__(self, kind, input_size, hidden_size, num_layers=1, bidirectional=False, batch_first=False, dtype=None):
        super().__init__()
        self.spec = cells.spec(kind)
        self.kind, self.input_size, self.hidden_size = kind, input_size, hidden_size
        self.num_layers, self.bidirectional, self.batch_first = num_layers, bidirectional, batch_first
        G, D = self.spec.gate_blocks, 2 if bidirectional else 1
        bound = 1 / math.sqrt(hidden_size)
        for k in range(num_layers):
            width = input_size if k == 0 else hidden_size * D
            for suffix in ("", "_reverse")[:D]:
                for name, shape in (("weight_ih", (G * hidden_size, width)), ("weight_hh", (G * hidden_size, hidden_size))):
                    self.register_parameter(f"{name}_l{k}{suffix}", torch.nn.Parameter(torch.empty(shape, dtype=dtype)))
                for name in ("bias_ih", "bias_hh"):
                    self.register_parameter(f"{name}_l{k}{suffix}", torch.nn.Parameter(torch.empty(G * hidden_size, dtype=dtype)))
        with torch.no_grad():  # torch.nn's draw; callers that seed their runs overwrite it (classifier._init_)
            for p in self.parameters():
                p.uniform_(-bound, bound)

    def _direction(self, x, lengths, k, suffix):
        """x (T, B, I) -> outputs (T, B, H), final h and c (B, H). Past a sequence's length the state
        is held, so the final state is the one after its last real step (as packing gives)."""
        W_ih, W_hh, b_ih, b_hh = (getattr(self, f"{n}_l{k}{suffix}") for n in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"))
        T, B, _ = x.shape
        h = x.new_zeros(B, self.hidden_size)
        c = x.new_zeros(B, self.hidden_size)
        xw = x @ W_ih.T + b_ih  # (T, B, G*H)
        outputs = []
        for t in range(T):
            s = self.spec.step(xw[t], h, c, W_hh, b_hh, ops=cells.TorchOps)
            live = (t < lengths)[:, None]  # (B, 1)
            h = torch.where(live, s["h"], h)
            c = torch.where(live, s["c"], c) if "c" in s else c
            outputs.append(torch.where(live, s["h"], torch.zeros_like(h)))
        return torch.stack(outputs), h, c

    def forward(self, x, state=None):
        if state is not None:
            raise ValueError("CellLayer starts from zeros")
        packed = isinstance(x, PackedSequence)
        if packed:
            x, lengths = pad_packed_sequence(x, batch_first=False)  # (T, B, I)
        else:
            x = x.transpose(0, 1) if self.batch_first else x
            lengths = torch.full((x.shape[1],), x.shape[0])
        T = x.shape[0]
        # the reverse direction reads each sequence from its own last real step back to its first
        t = torch.arange(T)[:, None]
        backwards = torch.where(t < lengths, lengths - 1 - t, t)  # (T, B)
        flip = backwards[:, :, None]
        h_n, c_n = [], []
        for k in range(self.num_layers):
            outs = []
            for d, suffix in enumerate(("", "_reverse")[: 2 if self.bidirectional else 1]):
                seq = x if d == 0 else torch.gather(x, 0, flip.expand(-1, -1, x.shape[2]))
                out, h, c = self._direction(seq, lengths, k, suffix)
                outs.append(out if d == 0 else torch.gather(out, 0, flip.expand(-1, -1, out.shape[2])))
                h_n.append(h)
                c_n.append(c)
            x = torch.cat(outs, dim=-1)
        state = torch.stack(h_n)
        if self.spec.has_cell_state:
            state = (state, torch.stack(c_n))
        if packed:
            return pack_padded_sequence(x, lengths, enforce_sorted=False), state
        return (x.transpose(0, 1) if self.batch_first else x), state


class ReadLastStep(torch.nn.Module):
    """A recurrent module read out once, after the last step, by a linear head (the adding problem)."""

    def __init__(self, recurrent: torch.nn.Module, head: torch.nn.Linear):
        super().__init__()
        self.recurrent, self.head = recurrent, head

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        output, _ = self.recurrent(x)  # (T, B, H)
        return self.head(output[-1]).squeeze(-1)  # (B,)


class Forecaster(torch.nn.Module):
    """Stacked LSTM over the window, then a dense layer from the last hidden state to the next value
    (lstm_core/forecasting.py)."""

    def __init__(self, lstm: torch.nn.LSTM, head: torch.nn.Linear):
        super().__init__()
        self.lstm, self.head = lstm, head

    def forward(self, windows: torch.Tensor) -> torch.Tensor:
        out, _ = self.lstm(windows.unsqueeze(-1))  # (B, T, 1) -> (B, T, H)
        return self.head(out[:, -1]).squeeze(-1)  # (B,)


def init_linear_(layer: torch.nn.Linear, generator: torch.Generator) -> torch.nn.Linear:
    """PyTorch's default initialisation of a dense layer, U(±1/√fan_in) for the weight and then the
    bias, drawn from `generator` instead of the process-wide RNG: the model's seed alone decides it."""
    bound = 1 / math.sqrt(layer.in_features)
    with torch.no_grad():
        layer.weight.uniform_(-bound, bound, generator=generator)
        layer.bias.uniform_(-bound, bound, generator=generator)
    return layer
