"""The adding problem: a long-lag regression task (Hochreiter & Schmidhuber 1997, experiment 4, in the
form used by Le et al. 2015 and Arjovsky et al. 2016).

Card
- Source: generated here, no download; licence: MIT (part of this repository).
- Each of T steps carries two features: a value drawn from U(0, 1) and a marker (0 or 1). Exactly two
  steps are marked, one in the first half of the sequence and one in the second half.
- Target: the sum of the two marked values. Its variance is 2 · 1/12 = 1/6, so always predicting the
  mean 1 gives a mean squared error of about 0.167: a model must beat that to have learned anything.
"""

import numpy as np

BASELINE_MSE = 1 / 6  # MSE of always predicting E[y] = 1


def adding_problem(n: int, seq_len: int, rng: np.random.Generator, dtype=np.float32):
    """n sequences of length seq_len (>= 2). Returns x (T, n, 2) time first, as torch.nn.RNN/LSTM/GRU
    expect, and y (n,)."""
    if seq_len < 2:
        raise ValueError("the adding problem needs at least 2 steps (one marker in each half)")
    half = seq_len // 2
    values = rng.uniform(0.0, 1.0, (seq_len, n))  # (T, n)
    first = rng.integers(0, half, n)  # (n,): marker in the first half
    second = rng.integers(half, seq_len, n)  # (n,): marker in the second half
    markers = np.zeros((seq_len, n))
    columns = np.arange(n)
    markers[first, columns] = 1.0
    markers[second, columns] = 1.0
    x = np.stack([values, markers], axis=-1).astype(dtype)  # (T, n, 2)
    y = (values[first, columns] + values[second, columns]).astype(dtype)  # (n,)
    return x, y
