"""A learner's own Keras word index: turn a sentence into the ids their model was trained on.

Accepts the JSON that `keras.preprocessing.text.Tokenizer.to_json()` writes (its `word_index` is a
JSON string inside the config, and the config carries `oov_token`, `num_words`, `lower`, `filters`,
`split`, `char_level`), or a plain `{"word": id}` object. Encoding follows the Tokenizer's
`texts_to_sequences`: lower-case, the filter characters become separators, split on `split`; a word
outside the index (or with an id >= num_words) becomes the OOV token's id when there is one, and is
dropped otherwise, as Keras drops it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from lstm_core.errors import UserInputError

from .sequence_input import MAX_STEPS

KERAS_FILTERS = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n'  # Tokenizer's default
# tokenizer.to_json() keeps five tables of the whole vocabulary (counts, documents, both indexes): the
# IMDB reviews' 88,584 words make an 8.1 MB file (their plain {word: id} JSON, 1.5 MB).
MAX_BYTES = 12 * 1024 * 1024
MAX_WORDS = 100_000
MAX_WORD_CHARS = 100
MAX_ID = 10_000_000


@dataclass(frozen=True)
class WordIndex:
    words: dict  # {word: id}
    oov_token: str | None = None
    num_words: int | None = None
    lower: bool = True
    filters: str = KERAS_FILTERS
    split: str = " "
    char_level: bool = False

    @property
    def oov_id(self) -> int | None:
        return None if self.oov_token is None else self.words.get(self.oov_token)


@dataclass(frozen=True)
class Encoded:
    ids: tuple  # the model's input, one id a step
    labels: tuple  # one per step: the word, or "word→OOV token" when it was read as the OOV token
    oov: tuple  # words outside the index, in order of appearance (once each)
    dropped: bool  # True when those words were dropped (no OOV token)
    truncated_from: int | None = None


def _bad():
    return UserInputError("keras.err_words", limit=MAX_WORDS)


def parse(raw) -> WordIndex:
    """A WordIndex from the uploaded JSON bytes. Raises UserInputError("keras.err_words")."""
    if not isinstance(raw, (bytes, str)) or len(raw) > MAX_BYTES:
        raise _bad()
    try:
        value = json.loads(raw)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _bad() from exc
    if not isinstance(value, dict):
        raise _bad()
    if value.get("class_name") == "Tokenizer" and isinstance(value.get("config"), dict):
        return _from_tokenizer(value["config"])
    return WordIndex(_words(value))


def looks_like_word_index(value) -> bool:
    """A parsed JSON value that is a Tokenizer's JSON or a {word: id} object (not a model config)."""
    if not isinstance(value, dict):
        return False
    if value.get("class_name") == "Tokenizer":
        return True
    return bool(value) and all(isinstance(v, int) and not isinstance(v, bool) for v in list(value.values())[:100])


def _words(value) -> dict:
    if not isinstance(value, dict) or not value or len(value) > MAX_WORDS:
        raise _bad()
    for word, index in value.items():
        if not word or len(word) > MAX_WORD_CHARS or type(index) is not int or not 0 <= index <= MAX_ID:
            raise _bad()
    return dict(value)


def _from_tokenizer(config: dict) -> WordIndex:
    words = config.get("word_index")
    try:
        words = json.loads(words) if isinstance(words, str) else words
    except (ValueError, RecursionError) as exc:
        raise _bad() from exc
    oov, num_words = config.get("oov_token"), config.get("num_words")
    filters, split = config.get("filters", KERAS_FILTERS), config.get("split", " ")
    if oov is not None and (not isinstance(oov, str) or len(oov) > MAX_WORD_CHARS):
        raise _bad()
    if num_words is not None and (type(num_words) is not int or num_words < 1):
        raise _bad()
    if not isinstance(filters, str) or len(filters) > 1000 or not isinstance(split, str) or not split or len(split) > 10:
        raise _bad()
    return WordIndex(
        _words(words),
        oov_token=oov,
        num_words=num_words,
        lower=config.get("lower", True) is not False,
        filters=filters,
        split=split,
        char_level=config.get("char_level") is True,
    )


def words_of(text: str, index: WordIndex) -> list[str]:
    """Keras's text_to_word_sequence (or the characters, for a char-level tokenizer)."""
    if index.lower:
        text = text.lower()
    if index.char_level:
        return list(text)
    text = text.translate({ord(c): index.split for c in index.filters})
    return [w for w in text.split(index.split) if w]


def encode(text: str, index: WordIndex) -> Encoded:
    """The ids Keras's Tokenizer.texts_to_sequences would give `text`."""
    if not isinstance(text, str) or not text.strip():
        raise UserInputError("explorer.err_empty_text")
    oov_id = index.oov_id
    ids, labels, oov = [], [], []
    for word in words_of(text, index):
        i = index.words.get(word)
        if i is not None and (index.num_words is None or i < index.num_words):
            ids.append(i)
            labels.append(word)
            continue
        oov.append(word)
        if oov_id is not None:
            ids.append(oov_id)
            labels.append(f"{word}→{index.oov_token}")
    if not ids:
        raise UserInputError("keras.err_no_words")
    original = len(ids) if len(ids) > MAX_STEPS else None
    return Encoded(tuple(ids[:MAX_STEPS]), tuple(labels[:MAX_STEPS]), tuple(dict.fromkeys(oov)), oov_id is None, original)
