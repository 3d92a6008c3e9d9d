"""Sequence classifiers for /train: tokens -> embedding (or raw feature vectors) -> RNN / LSTM / GRU
-> linear head, and a bag-of-words logistic regression that ignores word order.

Everything random comes from the run's seed through the model's own generators (weights, dropout
masks), so the same seed reproduces a run exactly and two learners never share random state.
The recurrent part is a stack of fused `torch.nn.RNN/LSTM/GRU` modules (or `CellLayer`s for the
variants torch lacks) so `recorder()` can hand
the trained weights to the explorer (lstm_core.from_torch).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import partial

import numpy as np
import torch
from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence

from lstm_core.text import MODEL_MAXLEN, MODEL_VOCAB, build_vocab, pad_for_model, tokenise

from . import cells, metrics
from .classifier_choices import (  # noqa: F401  the ones not used here are re-exported for the model's callers
    GATE_BLOCKS,
    KINDS,
    LIMITS,
    RECORDER_KIND,
    ClassifierConfig,
    check_limits,
    recurrent_parameter_count,
)
from .errors import UserInputError
from .recorder import Recorder, from_torch
from .torch_cells import CellLayer, init_linear_


class SequenceClassifier(torch.nn.Module):
    def __init__(self, config: ClassifierConfig):
        super().__init__()
        check_limits(hidden_size=config.hidden_size, num_layers=config.num_layers, dropout=config.dropout)
        if config.kind not in KINDS:
            raise UserInputError("train.err_kind", kind=config.kind)
        self.config = config
        self.text = config.vocab_size is not None
        if self.text:
            check_limits(embedding_size=config.embedding_size)
            self.embedding = torch.nn.Embedding(config.vocab_size, config.embedding_size, padding_idx=0)
            width = config.embedding_size
        else:
            # the RNN's own input weights W_ih are the linear input layer: the explorer can then
            # trace exactly the vectors the model reads
            self.embedding = None
            width = config.input_features
        torch_module = cells.spec(RECORDER_KIND[config.kind]).torch_module
        cls = getattr(torch.nn, torch_module) if torch_module else partial(CellLayer, RECORDER_KIND[config.kind])
        directions = 2 if config.bidirectional else 1
        # one single-layer module per layer: nn.LSTM's own inter-layer dropout would draw from the
        # process-wide RNG, ours draws from the run's generator
        self.rnns = torch.nn.ModuleList()
        for _ in range(config.num_layers):
            self.rnns.append(cls(width, config.hidden_size, batch_first=True, bidirectional=config.bidirectional))
            width = config.hidden_size * directions
        self.head = torch.nn.Linear(width, config.num_classes)
        generator = torch.Generator().manual_seed(config.seed)
        _init_(self, generator)
        self.dropout_generator = torch.Generator().manual_seed(config.seed + 1_000_003)

    def _drop(self, x: torch.Tensor) -> torch.Tensor:
        p = self.config.dropout
        if not self.training or p == 0:
            return x
        keep = torch.rand(x.shape, generator=self.dropout_generator) >= p
        return x * keep / (1 - p)

    def embed(self, x: torch.Tensor) -> torch.Tensor:
        """(B, T) token ids -> (B, T, E) vectors; feature sequences pass through."""
        return self.embedding(x) if self.text else x

    def lengths(self, x: torch.Tensor) -> torch.Tensor | None:
        """Text is post-padded with 0: each row's real length (at least 1, so an empty text reads one
        padding token rather than failing)."""
        return (x != 0).sum(1).clamp(min=1) if self.text else None

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x: (B, T) token ids (post-padded with 0) or (B, T, F) features -> (B, C) logits."""
        return self.forward_embedded(self.embed(x), self.lengths(x))

    def forward_embedded(self, vectors: torch.Tensor, lengths: torch.Tensor | None = None) -> torch.Tensor:
        """(B, T, E) input vectors -> (B, C) logits. With `lengths`, the padding is packed away so
        each sequence's final state is the one after its last real token (in both directions)."""
        seq = self._drop(vectors)
        if lengths is not None:
            seq = pack_padded_sequence(seq, lengths.cpu(), batch_first=True, enforce_sorted=False)
        for k, rnn in enumerate(self.rnns):
            if k:
                seq = seq._replace(data=self._drop(seq.data)) if isinstance(seq, PackedSequence) else self._drop(seq)
            seq, state = rnn(seq)
        h_n = state[0] if isinstance(state, tuple) else state  # (D, B, H): the last layer's final states
        final = torch.cat(list(h_n), dim=-1)  # (B, D*H)
        return self.head(self._drop(final))

    def recorder(self) -> Recorder:
        """The trained recurrent layers as one Recorder (time-first), for tracing in the explorer."""
        layers = [layer for rnn in self.rnns for layer in from_torch(rnn).layers]
        return Recorder(from_torch(self.rnns[0]).kind, layers, batch_first=False)


class BagOfWords(torch.nn.Module):
    """Logistic regression on token counts (text) or on the time-averaged features (sequences):
    it sees *which* tokens occur, never in what order."""

    def __init__(self, num_classes: int, vocab_size: int | None = None, input_features: int | None = None, seed: int = 0):
        super().__init__()
        self.text = vocab_size is not None
        self.width = vocab_size if self.text else input_features
        self.linear = torch.nn.Linear(self.width, num_classes)
        _init_(self, torch.Generator().manual_seed(seed))

    def features(self, x: torch.Tensor) -> torch.Tensor:
        if not self.text:
            return x.mean(1)  # (B, F)
        counts = torch.zeros(len(x), self.width).scatter_add_(1, x, torch.ones_like(x, dtype=torch.float32))  # (B, V)
        counts[:, 0] = 0  # padding is not a word
        return counts

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.linear(self.features(x))


def _init_(module: torch.nn.Module, generator: torch.Generator):
    """PyTorch's default initialisation, drawn from `generator` instead of the global RNG."""
    with torch.no_grad():
        for name, child in module.named_children():
            if name == "embedding":
                torch.nn.init.normal_(child.weight, generator=generator)
                child.weight[0] = 0  # the padding row
            elif name == "rnns":
                bound = 1 / math.sqrt(module.config.hidden_size)
                for p in child.parameters():
                    torch.nn.init.uniform_(p, -bound, bound, generator=generator)
            else:  # the dense layers: the classifier's head, the bag of words' only layer
                init_linear_(child, generator)


# --- data in, scores out ----------------------------------------------------------------------


def encode_texts(texts, vocab, tokenise, maxlen: int) -> torch.Tensor:
    """Texts -> (N, T) token ids, post-padded with 0 (and cut after maxlen tokens)."""
    ids = [vocab.encode(tokenise(text)) for text in texts]
    T = max(1, min(maxlen, max((len(s) for s in ids), default=1)))
    return torch.tensor(pad_for_model(ids, T), dtype=torch.long)


@torch.no_grad()
def predict_proba(model: torch.nn.Module, inputs: torch.Tensor, batch_size: int = 512) -> np.ndarray:
    """(N, C) class probabilities, in eval mode (no dropout)."""
    was_training = model.training
    model.eval()
    out = [torch.softmax(model(inputs[k : k + batch_size]), -1) for k in range(0, len(inputs), batch_size)]
    model.train(was_training)
    return torch.cat(out).numpy() if out else np.zeros((0, 0), np.float32)


def summary(y_true, proba: np.ndarray, num_classes: int) -> dict:
    """Loss, accuracy, precision, recall and F1 of one split. Binary tasks report class 1 (the
    positive class); multi-class tasks the macro average over classes."""
    y_true = np.asarray(y_true)
    y_pred = proba.argmax(1)
    precision, recall, f1, _ = metrics.precision_recall_f1_support(y_true, y_pred, num_classes)
    pick = (lambda a: float(a[1])) if num_classes == 2 else (lambda a: float(a.mean()))
    picked = np.clip(proba[np.arange(len(y_true)), y_true], 1e-12, 1.0)
    return {
        "loss": float(-np.log(picked).mean()),
        "accuracy": metrics.accuracy(y_true, y_pred),
        "precision": pick(precision),
        "recall": pick(recall),
        "f1": pick(f1),
    }


def make_evaluate(splits: dict, num_classes: int):
    """evaluate(model) for training.fit: every metric of `summary` for each named split, as keys
    like "val_f1"."""

    def evaluate(model):
        out = {}
        for split, (inputs, targets) in splits.items():
            for key, value in summary(targets.numpy(), predict_proba(model, inputs), num_classes).items():
                out[f"{split}_{key}"] = value
        return out

    return evaluate


def saliency(model: SequenceClassifier, token_ids, target: int | None = None, steps: int = 32):
    """Gradient x input on the embeddings of one text: how much each token pushed the logit of
    `target` (default: the predicted class). Returns (probabilities (C,), scores (T,)); a positive
    score pushed towards `target`.

    Plain gradient x input (steps=1) reads the slope at the input only, and a confident model is
    flat there. So by default the gradient is averaged along the straight path from all-zero
    embeddings to the input (integrated gradients): the scores then add up to
    logit(input) - logit(zeros), a check that tests/test_classifier.py makes."""
    model.eval()
    x = torch.as_tensor(token_ids, dtype=torch.long)[None]  # (1, T)
    vectors = model.embed(x).detach()  # (1, T, E)
    alphas = torch.arange(1, steps + 1, dtype=vectors.dtype)[:, None, None] / steps  # (S, 1, 1)
    path = (alphas * vectors).requires_grad_(True)  # (S, T, E)
    logits = model.forward_embedded(path, torch.full((steps,), x.shape[1]))  # (S, C)
    target = int(logits[-1].argmax()) if target is None else target
    logits[:, target].sum().backward()
    scores = (path.grad.mean(0) * vectors[0]).sum(-1)  # (T,)
    return torch.softmax(logits[-1].detach(), -1).numpy(), scores.detach().numpy()


# --- one run: prepare the splits, train the model and the baseline -------------------------------


@dataclass
class Prepared:
    """The three splits as tensors, plus what turns new text into the model's input."""

    train: tuple  # (inputs, targets): (N, T) long or (N, T, F) float, and (N,) long
    val: tuple
    test: tuple
    num_classes: int
    class_names: list
    vocab: object = None  # lstm_core.text.Vocab (text only), built from the training split alone
    tokenise_mode: str = "auto"
    test_texts: list | None = None

    @property
    def text(self) -> bool:
        return self.vocab is not None


def prepare(train, val, test, max_vocab: int = MODEL_VOCAB, maxlen: int = MODEL_MAXLEN, tokenise_mode: str = "auto") -> Prepared:
    """Splits of a datasets.classification.ClassificationData -> tensors. The vocabulary comes from
    the training split only, so validation and test words the model never saw become <unk>."""
    if min(len(train.y), len(val.y), len(test.y)) == 0:
        raise UserInputError("train.err_too_small", n=len(train.y) + len(val.y) + len(test.y))
    num_classes = len(train.class_names)
    if train.kind == "text":

        def tok(text):
            return tokenise(text, tokenise_mode)

        vocab = build_vocab(train.texts, tokenise_mode, max_vocab)
        tensors = [
            (encode_texts(d.texts, vocab, tok, maxlen), torch.as_tensor(d.y, dtype=torch.long)) for d in (train, val, test)
        ]
        return Prepared(*tensors, num_classes, list(train.class_names), vocab, tokenise_mode, list(test.texts))
    tensors = [(torch.as_tensor(d.X, dtype=torch.float32), torch.as_tensor(d.y, dtype=torch.long)) for d in (train, val, test)]
    return Prepared(*tensors, num_classes, list(train.class_names))


def build_model(prepared: Prepared, **settings) -> SequenceClassifier:
    """A classifier shaped for `prepared` (settings: the ClassifierConfig fields)."""
    shape = {"vocab_size": len(prepared.vocab)} if prepared.text else {"input_features": prepared.train[0].shape[-1]}
    return SequenceClassifier(ClassifierConfig(prepared.num_classes, **shape, **settings))


def train_model(model, prepared: Prepared, config, on_progress=None, should_stop=None):
    """Train with the shared loop; each epoch reports train and validation metrics. Early stopping
    (config.patience) watches the validation loss and restores the best weights."""
    from .training import Shuffled, fit

    check_limits(epochs=config.epochs, batch_size=config.batch_size)
    evaluate = make_evaluate({"train": prepared.train, "val": prepared.val}, prepared.num_classes)
    loss_fn = torch.nn.functional.cross_entropy
    batches = Shuffled(*prepared.train, config.batch_size, config.seed)
    return fit(model, batches, loss_fn, config, evaluate, "-val_loss", on_progress, should_stop)


def train_baseline(prepared: Prepared, seed: int = 0, should_stop=None):
    """The bag-of-words logistic regression on the same split (its own sensible optimiser settings:
    it is convex, so a larger step size is safe)."""
    from .training import TrainConfig

    shape = {"vocab_size": len(prepared.vocab)} if prepared.text else {"input_features": prepared.train[0].shape[-1]}
    model = BagOfWords(prepared.num_classes, **shape, seed=seed)
    config = TrainConfig(epochs=20, batch_size=64, lr=0.02, weight_decay=1e-4, patience=3, seed=seed)
    history = train_model(model, prepared, config, should_stop=should_stop)
    return model, history
