"""/text-pipeline's sentences at the edges: each says what the page then shows, in both languages (a
sentence of one token, one that fills the maximum length exactly, none or all of its tokens known,
a vocabulary cut below the data's tokens), and the embedding chart writes its numbers only where
they can be read."""

import numpy as np
import pytest

from plots.text_pipeline import embedding_heatmap
from tests.apptest import html_tables
from tests.test_page_text_pipeline import run


def _said(at) -> str:
    return " ".join(md.value for md in at.markdown)


@pytest.mark.parametrize(
    ("lang", "query", "said", "never"),
    [
        ("en", dict(sentence="x", maxlen=5), "Your sentence has 1 token: 4 <pad> zeros are added.", "1 tokens"),
        ("en", dict(sentence="x", maxlen=2), "Your sentence has 1 token: one <pad> zero is added.", "1 tokens"),
        ("en", dict(sentence="x", maxlen=1), "exactly 1 token, the maximum length: nothing is added or cut", "0 <pad>"),
        ("en", dict(sentence="one two", maxlen=2), "exactly 2 tokens, the maximum length: nothing is added or cut", "0 <pad>"),
        ("zh", dict(sentence="好", maxlen=1), "正好有 1 个词元，等于最大长度：不用填充，也不用截断", "补上 0 个"),
        ("zh", dict(sentence="好", maxlen=3), "你的句子有 1 个词元：补上 2 个 <pad>（0）。", "补上 0 个"),
    ],
)
def test_the_padding_sentence_counts_in_good_grammar_and_never_adds_zero_pads(lang, query, said, never):
    at = run(lang=lang, **query)
    assert not at.exception and not at.error
    assert said in _said(at) and never not in _said(at)


@pytest.mark.parametrize(
    ("lang", "sentence", "said", "never"),
    [
        ("en", "it was not bad", "All 4 tokens are in the vocabulary: none becomes <unk>.", "0 of 4"),
        ("en", "zzqq xxyy", "None of the 2 tokens is in the vocabulary: all of them become <unk> (index 1).", "2 of 2"),
        ("en", "zzqq", "The sentence's one token is not in the vocabulary and becomes <unk> (index 1).", "1 of 1 tokens"),
        ("en", "bad", "The sentence's one token is in the vocabulary.", "0 of 1 tokens"),
        ("zh", "这部电影没有让我失望", "10 个词元全都在词表中，没有一个变成 <unk>。", "有 0 个"),
        ("zh", "zzqq", "句子只有 1 个词元，它不在词表中，变成 <unk>（编号 1）。", "1 个词元中有 1 个"),
    ],
)
def test_the_unknown_token_sentence_for_none_all_and_a_single_token(lang, sentence, said, never):
    at = run(lang=lang, sentence=sentence)
    assert not at.exception and not at.error
    tokens = html_tables(at)[1]
    unknown = list(tokens.iloc[:, 2]).count("1")  # the index column: what the sentence counts
    assert unknown in (0, len(tokens))
    assert said in _said(at) and never not in _said(at)


def _step3(at) -> str:
    return next(c.value for c in at.caption if "<pad> = 0" in c.value)


@pytest.mark.parametrize(
    ("lang", "vocab", "said"),
    [
        ("en", 10, "10 entries; only 8 of the 47 distinct tokens in those texts fit, the most frequent ones"),
        ("en", 3, "3 entries; only 1 of the 47 distinct tokens in those texts fits, the most frequent one"),
        ("en", 2, "2 entries, only the two special tokens: no token of those texts fits"),
        ("en", 5000, "49 entries; all 47 distinct tokens in those texts fit."),
        ("zh", 10, "共 10 项；这些文本中有 96 个不同的词元，只放得下出现最多的 8 个，其余的都会变成 <unk>。"),
        ("zh", 5000, "共 98 项；这些文本中的 96 个不同词元全部收入词表。"),
    ],
)
def test_the_vocabulary_caption_says_every_token_fits_only_when_it_does(lang, vocab, said):
    """A vocabulary of 10 entries for 47 distinct tokens was "every token seen, most frequent first ... 10
    entries; 47 distinct tokens": the caption now says how many fit and what the rest become."""
    at = run(lang=lang, vocab=vocab)
    assert not at.exception
    caption = _step3(at)
    assert said in caption
    assert "every token seen" not in caption and "所有见过的词元" not in caption
    table = html_tables(at)[2]
    assert len(table) == min(30, int(said.split()[0 if lang == "en" else 1].rstrip(",;")))


def test_the_page_counts_what_fits_from_the_data_itself():
    """The numbers of the vocabulary caption, recounted from the training split's distinct tokens."""
    from datasets import classification
    from lstm_core.text import tokenise
    from ui.text_pipeline_state import DATA_SEED

    data = classification.load("negation_en", seed=DATA_SEED)
    train, _, _ = classification.split(data, seed=DATA_SEED)
    seen = len({tok for text in train.texts for tok in tokenise(text, "auto")})
    at = run(vocab=20)
    assert f"only 18 of the {seen} distinct tokens" in _step3(at)


def test_the_embedding_sizes_say_times_not_x():
    for lang in ("en", "zh"):
        caption = next(c.value for c in run(lang=lang, dim=8).caption if "padding_idx" in c.value)
        assert "× 8" in caption and "x 8" not in caption


@pytest.mark.parametrize(
    ("T", "dim", "written"), [(5, 8, True), (20, 12, True), (5, 13, False), (5, 32, False), (60, 4, True), (101, 4, False)]
)
def test_the_heatmap_writes_its_numbers_only_where_they_can_be_read(T, dim, written):
    """5 positions x 32 dimensions wrote 160 numbers a few pixels high: too narrow a cell to read."""
    fig = embedding_heatmap(np.ones((T, dim)), [str(k) for k in range(T)], "t", "x", "y")
    assert ("texttemplate" in fig.to_plotly_json()["data"][0]) == written


@pytest.mark.parametrize(
    ("lang", "said"), [("en", "of length 1, becomes a matrix of 1 × 8"), ("zh", "长度为 1 的编号序列变成一个 1 × 8 的矩阵")]
)
def test_a_sequence_of_one_is_not_1_indices(lang, said):
    caption = next(c.value for c in run(lang=lang, sentence="x", maxlen=1).caption if "padding_idx" in c.value)
    assert said in caption and "1 indices" not in caption


def test_the_vocabulary_counts_stand_on_the_right_as_in_step_2():
    """Step 2's counts were right-aligned numbers, step 3's the same counts as left-aligned text."""
    at = run()
    step2, step3 = at.html[1].value, at.html[2].value
    for html in (step2, step3):
        assert 'text-align:right;white-space:nowrap">2626</td>' in html  # "was", the commonest token
    vocab = html_tables(at)[2]
    assert list(vocab.iloc[:3, 2]) == ["—", "—", "2626"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_post_row_does_not_claim_to_be_what_train_reads_when_it_is_cut_shorter(lang):
    """At a maximum length of 3, a sentence of 5 tokens keeps 3 in the "post" row, while /train (80
    tokens) reads all 5: the row shows how /train pads, not what it reads."""
    at = run(lang=lang, sentence="it was not bad at all", maxlen=3)
    assert not at.exception
    rows = list(html_tables(at)[3].iloc[:, 0])
    assert rows[0] == ("post (as /train pads): indices" if lang == "en" else "post（训练页面的方式）：编号")
    shown = " ".join(rows) + " ".join(c.value for c in at.caption)
    assert "what /train reads" not in shown and "训练页面读的" not in shown
