"""datasets.text_steps: the intermediate results /text-pipeline shows, checked against torch and
against the documented Keras pad_sequences behaviour."""

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from datasets import text_steps as steps
from lstm_core.errors import UserInputError
from lstm_core.text import OOV, PAD, Vocab, tokenise

VOCAB = Vocab.build([tokenise("the movie was not bad"), tokenise("the food was good")])


def test_steps_of_an_english_sentence():
    s = steps.sentence_steps("The MOVIE wasn't bad!!", VOCAB, "auto", 8)
    assert s.lowercased == "the movie wasn't bad!!"
    assert s.normalised == "the movie wasn't bad"
    assert s.tokens == ["the", "movie", "wasn't", "bad"]
    assert s.indices == [VOCAB.stoi["the"], VOCAB.stoi["movie"], 1, VOCAB.stoi["bad"]]  # wasn't is unknown
    assert s.padded["pre"] == [0, 0, 0, 0, *s.indices]
    assert s.padded["post"] == [*s.indices, 0, 0, 0, 0]
    assert not s.was_capped


@pytest.mark.claims
def test_a_typed_apostrophe_inside_a_word_is_kept_as_the_caption_says():
    """Step 1's caption: "an apostrophe inside a word (don't) is kept". Phones and word processors type
    the typographic one (U+2019): "don’t" became "don" and "t", two unknown words. A closing quote after
    Chinese text (the reviews' "‘星级’了") stays a space, so the data sets' tokens do not change."""
    assert tokenise("I don’t like it, don't you? ’tis") == ["i", "don't", "like", "it", "don't", "you", "tis"]
    assert tokenise("可真别信什么‘星级’了", "chars") == list("可真别信什么星级了")


def test_chinese_characters_and_words():
    chars = steps.sentence_steps("这部电影不好看。", VOCAB, "chars", 10)
    assert chars.tokens == list("这部电影不好看")
    words = steps.sentence_steps("这部电影不好看。", VOCAB, "words", 10)
    # greedy longest match takes 不好 and leaves 看: the classic mistake of forward maximum matching
    assert words.tokens == ["这", "部", "电影", "不好", "看"]
    assert set(words.indices) == {1}  # nothing Chinese in this English vocabulary


def test_truncation_pre_keeps_the_end_post_keeps_the_start():
    s = steps.sentence_steps("a b c d e f", VOCAB, "words", 3)
    assert s.padded["pre"] == s.indices[-3:]
    assert s.padded["post"] == s.indices[:3]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(2, 50), min_size=0, max_size=30), st.integers(1, 40))
def test_padding_matches_keras_definition(seq, maxlen):
    # Keras: pre pads/cuts at the start, post at the end; output always has exactly maxlen entries
    from lstm_core.text import pad_sequences

    for side in ("pre", "post"):
        out = pad_sequences([seq], maxlen, padding=side, truncating=side)[0]
        assert len(out) == maxlen
        kept = seq[-maxlen:] if side == "pre" else seq[:maxlen]
        fill = [0] * (maxlen - len(kept))
        assert out == (fill + kept if side == "pre" else kept + fill)


def test_embedding_lookup_matches_torch_embedding():
    table = steps.embedding_matrix(len(VOCAB), 6, seed=3)
    assert table.shape == (len(VOCAB), 6) and not table[0].any()
    np.testing.assert_array_equal(table, steps.embedding_matrix(len(VOCAB), 6, seed=3))
    assert not np.array_equal(table, steps.embedding_matrix(len(VOCAB), 6, seed=4))
    embedding = torch.nn.Embedding(len(VOCAB), 6, padding_idx=0)
    with torch.no_grad():
        embedding.weight.copy_(torch.from_numpy(table))
    indices = steps.sentence_steps("the food was awful", VOCAB, "words", 7).padded["pre"]
    np.testing.assert_allclose(table[indices], embedding(torch.tensor(indices)).detach().numpy())


def test_long_text_is_capped():
    s = steps.sentence_steps("good " * 200, VOCAB, "words", 5)
    assert s.was_capped and len(s.raw) == steps.MAX_CHARS


@pytest.mark.parametrize(
    ("sentence", "maxlen", "key"),
    [
        ("", 5, "text_pipeline.err_empty"),
        ("   ", 5, "text_pipeline.err_empty"),
        ("?!…。，", 5, "text_pipeline.err_no_tokens"),
        ("good", 0, "text_pipeline.err_maxlen"),
        ("good", 10**6, "text_pipeline.err_maxlen"),
    ],
)
def test_bad_input_raises_a_translated_error(sentence, maxlen, key):
    from ui.i18n import STRINGS

    with pytest.raises(UserInputError) as info:
        steps.sentence_steps(sentence, VOCAB, "auto", maxlen)
    assert info.value.key == key
    for text in STRINGS[key]:
        text.format(**info.value.params)


def test_vocab_rows_have_the_special_tokens_first():
    rows = steps.vocab_rows(VOCAB, 4)
    assert rows[0] == (0, PAD, None) and rows[1] == (1, OOV, None)
    assert rows[2][2] == VOCAB.counts[rows[2][1]]
    with pytest.raises(UserInputError):
        steps.embedding_matrix(5, 0, 0)


@pytest.mark.parametrize("mode", ["auto", "words", "chars"])
@pytest.mark.parametrize("name", ["negation_zh", "reviews_zh"])
def test_the_page_vocabulary_is_the_one_training_builds(name, mode):
    """/text-pipeline tokenises a data set once and cuts the vocabulary per size from the counts; it
    must equal what /train builds from the training split's texts."""
    from datasets import classification
    from lstm_core.text import build_vocab
    from ui.text_pipeline_state import DATA_SEED, dataset_tokens, dataset_vocab

    data = classification.load(name, seed=DATA_SEED)
    train, _, _ = classification.split(data, seed=DATA_SEED)
    for size in (2, 50, 5000):
        vocab, expected = dataset_vocab(name, mode, size), build_vocab(train.texts, mode, size)
        assert vocab.itos == expected.itos and vocab.counts == expected.counts
    kept = dataset_tokens(name, mode)
    assert kept.n_train == len(train.texts) and kept.texts == data.texts
    assert list(kept.lengths) == [len(tokenise(text, mode)) for text in data.texts]
