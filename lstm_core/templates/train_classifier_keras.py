"""Train the sequence classifier of one LSTM Lab run in Keras 3: the same data, split and settings as the
PyTorch script beside it, written the way Keras tutorials write it. It trains, prints the test metrics,
writes them to metrics.json and saves model.keras (and, for text, word_index.json: the vocabulary as Keras's
Tokenizer.to_json() writes it). Open both in LSTM Lab's explorer to step through the gates of this model
(text, or one number a step: the explorer gives a model one number a step).

Where it differs from a tutorial's usual code (each is marked "Unlike most tutorials" below):
- the validation data is the page's own validation part, not validation_split;
- there is no scaler to fit here (token ids or symbols); on /forecast one is fitted on the training part only;
- the page compares the model with a baseline that ignores order (word counts for text, each feature's mean over
  the steps for numbers): keep one, or a score means little.
Keras's numbers will not equal the PyTorch script's: Keras draws its starting weights differently.

    python train_classifier_keras.py
"""

import json
import os
from pathlib import Path

import numpy as np

os.environ.setdefault("KERAS_BACKEND", "torch")  # any Keras 3 backend works (LSTM Lab tests it on torch)
import keras  # noqa: E402

# --- settings (the run's, as set on /train) ---
KIND = "lstm"  # Model: "lstm", "gru" or "rnn" (tanh)
EMBEDDING_SIZE = 32  # Model: embedding size (text only)
HIDDEN_SIZE = 32  # Model: hidden size, units per direction
NUM_LAYERS = 1  # Model: layers
BIDIRECTIONAL = False  # Model: bidirectional
DROPOUT = 0.0  # Model: dropout on the embeddings, between layers and before the head
OPTIMIZER = "adam"  # Training: optimiser ("adam" or "sgd" with momentum 0.9)
LR = 0.01  # Training: learning rate
BATCH_SIZE = 32  # Training: batch size
EPOCHS = 10  # Training: epochs
WEIGHT_DECAY = 0.0  # Training: weight decay (Keras decays the weights directly, PyTorch adds an L2 term)
CLIP = 1.0  # Training: gradient clipping (max norm of all gradients together); None switches it off
PATIENCE = None  # Training: early stopping on the validation loss after this many epochs; None: off
STOP_AFTER = None  # Training: the page's Stop, after this many batches in all (its weights then kept); None: off
SEED = 0  # Model: seed
# --- end of settings ---

HERE = Path(__file__).resolve().parent


# --- Data: split (stratified) and encoded as on the page; the vocabulary came from the training part alone
def load_data(path=HERE / "data.npz"):
    data = np.load(path, allow_pickle=False)
    splits = {split: (data[f"{split}_x"], data[f"{split}_y"]) for split in ("train", "val", "test")}
    vocab_size = int(data["vocab_size"]) if "vocab_size" in data else None
    vocab = [str(token) for token in data["vocab"]] if "vocab" in data else None
    return splits, [str(c) for c in data["class_names"]], vocab_size, vocab


# --- Vocabulary: id -> token as the page built it, saved as Keras's Tokenizer.to_json() writes it
def save_word_index(vocab, train_x, path):
    """Words keep their ids; id 0 is padding, "<unk>" is the out-of-vocabulary token. Chinese text the page
    read one character a token is read the same way (char_level); text it cut into words needs spaces. The
    counts are the training part's, so keras's tokenizer_from_json() reads the file too."""
    words = {token: k for k, token in enumerate(vocab) if k > 0}
    chinese = [token for token in words if any("\u4e00" <= ch <= "\u9fff" for ch in token)]
    counts = np.bincount(train_x.ravel(), minlength=len(vocab))  # id 0, the padding, is no word
    docs = np.bincount(np.concatenate([np.unique(row) for row in train_x]), minlength=len(vocab))
    config = {
        "num_words": None,
        "filters": '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n',
        "lower": True,
        "split": " ",
        "char_level": bool(chinese) and all(len(token) == 1 for token in chinese),
        "oov_token": "<unk>",
        "document_count": len(train_x),
        "word_counts": json.dumps({w: int(counts[k]) for w, k in words.items()}, ensure_ascii=False),
        "word_docs": json.dumps({w: int(docs[k]) for w, k in words.items()}, ensure_ascii=False),
        "index_docs": json.dumps({str(k): int(docs[k]) for k in words.values()}),
        "index_word": json.dumps({str(k): w for w, k in words.items()}, ensure_ascii=False),
        "word_index": json.dumps(words, ensure_ascii=False),
    }
    path.write_text(json.dumps({"class_name": "Tokenizer", "config": config}, ensure_ascii=False), encoding="utf-8")


# --- Model: Embedding (text; id 0 is padding, masked) -> recurrent layers -> Dense softmax
def build_model(num_classes, vocab_size, features):
    L = keras.layers
    cell = {"lstm": L.LSTM, "gru": L.GRU, "rnn": L.SimpleRNN}[KIND]
    if vocab_size is not None:
        layers = [keras.Input((None,), dtype="int32"), L.Embedding(vocab_size, EMBEDDING_SIZE, mask_zero=True)]
    else:
        layers = [keras.Input((None, features))]
    for k in range(NUM_LAYERS):
        if DROPOUT:
            layers.append(L.Dropout(DROPOUT, seed=SEED))
        rnn = cell(HIDDEN_SIZE, return_sequences=k < NUM_LAYERS - 1)
        layers.append(L.Bidirectional(rnn) if BIDIRECTIONAL else rnn)
    if DROPOUT:
        layers.append(L.Dropout(DROPOUT, seed=SEED))
    layers.append(L.Dense(num_classes, activation="softmax"))
    return keras.Sequential(layers)


# --- Results: the metrics the page shows
def summary(y_true, proba, num_classes):
    """Loss, accuracy, precision, recall, F1: class 1's for two classes, else the mean over classes."""
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


class StopAfter(keras.callbacks.Callback):
    """Stop after `batches` batches in all, where the run on the page was stopped."""

    def __init__(self, batches):
        super().__init__()
        self.batches, self.seen = batches, 0

    def on_train_batch_end(self, batch, logs=None):
        self.seen += 1
        if self.seen == self.batches:
            self.model.stop_training = True
            print(f"stopped after {self.seen} batches, as the run on the page was")


def main():
    keras.utils.set_random_seed(SEED)
    splits, class_names, vocab_size, vocab = load_data()
    (train_x, train_y), (val_x, val_y), (test_x, test_y) = splits["train"], splits["val"], splits["test"]
    model = build_model(len(class_names), vocab_size, None if vocab_size is not None else train_x.shape[-1])
    clip = {"global_clipnorm": CLIP} if CLIP else {}
    decay = {"weight_decay": WEIGHT_DECAY} if WEIGHT_DECAY else {}
    if OPTIMIZER == "sgd":
        optimizer = keras.optimizers.SGD(LR, momentum=0.9, **clip, **decay)
    else:
        optimizer = keras.optimizers.Adam(LR, **clip, **decay)
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    # --- Training. Unlike most tutorials: early stopping watches the page's validation part and goes back
    # to the best epoch's weights, as the page does
    callbacks = [keras.callbacks.EarlyStopping("val_loss", patience=PATIENCE, restore_best_weights=True)] if PATIENCE else []
    if STOP_AFTER:  # the page's Stop keeps the weights of that moment: no going back to a best epoch
        callbacks = [StopAfter(STOP_AFTER)]
    # Unlike most tutorials: validation_data is the page's stratified validation part; validation_split=0.2
    # would take the last 20% of the training rows, unshuffled
    model.fit(train_x, train_y, validation_data=(val_x, val_y), epochs=EPOCHS, batch_size=BATCH_SIZE, callbacks=callbacks)
    test = summary(test_y, model.predict(test_x, verbose=0), len(class_names))
    # Unlike most tutorials: compare with a baseline. The page's baseline (a logistic regression on word counts for
    # text, on the time-averaged features for numbers), scored on the same test part, is in the run report (Export
    # tab); a model that does not beat it has not learnt anything from the order
    print("test:", ", ".join(f"{k} {v:.4f}" for k, v in test.items()))
    (HERE / "metrics.json").write_text(json.dumps(test, indent=2))
    model.save(HERE / "model.keras")  # open it in LSTM Lab's explorer, gate by gate
    if vocab is not None:
        save_word_index(vocab, train_x, HERE / "word_index.json")  # upload it beside model.keras to type sentences


if __name__ == "__main__":
    main()
