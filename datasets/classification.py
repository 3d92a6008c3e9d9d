"""Classification data sets for /train and /text-pipeline: one loader, one stratified split.

Every data set is offline and seeded (np.random.default_rng(seed)); the real ones are read from the
small files in datasets/data/ (see datasets/CARDS.md for source, licence and size). No scikit-learn,
no network, no Streamlit here.

Two kinds:
- "text": `texts` (list of str) in `lang`; the training page tokenises them with lstm_core.text.
- "sequence": `X` of shape (N, T, F) float32, time second (batch first).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from lstm_core.errors import UserInputError

from .negation import negation_sentences

DATA = Path(__file__).parent / "data"
MAX_EXAMPLES = 20_000  # a larger request would only slow the shared server down


@dataclass
class ClassificationData:
    name: str  # key in NAMES, e.g. "negation_en"
    kind: str  # "text" or "sequence"
    texts: list[str] | None  # kind == "text"
    X: np.ndarray | None  # kind == "sequence": (N, T, F) float32
    y: np.ndarray  # (N,) int64 class indices
    class_names: list[str]  # string keys for ui.t(...), e.g. "data.class.negative"
    lang: str | None  # "en" / "zh" for text, None for sequences

    def __len__(self) -> int:
        return len(self.y)

    def take(self, index) -> ClassificationData:
        """The examples at `index` (an integer array), as a new data set."""
        index = np.asarray(index, dtype=np.int64)
        return replace(
            self,
            texts=None if self.texts is None else [self.texts[k] for k in index],
            X=None if self.X is None else self.X[index],
            y=self.y[index],
        )


SENTIMENT = ["data.class.negative", "data.class.positive"]

# name -> what the pages need to list it. "default_n" is the size when n is None, "max_n" the most a
# real set holds; "length" the (default, min, max) sequence length of generators with a length control;
# "features" a sequence set's numbers per step (a text set's is its embedding size).
NAMES: dict[str, dict] = {
    "negation_en": {"kind": "text", "lang": "en", "title_key": "data.negation_en", "card_key": "data.card.negation_en",
                    "classes": 2, "supports_length": False, "default_n": 3000},
    "negation_zh": {"kind": "text", "lang": "zh", "title_key": "data.negation_zh", "card_key": "data.card.negation_zh",
                    "classes": 2, "supports_length": False, "default_n": 3000},
    "reviews_zh": {"kind": "text", "lang": "zh", "title_key": "data.reviews_zh", "card_key": "data.card.reviews_zh",
                   "classes": 2, "supports_length": False, "default_n": 2000, "max_n": 2000},
    "digits": {"kind": "sequence", "lang": None, "title_key": "data.digits", "card_key": "data.card.digits",
               "classes": 10, "features": 8, "supports_length": False, "default_n": 1797, "max_n": 1797},
    "gunpoint": {"kind": "sequence", "lang": None, "title_key": "data.gunpoint", "card_key": "data.card.gunpoint",
                 "classes": 2, "features": 1, "supports_length": False, "default_n": 200, "max_n": 200},
    "parity": {"kind": "sequence", "lang": None, "title_key": "data.parity", "card_key": "data.card.parity",
               "classes": 2, "features": 2, "supports_length": True, "default_n": 2000, "length": (10, 2, 60)},
    "brackets": {"kind": "sequence", "lang": None, "title_key": "data.brackets", "card_key": "data.card.brackets",
                 "classes": 2, "features": 2, "supports_length": True, "default_n": 2000, "length": (12, 4, 40)},
    "pattern": {"kind": "sequence", "lang": None, "title_key": "data.pattern", "card_key": "data.card.pattern",
                "classes": 2, "features": 2, "supports_length": True, "default_n": 2000, "length": (12, 4, 60)},
}  # fmt: skip


SHARE_RANGE = (0.05, 0.5)  # share of positives a two-class set can be given (seed 000: accuracy vs recall)


def load(
    name: str, seed: int = 0, n: int | None = None, length: int | None = None, positive_share: float | None = None
) -> ClassificationData:
    """The data set `name` (a key of NAMES). `n` caps the number of examples (the real sets are
    sub-sampled, class-balanced where possible); `length` sets the sequence length of generators that
    support it; `positive_share` (two-class sets) keeps that share of class 1, at most n examples in
    all. Same arguments -> same data."""
    if positive_share is not None and NAMES.get(name, {}).get("classes") == 2 and positive_share != 0.5:
        low, high = SHARE_RANGE
        if not low <= positive_share <= high:
            raise UserInputError("data.err_share", share=positive_share, low=low, high=high)
        info = NAMES[name]
        wanted = n if n is not None else info["default_n"]
        # a balanced set twice the size of the larger class's need, then keep the wanted share
        loaded = load(name, seed, min(info.get("max_n", MAX_EXAMPLES), 2 * round(wanted * (1 - positive_share))), length)
        return rebalance(loaded, positive_share, wanted, seed)
    if name not in NAMES:
        raise UserInputError("data.err_unknown", name=str(name)[:40])
    info = NAMES[name]
    n_max = info.get("max_n", MAX_EXAMPLES)  # the real sets hold only so many examples
    if n is None:
        n = info["default_n"]
    if not 2 * info["classes"] <= n <= n_max:
        raise UserInputError("data.err_n", n=n, low=2 * info["classes"], high=n_max)
    if length is not None and not info["supports_length"]:
        length = None
    if info["supports_length"]:
        default, low, high = info["length"]
        length = default if length is None else length
        if not low <= length <= high:
            raise UserInputError("data.err_length", length=length, low=low, high=high)
    rng = np.random.default_rng(seed)
    return _LOADERS[name](rng, n, length)


# --- text ---------------------------------------------------------------------------------------


def _negation(lang):
    def make(rng, n, _length):
        texts, y = negation_sentences(lang, n, rng)
        return ClassificationData(f"negation_{lang}", "text", texts, None, y, SENTIMENT, lang)

    return make


def _reviews_zh(rng, n, _length):
    with open(DATA / "reviews_zh.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    y = np.array([int(r["label"]) for r in rows], dtype=np.int64)
    index = _balanced_subset(y, n, rng)
    return ClassificationData("reviews_zh", "text", [rows[k]["text"] for k in index], None, y[index], SENTIMENT, "zh")


def _balanced_subset(y: np.ndarray, n: int, rng) -> np.ndarray:
    """n indices, as equal per class as the data allows, in random order."""
    if n >= len(y):
        return rng.permutation(len(y))
    per_class = [rng.permutation(np.flatnonzero(y == c)) for c in np.unique(y)]
    # deal one example per class in turn, so each class gets floor or ceil of n / classes
    dealt = [idx for k in range(max(map(len, per_class))) for idx in (p[k] for p in per_class if k < len(p))]
    return rng.permutation(np.array(dealt[:n]))


# --- real sequences -----------------------------------------------------------------------------


def _digits(rng, n, _length):
    """Each 8x8 image read row by row: 8 time steps of 8 pixel intensities scaled to [0, 1]."""
    with np.load(DATA / "digits.npz", allow_pickle=False) as f:
        images, y = f["images"], f["target"].astype(np.int64)
    index = _balanced_subset(y, n, rng)
    X = (images[index] / 16.0).astype(np.float32)  # (N, 8, 8): (examples, rows = steps, pixels)
    return ClassificationData("digits", "sequence", None, X, y[index], [f"data.class.digit{k}" for k in range(10)], None)


def _gunpoint(rng, n, _length):
    with np.load(DATA / "gunpoint.npz", allow_pickle=False) as f:
        series, y = f["series"].astype(np.float32), f["target"].astype(np.int64)
    index = _balanced_subset(y, n, rng)
    X = series[index][:, :, None]  # (N, 150, 1)
    return ClassificationData("gunpoint", "sequence", None, X, y[index], ["data.class.gun", "data.class.point"], None)


# --- synthetic sequences ------------------------------------------------------------------------


def _one_hot(bits: np.ndarray) -> np.ndarray:
    return np.eye(2, dtype=np.float32)[bits]  # (N, T) -> (N, T, 2)


def _parity(rng, n, length):
    """Label = whether the number of ones is odd. Every bit matters, so the model must carry one bit
    of memory through the whole sequence."""
    y = rng.permutation(np.arange(n) % 2)  # (N,)
    bits = rng.integers(0, 2, (n, length))  # (N, T)
    wrong = bits.sum(axis=1) % 2 != y
    bits[wrong, rng.integers(0, length, wrong.sum())] ^= 1  # flipping one bit fixes the parity
    return ClassificationData(
        "parity", "sequence", None, _one_hot(bits), y.astype(np.int64), ["data.class.even", "data.class.odd"], None
    )


def _brackets(rng, n, length):
    """Strings of '(' (0) and ')' (1) with as many of each: balanced if no prefix closes more than it
    opened. Both classes have equal counts, so counting is not enough; the order decides."""
    length += length % 2
    y = rng.permutation(np.arange(n) % 2)
    want = {0: int(np.sum(y == 0)), 1: int(np.sum(y == 1))}
    found = {0: [], 1: []}
    base = np.repeat([0, 1], length // 2)
    while any(len(found[c]) < want[c] for c in (0, 1)):
        batch = rng.permuted(np.tile(base, (4 * n, 1)), axis=1)  # (4n, T): random equal-count strings
        depth = np.cumsum(1 - 2 * batch, axis=1)  # (4n, T): opened minus closed so far
        balanced = depth.min(axis=1) >= 0
        for c in (0, 1):
            found[c].extend(batch[balanced == bool(c)][: want[c] - len(found[c])])
    bits = np.zeros((n, length), dtype=np.int64)
    for c in (0, 1):
        bits[y == c] = np.array(found[c][: want[c]]).reshape(-1, length)
    return ClassificationData(
        "brackets", "sequence", None, _one_hot(bits), y.astype(np.int64), ["data.class.unbalanced", "data.class.balanced"], None
    )


PATTERN = (1, 0, 1)


def _contains_pattern(bits: np.ndarray) -> np.ndarray:
    T = bits.shape[1]
    hits = np.ones((bits.shape[0], T - 2), dtype=bool)
    for offset, value in enumerate(PATTERN):
        hits &= bits[:, offset : T - 2 + offset] == value
    return hits.any(axis=1)


def _pattern(rng, n, length):
    """Label = whether 1, 0, 1 occurs somewhere (consecutively). Negatives are random strings
    that avoid it; positives are such strings with the pattern written at one random place."""
    y = rng.permutation(np.arange(n) % 2)
    bits = rng.integers(0, 2, (n, length))
    for t in range(2, length):  # after "1 0" a 1 would complete the pattern: write 0 instead
        bits[(bits[:, t - 2] == 1) & (bits[:, t - 1] == 0), t] = 0
    positive = np.flatnonzero(y == 1)
    starts = rng.integers(0, length - 2, len(positive))
    for offset, value in enumerate(PATTERN):
        bits[positive, starts + offset] = value
    assert np.array_equal(_contains_pattern(bits), y == 1)
    return ClassificationData(
        "pattern", "sequence", None, _one_hot(bits), y.astype(np.int64), ["data.class.absent", "data.class.present"], None
    )


_LOADERS = {
    "negation_en": _negation("en"),
    "negation_zh": _negation("zh"),
    "reviews_zh": _reviews_zh,
    "digits": _digits,
    "gunpoint": _gunpoint,
    "parity": _parity,
    "brackets": _brackets,
    "pattern": _pattern,
}


def rebalance(data: ClassificationData, share: float, most: int, seed: int) -> ClassificationData:
    """At most `most` examples of two-class `data`, a share `share` of them positive (class 1), drawn
    at random (seeded): as many as the scarcer side allows."""
    positives, negatives = np.flatnonzero(data.y == 1), np.flatnonzero(data.y == 0)
    total = min(most, len(negatives) / (1 - share), len(positives) / share)
    n_pos = max(1, round(total * share))
    n_neg = round(total) - n_pos
    rng = np.random.default_rng([seed, 1])
    keep = np.concatenate([rng.choice(positives, n_pos, replace=False), rng.choice(negatives, n_neg, replace=False)])
    return data.take(rng.permutation(keep))


# --- splitting ----------------------------------------------------------------------------------


def split(data: ClassificationData, val_fraction: float = 0.15, test_fraction: float = 0.15, seed: int = 0):
    """Stratified train / validation / test split: each class is divided in the same proportions.
    Raises UserInputError if the fractions are invalid, a split would be empty, or a class would be
    missing from the training split."""
    if not (0 < val_fraction < 1 and 0 < test_fraction < 1 and val_fraction + test_fraction < 1):
        raise UserInputError("data.err_fractions", val=val_fraction, test=test_fraction)
    rng = np.random.default_rng(seed)
    parts = {"train": [], "val": [], "test": []}
    for c in range(len(data.class_names)):
        index = rng.permutation(np.flatnonzero(data.y == c))
        n_test = int(round(len(index) * test_fraction))
        n_val = int(round(len(index) * val_fraction))
        if len(index) and len(index) - n_test - n_val < 1:
            raise UserInputError("data.err_too_small", n=len(data), classes=len(data.class_names))
        parts["test"].append(index[:n_test])
        parts["val"].append(index[n_test : n_test + n_val])
        parts["train"].append(index[n_test + n_val :])
    out = []
    for key in ("train", "val", "test"):
        index = rng.permutation(np.concatenate(parts[key]))
        if len(index) == 0:
            raise UserInputError("data.err_too_small", n=len(data), classes=len(data.class_names))
        out.append(data.take(index))
    present = set(np.unique(out[0].y).tolist())
    if present != set(np.unique(data.y).tolist()):
        raise UserInputError("data.err_too_small", n=len(data), classes=len(data.class_names))
    return tuple(out)
