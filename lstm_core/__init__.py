"""LSTM Lab's recording core: cells written as their equations, a recorder that keeps every gate of
every step, gradient flow through time, and a from-scratch NumPy LSTM with hand-written BPTT.

NumPy and torch only: nothing here imports Streamlit.
"""

from . import equations
from .gradients import gradient_flow
from .recorder import CellWeights, Intervention, Recorder, Trace, from_torch, random_recorder, to_torch

__all__ = [
    "CellWeights",
    "Intervention",
    "Recorder",
    "Trace",
    "equations",
    "from_torch",
    "gradient_flow",
    "random_recorder",
    "to_torch",
]
