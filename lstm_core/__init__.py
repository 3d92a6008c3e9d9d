"""LSTM Lab's recording core: cells written as their equations, a recorder that keeps every gate of
every step, gradient flow through time, and a from-scratch NumPy LSTM with hand-written BPTT.

NumPy and torch only: nothing here imports Streamlit.
"""

from importlib import import_module

# Loaded on first use (PEP 562): the recorder imports torch, and a page that only reads text or
# counts (the server's first page, often) should not pay for that.
_LAZY = {
    "equations": ".equations",
    "gradient_flow": ".gradients",
    **dict.fromkeys(
        ["CellWeights", "Intervention", "Recorder", "Trace", "from_torch", "random_recorder", "to_torch"], ".recorder"
    ),
}


def __getattr__(name):
    if name not in _LAZY:
        raise AttributeError(f"module 'lstm_core' has no attribute {name!r}")
    module = import_module(_LAZY[name], __name__)
    return module if name == "equations" else getattr(module, name)


__all__ = sorted(_LAZY)
