"""The recorder: runs a (multi-layer, optionally bidirectional) RNN/LSTM/GRU in NumPy and keeps
every quantity of every time step, so a learner can look inside.

`from_torch(module)` copies a `torch.nn.RNN/LSTM/GRU`'s weights in; `to_torch(recorder)` builds the
fused torch module back (training uses that; tracing the trained weights uses the recorder).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from . import cells
from .fast_lstm import record_lstm

if TYPE_CHECKING:
    import pandas as pd

KINDS = cells.KINDS


@dataclass
class CellWeights:
    """One layer, one direction, in PyTorch's layout: gates stacked along the first axis."""

    W_ih: np.ndarray  # (G*H, I)
    W_hh: np.ndarray  # (G*H, H)
    b_ih: np.ndarray  # (G*H,)
    b_hh: np.ndarray  # (G*H,)
    peep: tuple | None = None  # (w_ci, w_cf, w_co), each (H,): peephole LSTM only

    @property
    def hidden_size(self) -> int:
        return self.W_hh.shape[1]

    @property
    def input_size(self) -> int:
        return self.W_ih.shape[1]


@dataclass
class Intervention:
    """A what-if: force `quantity` to `value` on `units` (all when None) of one layer, every step.

    quantity "unit_off" silences the units instead: their c and h are held at 0.
    """

    quantity: str
    value: float = 0.0
    units: tuple | None = None
    layer: int = 0


def _what_if(interventions):
    if not interventions:
        return None

    def fix(name, value):
        for iv in interventions:
            if iv.quantity == name or (iv.quantity == "unit_off" and name in ("c", "h")):
                value = value.copy()
                units = slice(None) if iv.units is None else list(iv.units)
                value[..., units] = 0.0 if iv.quantity == "unit_off" else iv.value
        return value

    return fix


@dataclass
class Trace:
    """Everything one run computed. Arrays are time first: (T, B, H)."""

    kind: str
    records: list  # [layer][direction] -> {quantity: (T, B, H)}
    quantities: tuple = field(default=())

    @property
    def num_layers(self) -> int:
        return len(self.records)

    @property
    def num_directions(self) -> int:
        return len(self.records[0])

    @property
    def h(self) -> np.ndarray:
        """The last layer's hidden states (T, B, H * directions), as torch's `output`."""
        return np.concatenate([d["h"] for d in self.records[-1]], axis=-1)

    def values(self, name: str, layer: int = 0, direction: int = 0) -> np.ndarray:
        """The named quantity (T, B, H) of one layer (and direction)."""
        if name not in self.quantities:
            raise KeyError(f"{self.kind} records {self.quantities}, not {name!r}")
        return self.records[layer][direction][name]

    def to_frame(self) -> pd.DataFrame:
        """Tidy view: one row per (layer, direction, t, batch, unit) with one column per quantity."""
        import pandas as pd  # here: recording and the pages' first views do not need pandas

        frames = []
        for layer, directions in enumerate(self.records):
            for direction, rec in enumerate(directions):
                T, B, H = rec["h"].shape
                t, b, u = np.meshgrid(np.arange(T), np.arange(B), np.arange(H), indexing="ij")
                cols = {"layer": layer, "direction": direction, "t": t.ravel(), "batch": b.ravel(), "unit": u.ravel()}
                cols.update({q: rec[q].ravel() for q in self.quantities})
                frames.append(pd.DataFrame(cols))
        return pd.concat(frames, ignore_index=True)


@dataclass
class Recorder:
    kind: str  # one of KINDS
    layers: list  # [layer][direction] -> CellWeights
    batch_first: bool = False
    gate_activation: str = "sigmoid"  # one of cells.GATE_OPS: Keras models may use hard_sigmoid for the gates

    def __post_init__(self):
        cells.spec(self.kind)  # an unknown kind fails here, at once
        if self.gate_activation not in cells.GATE_OPS:
            raise ValueError(f"gate_activation must be one of {tuple(cells.GATE_OPS)}, not {self.gate_activation!r}")

    @property
    def hidden_size(self) -> int:
        """The first layer's width (every layer's, for a model trained here)."""
        return self.layers[0][0].hidden_size

    @property
    def input_size(self) -> int:
        return self.layers[0][0].input_size

    @property
    def num_layers(self) -> int:
        return len(self.layers)

    @property
    def bidirectional(self) -> bool:
        return len(self.layers[0]) == 2

    @property
    def dtype(self):
        return self.layers[0][0].W_ih.dtype

    def record(self, x, h0=None, c0=None, interventions=()) -> Trace:
        """Run on `x` shaped as the torch module expects ((T, B, I), (B, T, I) if batch_first, or
        (T, I) unbatched) and return the full Trace. h0, c0: (layers*directions, B, H) as torch."""
        x = np.asarray(x.detach().cpu().numpy() if hasattr(x, "detach") else x, dtype=self.dtype)
        if x.ndim == 2:
            x = x[:, None, :]
        elif self.batch_first:
            x = x.transpose(1, 0, 2)
        if x.ndim != 3 or x.shape[-1] != self.input_size:
            raise ValueError(f"expected input with {self.input_size} features, got shape {x.shape}")
        T, B, _ = x.shape
        D = len(self.layers[0])
        h0 = None if h0 is None else _as_state(h0, B, self.dtype)
        c0 = None if c0 is None else _as_state(c0, B, self.dtype)
        records = []
        layer_input = x
        for layer, directions in enumerate(self.layers):
            fix = _what_if([iv for iv in interventions if iv.layer == layer])
            recs = []
            for d, w in enumerate(directions):
                seq = layer_input[::-1] if d == 1 else layer_input  # the reverse direction reads back to front
                k = layer * D + d
                zeros = np.zeros((B, w.hidden_size), self.dtype)  # layers may differ in width (a Keras stack)
                rec = self._run(w, seq, zeros if h0 is None else h0[k], zeros if c0 is None else c0[k], fix)
                recs.append({q: v[::-1] if d == 1 else v for q, v in rec.items()})
            records.append(recs)
            layer_input = np.concatenate([r["h"] for r in recs], axis=-1) if D == 2 else recs[0]["h"]
        return Trace(self.kind, records, cells.spec(self.kind).quantities)

    def _run(self, w: CellWeights, x, h, c, fix):
        ops = cells.GATE_OPS[self.gate_activation]
        if self.kind == "lstm" and fix is None and ops is cells.NumpyOps:
            return record_lstm(x, w.W_ih, w.W_hh, w.b_ih, w.b_hh, h, c)
        T, B, _ = x.shape
        spec = cells.spec(self.kind)
        names = spec.quantities
        out = {q: np.empty((T, B, w.hidden_size), self.dtype) for q in names}
        xw = x @ w.W_ih.T + w.b_ih  # (T, B, G*H): every step's input projection in one product
        W_hh = np.ascontiguousarray(w.W_hh)
        for t in range(T):
            step = spec.step(xw[t], h, c, W_hh, w.b_hh, ops=ops, peep=w.peep, what_if=fix)
            h, c = step["h"], step.get("c", c)
            for q in names:
                out[q][t] = step[q]
        return out


def _as_state(s, B, dtype):
    s = np.asarray(s.detach().cpu().numpy() if hasattr(s, "detach") else s, dtype=dtype)
    return s[:, None, :] if s.ndim == 2 else s


# --- bridges to and from torch.nn -------------------------------------------------------------


def _torch_kind(module) -> str:
    import torch

    from .torch_cells import CellLayer

    if isinstance(module, CellLayer):
        return module.kind
    if isinstance(module, torch.nn.LSTM):
        if module.proj_size:
            raise ValueError("LSTMs with proj_size are not supported")
        return "lstm"
    if isinstance(module, torch.nn.GRU):
        return "gru"
    if isinstance(module, torch.nn.RNN):
        return "rnn_" + module.nonlinearity
    raise TypeError(f"expected torch.nn.RNN, LSTM or GRU, got {type(module).__name__}")


def from_torch(module) -> Recorder:
    """A Recorder holding a copy of a torch.nn.RNN / LSTM / GRU's weights."""
    kind = _torch_kind(module)

    def get(name):
        p = getattr(module, name, None)
        if p is None:  # bias=False
            shape = getattr(module, name.replace("bias", "weight")).shape[0]
            return np.zeros(shape, dtype=_np_dtype(module))
        return p.detach().cpu().numpy().copy()

    layers = []
    for k in range(module.num_layers):
        dirs = []
        for suffix in ("", "_reverse")[: 2 if module.bidirectional else 1]:
            s = f"_l{k}{suffix}"
            dirs.append(CellWeights(get("weight_ih" + s), get("weight_hh" + s), get("bias_ih" + s), get("bias_hh" + s)))
        layers.append(dirs)
    return Recorder(kind, layers, batch_first=module.batch_first)


def _np_dtype(module):
    return next(module.parameters()).detach().cpu().numpy().dtype


def to_torch(recorder: Recorder):
    """The torch module with the recorder's weights: the fused torch.nn one where torch has the cell,
    else a `CellLayer` running the cell's own equations (the kinds /train offers)."""
    import torch

    from .torch_cells import CellLayer

    spec = cells.spec(recorder.kind)
    if recorder.gate_activation != "sigmoid":
        raise ValueError("torch.nn's gates are sigmoids, not " + recorder.gate_activation)
    if spec.torch_module is None and not spec.compared:
        raise ValueError(f"torch.nn has no {recorder.kind} cell")
    dtype = torch.float64 if recorder.dtype == np.float64 else torch.float32
    shape = dict(
        num_layers=recorder.num_layers, bidirectional=recorder.bidirectional, batch_first=recorder.batch_first, dtype=dtype
    )
    if spec.torch_module is None:
        module = CellLayer(recorder.kind, recorder.input_size, recorder.hidden_size, **shape)
    else:
        kwargs = {"nonlinearity": recorder.kind[4:]} if spec.torch_module == "RNN" else {}
        module = getattr(torch.nn, spec.torch_module)(recorder.input_size, recorder.hidden_size, **shape, **kwargs)
    with torch.no_grad():
        for k, dirs in enumerate(recorder.layers):
            for d, w in enumerate(dirs):
                s = f"_l{k}" + ("_reverse" if d else "")
                for name in ("W_ih", "W_hh", "b_ih", "b_hh"):
                    torch_name = {"W_ih": "weight_ih", "W_hh": "weight_hh", "b_ih": "bias_ih", "b_hh": "bias_hh"}[name]
                    getattr(module, torch_name + s).copy_(torch.from_numpy(np.asarray(getattr(w, name))))
    return module


def random_recorder(kind, input_size, hidden_size, num_layers=1, bidirectional=False, seed=0, dtype=np.float32):
    """A seeded random model, drawn as PyTorch draws it (U(-1/√H, 1/√H)) but from its own generator,
    so one learner's seed never touches another's random state."""
    rng = np.random.default_rng(seed)
    G, bound = cells.spec(kind).gate_blocks, 1.0 / np.sqrt(hidden_size)

    def u(*shape):
        return rng.uniform(-bound, bound, shape).astype(dtype)

    layers = []
    for k in range(num_layers):
        n_in = input_size if k == 0 else hidden_size * (2 if bidirectional else 1)
        dirs = []
        for _ in range(2 if bidirectional else 1):
            peep = (u(hidden_size), u(hidden_size), u(hidden_size)) if cells.spec(kind).peepholes else None
            dirs.append(
                CellWeights(
                    u(G * hidden_size, n_in), u(G * hidden_size, hidden_size), u(G * hidden_size), u(G * hidden_size), peep
                )
            )
        layers.append(dirs)
    return Recorder(kind, layers)
