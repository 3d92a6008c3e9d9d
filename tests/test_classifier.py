"""The /train classifier: shapes, seeded determinism, the recorder's trace of the trained weights
against the torch module itself, the bag-of-words baseline's blindness to order, and saliency."""

from dataclasses import dataclass

import numpy as np
import pytest
import torch

from lstm_core import classifier as C
from lstm_core.errors import UserInputError
from lstm_core.training import TrainConfig


@dataclass
class Split:  # the fields of datasets.classification.ClassificationData that prepare() reads
    kind: str
    texts: list | None
    X: np.ndarray | None
    y: np.ndarray
    class_names: list


def order_task(n=300, seed=0):
    """'a b' vs 'b a' padded with filler words: the label is the order, the words are the same."""
    rng = np.random.default_rng(seed)
    texts, y = [], []
    for _ in range(n):
        label = int(rng.integers(2))
        filler = list(rng.choice(["x", "y", "z", "w"], size=int(rng.integers(0, 4))))
        pair = ["good", "not"] if label else ["not", "good"]
        texts.append(" ".join(filler[:1] + pair + filler[1:]))
        y.append(label)
    return Split("text", texts, None, np.array(y), ["neg", "pos"])


def prepared_order_task(n=300):
    data = order_task(n)
    part = lambda a, b: Split("text", data.texts[a:b], None, data.y[a:b], data.class_names)  # noqa: E731
    return C.prepare(part(0, n * 6 // 10), part(n * 6 // 10, n * 8 // 10), part(n * 8 // 10, n))


@pytest.mark.parametrize("kind", C.KINDS)
@pytest.mark.parametrize("bidirectional", [False, True])
def test_shapes_text_and_sequences(kind, bidirectional):
    text = C.SequenceClassifier(C.ClassifierConfig(4, vocab_size=30, kind=kind, num_layers=2, bidirectional=bidirectional))
    assert text(torch.tensor([[3, 4, 0, 0], [5, 6, 7, 8]])).shape == (2, 4)
    seq = C.SequenceClassifier(C.ClassifierConfig(3, input_features=5, kind=kind, bidirectional=bidirectional))
    assert seq(torch.zeros(6, 7, 5)).shape == (6, 3)
    assert C.BagOfWords(3, input_features=5)(torch.zeros(6, 7, 5)).shape == (6, 3)


@pytest.mark.parametrize("kind", C.KINDS)
def test_padding_does_not_change_the_prediction(kind):
    """Packed sequences: a text's logits are the same alone or padded next to a longer one."""
    model = C.SequenceClassifier(C.ClassifierConfig(2, vocab_size=20, kind=kind, bidirectional=True, num_layers=2))
    model.eval()
    alone = model(torch.tensor([[3, 4, 5]]))
    padded = model(torch.tensor([[3, 4, 5, 0, 0], [1, 2, 3, 4, 5]]))[:1]
    torch.testing.assert_close(alone, padded)


def test_weights_come_from_the_seed_not_the_global_rng():
    torch.manual_seed(1)
    a = C.SequenceClassifier(C.ClassifierConfig(2, vocab_size=20, seed=3))
    torch.manual_seed(2)
    b = C.SequenceClassifier(C.ClassifierConfig(2, vocab_size=20, seed=3))
    c = C.SequenceClassifier(C.ClassifierConfig(2, vocab_size=20, seed=4))
    for (name, pa), pb, pc in zip(a.state_dict().items(), b.state_dict().values(), c.state_dict().values(), strict=True):
        assert torch.equal(pa, pb), name
        assert not torch.equal(pa, pc), name


def _run(prepared, seed, dropout=0.3):
    model = C.build_model(prepared, kind="lstm", embedding_size=8, hidden_size=8, dropout=dropout, num_layers=2, seed=seed)
    history = C.train_model(model, prepared, TrainConfig(epochs=2, batch_size=32, lr=0.01, seed=seed))
    return model, history


@pytest.mark.trains
def test_same_seed_same_run_exactly():
    prepared = prepared_order_task(200)
    (m1, h1), (m2, h2), (_, h3) = _run(prepared, 5), _run(prepared, 5), _run(prepared, 6)
    assert h1.epochs == h2.epochs
    for p1, p2 in zip(m1.parameters(), m2.parameters(), strict=True):
        assert torch.equal(p1, p2)
    assert h1.epochs != h3.epochs
    assert set(h1.epochs[0]) >= {f"{s}_{m}" for s in ("train", "val") for m in ("loss", "accuracy", "precision", "recall", "f1")}


@pytest.mark.trains
@pytest.mark.parametrize("kind", ["lstm", "lstm1997", "cifg"])
def test_recorder_traces_the_trained_weights_exactly(kind):
    prepared = prepared_order_task(200)
    model = C.build_model(prepared, kind=kind, embedding_size=8, hidden_size=6, num_layers=2, bidirectional=True)
    C.train_model(model, prepared, TrainConfig(epochs=2, lr=0.02))
    model.eval()
    ids = torch.tensor([prepared.vocab.encode("x not good y".split())])  # (1, T)
    vectors = model.embedding(ids)  # (1, T, E)
    trace = model.recorder().record(vectors[0].detach().numpy())
    with torch.no_grad():
        seq = vectors
        for rnn in model.rnns:
            seq, _ = rnn(seq)  # (1, T, 2H)
        logits = model(ids)
    np.testing.assert_allclose(trace.h[:, 0], seq[0].numpy(), atol=1e-5)
    H = 6
    final = np.r_[trace.h[-1, 0, :H], trace.h[0, 0, H:]]  # forward's last step, reverse's first
    with torch.no_grad():
        from_trace = model.head(torch.from_numpy(final))
    torch.testing.assert_close(from_trace, logits[0], atol=1e-5, rtol=1e-5)


@pytest.mark.trains
def test_lstm_learns_order_and_bag_of_words_cannot():
    prepared = prepared_order_task(300)
    model = C.build_model(prepared, kind="lstm", embedding_size=8, hidden_size=16)
    C.train_model(model, prepared, TrainConfig(epochs=10, lr=0.02))
    lstm = C.summary(prepared.test[1].numpy(), C.predict_proba(model, prepared.test[0]), 2)["accuracy"]
    baseline, _ = C.train_baseline(prepared)
    bow = C.summary(prepared.test[1].numpy(), C.predict_proba(baseline, prepared.test[0]), 2)["accuracy"]
    assert lstm > 0.95
    assert bow < 0.7


@pytest.mark.trains
@pytest.mark.parametrize("kind", ["lstm1997", "cifg"])
def test_the_historical_variants_learn_order_on_the_same_data(kind):
    """/train offers them beside the LSTM: trained the same way, they learn what bag-of-words cannot
    (a robust bar, well under the LSTM's, so it holds on any CPU)."""
    prepared = prepared_order_task(300)
    model = C.build_model(prepared, kind=kind, embedding_size=8, hidden_size=16)
    C.train_model(model, prepared, TrainConfig(epochs=10, lr=0.02))
    assert C.summary(prepared.test[1].numpy(), C.predict_proba(model, prepared.test[0]), 2)["accuracy"] > 0.85


def test_summary_matches_sklearn():
    from sklearn import metrics as skm

    rng = np.random.default_rng(0)
    proba = rng.dirichlet(np.ones(3), size=50)
    y = rng.integers(0, 3, 50)
    s = C.summary(y, proba, 3)
    assert s["f1"] == pytest.approx(skm.f1_score(y, proba.argmax(1), average="macro"))
    assert s["loss"] == pytest.approx(skm.log_loss(y, proba, labels=[0, 1, 2]))
    proba2 = rng.dirichlet(np.ones(2), size=50)
    y2 = rng.integers(0, 2, 50)
    assert C.summary(y2, proba2, 2)["recall"] == pytest.approx(skm.recall_score(y2, proba2.argmax(1)))


@pytest.mark.trains
def test_saliency_points_at_the_deciding_token():
    """Label 1 iff the token 'key' occurs: in a trained model, 'key' gets the largest saliency."""
    rng = np.random.default_rng(1)
    words = ["a", "b", "c", "d", "e"]
    texts, y = [], []
    for _ in range(300):
        tokens = list(rng.choice(words, size=5))
        label = int(rng.integers(2))
        if label:
            tokens[int(rng.integers(5))] = "key"
        texts.append(" ".join(tokens))
        y.append(label)
    data = Split("text", texts, None, np.array(y), ["no", "yes"])
    part = lambda a, b: Split("text", texts[a:b], None, data.y[a:b], data.class_names)  # noqa: E731
    prepared = C.prepare(part(0, 200), part(200, 250), part(250, 300))
    model = C.build_model(prepared, kind="gru", embedding_size=8, hidden_size=8)
    C.train_model(model, prepared, TrainConfig(epochs=8, lr=0.02))
    hits = 0
    for tokens in (["a", "key", "b", "c", "d"], ["e", "d", "c", "b", "key"], ["key", "a", "a", "b", "e"]):
        proba, scores = C.saliency(model, prepared.vocab.encode(tokens))
        assert scores.shape == (5,) and proba.shape == (2,)
        hits += int(np.argmax(scores) == tokens.index("key")) * int(proba.argmax() == 1)
    assert hits == 3
    # completeness of integrated gradients: the scores add up to logit(input) - logit(zero vectors)
    ids = prepared.vocab.encode(["c", "key", "a"])
    _, scores = C.saliency(model, ids, target=1, steps=256)
    with torch.no_grad():
        x = torch.tensor([ids])
        gap = model(x)[0, 1] - model.forward_embedded(torch.zeros_like(model.embed(x)), torch.tensor([3]))[0, 1]
    assert scores.sum() == pytest.approx(float(gap), rel=0.02)


def test_bad_sizes_raise_translated_errors():
    with pytest.raises(UserInputError) as err:
        C.SequenceClassifier(C.ClassifierConfig(2, vocab_size=10, hidden_size=100_000))
    assert err.value.key == "train.err_size"
    with pytest.raises(UserInputError):
        C.check_limits(epochs=float("nan"))
    empty = Split("text", [], None, np.array([], dtype=np.int64), ["a", "b"])
    with pytest.raises(UserInputError) as err:
        C.prepare(order_task(5), empty, order_task(5))
    assert err.value.key == "train.err_too_small"
