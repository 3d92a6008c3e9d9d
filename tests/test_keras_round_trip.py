"""The round trip of issue 16, through the explorer page (AppTest) and the upload's own reader
(ui.keras_files.load_files):
- a /train run, exported as its Keras script and trained there for one epoch, opens back in the explorer
  with the word index the script writes, and the page shows Keras's own prediction for a sentence;
- a model trained in Keras (saved as .keras and as legacy .h5) shows Keras's prediction on the page.
The same path in a real browser, upload included: tests/browser/test_keras_round_trip.py."""

import base64
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from datasets import classification as D
from lstm_core import classifier as C
from lstm_core import export_code
from lstm_core.text import tokenise
from lstm_core.training import TrainConfig
from ui import keras_files
from ui.handoff import KEY
from ui.i18n import translate

os.environ.setdefault("KERAS_BACKEND", "torch")  # before the first import of keras
keras = pytest.importorskip("keras")  # the test-only oracle

pytestmark = pytest.mark.trains

PAGE = str(Path(__file__).resolve().parent.parent / "pages" / "explorer.py")
SMALL = {"kind": "lstm", "embedding_size": 8, "hidden_size": 6, "num_layers": 1, "bidirectional": False, "dropout": 0.0}


def exported_and_trained_in_keras(dataset: str, where: Path):
    """What a learner does: train on /train, Get the code, run the Keras script (one epoch here)."""
    prepared = C.prepare(*D.split(D.load(dataset, seed=0, n=120), seed=0))
    config = TrainConfig(epochs=1, batch_size=16, lr=0.01, seed=2)
    with zipfile.ZipFile(io.BytesIO(export_code.bundle(prepared, {**SMALL, "seed": 2}, config))) as z:
        z.extractall(where)
    done = subprocess.run(
        [sys.executable, str(where / export_code.KERAS_SCRIPT_NAME)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=where,
        env={**os.environ, "KERAS_BACKEND": "torch"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return prepared


def open_explorer(model, lang="en", **query) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=90)
    for key, value in {"source": "trained", "lang": lang, **query}.items():
        at.query_params[key] = str(value)
    at.session_state[KEY] = model
    return at.run()


def shown_prediction(at, lang="en") -> np.ndarray:
    """The numbers of the page's "The Keras model's prediction for this input: …" note."""
    prefix = translate("keras.note_prediction", lang, values="")[:-1]
    note = next(str(i.value) for i in at.info if prefix in str(i.value))
    return np.array([float(v) for v in re.findall(r"-?\d+\.\d{4}", note.split(prefix)[1])])


@pytest.mark.parametrize("dataset", ["negation_en", "negation_zh"])
def test_a_train_run_trained_in_keras_opens_back_in_the_explorer(dataset, tmp_path):
    prepared = exported_and_trained_in_keras(dataset, tmp_path)
    files = [(name, (tmp_path / name).read_bytes()) for name in ("model.keras", "word_index.json")]
    model = keras_files.load_files(files)  # what the sidebar upload does with the two files
    assert model.word_index is not None and model.word_index.oov_token == "<unk>"
    lang = "zh" if dataset.endswith("zh") else "en"
    tokens = tokenise(prepared.test_texts[0], prepared.tokenise_mode)
    # Keras's char-level Tokenizer reads punctuation as characters (out of the vocabulary), where the page
    # drops it: the sentence as a learner would type it to match, without punctuation
    sentence = (" " if lang == "en" else "").join(tokens)
    # the ids the model was trained on: LSTM Lab's own tokeniser and vocabulary, not the word index
    ids = np.array([prepared.vocab.encode(tokens)])
    expected = keras.models.load_model(tmp_path / "model.keras").predict(ids, verbose=0)[0]
    at = open_explorer(model, lang=lang, mode="text", text=sentence)
    assert not at.exception and not at.error, [e.value for e in at.error]
    np.testing.assert_allclose(shown_prediction(at, lang), expected, atol=1e-4)
    stepper = at.get("iframe")[0].proto.srcdoc
    assert f'"T":{ids.shape[1]}' in stepper  # the word index cut the sentence into the tokens the model read
    # the file is Tokenizer.to_json()'s as Keras reads it too: its own reader had failed on 'word_counts'
    from keras.src.legacy.preprocessing.text import tokenizer_from_json

    tokenizer = tokenizer_from_json((tmp_path / "word_index.json").read_text(encoding="utf-8"))
    assert tokenizer.word_index == model.word_index.words and tokenizer.document_count == len(prepared.train[0])
    assert tokenizer.texts_to_sequences([sentence]) == ids.tolist()


def keras_trained_model():
    """A tutorial's shape, small: Embedding -> LSTM -> Dense(softmax), fitted one epoch with Adam."""
    keras.utils.set_random_seed(0)
    L = keras.layers
    model = keras.Sequential(
        [keras.Input((None,), dtype="int32"), L.Embedding(30, 8), L.LSTM(6), L.Dense(3, activation="softmax")]
    )
    model.compile("adam", "sparse_categorical_crossentropy")
    rng = np.random.default_rng(0)
    model.fit(rng.integers(1, 30, (32, 7)), rng.integers(0, 3, 32), epochs=1, verbose=0)
    return model


WORDS = {f"w{k}": k for k in range(1, 30)}


@pytest.mark.parametrize("suffix", [".keras", ".h5"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_model_trained_in_keras_shows_keras_s_prediction_and_its_gates(suffix, lang, tmp_path):
    model = keras_trained_model()
    path = tmp_path / f"tutorial{suffix}"
    model.save(path)
    files = [(path.name, path.read_bytes()), ("words.json", json.dumps(WORDS).encode())]
    opened = keras_files.load_files(files)
    sentence = "w3 w14 w15 w9 w26 w5"
    expected = model.predict(np.array([[3, 14, 15, 9, 26, 5]]), verbose=0)[0]
    at = open_explorer(opened, lang=lang, mode="text", text=sentence)
    assert not at.exception and not at.error
    np.testing.assert_allclose(shown_prediction(at, lang), expected, atol=1e-4)
    shown = stepper_gates(at.get("iframe")[0].proto.srcdoc)
    assert shown["labels"] == sentence.split()
    for gate, values in keras_lstm_gates(model, [3, 14, 15, 9, 26, 5]).items():
        np.testing.assert_allclose(shown[gate], values, atol=1e-3)  # the stepper keeps 16-bit numbers


def stepper_gates(srcdoc: str) -> dict:
    """The gate values the explorer's stepper draws: its JSON, 16-bit integers times a scale, (T, H)."""
    data = json.loads(re.search(r'<script type="application/json" id="data">(.*?)</script>', srcdoc, re.S).group(1))
    out = {"labels": data["labels"]}
    for gate in "ifgo":
        q = data["q"][gate]
        out[gate] = (np.frombuffer(base64.b64decode(q["b64"]), dtype="<i2") * q["scale"]).reshape(data["T"], data["H"])
    return out


def keras_lstm_gates(model, ids) -> dict:
    """The LSTM's gates computed from Keras's own weights as Keras defines them (kernel (I, 4H), gates
    i, f, c, o), independently of the recorder: (T, H) each, c named g as on the page."""
    table, kernel, recurrent, bias = (np.asarray(w, dtype=np.float64) for w in model.get_weights()[:4])
    H = recurrent.shape[0]
    h, c, out = np.zeros(H), np.zeros(H), {g: [] for g in "ifgo"}
    for x in table[ids]:
        z = x @ kernel + h @ recurrent + bias
        i, f, g, o = (
            1 / (1 + np.exp(-z[:H])),
            1 / (1 + np.exp(-z[H : 2 * H])),
            np.tanh(z[2 * H : 3 * H]),
            1 / (1 + np.exp(-z[3 * H :])),
        )
        c = f * c + i * g
        h = o * np.tanh(c)
        for name, value in zip("ifgo", (i, f, g, o), strict=True):
            out[name].append(value)
    return {name: np.array(values) for name, values in out.items()}


def test_a_custom_layer_and_a_subclassed_model_are_refused_by_name(tmp_path):
    """The lesson: "a subclassed model is refused, and so is a custom layer, each with a message"."""
    from lstm_core import keras_io
    from lstm_core.errors import UserInputError

    L = keras.layers

    @keras.saving.register_keras_serializable(package="lesson")
    class Doubler(L.Layer):
        def call(self, x):
            return 2 * x

    @keras.saving.register_keras_serializable(package="lesson")
    class Tagger(keras.Model):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.embed, self.lstm, self.head = L.Embedding(20, 4), L.LSTM(3), L.Dense(2)

        def call(self, x):
            return self.head(self.lstm(self.embed(x)))

    custom = keras.Sequential([keras.Input((None,), dtype="int32"), L.Embedding(20, 4), Doubler(), L.LSTM(3), L.Dense(2)])
    subclassed = Tagger()
    subclassed(np.zeros((1, 3), dtype="int32"))
    for model, key, name in ((custom, "keras.err_layer", "Doubler"), (subclassed, "keras.err_not_sequential", "Tagger")):
        model.save(tmp_path / "m.keras")
        with pytest.raises(UserInputError) as info:
            keras_io.load((tmp_path / "m.keras").read_bytes())
        assert info.value.key == key and name in str(info.value.params), info.value.params
