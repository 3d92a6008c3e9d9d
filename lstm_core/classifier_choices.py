"""What a learner may choose for a /train classifier, and what it costs, without torch: the recurrent
kinds, the caps on every size, the model's settings and its parameter count. /train's settings are
drawn from these before anything trains; lstm_core/classifier.py builds and trains the model."""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import cells
from .errors import UserInputError

# The classic three as torch.nn builds them, then the registered variants (run by torch_cells.CellLayer).
RECORDER_KIND = {"lstm": "lstm", "gru": "gru", "rnn": "rnn_tanh", **{kind: kind for kind in cells.COMPARED}}
KINDS = tuple(RECORDER_KIND)

# Caps so that one learner's run cannot take the shared 2-core server for minutes.
LIMITS = {
    "embedding_size": (2, 128),
    "hidden_size": (2, 128),
    "num_layers": (1, 2),
    "dropout": (0.0, 0.8),
    "epochs": (1, 30),
    "batch_size": (4, 512),
    "examples": (20, 5000),
}


@dataclass
class ClassifierConfig:
    num_classes: int
    vocab_size: int | None = None  # text: tokens are looked up in an embedding of this size
    input_features: int | None = None  # sequences: the feature vectors go straight into the RNN
    kind: str = "lstm"  # one of KINDS: "rnn" (tanh), "lstm", "gru", or a registered variant
    embedding_size: int = 32  # a token's vector length (text only)
    hidden_size: int = 32  # units per direction
    num_layers: int = 1
    bidirectional: bool = False
    dropout: float = 0.0  # on the embeddings, between layers and before the head
    seed: int = 0


# weight blocks per layer: LSTM i, f, g, o; GRU r, z, n; RNN one; the 1997 LSTM and the CIFG three
GATE_BLOCKS = {name: cells.spec(kind).gate_blocks for name, kind in RECORDER_KIND.items()}


def recurrent_parameter_count(kind: str, input_size: int, hidden: int, layers: int = 1, bidirectional: bool = False) -> int:
    """Weights of the recurrent layers alone: per layer and direction, each block has W_ih (H x in),
    W_hh (H x H) and two biases (H each); a layer above the first reads H per direction."""
    directions = 2 if bidirectional else 1
    total = 0
    for layer in range(layers):
        width = input_size if layer == 0 else hidden * directions
        total += directions * GATE_BLOCKS[kind] * (hidden * width + hidden * hidden + 2 * hidden)
    return total


def check_limits(**values):
    """Raise a translated error for any setting outside LIMITS (URLs can carry anything)."""
    for name, value in values.items():
        low, high = LIMITS[name]
        if value is None or not (isinstance(value, (int, float)) and math.isfinite(value) and low <= value <= high):
            raise UserInputError("train.err_size", name=name, value=value, low=low, high=high)
