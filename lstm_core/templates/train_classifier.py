"""Train the sequence classifier of one LSTM Lab run again, in plain PyTorch: one file, no LSTM Lab.

Exported from LSTM Lab's /train page ("Get the code"). `data.npz` beside this file holds the run's
data exactly as the page split and encoded it; the settings below are the run's. Run

    python train_classifier.py

It trains, prints the test metrics and writes them to metrics.json. Same machine, same numbers as
the page (every random draw comes from the seed, through generators of this script's own).
"""

import json
import math
from pathlib import Path

import numpy as np
import torch
from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pad_packed_sequence

# --- settings (the run's, as set on /train) ---
KIND = "lstm"  # Model: "lstm", "gru", "rnn" (tanh), or a variant of LSTM Lab's whose equations are below
EMBEDDING_SIZE = 32  # Model: embedding size (text only)
HIDDEN_SIZE = 32  # Model: hidden size, units per direction
NUM_LAYERS = 1  # Model: layers
BIDIRECTIONAL = False  # Model: bidirectional
DROPOUT = 0.0  # Model: dropout on the embeddings, between layers and before the head
OPTIMIZER = "adam"  # Training: optimiser ("adam" or "sgd" with momentum 0.9)
LR = 0.01  # Training: learning rate
BATCH_SIZE = 32  # Training: batch size
EPOCHS = 10  # Training: epochs
WEIGHT_DECAY = 0.0  # Training: L2 penalty
CLIP = 1.0  # Training: gradient clipping (max norm); None switches it off
PATIENCE = None  # Training: early stopping on the validation loss after this many epochs; None: off
STOP_AFTER = None  # Training: the page's Stop, after this many batches in all (its weights then kept); None: off
SEED = 0  # Model: seed
# --- end of settings ---

HERE = Path(__file__).resolve().parent


# --- Cell equations, for a KIND torch.nn has no module for (LSTM Lab writes that cell's step here)
GATE_BLOCKS = 4  # weight blocks stacked in W_ih and W_hh


def cell_step(xw, h, c, W_hh, b_hh):
    """One time step from xw = W_ih x_t + b_ih (B, G*H) and the previous h, c (B, H): {quantity: (B, H)}."""
    raise NotImplementedError(f"torch.nn has a module for {KIND}: this script uses it")


# --- end of cell equations


# --- Data: split (stratified) and encoded as on the page; the vocabulary came from the training part alone
def load_data(path=HERE / "data.npz"):
    data = np.load(path, allow_pickle=False)
    splits = {}
    for split in ("train", "val", "test"):
        x = torch.from_numpy(data[f"{split}_x"])  # (N, T) token ids, post-padded with 0; or (N, T, F) numbers
        splits[split] = (
            x.long() if x.dtype in (torch.int32, torch.int64) else x.float(),
            torch.from_numpy(data[f"{split}_y"]).long(),
        )
    class_names = [str(c) for c in data["class_names"]]
    vocab_size = int(data["vocab_size"]) if "vocab_size" in data else None
    return splits, class_names, vocab_size


# --- Model: embedding (text) -> RNN / LSTM / GRU layers -> linear head on the last states
class SequenceClassifier(torch.nn.Module):
    def __init__(self, num_classes, vocab_size=None, input_features=None):
        super().__init__()
        self.text = vocab_size is not None
        if self.text:
            self.embedding = torch.nn.Embedding(vocab_size, EMBEDDING_SIZE, padding_idx=0)
            width = EMBEDDING_SIZE
        else:
            self.embedding = None
            width = input_features
        cell = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU, "rnn": torch.nn.RNN}.get(KIND, CellLayer)
        # one module per layer, so that dropout between layers draws from our own generator
        self.rnns = torch.nn.ModuleList()
        for _ in range(NUM_LAYERS):
            self.rnns.append(cell(width, HIDDEN_SIZE, batch_first=True, bidirectional=BIDIRECTIONAL))
            width = HIDDEN_SIZE * (2 if BIDIRECTIONAL else 1)
        self.head = torch.nn.Linear(width, num_classes)
        initialise(self, torch.Generator().manual_seed(SEED))
        self.dropout_generator = torch.Generator().manual_seed(SEED + 1_000_003)

    def drop(self, x):
        if not self.training or DROPOUT == 0:
            return x
        keep = torch.rand(x.shape, generator=self.dropout_generator) >= DROPOUT
        return x * keep / (1 - DROPOUT)

    def forward(self, x):
        """x: (B, T) token ids or (B, T, F) numbers -> (B, C) logits."""
        seq = self.drop(self.embedding(x) if self.text else x)
        if self.text:  # pack the padding away: each text's final state is the one after its last word
            lengths = (x != 0).sum(1).clamp(min=1)
            seq = pack_padded_sequence(seq, lengths, batch_first=True, enforce_sorted=False)
        for k, rnn in enumerate(self.rnns):
            if k:
                seq = seq._replace(data=self.drop(seq.data)) if isinstance(seq, PackedSequence) else self.drop(seq)
            seq, state = rnn(seq)
        h_n = state[0] if isinstance(state, tuple) else state  # (directions, B, H) of the last layer
        return self.head(self.drop(torch.cat(list(h_n), dim=-1)))


class CellLayer(torch.nn.Module):
    """A recurrent layer running cell_step at every time step, shaped like torch.nn.LSTM: the same
    parameter names, packed sequences in and out, (output, h_n) or (output, (h_n, c_n)) returned."""

    def __init__(self, input_size, hidden_size, batch_first=False, bidirectional=False):
        super().__init__()
        self.hidden_size, self.batch_first = hidden_size, batch_first
        self.directions = ("", "_reverse") if bidirectional else ("",)
        for suffix in self.directions:
            for name, width in (("weight_ih", input_size), ("weight_hh", hidden_size)):
                self.register_parameter(f"{name}_l0{suffix}", torch.nn.Parameter(torch.empty(GATE_BLOCKS * hidden_size, width)))
            for name in ("bias_ih", "bias_hh"):
                self.register_parameter(f"{name}_l0{suffix}", torch.nn.Parameter(torch.empty(GATE_BLOCKS * hidden_size)))

    def run(self, x, lengths, suffix):
        """x (T, B, I) -> outputs (T, B, H), final h and c (B, H); past its length a sequence keeps its state."""
        W_ih, W_hh, b_ih, b_hh = (getattr(self, f"{n}_l0{suffix}") for n in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"))
        h = x.new_zeros(x.shape[1], self.hidden_size)
        c = x.new_zeros(x.shape[1], self.hidden_size)
        xw = x @ W_ih.T + b_ih  # (T, B, G*H)
        outputs = []
        for t in range(len(x)):
            step = cell_step(xw[t], h, c, W_hh, b_hh)
            live = (t < lengths)[:, None]  # (B, 1)
            h = torch.where(live, step["h"], h)
            c = torch.where(live, step["c"], c) if "c" in step else c
            outputs.append(torch.where(live, step["h"], torch.zeros_like(h)))
        return torch.stack(outputs), h, c

    def forward(self, x):
        packed = isinstance(x, PackedSequence)
        if packed:
            x, lengths = pad_packed_sequence(x)  # (T, B, I)
        else:
            x = x.transpose(0, 1) if self.batch_first else x
            lengths = torch.full((x.shape[1],), x.shape[0])
        t = torch.arange(len(x))[:, None]
        backwards = torch.where(t < lengths, lengths - 1 - t, t)[:, :, None]  # each sequence read from its own end
        outputs, h_n, c_n = [], [], []
        for d, suffix in enumerate(self.directions):
            seq = x if d == 0 else torch.gather(x, 0, backwards.expand(-1, -1, x.shape[2]))
            out, h, c = self.run(seq, lengths, suffix)
            outputs.append(out if d == 0 else torch.gather(out, 0, backwards.expand(-1, -1, out.shape[2])))
            h_n.append(h)
            c_n.append(c)
        output, state = torch.cat(outputs, dim=-1), (torch.stack(h_n), torch.stack(c_n))  # as torch.nn.LSTM
        if packed:
            return pack_padded_sequence(output, lengths, enforce_sorted=False), state
        return (output.transpose(0, 1) if self.batch_first else output), state


def initialise(model, generator):
    """PyTorch's default initialisation, drawn from `generator` (N(0, 1) embeddings with a zero padding row)."""
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.startswith("embedding"):
                torch.nn.init.normal_(p, generator=generator)
                p[0] = 0
            elif name.startswith("rnns"):
                bound = 1 / math.sqrt(HIDDEN_SIZE)
                torch.nn.init.uniform_(p, -bound, bound, generator=generator)
            else:
                fan_in = p.shape[1] if p.ndim == 2 else model.head.weight.shape[1]
                bound = 1 / math.sqrt(fan_in)
                torch.nn.init.uniform_(p, -bound, bound, generator=generator)


# --- Results: probabilities and the metrics the page shows
@torch.no_grad()
def predict_proba(model, inputs, batch_size=512):
    model.eval()
    out = [torch.softmax(model(inputs[k : k + batch_size]), -1) for k in range(0, len(inputs), batch_size)]
    model.train()
    return torch.cat(out).numpy()


def summary(y_true, proba, num_classes):
    """Loss, accuracy, precision, recall, F1: class 1's for two classes, else the mean over classes."""
    y_true = np.asarray(y_true)
    y_pred = proba.argmax(1)
    cm = np.zeros((num_classes, num_classes), dtype=np.int64)
    np.add.at(cm, (y_true, y_pred), 1)
    tp, predicted, support = np.diag(cm), cm.sum(0), cm.sum(1)

    def ratio(a, b):
        return np.divide(a, b, out=np.zeros(len(a)), where=b > 0)

    precision, recall, f1 = ratio(tp, predicted), ratio(tp, support), ratio(2 * tp, predicted + support)
    pick = (lambda a: float(a[1])) if num_classes == 2 else (lambda a: float(a.mean()))
    picked = np.clip(proba[np.arange(len(y_true)), y_true], 1e-12, 1.0)
    return {
        "loss": float(-np.log(picked).mean()),
        "accuracy": float(np.mean(y_true == y_pred)),
        "precision": pick(precision),
        "recall": pick(recall),
        "f1": pick(f1),
    }


# --- Training: mini-batches in a seeded order, clipping, early stopping on the validation loss
def fit(model, splits, num_classes):
    inputs, targets = splits["train"]
    n = len(inputs)
    rng = np.random.default_rng(SEED)
    if OPTIMIZER == "sgd":
        optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=0.9, weight_decay=WEIGHT_DECAY)
    else:
        optimizer = torch.optim.Adam(model.parameters(), lr=LR, weight_decay=WEIGHT_DECAY)
    best, since_best, best_state, steps = -math.inf, 0, None, 0
    for epoch in range(1, EPOCHS + 1):
        model.train()
        order = torch.from_numpy(rng.permutation(n))
        total = 0.0
        for start in range(0, n, BATCH_SIZE):
            batch = order[start : start + BATCH_SIZE]
            loss = torch.nn.functional.cross_entropy(model(inputs[batch]), targets[batch])
            if not torch.isfinite(loss):
                print("the loss is no longer a number: try a smaller learning rate")
                return
            optimizer.zero_grad()
            loss.backward()
            if CLIP:
                torch.nn.utils.clip_grad_norm_(model.parameters(), CLIP)
            optimizer.step()
            total += loss.item() * len(batch)
            steps += 1
            if steps == STOP_AFTER:  # where the page's run was stopped: the weights of that moment
                print(f"stopped after {steps} batches, as the run on the page was")
                return
        val = summary(splits["val"][1].numpy(), predict_proba(model, splits["val"][0]), num_classes)
        print(f"epoch {epoch}: loss {total / n:.4f}, validation loss {val['loss']:.4f}, accuracy {val['accuracy']:.3f}")
        if PATIENCE:
            if -val["loss"] > best:
                best, since_best = -val["loss"], 0
                best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
            else:
                since_best += 1
                if since_best >= PATIENCE:
                    model.load_state_dict(best_state)  # back to the epoch with the best validation loss
                    print(f"early stopping: the validation loss has not improved for {PATIENCE} epochs")
                    return
    if PATIENCE and since_best:  # the epoch limit came first: the best epoch's weights too (as Keras restores them)
        model.load_state_dict(best_state)
        print("the validation loss was lowest in an earlier epoch: its weights are kept")


def main():
    torch.set_num_threads(1)  # as the page trains: one thread
    splits, class_names, vocab_size = load_data()
    features = None if vocab_size is not None else splits["train"][0].shape[-1]
    model = SequenceClassifier(len(class_names), vocab_size, features)
    fit(model, splits, len(class_names))
    test = summary(splits["test"][1].numpy(), predict_proba(model, splits["test"][0]), len(class_names))
    print("test:", ", ".join(f"{k} {v:.4f}" for k, v in test.items()))
    (HERE / "metrics.json").write_text(json.dumps(test, indent=2))


if __name__ == "__main__":
    main()
