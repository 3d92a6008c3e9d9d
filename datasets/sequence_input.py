"""What a learner types into the explorer, turned into model input: a sentence (through the one text
pipeline, `lstm_core.text`), a comma-separated list of numbers, or a preset.

Everything a learner can get wrong raises `UserInputError` with a message key (ui/strings/explorer.py);
nothing here raises anything else for any string (tests/test_explorer_core.py fuzzes it).
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass

import numpy as np

from lstm_core.errors import UserInputError
from lstm_core.text import OOV, Vocab, tokenise

MAX_STEPS = 200  # longer inputs are cut (and the page says so): 200 steps already fill the heatmaps
MAX_HIDDEN = 64
MAX_LAYERS = 3
MAX_ABS_VALUE = 1e4  # larger numbers only saturate every gate, and their products could overflow
EMBED_DIM = 8  # width of the random models' token vectors

# Presets: (input kind, English text, Chinese text); numbers are the same in both languages.
PRESETS = {
    "negation": ("text", "The movie was not good, it was not bad either.", "这部电影不好看，但也不是很差。"),
    "long_memory": (
        "text",
        "Not once in this long, slow and rather quiet film with many scenes did I smile.",
        "不喜欢这部电影：它很长很慢，场景很多，音乐也很平淡，演员说了很多话。",
    ),
    "sine": ("numbers", None, None),
    "counting": ("numbers", None, None),
    "step": ("numbers", None, None),
}
TRIGGER_DEFAULT = {"en": "not", "zh": "不"}


@dataclass(frozen=True)
class SequenceInput:
    """One parsed input. labels: what the page shows for each step (tokens, or numbers formatted)."""

    kind: str  # "text" or "numbers"
    labels: tuple
    values: tuple | None = None  # numbers: the values
    truncated_from: int | None = None  # the original length when the input was cut to MAX_STEPS

    @property
    def steps(self) -> int:
        return len(self.labels)


def _cap(items: list) -> tuple[list, int | None]:
    return (items[:MAX_STEPS], len(items)) if len(items) > MAX_STEPS else (items, None)


def parse_text(text: str, mode: str = "auto") -> SequenceInput:
    if not isinstance(text, str) or not text.strip():
        raise UserInputError("explorer.err_empty_text")
    tokens = tokenise(text, mode=mode)
    if not tokens:
        raise UserInputError("explorer.err_no_tokens")
    tokens, original = _cap(tokens)
    return SequenceInput("text", tuple(tokens), truncated_from=original)


def parse_numbers(text: str) -> SequenceInput:
    """'0.5, 1, -2' -> the numbers. Commas, semicolons (also full-width) or spaces separate them."""
    if not isinstance(text, str) or not text.strip():
        raise UserInputError("explorer.err_empty_numbers")
    items = [s for s in re.split(r"[,，;；、\s]+", text.strip()) if s]
    if not items:
        raise UserInputError("explorer.err_empty_numbers")
    values = []
    for item in items:
        try:
            value = float(item.replace("−", "-"))
        except (ValueError, OverflowError):
            raise UserInputError("explorer.err_not_a_number", item=_quote(item)) from None
        spelled_infinite = "inf" in item.lower() or "nan" in item.lower()  # not 1e400, a number too large
        if not math.isfinite(value) and spelled_infinite:
            raise UserInputError("explorer.err_not_finite", item=_quote(item))
        if abs(value) > MAX_ABS_VALUE:
            raise UserInputError("explorer.err_too_large", item=_quote(item), limit=f"{MAX_ABS_VALUE:g}")
        values.append(value)
    values, original = _cap(values)
    return SequenceInput("numbers", tuple(f"{v:g}" for v in values), tuple(values), original)


def _quote(item: str) -> str:
    """A learner's bad item, short and stripped of characters that would format the message."""
    clean = "".join(ch for ch in item if ch.isprintable() and ch not in "`*_[]<>\\$#|~")
    return clean[:20] + ("…" if len(clean) > 20 else "")


def preset_numbers(name: str) -> str:
    """The preset's numbers as the text a learner could have typed."""
    if name == "sine":
        values = np.sin(np.arange(40) * 2 * np.pi / 20)
    elif name == "counting":
        values = np.array([0, 1, 0, 0, 1, 1, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 0], dtype=float)
    elif name == "step":
        values = np.r_[np.zeros(5), np.ones(10), np.zeros(25)]
    else:
        raise UserInputError("explorer.err_unknown_preset")
    # sin(π) is 1.2e-16 in floating point: a learner reading the box should see 0, as they would write it
    return ", ".join(f"{v:.3g}" for v in np.round(values, 3) + 0.0)


def preset(name: str, lang: str = "en") -> tuple[str, str]:
    """(input kind, the text a learner could have typed) for a preset."""
    if name not in PRESETS:
        raise UserInputError("explorer.err_unknown_preset")
    kind, en, zh = PRESETS[name]
    return (kind, (zh if lang == "zh" else en)) if kind == "text" else (kind, preset_numbers(name))


def check_sizes(hidden_size: int, num_layers: int):
    if not 1 <= hidden_size <= MAX_HIDDEN:
        raise UserInputError("explorer.err_hidden", limit=MAX_HIDDEN)
    if not 1 <= num_layers <= MAX_LAYERS:
        raise UserInputError("explorer.err_layers", limit=MAX_LAYERS)


# --- turning an input into model input vectors --------------------------------------------------


def token_vector(token: str, seed: int, dim: int = EMBED_DIM) -> np.ndarray:
    """A seeded random embedding that depends only on the token and the seed, so the same word gets
    the same vector wherever it appears (crc32: stable across processes, unlike hash())."""
    rng = np.random.default_rng([seed & 0xFFFFFFFF, zlib.crc32(token.encode("utf-8"))])
    return rng.normal(0.0, 1.0, dim)  # (dim,)


def embed_random(seq: SequenceInput, seed: int, dim: int = EMBED_DIM) -> np.ndarray:
    """(T, dim) random embeddings for a text input, or (T, 1) for numbers."""
    if seq.kind == "numbers":
        return np.asarray(seq.values, dtype=np.float64)[:, None]
    return np.stack([token_vector(tok, seed, dim) for tok in seq.labels])


def indicator(seq: SequenceInput, trigger: str) -> np.ndarray:
    """The hand-built cells' one feature (T, 1): 1 where the token is the trigger; numbers as they are."""
    if seq.kind == "numbers":
        return np.asarray(seq.values, dtype=np.float64)[:, None]
    return np.array([[1.0 if tok == trigger else 0.0] for tok in seq.labels])


def parse_trigger(text: str, mode: str = "auto") -> str:
    tokens = tokenise(text or "", mode=mode)
    if not tokens:
        raise UserInputError("explorer.err_trigger")
    return tokens[0]


def encode_for_vocab(seq: SequenceInput, vocab: Vocab) -> tuple[list[int], tuple, list[str]]:
    """(indices, labels with unknown tokens shown as <unk>, the unknown tokens)."""
    indices = vocab.encode(seq.labels)
    labels = tuple(vocab.decode(indices))
    unknown = [tok for tok, shown in zip(seq.labels, labels, strict=True) if shown == OOV and tok != OOV]
    return indices, labels, unknown


def scale_numbers(seq: SequenceInput, scale: tuple | None) -> np.ndarray:
    """(T, 1) numbers through a forecaster's Min-Max scaler (fitted on its training data)."""
    values = np.asarray(seq.values, dtype=np.float64)[:, None]
    if scale is None:
        return values
    low, high = scale
    return (values - low) / (high - low) if high != low else values - low
